"""Rendered pages, shared by the gunicorn workers: a page is built once per
(warehouse version, viewer, normalised filters) and then served from here.

- **Key.** `sleutel()`: the page (title, visuals, gemeente), the warehouse version this request
  reads (the data layer's pinned file identity, so a request never stores or finds a page of
  another version than the one it reads), the viewer (scope: the gemeente codes from the
  session; roles: what decides exact counts, the data-quality page; the disclosure method:
  drempel, base and a hash of the rounding key, so a changed key never serves pages rounded
  with the old one) and the parsed filters (`flt.parse` normalises the query string). Nothing
  the browser sends widens the scope: it is taken from the session, as everywhere.
- **Shared.** A SQLite file at $BWMO_RENDER_CACHE (WAL; gunicorn.conf.py makes a fresh one per
  server start, so new code never serves pages of old code). Unset (tests, `python app.py`): an
  in-process dict with the same keys.
- **Warmed.** After a publish, one worker (the first to claim the new version) renders the
  default views (no filters) for the regio role and for every viewer seen on the previous
  version, so the first visitor after a load does not pay. Entries of other versions are
  dropped then.
- **Not kept:** pages with a visual that failed, error pages, and pages outside `pagina()`
  (Verantwoording and Auditlog read the state store, which has no version here).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
import zlib
from pathlib import Path

log = logging.getLogger(__name__)

ENV = "BWMO_RENDER_CACHE"
MAX_RIJEN = 2000          # pages kept in the shared file (6 kB each on average at region scale, zlib); oldest go first
MAX_GEHEUGEN = 300        # pages kept in one process when there is no shared file
MAX_KIJKERS = 200         # viewers warmed after a publish (besides the regio role)
POLL_S = 2.0              # how often the warmer looks for a new warehouse file
STANDAARD_PADEN = ("/", "/clienten", "/stromen", "/wlz", "/financien")


# --- the key --------------------------------------------------------------------------------

def kijker(ctx) -> dict:
    """Everything of the viewer a page depends on (views read nothing else of the user)."""
    from kern.rollen import sees_exact_counts
    a = ctx.afscherming
    return {"scope": sorted(ctx.scope), "rollen": sorted(ctx.gebruiker.roles) if ctx.gebruiker else [],
            "exact": sees_exact_counts(ctx.gebruiker),
            "methode": [a.beschermd, a.drempel, a.basis, hashlib.sha256(a.sleutel.encode()).hexdigest()[:16]]}


def sleutel(pagina: tuple, versie, ctx) -> str:
    """The cache key of one page for one viewer, version and filter state."""
    deel = {"pagina": list(pagina), "versie": list(versie), "kijker": kijker(ctx), "filters": repr(ctx.filters)}
    return hashlib.sha256(json.dumps(deel, sort_keys=True, default=str).encode()).hexdigest()


def versie_tekst(versie) -> str:
    return json.dumps(list(versie), default=str)


# --- storage --------------------------------------------------------------------------------

class _Geheugen:
    """One process (no $BWMO_RENDER_CACHE)."""

    def __init__(self) -> None:
        self.rijen: dict[str, tuple[str, bytes]] = {}
        self.kijkers: dict[str, str] = {}
        self.geclaimd: set[str] = set()
        self.slot = threading.Lock()

    def haal(self, k: str) -> bytes | None:
        rij = self.rijen.get(k)
        return rij[1] if rij else None

    def zet(self, k: str, versie: str, waarde: bytes) -> None:
        with self.slot:
            self.rijen[k] = (versie, waarde)
            while len(self.rijen) > MAX_GEHEUGEN:
                self.rijen.pop(next(iter(self.rijen)))

    def kijker_gezien(self, kijker: str) -> None:
        self.kijkers[kijker] = str(time.time())

    def recente_kijkers(self) -> list[str]:
        return sorted(self.kijkers, key=self.kijkers.get, reverse=True)[:MAX_KIJKERS]

    def claim(self, versie: str) -> bool:
        with self.slot:
            if versie in self.geclaimd:
                return False
            self.geclaimd.add(versie)
            return True

    def ruim_op(self, versie: str) -> None:
        with self.slot:
            for k in [k for k, (v, _) in self.rijen.items() if v != versie]:
                del self.rijen[k]


class _Sqlite:
    """A file shared by the workers; one connection per thread and process."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.lokaal = threading.local()
        with self._con() as con:
            con.executescript("""
                create table if not exists pagina (sleutel text primary key, versie text not null,
                                                   waarde blob not null, gezet real not null);
                create index if not exists pagina_versie on pagina (versie);
                create table if not exists kijker (kijker text primary key, gezien real not null);
                create table if not exists opgewarmd (versie text primary key);
            """)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self.lokaal, "con", None)
        if con is None or getattr(self.lokaal, "pid", None) != os.getpid():
            con = sqlite3.connect(self.pad, timeout=5, isolation_level=None, check_same_thread=False)
            con.execute("pragma journal_mode=wal")
            con.execute("pragma synchronous=normal")
            self.lokaal.con, self.lokaal.pid = con, os.getpid()
        return con

    def haal(self, k: str) -> bytes | None:
        rij = self._con().execute("select waarde from pagina where sleutel = ?", (k,)).fetchone()
        return rij[0] if rij else None

    def zet(self, k: str, versie: str, waarde: bytes) -> None:
        con = self._con()
        con.execute("insert or replace into pagina values (?, ?, ?, ?)", (k, versie, waarde, time.time()))
        if hash(k) % 64 == 0:  # now and then, not on every write
            con.execute("delete from pagina where sleutel in (select sleutel from pagina order by gezet desc "
                        "limit -1 offset ?)", (MAX_RIJEN,))

    def kijker_gezien(self, kijker: str) -> None:
        self._con().execute("insert or replace into kijker values (?, ?)", (kijker, time.time()))

    def recente_kijkers(self) -> list[str]:
        return [r[0] for r in self._con().execute(
            "select kijker from kijker order by gezien desc limit ?", (MAX_KIJKERS,))]

    def claim(self, versie: str) -> bool:
        return self._con().execute("insert or ignore into opgewarmd values (?)", (versie,)).rowcount == 1

    def ruim_op(self, versie: str) -> None:
        self._con().execute("delete from pagina where versie != ?", (versie,))


_opslag = None
_opslag_lock = threading.Lock()


def opslag():
    global _opslag
    pad = os.environ.get(ENV)
    with _opslag_lock:
        if _opslag is None or getattr(_opslag, "pad", None) != (Path(pad) if pad else None):
            _opslag = _Sqlite(Path(pad)) if pad else _Geheugen()
            if not pad:
                _opslag.pad = None
        return _opslag


def leeg() -> None:
    """Forget everything (tests)."""
    global _opslag
    with _opslag_lock:
        _opslag = None


# --- use --------------------------------------------------------------------------------------

def haal(k: str):
    """The stored page (a Dash component tree as JSON data) or None."""
    try:
        waarde = opslag().haal(k)
    except sqlite3.Error:
        log.exception("rendercache: lezen mislukt")
        return None
    return None if waarde is None else json.loads(zlib.decompress(waarde))


def bewaar(k: str, versie, ctx, component) -> None:
    from plotly.io.json import to_json_plotly
    try:
        o = opslag()
        o.zet(k, versie_tekst(versie), zlib.compress(to_json_plotly(component).encode(), 1))
        if ctx.gebruiker is not None:
            o.kijker_gezien(json.dumps({"rollen": sorted(ctx.gebruiker.roles),
                                        "gemeenten": sorted(ctx.gebruiker.gemeenten)}))
    except sqlite3.Error:
        log.exception("rendercache: schrijven mislukt")


# --- warming after a publish ------------------------------------------------------------------

def _kijkers() -> list:
    from kern.rollen import REGIO, User
    uit = [User("opwarmen-regio", frozenset({REGIO}))]
    for tekst in opslag().recente_kijkers():
        d = json.loads(tekst)
        u = User("opwarmen", frozenset(d["rollen"]), frozenset(d["gemeenten"]))
        if (u.roles, u.gemeenten) != (uit[0].roles, uit[0].gemeenten):
            uit.append(u)
    return uit


def _paden(user) -> list[str]:
    from kern.rollen import REGIO
    paden = list(STANDAARD_PADEN)
    if REGIO in user.roles:
        paden.append("/datakwaliteit")
    paden += [f"/gemeente/{g}" for g in sorted(user.gemeenten)]
    return paden


def _pagina_layout(pad: str):
    import dash
    for p in dash.page_registry.values():
        if p.get("path") == pad:
            return p["layout"], {}
        sjabloon = p.get("path_template")
        if sjabloon and sjabloon.startswith("/gemeente/") and pad.startswith("/gemeente/"):
            return p["layout"], {"code": pad.rsplit("/", 1)[-1]}
    return None, {}


def warm(server, versie) -> int:
    """Render the default views of every known viewer on warehouse `versie` (file identity);
    returns the number of pages built. Only the worker that claims the version does it."""
    from flask import g

    from kern import data
    o = opslag()
    if not o.claim(versie_tekst(versie)):
        return 0
    o.ruim_op(versie_tekst(versie))
    gebouwd = 0
    begin = time.perf_counter()
    for user in _kijkers():
        for pad in _paden(user):
            layout, args = _pagina_layout(pad)
            if layout is None:
                continue
            with server.test_request_context(pad):
                g.bwmo_user = user
                try:
                    if data._verbinding()[1] != versie:
                        return gebouwd  # published again meanwhile: the next round warms that one
                    layout(**args)
                    gebouwd += 1
                except Exception:  # warming is best effort; the page itself reports
                    log.exception("rendercache: opwarmen van %s mislukt", pad)
    log.info("rendercache: %d pagina's opgewarmd in %.1f s", gebouwd, time.perf_counter() - begin)
    return gebouwd


def start_opwarmer(server) -> threading.Thread | None:
    """In a gunicorn worker: a daemon thread that warms the cache when a new warehouse is
    published (a stat every POLL_S seconds). Only with a shared cache ($BWMO_RENDER_CACHE)."""
    if not os.environ.get(ENV):
        return None

    def lus():
        from kern import data
        gezien = None
        while True:
            try:
                versie = data._bestandsversie(data.warehouse_pad())
                if versie != gezien:
                    try:
                        warm(server, versie)
                    finally:
                        data.sluit()  # hold no cursor on this version until the next publish
                    gezien = versie
            except FileNotFoundError:
                pass
            except Exception:  # never let the warmer die
                log.exception("rendercache: opwarmer")
            time.sleep(POLL_S)

    t = threading.Thread(target=lus, name="rendercache-opwarmer", daemon=True)
    t.start()
    return t
