"""WCAG 2.1 A and AA in a real Chromium: axe-core (the copy the pinned axe-playwright-python ships)
on every page, for each role, with every table alternative opened. Zero violations, so a new
component cannot bring one back unnoticed."""
from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_e2e_dashboard import inloggen, open_tabellen

pytestmark = pytest.mark.e2e

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}

PAGINAS_REGIO = ["/", "/clienten", "/stromen", "/wlz", "/opvang", "/financien", "/verantwoording",
                 "/doordecentralisatie", "/gemeente/kies",
                 "/gemeente/GM0106", "/datakwaliteit", "/toegankelijkheid", "/bestaat-niet"]
PAGINAS_GEMEENTE = ["/", "/clienten", "/stromen", "/wlz", "/opvang", "/financien", "/verantwoording",
                    "/doordecentralisatie", "/gemeente/GM0106",
                    "/gemeente/GM0118", "/datakwaliteit"]


def schendingen(page) -> str:
    """axe's violations as readable lines ('' when there are none)."""
    uitslag = Axe().run(page, options=WCAG_AA)
    return uitslag.generate_report() if uitslag.violations_count else ""


def open_pagina(page, url, naam):
    """As test_e2e_dashboard.open_pagina, for any page with an h1 (also Verantwoording and 404)."""
    page.goto(url)
    if "/login" in page.url:
        inloggen(page, naam)
    page.wait_for_selector("#inhoud h1", timeout=20000)
    page.wait_for_load_state("networkidle")


def tabellen_open(page) -> None:
    """Every table alternative open and every chart drawn (a chart waits until it is scrolled
    into view, assets/grafieken.js), so axe sees the whole page as a user who read it all."""
    page.evaluate("() => window.bwmoGrafiek && window.bwmoGrafiek.tekenAlles()")
    open_tabellen(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_timeout(200)


@pytest.mark.parametrize("naam, pad", [("regio", p) for p in PAGINAS_REGIO]
                         + [("assen", p) for p in PAGINAS_GEMEENTE])
def test_no_axe_violations(server, page, naam, pad):
    open_pagina(page, server.url + pad, naam=naam)
    tabellen_open(page)
    rapport = schendingen(page)
    if rapport:
        pytest.fail(rapport, pytrace=False)


def test_the_login_page_has_no_axe_violations(server, page):
    page.goto(server.url + "/login")
    rapport = schendingen(page)
    if rapport:
        pytest.fail(rapport, pytrace=False)


def _contrast(rgb1, rgb2) -> float:
    def lum(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    a, b = sorted([lum(rgb1), lum(rgb2)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def _rgb(css: str) -> tuple[int, int, int]:
    import re
    return tuple(int(x) for x in re.findall(r"\d+", css)[:3])


def test_keyboard_only_filter_names_focus_ring_and_no_chart_toolbar(server, page):
    open_pagina(page, server.url + "/", "regio")
    assert page.locator(".modebar, .modebar-btn").count() == 0  # no Plotly toolbar, no stray Tab stops
    # a dropdown is one Tab stop, named by its visible label first, then its value
    assert page.get_by_role("button", name="Van jul 2023", exact=True).count() == 1
    assert page.get_by_role("button", name="Gemeente Alle gemeenten", exact=True).count() == 1
    assert page.locator("input.dash-dropdown-focus-target[tabindex='0']").count() == 0
    # Tab from the skip link's neighbour to the gemeente filter and choose Assen with the keyboard only
    page.focus("#filter-subregio")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-gemeente"
    stijl = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                                     return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }""")
    assert stijl[0] == "solid" and float(stijl[1].rstrip("px")) >= 2
    assert _contrast(_rgb(stijl[2]), (255, 255, 255)) >= 3
    page.keyboard.press("Enter")
    page.keyboard.type("Assen")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector('[data-kpi=actief]').innerText === '32'", timeout=15000)
    assert "gemeente=GM0106" in page.url
    # an opened table is a named, focusable region
    page.click("[data-visual=overzicht-gemeenten] summary")
    vak = page.get_by_role("region", name="Tabel: Actieve cliënten per gemeente")
    assert vak.get_attribute("tabindex") == "0"
    assert page.console_fouten == []


def test_page_change_moves_focus_to_h1_announces_and_marks_the_link(server, page):
    open_pagina(page, server.url + "/", "regio")
    assert page.get_attribute(".nav a.actief", "aria-current") == "page"
    page.get_by_role("link", name="Cliënten", exact=True).click()
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'"
                           " && document.activeElement.innerText === 'Cliënten'", timeout=15000)
    page.wait_for_function("() => document.getElementById('paginamelding').innerText === 'Pagina Cliënten'")
    assert page.get_by_role("link", name="Cliënten", exact=True).get_attribute("aria-current") == "page"
    assert page.get_by_role("link", name="Overzicht", exact=True).get_attribute("aria-current") is None
    # the first heading of the page is its h1 (the filter pane before it has none)
    assert page.evaluate("document.querySelector('h1, h2, h3').tagName") == "H1"
    assert page.console_fouten == []


def test_the_accessibility_statement_is_linked_in_the_footer(server, page):
    open_pagina(page, server.url + "/wlz", "assen")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheidsverklaring").click()
    # the new page's h1 (the clicked link has that text too, and focus, until the page is there)
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1' && "
                           "document.activeElement.innerText === 'Toegankelijkheidsverklaring'", timeout=15000)
    assert page.title() == "Toegankelijkheidsverklaring · BW/MO-monitor"
    assert "axe-core" in page.inner_text("#inhoud") and "Wat nog niet voldoet" in page.inner_text("#inhoud")


def test_an_unknown_page_is_a_dutch_not_found_page(server, page):
    open_pagina(page, server.url + "/gemeente", "regio")
    assert page.inner_text("#inhoud h1") == "Pagina niet gevonden"
    assert page.title() == "Pagina niet gevonden · BW/MO-monitor"
    assert "Page not found" not in page.content()


def test_the_image_button_downloads_the_chart_as_png(server, page):
    open_pagina(page, server.url + "/", "regio")
    with page.expect_download() as info:
        page.get_by_role("button", name="Afbeelding").first.click()
    assert info.value.suggested_filename == "bwmo-grafiek-overzicht-trend.png"
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_warning_two_minutes_before_the_idle_session_ends(server, page):
    """The browser's clock is Playwright's; the server's is real, so the session stays valid."""
    page.clock.install()
    open_pagina(page, server.url + "/", "regio")
    venster = page.locator("#sessie-waarschuwing")
    assert venster.is_hidden()
    page.clock.fast_forward("26:00")
    assert venster.is_hidden()
    page.clock.fast_forward("01:35")  # the end is counted from 30 s before the last request: 29:30
    venster.wait_for(state="visible", timeout=5000)
    assert page.get_by_role("alertdialog", name="Uw sessie verloopt bijna").is_visible()
    assert page.evaluate("document.activeElement.id") == "sessie-blijf"
    assert "wordt u automatisch uitgelogd" in venster.inner_text()
    rapport = schendingen(page)  # the open warning is accessible too
    if rapport:
        pytest.fail(rapport, pytrace=False)
    with page.expect_response("**/sessie/verleng") as antwoord:
        page.keyboard.press("Enter")
    assert antwoord.value.status == 200
    venster.wait_for(state="hidden", timeout=5000)
    page.clock.fast_forward("27:00")  # counted again from the button's request
    assert venster.is_hidden()
    assert page.console_fouten == []


LAYOUT_SHIFT = """() => new Promise(klaar => { let som = 0;
    new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) som += e.value; })
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => klaar(som), 500); })"""


@pytest.mark.parametrize("pad", ["/", "/clienten"])
def test_no_layout_shift_while_the_filter_pane_and_charts_load(server, page, pad):
    """The cumulative layout shift of a full page load (Chromium's layout-shift entries). Before
    the filter pane reserved its dropdowns' room it was 0,024 on every page."""
    open_pagina(page, server.url + "/", "regio")  # logged in; the next load is a plain one
    page.goto(server.url + pad)
    page.wait_for_selector("#inhoud h1")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate(LAYOUT_SHIFT) < 0.005


def test_cross_filter_by_keyboard_from_the_selection_beside_the_chart(server, page):
    open_pagina(page, server.url + "/", "regio")
    knop = page.locator("[data-visual=overzicht-gemeenten]").get_by_role(
        "button", name="Selecteer een gemeente Zoals een klik in de grafiek…")
    assert knop.count() == 1
    knop.focus()
    page.keyboard.press("Enter")
    # the keys wait for the menu a real user sees before typing on (in a loaded full run the
    # typing could come before the menu had opened and nothing was chosen)
    page.get_by_role("option").first.wait_for()
    page.keyboard.type("Assen")
    page.get_by_role("option", name="Assen", exact=True).wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-kpi=actief]').innerText === '32'", timeout=15000)
    assert "kg=GM0106" in page.url and "Assen" in page.inner_text(".kruisfilter")
    page.focus("#kruisfilter-wis")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-kpi=actief]').innerText === '51'", timeout=15000)
    assert "kg=" not in page.url
    assert page.console_fouten == []


@pytest.mark.parametrize("pad", ["/", "/financien", "/verantwoording"])
def test_no_horizontal_scrolling_at_320_px(server, browser, pad):
    """WCAG 1.4.10 (reflow): 320 CSS px wide, as at 400 % zoom on a 1280 px screen."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl-NL")
    page = context.new_page()
    try:
        open_pagina(page, server.url + pad, "regio")
        tabellen_open(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_the_municipality_links_are_targets_of_24_px(server, page):
    """WCAG 2.2 2.5.8 (target size), which Lighthouse's accessibility score counts: the bare text
    links of the municipality chooser were 19 px high in three columns (Lighthouse 96)."""
    open_pagina(page, server.url + "/gemeente/kies", "regio")
    uitslag = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["target-size"]},
                                       "resultTypes": ["violations"]})
    assert uitslag.violations_count == 0, uitslag.generate_report()
    hoogten = page.eval_on_selector_all(".gemeente-kiezer a", "as => as.map(a => a.getBoundingClientRect().height)")
    assert hoogten and min(hoogten) >= 24


def _tab_naar(page, selector: str, max_stappen: int = 250) -> None:
    """Press Tab, as a keyboard user does, until the focused element matches `selector`."""
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is met Tab niet te bereiken in {max_stappen} stappen")


def test_keyboard_only_opens_a_table_downloads_excel_and_reaches_every_page(server, page):
    """Only Tab and Enter: open a chart's table, download it as Excel, and reach every page of
    the navigation (each opens with its own h1)."""
    open_pagina(page, server.url + "/", "regio")
    tabel = "[data-visual=overzicht-gemeenten] details > summary"
    _tab_naar(page, tabel)
    page.keyboard.press("Enter")
    assert page.evaluate("s => document.querySelector(s).parentElement.open", tabel)
    # the table is rendered on this first opening (components/visual.py tabel_alternatief)
    page.wait_for_selector("[data-visual=overzicht-gemeenten] details .datatabel", timeout=10000)
    _tab_naar(page, "[data-visual=overzicht-gemeenten] button.knop-export[title$='als Excel-bestand']")
    with page.expect_download() as dl:
        page.keyboard.press("Enter")
    assert dl.value.suggested_filename.endswith(".xlsx")
    links = page.eval_on_selector_all("nav.nav a.nav-link", "as => as.map(a => a.getAttribute('href').split('?')[0])")
    assert len(links) >= 8
    for pad in links:
        page.focus("body")  # start from the top of the page each time, as after a page load
        _tab_naar(page, f"nav.nav a.nav-link[href^='{pad}']")
        page.keyboard.press("Enter")
        page.wait_for_function("p => location.pathname.startsWith(p)", arg=pad.rstrip("/") or "/", timeout=15000)
        page.wait_for_selector("#inhoud h1", timeout=20000)
    assert page.console_fouten == []
