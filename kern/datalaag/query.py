"""Queries: warehouse/queries/<name>.sql with bound parameters, cached per warehouse version.

The cache key starts with the warehouse version the request reads (verbinding.py), so a
result of an older warehouse is never served after a publish. `_memo` holds what is read once
per version (metadata and lookups derived from it: scope.py, marts.py); `leeg_cache()` empties
both, `leeg_resultaten()` only the query results.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

import duckdb
import pandas as pd

from kern.datalaag import verbinding
from kern.datalaag.verbinding import ROOT, WarehouseFout, log

QUERIES = ROOT / "warehouse" / "queries"
CACHE_SIZE = 512
_MIN_DATE, _MAX_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)

_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
_memo: dict = {}  # per warehouse version: its metadata and the lookups derived from it (scope.py, marts.py)


@dataclass(frozen=True)
class Selectie:
    """What a visual builder asks for. Empty tuples mean 'no restriction' (within the scope)."""
    van: dt.date | None = None
    tot: dt.date | None = None
    gemeenten: tuple[str, ...] = ()
    subregio: tuple[str, ...] = ()
    tussenvormen: tuple[str, ...] = ()
    leveringsvormen: tuple[str, ...] = ()


# --- queries -----------------------------------------------------------------------------------

@cache
def _sql(naam: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", naam):
        raise ValueError(f"ongeldige querynaam: {naam!r}")
    return (QUERIES / f"{naam}.sql").read_text(encoding="utf-8")


def _bevroren(waarde):
    if isinstance(waarde, (list, tuple, set, frozenset)):
        return tuple(waarde)
    return waarde


def _voorbereid(naam: str, params: dict | None) -> tuple[str, dict, duckdb.DuckDBPyConnection, tuple]:
    """(sql, the parameters it uses, connection, cache key) of warehouse/queries/<naam>.sql."""
    sql = _sql(naam)
    gebruikt = set(re.findall(r"\$([a-z_]+)", sql))
    params = {k: (list(v) if isinstance(v, (tuple, set, frozenset)) else v)
              for k, v in (params or {}).items() if k in gebruikt}
    con, versie = verbinding._verbinding()  # looked up at call time: tests count the calls
    return sql, params, con, (versie, naam, tuple(sorted((k, _bevroren(v)) for k, v in params.items())))


def _uitvoeren(naam: str, sql: str, params: dict, con, versie: tuple, lees):
    try:
        return lees(con.execute(sql, params))
    except duckdb.Error:
        log.exception("query %s mislukt op %s", naam, versie[0])
        raise WarehouseFout(
            "Het datawarehouse heeft niet de verwachte inhoud (query "
            f"'{naam}'). Meld dit bij de beheerder.") from None


def _bewaar(sleutel: tuple, waarde) -> None:
    with _cache_lock:
        _cache[sleutel] = waarde
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def query(naam: str, params: dict | None = None) -> pd.DataFrame:
    """Run warehouse/queries/<naam>.sql with bound parameters; cached per warehouse version."""
    sql, params, con, sleutel = _voorbereid(naam, params)
    with _cache_lock:
        if sleutel in _cache:
            _cache.move_to_end(sleutel)
            return _cache[sleutel].copy(deep=False)  # copy-on-write (pandas 3): a caller's change stays its own
    df = _uitvoeren(naam, sql, params, con, sleutel[0], lambda r: r.df())
    _bewaar(sleutel, df)
    return df.copy(deep=False)


def rijen(naam: str, params: dict | None = None) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """As `query`, but (column names, rows as tuples of Python values: None for NULL, dates as
    datetime.date): for a builder that only reads rows, without the DataFrame DuckDB would build
    and the builder take apart again. Cached beside `query`'s frames, per warehouse version."""
    sql, params, con, sleutel = _voorbereid(naam, params)
    sleutel = (*sleutel, "rijen")
    with _cache_lock:
        if sleutel in _cache:
            _cache.move_to_end(sleutel)
            return _cache[sleutel]  # tuples: nothing a caller could change
    uit = _uitvoeren(naam, sql, params, con, sleutel[0],
                     lambda r: (tuple(d[0] for d in r.description), tuple(r.fetchall())))
    _bewaar(sleutel, uit)
    return uit


def delen(naam: str, params: dict | None = None) -> dict[str, list[dict]]:
    """The rows of a sectioned query (one part per value of its column `deel`) as dicts, per part,
    in the query's order: a page's small queries in one, so it pays one query's fixed cost."""
    namen, alle = rijen(naam, params)
    uit: dict[str, list[dict]] = {}
    for waarden in alle:
        rij = dict(zip(namen, waarden))
        uit.setdefault(rij["deel"], []).append(rij)
    return uit


# DuckDB's Python values made what DataFrame.tolist() gave for the same column, so a visual that
# reads columns as lists gets the same values either way: a missing double NaN, a date a Timestamp
# (a missing one NaT), a missing text NaN (pandas' str dtype; None in a column without any text). Integers and booleans are as
# fetchall gives them (a missing one None where the frame had NA).
_NAN = float("nan")


def _datums(waarden: list) -> list:
    # a column of months repeats a few dates thousands of times: each made a Timestamp once
    gezien: dict = {None: pd.NaT}
    return [gezien[w] if w in gezien else gezien.setdefault(w, pd.Timestamp(w)) for w in waarden]


_ALS_PANDAS = {
    "DOUBLE": lambda waarden: [_NAN if w is None else w for w in waarden],
    "DATE": _datums,
    "VARCHAR": lambda waarden: [_NAN if w is None else w for w in waarden],
}


def kolommen(naam: str, params: dict | None = None) -> dict[str, list]:
    """Like query(), the answer as {column: list of values} (see _ALS_PANDAS) without a DataFrame:
    for the small answers of the page queries the conversion to pandas cost more than the query
    (~2-5 ms each, cold). Cached per warehouse version beside query()'s frames; the lists are the
    caller's own (copied out of the cache)."""
    sql, params, con, sleutel = _voorbereid(naam, params)
    sleutel = (*sleutel, "kolommen")
    with _cache_lock:
        if sleutel in _cache:
            _cache.move_to_end(sleutel)
            return {k: list(v) for k, v in _cache[sleutel].items()}
    namen, alle = _uitvoeren(naam, sql, params, con, sleutel[0], lambda r: (
        [(d[0], _ALS_PANDAS.get(str(d[1]))) for d in r.description], r.fetchall()))
    uit = {}
    for i, (k, omzet) in enumerate(namen):
        w = [r[i] for r in alle]
        if omzet is _ALS_PANDAS["VARCHAR"] and all(x is None for x in w):
            uit[k] = w  # a text column without any text: pandas keeps None (object dtype)
        elif omzet is _datums or (omzet is not None and None in w):
            uit[k] = omzet(w)
        else:
            uit[k] = w
    _bewaar(sleutel, uit)
    return {k: list(v) for k, v in uit.items()}


def leeg_resultaten() -> None:
    """Forget every query result, keep what is read once per warehouse version (its metadata, the
    region's municipalities, the seeds' labels: `_memo`). Keyed on the version, that cannot go
    stale; it is what a request for a filter nobody asked for yet still finds on an opened
    warehouse (the benchmark's cold render, bench/callbacks_bench.py)."""
    with _cache_lock:
        _cache.clear()


def leeg_cache() -> None:
    """Forget everything: query results and the per-version lookups."""
    with _cache_lock:
        _cache.clear()
        _memo.clear()
