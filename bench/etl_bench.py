"""ETL load + build: region sample and national sample, each into a fresh warehouse."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import duckdb

from bench.common import PY, ROOT, Resultaten, draai_gemeten, gib, sec

GIB = 1024 * 1024  # KiB


def _nl(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def _rel(p: Path) -> str:
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def zorg_voor_sample(res: Resultaten, map_: Path, schaal: str) -> Path:
    """Generate the sample delivery once (reused when present)."""
    levering = map_ / f"sample-{schaal}"
    klaar = levering / ".geschreven"
    args = ["etl", "sample", _rel(levering)] + (["--scale", "national"] if schaal == "nationaal" else [])
    res.commando(f"{PY} -m {' '.join(args)}   # eenmalig; hergebruikt als {_rel(levering)} bestaat")
    if not klaar.exists():
        print(f"  voorbeeldlevering {schaal} maken ({_rel(levering)}) ...", flush=True)
        begin = time.perf_counter()
        uit = draai_gemeten([sys.executable, "-m", *args], map_ / "log" / f"sample-{schaal}.log")
        if uit["rc"] != 0:
            raise RuntimeError(f"etl sample {schaal} mislukte; zie {map_ / 'log'}")
        klaar.write_text(f"{time.perf_counter() - begin:.1f} s\n")
    return levering


def meet_load(res: Resultaten, map_: Path, schaal: str, doel_s: float, doel_geheugen_kib: float | None) -> Path:
    levering = zorg_voor_sample(res, map_, schaal)
    warehouse = map_ / f"{schaal}.duckdb"
    for oud in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        oud.unlink(missing_ok=True)
    args = ["etl", "load", _rel(levering), "--warehouse", _rel(warehouse)]
    if schaal == "nationaal":
        args += ["--region", "Nederland"]
    res.commando(f"{PY} -m bench.peak {PY} -m {' '.join(args)}   # nieuw warehouse, gemeten")
    print(f"  laden en bouwen {schaal} ...", flush=True)
    uit = draai_gemeten([sys.executable, "-m", *args], map_ / "log" / f"load-{schaal}.log")
    if uit["rc"] != 0:
        res.rij("ETL", f"laden + bouwen {schaal}", "MISLUKT", toelichting=f"exitcode {uit['rc']}, zie {map_ / 'log'}")
        return warehouse
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        regels = con.execute("select sum(regels_gelezen) from raw.laadlog").fetchone()[0] or 0
        grootte = warehouse.stat().st_size
    finally:
        con.close()
    wall = uit["wall_s"]
    res.rij("ETL", f"laden + bouwen {schaal} (wandklok)", sec(wall), f"≤ {doel_s:.0f} s", wall <= doel_s,
            f"{_nl(regels)} regels, {_nl(regels / wall)} regels/s; warehouse {grootte / 1e6:.0f} MB",
            {"wall_s": wall, "regels": regels, "regels_per_s": regels / wall})
    rss = uit["maxrss_kib"]
    if doel_geheugen_kib:
        res.rij("ETL", f"piekgeheugen laden {schaal}", gib(rss), f"< {gib(doel_geheugen_kib)}", rss < doel_geheugen_kib,
                "max RSS van het laadproces (getrusage RUSAGE_CHILDREN)", {"maxrss_kib": rss})
    else:
        res.rij("ETL", f"piekgeheugen laden {schaal}", gib(rss), toelichting="max RSS (getrusage RUSAGE_CHILDREN)",
                extra={"maxrss_kib": rss})
    return warehouse
