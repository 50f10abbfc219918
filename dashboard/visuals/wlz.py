"""Wlz: outflow to the Wlz per month and cumulative since the Wlz opened to ggz clients, per
municipality; Wlz requests. The cumulative and its start date are the warehouse's
(queries/wlz_cumulatief.sql, seeds/wlz_ggz.csv); this module only shapes them for display."""
from __future__ import annotations

import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import reken
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import KLEUR, WLZ_STATUS


def _cumulatief_per_maand(cum: pd.DataFrame, maanden: pd.Series) -> list[int]:
    """The selected gemeenten's cumulative in each month (the query has a row for every month and
    gemeente from the start on); 0 before the start."""
    if cum.empty:
        return [0] * len(maanden)
    per_maand = cum.assign(maand=pd.to_datetime(cum["maand"])).groupby("maand")["uitstroom_wlz_cumulatief"].sum()
    return [int(per_maand.get(m, 0)) for m in maanden]


@visual("wlz-maand")
def wlz_maand_visual(ctx: Context) -> Visual:
    p = ctx.periode
    sel = ctx.selectie(p, tussenvorm=False, levering=False)
    sinds = data.wlz_sinds()
    reeks = reken.stromen_per_maand(
        data.stromen_maand(ctx.scope, sel), p.van, p.tot)[["maand", "uitstroom_wlz"]]
    reeks["cumulatief"] = _cumulatief_per_maand(data.wlz_cumulatief(ctx.scope, sel), reeks["maand"])
    reeks = reken.naar_korrel(reeks, ctx.korrel, sommen=["uitstroom_wlz"], standen=["cumulatief"])
    eenheid = flt.KORREL_LABEL[ctx.korrel].lower()
    kolom = f"Cumulatief sinds {formats.maand(sinds)}"
    fig = tijd.reeksen_per_maand(reeks.assign(uitstroom_wlz=ctx.plotbaar(reeks["uitstroom_wlz"])),
                                 [("uitstroom_wlz", f"Naar de Wlz in de {eenheid}", KLEUR["uitstroom_wlz"])],
                                 soort="staaf", geselecteerd=ctx.kruis_maand, ytitel="Cliënten", korrel=ctx.korrel)
    if ctx.exact:  # consecutive cumulatives give every period's count back: only for exact viewers
        labels = [formats.tijdvak(m, ctx.korrel) for m in reeks["maand"]]
        fig.add_scatter(x=labels, y=reeks["cumulatief"], name=f"Cumulatief sinds {sinds.year}", mode="lines",
                        yaxis="y2", line={"color": KLEUR["netto"], "width": 2},
                        customdata=[formats.getal(v) for v in reeks["cumulatief"]],
                        hovertemplate=f"%{{x}}<br>{kolom}: <b>%{{customdata}}</b><extra></extra>")
        fig.update_layout(showlegend=True, yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero",
                                                       "title": "Cumulatief", "showgrid": False})
    kop, tijden, opmaak = ctx.tijdkolom(reeks["maand"])
    tabel = pd.DataFrame({kop: tijden, "Naar de Wlz": reeks["uitstroom_wlz"], kolom: reeks["cumulatief"]})
    # the last cumulative alone is one count, published as such (rounded for a protected viewer)
    tekst = (f"Uitstroom naar de Wlz per {eenheid}, {p.label}: {ctx.aantal(reeks['uitstroom_wlz'].sum())} "
             f"cliënten; cumulatief sinds {formats.MAANDEN_LANG[sinds.month - 1]} {sinds.year} "
             f"{ctx.aantal(reeks['cumulatief'].iloc[-1] if len(reeks) else 0)}.")
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
    codes = data.toegestane_gemeenten(ctx.scope, sel)
    gem = data.gemeenten(ctx.scope)
    gem = gem[gem["gemeente_code"].isin(codes)][["gemeente_code", "gemeente_naam"]]
    fl = data.stromen_maand(ctx.scope, sel)
    cum = data.wlz_cumulatief(ctx.scope, sel)
    periode = fl.groupby("gemeente_code")["uitstroom_wlz"].sum() if not fl.empty else pd.Series(dtype="int64")
    # one cumulative per gemeente, at the period's last month: a single count, no series
    eind = cum[pd.to_datetime(cum["maand"]) == pd.Timestamp(p.tot)]
    sinds = eind.groupby("gemeente_code")["uitstroom_wlz_cumulatief"].sum() if not eind.empty \
        else pd.Series(dtype="int64")
    df = gem.assign(uitstroom_wlz=[int(periode.get(c, 0)) for c in gem["gemeente_code"]],
                    cumulatief=[int(sinds.get(c, 0)) for c in gem["gemeente_code"]])
    fig = categorie.staven_per_gemeente(df.assign(uitstroom_wlz=ctx.plotbaar(df["uitstroom_wlz"])), "uitstroom_wlz",
                                        "Naar de Wlz", geselecteerd=ctx.kruis_gemeente, kleur=KLEUR["uitstroom_wlz"])
    tabel = pd.DataFrame({"Gemeente": df["gemeente_naam"], "Gemeentecode": df["gemeente_code"],
                          f"Naar de Wlz ({p.label})": df["uitstroom_wlz"],
                          f"Cumulatief {formats.maand(data.wlz_sinds())} t/m {formats.maand(p.tot)}": df["cumulatief"]}).sort_values("Gemeente")
    tekst = f"Uitstroom naar de Wlz per gemeente, {p.label}; totaal {ctx.aantal(df['uitstroom_wlz'].sum())}."
    return Visual("wlz-gemeenten", f"Naar de Wlz per gemeente · {p.label}", tabel, tekst, figuur=fig,
                  opmaak={c: "getal" for c in tabel.columns[2:]}, kolommen={c: af.AANTAL for c in tabel.columns[2:]},
                  kruisfilter="gemeente")


@visual("wlz-aanvragen")
def aanvragen_visual(ctx: Context) -> Visual:
    p = ctx.periode
    df = data.wlz_aanvragen_maand(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
    labels = {k: label for k, label, _rapport in data.wlz_besluiten()}  # the decisions, from their seed
    kol = ["aanvragen", *labels]
    maanden = reken.stromen_per_maand(pd.DataFrame(columns=["maand", "instroom", "nieuwe_clienten", "uitstroom",
                                                            "uitstroom_wlz"]), p.van, p.tot)[["maand"]]
    if not df.empty:
        g = df.assign(maand=pd.to_datetime(df["maand"])).groupby("maand", as_index=False)[kol].sum()
        maanden = maanden.merge(g, on="maand", how="left")
    for k in kol:
        maanden[k] = maanden.get(k, pd.Series(0, index=maanden.index)).fillna(0).astype("int64")
    maanden = reken.naar_korrel(maanden, ctx.korrel, sommen=kol)
    fig = tijd.reeksen_per_maand(maanden.assign(**{k: ctx.plotbaar(maanden[k]) for k in labels}),
                                 [(k, labels[k], WLZ_STATUS[k]) for k in labels], soort="staaf",
                                 gestapeld=True, ytitel="Aanvragen", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(maanden["maand"])
    kop = f"{kop} van aanvraag"
    tabel = pd.DataFrame({kop: tijden, "Aanvragen": maanden["aanvragen"], **{labels[k]: maanden[k] for k in labels}})
    tekst = (f"Wlz-aanvragen per {flt.KORREL_LABEL[ctx.korrel].lower()} van aanvraag, {p.label}: {ctx.aantal(maanden['aanvragen'].sum())} "
             f"aanvragen, waarvan {ctx.aantal(maanden['in_behandeling'].sum())} nog in behandeling.")
    return Visual("wlz-aanvragen", "Wlz-aanvragen naar besluit", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, **{c: "getal" for c in tabel.columns[1:]}},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]},
                  toelichting="" if ctx.exact else ctx.afscherming.uitleg())


@visual("wlz-open")
def open_visual(ctx: Context) -> Visual:
    df = data.wlz_aanvragen_open(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    if df.empty:
        tabel = pd.DataFrame(columns=["Wachttijd", "Openstaande aanvragen"])
    else:
        g = df.groupby(["klasse_volgorde", "leeftijdsklasse"], as_index=False)["aanvragen"].sum()
        tabel = pd.DataFrame({"Wachttijd": g["leeftijdsklasse"],
                              "Openstaande aanvragen": g["aanvragen"].astype("int64")})
    fig = categorie.staven(tabel.assign(**{"Openstaande aanvragen": ctx.plotbaar(tabel["Openstaande aanvragen"])}),
                           "Wachttijd", "Openstaande aanvragen", "Openstaand", kleur=WLZ_STATUS["in_behandeling"])
    tekst = (f"Openstaande Wlz-aanvragen op de peildatum: {ctx.aantal(tabel['Openstaande aanvragen'].sum())}, "
             "naar wachttijd: " + ", ".join(f"{k} {ctx.aantal(n)}" for k, n in
                                                   zip(tabel["Wachttijd"], tabel["Openstaande aanvragen"])) + ".")
    return Visual("wlz-open", f"Openstaande Wlz-aanvragen op {formats.datum_kort(ctx.info['peildatum'])}", tabel,
                  tekst, figuur=fig, opmaak={"Openstaande aanvragen": "getal"},
                  kolommen={"Openstaande aanvragen": af.AANTAL},
                  toelichting="Aanvragen zonder besluit; de Wmo-indicatie loopt intussen door.")
