"""Who is asking: the before_request guard, server-side sessions and single sign-on."""
from __future__ import annotations

import logging
import secrets

from flask import g, jsonify, redirect, request, session, url_for

from kern.rollen import User, user_of
from staat import clock

from .context import AuthContext, client_ip, get_context, proxy_peer
from .sso import is_trusted, user_from_headers

log = logging.getLogger(__name__)

PUBLIC_PATHS = frozenset({"/login", "/health"})
PUBLIC_PREFIXES = ("/login-static/",)
# Under the prefix only what the login page's static route itself serves is public. Any other
# path there ("/login-static/", "/login-static//x") falls through to Dash's catch-all page
# route, which would hand a stranger the app shell.
PUBLIC_STATIC_ENDPOINT = "bwmo_auth.static"
TOUCH_EVERY_S = 30  # write laatst_gezien at most this often: one write per request is waste


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def start_session(ctx: AuthContext, user: User) -> None:
    """A fresh cookie on login (no session fixation) pointing to a server-side session row,
    so logout, password resets and expiry take effect on the server, not just in the browser."""
    session.clear()
    session["sid"] = ctx.store.create_session(user.username, client_ip())
    session["csrf"] = secrets.token_urlsafe(32)
    ctx.store.delete_stale_sessions(
        idle_before=clock.now() - ctx.settings.idle_minutes * 60,
        created_before=clock.now() - ctx.settings.max_hours * 3600,
    )


def end_session(ctx: AuthContext) -> None:
    token = session.get("sid")
    if token:
        ctx.store.delete_session(token)
    session.clear()


def _password_user(ctx: AuthContext) -> User | None:
    token = session.get("sid")
    if not token:
        return None
    row = ctx.store.get_session(token)
    now = clock.now()
    record = ctx.store.get_user(row["gebruikersnaam"]) if row else None
    valid = (
        row is not None
        and now - row["laatst_gezien"] <= ctx.settings.idle_minutes * 60
        and now - row["aangemaakt"] <= ctx.settings.max_hours * 3600
        and record is not None
        and not record.disabled
        and record.sessions_valid_from <= row["aangemaakt"]
    )
    if not valid:
        if row is not None:
            ctx.store.delete_session(token)
        session.pop("sid", None)
        return None
    if now - row["laatst_gezien"] >= TOUCH_EVERY_S:
        ctx.store.touch_session(token)
    return user_of(record)


def _sso_user(ctx: AuthContext) -> User | None:
    s = ctx.settings
    name = request.headers.get(s.sso_user_header)
    if not name:
        return None
    peer = proxy_peer()
    if not is_trusted(peer, s.sso_proxies):
        log.warning("SSO-header van niet-vertrouwd adres %s genegeerd", peer)
        return None
    user = user_from_headers(name, request.headers.get(s.sso_groups_header), ctx.group_rules)
    if user is not None and session.get("sso_user") != user.username:
        # First request of this browser session: the proxy's login, recorded once.
        session["sso_user"] = user.username
        ctx.store.audit(user.username, "inloggen_sso",
                        {"rollen": sorted(user.roles), "gemeenten": sorted(user.gemeenten)}, client_ip())
    return user


def _refuse():
    """HTML page requests go to the login page; everything else (Dash's JSON endpoints,
    downloads) gets a bare 401, so a script learns nothing but "not logged in"."""
    ctx = get_context()
    wants_page = (
        request.method in ("GET", "HEAD")
        and not request.path.startswith("/_")
        and request.accept_mimetypes.accept_html
        and not ctx.settings.sso
    )
    if wants_page:
        target = request.path + (f"?{request.query_string.decode('latin-1')}" if request.query_string else "")
        return redirect(url_for("bwmo_auth.login", next=target))
    response = jsonify({"fout": "Niet ingelogd."})
    response.status_code = 401
    return response


def guard():
    ctx = get_context()
    user = _sso_user(ctx) if ctx.settings.sso else _password_user(ctx)
    g.bwmo_user = user
    if request.path in PUBLIC_PATHS:
        return None
    if request.path.startswith(PUBLIC_PREFIXES) and request.endpoint == PUBLIC_STATIC_ENDPOINT:
        return None
    if user is None:
        return _refuse()
    return None
