"""Fixtures for the auth tests: a fresh state store, a movable clock, and a minimal Dash app
(one layout, one callback, one download route) behind `install`."""
from __future__ import annotations

import re

import dash
import pytest
from dash import Input, Output, dcc, html
from flask import send_file

from dashboard.auth import clock, passwords
from dashboard.auth.settings import Settings
from dashboard.auth.store import StateStore
from dashboard.auth.web import install

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
