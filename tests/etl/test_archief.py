"""The load keeps each delivered file (gzip, named by its sha256) beside the warehouse, and
`rebuild --uit-leveringen` builds the same warehouse from scratch out of them."""
from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl import archief
from etl.load import LoadRefused, load, rebuild_from_archive
from tests.fixtures.delivery import HEADERS, ROWS, write_delivery

RAW = ("indicaties", "declaraties", "pgb", "wlz", "financien", "producten", "cbs")


def state(wh: Path) -> dict:
    """Everything a rebuild must give back: the raw rows, the load log, a mart."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        out = {t: sorted(con.execute(f"select * exclude (_peildatum) from raw.{t}").fetchall(), key=repr)
               for t in RAW}
        out["laadlog"] = sorted(con.execute("select * from raw.laadlog").fetchall(), key=repr)
        out["resultaat"] = con.execute("select * from marts.resultaat_jaar order by all").fetchall()
        return out
    finally:
        con.close()


def newer_indicaties(folder: Path, suffix: str, extra: str) -> Path:
    folder.mkdir(parents=True)
    rows = [*ROWS["indicaties"], extra]
    (folder / f"indicaties_{suffix}.csv").write_text("\n".join([HEADERS["indicaties"], *rows]) + "\n",
                                                     encoding="utf-8")
    return folder


@pytest.fixture
def three_loads(tmp_path):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev1"), wh)
    load(newer_indicaties(tmp_path / "lev2", "20250731", "C4;GM0118;1004;15;15A01;ZIN;01-07-2025;;;150,00;14"), wh)
    load(newer_indicaties(tmp_path / "lev3", "20250831", "C5;GM0118;1005;15;15A01;ZIN;01-08-2025;;;150,00;14"), wh)
    return wh


def test_each_delivered_file_is_kept_compressed_under_its_sha256(tmp_path):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    levering = write_delivery(tmp_path / "lev1")
    load(levering, wh)
    folder = archief.archive_dir(wh)
    blobs = sorted(folder.glob("*.gz"))
    assert len(blobs) == 7
    originals = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in levering.iterdir()}
    for blob in blobs:
        assert gzip.decompress(blob.read_bytes()) == originals[blob.stem].read_bytes()
    [lading] = archief.ladingen(wh)
    assert sorted(b.bestand for b in lading.bestanden) == sorted(p.name for p in levering.iterdir())
    assert lading.regio == "Assen"


def test_a_rebuild_from_the_archive_gives_the_same_warehouse(three_loads):
    before = state(three_loads)
    assert [x.pad.name[:7] for x in archief.ladingen(three_loads)] == ["000001-", "000002-", "000003-"]
    three_loads.unlink()   # lost
    report = rebuild_from_archive(three_loads)
    assert report.published and len(report.files) == 9
    assert state(three_loads) == before


def test_old_loads_are_pruned_only_when_their_files_hold_no_data(tmp_path, monkeypatch):
    monkeypatch.setenv("BWMO_BEWAAR_LADINGEN", "1")
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev1"), wh)
    load(newer_indicaties(tmp_path / "lev2", "20250731", "C4;GM0118;1004;15;15A01;ZIN;01-07-2025;;;150,00;14"), wh)
    lev2_sha = hashlib.sha256((tmp_path / "lev2" / "indicaties_20250731.csv").read_bytes()).hexdigest()
    assert len(archief.ladingen(wh)) == 2
    load(newer_indicaties(tmp_path / "lev3", "20250831", "C5;GM0118;1005;15;15A01;ZIN;01-08-2025;;;150,00;14"), wh)
    # load 2 held one snapshot, now replaced: gone with its blob; load 1 still holds
    # declarations, PGB, Wlz ... so it stays although it is older than the one load kept
    kept = archief.ladingen(wh)
    assert [len(x.bestanden) for x in kept] == [7, 1]
    assert not (archief.archive_dir(wh) / f"{lev2_sha}.gz").exists()
    before = state(wh)
    wh.unlink()
    rebuild_from_archive(wh)
    after = state(wh)
    # the same data; the load log lacks only the line of the pruned (replaced) file
    assert {k: v for k, v in after.items() if k != "laadlog"} == \
        {k: v for k, v in before.items() if k != "laadlog"}
    assert after["laadlog"] == [r for r in before["laadlog"] if r[4] != lev2_sha]
    assert len(after["laadlog"]) == len(before["laadlog"]) - 1


def test_a_rebuild_that_would_lose_a_file_is_refused_and_changes_nothing(three_loads):
    archief.ladingen(three_loads)[0].pad.unlink()
    before = three_loads.read_bytes()
    with pytest.raises(LoadRefused, match="niet in de bewaarde leveringen.*declaraties_20250630.csv"):
        rebuild_from_archive(three_loads)
    assert three_loads.read_bytes() == before


def test_the_command_line_rebuilds_from_the_archive(three_loads):
    three_loads.unlink()
    r = subprocess.run([sys.executable, "-m", "etl", "rebuild", "--uit-leveringen",
                        "--warehouse", str(three_loads)], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert "Opnieuw gepubliceerd uit 9 bewaarde bestanden" in r.stdout
    r = subprocess.run([sys.executable, "-m", "etl", "rebuild", "--uit-leveringen",
                        "--warehouse", str(three_loads.with_name("ander.duckdb"))],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 1 and "Er zijn geen bewaarde leveringen" in r.stderr


def test_a_load_killed_before_its_swap_is_not_replayed(three_loads):
    """Its manifest is written before the swap; its load time is in no published load log."""
    import json
    folder = archief.archive_dir(three_loads) / "laden"
    last = archief.ladingen(three_loads)[-1].pad
    doc = json.loads(last.read_text())
    doc["versie"], doc["geladen_op"] = "29990101T000000-dood", "2999-01-01T00:00:00"
    stale = folder / "000099-29990101T000000-dood.json"
    stale.write_text(json.dumps(doc))
    before = state(three_loads)
    rebuild_from_archive(three_loads)
    assert state(three_loads) == before
    assert not stale.exists()   # pruned after the publish
