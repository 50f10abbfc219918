"""A light Plotly figure: the JSON dict plotly.js draws, built without plotly.graph_objects.

`go.Figure` validates every property and deep-copies its template per figure (≈ 3–8 ms each,
5–9 figures a page), and deep-copies again to serialise. The figures here are plain dicts (a
`Figuur` is the `{"data": [...], "layout": {...}}` that dcc.Graph sends to plotly.js), with the
small part of the go.Figure API the figure functions use: add_bar/add_scatter/add_heatmap/
add_trace, update_layout/update_xaxes/update_yaxes, add_annotation; magic underscores
(`marker_color=`), None meaning 'not set', a title string meaning `{"text": ...}`, and attribute
access for reading back (`fig.data[0].marker.color`, `fig.layout.height`; unset gives None).
The project's template is resolved once and shared (never mutated)."""
from __future__ import annotations

import numpy as np
import pandas as pd


class Knoop(dict):
    """A dict whose keys read as attributes (None when missing), like plotly's objects."""
    __slots__ = ()

    def __getattr__(self, naam):
        if naam.startswith("__"):
            raise AttributeError(naam)
        return self.get(naam)


def _waarde(v):
    if isinstance(v, (pd.Series, pd.Index, np.ndarray)):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, dict) and not isinstance(v, Knoop):
        uit = Knoop()
        for k, w in v.items():
            _zet(uit, k, w)
        return uit
    return v


def _zet(doel: dict, sleutel: str, waarde) -> None:
    """doel[a][b][c] = waarde for 'a_b_c' (plotly's magic underscores); dicts merge, None unsets."""
    *pad, laatste = sleutel.split("_")
    for deel in pad:
        volgende = doel.get(deel)
        if not isinstance(volgende, dict):
            if waarde is None:
                return
            volgende = doel[deel] = Knoop()
        doel = volgende
    if waarde is None:
        doel.pop(laatste, None)
    elif laatste == "title" and isinstance(waarde, str):
        doel[laatste] = Knoop(text=waarde)
    elif isinstance(waarde, dict):
        bestaand = doel.get(laatste)
        if not isinstance(bestaand, dict):
            bestaand = doel[laatste] = Knoop()
        for k, w in waarde.items():
            _zet(bestaand, k, w)
    else:
        doel[laatste] = _waarde(waarde)


def _knopen(v):
    """A plain JSON structure as Knoop's all the way down (for the shared template)."""
    if isinstance(v, dict):
        return Knoop({k: _knopen(w) for k, w in v.items()})
    if isinstance(v, list):
        return [_knopen(w) for w in v]
    return v


_TEMPLATES: dict = {}


def template(naam: str) -> Knoop:
    if naam not in _TEMPLATES:
        import plotly.io as pio
        _TEMPLATES[naam] = _knopen(pio.templates[naam].to_plotly_json())
    return _TEMPLATES[naam]


class Figuur(Knoop):
    """{"data": [trace, ...], "layout": {...}}: what dcc.Graph's `figure` takes."""
    __slots__ = ()

    def __init__(self, data=None, layout=None):
        super().__init__(data=[], layout=Knoop())
        for trace in data or ():
            self.add_trace(trace)
        if layout:
            self.update_layout(**layout)

    def add_trace(self, trace: dict | None = None, **kwargs) -> Figuur:
        t = Knoop()
        for k, v in {**(trace or {}), **kwargs}.items():
            _zet(t, k, v)
        self["data"].append(t)
        return self

    def add_bar(self, **kwargs) -> Figuur:
        return self.add_trace(type="bar", **kwargs)

    def add_scatter(self, **kwargs) -> Figuur:
        return self.add_trace(type="scatter", **kwargs)

    def add_heatmap(self, **kwargs) -> Figuur:
        return self.add_trace(type="heatmap", **kwargs)

    def update_layout(self, **kwargs) -> Figuur:
        layout = self["layout"]
        for k, v in kwargs.items():
            if k == "template" and isinstance(v, str):
                layout["template"] = template(v)
            else:
                _zet(layout, k, v)
        return self

    def update_xaxes(self, **kwargs) -> Figuur:
        return self.update_layout(xaxis=kwargs)

    def update_yaxes(self, **kwargs) -> Figuur:
        return self.update_layout(yaxis=kwargs)

    def add_annotation(self, **kwargs) -> Figuur:
        a = Knoop()
        for k, v in kwargs.items():
            _zet(a, k, v)
        self["layout"].setdefault("annotations", []).append(a)
        return self

    def to_plotly_json(self) -> dict:
        return self

    def to_dict(self) -> dict:
        return self
