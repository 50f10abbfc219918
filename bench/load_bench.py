"""gunicorn throughput on loopback with the project's gunicorn.conf.py: page-content requests
(what a browser asks for each page view, with a browser's Accept-Encoding, so the server
compresses as it does for a browser) from N concurrent keep-alive clients, bounded in count and
time; then the resident memory of each worker. The clients run in a separate process
(bench/laadclient.py, one asyncio loop), neither the server's nor the bench's. The render cache is
warm: every distinct page is asked once before the measurement."""
from __future__ import annotations

import json
import subprocess
import sys

from bench.common import PY, ROOT, Resultaten, gib, median, ms, pct
from bench.web import Gunicorn, cookie_header, inloggen, pagina_body

DOEL_GELIJKTIJDIG, DOEL_PER_S, DOEL_P95_S = 32, 100, 0.5  # issue 16
CONTROLEER_ELKE = 9  # the load generator decompresses and checks one answer in this many (its own CPU)


def belast(server: Gunicorn, cookie: str, bodies: list[bytes], gelijktijdig: int, aantal: int, max_s: float,
           controleer_elke: int = CONTROLEER_ELKE):
    """(times of the good answers in s, errors, wall clock in s) from the load generator process."""
    taak = {"poort": server.poort, "cookie": cookie, "bodies": [b.decode() for b in bodies],
            "gelijktijdig": gelijktijdig, "aantal": aantal, "max_s": max_s, "controleer_elke": controleer_elke}
    r = subprocess.run([sys.executable, "-m", "bench.laadclient"], input=json.dumps(taak), capture_output=True,
                       text=True, cwd=ROOT, timeout=max_s + 60, check=False)
    if r.returncode != 0:
        raise RuntimeError(f"laadclient stopte met code {r.returncode}: {r.stderr[-500:]}")
    uit = json.loads(r.stdout)
    return uit["tijden"], uit["fouten"], uit["wand"]


def bench_load(res: Resultaten, server: Gunicorn, gebruiker: str, wachtwoord: str, paden: list[str],
               varianten: list[str], niveaus=((8, 400), (32, 800)), max_s: float = 90) -> None:
    res.commando(f"{PY} -m bench.laadclient   # de laadgenerator van de doorvoer, een eigen proces; taak als JSON op stdin "
                 "(gestart door bench/load_bench.py)")
    s = inloggen(server.url, gebruiker, wachtwoord)
    cookie = cookie_header(s)
    bodies = [json.dumps(pagina_body(p, v)).encode() for v in varianten for p in paden]
    belast(server, cookie, bodies, 4, len(bodies), max_s, 1)  # warm-up: every distinct page once, all checked
    for gelijktijdig, aantal in niveaus:
        tijden, fouten, wand = belast(server, cookie, bodies, gelijktijdig, aantal, max_s)
        n = len(tijden) + len(fouten)
        per_s, p95 = len(tijden) / wand, pct(tijden, 95)
        doel = gelijktijdig == DOEL_GELIJKTIJDIG
        res.rij("gunicorn", f"doorvoer bij {gelijktijdig} gelijktijdig", f"{per_s:.1f} pagina's/s",
                f"≥ {DOEL_PER_S} pagina's/s, p95 < {DOEL_P95_S * 1000:.0f} ms" if doel else "",
                (per_s >= DOEL_PER_S and p95 < DOEL_P95_S and not fouten) if doel else None,
                f"{n} verzoeken in {wand:.1f} s; p50 {ms(median(tijden))}, p95 {ms(p95)}; rendercache warm; clients in een eigen proces (bench/laadclient.py)",
                {"per_s": per_s, "p50": median(tijden), "p95": p95, "n": n})
        res.rij("gunicorn", f"fouten bij {gelijktijdig} gelijktijdig", str(len(fouten)), "0", not fouten,
                ", ".join(sorted(set(fouten)))[:200])
    import psutil
    for pid in server.worker_pids():
        try:
            rss = psutil.Process(pid).memory_info().rss
        except psutil.Error:
            continue
        res.rij("gunicorn", f"RSS worker {pid} na de belasting", gib(rss / 1024), "", None,
                "psutil memory_info().rss", {"rss": rss})
