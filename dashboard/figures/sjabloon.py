"""The Plotly look of the dashboard's charts, registered as the template `bwmo`. The colours
themselves are in kern/kleuren.py."""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"

pio.templates["bwmo"] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": 13, "color": "#222222"},
        separators=",.",  # decimal comma, thousands dot
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"],
        margin={"l": 8, "r": 8, "t": 30, "b": 8},  # room for the modebar above the data
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 13}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        xaxis={"showgrid": False, "linecolor": "#888888", "automargin": True},
        yaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#888888", "automargin": True, "separatethousands": True},
    )
)
TEMPLATE = "bwmo"
