"""`python -m bench [--skip-national]`: run the benchmark suite, print the table, write BENCHMARKS.md.

Never fails on a timing; exit code 1 only when the suite itself could not run."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from bench.common import PY, ROOT, Resultaten

GIB_KIB = 4 * 1024 * 1024


def _git(*args) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False).stdout.strip()
    except OSError:
        return ""


def machine() -> dict:
    import psutil
    model = ""
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                model = regel.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import duckdb
    return {
        "cores": os.cpu_count(), "fysiek": psutil.cpu_count(logical=False), "model": model or platform.processor(),
        "geheugen": psutil.virtual_memory().total, "belasting": os.getloadavg(),
        "python": platform.python_version(), "duckdb": duckdb.__version__, "os": platform.platform(),
    }


def _sectie(naam: str, res: Resultaten, functie, *args, **kwargs):
    print(f"== {naam}", flush=True)
    begin = time.perf_counter()
    try:
        return functie(*args, **kwargs)
    except Exception as e:  # noqa: BLE001  (a broken section is reported, the rest still runs)
        traceback.print_exc()
        res.rij(naam, "sectie mislukt", "FOUT", toelichting=f"{type(e).__name__}: {str(e)[:200]}")
        return None
    finally:
        print(f"   ({time.perf_counter() - begin:.0f} s)", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--skip-national", action="store_true", help="alleen regio (snel)")
    ap.add_argument("--cache", type=Path, default=ROOT / "data" / "bench", help="voorbeeldleveringen en warehouses")
    ap.add_argument("--uit", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--rondes", type=int, default=2, help="rondes over de filtervarianten per callback (regio)")
    args = ap.parse_args(argv)

    from bench import etl_bench
    from bench.callbacks_bench import (
        GEBRUIKER,
        WACHTWOORD,
        Omgeving,
        _varianten,
        bench_callbacks,
        codes,
    )
    from bench.report import schrijf
    from bench.web import Gunicorn

    res = Resultaten()
    gestart = dt.datetime.now().astimezone()
    info = machine()
    map_ = args.cache
    map_.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bwmo-bench-"))
    state = tmp / "state.sqlite"
    res.commando(f"{PY} -m bench" + (" --skip-national" if args.skip_national else "") + "   # (make bench)")

    wh_regio = _sectie("ETL regio", res, etl_bench.meet_load, res, map_, "regio", 5, None)
    om = _sectie("app", res, Omgeving, state)
    if om and wh_regio and wh_regio.exists():
        _sectie("Callbacks regio", res, bench_callbacks, res, om, wh_regio, "regio", 50, args.rondes)
        om.gebruik(wh_regio)
        c = codes()
        varianten = _varianten(c)
        paden = ["/", "/clienten", "/stromen", "/wlz", "/financien", f"/gemeente/{c['gemeenten'][0]}", "/datakwaliteit"]
        res.commando("gunicorn app:server --config gunicorn.conf.py --bind 127.0.0.1:<vrije poort>   "
                     "# 2 workers × 4 threads (gthread), BWMO_WAREHOUSE=data/bench/regio.duckdb, gestart door de bench")
        server = _sectie("gunicorn starten", res, Gunicorn, wh_regio, state, tmp / "gunicorn")
        if server:
            try:
                from bench.browser_bench import bench_browser
                from bench.load_bench import bench_load
                _sectie("Browser regio", res, bench_browser, res, server, GEBRUIKER, WACHTWOORD, paden, varianten, 3, 1.5)
                _sectie("gunicorn", res, bench_load, res, server, GEBRUIKER, WACHTWOORD, paden, varianten,
                        ((8, 240), (32, 480)), 60)
            finally:
                server.stop()
        from bench.reports_bench import bench_reports
        _sectie("Rapportages", res, bench_reports, res, wh_regio, state, map_)

    if not args.skip_national:
        wh_nl = _sectie("ETL nationaal", res, etl_bench.meet_load, res, map_, "nationaal", 60, GIB_KIB)
        if om and wh_nl and wh_nl.exists():
            _sectie("Callbacks nationaal", res, bench_callbacks, res, om, wh_nl, "nationaal", 150, 1)
    else:
        res.notities.append("Nationale schaal overgeslagen (--skip-national).")

    geduurd = (dt.datetime.now().astimezone() - gestart).total_seconds()
    schrijf(res, info, gestart, geduurd, _git("rev-parse", "HEAD"), bool(_git("status", "--porcelain")), args.uit,
            map_ / "resultaten.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
