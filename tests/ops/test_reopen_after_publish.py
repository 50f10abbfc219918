"""After a publish every new request reads the new warehouse, even while other threads still
hold the old one open; within one request every query reads the version it started with."""
from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from flask import Flask

import dashboard.access  # noqa: F401  (the web app's part: one request, one warehouse version)
from kern import data

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
import fixture_warehouse


@pytest.fixture
def pad(tmp_path_factory, tmp_path, monkeypatch):
    bron = fixture_warehouse.build(tmp_path_factory.mktemp("bron") / "warehouse.duckdb")
    pad = tmp_path / "warehouse.duckdb"
    shutil.copy(bron, pad)
    monkeypatch.setenv(data.ENV, str(pad))
    data.leeg_cache()
    data.sluit()
    yield pad
    data.leeg_cache()
    data.sluit()


def publiceer(pad: Path, versie: str) -> None:
    nieuw = pad.with_name("nieuw.duckdb")
    shutil.copy(pad, nieuw)
    con = duckdb.connect(str(nieuw))
    con.execute("update marts.warehouse_info set versie = ?", [versie])
    con.close()
    os.replace(nieuw, pad)  # how the ETL publishes


def in_draad(functie):
    uit = {}

    def werk():
        uit["waarde"] = functie()
    t = threading.Thread(target=werk)
    t.start()
    t.join()
    return uit["waarde"]


def test_a_thread_sees_the_new_file_while_another_holds_the_old_one_open(pad):
    vasthouder_klaar, doorgaan = threading.Event(), threading.Event()
    gezien = {}

    def vasthouder():  # a serving thread that keeps its connection to the old file
        gezien["oud"] = data.warehouse_info()["versie"]
        vasthouder_klaar.set()
        doorgaan.wait(10)
        gezien["later"] = data.warehouse_info()["versie"]

    t = threading.Thread(target=vasthouder)
    t.start()
    vasthouder_klaar.wait(10)
    publiceer(pad, "test-2")
    assert in_draad(lambda: data.warehouse_info()["versie"]) == "test-2"
    assert data.warehouse_info()["versie"] == "test-2"
    doorgaan.set()
    t.join()
    assert gezien == {"oud": "test-1", "later": "test-2"}


def test_one_request_reads_one_version(pad):
    server = Flask(__name__)
    with server.test_request_context("/"):
        assert data.warehouse_info()["versie"] == "test-1"
        publiceer(pad, "test-2")
        data.leeg_cache()
        assert data.warehouse_info()["versie"] == "test-1"  # the request keeps its version
        assert not data.regio_gemeenten().empty
    with server.test_request_context("/"):
        assert data.warehouse_info()["versie"] == "test-2"  # the next request reads the new one


def test_emptying_the_results_keeps_the_versions_metadata_but_never_an_old_versions(pad, monkeypatch):
    """leeg_resultaten (the benchmark's cold render) runs every figure's query again but keeps
    what was read once for the version; a new version still reads its own metadata."""
    gelopen = []
    echt = data.query
    monkeypatch.setattr("kern.datalaag.query.query", lambda naam, params=None: gelopen.append(naam) or echt(naam, params))
    scope = ["GM0106"]
    assert data.warehouse_info()["versie"] == "test-1"
    data.clienten_maand(scope)
    data.leeg_resultaten()
    gelopen.clear()
    assert data.warehouse_info()["versie"] == "test-1"
    data.clienten_maand(scope)
    assert gelopen == ["clienten_maand"]  # the figure again, not the metadata
    publiceer(pad, "test-2")
    data.leeg_resultaten()
    assert data.warehouse_info()["versie"] == "test-2"
    assert "warehouse_info" in gelopen
