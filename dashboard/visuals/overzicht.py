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

# One query per page section, shaped in SQL (warehouse/queries/overzicht_*.sql), each asked once
# per request (ctx.onthoud) and added up here in plain Python: a query costs 2-5 ms in DuckDB and
# ~2 ms to convert even when it returns one row, and the KPI cards, the municipalities and the
# comparison with the region used to ask ~15 of them, then regroup the answers in pandas. Their
# answers come as lists per column (data.*_kolommen): made DataFrames they cost more to convert
# than to compute.
_stand_rijen = data.overzicht_stand_kolommen
_stromen_rijen = data.overzicht_stromen_kolommen
_stand_per_maand = data.clienten_stand_maand
STROMEN = ("instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz")


def _stand(ctx: Context) -> dict:
    """{True: analysis month, False: a year earlier} -> {(gemeente, leveringsvorm): actief}, over
    the allowed gemeenten without the cross-filter (the municipalities side by side ignore it) and
    the tussenvorm filter; the leveringsvorm filter is applied when summing (the PGB share ignores it)."""
    def maak():
        p = ctx.analyse
        k = _stand_rijen(ctx.scope, ctx.selectie(flt.Periode(p.jaar_eerder().tot, p.tot), kruis_gemeente=False,
                                                 levering=False))
        uit: dict = {True: {}, False: {}}
        for nu, code, vorm, actief in zip(k["nu"], k["gemeente_code"], k["leveringsvorm"], k["actief"]):
            uit[nu][(code, vorm)] = actief
        return uit
    return ctx.onthoud("overzicht.stand", maak)


def kruis_codes(ctx: Context) -> frozenset:
    """The gemeenten of the selection with the cross-filter (the KPI cards and the comparison)."""
    return ctx.onthoud("overzicht.kruis_codes",
                       lambda: frozenset(data.toegestane_gemeenten(ctx.scope, ctx.selectie())))


def stand_op(ctx: Context, maand, *, kruis_gemeente: bool = True, levering: bool = True) -> int | None:
    """reken.stand_op for the analysis month or the month a year before it, from _stand."""
    if maand < ctx.eerste:
        return None
    rijen = _stand(ctx)[maand == ctx.analyse.tot]
    codes = kruis_codes(ctx) if kruis_gemeente else None
    vormen = set(ctx.filters.leveringsvormen) if levering and ctx.filters.leveringsvormen else None
    return sum(a for (code, vorm), a in rijen.items()
               if (codes is None or code in codes) and (vormen is None or vorm in vormen))


def stromen_som(ctx: Context, periode: flt.Periode) -> dict | None:
    """reken.stromen_som for the analysis period or the same period a year earlier (both from one
    row, warehouse/queries/overzicht_stromen.sql); None when the period starts before the data."""
    if periode.van < ctx.eerste:
        return None
    def maak():
        p = ctx.analyse
        kol = _stromen_rijen(ctx.scope, ctx.selectie(flt.Periode(p.jaar_eerder().van, p.tot), tussenvorm=False,
                                                     levering=False))
        rij = {k: int(v[0]) for k, v in kol.items()} if kol["instroom_nu"] else {}
        return {nu: {k: rij.get(f"{k}_{'nu' if nu else 'toen'}", 0) for k in STROMEN} for nu in (True, False)}
    return dict(ctx.onthoud("overzicht.stromen", maak)[periode == ctx.analyse])


def regio(ctx: Context) -> dict:
    """The whole region (warehouse/queries/overzicht_regio.sql: sums, never a row per gemeente):
    actief (reken.regio_stand_op), the flows of the analysis period (reken.regio_stromen_som,
    None before the data) and inwoners (reken.regio_inwoners); None where there is nothing to see."""
    def maak():
        p = ctx.analyse
        kol = data.overzicht_regio_kolommen(ctx.scope, data.Selectie(
            van=p.van, tot=p.tot, tussenvormen=ctx.filters.tussenvormen, leveringsvormen=ctx.filters.leveringsvormen))
        if not kol["actief"]:  # no allowed gemeente
            return {"actief": 0 if ctx.scope else None, "stromen": {k: 0 for k in STROMEN} if ctx.scope else None,
                    "inwoners": None}
        r = {k: v[0] for k, v in kol.items()}
        return {"actief": int(r["actief"]), "stromen": {k: int(r[k]) for k in STROMEN},
                "inwoners": None if pd.isna(r["inwoners"]) else float(r["inwoners"])}
    uit = dict(ctx.onthoud("overzicht.regio", maak))
    if ctx.analyse.tot < ctx.eerste:
        uit["actief"] = None
    if ctx.analyse.van < ctx.eerste:
        uit["stromen"] = None
    return uit


def kpi_lijst(ctx: Context) -> list[Kpi]:
    p = ctx.analyse
    vorig = p.jaar_eerder()
    kpis = []

    nu = stand_op(ctx, p.tot)
    toen = stand_op(ctx, vorig.tot)
    kpis.append(_kpi(ctx, "Actieve cliënten", "actief", nu, toen, f"eind {formats.maand(p.tot)}"
                     if p.tot != ctx.laatste else f"op peildatum {formats.datum_kort(ctx.info['peildatum'])}",
                     f"t.o.v. {formats.maand(vorig.tot)}"))

    stromen_nu = stromen_som(ctx, p) or {}
    stromen_toen = stromen_som(ctx, vorig)
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
    totaal = stand_op(ctx, maand, levering=False)
    if not totaal:
        return None, False
    codes = kruis_codes(ctx)
    pgb = sum(a for (code, vorm), a in _stand(ctx)[maand == ctx.analyse.tot].items()
              if vorm == "PGB" and code in codes)
    if ctx.klein(pgb) or ctx.klein(totaal - pgb):
        return None, True
    return ctx.afscherming.aandeel(pgb, totaal), False


def resultaten(ctx: Context) -> dict[str, list[dict]]:
    """{'bw': rows of resultaat_jaar, 'mo': rows of mo_resultaat_jaar}, each in its query's order,
    from one regional query (warehouse/queries/overzicht_resultaat.sql); empty without a scope."""
    def maak():
        uit: dict = {"bw": [], "mo": []}
        kol = data.overzicht_resultaat_kolommen(ctx.scope)
        for w in zip(*kol.values()):
            rij = dict(zip(kol, w))
            uit[rij["bron"]].append(rij)
        return uit
    return ctx.onthoud("overzicht.resultaten", maak)


def _lopend_resultaat(ctx: Context) -> Kpi:
    rijen = resultaten(ctx)["bw"]
    jaar = ctx.info["peildatum"].year
    lopend = [r for r in rijen if r["jaar"] == jaar and r["versie"] == "lopend"]
    if not lopend:
        return Kpi("Lopend resultaat BW", formats.LEEG, f"regio, {jaar}", None, "nog niet berekend", 0, "resultaat")
    r = lopend[0]
    # the most final version of last year, by the mart's own ranking (marts.resultaat_jaar.versie_rang)
    vorig = sorted((v for v in rijen if v["jaar"] == jaar - 1), key=lambda v: v["versie_rang"])
    onder = (f"regio {jaar}: {formats.eur(r['clientgebonden_gerealiseerd_eur'])} kosten gerealiseerd "
             f"+ {formats.eur(r['clientgebonden_prognose_eur'])} prognose")
    if not vorig:
        return Kpi("Lopend resultaat BW", formats.eur(r["resultaat_eur"]), onder, None, "geen vergelijking", 0,
                   "resultaat")
    v = vorig[0]
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
    df = _stand_per_maand(ctx.scope, ctx.selectie(p))
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


def inwoners(ctx: Context) -> pd.DataFrame:
    """reken.inwoners for the gemeenten of the page without the cross-filter, once per request
    (the comparison with the region sums those of the cross-filtered selection from it)."""
    return ctx.onthoud("overzicht.inwoners", lambda: reken.inwoners(
        ctx, ctx.analyse.tot.year, data.toegestane_gemeenten(ctx.scope, ctx.selectie(kruis_gemeente=False))))


def _per_gemeente(ctx: Context) -> pd.DataFrame:
    codes = set(data.toegestane_gemeenten(ctx.scope, ctx.selectie(kruis_gemeente=False)))
    vormen = set(ctx.filters.leveringsvormen)
    stand: dict = {}
    for (code, vorm), a in _stand(ctx)[True].items():
        if not vormen or vorm in vormen:
            stand[code] = stand.get(code, 0) + a
    inw = inwoners(ctx)
    inw_per = dict(zip(inw["gemeente_code"].tolist(), zip(inw["inwoners"].tolist(), inw["inwoners_jaar"].tolist())))
    gem = data.regio_gemeenten()
    rijen = sorted((r for r in zip(gem["gemeente_code"].tolist(), gem["gemeente_naam"].tolist(),
                                   gem["subregio_code"].tolist(), gem["subregio_naam"].tolist()) if r[0] in codes),
                   key=lambda r: r[1])
    leeg = (float("nan"), float("nan"))
    actief = [stand.get(r[0], 0) for r in rijen]
    inw_rijen = [inw_per.get(r[0], leeg) for r in rijen]
    uit = pd.DataFrame({"gemeente_code": [r[0] for r in rijen], "gemeente_naam": [r[1] for r in rijen],
                        "subregio_code": [r[2] for r in rijen], "subregio_naam": [r[3] for r in rijen],
                        "actief": pd.Series(actief, dtype="int64"),
                        "inwoners": pd.Series([i for i, _j in inw_rijen], dtype=inw["inwoners"].dtype
                                              if all(r[0] in inw_per for r in rijen) else "float64"),
                        "inwoners_jaar": pd.Series([j for _i, j in inw_rijen], dtype=inw["inwoners_jaar"].dtype
                                                   if all(r[0] in inw_per for r in rijen) else "float64"),
                        "per_1000": pd.Series([reken.per_1000(a, i) for a, (i, _j) in zip(actief, inw_rijen)],
                                              dtype="float64")})
    return uit


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
    r = regio(ctx)
    actief, inw = r["actief"], r["inwoners"]
    if actief is None:
        return None
    return pd.DataFrame({"gemeente_code": ["regio"], "gemeente_naam": [f"Regio {ctx.info['regio']} (gemiddelde)"],
                         "subregio_code": [""], "subregio_naam": ["hele regio"], "actief": [actief],
                         "inwoners": [inw], "per_1000": [reken.per_1000(actief, inw)]})


@visual("overzicht-subregio")
def subregio_visual(ctx: Context) -> Visual:
    """Drill from the region to a subregio: a click sets the subregio filter (a second click lifts it)."""
    df = per_gemeente(ctx)
    # what groupby(["subregio_code", "subregio_naam"]).sum() gave (sorted by the keys, a row
    # without a subregio left out, a missing population as 0), without a pandas groupby
    som: dict = {}
    for code, naam, a, i in zip(df["subregio_code"].tolist(), df["subregio_naam"].tolist(), df["actief"].tolist(),
                                df["inwoners"].tolist()):
        if pd.isna(code) or pd.isna(naam):
            continue
        rij = som.setdefault((code, naam), [0, 0])
        rij[0] += a
        rij[1] += 0 if pd.isna(i) else i
    sleutels = sorted(som)
    g = pd.DataFrame({"subregio_code": [k[0] for k in sleutels], "subregio_naam": [k[1] for k in sleutels],
                      "actief": pd.Series([som[k][0] for k in sleutels], dtype="int64"),
                      "inwoners": pd.Series([som[k][1] for k in sleutels], dtype=df["inwoners"].dtype)})
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
