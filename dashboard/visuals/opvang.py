"""Maatschappelijke opvang (issue 13): the MO stand by opvangvorm, the flows that explain it, the
length of stay, and the shifts between MO and BW. Counted with the BW definitions but apart from
BW (warehouse/models/intermediate/doelgroep_*.sql); the money is in visuals/opvang_geld.py.

The tussenvorm and leveringsvorm filters are BW's: they do not apply here (said on each visual)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import maandreeks, reken
from kern import afscherming as af
from kern import data, kalender
from kern.kleuren import KLEUR, OPVANGVORMEN

KLEUR_OPVANGVORM = {"Opvang": KLEUR["stand"], "Spoedopvang": KLEUR["uitstroom_wlz"]}
RICHTINGEN = ["MO naar BW", "BW naar MO"]
GEEN_BW_FILTERS = "De filters tussenvorm en leveringsvorm gelden voor beschermd wonen, niet hier."


def _sel(ctx: Context, periode: flt.Periode | None = None):
    return ctx.selectie(periode or ctx.periode, tussenvorm=False, levering=False)


def mo_stand_per_maand(ctx: Context, periode: flt.Periode) -> pd.DataFrame:
    """maand, Opvang, Spoedopvang, actief: every month of the period (0 when nobody)."""
    df = data.mo_clienten_maand(ctx.scope, _sel(ctx, periode))
    maanden = reken.stand_per_maand(df, periode.van, periode.tot)
    if df.empty:
        return maanden.assign(**{v: 0 for v in OPVANGVORMEN})
    uit = maanden.copy()
    for v in OPVANGVORMEN:  # per opvangvorm the same month sums (no pivot and merge)
        deel = df[df["opvangvorm"] == v]
        uit[v] = reken.som_per_maand(maanden[["maand"]], deel, ["actief"])["actief"] if len(deel) else 0
    return uit[["maand", *OPVANGVORMEN, "actief"]]


# the page's shaped queries (warehouse/queries/): sums over the allowed gemeenten, made in SQL
_PER_MAAND = data.mo_pagina_maand
_VERBLIJFSDUUR = data.mo_verblijfsduur_som
_FLOWS = ["instroom", "nieuwe_clienten", "uitstroom"]


def _per_maand(ctx: Context) -> tuple[dt.date, dict[str, list]]:
    """(first month, per series a list over the months): every month figure of the page, from
    the month before the period (the first stand the flows table needs) to its end. Series:
    the stand per opvangvorm and in total (`actief`: every opvangvorm), the flows, the shifts
    per richting, the overlap."""
    def maak():
        p = ctx.periode
        begin = max(kalender.plus_maanden(p.van, -1), ctx.eerste)
        df = _PER_MAAND(ctx.scope, _sel(ctx, flt.Periode(begin, p.tot)))
        n, eerste = kalender.aantal_maanden(begin, p.tot), maandreeks.index(begin)
        uit = {k: [0] * n for k in ["actief", *OPVANGVORMEN, *_FLOWS, *RICHTINGEN, "overlap"]}
        for m, reeks, sleutel, aantal in zip(df["m"].tolist(), df["reeks"].tolist(), df["sleutel"].tolist(),
                                             df["aantal"].tolist()):
            i = m - eerste
            if reeks == "stand":
                uit["actief"][i] += aantal
                if sleutel in OPVANGVORMEN:
                    uit[sleutel][i] += aantal
            elif reeks == "overgang":
                if sleutel in RICHTINGEN:
                    uit[sleutel][i] += aantal
            else:
                uit[reeks][i] += aantal
        return begin, uit
    return ctx.onthoud("mo-per-maand", maak)


def _in_periode(ctx: Context) -> dict[str, list]:
    """The page's month series over the months of the period only."""
    begin, r = _per_maand(ctx)
    k = kalender.aantal_maanden(begin, ctx.periode.van) - 1
    return {naam: w[k:] for naam, w in r.items()}


def _op_korrel(ctx: Context, r: dict[str, list], sommen=(), standen=()):
    """(first months of the periods, the series `sommen` summed per period and `standen` at each
    period's end)."""
    p = ctx.periode
    if ctx.korrel == "maand":
        return kalender.maandreeks(p.van, p.tot), {k: r[k] for k in [*sommen, *standen]}
    vakken = maandreeks.tijdvakken(p.van, p.tot, ctx.korrel)
    return ([v[0] for v in vakken], {**{k: maandreeks.som(r[k], vakken) for k in sommen},
                                     **{k: maandreeks.laatste(r[k], vakken) for k in standen}})


@visual("mo-stand")
def stand_visual(ctx: Context) -> Visual:
    maanden, breed = _op_korrel(ctx, _in_periode(ctx), standen=[*OPVANGVORMEN, "actief"])
    tijdvak = [pd.Timestamp(m) for m in maanden]
    lang = pd.DataFrame({"maand": tijdvak * len(OPVANGVORMEN),  # what melt gave: a series after the other
                         "opvangvorm": [v for v in OPVANGVORMEN for _m in maanden],
                         "aantal": ctx.plotbaar([x for v in OPVANGVORMEN for x in breed[v]])})
    fig = tijd.gestapeld_per_maand(lang, "opvangvorm", "aantal",
                                   KLEUR_OPVANGVORM, OPVANGVORMEN, geselecteerd=ctx.kruis_maand,
                                   ytitel="Cliënten in de opvang", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    tabel = pd.DataFrame({kop: tijden, "Opvang": breed["Opvang"], "Spoedopvang": breed["Spoedopvang"],
                          "Totaal": breed["actief"]})
    tekst = (f"Cliënten in de maatschappelijke opvang naar opvangvorm, {ctx.periode.label}, {ctx.selectie_label()}"
             + (f". Laatste periode: opvang {ctx.aantal(breed['Opvang'][-1])}, spoedopvang "
                f"{ctx.aantal(breed['Spoedopvang'][-1])}, totaal {ctx.aantal(breed['actief'][-1])}." if maanden else "."))
    return Visual("mo-stand", "Cliënten in de opvang naar opvangvorm", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Stand op de laatste dag van de periode (of de peildatum). " + GEEN_BW_FILTERS)


def mo_stromen_tabel(ctx: Context) -> pd.DataFrame:
    """Per period: MO in- and outflow and the MO stand, so stand = vorige stand + in - uit."""
    return _stromen_tabel(ctx, *_mo_stromen(ctx))


def _mo_stromen(ctx: Context):
    begin, r = _per_maand(ctx)
    return maandreeks.stand_en_stromen(ctx.periode, ctx.korrel, begin, r, _FLOWS)


def _stromen_tabel(ctx: Context, maanden, flows, vorige, stand) -> pd.DataFrame:
    kop, tijden, _ = ctx.tijdkolom(maanden)
    return maandreeks.stromen_frame(kop, tijden, ctx.korrel == "maand", flows, vorige, stand)


@visual("mo-stromen")
def stromen_visual(ctx: Context) -> Visual:
    maanden, flows, vorige, stand = _mo_stromen(ctx)
    tabel = _stromen_tabel(ctx, maanden, flows, vorige, stand)
    kop = tabel.columns[0]
    fig_df = pd.DataFrame({"maand": [pd.Timestamp(m) for m in maanden],
                           "instroom": ctx.plotbaar(flows["instroom"]), "uitstroom": ctx.plotbaar(flows["uitstroom"]),
                           "nieuwe_clienten": ctx.plotbaar(flows["nieuwe_clienten"])})
    fig = tijd.stromen(fig_df, geselecteerd=ctx.kruis_maand, korrel=ctx.korrel)
    tekst = (f"In- en uitstroom maatschappelijke opvang, {ctx.periode.label}, {ctx.selectie_label()}: instroom "
             f"{ctx.aantal(sum(flows['instroom']))} (waarvan {ctx.aantal(sum(flows['nieuwe_clienten']))} nieuwe "
             f"cliënten), uitstroom {ctx.aantal(sum(flows['uitstroom']))}.")
    kolommen = {c: af.AANTAL for c in tabel.columns[1:]}
    kolommen["Netto"] = af.verschil("Instroom", "Uitstroom")
    return Visual("mo-stromen", "In- en uitstroom opvang", tabel, tekst, figuur=fig,
                  opmaak={kop: "maand" if ctx.korrel == "maand" else "tekst", **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen=kolommen, kruisfilter=ctx.tijd_kruisfilter, breed=True,
                  toelichting="Een nieuwe cliënt had in de 365 dagen ervoor geen opvang. Een herhaald verblijf "
                              "telt als instroom. " + GEEN_BW_FILTERS)


@visual("mo-verblijfsduur")
def verblijfsduur_visual(ctx: Context) -> Visual:
    df = _VERBLIJFSDUUR(ctx.scope, _sel(ctx, ctx.analyse))  # in care, or ended in the analysis years: SQL
    jaren = set(range(ctx.analyse.van.year, ctx.analyse.tot.year + 1))
    in_zorg, uit = df["in_zorg"].tolist(), df["uitgestroomd"].tolist()
    # the table and the chart's frame each made at once from the query's arrays (no Series to align)
    tabel = pd.DataFrame({"Duurklasse": df["duurklasse"].array, "In opvang": df["in_zorg"].to_numpy(),
                          "Uitgestroomd": df["uitgestroomd"].to_numpy()})
    jaartekst = "–".join(str(j) for j in sorted({min(jaren), max(jaren)}))
    fig = categorie.gegroepeerd(pd.DataFrame({"Duurklasse": df["duurklasse"].array, "In opvang": ctx.plotbaar(in_zorg),
                                              "Uitgestroomd": ctx.plotbaar(uit)}),
                                "Duurklasse", [("In opvang", "In opvang (op peildatum)", KLEUR["stand"]),
                                               ("Uitgestroomd", f"Uitgestroomd in {jaartekst}", KLEUR["uitstroom"])],
                                ytitel="Verblijven")
    tekst = (f"Verblijfsduur in de opvang: {ctx.aantal(sum(in_zorg))} verblijven lopen op de "
             f"peildatum, {ctx.aantal(sum(uit))} eindigden in {jaartekst}, naar duurklasse.")
    return Visual("mo-verblijfsduur", "Verblijfsduur in de opvang", tabel, tekst, figuur=fig,
                  opmaak={"In opvang": "getal", "Uitgestroomd": "getal"},
                  kolommen={"In opvang": af.AANTAL, "Uitgestroomd": af.AANTAL},
                  toelichting="Duur van het hele verblijf (aaneengesloten opvangindicaties, opvang en "
                              "spoedopvang samen).")


@visual("mo-overgangen")
def overgangen_visual(ctx: Context) -> Visual:
    """Shifts between MO and BW per period, and the clients in both at once (overlap)."""
    p = ctx.periode
    maanden, df = _op_korrel(ctx, _in_periode(ctx), sommen=RICHTINGEN, standen=["overlap"])
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    tabel = pd.DataFrame({kop: tijden, "MO naar BW": df["MO naar BW"], "BW naar MO": df["BW naar MO"],
                          "In BW én MO": df["overlap"]})
    fig = tijd.reeksen_per_maand(pd.DataFrame({"maand": [pd.Timestamp(m) for m in maanden],
                                               **{c: ctx.plotbaar(df[c]) for c in RICHTINGEN}}),
                                 [("MO naar BW", "MO naar BW", KLEUR["instroom"]),
                                  ("BW naar MO", "BW naar MO", KLEUR["uitstroom"])],
                                 soort="staaf", geselecteerd=ctx.kruis_maand, ytitel="Cliënten", korrel=ctx.korrel)
    tekst = (f"Verschuivingen tussen opvang en beschermd wonen, {p.label}: {ctx.aantal(sum(df['MO naar BW']))} "
             f"van opvang naar BW en {ctx.aantal(sum(df['BW naar MO']))} van BW naar opvang.")
    return Visual("mo-overgangen", "Verschuivingen tussen opvang en beschermd wonen", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Een verschuiving: een episode in de ene groep eindigt en binnen 30 dagen begint er "
                              "een in de andere, geteld in de maand van het nieuwe begin. 'In BW én MO': cliënten "
                              "die op de laatste dag van de periode in beide standen tellen.")
