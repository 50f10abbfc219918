"""The health endpoint for the load balancer, and JSON log lines (issue 7, operations)."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest
from flask import Flask

from dashboard import health
from kern import data

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
import fixture_warehouse

LOKAAL = "BWMO_HEALTH_DETAILS_LOKAAL"  # docs/deploy.md


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


def test_health_tells_a_stranger_only_ok(client, fixture_pad, monkeypatch):
    monkeypatch.delenv(LOKAAL, raising=False)
    c = client(fixture_pad)
    r = c.get("/health")  # the test client's peer is 127.0.0.1: loopback alone is not enough
    assert r.status_code == 200 and r.get_json() == {"status": "ok"}
    assert r.headers["Cache-Control"] == "no-store"
    assert c.head("/health").status_code == 200
    assert health.bekende_versie() == data.warehouse_info()["versie"]  # still read, just not told


@pytest.mark.parametrize("environ, headers", [
    ({"REMOTE_ADDR": "203.0.113.7"}, {}),
    ({"REMOTE_ADDR": "127.0.0.1"}, {"X-Forwarded-For": "203.0.113.7"}),  # a proxy on this host
    ({"REMOTE_ADDR": "127.0.0.1"}, {"Forwarded": "for=203.0.113.7"}),
    ({"REMOTE_ADDR": "127.0.0.1"}, {"X-Real-IP": "203.0.113.7"}),
    ({"REMOTE_ADDR": "::1"}, {"X-Forwarded-For": "203.0.113.7"}),
    ({"REMOTE_ADDR": "10.0.0.5"}, {}),
])
def test_local_details_are_not_given_through_a_proxy_or_from_elsewhere(client, fixture_pad, monkeypatch,
                                                                       environ, headers):
    monkeypatch.setenv(LOKAAL, "1")
    r = client(fixture_pad).get("/health", environ_base=environ, headers=headers)
    assert r.status_code == 200 and r.get_json() == {"status": "ok"}


def test_local_details_not_fooled_by_proxyfix(fixture_pad, monkeypatch):
    """Under werkzeug's ProxyFix a client's X-Forwarded-For becomes REMOTE_ADDR; the check uses
    the TCP peer, and the header alone already refuses."""
    from werkzeug.middleware.proxy_fix import ProxyFix
    monkeypatch.setenv(LOKAAL, "1")
    monkeypatch.setenv(data.ENV, str(fixture_pad))
    data.leeg_cache()
    server = Flask(__name__)
    health.install_health(server)
    server.wsgi_app = ProxyFix(server.wsgi_app, x_for=1)
    r = server.test_client().get("/health", environ_base={"REMOTE_ADDR": "203.0.113.7"},
                                 headers={"X-Forwarded-For": "127.0.0.1"})
    assert r.get_json() == {"status": "ok"}
    data.sluit()


@pytest.mark.parametrize("adres", ["127.0.0.1", "::1"])
def test_health_reports_version_and_peildatum_to_a_local_check(client, fixture_pad, monkeypatch, adres):
    monkeypatch.setenv(LOKAAL, "1")
    r = client(fixture_pad).get("/health", environ_base={"REMOTE_ADDR": adres})
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
