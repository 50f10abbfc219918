"""Background jobs the web app starts and any worker may report on: one status file per job.

Fixing a result version republishes the warehouse, which takes longer than a web request may
(and must not run inside one: the web process would then carry the whole ETL). The web app
starts `python -m etl versie ... --status FILE` as a separate process; that process writes its
progress into FILE; the page polls it, from whichever gunicorn worker answers. The files live
beside the state store, so every worker and the job find them.
"""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from pathlib import Path

_TAAK_ID = re.compile(r"[0-9a-f]{32}")
KLAAR = ("klaar", "mislukt")   # a job in one of these states writes no more
STIL_NA_S = 15 * 60            # a rebuild takes seconds to minutes; a quarter of an hour of silence is a dead job


def taken_map(state: Path) -> Path:
    """The folder of job files for the state store at `state`."""
    return Path(state).resolve().parent / "taken"


def pad(map_: Path, taak_id: str) -> Path:
    """The status file of a job; a malformed id (it comes back from the browser) is refused."""
    if not isinstance(taak_id, str) or not _TAAK_ID.fullmatch(taak_id):
        raise ValueError("ongeldige taak")
    return Path(map_) / f"{taak_id}.json"


def schrijf(bestand: Path, **status) -> None:
    """Replace the status file at once: a reader sees the old state or the new, never half."""
    bestand = Path(bestand)
    tijdelijk = bestand.with_suffix(".tmp")
    tijdelijk.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
    os.replace(tijdelijk, bestand)


def nieuw(map_: Path, **status) -> tuple[str, Path]:
    """Register a job (status 'gestart') and return its id and status file."""
    Path(map_).mkdir(parents=True, exist_ok=True)
    taak_id = uuid.uuid4().hex
    bestand = pad(map_, taak_id)
    schrijf(bestand, status="gestart", **status)
    return taak_id, bestand


def lees(map_: Path, taak_id: str) -> dict | None:
    """A job's last status, or None for an unknown job."""
    try:
        return json.loads(pad(map_, taak_id).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def stil(map_: Path, taak_id: str, na_s: float = STIL_NA_S) -> bool:
    """Whether a job has written nothing for `na_s` seconds (killed, or the machine restarted):
    its status file would otherwise say 'bezig' for ever."""
    try:
        return time.time() - pad(map_, taak_id).stat().st_mtime > na_s
    except FileNotFoundError:
        return False
