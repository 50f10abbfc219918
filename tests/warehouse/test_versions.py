"""Fixed result versions: durable, refused twice, corrected explicitly, shown beside lopend."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal

import duckdb
import pytest

from etl.errors import LoadRefused
from etl.load import load, rebuild
from staat.store import StateStore
from tests.fixtures.delivery import ROWS, write_delivery
from warehouse.versions import VersionRefused, all_versions, fix_version


def rows(wh, sql, params=None):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("BWMO_STATE", str(tmp_path / "state.sqlite"))
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev1"), wh)
    return wh, StateStore(tmp_path / "state.sqlite")


def test_fixed_version_is_in_the_marts_and_refused_twice(setup):
    wh, store = setup
    lopend = rows(wh, "select resultaat_eur from marts.resultaat_jaar where jaar = 2024 and versie = 'lopend'")
    fix_version(wh, 2024, "voorlopig", "regio")
    rebuild(wh)
    assert rows(wh, "select resultaat_eur from marts.resultaat_jaar where jaar = 2024 and versie = 'voorlopig'") == lopend
    shares = rows(wh, "select sum(resultaat_eur) from marts.resultaat_verdeling where jaar = 2024 and versie = 'voorlopig'")
    assert shares == lopend
    with pytest.raises(VersionRefused, match="al vastgesteld"):
        fix_version(wh, 2024, "voorlopig", "regio")
    audit = store.audit_rows(action="versie_vastgesteld")
    assert len(audit) == 1 and audit[0]["wie"] == "regio"


def test_fixed_version_survives_changed_exports_and_a_rebuild_from_scratch(setup, tmp_path):
    wh, store = setup
    fix_version(wh, 2024, "voorlopig", "regio")
    before = rows(wh, "select gemeente_code, resultaat_eur, inwoners, kosten_eur from marts.resultaat_verdeling "
                      "where jaar = 2024 and versie = 'lopend' order by 1")
    # a later delivery changes the 2024 finance: the running result moves, the fixed one must not
    fin = [r.replace("2024;Integratie-uitkering BW;100.000,00", "2024;Integratie-uitkering BW;150.000,00")
           for r in ROWS["financien"]]
    load(write_delivery(tmp_path / "lev2", suffix="20250731", rows={"financien": fin}), wh)
    lopend = rows(wh, "select resultaat_eur from marts.resultaat_jaar where jaar = 2024 and versie = 'lopend'")
    fixed = rows(wh, "select resultaat_eur from marts.resultaat_jaar where jaar = 2024 and versie = 'voorlopig'")
    assert lopend[0][0] - fixed[0][0] == Decimal("50000.00")
    # from scratch: a new warehouse file, same state store
    shutil.rmtree(wh.parent)
    load(write_delivery(tmp_path / "lev3", suffix="20250801", rows={"financien": fin}), wh)
    after = rows(wh, "select gemeente_code, resultaat_eur, inwoners, kosten_eur from marts.resultaat_verdeling "
                     "where jaar = 2024 and versie = 'voorlopig' order by 1")
    assert after == before
    record = all_versions(store)[0]
    hashes = {f["bestand"]: f["sha256"] for f in json.loads(record["bestanden"])}
    assert "indicaties_20250630.csv" in hashes and len(hashes["indicaties_20250630.csv"]) == 64


def test_correction_keeps_the_old_record_and_settlement_shows_the_difference(setup, tmp_path):
    wh, _ = setup
    fix_version(wh, 2024, "voorlopig", "regio")
    fin = [r.replace("2024;Uitvoeringskosten BW;5.000,00", "2024;Uitvoeringskosten BW;7.000,00")
           for r in ROWS["financien"]]
    load(write_delivery(tmp_path / "lev2", suffix="20250731", rows={"financien": fin}), wh)
    fix_version(wh, 2024, "definitief", "regio")
    with pytest.raises(VersionRefused, match="reden"):
        fix_version(wh, 2024, "definitief", "regio", correctie_reden=" ")
    fix_version(wh, 2024, "definitief", "regio", correctie_reden="controle accountant")
    rebuild(wh)
    history = rows(wh, "select record_id, versie, vervangt, vervangen_door from marts.resultaat_versies order by 1")
    assert history == [(1, "voorlopig", None, None), (2, "definitief", None, 3), (3, "definitief", 2, None)]
    settle = rows(wh, "select sum(voorlopig_eur), sum(definitief_eur), sum(verschil_eur) from marts.verrekening where jaar = 2024")
    # the definitive result is 2.000,00 lower (uitvoeringskosten 5.000 -> 7.000)
    assert settle[0][2] == Decimal("-2000.00")
    assert settle[0][1] - settle[0][0] == Decimal("-2000.00")


def test_fixed_versions_are_checked_like_every_other_row(setup):
    """The fixed versions are an input of the build, so the data checks see them: a record whose
    frozen shares no longer add up to its result (a damaged state store) stops the publish, and
    the published warehouse stays as it was. Before, the versions were copied in after the
    checks had run, and this warehouse was published."""
    wh, store = setup
    fix_version(wh, 2024, "voorlopig", "regio")
    rebuild(wh)
    before = rows(wh, "select versie from raw.meta")
    with store.transaction() as con:
        record = con.execute("select id, verdeling from resultaat_versies").fetchone()
        verdeling = json.loads(record["verdeling"])
        verdeling[0]["resultaat_eur"] = str(Decimal(verdeling[0]["resultaat_eur"]) + Decimal("0.01"))
        con.execute("update resultaat_versies set verdeling = ? where id = ?",
                    (json.dumps(verdeling), record["id"]))
    with pytest.raises(LoadRefused, match="verdeling_telt_op_tot_resultaat"):
        rebuild(wh)
    assert rows(wh, "select versie from raw.meta") == before


def test_fixed_rows_have_the_types_of_the_running_rows(setup):
    """A frozen row read back from its JSON record has the same column types as the running one."""
    wh, _ = setup
    fix_version(wh, 2024, "voorlopig", "regio")
    rebuild(wh)
    for mart in ("resultaat_jaar", "resultaat_verdeling"):
        lopend = rows(wh, f"select * exclude (versie, versie_rang, meest_definitief) from marts.{mart} where jaar = 2024 and versie = 'lopend' order by all")
        vast = rows(wh, f"select * exclude (versie, versie_rang, meest_definitief) from marts.{mart} where jaar = 2024 and versie = 'voorlopig' order by all")
        assert vast == lopend and vast, mart
