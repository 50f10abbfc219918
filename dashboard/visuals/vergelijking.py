"""The selection against the whole region: what a gemeente user may compare with.

Region figures come from data.regio_* (sums over all municipalities of the region, never a row
per gemeente), so a municipality sees the region's totals and averages but no other
municipality's breakdown."""
from __future__ import annotations

import pandas as pd

from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie
from dashboard.request_context import Context
from dashboard.visuals import overzicht, reken
from kern import afscherming as af
from kern.kleuren import KLEUR

KENGETALLEN = [("actief", "Actieve cliënten (eind periode)"), ("instroom", "Instroom"),
               ("uitstroom", "Uitstroom"), ("uitstroom_wlz", "Naar de Wlz")]


def cijfers(ctx: Context) -> pd.DataFrame:
    """Per kengetal: the selection and the region, absolute and per 1.000 inwoners."""
    p = ctx.analyse
    # the Overzicht's answers of this request (visuals/overzicht.py): no query of its own
    stand = overzicht.stand_op(ctx, p.tot, kruis_gemeente=True)
    stromen = overzicht.stromen_som(ctx, p) or {}
    r = overzicht.regio(ctx)
    regio_stand, regio_stromen, regio_inw = r["actief"], r["stromen"] or {}, r["inwoners"]
    codes = overzicht.kruis_codes(ctx)
    if codes:
        inw = overzicht.inwoners(ctx)
        inw = inw["inwoners"] if set(inw["gemeente_code"]) <= codes else \
            inw.loc[inw["gemeente_code"].isin(codes), "inwoners"]
        inw = inw.sum()
    else:
        inw = None
    rijen = []
    for sleutel, naam in KENGETALLEN:
        eigen = stand if sleutel == "actief" else stromen.get(sleutel)
        regio = regio_stand if sleutel == "actief" else regio_stromen.get(sleutel)
        rijen.append({"Kengetal": naam, "Selectie": eigen, "Selectie per 1.000 inwoners": _per_1000(eigen, inw),
                      "Regio": regio, "Regio per 1.000 inwoners": _per_1000(regio, regio_inw),
                      "inwoners_selectie": inw, "inwoners_regio": regio_inw})
    return pd.DataFrame(rijen)


def _per_1000(aantal, inwoners):
    return float("nan") if aantal is None else round(reken.per_1000(aantal, inwoners), 3)


_KOLOMMEN = {"Selectie": af.AANTAL, "Regio": af.AANTAL, "inwoners_selectie": af.BRON, "inwoners_regio": af.BRON,
             "Selectie per 1.000 inwoners": af.per_1000("Selectie", "inwoners_selectie"),
             "Regio per 1.000 inwoners": af.per_1000("Regio", "inwoners_regio")}


@visual("overzicht-regio")
def regio_visual(ctx: Context) -> Visual:
    df = cijfers(ctx)
    regio_naam = f"Regio {ctx.info['regio']}"
    label = ctx.selectie_label()
    a = ctx.afscherming  # the chart's rates as the table publishes them: from the rounded counts
    fig_df = df.assign(
        selectie=[float("nan") if (r := a.per_1000(n, i)) is None else r
                  for n, i in zip(df["Selectie"], df["inwoners_selectie"])],
        regio=[float("nan") if (r := a.per_1000(n, i)) is None else r
               for n, i in zip(df["Regio"], df["inwoners_regio"])])
    fig = categorie.gegroepeerd(fig_df, "Kengetal", [("selectie", label, KLEUR["gemeente"]),
                                                     ("regio", regio_naam, KLEUR["regio"])],
                                opmaak="getal2", ytitel="per 1.000 inwoners")
    namen = {"Selectie": label, "Selectie per 1.000 inwoners": f"{label} per 1.000 inwoners",
             "Regio": regio_naam, "Regio per 1.000 inwoners": f"{regio_naam} per 1.000 inwoners"}
    tabel = df.rename(columns=namen)
    kolommen = {namen.get(k, k): (af.per_1000(*(namen.get(b, b) for b in v.bronnen)) if v.bronnen else v)
                for k, v in _KOLOMMEN.items()}
    tekst = f"{_hoofdletter(label)} tegenover de hele regio, {ctx.analyse.label}: " + "; ".join(
        f"{k.lower()} {ctx.aantal(a)} tegen {ctx.aantal(r)} in de regio"
        for k, a, r in zip(df["Kengetal"], df["Selectie"], df["Regio"])) + "."
    return Visual("overzicht-regio", f"Vergelijking met de regio · {ctx.analyse.label}", tabel, tekst, figuur=fig,
                  opmaak={c: ("getal" if i % 2 else "getal2") for i, c in enumerate(tabel.columns) if i},
                  kolommen=kolommen,
                  toelichting="De regio is het totaal van alle gemeenten van de regio; de filters gemeente en "
                              "subregio gelden daar niet. " + ctx.afscherming.uitleg())


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]
