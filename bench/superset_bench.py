"""The peer, side by side: Apache Superset 6.1 on the same region warehouse and the same machine,
measured alternately with our dashboard in one run (issue 16).

- **Installed for the benchmark only**, into its own virtual environment under the bench cache
  (`<cache>/superset/venv`), from `bench/superset/requirements.txt` with the whole tree pinned in
  `bench/superset/constraints.txt`; reused when present. The install time is noted, not measured.
- **Headless set-up** in `<cache>/superset/`: a `superset_config.py` (SQLite metadata DB, a
  SECRET_KEY generated once per cache, a file-system data cache shared by the workers, no
  examples), `superset db upgrade`, an admin, `superset init`; then gunicorn with 2 workers x 4
  threads (gthread) on a free loopback port, as our gunicorn.conf.py runs ours.
- **The same four questions**, created through Superset's REST API on the DuckDB warehouse file
  (read-only): (1) active clients per month, (2) per municipality in the last month, (3) in- and
  outflow per month, (4) costs per municipality and leveringsvorm in the peildatum's year; as four
  charts on one dashboard. Ours shows them on three pages: (1) and (2) on `/`, (3) on `/stromen`,
  (4) on `/financien`, each built by that page's one page-content callback.
- **Measured**, ours and Superset alternating: the chart-data requests (Superset: POST
  /api/v1/chart/data with the query context its dashboard sends; ours: the page-content callback
  of the page that shows the figure), without and with the result caches, wall time and the CPU
  time of the server's processes; and the dashboard drawn in Chromium, empty and warm browser
  cache, with the bytes transferred. Ratios ours/Superset.

When Superset cannot be installed or started (no network, pip fails, a timeout), the section
says so in a row with the reason and the suite goes on."""
from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.common import ROOT, Resultaten, median, ms, pct

SECTIE = "Superset"
MAP = ROOT / "bench" / "superset"
VEREISTEN = MAP / "requirements.txt"
BEPERKINGEN = MAP / "constraints.txt"
VERSIE = "6.1.0"
ADMIN, ADMIN_WACHTWOORD = "bench-admin", "bench-admin-wachtwoord"
DATABASE = "BW/MO-warehouse (bench)"
DASHBOARD = "BW/MO-monitor (bench)"
SLUG = "bwmo-bench"
INSTALLEER_S = 1800   # pip install of a 104 MB wheel and ~150 packages
STAP_S = 600          # db upgrade, init
START_S = 180         # gunicorn until /health answers
VERZOEK_S = 60        # one HTTP request


@dataclass(frozen=True)
class Vraag:
    sleutel: str
    titel: str     # the chart's name in Superset, Dutch as the monitor
    pagina: str    # our page that shows this figure (its page-content callback builds it)
    visual: str    # our visual on that page


VRAGEN = (
    Vraag("actief", "Actieve cliënten per maand", "/", "overzicht-trend"),
    Vraag("gemeente", "Actieve cliënten per gemeente, laatste maand", "/", "overzicht-gemeenten"),
    Vraag("stromen", "In- en uitstroom per maand", "/stromen", "stromen-maand"),
    Vraag("kosten", "Kosten per gemeente en leveringsvorm", "/financien", "financien-kosten-gemeente"),
)


def onze_paginas() -> list[str]:
    """The distinct pages of ours that together show the four questions, in order."""
    return list(dict.fromkeys(v.pagina for v in VRAGEN))


# --- pure: the chart definitions, the dashboard layout, the ratios --------------------------------

def _som(kolom: str, label: str) -> dict:
    return {"expressionType": "SIMPLE", "column": {"column_name": kolom}, "aggregate": "SUM", "label": label}


def _periode(kolom: str, van: date | None, tot: date | None) -> dict:
    """Superset's time-range filter; `van : tot` is [van, tot), 'No filter' without bounds."""
    bereik = "No filter" if van is None else f"{van.isoformat()} : {tot.isoformat()}"
    return {"clause": "WHERE", "subject": kolom, "operator": "TEMPORAL_RANGE", "comparator": bereik,
            "expressionType": "SIMPLE"}


def _volgende_maand(m: date) -> date:
    return date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def grafiek_params(vraag: Vraag, datasets: dict[str, int], laatste_maand: date) -> dict:
    """The form data (Superset's 'params') of the chart for one question. `datasets` maps
    'clienten', 'stromen', 'kosten' to Superset dataset ids; `laatste_maand` is the first day of
    the peildatum's month (the last month in the marts)."""
    gemeen = {"row_limit": 10000, "show_legend": True, "rich_tooltip": True, "y_axis_format": "SMART_NUMBER",
              "truncate_metric": True, "color_scheme": "supersetColors"}
    if vraag.sleutel == "actief":
        ds, p = datasets["clienten"], {"viz_type": "echarts_timeseries_line", "x_axis": "maand",
                                       "time_grain_sqla": "P1M", "metrics": [_som("actief", "Actieve cliënten")],
                                       "groupby": [], "adhoc_filters": [_periode("maand", None, None)]}
    elif vraag.sleutel == "gemeente":
        ds, p = datasets["clienten"], {
            "viz_type": "echarts_timeseries_bar", "x_axis": "gemeente_naam", "x_axis_sort": "gemeente_naam",
            "x_axis_sort_asc": True, "metrics": [_som("actief", "Actieve cliënten")], "groupby": [],
            "adhoc_filters": [_periode("maand", laatste_maand, _volgende_maand(laatste_maand))]}
    elif vraag.sleutel == "stromen":
        ds, p = datasets["stromen"], {"viz_type": "echarts_timeseries_bar", "x_axis": "maand", "time_grain_sqla": "P1M",
                                      "metrics": [_som("instroom", "Instroom"), _som("uitstroom", "Uitstroom")],
                                      "groupby": [], "adhoc_filters": [_periode("maand", None, None)]}
    elif vraag.sleutel == "kosten":
        jaar = laatste_maand.year
        ds, p = datasets["kosten"], {
            "viz_type": "echarts_timeseries_bar", "x_axis": "gemeente_naam", "x_axis_sort_asc": True,
            "metrics": [_som("kosten_eur", "Kosten")], "groupby": ["leveringsvorm"], "stack": "Stack",
            "adhoc_filters": [_periode("maand", date(jaar, 1, 1), date(jaar + 1, 1, 1))],
            "currency_format": {"symbol": "EUR", "symbolPosition": "prefix"}}
    else:
        raise ValueError(vraag.sleutel)
    return {**gemeen, **p, "datasource": f"{ds}__table"}


def query_context(params: dict) -> dict:
    """A chart-data request for `params` as the explore view builds it for these chart types: the
    x axis as the base axis (with the month grain when it is a date), the metrics, the filters, and
    the pivot the ECharts plugins apply. Stored with the chart (Superset uses it for its API and
    reports) and used by the bench when no dashboard request was captured in Chromium."""
    ds_id = int(params["datasource"].split("__")[0])
    tijd = params.get("time_grain_sqla")
    as_ = {"columnType": "BASE_AXIS", "sqlExpression": params["x_axis"], "label": params["x_axis"],
           "expressionType": "SQL", **({"timeGrain": tijd} if tijd else {})}
    labels = [m["label"] for m in params["metrics"]]
    filters = [{"col": f["subject"], "op": f["operator"], "val": f["comparator"]} for f in params["adhoc_filters"]]
    query = {
        "filters": filters, "extras": {"having": "", "where": "", **({"time_grain_sqla": tijd} if tijd else {})},
        "applied_time_extras": {}, "columns": [as_, *params["groupby"]], "metrics": params["metrics"],
        "orderby": [[params["metrics"][0], False]], "annotation_layers": [], "row_limit": params["row_limit"],
        "series_columns": list(params["groupby"]), "series_limit": 0, "order_desc": True, "url_params": {},
        "custom_params": {}, "custom_form_data": {}, "time_offsets": [],
        "post_processing": [
            {"operation": "pivot", "options": {"index": [params["x_axis"]], "columns": list(params["groupby"]),
                                               "aggregates": {label: {"operator": "mean"} for label in labels},
                                               "drop_missing_columns": False}},
            {"operation": "flatten"}],
    }
    return {"datasource": {"id": ds_id, "type": "table"}, "force": False, "queries": [query],
            "form_data": params, "result_format": "json", "result_type": "full"}


def dashboard_positie(grafiek_ids: list[int], titel: str = DASHBOARD) -> dict:
    """Superset's position_json for a dashboard of these charts, two per row."""
    pos = {"DASHBOARD_VERSION_KEY": "v2", "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
           "HEADER_ID": {"id": "HEADER_ID", "type": "HEADER", "meta": {"text": titel}},
           "GRID_ID": {"type": "GRID", "id": "GRID_ID", "children": [], "parents": ["ROOT_ID"]}}
    for r in range(0, len(grafiek_ids), 2):
        rij = f"ROW-{r // 2}"
        pos["GRID_ID"]["children"].append(rij)
        pos[rij] = {"type": "ROW", "id": rij, "children": [], "parents": ["ROOT_ID", "GRID_ID"],
                    "meta": {"background": "BACKGROUND_TRANSPARENT"}}
        for gid in grafiek_ids[r:r + 2]:
            k = f"CHART-{gid}"
            pos[rij]["children"].append(k)
            pos[k] = {"type": "CHART", "id": k, "children": [], "parents": ["ROOT_ID", "GRID_ID", rij],
                      "meta": {"chartId": gid, "width": 6, "height": 50}}
    return pos


def verhouding(ons: float, peer: float) -> str:
    """ours / Superset as the table shows it ('0.42×'); '–' when either is missing or zero."""
    if not ons or not peer or math.isnan(ons) or math.isnan(peer):
        return "–"
    return f"{ons / peer:.2f}×"


def vat_samen(tijden: list[float], cpu: list[float]) -> dict:
    """p50, p95 of the wall times and the mean server CPU time per request (seconds)."""
    return {"p50": median(tijden), "p95": pct(tijden, 95), "cpu": sum(cpu) / len(cpu) if cpu else float("nan"),
            "n": len(tijden)}


# --- installing and configuring -------------------------------------------------------------------

def _vingerafdruk() -> str:
    h = hashlib.sha256()
    for p in (VEREISTEN, BEPERKINGEN):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def zorg_voor_superset(map_: Path) -> tuple[Path | None, float, str]:
    """(python of the Superset venv, seconds spent installing (0 when reused), '') or
    (None, seconds, why not). Installs once per cache and pinned version set."""
    venv = map_ / "venv"
    py = venv / "bin" / "python"
    merk = venv / ".bwmo-geinstalleerd"
    if py.exists() and merk.exists() and merk.read_text().strip() == _vingerafdruk():
        return py, 0.0, ""
    begin = time.perf_counter()
    log = map_ / "pip.log"
    map_.mkdir(parents=True, exist_ok=True)
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300,
                           capture_output=True)
        with open(log, "ab") as f:
            r = subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "--retries", "2", "--timeout", "30", "-r", str(VEREISTEN),
                                "-c", str(BEPERKINGEN)], stdout=f, stderr=subprocess.STDOUT, timeout=INSTALLEER_S,
                               check=False)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - begin, f"installeren duurde langer dan {INSTALLEER_S // 60} minuten"
    except (OSError, subprocess.CalledProcessError) as e:
        return None, time.perf_counter() - begin, f"geen virtuele omgeving te maken: {e}"
    if r.returncode != 0:
        return None, time.perf_counter() - begin, (f"pip install mislukte (code {r.returncode}): "
                                                   + pip_reden(log.read_text(encoding="utf-8", errors="replace")))
    merk.write_text(_vingerafdruk())
    return py, time.perf_counter() - begin, ""


GEEN_NETWERK = ("Failed to establish a new connection", "Temporary failure in name resolution",
                "Name or service not known", "Network is unreachable", "Read timed out")


def pip_reden(log: str) -> str:
    """Why pip failed, in one line, from its output: no network when it could not reach the
    index (its resolver then reports a conflict that is none), else its first ERROR line."""
    if any(t in log for t in GEEN_NETWERK):
        return "geen verbinding met de pakketindex (PyPI)"
    fouten = [r.strip() for r in log.splitlines() if r.startswith("ERROR:")]
    return (fouten[0] if fouten else " ".join(log.strip().splitlines()[-3:]))[:300]


CONFIG = '''\
# Written by bench/superset_bench.py for the side-by-side benchmark; regenerated on every run.
import json, os
_MAP = {map_!r}
SECRET_KEY = open(os.path.join(_MAP, "secret_key")).read().strip()
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(_MAP, "superset.db")
# Results cached in files shared by both gunicorn workers, as our render cache is shared: the
# "met cache" rows; the "zonder cache" rows send force=true (Superset's default is no data cache).
DATA_CACHE_CONFIG = {{"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": os.path.join(_MAP, "datacache"),
                     "CACHE_DEFAULT_TIMEOUT": 86400, "CACHE_THRESHOLD": 0}}
FEATURE_FLAGS = {{}}
WTF_CSRF_TIME_LIMIT = None
SUPERSET_WEBSERVER_TIMEOUT = 120
LOG_LEVEL = "WARNING"
# loopback only, a throw-away admin: no rate limit on the bench's logins
RATELIMIT_ENABLED = False
AUTH_RATE_LIMITED = False
'''


def schrijf_config(map_: Path) -> Path:
    geheim = map_ / "secret_key"
    if not geheim.exists():
        geheim.write_text(secrets.token_urlsafe(48))
        geheim.chmod(0o600)
    pad = map_ / "superset_config.py"
    pad.write_text(CONFIG.format(map_=str(map_)), encoding="utf-8")
    return pad


def _omgeving(map_: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BWMO_", "PYTHON"))}
    env.update(SUPERSET_CONFIG_PATH=str(map_ / "superset_config.py"), FLASK_APP="superset",
               SUPERSET_HOME=str(map_ / "home"), PYTHONUNBUFFERED="1")
    return env


def _superset(map_: Path, py: Path, *args: str, timeout: float = STAP_S) -> None:
    log = map_ / "setup.log"
    with open(log, "ab") as f:
        f.write(f"\n$ superset {' '.join(args)}\n".encode())
        f.flush()
        r = subprocess.run([str(py.parent / "superset"), *args], env=_omgeving(map_), cwd=map_, stdout=f,
                           stderr=subprocess.STDOUT, timeout=timeout, check=False)
    if r.returncode != 0:
        staart = " ".join(log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:])
        raise RuntimeError(f"`superset {args[0]}` mislukte (code {r.returncode}): {staart[-300:]}")


def richt_in(map_: Path, py: Path) -> float:
    """Config, metadata DB, admin and roles, once per cache and install; returns the seconds spent."""
    schrijf_config(map_)
    merk = map_ / ".ingericht"
    if merk.exists() and merk.read_text().strip() == _vingerafdruk():
        return 0.0
    begin = time.perf_counter()
    _superset(map_, py, "db", "upgrade")
    with contextlib.suppress(RuntimeError):  # already there on a second set-up of the same DB
        _superset(map_, py, "fab", "create-admin", "--username", ADMIN, "--firstname", "Bench", "--lastname",
                  "Admin", "--email", "bench@example.invalid", "--password", ADMIN_WACHTWOORD)
    _superset(map_, py, "init")
    merk.write_text(_vingerafdruk())
    return time.perf_counter() - begin


# --- the server -----------------------------------------------------------------------------------

class SupersetServer:
    """Superset under gunicorn, 2 workers x 4 threads (gthread) like ours, on a free loopback port."""

    def __init__(self, map_: Path, py: Path, *, workers: int = 2, threads: int = 4, wacht_s: float = START_S):
        from bench.web import vrije_poort
        self.map_, self.poort = map_, vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self._log = open(map_ / "gunicorn.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(py.parent / "gunicorn"), "--workers", str(workers), "--worker-class", "gthread", "--threads",
             str(threads), "--timeout", "120", "--graceful-timeout", "10", "--bind", f"127.0.0.1:{self.poort}", "superset.app:create_app()"],
            cwd=map_, env=_omgeving(map_), stdout=self._log, stderr=subprocess.STDOUT)
        try:
            self._wacht(wacht_s)
        except Exception:
            self.stop()
            raise

    def _wacht(self, seconden: float) -> None:
        from bench.web import wacht_op_health
        wacht_op_health(self.proc, self.url, seconden, f"Superset (gunicorn; zie {self.map_ / 'gunicorn.log'})",
                        lambda r: r.status_code == 200, 0.5)

    def pids(self) -> list[int]:
        return proces_boom(self.proc.pid)

    def stop(self) -> None:
        from bench.web import stop_proces
        stop_proces(self.proc)
        self._log.close()


def proces_boom(pid: int) -> list[int]:
    import psutil
    try:
        p = psutil.Process(pid)
        return [pid, *(c.pid for c in p.children(recursive=True))]
    except psutil.Error:
        return []


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes so far (the ones that still exist)."""
    import psutil
    totaal = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            t = psutil.Process(pid).cpu_times()
            totaal += t.user + t.system
    return totaal


# --- the REST API: database, datasets, charts, dashboard ------------------------------------------

class Api:
    """A logged-in session on Superset's REST API (JWT from /api/v1/security/login, CSRF token)."""

    def __init__(self, url: str):
        import requests
        self.url, self.s = url, requests.Session()
        r = self.s.post(url + "/api/v1/security/login", json={"username": ADMIN, "password": ADMIN_WACHTWOORD,
                                                              "provider": "db", "refresh": True}, timeout=VERZOEK_S)
        r.raise_for_status()
        self.s.headers["Authorization"] = "Bearer " + r.json()["access_token"]
        r = self.s.get(url + "/api/v1/security/csrf_token/", timeout=VERZOEK_S)
        r.raise_for_status()
        self.s.headers.update({"X-CSRFToken": r.json()["result"], "Referer": url})

    def _roep(self, methode: str, pad: str, **kw) -> dict:
        r = self.s.request(methode, self.url + pad, timeout=VERZOEK_S, **kw)
        if r.status_code >= 400:
            raise RuntimeError(f"Superset {methode} {pad}: {r.status_code} {r.text[:300]}")
        return r.json() if r.content else {}

    def lijst(self, soort: str, kolom: str, waarde: str | int, opr: str = "eq") -> list[int]:
        w = waarde if isinstance(waarde, int) else "'" + waarde.replace("!", "!!").replace("'", "!'") + "'"
        q = f"(filters:!((col:{kolom},opr:{opr},value:{w})),page_size:100)"
        return [x["id"] for x in self._roep("GET", f"/api/v1/{soort}/", params={"q": q}).get("result", [])]

    def maak(self, soort: str, body: dict) -> int:
        return self._roep("POST", f"/api/v1/{soort}/", json=body)["id"]

    def verwijder(self, soort: str, ident: int) -> None:
        self._roep("DELETE", f"/api/v1/{soort}/{ident}")


def _sql(naam: str) -> str:
    return (MAP / f"{naam}.sql").read_text(encoding="utf-8")


def richt_dashboard_in(api: Api, warehouse: Path, laatste_maand: date) -> dict:
    """The bench's database, datasets, charts and dashboard, made again on every run (the ones of
    a previous run removed first), so the definitions are always those of this code."""
    for ident in api.lijst("dashboard", "dashboard_title", DASHBOARD):
        api.verwijder("dashboard", ident)
    for v in VRAGEN:
        for ident in api.lijst("chart", "slice_name", v.titel):
            api.verwijder("chart", ident)
    for ident in api.lijst("database", "database_name", DATABASE):
        for ds in api.lijst("dataset", "database", ident, opr="rel_o_m"):
            api.verwijder("dataset", ds)
        api.verwijder("database", ident)
    db = api.maak("database", {
        "database_name": DATABASE, "sqlalchemy_uri": f"duckdb:///{warehouse.resolve()}", "expose_in_sqllab": False,
        # read-only, as our app opens it: both read the same published file side by side
        "extra": json.dumps({"engine_params": {"connect_args": {"read_only": True}}})})
    datasets = {
        "clienten": api.maak("dataset", {"database": db, "schema": "marts", "table_name": "bwmo_clienten",
                                         "sql": _sql("clienten")}),
        "stromen": api.maak("dataset", {"database": db, "schema": "marts", "table_name": "stromen_maand"}),
        "kosten": api.maak("dataset", {"database": db, "schema": "marts", "table_name": "bwmo_kosten",
                                       "sql": _sql("kosten")}),
    }
    grafieken = {}
    for v in VRAGEN:
        params = grafiek_params(v, datasets, laatste_maand)
        grafieken[v.sleutel] = api.maak("chart", {
            "slice_name": v.titel, "viz_type": params["viz_type"], "datasource_id": int(params["datasource"].split("__")[0]),
            "datasource_type": "table", "params": json.dumps(params), "query_context": json.dumps(query_context(params))})
    ids = [grafieken[v.sleutel] for v in VRAGEN]
    dash = api.maak("dashboard", {"dashboard_title": DASHBOARD, "slug": SLUG, "published": True,
                                  "position_json": json.dumps(dashboard_positie(ids)),
                                  "json_metadata": json.dumps({"color_scheme": "supersetColors", "refresh_frequency": 0})})
    for gid in ids:  # a chart belongs to a dashboard through the chart's own 'dashboards'
        api._roep("PUT", f"/api/v1/chart/{gid}", json={"dashboards": [dash]})
    return {"database": db, "datasets": datasets, "grafieken": grafieken, "dashboard": dash}


# --- measuring ------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
# true when every chart of the Superset dashboard is drawn: each chart holder has its ECharts
# canvas and no loading indicator; returns ms since navigation start
SUPERSET_KLAAR_JS = """(n) => {
  const houders = document.querySelectorAll('.dashboard-component-chart-holder');
  if (houders.length < n) return false;
  for (const h of houders) {
    if (h.querySelector('.loading, [data-test="loading-indicator"]')) return false;
    if (!h.querySelector('[_echarts_instance_] canvas')) return false;
  }
  return performance.now();
}"""
KOPPEN = {"Content-Type": "application/json", "Accept-Encoding": "br, gzip"}


def superset_sessie(url: str):
    """A browser-style session (cookie) through Superset's login form, for Chromium."""
    import re

    import requests
    s = requests.Session()
    r = s.get(url + "/login/", timeout=VERZOEK_S)
    m = re.search(r'name="csrf_token"\s+id="csrf_token"\s+value="([^"]+)"', r.text)
    if not m:
        raise RuntimeError(f"geen csrf_token op Supersets /login/ (status {r.status_code})")
    r = s.post(url + "/login/", data={"username": ADMIN, "password": ADMIN_WACHTWOORD, "csrf_token": m.group(1)},
               timeout=VERZOEK_S)
    if "session" not in s.cookies or "/login" in r.url:
        raise RuntimeError(f"inloggen in Superset mislukt (status {r.status_code}, {r.url})")
    return s


def _koekjes(sessie, url: str) -> list[dict]:
    from urllib.parse import urlsplit
    host = urlsplit(url).hostname
    return [{"name": c.name, "value": c.value, "domain": host, "path": "/"} for c in sessie.cookies]


def vang_verzoeken(url: str, koekjes: list[dict], grafiek_ids: dict[str, int]) -> dict[str, dict]:
    """The chart-data request bodies Superset's dashboard sends, by question, from one load in
    Chromium (so the bench times exactly what the dashboard asks for)."""
    from playwright.sync_api import sync_playwright

    from bench.browser_bench import CHROMIUM_ARGS
    per_id = {gid: k for k, gid in grafiek_ids.items()}
    gevangen: dict[str, dict] = {}

    def noteer(req):
        if "/api/v1/chart/data" in req.url and req.post_data:
            body = json.loads(req.post_data)
            gid = (body.get("form_data") or {}).get("slice_id")
            if gid in per_id:
                gevangen[per_id[gid]] = body
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
            ctx.add_cookies(koekjes)
            page = ctx.new_page()
            page.on("request", noteer)
            page.goto(f"{url}/superset/dashboard/{SLUG}/", wait_until="commit", timeout=VERZOEK_S * 1000)
            page.wait_for_function(SUPERSET_KLAAR_JS, arg=len(VRAGEN), timeout=VERZOEK_S * 1000, polling="raf")
        finally:
            browser.close()
    return gevangen


def _leeg_rendercache(pad: Path | None) -> None:
    """Forget our rendered pages (the shared SQLite file gunicorn's workers use), so the next
    page callback builds its page; the data layer's per-worker query cache is out of reach."""
    if pad and pad.exists():
        with sqlite3.connect(pad, timeout=10) as con:
            con.execute("delete from pagina")


def _verzoek(sessie, url: str, body: dict, pids: list[int]) -> tuple[float, float, str]:
    """(wall seconds, server CPU seconds, error or '') of one POST; the body read in full."""
    cpu0 = cpu_s(pids)
    begin = time.perf_counter()
    try:
        r = sessie.post(url, data=json.dumps(body), headers=KOPPEN, timeout=VERZOEK_S)
        inhoud = r.content
        duur = time.perf_counter() - begin
    except Exception as e:  # noqa: BLE001  (counted as an error, the run goes on)
        return time.perf_counter() - begin, cpu_s(pids) - cpu0, type(e).__name__
    time.sleep(0.02)  # let a worker's CPU accounting of the request settle (gthread: after the reply)
    fout = "" if r.status_code == 200 else f"{r.status_code}: {inhoud[:120]!r}"
    if not fout and b'"error": "' in inhoud[:2000]:
        fout = inhoud[:200].decode("utf-8", "replace")
    return duur, cpu_s(pids) - cpu0, fout


def meet_grafiekdata(ons_url: str, ons_sessie, ons_pids: list[int], rendercache: Path | None,
                     ss_url: str, ss_sessie, ss_pids: list[int], bodies: dict[str, dict], rondes: int) -> dict:
    """Ours and Superset alternating, per mode: 'zonder cache' (our render cache emptied before
    each page callback; Superset with force=true) and 'met cache' (after one warm-up request each:
    our render cache, Superset's data cache)."""
    from bench.web import pagina_body
    uit = {}
    for modus in ("zonder cache", "met cache"):
        koud = modus == "zonder cache"
        m = {"ons": {p: ([], []) for p in onze_paginas()}, "superset": {v.sleutel: ([], []) for v in VRAGEN},
             "ons_totaal": [], "superset_totaal": [], "ons_cpu_totaal": [], "superset_cpu_totaal": [], "fouten": []}
        ss_bodies = {k: {**b, "force": koud} for k, b in bodies.items()}
        if not koud:  # warm both caches
            for pad in onze_paginas():
                _verzoek(ons_sessie, ons_url + "/_dash-update-component", pagina_body(pad), ons_pids)
            for v in VRAGEN:
                _verzoek(ss_sessie, ss_url + "/api/v1/chart/data", ss_bodies[v.sleutel], ss_pids)
        for _ in range(rondes):
            som = cpu = 0.0
            for pad in onze_paginas():
                if koud:
                    _leeg_rendercache(rendercache)
                t, c, fout = _verzoek(ons_sessie, ons_url + "/_dash-update-component", pagina_body(pad), ons_pids)
                m["ons"][pad][0].append(t)
                m["ons"][pad][1].append(c)
                som, cpu = som + t, cpu + c
                if fout:
                    m["fouten"].append(f"ons {pad}: {fout}")
            m["ons_totaal"].append(som)
            m["ons_cpu_totaal"].append(cpu)
            som = cpu = 0.0
            for v in VRAGEN:
                t, c, fout = _verzoek(ss_sessie, ss_url + "/api/v1/chart/data", ss_bodies[v.sleutel], ss_pids)
                m["superset"][v.sleutel][0].append(t)
                m["superset"][v.sleutel][1].append(c)
                som, cpu = som + t, cpu + c
                if fout:
                    m["fouten"].append(f"Superset {v.sleutel}: {fout}")
            m["superset_totaal"].append(som)
            m["superset_cpu_totaal"].append(cpu)
        uit[modus] = m
    return uit


def _laad(page, url: str, klaar_js: str, arg=None) -> tuple[float, float]:
    """(seconds until drawn, seconds until the last response), from navigation start."""
    from bench.browser_bench import LAATSTE_ANTWOORD_JS
    page.goto(url, wait_until="commit", timeout=VERZOEK_S * 1000)
    klaar = page.wait_for_function(klaar_js, arg=arg, timeout=VERZOEK_S * 1000, polling="raf").json_value()
    with contextlib.suppress(Exception):  # a page that keeps polling is drawn all the same
        page.wait_for_load_state("networkidle", timeout=15000)
    return klaar / 1000, page.evaluate(LAATSTE_ANTWOORD_JS) / 1000


NAAR_PAGINA_JS = """() => {
  window.__bwmoKop = (document.querySelector('.paginakop h1') || {}).textContent;
  return performance.now();
}"""


def _klik(page, pad: str) -> float:
    """Seconds from a click on the navigation link to `pad` until that page is drawn, in the
    running page (Dash's client-side routing, as a user moves between pages): a new page heading,
    then the same test as a full load (bench/browser_bench.py)."""
    from bench.browser_bench import KLAAR_JS
    begin = page.evaluate(NAAR_PAGINA_JS)
    page.click(f'a.nav-link[href^="{pad}"]', timeout=VERZOEK_S * 1000)
    klaar = page.wait_for_function(
        "() => { const h = document.querySelector('.paginakop h1');"
        " if (!h || h.textContent === window.__bwmoKop) return false; return (" + KLAAR_JS + ")(); }",
        timeout=VERZOEK_S * 1000, polling="raf").json_value()
    return (klaar - begin) / 1000


def meet_browser(ons_url: str, ons_koekjes: list[dict], ss_url: str, ss_koekjes: list[dict],
                 leeg: int, warm: int) -> dict:
    """Ours: `/` opened, then `/stromen` and `/financien` through the navigation, each until
    drawn, the times summed (the pages that show the four questions); Superset: its dashboard
    opened until its four charts are drawn. Alternating, first `leeg` times each in a new browser
    context (empty cache), then `warm` times each in one context per side."""
    from playwright.sync_api import sync_playwright

    from bench.browser_bench import CHROMIUM_ARGS, KLAAR_JS, _overdracht
    ss_pad = f"{ss_url}/superset/dashboard/{SLUG}/"
    eerste, *verder = onze_paginas()
    uit = {"ons_leeg": [], "ss_leeg": [], "ons_warm": [], "ss_warm": [], "ons_bytes": [], "ss_bytes": [],
           "ons_per_pagina": {p: [] for p in onze_paginas()}, "fouten": []}

    def ons_ronde(page) -> float:
        t, _ = _laad(page, ons_url + eerste, KLAAR_JS)
        uit["ons_per_pagina"][eerste].append(t)
        for pad in verder:
            uit["ons_per_pagina"][pad].append(_klik(page, pad))
        return sum(ts[-1] for ts in uit["ons_per_pagina"].values())

    def ss_ronde(page) -> float:
        return _laad(page, ss_pad, SUPERSET_KLAAR_JS, len(VRAGEN))[0]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            def context(koekjes):
                ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
                ctx.add_cookies(koekjes)
                page = ctx.new_page()
                page.on("pageerror", lambda e: uit["fouten"].append(str(e)[:160]))
                return ctx, page

            def met_bytes(koekjes, ronde):
                ctx, page = context(koekjes)
                verzoeken = []

                def noteer(req):  # a Python function: Playwright cannot wrap a bound builtin
                    verzoeken.append(req)
                page.on("requestfinished", noteer)
                t = ronde(page)
                page.remove_listener("requestfinished", noteer)
                o = _overdracht(verzoeken)
                ctx.close()
                return t, o
            for _ in range(leeg):
                for kant, koekjes, ronde in (("ons", ons_koekjes, ons_ronde), ("ss", ss_koekjes, ss_ronde)):
                    t, o = met_bytes(koekjes, ronde)
                    uit[f"{kant}_leeg"].append(t)
                    uit[f"{kant}_bytes"].append(o)
            ons_ctx, ons_page = context(ons_koekjes)
            ss_ctx, ss_page = context(ss_koekjes)
            ons_ronde(ons_page)  # fill each browser cache once
            ss_ronde(ss_page)
            for ts in uit["ons_per_pagina"].values():
                ts.clear()
            for _ in range(warm):
                uit["ons_warm"].append(ons_ronde(ons_page))
                uit["ss_warm"].append(ss_ronde(ss_page))
            ons_ctx.close()
            ss_ctx.close()
        finally:
            browser.close()
    return uit


# --- the rows -------------------------------------------------------------------------------------

DOEL = "< 1× (voorsprong houden)"


def _vergelijk(ons: dict, peer: dict, cpu: bool = True) -> str:
    """'p50 ons 120 ms / Superset 300 ms (0.40×); p95 ...; server-CPU ...' from two vat_samen()s."""
    delen = [f"p50 ons {ms(ons['p50'])} / Superset {ms(peer['p50'])} ({verhouding(ons['p50'], peer['p50'])})",
             f"p95 ons {ms(ons['p95'])} / Superset {ms(peer['p95'])} ({verhouding(ons['p95'], peer['p95'])})"]
    if cpu:
        delen.append(f"server-CPU per keer ons {ms(ons['cpu'])} / Superset {ms(peer['cpu'])} "
                     f"({verhouding(ons['cpu'], peer['cpu'])})")
    return "; ".join(delen)


def grafiek_rijen(res: Resultaten, metingen: dict, bron: str = "") -> None:
    """Rows for the chart-data measurements (pure: numbers in, rows out); `bron` says where
    Superset's request bodies came from."""
    for modus, m in metingen.items():
        fouten = m["fouten"]
        for v in VRAGEN:
            ons = vat_samen(*m["ons"][v.pagina])
            peer = vat_samen(*m["superset"][v.sleutel])
            res.rij(SECTIE, f"grafiekdata {v.titel[0].lower() + v.titel[1:]} ({modus})",
                    f"{verhouding(ons['p50'], peer['p50'])} (ons {ms(ons['p50'])}, Superset {ms(peer['p50'])})",
                    toelichting=f"{_vergelijk(ons, peer)}; ons: paginacallback {v.pagina} (bouwt de hele pagina, "
                                f"met {v.visual}); Superset: POST /api/v1/chart/data; n={ons['n']}",
                    extra={"ons": ons, "superset": peer})
        ons = vat_samen(m["ons_totaal"], m["ons_cpu_totaal"])
        peer = vat_samen(m["superset_totaal"], m["superset_cpu_totaal"])
        res.rij(SECTIE, f"grafiekdata alle vier vragen samen ({modus})",
                f"{verhouding(ons['p50'], peer['p50'])} (ons {ms(ons['p50'])}, Superset {ms(peer['p50'])})", DOEL,
                not fouten and ons["p50"] < peer["p50"],
                f"{_vergelijk(ons, peer)}; ons {len(onze_paginas())} paginacallbacks "
                f"({', '.join(onze_paginas())}), Superset {len(VRAGEN)} grafiekverzoeken"
                + (f" ({bron})" if bron else "") + f", na elkaar per ronde; n={ons['n']} rondes"
                + (f"; FOUTEN {len(fouten)}: {fouten[0]}" if fouten else ""),
                {"ons": ons, "superset": peer, "fouten": len(fouten)})


def browser_rijen(res: Resultaten, b: dict) -> None:
    fouten = b["fouten"]
    noot = f"; JS-fouten: {fouten[:2]}" if fouten else ""
    per_pagina = ", ".join(f"{p} {ms(median(ts))}" for p, ts in b["ons_per_pagina"].items())
    for soort, wat in (("warm", "warme browsercache"), ("leeg", "lege browsercache")):
        ons, peer = median(b[f"ons_{soort}"]), median(b[f"ss_{soort}"])
        res.rij(SECTIE, f"dashboard getekend in Chromium, {wat} (mediaan)",
                f"{verhouding(ons, peer)} (ons {ms(ons)}, Superset {ms(peer)})", DOEL, ons < peer,
                f"ons: {onze_paginas()[0]} geopend, dan {' en '.join(onze_paginas()[1:])} via de navigatie, "
                "elk tot alle grafieken getekend, opgeteld"
                + (f" (per pagina: {per_pagina})" if soort == "warm" else "")
                + f"; Superset: het dashboard tot alle {len(VRAGEN)} grafieken getekend; "
                f"ons {', '.join(ms(t) for t in b[f'ons_{soort}'])}, Superset {', '.join(ms(t) for t in b[f'ss_{soort}'])}"
                + noot, {"ons": b[f"ons_{soort}"], "superset": b[f"ss_{soort}"]})
    ons = median([o["bytes"] for o in b["ons_bytes"]])
    peer = median([o["bytes"] for o in b["ss_bytes"]])
    o, s = b["ons_bytes"][0], b["ss_bytes"][0]
    res.rij(SECTIE, "overgedragen bytes, lege browsercache",
            f"{verhouding(ons, peer)} (ons {ons / 1e6:.2f} MB, Superset {peer / 1e6:.2f} MB)", DOEL, ons < peer,
            f"ons {o['n']} antwoorden, uitgepakt {o['uitgepakt'] / 1e6:.2f} MB ({', '.join(onze_paginas())}); Superset {s['n']} "
            f"antwoorden, uitgepakt {s['uitgepakt'] / 1e6:.2f} MB, grootste: "
            + ", ".join(f"{naam} {g / 1e3:.0f} kB ({enc or 'geen compressie'})" for naam, g, enc in s["grootste"]),
            {"ons": ons, "superset": peer})


def installatie_tekst(map_: Path, installeren: float, inrichten: float) -> tuple[str, str]:
    """(value, explanation) of the install row. The times of a real install are kept in the
    cache (installatie.json), so a run that reuses the venv still says what the install took."""
    pad = map_ / "installatie.json"
    vorig = {}
    with contextlib.suppress(OSError, ValueError):
        vorig = json.loads(pad.read_text(encoding="utf-8"))
    if installeren > 60 or "installeren_s" not in vorig:  # a real install, not pip finding all there
        vorig.update(installeren_s=installeren, op=date.today().isoformat())
    if inrichten:
        vorig["inrichten_s"] = inrichten
    with contextlib.suppress(OSError):
        pad.write_text(json.dumps(vorig), encoding="utf-8")
    eerder = (f"pip install {vorig.get('installeren_s', 0):.0f} s, db upgrade + admin + init "
              f"{vorig.get('inrichten_s', 0):.0f} s (op {vorig.get('op', '?')})")
    if not installeren and not inrichten:
        return "hergebruikt", f"venv en metadata-DB uit de cache hergebruikt; eerdere installatie: {eerder}"
    return (f"{installeren:.0f} s + {inrichten:.0f} s",
            (f"pip install in {map_ / 'venv'} {installeren:.0f} s, db upgrade + admin + init {inrichten:.0f} s; "
             f"eenmalig per cache (opnieuw als bench/superset/ wijzigt); vastgelegd: {eerder}"))


def niet_gemeten(res: Resultaten, waarom: str) -> None:
    res.rij(SECTIE, f"Apache Superset {VERSIE} naast ons", "niet gemeten", toelichting=waarom)


# --- the section ----------------------------------------------------------------------------------

def laatste_maand(warehouse: Path) -> date:
    import duckdb
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        peildatum = con.execute("select peildatum from marts.warehouse_info").fetchone()[0]
    finally:
        con.close()
    return date(peildatum.year, peildatum.month, 1)


def bench_superset(res: Resultaten, ons, gebruiker: str, wachtwoord: str, warehouse: Path, cache: Path,
                   rendercache: Path | None, rondes: int = 10, leeg: int = 2, warm: int = 3) -> None:
    """The section: install (once), set up, start Superset; then ours (`ons`, a running
    bench.web.Gunicorn) and Superset alternately. Never raises for a Superset that cannot run."""
    from bench.web import inloggen
    map_ = (cache / "superset").resolve()
    py, installeren, waarom = zorg_voor_superset(map_)
    if py is None:
        niet_gemeten(res, f"Superset kon niet geïnstalleerd worden: {waarom}")
        return
    try:
        inrichten = richt_in(map_, py)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        niet_gemeten(res, f"Superset kon niet ingericht worden: {e}")
        return
    res.commando(f"{map_.relative_to(ROOT) if map_.is_relative_to(ROOT) else map_}/venv/bin/gunicorn --workers 2 "
                 "--worker-class gthread --threads 4 --bind 127.0.0.1:<vrije poort> 'superset.app:create_app()'   "
                 f"# Apache Superset {VERSIE}, alleen voor de bench (bench/superset/requirements.txt), gestart door de bench")
    res.rij(SECTIE, f"Apache Superset {VERSIE}: installatie en inrichting (buiten de metingen)",
            *installatie_tekst(map_, installeren, inrichten), extra={"installeren_s": installeren, "inrichten_s": inrichten})
    # results cached by an earlier run may be of an earlier warehouse under the same query
    shutil.rmtree(map_ / "datacache", ignore_errors=True)
    try:
        server = SupersetServer(map_, py)
    except (RuntimeError, OSError) as e:
        niet_gemeten(res, f"Superset startte niet: {e}")
        return
    try:
        api = Api(server.url)
        ids = richt_dashboard_in(api, warehouse, laatste_maand(warehouse))
        ons_sessie = inloggen(ons.url, gebruiker, wachtwoord)
        ons_koekjes = _koekjes(ons_sessie, ons.url)
        ss_koekjes = _koekjes(superset_sessie(server.url), server.url)
        bodies, bron = {}, "door het dashboard in Chromium verstuurd"
        if Path(CHROMIUM).exists():
            with contextlib.suppress(Exception):  # without Chromium, the query context stored with the chart
                bodies = vang_verzoeken(server.url, ss_koekjes, ids["grafieken"])
        if len(bodies) < len(VRAGEN):
            bron = "de bij de grafiek opgeslagen query context (niet uit Chromium)"
            for v in VRAGEN:
                bodies.setdefault(v.sleutel, json.loads(api._roep(
                    "GET", f"/api/v1/chart/{ids['grafieken'][v.sleutel]}")["result"]["query_context"]))
        metingen = meet_grafiekdata(ons.url, ons_sessie, proces_boom(ons.proc.pid), rendercache,
                                    server.url, api.s, server.pids(), bodies, rondes)
        grafiek_rijen(res, metingen, bron)
        if Path(CHROMIUM).exists():
            browser_rijen(res, meet_browser(ons.url, ons_koekjes, server.url, ss_koekjes, leeg, warm))
        else:
            res.rij(SECTIE, "dashboard getekend in Chromium", "n.v.t.", toelichting=f"{CHROMIUM} ontbreekt")
    except Exception as e:  # noqa: BLE001  (the peer failing is reported; the suite goes on)
        import traceback
        traceback.print_exc()
        niet_gemeten(res, f"meting met Superset mislukte: {type(e).__name__}: {str(e)[:200]}")
    finally:
        server.stop()
