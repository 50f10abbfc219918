"""The `budget` export: the Rijk's ingroeipad file, read as the contract says, loaded as a snapshot."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb

from etl.load import load
from etl.region import load_region
from etl.validate import read_export
from tests.fixtures.delivery import write_delivery

ZOD = load_region("Zuidoost-Drenthe").codes

# As Bijlage II writes them: euro sign, thousands separator, "€ -00" for nothing.
BUDGET = ("Jaar;Gemeentecode;Historisch;Objectief;Toelichting\r\n"
          "2023;0114;€ 11.879.780;€ 915.682;Bijlage II\r\n"
          "2023;GM0109;€ -00;€ 298.810;\r\n"
          "2023;1681;€ -00;€ 223.567;\r\n"
          "2023;0363;€ -00;€ 1.000,50;elders\r\n"      # Amsterdam: any Dutch municipality is read
          "2023;GM0000;€ -00;€ 1,00;\r\n"              # no municipality
          "2023;0109;€ -00;€ 5,00;\r\n")                # duplicate (Jaar, Gemeentecode)


def test_budget_reads_bijlage_ii_amounts_and_any_dutch_municipality(tmp_path):
    path = tmp_path / "budget_20250630.csv"
    path.write_text(BUDGET, encoding="utf-8")
    result = read_export(path, "budget", ZOD)
    got = [(r["jaar"], r["gemeente_code"], r["historisch"], r["objectief"]) for r in result.rows.to_pylist()]
    assert got == [(2023, "GM0114", Decimal("11879780.00"), Decimal("915682.00")),
                   (2023, "GM0109", Decimal("0.00"), Decimal("298810.00")),
                   (2023, "GM1681", Decimal("0.00"), Decimal("223567.00")),
                   (2023, "GM0363", Decimal("0.00"), Decimal("1000.50"))]
    reasons = {(r.regel, r.reden.split(":")[0]) for r in result.rejected}
    assert reasons == {(6, "Gemeentecode is geen gemeentecode (verwacht bijvoorbeeld GM0106 of 0106)"),
                       (7, "dubbele sleutel (Jaar, Gemeentecode)")}


def _budget(folder: Path, suffix: str, rows: list[str]) -> None:
    (folder / f"budget_{suffix}.csv").write_text(
        "Jaar;Gemeentecode;Historisch;Objectief\n" + "\n".join(rows) + "\n", encoding="utf-8")


def _load_budget_later(tmp_path, wh: Path) -> None:
    lev2 = tmp_path / "l2"
    lev2.mkdir()
    _budget(lev2, "20250701", ["2025;0106;500,00;2.500,00"])
    assert load(lev2, wh).published


def _query(wh: Path, sql: str):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_newer_budget_snapshot_replaces_the_older_and_the_mart_keeps_the_region(tmp_path):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    lev = write_delivery(tmp_path / "l1")
    _budget(lev, "20250630", ["2025;0106;1.000,00;2.000,00", "2025;0114;9,00;9,00"])
    assert load(lev, wh).published
    _load_budget_later(tmp_path, wh)
    raw = _query(wh, "select jaar, gemeente_code, historisch from raw.budget")
    mart = _query(wh, "select gemeente_code, totaal_eur from marts.budget_jaar where budget_aangeleverd")
    n = _query(wh, "select count(*) from marts.budget_jaar")[0][0]
    assert raw == [(2025, "GM0106", Decimal("500.00"))]
    assert mart == [("GM0106", Decimal("3000.00"))]
    assert n == 9          # 2025 x the nine municipalities of region Assen


def test_a_warehouse_from_before_the_budget_soort_still_carries_over(tmp_path):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    assert load(write_delivery(tmp_path / "l1"), wh).published
    con = duckdb.connect(str(wh))
    con.execute("drop table raw.budget")
    con.execute("alter table raw.indicaties drop column gemeente_code_verblijf")
    con.close()
    _load_budget_later(tmp_path, wh)
    assert _query(wh, "select count(*) from raw.indicaties") == [(3,)]
    assert _query(wh, "select count(*) from raw.budget") == [(1,)]
