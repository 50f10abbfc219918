"""Callbacks called directly as functions, and page layouts rendered without a browser."""
import base64
import csv
import io
import json

import openpyxl
import plotly
import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard import callbacks, ids


def sync(search, trigger, snel=None, van=None, tot=None, subregio=None, gemeente=None, tussenvorm=None,
         levering=None, korrel=None):
    return callbacks.sync_filters(search, snel, van, tot, subregio, gemeente, tussenvorm, levering, 0, korrel,
                                  trigger=trigger)


def test_url_sets_the_filter_pane():
    uit = sync("?van=2024-01&tot=2024-06&gemeente=GM0106&levering=PGB", ids.URL)
    assert uit == (no_update, "2024-01:2024-06", "2024-01", "2024-06", [], ["GM0106"], [], ["PGB"], "maand")
    assert sync("?korrel=kwartaal", ids.URL)[-1] == "kwartaal"
    # no period in the URL: the pane shows the default, the last 12 months
    assert sync("", ids.URL)[:4] == (no_update, "2023-07:2024-06", "2023-07", "2024-06")


def test_filter_pane_writes_the_url_and_clears_the_cross_filter():
    uit = sync("?kg=GM0106", ids.FILTER_GEMEENTE, van="2023-07", tot="2024-06", gemeente=["GM1680"])
    assert uit[0] == "?gemeente=GM1680"  # default period left out, so the link keeps following the data
    uit = sync("", ids.FILTER_SNELKEUZE, snel="2024-01:2024-06", van="2023-07", tot="2024-06")
    assert uit[:4] == ("?van=2024-01&tot=2024-06", "2024-01:2024-06", "2024-01", "2024-06")
    uit = sync("?van=2024-01&tot=2024-06", ids.FILTER_VAN, van="2024-01", tot="2024-06")
    assert uit[0] is no_update  # nothing changed: no new history entry
    uit = sync("?gemeente=GM0106", ids.FILTER_KORREL, van="2023-07", tot="2024-06", gemeente=["GM0106"],
               korrel="jaar")
    assert uit[0] == "?gemeente=GM0106&korrel=jaar"


def test_reset_button():
    uit = sync("?gemeente=GM0106&van=2024-01", ids.FILTER_WIS)
    assert uit == ("", "2023-07:2024-06", "2023-07", "2024-06", [], [], [], [], "maand")


def test_cross_filter_click_toggles():
    klik = {"points": [{"customdata": ["GM0106", "32"]}]}
    assert callbacks.kruisfilter(klik, "gemeente", "") == "?kg=GM0106"
    assert callbacks.kruisfilter(klik, "gemeente", "?kg=GM0106") == ""  # one click resets
    maand = {"points": [{"customdata": ["2024-03", "51"]}]}
    assert callbacks.kruisfilter(maand, "maand", "?gemeente=GM0106") == "?gemeente=GM0106&km=2024-03"
    assert callbacks.kruisfilter_wis(1, "?gemeente=GM0106&kg=GM0106&km=2024-03") == "?gemeente=GM0106"


@pytest.mark.parametrize("cd, soort", [(["GM0106' or 1=1", "x"], "gemeente"), (["2024-13", "x"], "maand"),
                                       (["GM0106", "x"], "iets"), (None, "gemeente")])
def test_cross_filter_refuses_forged_values(cd, soort):
    with pytest.raises(PreventUpdate):
        callbacks.kruisfilter({"points": [{"customdata": cd}]}, soort, "")


def _csv_rijen(download):
    tekst = base64.b64decode(download["content"]).decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def test_export_csv_has_dutch_headers_and_the_chart_rows():
    d = callbacks.download("overzicht-trend", "csv", "?van=2024-01&tot=2024-06&gemeente=GM0106", "/")
    assert d["filename"] == "bwmo-actieve-clienten-per-maand-20240630.csv"
    rijen = _csv_rijen(d)
    assert rijen[0] == ["Maand", "Actieve cliënten"]
    assert rijen[1:] == [[f"01-{m:02d}-2024", "32"] for m in range(1, 7)]


def test_export_csv_decimal_comma():
    rijen = _csv_rijen(callbacks.download("overzicht-per-1000", "csv", "", "/"))
    assen = next(r for r in rijen if r[0] == "Assen")
    assert assen[-1] == "0,46"


def test_export_xlsx():
    d = callbacks.download("financien-verdeling", "xlsx", "", "/financien")
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(d["content"])))
    ws = wb.active
    rijen = list(ws.values)
    assert rijen[0][:4] == ("Gemeente", "Gemeentecode", "Inwoners", "Aandeel inwoners")
    assert len(rijen) == 1 + 9 + 1  # header, nine municipalities, total
    assert rijen[-1][0] == "Totaal" and rijen[-1][9] == pytest.approx(57000)


def test_export_on_gemeente_page_uses_the_path():
    rijen = _csv_rijen(callbacks.download("gemeente-actief", "csv", "", "/gemeente/GM0118"))
    assert rijen[0] == ["Jaar", "Hoogeveen", "Regio Assen"]


def test_export_unknown_visual_or_format():
    with pytest.raises(PreventUpdate):
        callbacks.download("bestaat-niet", "csv", "", "/")
    with pytest.raises(PreventUpdate):
        callbacks.download("overzicht-trend", "pdf", "", "/")


def test_nav_keeps_the_query_string():
    hrefs, klassen = callbacks.nav_hrefs("?gemeente=GM0106", "/wlz", [{"pad": "/"}, {"pad": "/wlz"}])
    assert hrefs == ["/?gemeente=GM0106", "/wlz?gemeente=GM0106"]
    assert klassen == ["nav-link", "nav-link actief"]


def _tekst(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


PAGINAS = ["overzicht", "clienten", "stromen", "wlz", "financien", "doordecentralisatie", "gemeente", "datakwaliteit"]


@pytest.mark.parametrize("naam", PAGINAS)
def test_every_page_renders_with_the_peildatum_line(dash_app, naam):
    import importlib
    mod = importlib.import_module(f"dashboard.pages.{naam}")
    kw = {"code": "GM0106"} if naam == "gemeente" else {}
    tekst = _tekst(mod.layout(**kw, van="2024-01", tot="2024-06"))
    assert "Gegevens t/m 30 juni 2024 · geladen 2 juli 2024 08:15" in tekst
    assert "foutmelding" not in tekst and "kan nu niet worden getoond" not in tekst
    assert "jan 2024 t/m jun 2024" in tekst


def test_page_registry_and_navigation(dash_app):
    import dash

    from dashboard import layout
    namen = [p["name"] for p in sorted(dash.page_registry.values(), key=lambda p: p["order"])]
    verwacht = ["Overzicht", "Cliënten", "In- en uitstroom", "Wlz", "Maatschappelijke opvang", "Financiën",
                "Doordecentralisatie", "Gemeente", "Datakwaliteit", "Auditlog"]
    assert [n for n in namen if n in verwacht] == verwacht
    nav = _tekst(layout.navigatie())  # as regio: every figure page and data quality, no audit log
    assert "/gemeente/kies" in nav and "/datakwaliteit" in nav and "/auditlog" not in nav
    from dashhulp import ASSEN, BEHEER_GEBRUIKER, als
    with als(ASSEN):
        nav = _tekst(layout.navigatie())
        assert "/gemeente/kies" in nav and "/datakwaliteit" not in nav and "/auditlog" not in nav
    with als(BEHEER_GEBRUIKER):
        nav = _tekst(layout.navigatie())
        assert "/datakwaliteit" in nav and "/auditlog" in nav and "/gemeente/kies" not in nav


@pytest.mark.parametrize("naam", ["overzicht", "financien"])
def test_missing_warehouse_shows_a_dutch_message(dash_app, naam, monkeypatch, tmp_path):
    import importlib

    from dashboard import layout
    from kern import data
    monkeypatch.setenv(data.ENV, str(tmp_path / "weg.duckdb"))
    tekst = _tekst(importlib.import_module(f"dashboard.pages.{naam}").layout())
    assert "Er is nog geen datawarehouse beschikbaar" in tekst
    assert "Traceback" not in tekst
    assert "Filters zijn niet beschikbaar" in _tekst(layout.shell())


def test_subregio_click_drills_down_and_back():
    klik = {"points": [{"customdata": ["ZWD", "12"]}]}
    assert callbacks.kruisfilter(klik, "subregio", "?kg=GM0106") == "?subregio=ZWD"
    assert callbacks.kruisfilter(klik, "subregio", "?subregio=ZWD") == ""


def test_every_registered_visual_exports_dutch_headers_and_a_text_alternative():
    import importlib

    from dashboard.components.visual import REGISTRY
    for naam in ("clienten", "datakwaliteit", "financien", "gemeente", "overzicht", "stromen", "wlz"):
        importlib.import_module(f"dashboard.visuals.{naam}")
    assert len(REGISTRY) >= 25
    for vid in REGISTRY:
        pad = "/gemeente/GM0106" if vid.startswith("gemeente-") else "/"
        rijen = _csv_rijen(callbacks.download(vid, "csv", "", pad))
        kop = rijen[0]
        assert kop and all(k and "_" not in k for k in kop), (vid, kop)  # words, not column names
        assert len(rijen) > 1, vid


def test_a_narrow_scope_never_returns_other_municipalities(monkeypatch):
    """What issue 4 will rely on: every scoped data function honours the scope, whatever is asked."""
    from dashboard import access
    from kern import data
    monkeypatch.setattr(access, "current_scope", lambda: frozenset({"GM1680"}))
    sel = data.Selectie(gemeenten=("GM0106", "GM1680", "GM0118"))
    for f in (data.clienten_maand, data.stromen_maand, data.kosten_maand, data.uitstroom_reden_maand,
              data.doorstroom_maand, data.verblijfsduur, data.wlz_aanvragen_maand, data.wlz_aanvragen_open,
              data.wlz_cumulatief, data.kosten_jaar, data.kengetallen_jaar, data.inwoners_jaar):
        df = f(access.current_scope(), sel)
        assert set(df["gemeente_code"]) <= {"GM1680"}, f.__name__
    rijen = _csv_rijen(callbacks.download("overzicht-gemeenten", "csv", "?gemeente=GM0106,GM1680", "/"))
    assert [r[1] for r in rijen[1:]] == ["GM1680"]


def test_the_selection_dropdown_selects_what_a_click_selects():
    """Issue 15: the cross-filter by keyboard (the dropdown beside the chart)."""
    from dashboard.callbacks import kruisfilter_kies
    assert kruisfilter_kies("GM0106", "gemeente", "?van=2024-01") == "?van=2024-01&kg=GM0106"
    assert kruisfilter_kies("GM0118", "gemeente", "?kg=GM0106") == "?kg=GM0118"
    assert kruisfilter_kies("2024-03", "maand", "") == "?km=2024-03"
    assert kruisfilter_kies("NMD", "subregio", "?kg=GM0106") == "?subregio=NMD"
    for waarde, soort, search in [("GM0106", "gemeente", "?kg=GM0106"),  # already selected: a click would undo
                                  (123, "gemeente", ""), (["GM0106"], "gemeente", ""), ("GM01", "gemeente", ""),
                                  ("2024-13", "maand", ""), ("GM0106", "onbekend", ""), ("GM0106", None, "")]:
        with pytest.raises(PreventUpdate):
            kruisfilter_kies(waarde, soort, search)


def test_a_cross_filter_chart_gets_a_selection_dropdown_with_its_own_labels_and_keys():
    import pandas as pd
    from dash import dcc

    from dashboard.components.visual import Visual, kruisfilter_keuze
    from dashboard.figures.categorie import staven_per_gemeente
    df = pd.DataFrame({"gemeente_code": ["GM0106", "GM0118", "GM1680"], "gemeente_naam": ["Assen", "Hoogeveen",
                                                                                          "Aa en Hunze"],
                       "actief": [32, 12, 7]})
    v = Visual("overzicht-gemeenten", "Per gemeente", df, "t", figuur=staven_per_gemeente(df, "actief", "Actief"),
               kruisfilter="gemeente")
    vak = kruisfilter_keuze(v)
    dropdown = vak.children[1]
    assert isinstance(dropdown, dcc.Dropdown)
    assert dropdown.options == [{"label": "Assen", "value": "GM0106"}, {"label": "Hoogeveen", "value": "GM0118"},
                                {"label": "Aa en Hunze", "value": "GM1680"}]  # largest first, as the chart shows
    assert vak.children[0].children == "Selecteer een gemeente"
    assert kruisfilter_keuze(Visual("x", "x", df, "t", figuur=v.figuur)) is None  # no cross-filter, no dropdown
