"""Create the Dash app (Dash Pages). No warehouse connection is opened here: data.py opens one
lazily per worker thread, after gunicorn has forked."""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

import dash

from dashboard import layout

HIER = Path(__file__).resolve().parent


def create_app(auth_store=None) -> dash.Dash:
    """The app behind the login. `auth_store`: a StateStore (tests); default $BWMO_STATE."""
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder="",  # pages are imported explicitly below, in a fixed order
        assets_folder=str(HIER / "assets"),
        title="BW/MO-monitor",
        update_title=None,
        suppress_callback_exceptions=True,  # page components appear after the first render
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    from dashboard import pages
    for naam in pages.PAGINAS:
        importlib.import_module(f"dashboard.pages.{naam}")
    importlib.import_module("dashboard.callbacks")
    importlib.import_module("dashboard.health").install_health(app.server)  # /health, before auth.install
    app.layout = layout.shell
    from dashboard import access, auth
    auth.install(app.server, access.regio_codes, dash_app=app, store=auth_store)  # login, guard, headers; see docs/security.md
    from dashboard import levering
    levering.gebruik_partiele_plotly()  # only the trace types the monitor draws (dashboard/levering.py)
    levering.laat_ongebruikte_scripts_weg()  # no dash_table bundle, no core-js polyfill
    levering.laad_chunks_vooraf()  # the dropdown and graph chunks with the bundles, not after the page
    levering.install(app.server)  # compression and cache headers on every response
    from dashboard import rendercache
    rendercache.install(app.server)  # page answers from the shared cache: after the guard and body checks
    app.index_string = (app.index_string.replace("<html>", '<html lang="nl">')
                        .replace("{%app_entry%}", layout.VOORKOP + "{%app_entry%}"))  # painted before Dash runs
    logging.getLogger("dashboard").setLevel(logging.INFO)
    return app


def warm_up(server) -> None:
    """Run Dash's one-time setup inside the worker before it takes traffic.

    Dash sets itself up lazily on the first request (registering its JavaScript bundles). With
    several threads per worker, concurrent first requests can see a half-finished setup and
    answer 500 for the bundles; one request up front avoids that race. The warehouse connection
    it opened in this (non-serving) thread is closed again: serving threads open their own."""
    from dashboard.auth.context import EXTENSION
    from kern import data
    try:  # a request without a session stops at the login guard, before Dash's own setup
        with server.test_request_context("/"):
            server.extensions[EXTENSION].dash_app._setup_server()
    except Exception:  # never keep a worker from starting; the first real request retries
        logging.getLogger(__name__).exception("opwarmen mislukt")
    finally:
        data.sluit()
