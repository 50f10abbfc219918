"""Maatschappelijke opvang on the Overzicht (a card beside the BW cards) and on the Gemeente page
(a block per year for the one municipality). Counts go through the small-numbers rule as
everywhere: the cards by `ctx.aantal`, the table by its declared column kinds."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.components.kpi import Kpi, kaarten
from dashboard.components.visual import Visual, visual
from dashboard.request_context import Context
from dashboard.visuals import overzicht
from dashboard.visuals.gemeente import gemeente_code
from kern import afscherming as af
from kern import data, formats

_mo_cijfers = data.overzicht_mo_kolommen  # lists per column: one row, no DataFrame to convert


def mo_kpis(ctx: Context) -> list[Kpi]:
    p = ctx.analyse
    # one row shaped in SQL (the stand at the end of the period, the flows and shifts over it)
    kol = _mo_cijfers(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
    c = {k: int(v[0]) for k, v in kol.items()} if kol["actief"] else \
        dict.fromkeys(("actief", "instroom", "nieuwe_clienten", "mo_naar_bw", "bw_naar_mo"), 0)
    kpis = [Kpi("In de opvang", ctx.aantal(c["actief"]), f"eind {formats.maand(p.tot)}", None,
                "opvang en spoedopvang", 0, "mo_actief"),
            Kpi("Instroom opvang", ctx.aantal(c["instroom"]), p.label, None,
                f"waarvan {ctx.aantal(c['nieuwe_clienten'])} nieuwe cliënten", 0, "mo_instroom"),
            Kpi("Van opvang naar BW", ctx.aantal(c["mo_naar_bw"]), p.label, None,
                f"van BW naar opvang: {ctx.aantal(c['bw_naar_mo'])}", 0, "mo_naar_bw")]
    jaar = ctx.info["peildatum"].year
    r = [rij for rij in overzicht.resultaten(ctx)["mo"] if rij["jaar"] == jaar]
    if not r:
        kpis.append(Kpi("Lopend resultaat MO", formats.LEEG, f"regio, {jaar}", None, "nog niet berekend", 0,
                        "mo_resultaat"))
    else:
        r = r[0]
        reserve = r["reserve_eind_eur"]
        kpis.append(Kpi("Lopend resultaat MO", formats.eur(r["resultaat_eur"]), f"regio {jaar}, incl. prognose",
                        None, "Reserve MO eind jaar: " + (formats.LEEG if pd.isna(reserve) else formats.eur(reserve)),
                        0, "mo_resultaat"))
    return kpis


@visual("overzicht-mo")
def overzicht_mo_visual(ctx: Context) -> Visual:
    kpis = mo_kpis(ctx)
    tabel = pd.DataFrame({"Kengetal": [k.naam for k in kpis], "Waarde": [k.waarde for k in kpis],
                          "Betreft": [k.onderschrift for k in kpis], "Toelichting": [k.vergelijking for k in kpis]})
    tekst = "Maatschappelijke opvang, " + ctx.selectie_label() + ": " + "; ".join(
        f"{k.naam} {k.waarde}" for k in kpis) + "."
    return Visual("overzicht-mo", f"Maatschappelijke opvang · {ctx.analyse.label}", tabel, tekst,
                  inhoud=kaarten(kpis), breed=True,
                  toelichting="Opvang en spoedopvang, apart van beschermd wonen geteld. Meer op de pagina "
                              "Maatschappelijke opvang.")


def gemeente_mo_tabel(ctx: Context, code: str) -> pd.DataFrame:
    """Per year for one gemeente: MO stand at the year's end (or the peildatum), flows, shifts, costs."""
    # one query shaped per year in SQL (warehouse/queries/gemeente_mo_jaar.sql) instead of four row
    # queries added up here: each cost ~5 ms cold
    k = data.gemeente_mo_jaar(ctx.scope, code, ctx.laatste)
    jaren = list(range(ctx.eerste.year, ctx.laatste.year + 1))
    stand: dict = {}
    stromen = {j: [0, 0] for j in jaren}
    overgangen = {j: {"MO naar BW": 0, "BW naar MO": 0} for j in jaren}
    kosten: dict = {}
    for deel, j, a, b, g, p in zip(k["deel"], k["jaar"], k["a"], k["b"], k["gerealiseerd_eur"], k["prognose_eur"]):
        if deel == "stand":
            stand[j] = a
        elif deel == "stromen":
            stromen[j] = [a, b]
        elif deel == "overgang":
            overgangen[j] = {"MO naar BW": a, "BW naar MO": b}
        else:
            kosten.setdefault(j, ([], []))
            kosten[j][0].append(g)
            kosten[j][1].append(p)
    rijen = []
    for j in jaren:
        gerealiseerd, prognose = kosten.get(j, ([], []))
        rijen.append({"Jaar": j, "In de opvang eind jaar": int(stand.get(j, 0)),
                      "Instroom": int(stromen[j][0]), "Uitstroom": int(stromen[j][1]),
                      "MO naar BW": int(overgangen[j]["MO naar BW"]), "BW naar MO": int(overgangen[j]["BW naar MO"]),
                      # np.nansum is what Series.sum does (NaN as 0, numpy's summation order)
                      "Kosten gerealiseerd": float(np.nansum(np.asarray(gerealiseerd, dtype="float64"))),
                      "Kosten prognose": float(np.nansum(np.asarray(prognose, dtype="float64")))})
    return pd.DataFrame(rijen)


@visual("gemeente-mo")
def gemeente_mo_visual(ctx: Context) -> Visual:
    code = gemeente_code(ctx)
    titel = "Maatschappelijke opvang"
    if code is None:
        return Visual("gemeente-mo", titel, pd.DataFrame(), "Kies een gemeente.", inhoud=None)
    naam = ctx.gemeente_namen().get(code, code)
    tabel = gemeente_mo_tabel(ctx, code)
    laatst = tabel.iloc[-1]
    tekst = (f"Maatschappelijke opvang, {naam}, {int(laatst['Jaar'])}: {ctx.aantal(laatst['In de opvang eind jaar'])} "
             f"cliënten in de opvang, instroom {ctx.aantal(laatst['Instroom'])}, kosten "
             f"{formats.eur(laatst['Kosten gerealiseerd'])} gerealiseerd en {formats.eur(laatst['Kosten prognose'])} "
             f"prognose.")
    kolommen = {c: af.AANTAL for c in ("In de opvang eind jaar", "Instroom", "Uitstroom", "MO naar BW", "BW naar MO")}
    kolommen.update({"Jaar": af.VRIJ, "Kosten gerealiseerd": af.VRIJ, "Kosten prognose": af.VRIJ})
    return Visual("gemeente-mo", f"{titel} · {naam}", tabel, tekst, kolommen=kolommen, tabel_open=True, breed=True,
                  inhoud=None, opmaak={"Jaar": "tekst", **{c: "getal" for c in kolommen if c in tabel.columns
                                                          and kolommen[c] is af.AANTAL},
                                       "Kosten gerealiseerd": "eur", "Kosten prognose": "eur"},
                  toelichting="Per jaar; de stand op 31 december (het lopende jaar: op de peildatum). De kosten "
                              "zijn toegekende declaraties op opvangtoewijzingen naar gemeente van herkomst; de "
                              "prognose alleen in het lopende jaar.")
