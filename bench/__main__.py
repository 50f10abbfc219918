"""`python -m bench [--skip-national]`: run the benchmark suite, print the table, write BENCHMARKS.md.
`python -m bench --alleen-callbacks`: measure only the callbacks again (minutes, not a quarter of an
hour), on the warehouses already in --cache, and keep the other sections from the last saved run.
`python -m bench --alleen-lighthouse`: only the Lighthouse section (accessibility of every page,
performance desktop/mobile of / and /financien) against gunicorn on the region warehouse in --cache
(built when missing), the other sections kept from the last saved run.
`python -m bench --alleen-superset`: only Apache Superset side by side with ours (bench/superset_bench.py)
on the region warehouse in --cache, the other sections kept from the last saved run.
A partial run without data/bench/resultaten.json (a fresh clone) keeps the rows of the BENCHMARKS.md it rewrites.
`python -m bench --alleen-doorvoer`: only the throughput section ("gunicorn": 8 and 32 concurrent
clients from a load generator in its own process) against a fresh gunicorn on the region warehouse
in --cache, merged the same way (without saved results the rows are only printed).
`python -m bench --alleen-browser`: only the browser section (Chromium: the first visit with an empty
browser cache, then every page three times, each with the chain of its load and its main thread's
work) against a fresh gunicorn on the region warehouse in --cache, merged the same way.

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
DOORVOER_NIVEAUS = ((8, 800), (32, 2000))  # (concurrent clients, requests), each bounded by DOORVOER_MAX_S
DOORVOER_MAX_S = 60


def doorvoer_paden(c: dict) -> list[str]:
    """The pages of the browser and throughput sections (c: bench.callbacks_bench.codes())."""
    return ["/", "/clienten", "/stromen", "/wlz", "/financien", f"/gemeente/{c['gemeenten'][0]}", "/datakwaliteit"]


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


def _wacht_op_opwarmen(res: Resultaten, pad: Path, max_s: float = 120) -> None:
    """Measure the server as users meet it: after a worker has warmed the render cache (the
    regio role's default views, dashboard/rendercache.py), which it does at start and after a publish."""
    import sqlite3
    begin = time.monotonic()
    while time.monotonic() - begin < max_s:
        try:
            with sqlite3.connect(pad, timeout=5) as con:
                if con.execute("select count(*) from pagina").fetchone()[0] >= 6:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.5)
    res.notities.append(f"De rendercache van gunicorn was na {time.monotonic() - begin:.1f} s opgewarmd "
                        "(standaardweergaven van de regio-rol) voordat browser en doorvoer werden gemeten.")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--skip-national", action="store_true", help="alleen regio (snel)")
    ap.add_argument("--cache", type=Path, default=ROOT / "data" / "bench", help="voorbeeldleveringen en warehouses")
    ap.add_argument("--uit", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--rondes", type=int, default=2, help="rondes over de filtervarianten per callback (regio)")
    ap.add_argument("--alleen-callbacks", action="store_true",
                    help="alleen de callbacks opnieuw meten, op de warehouses in --cache (geen ETL, browser, "
                         "gunicorn, rapportages); de andere rijen komen uit de vorige resultaten")
    ap.add_argument("--alleen-lighthouse", action="store_true",
                    help="alleen Lighthouse (toegankelijkheid van elke pagina, prestaties van / en /financien) "
                         "tegen gunicorn op het regio-warehouse in --cache; de andere rijen uit de vorige resultaten")
    ap.add_argument("--alleen-superset", action="store_true",
                    help="alleen Apache Superset naast ons (grafiekdata en dashboard in Chromium) tegen gunicorn "
                         "op het regio-warehouse in --cache; de andere rijen uit de vorige resultaten")
    ap.add_argument("--alleen-doorvoer", action="store_true",
                    help="alleen de doorvoer van gunicorn (8 en 32 gelijktijdige clients, laadgenerator in een eigen "
                         "proces) op het regio-warehouse in --cache; de andere rijen uit de vorige resultaten")
    ap.add_argument("--alleen-browser", action="store_true",
                    help="alleen de browser (Chromium: eerste bezoek met lege browsercache, dan elke pagina drie keer, "
                         "met de keten van elke lading) tegen gunicorn op het regio-warehouse in --cache; de andere "
                         "rijen uit de vorige resultaten")
    args = ap.parse_args(argv)
    if args.alleen_browser:
        return alleen_browser(args)
    if args.alleen_doorvoer:
        return alleen_doorvoer(args)
    if args.alleen_callbacks:
        return alleen_callbacks(args)
    if args.alleen_lighthouse:
        return alleen_lighthouse(args)
    if args.alleen_superset:
        return alleen_superset(args)

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
        paden = doorvoer_paden(c)
        res.commando("gunicorn app:server --config gunicorn.conf.py --bind 127.0.0.1:<vrije poort>   "
                     "# 2 workers × 8 threads (gthread), BWMO_WAREHOUSE=data/bench/regio.duckdb, gestart door de bench")
        rendercache = tmp / "gunicorn" / "pagina.sqlite"
        server = _sectie("gunicorn starten", res, Gunicorn, wh_regio, state, tmp / "gunicorn",
                         env={"BWMO_RENDER_CACHE": str(rendercache)})
        if server:
            _wacht_op_opwarmen(res, rendercache)
            try:
                from bench.browser_bench import bench_browser
                from bench.load_bench import bench_load
                _sectie("Browser regio", res, bench_browser, res, server, GEBRUIKER, WACHTWOORD, paden, varianten, 3, 1.5)
                _sectie("gunicorn", res, bench_load, res, server, GEBRUIKER, WACHTWOORD, paden, varianten,
                        DOORVOER_NIVEAUS, DOORVOER_MAX_S)
                from bench.lighthouse_bench import EXTRA_PADEN, bench_lighthouse
                _sectie("Lighthouse", res, bench_lighthouse, res, server, GEBRUIKER, WACHTWOORD, EXTRA_PADEN)
                from bench.superset_bench import bench_superset
                _sectie("Superset", res, bench_superset, res, server, GEBRUIKER, WACHTWOORD, wh_regio, map_, rendercache)
            finally:
                server.stop()
        from bench.reports_bench import bench_reports
        _sectie("Rapportages", res, bench_reports, res, wh_regio, state, map_)

    if not args.skip_national:
        wh_nl = _sectie("ETL nationaal", res, etl_bench.meet_load, res, map_, "nationaal", 60, GIB_KIB)
        if om and wh_nl and wh_nl.exists():
            _sectie("Callbacks nationaal", res, bench_callbacks, res, om, wh_nl, "nationaal", 100, 1)
    else:
        res.notities.append("Nationale schaal overgeslagen (--skip-national).")

    geduurd = (dt.datetime.now().astimezone() - gestart).total_seconds()
    schrijf(res, info, gestart, geduurd, _git("rev-parse", "HEAD"), bool(_git("status", "--porcelain")), args.uit,
            map_ / "resultaten.json")
    return 0


def alleen_callbacks(args) -> int:
    """The callback sections only, merged into the saved results of the last full run: the rows
    of a re-measured 'Callbacks <schaal>' section are replaced in place, the rest is kept."""

    from bench.callbacks_bench import Omgeving, bench_callbacks

    bewaard = args.cache / "resultaten.json"
    vorig = _vorige_resultaten(bewaard, args.uit)
    if vorig is None:
        return 1
    gestart, info, tmp = dt.datetime.now().astimezone(), machine(), Path(tempfile.mkdtemp(prefix="bwmo-bench-"))
    om = Omgeving(tmp / "state.sqlite")
    nieuw = Resultaten()
    schalen = [("regio", 50, args.rondes)] + ([] if args.skip_national else [("nationaal", 100, 1)])
    gemeten = []
    for schaal, doel, rondes in schalen:
        wh = args.cache / f"{schaal}.duckdb"
        if not wh.exists():
            print(f"{wh} ontbreekt: callbacks {schaal} niet gemeten (draai `python -m bench`)", file=sys.stderr)
            continue
        _sectie(f"Callbacks {schaal}", nieuw, bench_callbacks, nieuw, om, wh, schaal, doel, rondes)
        gemeten.append(f"Callbacks {schaal}")
    _bewaar_deel(args, vorig, nieuw, gemeten, gestart, info, bewaard, commando="--alleen-callbacks",
                 wat="de callbacks", uitleg="alleen de callbacks opnieuw, op de warehouses hierboven")
    return 0


def _vorige_resultaten(bewaard: Path, md: Path | None = None) -> dict | None:
    """The saved results of the last run; without them (a fresh clone), the rows of `md`."""
    import json
    if bewaard.exists():
        return json.loads(bewaard.read_text(encoding="utf-8"))
    if md is not None and md.exists():
        from bench.report import lees_md
        print(f"geen {bewaard}: de andere secties komen uit {md}", file=sys.stderr)
        return lees_md(md.read_text(encoding="utf-8"))
    print(f"geen eerdere resultaten in {bewaard}: draai eerst `python -m bench`", file=sys.stderr)
    return None


def _bewaar_deel(args, vorig: dict, nieuw: Resultaten, gemeten: list[str], gestart, info, bewaard: Path, *,
                 commando: str, wat: str, uitleg: str) -> None:
    """Merge re-measured sections into the saved results of the last full run: the rows of a
    re-measured section are replaced in place (new sections appended), the rest is kept."""
    import json

    from bench.common import Rij
    from bench.report import schrijf
    rijen, geplaatst = [], set()
    for r in vorig["rijen"]:
        if r["sectie"] in gemeten:
            if r["sectie"] not in geplaatst:
                rijen += [x for x in nieuw.rijen if x.sectie == r["sectie"]]
                geplaatst.add(r["sectie"])
            continue
        rijen.append(Rij(**r))
    rijen += [x for x in nieuw.rijen if x.sectie not in geplaatst]
    vlag = commando
    commando = f"{PY} -m bench {vlag}" + (" --skip-national" if args.skip_national and vlag == "--alleen-callbacks" else "")
    commandos = [c for c in vorig["commandos"] if vlag not in c and c not in nieuw.commandos]
    commandos += [c for c in nieuw.commandos] + [f"{commando}   # {uitleg}"]
    eerder = dt.datetime.fromisoformat(vorig.get("volledige_meting") or vorig["gestart"])
    eerder_commit = vorig.get("volledige_commit") or vorig.get("commit") or "onbekend"
    kop = f"Alleen {wat} "
    notities = [n for n in vorig["notities"] if not n.startswith(kop)] + nieuw.notities + [(
        f"{kop}({', '.join(gemeten) or 'geen'}) zijn opnieuw gemeten, op {gestart:%Y-%m-%d %H:%M %Z} "
        f"met `{commando}`; de andere secties komen uit de volledige meting van {eerder:%Y-%m-%d %H:%M %Z} "
        f"(commit `{eerder_commit[:12]}`). De toelichting hieronder (bench/analyse.md) kan "
        "van vóór de laatste wijzigingen zijn.")]
    res = Resultaten(rijen, commandos, notities)
    geduurd = (dt.datetime.now().astimezone() - gestart).total_seconds()
    schrijf(res, info, gestart, geduurd, _git("rev-parse", "HEAD"), bool(_git("status", "--porcelain")), args.uit,
            bewaard, hoe=f"met `{commando}` (alleen {wat}; de rest uit de vorige volledige meting)")
    d = json.loads(bewaard.read_text(encoding="utf-8"))  # remember which full run the other rows are from
    d.update(volledige_meting=eerder.isoformat(), volledige_commit=eerder_commit)
    bewaard.write_text(json.dumps(d, default=str, ensure_ascii=False, indent=1), encoding="utf-8")


def _regio_gunicorn(args, nieuw: Resultaten, tmp: Path, noteer_opwarmen: bool):
    """A fresh gunicorn on the region warehouse in --cache (built as the full run builds it when
    missing), with a regio user, after its render cache has warmed; None when it could not start."""
    from bench import etl_bench
    from bench.callbacks_bench import GEBRUIKER, WACHTWOORD
    from bench.web import Gunicorn, maak_gebruiker
    wh = args.cache / "regio.duckdb"
    if not wh.exists():
        _sectie("ETL regio", Resultaten(), etl_bench.meet_load, Resultaten(), args.cache, "regio", 5, None)
    if not wh.exists():
        print(f"{wh} ontbreekt en kon niet gebouwd worden", file=sys.stderr)
        return None
    os.environ["BWMO_WAREHOUSE"] = str(wh)  # for the codes of the scenarios
    state = tmp / "state.sqlite"
    maak_gebruiker(state, GEBRUIKER, WACHTWOORD, ("regio",))
    rendercache = tmp / "gunicorn" / "pagina.sqlite"
    server = _sectie("gunicorn starten", nieuw, Gunicorn, wh, state, tmp / "gunicorn",
                     env={"BWMO_RENDER_CACHE": str(rendercache)})
    if server:
        _wacht_op_opwarmen(nieuw if noteer_opwarmen else Resultaten(), rendercache)
    return server


def alleen_lighthouse(args) -> int:
    """The Lighthouse section only, against a fresh gunicorn on the region warehouse in --cache
    (built as the full run builds it when missing), merged into the saved results."""
    from bench.lighthouse_bench import EXTRA_PADEN, bench_lighthouse

    def meet(nieuw, server, gebruiker, wachtwoord, wh, rendercache):
        _sectie("Lighthouse", nieuw, bench_lighthouse, nieuw, server, gebruiker, wachtwoord, EXTRA_PADEN)
    return _alleen_tegen_gunicorn(args, "Lighthouse", meet, commando="--alleen-lighthouse", wat="Lighthouse",
                                  uitleg="alleen Lighthouse opnieuw, tegen gunicorn op data/bench/regio.duckdb")


def alleen_superset(args) -> int:
    """Superset side by side with ours only, against a fresh gunicorn of ours on the region
    warehouse in --cache (built as the full run builds it when missing), merged into the saved results."""
    from bench.superset_bench import bench_superset

    def meet(nieuw, server, gebruiker, wachtwoord, wh, rendercache):
        _sectie("Superset", nieuw, bench_superset, nieuw, server, gebruiker, wachtwoord, wh, args.cache, rendercache)
    return _alleen_tegen_gunicorn(args, "Superset", meet, commando="--alleen-superset", wat="Superset",
                                  uitleg="alleen Apache Superset naast ons opnieuw, op data/bench/regio.duckdb")


def alleen_doorvoer(args) -> int:
    """The throughput section only, against a fresh gunicorn (gunicorn.conf.py; WEB_CONCURRENCY and
    GUNICORN_THREADS are passed on) on the region warehouse in --cache, after its render cache has
    warmed (how long that took is a row of its own); merged into the saved results."""
    from bench.callbacks_bench import _varianten, codes
    from bench.load_bench import bench_load

    def meet(nieuw, server, gebruiker, wachtwoord, wh, rendercache):
        c = codes()
        _sectie("gunicorn", nieuw, bench_load, nieuw, server, gebruiker, wachtwoord, doorvoer_paden(c),
                _varianten(c), DOORVOER_NIVEAUS, DOORVOER_MAX_S)
    return _alleen_tegen_gunicorn(args, "gunicorn", meet, commando="--alleen-doorvoer", wat="de doorvoer",
                                  uitleg="alleen de doorvoer opnieuw, tegen gunicorn op data/bench/regio.duckdb",
                                  noteer_opwarmen=True)


def alleen_browser(args) -> int:
    """The browser section only, as the full run measures it (three loads per page after the first
    visit, target 1.5 s), against a fresh gunicorn on the region warehouse in --cache after its
    render cache has warmed; merged into the saved results."""
    from bench.browser_bench import bench_browser
    from bench.callbacks_bench import _varianten, codes

    def meet(nieuw, server, gebruiker, wachtwoord, wh, rendercache):
        c = codes()
        _sectie("Browser regio", nieuw, bench_browser, nieuw, server, gebruiker, wachtwoord, doorvoer_paden(c),
                _varianten(c), 3, 1.5)
    return _alleen_tegen_gunicorn(args, "Browser regio", meet, commando="--alleen-browser", wat="de browser",
                                  uitleg="alleen de browser opnieuw, tegen gunicorn op data/bench/regio.duckdb",
                                  noteer_opwarmen=True)


def _alleen_tegen_gunicorn(args, sectie: str, meet, *, commando: str, wat: str, uitleg: str,
                           noteer_opwarmen: bool = False) -> int:
    """One section against a fresh gunicorn of ours on the region warehouse in --cache (built as
    the full run builds it when missing), its render cache warmed first; merged into the saved
    results; its rows (and their figures) are printed as well. Without saved results the section
    is still measured and its rows only printed: nothing is written, so a shared, read-only
    --cache stays as it is."""
    import json

    from bench.callbacks_bench import GEBRUIKER, WACHTWOORD

    bewaard = args.cache / "resultaten.json"
    vorig = _vorige_resultaten(bewaard, args.uit)
    gestart, info, tmp = dt.datetime.now().astimezone(), machine(), Path(tempfile.mkdtemp(prefix="bwmo-bench-"))
    nieuw = Resultaten()
    server = _regio_gunicorn(args, nieuw, tmp, noteer_opwarmen)
    if server:
        try:
            meet(nieuw, server, GEBRUIKER, WACHTWOORD, args.cache / "regio.duckdb", tmp / "gunicorn" / "pagina.sqlite")
        finally:
            server.stop()
    for r in nieuw.rijen:
        print(f"{r.sectie} | {r.wat} | {r.waarde} | {r.oordeel} | {r.toelichting}"
              + (f"\n    {json.dumps(r.extra, ensure_ascii=False, default=str)}" if r.extra else ""), flush=True)
    if vorig is None:
        print("geen eerdere resultaten: de rijen hierboven zijn niet bewaard", file=sys.stderr)
        return 0
    _bewaar_deel(args, vorig, nieuw, [sectie], gestart, info, bewaard, commando=commando, wat=wat, uitleg=uitleg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
