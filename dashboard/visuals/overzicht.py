"""Overzicht: KPI cards, the stand per month, the municipalities side by side."""
from __future__ import annotations

import pandas as pd

from dashboard import filters as flt
from dashboard.components.kpi import Kpi, kaarten
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import reken
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import KLEUR


def kpi_lijst(ctx: Context) -> list[Kpi]:
    p = ctx.analyse
    vorig = p.jaar_eerder()
    kpis = []

    nu = reken.stand_op(ctx, p.tot)
    toen = reken.stand_op(ctx, vorig.tot)
    kpis.append(_kpi(ctx, "Actieve cliënten", "actief", nu, toen, f"eind {formats.maand(p.tot)}"
                     if p.tot != ctx.laatste else f"op peildatum {formats.datum_kort(ctx.info['peildatum'])}",
                     f"t.o.v. {formats.maand(vorig.tot)}"))

    stromen_nu = reken.stromen_som(ctx, p) or {}
    stromen_toen = reken.stromen_som(ctx, vorig)
    for sleutel, naam in (("instroom", "Instroom"), ("uitstroom", "Uitstroom"), ("uitstroom_wlz", "Naar de Wlz")):
        kpis.append(_kpi(ctx, naam, sleutel, stromen_nu.get(sleutel, 0),
                         None if stromen_toen is None else stromen_toen[sleutel],
                         p.label, f"t.o.v. {vorig.label}"))

    aandeel_nu, klein_nu = _aandeel_pgb(ctx, p.tot)
    aandeel_toen, klein_toen = _aandeel_pgb(ctx, vorig.tot) if vorig.tot >= ctx.eerste else (None, False)
    verschil = None if aandeel_nu is None or aandeel_toen is None else aandeel_nu - aandeel_toen  # of published shares
    if klein_nu:
        kpis.append(Kpi("Aandeel PGB", formats.LEEG, f"kleine aantallen, {formats.maand(p.tot)}", None,
                        "niet getoond", 0, "aandeel_pgb"))
    else:
        kpis.append(Kpi("Aandeel PGB", formats.pct(aandeel_nu), f"van de actieve cliënten, {formats.maand(p.tot)}",
                        None if verschil is None else formats.procentpunt(verschil),
                        f"t.o.v. {formats.maand(vorig.tot)}" if verschil is not None else
                        ("geen vergelijking (kleine aantallen)" if klein_toen else "geen vergelijking"),
                        reken.richting(verschil), "aandeel_pgb"))

    kpis.append(_lopend_resultaat(ctx))
    return kpis


def _kpi(ctx: Context, naam, sleutel, nu, toen, onder, vergelijking) -> Kpi:
    if toen is None or nu is None:
        return Kpi(naam, ctx.aantal(nu), onder, None, "geen vergelijking (geen gegevens)", 0, sleutel)
    verschil = ctx.afscherming.verschil(nu, toen)  # of the published counts: gives neither back
    if verschil is None:
        return Kpi(naam, ctx.aantal(nu), onder, None, "geen vergelijking (kleine aantallen)", 0, sleutel)
    return Kpi(naam, ctx.aantal(nu), onder, formats.getal(verschil, teken=True), vergelijking,
               reken.richting(verschil), sleutel)


def _aandeel_pgb(ctx: Context, maand) -> tuple[float | None, bool]:
    """(share, hidden): the share of the published PGB and total counts; hidden when the PGB or
    the ZIN count is small (the share and the total would give it away)."""
    df = data.clienten_per_levering(ctx.scope, ctx.selectie(flt.Periode(maand, maand), levering=False))
    totaal = df["actief"].sum() if not df.empty else 0
    if not totaal:
        return None, False
    pgb = df.loc[df["leveringsvorm"] == "PGB", "actief"].sum()
    if ctx.klein(pgb) or ctx.klein(totaal - pgb):
        return None, True
    return ctx.afscherming.aandeel(pgb, totaal), False


def _lopend_resultaat(ctx: Context) -> Kpi:
    df = data.resultaat_jaar(ctx.scope)
    jaar = ctx.info["peildatum"].year
    lopend = df[(df["jaar"] == jaar) & (df["versie"] == "lopend")]
    if lopend.empty:
        return Kpi("Lopend resultaat BW", formats.LEEG, f"regio, {jaar}", None, "nog niet berekend", 0, "resultaat")
    r = lopend.iloc[0]
    vorig = df[df["jaar"] == jaar - 1]
    vorig = vorig.sort_values("versie", key=lambda s: s.map({"definitief": 0, "voorlopig": 1, "lopend": 2}))
    onder = (f"regio {jaar}: {formats.eur(r['clientgebonden_gerealiseerd_eur'])} kosten gerealiseerd "
             f"+ {formats.eur(r['clientgebonden_prognose_eur'])} prognose")
    if vorig.empty:
        return Kpi("Lopend resultaat BW", formats.eur(r["resultaat_eur"]), onder, None, "geen vergelijking", 0,
                   "resultaat")
    v = vorig.iloc[0]
    return Kpi("Lopend resultaat BW", formats.eur(r["resultaat_eur"]), onder,
               formats.eur(r["resultaat_eur"] - v["resultaat_eur"], teken=True),
               f"t.o.v. {jaar - 1} ({v['versie']})", reken.richting(r["resultaat_eur"] - v["resultaat_eur"]),
               "resultaat")


@visual("overzicht-kpi")
def kpi_visual(ctx: Context) -> Visual:
    kpis = kpi_lijst(ctx)
    tabel = pd.DataFrame({"Kengetal": [k.naam for k in kpis], "Waarde": [k.waarde for k in kpis],
                          "Betreft": [k.onderschrift for k in kpis], "Verschil": [k.verschil or "" for k in kpis],
                          "Vergelijking": [k.vergelijking for k in kpis]})
    tekst = "Kengetallen voor " + ctx.selectie_label() + ": " + "; ".join(f"{k.naam} {k.waarde}" for k in kpis) + "."
    return Visual("overzicht-kpi", f"Kengetallen · {ctx.analyse.label}", tabel, tekst, inhoud=kaarten(kpis),
                  toelichting="In-, uitstroom en Wlz tellen per episode; tussenvorm- en leveringsvormfilters "
                              "gelden alleen voor actieve cliënten. Het resultaat is dat van de hele regio.",
                  breed=True)


@visual("overzicht-trend")
def trend_visual(ctx: Context) -> Visual:
    p = ctx.periode
    df = data.clienten_maand(ctx.scope, ctx.selectie(p))
    reeks = reken.naar_korrel(reken.stand_per_maand(df, p.van, p.tot), ctx.korrel, standen=["actief"])
    fig = tijd.reeksen_per_maand(reeks.assign(actief=ctx.plotbaar(reeks["actief"])),
                                 [("actief", "Actieve cliënten", KLEUR["stand"])],
                                 geselecteerd=ctx.kruis_maand, ytitel="Actieve cliënten", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(reeks["maand"])
    tabel = pd.DataFrame({kop: tijden, "Actieve cliënten": reeks["actief"]})
    if reeks.empty:
        tekst = "Geen gegevens."
    else:
        tekst = (f"Actieve cliënten per {flt.KORREL_LABEL[ctx.korrel].lower()}, {p.label}, {ctx.selectie_label()}: van "
                 f"{ctx.aantal(reeks['actief'].iloc[0])} naar {ctx.aantal(reeks['actief'].iloc[-1])}.")
    return Visual("overzicht-trend", f"Actieve cliënten per {flt.KORREL_LABEL[ctx.korrel].lower()}", tabel, tekst,
                  figuur=fig, opmaak={kop: opmaak, "Actieve cliënten": "getal"},
                  kolommen={"Actieve cliënten": af.AANTAL}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Klik op een maand om de andere visuals op die maand te filteren; "
                              "klik nogmaals om de selectie op te heffen.")


def per_gemeente(ctx: Context) -> pd.DataFrame:
    """Stand at the end of the analysis period per gemeente, absolute and per 1.000 inwoners
    (three visuals of the page use it: computed once per request)."""
    return ctx.onthoud("overzicht.per_gemeente", lambda: _per_gemeente(ctx))


def _per_gemeente(ctx: Context) -> pd.DataFrame:
    p = ctx.analyse
    sel = ctx.selectie(flt.Periode(p.tot, p.tot), kruis_gemeente=False)
    codes = data.toegestane_gemeenten(ctx.scope, sel)
    gem = data.gemeenten(ctx.scope)
    gem = gem[gem["gemeente_code"].isin(codes)][["gemeente_code", "gemeente_naam", "subregio_code",
                                                   "subregio_naam"]]
    df = data.clienten_per_gemeente(ctx.scope, sel)
    stand = df[["gemeente_code", "actief"]] if not df.empty else \
        pd.DataFrame({"gemeente_code": pd.Series(dtype="str"), "actief": pd.Series(dtype="int64")})
    uit = gem.merge(stand, on="gemeente_code", how="left").fillna({"actief": 0})
    uit["actief"] = uit["actief"].astype("int64")
    inw = reken.inwoners(ctx, p.tot.year, codes)
    uit = uit.merge(inw, on="gemeente_code", how="left")
    uit["per_1000"] = [reken.per_1000(a, i) for a, i in zip(uit["actief"], uit["inwoners"])]
    return uit.sort_values("gemeente_naam").reset_index(drop=True)


def _gemeente_tabel(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"Gemeente": df["gemeente_naam"], "Gemeentecode": df["gemeente_code"],
                         "Subregio": df["subregio_naam"], "Actieve cliënten": df["actief"],
                         "Inwoners (1 januari)": df["inwoners"], "Per 1.000 inwoners": df["per_1000"].round(2)})


def _plotbaar(ctx: Context, df: pd.DataFrame) -> pd.DataFrame:
    """The rows for a chart, as published: the count rounded, the rate from the rounded count;
    both missing where the count is '< 5'."""
    a = ctx.afscherming
    return df.assign(actief=ctx.plotbaar(df["actief"]),
                     per_1000=[float("nan") if (r := a.per_1000(n, i)) is None else r
                               for n, i in zip(df["actief"], df["inwoners"])])


_GEM_OPMAAK = {"Actieve cliënten": "getal", "Inwoners (1 januari)": "getal", "Per 1.000 inwoners": "getal2"}
_GEM_KOLOMMEN = {"Actieve cliënten": af.AANTAL, "Inwoners (1 januari)": af.VRIJ,
                 "Per 1.000 inwoners": af.per_1000("Actieve cliënten", "Inwoners (1 januari)")}


@visual("overzicht-gemeenten")
def gemeenten_visual(ctx: Context) -> Visual:
    df = per_gemeente(ctx)
    fig = categorie.staven_per_gemeente(_plotbaar(ctx, df), "actief", "Actieve cliënten",
                                        geselecteerd=ctx.kruis_gemeente)
    top = df.sort_values("actief", ascending=False).head(3)
    tekst = (f"Actieve cliënten per gemeente, eind {formats.maand(ctx.analyse.tot)}. Meeste: "
             + ", ".join(f"{n} {ctx.aantal(a)}" for n, a in zip(top["gemeente_naam"], top["actief"])) + ".")
    return Visual("overzicht-gemeenten", f"Actieve cliënten per gemeente · {formats.maand(ctx.analyse.tot)}",
                  _gemeente_tabel(df), tekst, figuur=fig, opmaak=_GEM_OPMAAK, kolommen=_GEM_KOLOMMEN,
                  kruisfilter="gemeente",
                  toelichting="Klik op een gemeente om de andere visuals op die gemeente te filteren.")


@visual("overzicht-per-1000")
def per_1000_visual(ctx: Context) -> Visual:
    df = per_gemeente(ctx)
    jaar = int(df["inwoners_jaar"].max()) if df["inwoners_jaar"].notna().any() else ctx.analyse.tot.year
    regio = _regio_rij(ctx)
    met_regio = pd.concat([df, regio], ignore_index=True) if regio is not None else df
    fig = categorie.staven_per_gemeente(_plotbaar(ctx, met_regio), "per_1000",
                                        "Per 1.000 inwoners", opmaak="getal2", geselecteerd=ctx.kruis_gemeente,
                                        kleur=KLEUR["prognose"])
    tekst = (f"Actieve cliënten per 1.000 inwoners per gemeente, eind {formats.maand(ctx.analyse.tot)}, "
             f"inwoners op 1 januari {jaar} (CBS)"
             + (f"; regio {formats.getal(ctx.afscherming.per_1000(regio['actief'].iloc[0], regio['inwoners'].iloc[0]), 2)}."
                if regio is not None else "."))
    return Visual("overzicht-per-1000", "Per 1.000 inwoners", _gemeente_tabel(met_regio), tekst, figuur=fig,
                  opmaak=_GEM_OPMAAK, kolommen=_GEM_KOLOMMEN, kruisfilter="gemeente",
                  toelichting=f"Inwoners: CBS, 1 januari {jaar}. De laatste rij is het gemiddelde van de hele regio.")


def _regio_rij(ctx: Context) -> pd.DataFrame | None:
    """The whole region as one extra row (code 'regio', never a gemeente code): the comparison."""
    p = ctx.analyse
    actief = reken.regio_stand_op(ctx, p.tot, kruis_gemeente=False)
    inw = reken.regio_inwoners(ctx, p.tot.year)
    if actief is None:
        return None
    return pd.DataFrame({"gemeente_code": ["regio"], "gemeente_naam": [f"Regio {ctx.info['regio']} (gemiddelde)"],
                         "subregio_code": [""], "subregio_naam": ["hele regio"], "actief": [actief],
                         "inwoners": [inw], "per_1000": [reken.per_1000(actief, inw)]})


@visual("overzicht-subregio")
def subregio_visual(ctx: Context) -> Visual:
    """Drill from the region to a subregio: a click sets the subregio filter (a second click lifts it)."""
    df = per_gemeente(ctx)
    g = df.groupby(["subregio_code", "subregio_naam"], as_index=False)[["actief", "inwoners"]].sum()
    g["per_1000"] = [reken.per_1000(a, i) for a, i in zip(g["actief"], g["inwoners"])]
    gekozen = ctx.filters.subregio[0] if len(ctx.filters.subregio) == 1 else None
    fig = categorie.staven_per_gemeente(_plotbaar(ctx, g), "actief", "Actieve cliënten",
                                        geselecteerd=gekozen, code="subregio_code", naam="subregio_naam", hoogte=200)
    tabel = pd.DataFrame({"Subregio": g["subregio_naam"], "Code": g["subregio_code"], "Actieve cliënten": g["actief"],
                          "Inwoners (1 januari)": g["inwoners"], "Per 1.000 inwoners": g["per_1000"].round(2)})
    a = ctx.afscherming
    tekst = (f"Actieve cliënten per subregio, eind {formats.maand(ctx.analyse.tot)}: "
             + ", ".join(f"{n} {ctx.aantal(x)}" + ("" if ctx.klein(x) else f" ({formats.getal(a.per_1000(x, i), 2)} "
                                                                          "per 1.000 inwoners)")
                         for n, x, i in zip(g["subregio_naam"], g["actief"], g["inwoners"])) + ".")
    return Visual("overzicht-subregio", f"Per subregio · {formats.maand(ctx.analyse.tot)}", tabel, tekst,
                  figuur=fig, opmaak={"Actieve cliënten": "getal", "Inwoners (1 januari)": "getal",
                                      "Per 1.000 inwoners": "getal2"},
                  kolommen={**_GEM_KOLOMMEN, "Inwoners (1 januari)": af.VRIJ}, kruisfilter="subregio",
                  toelichting="Klik op een subregio om in te zoomen (filter subregio); klik nogmaals voor de hele regio. "
                              "Klik daarna op een gemeente, of open de gemeentepagina.")
