"""Auditlog: who did what and when (logins, exports, reports, version fixes, user changes).
Only for beheer; read through dashboard.auth.read_audit_log, which checks the role again."""
import json

import dash
import pandas as pd
from dash import html

from dashboard import access
from dashboard.auth import read_audit_log
from dashboard.auth.context import get_context
from dashboard.components.pagina import foutmelding
from dashboard.components.tabel import tabel
from dashboard.components.visual import tabel_vak

MAX_RIJEN = 500


def rijen(wie: str | None = None, actie: str | None = None) -> pd.DataFrame:
    """The newest entries as a table with Dutch headers (PermissionError without beheer)."""
    regels = read_audit_log(access.current_user(), get_context().store, limit=MAX_RIJEN,
                            who=wie or None, action=actie or None)
    return pd.DataFrame({
        "Wanneer (UTC)": [r["wanneer"].replace("T", " ")[:19] for r in regels],
        "Wie": [r["wie"] for r in regels], "Actie": [r["actie"] for r in regels],
        "Wat": [json.dumps(r["wat"], ensure_ascii=False, sort_keys=True) for r in regels],
        "IP-adres": [r["ip"] or "" for r in regels],
    })


def layout(wie=None, actie=None, **_query):
    if not access.mag_auditlog(access.current_user()):
        return html.Div([html.H1("Auditlog"), foutmelding("Het auditlog is alleen voor beheer.", "Geen toegang")],
                        className="pagina")
    df = rijen(wie if isinstance(wie, str) else None, actie if isinstance(actie, str) else None)
    return html.Div([
        html.Div([html.H1("Auditlog"),
                  html.P(f"De laatste {MAX_RIJEN} gebeurtenissen, nieuwste eerst. Filter met ?wie=… of ?actie=… "
                         "in het webadres.", className="inleiding")], className="paginakop"),
        html.Section(tabel_vak(tabel(df, bijschrift="Auditlog"), "Auditlog"),
                     className="visual breed", id="visual-auditlog"),
    ], className="pagina")


dash.register_page(__name__, path="/auditlog", name="Auditlog", title="Auditlog · BW/MO-monitor", order=7,
                   layout=layout, rollen=("beheer",))
