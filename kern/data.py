"""The data layer: the only code that talks to the published warehouse (DuckDB, read-only) is this
module and its parts in kern/datalaag/ (connections, scope, marts).

- One read-only connection per thread, opened lazily in the worker process (after gunicorn
  forks; never at import time) and reopened when the published file changes: the ETL publishes
  with os.replace, so the file's inode/mtime/size identify a warehouse version (datalaag/verbinding.py).
- Queries live in warehouse/queries/<name>.sql and take bound parameters ($gemeenten, $van, ...).
- Results are cached per process, keyed on (warehouse version, query, parameters).
- Every function that returns municipal figures takes `scope`: the gemeente codes the caller may
  see (the dashboard takes them from the session, dashboard/access.py; a report from its
  user, reports/build.py). Requested gemeenten are intersected with it here; an empty scope
  returns nothing (deny by default). Region-level marts (result, settlement) also need a
  non-empty scope; `regio_*` functions return sums over the whole region (never a row per
  gemeente) so a gemeente user can compare. Data-quality marts take the caller's role decision.

Callers use `from kern import data` and `data.xxx` (every name is here). The parts in
kern/datalaag/ look `query` and `_verbinding` up on this module at call time, so patching
`data.query` / `data._verbinding` reaches every function.
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

from kern.datalaag.verbinding import (  # noqa: F401  (re-exported)
    DEFAULT_WAREHOUSE,
    ENV,
    ROOT,
    WarehouseFout,
    _bestandsversie,
    _database,
    _db,
    _db_lock,
    _local,
    _verbinding,
    log,
    sluit,
    warehouse_pad,
)

QUERIES = ROOT / "warehouse" / "queries"
CACHE_SIZE = 512
_MIN_DATE, _MAX_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)

_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()
_memo: dict = {}  # derived lookups per warehouse version (scope.py); emptied with the cache


@dataclass(frozen=True)
class Selectie:
    """What a view asks for. Empty tuples mean 'no restriction' (within the scope)."""
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
            return _cache[sleutel].copy(deep=False)  # copy-on-write (pandas 3): a caller's change stays its own
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
    return df.copy(deep=False)


def leeg_cache() -> None:
    with _cache_lock:
        _cache.clear()
        _memo.clear()


# The parts, re-exported: they use the names above, so they are imported last.
from kern.datalaag.doordecentralisatie import (  # noqa: F401
    budget_jaar,
    cohort_maand,
    doordecentralisatie_info,
    regio_budget_jaar,
    woonplaats_maand,
    woonplaats_wonend_hier,
)
from kern.datalaag.marts import (  # noqa: F401
    _VERSIE_KOLOMMEN,
    _alleen_als,
    _scoped_query,
    _versie_mart,
    afgekeurd_per_reden,
    afgekeurde_regels,
    clienten_maand,
    doorstroom_maand,
    gemeenten,
    inwoners_jaar,
    kengetallen_jaar,
    kosten_jaar,
    kosten_maand,
    laadlog,
    maanden_bereik,
    producten_buiten_catalogus,
    rapport_regio_maand,
    regio_clienten_maand,
    regio_inwoners_jaar,
    regio_kengetallen_jaar,
    regio_stromen_maand,
    resultaat_jaar,
    resultaat_verdeling,
    resultaat_versies,
    stand_balans,
    stromen_maand,
    uitstroom_reden_maand,
    verblijfsduur,
    verrekening,
    warehouse_info,
    wlz_aanvragen_maand,
    wlz_aanvragen_open,
    wlz_cumulatief,
)
from kern.datalaag.scope import (  # noqa: F401
    _gescoped,
    _params,
    _regio_index,
    _regionaal,
    _regiototaal,
    regio_gemeenten,
    toegestane_gemeenten,
)
