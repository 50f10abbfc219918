"""A full page load in the Debian Chromium (Playwright) against real gunicorn, region scale:
from navigation start until the page is drawn (the page's visuals and KPI cards present, no Dash
callback pending, every Plotly graph drawn) and until the last network response."""
from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import Resultaten, median, ms
from bench.web import Gunicorn, inloggen

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# true when the page is drawn; returns ms since navigation start. "Drawn": every chart in the
# viewport has its SVG; a chart below it is drawn when it scrolls into view (assets/grafieken.js)
# and is only required to be waiting for that, not to have failed.
KLAAR_JS = """() => {
  const kop = document.querySelector('.paginakop h1, .foutmelding');
  if (!kop) return false;
  if (document.querySelector('[data-dash-is-loading="true"]')) return false;
  const grafieken = document.querySelectorAll('#_pages_content .dash-graph');
  for (const g of grafieken) {
    const r = g.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight && !g.querySelector('.main-svg')) return false;
  }
  return performance.now();
}"""
DOEL_BYTES = 1_500_000  # issue 16: a first visit to / transfers at most 1.5 MB
LAATSTE_ANTWOORD_JS = """() => Math.max(0, ...performance.getEntriesByType('resource').map(e => e.responseEnd))"""
# The page's own Navigation and Resource Timing entries (ms since navigation start), taken right
# after "drawn": what the chain of a load is read from (keten()).
TIMING_JS = """() => {
  const velden = e => ({name: e.name, initiatorType: e.initiatorType, startTime: e.startTime,
    responseEnd: e.responseEnd, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize});
  return {navigatie: performance.getEntriesByType('navigation').map(velden)[0] || null,
          bronnen: performance.getEntriesByType('resource').map(velden)};
}"""
# Chromium's main-thread counters (CDP Performance.getMetrics, seconds) the profile reports; the
# names exist in Chromium 150 (checked with Performance.getMetrics, the bench prints any missing).
HOOFDTHREAD_METRIEKEN = {"TaskDuration": "taken_s", "ScriptDuration": "script_s",
                         "LayoutDuration": "layout_s", "RecalcStyleDuration": "stijl_s"}


def bench_browser(res: Resultaten, server: Gunicorn, gebruiker: str, wachtwoord: str, paden: list[str],
                  varianten: list[str], herhalingen: int, doel_s: float) -> None:
    if not Path(CHROMIUM).exists():
        res.rij("Browser regio", "pagina volledig getekend", "n.v.t.", f"≤ {doel_s} s", None, f"{CHROMIUM} ontbreekt")
        return
    from playwright.sync_api import sync_playwright
    s = inloggen(server.url, gebruiker, wachtwoord)
    host = urlsplit(server.url).hostname
    cookies = [{"name": c.name, "value": c.value, "domain": host, "path": "/"} for c in s.cookies]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
            ctx.add_cookies(cookies)
            page = ctx.new_page()
            fouten = []
            page.on("pageerror", lambda e: fouten.append(str(e)))
            # The main thread's counters. Enabled once, before the first goto. In this Chromium
            # (150) they belong to the document: each navigation (every load here is a full
            # goto) starts them at zero, and Performance.disable/enable does NOT reset them
            # (both checked on two same-origin pages that each run 0.4 s of script: 0.42, 0.45,
            # 0.36, 0.41 s, never a running sum). So the value right after "drawn" is that
            # load's own work, for the first visit and every reload alike; a before/after
            # difference would subtract the previous page's work from this one's.
            cdp = ctx.new_cdp_session(page)
            cdp.send("Performance.enable")
            # first load: empty browser cache (the JavaScript bundles are fetched); every response's
            # bytes on the wire (encoded body + headers) as Chromium counts them
            verzoeken = []

            def noteer(req):  # a Python function: Playwright cannot wrap a bound builtin
                verzoeken.append(req)
            page.on("requestfinished", noteer)
            eerste = _laad(page, server.url + "/", cdp)
            ontbreekt = [n for n in HOOFDTHREAD_METRIEKEN if n not in eerste[3]]
            print(f"   CDP Performance-metrieken: {', '.join(eerste[3])}"
                  + (f"; ONTBREKEN: {', '.join(ontbreekt)}" if ontbreekt else ""), flush=True)
            page.remove_listener("requestfinished", noteer)
            overdracht = _overdracht(verzoeken)
            alle, per_pad = [], {}
            for pad in paden:
                for i in range(herhalingen):
                    t = _laad(page, server.url + pad + varianten[i % len(varianten)], cdp)
                    t = (*t, pad + varianten[i % len(varianten)])
                    per_pad.setdefault(pad, []).append(t)
                    alle.append(t)
            ctx.close()
        finally:
            browser.close()
    getekend = [t[0] for t in alle]
    p50, hoogste = median(getekend), max(getekend)
    traagste = max(alle, key=lambda t: t[0])
    keten_eerste, draad_eerste = keten(**eerste[2], getekend_ms=eerste[0] * 1000), hoofdthread(eerste[3])
    keten_traag, draad_traag = keten(**traagste[2], getekend_ms=traagste[0] * 1000), hoofdthread(traagste[3])
    detail = "; ".join(f"{pad} {ms(median([t[0] for t in ts]))}" for pad, ts in per_pad.items())
    res.rij("Browser regio", "pagina volledig getekend (mediaan, warme browsercache)", ms(p50), f"≤ {doel_s} s",
            p50 <= doel_s and not fouten,
            f"traagste {ms(hoogste)}; laatste netwerkantwoord mediaan {ms(median([t[1] for t in alle]))}; per pagina: {detail}"
            + (f"; JS-fouten: {fouten[:2]}" if fouten else ""),
            {"p50": p50, "max": hoogste})
    res.rij("Browser regio", "eerste bezoek (lege browsercache, JS-bundels)", ms(eerste[0]), f"≤ {doel_s} s",
            eerste[0] <= doel_s, f"laatste netwerkantwoord {ms(eerste[1])}; waar de tijd zit: "
            f"{keten_tekst(keten_eerste)}; {hoofdthread_tekst(draad_eerste)}",
            {"getekend_s": eerste[0], "laatste_antwoord_s": eerste[1], "keten": keten_eerste,
             "hoofdthread": draad_eerste})
    res.rij("Browser regio", "eerste bezoek: overgedragen bytes", f"{overdracht['bytes'] / 1e6:.2f} MB",
            f"≤ {DOEL_BYTES / 1e6:.1f} MB", overdracht["bytes"] <= DOEL_BYTES,
            f"{overdracht['n']} antwoorden, uitgepakt {overdracht['uitgepakt'] / 1e6:.2f} MB; "
            f"gecomprimeerd: {overdracht['gecomprimeerd']} van {overdracht['tekst']} tekstantwoorden; grootste: "
            + ", ".join(f"{naam} {b / 1e3:.0f} kB ({enc or 'geen compressie'})" for naam, b, enc in overdracht["grootste"]),
            {k: v for k, v in overdracht.items() if k != "grootste"})
    res.rij("Browser regio", "traagste paginalading", ms(hoogste), f"≤ {doel_s} s", hoogste <= doel_s,
            f"n={len(alle)} ladingen over {len(paden)} pagina's met wisselende filters; traagste {traagste[4]}: "
            f"{keten_tekst(keten_traag)}; {hoofdthread_tekst(draad_traag)}",
            {"max": hoogste, "url": traagste[4], "keten": keten_traag, "hoofdthread": draad_traag})


def _overdracht(verzoeken) -> dict:
    """Bytes on the wire of a page load, from Playwright's request sizes and response headers."""
    rijen = []
    for req in verzoeken:
        resp = req.response()
        if resp is None:
            continue
        maten, kop = req.sizes(), resp.headers
        rijen.append((req.url.split("?")[0].rsplit("/", 1)[-1] or "/",
                      maten["responseBodySize"] + maten["responseHeadersSize"],
                      kop.get("content-encoding", ""), kop.get("content-type", ""), resp))
    tekst = [r for r in rijen if r[3].startswith(("text/", "application/javascript", "application/json"))]
    uitgepakt = 0
    for *_, resp in rijen:
        with contextlib.suppress(Exception):  # a redirect or a body Chromium did not keep
            uitgepakt += len(resp.body())
    return {"bytes": sum(r[1] for r in rijen), "n": len(rijen), "uitgepakt": uitgepakt,
            "tekst": len(tekst), "gecomprimeerd": sum(1 for r in tekst if r[2]),
            "grootste": [(r[0], r[1], r[2]) for r in sorted(rijen, key=lambda r: -r[1])[:3]]}


def _laad(page, url: str, cdp=None) -> tuple[float, float, dict, dict]:
    """(seconds until drawn, seconds until the last response), both from navigation start; then
    the page's timing entries and the main thread's counters, both taken right after drawn (the
    counters also hold the bench's own polling of KLAAR_JS, once per frame, a few ms at most)."""
    page.goto(url, wait_until="commit")
    klaar = page.wait_for_function(KLAAR_JS, timeout=60000, polling="raf").json_value()
    metrieken = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]} if cdp else {}
    entries = page.evaluate(TIMING_JS)
    page.wait_for_load_state("networkidle")
    laatste = page.evaluate(LAATSTE_ANTWOORD_JS)
    return klaar / 1000, laatste / 1000, entries, metrieken


def _eindigt_op(entry: dict, naam: str) -> bool:
    return entry["name"].split("?", 1)[0].split("#", 1)[0].rstrip("/").endswith("/" + naam)


def keten(navigatie: dict | None, bronnen: list[dict], getekend_ms: float) -> dict:
    """The milestones of one page load (ms since navigation start) from its Navigation and
    Resource Timing entries: the HTML document, the last script bundle, Dash's layout and
    dependencies, the callbacks' responses (the page-content one: the largest decoded body, as
    the page's children are by far the largest answer), the chunks Dash loads later and drawn.
    None where a load had none (e.g. no callback on an error page).
    The bundles are the scripts requested before the layout (the document's own <script> tags:
    the renderer asks for the layout only once they have run); a script requested after it is a
    chunk Dash loads when a component first renders (async-dropdown, async-graph), counted apart
    so that it does not make the bundles look later than the layout they precede."""
    def einde(naam):
        gevonden = [b["responseEnd"] for b in bronnen if _eindigt_op(b, naam)]
        return max(gevonden) if gevonden else None
    layout_start = min((b["startTime"] for b in bronnen if _eindigt_op(b, "_dash-layout")), default=None)
    scripts = [b for b in bronnen if b["initiatorType"] == "script"]
    bundels = [b["responseEnd"] for b in scripts if layout_start is None or b["startTime"] < layout_start]
    nageladen = [b["responseEnd"] for b in scripts if layout_start is not None and b["startTime"] >= layout_start]
    callbacks = [b for b in bronnen if _eindigt_op(b, "_dash-update-component")]
    pagina = max(callbacks, key=lambda b: b["decodedBodySize"], default=None)
    return {
        "html_ms": navigatie["responseEnd"] if navigatie else None,
        "bundels_ms": max(bundels) if bundels else None,
        "bundels_n": len(bundels),
        "layout_start_ms": layout_start,
        "layout_ms": einde("_dash-layout"),
        "afhankelijkheden_ms": einde("_dash-dependencies"),
        "callbacks_n": len(callbacks),
        "callback_eerste_ms": min(b["responseEnd"] for b in callbacks) if callbacks else None,
        "callback_laatste_ms": max(b["responseEnd"] for b in callbacks) if callbacks else None,
        "paginacallback_start_ms": pagina["startTime"] if pagina else None,
        "paginacallback_ms": pagina["responseEnd"] if pagina else None,
        "paginacallback_bytes": pagina["decodedBodySize"] if pagina else None,
        "nageladen_ms": max(nageladen) if nageladen else None,
        "nageladen_n": len(nageladen),
        "getekend_ms": getekend_ms,
    }


def _t(ms_: float) -> str:
    return f"{ms_:.0f} ms" if ms_ < 999.5 else f"{ms_ / 1000:.2f} s"  # 999.7 ms is "1.00 s", not "1000 ms"


def keten_tekst(k: dict) -> str:
    """'HTML 25 ms → bundels 410 ms → layout 520 ms, afhankelijkheden 530 ms → paginacallback
    980 ms (verstuurd 610 ms; 5 callbacks, laatste 1.10 s) → nageladen bundels 1.03 s (2) →
    getekend 2.14 s'."""
    stappen = []
    if k["html_ms"] is not None:
        stappen.append(f"HTML {_t(k['html_ms'])}")
    if k["bundels_ms"] is not None:
        stappen.append(f"bundels {_t(k['bundels_ms'])}")
    dash = [f"{naam} {_t(k[sleutel])}" for naam, sleutel in (("layout", "layout_ms"),
                                                              ("afhankelijkheden", "afhankelijkheden_ms"))
            if k[sleutel] is not None]
    if dash:
        stappen.append(", ".join(dash))
    if k["callbacks_n"]:
        stappen.append(f"paginacallback {_t(k['paginacallback_ms'])} (verstuurd {_t(k['paginacallback_start_ms'])}; "
                       f"{k['callbacks_n']} callback{'s' if k['callbacks_n'] > 1 else ''}, "
                       f"laatste {_t(k['callback_laatste_ms'])})")
    else:
        stappen.append("geen callback-antwoord")
    if k["nageladen_n"]:
        stappen.append(f"nageladen bundels {_t(k['nageladen_ms'])} ({k['nageladen_n']})")
    stappen.append(f"getekend {_t(k['getekend_ms'])}")
    return " → ".join(stappen)


def hoofdthread(metrieken: dict) -> dict:
    """The main thread's work of a load (seconds) from CDP Performance.getMetrics (name -> value);
    None for a metric this Chromium does not report."""
    return {sleutel: metrieken.get(naam) for naam, sleutel in HOOFDTHREAD_METRIEKEN.items()}


def hoofdthread_tekst(h: dict) -> str:
    """'hoofdthread: taken 1.6 s, waarvan script 1.1 s, lay-out 0.2 s, stijl 0.1 s'."""
    if h["taken_s"] is None:
        return "hoofdthread: geen metrieken"
    delen = [f"{naam} {h[sleutel]:.1f} s" for naam, sleutel in (("script", "script_s"), ("lay-out", "layout_s"),
                                                                ("stijl", "stijl_s")) if h[sleutel] is not None]
    return f"hoofdthread: taken {h['taken_s']:.1f} s" + (f", waarvan {', '.join(delen)}" if delen else "")
