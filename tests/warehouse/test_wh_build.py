"""The build itself: model discovery, dependency order, checks that stop a publish."""

import duckdb
import pytest
from wh_raw import add_indicatie, new_warehouse, rows

from warehouse.build import (
    CHECKS_DIR,
    LAYERS,
    ChecksFailed,
    build,
    build_order,
    create_raw_schema,
    dependencies,
    find_models,
    run_checks,
)

CONTRACT_MARTS = {
    "clienten_maand": ["maand", "gemeente_code", "tussenvorm", "leveringsvorm", "actief"],
    "stromen_maand": ["maand", "gemeente_code", "instroom", "nieuwe_clienten", "uitstroom",
                      "uitstroom_wlz"],
    "kosten_maand": ["maand", "gemeente_code", "leveringsvorm", "kosten_eur"],
    "resultaat_jaar": ["jaar", "versie", "baten_eur", "clientgebonden_kosten_eur",
                       "niet_clientgebonden_kosten_eur", "resultaat_eur"],
    "resultaat_verdeling": ["jaar", "versie", "gemeente_code", "inwoners", "inwoners_aandeel",
                            "kosten_eur", "kosten_aandeel", "verdeelsleutel", "resultaat_eur"],
}


def test_every_model_comes_after_what_it_reads():
    models = find_models()
    order = build_order(models)
    assert sorted(order) == sorted(models)
    position = {name: i for i, name in enumerate(order)}
    for name, path in models.items():
        for dep in dependencies(path.read_text(), set(models)):
            if dep != name:
                assert position[dep] < position[name], (dep, name)


def test_every_model_has_the_dbt_shape():
    for name, path in find_models().items():
        sql = path.read_text().strip().rstrip(";").lower()
        assert sql.endswith("select * from final"), name
    for path in CHECKS_DIR.glob("*.sql"):
        assert path.read_text().strip(), path


def test_staging_reads_raw_only():
    for name, path in find_models().items():
        if name.startswith("staging."):
            assert dependencies(path.read_text(), set(find_models())) == set(), name


def test_dependencies_ignore_comments_and_unknown_names():
    sql = "-- reads marts.old_thing\nselect * from staging.meta join intermediate.x on true"
    assert dependencies(sql, {"staging.meta", "marts.old_thing"}) == {"staging.meta"}


def test_a_cycle_is_refused(tmp_path):
    for layer in LAYERS:
        (tmp_path / layer).mkdir()
    (tmp_path / "marts" / "a.sql").write_text("select * from marts.b")
    (tmp_path / "marts" / "b.sql").write_text("select * from marts.a")
    with pytest.raises(ValueError, match="cycle"):
        build_order(find_models(tmp_path))


def test_build_on_an_empty_load_creates_every_mart_and_passes():
    con = duckdb.connect()
    create_raw_schema(con)
    con.execute("insert into raw.meta values (date '2024-06-15', 'Test', now(), 'v1')")
    results = build(con)
    assert results and all(r.passed for r in results)
    assert {r.name for r in results} == {p.stem for p in CHECKS_DIR.glob("*.sql")}
    for mart, columns in CONTRACT_MARTS.items():
        cols = [c[0] for c in con.execute(f"select * from marts.{mart} limit 0").description]
        assert set(columns) <= set(cols), mart
    assert rows(con, "select count(*) as n from marts.clienten_maand") == [{"n": 0}]


def test_contract_column_types():
    con = new_warehouse("2024-06-15")
    add_indicatie(con, "a", "1", "2024-01-01", None)
    build(con)
    types = dict(con.execute(
        "select table_name || '.' || column_name, data_type from information_schema.columns "
        "where table_schema = 'marts'").fetchall())
    assert types["clienten_maand.maand"] == "DATE"
    assert types["kosten_maand.kosten_eur"] == "DECIMAL(18,2)"
    assert types["resultaat_verdeling.resultaat_eur"] == "DECIMAL(18,2)"
    assert types["resultaat_verdeling.verdeelsleutel"] == "DOUBLE"
    assert types["resultaat_verdeling.afrondingscent"] == "BOOLEAN"


def test_failing_check_stops_the_build_with_the_offending_rows():
    con = new_warehouse("2024-06-15")
    # a gemeente code the ETL should have refused
    add_indicatie(con, "a", "1", "2024-01-01", None, gemeente="GM106")
    with pytest.raises(ChecksFailed) as info:
        build(con)
    failed = {r.name: r for r in info.value.results}
    assert "gemeentecodes_geldig" in failed
    assert failed["gemeentecodes_geldig"].offending_rows >= 1
    assert "gemeentecodes_geldig" in str(info.value) and "GM106" in str(info.value)
    # run_checks reports without raising
    by_name = {r.name: r for r in run_checks(con)}
    assert not by_name["gemeentecodes_geldig"].passed
    assert by_name["stand_sluit_aan_op_stromen"].passed
