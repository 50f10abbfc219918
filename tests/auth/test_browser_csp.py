"""In a real browser: the login form works and Dash (renderer, a callback, a Plotly graph,
a clientside callback) runs under our Content-Security-Policy without a single violation.
This is what justifies leaving 'unsafe-eval' and 'unsafe-inline' out of script-src."""
import shutil
import threading

import dash
import plotly.graph_objects as go
import pytest
from dash import Input, Output, dcc, html
from werkzeug.serving import make_server

from dashboard.auth.web import install

from .conftest import REGION, add_user, make_settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")


def _app(store):
    app = dash.Dash(__name__)
    app.layout = html.Div([
        dcc.Input(id="in", value="a"), html.Div(id="out"), html.Div(id="client-out"),
        dcc.Graph(id="grafiek", figure=go.Figure(go.Bar(x=["Assen", "Meppel"], y=[12, 7]))),
    ])

    @app.callback(Output("out", "children"), Input("in", "value"))
    def echo(value):
        return f"echo:{value}"

    app.clientside_callback("function(v) { return 'client:' + v; }",
                            Output("client-out", "children"), Input("in", "value"))
    install(app.server, lambda: REGION, dash_app=app, store=store, settings=make_settings())
    return app


@pytest.fixture
def served(store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    server = make_server("127.0.0.1", 0, _app(store).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_dash_runs_under_the_csp(served):
    violations = []
    with playwright.sync_playwright() as p:
        # the same flags as tests/e2e: without them Chromium keeps trying to reach the network
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(served + "/")
        assert page.url.startswith(served + "/login")
        page.fill("#gebruikersnaam", "assen")
        page.fill("#wachtwoord", "assen-wachtwoord")
        page.click("button[type=submit]")
        page.wait_for_selector("#out:has-text('echo:a')", timeout=20_000)
        page.wait_for_selector("#client-out:has-text('client:a')", timeout=10_000)
        page.wait_for_selector("#grafiek .main-svg", timeout=20_000)
        page.fill("#in", "xyz")
        page.wait_for_selector("#out:has-text('echo:xyz')", timeout=10_000)
        browser.close()
    assert violations == []
