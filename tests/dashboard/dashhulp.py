"""Helpers for the dashboard and access tests."""
from __future__ import annotations

import contextlib
import functools
import tempfile
from pathlib import Path

from flask import g

from kern.rollen import BEHEER, GEMEENTE, REGIO, User

REGIO_GEBRUIKER = User("regio-test", frozenset({REGIO}))
ASSEN = User("assen-test", frozenset({GEMEENTE}), frozenset({"GM0106"}))
BEHEER_GEBRUIKER = User("beheer-test", frozenset({BEHEER}))


@functools.cache
def echte_app():
    """The real app (create_app), once per test process: Dash moves the callbacks registered with
    dash.callback into the first app that starts, so a second app would have none. Its state
    store is a temporary file."""
    from dashboard.app import create_app, warm_up
    from staat.store import StateStore
    app = create_app(auth_store=StateStore(Path(tempfile.mkdtemp(prefix="bwmo-state-")) / "state.sqlite"))
    warm_up(app.server)  # Dash's setup now, before any other test app could take the callbacks
    return app


@contextlib.contextmanager
def als(user: User | None, pad: str = "/"):
    """Run view code as if `user` were logged in on a request for `pad` (the guard's job)."""
    with echte_app().server.test_request_context(pad):
        g.bwmo_user = user
        yield


def ctx_voor(search: str = "", gemeente: str | None = None):
    """The view context for a query string, as a request would build it."""
    from dashboard.request_context import maak_context
    return maak_context(search, gemeente)
