"""The transition date per region in config/regios.csv, and every reader of that file."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from etl.load import load
from etl.region import load_region, region_names
from tests.fixtures.delivery import write_delivery

KOP = "regio;gemeente_code;gemeente_naam;subregio_code;subregio_naam;centrumgemeente"


def test_each_configured_region_has_its_transition_date():
    assert load_region("Assen").overgangsdatum == date(2026, 1, 1)
    assert load_region("Zuidoost-Drenthe").overgangsdatum == date(2023, 1, 1)   # 004_*.txt §14.2
    assert load_region("Nederland").overgangsdatum == date(2026, 1, 1)
    assert region_names()[:3] == ["Assen", "Zuidoost-Drenthe", "Dordrecht"]


def test_a_file_without_the_column_still_reads_and_two_dates_in_one_region_are_refused(tmp_path):
    oud = tmp_path / "oud" / "regios.csv"
    oud.parent.mkdir()
    oud.write_text(KOP + "\nX;GM0106;Assen;A;A;ja\n", encoding="utf-8")
    assert load_region("X", oud).overgangsdatum is None
    fout = tmp_path / "fout" / "regios.csv"
    fout.parent.mkdir()
    fout.write_text(KOP + ";overgangsdatum\nX;GM0106;Assen;A;A;ja;01-01-2026\n"
                    "X;GM1680;Aa en Hunze;A;A;nee;01-01-2027\n", encoding="utf-8")
    with pytest.raises(ValueError, match="verschillende overgangsdata"):
        load_region("X", fout)


def test_the_load_writes_the_transition_date_into_the_warehouse(tmp_path):
    wh = tmp_path / "warehouse.duckdb"
    assert load(write_delivery(tmp_path / "lev"), wh).published
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("select * from staging.regio_overgang").fetchall() == [(date(2026, 1, 1),)]
    finally:
        con.close()
