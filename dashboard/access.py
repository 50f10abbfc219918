"""Who may see what during this request: the one place the dashboard asks.

The scope always comes from the server-side session (`dashboard.auth.session_scope()`), never
from a value the browser sent. data.py intersects every request with it; an empty scope (no
session, no role, `beheer` only) sees nothing: deny by default.
"""
from __future__ import annotations

from flask import g, has_request_context

from dashboard import auth
from kern import data
from kern.datalaag import verbinding
from kern.rollen import REGIO, User


def _verzoek():
    """Flask's per-request namespace inside a request, else None: the data layer keeps there the
    warehouse version a request started with, so one response reads one version."""
    return g if has_request_context() else None


verbinding.verzoek = _verzoek  # the web app's part of the data layer (kern/datalaag/verbinding.py)


_regio: dict = {}  # warehouse version -> its region's codes (the last version only)


def regio_codes() -> frozenset[str]:
    """The municipalities of the published region (empty when there is no warehouse yet). Once
    per warehouse version: every request asks (the session's scope), and building the set from
    the cached query result cost about 2 ms."""
    try:
        versie = data._verbinding()[1]  # the version this request reads
        codes = _regio.get(versie)
        if codes is None:
            codes = frozenset(data.regio_gemeenten()["gemeente_code"])
            _regio.clear()
            _regio[versie] = codes
        return codes
    except data.WarehouseFout:
        return frozenset()


def current_user() -> User | None:
    return auth.current_user()


def current_scope() -> frozenset[str]:
    """The gemeente codes the current request may see (empty outside a logged-in request)."""
    return auth.session_scope()


def mag_datakwaliteit(user: User | None) -> bool:
    """The load log and rejected rows: beheer and regio only."""
    return user is not None and (auth.may_manage(user) or REGIO in user.roles)


def mag_auditlog(user: User | None) -> bool:
    return auth.may_manage(user)
