"""Figures by category: municipalities, reasons, classes, tussenvormen."""
from __future__ import annotations

import math

import pandas as pd

from dashboard.figures.basis import figuur, fmt, leeg
from dashboard.figures.licht import Figuur
from kern.kleuren import KLEUR, kleur_tussenvorm


def staven_per_gemeente(df: pd.DataFrame, waarde: str, label: str, *, opmaak: str = "getal",
                        geselecteerd: str | None = None, kleur: str = KLEUR["stand"],
                        hoogte: int | None = None, code: str = "gemeente_code",
                        naam: str = "gemeente_naam") -> Figuur:
    """Horizontal bars, one per gemeente (df: gemeente_code, gemeente_naam, <waarde>), largest on
    top. customdata[0] is the gemeente code, for the cross-filter. `code`/`naam` choose other
    columns (subregio's)."""
    if df.empty:
        return leeg(hoogte=hoogte or 300)
    waarden, namen, codes = _op_waarde(df[waarde].tolist(), df[naam].tolist(), df[code].tolist())
    kleuren = [KLEUR["selectie"] if g == geselecteerd else kleur for g in codes]
    opacity = [1.0 if (not geselecteerd or g == geselecteerd) else 0.45 for g in codes]
    tekst = [fmt(v, opmaak) for v in waarden]
    fig = figuur(hoogte or max(220, 34 * len(df) + 60), showlegend=False,
                 margin={"l": 8, "r": 48, "t": 30, "b": 8})
    fig.add_bar(y=namen, x=waarden, orientation="h", marker_color=kleuren,
                marker_opacity=opacity, text=tekst, textposition="outside", cliponaxis=False,
                customdata=list(zip(codes, tekst)),
                hovertemplate="%{y}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>")
    fig.update_yaxes(type="category")
    fig.update_xaxes(rangemode="tozero", title=label)
    return fig


def _op_waarde(waarden: list, namen: list, codes: list) -> tuple[list, list, list]:
    """The bars in the order `sort_values([waarde, naam], ascending=[True, False])` gave (the
    largest value is drawn on top; equal values by name, Z first; a hidden value, NaN, last),
    without a DataFrame per figure: two stable sorts, the second key first."""
    volgorde = sorted(range(len(waarden)), key=lambda i: namen[i], reverse=True)
    volgorde.sort(key=lambda i: (_nan(waarden[i]), 0 if _nan(waarden[i]) else waarden[i]))
    return [waarden[i] for i in volgorde], [namen[i] for i in volgorde], [codes[i] for i in volgorde]


def _nan(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def staven(df: pd.DataFrame, x: str, y: str, label: str, *, kleur: str = KLEUR["stand"],
           opmaak: str = "getal", horizontaal: bool = False, hoogte: int = 300,
           kleuren: list[str] | None = None) -> Figuur:
    """Simple bars of `y` per category `x`, in the order of df."""
    if df.empty:
        return leeg(hoogte=hoogte)
    tekst = [fmt(v, opmaak) for v in df[y]]
    fig = figuur(hoogte, showlegend=False, margin={"l": 8, "r": 48, "t": 30, "b": 8})
    kw = {"marker_color": kleuren or kleur, "text": tekst, "textposition": "outside", "cliponaxis": False,
              "customdata": list(zip(df[x], tekst))}
    if horizontaal:
        fig.add_bar(y=df[x], x=df[y], orientation="h",
                    hovertemplate="%{y}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>", **kw)
        fig.update_yaxes(type="category", autorange="reversed")
    else:
        fig.add_bar(x=df[x], y=df[y],
                    hovertemplate="%{x}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>", **kw)
        fig.update_xaxes(type="category")
    return fig


def gegroepeerd(df: pd.DataFrame, x: str, reeksen: list[tuple[str, str, str]], *, opmaak: str = "getal",
                hoogte: int = 300, ytitel: str = "", patronen: dict[str, str] | None = None) -> Figuur:
    """Grouped bars: one trace per (kolom, label, kleur) over category x."""
    if df.empty:
        return leeg(hoogte=hoogte)
    fig = figuur(hoogte, barmode="group", yaxis_title=ytitel)
    for kolom, label, kleur in reeksen:
        tekst = [fmt(v, opmaak) for v in df[kolom]]
        fig.add_bar(x=df[x].astype(str), y=df[kolom], name=label, marker_color=kleur,
                    marker_pattern_shape=(patronen or {}).get(kolom, ""),
                    customdata=list(zip(df[x].astype(str), tekst)),
                    hovertemplate="%{x}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>")
    fig.update_xaxes(type="category")
    return fig


def matrix(breed: pd.DataFrame, *, hoogte: int | None = None) -> Figuur:
    """Heatmap of a gemeente x tussenvorm table (index: gemeente names, columns: tussenvormen)."""
    if breed.empty:
        return leeg(hoogte=hoogte or 300)
    z = breed.values
    tekst = [[fmt(v) for v in rij] for rij in z]
    fig = figuur(hoogte or max(240, 34 * len(breed) + 90), margin={"l": 8, "r": 8, "t": 30, "b": 8})
    fig.add_heatmap(z=z, x=list(breed.columns), y=list(breed.index), text=tekst,
                    texttemplate="%{text}", showscale=False,
                    # light to mid blue with black text: >= 4,5:1 in every cell (the darkest,
                    # #6BAED6, is 8,6:1 against black), where 'Blues' put white on light grey
                    colorscale=[[0, "#F3F8FC"], [1, "#6BAED6"]], textfont={"color": "#000000"},
                    hovertemplate="%{y} · %{x}<br>Actieve cliënten: <b>%{text}</b><extra></extra>",
                    xgap=2, ygap=2)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top", type="category")
    return fig


def sankey(df: pd.DataFrame, *, hoogte: int = 340) -> Figuur:
    """Doorstroom between tussenvormen (df: van_tussenvorm, naar_tussenvorm, aantal). Left the
    'from' forms, right the 'to' forms, each in its tussenvorm colour."""
    if df.empty or df["aantal"].sum() == 0:
        return leeg("Geen doorstroom in deze selectie", hoogte=hoogte)
    van = sorted(df["van_tussenvorm"].unique(), key=_volgorde)
    naar = sorted(df["naar_tussenvorm"].unique(), key=_volgorde)
    knopen = [f"{v} (van)" for v in van] + [f"{n} (naar)" for n in naar]
    kleuren = [kleur_tussenvorm(v) for v in van] + [kleur_tussenvorm(n) for n in naar]
    fig = figuur(hoogte)
    fig.add_trace(
        type="sankey", arrangement="snap",
        node={"label": knopen, "color": kleuren, "pad": 18, "thickness": 18,
              "hovertemplate": "%{label}: <b>%{value}</b><extra></extra>"},
        link={"source": [van.index(v) for v in df["van_tussenvorm"]],
              "target": [len(van) + naar.index(n) for n in df["naar_tussenvorm"]],
              "value": df["aantal"].tolist(),
              "color": ["rgba(120,120,120,0.35)"] * len(df),
              "customdata": [fmt(v) for v in df["aantal"]],
              "hovertemplate": "%{source.label} → %{target.label}: <b>%{customdata}</b><extra></extra>"})
    return fig


def _volgorde(naam: str) -> int:
    from kern.kleuren import volgorde_tussenvorm
    return volgorde_tussenvorm(naam)
