"""`install(server, region_codes_provider)`: login, logout, the guard, headers and error
pages on the Flask server behind Dash."""
from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
)
from flask.sessions import SecureCookieSessionInterface

from staat.store import StateStore

from .context import EXTENSION, AuthContext, audit, client_ip, current_user, get_context
from .guard import csrf_token, end_session, guard, start_session
from .headers import add_security_headers, handle_error
from .login import LOCKED, OK, authenticate
from .settings import Settings, check_secret
from .sso import load_group_rules
from .validate import check_callback, limit_body

log = logging.getLogger(__name__)

bp = Blueprint("bwmo_auth", __name__, template_folder="templates",
               static_folder="static", static_url_path="/login-static")

WRONG_MESSAGE = "Onbekende gebruikersnaam of onjuist wachtwoord."
LOCKED_MESSAGE = ("Te veel mislukte pogingen. Inloggen is tijdelijk geblokkeerd; "
                  "probeer het over {minuten} minuten opnieuw.")


class _SessionInterface(SecureCookieSessionInterface):
    """Secure cookie in production, and also whenever the request itself came over https."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)

    def get_signing_serializer(self, app: Flask):
        """One serializer per secret (Flask builds a new one for every request; it keeps no
        per-request state). A changed secret or fallback list gets a new one."""
        geheimen = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        bewaard = getattr(self, "_serializer", None)
        if bewaard is None or bewaard[0] != geheimen:
            bewaard = self._serializer = (geheimen, super().get_signing_serializer(app))
        return bewaard[1]


def safe_next(target: str | None) -> str:
    """Only a path on this site: "/x?y". Anything with a scheme or host ("//evil",
    "https://evil", "/\\evil") would make the login page an open redirect."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target


def _page(status: int = 200, melding: str = "", gebruikersnaam: str = "", next_: str = "/"):
    ctx = get_context()
    html = render_template(
        "bwmo_auth/login.html", csrf=csrf_token(), next=safe_next(next_), melding=melding,
        gebruikersnaam=gebruikersnaam, sso=ctx.settings.sso, idle_minutes=ctx.settings.idle_minutes,
    )
    return html, status


@bp.get("/login")
def login():
    if current_user() is not None and not get_context().settings.sso:
        return redirect(safe_next(request.args.get("next")))
    return _page(next_=request.args.get("next", "/"))


@bp.post("/login")
def login_post():
    ctx = get_context()
    if ctx.settings.sso:
        return _page(403)
    form = request.form
    name, next_ = form.get("gebruikersnaam", "")[:64], form.get("next", "/")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(expected, form.get("csrf", "")):
        return _page(400, "Het formulier was verlopen. Probeer het nog eens.", name, next_)
    result = authenticate(ctx.store, ctx.settings, name, form.get("wachtwoord", ""), client_ip())
    if result.status == OK:
        start_session(ctx, result.user)
        return redirect(safe_next(next_))
    if result.status == LOCKED:
        minutes = max(1, -(-result.retry_after_s // 60))
        html, status = _page(429, LOCKED_MESSAGE.format(minuten=minutes), name, next_)
        return html, status, {"Retry-After": str(result.retry_after_s)}
    return _page(401, WRONG_MESSAGE, name, next_)


@bp.post("/sessie/verleng")
def sessie_verleng():
    """'Blijf ingelogd' in the warning before the idle session ends (assets/sessie.js). The
    guard has already refused an expired session (401); this marks the session as used now,
    whatever TOUCH_EVERY_S would have done."""
    ctx = get_context()
    token = session.get("sid")
    if token and not ctx.settings.sso:
        ctx.store.touch_session(token)
    return jsonify({"minuten": ctx.settings.idle_minutes})


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    # GET is allowed so a plain link in the Dash layout works; a forged logout only costs a login.
    ctx = get_context()
    if current_user() is not None:
        audit("uitloggen", {})
    end_session(ctx)
    if ctx.settings.sso:
        return redirect(ctx.settings.sso_logout_url)
    return redirect("/login")


def _health():
    return jsonify({"status": "ok"})


def install(server: Flask, region_codes_provider: Callable[[], Iterable[str]], *,
            dash_app=None, store: StateStore | None = None,
            settings: Settings | None = None) -> AuthContext:
    """Protect `server` (the Flask app behind Dash). Call it after creating the Dash app and
    pass `dash_app` so the CSP can allow Dash's inline scripts by hash. Raises RuntimeError in
    production mode without a proper BWMO_SECRET_KEY."""
    settings = settings or Settings.from_env()
    check_secret(settings)
    store = store or StateStore()
    if settings.secret_key:
        server.secret_key = settings.secret_key
    else:
        log.warning("BWMO_SECRET_KEY ontbreekt; ontwikkelmodus gebruikt een gegenereerd geheim uit %s", store.path)
        server.secret_key = store.generated_secret()
    server.config.update(
        SESSION_COOKIE_NAME="bwmo_sessie",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.production,
        MAX_CONTENT_LENGTH=settings.max_request_kb * 1024,  # 413 above it, also for chunked bodies
    )
    server.session_interface = _SessionInterface()
    ctx = AuthContext(settings, store, region_codes_provider, dash_app,
                      load_group_rules(settings.sso_groups_file) if settings.sso else ())
    if settings.sso and not settings.sso_proxies:
        log.warning("BWMO_SSO=1 zonder BWMO_SSO_PROXIES: elk verzoek wordt geweigerd.")
    server.extensions[EXTENSION] = ctx
    server.register_blueprint(bp)
    if not any(rule.rule == "/health" for rule in server.url_map.iter_rules()):
        server.add_url_rule("/health", "bwmo_health", _health)
    # First in line: Dash adds before_request hooks of its own, and none may run for a stranger.
    server.before_request_funcs.setdefault(None, []).insert(0, guard)
    server.before_request_funcs[None].insert(0, limit_body)  # before the guard even looks up a session
    # Last in line: after the guard and Dash's own setup (which fills the callback map).
    server.before_request(check_callback)
    server.after_request(add_security_headers)
    server.register_error_handler(Exception, handle_error)
    if settings.production:
        server.before_request_funcs[None].insert(0, _keep_error_handler)
    return ctx


def _keep_error_handler():
    """Dash's debug mode registers an error handler that returns tracebacks; in production
    put ours back, whatever was started with debug=True."""
    handlers = current_app.error_handler_spec[None][None]
    if handlers.get(Exception) is not handle_error:
        handlers[Exception] = handle_error
