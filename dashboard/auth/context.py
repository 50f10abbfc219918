"""The per-app auth context and the functions the rest of the app calls during a request."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app, g, has_app_context, has_request_context, request

from kern.rollen import User, allowed_gemeenten
from staat.store import StateStore

from .settings import Settings
from .sso import GroupRule, peer_address

EXTENSION = "bwmo_auth"


@dataclass
class AuthContext:
    settings: Settings
    store: StateStore
    region_codes: Callable[[], Iterable[str]]
    dash_app: object | None = None
    group_rules: tuple[GroupRule, ...] = ()


def get_context() -> AuthContext | None:
    if not has_app_context():
        return None
    return current_app.extensions.get(EXTENSION)


def current_user() -> User | None:
    """The logged-in user of this request (set by the guard), or None."""
    if not has_request_context():
        return None
    return g.get("bwmo_user")


def session_scope(region_codes: Iterable[str] | None = None) -> frozenset[str]:
    """The gemeente codes this request's user may see: `allowed_gemeenten` of the session
    user, against `region_codes` or, when omitted, the installed provider. Empty when nobody
    is logged in. Every data read, download and report intersects what it is asked for with
    this set; a value sent by the browser never widens it."""
    ctx = get_context()
    if region_codes is None:
        if ctx is None:
            return frozenset()
        region_codes = ctx.region_codes()
    return allowed_gemeenten(current_user(), region_codes)


def client_ip() -> str | None:
    return request.remote_addr if has_request_context() else None


def audit(action: str, what: dict | None = None) -> None:
    """Record `action` (a short Dutch verb phrase, e.g. "export", "rapport", "versie_vastgelegd")
    by the current user, with details in `what` (JSON-serialisable; never client-level data)."""
    ctx = get_context()
    if ctx is None:
        raise RuntimeError("audit() buiten een app met dashboard.auth.install().")
    user = current_user()
    who = user.username if user else "(anoniem)"
    ctx.store.audit(who, action, what or {}, client_ip())


def app_auditor() -> Callable[[str, dict], None] | None:
    """`audit` when running inside an app with dashboard.auth installed, else None: the auditor
    the web app hands to reports.build_report (the command line passes its own)."""
    return audit if get_context() is not None else None


def proxy_peer() -> str | None:
    return peer_address(request.environ)
