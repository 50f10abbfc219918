"""Maatschappelijke opvang, the money (issue 13; convenant art. 8.3 and 8.7): MO client costs per
period, and the MO result per year against the 5% uitvoeringsnorm, settled with the Reserve MO.
Euro amounts are shown exactly (no client counts in these tables)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import maandreeks
from kern import afscherming as af
from kern import data, formats, kalender
from kern.kleuren import KLEUR


@visual("mo-kosten")
def kosten_visual(ctx: Context) -> Visual:
    p = ctx.periode
    df = data.mo_kosten_maand(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
    # The money stays summed by pandas' groupby (one per grain): its float sums are not those of
    # Python's sum or math.fsum in the last bit, and the chart carries the floats. The rest, the
    # month frame, map, fillna and naar_korrel's regrouping (~10 steps), is plain lists.
    som = df.groupby("maand")["kosten_eur"].sum().to_dict() if len(df) else {}
    maanden = kalender.maandreeks(p.van, p.tot)
    kosten = [float(som.get(pd.Timestamp(m), 0.0)) for m in maanden]
    if ctx.korrel == "maand":
        begin = maanden
    else:
        vakken = maandreeks.tijdvakken(p.van, p.tot, ctx.korrel)
        begin = [v[0] for v in vakken]
        if kosten:
            sleutels = [v[0] for v in vakken for _i in range(v[1], v[2])]
            kosten = pd.Series(kosten, dtype="float64").groupby(sleutels, sort=True).sum().tolist()
    tijdvak = pd.to_datetime(begin)
    reeks = pd.DataFrame({"maand": tijdvak, "kosten": np.array(kosten, dtype=np.float64)})
    fig = tijd.reeksen_per_maand(reeks, [("kosten", "Kosten opvang (ZIN)", KLEUR["zin"])], soort="staaf",
                                 opmaak="eur", geselecteerd=ctx.kruis_maand, ytitel="Euro", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(list(tijdvak))
    afgerond = np.round(reeks["kosten"].to_numpy(), 2)  # what Series.round(2) gives
    tabel = pd.DataFrame({kop: tijden, "Kosten": afgerond})
    tekst = (f"Gerealiseerde cliëntgebonden kosten maatschappelijke opvang, {p.label}, {ctx.selectie_label()}: "
             f"{formats.eur(afgerond.sum())}.")
    return Visual("mo-kosten", "Kosten opvang per maand (gerealiseerd)" if ctx.korrel == "maand" else
                  "Kosten opvang (gerealiseerd)", tabel, tekst, figuur=fig, kolommen=af.bedragen(tabel),
                  opmaak={kop: opmaak, "Kosten": "eur"}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="Toegekende declaraties op opvangtoewijzingen, naar maand van zorg en gemeente "
                              "van herkomst. Providers declareren weken later: recente maanden lopen nog op.")


_RESULTAAT = {  # table header -> column of mo_resultaat_jaar, in the table's order
    "Decentralisatie-uitkering MO": "baten_eur", "Cliëntgebonden kosten": "clientgebonden_kosten_eur",
    "Waarvan prognose": "clientgebonden_prognose_eur", "Uitvoeringskosten": "uitvoeringskosten_eur",
    "Uitvoeringsnorm (5%)": "uitvoeringsnorm_eur", "Resultaat": "resultaat_eur", "Onttrekking": "onttrekking_eur",
    "Reserve MO 1 januari": "reserve_begin_eur", "Reserve MO 31 december": "reserve_eind_eur",
}


def resultaat_tabel(ctx: Context) -> pd.DataFrame:
    """The query's rows under Dutch headers, made at once from its arrays (no Series to align)."""
    df = data.mo_resultaat_jaar(ctx.scope)
    return pd.DataFrame({"Jaar": df["jaar"].to_numpy().astype(np.int64), "Versie": df["versie"].array,
                         **{kop: df[k].to_numpy() for kop, k in _RESULTAAT.items()}})


@visual("mo-resultaat")
def resultaat_visual(ctx: Context) -> Visual:
    tabel = resultaat_tabel(ctx)
    jaren = tabel["Jaar"].tolist()
    resultaat, reserves = tabel["Resultaat"].to_numpy(), tabel["Reserve MO 31 december"].to_numpy()
    grafiek = pd.DataFrame({"jaar": [str(j) for j in jaren], "Resultaat": resultaat, "Reserve MO 31 december": reserves})
    fig = categorie.gegroepeerd(grafiek, "jaar", [("Resultaat", "Resultaat", KLEUR["resultaat"]),
                                                  ("Reserve MO 31 december", "Reserve MO eind jaar",
                                                   KLEUR["baten"])], opmaak="eur", ytitel="Euro")
    if not jaren:
        tekst = "Nog geen financiële gegevens over de maatschappelijke opvang."
    else:
        boven = [str(j) for j, u, n in zip(jaren, tabel["Uitvoeringskosten"].tolist(),
                                           tabel["Uitvoeringsnorm (5%)"].tolist()) if u > n]
        jaar, reserve = jaren[-1], reserves[-1]
        tekst = (f"Resultaat maatschappelijke opvang (regio) {jaar}: {formats.eur(resultaat[-1])}"
                 + ("" if pd.isna(reserve) else f"; Reserve MO eind {jaar}: {formats.eur(reserve)}")
                 + ". Uitvoeringskosten boven de norm van 5%: " + (", ".join(boven) if boven else "in geen jaar") + ".")
    return Visual("mo-resultaat", "Resultaat opvang en Reserve MO", tabel, tekst, figuur=fig,
                  kolommen=af.bedragen(tabel), breed=True, tabel_open=True,
                  opmaak={c: "eur" for c in tabel.columns if c not in ("Jaar", "Versie")},
                  toelichting="Resultaat = uitkering − cliëntgebonden kosten − uitvoeringskosten (art. 8.3: "
                              "uitvoeringsbudget 5% van de uitkering). Het resultaat wordt niet verdeeld maar met "
                              "de Reserve MO verrekend (art. 8.7): reserve eind = begin + resultaat − onttrekking. "
                              "Het lopende jaar bevat een prognose van de nog niet gedeclareerde dagen.")
