"""Fixed result versions (convenant art. 8.6): voorlopig in February, definitief by June.

A fixed version is a durable record in the state store, outside the warehouse, so no later load
or rebuild can change it. Every build copies the records into `marts.resultaat_jaar` and
`marts.resultaat_verdeling` (versie `voorlopig` / `definitief`) and into the marts that show
them side by side (`marts.resultaat_versies`, `marts.verrekening`).
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
SQL = Path(__file__).resolve().parent / "versions"


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


def fix_version(warehouse: Path, jaar: int, versie: str, door: str,
                correctie_reden: str | None = None, store: StateStore | None = None) -> int:
    """Record the running result of `jaar` as `versie`. Fixing an existing version again is
    refused; a correction (with a reason) makes a new record and keeps the old one."""
    if versie not in VERSIES:
        raise VersionRefused(f"Onbekende versie '{versie}': kies voorlopig of definitief.")
    store = store or state_store_for(warehouse)
    figures = current_figures(Path(warehouse), jaar)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as con:
        old = con.execute("select id from resultaat_versies where jaar = ? and versie = ? "
                          "and vervangen_door is null", (jaar, versie)).fetchone()
        if old and not correctie_reden:
            raise VersionRefused(
                f"Het {versie}e resultaat {jaar} is al vastgesteld (record {old['id']}). Een correctie "
                "is een aparte handeling met een reden; het oude record blijft bewaard.")
        if correctie_reden is not None and not correctie_reden.strip():
            raise VersionRefused("Een correctie vraagt om een reden.")
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


def inject_versions(con: duckdb.DuckDBPyConnection, store: StateStore) -> int:
    """Copy the fixed versions into the marts of a warehouse being built. Returns how many."""
    records = all_versions(store)
    con.execute((SQL / "tables.sql").read_text())
    for rec in records:
        con.execute("insert into marts.resultaat_versies values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [rec["id"], rec["jaar"], rec["versie"], rec["vastgesteld_op"], rec["door"],
                     rec["peildatum"], rec["warehouse_versie"], rec["vervangt"],
                     rec["vervangen_door"], rec["reden"]])
        if rec["vervangen_door"] is not None:
            continue  # a corrected record stays in the history, not in the figures
        resultaat = {**json.loads(rec["resultaat"]), "versie": rec["versie"]}
        _insert_row(con, "marts.resultaat_jaar", resultaat)
        for row in json.loads(rec["verdeling"]):
            _insert_row(con, "marts.resultaat_verdeling", {**row, "versie": rec["versie"]})
    con.execute((SQL / "verrekening.sql").read_text())
    return len(records)


def _insert_row(con, table: str, row: dict) -> None:
    # by name, restricted to today's columns: a record from an older build still fits
    existing = {r[0] for r in con.execute(f"describe {table}").fetchall()}
    cols = [c for c in row if c in existing]
    placeholders = ", ".join("?" for _ in cols)
    con.execute(f"insert into {table} ({', '.join(cols)}) values ({placeholders})", [row[c] for c in cols])
