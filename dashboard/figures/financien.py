"""Money figures: realised and forecast always apart."""
from __future__ import annotations

from dashboard.figures.basis import euro_as, figuur, fmt, hover, leeg
from dashboard.figures.licht import Figuur
from kern import formats
from kern.kleuren import (
    KLEUR,
    KLEUR_LEVERINGSVORM,
    LEVERINGSVORM_LABEL,
    LEVERINGSVORMEN,
    patroon,
)


def _cd(x, waarden):
    return list(zip([str(v) for v in x], [formats.eur(v) for v in waarden]))


def baten_lasten(rijen: list[dict], labels: list[str], hoogte: int = 340) -> Figuur:
    """Per year (one row per year, the version shown; `labels` the x label of each): baten next
    to stacked costs (ZIN, PGB, niet-cliëntgebonden), with the result as a marker. Row keys:
    baten_eur, zin_eur, pgb_eur, niet_clientgebonden_kosten_eur, resultaat_eur."""
    if not rijen:
        return leeg(hoogte=hoogte)
    x = list(labels)
    baten = [r["baten_eur"] for r in rijen]
    fig = figuur(hoogte, yaxis_title="Euro")
    fig.add_bar(x=x, y=baten, name="Baten", marker_color=KLEUR["baten"], offsetgroup="baten",
                customdata=_cd(x, baten), hovertemplate="%{x}<br>Baten: <b>%{customdata[1]}</b><extra></extra>")
    basis = [0.0] * len(rijen)
    for kolom, label, kleur in (("zin_eur", "Kosten ZIN", KLEUR["zin"]), ("pgb_eur", "Kosten PGB", KLEUR["pgb"]),
                                ("niet_clientgebonden_kosten_eur", "Niet-cliëntgebonden kosten",
                                 KLEUR["niet_clientgebonden"])):
        waarden = [r[kolom] for r in rijen]
        fig.add_bar(x=x, y=waarden, name=label, marker_color=kleur, offsetgroup="kosten",
                    marker_pattern_shape=patroon({"pgb_eur": "PGB", "niet_clientgebonden_kosten_eur":
                                                  "niet_clientgebonden"}.get(kolom, "")),
                    base=basis,
                    customdata=_cd(x, waarden),
                    hovertemplate="%{x}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>")
        basis = [b + float(w) for b, w in zip(basis, waarden)]
    resultaat = [r["resultaat_eur"] for r in rijen]
    fig.add_scatter(x=x, y=resultaat, name="Resultaat", mode="markers",
                    marker={"symbol": "diamond", "size": 13, "color": KLEUR["resultaat"]},
                    customdata=_cd(x, resultaat),
                    hovertemplate="%{x}<br>Resultaat: <b>%{customdata[1]}</b><extra></extra>")
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return euro_as(fig)


def lopend_resultaat(baten: float, gerealiseerd: float, prognose: float, niet_clientgebonden: float,
                     hoogte: int = 260) -> Figuur:
    """The running year: baten against costs split in realised (solid) and forecast (hatched)."""
    fig = figuur(hoogte, barmode="stack", xaxis_title="Euro", margin={"l": 8, "r": 24, "t": 30, "b": 8})
    rijen = ["Baten", "Lasten"]
    delen = [
        ("Baten", [baten, 0], KLEUR["baten"], ""),
        ("Cliëntgebonden gerealiseerd", [0, gerealiseerd], KLEUR["gerealiseerd"], ""),
        ("Cliëntgebonden prognose", [0, prognose], KLEUR["prognose"], "/"),
        ("Niet-cliëntgebonden", [0, niet_clientgebonden], KLEUR["niet_clientgebonden"], "."),
    ]
    for naam, waarden, kleur, arcering in delen:
        fig.add_bar(y=rijen, x=waarden, name=naam, orientation="h", marker_color=kleur,
                    marker_pattern_shape=arcering, marker_line={"color": "#333333", "width": 0.5},
                    customdata=[formats.eur(v) for v in waarden],
                    hovertemplate=naam + ": <b>%{customdata}</b><extra></extra>")
    fig.update_yaxes(type="category", autorange="reversed")
    return euro_as(fig, "x")


def begroting_realisatie(rijen: list[dict], hoogte: int = 320) -> Figuur:
    """Per year: budget for client costs next to realised + forecast (stacked, forecast hatched).
    Row keys: jaar, begroting_clientgebonden_eur, clientgebonden_gerealiseerd_eur,
    clientgebonden_prognose_eur."""
    if not rijen:
        return leeg(hoogte=hoogte)
    x = [str(r["jaar"]) for r in rijen]
    begroot = [r["begroting_clientgebonden_eur"] for r in rijen]
    gerealiseerd = [r["clientgebonden_gerealiseerd_eur"] for r in rijen]
    prognose = [r["clientgebonden_prognose_eur"] for r in rijen]
    fig = figuur(hoogte, barmode="relative", yaxis_title="Euro")
    fig.add_bar(x=x, y=begroot, name="Begroting", offsetgroup="b",
                marker_color=KLEUR["begroting"], customdata=_cd(x, begroot),
                hovertemplate="%{x}<br>Begroting: <b>%{customdata[1]}</b><extra></extra>")
    fig.add_bar(x=x, y=gerealiseerd, name="Gerealiseerd", offsetgroup="r",
                marker_color=KLEUR["gerealiseerd"], customdata=_cd(x, gerealiseerd),
                hovertemplate="%{x}<br>Gerealiseerd: <b>%{customdata[1]}</b><extra></extra>")
    fig.add_bar(x=x, y=prognose, name="Prognose", offsetgroup="r",
                base=gerealiseerd, marker_color=KLEUR["prognose"],
                marker_pattern_shape="/", customdata=_cd(x, prognose),
                hovertemplate="%{x}<br>Prognose: <b>%{customdata[1]}</b><extra></extra>")
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return euro_as(fig)


def kosten_per_maand(maanden: list, per_vorm: dict[str, list], *, geselecteerd: str | None = None,
                     hoogte: int = 380) -> Figuur:
    """Realised costs per month, stacked by leveringsvorm: the chart figures/tijd.gestapeld_per_maand
    draws for them, built from the month sums the visual already has (no second regrouping).
    `maanden`: the months' first days (Timestamps) in order; `per_vorm`: leveringsvorm -> the
    sum of each month, NaN for a month without costs of that form (no bar)."""
    if not maanden:
        return leeg(hoogte=hoogte)
    fig = figuur(hoogte, barmode="stack", yaxis_title="Euro")
    x = [formats.tijdvak(m, "maand") for m in maanden]
    iso = [m.strftime("%Y-%m") for m in maanden]
    opacity = [1.0 if i == geselecteerd else 0.35 for i in iso] if geselecteerd else None
    vormen = [v for v in LEVERINGSVORMEN if v in per_vorm] + sorted(v for v in per_vorm if v not in LEVERINGSVORMEN)
    for vorm in vormen:
        naam = LEVERINGSVORM_LABEL.get(vorm, vorm)
        cd = list(zip(iso, [fmt(v, "eur") for v in per_vorm[vorm]]))
        fig.add_bar(x=x, y=per_vorm[vorm], name=naam, marker_color=KLEUR_LEVERINGSVORM.get(vorm, "#767676"),
                    marker_pattern_shape=patroon(vorm), customdata=cd, hovertemplate=hover(naam),
                    marker_opacity=opacity)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=x)
    return fig


def kosten_per_gemeente(namen: list[str], gerealiseerd: list[float], prognose: list[float],
                        hoogte: int = 300) -> Figuur:
    """Realised and forecast (hatched) costs per gemeente side by side: the chart
    figures/categorie.gegroepeerd draws for them, built from the lists the visual has."""
    if not namen:
        return euro_as(leeg(hoogte=hoogte))  # as the page always gave it: the euro axis on the empty chart
    fig = figuur(hoogte, barmode="group", yaxis_title="Euro")
    x = [str(n) for n in namen]
    for waarden, label, kleur, arcering in ((gerealiseerd, "Gerealiseerd", KLEUR["gerealiseerd"], ""),
                                            (prognose, "Prognose", KLEUR["prognose"], "/")):
        fig.add_bar(x=x, y=waarden, name=label, marker_color=kleur, marker_pattern_shape=arcering,
                    customdata=list(zip(x, [fmt(v, "eur") for v in waarden])),
                    hovertemplate="%{x}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>")
    fig.update_xaxes(type="category")
    return euro_as(fig)
