"""The pure parts of the Superset side-by-side benchmark (bench/superset_bench.py) and reading a
BENCHMARKS.md back for a partial run (bench/report.py); Superset itself is not needed."""
import datetime as dt
import math
from datetime import date

from bench import superset_bench as sb
from bench.common import Resultaten
from bench.report import lees_md, schrijf

DATASETS = {"clienten": 11, "stromen": 12, "kosten": 13}


def _params(sleutel, laatste=date(2025, 6, 1)):
    vraag = next(v for v in sb.VRAGEN if v.sleutel == sleutel)
    return sb.grafiek_params(vraag, DATASETS, laatste)


def test_the_four_questions_map_to_our_pages():
    assert [v.pagina for v in sb.VRAGEN] == ["/", "/", "/stromen", "/financien"]
    assert sb.onze_paginas() == ["/", "/stromen", "/financien"]


def test_chart_params_per_question():
    actief = _params("actief")
    assert (actief["datasource"], actief["viz_type"], actief["x_axis"], actief["time_grain_sqla"]) == \
        ("11__table", "echarts_timeseries_line", "maand", "P1M")
    assert actief["adhoc_filters"][0]["comparator"] == "No filter"
    assert actief["metrics"][0]["column"]["column_name"] == "actief"
    # the last month only: Superset's range is [start, end)
    gemeente = _params("gemeente")
    assert (gemeente["datasource"], gemeente["x_axis"]) == ("11__table", "gemeente_naam")
    assert gemeente["adhoc_filters"][0]["comparator"] == "2025-06-01 : 2025-07-01"
    stromen = _params("stromen")
    assert stromen["datasource"] == "12__table"
    assert [m["column"]["column_name"] for m in stromen["metrics"]] == ["instroom", "uitstroom"]
    kosten = _params("kosten")
    assert (kosten["datasource"], kosten["groupby"], kosten["stack"]) == ("13__table", ["leveringsvorm"], "Stack")
    assert kosten["adhoc_filters"][0]["comparator"] == "2025-01-01 : 2026-01-01"


def test_december_runs_into_the_next_year():
    assert _params("gemeente", date(2025, 12, 1))["adhoc_filters"][0]["comparator"] == "2025-12-01 : 2026-01-01"


def test_query_context_as_the_explore_view_builds_it():
    qc = sb.query_context(_params("kosten"))
    assert qc["datasource"] == {"id": 13, "type": "table"}
    q = qc["queries"][0]
    # a category axis has no time grain; the series column comes after it and in the pivot
    assert q["columns"] == [{"columnType": "BASE_AXIS", "sqlExpression": "gemeente_naam", "label": "gemeente_naam",
                             "expressionType": "SQL"}, "leveringsvorm"]
    assert q["filters"] == [{"col": "maand", "op": "TEMPORAL_RANGE", "val": "2025-01-01 : 2026-01-01"}]
    assert q["post_processing"][0]["options"]["columns"] == ["leveringsvorm"]
    assert q["post_processing"][0]["options"]["aggregates"] == {"Kosten": {"operator": "mean"}}
    tijd = sb.query_context(_params("actief"))["queries"][0]["columns"][0]
    assert tijd["timeGrain"] == "P1M" and tijd["sqlExpression"] == "maand"


def test_dashboard_layout_two_charts_per_row():
    pos = sb.dashboard_positie([5, 6, 7, 8])
    assert pos["GRID_ID"]["children"] == ["ROW-0", "ROW-1"]
    assert pos["ROW-0"]["children"] == ["CHART-5", "CHART-6"] and pos["ROW-1"]["children"] == ["CHART-7", "CHART-8"]
    assert pos["CHART-7"]["meta"]["chartId"] == 7 and pos["CHART-7"]["parents"] == ["ROOT_ID", "GRID_ID", "ROW-1"]


def test_ratio_and_summary():
    assert sb.verhouding(0.1, 0.25) == "0.40×"
    assert sb.verhouding(0.3, 0.2) == "1.50×"
    assert sb.verhouding(float("nan"), 0.2) == "–" and sb.verhouding(0.1, 0) == "–"
    s = sb.vat_samen([0.1, 0.2, 0.3, 0.4, 0.5], [0.01, 0.03])
    assert s["p50"] == 0.3 and math.isclose(s["p95"], 0.48) and math.isclose(s["cpu"], 0.02) and s["n"] == 5


def test_rows_from_the_chart_data_numbers():
    m = {"ons": {"/": ([0.1, 0.1], [0.05, 0.05]), "/stromen": ([0.2, 0.2], [0.1, 0.1]),
                 "/financien": ([0.3, 0.3], [0.2, 0.2])},
         "superset": {"actief": ([0.4, 0.4], [0.1, 0.1]), "gemeente": ([0.5, 0.5], [0.1, 0.1]),
                      "stromen": ([0.4, 0.4], [0.1, 0.1]), "kosten": ([0.3, 0.3], [0.1, 0.1])},
         "ons_totaal": [0.8, 0.8], "superset_totaal": [1.6, 1.6], "ons_cpu_totaal": [0.35, 0.35],
         "superset_cpu_totaal": [0.4, 0.4], "fouten": []}
    res = Resultaten()
    sb.grafiek_rijen(res, {"zonder cache": m})
    assert len(res.rijen) == 5
    eerste = res.rijen[0]
    assert eerste.wat == "grafiekdata actieve cliënten per maand (zonder cache)"
    assert eerste.waarde == "0.25× (ons 100 ms, Superset 400 ms)" and eerste.gehaald is None
    assert "server-CPU per keer ons 50 ms / Superset 100 ms (0.50×)" in eerste.toelichting
    assert res.rijen[3].waarde == "1.00× (ons 300 ms, Superset 300 ms)"
    totaal = res.rijen[4]
    assert totaal.waarde == "0.50× (ons 800 ms, Superset 1600 ms)" and totaal.gehaald is True
    m["fouten"] = ["ons /: 500"]
    res = Resultaten()
    sb.grafiek_rijen(res, {"met cache": m})
    assert res.rijen[4].gehaald is False and "FOUTEN 1" in res.rijen[4].toelichting


def test_a_peer_that_cannot_run_is_a_row_not_a_failure():
    res = Resultaten()
    sb.niet_gemeten(res, "Superset kon niet geïnstalleerd worden: geen netwerk")
    assert (res.rijen[0].sectie, res.rijen[0].waarde, res.rijen[0].gehaald) == ("Superset", "niet gemeten", None)


def test_benchmarks_md_reads_back_as_written(tmp_path):
    res = Resultaten(commandos=[".venv/bin/python -m bench   # (make bench)"], notities=["Een notitie."])
    res.rij("ETL", "laden regio", "3.5 s", "≤ 5 s", True, "a | b")
    res.rij("Superset", "grafiekdata", "0.40×", "< 1×", False, "")
    res.rij("gunicorn", "RSS", "200 MiB")
    info = {"cores": 2, "fysiek": 2, "model": "x", "geheugen": 2**30, "belasting": (1.0, 1.0, 1.0), "os": "Linux",
            "python": "3.11", "duckdb": "2.0.0"}
    uit = tmp_path / "BENCHMARKS.md"
    gestart = dt.datetime(2026, 12, 1, 14, 27, tzinfo=dt.UTC)
    schrijf(res, info, gestart, 60.0, "abc123", False, uit)
    d = lees_md(uit.read_text(encoding="utf-8"))
    assert [(r["sectie"], r["wat"], r["waarde"], r["doel"], r["gehaald"], r["toelichting"]) for r in d["rijen"]] == [
        ("ETL", "laden regio", "3.5 s", "≤ 5 s", True, "a | b"),
        ("Superset", "grafiekdata", "0.40×", "< 1×", False, ""),
        ("gunicorn", "RSS", "200 MiB", "", None, "")]
    assert d["commandos"] == res.commandos and d["notities"] == ["Een notitie."]
    assert d["gestart"] == "2026-12-01T14:27:00+00:00" and d["commit"] == "abc123"


def test_why_pip_failed_in_one_line():
    zonder_netwerk = ("WARNING: Retrying (Retry(total=0)) after connection broken by 'NewConnectionError(...: Failed to "
                      "establish a new connection: [Errno 111] Connection refused')': /simple/apache-superset/\n"
                      "ERROR: Cannot install apache-superset==6.1.0 because these package versions have conflicting\n"
                      "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/...\n")
    assert sb.pip_reden(zonder_netwerk) == "geen verbinding met de pakketindex (PyPI)"
    assert sb.pip_reden("Collecting x\nERROR: No matching distribution found for duckdb-engine==9\nmore\n") == \
        "ERROR: No matching distribution found for duckdb-engine==9"
