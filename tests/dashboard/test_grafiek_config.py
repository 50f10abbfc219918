"""The chart toolbar sends nothing off the server (issue 10): no "Share chart" (Plotly Cloud)
button, no Plotly logo link; at most a PNG download with a Dutch file name and the zoom reset.

plotly.js 4 (the bundle in the plotly package, served by Dash) shows the Plotly Cloud button
unless `showSendToCloud` is false: its default is true. The button opens cloud.plotly.com and
posts the whole figure, data included, to it with postMessage, which the CSP's
connect-src 'self' does not cover."""
import re
from pathlib import Path

import pandas as pd
import plotly
from dash import dcc

from dashboard.components.visual import Visual, render
from dashboard.figures.licht import Figuur

ROOT = Path(__file__).resolve().parents[2]
BUNDEL = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
TOEGESTAAN = {"toImage", "resetScale2d"}
# config keys that name, link to or send to a Plotly server (plotly.js 1-4 and dcc.Graph)
CLOUD_SLEUTELS = {"plotlyServerURL", "showEditInChartStudio", "showLink", "sendData", "linkText"}


def _grafieken(boom) -> list[dcc.Graph]:
    uit = []

    def loop(c):
        if isinstance(c, dcc.Graph):
            uit.append(c)
        kinderen = getattr(c, "children", None)
        for k in kinderen if isinstance(kinderen, (list, tuple)) else [kinderen]:
            if k is not None and hasattr(k, "to_plotly_json"):
                loop(k)
    loop(boom)
    return uit


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


def test_only_png_download_and_zoom_reset():
    for v in (_visual(), _visual(kruisfilter="gemeente")):
        config = _config(v)
        knoppen = {k for groep in config.get("modeBarButtons", []) for k in groep}
        assert knoppen <= TOEGESTAAN and "toImage" in knoppen
        assert "modeBarButtonsToAdd" not in config
        opties = config["toImageButtonOptions"]
        assert opties["format"] == "png"
        assert re.fullmatch(r"bwmo-grafiek-[a-z0-9-]+", opties["filename"]), opties


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
    assert re.search(r'showSendToCloud:\{valType:"boolean",dflt:(!0|true)\}', bundel), \
        "plotly.js no longer defaults showSendToCloud to true: check this test's premise"
    for sleutel in ("displaylogo", "toImageButtonOptions", "modeBarButtons"):
        assert f"{sleutel}:{{valType:" in bundel, sleutel
