"""Datakwaliteit: the load log, rejected rows, products outside the catalogue, the balance check.
For beheer and regio only (ctx.mag_datakwaliteit, checked where the data is read); the balance
check holds the region's client counts, so it also needs the region scope."""
from __future__ import annotations

import json

import pandas as pd
from dash import dcc, html

from dashboard.components.visual import Visual, bouw, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import KLEUR


@visual("dq-laadlog")
def laadlog_visual(ctx: Context) -> Visual:
    df = data.laadlog(ctx.mag_datakwaliteit)
    tabel = pd.DataFrame({
        "Geladen op": df["geladen_op"].map(lambda t: pd.Timestamp(t).to_pydatetime()), "Bestand": df["bestand"],
        "Soort": df["soort"], "Peildatum": df["peildatum"].map(lambda d: pd.Timestamp(d).date()),
        "Regels gelezen": df["regels_gelezen"], "Regels geladen": df["regels_geladen"],
        "Regels afgekeurd": df["regels_afgekeurd"],
        # lines left out by design (a CBS table's other regions, empty figures)
        "Regels overgeslagen": df["regels_overgeslagen"],
        "Status": df["status"]})
    tekst = (f"Laadlog: {len(tabel)} bestanden, {formats.getal(tabel['Regels afgekeurd'].sum())} regels "
             "afgekeurd in totaal.")
    return Visual("dq-laadlog", "Geladen bestanden", tabel, tekst, tabel_open=True, breed=True,
                  opmaak={"Geladen op": "datumtijd", "Peildatum": "datum", "Regels gelezen": "getal",
                          "Regels geladen": "getal", "Regels afgekeurd": "getal",
                          "Regels overgeslagen": "getal"},
                  kolommen=af.bedragen(tabel),  # lines of files, not clients
                  toelichting="Overgeslagen regels horen er niet bij, zoals de andere gemeenten en "
                              "provincies in een CBS-tabel of een leeg cijfer; het laadrapport "
                              "zegt per bestand waarom.")


@visual("dq-afgekeurd")
def afgekeurd_visual(ctx: Context) -> Visual:
    df = data.afgekeurd_per_reden(ctx.mag_datakwaliteit)
    tabel = pd.DataFrame({"Bestand": df["bestand"], "Soort": df["soort"], "Reden": df["reden"],
                          "Regels": df["regels"]})
    som: dict = {}
    for reden, n in zip(df["reden"].tolist(), df["regels"].tolist()):
        if reden is not None:  # as groupby: a missing reason is no group
            som[reden] = som.get(reden, 0) + n
    redenen = sorted(som)  # the sums per reason in Python, then pandas' own sort: ties as before
    per_reden = pd.DataFrame({"Reden": pd.Series(redenen, dtype=df["reden"].dtype),
                              "Regels": pd.Series([som[r] for r in redenen], dtype=df["regels"].dtype)}
                             ).sort_values("Regels", ascending=False)
    fig = categorie.staven(per_reden, "Reden", "Regels", "Afgekeurde regels", horizontaal=True,
                           kleur=KLEUR["uitstroom"], hoogte=max(200, 40 * len(per_reden) + 60))
    tekst = f"Afgekeurde regels: {formats.getal(tabel['Regels'].sum())}, in {len(per_reden)} redenen."
    return Visual("dq-afgekeurd", "Afgekeurde regels naar reden", tabel, tekst, figuur=fig,
                  opmaak={"Regels": "getal"}, kolommen={"Regels": af.VRIJ},  # lines of a file, not clients
                  toelichting="Afgekeurde regels zijn niet geladen; de rest van het bestand wel.")


CLIENTNUMMER = "Clientnummer"  # the column's name in a kept line (etl/columns/*.csv)


def _regel_tekst(rij: str | None, toon_client: bool) -> str:
    """The line as delivered, 'Kolom=waarde; …'; the pseudonymous client number only for regio."""
    if not isinstance(rij, str) or not rij:  # None, or NaN from pandas
        return "(niet bewaard: geladen voordat afgekeurde regels heel werden bewaard)"
    waarden = json.loads(rij)
    return "; ".join(f"{k}={'(afgeschermd)' if k == CLIENTNUMMER and not toon_client and v else ('' if v is None else v)}"
                     for k, v in waarden.items())


@visual("dq-afgekeurde-regels")
def afgekeurde_regels_visual(ctx: Context) -> Visual:
    # built once per request: dq-afgekeurd-per-bestand counts this visual's published rows
    return ctx.onthoud("dq-afgekeurde-regels", lambda: _afgekeurde_regels(ctx))


def _afgekeurde_regels(ctx: Context) -> Visual:
    df = data.afgekeurde_regels(ctx.mag_datakwaliteit)
    toon_client = ctx.exact  # the regio role; beheer sees the line without the client number
    tabel = pd.DataFrame({
        "Bestand": df["bestand"], "Soort": df["soort"], "Regel": df["regel"], "Kolom": df["kolom"],
        "Waarde": [("(afgeschermd)" if k == "clientnummer" and not toon_client else w)
                   for k, w in zip(df["kolom"], df["waarde"])],
        "Reden": df["reden"], "Regel zoals geleverd": [_regel_tekst(r, toon_client) for r in df["rij"]]})
    bestanden = tabel["Bestand"].nunique()
    tekst = (f"{len(tabel)} afgekeurde regels in {bestanden} bestanden, elk met de hele regel zoals geleverd."
             if len(tabel) else "Er zijn geen afgekeurde regels.")
    return Visual("dq-afgekeurde-regels", "Afgekeurde regels, zoals geleverd", tabel, tekst, tabel_open=True,
                  breed=True, opmaak={"Regel": "getal"}, kolommen={"Regel": af.VRIJ},  # a line number
                  toelichting="Download als Excel om de regels terug te sturen naar de aanbieder of de "
                              "leverancier van de export; filter in Excel op Bestand. Het (pseudonieme) "
                              "cliëntnummer staat er alleen voor de rol regio in.")


AFGEKEURD_BESTAND, AFGEKEURD_KNOP = "dq-afgekeurd-bestand", "dq-afgekeurd-bestand-knop"


@visual("dq-afgekeurd-per-bestand")
def afgekeurd_per_bestand_visual(ctx: Context) -> Visual:
    """The rejected lines per delivered file, and one Excel per file to send back to whoever
    delivered it (callbacks.download_afgekeurd: the lines of dq-afgekeurde-regels of that file)."""
    regels = bouw("dq-afgekeurde-regels", ctx).tabel
    g = (regels.groupby(["Bestand", "Soort"], as_index=False).size().rename(columns={"size": "Afgekeurde regels"})
         if len(regels) else pd.DataFrame(columns=["Bestand", "Soort", "Afgekeurde regels"]))
    tekst = ("Afgekeurde regels per bestand: " + ", ".join(f"{b} {n}" for b, n in zip(g["Bestand"], g["Afgekeurde regels"]))
             + "." if len(g) else "Er zijn geen afgekeurde regels.")
    inhoud = None
    if len(g):
        opties = [{"label": f"{b} ({n} regels)", "value": b} for b, n in zip(g["Bestand"], g["Afgekeurde regels"])]
        inhoud = html.Div([
            html.Label("Bestand", htmlFor=AFGEKEURD_BESTAND, className="filter-label"),
            dcc.Dropdown(id=AFGEKEURD_BESTAND, options=opties, value=opties[0]["value"], clearable=False),
            html.Button("Download de afgekeurde regels van dit bestand (Excel)", id=AFGEKEURD_KNOP,
                        className="knop", n_clicks=0),
        ], className="filter")
    return Visual("dq-afgekeurd-per-bestand", "Afgekeurde regels per bestand", g, tekst, inhoud=inhoud,
                  kolommen={"Afgekeurde regels": af.VRIJ},  # lines of a file, not clients
                  toelichting="Eén Excel per bestand, met elke afgekeurde regel zoals geleverd en de reden, "
                              "om terug te sturen naar de aanbieder of de leverancier van de export.")


@visual("dq-producten")
def producten_visual(ctx: Context) -> Visual:
    df = data.producten_buiten_catalogus(ctx.mag_datakwaliteit)
    tabel = pd.DataFrame({"Productcode": df["productcode"], "Productcategorie": df["productcategorie"],
                          "Indicaties": df["indicaties"], "Cliënten": df["clienten"]})
    tekst = (f"{len(tabel)} productcodes staan niet in de productcatalogus; ze tellen mee als beschermd wonen "
             "met tussenvorm 'Onbekend'." if len(tabel) else "Alle productcodes staan in de catalogus.")
    return Visual("dq-producten", "Producten buiten de catalogus", tabel, tekst, tabel_open=True,
                  opmaak={"Indicaties": "getal", "Cliënten": "getal"},
                  kolommen={"Indicaties": af.AANTAL, "Cliënten": af.AANTAL})


@visual("dq-balans")
def balans_visual(ctx: Context) -> Visual:
    df = data.stand_balans(ctx.scope if ctx.mag_datakwaliteit else frozenset())
    maanden = df["maand"].tolist()
    tabel = pd.DataFrame({"Maand": pd.Series([pd.Timestamp(d).date() for d in maanden], dtype=object),
                          "Stand vorige maand": df["stand_vorige"], "Instroom": df["instroom"],
                          "Uitstroom": df["uitstroom"], "Stand": df["stand"], "Niet verklaard": df["verschil"]})
    fout = sum(1 for v in df["verschil"].tolist() if v != 0)
    # an unexplained rest next to the four counts would give them back: none for a protected viewer
    reeks = pd.DataFrame({"maand": pd.to_datetime(df["maand"]),
                          "verschil": df["verschil"] if ctx.exact else float("nan")})
    fig = tijd.reeksen_per_maand(reeks, [("verschil", "Niet verklaard", KLEUR["uitstroom"])], soort="staaf",
                                 ytitel="Cliënten", hoogte=240)
    tekst = ("Controle: de stand van elke maand is de stand van de vorige maand plus instroom min uitstroom. "
             + ("Alle maanden sluiten." if fout == 0 else f"{fout} maanden sluiten niet."))
    return Visual("dq-balans", "Controle: stromen verklaren de stand (regio)", tabel, tekst, figuur=fig,
                  opmaak={c: "getal" for c in tabel.columns if c != "Maand"} | {"Maand": "maand"},
                  kolommen={"Stand vorige maand": af.AANTAL, "Instroom": af.AANTAL, "Uitstroom": af.AANTAL,
                            "Stand": af.AANTAL, "Niet verklaard": af.VERBORGEN},
                  toelichting="De controles van het warehouse (warehouse/checks) zijn geslaagd: anders was "
                              "deze versie niet gepubliceerd.")
