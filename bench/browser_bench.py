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
            # first load: empty browser cache (the JavaScript bundles are fetched); every response's
            # bytes on the wire (encoded body + headers) as Chromium counts them
            verzoeken = []

            def noteer(req):  # a Python function: Playwright cannot wrap a bound builtin
                verzoeken.append(req)
            page.on("requestfinished", noteer)
            eerste = _laad(page, server.url + "/")
            page.remove_listener("requestfinished", noteer)
            overdracht = _overdracht(verzoeken)
            alle, per_pad = [], {}
            for pad in paden:
                for i in range(herhalingen):
                    t = _laad(page, server.url + pad + varianten[i % len(varianten)])
                    per_pad.setdefault(pad, []).append(t)
                    alle.append(t)
            ctx.close()
        finally:
            browser.close()
    getekend = [t[0] for t in alle]
    p50, hoogste = median(getekend), max(getekend)
    detail = "; ".join(f"{pad} {ms(median([t[0] for t in ts]))}" for pad, ts in per_pad.items())
    res.rij("Browser regio", "pagina volledig getekend (mediaan, warme browsercache)", ms(p50), f"≤ {doel_s} s",
            p50 <= doel_s and not fouten,
            f"traagste {ms(hoogste)}; laatste netwerkantwoord mediaan {ms(median([t[1] for t in alle]))}; per pagina: {detail}"
            + (f"; JS-fouten: {fouten[:2]}" if fouten else ""),
            {"p50": p50, "max": hoogste})
    res.rij("Browser regio", "eerste bezoek (lege browsercache, JS-bundels)", ms(eerste[0]), f"≤ {doel_s} s",
            eerste[0] <= doel_s, f"laatste netwerkantwoord {ms(eerste[1])}")
    res.rij("Browser regio", "eerste bezoek: overgedragen bytes", f"{overdracht['bytes'] / 1e6:.2f} MB",
            f"≤ {DOEL_BYTES / 1e6:.1f} MB", overdracht["bytes"] <= DOEL_BYTES,
            f"{overdracht['n']} antwoorden, uitgepakt {overdracht['uitgepakt'] / 1e6:.2f} MB; "
            f"gecomprimeerd: {overdracht['gecomprimeerd']} van {overdracht['tekst']} tekstantwoorden; grootste: "
            + ", ".join(f"{naam} {b / 1e3:.0f} kB ({enc or 'geen compressie'})" for naam, b, enc in overdracht["grootste"]),
            {k: v for k, v in overdracht.items() if k != "grootste"})
    res.rij("Browser regio", "traagste paginalading", ms(hoogste), f"≤ {doel_s} s", hoogste <= doel_s,
            f"n={len(alle)} ladingen over {len(paden)} pagina's met wisselende filters")


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


def _laad(page, url: str) -> tuple[float, float]:
    """(seconds until drawn, seconds until the last response), both from navigation start."""
    page.goto(url, wait_until="commit")
    klaar = page.wait_for_function(KLAAR_JS, timeout=60000, polling="raf").json_value()
    page.wait_for_load_state("networkidle")
    laatste = page.evaluate(LAATSTE_ANTWOORD_JS)
    return klaar / 1000, laatste / 1000
