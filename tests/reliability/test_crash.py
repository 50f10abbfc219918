"""Crash safety of a load: SIGKILL at named points, and a full disk during the build.

`python -m etl load` runs as a subprocess. The test hook in etl/load.py (BWMO_PAUZE_BIJ=lezen|
bouwen|publiceren) makes it print `BWMO_PAUZE <punt> <pid>` on stderr and sleep at that point,
so the kill lands there deterministically. Afterwards the published warehouse is byte-identical
and readable, the lock is free, the next load succeeds and clears the killed load's build files,
and the state store (fixed result versions, audit log) is logically unchanged.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.load import load, rebuild
from etl.publish import PAUZE_PUNTEN
from tests.fixtures.delivery import write_delivery
from warehouse.versions import fix_version

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state_dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def readable(wh: Path) -> tuple:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("select peildatum, versie from marts.warehouse_info").fetchone()
    finally:
        con.close()


def etl_load(source: Path, wh: Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, **kwargs.pop("env", {})}
    env.pop("BWMO_STATE", None)
    return subprocess.Popen([sys.executable, "-m", "etl", "load", str(source), "--warehouse", str(wh)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


@pytest.fixture
def published(tmp_path, monkeypatch):
    """A published warehouse with a fixed voorlopig result 2024 in its state store (and an
    audit line for it), and a second delivery waiting to be loaded."""
    monkeypatch.delenv("BWMO_STATE", raising=False)
    wh = tmp_path / "wh" / "warehouse.duckdb"
    assert load(write_delivery(tmp_path / "lev1"), wh).published
    fix_version(wh, 2024, "voorlopig", "test:crash")
    rebuild(wh)
    volgende = write_delivery(tmp_path / "lev2", suffix="20250731")
    return wh, volgende


def assert_untouched(wh: Path, before: str, state_before: list[str]) -> None:
    assert digest(wh) == before
    assert readable(wh)[0].isoformat() == "2025-06-30"
    assert state_dump(wh.with_name("state.sqlite")) == state_before


def assert_next_load_succeeds(wh: Path, source: Path, state_before: list[str]) -> None:
    with wh.with_name(wh.name + ".lock").open("w") as lock:   # the killed load's lock is free
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(lock, fcntl.LOCK_UN)
    nxt = etl_load(source, wh)
    out, err = nxt.communicate(timeout=180)
    assert nxt.returncode == 0, err
    assert "Gepubliceerd" in out
    assert readable(wh)[0].isoformat() == "2025-07-31"
    assert not list(wh.parent.glob(".*bouw-*")), "build files of the killed load remain"
    assert state_dump(wh.with_name("state.sqlite")) == state_before
    con = duckdb.connect(str(wh), read_only=True)
    try:   # the fixed version is carried into the new warehouse, unchanged
        assert con.execute("select count(*) from marts.resultaat_jaar "
                           "where jaar = 2024 and versie = 'voorlopig'").fetchone()[0] == 1
    finally:
        con.close()


@pytest.mark.parametrize("punt", PAUZE_PUNTEN)
def test_sigkill_at_each_point_leaves_the_published_warehouse(published, punt):
    wh, volgende = published
    before, state_before = digest(wh), state_dump(wh.with_name("state.sqlite"))
    proc = etl_load(volgende, wh, env={"BWMO_PAUZE_BIJ": punt, "BWMO_PAUZE_SECONDEN": "120"})
    try:
        for line in proc.stderr:
            if line.startswith("BWMO_PAUZE"):
                assert line.split()[1:] == [punt, str(proc.pid)]
                break
        else:
            pytest.fail(f"the load never reached {punt}: {proc.wait()}")
        # the kill lands mid-load: the build file is there (and the lock held)
        assert list(wh.parent.glob(f".{wh.name}.bouw-{proc.pid}*"))
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    assert_untouched(wh, before, state_before)
    assert list(wh.parent.glob(f".{wh.name}.bouw-{proc.pid}*")), "stale build file expected"
    assert_next_load_succeeds(wh, volgende, state_before)


@pytest.mark.parametrize("limit", [64 * 1024, 2 * 1024 * 1024], ids=["vroeg", "bij-checkpoint"])
def test_disk_full_during_the_build_is_refused_cleanly(published, limit):
    wh, volgende = published
    before, state_before = digest(wh), state_dump(wh.with_name("state.sqlite"))

    def small_disk():   # every file the load writes may grow to `limit` bytes, no further
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = etl_load(volgende, wh, preexec_fn=small_disk)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 1, out + err
    err = " ".join(err.split())   # rich wraps the message at the console width
    assert "Niet gepubliceerd." in err and "de schijf is vol" in err
    assert "Het gepubliceerde warehouse is ongewijzigd" in err
    assert "Traceback" not in err and "Traceback" not in out
    assert_untouched(wh, before, state_before)
    assert not list(wh.parent.glob(".*bouw-*"))
    assert_next_load_succeeds(wh, volgende, state_before)
