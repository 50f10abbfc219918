"""Serving (dashboard/levering.py): the partial Plotly bundle holds every trace type the pages
draw, its version is the one Dash is made for, and compression never keeps a viewer's response.
The browser side (headers and bytes of a real first visit) is tests/e2e/test_e2e_levering.py."""
from __future__ import annotations

import json
from pathlib import Path

import brotli
import dash
import pytest
from dashhulp import echte_app

from dashboard import levering

ROOT = Path(__file__).resolve().parents[2]


def _grafieken(component):
    """Every dcc.Graph in a component tree."""
    if isinstance(component, dash.dcc.Graph):
        yield component
    kinderen = getattr(component, "children", None)
    if kinderen is None:
        return
    for kind in kinderen if isinstance(kinderen, (list, tuple)) else [kinderen]:
        if hasattr(kind, "to_plotly_json"):
            yield from _grafieken(kind)


def test_the_partial_bundle_holds_every_trace_type_the_pages_draw(dash_app):
    gebruikt = set()
    for pagina in dash.page_registry.values():
        args = {"code": "GM0106"} if pagina.get("path_template") else {}
        for g in _grafieken(pagina["layout"](**args)):
            fig = g.figure if isinstance(g.figure, dict) else g.figure.to_plotly_json()
            gebruikt |= {t.get("type", "scatter") for t in fig.get("data", [])}
    assert {"bar", "scatter"} <= gebruikt  # the walk found the figures
    assert gebruikt <= set(levering.TRACE_TYPES)
    entry = (ROOT / "plotly-bundel" / "entry.js").read_text()
    for soort in set(levering.TRACE_TYPES) - {"scatter"}:  # scatter is in plotly.js's core
        assert f"require('plotly.js/lib/{soort}')" in entry


def test_the_bundle_is_the_plotly_js_version_dash_is_made_for():
    from plotly.offline import get_plotlyjs_version

    import dashboard.vendor
    lock = json.loads((ROOT / "plotly-bundel" / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/plotly.js"]["version"] == get_plotlyjs_version() == dashboard.vendor.__version__


def test_the_page_loads_the_partial_bundle_and_not_the_full_one(dash_app):
    if not levering.plotly_bundel_pad().exists():
        pytest.skip("gedeeltelijke Plotly-bundel niet gebouwd (make plotly)")
    with dash_app.server.test_request_context("/"):
        scripts = dash_app._generate_scripts_html()
    assert "dashboard.vendor/plotly-bwmo.v" in scripts
    assert "plotly.min" not in scripts


def _componenten(component):
    """Every component in a tree (children of any component, lists too)."""
    yield component
    kinderen = getattr(component, "children", None)
    for kind in kinderen if isinstance(kinderen, (list, tuple)) else [kinderen]:
        if hasattr(kind, "to_plotly_json"):
            yield from _componenten(kind)


def test_no_page_uses_a_data_table_so_its_bundle_is_not_loaded(dash_app):
    """dash_table's bundle is left out of the page (levering.laat_ongebruikte_scripts_weg); a
    DataTable in a layout would then not render, so none may appear."""
    from dashboard import layout
    gevonden = 0
    for pagina in dash.page_registry.values():
        args = {"code": "GM0106"} if pagina.get("path_template") else {}
        for c in _componenten(pagina["layout"](**args)):
            gevonden += 1
            assert getattr(c, "_namespace", "") != "dash_table", (pagina["path"], c)
    with dash_app.server.test_request_context("/"):
        for c in _componenten(layout.shell()):
            assert getattr(c, "_namespace", "") != "dash_table", c
        scripts = dash_app._generate_scripts_html()
    assert gevonden > 50  # the walk reached the pages' components (table cells are plain dicts)
    assert "dash_table/bundle" not in scripts


def test_the_regenerator_runtime_replaces_the_polyfill_before_react(dash_app):
    with dash_app.server.test_request_context("/"):
        scripts = dash_app._generate_scripts_html()
    if not levering.regenerator_pad().exists():
        assert "deps/polyfill@" in scripts  # without `make plotly` the polyfill stays
        pytest.skip("regenerator-runtime niet gebouwd (make plotly)")
    assert "polyfill" not in scripts
    regenerator, react = scripts.index("dashboard.vendor/regenerator-runtime.v"), scripts.index("dash/deps/react@")
    assert regenerator < react
    assert levering.laat_ongebruikte_scripts_weg() == []  # a second app finds it done
    assert scripts.count("regenerator-runtime") == 1
    lock = json.loads((ROOT / "plotly-bundel" / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/regenerator-runtime"]["version"] == "0.14.1"


def test_the_regenerator_runtime_defines_the_one_global_dashs_bundles_need():
    """Dash's renderer and dcc call regeneratorRuntime (their lazy-component loader); no other
    global of the polyfill is used by name in them (setImmediate only behind a typeof check)."""
    bundels = Path(dash.__file__).parent
    renderer = (bundels / "dash-renderer" / "build" / "dash_renderer.min.js").read_text()
    dcc = (bundels / "dcc" / "dash_core_components.js").read_text()
    assert "regeneratorRuntime.mark" in renderer and "regeneratorRuntime.mark" in dcc
    assert '"undefined"==typeof setImmediate' in dcc
    if levering.regenerator_pad().exists():
        tekst = levering.regenerator_pad().read_text()
        assert tekst.startswith("/*! regenerator-runtime 0.14.1 | MIT License")
        assert "regeneratorRuntime=" in tekst


def _ingelogd(client, naam, gemeenten, rollen=("gemeente",)):
    """A user in the app's state store, logged in through the login form."""
    import re

    from dashboard.auth import hash_password
    from dashboard.auth.context import EXTENSION
    store = echte_app().server.extensions[EXTENSION].store
    if store.get_user(naam) is None:
        store.add_user(naam, hash_password("levering-wachtwoord"), set(rollen), set(gemeenten))
    r = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', r.get_data(as_text=True)).group(1)
    r = client.post("/login", data={"gebruikersnaam": naam, "wachtwoord": "levering-wachtwoord",
                                    "csrf": csrf, "next": "/"})
    assert r.status_code in (302, 303), r.get_data(as_text=True)[:300]


def _pagina(client, pad):
    from bench.web import pagina_body
    r = client.post("/_dash-update-component", json=pagina_body(pad),
                    headers={"Accept-Encoding": "br"})
    assert r.status_code == 200
    return r


def test_callbacks_are_compressed_and_one_viewers_response_is_never_served_to_another(dash_app):
    """The compressor keeps compressed bundles per URL; a callback's answer (one viewer's figures)
    must never come from that store, or Assen would get Tynaarlo's page."""
    assen, tynaarlo = dash_app.server.test_client(), dash_app.server.test_client()
    _ingelogd(assen, "levering-assen", {"GM0106"})
    _ingelogd(tynaarlo, "levering-tynaarlo", {"GM1730"})
    a, t = _pagina(assen, "/gemeente/GM0106"), _pagina(tynaarlo, "/gemeente/GM1730")
    for r in (a, t):
        assert r.headers["Content-Encoding"] == "br"
        assert r.headers["Cache-Control"] == "no-store"
    tekst_a, tekst_t = brotli.decompress(a.get_data()).decode(), brotli.decompress(t.get_data()).decode()
    assert "Gemeente Assen" in tekst_a and "Gemeente Tynaarlo" not in tekst_a
    assert "Gemeente Tynaarlo" in tekst_t and "Gemeente Assen" not in tekst_t


def test_a_versioned_bundle_is_compressed_once_and_cached_for_a_year(dash_app):
    client = dash_app.server.test_client()
    _ingelogd(client, "levering-regio", set(), rollen=("regio",))
    with dash_app.server.test_request_context("/"):
        scripts = dash_app._generate_scripts_html()
    import re
    url = re.search(r'src="(/_dash-component-suites/dash/dcc/dash_core_components\.v[^"]+)"', scripts).group(1)
    r1 = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    r2 = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    assert r1.headers["Cache-Control"] == levering.ONVERANDERLIJK
    assert r1.headers["Content-Encoding"] == "br" and r1.get_data() == r2.get_data()
    origineel = (Path(dash.__file__).parent / "dcc" / "dash_core_components.js").read_bytes()
    assert brotli.decompress(r1.get_data()) == origineel
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    import gzip
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.get_data()) == origineel


def test_a_table_alternative_is_sent_in_a_store_and_rendered_when_opened():
    """components/visual.py tabel_alternatief: the closed table is not part of the page's
    component tree (the browser would create every cell at load); its components, formatted and
    published as before, travel in a dcc.Store that assets/tabellen.js renders on first opening."""
    import pandas as pd

    from dashboard import ids
    from dashboard.components.visual import Visual, render
    df = pd.DataFrame({"Gemeente": ["Assen", "Tynaarlo"], "Cliënten": [1234, "< 5"]})
    sectie = render(Visual("proef", "Proef", df, "Twee gemeenten", opmaak={"Cliënten": "getal"}))
    [details] = [c for c in _componenten(sectie) if isinstance(c, dash.html.Details)]
    summary, vak, store = details.children
    assert (summary.id, summary.n_clicks, summary.children) == (ids.tabel_knop("proef"), 0, "Toon als tabel")
    assert vak.id == ids.tabel_vak("proef") and getattr(vak, "children", None) is None
    assert store.id == ids.tabel_data("proef")
    assert not [c for c in _componenten(sectie) if isinstance(c, dash.html.Table)]  # no table in the tree
    tekst = json.dumps(store.data, ensure_ascii=False)
    assert store.data["type"] == "Div" and store.data["props"]["aria-label"] == "Tabel: Proef"
    cellen = [td["props"]["children"] for tr in store.data["props"]["children"]["props"]["children"][2]["props"]["children"]
              for td in tr["props"]["children"]]
    assert cellen == ["Assen", "1.234", "Tynaarlo", "< 5"]
    assert "Proef" in tekst  # the caption
    js = (ROOT / "dashboard" / "assets" / "tabellen.js").read_text()
    assert "tabelOpenen" in js
