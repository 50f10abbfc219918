"""Maatschappelijke opvang (issue 13): the MO stand by opvangvorm, the flows that explain it, the
length of stay, and the shifts between MO and BW. Counted with the BW definitions but apart from
BW (warehouse/models/intermediate/doelgroep_*.sql); the money is in visuals/opvang_geld.py.

The tussenvorm and leveringsvorm filters are BW's: they do not apply here (said on each visual)."""
from __future__ import annotations

import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import reken
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


@visual("mo-stand")
def stand_visual(ctx: Context) -> Visual:
    breed = reken.naar_korrel(mo_stand_per_maand(ctx, ctx.periode), ctx.korrel, standen=[*OPVANGVORMEN, "actief"])
    lang = breed.melt(id_vars="maand", value_vars=OPVANGVORMEN, var_name="opvangvorm", value_name="aantal")
    fig = tijd.gestapeld_per_maand(lang.assign(aantal=ctx.plotbaar(lang["aantal"])), "opvangvorm", "aantal",
                                   KLEUR_OPVANGVORM, OPVANGVORMEN, geselecteerd=ctx.kruis_maand,
                                   ytitel="Cliënten in de opvang", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(breed["maand"])
    tabel = pd.DataFrame({kop: tijden, "Opvang": breed["Opvang"], "Spoedopvang": breed["Spoedopvang"],
                          "Totaal": breed["actief"]})
    laatst = tabel.iloc[-1] if len(tabel) else None
    tekst = (f"Cliënten in de maatschappelijke opvang naar opvangvorm, {ctx.periode.label}, {ctx.selectie_label()}"
             + (f". Laatste periode: opvang {ctx.aantal(laatst['Opvang'])}, spoedopvang "
                f"{ctx.aantal(laatst['Spoedopvang'])}, totaal {ctx.aantal(laatst['Totaal'])}." if laatst is not None else "."))
    return Visual("mo-stand", "Cliënten in de opvang naar opvangvorm", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Stand op de laatste dag van de periode (of de peildatum). " + GEEN_BW_FILTERS)


def mo_stromen_tabel(ctx: Context) -> pd.DataFrame:
    """Per period: MO in- and outflow and the MO stand, so stand = vorige stand + in - uit."""
    p = ctx.periode
    fl = data.mo_stromen_maand(ctx.scope, _sel(ctx, p))
    fl = reken.stromen_per_maand(fl.assign(uitstroom_wlz=0), p.van, p.tot)
    begin = max(kalender.plus_maanden(p.van, -1), ctx.eerste)
    st = mo_stand_per_maand(ctx, flt.Periode(begin, p.tot))[["maand", "actief"]]
    st["vorige"] = st["actief"].shift(1)
    df = fl.merge(st, on="maand", how="left")
    if ctx.korrel != "maand":
        eerste_vorige = df["vorige"].iloc[0]
        df = reken.naar_korrel(df, ctx.korrel, sommen=["instroom", "nieuwe_clienten", "uitstroom"],
                               standen=["actief"])
        df["vorige"] = df["actief"].shift(1)
        df.loc[df.index[0], "vorige"] = eerste_vorige
    kop, tijden, _ = ctx.tijdkolom(df["maand"])
    maand = ctx.korrel == "maand"
    return pd.DataFrame({
        kop: tijden, "Instroom": df["instroom"], "Nieuwe cliënten": df["nieuwe_clienten"],
        "Uitstroom": df["uitstroom"], "Netto": df["instroom"] - df["uitstroom"],
        "Stand vorige maand" if maand else "Stand begin": df["vorige"].astype("Int64"),
        "Stand eind maand" if maand else "Stand eind": df["actief"].astype("Int64"),
    })


@visual("mo-stromen")
def stromen_visual(ctx: Context) -> Visual:
    tabel = mo_stromen_tabel(ctx)
    kop = tabel.columns[0]
    fig_df = pd.DataFrame({"maand": reken.tijdvakken(ctx.periode.van, ctx.periode.tot, ctx.korrel),
                           "instroom": ctx.plotbaar(tabel["Instroom"]), "uitstroom": ctx.plotbaar(tabel["Uitstroom"]),
                           "nieuwe_clienten": ctx.plotbaar(tabel["Nieuwe cliënten"])})
    fig = tijd.stromen(fig_df, geselecteerd=ctx.kruis_maand, korrel=ctx.korrel)
    tekst = (f"In- en uitstroom maatschappelijke opvang, {ctx.periode.label}, {ctx.selectie_label()}: instroom "
             f"{ctx.aantal(tabel['Instroom'].sum())} (waarvan {ctx.aantal(tabel['Nieuwe cliënten'].sum())} nieuwe "
             f"cliënten), uitstroom {ctx.aantal(tabel['Uitstroom'].sum())}.")
    kolommen = {c: af.AANTAL for c in tabel.columns[1:]}
    kolommen["Netto"] = af.verschil("Instroom", "Uitstroom")
    return Visual("mo-stromen", "In- en uitstroom opvang", tabel, tekst, figuur=fig,
                  opmaak={kop: "maand" if ctx.korrel == "maand" else "tekst", **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen=kolommen, kruisfilter=ctx.tijd_kruisfilter, breed=True,
                  toelichting="Een nieuwe cliënt had in de 365 dagen ervoor geen opvang. Een herhaald verblijf "
                              "telt als instroom. " + GEEN_BW_FILTERS)


@visual("mo-verblijfsduur")
def verblijfsduur_visual(ctx: Context) -> Visual:
    df = data.mo_verblijfsduur(ctx.scope, _sel(ctx))
    jaren = set(range(ctx.analyse.van.year, ctx.analyse.tot.year + 1))
    if not df.empty:
        df = df[(df["status"] == "in zorg") | df["uitstroomjaar"].isin(jaren)]
    if df.empty:
        tabel = pd.DataFrame({"Duurklasse": pd.Series(dtype=str), "In opvang": pd.Series(dtype="int64"),
                              "Uitgestroomd": pd.Series(dtype="int64")})
    else:
        k = reken.kruistabel(df, ["klasse_volgorde", "duurklasse"], "status", "episodes").reset_index()
        k = k.sort_values("klasse_volgorde")
        tabel = pd.DataFrame({"Duurklasse": k["duurklasse"],
                              "In opvang": k["in zorg"].astype("int64") if "in zorg" in k else 0,
                              "Uitgestroomd": k["uitgestroomd"].astype("int64") if "uitgestroomd" in k else 0})
    jaartekst = "–".join(str(j) for j in sorted({min(jaren), max(jaren)}))
    fig = categorie.gegroepeerd(tabel.assign(**{c: ctx.plotbaar(tabel[c]) for c in ("In opvang", "Uitgestroomd")}),
                                "Duurklasse", [("In opvang", "In opvang (op peildatum)", KLEUR["stand"]),
                                               ("Uitgestroomd", f"Uitgestroomd in {jaartekst}", KLEUR["uitstroom"])],
                                ytitel="Verblijven")
    tekst = (f"Verblijfsduur in de opvang: {ctx.aantal(tabel['In opvang'].sum())} verblijven lopen op de peildatum, "
             f"{ctx.aantal(tabel['Uitgestroomd'].sum())} eindigden in {jaartekst}, naar duurklasse.")
    return Visual("mo-verblijfsduur", "Verblijfsduur in de opvang", tabel, tekst, figuur=fig,
                  opmaak={"In opvang": "getal", "Uitgestroomd": "getal"},
                  kolommen={"In opvang": af.AANTAL, "Uitgestroomd": af.AANTAL},
                  toelichting="Duur van het hele verblijf (aaneengesloten opvangindicaties, opvang en "
                              "spoedopvang samen).")


@visual("mo-overgangen")
def overgangen_visual(ctx: Context) -> Visual:
    """Shifts between MO and BW per period, and the clients in both at once (overlap)."""
    p = ctx.periode
    og = data.doelgroep_overgangen_maand(ctx.scope, _sel(ctx, p))
    ov = data.doelgroep_overlap_maand(ctx.scope, _sel(ctx, p))
    maanden = pd.DataFrame({"maand": pd.to_datetime(kalender.maandreeks(p.van, p.tot))})
    alleen_maand = maanden[["maand"]]
    for richting in RICHTINGEN:
        deel = og[og["richting"] == richting] if not og.empty else og
        maanden[richting] = reken.som_per_maand(alleen_maand, deel, ["aantal"])["aantal"] if len(deel) else 0
    maanden["overlap"] = reken.som_per_maand(alleen_maand, ov, ["aantal"])["aantal"] if len(ov) else 0
    df = reken.naar_korrel(maanden, ctx.korrel, sommen=RICHTINGEN, standen=["overlap"])
    kop, tijden, opmaak = ctx.tijdkolom(df["maand"])
    tabel = pd.DataFrame({kop: tijden, "MO naar BW": df["MO naar BW"], "BW naar MO": df["BW naar MO"],
                          "In BW én MO": df["overlap"]})
    fig = tijd.reeksen_per_maand(pd.DataFrame({"maand": df["maand"], **{c: ctx.plotbaar(tabel[c])
                                                                        for c in RICHTINGEN}}),
                                 [("MO naar BW", "MO naar BW", KLEUR["instroom"]),
                                  ("BW naar MO", "BW naar MO", KLEUR["uitstroom"])],
                                 soort="staaf", geselecteerd=ctx.kruis_maand, ytitel="Cliënten", korrel=ctx.korrel)
    tekst = (f"Verschuivingen tussen opvang en beschermd wonen, {p.label}: {ctx.aantal(tabel['MO naar BW'].sum())} "
             f"van opvang naar BW en {ctx.aantal(tabel['BW naar MO'].sum())} van BW naar opvang.")
    return Visual("mo-overgangen", "Verschuivingen tussen opvang en beschermd wonen", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Een verschuiving: een episode in de ene groep eindigt en binnen 30 dagen begint er "
                              "een in de andere, geteld in de maand van het nieuwe begin. 'In BW én MO': cliënten "
                              "die op de laatste dag van de periode in beide standen tellen.")
