"""The chart toolbar sends nothing off the server (issue 10): no "Share chart" (Plotly Cloud)
button, no Plotly logo link. Since issue 15 there is no toolbar at all (its buttons were Tab
stops with English names inside the chart's role="img"); the PNG download is a Dutch button
beside the chart, and no chart zooms (so there is no zoom to reset).

plotly.js 4 (the bundle in the plotly package, served by Dash) shows the Plotly Cloud button
unless `showSendToCloud` is false: its default is true. The button opens cloud.plotly.com and
posts the whole figure, data included, to it with postMessage, which the CSP's
connect-src 'self' does not cover."""
import re
from pathlib import Path

import pandas as pd
import plotly
from dash import dcc, html

from dashboard.components.visual import Visual, render
from dashboard.figures.licht import Figuur

ROOT = Path(__file__).resolve().parents[2]
BUNDEL = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
TOEGESTAAN = {"toImage", "resetScale2d"}
# config keys that name, link to or send to a Plotly server (plotly.js 1-4 and dcc.Graph)
CLOUD_SLEUTELS = {"plotlyServerURL", "showEditInChartStudio", "showLink", "sendData", "linkText"}


def _onderdelen(boom, soort) -> list:
    """Every component of class `soort` in a layout tree."""
    uit = []

    def loop(c):
        if isinstance(c, soort):
            uit.append(c)
        kinderen = getattr(c, "children", None)
        for k in kinderen if isinstance(kinderen, (list, tuple)) else [kinderen]:
            if k is not None and hasattr(k, "to_plotly_json"):
                loop(k)
    loop(boom)
    return uit


def _grafieken(boom) -> list[dcc.Graph]:
    return _onderdelen(boom, dcc.Graph)


def _visual(**kw) -> Visual:
    figuur = Figuur().add_bar(x=["Assen", "Meppel"], y=[10, 12])
    return Visual(id="overzicht-trend", titel="Trend", tabel=pd.DataFrame({"a": [1]}), tekst="t",
                  figuur=figuur, **kw)


def _config(v: Visual) -> dict:
    [grafiek] = _grafieken(render(v))
    return grafiek.config


def test_no_cloud_button_and_no_logo():
    config = _config(_visual())
    assert config["displaylogo"] is False
    assert config.get("showSendToCloud") is False  # plotly.js 4 defaults to true
    assert not CLOUD_SLEUTELS & set(config)


def test_no_toolbar_no_zoom_and_a_named_png_button_outside_the_chart():
    for v in (_visual(), _visual(kruisfilter="gemeente")):
        config = _config(v)
        assert config["displayModeBar"] is False
        assert config["scrollZoom"] is False and config["doubleClick"] is False
        assert "modeBarButtonsToAdd" not in config and "modeBarButtons" not in config
        opties = config["toImageButtonOptions"]
        assert opties["format"] == "png"
        assert re.fullmatch(r"bwmo-grafiek-[a-z0-9-]+", opties["filename"]), opties
        knoppen = [k for k in _onderdelen(render(v), html.Button) if "data-afbeelding" in k.to_plotly_json()["props"]]
        assert [k.children for k in knoppen] == ["Afbeelding"]
        assert knoppen[0].title == "Download 'Trend' als afbeelding (PNG)"
    from dashboard.figures.basis import figuur
    layout = figuur().layout.template.layout
    assert layout.dragmode is False and layout.xaxis.fixedrange and layout.yaxis.fixedrange


def test_every_chart_in_the_app_goes_through_render():
    """The config above is in one place: no other dcc.Graph in the app."""
    plekken = [p.relative_to(ROOT).as_posix() for p in (ROOT / "dashboard").rglob("*.py")
               if "dcc.Graph(" in p.read_text(encoding="utf-8")]
    assert plekken == ["dashboard/components/visual.py"]


def test_the_installed_plotly_js_knows_these_buttons_and_keys():
    """plotly.js throws on an unknown button name in modeBarButtons (no chart at all), and a
    config key it does not know does nothing: check both against the bundle Dash serves."""
    bundel = BUNDEL.read_text(encoding="utf-8")
    for knop in TOEGESTAAN | {"sendChartToCloud"}:
        assert f'name:"{knop}"' in bundel, knop
    assert "downloadImage" in bundel  # what the 'Afbeelding' button calls
    assert re.search(r'showSendToCloud:\{valType:"boolean",dflt:(!0|true)\}', bundel), \
        "plotly.js no longer defaults showSendToCloud to true: check this test's premise"
    for sleutel in ("displaylogo", "toImageButtonOptions", "modeBarButtons", "displayModeBar", "scrollZoom",
                    "doubleClick"):
        assert f"{sleutel}:{{valType:" in bundel, sleutel
