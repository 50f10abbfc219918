"""The only module that talks to the published warehouse (DuckDB, read-only).

- One read-only connection per thread, opened lazily in the worker process (after gunicorn
  forks; never at import time) and reopened when the published file changes: the ETL publishes
  with os.replace, so the file's inode/mtime/size identify a warehouse version.
- Queries live in warehouse/queries/<name>.sql and take bound parameters ($gemeenten, $van, ...).
- Results are cached per process, keyed on (warehouse version, query, parameters).
- Every function that returns municipal figures takes `scope`: the gemeente codes the caller may
  see (dashboard/access.py). Requested gemeenten are intersected with it here; an empty scope
  returns nothing (deny by default). Region-level marts (result, load log) also need a non-empty
  scope.
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


def warehouse_pad() -> Path:
    return Path(os.environ.get(ENV) or DEFAULT_WAREHOUSE)


def _bestandsversie(pad: Path) -> tuple:
    st = os.stat(pad)
    return (str(pad), st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _verbinding() -> tuple[duckdb.DuckDBPyConnection, tuple]:
    """This thread's connection to the current warehouse file, and that file's version."""
    pad = warehouse_pad()
    try:
        versie = _bestandsversie(pad)
    except OSError:
        raise WarehouseFout(
            "Er is nog geen datawarehouse beschikbaar. Laad eerst de gegevens "
            "(python -m etl load) of vraag de beheerder om hulp.") from None
    staat = getattr(_local, "staat", None)
    if staat and staat["pid"] == os.getpid() and staat["versie"] == versie:
        return staat["con"], versie
    if staat and staat["pid"] == os.getpid():
        try:
            staat["con"].close()
        except duckdb.Error:  # pragma: no cover
            pass
    try:
        con = duckdb.connect(str(pad), read_only=True)
        versie = _bestandsversie(pad)  # the file we actually opened (a publish may just have happened)
    except (duckdb.Error, OSError):
        log.exception("warehouse %s kan niet worden geopend", pad)
        _local.staat = None
        raise WarehouseFout(
            "Het datawarehouse kan op dit moment niet worden gelezen. Probeer het over een "
            "minuut opnieuw; blijft dit zo, meld het dan bij de beheerder.") from None
    _local.staat = {"pid": os.getpid(), "versie": versie, "con": con}
    return con, versie


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

def clienten_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("clienten_maand", scope, sel)


def stromen_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("stromen_maand", scope, sel)


def kosten_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("kosten_maand", scope, sel)


def uitstroom_reden_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("uitstroom_reden_maand", scope, sel)


def doorstroom_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("doorstroom_maand", scope, sel)


def verblijfsduur(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("verblijfsduur", scope, sel)


def wlz_aanvragen_maand(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("wlz_aanvragen_maand", scope, sel)


def wlz_aanvragen_open(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("wlz_aanvragen_open", scope, sel)


def wlz_cumulatief(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("wlz_cumulatief", scope, sel)


def kosten_jaar(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("kosten_jaar", scope, sel)


def kengetallen_jaar(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("kengetallen_jaar", scope, sel)


def inwoners_jaar(scope, sel: Selectie) -> pd.DataFrame:
    return _gescoped("inwoners_jaar", scope, sel)


# --- region level (need a non-empty scope; never a breakdown by gemeente except the settlement) ---

def regio_kengetallen_jaar(scope) -> pd.DataFrame:
    return _regionaal("regio_kengetallen_jaar", scope)


def resultaat_jaar(scope) -> pd.DataFrame:
    return _regionaal("resultaat_jaar", scope)


def resultaat_verdeling(scope) -> pd.DataFrame:
    """All municipalities' shares: the settlement is agreed jointly (issue 4)."""
    return _regionaal("resultaat_verdeling", scope)


def stand_balans(scope) -> pd.DataFrame:
    return _regionaal("stand_balans", scope)


def laadlog(scope) -> pd.DataFrame:
    return _regionaal("laadlog", scope)


def afgekeurd_per_reden(scope) -> pd.DataFrame:
    return _regionaal("afgekeurd_per_reden", scope)


def producten_buiten_catalogus(scope) -> pd.DataFrame:
    return _regionaal("producten_buiten_catalogus", scope)
