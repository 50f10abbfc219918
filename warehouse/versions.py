"""Fixed result versions (convenant art. 8.6): voorlopig in February, definitief by June.

A fixed version is a durable record in the state store, outside the warehouse, so no later load
or rebuild can change it. Every build copies the records into `raw.resultaat_versies` before the
models run; `marts.resultaat_jaar` and `marts.resultaat_verdeling` carry their frozen figures
(versie `voorlopig` / `definitief`), `marts.resultaat_versies` and `marts.verrekening` show them
side by side, and the data checks cover them like every other row.
"""
from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from staat.store import StateStore

VERSIES = ("voorlopig", "definitief")


class VersionRefused(Exception):
    """Fixing was refused; the message says why, in Dutch."""


def state_store_for(warehouse: Path) -> StateStore:
    """$BWMO_STATE, else state.sqlite beside the warehouse it belongs to."""
    return StateStore(os.environ.get("BWMO_STATE") or Path(warehouse).resolve().parent / "state.sqlite")


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _rows(con, sql: str, params) -> list[dict]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [{n: _jsonable(v) for n, v in zip(names, row)} for row in cur.fetchall()]


def current_figures(warehouse: Path, jaar: int) -> dict:
    """The running ('lopend') result of a year and its distribution, as the published warehouse has it."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        resultaat = _rows(con, "select * from marts.resultaat_jaar where jaar = ? and versie = 'lopend'", [jaar])
        verdeling = _rows(con, "select * from marts.resultaat_verdeling where jaar = ? and versie = 'lopend' "
                               "order by gemeente_code", [jaar])
        meta = _rows(con, "select peildatum, versie from raw.meta", [])[0]
        bestanden = _rows(con, "select bestand, soort, peildatum, sha256 from raw.laadlog "
                               "where status = 'geladen' order by bestand", [])
    finally:
        con.close()
    if not resultaat:
        raise VersionRefused(f"Het warehouse heeft geen resultaat voor {jaar}; er is niets vast te stellen.")
    return {"resultaat": resultaat[0], "verdeling": verdeling, "meta": meta, "bestanden": bestanden}


def active_version(store: StateStore, jaar: int, versie: str) -> dict | None:
    with store.reading() as con:
        row = con.execute("select * from resultaat_versies where jaar = ? and versie = ? "
                          "and vervangen_door is null", (jaar, versie)).fetchone()
    return dict(row) if row else None


def _refuse(jaar: int, versie: str, in_force: int | None, correctie_reden: str | None) -> None:
    if versie not in VERSIES:
        raise VersionRefused(f"Onbekende versie '{versie}': kies voorlopig of definitief.")
    if in_force is not None and not correctie_reden:
        raise VersionRefused(
            f"Het {versie}e resultaat {jaar} is al vastgesteld (record {in_force}). Een correctie "
            "is een aparte handeling met een reden; het oude record blijft bewaard.")
    if correctie_reden is not None and not correctie_reden.strip():
        raise VersionRefused("Een correctie vraagt om een reden.")


def check_fixable(store: StateStore, jaar: int, versie: str, correctie_reden: str | None = None) -> None:
    """Raise VersionRefused, with the message fix_version would give, before a job is started
    for it (fix_version checks again inside its transaction)."""
    old = active_version(store, jaar, versie) if versie in VERSIES else None
    _refuse(jaar, versie, old["id"] if old else None, correctie_reden)


def fix_version(warehouse: Path, jaar: int, versie: str, door: str,
                correctie_reden: str | None = None, store: StateStore | None = None) -> int:
    """Record the running result of `jaar` as `versie`. Fixing an existing version again is
    refused; a correction (with a reason) makes a new record and keeps the old one."""
    _refuse(jaar, versie, None, correctie_reden)
    store = store or state_store_for(warehouse)
    figures = current_figures(Path(warehouse), jaar)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as con:
        old = con.execute("select id from resultaat_versies where jaar = ? and versie = ? "
                          "and vervangen_door is null", (jaar, versie)).fetchone()
        _refuse(jaar, versie, old["id"] if old else None, correctie_reden)
        cur = con.execute(
            "insert into resultaat_versies (jaar, versie, vastgesteld_op, door, peildatum, "
            "warehouse_versie, bestanden, resultaat, verdeling, vervangt, reden) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (jaar, versie, now, door, figures["meta"]["peildatum"], figures["meta"]["versie"],
             json.dumps(figures["bestanden"]), json.dumps(figures["resultaat"]),
             json.dumps(figures["verdeling"]), old["id"] if old else None, correctie_reden))
        new_id = cur.lastrowid
        if old:
            con.execute("update resultaat_versies set vervangen_door = ? where id = ?", (new_id, old["id"]))
    store.audit(door, "versie_vastgesteld", {"jaar": jaar, "versie": versie, "record": new_id,
                                             "correctie_van": old["id"] if old else None,
                                             "resultaat_eur": figures["resultaat"]["resultaat_eur"]})
    return new_id


def all_versions(store: StateStore) -> list[dict]:
    with store.reading() as con:
        return [dict(r) for r in con.execute("select * from resultaat_versies order by jaar, versie, id")]


def copy_versions(con: duckdb.DuckDBPyConnection, store: StateStore) -> int:
    """Copy every fixed version from the state store into raw.resultaat_versies of a warehouse
    being built, before its models run. Returns how many records."""
    records = all_versions(store)
    con.execute("delete from raw.resultaat_versies")
    if not records:
        return 0
    con.executemany(
        "insert into raw.resultaat_versies values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[r["id"], r["jaar"], r["versie"], r["vastgesteld_op"], r["door"], r["peildatum"],
          r["warehouse_versie"], r["vervangt"], r["vervangen_door"], r["reden"], r["resultaat"],
          r["verdeling"]] for r in records])
    return len(records)
