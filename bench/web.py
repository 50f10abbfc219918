"""Serving the real app for measurements and the operations tests: gunicorn with the project's
gunicorn.conf.py on a free loopback port, a user in a throw-away state store, a logged-in
session, and the bodies of Dash callback requests."""
from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PAGINA_CALLBACK = ".._pages_content.children..._pages_store.data.."


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def maak_gebruiker(state: Path, naam: str, wachtwoord: str, rollen=("regio",), gemeenten=()) -> None:
    """A user in the state store at `state` (created when missing)."""
    from dashboard.auth import hash_password
    from staat.store import StateStore
    store = StateStore(state)
    if store.get_user(naam) is None:
        store.add_user(naam, hash_password(wachtwoord), set(rollen), set(gemeenten))


def pagina_body(pad: str, search: str = "") -> dict:
    """The request Dash Pages' router sends when the browser opens `pad` + `search`."""
    return {
        "output": PAGINA_CALLBACK,
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pad},
                   {"id": "_pages_location", "property": "search", "value": search}],
        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
        "state": [],
    }


def inloggen(base_url: str, naam: str, wachtwoord: str, session: requests.Session | None = None):
    """A requests.Session logged in through /login (plain form with a CSRF token). When the app
    has no login page (auth not installed), the plain session is returned as it is."""
    s = session or requests.Session()
    r = s.get(base_url + "/login", timeout=30)
    if r.status_code == 404:
        return s
    m = re.search(r'name="csrf" value="([^"]+)"', r.text)
    if not m:
        raise RuntimeError(f"geen CSRF-token op /login (status {r.status_code})")
    r = s.post(base_url + "/login", data={"gebruikersnaam": naam, "wachtwoord": wachtwoord,
                                           "csrf": m.group(1), "next": "/"}, timeout=30)
    if r.status_code != 200 or "/login" in r.url:
        melding = re.search(r"class=\"melding[^>]*>([^<]*)", r.text)
        raise RuntimeError(f"inloggen als {naam} mislukt (status {r.status_code}): {melding.group(1) if melding else r.text[:300]}")
    return s


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def stop_proces(proc: subprocess.Popen, wacht_s: float = 30) -> None:
    """Stop a server this bench started (only that process; gunicorn stops its own workers)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=wacht_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Gunicorn:
    """`python -m gunicorn app:server --config gunicorn.conf.py` on 127.0.0.1:<free port>."""

    def __init__(self, warehouse: Path, state: Path, logmap: Path, *, workers: int | None = None,
                 threads: int | None = None, env: dict | None = None, wacht_s: float = 60):
        self.poort = vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        logmap.mkdir(parents=True, exist_ok=True)
        self.stdout_pad, self.stderr_pad = logmap / "gunicorn.out", logmap / "gunicorn.err"
        omgeving = {**os.environ, "BWMO_WAREHOUSE": str(warehouse), "BWMO_STATE": str(state),
                    "BWMO_SECRET_KEY": os.environ.get("BWMO_SECRET_KEY") or secrets.token_urlsafe(48),
                    "PYTHONPATH": str(ROOT)}
        omgeving.pop("BIND", None)
        if workers:
            omgeving["WEB_CONCURRENCY"] = str(workers)
        if threads:
            omgeving["GUNICORN_THREADS"] = str(threads)
        omgeving.update(env or {})
        self._out, self._err = open(self.stdout_pad, "wb"), open(self.stderr_pad, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{self.poort}"],
            cwd=ROOT, env=omgeving, stdout=self._out, stderr=self._err)
        try:
            self._wacht(wacht_s)
        except Exception:
            self.stop()
            raise

    def _wacht(self, seconden: float) -> None:
        # 503 is an answer too: /health says so while no warehouse is published
        wacht_op_health(self.proc, self.url, seconden, f"gunicorn (zie {self.stderr_pad})",
                        lambda r: r.status_code in (200, 503) and len(self.worker_pids()) >= 1, 0.25)

    def worker_pids(self) -> list[int]:
        import psutil
        try:
            return [c.pid for c in psutil.Process(self.proc.pid).children()]
        except psutil.Error:
            return []

    def stop(self) -> None:
        stop_proces(self.proc)
        self._out.close()
        self._err.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def wacht_op_health(proc, url: str, seconden: float, wat: str, klaar, pauze: float) -> None:
    """Poll `url`/health until `klaar(response)`; raise when the process ends first or time runs out.
    Our gunicorn and Superset's are started and waited for the same way."""
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if proc.poll() is not None:
            raise RuntimeError(f"{wat} stopte met code {proc.returncode}")
        try:
            if klaar(requests.get(url + "/health", timeout=5)):
                return
        except requests.RequestException:
            pass
        time.sleep(pauze)
    raise RuntimeError(f"{wat} antwoordde niet binnen {seconden:.0f} s op /health")
