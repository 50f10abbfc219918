"""Operations: the health endpoint for a load balancer, and structured (JSON) log lines.

GET /health needs no login (dashboard/auth/guard.py exempts it) and reads the published
warehouse through kern/data.py, with the same per-thread connection that serves the pages:
- 200 {"status": "ok"} when it can be read; with "warehouse_versie", "peildatum" and
  "geladen_op" only for a logged-in session or a local check (below);
- 503 {"status": "fout", "melding": <Dutch>} when it is missing or unreadable. Never a stack
  trace: the detail goes to the server log.

A local check is a request whose TCP peer is loopback (127.0.0.1, ::1) and that carries no
forwarding header (X-Forwarded-For, Forwarded, X-Real-IP), and only with
BWMO_HEALTH_DETAILS_LOKAAL=1: behind a reverse proxy on the same host every request comes from
loopback, so the forwarding header the proxy adds is what tells them apart.

Register it with `install_health(server)` before `dashboard.auth.install`, which adds a bare
fallback /health only when none exists.

`JsonFormatter` writes one JSON object per log line (time, level, logger, message and, where this
process knows it, the published warehouse_versie); gunicorn.conf.py uses it for the error and the
access log. This module imports kern.data lazily so that gunicorn's master process, which
formats its own log lines too, never loads DuckDB.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

ONLEESBAAR = ("Het datawarehouse kan op dit moment niet worden gelezen. Probeer het over een minuut "
              "opnieuw; blijft dit zo, meld het dan bij de beheerder.")

# file identity (dev, inode, mtime, size) of a published warehouse -> its marts.warehouse_info.versie
_bekend: dict[tuple, str] = {}
_bekend_lock = threading.Lock()


def _bestand() -> tuple | None:
    """The identity of the published warehouse file, or None (missing, or data.py not loaded)."""
    data = sys.modules.get("kern.data")
    if data is None:
        return None
    try:
        st = os.stat(data.warehouse_pad())
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _onthoud(voor: tuple | None, na: tuple | None, versie: str) -> None:
    """Remember the version only when the file did not change while it was read."""
    if voor is not None and voor == na:
        with _bekend_lock:
            if len(_bekend) > 64:
                _bekend.clear()
            _bekend[voor] = str(versie)


def bekende_versie() -> str | None:
    """The warehouse version this process last read for the file that is published now; never a
    stale one (a publish changes the file's identity). No I/O beyond one stat."""
    sleutel = _bestand()
    if sleutel is None:
        return None
    with _bekend_lock:
        return _bekend.get(sleutel) or None


def _iso(waarde) -> str | None:
    if waarde is None:
        return None
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    return str(waarde)


def gezondheid() -> tuple[dict, int]:
    """(body, status) for /health."""
    from kern import data
    try:
        voor = _bestand()
        info = data.warehouse_info()
        _onthoud(voor, _bestand(), info["versie"])
    except data.WarehouseFout as fout:
        return {"status": "fout", "melding": str(fout)}, 503
    except Exception:  # whatever it is, the load balancer gets a clean answer and the log the detail
        log.exception("health: warehouse onleesbaar")
        return {"status": "fout", "melding": ONLEESBAAR}, 503
    return {"status": "ok", "warehouse_versie": str(info["versie"]), "peildatum": _iso(info["peildatum"]),
            "geladen_op": _iso(info["geladen_op"])}, 200


LOKAAL_ENV = "BWMO_HEALTH_DETAILS_LOKAAL"
DOORSTUUR_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def _lokaal(request) -> bool:
    """A check on the server itself (see the module docstring), never one through a proxy."""
    if os.environ.get(LOKAAL_ENV, "").strip().lower() not in {"1", "true", "ja", "yes", "on"}:
        return False
    if any(h in request.headers for h in DOORSTUUR_HEADERS):
        return False
    import ipaddress

    from dashboard.auth.sso import peer_address
    try:  # the TCP peer's address, also under werkzeug's ProxyFix
        return ipaddress.ip_address(peer_address(request.environ) or "").is_loopback
    except ValueError:
        return False


def details_toegestaan(request) -> bool:
    """May this /health caller see the warehouse version and dates?"""
    from dashboard.auth.context import current_user
    return current_user() is not None or _lokaal(request)


def _health_view():
    from flask import jsonify, request
    body, status = gezondheid()
    if status == 200 and not details_toegestaan(request):
        body = {"status": "ok"}  # a stranger learns only that the app can read its data
    response = jsonify(body)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _noteer_versie():
    """before_request: learn the published version once per new warehouse file (one stat per
    request otherwise), so log lines can name it. Never fails a request."""
    try:
        sleutel = _bestand()
        if sleutel is None or sleutel in _bekend:
            return
        from kern import data
        info = data.warehouse_info()
        _onthoud(sleutel, _bestand(), info["versie"])
    except Exception:  # noqa: BLE001  (an unreadable warehouse is the page's business, not the log's)
        _onthoud(sleutel, sleutel, "")  # do not retry on every request; "" counts as unknown
    return


def install_health(server) -> None:
    """Add GET /health to the Flask server. Call before dashboard.auth.install."""
    if any(rule.rule == "/health" for rule in server.url_map.iter_rules()):
        return
    server.add_url_rule("/health", "health", _health_view, methods=["GET", "HEAD"])
    server.before_request(_noteer_versie)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, warehouse_versie (when known),
    plus the request fields for gunicorn's access log and the traceback (as a field) for errors."""

    def format(self, record: logging.LogRecord) -> str:
        uit = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).astimezone()
            .isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        atoms = record.args if isinstance(record.args, dict) else None
        if record.name == "gunicorn.access" and atoms is not None:
            try:
                uit["message"] = record.getMessage()
            except Exception:  # noqa: BLE001
                uit["message"] = str(record.msg)
            uit.update({
                "method": atoms.get("m"), "path": atoms.get("U"), "status": _int(atoms.get("s")),
                "duur_ms": round((atoms.get("D") or 0) / 1000, 1), "bytes": atoms.get("B"),
                "remote": atoms.get("h"),
            })
        else:
            uit["message"] = record.getMessage()
        uit["process"] = record.process
        try:
            versie = bekende_versie()
        except Exception:  # noqa: BLE001
            versie = None
        if versie:
            uit["warehouse_versie"] = versie
        if record.exc_info:
            uit["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            uit["exc"] = record.exc_text
        return json.dumps(uit, ensure_ascii=False, default=str)


def _int(waarde):
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return waarde
