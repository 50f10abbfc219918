"""Security headers on every response and error pages that give nothing away.

The Content-Security-Policy is the strictest Dash 4 works with: scripts only from this
origin plus the sha256 hashes of Dash's own inline scripts (the renderer bootstrap and any
clientside callbacks, from `Dash.csp_hashes()`), no 'unsafe-inline' and no 'unsafe-eval' for
scripts (the `new Function` uses in the Dash and Plotly bundles are guarded fallbacks that
are not reached in a current browser; checked in tests/auth/test_browser_csp.py). Styles
need 'unsafe-inline' because Plotly injects <style> elements and React sets style attributes.
"""
from __future__ import annotations

import logging

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from .context import get_context

log = logging.getLogger(__name__)

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/login-static/")

MESSAGES = {
    400: ("Ongeldig verzoek", "Het verzoek kon niet worden verwerkt."),
    401: ("Niet ingelogd", "Log eerst in."),
    403: ("Geen toegang", "U hebt geen toegang tot deze pagina."),
    404: ("Niet gevonden", "Deze pagina bestaat niet."),
    405: ("Niet toegestaan", "Deze handeling is hier niet toegestaan."),
    413: ("Te groot", "Het verzoek is te groot."),
    429: ("Te veel pogingen", "Probeer het later opnieuw."),
}
GENERIC = ("Er ging iets mis", (
    "Er ging iets mis bij het verwerken van uw verzoek. "
    "Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder."
))


def content_security_policy(script_hashes=()) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],  # Plotly's "download as png" uses data: URLs
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_security_headers(response):
    ctx = get_context()
    hashes = ()
    if ctx is not None and ctx.dash_app is not None:
        # Per response, not once: Dash adds inline scripts (e.g. the pages title callback)
        # on its first request, after install() ran. Hashing a few short strings is cheap.
        hashes = tuple(ctx.dash_app.csp_hashes())
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(hashes)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "same-origin"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if ctx is not None and ctx.settings.production:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    if not request.path.startswith(STATIC_PREFIXES):
        # Figures of a municipality must not linger in a shared browser's or proxy's cache.
        headers["Cache-Control"] = "no-store"
    return response


def _wants_json() -> bool:
    return request.path.startswith("/_") or not request.accept_mimetypes.accept_html


def handle_error(error):
    """Generic Dutch message; the detail (stack trace, SQL) goes to the server log only."""
    if isinstance(error, HTTPException):
        if error.code is not None and error.code < 400:
            return error  # routing redirects (e.g. a missing trailing slash) are not errors
        code = error.code or 500
        title, message = MESSAGES.get(code, GENERIC)
    else:
        log.exception("Onverwachte fout bij %s %s", request.method, request.path)
        code, (title, message) = 500, GENERIC
    if _wants_json():
        response = jsonify({"fout": message})
        response.status_code = code
        return response
    return render_template("bwmo_auth/fout.html", titel=title, melding=message), code
