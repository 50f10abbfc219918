"""One load: read a delivery, merge it into the carried-over raw state, build, check, publish.

The published warehouse is only ever replaced whole (`os.replace` of a finished file), so a
reader never sees a half-built warehouse and a refused load leaves it byte-identical.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl import archief
from etl.errors import LoadRefused
from etl.merge import (
    MOMENTOPNAME_SOORTEN,
    carry_over,
    merge_rows,
    write_meta,
    write_region,
)
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
from etl.soorten import not_an_export, parse_filename
from etl.validate import RefusedFile, read_export
from warehouse.build import build, create_raw_schema
from warehouse.versions import copy_versions, state_store_for

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


def rebuild(warehouse: Path | None = None, progress=None) -> LoadReport:
    """Rebuild and republish from the warehouse's own raw state, with no new files: after a
    result version is fixed, or after a model changed. `progress(event, info)` as for load."""
    warehouse = Path(warehouse or default_warehouse())
    if not warehouse.exists():
        raise LoadRefused(f"Er is geen warehouse om opnieuw te bouwen: {warehouse}")
    _, _, old_region = _previous_state(warehouse)
    started = time.monotonic()
    with exclusive(warehouse):
        report = _load_locked(None, warehouse, None, old_region,
                              progress or (lambda event, info: None))
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
    for path, soort, file_peildatum in files:
        sha = sha256_of(path)
        rep = FileReport(path.name, soort, file_peildatum or peildatum, sha)
        if sha in loaded_hashes:
            rep.status = "al geladen"
        reports.append(rep)
    _refuse_ambiguous_snapshots(reports)

    new = [r for r in reports if r.status == "nieuw"]
    if source_dir is not None and not new and peildatum == old_peildatum:
        return LoadReport(warehouse, peildatum, region.naam, reports, published=False,
                          message="Niets nieuws: alle bestanden waren al geladen; "
                                  "het warehouse is ongewijzigd.", genegeerd=ignored)

    files = [(source_dir / r.bestand, r, None) for r in new]
    versie, checks = _build_and_publish(warehouse, files, region, peildatum, notify)
    return LoadReport(warehouse, peildatum, region.naam, reports, published=True, versie=versie,
                      checks=checks, genegeerd=ignored)


def _build_and_publish(warehouse, files, region, peildatum, notify, carry=True, archive=True):
    """Build, keep the files read in the archive (before the swap: a published load always has
    its delivery kept), publish, then prune the archive against the published load log."""
    remove_stale_builds(warehouse)
    tmp = warehouse.with_name(f".{warehouse.name}.bouw-{os.getpid()}")
    manifest = None
    try:
        try:
            versie, checks, geladen_op = _build_new(tmp, warehouse, files, region, peildatum,
                                                    notify, carry)
            if archive and files:
                archief.store_files(warehouse, [(path, rep.sha256) for path, rep, _ in files])
                manifest = archief.write_manifest(warehouse, archief.Lading(
                    versie, geladen_op, region.naam, peildatum,
                    tuple(archief.Bestand(r.bestand, r.soort, r.peildatum, r.sha256)
                          for _, r, _ in files)))
            notify("publish", {})
            pauze("publiceren")
            publish(tmp, warehouse)
            manifest = None
        except WRITE_ERRORS as failed:
            raise write_failure(failed, warehouse.parent) from failed
    finally:
        if manifest is not None:   # not published: this load is not in the archive
            manifest.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    try:
        _prune_archive(warehouse)
    except (OSError, ValueError, KeyError, duckdb.Error):
        pass   # housekeeping only: the load is published, the next load prunes again
    return versie, checks


def _prune_archive(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select sha256, status, geladen_op from raw.laadlog").fetchall()
    finally:
        con.close()
    archief.prune(warehouse, {sha for sha, status, _ in rows if status == "geladen"},
                  {t for _, _, t in rows}, archief.keep_count())


def rebuild_from_archive(warehouse: Path | None = None) -> LoadReport:
    """A warehouse from scratch out of the kept deliveries, replayed in the order they were
    loaded (same merge rules, same load times): for a lost or damaged warehouse, or an audit."""
    warehouse = Path(warehouse or default_warehouse())
    loads = archief.ladingen(warehouse)
    if not loads:
        raise LoadRefused(f"Er zijn geen bewaarde leveringen bij {warehouse} "
                          f"(map {archief.archive_dir(warehouse)}).")
    started = time.monotonic()
    with exclusive(warehouse):
        if warehouse.exists():
            loads = _refuse_unarchived(warehouse, loads)
        region = load_region(loads[-1].regio)
        with tempfile.TemporaryDirectory(prefix="bwmo-herbouw-") as tmpdir:
            files, reports = [], []
            for i, lading in enumerate(loads):
                folder = Path(tmpdir) / str(i)   # two loads may hold files of one name
                folder.mkdir()
                for b in lading.bestanden:
                    rep = FileReport(b.bestand, b.soort, b.peildatum, b.sha256)
                    files.append((archief.unpack(warehouse, b, folder), rep, lading.geladen_op))
                    reports.append(rep)
            versie, checks = _build_and_publish(warehouse, files, region, loads[-1].peildatum,
                                                lambda e, i: None, carry=False, archive=False)
    report = LoadReport(warehouse, loads[-1].peildatum, region.naam, reports, published=True,
                        versie=versie, checks=checks)
    report.seconds = time.monotonic() - started
    return report


def _refuse_unarchived(warehouse: Path, loads):
    """A rebuild from the archive must not lose figures: every file whose rows are in the
    published warehouse has to be in the archive. Returns the loads that were published (a
    load killed right before its swap left a manifest, but its data never counted)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select bestand, sha256, status, geladen_op from raw.laadlog "
                           "order by geladen_op, bestand").fetchall()
    finally:
        con.close()
    published = {t for *_, t in rows}
    loads = [lading for lading in loads if lading.geladen_op in published]
    kept = {b.sha256 for lading in loads for b in lading.bestanden}
    missing = [name for name, sha, status, _ in rows if status == "geladen" and sha not in kept]
    if missing:
        raise LoadRefused("Niet herbouwd: deze bestanden zitten in het warehouse maar niet in de "
                          "bewaarde leveringen (geladen voordat leveringen werden bewaard?): "
                          + ", ".join(missing) + ". Het gepubliceerde warehouse is ongewijzigd.")
    if not loads:
        raise LoadRefused("Er zijn geen bewaarde leveringen van dit warehouse.")
    return loads


def _top_reason(rejected) -> str:
    reasons: dict[str, int] = {}
    for r in rejected:
        reasons[r.reden] = reasons.get(r.reden, 0) + 1
    return max(reasons, key=reasons.get) if reasons else "onbekend"


def _refuse_ambiguous_snapshots(reports: list[FileReport]) -> None:
    seen: dict[tuple[str, date], str] = {}
    for r in reports:
        if r.soort in MOMENTOPNAME_SOORTEN and r.status == "nieuw":
            other = seen.setdefault((r.soort, r.peildatum), r.bestand)
            if other != r.bestand:
                raise LoadRefused(
                    f"Twee momentopnamen van '{r.soort}' met dezelfde peildatum "
                    f"{r.peildatum:%d-%m-%Y}: {other} en {r.bestand}. Welke geldt is niet te "
                    "zeggen; lever er één aan.")


def _build_new(tmp, warehouse, files, region: Region, peildatum, notify, carry: bool = True):
    """Build a new warehouse file from the carried-over raw state (when `carry`) and `files`:
    (path, report, load time) in reading order; a load time of None is this load's own."""
    con = duckdb.connect(str(tmp))
    try:
        create_raw_schema(con)
        if carry and warehouse.exists():
            carry_over(con, warehouse)
        write_region(con, region)
        geladen_op = datetime.now().replace(microsecond=0)
        pauze("lezen")
        for path, rep, toen in files:
            notify("file", {"bestand": rep.bestand, "soort": rep.soort})
            _read_into(con, path, rep, region, toen or geladen_op)
        versie = f"{geladen_op:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        write_meta(con, peildatum, region.naam, geladen_op, versie)
        copy_versions(con, state_store_for(warehouse))
        notify("build", {})
        pauze("bouwen")
        try:
            checks = build(con)
        except Exception as failed:  # a failing check or model: explain, do not publish
            if disk_full(failed) or isinstance(failed, (OSError, duckdb.FatalException)):
                raise write_failure(failed, tmp.parent) from failed
            raise LoadRefused(f"Het warehouse is niet gepubliceerd: {failed}") from failed
        con.execute("checkpoint")
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass   # after a failed write the connection may be unusable; the error is raised
    return versie, checks, geladen_op


def _read_into(con, path: Path, rep: FileReport, region: Region, geladen_op: datetime) -> None:
    try:
        result = read_export(path, rep.soort, region.codes, rep.peildatum)
    except RefusedFile as refused:
        raise LoadRefused(str(refused)) from refused
    rep.regels_gelezen = result.rows_read
    rep.regels_afgekeurd = len({r.regel for r in result.rejected})  # a line may fail twice
    rep.regels_geladen = result.rows.num_rows
    if rep.soort in MOMENTOPNAME_SOORTEN and rep.regels_geladen == 0:
        raise LoadRefused(
            f"Bestand {rep.bestand} geweigerd: alle {rep.regels_gelezen} regels zijn "
            "afgekeurd, en een lege momentopname zou de geladen gegevens wissen. "
            f"Meest voorkomende reden: {_top_reason(result.rejected)}")
    for rej in result.rejected:
        rep.redenen[rej.reden] = rep.redenen.get(rej.reden, 0) + 1
    rep.overgeslagen = dict(result.overgeslagen)
    rep.status = merge_rows(con, rep, result, geladen_op)
