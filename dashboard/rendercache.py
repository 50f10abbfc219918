"""Rendered pages, shared by the gunicorn workers: a page callback's answer is built once per
(warehouse version, viewer, page and normalised filters) and then served from here as the exact
bytes Dash sent, already compressed.

- **Key.** `sleutel()`: the page (the pathname the browser asks for, and any query parameter that
  is not a filter), the warehouse version this request reads (the data layer's pinned file
  identity, so a request never stores or finds a page of another version than the one it reads),
  the viewer (scope: the gemeente codes from the session; roles: what decides exact counts, the
  data-quality page and the Financiën form; the disclosure method: drempel, base and a hash of
  the rounding key, so a changed key never serves pages rounded with the old one) and the parsed
  filters (`flt.parse` of what the page itself parses, so two spellings of one state are one
  entry). Nothing the browser sends widens the scope: it is taken from the session, as
  everywhere. The key needs no warehouse query and no page code: `voor_verzoek` computes it
  before Dash runs and answers a hit at once.
- **Stored:** Dash's answer (`{"multi": true, "response": {...}}`) brotli- and gzip-compressed,
  so a hit is served without decoding, serialising or compressing anything: the browser gets the
  stored bytes for the encoding it accepts (gzip decompressed for a client that takes neither).
- **Shared.** A SQLite file at $BWMO_RENDER_CACHE (WAL; gunicorn.conf.py makes a fresh one per
  server start, so new code never serves pages of old code). Unset (tests, `python app.py`): an
  in-process dict with the same keys.
- **Warmed.** After a publish, one worker (the first to claim the new version) renders the
  default views (no filters) for the regio role and for every viewer seen on the previous
  version, through Dash's own callback view, so the first visitor after a load does not pay.
  Entries of other versions are dropped then.
- **Kept only** what `pagina()` built completely (it calls `bewaarbaar()`): not a page with a
  visual that failed, not an error or refusal page, not the pages outside `pagina()`
  (Verantwoording and Auditlog read the state store, which has no version here), and only a
  200 JSON answer.

The session guard, the callback body checks and every other before_request hook run before
`voor_verzoek` (it is registered after them), and every after_request hook (security headers,
`no-store`) runs on a hit as on a miss. Page views are not in the audit log, hit or miss.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import brotli
from flask import current_app, g, has_request_context, request

log = logging.getLogger(__name__)

ENV = "BWMO_RENDER_CACHE"
MAX_RIJEN = 2000          # pages kept in the shared file (br + gzip, ~15 kB a page at region scale); oldest go first
MAX_GEHEUGEN = 300        # pages kept in one process when there is no shared file
MAX_KIJKERS = 200         # viewers warmed after a publish (besides the regio role)
MAX_SLEUTELS = 4096       # computed keys remembered per process
POLL_S = 2.0              # how often the warmer looks for a new warehouse file
STANDAARD_PADEN = ("/", "/clienten", "/stromen", "/wlz", "/financien")
PAGINA_CALLBACK = ".._pages_content.children..._pages_store.data.."  # Dash Pages' router callback
# Query parameters that dashboard/filters.py reads; any other one is part of the key as it is
# (Dash hands every parameter to the page layout, and one could change what it shows).
FILTER_PARAMETERS = frozenset({"van", "tot", "subregio", "gemeente", "tussenvorm", "levering", "kg", "km", "korrel"})
BR_KWALITEIT = 5          # as dashboard/levering.py compresses a callback; once per page here
GZIP_NIVEAU = 6
# Per request, in the WSGI environ rather than flask.g: g belongs to the app context, which a
# request shares with an enclosing one (tests), and a mark must never outlive its request.
_BEWAARBAAR = "bwmo.rendercache.bewaarbaar"
_SLEUTEL = "bwmo.rendercache.sleutel"


# --- the key --------------------------------------------------------------------------------

def kijker(user, scope) -> dict:
    """Everything of the viewer a page depends on (pages read nothing else of the user)."""
    from kern.afscherming import Afscherming
    from kern.rollen import sees_exact_counts
    exact = sees_exact_counts(user)
    a = Afscherming.voor(beschermd=not exact)  # as request_context.Context.afscherming
    return {"scope": sorted(scope), "rollen": sorted(user.roles) if user else [], "exact": exact,
            "methode": [a.beschermd, a.drempel, a.basis, hashlib.sha256(a.sleutel.encode()).hexdigest()[:16]]}


def _bereken_sleutel(pad: str, search: str | None, versie, user, scope) -> str:
    from dash._pages import _parse_query_string  # what Dash hands the page layout

    from dashboard import filters as flt
    from dashboard.components.pagina import zoekstring  # what pagina() parses
    query = _parse_query_string(search or "")
    deel = {"pad": pad, "versie": list(versie), "kijker": kijker(user, scope),
            "filters": repr(flt.parse(zoekstring(query))),
            "overig": sorted([k, v] for k, v in query.items() if k not in FILTER_PARAMETERS)}
    return hashlib.sha256(json.dumps(deel, sort_keys=True, default=str).encode()).hexdigest()


_sleutels: dict = {}  # every input of _bereken_sleutel -> the key; parsing and hashing was ~10% of a hit


def sleutel(pad: str, search: str | None, versie, user, scope) -> str:
    """The cache key of the page at `pad` + `search` for one viewer and warehouse version."""
    from kern.afscherming import Afscherming
    from kern.rollen import sees_exact_counts
    exact = sees_exact_counts(user)
    a = Afscherming.voor(beschermd=not exact)  # read per call: a changed setting is a new key at once
    invoer = (pad, search or "", tuple(versie), user.roles if user else None, frozenset(scope), exact,
              a.beschermd, a.drempel, a.basis, a.sleutel)
    k = _sleutels.get(invoer)
    if k is None:
        k = _bereken_sleutel(pad, search, versie, user, scope)
        if len(_sleutels) >= MAX_SLEUTELS:
            _sleutels.clear()
        _sleutels[invoer] = k
    return k


def versie_tekst(versie) -> str:
    return json.dumps(list(versie), default=str)


# --- storage --------------------------------------------------------------------------------

class _Geheugen:
    """One process (no $BWMO_RENDER_CACHE)."""

    def __init__(self) -> None:
        self.rijen: dict[str, tuple[str, bytes, bytes]] = {}
        self.kijkers: dict[str, str] = {}
        self.geclaimd: set[str] = set()
        self.slot = threading.Lock()

    def haal(self, k: str) -> tuple[bytes, bytes] | None:
        rij = self.rijen.get(k)
        return rij[1:] if rij else None

    def zet(self, k: str, versie: str, br: bytes, gz: bytes) -> None:
        with self.slot:
            self.rijen[k] = (versie, br, gz)
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
            for k in [k for k, (v, *_) in self.rijen.items() if v != versie]:
                del self.rijen[k]


class _Sqlite:
    """A file shared by the workers; one connection per thread and process."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.lokaal = threading.local()
        with self._con() as con:
            con.executescript("""
                create table if not exists pagina (sleutel text primary key, versie text not null,
                                                   br blob not null, gz blob not null, gezet real not null);
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

    def haal(self, k: str) -> tuple[bytes, bytes] | None:
        return self._con().execute("select br, gz from pagina where sleutel = ?", (k,)).fetchone()

    def zet(self, k: str, versie: str, br: bytes, gz: bytes) -> None:
        con = self._con()
        con.execute("insert or replace into pagina values (?, ?, ?, ?, ?)", (k, versie, br, gz, time.time()))
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

def haal(k: str) -> tuple[bytes, bytes] | None:
    """The stored answer as (brotli, gzip) bytes, or None."""
    try:
        return opslag().haal(k)
    except sqlite3.Error:
        log.exception("rendercache: lezen mislukt")
        return None


def bewaar(k: str, versie, user, antwoord: bytes) -> tuple[bytes, bytes]:
    """Keep Dash's answer `antwoord` under `k`; returns its (brotli, gzip) forms."""
    br = brotli.compress(antwoord, quality=BR_KWALITEIT)
    gz = gzip.compress(antwoord, compresslevel=GZIP_NIVEAU, mtime=0)
    try:
        o = opslag()
        o.zet(k, versie_tekst(versie), br, gz)
        if user is not None:
            o.kijker_gezien(json.dumps({"rollen": sorted(user.roles), "gemeenten": sorted(user.gemeenten)}))
    except sqlite3.Error:
        log.exception("rendercache: schrijven mislukt")
    return br, gz


def bewaarbaar() -> None:
    """Called by pagina() when it built a page completely: this request's answer may be kept."""
    if has_request_context():
        request.environ[_BEWAARBAAR] = True


# --- the request hooks ------------------------------------------------------------------------

def _callback_pad() -> str:
    from dashboard.auth.context import get_context
    ctx = get_context()
    dash_app = ctx.dash_app if ctx is not None else None
    return (dash_app.config.routes_pathname_prefix if dash_app is not None else "/") + "_dash-update-component"


def _pagina_verzoek(body) -> tuple[str, str] | None:
    """(pathname, search) of a page callback body, else None."""
    if not isinstance(body, dict) or body.get("output") != PAGINA_CALLBACK or not isinstance(body.get("inputs"), list):
        return None
    waarden = {i.get("property"): i.get("value") for i in body["inputs"] if isinstance(i, dict)}
    pad, search = waarden.get("pathname"), waarden.get("search")
    if not isinstance(pad, str) or not (search is None or isinstance(search, str)):
        return None
    return pad, search or ""


def _codering(br: bytes, gz: bytes) -> tuple[bytes, str | None]:
    """The stored form for this request's Accept-Encoding, chosen as flask-compress chooses."""
    from flask_compress.flask_compress import _choose_algorithm
    keuze = _choose_algorithm(("br", "gzip"), request.headers.get("Accept-Encoding", ""))
    if keuze == "br":
        return br, "br"
    if keuze == "gzip":
        return gz, "gzip"
    return gzip.decompress(gz), None


def _zet_inhoud(response, br: bytes, gz: bytes):
    inhoud, codering = _codering(br, gz)
    response.set_data(inhoud)
    if codering:
        response.headers["Content-Encoding"] = codering  # flask-compress leaves it alone then
    response.headers["Vary"] = "Accept-Encoding"
    return response


def voor_verzoek():
    """before_request, after the guard and the callback body checks: answer a page callback from
    the cache when it holds this page for this viewer and version. Computes only the key: the
    session's user and scope, the version the request reads, and the body's path and query."""
    if request.method != "POST" or g.get("bwmo_user") is None or request.path != _callback_pad():
        return None
    verzoek = _pagina_verzoek(request.get_json(silent=True))  # parsed once, by check_callback
    if verzoek is None:
        return None
    from dashboard import access
    from kern import data
    try:
        versie = data._verbinding()[1]  # pinned: the page, on a miss, reads this version too
    except data.WarehouseFout:
        return None  # the page itself says so
    k = sleutel(*verzoek, versie, g.bwmo_user, access.current_scope())
    request.environ[_SLEUTEL] = (k, versie)
    bewaard = haal(k)
    if bewaard is None:
        return None
    return _zet_inhoud(current_app.response_class(mimetype="application/json"), *bewaard)


def na_verzoek(response):
    """after_request, before flask-compress: keep a page callback's answer that pagina() built
    completely, and send the compressed form just made (so it is not compressed twice)."""
    staat = request.environ.get(_SLEUTEL)
    if (staat is None or not request.environ.get(_BEWAARBAAR) or response.status_code != 200
            or response.mimetype != "application/json" or "Content-Encoding" in response.headers
            or response.is_streamed):
        return response
    k, versie = staat
    return _zet_inhoud(response, *bewaar(k, versie, g.get("bwmo_user"), response.get_data()))


def install(server) -> None:
    """Register the hooks; call after dashboard.auth.install and dashboard.levering.install
    (before_request hooks run in order, after_request hooks last-registered first)."""
    server.before_request(voor_verzoek)
    server.after_request(na_verzoek)


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


def _pagina_body(pad: str) -> dict:
    """The request Dash Pages' router sends when the browser opens `pad` (no filters)."""
    return {"output": PAGINA_CALLBACK,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": pad},
                       {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname", "_pages_location.search"], "state": []}


def _dash_klaar(server, dash_app) -> None:
    """Dash sets itself up, and registers the Pages router callback, on its first request; the
    warmer may run before any request came in."""
    dash_app._setup_server()
    for hook in server.before_request_funcs.get(None, []):
        if getattr(hook, "__name__", "") == "router_sync":
            hook()


def warm(server, versie) -> int:
    """Render the default views of every known viewer on warehouse `versie` (file identity),
    through Dash's callback view as a request would; returns the number of pages now in the
    cache for them. Only the worker that claims the version does it."""
    from dashboard import access
    from dashboard.auth.context import EXTENSION
    from kern import data
    o = opslag()
    if not o.claim(versie_tekst(versie)):
        return 0
    o.ruim_op(versie_tekst(versie))
    dash_app = server.extensions[EXTENSION].dash_app
    _dash_klaar(server, dash_app)
    pad_cb = dash_app.config.routes_pathname_prefix + "_dash-update-component"
    view = server.view_functions[pad_cb]
    gebouwd = 0
    begin = time.perf_counter()
    for user in _kijkers():
        for pad in _paden(user):
            with server.test_request_context(pad_cb, method="POST", json=_pagina_body(pad)):
                g.bwmo_user = user
                try:
                    if data._verbinding()[1] != versie:
                        return gebouwd  # published again meanwhile: the next round warms that one
                    k = sleutel(pad, "", versie, user, access.current_scope())
                    if haal(k) is None:
                        antwoord = server.make_response(view())
                        if antwoord.status_code != 200 or not request.environ.get(_BEWAARBAAR):
                            continue
                        bewaar(k, versie, user, antwoord.get_data())
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
