"""The render cache (dashboard/rendercache.py), on its shared SQLite file as gunicorn uses it.

The two guarantees are checked against a page built without any cache: a viewer never gets a
page built for another scope or role, and never a page of an older warehouse at the same path.
Both fail when the key leaves out the viewer or the version (see the report of issue 16)."""
from __future__ import annotations

import json
import os
import shutil

import duckdb
import pytest
from dashhulp import ASSEN, REGIO_GEBRUIKER, als
from flask import g
from plotly.io.json import to_json_plotly

from dashboard import rendercache
from kern import data
from kern.rollen import GEMEENTE, User

TYNAARLO = User("tynaarlo-test", frozenset({GEMEENTE}), frozenset({"GM1730"}))


@pytest.fixture
def gedeeld(tmp_path, monkeypatch):
    """The shared cache file, as gunicorn.conf.py sets it up for the workers."""
    monkeypatch.setenv(rendercache.ENV, str(tmp_path / "pagina.sqlite"))
    rendercache.leeg()
    yield tmp_path / "pagina.sqlite"
    rendercache.leeg()


def _overzicht(user, search: str = ""):
    """The Overzicht page for `user`, as the page callback returns it (JSON data)."""
    from dashboard.pages import overzicht
    query = dict(q.split("=") for q in search.lstrip("?").split("&") if q)
    with als(user):
        g.pop("bwmo_warehouse", None)  # a new request: it pins the version it reads (the
        # autouse regio context shares Flask's g with this one)
        return json.loads(to_json_plotly(overzicht.layout(**query)))


def _zonder_cache(user, search: str = ""):
    bewaard = rendercache.haal
    rendercache.haal = lambda k: None
    try:
        return _overzicht(user, search)
    finally:
        rendercache.haal = bewaard


def _rijen(pad) -> int:
    """Pages in the shared file, read as another worker would."""
    import sqlite3
    with sqlite3.connect(pad) as con:
        return con.execute("select count(*) from pagina").fetchone()[0]


def test_a_page_is_built_once_and_then_served_from_the_shared_file(gedeeld):
    eerst = _overzicht(REGIO_GEBRUIKER)
    assert _rijen(gedeeld) == 1
    assert _overzicht(REGIO_GEBRUIKER) == eerst == _zonder_cache(REGIO_GEBRUIKER)
    assert _rijen(gedeeld) == 1
    # the same filters written differently are one state; other filters are another page
    _overzicht(REGIO_GEBRUIKER, "?van=2024-01&tot=2024-06")
    _overzicht(REGIO_GEBRUIKER, "?tot=2024-06&van=2024-01")
    assert _rijen(gedeeld) == 2


def test_one_scopes_page_is_never_served_to_another(gedeeld):
    """Same page, same filters, same version: Assen, Tynaarlo and the region each get their own."""
    volgorde = [ASSEN, TYNAARLO, REGIO_GEBRUIKER, ASSEN]
    pagina = {u.username: _overzicht(u) for u in volgorde}
    assert _rijen(gedeeld) == 3
    for u in volgorde:
        assert pagina[u.username] == _zonder_cache(u), u.username
    assert pagina[ASSEN.username] != pagina[TYNAARLO.username]
    assert pagina[ASSEN.username] != pagina[REGIO_GEBRUIKER.username]  # rounded vs exact


def test_a_changed_rounding_key_is_a_different_page(gedeeld, monkeypatch):
    monkeypatch.setenv("BWMO_AFRONDINGSSLEUTEL", "sleutel-een")
    _overzicht(ASSEN)
    monkeypatch.setenv("BWMO_AFRONDINGSSLEUTEL", "sleutel-twee")
    _overzicht(ASSEN)
    assert _rijen(gedeeld) == 2


def test_never_a_page_of_an_older_warehouse(gedeeld, warehouse, tmp_path, monkeypatch):
    """Publish a new warehouse at the same path (os.replace, as the ETL does): the next request
    gets the new figures, not the page cached on the old file."""
    pad = tmp_path / "gepubliceerd.duckdb"
    shutil.copy(warehouse, pad)
    monkeypatch.setenv(data.ENV, str(pad))
    data.leeg_cache()
    oud = _overzicht(REGIO_GEBRUIKER)
    nieuw_pad = tmp_path / "nieuw.duckdb"
    shutil.copy(warehouse, nieuw_pad)
    with duckdb.connect(str(nieuw_pad)) as con:
        con.execute("update marts.clienten_maand set actief = actief + 100")
    os.replace(nieuw_pad, pad)
    data.sluit()  # as a new request would: this thread's connection is on the old file
    na = _overzicht(REGIO_GEBRUIKER)
    assert na != oud
    assert na == _zonder_cache(REGIO_GEBRUIKER)


def test_warming_builds_the_default_views_once_per_version(gedeeld, dash_app):
    _overzicht(ASSEN)  # a viewer seen on this version is warmed on the next
    versie = data._bestandsversie(data.warehouse_pad())
    gebouwd = rendercache.warm(dash_app.server, versie)
    # the region: 5 default pages + Datakwaliteit; Assen: 5 + its gemeente page
    assert gebouwd == 12
    assert rendercache.warm(dash_app.server, versie) == 0  # claimed: the other worker does nothing
    voor = _rijen(gedeeld)
    _overzicht(ASSEN)
    _overzicht(REGIO_GEBRUIKER)
    assert _rijen(gedeeld) == voor  # both were already there


def test_a_page_with_a_failed_visual_is_not_kept(gedeeld, monkeypatch):
    from dashboard.components import pagina
    echt = pagina.render

    def kapot(v):
        if v.id == "overzicht-trend":
            raise RuntimeError("kapot")
        return echt(v)
    monkeypatch.setattr(pagina, "render", kapot)
    _overzicht(REGIO_GEBRUIKER)
    assert _rijen(gedeeld) == 0


def test_the_page_callback_serves_the_cached_page_as_dash_sends_it(gedeeld, dash_app):
    """Through Dash's own callback endpoint: the second answer comes from the cache and is the
    same JSON the first one was."""
    from test_levering import _ingelogd, _pagina
    client = dash_app.server.test_client()
    _ingelogd(client, "rendercache-assen", {"GM0106"})
    import brotli
    eerst = brotli.decompress(_pagina(client, "/gemeente/GM0106").get_data())
    assert _rijen(gedeeld) == 1
    tweede = brotli.decompress(_pagina(client, "/gemeente/GM0106").get_data())
    assert _rijen(gedeeld) == 1
    assert json.loads(eerst) == json.loads(tweede)
    assert "Gemeente Assen" in tweede.decode()
