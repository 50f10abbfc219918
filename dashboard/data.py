"""The only module that talks to the published warehouse (DuckDB, read-only).

- One read-only connection per thread, opened lazily in the worker process (after gunicorn
  forks; never at import time) and reopened when the published file changes: the ETL publishes
  with os.replace, so the file's inode/mtime/size identify a warehouse version.
- Queries live in warehouse/queries/<name>.sql and take bound parameters ($gemeenten, $van, ...).
- Results are cached per process, keyed on (warehouse version, query, parameters).
- Every function that returns municipal figures takes `scope`: the gemeente codes the caller may
  see (dashboard/access.py). Requested gemeenten are intersected with it here; an empty scope
  returns nothing (deny by default). Region-level marts (result, settlement) also need a
  non-empty scope; `regio_*` functions return sums over the whole region (never a row per
  gemeente) so a gemeente user can compare. Data-quality marts take the caller's role decision.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
from flask import g, has_request_context

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "warehouse" / "queries"
ENV = "BWMO_WAREHOUSE"
DEFAULT_WAREHOUSE = ROOT / "data" / "warehouse.duckdb"
CACHE_SIZE = 512
_MIN_DATE, _MAX_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


class WarehouseFout(Exception):
    """The warehouse is missing or unreadable. `str(e)` is a Dutch message for the user."""


@dataclass(frozen=True)
class Selectie:
    """What a view asks for. Empty tuples mean 'no restriction' (within the scope)."""
    van: dt.date | None = None
    tot: dt.date | None = None
    gemeenten: tuple[str, ...] = ()
    subregio: tuple[str, ...] = ()
    tussenvormen: tuple[str, ...] = ()
    leveringsvormen: tuple[str, ...] = ()


# --- connections -------------------------------------------------------------------------------

_local = threading.local()
_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
_db: dict = {}
_db_lock = threading.Lock()


def warehouse_pad() -> Path:
    return Path(os.environ.get(ENV) or DEFAULT_WAREHOUSE)


def _bestandsversie(pad: Path) -> tuple:
    st = os.stat(pad)
    return (str(pad), st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _database(pad: Path, versie: tuple) -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """This process's database for the published file and the version it holds: an in-memory
    DuckDB with the file attached read-only, shared by the threads (each takes a cursor) and
    replaced when the file changes. Not duckdb.connect(pad): DuckDB caches databases by path, so
    a thread reopening after a publish would get the old file while another thread holds it."""
    with _db_lock:
        for poging in range(5):
            if _db.get("pid") == os.getpid() and _db.get("versie") == versie:
                break
            con = duckdb.connect(":memory:")
            con.execute("attach '" + str(pad).replace("'", "''") + "' as warehouse (read_only)")
            na = _bestandsversie(pad)  # unchanged while attaching: the attached file is `versie`
            if na == versie or poging == 4:
                _db.update(pid=os.getpid(), versie=versie, con=con)
                break
            con.close()
            versie = na
        return _db["con"], _db["versie"]


def _verbinding() -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """This thread's connection to the current warehouse file, and that file's version. Within
    one request every query uses the version the request started with (one response, one version)."""
    vast = g.get("bwmo_warehouse") if has_request_context() else None
    if vast is not None:
        return vast
    pad = warehouse_pad()
    try:
        versie = _bestandsversie(pad)
    except OSError:
        raise WarehouseFout(
            "Er is nog geen datawarehouse beschikbaar. Laad eerst de gegevens "
            "(python -m etl load) of vraag de beheerder om hulp.") from None
    staat = getattr(_local, "staat", None)
    if not (staat and staat["pid"] == os.getpid() and staat["versie"] == versie):
        if staat and staat["pid"] == os.getpid():
            try:
                staat["con"].close()
            except duckdb.Error:  # pragma: no cover
                pass
        try:
            db, versie = _database(pad, versie)
            con = db.cursor()
            con.execute("use warehouse")
        except (duckdb.Error, OSError):
            log.exception("warehouse %s kan niet worden geopend", pad)
            _local.staat = None
            raise WarehouseFout(
                "Het datawarehouse kan op dit moment niet worden gelezen. Probeer het over een "
                "minuut opnieuw; blijft dit zo, meld het dan bij de beheerder.") from None
        staat = _local.staat = {"pid": os.getpid(), "versie": versie, "con": con}
    if has_request_context():
        g.bwmo_warehouse = (staat["con"], staat["versie"])
    return staat["con"], staat["versie"]


def sluit() -> None:
    """Close this thread's connection (e.g. after warming up a worker's main thread)."""
    staat = getattr(_local, "staat", None)
    _local.staat = None
    if staat and staat["pid"] == os.getpid():
        try:
            staat["con"].close()
        except duckdb.Error:  # pragma: no cover
            pass


@cache
def _sql(naam: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", naam):
        raise ValueError(f"ongeldige querynaam: {naam!r}")
    return (QUERIES / f"{naam}.sql").read_text(encoding="utf-8")


def _bevroren(waarde):
    if isinstance(waarde, (list, tuple, set, frozenset)):
        return tuple(waarde)
    return waarde


def query(naam: str, params: dict | None = None) -> pd.DataFrame:
    """Run warehouse/queries/<naam>.sql with bound parameters; cached per warehouse version."""
    sql = _sql(naam)
    gebruikt = set(re.findall(r"\$([a-z_]+)", sql))
    params = {k: (list(v) if isinstance(v, (tuple, set, frozenset)) else v)
              for k, v in (params or {}).items() if k in gebruikt}
    con, versie = _verbinding()
    sleutel = (versie, naam, tuple(sorted((k, _bevroren(v)) for k, v in params.items())))
    with _cache_lock:
        if sleutel in _cache:
            _cache.move_to_end(sleutel)
            return _cache[sleutel].copy()
    try:
        df = con.execute(sql, params).df()
    except duckdb.Error:
        log.exception("query %s mislukt op %s", naam, versie[0])
        raise WarehouseFout(
            "Het datawarehouse heeft niet de verwachte inhoud (query "
            f"'{naam}'). Meld dit bij de beheerder.") from None
    with _cache_lock:
        _cache[sleutel] = df
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return df.copy()


def leeg_cache() -> None:
    with _cache_lock:
        _cache.clear()


# --- scope -------------------------------------------------------------------------------------

def regio_gemeenten() -> pd.DataFrame:
    """The municipalities of the published region. Not client data: used to build the scope."""
    return query("regio_gemeenten")


def toegestane_gemeenten(scope, sel: Selectie | None = None) -> list[str]:
    """scope ∩ requested gemeenten ∩ requested subregio's ∩ the region. Empty scope -> []."""
    toegestaan = {str(g) for g in (scope or ())}
    if not toegestaan:
        return []
    regio = regio_gemeenten()
    codes = toegestaan & set(regio["gemeente_code"])
    if sel is not None and sel.gemeenten:
        codes &= set(sel.gemeenten)
    if sel is not None and sel.subregio:
        codes &= set(regio.loc[regio["subregio_code"].isin(sel.subregio), "gemeente_code"])
    return sorted(codes)


def _params(scope, sel: Selectie) -> dict:
    return {
        "gemeenten": toegestane_gemeenten(scope, sel),
        "van": sel.van or _MIN_DATE,
        "tot": sel.tot or _MAX_DATE,
        "tussenvormen": list(sel.tussenvormen),
        "leveringsvormen": list(sel.leveringsvormen),
    }


def _gescoped(naam: str, scope, sel: Selectie | None) -> pd.DataFrame:
    params = _params(scope, sel or Selectie())
    df = query(naam, params)
    if not params["gemeenten"]:
        return df.iloc[0:0]  # deny by default: same columns, no rows
    return df


def _regionaal(naam: str, scope) -> pd.DataFrame:
    df = query(naam)
    return df if toegestane_gemeenten(scope) else df.iloc[0:0]


def _regiototaal(naam: str, scope, sel: Selectie | None) -> pd.DataFrame:
    """Sums over ALL municipalities of the region, never a row per gemeente: the comparison a
    gemeente user may see. The gemeente and subregio filters do not apply (a subregio total
    minus one's own could be another municipality's figure); period, tussenvorm and
    leveringsvorm do. Needs a non-empty scope."""
    sel = sel or Selectie()
    params = {**_params(scope, Selectie()), "van": sel.van or _MIN_DATE, "tot": sel.tot or _MAX_DATE,
              "tussenvormen": list(sel.tussenvormen), "leveringsvormen": list(sel.leveringsvormen)}
    df = query(naam, params)
    if "gemeente_code" in df.columns:  # pragma: no cover - a query that would break the rule
        raise ValueError(f"regiototaal {naam} geeft rijen per gemeente")
    return df if params["gemeenten"] else df.iloc[0:0]


# --- metadata ----------------------------------------------------------------------------------

def warehouse_info() -> dict:
    df = query("warehouse_info")
    if df.empty:
        raise WarehouseFout("Het datawarehouse bevat geen peildatum. Meld dit bij de beheerder.")
    rij = df.iloc[0]
    return {"peildatum": pd.Timestamp(rij["peildatum"]).date(), "regio": rij["regio"],
            "geladen_op": pd.Timestamp(rij["geladen_op"]).to_pydatetime(), "versie": rij["versie"]}


def maanden_bereik() -> tuple[dt.date, dt.date]:
    """(first month, peildatum's month) the dashboard can show."""
    info = warehouse_info()
    df = query("maanden_bereik")
    laatste = dt.date(info["peildatum"].year, info["peildatum"].month, 1)
    eerste = df["eerste_maand"].iloc[0] if not df.empty else None
    eerste = laatste if pd.isna(eerste) else pd.Timestamp(eerste).date()
    return min(eerste, laatste), laatste


def gemeenten(scope) -> pd.DataFrame:
    regio = regio_gemeenten()
    return regio[regio["gemeente_code"].isin(toegestane_gemeenten(scope))].reset_index(drop=True)


# --- municipal figures (scoped) ------------------------------------------------------------------
# Each is `f(scope, sel: Selectie) -> DataFrame` for warehouse/queries/<name>.sql: rows of the
# allowed gemeenten only (scope ∩ sel), none for an empty scope.

def _scoped_query(naam: str):
    def lees(scope, sel: Selectie) -> pd.DataFrame:
        return _gescoped(naam, scope, sel)
    lees.__name__ = lees.__qualname__ = naam
    lees.__doc__ = f"warehouse/queries/{naam}.sql for the allowed gemeenten (scope ∩ sel)."
    return lees


clienten_maand = _scoped_query("clienten_maand")
stromen_maand = _scoped_query("stromen_maand")
kosten_maand = _scoped_query("kosten_maand")
uitstroom_reden_maand = _scoped_query("uitstroom_reden_maand")
doorstroom_maand = _scoped_query("doorstroom_maand")
verblijfsduur = _scoped_query("verblijfsduur")
wlz_aanvragen_maand = _scoped_query("wlz_aanvragen_maand")
wlz_aanvragen_open = _scoped_query("wlz_aanvragen_open")
wlz_cumulatief = _scoped_query("wlz_cumulatief")
kosten_jaar = _scoped_query("kosten_jaar")
kengetallen_jaar = _scoped_query("kengetallen_jaar")
inwoners_jaar = _scoped_query("inwoners_jaar")


# --- region level (need a non-empty scope; never a breakdown by gemeente except the settlement) ---

def regio_kengetallen_jaar(scope) -> pd.DataFrame:
    return _regionaal("regio_kengetallen_jaar", scope)


def resultaat_jaar(scope) -> pd.DataFrame:
    return _regionaal("resultaat_jaar", scope)


def resultaat_verdeling(scope) -> pd.DataFrame:
    """All municipalities' shares: the settlement is agreed jointly (issue 4)."""
    return _regionaal("resultaat_verdeling", scope)


def regio_clienten_maand(scope, sel: Selectie | None = None) -> pd.DataFrame:
    """Region stand per month x tussenvorm x leveringsvorm (no gemeente column)."""
    return _regiototaal("regio_clienten_maand", scope, sel)


def regio_stromen_maand(scope, sel: Selectie | None = None) -> pd.DataFrame:
    """Region flows per month (no gemeente column)."""
    return _regiototaal("regio_stromen_maand", scope, sel)


def regio_inwoners_jaar(scope) -> pd.DataFrame:
    """Region population on 1 January per year."""
    return _regiototaal("regio_inwoners_jaar", scope, None)


def stand_balans(scope) -> pd.DataFrame:
    return _regionaal("stand_balans", scope)


# --- data quality: by role (beheer, regio), not by municipality; the caller decides ------------

def _alleen_als(naam: str, mag_inzien: bool) -> pd.DataFrame:
    df = query(naam)
    return df if mag_inzien is True else df.iloc[0:0]


def laadlog(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("laadlog", mag_inzien)


def afgekeurd_per_reden(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("afgekeurd_per_reden", mag_inzien)


def producten_buiten_catalogus(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("producten_buiten_catalogus", mag_inzien)


# --- result versions and accountability reports (issue 5; region level) -----------------------
_VERSIE_KOLOMMEN = {"verrekening": "jaar gemeente_code gemeente_naam voorlopig_eur definitief_eur verschil_eur",
                    "resultaat_versies": "record_id jaar versie vastgesteld_op door peildatum warehouse_versie "
                                         "vervangt vervangen_door reden"}


def _versie_mart(naam: str, scope) -> pd.DataFrame:
    """A result-version mart; empty (same columns) for a warehouse built before it existed."""
    if f"marts.{naam}" not in set(query("rapport_tabellen")["tabel"]):
        return pd.DataFrame(columns=_VERSIE_KOLOMMEN[naam].split())
    return _regionaal(naam, scope)


def verrekening(scope) -> pd.DataFrame:  # voorlopig, definitief and the difference per gemeente
    return _versie_mart("verrekening", scope)


def resultaat_versies(scope) -> pd.DataFrame:  # fixed versions, corrections included
    return _versie_mart("resultaat_versies", scope)


def rapport_regio_maand(scope) -> pd.DataFrame:  # region totals per month (no gemeente rows)
    return _regionaal("rapport_regio_maand", scope)
