"""The profile of a browser load (bench/browser_bench.py), from hand-made timing entries and
CDP metrics (pure; no browser needed)."""
from bench.browser_bench import hoofdthread, hoofdthread_tekst, keten, keten_tekst

URL = "http://127.0.0.1:8050"


def _e(pad, soort, start, einde, uitgepakt=0):
    return {"name": URL + pad, "initiatorType": soort, "startTime": start, "responseEnd": einde,
            "transferSize": 300 + uitgepakt // 4, "decodedBodySize": uitgepakt}


NAVIGATIE = _e("/", "navigation", 0, 25.4, 9000)


def _eerste_bezoek():
    return [
        _e("/assets/stijl.v1.css", "link", 27, 60),
        _e("/_dash-component-suites/dash/dash-renderer/build/dash_renderer.v4.min.js", "script", 28, 300.2),
        _e("/assets/plotly-bwmo.v4.min.js", "script", 28, 410.0),
        # an asset whose name merely starts like a Dash endpoint is not that endpoint
        _e("/assets/_dash-layout-hulp.js", "script", 30, 200.0),
        _e("/_dash-layout", "fetch", 420, 520.3, 40_000),
        _e("/_dash-dependencies", "fetch", 421, 515.0, 12_000),
        _e("/_dash-update-component", "fetch", 530, 600.0, 400),
        _e("/_dash-update-component", "fetch", 610, 980.4, 250_000),  # the page content: largest body
        _e("/_dash-update-component", "fetch", 990, 1050.0, 800),
        _e("/_dash-update-component", "fetch", 1000, 1100.0, 1200),
        _e("/_dash-update-component", "fetch", 540, 590.0, 300),
        # chunks Dash asks for after the layout, when a dropdown and a graph first render
        _e("/_dash-component-suites/dash/dcc/async-dropdown.js", "script", 600, 640.0, 33_000),
        _e("/_dash-component-suites/dash/dcc/async-graph.js", "script", 1010, 1030.0, 13_000),
        _e("/favicon.ico", "img", 1150, 1200.0, 900),  # later than every script, but no bundle
    ]


def test_chain_of_a_first_visit():
    k = keten(NAVIGATIE, _eerste_bezoek(), 2144.0)
    assert k == {
        "html_ms": 25.4, "bundels_ms": 410.0, "bundels_n": 3, "layout_start_ms": 420, "layout_ms": 520.3,
        "afhankelijkheden_ms": 515.0, "callbacks_n": 5, "callback_eerste_ms": 590.0, "callback_laatste_ms": 1100.0,
        "paginacallback_start_ms": 610, "paginacallback_ms": 980.4, "paginacallback_bytes": 250_000,
        "nageladen_ms": 1030.0, "nageladen_n": 2, "getekend_ms": 2144.0,
    }
    assert keten_tekst(k) == ("HTML 25 ms → bundels 410 ms → layout 520 ms, afhankelijkheden 515 ms → "
                              "paginacallback 980 ms (verstuurd 610 ms; 5 callbacks, laatste 1.10 s) → "
                              "nageladen bundels 1.03 s (2) → getekend 2.14 s")


def test_error_page_without_callbacks():
    """A page that answers with an error: the bundles and Dash's layout, but no callback."""
    bronnen = [_e("/assets/plotly-bwmo.v4.min.js", "script", 20, 180.0),
               _e("/_dash-layout", "fetch", 190, 230.6, 5000),
               _e("/_dash-dependencies", "fetch", 190, 228.0, 3000)]
    k = keten(NAVIGATIE, bronnen, 301.0)
    assert (k["callbacks_n"], k["callback_eerste_ms"], k["callback_laatste_ms"], k["paginacallback_ms"],
            k["paginacallback_start_ms"], k["paginacallback_bytes"]) == (0, None, None, None, None, None)
    assert keten_tekst(k) == ("HTML 25 ms → bundels 180 ms → layout 231 ms, afhankelijkheden 228 ms → "
                              "geen callback-antwoord → getekend 301 ms")


def test_nothing_but_drawn():
    """No navigation entry and no resources at all (every step missing): only drawn remains."""
    k = keten(None, [], 999.7)
    assert (k["html_ms"], k["bundels_ms"], k["bundels_n"], k["layout_ms"]) == (None, None, 0, None)
    assert keten_tekst(k) == "geen callback-antwoord → getekend 1.00 s"


def test_one_callback_is_singular():
    """Without a layout entry every script counts as a bundle, however late it was asked for."""
    k = keten(NAVIGATIE, [_e("/_dash-update-component?x=1", "fetch", 40, 120.0, 10),
                          _e("/_dash-component-suites/dash/dcc/async-graph.js", "script", 150, 170.0, 10)], 200.0)
    assert (k["bundels_ms"], k["bundels_n"], k["nageladen_ms"], k["nageladen_n"]) == (170.0, 1, None, 0)
    assert keten_tekst(k) == ("HTML 25 ms → bundels 170 ms → paginacallback 120 ms (verstuurd 40 ms; 1 callback, "
                              "laatste 120 ms) → getekend 200 ms")


def test_main_thread():
    metrieken = {"Timestamp": 43714.3, "TaskDuration": 1.6312, "ScriptDuration": 1.0849,
                 "LayoutDuration": 0.2049, "RecalcStyleDuration": 0.1371, "V8CompileDuration": 0.05}
    h = hoofdthread(metrieken)
    assert h == {"taken_s": 1.6312, "script_s": 1.0849, "layout_s": 0.2049, "stijl_s": 0.1371}
    assert hoofdthread_tekst(h) == "hoofdthread: taken 1.6 s, waarvan script 1.1 s, lay-out 0.2 s, stijl 0.1 s"


def test_main_thread_missing_metrics():
    assert hoofdthread_tekst(hoofdthread({})) == "hoofdthread: geen metrieken"
    h = hoofdthread({"TaskDuration": 0.84, "ScriptDuration": 0.46})
    assert h["layout_s"] is None and h["stijl_s"] is None
    assert hoofdthread_tekst(h) == "hoofdthread: taken 0.8 s, waarvan script 0.5 s"
