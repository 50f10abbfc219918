"""Before/after under the same load: `python -m bench.voor_na <commit> [--paden / /financien]
[--vormen desktop mobiel] [-n 1] [--browser] [--toegankelijkheid]`.

The machine is shared, so a time measured now cannot be compared with one of an hour ago. This
starts two gunicorns on the region warehouse (data/bench/regio.duckdb, as `python -m bench`
builds it): the code of <commit> (`git archive` into a temporary folder, with this worktree's
built dashboard/vendor/ bundles, which are not in git) and this worktree, and alternates the
measurements between them: Lighthouse performance (as bench/lighthouse_bench.py runs it) per
page and profile, and with --browser first visits to `/` in Chromium with an empty cache (as
bench/browser_bench.py measures them). With --toegankelijkheid also Lighthouse accessibility of
each page for both. Prints the figures; writes nothing."""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

from bench.callbacks_bench import GEBRUIKER, WACHTWOORD
from bench.common import ROOT
from bench.web import cookie_header, inloggen, maak_gebruiker, vrije_poort


def _code_van(commit: str, doel: Path) -> Path:
    doel.mkdir(parents=True)
    archief = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(doel)], input=archief, check=True)
    for f in (ROOT / "dashboard" / "vendor").glob("*.js"):  # built by `make plotly`, not in git
        shutil.copy2(f, doel / "dashboard" / "vendor" / f.name)
    return doel


def _start(code: Path, warehouse: Path, state: Path, logmap: Path) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    env = {**os.environ, "BWMO_WAREHOUSE": str(warehouse), "BWMO_STATE": str(state), "PYTHONPATH": str(code),
           "BWMO_SECRET_KEY": secrets.token_urlsafe(48), "BWMO_RENDER_CACHE": str(logmap / f"rc{poort}.sqlite")}
    env.pop("BIND", None)
    with open(logmap / f"g{poort}.err", "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
                                 "--bind", f"127.0.0.1:{poort}"], cwd=code, env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
    url = f"http://127.0.0.1:{poort}"
    for _ in range(240):
        try:
            if requests.get(url + "/health", timeout=5).status_code in (200, 503):
                return proc, url
        except requests.RequestException:
            pass
        time.sleep(0.25)
    proc.terminate()
    raise RuntimeError(f"gunicorn voor {code} startte niet")


def _browser(servers: dict, n: int) -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser_bench import CHROMIUM, CHROMIUM_ARGS, KLAAR_JS, _overdracht
    uitslag: dict[str, list] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(n):
            for naam, url in servers.items():
                s = inloggen(url, GEBRUIKER, WACHTWOORD)
                ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
                ctx.add_cookies([{"name": c.name, "value": c.value, "domain": urlsplit(url).hostname, "path": "/"}
                                 for c in s.cookies])
                page, verzoeken = ctx.new_page(), []
                page.on("requestfinished", lambda r, v=verzoeken: v.append(r))
                page.goto(url + "/", wait_until="commit")
                klaar = page.wait_for_function(KLAAR_JS, timeout=60000, polling="raf").json_value()
                page.wait_for_load_state("networkidle")
                mb = _overdracht(verzoeken)["bytes"] / 1e6
                uitslag.setdefault(naam, []).append(klaar)
                print(f"eerste bezoek / {naam} #{i + 1}: getekend {klaar:.0f} ms, {mb:.2f} MB", flush=True)
                ctx.close()
        browser.close()
    for naam, tijden in uitslag.items():
        print(f"eerste bezoek / {naam}: mediaan {statistics.median(tijden):.0f} ms ({', '.join(f'{t:.0f}' for t in tijden)})")


def main() -> int:
    from bench.lighthouse_bench import (
        _lighthouse,
        metrieken_tekst,
        zorg_voor_lighthouse,
    )
    ap = argparse.ArgumentParser(prog="python -m bench.voor_na", description=__doc__)
    ap.add_argument("commit", help="de code van vóór (een commit of tak)")
    ap.add_argument("--paden", nargs="+", default=["/", "/financien"])
    ap.add_argument("--vormen", nargs="+", default=["desktop", "mobiel"], choices=["desktop", "mobiel"])
    ap.add_argument("-n", type=int, default=1, help="runs per pagina, profiel en kant")
    ap.add_argument("--browser", action="store_true", help="ook eerste bezoeken in Chromium (3 per kant)")
    ap.add_argument("--toegankelijkheid", action="store_true", help="ook Lighthouse-toegankelijkheid per pagina")
    args = ap.parse_args()
    warehouse = ROOT / "data" / "bench" / "regio.duckdb"
    if not warehouse.exists():
        print(f"{warehouse} ontbreekt: draai eerst `python -m bench` (of `--alleen-lighthouse`)", file=sys.stderr)
        return 1
    cli, waarom = zorg_voor_lighthouse()
    tmp = Path(tempfile.mkdtemp(prefix="bwmo-vergelijk-"))
    state = tmp / "state.sqlite"
    maak_gebruiker(state, GEBRUIKER, WACHTWOORD, ("regio",))
    procs = []
    try:
        servers = {}
        for naam, code in (("voor", _code_van(args.commit, tmp / "voor")), ("na", ROOT)):
            proc, url = _start(code, warehouse, state, tmp)
            procs.append(proc)
            servers[naam] = url
        koekjes = {}
        for naam, url in servers.items():
            s = inloggen(url, GEBRUIKER, WACHTWOORD)
            koekjes[naam] = cookie_header(s)
            for pad in args.paden:
                s.get(url + pad, timeout=120)  # the render cache holds the page before it is measured
        print(f"belasting (load average 1/5/15 min) bij de start: {os.getloadavg()}", flush=True)
        if args.browser:
            _browser(servers, 3)
        if cli is None:
            print(f"Lighthouse niet gemeten: {waarom}")
            return 0
        for pad in args.paden:
            if args.toegankelijkheid:
                for naam, url in servers.items():
                    r = _lighthouse(cli, url + pad, "accessibility", "desktop", koekjes[naam], tmp / "a.json")
                    print(f"toegankelijkheid {pad} {naam}: {r['categorieen']['accessibility']['score']}", flush=True)
            for vorm in args.vormen:
                for i in range(args.n):
                    for naam, url in servers.items():
                        r = _lighthouse(cli, url + pad, "performance", vorm, koekjes[naam], tmp / "p.json")
                        print(f"prestaties {vorm} {pad} {naam} #{i + 1}: {r['categorieen']['performance']['score']} "
                              f"({metrieken_tekst(r['metrieken'])})", flush=True)
        print(f"belasting aan het eind: {os.getloadavg()}")
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
