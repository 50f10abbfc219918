"""In- en uitstroom: flows per month, the flow bridge that explains the stand, reasons, doorstroom."""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.figures.basis import leeg
from dashboard.request_context import Context
from dashboard.visuals import maandreeks
from kern import afscherming as af
from kern import data, formats, kalender
from kern.kleuren import KLEUR, volgorde_tussenvorm

# the page's shaped queries (warehouse/queries/): sums over the allowed gemeenten, made in SQL
_PER_MAAND = data.stromen_pagina_maand
_PER_REDEN = data.uitstroom_per_reden
_DOORSTROOM = data.doorstroom_som
_FLOWS = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]


def _per_maand(ctx: Context) -> tuple[dt.date, dict[str, list]]:
    """(first month, per column a list over the months): the stand and the flows of every month
    from the month before the period (the first stand the table needs) to its end. One query
    for the month table and the flow bridge (the analysis period lies within the period)."""
    def maak():
        p = ctx.periode
        begin = max(kalender.plus_maanden(p.van, -1), ctx.eerste)
        df = _PER_MAAND(ctx.scope, ctx.selectie(flt.Periode(begin, p.tot), tussenvorm=False, levering=False))
        return begin, maandreeks.reeksen(df, begin, p.tot, ["actief", *_FLOWS])
    return ctx.onthoud("stromen-per-maand", maak)


def _stromen_reeks(ctx: Context) -> tuple[list, dict[str, list], list, list]:
    """(first months of the periods, flows per period, stand before each, stand at its end)."""
    begin, r = _per_maand(ctx)
    return maandreeks.stand_en_stromen(ctx.periode, ctx.korrel, begin, r, _FLOWS)


def stromen_tabel(ctx: Context) -> pd.DataFrame:
    """Per period of the chosen grain: flows and the stand, so the table shows stand = vorige
    stand + instroom - uitstroom."""
    return _tabel(ctx, *_stromen_reeks(ctx))


def _tabel(ctx: Context, maanden, flows, vorige, stand) -> pd.DataFrame:
    kop, tijden, _ = ctx.tijdkolom(maanden)
    return maandreeks.stromen_frame(kop, tijden, ctx.korrel == "maand", flows, vorige, stand,
                                    extra={"Waarvan naar de Wlz": "uitstroom_wlz"})


@visual("stromen-maand")
def stromen_visual(ctx: Context) -> Visual:
    maanden, flows, vorige, stand = _stromen_reeks(ctx)
    tabel = _tabel(ctx, maanden, flows, vorige, stand)
    kop = tabel.columns[0]
    fig_df = pd.DataFrame({"maand": [pd.Timestamp(m) for m in maanden], "instroom": ctx.plotbaar(flows["instroom"]),
                           "uitstroom": ctx.plotbaar(flows["uitstroom"]),
                           "nieuwe_clienten": ctx.plotbaar(flows["nieuwe_clienten"])})
    fig = tijd.stromen(fig_df, geselecteerd=ctx.kruis_maand, korrel=ctx.korrel)  # netto of published flows
    tekst = (f"In- en uitstroom per {flt.KORREL_LABEL[ctx.korrel].lower()}, {ctx.periode.label}, "
             f"{ctx.selectie_label()}: instroom {ctx.aantal(sum(flows['instroom']))} (waarvan "
             f"{ctx.aantal(sum(flows['nieuwe_clienten']))} nieuwe cliënten), uitstroom "
             f"{ctx.aantal(sum(flows['uitstroom']))}.")
    kolommen = {c: af.AANTAL for c in tabel.columns[1:]}
    kolommen["Netto"] = af.verschil("Instroom", "Uitstroom")
    return Visual("stromen-maand", f"In- en uitstroom per {flt.KORREL_LABEL[ctx.korrel].lower()}", tabel, tekst,
                  figuur=fig, opmaak={kop: "maand" if ctx.korrel == "maand" else "tekst",
                                      **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen=kolommen, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Instroom boven de nullijn, uitstroom eronder; de stippellijn is het saldo. "
                              "Tussenvorm- en leveringsvormfilter gelden niet voor stromen.", breed=True)


@visual("stromen-balans")
def balans_visual(ctx: Context) -> Visual:
    """Stand at the start + instroom - uitstroom = stand at the end of the analysis period."""
    p = ctx.analyse
    if p.van > ctx.eerste:
        begin_maand, flows = kalender.plus_maanden(p.van, -1), p
    else:  # no stand before the first month: start from the first month's stand
        begin_maand = p.van
        flows = flt.Periode(kalender.plus_maanden(p.van, 1), p.tot) if p.tot > p.van else None
    eerste, r = _per_maand(ctx)  # the analysis period and the month before it lie in this series

    def plek(m: dt.date) -> int:
        return kalender.aantal_maanden(eerste, m) - 1

    begin, eind = r["actief"][plek(begin_maand)], r["actief"][plek(p.tot)]
    som = ({k: sum(r[k][plek(flows.van):plek(flows.tot) + 1]) for k in ("instroom", "uitstroom")} if flows
           else {"instroom": 0, "uitstroom": 0})
    a = ctx.afscherming
    b_label, e_label = f"Stand eind {formats.maand(begin_maand)}", f"Stand eind {formats.maand(p.tot)}"
    delen = [begin, som["instroom"], som["uitstroom"], eind]
    gepubliceerd = [a.aantal(x) for x in delen]
    verborgen = any(isinstance(x, str) for x in gepubliceerd)
    if verborgen:  # a bar that is '< 5' would follow from the others: show none of them
        fig = leeg(f"Niet getoond: een van de vier aantallen is '{a.label}'")
        rest = None
    else:  # the unexplained rest of the published counts (moves between municipalities)
        pb, pi, po, pe = gepubliceerd
        fig = tijd.waterval(b_label, pb, pi, po, e_label, pe)
        rest = pe - (pb + pi - po)
    tabel = pd.DataFrame({"Onderdeel": [b_label, "Instroom", "Uitstroom", e_label], "Cliënten": delen})
    tekst = (f"{b_label}: {ctx.aantal(begin)}, plus instroom {ctx.aantal(som['instroom'])}, min uitstroom "
             f"{ctx.aantal(som['uitstroom'])}, geeft {ctx.aantal(eind)}"
             + ("." if rest is None else " — de stromen verklaren de stand." if rest == 0 else
                f"; {formats.getal(rest, teken=True)} niet verklaard (verhuizing tussen gemeenten binnen een "
                f"episode{'' if ctx.exact else ', of afronding'})."))
    return Visual("stromen-balans", "Stromen verklaren de stand", tabel, tekst, figuur=fig,
                  opmaak={"Cliënten": "getal"}, kolommen={"Cliënten": af.AANTAL})


@visual("stromen-reden")
def reden_visual(ctx: Context) -> Visual:
    df = _PER_REDEN(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))  # summed and ordered in SQL
    if df.empty:
        tabel, naar_wlz, aantallen = pd.DataFrame(columns=["Reden", "Code", "Uitstroom"]), [], []
    else:
        redenen = ["Onbekend" if r is None else r for r in df["reden_omschrijving"].tolist()]
        aantallen = df["uitstroom"].tolist()
        tabel = pd.DataFrame({"Reden": redenen, "Code": df["reden_code"], "Uitstroom": df["uitstroom"]})
        naar_wlz = [bool(w) for w in df["naar_wlz"].tolist()]
    kleuren = [KLEUR["uitstroom_wlz"] if w else KLEUR["uitstroom"] for w in naar_wlz]
    fig = categorie.staven(tabel.assign(Uitstroom=ctx.plotbaar(aantallen)), "Reden", "Uitstroom",
                           "Uitstroom", horizontaal=True, kleuren=kleuren, hoogte=max(220, 40 * len(tabel) + 60))
    tekst = f"Uitstroom naar reden (WMO588), {ctx.analyse.label}: " + ", ".join(
        f"{r} {ctx.aantal(n)}" for r, n in zip(tabel["Reden"], aantallen)) + "."
    return Visual("stromen-reden", f"Uitstroom naar reden · {ctx.analyse.label}", tabel, tekst, figuur=fig,
                  opmaak={"Uitstroom": "getal"}, kolommen={"Uitstroom": af.AANTAL})


@visual("stromen-doorstroom")
def doorstroom_visual(ctx: Context) -> Visual:
    df = _DOORSTROOM(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))  # summed in SQL
    rijen = sorted(zip(df["van_tussenvorm"].tolist(), df["naar_tussenvorm"].tolist(), df["aantal"].tolist()),
                   key=lambda r: (volgorde_tussenvorm(r[0]), volgorde_tussenvorm(r[1])))
    van, naar, aantal = ([list(k) for k in zip(*rijen)] if rijen else ([], [], []))
    getoond = [(v, n, g) for v, n, g in zip(van, naar, ctx.plotbaar(aantal)) if not math.isnan(g)]
    fig = categorie.sankey(pd.DataFrame(  # the published flows; a '< 5' is left out
        getoond, columns=["van_tussenvorm", "naar_tussenvorm", "aantal"]))
    richting = ["naar lichter" if volgorde_tussenvorm(n) > volgorde_tussenvorm(v) else "naar zwaarder"
                for v, n in zip(van, naar)]
    tabel = pd.DataFrame({"Van": van, "Naar": naar, "Richting": richting, "Aantal": np.array(aantal, dtype="int64")})
    licht = sum(a for a, r in zip(aantal, richting) if r == "naar lichter")
    zwaar = sum(a for a, r in zip(aantal, richting) if r == "naar zwaarder")
    tekst = (f"Doorstroom tussen tussenvormen binnen een episode, {ctx.analyse.label}: {ctx.aantal(licht)} "
             f"naar een lichtere en {ctx.aantal(zwaar)} naar een zwaardere vorm.")
    return Visual("stromen-doorstroom", f"Doorstroom tussen tussenvormen · {ctx.analyse.label}", tabel, tekst,
                  figuur=fig, opmaak={"Aantal": "getal"}, kolommen={"Aantal": af.AANTAL},
                  toelichting="Doorstroom is geen in- of uitstroom: de cliënt blijft in zorg.")
