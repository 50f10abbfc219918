"""Reading a Lighthouse JSON report into the bench's figures (pure; Lighthouse itself is not needed)."""
from bench.lighthouse_bench import (
    gezakt_tekst,
    lees_rapport,
    mediaan_run,
    metrieken_tekst,
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


def test_the_run_with_the_median_score_and_a_failed_run_left_out():
    def run(score):
        return {"categorieen": {"performance": {"score": score, "gezakt": []}}, "n": score}
    assert mediaan_run([run(57), run(None), run(49), run(61)], "performance")["n"] == 57
    assert mediaan_run([run(40), run(30)], "performance")["n"] == 30
    assert mediaan_run([run(None)], "performance") is None
