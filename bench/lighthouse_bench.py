"""Lighthouse (npm, pinned in bench/lighthouse/) in the Debian Chromium against real gunicorn on the
region sample, logged in as a regio user through `--extra-headers` with the session cookie:
accessibility of every page in the navigation, the accessibility statement and the login page;
performance desktop and mobile on `/` and `/financien` (issues 15 and 16), each performance row with
where the main thread's time went in its median run (task groups, scripts, long tasks).

Lighthouse is installed with `npm ci` into bench/lighthouse/node_modules on first use. Without
npm, Chromium or network the section says so in a row and the suite goes on."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from dash.fingerprint import check_fingerprint

from bench.common import ROOT, Resultaten
from bench.web import Gunicorn, cookie_header, inloggen

CHROMIUM = "/usr/bin/chromium"
MAP = ROOT / "bench" / "lighthouse"
CLI = MAP / "node_modules" / "lighthouse" / "cli" / "index.js"
SECTIE = "Lighthouse"
DOEL_TOEGANKELIJKHEID = 100                     # issue 15
DOEL_PRESTATIES = {"desktop": 90, "mobiel": 75}  # issue 16
PRESTATIE_PADEN = ("/", "/financien")
# pages outside the navigation that every user reaches (the footer's accessibility statement)
EXTRA_PADEN = ("/toegankelijkheid",)
# the metrics Lighthouse weighs into the performance score, as it names them in the JSON
METRIEKEN = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
             ("total-blocking-time", "TBT"), ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"))
# Lighthouse's main-thread task groups (core/lib/tracehouse/task-groups.js), in Dutch
GROEPEN = {"scriptEvaluation": "scriptevaluatie", "styleLayout": "stijl en lay-out",
           "paintCompositeRender": "tekenen", "scriptParseCompile": "scripts parsen en compileren",
           "parseHTML": "HTML en CSS parsen", "garbageCollection": "garbage collection", "other": "overig"}
# what Lighthouse names time it cannot lay at a script's door (core/lib/tracehouse/task-summary.js)
GEEN_SCRIPT = {"Unattributable": "niet toe te schrijven", "Browser": "browser", "Browser GC": "browser (GC)"}
TOP_GROEPEN = 4
TOP_SCRIPTS = 4


def versie_vastgelegd() -> str:
    return json.loads((MAP / "package.json").read_text(encoding="utf-8"))["dependencies"]["lighthouse"]


def zorg_voor_lighthouse() -> tuple[Path | None, str]:
    """(path of the CLI, '') or (None, why not). Installs the pinned version once with `npm ci`."""
    gewenst = versie_vastgelegd()
    if not CLI.exists() or _geinstalleerd() != gewenst:
        if not shutil.which("npm"):
            return None, "npm ontbreekt: Lighthouse niet geïnstalleerd"
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                           cwd=MAP, capture_output=True, text=True, timeout=600, check=False)
        if r.returncode != 0 or not CLI.exists():
            return None, f"`npm ci` in bench/lighthouse mislukte: {(r.stderr or r.stdout).strip()[-300:]}"
    if _geinstalleerd() != gewenst:
        return None, f"Lighthouse {_geinstalleerd()} geïnstalleerd, {gewenst} vastgelegd"
    return CLI, ""


def _geinstalleerd() -> str:
    try:
        return json.loads((MAP / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return ""


def lees_rapport(rapport: dict) -> dict:
    """The figures of one Lighthouse JSON report (pure): per category its score 0..100, the audits
    that failed (score below 1, not 'not applicable', 'manual' or 'informative') with their number
    of elements, and the performance metrics."""
    categorieen = {}
    for sleutel, cat in rapport.get("categories", {}).items():
        score = cat.get("score")
        gezakt = []
        for ref in cat.get("auditRefs", []):
            audit = rapport["audits"].get(ref["id"], {})
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative", "error") \
                    or audit.get("score") is None or audit["score"] >= 1 or ref.get("weight", 0) == 0:
                continue
            items = (audit.get("details") or {}).get("items") or []
            gezakt.append({"id": ref["id"], "titel": audit.get("title", ref["id"]), "elementen": len(items),
                           "score": audit["score"]})
        categorieen[sleutel] = {"score": None if score is None else round(score * 100), "gezakt": gezakt}
    metrieken = {}
    for sleutel, _ in METRIEKEN:
        audit = rapport.get("audits", {}).get(sleutel)
        if audit and audit.get("numericValue") is not None:
            metrieken[sleutel] = audit["numericValue"]
    fout = (rapport.get("runtimeError") or {}).get("message", "")
    return {"categorieen": categorieen, "metrieken": metrieken, "fout": fout,
            "url": rapport.get("finalDisplayedUrl") or rapport.get("finalUrl") or "",
            "tijdbesteding": tijdbesteding(rapport)}


def _tabel(rapport: dict, audit_id: str) -> dict | None:
    """The details of a diagnostics audit, or None when the report lacks it (an older Lighthouse,
    a run that failed, the audit's own error)."""
    audit = (rapport.get("audits") or {}).get(audit_id)
    if not audit or audit.get("scoreDisplayMode") == "error":
        return None
    details = audit.get("details") or {}
    return details if isinstance(details.get("items"), list) else None


def script_naam(url: str) -> str:
    """A script's file name without host, folder, query or Dash's fingerprint
    (`dash_renderer.v3_0_0m1.min.js` -> `dash_renderer.min.js`); the page itself as `pagina /pad`."""
    if url in GEEN_SCRIPT:
        return GEEN_SCRIPT[url]
    deel = urlsplit(url)
    if not deel.scheme:
        return url
    naam = check_fingerprint(deel.path.rsplit("/", 1)[-1])[0]
    return naam if "." in naam else f"pagina {deel.path or '/'}"


def tijdbesteding(rapport: dict) -> dict:
    """Where the main thread's time went in one performance report (pure), from Lighthouse's
    diagnostics: per task group (`mainthread-work-breakdown`), per script (`bootup-time`) and the
    long tasks (`long-tasks`), all in ms as Lighthouse reports them (under simulated throttling
    multiplied by its CPU slowdown). An audit the report lacks leaves its key out."""
    uit: dict = {}
    groepen = _tabel(rapport, "mainthread-work-breakdown")
    if groepen is not None:
        lijst = sorted(((i["group"], i.get("duration") or 0.0) for i in groepen["items"] if "group" in i),
                       key=lambda g: -g[1])
        uit["hoofdthread"] = {"totaal": sum(ms for _, ms in lijst), "groepen": dict(lijst)}
    scripts = _tabel(rapport, "bootup-time")
    if scripts is not None:
        uit["scripts"] = sorted(({"url": i["url"], "totaal": i.get("total") or 0.0,
                                  "scripting": i.get("scripting") or 0.0,
                                  "parsen": i.get("scriptParseCompile") or 0.0}
                                 for i in scripts["items"] if "url" in i), key=lambda s: -s["totaal"])
    taken = _tabel(rapport, "long-tasks")
    if taken is not None:
        # the table shows the 20 longest; its debug data holds every long task
        debug = taken.get("debugData") or {}
        if isinstance(debug.get("tasks"), list) and isinstance(debug.get("urls"), list):
            alle = [(t.get("duration") or 0.0, debug["urls"][t["urlIndex"]]
                     if 0 <= t.get("urlIndex", -1) < len(debug["urls"]) else "") for t in debug["tasks"]]
        else:
            alle = [(i.get("duration") or 0.0, i.get("url", "")) for i in taken["items"]]
        langste = max(alle, key=lambda t: t[0], default=(None, ""))
        uit["lange_taken"] = {"aantal": len(alle), "samen": sum(d for d, _ in alle),
                              "langste": langste[0], "langste_url": langste[1]}
    return uit


def tijdbesteding_tekst(tijd: dict) -> str:
    """The profile in one line for a performance row: the largest task groups, the scripts with the
    most main-thread time, the long tasks; '' when the report had none of the three."""
    delen = []
    if "hoofdthread" in tijd:
        h = tijd["hoofdthread"]
        groepen = list(h["groepen"].items())[:TOP_GROEPEN]
        delen.append(f"hoofdthread {_duur(h['totaal'])}"
                     + (": " + ", ".join(f"{GROEPEN.get(g, g)} {_duur(ms)}" for g, ms in groepen) if groepen else ""))
    if tijd.get("scripts"):
        delen.append("per script: " + ", ".join(f"{script_naam(s['url'])} {_duur(s['totaal'])}"
                                                 for s in tijd["scripts"][:TOP_SCRIPTS]))
    if "lange_taken" in tijd:
        t = tijd["lange_taken"]
        delen.append("geen lange taken" if not t["aantal"] else
                     f"lange taken: {t['aantal']}, samen {_duur(t['samen'])}, langste {_duur(t['langste'])}"
                     + (f" ({script_naam(t['langste_url'])})" if t["langste_url"] else ""))
    return "; ".join(delen)


def mediaan_run(runs: list[dict], categorie: str) -> dict | None:
    """The run with the median score (the lower middle one of an even number); None without scores."""
    met = sorted((r for r in runs if r["categorieen"].get(categorie, {}).get("score") is not None),
                 key=lambda r: r["categorieen"][categorie]["score"])
    return met[(len(met) - 1) // 2] if met else None


def _duur(ms: float) -> str:
    return f"{ms / 1000:.2f} s" if ms >= 1000 else f"{ms:.0f} ms"


def metrieken_tekst(metrieken: dict) -> str:
    delen = []
    for sleutel, kort in METRIEKEN:
        if sleutel in metrieken:
            v = metrieken[sleutel]
            delen.append(f"{kort} {v:.3f}" if sleutel == "cumulative-layout-shift" else f"{kort} {_duur(v)}")
    return ", ".join(delen)


def gezakt_tekst(gezakt: list[dict]) -> str:
    return "; ".join(f"{g['id']} ({g['elementen']} element{'en' if g['elementen'] != 1 else ''})" for g in gezakt)


def nav_paden(server: Gunicorn, sessie) -> list[str]:
    """The links of the navigation the logged-in user gets (from Dash's layout request)."""
    r = sessie.get(server.url + "/_dash-layout", timeout=60)
    r.raise_for_status()
    paden = []

    def loop(knoop):
        if isinstance(knoop, dict):
            props = knoop.get("props") or {}
            if knoop.get("type") == "Link" and "nav-link" in str(props.get("className", "")):
                paden.append(props["href"])
            for v in knoop.values():
                loop(v)
        elif isinstance(knoop, list):
            for v in knoop:
                loop(v)
    loop(r.json())
    return list(dict.fromkeys(paden))


def _lighthouse(cli: Path, url: str, categorie: str, vorm: str, cookie: str | None, uit: Path) -> dict:
    args = ["node", str(cli), url, "--output=json", f"--output-path={uit}", f"--only-categories={categorie}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--quiet", "--locale=nl",
            "--max-wait-for-load=60000"]
    if vorm == "desktop":
        args.append("--preset=desktop")
    if cookie:
        args.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    r = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False, env=env)
    if not uit.exists():
        raise RuntimeError(f"Lighthouse gaf geen rapport (code {r.returncode}): {r.stderr.strip()[-300:]}")
    return lees_rapport(json.loads(uit.read_text(encoding="utf-8")))


def bench_lighthouse(res: Resultaten, server: Gunicorn, gebruiker: str, wachtwoord: str, extra_paden=(),
                     herhalingen: int = 3) -> None:
    """Accessibility once per page (it does not vary between runs); performance `herhalingen`
    times per page and profile, the run with the median score reported (Lighthouse's own advice)."""
    if not Path(CHROMIUM).exists():
        res.rij(SECTIE, "Lighthouse", "n.v.t.", toelichting=f"{CHROMIUM} ontbreekt")
        return
    cli, waarom = zorg_voor_lighthouse()
    if cli is None:
        res.rij(SECTIE, "Lighthouse", "n.v.t.", toelichting=waarom)
        return
    versie = _geinstalleerd()
    res.commando(f"node bench/lighthouse/node_modules/lighthouse/cli/index.js <url> --output=json "
                 "--only-categories=<accessibility|performance> [--preset=desktop] "
                 "--chrome-flags='--headless=new --no-sandbox --disable-gpu' --extra-headers='{\"Cookie\": <sessie>}'   "
                 f"# Lighthouse {versie} (npm ci in bench/lighthouse), CHROME_PATH={CHROMIUM}, als regio-gebruiker")
    sessie = inloggen(server.url, gebruiker, wachtwoord)
    cookie = cookie_header(sessie)
    paden = [*nav_paden(server, sessie), *extra_paden]
    tmp = Path(tempfile.mkdtemp(prefix="bwmo-lighthouse-"))
    for i, (pad, koek) in enumerate([(p, cookie) for p in paden] + [("/login", None)]):
        try:
            r = _lighthouse(cli, server.url + pad, "accessibility", "desktop", koek, tmp / f"a11y-{i}.json")
        except Exception as e:  # noqa: BLE001  (one page that fails is reported; the others are measured)
            res.rij(SECTIE, f"toegankelijkheid {pad}", "FOUT", f"{DOEL_TOEGANKELIJKHEID}", False, str(e)[:200])
            continue
        cat = r["categorieen"].get("accessibility", {})
        score = cat.get("score")
        omgeleid = "" if r["url"].startswith(server.url + pad.split("?")[0]) else f"; omgeleid naar {r['url']}"
        res.rij(SECTIE, f"toegankelijkheid {pad}" + (" (niet ingelogd)" if koek is None else ""),
                "–" if score is None else str(score), str(DOEL_TOEGANKELIJKHEID),
                score is not None and score >= DOEL_TOEGANKELIJKHEID,
                (("gezakt: " + gezakt_tekst(cat["gezakt"])) if cat.get("gezakt") else "alle audits gehaald")
                + omgeleid + (f"; {r['fout']}" if r["fout"] else ""),
                {"score": score, "gezakt": cat.get("gezakt", [])})
    for pad in PRESTATIE_PADEN:
        for vorm, doel in DOEL_PRESTATIES.items():
            runs, fouten = [], []
            for n in range(herhalingen):
                try:
                    runs.append(_lighthouse(cli, server.url + pad, "performance", vorm, cookie,
                                            tmp / f"perf-{vorm}-{pad.strip('/') or 'root'}-{n}.json"))
                except Exception as e:  # noqa: BLE001  (a run that fails is reported; the others count)
                    fouten.append(str(e)[:200])
            r = mediaan_run(runs, "performance")
            if r is None:
                res.rij(SECTIE, f"prestaties {vorm} {pad}", "FOUT", f"≥ {doel}", False, "; ".join(fouten)[:300])
                continue
            score = r["categorieen"]["performance"]["score"]
            alle = [x["categorieen"]["performance"]["score"] for x in runs]
            res.rij(SECTIE, f"prestaties {vorm} {pad}", str(score), f"≥ {doel}", score >= doel,
                    f"mediaan van {len(alle)} runs ({', '.join(map(str, alle))}); die run: "
                    + metrieken_tekst(r["metrieken"]) + ("; Lighthouse' mobiele profiel (gesimuleerd trage 4G, "
                                                         "4× tragere CPU)" if vorm == "mobiel" else "; desktopprofiel")
                    + (f"; {profiel}" if (profiel := tijdbesteding_tekst(r["tijdbesteding"])) else "")
                    + (f"; {r['fout']}" if r["fout"] else "") + (f"; mislukt: {fouten[0]}" if fouten else ""),
                    {"score": score, "scores": alle, "metrieken": r["metrieken"], "tijdbesteding": r["tijdbesteding"]})
    shutil.rmtree(tmp, ignore_errors=True)

