"""The delivered files, kept beside the warehouse so a rebuild from scratch and an audit can
always go back to what was delivered.

``<warehouse>.leveringen/`` holds each file read, gzip-compressed under its sha256
(``<sha256>.gz``: the same file delivered twice is kept once), and per load a manifest
``laden/<volgnummer>-<versie>.json`` naming its files in the order they were read (a number,
not the clock, orders the loads: two loads may fall in one second). A load is kept while it
is among the newest ``BWMO_BEWAAR_LADINGEN`` (default 12) or while any of its files still
holds data in the warehouse (load-log status ``geladen``): without those a rebuild from the
archive would lose figures. Blobs no kept manifest names are removed.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kern.omgeving import geheel_getal

DEFAULT_KEEP = 12


def archive_dir(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".leveringen")


def keep_count(env=None) -> int:
    return geheel_getal(os.environ if env is None else env, "BWMO_BEWAAR_LADINGEN", DEFAULT_KEEP)


@dataclass(frozen=True)
class Bestand:
    bestand: str
    soort: str
    peildatum: date
    sha256: str


@dataclass(frozen=True)
class Lading:
    versie: str
    geladen_op: datetime
    regio: str
    peildatum: date
    bestanden: tuple[Bestand, ...]
    pad: Path | None = field(default=None, compare=False)   # its manifest, once written


def _atomic_write(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def store_files(warehouse: Path, files: Iterable[tuple[Path, str]]) -> None:
    """Compress each (path, sha256) into the archive unless it is there already."""
    folder = archive_dir(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    for path, sha in files:
        blob = folder / f"{sha}.gz"
        if blob.exists():
            continue

        def write(tmp: Path, path=path) -> None:
            # mtime=0: the same file always gives the same bytes
            with path.open("rb") as src, gzip.GzipFile(tmp, "wb", compresslevel=6, mtime=0) as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        _atomic_write(blob, write)


def write_manifest(warehouse: Path, lading: Lading) -> Path:
    folder = archive_dir(warehouse) / "laden"
    folder.mkdir(parents=True, exist_ok=True)
    volgnummer = max((_number(p) for p in folder.glob("*.json")), default=0) + 1
    target = folder / f"{volgnummer:06d}-{lading.versie}.json"
    doc = {"versie": lading.versie, "geladen_op": lading.geladen_op.isoformat(),
           "regio": lading.regio, "peildatum": lading.peildatum.isoformat(),
           "bestanden": [{"bestand": b.bestand, "soort": b.soort,
                          "peildatum": b.peildatum.isoformat(), "sha256": b.sha256}
                         for b in lading.bestanden]}
    _atomic_write(target, lambda tmp: tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8"))
    return target


def ladingen(warehouse: Path) -> list[Lading]:
    """The kept loads, oldest first (a version starts with its load time)."""
    folder = archive_dir(warehouse) / "laden"
    out = []
    for path in sorted(folder.glob("*.json"), key=_number) if folder.is_dir() else []:
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.append(Lading(doc["versie"], datetime.fromisoformat(doc["geladen_op"]), doc["regio"],
                          date.fromisoformat(doc["peildatum"]),
                          tuple(Bestand(b["bestand"], b["soort"], date.fromisoformat(b["peildatum"]),
                                        b["sha256"]) for b in doc["bestanden"]), path))
    return out


def _number(manifest: Path) -> int:
    head = manifest.name.split("-", 1)[0]
    return int(head) if head.isdigit() else 0


def unpack(warehouse: Path, bestand: Bestand, folder: Path) -> Path:
    """The delivered file back under its own name in `folder`."""
    blob = archive_dir(warehouse) / f"{bestand.sha256}.gz"
    target = folder / bestand.bestand
    with gzip.open(blob, "rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def prune(warehouse: Path, in_use: set[str], published_loads: set[datetime], keep: int) -> None:
    """Drop loads beyond the newest `keep` whose files hold no data any more (no sha in
    `in_use`), and manifests of loads that were never published (a load killed before its
    swap: its load time is not in the published load log); then blobs nobody names."""
    folder = archive_dir(warehouse)
    alle = ladingen(warehouse)
    kept: list[Lading] = []
    for i, lading in enumerate(alle):
        recent = i >= len(alle) - keep
        published = lading.geladen_op in published_loads
        needed = any(b.sha256 in in_use for b in lading.bestanden)
        if published and (recent or needed):
            kept.append(lading)
        else:
            lading.pad.unlink(missing_ok=True)
    named = {b.sha256 for lading in kept for b in lading.bestanden}
    for blob in folder.glob("*.gz"):
        if blob.stem not in named:
            blob.unlink(missing_ok=True)
