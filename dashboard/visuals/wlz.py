"""Wlz: outflow to the Wlz per month and cumulative since the Wlz opened to ggz clients, per
municipality; Wlz requests. The cumulative and its start date are the warehouse's
(queries/wlz_cumulatief.sql, seeds/wlz_ggz.csv); this module only shapes them for display."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import maandreeks
from kern import afscherming as af
from kern import data, formats, kalender
from kern.kleuren import KLEUR, WLZ_STATUS

# the page's shaped queries (warehouse/queries/): sums over the allowed gemeenten, made in SQL
_PER_MAAND = data.wlz_pagina_maand
_PER_GEMEENTE = data.wlz_per_gemeente
_OPEN = data.wlz_open_som
_BESLUITEN = ["aanvragen", "toegekend", "afgewezen", "in_behandeling", "ingetrokken"]


def _per_maand(ctx: Context) -> tuple[dict[str, list], dt.date]:
    """(per column a list over the months of the period, the day the Wlz opened to ggz clients):
    the uitstroom to the Wlz, its cumulative and the requests by decision, for both month visuals."""
    def maak():
        p = ctx.periode
        df = _PER_MAAND(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
        sinds = pd.Timestamp(df["open_sinds"].iloc[0]).date() if len(df) else data.wlz_sinds()
        return maandreeks.reeksen(df, p.van, p.tot, ["uitstroom_wlz", "cumulatief", *_BESLUITEN]), sinds
    return ctx.onthoud("wlz-per-maand", maak)


def _op_korrel(ctx: Context, sommen: dict[str, list], standen: dict[str, list] | None = None):
    """(first months of the periods, sums per period, stands at each period's end)."""
    p = ctx.periode
    if ctx.korrel == "maand":
        return kalender.maandreeks(p.van, p.tot), sommen, standen or {}
    vakken = maandreeks.tijdvakken(p.van, p.tot, ctx.korrel)
    return ([v[0] for v in vakken], {k: maandreeks.som(w, vakken) for k, w in sommen.items()},
            {k: maandreeks.laatste(w, vakken) for k, w in (standen or {}).items()})


@visual("wlz-maand")
def wlz_maand_visual(ctx: Context) -> Visual:
    p = ctx.periode
    r, sinds = _per_maand(ctx)
    maanden, sommen, standen = _op_korrel(ctx, {"uitstroom_wlz": r["uitstroom_wlz"]}, {"cumulatief": r["cumulatief"]})
    wlz, cumulatief = sommen["uitstroom_wlz"], standen["cumulatief"]
    eenheid = flt.KORREL_LABEL[ctx.korrel].lower()
    kolom = f"Cumulatief sinds {formats.maand(sinds)}"
    fig = tijd.reeksen_per_maand(pd.DataFrame({"maand": [pd.Timestamp(m) for m in maanden],
                                               "uitstroom_wlz": ctx.plotbaar(wlz)}),
                                 [("uitstroom_wlz", f"Naar de Wlz in de {eenheid}", KLEUR["uitstroom_wlz"])],
                                 soort="staaf", geselecteerd=ctx.kruis_maand, ytitel="Cliënten", korrel=ctx.korrel)
    if ctx.exact:  # consecutive cumulatives give every period's count back: only for exact viewers
        labels = [formats.tijdvak(m, ctx.korrel) for m in maanden]
        fig.add_scatter(x=labels, y=cumulatief, name=f"Cumulatief sinds {sinds.year}", mode="lines",
                        yaxis="y2", line={"color": KLEUR["netto"], "width": 2},
                        customdata=[formats.getal(v) for v in cumulatief],
                        hovertemplate=f"%{{x}}<br>{kolom}: <b>%{{customdata}}</b><extra></extra>")
        fig.update_layout(showlegend=True, yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero",
                                                       "title": "Cumulatief", "showgrid": False})
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    tabel = pd.DataFrame({kop: tijden, "Naar de Wlz": wlz, kolom: cumulatief})
    # the last cumulative alone is one count, published as such (rounded for a protected viewer)
    tekst = (f"Uitstroom naar de Wlz per {eenheid}, {p.label}: {ctx.aantal(sum(wlz))} "
             f"cliënten; cumulatief sinds {formats.MAANDEN_LANG[sinds.month - 1]} {sinds.year} "
             f"{ctx.aantal(cumulatief[-1] if cumulatief else 0)}.")
    toelichting = (f"Reden van beëindiging {data.wlz_reden_codes()} (uitstroom naar ander domein, bijv. Wlz). "
                   f"Sinds {sinds.day}-{sinds.month}-{sinds.year} staat de Wlz open voor mensen met "
                   "psychische problemen.")
    if not ctx.exact:
        toelichting += (" Het cumulatieve verloop per periode wordt niet getoond: opeenvolgende standen zouden "
                        "elk afgeschermd aantal teruggeven.")
    return Visual("wlz-maand", f"Uitstroom naar de Wlz per {eenheid}", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, "Naar de Wlz": "getal", kolom: "getal"},
                  kolommen={"Naar de Wlz": af.AANTAL, kolom: af.CUMULATIEF},
                  kruisfilter=ctx.tijd_kruisfilter, toelichting=toelichting, breed=True)


@visual("wlz-gemeenten")
def wlz_gemeenten_visual(ctx: Context) -> Visual:
    p = ctx.analyse
    sel = ctx.selectie(p, kruis_gemeente=False, tussenvorm=False, levering=False)
    codes = set(data.toegestane_gemeenten(ctx.scope, sel))
    gem = [(c, n) for c, n in ctx.gemeente_namen().items() if c in codes]  # in the region's order
    df = _PER_GEMEENTE(ctx.scope, sel)
    per_gemeente = dict(zip(df["gemeente_code"].tolist(), zip(df["uitstroom_wlz"].tolist(), df["cumulatief"].tolist())))
    wlz = [per_gemeente.get(c, (0, 0))[0] for c, _n in gem]
    # one cumulative per gemeente, at the period's last month: a single count, no series
    cumulatief = [per_gemeente.get(c, (0, 0))[1] for c, _n in gem]
    fig = categorie.staven_per_gemeente(
        pd.DataFrame({"gemeente_code": [c for c, _n in gem], "gemeente_naam": [n for _c, n in gem],
                      "uitstroom_wlz": ctx.plotbaar(wlz)}),
        "uitstroom_wlz", "Naar de Wlz", geselecteerd=ctx.kruis_gemeente, kleur=KLEUR["uitstroom_wlz"])
    volgorde = sorted(range(len(gem)), key=lambda i: gem[i][1])
    sinds = _per_maand(ctx)[1]  # read with the month rows (on the page: no query of its own)
    tabel = pd.DataFrame({"Gemeente": [gem[i][1] for i in volgorde], "Gemeentecode": [gem[i][0] for i in volgorde],
                          f"Naar de Wlz ({p.label})": np.array([wlz[i] for i in volgorde], dtype="int64"),
                          f"Cumulatief {formats.maand(sinds)} t/m {formats.maand(p.tot)}":
                              np.array([cumulatief[i] for i in volgorde], dtype="int64")})
    tekst = f"Uitstroom naar de Wlz per gemeente, {p.label}; totaal {ctx.aantal(sum(wlz))}."
    return Visual("wlz-gemeenten", f"Naar de Wlz per gemeente · {p.label}", tabel, tekst, figuur=fig,
                  opmaak={c: "getal" for c in tabel.columns[2:]}, kolommen={c: af.AANTAL for c in tabel.columns[2:]},
                  kruisfilter="gemeente")


@visual("wlz-aanvragen")
def aanvragen_visual(ctx: Context) -> Visual:
    p = ctx.periode
    labels = {k: label for k, label, _rapport in data.wlz_besluiten()}  # the decisions, from their seed
    r, _sinds = _per_maand(ctx)
    maanden, n, _ = _op_korrel(ctx, {k: r[k] for k in ["aanvragen", *labels]})
    fig = tijd.reeksen_per_maand(pd.DataFrame({"maand": [pd.Timestamp(m) for m in maanden],
                                               **{k: ctx.plotbaar(n[k]) for k in labels}}),
                                 [(k, labels[k], WLZ_STATUS[k]) for k in labels], soort="staaf",
                                 gestapeld=True, ytitel="Aanvragen", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    kop = f"{kop} van aanvraag"
    tabel = pd.DataFrame({kop: tijden, "Aanvragen": n["aanvragen"], **{labels[k]: n[k] for k in labels}})
    tekst = (f"Wlz-aanvragen per {flt.KORREL_LABEL[ctx.korrel].lower()} van aanvraag, {p.label}: {ctx.aantal(sum(n['aanvragen']))} "
             f"aanvragen, waarvan {ctx.aantal(sum(n['in_behandeling']))} nog in behandeling.")
    return Visual("wlz-aanvragen", "Wlz-aanvragen naar besluit", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]},
                  toelichting="" if ctx.exact else ctx.afscherming.uitleg())


@visual("wlz-open")
def open_visual(ctx: Context) -> Visual:
    df = _OPEN(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))  # summed per class in SQL
    if df.empty:
        tabel, klassen, aantallen = pd.DataFrame(columns=["Wachttijd", "Openstaande aanvragen"]), [], []
    else:
        klassen, aantallen = df["leeftijdsklasse"].tolist(), df["aanvragen"].tolist()
        tabel = pd.DataFrame({"Wachttijd": df["leeftijdsklasse"], "Openstaande aanvragen": df["aanvragen"]})
    fig = categorie.staven(pd.DataFrame({"Wachttijd": tabel["Wachttijd"],
                                         "Openstaande aanvragen": ctx.plotbaar(aantallen)}),
                           "Wachttijd", "Openstaande aanvragen", "Openstaand", kleur=WLZ_STATUS["in_behandeling"])
    tekst = (f"Openstaande Wlz-aanvragen op de peildatum: {ctx.aantal(sum(aantallen))}, "
             "naar wachttijd: " + ", ".join(f"{k} {ctx.aantal(n)}" for k, n in zip(klassen, aantallen)) + ".")
    return Visual("wlz-open", f"Openstaande Wlz-aanvragen op {formats.datum_kort(ctx.info['peildatum'])}", tabel,
                  tekst, figuur=fig, opmaak={"Openstaande aanvragen": "getal"},
                  kolommen={"Openstaande aanvragen": af.AANTAL},
                  toelichting="Aanvragen zonder besluit; de Wmo-indicatie loopt intussen door.")
