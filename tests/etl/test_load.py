"""The load: publish, idempotence, refusal leaving the warehouse byte-identical, merge rules."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.load import LoadRefused, load
from etl.region import load_region
from tests.fixtures.delivery import HEADERS, ROWS, write_delivery

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(warehouse: Path, sql: str, params=None):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def published(tmp_path):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    report = load(write_delivery(tmp_path / "levering1"), wh)
    assert report.published
    return wh


def test_first_load_publishes_every_file_with_its_hash(published, tmp_path):
    rows = query(published, "select bestand, soort, peildatum, sha256, regels_gelezen, "
                            "regels_geladen, regels_afgekeurd, status from raw.laadlog order by bestand")
    assert [r[0] for r in rows] == sorted(f"{k}_20250630.csv" for k in [*HEADERS, "cbs"])
    by_name = {r[0]: r for r in rows}
    ind = by_name["indicaties_20250630.csv"]
    assert ind[1:3] == ("indicaties", date(2025, 6, 30))
    assert ind[3] == digest(tmp_path / "levering1" / "indicaties_20250630.csv")
    assert ind[4:] == (3, 3, 0, "geladen")
    assert query(published, "select peildatum, regio from raw.meta") == [(date(2025, 6, 30), "Assen")]
    # gemeentecodes written as 0119 and 1680 arrive normalised
    codes = query(published, "select distinct gemeente_code from raw.indicaties order by 1")
    assert [c[0] for c in codes] == ["GM0106", "GM0119", "GM1680"]


def test_loading_the_same_delivery_again_changes_nothing(published, tmp_path):
    before = digest(published)
    report = load(tmp_path / "levering1", published)
    assert not report.published
    assert {f.status for f in report.files} == {"al geladen"}
    assert digest(published) == before


def test_refused_file_leaves_published_warehouse_byte_identical(published, tmp_path):
    before = digest(published)
    broken = write_delivery(tmp_path / "levering2", suffix="20250731")
    # the indicaties export lost its Ingangsdatum column
    header = HEADERS["indicaties"].replace(";Ingangsdatum", "")
    lines = [";".join(p for i, p in enumerate(r.split(";")) if i != 6) for r in ROWS["indicaties"]]
    (broken / "indicaties_20250731.csv").write_text("\n".join([header, *lines]) + "\n")
    with pytest.raises(LoadRefused) as refused:
        load(broken, published)
    message = str(refused.value)
    assert "indicaties_20250731.csv" in message and "Ingangsdatum" in message
    assert digest(published) == before
    log = published.with_name(published.name + ".geweigerd.log").read_text(encoding="utf-8")
    assert "indicaties_20250731.csv" in log
    assert not list(published.parent.glob(".*bouw*"))


def test_rejected_rows_are_kept_aside_and_the_rest_loads(tmp_path):
    wh = tmp_path / "warehouse.duckdb"
    bad = ROWS["indicaties"] + ["C4;GM0106;1004;15;15A01;ZIN;31-02-2024;;;150,00;14",
                                "C5;GM9999;1005;15;15A01;ZIN;01-01-2024;;;150,00;14"]
    load(write_delivery(tmp_path / "lev", rows={"indicaties": bad}), wh)
    rejected = query(wh, "select bestand, regel, kolom, waarde from raw.afgekeurd order by regel")
    assert rejected == [("indicaties_20250630.csv", 5, "ingangsdatum", "31-02-2024"),
                        ("indicaties_20250630.csv", 6, "gemeente_code", "GM9999")]
    assert query(wh, "select count(*) from raw.indicaties") == [(3,)]
    assert query(wh, "select regels_afgekeurd from raw.laadlog where soort = 'indicaties'") == [(2,)]
    # the whole line is kept as delivered, so the provider can be told which toewijzing to fix
    rij = json.loads(query(wh, "select rij from raw.afgekeurd where regel = 5")[0][0])
    assert rij["Toewijzingnummer"] == "1004" and rij["Clientnummer"] == "C4"
    assert (rij["Ingangsdatum"], rij["Gemeentecode"], rij["Tarief"]) == ("31-02-2024", "GM0106", "150,00")
    assert json.loads(query(wh, "select rij from marts.afgekeurde_regels where regel = 6")[0][0])[
        "Toewijzingnummer"] == "1005"


def test_increment_newer_peildatum_wins_and_snapshot_is_replaced(published, tmp_path):
    second = tmp_path / "levering2"
    second.mkdir()
    # R2 is corrected (credit + new amount lands as a new version), R4 is new
    (second / "declaraties_20250731.csv").write_text("\n".join([
        HEADERS["declaraties"],
        "R2;1001;01-02-2025;28-02-2025;4.100,00;Toegekend",
        "R4;1001;01-03-2025;31-03-2025;4.650,00;Ingediend"]) + "\n")
    # an older declaraties file must not override R1
    (second / "declaraties_20250101.csv").write_text("\n".join([
        HEADERS["declaraties"], "R1;1001;01-01-2025;31-01-2025;1,00;Toegekend"]) + "\n")
    (second / "indicaties_20250731.csv").write_text("\n".join([
        HEADERS["indicaties"], ROWS["indicaties"][0]]) + "\n")
    report = load(second, published)
    assert report.published and report.peildatum == date(2025, 7, 31)
    decl = query(published, "select regelnummer, bedrag, _bestand from raw.declaraties order by 1")
    assert [(r[0], float(r[1])) for r in decl] == [("R1", 4650.0), ("R2", 4100.0),
                                                   ("R3", 1260.0), ("R4", 4650.0)]
    assert query(published, "select count(*) from raw.indicaties") == [(1,)]
    statuses = dict(query(published, "select bestand, status from raw.laadlog"))
    assert statuses["indicaties_20250630.csv"] == "vervangen"
    assert statuses["indicaties_20250731.csv"] == "geladen"


def test_cli_exit_codes_and_reason_on_stderr(tmp_path):
    wh = tmp_path / "warehouse.duckdb"
    good = write_delivery(tmp_path / "lev")
    ok = subprocess.run([sys.executable, "-m", "etl", "load", str(good), "--warehouse", str(wh)],
                        cwd=ROOT, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Gepubliceerd" in ok.stdout
    (good / "wlz_20250801.csv").write_text("Clientnummer;Besluit\nC1;Toegekend\n")
    refused = subprocess.run([sys.executable, "-m", "etl", "load", str(good), "--warehouse", str(wh)],
                             cwd=ROOT, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "wlz_20250801.csv" in refused.stderr and "Aanvraagdatum" in refused.stderr


def test_other_region_selectable(tmp_path):
    wh = tmp_path / "dordrecht.duckdb"
    rows = {"indicaties": ["C1;GM0505;1;15;15A01;ZIN;01-01-2024;;;150,00;14"],
            "pgb": [], "declaraties": [], "wlz": ["C1;01-05-2025;In behandeling;"]}
    codes = sorted(load_region("Dordrecht").codes)
    load(write_delivery(tmp_path / "lev", rows=rows, codes=codes), wh, region_name="Dordrecht")
    assert query(wh, "select count(*) from raw.regio") == [(9,)]
    assert query(wh, "select regio from raw.meta") == [("Dordrecht",)]


def test_snapshot_whose_every_row_is_rejected_is_refused(published, tmp_path):
    before = digest(published)
    lev = tmp_path / "lev2"
    lev.mkdir()
    # every row names a municipality outside the region: loading it would wipe the indications
    (lev / "indicaties_20250731.csv").write_text("\n".join([
        HEADERS["indicaties"], "C1;GM0505;1001;15;15A01;ZIN;01-01-2024;;;150,00;14"]) + "\n")
    with pytest.raises(LoadRefused, match="alle 1 regels zijn afgekeurd"):
        load(lev, published)
    assert digest(published) == before


def test_impossible_date_in_a_file_name_is_refused(published, tmp_path):
    lev = tmp_path / "lev2"
    lev.mkdir()
    (lev / "indicaties_20251301.csv").write_text(HEADERS["indicaties"] + "\n")
    with pytest.raises(LoadRefused, match="indicaties_20251301.csv"):
        load(lev, published)


def test_a_file_the_monitor_does_not_recognise_is_named_with_the_closest_soort(tmp_path):
    levering = write_delivery(tmp_path / "levering")
    (levering / "begroting_20250630.csv").write_text("Jaar;Gemeentecode\n2025;0106\n", encoding="utf-8")
    (levering / "indicatie_20250630.csv").write_text("x\n", encoding="utf-8")  # a typo of indicaties
    (levering / "toelichting.txt").write_text("leesmij\n", encoding="utf-8")
    wh = tmp_path / "wh" / "warehouse.duckdb"
    r = subprocess.run([sys.executable, "-m", "etl", "load", str(levering), "--warehouse", str(wh)],
                       capture_output=True, text=True, check=False, env={**__import__("os").environ,
                                                                          "COLUMNS": "200"})
    assert r.returncode == 0, r.stderr
    assert "Niet gelezen: begroting_20250630.csv is niet gelezen: geen bekende soort export" in r.stdout
    assert "indicatie_20250630.csv is niet gelezen: geen bekende soort export; bedoelt u indicaties?" in r.stdout
    assert "toelichting.txt is niet gelezen: geen .csv, .xlsx of (alleen cbs) .json" in r.stdout
    assert "3 bestand(en) in de levering niet gelezen: begroting_20250630.csv, indicatie_20250630.csv, " \
           "toelichting.txt." in " ".join(r.stderr.split())
    assert "Bekende soorten: indicaties, declaraties, pgb, wlz, financien, producten, cbs, budget" \
        in " ".join(r.stdout.split())


def test_a_delivery_in_which_nothing_is_recognised_is_refused(tmp_path):
    levering = tmp_path / "levering"
    levering.mkdir()
    (levering / "indicatie_20250630.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(LoadRefused, match=r"Geen exportbestanden gevonden.*\n  indicatie_20250630.csv is niet "
                                          r"gelezen: geen bekende soort export; bedoelt u indicaties\?"):
        load(levering, tmp_path / "wh" / "warehouse.duckdb")
    report = load(write_delivery(tmp_path / "goed"), tmp_path / "wh2" / "warehouse.duckdb")
    assert report.published and report.genegeerd == []
