"""A visual: a chart (or cards) with its title, text alternative, table alternative and exports.

Views build `Visual`s with functions registered under a stable id (`@visual("overzicht-trend")`);
the page and the export callback both go through `bouw`, so a download holds exactly the rows the
chart shows, published by the same small-numbers rule.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids
from dashboard.components.tabel import tabel
from kern import afscherming

REGISTRY: dict[str, Callable] = {}


def visual(visual_id: str):
    """Register a builder `f(ctx) -> Visual` under `visual_id`."""
    def deco(f):
        REGISTRY[visual_id] = f
        f.visual_id = visual_id
        return f
    return deco


@dataclass
class Visual:
    id: str
    titel: str
    tabel: pd.DataFrame                      # Dutch headers; the rows the chart shows
    tekst: str                               # text alternative (also the aria label)
    figuur: go.Figure | None = None
    inhoud: object | None = None             # custom content instead of a chart (KPI cards)
    opmaak: dict[str, str] = field(default_factory=dict)
    toelichting: str = ""
    kruisfilter: str | None = None           # 'gemeente' or 'maand': clicks cross-filter
    breed: bool = False                      # span the full width
    tabel_open: bool = False                 # show the table without a click (tables as visuals)
    kolommen: dict[str, afscherming.Kolom] = field(default_factory=dict)  # what each table column is


def bouw(visual_id: str, ctx) -> Visual:
    """The visual as the context's user may see it: the one place where a table (shown, or
    exported) is published through kern/afscherming.py, from the kinds its columns declare."""
    v = REGISTRY[visual_id](ctx)
    return replace(v, tabel=afscherming.tabel(v.tabel, v.kolommen, ctx.afscherming))


def render(v: Visual) -> html.Section:
    titel_id = f"titel-{v.id}"
    knoppen = html.Div([
        html.Button("Excel", id=ids.export_knop(v.id, "xlsx"), className="knop-export",
                    title=f"Download '{v.titel}' als Excel-bestand", n_clicks=0),
        html.Button("CSV", id=ids.export_knop(v.id, "csv"), className="knop-export",
                    title=f"Download '{v.titel}' als CSV-bestand", n_clicks=0),
    ], className="export", role="group", **{"aria-label": f"Exporteer {v.titel}"})
    delen = [html.Div([html.H2(v.titel, id=titel_id), knoppen], className="visual-kop")]
    if v.inhoud is not None:
        delen.append(v.inhoud)
    elif v.figuur is not None:
        gid = ids.kruisfilter_grafiek(v.id, v.kruisfilter) if v.kruisfilter else ids.grafiek(v.id)
        delen.append(html.Div(
            dcc.Graph(id=gid, figure=v.figuur, responsive=True,
                      style={"height": f"{v.figuur.layout.height or 320}px"},
                      config={"displaylogo": False, "showSendToCloud": False,  # nothing off-server; docs/security.md
                              "modeBarButtons": [["toImage", "resetScale2d"]],
                              "toImageButtonOptions": {"format": "png", "filename": f"bwmo-grafiek-{v.id}"}}),
            role="img", **{"aria-label": v.tekst}, className="grafiek"))
    delen.append(html.P(v.tekst, className="visual-tekst"))
    if v.toelichting:
        delen.append(html.P(v.toelichting, className="toelichting"))
    if v.tabel_open:
        delen.append(html.Div(tabel(v.tabel, v.opmaak, bijschrift=v.titel), className="tabel-wrap"))
    else:
        delen.append(html.Details([
            html.Summary("Toon als tabel"),
            html.Div(tabel(v.tabel, v.opmaak, bijschrift=v.titel), className="tabel-wrap"),
        ], className="tabel-alternatief"))
    klasse = "visual breed" if v.breed else "visual"
    return html.Section(delen, className=klasse, id=f"visual-{v.id}",
                        **{"aria-labelledby": titel_id, "data-visual": v.id})
