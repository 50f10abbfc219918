"""The render cache (dashboard/rendercache.py), on its shared SQLite file as gunicorn uses it,
through Dash's own page callback endpoint with logged-in sessions (the session guard and the
body checks run as in production).

The two guarantees are checked against a page built without any cache: a viewer never gets a
page built for another scope or role, and never a page of an older warehouse at the same path.
Both fail when the key leaves out the viewer or the version (see the report of issue 16)."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3

import brotli
import duckdb
import pytest
from dashhulp import echte_app
from test_levering import _ingelogd

from bench.web import pagina_body
from dashboard import rendercache
from kern import data
from kern.rollen import GEMEENTE, REGIO, User

TYNAARLO = User("tynaarlo-test", frozenset({GEMEENTE}), frozenset({"GM1730"}))


@pytest.fixture(autouse=True)
def als_regio():
    """No enclosing request here (it would share flask.g with the test client's requests): every
    request below is a request of its own, as under gunicorn."""
    yield


@pytest.fixture
def gedeeld(tmp_path, monkeypatch):
    """The shared cache file, as gunicorn.conf.py sets it up for the workers."""
    monkeypatch.setenv(rendercache.ENV, str(tmp_path / "pagina.sqlite"))
    rendercache.leeg()
    yield tmp_path / "pagina.sqlite"
    rendercache.leeg()


def _sessie(naam: str, gemeenten=(), rollen=("gemeente",)):
    client = echte_app().server.test_client()
    _ingelogd(client, f"rc-{naam}", set(gemeenten), rollen)
    return client


@pytest.fixture
def sessies():
    return {"assen": _sessie("assen", {"GM0106"}), "tynaarlo": _sessie("tynaarlo", {"GM1730"}),
            "regio": _sessie("regio", (), ("regio",))}


def _vraag(client, pad="/", search="", codering="br"):
    r = client.post("/_dash-update-component", json=pagina_body(pad, search),
                    headers={"Accept-Encoding": codering} if codering else {})
    assert r.status_code == 200, r.get_data()[:300]
    return r


def _tekst(r) -> str:
    ruw = r.get_data()
    enc = r.headers.get("Content-Encoding")
    return (brotli.decompress(ruw) if enc == "br" else gzip.decompress(ruw) if enc == "gzip" else ruw).decode()


def _pagina(client, pad="/", search="") -> dict:
    """The page callback's answer (JSON data) as the browser gets it."""
    return json.loads(_tekst(_vraag(client, pad, search)))


def _zonder_cache(client, pad="/", search="") -> dict:
    bewaard = rendercache.haal
    rendercache.haal = lambda k: None
    try:
        return _pagina(client, pad, search)
    finally:
        rendercache.haal = bewaard


def _rijen(pad) -> int:
    """Pages in the shared file, read as another worker would."""
    with sqlite3.connect(pad) as con:
        return con.execute("select count(*) from pagina").fetchone()[0]


def test_a_page_is_built_once_and_then_served_from_the_shared_file(gedeeld, sessies):
    regio = sessies["regio"]
    eerst = _pagina(regio)
    assert _rijen(gedeeld) == 1
    assert _pagina(regio) == eerst == _zonder_cache(regio)
    assert _rijen(gedeeld) == 1
    # the same filters written differently are one state; other filters are another page
    _pagina(regio, "/", "?van=2024-01&tot=2024-06")
    _pagina(regio, "/", "?tot=2024-06&van=2024-01")
    assert _rijen(gedeeld) == 2


def test_a_hit_is_the_exact_answer_dash_sent_in_every_encoding(gedeeld, sessies):
    """The first answer is built by Dash; the later ones are the stored bytes, for brotli, gzip
    and a client that accepts no compression alike, with the same headers."""
    regio = sessies["regio"]
    eerst = _vraag(regio, "/wlz")
    ruw = brotli.decompress(eerst.get_data())
    for codering in ("br", "gzip", "", "gzip;q=1, br;q=0.5"):
        r = _vraag(regio, "/wlz", codering=codering)
        assert _tekst(r).encode() == ruw
        assert r.headers.get("Content-Encoding") == {"br": "br", "": None}.get(codering, "gzip")
        assert r.headers["Cache-Control"] == "no-store"
        assert r.headers["Content-Type"] == eerst.headers["Content-Type"]
        assert "Accept-Encoding" in r.headers["Vary"]
        assert r.headers["Content-Security-Policy"] == eerst.headers["Content-Security-Policy"]
    assert _rijen(gedeeld) == 1


def test_one_scopes_page_is_never_served_to_another(gedeeld, sessies):
    """Same page, same filters, same version: Assen, Tynaarlo and the region each get their own."""
    volgorde = ["assen", "tynaarlo", "regio", "assen"]
    pagina = {n: _pagina(sessies[n]) for n in volgorde}
    assert _rijen(gedeeld) == 3
    for n in volgorde:
        assert pagina[n] == _zonder_cache(sessies[n]), n
    assert pagina["assen"] != pagina["tynaarlo"]
    assert pagina["assen"] != pagina["regio"]  # rounded vs exact


def test_a_changed_rounding_key_is_a_different_page(gedeeld, sessies, monkeypatch):
    monkeypatch.setenv("BWMO_AFRONDINGSSLEUTEL", "sleutel-een")
    _pagina(sessies["assen"])
    monkeypatch.setenv("BWMO_AFRONDINGSSLEUTEL", "sleutel-twee")
    _pagina(sessies["assen"])
    assert _rijen(gedeeld) == 2


def test_never_a_page_of_an_older_warehouse(gedeeld, sessies, warehouse, tmp_path, monkeypatch):
    """Publish a new warehouse at the same path (os.replace, as the ETL does): the next request
    gets the new figures, not the page cached on the old file."""
    regio = sessies["regio"]
    pad = tmp_path / "gepubliceerd.duckdb"
    shutil.copy(warehouse, pad)
    monkeypatch.setenv(data.ENV, str(pad))
    data.leeg_cache()
    oud = _pagina(regio)
    assert _pagina(regio) == oud  # a hit
    nieuw_pad = tmp_path / "nieuw.duckdb"
    shutil.copy(warehouse, nieuw_pad)
    with duckdb.connect(str(nieuw_pad)) as con:
        con.execute("update marts.clienten_maand set actief = actief + 100")
    os.replace(nieuw_pad, pad)
    na = _pagina(regio)
    assert na != oud
    assert na == _zonder_cache(regio)
    assert _rijen(gedeeld) == 2


def test_the_key_holds_scope_roles_version_and_every_non_filter_parameter():
    versie = ("w.duckdb", 1, 2, 3, 4)
    assen = User("a", frozenset({GEMEENTE}), frozenset({"GM0106"}))
    regio = User("r", frozenset({REGIO}))
    k = rendercache.sleutel("/", "", versie, assen, frozenset({"GM0106"}))
    assert k == rendercache.sleutel("/", "", versie, User("ander", assen.roles, assen.gemeenten), frozenset({"GM0106"}))
    assert k != rendercache.sleutel("/", "", versie, assen, frozenset({"GM1730"}))
    assert k != rendercache.sleutel("/", "", versie, regio, frozenset({"GM0106"}))
    assert k != rendercache.sleutel("/", "", ("w.duckdb", 1, 2, 3, 5), assen, frozenset({"GM0106"}))
    assert k != rendercache.sleutel("/clienten", "", versie, assen, frozenset({"GM0106"}))
    # filters are normalised as the page parses them; any other parameter reaches the layout as it is
    g = "/gemeente/GM0106"
    assert rendercache.sleutel(g, "?gemeente=GM0106&van=2024-01", versie, assen, frozenset({"GM0106"})) == \
        rendercache.sleutel(g, "?van=2024-01&gemeente=gm0106", versie, assen, frozenset({"GM0106"}))
    assert rendercache.sleutel(g, "?code=GM1730", versie, assen, frozenset({"GM0106"})) != \
        rendercache.sleutel(g, "", versie, assen, frozenset({"GM0106"}))


def test_a_hit_still_needs_a_valid_session_and_a_valid_body(gedeeld, sessies):
    """The guard and the body checks run before the cache is asked: a logged-out browser or a
    forged body gets nothing, even for a page that is in the cache."""
    assen = sessies["assen"]
    _pagina(assen, "/gemeente/GM0106")
    assert _rijen(gedeeld) == 1
    kapot = pagina_body("/gemeente/GM0106")
    kapot["inputs"][0]["value"] = {"niet": "een pad"}
    assert assen.post("/_dash-update-component", json=kapot).status_code == 400
    assen.get("/logout")
    r = assen.post("/_dash-update-component", json=pagina_body("/gemeente/GM0106"))
    assert r.status_code == 401 and b"Gemeente Assen" not in r.get_data()
    vreemde = echte_app().server.test_client()
    assert vreemde.post("/_dash-update-component", json=pagina_body("/gemeente/GM0106")).status_code == 401


def test_warming_builds_the_default_views_once_per_version(gedeeld, sessies, dash_app):
    _pagina(sessies["assen"])  # a viewer seen on this version is warmed on the next
    versie = data._bestandsversie(data.warehouse_pad())
    gebouwd = rendercache.warm(dash_app.server, versie)
    # the region: 5 default pages + Datakwaliteit; Assen: 5 + its gemeente page
    assert gebouwd == 12
    assert rendercache.warm(dash_app.server, versie) == 0  # claimed: the other worker does nothing
    voor = _rijen(gedeeld)
    assert voor == 12
    eerst = _pagina(sessies["assen"], "/gemeente/GM0106")
    _pagina(sessies["regio"], "/financien")
    assert _rijen(gedeeld) == voor  # both were already there
    assert eerst == _zonder_cache(sessies["assen"], "/gemeente/GM0106")  # warmed as Dash answers


def test_a_page_with_a_failed_visual_is_not_kept(gedeeld, sessies, monkeypatch):
    from dashboard.components import pagina
    echt = pagina.render

    def kapot(v):
        if v.id == "overzicht-trend":
            raise RuntimeError("kapot")
        return echt(v)
    monkeypatch.setattr(pagina, "render", kapot)
    assert "kan nu niet worden getoond" in json.dumps(_pagina(sessies["regio"]))
    assert _rijen(gedeeld) == 0


def test_refusals_and_pages_outside_pagina_are_not_kept(gedeeld, sessies):
    _pagina(sessies["assen"], "/gemeente/GM1730")  # not in scope: refused
    _pagina(sessies["assen"], "/datakwaliteit")     # not for this role
    _pagina(sessies["regio"], "/verantwoording")    # reads the state store
    _pagina(sessies["regio"], "/bestaat-niet")
    assert _rijen(gedeeld) == 0
