"""What a first visit downloads: real gunicorn, real Chromium, an empty browser cache.

Asserts behaviour, not time: every text response compressed, versioned bundles cached for a year
(immutable), pages and callbacks never cached, only the partial Plotly bundle loaded, and the
bytes on the wire within the issue's 1.5 MB budget. The bytes are printed (run with -s)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests

pytestmark = pytest.mark.e2e

BUDGET = 1_500_000  # bytes on the wire for a first visit to / (issue 16)
TEKST = ("text/", "application/javascript", "application/json")


def _sessie_cookies(server) -> list[dict]:
    """Log in with a plain HTTP client (so the browser's cache holds nothing of the login page)."""
    import re

    from e2e_gebruikers import GEBRUIKERS
    s = requests.Session()
    r = s.get(server.url + "/login", timeout=30)
    csrf = re.search(r'name="csrf" value="([^"]+)"', r.text).group(1)
    r = s.post(server.url + "/login", data={"gebruikersnaam": "regio", "wachtwoord": GEBRUIKERS["regio"][0],
                                             "csrf": csrf, "next": "/"}, timeout=30)
    assert r.status_code == 200 and "/login" not in r.url
    host = urlsplit(server.url).hostname
    return [{"name": c.name, "value": c.value, "domain": host, "path": "/"} for c in s.cookies]


def eerste_bezoek(browser, server, pad="/"):
    """Open `pad` in a new browser context (empty cache) until the page is drawn; every response
    as (url, status, headers, bytes on the wire: encoded body + headers)."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
    ctx.add_cookies(_sessie_cookies(server))
    page = ctx.new_page()
    antwoorden = []
    page.on("requestfinished", lambda req: antwoorden.append(req))
    try:
        page.goto(server.url + pad)
        page.wait_for_selector("#_pages_content .dash-graph .main-svg", timeout=30000)
        page.wait_for_load_state("networkidle")
        uit = []
        for req in antwoorden:
            resp = req.response()
            if resp is None:
                continue
            maten = req.sizes()
            uit.append((req.url, resp.status, resp.all_headers(),
                        maten["responseBodySize"] + maten["responseHeadersSize"]))
        return uit
    finally:
        ctx.close()


def _open_drawn(browser, server, pad: str, teken: str, fouten: list | None = None):
    """A new logged-in context at laptop size with `pad` open until `teken` (a selector) is there
    and the network is idle; returns (context, page). The caller closes the context."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
    ctx.add_cookies(_sessie_cookies(server))
    page = ctx.new_page()
    if fouten is not None:
        page.on("pageerror", lambda e: fouten.append(str(e)))
    page.goto(server.url + pad)
    page.wait_for_selector(teken, timeout=30000)
    page.wait_for_load_state("networkidle")
    return ctx, page


@pytest.fixture(scope="module")
def bezoek(browser, server):
    return eerste_bezoek(browser, server)


def test_every_text_response_of_the_first_visit_is_compressed(bezoek):
    tekst = [(u, h) for u, s, h, _ in bezoek
             if s == 200 and h.get("content-type", "").startswith(TEKST) and int(h.get("content-length") or 501) > 500]
    assert len(tekst) >= 5  # the page, Dash's bundles, plotly, callbacks
    ongecomprimeerd = [u for u, h in tekst if h.get("content-encoding") not in ("br", "gzip", "zstd")]
    assert not ongecomprimeerd


def test_versioned_bundles_are_cached_for_a_year_and_pages_not_at_all(bezoek):
    from dash.fingerprint import check_fingerprint
    bundels = [(u, h) for u, s, h, _ in bezoek if "/_dash-component-suites/" in u]
    vast = [(u, h) for u, h in bundels if check_fingerprint(urlsplit(u).path.rsplit("/", 1)[-1])[1]]
    assert len(vast) >= 5  # react, react-dom, the renderer, dcc, html, plotly
    for u, h in vast:
        assert h.get("cache-control") == "public, max-age=31536000, immutable", u
    # webpack's lazy chunks (async-graph.js ...) have no version in their URL: revalidated by ETag
    for u, h in bundels:
        if (u, h) not in vast:
            assert h.get("cache-control") == "no-cache" and h.get("etag"), u
    pagina = [h for u, s, h, _ in bezoek if urlsplit(u).path == "/"]
    assert pagina and pagina[0].get("cache-control") == "no-store"
    callbacks = [h for u, s, h, _ in bezoek if "/_dash-update-component" in u]
    assert callbacks and all(h.get("cache-control") == "no-store" for h in callbacks)


def test_only_the_partial_plotly_bundle_is_loaded(bezoek):
    plotly = [u for u, *_ in bezoek if "plotly" in urlsplit(u).path.rsplit("/", 1)[-1]]
    assert len(plotly) == 1 and "/dashboard.vendor/plotly-bwmo." in plotly[0], plotly


def test_the_first_visit_stays_within_the_byte_budget(bezoek):
    totaal = sum(b for *_, b in bezoek)
    grootste = sorted(bezoek, key=lambda r: -r[3])[:3]
    print(f"\neerste bezoek /: {len(bezoek)} antwoorden, {totaal:,} bytes over de lijn; grootste: "
          + ", ".join(f"{urlsplit(u).path.rsplit('/', 1)[-1]} {b:,}" for u, _, _, b in grootste))
    assert totaal <= BUDGET


def test_no_script_the_page_does_not_use(bezoek):
    """Neither dash_table's bundle (tables are HTML) nor Babel's core-js polyfill; the regenerator
    runtime Dash's lazy loader needs is there instead (dashboard/levering.py)."""
    from dashboard import levering
    namen = [urlsplit(u).path.rsplit("/", 1)[-1] for u, *_ in bezoek]
    assert not [n for n in namen if n.startswith(("bundle.", "polyfill@"))], namen
    if levering.regenerator_pad().exists():
        assert [n for n in namen if n.startswith("regenerator-runtime.")], namen


def test_the_dropdown_and_graph_chunks_come_with_the_bundles_not_after_the_page(bezoek):
    """dcc loads a component's chunk when the first such component mounts, one more round trip
    after the layout (dropdowns) and after the page callback (graphs). dashboard/levering.py makes
    the two every page needs ordinary, versioned scripts of the page: finished before Dash asks
    for its layout, and each fetched once."""
    from dash.fingerprint import check_fingerprint
    namen = [urlsplit(u).path.rsplit("/", 1)[-1] for u, *_ in bezoek]
    layout = namen.index("_dash-layout")
    for chunk in ("async-dropdown", "async-graph"):
        gevonden = [i for i, n in enumerate(namen) if n.startswith(chunk + ".")]
        assert len(gevonden) == 1, (chunk, namen)
        assert gevonden[0] < layout and check_fingerprint(namen[gevonden[0]])[1], (chunk, namen)


def test_a_chart_below_the_viewport_is_drawn_when_it_scrolls_into_view(browser, server):
    """assets/grafieken.js: at load only the charts in (or near) the viewport are drawn; the last
    chart of the overview waits, and is drawn once scrolled to. Printing draws all."""
    fouten = []
    ctx, page = _open_drawn(browser, server, "/", "[data-visual=overzicht-trend] .main-svg", fouten)
    try:
        page.wait_for_timeout(300)
        onder = "[data-visual=overzicht-regio]"
        assert page.locator(f"{onder} .dash-graph").count() == 1
        assert page.locator(f"{onder} .main-svg").count() == 0
        assert page.evaluate("window.bwmoGrafiek.wachtend()") >= 1
        page.locator(onder).scroll_into_view_if_needed()
        page.wait_for_selector(f"{onder} .main-svg", timeout=10000)
        # printing: every chart drawn before the print layout is made
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.wait_for_function("() => window.bwmoGrafiek.wachtend() === 0", timeout=10000)
        geen_svg = page.evaluate("[...document.querySelectorAll('#_pages_content .dash-graph')]"
                                 ".filter(g => !g.querySelector('.main-svg')).length")
        assert geen_svg == 0
        assert fouten == []
    finally:
        ctx.close()


def test_the_brand_is_in_the_page_html_and_gives_way_to_dashs_header(browser, server):
    """dashboard/layout.py VOORKOP: the header's brand is painted from the page's own HTML, before
    Dash's JavaScript has run (Lighthouse's largest paint on a phone), and hidden once the shell's
    header is there: one banner for screen readers, nothing shifted."""
    s = requests.Session()
    for c in _sessie_cookies(server):
        s.cookies.set(c["name"], c["value"])
    html = s.get(server.url + "/", timeout=30).text
    assert html.index('class="kop voorkop" aria-hidden="true"') < html.index('id="react-entry-point"')
    assert "Beschermd wonen en maatschappelijke opvang" in html
    ctx = browser.new_context(viewport={"width": 412, "height": 823}, locale="nl-NL")
    ctx.add_cookies(_sessie_cookies(server))
    page = ctx.new_page()
    try:
        page.goto(server.url + "/")
        page.wait_for_selector("header.kop .merk-sub")
        assert page.evaluate("getComputedStyle(document.querySelector('.voorkop')).display") == "none"
        assert page.locator("header.kop .merk-sub").is_visible()
    finally:
        ctx.close()


MARGES_JS = """async () => {
  await window.bwmoGrafiek.tekenAlles();
  await new Promise(r => setTimeout(r, 300));
  return Array.from(document.querySelectorAll('#_pages_content .js-plotly-plot')).map(gd => {
    const fl = gd._fullLayout, m = fl.margin, s = fl._size, svg = gd.querySelector('.main-svg').getBoundingClientRect();
    const buiten = Array.from(gd.querySelectorAll('.xtick text, .ytick text, .x2tick text, .y2tick text, .legendtext, .g-xtitle, .g-ytitle'))
      .filter(t => t.textContent.trim())
      .map(t => [t.textContent, t.getBoundingClientRect()])
      .filter(([_, r]) => r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1)
      .map(([tekst]) => tekst);
    return {visual: gd.closest('[data-visual]').dataset.visual, gevraagd: [m.l, m.r, m.t, m.b],
            getekend: [s.l, s.r, s.t, s.b], buiten: buiten};
  });
}"""


@pytest.mark.parametrize("pad", ["/", "/clienten", "/stromen", "/opvang", "/financien", "/wlz"])
def test_charts_are_drawn_once_with_margins_that_hold_their_labels(browser, server, pad):
    """assets/grafieken.js sets each chart's margins from its own labels before the first draw:
    on a laptop screen every chart is drawn with the margins it asked for (Plotly's automargin
    found nothing to widen, so it did not draw the chart a second time), and no tick label,
    axis title or legend entry sticks out of the chart's image."""
    ctx, page = _open_drawn(browser, server, pad, "#_pages_content .dash-graph .main-svg")
    try:
        grafieken = page.evaluate(MARGES_JS)
        assert grafieken
        for g in grafieken:
            assert g["buiten"] == [], g
            assert g["getekend"] == g["gevraagd"], g
    finally:
        ctx.close()


def test_a_resize_to_the_same_width_does_not_redraw_and_a_real_one_does(browser, server):
    """dcc.Graph asks Plotly to resize every chart right after drawing it (a relayout of the
    whole chart); assets/grafieken.js answers at once when the width is what it was drawn at.
    A window that really changes width still gets its charts redrawn to the new width."""
    ctx, page = _open_drawn(browser, server, "/", "[data-visual=overzicht-trend] .main-svg")
    try:
        page.wait_for_timeout(500)
        gd = "document.querySelector('[data-visual=overzicht-trend] .js-plotly-plot')"
        relayouts = page.evaluate(f"""async () => {{
            const gd = {gd}; let n = 0;
            gd.on('plotly_relayout', () => n++);
            await Plotly.Plots.resize(gd);
            await new Promise(r => setTimeout(r, 300));
            return n;
        }}""")
        assert relayouts == 0
        voor = page.evaluate(f"{gd}._fullLayout.width")
        page.set_viewport_size({"width": 1000, "height": 768})
        page.wait_for_function(f"() => {gd}._fullLayout.width !== {voor}", timeout=10000)
        assert page.evaluate(f"Math.round({gd}._fullLayout.width) === Math.round(parseFloat(getComputedStyle({gd}).width))")
    finally:
        ctx.close()
