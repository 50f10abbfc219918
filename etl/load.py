"""One load: read a delivery, merge it into the carried-over raw state, build, check, publish.

The published warehouse is only ever replaced whole (`os.replace` of a finished file), so a
reader never sees a half-built warehouse and a refused load leaves it byte-identical.
"""
from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.errors import LoadRefused
from etl.kinds import not_an_export, parse_filename
from etl.merge import SNAPSHOT_KINDS, carry_over, merge_rows, write_meta, write_region
from etl.publish import (
    WRITE_ERRORS,
    disk_full,
    exclusive,
    pauze,
    publish,
    record_refusal,
    remove_stale_builds,
    write_failure,
)
from etl.region import Region, load_region
from etl.validate import RefusedFile, read_export
from warehouse.build import build, create_raw_schema
from warehouse.versions import inject_versions, state_store_for

DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")

@dataclass
class FileReport:
    bestand: str
    soort: str
    peildatum: date
    sha256: str
    status: str = "nieuw"  # nieuw / geladen / al geladen / ouder dan geladen snapshot
    regels_gelezen: int = 0
    regels_geladen: int = 0
    regels_afgekeurd: int = 0
    redenen: dict[str, int] = field(default_factory=dict)
    # lines read but left out by design (cbs: regions outside the region, empty figures), per reason
    overgeslagen: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadReport:
    warehouse: Path
    peildatum: date
    regio: str
    files: list[FileReport]
    published: bool
    versie: str | None = None
    checks: list = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    genegeerd: list[str] = field(default_factory=list)  # files in the delivery that were not read, why


def default_warehouse() -> Path:
    return Path(os.environ.get("BWMO_WAREHOUSE", DEFAULT_WAREHOUSE))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(source_dir: Path) -> tuple[list[tuple[Path, str, date | None]], list[str]]:
    """Export files in the delivery, oldest peildatum first so newer versions win, and a Dutch
    line for every other file (never skipped silently: a user must know it was not read)."""
    if not source_dir.is_dir():
        raise LoadRefused(f"Map met exports niet gevonden: {source_dir}")
    found, ignored = [], []
    for path in sorted(source_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            parsed = parse_filename(path.name)
        except ValueError as bad_name:
            raise LoadRefused(f"Bestand {path.name} geweigerd: {bad_name}") from bad_name
        if parsed is not None:
            found.append((path, parsed[0], parsed[1]))
        else:
            ignored.append(not_an_export(path.name))
    if not found:
        raise LoadRefused(f"Geen exportbestanden gevonden in {source_dir} "
                          "(verwacht bijvoorbeeld indicaties_20250630.csv)."
                          + "".join(f"\n  {regel}" for regel in ignored))
    return sorted(found, key=lambda f: (f[2] or date.min, f[0].name)), ignored


def _previous_state(warehouse: Path) -> tuple[set[str], date | None, str | None]:
    """Hashes already loaded, and the peildatum and region of the published warehouse."""
    if not warehouse.exists():
        return set(), None, None
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        hashes = {r[0] for r in con.execute("select sha256 from raw.laadlog").fetchall()}
        meta = con.execute("select peildatum, regio from raw.meta").fetchone()
    finally:
        con.close()
    return hashes, meta[0] if meta else None, meta[1] if meta else None


def load(source_dir: Path, warehouse: Path | None = None, peildatum: date | None = None,
         region_name: str | None = None,
         progress: Callable[[str, dict], None] | None = None) -> LoadReport:
    """Load SOURCE_DIR and publish a new warehouse; raise LoadRefused when nothing is published."""
    started = time.monotonic()
    warehouse = Path(warehouse or default_warehouse())
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    notify = progress or (lambda event, info: None)
    try:
        with exclusive(warehouse):
            report = _load_locked(Path(source_dir), warehouse, peildatum, region_name, notify)
    except LoadRefused as refused:
        record_refusal(warehouse, str(refused))
        raise
    report.seconds = time.monotonic() - started
    return report


def rebuild(warehouse: Path | None = None) -> LoadReport:
    """Rebuild and republish from the warehouse's own raw state, with no new files: after a
    result version is fixed, or after a model changed."""
    warehouse = Path(warehouse or default_warehouse())
    if not warehouse.exists():
        raise LoadRefused(f"Er is geen warehouse om opnieuw te bouwen: {warehouse}")
    _, _, old_region = _previous_state(warehouse)
    started = time.monotonic()
    with exclusive(warehouse):
        report = _load_locked(None, warehouse, None, old_region, lambda e, i: None)
    report.seconds = time.monotonic() - started
    return report


def _load_locked(source_dir, warehouse, peildatum, region_name, notify) -> LoadReport:
    loaded_hashes, old_peildatum, old_region = _previous_state(warehouse)
    region = load_region(region_name or old_region)
    files, ignored = discover(source_dir) if source_dir is not None else ([], [])
    for regel in ignored:
        notify("ignored", {"melding": regel})
    if old_region and old_region != region.naam:
        raise LoadRefused(f"Het warehouse {warehouse} hoort bij regio {old_region}, niet bij "
                          f"{region.naam}. Kies --region {old_region} of een ander --warehouse.")
    suffixes = [d for _, _, d in files if d]
    peildatum = peildatum or (max(suffixes) if suffixes else old_peildatum or date.today())

    reports = []
    for path, kind, file_peildatum in files:
        sha = sha256_of(path)
        rep = FileReport(path.name, kind, file_peildatum or peildatum, sha)
        if sha in loaded_hashes:
            rep.status = "al geladen"
        reports.append(rep)
    _refuse_ambiguous_snapshots(reports)

    new = [r for r in reports if r.status == "nieuw"]
    if source_dir is not None and not new and peildatum == old_peildatum:
        return LoadReport(warehouse, peildatum, region.naam, reports, published=False,
                          message="Niets nieuws: alle bestanden waren al geladen; "
                                  "het warehouse is ongewijzigd.", genegeerd=ignored)

    remove_stale_builds(warehouse)
    tmp = warehouse.with_name(f".{warehouse.name}.bouw-{os.getpid()}")
    try:
        try:
            versie, checks = _build_new(tmp, warehouse, source_dir, region, peildatum, reports,
                                        notify)
            notify("publish", {})
            pauze("publiceren")
            publish(tmp, warehouse)
        except WRITE_ERRORS as failed:
            raise write_failure(failed, warehouse.parent) from failed
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    return LoadReport(warehouse, peildatum, region.naam, reports, published=True, versie=versie,
                      checks=checks, genegeerd=ignored)


def _top_reason(rejected) -> str:
    reasons: dict[str, int] = {}
    for r in rejected:
        reasons[r.reden] = reasons.get(r.reden, 0) + 1
    return max(reasons, key=reasons.get) if reasons else "onbekend"


def _refuse_ambiguous_snapshots(reports: list[FileReport]) -> None:
    seen: dict[tuple[str, date], str] = {}
    for r in reports:
        if r.soort in SNAPSHOT_KINDS and r.status == "nieuw":
            other = seen.setdefault((r.soort, r.peildatum), r.bestand)
            if other != r.bestand:
                raise LoadRefused(
                    f"Twee momentopnamen van '{r.soort}' met dezelfde peildatum "
                    f"{r.peildatum:%d-%m-%Y}: {other} en {r.bestand}. Welke geldt is niet te "
                    "zeggen; lever er één aan.")


def _build_new(tmp, warehouse, source_dir, region: Region, peildatum, reports, notify):
    con = duckdb.connect(str(tmp))
    try:
        create_raw_schema(con)
        if warehouse.exists():
            carry_over(con, warehouse)
        write_region(con, region)
        geladen_op = datetime.now().replace(microsecond=0)
        pauze("lezen")
        for rep in reports:
            if rep.status != "nieuw":
                continue
            notify("file", {"bestand": rep.bestand, "soort": rep.soort})
            try:
                result = read_export(source_dir / rep.bestand, rep.soort, region.codes,
                                     rep.peildatum)
            except RefusedFile as refused:
                raise LoadRefused(str(refused)) from refused
            rep.regels_gelezen = result.rows_read
            rep.regels_afgekeurd = len({r.regel for r in result.rejected})  # a line may fail twice
            rep.regels_geladen = result.rows.num_rows
            if rep.soort in SNAPSHOT_KINDS and rep.regels_geladen == 0:
                raise LoadRefused(
                    f"Bestand {rep.bestand} geweigerd: alle {rep.regels_gelezen} regels zijn "
                    "afgekeurd, en een lege momentopname zou de geladen gegevens wissen. "
                    f"Meest voorkomende reden: {_top_reason(result.rejected)}")
            for rej in result.rejected:
                rep.redenen[rej.reden] = rep.redenen.get(rej.reden, 0) + 1
            rep.overgeslagen = dict(result.overgeslagen)
            rep.status = merge_rows(con, rep, result, geladen_op)
        versie = f"{geladen_op:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        write_meta(con, peildatum, region.naam, geladen_op, versie)
        notify("build", {})
        pauze("bouwen")
        try:
            checks = build(con)
        except Exception as failed:  # a failing check or model: explain, do not publish
            if disk_full(failed) or isinstance(failed, (OSError, duckdb.FatalException)):
                raise write_failure(failed, tmp.parent) from failed
            raise LoadRefused(f"Het warehouse is niet gepubliceerd: {failed}") from failed
        inject_versions(con, state_store_for(warehouse))
        con.execute("checkpoint")
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass   # after a failed write the connection may be unusable; the error is raised
    return versie, checks
