"""Gemeente detail: one municipality against the region, per 1.000 inwoners."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import KLEUR, KLEUR_TUSSENVORM, TUSSENVORMEN

INDICATOREN = {  # sleutel: (teller, titel, eenheid, opmaak, factor)
    "actief": ("actief_einde", "Actieve cliënten per 1.000 inwoners", "per 1.000 inwoners", "getal2", 1000),
    "instroom": ("instroom", "Instroom per 1.000 inwoners", "per 1.000 inwoners", "getal2", 1000),
    "wlz": ("uitstroom_wlz", "Uitstroom naar de Wlz per 1.000 inwoners", "per 1.000 inwoners", "getal2", 1000),
    "kosten": ("kosten_eur", "Cliëntgebonden kosten per inwoner", "euro per inwoner", "eur", 1),
}


def gemeente_code(ctx: Context) -> str | None:
    """The page's gemeente: the path variable, else the cross-filter, else a single filtered gemeente.
    None when it is not in the caller's scope."""
    kandidaten = [ctx.gemeente, ctx.filters.kruis_gemeente] + (
        [ctx.filters.gemeenten[0]] if len(ctx.filters.gemeenten) == 1 else [])
    for code in kandidaten:
        if code and re.fullmatch(r"GM\d{4}", code):
            return code if code in data.toegestane_gemeenten(ctx.scope) else None
    eigen = data.toegestane_gemeenten(ctx.scope)
    return eigen[0] if len(eigen) == 1 else None  # a user with one municipality: that one


def _kengetallen(ctx: Context, code: str) -> dict[str, list]:
    """The gemeente's and the region's key figures per year side by side (suffixes _g, _r), one
    query for the four indicator visuals of the page (warehouse/queries/gemeente_kengetallen.sql)."""
    return ctx.onthoud(("gemeente.kengetallen", code), lambda: data.gemeente_kengetallen(ctx.scope, code))


def vergelijking(ctx: Context, code: str, sleutel: str) -> pd.DataFrame:
    """Per year: the indicator for the gemeente and for the region (sum / sum, not a mean of
    ratios). A rate per 1.000 is computed from the published count (inwoners are public, so a
    rate of the exact count would give it back); euros per inwoner from the exact amount."""
    teller, *_rest, factor = INDICATOREN[sleutel]
    k = _kengetallen(ctx, code)
    a = ctx.afscherming

    def cijfer(t, i):
        if sleutel == "kosten":
            return t / i * factor if i else float("nan")
        r = a.per_1000(t, i)
        return float("nan") if r is None else r

    rijen = sorted(zip(k["jaar"], k[f"{teller}_g"], k["inwoners_g"], k[f"{teller}_r"], k["inwoners_r"]),
                   key=lambda r: r[0])
    return pd.DataFrame({"jaar": [r[0] for r in rijen], "gemeente": [cijfer(r[1], r[2]) for r in rijen],
                         "regio": [cijfer(r[3], r[4]) for r in rijen]}, columns=["jaar", "gemeente", "regio"])


def _indicator_visual(ctx: Context, sleutel: str) -> Visual:
    vid = f"gemeente-{sleutel}"
    _teller, titel, eenheid, opmaak, _f = INDICATOREN[sleutel]
    code = gemeente_code(ctx)
    if code is None:
        return Visual(vid, titel, pd.DataFrame(), "Kies een gemeente.", inhoud=None)
    naam = ctx.gemeente_namen().get(code, code)
    df = vergelijking(ctx, code, sleutel)
    jaren, gemeente, regio = df["jaar"].tolist(), df["gemeente"].tolist(), df["regio"].tolist()
    df["jaar_label"] = [f"{j}" + (f" (t/m {formats.maand(ctx.laatste)})" if j == ctx.laatste.year else "")
                        for j in jaren]
    fig = categorie.gegroepeerd(df, "jaar_label", [("gemeente", naam, KLEUR["gemeente"]),
                                                   ("regio", f"Regio {ctx.info['regio']}", KLEUR["regio"])],
                                opmaak=opmaak, ytitel=eenheid)
    tabel = pd.DataFrame({"Jaar": jaren, naam: np.round(np.asarray(gemeente, dtype="float64"), 4),
                          f"Regio {ctx.info['regio']}": np.round(np.asarray(regio, dtype="float64"), 4)})
    if sleutel != "kosten" and not ctx.exact:  # hidden rates: '–', as in the chart
        tabel = tabel.astype(object).where(tabel.notna(), formats.LEEG)
    tekst = f"{titel}, {naam} tegenover de regio: " + "; ".join(
        f"{j}: {formats.getal(a, 2) if opmaak == 'getal2' else formats.eur(a)} tegen "
        f"{formats.getal(b, 2) if opmaak == 'getal2' else formats.eur(b)}"
        for j, a, b in zip(jaren, gemeente, regio)) + "."
    return Visual(vid, titel, tabel, tekst, figuur=fig,
                  opmaak={naam: opmaak, f"Regio {ctx.info['regio']}": opmaak}, kolommen=af.bedragen(tabel))


@visual("gemeente-actief")
def actief_visual(ctx: Context) -> Visual:
    return _indicator_visual(ctx, "actief")


@visual("gemeente-instroom")
def instroom_visual(ctx: Context) -> Visual:
    return _indicator_visual(ctx, "instroom")


@visual("gemeente-wlz")
def wlz_visual(ctx: Context) -> Visual:
    return _indicator_visual(ctx, "wlz")


@visual("gemeente-kosten")
def kosten_visual(ctx: Context) -> Visual:
    return _indicator_visual(ctx, "kosten")


@visual("gemeente-tussenvorm")
def tussenvorm_visual(ctx: Context) -> Visual:
    code = gemeente_code(ctx)
    p = ctx.periode
    if code is None:
        return Visual("gemeente-tussenvorm", "Actieve cliënten naar tussenvorm", pd.DataFrame(), "Kies een gemeente.")
    rijen = data.tussenvorm_maand(ctx.scope, ctx.selectie(p, kruis_gemeente=False, gemeenten=(code,)))
    per_maand: dict = {}  # month -> tussenvorm -> stand (summed per month x tussenvorm in the query)
    for maand, tussenvorm, actief in zip(rijen["maand"], rijen["tussenvorm"], rijen["actief"]):
        per_maand.setdefault(pd.Timestamp(maand), {})[tussenvorm] = int(actief)
    maanden = sorted(per_maand)
    cats = [t for t in TUSSENVORMEN if any(t in d for d in per_maand.values())]
    standen = {c: [per_maand[m].get(c, 0) for m in maanden] for c in cats}
    if ctx.korrel != "maand" and maanden:
        # a period's stand is that of its last month (reken.naar_korrel); the period's first month names it
        laatste: dict = {}
        for i, m in enumerate(maanden):
            laatste[pd.Timestamp(flt.tijdvak_begin(m.date(), ctx.korrel))] = i
        maanden = sorted(laatste)
        standen = {c: [w[laatste[m]] for m in maanden] for c, w in standen.items()}
    lang = pd.DataFrame({"maand": [m for _c in cats for m in maanden], "tussenvorm": [c for c in cats for _m in maanden],
                         "actief": ctx.plotbaar([n for c in cats for n in standen[c]])},
                        columns=["maand", "tussenvorm", "actief"])
    fig = tijd.gestapeld_per_maand(lang, "tussenvorm", "actief", KLEUR_TUSSENVORM, TUSSENVORMEN,
                                   ytitel="Actieve cliënten", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    tabel = pd.DataFrame({kop: tijden, **standen})
    if cats:
        tabel["Totaal"] = [sum(w) for w in zip(*standen.values())]
    naam = ctx.gemeente_namen().get(code, code)
    tekst = f"Actieve cliënten van {naam} per {flt.KORREL_LABEL[ctx.korrel].lower()} naar tussenvorm, {p.label}."
    return Visual("gemeente-tussenvorm", "Actieve cliënten naar tussenvorm", tabel, tekst, figuur=fig,
                  opmaak={c: (opmaak if c == kop else "getal") for c in tabel.columns},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, breed=True)
