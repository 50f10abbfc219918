"""Fixtures for the auth tests: a fresh state store, a movable clock, and a minimal Dash app
(one layout, one callback, one download route) behind `install`."""
from __future__ import annotations

import re

import dash
import pytest
from dash import Input, Output, dcc, html
from flask import send_file

from dashboard.auth import passwords
from dashboard.auth.settings import Settings
from dashboard.auth.web import install
from staat import clock
from staat.store import StateStore

REGION = frozenset({"GM0106", "GM1680", "GM0119"})
SECRET = "test-secret-" + "x" * 40


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    # Production strength (n=2**15) costs ~0.1 s per hash; tests that are not about the
    # parameters use a cheaper n. test_passwords checks the real defaults.
    monkeypatch.setattr(passwords, "N", 2**10)


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0):
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def fake_clock(monkeypatch):
    c = FakeClock()
    monkeypatch.setattr(clock, "now", c)
    return c


@pytest.fixture
def store(tmp_path):
    return StateStore(tmp_path / "state.sqlite")


def make_settings(**overrides) -> Settings:
    return Settings(**{"secret_key": SECRET, **overrides})


def make_app(store: StateStore, settings: Settings | None = None, tmp_path=None):
    app = dash.Dash(__name__)
    app.layout = html.Div([dcc.Input(id="in", value="a"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("in", "value"))
    def echo(value):
        return f"echo:{value}"

    server = app.server
    server.config["TESTING"] = True

    @server.route("/download/<naam>")
    def download(naam):
        path = (tmp_path or store.path.parent) / "export.csv"
        path.write_text("gemeente;aantal\nGM0106;12\n", encoding="utf-8")
        return send_file(path, as_attachment=True, download_name=f"{naam}.csv")

    @server.route("/boom")
    def boom():
        raise RuntimeError("select clientnummer from raw.indicaties -- secret detail")

    install(server, lambda: REGION, dash_app=app, store=store, settings=settings or make_settings())
    return app


@pytest.fixture
def app(store, fake_clock):
    return make_app(store)


@pytest.fixture
def client(app):
    return app.server.test_client()


def csrf_of(html_text: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html_text).group(1)


def login(client, username: str, password: str, next_: str = "/", **kwargs):
    page = client.get("/login", **kwargs)
    return client.post(
        "/login",
        data={"gebruikersnaam": username, "wachtwoord": password, "csrf": csrf_of(page.text), "next": next_},
        **kwargs,
    )


def add_user(store: StateStore, name: str, password: str, roles, gemeenten=()):
    store.add_user(name, passwords.hash_password(password), set(roles), set(gemeenten))


CALLBACK_BODY = {
    "output": "out.children",
    "outputs": {"id": "out", "property": "children"},
    "inputs": [{"id": "in", "property": "value", "value": "b"}],
    "changedPropIds": ["in.value"],
    "state": [],
}


# --- the real app (dashboard.app.create_app) on the fixture warehouse with distinctive numbers --

@pytest.fixture(scope="session", autouse=True)
def echte_app_eerst(kenmerkend_warehouse):
    """Dash hands the callbacks registered with dash.callback (dashboard.callbacks, imported while
    collecting tests/dashboard) to the first app that starts: the real app must start before the
    small test apps of this folder do."""
    import os
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
    import dashhulp
    vorig = os.environ.get("BWMO_WAREHOUSE")
    os.environ["BWMO_WAREHOUSE"] = str(kenmerkend_warehouse)
    try:
        dashhulp.echte_app()
    finally:
        if vorig is None:
            os.environ.pop("BWMO_WAREHOUSE")
        else:
            os.environ["BWMO_WAREHOUSE"] = vorig


@pytest.fixture(scope="session")
def kenmerkend_warehouse(tmp_path_factory):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
    import fixture_warehouse
    return fixture_warehouse.build_kenmerkend(tmp_path_factory.mktemp("kenmerkend") / "warehouse.duckdb")


ECHTE_GEBRUIKERS = {  # name: (password, roles, gemeenten)
    "assen": ("assen-wachtwoord-1", {"gemeente"}, {"GM0106"}),
    "regio": ("regio-wachtwoord-1", {"regio"}, set()),
    "beheer": ("beheer-wachtwoord-1", {"beheer"}, set()),
}


@pytest.fixture
def echte_app(kenmerkend_warehouse, monkeypatch):
    """create_app() itself, reading the distinctive fixture warehouse, with test users."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))
    import dashhulp

    from kern import data
    monkeypatch.setenv(data.ENV, str(kenmerkend_warehouse))
    data.leeg_cache()
    app = dashhulp.echte_app()
    store = app.server.extensions["bwmo_auth"].store
    for naam, (wachtwoord, rollen, gemeenten) in ECHTE_GEBRUIKERS.items():
        if store.get_user(naam) is None:
            add_user(store, naam, wachtwoord, rollen, gemeenten)
    yield app
    data.leeg_cache()


@pytest.fixture
def ingelogd(echte_app):
    """ingelogd("assen") -> a test client with that user's session."""
    def maak(naam: str):
        client = echte_app.server.test_client()
        r = login(client, naam, ECHTE_GEBRUIKERS[naam][0])
        assert r.status_code == 302, r.text
        return client
    return maak
