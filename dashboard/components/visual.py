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
from dash import (
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    clientside_callback,
    dcc,
    html,
)

from dashboard import ids
from dashboard.components.tabel import tabel
from dashboard.figures.sjabloon import grafiek_config
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


def tabel_vak(inhoud, titel: str) -> html.Div:
    """The scrolling box around a table: a named region in the Tab order, so a keyboard user can
    scroll it with the arrow keys (WCAG 2.1.1; axe: scrollable-region-focusable)."""
    return html.Div(inhoud, className="tabel-wrap", tabIndex="0", role="region", **{"aria-label": f"Tabel: {titel}"})


KEUZE_LABEL = {"gemeente": "Selecteer een gemeente", "subregio": "Kies een subregio", "maand": "Selecteer een periode"}


def kruisfilter_keuze(v: Visual) -> html.Div | None:
    """What a click on a bar or point selects, as a dropdown (keyboard and screen-reader users
    cannot click into the chart image): the chart's own labels and keys (customdata[0])."""
    sporen = v.figuur.data if v.figuur is not None else []
    if not v.kruisfilter or not sporen or not sporen[0].customdata:
        return None
    spoor = sporen[0]
    horizontaal = spoor.orientation == "h"
    labels, sleutels = (spoor.y if horizontaal else spoor.x) or [], [cd[0] for cd in spoor.customdata]
    opties = [{"label": str(naam), "value": sleutel} for naam, sleutel in zip(labels, sleutels)]
    if horizontaal:
        opties.reverse()  # the chart draws the largest bar last, on top
    kid = ids.kruisfilter_keuze(v.id, v.kruisfilter)
    label_id = f"keuze-{v.id}-label"
    return html.Div([
        # names the dropdown: a pattern-matching id has no "<id>-label", so assets/toegankelijkheid.js
        # takes the label from data-label of this box
        html.Div(KEUZE_LABEL.get(v.kruisfilter, "Selecteer"), id=label_id, className="filter-label"),
        dcc.Dropdown(id=kid, options=opties, value=None, clearable=False, searchable=True,
                     placeholder="Zoals een klik in de grafiek…"),
    ], className="kruisfilter-keuze", **{"data-label": label_id})


def tabel_alternatief(v: Visual) -> html.Details:
    """'Toon als tabel': the table is rendered when the summary is first opened, not with the page.

    A page's closed tables are most of its components (on the overview 330 of 510, on Financiën
    540 of 670), and the browser spends its time at page load creating them (Dash wraps every
    component). So the table's components travel in a dcc.Store beside it, the same published
    rows, and a clientside callback (assets/tabellen.js) puts them in the box on the first click
    or Enter on the summary: no request to the server, nothing decided in the browser."""
    return html.Details([
        html.Summary("Toon als tabel", id=ids.tabel_knop(v.id), n_clicks=0),
        html.Div(id=ids.tabel_vak(v.id)),
        dcc.Store(id=ids.tabel_data(v.id), data=_als_json(tabel_vak(tabel(v.tabel, v.opmaak, bijschrift=v.titel), v.titel))),
    ], className="tabel-alternatief")


def _als_json(knoop):
    """A component tree as the JSON Dash sends for it (a Store holds data, not components); the
    table's cells are such dicts already (components/tabel.py)."""
    if hasattr(knoop, "to_plotly_json"):
        uit = knoop.to_plotly_json()
        return {**uit, "props": {k: _als_json(w) for k, w in uit["props"].items()}}
    if isinstance(knoop, (list, tuple)):
        return [_als_json(k) for k in knoop]
    return knoop


clientside_callback(
    ClientsideFunction(namespace="bwmo", function_name="tabelOpenen"),
    Output(ids.tabel_vak(MATCH), "children"),
    Input(ids.tabel_knop(MATCH), "n_clicks"),
    State(ids.tabel_data(MATCH), "data"),
    State(ids.tabel_vak(MATCH), "children"),
    prevent_initial_call=True,
)


def render(v: Visual) -> html.Section:
    titel_id = f"titel-{v.id}"
    knoppen = [
        html.Button("Excel", id=ids.export_knop(v.id, "xlsx"), className="knop-export",
                    title=f"Download '{v.titel}' als Excel-bestand", n_clicks=0),
        html.Button("CSV", id=ids.export_knop(v.id, "csv"), className="knop-export",
                    title=f"Download '{v.titel}' als CSV-bestand", n_clicks=0),
    ]
    if v.inhoud is None and v.figuur is not None:
        # handled in the browser (assets/toegankelijkheid.js: Plotly.downloadImage), no round trip
        knoppen.append(html.Button("Afbeelding", className="knop-export", type="button",
                                   title=f"Download '{v.titel}' als afbeelding (PNG)",
                                   **{"data-afbeelding": v.id}))
    delen = [html.Div([html.H2(v.titel, id=titel_id),
                       html.Div(knoppen, className="export", role="group", **{"aria-label": f"Download {v.titel}"})],
                      className="visual-kop")]
    if v.inhoud is not None:
        delen.append(v.inhoud)
    elif v.figuur is not None:
        gid = ids.kruisfilter_grafiek(v.id, v.kruisfilter) if v.kruisfilter else ids.grafiek(v.id)
        hoogte = f"{v.figuur.layout.height or 320}px"
        delen.append(html.Div(
            dcc.Graph(id=gid, figure=v.figuur, responsive=True, style={"height": hoogte},
                      config=grafiek_config(v.id)),  # no toolbar, nothing off-server: figures/sjabloon.py
            role="img", **{"aria-label": v.tekst}, className="grafiek", style={"minHeight": hoogte}))
        keuze = kruisfilter_keuze(v)
        if keuze is not None:
            delen.append(keuze)
    delen.append(html.P(v.tekst, className="visual-tekst"))
    if v.toelichting:
        delen.append(html.P(v.toelichting, className="toelichting"))
    if v.tabel_open:
        delen.append(tabel_vak(tabel(v.tabel, v.opmaak, bijschrift=v.titel), v.titel))
    else:
        delen.append(tabel_alternatief(v))
    klasse = "visual breed" if v.breed else "visual"
    return html.Section(delen, className=klasse, id=f"visual-{v.id}",
                        **{"aria-labelledby": titel_id, "data-visual": v.id})
