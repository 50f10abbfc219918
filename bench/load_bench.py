"""gunicorn throughput on loopback with the project's gunicorn.conf.py: page-content requests
(what a browser asks for each page view, with a browser's Accept-Encoding, so the server
compresses as it does for a browser) from N concurrent keep-alive clients in this process (the
bench, not the server's process), bounded in count and time; then the resident memory of each
worker. The render cache is warm: every distinct page is asked once before the measurement."""
from __future__ import annotations

import http.client
import json
import threading
import time

import brotli

from bench.common import Resultaten, gib, median, ms, pct
from bench.web import Gunicorn, cookie_header, inloggen, pagina_body

DOEL_GELIJKTIJDIG, DOEL_PER_S, DOEL_P95_S = 32, 100, 0.5  # issue 16


def _werker(poort: int, cookie: str, bodies: list[bytes], start: int, teller, eind: float, uit: list, fouten: list):
    con = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    i = start
    while time.monotonic() < eind:
        with teller["slot"]:
            if teller["over"] <= 0:
                break
            teller["over"] -= 1
        body = bodies[i % len(bodies)]
        i += 1
        begin = time.perf_counter()
        try:
            con.request("POST", "/_dash-update-component", body=body,
                        headers={"Content-Type": "application/json", "Cookie": cookie,
                                 "Accept-Encoding": "br, gzip"})
            r = con.getresponse()
            inhoud = r.read()
            duur = time.perf_counter() - begin
            if r.getheader("Content-Encoding") == "br":
                inhoud = brotli.decompress(inhoud)
            if r.status != 200 or b'"_pages_content"' not in inhoud:
                fouten.append(f"{r.status}")
            else:
                uit.append(duur)
        except Exception as e:  # noqa: BLE001  (counted as an error)
            fouten.append(type(e).__name__)
            con.close()
            con = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    con.close()


def belast(server: Gunicorn, cookie: str, bodies: list[bytes], gelijktijdig: int, aantal: int, max_s: float):
    teller = {"over": aantal, "slot": threading.Lock()}
    tijden, fouten = [], []
    eind = time.monotonic() + max_s
    draden = [threading.Thread(target=_werker, args=(server.poort, cookie, bodies, k * 7, teller, eind, tijden, fouten))
              for k in range(gelijktijdig)]
    begin = time.perf_counter()
    for t in draden:
        t.start()
    for t in draden:
        t.join()
    wand = time.perf_counter() - begin
    return tijden, fouten, wand


def bench_load(res: Resultaten, server: Gunicorn, gebruiker: str, wachtwoord: str, paden: list[str],
               varianten: list[str], niveaus=((8, 400), (32, 800)), max_s: float = 90) -> None:
    s = inloggen(server.url, gebruiker, wachtwoord)
    cookie = cookie_header(s)
    bodies = [json.dumps(pagina_body(p, v)).encode() for v in varianten for p in paden]
    belast(server, cookie, bodies, 4, len(bodies), max_s)  # warm-up: every distinct page once
    for gelijktijdig, aantal in niveaus:
        tijden, fouten, wand = belast(server, cookie, bodies, gelijktijdig, aantal, max_s)
        n = len(tijden) + len(fouten)
        per_s, p95 = len(tijden) / wand, pct(tijden, 95)
        doel = gelijktijdig == DOEL_GELIJKTIJDIG
        res.rij("gunicorn", f"doorvoer bij {gelijktijdig} gelijktijdig", f"{per_s:.1f} pagina's/s",
                f"≥ {DOEL_PER_S} pagina's/s, p95 < {DOEL_P95_S * 1000:.0f} ms" if doel else "",
                (per_s >= DOEL_PER_S and p95 < DOEL_P95_S and not fouten) if doel else None,
                f"{n} verzoeken in {wand:.1f} s; p50 {ms(median(tijden))}, p95 {ms(p95)}; rendercache warm",
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
