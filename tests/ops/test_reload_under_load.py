"""Reload under load (issue 7): real gunicorn (two workers) serves a region-size warehouse while
`python -m etl load` publishes new warehouses several times. Every request must succeed, and every
response must belong to exactly one published warehouse version.

Two versions alternate: the region sample published with peildatum 30 June and with 31 May 2025
(a load with only a new peildatum rebuilds and publishes). For each, the page's figures are
recorded while nothing else happens; under load every page response must equal the recorded
figures of the peildatum it names, and every /health answer must pair a published version with
its own peildatum."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from bench.web import Gunicorn, cookie_header, inloggen, maak_gebruiker, pagina_body

ROOT = Path(__file__).resolve().parents[2]
PEILDATA = (dt.date(2025, 6, 30), dt.date(2025, 5, 31))
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]
PUBLICATIES = 6          # loads while the requests run
MAX_SECONDEN = 150       # bound on the whole load phase
DRAADJES = 6


def _etl(*args) -> str:
    r = subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def publiceer(levering: Path, warehouse: Path, peildatum: dt.date) -> str:
    """Load the delivery with this peildatum; returns the published version."""
    uit = _etl("load", str(levering), "--warehouse", str(warehouse), "--peildatum", peildatum.isoformat())
    m = re.search(r"versie (\S+?)\)", uit)
    assert m, uit[-1000:]
    return m.group(1)


def datum_tekst(d: dt.date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def vingerafdruk(antwoord: str) -> tuple[dt.date | None, str]:
    """(peildatum named in the page, hash of the page without its 'geladen <time>' stamp)."""
    try:
        tekst = json.dumps(json.loads(antwoord), ensure_ascii=False, sort_keys=True)
    except ValueError:
        return None, ""
    m = re.search(r"Gegevens t/m (\d{1,2} \w+ \d{4})", tekst)
    peildatum = None
    if m:
        dag, maand, jaar = m.group(1).split()
        peildatum = dt.date(int(jaar), MAANDEN.index(maand) + 1, int(dag))
    zonder = re.sub(r"geladen \d{1,2} \w+ \d{4} \d{2}:\d{2}", "geladen …", tekst)
    return peildatum, hashlib.sha256(zonder.encode()).hexdigest()


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory):
    d = tmp_path_factory.mktemp("reload")
    levering, warehouse, state = d / "levering", d / "warehouse.duckdb", d / "state.sqlite"
    _etl("sample", str(levering))
    versies = {publiceer(levering, warehouse, PEILDATA[0]): PEILDATA[0]}
    maak_gebruiker(state, "regio-test", "regio-test-wachtwoord", ("regio",))
    # The health thread below checks from this machine, like an operator during a rollout:
    # the version details are given only to such a local check (docs/deploy.md, section 7).
    server = Gunicorn(warehouse, state, d / "log", workers=2, env={"BWMO_HEALTH_DETAILS_LOKAAL": "1"})
    try:
        yield {"levering": levering, "warehouse": warehouse, "server": server, "versies": versies}
    finally:
        server.stop()


def _pagina(s: requests.Session, url: str) -> requests.Response:
    return s.post(url + "/_dash-update-component", json=pagina_body("/", ""), timeout=60)


def test_reload_under_load_serves_one_version_per_response(omgeving):
    server, levering, warehouse, versies = (omgeving[k] for k in ("server", "levering", "warehouse", "versies"))
    s = inloggen(server.url, "regio-test", "regio-test-wachtwoord")

    # The figures of each version, recorded while nothing else happens (and twice: deterministic).
    verwacht = {}
    for peildatum in (PEILDATA[1], PEILDATA[0]):
        versies[publiceer(levering, warehouse, peildatum)] = peildatum
        for _ in range(2):
            r = _pagina(s, server.url)
            assert r.status_code == 200, r.text[:500]
            pd_, vinger = vingerafdruk(r.text)
            assert pd_ == peildatum and "foutmelding" not in r.text
            assert verwacht.setdefault(peildatum, vinger) == vinger
    assert verwacht[PEILDATA[0]] != verwacht[PEILDATA[1]], "de twee versies moeten verschillende cijfers tonen"

    fouten: list[str] = []
    gezien_health: set[tuple[str, str]] = set()
    gezien_pagina: set[dt.date] = set()
    tellers = {"health": 0, "pagina": 0}
    stop = threading.Event()
    slot = threading.Lock()
    cookie = cookie_header(s)

    def health_draad():
        with requests.Session() as hs:  # no login: a local check on the server itself
            while not stop.is_set():
                try:
                    r = hs.get(server.url + "/health", timeout=30)
                    body = r.json()
                    paar = (body.get("warehouse_versie"), body.get("peildatum"))
                    with slot:
                        tellers["health"] += 1
                        gezien_health.add(paar)
                        if r.status_code != 200 or body.get("status") != "ok":
                            fouten.append(f"/health {r.status_code}: {r.text[:200]}")
                except Exception as e:  # noqa: BLE001  (every failure is counted, none may happen)
                    with slot:
                        fouten.append(f"/health: {type(e).__name__}: {e}")

    def pagina_draad():
        with requests.Session() as ps:
            ps.headers["Cookie"] = cookie
            while not stop.is_set():
                try:
                    r = _pagina(ps, server.url)
                    peildatum, vinger = vingerafdruk(r.text)
                    with slot:
                        tellers["pagina"] += 1
                        if r.status_code != 200:
                            fouten.append(f"pagina {r.status_code}: {r.text[:200]}")
                        elif peildatum not in verwacht:
                            fouten.append(f"pagina zonder bekende peildatum: {r.text[:300]}")
                        elif verwacht[peildatum] != vinger:
                            fouten.append(f"pagina met peildatum {peildatum} maar andere cijfers")
                        else:
                            gezien_pagina.add(peildatum)
                except Exception as e:  # noqa: BLE001
                    with slot:
                        fouten.append(f"pagina: {type(e).__name__}: {e}")

    draden = ([threading.Thread(target=health_draad) for _ in range(2)]
              + [threading.Thread(target=pagina_draad) for _ in range(DRAADJES - 2)])
    for t in draden:
        t.start()
    begin = time.monotonic()
    try:
        for i in range(PUBLICATIES):
            if time.monotonic() - begin > MAX_SECONDEN:
                break
            time.sleep(0.5)
            peildatum = PEILDATA[(i + 1) % 2]
            versies[publiceer(levering, warehouse, peildatum)] = peildatum
        time.sleep(1.0)  # let requests see the last version
    finally:
        stop.set()
        for t in draden:
            t.join(timeout=90)

    assert not fouten, f"{len(fouten)} mislukte of inconsistente antwoorden, o.a.: {fouten[:5]}"
    assert tellers["health"] >= 20 and tellers["pagina"] >= 10, tellers
    published = {(v, p.isoformat()) for v, p in versies.items()}
    assert gezien_health <= published, gezien_health - published
    assert len(gezien_health) >= 3, f"de health-check zag maar {gezien_health}; gepubliceerd: {versies}, {tellers}, pagina {gezien_pagina}"
    assert gezien_pagina == set(PEILDATA), "de pagina's moeten beide versies hebben getoond"
    assert len(versies) >= PUBLICATIES, versies


def test_health_through_a_proxy_tells_only_ok(omgeving):
    """What a load balancer or a reverse proxy on this host (which adds X-Forwarded-For) sees."""
    r = requests.get(omgeving["server"].url + "/health", headers={"X-Forwarded-For": "203.0.113.7"},
                     timeout=30)
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_log_lines_are_json_with_the_warehouse_version(omgeving):
    server = omgeving["server"]
    requests.get(server.url + "/health", timeout=30)
    time.sleep(0.5)
    regels = []
    for pad in (server.stdout_pad, server.stderr_pad):
        regels += [r for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]
    assert regels
    objecten = []
    for regel in regels:
        obj = json.loads(regel)  # every line is one JSON object
        assert {"time", "level", "logger", "message"} <= obj.keys(), obj
        objecten.append(obj)
    toegang = [o for o in objecten if o["logger"] == "gunicorn.access"]
    assert toegang and all("status" in o and "path" in o for o in toegang)
    health = [o for o in toegang if o["path"] == "/health" and o["status"] == 200]
    assert health and all(o.get("warehouse_versie") in omgeving["versies"] for o in health[-5:])
    assert any(o["logger"] == "gunicorn.error" for o in objecten)
