"""The dashboard and auth tests read a small hand-made warehouse (fixture_warehouse.py) with
hand-computed figures. It must look like a real one: every mart it has, it has with the columns
the real models give (a real warehouse is loaded here from the small delivery through the real
ETL and models). A column added to a mart but not to the fixture fails here, by name, instead
of somewhere in a view."""
from __future__ import annotations

import duckdb
import fixture_warehouse

from etl.load import load
from tests.fixtures.delivery import write_delivery


def _kolommen(pad) -> dict[str, list[str]]:
    con = duckdb.connect(str(pad), read_only=True)
    try:
        rijen = con.execute("select table_name, column_name from information_schema.columns "
                            "where table_schema = 'marts' order by table_name, ordinal_position").fetchall()
    finally:
        con.close()
    uit: dict[str, list[str]] = {}
    for tabel, kolom in rijen:
        uit.setdefault(tabel, []).append(kolom)
    return uit


def test_the_fixture_marts_have_the_columns_of_the_real_marts(tmp_path, monkeypatch):
    monkeypatch.setenv("BWMO_STATE", str(tmp_path / "state.sqlite"))
    echt = tmp_path / "echt" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "levering"), echt)
    nep = fixture_warehouse.build(tmp_path / "fixture.duckdb")
    echte, nagemaakte = _kolommen(echt), _kolommen(nep)
    assert set(nagemaakte) <= set(echte), "de fixture heeft marts die het warehouse niet kent"
    verschil = {t: (sorted(set(echte[t]) - set(k)), sorted(set(k) - set(echte[t])))
                for t, k in nagemaakte.items() if set(k) != set(echte[t])}
    assert verschil == {}, "per mart: (ontbreekt in de fixture, bestaat niet echt)"
