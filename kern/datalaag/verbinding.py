"""Connections to the published warehouse (DuckDB, read-only): one in-memory database per process
and file version with the published file attached read-only, one cursor per thread, one version
per request. Part of the data layer (kern/data.py and this package), the only code that talks to DuckDB.

No web framework here: "one request, one version" needs a per-request namespace, which the web app
hands in by setting `verzoek` (dashboard/access.py sets it to Flask's `g` inside a request)."""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb

log = logging.getLogger("dashboard.data")  # the logger name the operators know, kept from before the move

ROOT = Path(__file__).resolve().parent.parent.parent  # kern/datalaag/ -> the project
ENV = "BWMO_WAREHOUSE"
DEFAULT_WAREHOUSE = ROOT / "data" / "warehouse.duckdb"


# DuckDB's threads per query. The dashboard's queries read small, already aggregated marts; on the
# 2-core server the work is many such queries side by side (2 workers x 8 threads), so a query's
# own second thread only costs hand-offs: replaying a page set's 664 queries took about 10% less
# CPU and no more wall time with 1 than with 2, on both the region and the national sample.
DRADEN_PER_QUERY = 1


class WarehouseFout(Exception):
    """The warehouse is missing or unreadable. `str(e)` is a Dutch message for the user."""


# --- connections -------------------------------------------------------------------------------

# The namespace of the request being served (an object taking attributes), or None outside one.
# Outside the web app there are no requests: every call reads the current file.
verzoek: Callable[[], object | None] = lambda: None

_local = threading.local()
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
            con = duckdb.connect(":memory:", config={"threads": DRADEN_PER_QUERY})
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
    ns = verzoek()
    vast = getattr(ns, "bwmo_warehouse", None) if ns is not None else None
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
    if ns is not None:
        ns.bwmo_warehouse = (staat["con"], staat["versie"])
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
