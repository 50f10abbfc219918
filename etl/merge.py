"""Merging a validated file into the raw state, by the contract's snapshot and increment rules."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.region import Region
from etl.soorten import MOMENTOPNAME_SOORTEN

INCREMENT_KEYS = {
    "declaraties": ("regelnummer",),
    "pgb": ("clientnummer", "jaar", "maand"),
}
# The state a new warehouse inherits from the published one: data, the load log, rejections.
CARRIED_TABLES = (*MOMENTOPNAME_SOORTEN, *INCREMENT_KEYS, "laadlog", "afgekeurd")


def carry_over(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    con.execute(f"attach '{previous}' as vorige (read_only)")
    try:
        present = {r[0] for r in con.execute(
            "select table_name from duckdb_tables() where database_name = 'vorige' "
            "and schema_name = 'raw'").fetchall()}
        for table in CARRIED_TABLES:
            if table not in present:   # a warehouse from before that soort existed (budget)
                continue
            # by name: an older warehouse without a newer column still carries over
            con.execute(f"insert into raw.{table} by name select * from vorige.raw.{table}")
    finally:
        con.execute("detach vorige")


def write_region(con: duckdb.DuckDBPyConnection, region: Region) -> None:
    con.execute("delete from raw.regio")
    con.executemany(
        "insert into raw.regio values (?, ?, ?, ?, ?)",
        [(g.code, g.naam, g.subregio_code, g.subregio_naam, g.centrumgemeente)
         for g in region.gemeenten],
    )
    con.execute("delete from raw.regio_overgang")
    con.execute("insert into raw.regio_overgang values (?)", [region.overgangsdatum])


def write_meta(con, peildatum: date, regio: str, geladen_op: datetime, versie: str) -> None:
    con.execute("delete from raw.meta")
    con.execute("insert into raw.meta values (?, ?, ?, ?)", [peildatum, regio, geladen_op, versie])


def merge_rows(con: duckdb.DuckDBPyConnection, rep, result, geladen_op: datetime) -> str:
    """Put one file's rows into raw.<soort>; return the file's status for the load log."""
    soort = rep.soort
    con.register("nieuw", result.rows)
    try:
        if soort in MOMENTOPNAME_SOORTEN:
            status = _replace_snapshot(con, soort, rep)
        else:
            status = _merge_increment(con, soort, rep)
    finally:
        con.unregister("nieuw")
    if status != "geladen":
        rep.regels_geladen = 0
    if result.rejected:
        con.executemany(
            "insert into raw.afgekeurd values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(geladen_op, rep.bestand, soort, rep.sha256, r.regel, r.kolom, r.waarde, r.reden, r.rij)
             for r in result.rejected],
        )
    con.execute(
        "insert into raw.laadlog (geladen_op, bestand, soort, peildatum, sha256, regels_gelezen, "
        "regels_geladen, regels_afgekeurd, status, regels_overgeslagen) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [geladen_op, rep.bestand, soort, rep.peildatum, rep.sha256, rep.regels_gelezen,
         rep.regels_geladen, rep.regels_afgekeurd, status, sum(rep.overgeslagen.values())],
    )
    return status


def _replace_snapshot(con, soort: str, rep) -> str:
    current = con.execute(f"select max(_peildatum) from raw.{soort}").fetchone()[0]
    if current is not None and rep.peildatum < current:
        return "ouder dan geladen momentopname"
    con.execute(f"delete from raw.{soort}")
    con.execute("update raw.laadlog set status = 'vervangen' "
                "where soort = ? and status = 'geladen'", [soort])
    con.execute(f"insert into raw.{soort} by name "
                "select *, ? as _bestand, ? as _peildatum from nieuw", [rep.bestand, rep.peildatum])
    return "geladen"


def _merge_increment(con, soort: str, rep) -> str:
    """Key by key, the version from the file with the newer (or equal) peildatum wins."""
    keys = INCREMENT_KEYS[soort]
    match = " and ".join(f"o.{k} = n.{k}" for k in keys)
    con.execute(f"delete from raw.{soort} o where o._peildatum <= ? "
                f"and exists (select 1 from nieuw n where {match})", [rep.peildatum])
    con.execute(f"insert into raw.{soort} by name "
                "select n.*, ? as _bestand, ? as _peildatum from nieuw n "
                f"where not exists (select 1 from raw.{soort} o where {match})",
                [rep.bestand, rep.peildatum])
    return "geladen"
