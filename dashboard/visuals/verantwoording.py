"""Verantwoording: choose a period and a scope, download the accountability report (PDF or Excel).

The scope always comes from the session's user (dashboard.auth.current_user()), never from the
request: a dropdown value is only a wish, checked again on the server by reports.build_report
(a region report needs the regio role; a municipality's report a code the user may see).
Reports are generated on the server and sent with dcc.Download; every generation is audited.
"""
from __future__ import annotations

import io
import logging
import re

from dash import Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth import current_user
from kern import data, formats
from kern.rollen import REGIO, allowed_gemeenten

log = logging.getLogger(__name__)

SCOPE = "verantwoording-scope"
PERIODE = "verantwoording-periode"
JAAR = "verantwoording-jaar"
KNOP_PDF = "verantwoording-pdf"
KNOP_XLSX = "verantwoording-xlsx"
DOWNLOAD = "verantwoording-download"
MELDING = "verantwoording-melding"
FORMATEN = {"pdf": "application/pdf",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def scope_opties(user) -> list[dict]:
    """The scopes this user may choose: the region (regio role) and each allowed municipality."""
    regio = data.regio_gemeenten()
    toegestaan = allowed_gemeenten(user, regio["gemeente_code"])
    opties = []
    if user is not None and REGIO in user.roles:
        opties.append({"label": f"Regio {data.warehouse_info()['regio']} (alle gemeenten)", "value": "regio"})
    for code, naam in zip(regio["gemeente_code"], regio["gemeente_naam"]):
        if code in toegestaan:
            opties.append({"label": f"Gemeente {naam}", "value": code})
    return opties


def jaar_opties() -> list[dict]:
    eerste, laatste = data.maanden_bereik()
    return [{"label": str(j), "value": j} for j in range(laatste.year, max(eerste.year, 2015) - 1, -1)]


def maak_bestand(user, keuze: str | None, periode: str | None, jaar, formaat: str) -> tuple[bytes, str]:
    """Build the report for the session's `user` and return (bytes, file name). Raises
    reports.RapportGeweigerd for a scope outside the user's rights, RapportFout otherwise."""
    from dashboard.auth.context import app_auditor
    from reports import RapportFout, build_report, write_pdf, write_xlsx

    if formaat not in FORMATEN:
        raise RapportFout("Kies PDF of Excel.")
    try:
        jaar = int(jaar)
    except (TypeError, ValueError):
        raise RapportFout("Kies een jaar.") from None
    keuze = str(keuze or "")
    if keuze == "regio":
        rapport = build_report("regio", None, periode, jaar, user, auditor=app_auditor())
    elif re.fullmatch(r"GM\d{4}", keuze):
        rapport = build_report("gemeente", keuze, periode, jaar, user,
                               auditor=app_auditor())
    else:
        raise RapportFout("Kies de regio of een gemeente.")
    buf = io.BytesIO()
    (write_pdf if formaat == "pdf" else write_xlsx)(rapport, buf)
    return buf.getvalue(), f"{rapport.bestandsnaam}.{formaat}"


def formulier() -> html.Div:
    user = current_user()
    try:
        opties = scope_opties(user)
        jaren = jaar_opties()
        info = data.warehouse_info()
    except data.WarehouseFout as fout:
        return html.Div([html.H1("Verantwoording"), html.P(str(fout), role="alert")], className="pagina")
    kop = [html.H1("Verantwoording"),
           html.P(f"Gegevens t/m {formats.datum(info['peildatum'])}", className="peildatum"),
           html.P("De halfjaarlijkse verantwoording (convenant artikel 9) als PDF of Excel-bestand, met "
                  "dezelfde cijfers in beide vormen. Kleine aantallen zijn afgeschermd zoals voor een "
                  "gemeenteraad: de rapportage is bedoeld om te delen.", className="inleiding")]
    if not opties:
        return html.Div(kop + [html.P("U heeft geen toegang tot de cijfers van een gemeente; u kunt geen "
                                      "rapportage maken.", role="alert")], className="pagina")
    standaard_periode = "H1" if info["peildatum"].month <= 8 else "JAAR"
    keuzes = html.Div([
        html.Div([html.Label("Voor", htmlFor=SCOPE, id=f"{SCOPE}-label", className="filter-label"),
                  dcc.Dropdown(id=SCOPE, options=opties, value=opties[0]["value"], clearable=False)],
                 className="filter"),
        html.Div([html.Div("Periode", id=f"{PERIODE}-label", className="filter-label"),  # names the radiogroup
                  dcc.RadioItems(id=PERIODE, value=standaard_periode, inline=True, options=[
                      {"label": " Eerste halfjaar", "value": "H1"}, {"label": " Heel jaar", "value": "JAAR"}])],
                 className="filter"),
        html.Div([html.Label("Jaar", htmlFor=JAAR, id=f"{JAAR}-label", className="filter-label"),
                  dcc.Dropdown(id=JAAR, options=jaren, value=jaren[0]["value"] if jaren else None,
                               clearable=False)], className="filter"),
        html.Div([html.Button("Download PDF", id=KNOP_PDF, className="knop", n_clicks=0),
                  html.Button("Download Excel", id=KNOP_XLSX, className="knop", n_clicks=0)],
                 className="export", role="group", **{"aria-label": "Download de rapportage"}),
        dcc.Loading(html.P(id=MELDING, role="status", className="toelichting")),
        dcc.Download(id=DOWNLOAD),
    ], className="visual breed")
    return html.Div(kop + [keuzes], className="pagina")


def download(_pdf, _xlsx, keuze, periode, jaar, trigger=None):
    """Server side: the user and the scope come from the session, not from the request."""
    trigger = trigger if trigger is not None else ctx.triggered_id
    if trigger not in (KNOP_PDF, KNOP_XLSX):
        raise PreventUpdate
    from reports import RapportFout, RapportGeweigerd

    formaat = "pdf" if trigger == KNOP_PDF else "xlsx"
    try:
        inhoud, naam = maak_bestand(current_user(), keuze, periode, jaar, formaat)
    except RapportGeweigerd as fout:
        log.warning("rapport geweigerd: %s", fout)
        return no_update, str(fout)
    except (RapportFout, data.WarehouseFout) as fout:
        return no_update, str(fout)
    return dcc.send_bytes(inhoud, naam, type=FORMATEN[formaat]), f"{naam} is gemaakt."


callback(
    Output(DOWNLOAD, "data"), Output(MELDING, "children"),
    Input(KNOP_PDF, "n_clicks"), Input(KNOP_XLSX, "n_clicks"),
    State(SCOPE, "value"), State(PERIODE, "value"), State(JAAR, "value"),
    prevent_initial_call=True,
)(download)
