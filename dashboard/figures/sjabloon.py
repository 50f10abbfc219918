"""The Plotly look of the dashboard's charts, registered as the template `bwmo`, and the one
dcc.Graph config every chart gets (GRAFIEK_CONFIG). The colours themselves are in kern/kleuren.py."""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from kern.kleuren import KLEUR, KLEUR_TUSSENVORM

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
TEKST = "#222222"  # 15,9:1 on white

pio.templates["bwmo"] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": 13, "color": TEKST},
        separators=",.",  # decimal comma, thousands dot
        paper_bgcolor="white",
        plot_bgcolor="white",
        # every colour >= 3:1 on white (kern/kleuren.py)
        colorway=[KLEUR["stand"], KLEUR_TUSSENVORM["Thuis Plus"], KLEUR["instroom"], KLEUR["uitstroom_wlz"],
                  KLEUR_TUSSENVORM["Beschermd wonen intramuraal"], KLEUR["uitstroom"], KLEUR["pgb"], "#000000"],
        margin={"l": 8, "r": 8, "t": 30, "b": 8},
        # No drag-zoom or pan: without the toolbar there is no keyboard way to undo it, and the
        # period filter is the accessible way to look at fewer months. Clicks still cross-filter.
        dragmode=False,
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 13, "color": TEKST}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        xaxis={"showgrid": False, "linecolor": "#767676", "automargin": True, "fixedrange": True},
        yaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#767676", "automargin": True, "separatethousands": True,
               "fixedrange": True},
    ),
    # a white edge between stacked or adjacent bars: each segment meets white, at >= 3:1
    data={"bar": [go.Bar(marker={"line": {"color": "white", "width": 1}})]},
)
TEMPLATE = "bwmo"

# The one config of every dcc.Graph (dashboard/components/visual.py). No Plotly toolbar: its
# eight buttons per chart were Tab stops with English names inside the chart's role="img"
# (axe: nested-interactive). What a user needs of it, the PNG download, is a named Dutch button
# beside the chart (visual.render, assets/toegankelijkheid.js). Nothing is sent off the server:
# no Plotly logo link, no "Share chart" (Plotly Cloud) button even if the toolbar came back.
GRAFIEK_CONFIG = {"displayModeBar": False, "displaylogo": False, "showSendToCloud": False,
                  "scrollZoom": False, "doubleClick": False, "showTips": False}


def grafiek_config(visual_id: str) -> dict:
    """GRAFIEK_CONFIG with the PNG file name of this chart (used by the 'Download afbeelding' button)."""
    return {**GRAFIEK_CONFIG, "toImageButtonOptions": {"format": "png", "filename": f"bwmo-grafiek-{visual_id}"}}
