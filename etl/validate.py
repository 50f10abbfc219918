"""Read one export file as its soort: typed rows for raw.<soort>, rejected rows with reasons.

The typed parsing and the rules run as DuckDB SQL over the whole file at once (a national
delivery holds millions of declaration lines); the SQL comes from ``etl.expressions`` and is
driven by the soort's column map.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from etl.errors import RefusedFile, Rejection
from etl.expressions import column_sql, lit, q
from etl.readers import HeaderMap, RawRows, read_rows
from etl.soorten import Soort, get_soort

__all__ = ["ReadResult", "RefusedFile", "Rejection", "raw_schema", "read_export"]

RAW_SQL = Path(__file__).resolve().parent.parent / "warehouse" / "schema" / "raw.sql"
LOADER_COLUMNS = ("_bestand", "_peildatum")


@dataclass
class ReadResult:
    rows: pa.Table
    rejected: list[Rejection] = field(default_factory=list)
    rows_read: int = 0
    # Lines read but left out by design, per Dutch reason (cbs: a region that is no
    # municipality of the region, an empty figure); counted so that none goes unmentioned.
    overgeslagen: dict[str, int] = field(default_factory=dict)


@cache
def raw_schema(soort: str) -> pa.Schema:
    """The arrow schema of raw.<soort> minus the columns the loader adds; raw.sql is the truth."""
    con = duckdb.connect()
    try:
        con.execute(RAW_SQL.read_text(encoding="utf-8"))
        schema = con.sql(f"select * from raw.{soort} limit 0").to_arrow_table().schema
    finally:
        con.close()
    return pa.schema([f for f in schema if f.name not in LOADER_COLUMNS])


def read_export(path: str | Path, soort: str | Soort, gemeenten, peildatum: date | None = None,
                ) -> ReadResult:
    """Read one file as `soort`; `gemeenten` are the region's GM#### codes.

    Raises RefusedFile when the file cannot be read as its soort at all.
    """
    soort = get_soort(soort) if isinstance(soort, str) else soort
    path = Path(path)
    raw = read_rows(path, soort)
    if soort.name == "cbs":
        from etl.cbs import convert  # CBS has its own shape: measures in columns
        cbs = convert(raw, path.name, raw_schema("cbs"), frozenset(gemeenten))
        return ReadResult(cbs.rows, cbs.rejected, cbs.rows_read, cbs.overgeslagen)
    con = duckdb.connect()
    try:
        con.execute("set enable_progress_bar = false")
        rows_read = _check(con, raw, soort, gemeenten)
        if rows_read == 0 and soort.snapshot:
            raise RefusedFile(path.name, raw.header_line,
                              f"het bestand bevat alleen een kopregel; een lege momentopname van "
                              f"{soort.name} zou alle gegevens wissen")
        rejected = _met_rij(raw, soort, _rejections(con, soort))
        rows = _accepted(con, soort)
    finally:
        con.close()
    return ReadResult(rows=rows, rejected=rejected, rows_read=rows_read)


def _met_rij(raw: RawRows, soort: Soort, rejected: list[Rejection]) -> list[Rejection]:
    """Each rejection with its whole line as delivered: every column of the soort, as text
    (null where the file has no value), under the column's name as the monitor shows it."""
    if not rejected:
        return rejected
    regels = pa.array(sorted({r.regel for r in rejected}), type=raw.table.schema.field("_regel").type)
    gekozen = raw.table.filter(pc.is_in(raw.table["_regel"], value_set=regels)).to_pylist()
    labels = _labels(soort)
    per_regel = {r["_regel"]: json.dumps({labels[c.name]: r.get(c.name) for c in soort.columns},
                                         ensure_ascii=False) for r in gekozen}
    return [replace(r, rij=per_regel.get(r.regel)) for r in rejected]


def _labels(soort: Soort) -> dict[str, str]:
    hmap = HeaderMap(soort)
    return {c.name: hmap.display(c.name) for c in soort.columns}


def _trim(x: str) -> str:
    """Empty -> null, surrounding white space off; most values need neither, and testing
    for that first halves the cost of a column."""
    edge = " or ".join(f"{f}({x}, {c})" for f in ("starts_with", "ends_with")
                       for c in ("' '", "chr(9)", "chr(160)"))
    return (f"case when {x} = '' then null when {edge} "
            f"then nullif(trim({x}, ' ' || chr(9) || chr(160)), '') else {x} end")


def _check(con, raw: RawRows, soort: Soort, gemeenten) -> int:
    """Parse and check every value into temp table `checked`; the number of data lines.

    `checked` holds per line the trimmed text, the typed value and the column's fault, then
    each row rule's fault (judged only on rows whose values are fine), and `_ok`.
    """
    labels = _labels(soort)
    sql = {c.name: column_sql(c, labels[c.name]) for c in soort.columns}
    con.register("src", raw.table)
    trimmed = ", ".join(f"{_trim(q(n))} as {q(n)}" for n in sql)
    blank = " and ".join(f"{q(n)} is null" for n in sql)
    helpers = "".join(f", {s.helper} as {q(n + '__s')}" for n, s in sql.items() if s.helper)
    values = "".join(f", {s.value} as {q(n + '__v')}" for n, s in sql.items())
    errors = ", ".join(f"{s.error} as {q(n + '__e')}" for n, s in sql.items())
    value_cols = ", ".join(q(n + "__v") for n in sql)
    error_cols = ", ".join(q(n + "__e") for n in sql)
    values_ok = " and ".join(f"{q(n + '__e')} is null" for n in sql)
    rules = "".join(f", case when {values_ok} and {q(later + '__v')} < {q(earlier + '__v')} "
                    f"then {lit(f'{labels[later]} ligt voor {labels[earlier]}')} end as _rule{i}"
                    for i, (earlier, later) in enumerate(soort.order_rules))
    rule_cols = "".join(f", _rule{i}" for i in range(len(soort.order_rules)))
    rules_ok = "".join(f" and _rule{i} is null" for i in range(len(soort.order_rules)))
    # The text as it stood is only needed to report a fault; keeping it for every line would
    # double what this table holds.
    faulty = {n: [f"{q(n + '__e')} is not null"] for n in sql}
    for i, (_, later) in enumerate(soort.order_rules):
        faulty[later].append(f"_rule{i} is not null")
    raw_cols = ", ".join(f"case when {' or '.join(c)} then {q(n)} end as {q(n)}"
                         for n, c in faulty.items())
    con.execute(
        f"create temp table checked as select _regel, {value_cols}, {error_cols}{rule_cols}, "
        f"{raw_cols}, {values_ok}{rules_ok} as _ok from ("
        f" select *, {errors}{rules} from ("
        f"  select *{values} from (select *{helpers} from ("
        f"   select _regel, {trimmed} from src) where not ({blank}))))",
        {"gemeenten": sorted(gemeenten)} if "$gemeenten" in errors else None)
    con.unregister("src")
    if soort.key:
        key = ", ".join(q(k + "__v") for k in soort.key)
        con.execute(f"create temp table dups as select {key}, min(_regel) as eerste from checked"
                    f" where _ok group by {key} having count(*) > 1")
    return con.sql("select count(*) from checked").fetchall()[0][0]


def _dup_join(soort: Soort) -> str:
    return " and ".join(f"d.{q(k + '__v')} = c.{q(k + '__v')}" for k in soort.key)


def _rejections(con, soort: Soort) -> list[Rejection]:
    labels = _labels(soort)
    order = {c.name: i for i, c in enumerate(soort.columns)}
    parts = [f"select _regel, {lit(n)} as kolom, {q(n)} as waarde, {q(n + '__e')} as reden, "
             f"{order[n]} as o from checked where {q(n + '__e')} is not null" for n in order]
    # A date before its predecessor is named on the later column: that is the one to fix.
    parts += [f"select _regel, {lit(later)}, {q(later)}, _rule{i}, {order[later]} "
              f"from checked where _rule{i} is not null"
              for i, (_, later) in enumerate(soort.order_rules)]
    if soort.key:
        if len(soort.key) == 1:
            kolom, waarde = lit(soort.key[0]), f"c.{q(soort.key[0] + '__v')}::varchar"
            label, o = f"dubbel {labels[soort.key[0]]}", order[soort.key[0]]
        else:
            kolom = "null"
            waarde = "concat_ws(';', " + ", ".join(f"c.{q(k + '__v')}" for k in soort.key) + ")"
            label = "dubbele sleutel (" + ", ".join(labels[k] for k in soort.key) + ")"
            o = len(order)
        parts.append(f"select c._regel, {kolom}, {waarde}, {lit(label + ': staat al op regel ')}"
                     f" || d.eerste || '; die eerste regel is geladen', {o} from checked c "
                     f"join dups d on {_dup_join(soort)} where c._ok and c._regel <> d.eerste")
    result = con.sql(" union all ".join(parts) + " order by _regel, o").fetchall()
    return [Rejection(regel, kolom, waarde, reden) for regel, kolom, waarde, reden, _ in result]


def _accepted(con, soort: Soort) -> pa.Table:
    schema = raw_schema(soort.name)
    select = ", ".join("c._regel" if f.name == "_regel" else f"c.{q(f.name + '__v')} as {q(f.name)}"
                       for f in schema)
    query = f"select {select} from checked c where c._ok"
    # A plain filter keeps the file's order (DuckDB preserves insertion order); only the
    # anti-join needs sorting, and only files with duplicates get one.
    if soort.key and con.sql("select count(*) from dups").fetchall()[0][0]:
        query += (f" and not exists (select 1 from dups d where {_dup_join(soort)}"
                  f" and c._regel <> d.eerste) order by c._regel")
    rows = con.sql(query)
    return rows.to_arrow_table().cast(schema)
