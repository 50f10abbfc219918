"""The health endpoint for the load balancer, and JSON log lines (issue 7, operations)."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest
from flask import Flask

from dashboard import data, health

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
import fixture_warehouse


@pytest.fixture(scope="module")
def fixture_pad(tmp_path_factory) -> Path:
    return fixture_warehouse.build(tmp_path_factory.mktemp("health") / "warehouse.duckdb")


@pytest.fixture
def client(monkeypatch):
    def maak(warehouse: Path):
        monkeypatch.setenv(data.ENV, str(warehouse))
        data.leeg_cache()
        data.sluit()
        server = Flask(__name__)
        health.install_health(server)
        return server.test_client()
    yield maak
    data.leeg_cache()
    data.sluit()


def _geen_stacktrace(tekst: str) -> None:
    for verboden in ("Traceback", "File \"", "duckdb", "Error:", "select "):
        assert verboden not in tekst


def test_health_reports_version_and_peildatum(client, fixture_pad):
    r = client(fixture_pad).get("/health")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "no-store"
    body = r.get_json()
    assert body["status"] == "ok"
    assert body["peildatum"] == fixture_warehouse.PEILDATUM.isoformat()
    assert body["geladen_op"] == fixture_warehouse.GELADEN_OP.isoformat()
    assert body["warehouse_versie"] == data.warehouse_info()["versie"]
    assert health.bekende_versie() == body["warehouse_versie"]


def test_health_503_in_dutch_when_the_warehouse_is_missing(client, tmp_path):
    r = client(tmp_path / "bestaat-niet.duckdb").get("/health")
    assert r.status_code == 503
    body = r.get_json()
    assert body["status"] == "fout"
    assert "datawarehouse" in body["melding"] and "Laad eerst de gegevens" in body["melding"]
    _geen_stacktrace(r.get_data(as_text=True))
    assert health.bekende_versie() is None


def test_health_503_when_the_warehouse_is_unreadable(client, tmp_path, caplog):
    kapot = tmp_path / "warehouse.duckdb"
    kapot.write_bytes(b"dit is geen duckdb-bestand\n" * 100)
    with caplog.at_level(logging.ERROR):
        r = client(kapot).get("/health")
    assert r.status_code == 503
    assert r.get_json()["melding"].startswith("Het datawarehouse kan op dit moment niet worden gelezen")
    _geen_stacktrace(r.get_data(as_text=True))


def test_health_503_when_the_warehouse_has_no_info(client, tmp_path):
    import duckdb
    leeg = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(leeg))
    con.execute("create schema marts")
    con.close()
    r = client(leeg).get("/health")
    assert r.status_code == 503
    assert r.get_json()["status"] == "fout"
    _geen_stacktrace(r.get_data(as_text=True))


def test_health_is_not_added_twice():
    server = Flask(__name__)
    health.install_health(server)
    health.install_health(server)
    assert [r.rule for r in server.url_map.iter_rules()].count("/health") == 1


def test_json_formatter_writes_one_object_per_line(client, fixture_pad):
    client(fixture_pad).get("/health")  # the process now knows the published version
    fmt = health.JsonFormatter()
    try:
        raise ValueError("kapot\nmet een tweede regel")
    except ValueError:
        rec = logging.getLogger("dashboard.x").makeRecord("dashboard.x", logging.ERROR, __file__, 1,
                                                           "visual %s mislukt", ("a",), sys.exc_info())
    regel = fmt.format(rec)
    assert "\n" not in regel
    obj = json.loads(regel)
    assert obj["level"] == "ERROR" and obj["logger"] == "dashboard.x" and obj["message"] == "visual a mislukt"
    assert obj["warehouse_versie"] == data.warehouse_info()["versie"]
    assert "ValueError" in obj["exc"] and obj["time"]

    atoms = {"m": "GET", "U": "/health", "s": "200", "D": 1234, "B": 10, "h": "127.0.0.1"}
    rec = logging.getLogger("gunicorn.access").makeRecord("gunicorn.access", logging.INFO, __file__, 1,
                                                          "%(m)s %(U)s %(s)s", atoms, None)
    obj = json.loads(fmt.format(rec))
    assert obj["message"] == "GET /health 200"
    assert (obj["method"], obj["path"], obj["status"], obj["duur_ms"]) == ("GET", "/health", 200, 1.2)
