"""The render cache under real gunicorn (2 workers, gunicorn.conf.py): warmed at start and right
after a publish, before anyone asks, and the first request after the publish gets the new
warehouse's page."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import brotli
import duckdb
import pytest

from bench.web import Gunicorn, inloggen, maak_gebruiker, pagina_body
from kern import data, formats

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
import fixture_warehouse

NIEUW_GELADEN = dt.datetime(2030, 1, 2, 3, 4)


def _versies(cache: Path) -> dict[str, int]:
    if not cache.exists():
        return {}
    with sqlite3.connect(cache, timeout=5) as con:
        return dict(con.execute("select versie, count(*) from pagina group by versie"))


def _wacht_op(cache: Path, versie: str, s: float = 90) -> dict:
    eind = time.monotonic() + s
    while time.monotonic() < eind:
        try:
            v = _versies(cache)
        except sqlite3.Error:
            v = {}
        if v.get(versie, 0) >= 6 and set(v) == {versie}:
            return v
        time.sleep(0.5)
    raise AssertionError(f"niet opgewarmd voor {versie}: {_versies(cache)}")


def _versie(pad: Path) -> str:
    return json.dumps(list(data._bestandsversie(pad)), default=str)


@pytest.fixture
def server(tmp_path):
    pad = tmp_path / "warehouse.duckdb"
    fixture_warehouse.build(pad)
    state = tmp_path / "state.sqlite"
    maak_gebruiker(state, "regio-rc", "regio-rc-wachtwoord")
    cache = tmp_path / "pagina.sqlite"
    s = Gunicorn(pad, state, tmp_path / "log", workers=2, env={"BWMO_RENDER_CACHE": str(cache)})
    try:
        yield s, pad, cache
    finally:
        s.stop()


def _overzicht(server, sessie) -> str:
    r = sessie.post(server.url + "/_dash-update-component", json=pagina_body("/"),
                    headers={"Accept-Encoding": "br"}, timeout=60, stream=True)
    assert r.status_code == 200
    ruw = r.raw.read()
    return (brotli.decompress(ruw) if r.headers.get("Content-Encoding") == "br" else ruw).decode()


def test_warmed_at_start_and_after_a_publish_and_never_the_old_page(server):
    s, pad, cache = server
    oud = _versie(pad)
    _wacht_op(cache, oud)  # at start: the regio role's default views, before any request
    sessie = inloggen(s.url, "regio-rc", "regio-rc-wachtwoord")
    voor = _versies(cache)[oud]
    pagina_oud = _overzicht(s, sessie)
    assert _versies(cache)[oud] == voor  # served from the warmed cache: nothing new built

    nieuw = pad.with_name("nieuw.duckdb")
    shutil.copy(pad, nieuw)
    with duckdb.connect(str(nieuw)) as con:
        con.execute("update marts.warehouse_info set geladen_op = ?", [NIEUW_GELADEN])
    os.replace(nieuw, pad)  # how the ETL publishes
    nieuw_versie = _versie(pad)
    assert nieuw_versie != oud
    _wacht_op(cache, nieuw_versie)  # warmed by a worker after the publish; old pages dropped

    pagina_nieuw = _overzicht(s, sessie)
    assert formats.datumtijd(NIEUW_GELADEN) in pagina_nieuw
    assert formats.datumtijd(NIEUW_GELADEN) not in pagina_oud
