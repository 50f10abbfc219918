"""Shared helpers for the pure figure functions."""
from __future__ import annotations

from dashboard.figures.licht import Figuur
from dashboard.figures.sjabloon import TEMPLATE
from kern import formats

FORMATTERS = {
    "getal": lambda x: formats.getal(x),
    "getal1": lambda x: formats.getal(x, 1),
    "getal2": lambda x: formats.getal(x, 2),
    "eur": lambda x: formats.eur(x),
    "pct": lambda x: formats.pct(x),
}


def fmt(waarde, soort: str = "getal") -> str:
    return FORMATTERS[soort](waarde)


def figuur(hoogte: int = 320, **layout) -> Figuur:
    """An empty figure in the project's look (a plain dict for plotly.js; see figures/licht.py)."""
    fig = Figuur()
    fig.update_layout(template=TEMPLATE, height=hoogte, **layout)
    return fig


def leeg(tekst: str = "Geen gegevens voor deze selectie", hoogte: int = 320) -> Figuur:
    fig = figuur(hoogte)
    fig.add_annotation(text=tekst, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 15, "color": "#555555"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def hover(label: str) -> str:
    """A hovertemplate showing x, the series label and a preformatted exact value."""
    return "%{x}<br>" + label + ": <b>%{customdata[1]}</b><extra></extra>"


def euro_as(fig: Figuur, as_: str = "y") -> Figuur:
    """Euro axis with exact Dutch amounts ('€ 20.000.000'), not SI suffixes ('20M')."""
    update = fig.update_yaxes if as_ == "y" else fig.update_xaxes
    update(tickformat=",.0f", tickprefix="€ ", title=None)
    return fig
