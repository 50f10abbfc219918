"""In- en uitstroom: flows per month, the flow bridge that explains the stand, reasons, doorstroom."""
from __future__ import annotations

import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.figures.basis import leeg
from dashboard.request_context import Context
from dashboard.visuals import reken
from kern import afscherming as af
from kern import data, formats, kalender
from kern.kleuren import KLEUR, volgorde_tussenvorm


def stromen_tabel(ctx: Context) -> pd.DataFrame:
    """Per period of the chosen grain: flows and the stand, so the table shows stand = vorige
    stand + instroom - uitstroom."""
    p = ctx.periode
    fl = data.stromen_maand(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
    fl = reken.stromen_per_maand(fl, p.van, p.tot)
    begin = max(kalender.plus_maanden(p.van, -1), ctx.eerste)
    st = data.clienten_maand(ctx.scope, ctx.selectie(flt.Periode(begin, p.tot), tussenvorm=False, levering=False))
    st = reken.stand_per_maand(st, begin, p.tot)
    st["vorige"] = st["actief"].shift(1)
    df = fl.merge(st, on="maand", how="left")
    if ctx.korrel != "maand":  # the stand before a period is the stand at the end of the one before
        eerste_vorige = df["vorige"].iloc[0]
        df = reken.naar_korrel(df, ctx.korrel, sommen=_FLOWS, standen=["actief"])
        df["vorige"] = df["actief"].shift(1)
        df.loc[df.index[0], "vorige"] = eerste_vorige
    kop, tijden, _ = ctx.tijdkolom(df["maand"])
    return pd.DataFrame({
        kop: tijden,
        "Instroom": df["instroom"], "Nieuwe cliënten": df["nieuwe_clienten"], "Uitstroom": df["uitstroom"],
        "Waarvan naar de Wlz": df["uitstroom_wlz"], "Netto": df["instroom"] - df["uitstroom"],
        "Stand vorige maand" if ctx.korrel == "maand" else "Stand begin": df["vorige"].astype("Int64"),
        "Stand eind maand" if ctx.korrel == "maand" else "Stand eind": df["actief"].astype("Int64"),
    })


_FLOWS = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]


@visual("stromen-maand")
def stromen_visual(ctx: Context) -> Visual:
    tabel = stromen_tabel(ctx)
    kop = tabel.columns[0]
    fig_df = pd.DataFrame({"maand": reken.tijdvakken(ctx.periode.van, ctx.periode.tot, ctx.korrel), "instroom": ctx.plotbaar(tabel["Instroom"]),
                           "uitstroom": ctx.plotbaar(tabel["Uitstroom"]),
                           "nieuwe_clienten": ctx.plotbaar(tabel["Nieuwe cliënten"])})
    fig = tijd.stromen(fig_df, geselecteerd=ctx.kruis_maand, korrel=ctx.korrel)  # netto of published flows
    tekst = (f"In- en uitstroom per {flt.KORREL_LABEL[ctx.korrel].lower()}, {ctx.periode.label}, "
             f"{ctx.selectie_label()}: instroom {ctx.aantal(tabel['Instroom'].sum())} (waarvan "
             f"{ctx.aantal(tabel['Nieuwe cliënten'].sum())} nieuwe cliënten), uitstroom "
             f"{ctx.aantal(tabel['Uitstroom'].sum())}.")
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
    begin = reken.stand_op(ctx, begin_maand, tussenvorm=False, levering=False) or 0
    eind = reken.stand_op(ctx, p.tot, tussenvorm=False, levering=False) or 0
    som = reken.stromen_som(ctx, flows) if flows else {"instroom": 0, "uitstroom": 0}
    som = som or {"instroom": 0, "uitstroom": 0}
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
    df = data.uitstroom_reden_maand(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    if df.empty:
        tabel, naar_wlz = pd.DataFrame(columns=["Reden", "Code", "Uitstroom"]), []
    else:
        g = df.groupby(["reden_code", "reden_omschrijving", "naar_wlz"], as_index=False, dropna=False)["uitstroom"].sum()
        g = g.sort_values(["uitstroom", "reden_code"], ascending=[False, True])
        tabel = pd.DataFrame({"Reden": g["reden_omschrijving"].fillna("Onbekend"), "Code": g["reden_code"],
                              "Uitstroom": g["uitstroom"].astype("int64")})
        naar_wlz = list(g["naar_wlz"].astype(bool))
    kleuren = [KLEUR["uitstroom_wlz"] if w else KLEUR["uitstroom"] for w in naar_wlz]
    fig = categorie.staven(tabel.assign(Uitstroom=ctx.plotbaar(tabel["Uitstroom"])), "Reden", "Uitstroom",
                           "Uitstroom", horizontaal=True, kleuren=kleuren, hoogte=max(220, 40 * len(tabel) + 60))
    tekst = f"Uitstroom naar reden (WMO588), {ctx.analyse.label}: " + ", ".join(
        f"{r} {ctx.aantal(n)}" for r, n in zip(tabel["Reden"], tabel["Uitstroom"])) + "."
    return Visual("stromen-reden", f"Uitstroom naar reden · {ctx.analyse.label}", tabel, tekst, figuur=fig,
                  opmaak={"Uitstroom": "getal"}, kolommen={"Uitstroom": af.AANTAL})


@visual("stromen-doorstroom")
def doorstroom_visual(ctx: Context) -> Visual:
    df = data.doorstroom_maand(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    if df.empty:
        g = pd.DataFrame(columns=["van_tussenvorm", "naar_tussenvorm", "aantal"])
    else:
        g = df.groupby(["van_tussenvorm", "naar_tussenvorm"], as_index=False)["aantal"].sum()
        g = g.sort_values(["van_tussenvorm", "naar_tussenvorm"],
                          key=lambda s: s.map(volgorde_tussenvorm)).reset_index(drop=True)
    fig = categorie.sankey(g.assign(aantal=ctx.plotbaar(g["aantal"])).dropna(subset=["aantal"]))
    richting = ["naar lichter" if volgorde_tussenvorm(n) > volgorde_tussenvorm(v) else "naar zwaarder"
                for v, n in zip(g["van_tussenvorm"], g["naar_tussenvorm"])]
    tabel = pd.DataFrame({"Van": g["van_tussenvorm"], "Naar": g["naar_tussenvorm"], "Richting": richting,
                          "Aantal": g["aantal"].astype("int64")})
    licht = int(tabel.loc[tabel["Richting"] == "naar lichter", "Aantal"].sum())
    zwaar = int(tabel.loc[tabel["Richting"] == "naar zwaarder", "Aantal"].sum())
    tekst = (f"Doorstroom tussen tussenvormen binnen een episode, {ctx.analyse.label}: {ctx.aantal(licht)} "
             f"naar een lichtere en {ctx.aantal(zwaar)} naar een zwaardere vorm.")
    return Visual("stromen-doorstroom", f"Doorstroom tussen tussenvormen · {ctx.analyse.label}", tabel, tekst,
                  figuur=fig, opmaak={"Aantal": "getal"}, kolommen={"Aantal": af.AANTAL},
                  toelichting="Doorstroom is geen in- of uitstroom: de cliënt blijft in zorg.")
