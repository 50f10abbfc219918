"""The corpus of broken deliveries (tests/reliability/corpus.py), each loaded through the real
`load()`: refused whole with the exact message and the published warehouse byte-identical, or
loaded with exactly the expected lines kept aside in raw.afgekeurd and the rest in raw.<soort>."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.load import LoadRefused, load
from tests.fixtures.delivery import write_delivery
from tests.reliability.corpus import CASES, FILE_SUFFIX, Kept, Refused


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def delivery_with(folder: Path, case) -> Path:
    """The tiny valid delivery with the case's file in place of its soort's good one."""
    write_delivery(folder, suffix=FILE_SUFFIX)
    (folder / f"{case.soort}_{FILE_SUFFIX}.csv").unlink()
    (folder / case.bestand).write_bytes(case.inhoud)
    return folder


@pytest.fixture(scope="module")
def published_once(tmp_path_factory) -> Path:
    """A warehouse published from an earlier, good delivery (peildatum before the corpus's)."""
    base = tmp_path_factory.mktemp("gepubliceerd")
    wh = base / "warehouse.duckdb"
    assert load(write_delivery(base / "lev", suffix="20250531"), wh).published
    return wh


def test_corpus_is_large_and_covers_both_outcomes():
    assert len(CASES) >= 30
    assert sum(isinstance(c.uitkomst, Refused) for c in CASES) >= 10
    assert sum(isinstance(c.uitkomst, Kept) for c in CASES) >= 10


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c.uitkomst, Refused)],
                         ids=lambda c: c.naam)
def test_refused_whole(case, tmp_path, published_once):
    wh = tmp_path / "wh" / "warehouse.duckdb"
    wh.parent.mkdir()
    shutil.copy(published_once, wh)
    shutil.copy(published_once.with_name("state.sqlite"), wh.with_name("state.sqlite"))
    before = digest(wh)
    with pytest.raises(LoadRefused) as refused:
        load(delivery_with(tmp_path / "lev", case), wh)
    out: Refused = case.uitkomst
    waar = f", regel {out.regel}" if out.regel is not None else ""
    expected = f"Bestand {case.bestand} geweigerd{waar}: {out.reden}"
    if out.prefix:
        assert str(refused.value).startswith(expected)
    else:
        assert str(refused.value) == expected
    assert digest(wh) == before
    assert not list(wh.parent.glob(".*bouw*"))
    log = wh.with_name(wh.name + ".geweigerd.log").read_text(encoding="utf-8")
    assert case.bestand in log


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c.uitkomst, Kept)],
                         ids=lambda c: c.naam)
def test_rows_kept_aside_and_the_rest_loaded(case, tmp_path):
    wh = tmp_path / "warehouse.duckdb"
    report = load(delivery_with(tmp_path / "lev", case), wh)
    assert report.published
    out: Kept = case.uitkomst
    con = duckdb.connect(str(wh), read_only=True)
    try:
        afgekeurd = con.execute("select regel, kolom, reden from raw.afgekeurd where bestand = ? "
                                "order by regel, kolom", [case.bestand]).fetchall()
        assert afgekeurd == sorted(out.afgekeurd, key=lambda r: (r[0], r[1] or ""))
        # every kept-aside line still has the value as delivered
        waarden = con.execute("select count(*) from raw.afgekeurd where bestand = ? "
                              "and waarde is null", [case.bestand]).fetchone()[0]
        assert waarden == sum(1 for _, kolom, reden in out.afgekeurd if "ontbreekt" in reden)
        rejected_lines = len({r[0] for r in out.afgekeurd})
        gelezen = out.gelezen if out.gelezen is not None else out.geladen + rejected_lines
        log = con.execute("select regels_gelezen, regels_geladen, regels_afgekeurd, status "
                          "from raw.laadlog where bestand = ?", [case.bestand]).fetchall()
        assert log == [(gelezen, out.geladen, rejected_lines, "geladen")]
        con.execute(f"create temp view rows as select * from raw.{case.soort} "
                    f"where _bestand = '{case.bestand}'")
        assert con.execute("select count(*) from rows").fetchone()[0] == out.geladen
        if out.controle is not None:
            sql, expected = out.controle
            assert con.execute(sql).fetchall() == expected
    finally:
        con.close()
    file_report = next(f for f in report.files if f.bestand == case.bestand)
    assert file_report.regels_afgekeurd == rejected_lines
    assert sum(file_report.redenen.values()) == len(out.afgekeurd)
