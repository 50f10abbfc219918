"""Figures over months. Months are shown as Dutch category labels ('jan 2024'); the ISO month
travels in customdata[0] so a click can cross-filter on it."""
from __future__ import annotations

import math

import pandas as pd

from dashboard.figures.basis import figuur, fmt, hover, leeg
from dashboard.figures.licht import Figuur
from kern import formats
from kern.kleuren import KLEUR, patroon

# the second cue beside colour for several lines in one chart: dash style and marker shape
LIJNSTIJLEN = ["solid", "dash", "dot", "dashdot"]
SYMBOLEN = ["circle", "square", "diamond", "triangle-up"]


def _maanden(df: pd.DataFrame, korrel: str = "maand") -> tuple[list[str], list[str]]:
    """Labels of the periods (months, or quarters/half-years/years starting at `maand`) and their ISO month."""
    return _labels(df["maand"].tolist(), korrel)


def _labels(maanden: list, korrel: str = "maand") -> tuple[list[str], list[str]]:
    """_maanden for a list of months (Timestamps, dates or ISO dates)."""
    m = [pd.Timestamp(x) for x in maanden]
    return [formats.tijdvak(x, korrel) for x in m], [x.strftime("%Y-%m") for x in m]


def _breed_per_maand(maanden: list, cats: list, waarden: pd.Series) -> tuple[list, dict[str, list]]:
    """(months in order, {category: its value per month}) from long rows, as
    `groupby([maand, cat]).sum(min_count=1).unstack(cat).dropna(how="all").dropna(axis=1,
    how="all").sort_index()` gives it, in plain Python (that chain was most of a page's pandas
    time): a value hidden by the small-numbers rule (NaN) stays missing, not 0; a month or
    category without any value is left out; a month without a row for a category is NaN, and
    then every value is a float, as unstack makes the whole frame float."""
    geheel = waarden.dtype.kind in "iu"
    lijst = waarden.tolist()
    som: dict = {}
    for m, c, v in zip(maanden, cats, lijst):
        rij = som.setdefault(m, {})
        if v is None or math.isnan(v):  # NaN: the group stays NaN unless another value comes
            rij.setdefault(c, None)
        else:
            oud = rij.get(c)
            rij[c] = v if oud is None else oud + v
    alle_cats = {c for rij in som.values() for c in rij}
    gat = any(len(rij) < len(alle_cats) for rij in som.values())
    nan = float("nan")
    volgorde = sorted(m for m, rij in som.items() if any(v is not None for v in rij.values()))
    breed = {}
    for c in alle_cats:
        reeks = [som[m].get(c) for m in volgorde]
        if all(v is None for v in reeks):
            continue
        if geheel and not gat:
            breed[c] = reeks
        else:
            breed[c] = [nan if v is None else float(v) for v in reeks]
    return volgorde, breed


def _opacity(iso: list[str], geselecteerd: str | None) -> list[float] | None:
    if not geselecteerd:
        return None
    return [1.0 if i == geselecteerd else 0.35 for i in iso]


def reeksen_per_maand(df: pd.DataFrame, reeksen: list[tuple[str, str, str]], *, soort: str = "lijn",
                      opmaak: str = "getal", geselecteerd: str | None = None, ytitel: str = "",
                      hoogte: int = 320, gestapeld: bool = False, korrel: str = "maand") -> Figuur:
    """One trace per (kolom, label, kleur) over df['maand']; soort 'lijn' or 'staaf'."""
    if df.empty:
        return leeg(hoogte=hoogte)
    labels, iso = _maanden(df, korrel)
    fig = figuur(hoogte, yaxis_title=ytitel, hovermode="closest",
                 barmode="relative" if gestapeld else "group")
    for i, (kolom, label, kleur) in enumerate(reeksen):
        waarden = df[kolom].tolist()
        cd = list(zip(iso, [fmt(v, opmaak) for v in waarden]))
        if soort == "staaf":
            fig.add_bar(x=labels, y=waarden, name=label, marker_color=kleur, customdata=cd,
                        hovertemplate=hover(label), marker_opacity=_opacity(iso, geselecteerd))
        else:
            fig.add_scatter(x=labels, y=waarden, name=label, mode="lines+markers", customdata=cd,
                            line={"color": kleur, "width": 3, "dash": LIJNSTIJLEN[i % len(LIJNSTIJLEN)]},
                            hovertemplate=hover(label),
                            marker={"size": [12 if m == geselecteerd else 7 for m in iso],
                                    "symbol": SYMBOLEN[i % len(SYMBOLEN)]})
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels)
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(showlegend=len(reeksen) > 1)
    return fig


def gestapeld_per_maand(df: pd.DataFrame, categorie: str, waarde: str, kleuren: dict[str, str],
                        volgorde: list[str], *, labels: dict[str, str] | None = None,
                        opmaak: str = "getal", geselecteerd: str | None = None, ytitel: str = "",
                        hoogte: int = 380, korrel: str = "maand") -> Figuur:
    """Stacked bars per month of `waarde` by `categorie` (long DataFrame: maand, categorie, waarde)."""
    if df.empty:
        return leeg(hoogte=hoogte)
    maanden, breed = _breed_per_maand(df["maand"].tolist(), df[categorie].tolist(), df[waarde])
    fig = figuur(hoogte, barmode="stack", yaxis_title=ytitel)
    x, iso = _labels(maanden, korrel)
    cats = [c for c in volgorde if c in breed] + sorted(c for c in breed if c not in volgorde)
    for cat in cats:
        naam = (labels or {}).get(cat, cat)
        cd = list(zip(iso, [fmt(v, opmaak) for v in breed[cat]]))
        fig.add_bar(x=x, y=breed[cat], name=naam, marker_color=kleuren.get(cat, "#767676"),
                    marker_pattern_shape=patroon(cat), customdata=cd, hovertemplate=hover(naam),
                    marker_opacity=_opacity(iso, geselecteerd))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=x)
    return fig


def stromen(df: pd.DataFrame, *, geselecteerd: str | None = None, hoogte: int = 340,
            korrel: str = "maand") -> Figuur:
    """Instroom up, uitstroom down (negative), netto as a line; df: maand, instroom, uitstroom,
    nieuwe_clienten."""
    if df.empty:
        return leeg(hoogte=hoogte)
    x, iso = _maanden(df, korrel)
    netto = (df["instroom"] - df["uitstroom"]).tolist()
    fig = figuur(hoogte, barmode="relative", yaxis_title="Cliënten")
    op = _opacity(iso, geselecteerd)
    fig.add_bar(x=x, y=df["instroom"], name="Instroom", marker_color=KLEUR["instroom"],
                customdata=list(zip(iso, [fmt(v) for v in df["instroom"]])),
                hovertemplate=hover("Instroom"), marker_opacity=op)
    fig.add_bar(x=x, y=-df["uitstroom"], name="Uitstroom", marker_color=KLEUR["uitstroom"],
                customdata=list(zip(iso, [fmt(v) for v in df["uitstroom"]])),
                hovertemplate=hover("Uitstroom"), marker_opacity=op)
    fig.add_scatter(x=x, y=df["nieuwe_clienten"], name="Nieuwe cliënten", mode="markers",
                    marker={"color": KLEUR["nieuwe_clienten"], "symbol": "diamond", "size": 10,
                                "line": {"color": "#000000", "width": 1}},
                    customdata=list(zip(iso, [fmt(v) for v in df["nieuwe_clienten"]])),
                    hovertemplate=hover("Nieuwe cliënten"))
    fig.add_scatter(x=x, y=netto, name="Netto", mode="lines+markers",
                    line={"color": KLEUR["netto"], "width": 2, "dash": "dot"},
                    customdata=list(zip(iso, [formats.getal(v, teken=True) for v in netto])),
                    hovertemplate=hover("Netto"))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=x)
    return fig


def waterval(begin_label: str, begin: int, instroom: int, uitstroom: int, eind_label: str,
             eind: int, hoogte: int = 300) -> Figuur:
    """Stand at the start + instroom - uitstroom = stand at the end (the flows explain the stand)."""
    fig = figuur(hoogte, yaxis_title="Cliënten", showlegend=False)
    x = [begin_label, "Instroom", "Uitstroom", eind_label]
    y = [begin, instroom, -uitstroom, eind]
    tekst = [formats.getal(begin), formats.getal(instroom, teken=True),
             formats.getal(-uitstroom), formats.getal(eind)]
    fig.add_trace(
        type="waterfall", x=x, y=y, measure=["absolute", "relative", "relative", "absolute"], text=tekst,
        textposition="outside", customdata=tekst, hovertemplate="%{x}: <b>%{customdata}</b><extra></extra>",
        increasing={"marker_color": KLEUR["instroom"]}, decreasing={"marker_color": KLEUR["uitstroom"]},
        totals={"marker_color": KLEUR["stand"]},
        connector={"line": {"color": "#888888"}})
    fig.update_yaxes(rangemode="tozero")
    return fig
