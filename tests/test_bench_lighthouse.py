"""Reading a Lighthouse JSON report into the bench's figures (pure; Lighthouse itself is not needed)."""
import pytest

from bench.lighthouse_bench import (
    gezakt_tekst,
    lees_rapport,
    mediaan_run,
    metrieken_tekst,
    script_naam,
    tijdbesteding,
    tijdbesteding_tekst,
)


def _rapport():
    return {
        "finalDisplayedUrl": "http://127.0.0.1:8050/financien",
        "categories": {"accessibility": {"score": 0.93, "auditRefs": [
            {"id": "label", "weight": 7}, {"id": "color-contrast", "weight": 7},
            {"id": "aria-allowed-attr", "weight": 10}, {"id": "tabindex", "weight": 7},
            {"id": "accesskeys", "weight": 7}, {"id": "html-has-lang", "weight": 0},
            {"id": "logical-tab-order", "weight": 0}]}},
        "audits": {
            "label": {"title": "Form elements have labels", "score": 0, "scoreDisplayMode": "binary",
                      "details": {"items": [{"node": {}}, {"node": {}}]}},
            "color-contrast": {"title": "Contrast", "score": 0, "scoreDisplayMode": "binary",
                               "details": {"items": [{"node": {}}]}},
            "aria-allowed-attr": {"title": "ARIA", "score": 1, "scoreDisplayMode": "binary"},
            "tabindex": {"title": "Tabindex", "score": None, "scoreDisplayMode": "notApplicable"},
            "accesskeys": {"title": "Accesskeys", "score": 0, "scoreDisplayMode": "notApplicable"},
            # weight 0: does not count in the score, so it is no failure of the page
            "html-has-lang": {"title": "lang", "score": 0, "scoreDisplayMode": "binary"},
            "logical-tab-order": {"title": "Tab order", "score": None, "scoreDisplayMode": "manual"},
            "first-contentful-paint": {"numericValue": 707.4},
            "largest-contentful-paint": {"numericValue": 2034.0},
            "total-blocking-time": {"numericValue": 1130.0},
            "cumulative-layout-shift": {"numericValue": 0.0123},
        },
    }


def test_score_and_only_the_failed_audits_that_count():
    r = lees_rapport(_rapport())
    cat = r["categorieen"]["accessibility"]
    assert cat["score"] == 93
    assert [(g["id"], g["elementen"]) for g in cat["gezakt"]] == [("label", 2), ("color-contrast", 1)]
    assert gezakt_tekst(cat["gezakt"]) == "label (2 elementen); color-contrast (1 element)"
    assert r["url"] == "http://127.0.0.1:8050/financien"
    assert r["fout"] == ""


def test_metrics_in_seconds_milliseconds_and_layout_shift():
    r = lees_rapport(_rapport())
    assert metrieken_tekst(r["metrieken"]) == "FCP 707 ms, LCP 2.03 s, TBT 1.13 s, CLS 0.012"


def test_a_run_that_failed_has_no_score_and_says_why():
    r = lees_rapport({"categories": {"performance": {"score": None, "auditRefs": []}}, "audits": {},
                      "runtimeError": {"code": "NO_FCP", "message": "The page did not paint any content."}})
    assert r["categorieen"]["performance"] == {"score": None, "gezakt": []}
    assert r["fout"] == "The page did not paint any content."
    assert metrieken_tekst(r["metrieken"]) == ""
    assert r["tijdbesteding"] == {}


def test_the_run_with_the_median_score_and_a_failed_run_left_out():
    def run(score):
        return {"categorieen": {"performance": {"score": score, "gezakt": []}}, "n": score}
    assert mediaan_run([run(57), run(None), run(49), run(61)], "performance")["n"] == 57
    assert mediaan_run([run(40), run(30)], "performance")["n"] == 30
    assert mediaan_run([run(None)], "performance") is None


HOST = "http://127.0.0.1:8050"
RENDERER = HOST + "/_dash-component-suites/dash/dash-renderer/build/dash_renderer.v3_3_0m1764590000.min.js"
PLOTLY = HOST + "/assets/plotly-bwmo.v1_0_0m1764590001.min.js?v=2"
DCC = HOST + "/_dash-component-suites/dash/dcc/dash_core_components.v3_3_0m1764590000.js"


def _prestatierapport():
    """The three diagnostics audits in the shape Lighthouse 13 writes them (core/audits/
    mainthread-work-breakdown.js, bootup-time.js, long-tasks.js), a few items each, not sorted."""
    return {"categories": {"performance": {"score": 0.69, "auditRefs": []}}, "audits": {
        "mainthread-work-breakdown": {"scoreDisplayMode": "metricSavings", "numericValue": 3100.2, "details": {
            "type": "table", "items": [
                {"group": "styleLayout", "groupLabel": "Style & Layout", "duration": 450.2},
                {"group": "scriptEvaluation", "groupLabel": "Script Evaluation", "duration": 2050.4},
                {"group": "garbageCollection", "groupLabel": "Garbage Collection", "duration": 100.0},
                {"group": "other", "groupLabel": "Other", "duration": 300.0},
                {"group": "paintCompositeRender", "groupLabel": "Rendering", "duration": 199.6}]}},
        "bootup-time": {"scoreDisplayMode": "metricSavings", "details": {"type": "table", "items": [
            {"url": PLOTLY, "total": 400.0, "scripting": 300.0, "scriptParseCompile": 100.0},
            {"url": RENDERER, "total": 900.4, "scripting": 850.0, "scriptParseCompile": 50.4},
            {"url": "Unattributable", "total": 120.0, "scripting": 0, "scriptParseCompile": 0},
            {"url": DCC, "total": 60.0, "scripting": 55.0, "scriptParseCompile": 5.0},
            {"url": HOST + "/financien", "total": 650.0, "scripting": 20.0, "scriptParseCompile": 0}]}},
        # the table holds the 20 longest tasks, the debug data every one; here the table only two
        "long-tasks": {"scoreDisplayMode": "informative", "details": {
            "type": "table", "items": [{"url": PLOTLY, "duration": 420.0, "startTime": 900.0},
                                       {"url": HOST + "/financien", "duration": 210.5, "startTime": 300.0}],
            "debugData": {"type": "debugdata", "urls": [PLOTLY, HOST + "/financien"], "tasks": [
                {"urlIndex": 1, "startTime": 300.0, "duration": 210.5},
                {"urlIndex": 0, "startTime": 900.0, "duration": 420.0},
                {"urlIndex": 0, "startTime": 1500.0, "duration": 55.2}]}}},
    }}


def test_script_names_without_host_folder_query_or_dash_fingerprint():
    assert script_naam(RENDERER) == "dash_renderer.min.js"
    assert script_naam(PLOTLY) == "plotly-bwmo.min.js"
    assert script_naam(DCC) == "dash_core_components.js"
    assert script_naam(HOST + "/financien") == "pagina /financien"
    assert script_naam(HOST + "/") == "pagina /"
    assert script_naam("Unattributable") == "niet toe te schrijven"


def test_where_the_main_thread_time_goes():
    t = lees_rapport(_prestatierapport())["tijdbesteding"]
    assert t["hoofdthread"]["totaal"] == pytest.approx(3100.2)
    assert list(t["hoofdthread"]["groepen"].items()) == [
        ("scriptEvaluation", 2050.4), ("styleLayout", 450.2), ("other", 300.0),
        ("paintCompositeRender", 199.6), ("garbageCollection", 100.0)]
    assert [(s["url"], s["totaal"]) for s in t["scripts"]] == [
        (RENDERER, 900.4), (HOST + "/financien", 650.0), (PLOTLY, 400.0), ("Unattributable", 120.0), (DCC, 60.0)]
    assert t["scripts"][0] == {"url": RENDERER, "totaal": 900.4, "scripting": 850.0, "parsen": 50.4}
    # counted from the debug data (three tasks), not the table (two)
    assert t["lange_taken"] == {"aantal": 3, "samen": pytest.approx(685.7), "langste": 420.0, "langste_url": PLOTLY}
    assert tijdbesteding_tekst(t) == (
        "hoofdthread 3.10 s: scriptevaluatie 2.05 s, stijl en lay-out 450 ms, overig 300 ms, tekenen 200 ms; "
        "per script: dash_renderer.min.js 900 ms, pagina /financien 650 ms, plotly-bwmo.min.js 400 ms, "
        "niet toe te schrijven 120 ms; lange taken: 3, samen 686 ms, langste 420 ms (plotly-bwmo.min.js)")


def test_long_tasks_from_the_table_without_debug_data_and_none_at_all():
    rapport = _prestatierapport()
    del rapport["audits"]["long-tasks"]["details"]["debugData"]
    assert tijdbesteding(rapport)["lange_taken"] == {"aantal": 2, "samen": 630.5, "langste": 420.0,
                                                     "langste_url": PLOTLY}
    rapport["audits"]["long-tasks"] = {"scoreDisplayMode": "notApplicable", "details": {"type": "table", "items": []}}
    assert tijdbesteding(rapport)["lange_taken"] == {"aantal": 0, "samen": 0, "langste": None, "langste_url": ""}
    assert tijdbesteding_tekst(tijdbesteding(rapport)).endswith("; geen lange taken")


def test_missing_or_failed_diagnostics_give_no_profile_and_no_crash():
    rapport = _prestatierapport()
    del rapport["audits"]["mainthread-work-breakdown"]
    rapport["audits"]["bootup-time"] = {"scoreDisplayMode": "error", "errorMessage": "Required Trace gatherer did not run"}
    rapport["audits"]["long-tasks"] = {"scoreDisplayMode": "informative"}   # no details
    assert tijdbesteding(rapport) == {}
    assert tijdbesteding_tekst({}) == ""
    # the accessibility report has none of them either
    assert lees_rapport(_rapport())["tijdbesteding"] == {}
    # only the groups: the text has only them
    alleen = {"audits": {"mainthread-work-breakdown": _prestatierapport()["audits"]["mainthread-work-breakdown"]}}
    assert tijdbesteding_tekst(tijdbesteding(alleen)) == (
        "hoofdthread 3.10 s: scriptevaluatie 2.05 s, stijl en lay-out 450 ms, overig 300 ms, tekenen 200 ms")
