"""KPI cards: a value, what it covers, and the change against a year earlier."""
from __future__ import annotations

from dataclasses import dataclass

from dash import html


@dataclass
class Kpi:
    naam: str
    waarde: str              # formatted
    onderschrift: str        # e.g. 'eind jun 2024'
    verschil: str | None     # formatted change, e.g. '+4'
    vergelijking: str        # e.g. 't.o.v. jun 2023' or 'geen vergelijking'
    richting: int = 0        # -1, 0, 1 (sign of the change; not a judgement)
    sleutel: str = ""        # stable id for tests


def kaarten(kpis: list[Kpi]) -> html.Div:
    items = []
    for k in kpis:
        pijl = {1: "▲", -1: "▼", 0: "■"}[k.richting] if k.verschil else ""
        items.append(html.Div([
            html.Div(k.naam, className="kpi-naam"),
            html.Div(k.waarde, className="kpi-waarde", **{"data-kpi": k.sleutel}),
            html.Div(k.onderschrift, className="kpi-onder"),
            html.Div([html.Span(pijl + " ", **{"aria-hidden": "true"}) if pijl else None,
                      html.Span(k.verschil or "", className="kpi-verschil"),
                      " " + k.vergelijking],
                     className="kpi-vergelijking"),
        ], className="kpi", role="group", **{"aria-label": f"{k.naam}: {k.waarde}"}))
    return html.Div(items, className="kpi-rij")
