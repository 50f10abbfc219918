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


def _sectie(ctx: Context, deel: str) -> list[dict]:
    """One part of the page's one query (kern/datalaag/marts.datakwaliteit_sectie), read once per
    request: rows as dicts, from which each visual builds its table once, directly."""
    return ctx.onthoud("dq_sectie", lambda: data.datakwaliteit_sectie(ctx.mag_datakwaliteit, ctx.scope)).get(deel, [])


def _kolom(rijen: list[dict], k: str) -> list:
    """A column of the part's rows; the frame infers its type as DuckDB's frame had it (a NULL
    makes a count column float with NaN, a text column's missing value NaN)."""
    return [r[k] for r in rijen]


@visual("dq-laadlog")
def laadlog_visual(ctx: Context) -> Visual:
    rijen = _sectie(ctx, "laadlog")
    tabel = pd.DataFrame({
        "Geladen op": _kolom(rijen, "geladen_op"), "Bestand": _kolom(rijen, "bestand"),
        "Soort": _kolom(rijen, "soort"), "Peildatum": _kolom(rijen, "peildatum"),
        "Regels gelezen": _kolom(rijen, "regels_gelezen"), "Regels geladen": _kolom(rijen, "regels_geladen"),
        "Regels afgekeurd": _kolom(rijen, "regels_afgekeurd"),
        # lines left out by design (a CBS table's other regions, empty figures)
        "Regels overgeslagen": _kolom(rijen, "regels_overgeslagen"),
        "Status": _kolom(rijen, "status")})
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
    rijen = _sectie(ctx, "afgekeurd")
    tabel = pd.DataFrame({"Bestand": _kolom(rijen, "bestand"), "Soort": _kolom(rijen, "soort"),
                          "Reden": _kolom(rijen, "reden"), "Regels": _kolom(rijen, "regels")})
    som: dict = {}
    for r in rijen:
        if r["reden"] is not None:  # as groupby: a missing reason is no group
            som[r["reden"]] = som.get(r["reden"], 0) + r["regels"]
    redenen = sorted(som)  # the sums per reason in Python, then pandas' own sort: ties as before
    per_reden = pd.DataFrame({"Reden": pd.Series(redenen, dtype="str"),
                              "Regels": pd.Series([som[r] for r in redenen], dtype="int64")}
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
    rijen = _sectie(ctx, "regels")
    toon_client = ctx.exact  # the regio role; beheer sees the line without the client number
    tabel = pd.DataFrame({
        "Bestand": _kolom(rijen, "bestand"), "Soort": _kolom(rijen, "soort"), "Regel": _kolom(rijen, "regel"),
        "Kolom": _kolom(rijen, "kolom"),
        "Waarde": [("(afgeschermd)" if r["kolom"] == "clientnummer" and not toon_client else r["waarde"])
                   for r in rijen],
        "Reden": _kolom(rijen, "reden"), "Regel zoals geleverd": [_regel_tekst(r["rij"], toon_client) for r in rijen]})
    bestanden = len({r["bestand"] for r in rijen if r["bestand"] is not None})
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
    # the lines per (file, kind), in their order, as groupby(...).size() counted them (a missing key no group)
    per: dict = {}
    for sleutel in zip(regels["Bestand"].tolist(), regels["Soort"].tolist()):
        if all(isinstance(k, str) for k in sleutel):
            per[sleutel] = per.get(sleutel, 0) + 1
    sleutels = sorted(per)
    g = (pd.DataFrame({"Bestand": [b for b, _s in sleutels], "Soort": [s for _b, s in sleutels],
                       "Afgekeurde regels": [per[k] for k in sleutels]})
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
    rijen = _sectie(ctx, "producten")
    tabel = pd.DataFrame({"Productcode": _kolom(rijen, "productcode"), "Productcategorie": _kolom(rijen, "productcategorie"),
                          "Indicaties": _kolom(rijen, "indicaties"), "Cliënten": _kolom(rijen, "clienten")})
    tekst = (f"{len(tabel)} productcodes staan niet in de productcatalogus; ze tellen mee als beschermd wonen "
             "met tussenvorm 'Onbekend'." if len(tabel) else "Alle productcodes staan in de catalogus.")
    return Visual("dq-producten", "Producten buiten de catalogus", tabel, tekst, tabel_open=True,
                  opmaak={"Indicaties": "getal", "Cliënten": "getal"},
                  kolommen={"Indicaties": af.AANTAL, "Cliënten": af.AANTAL})


@visual("dq-balans")
def balans_visual(ctx: Context) -> Visual:
    rijen = _sectie(ctx, "balans")
    maanden, verschil = _kolom(rijen, "maand"), _kolom(rijen, "verschil")
    tabel = pd.DataFrame({"Maand": pd.Series(maanden, dtype=object),
                          "Stand vorige maand": _kolom(rijen, "stand_vorige"), "Instroom": _kolom(rijen, "instroom"),
                          "Uitstroom": _kolom(rijen, "uitstroom"), "Stand": _kolom(rijen, "stand"),
                          "Niet verklaard": verschil})
    fout = sum(1 for v in verschil if v != 0)
    # an unexplained rest next to the four counts would give them back: none for a protected viewer
    reeks = pd.DataFrame({"maand": maanden, "verschil": verschil if ctx.exact else float("nan")})
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
