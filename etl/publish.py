"""Publishing safely: one load at a time, a finished file swapped in whole, failed writes and
killed loads turned into clear refusals that leave the published warehouse as it was."""
from __future__ import annotations

import errno
import fcntl
import json
import os
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from etl.errors import LoadRefused

# TEST HOOK (fault injection for tests/reliability/test_crash.py), inert unless set:
# BWMO_PAUZE_BIJ=lezen|bouwen|publiceren makes a load print `BWMO_PAUZE <punt> <pid>` on
# stderr at that named point and then sleep (BWMO_PAUZE_SECONDEN, default 60), so a test can
# SIGKILL it there. lezen: the build file exists and the first export is about to be read;
# bouwen: all files merged, the models are about to run; publiceren: the new file is finished
# and closed, os.replace is next.
PAUZE_PUNTEN = ("lezen", "bouwen", "publiceren")


def pauze(punt: str) -> None:
    if os.environ.get("BWMO_PAUZE_BIJ") == punt:
        print(f"BWMO_PAUZE {punt} {os.getpid()}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("BWMO_PAUZE_SECONDEN", "60")))


@contextmanager
def exclusive(warehouse: Path):
    """One load at a time per warehouse; a second one waits rather than racing the publish."""
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # the kernel releases it when the process dies
        yield


def remove_stale_builds(warehouse: Path) -> None:
    """Build files left by a load that was killed (SIGKILL, power cut): they hold no published
    data, and under the lock no other load can be writing them, so they go."""
    for stale in warehouse.parent.glob(f".{warehouse.name}.bouw-*"):
        stale.unlink(missing_ok=True)


def record_refusal(warehouse: Path, reason: str) -> None:
    """A refused delivery is not lost from sight: append why to a log beside the warehouse."""
    log = warehouse.with_name(warehouse.name + ".geweigerd.log")
    entry = {"tijd": datetime.now().isoformat(timespec="seconds"), "reden": reason}
    try:
        with log.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        pass   # a full disk must not hide the refusal itself, which the caller reports


# What a failed write looks like: Python's own I/O, and DuckDB's (a failed checkpoint is Fatal,
# a failed WAL write a TransactionException, ...): any DuckDB error that escapes the build.
WRITE_ERRORS = (OSError, duckdb.Error)
DISK_FULL = ("No space left", "File too large", "Disk quota")


def disk_full(failed: BaseException) -> bool:
    return (getattr(failed, "errno", None) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
            or any(s in str(failed) for s in DISK_FULL))


def write_failure(failed: BaseException, where: Path) -> LoadRefused:
    """An I/O error while building (disk full, file too large, read-only disk) as a refusal."""
    text = str(failed)
    if disk_full(failed):
        why = "de schijf is vol (of het bestand werd te groot)"
    elif isinstance(failed, (OSError, duckdb.IOException)):
        why = "schrijven of lezen op schijf mislukte"
    else:
        why = "DuckDB brak het bouwen af"
    return LoadRefused(f"Het warehouse is niet gepubliceerd: {why} tijdens het bouwen in "
                       f"{where}. Het gepubliceerde warehouse is ongewijzigd; maak ruimte en "
                       f"laad opnieuw. ({type(failed).__name__}: {text.splitlines()[0] if text else ''})")


def publish(tmp: Path, warehouse: Path) -> None:
    with tmp.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, warehouse)
    dir_fd = os.open(warehouse.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
