"""The dashboard in a real browser against a real gunicorn server and the fixture warehouse."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from kern.afscherming import Afscherming

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

PAGINAS = [("/", "Overzicht"), ("/clienten", "Cliënten"), ("/stromen", "In- en uitstroom"),
           ("/wlz", "Uitstroom naar de Wlz"), ("/opvang", "Maatschappelijke opvang"), ("/financien", "Financiën"), ("/gemeente/GM0106", "Gemeente Assen"),
           ("/datakwaliteit", "Datakwaliteit")]


def inloggen(page, naam: str = "regio"):
    """Through the real login page (the form, its CSRF token, the session cookie)."""
    from e2e_gebruikers import GEBRUIKERS
    page.fill("#gebruikersnaam", naam)
    page.fill("#wachtwoord", GEBRUIKERS[naam][0])
    with page.expect_navigation():
        page.click("button[type=submit]")


def open_pagina(page, url, naam: str = "regio"):
    """Open `url`; the server sends a stranger to the login page first, and back afterwards."""
    page.goto(url)
    if "/login" in page.url:
        inloggen(page, naam)
    page.wait_for_selector(".paginakop h1, .foutmelding", timeout=20000)
    page.wait_for_load_state("networkidle")


def open_tabellen(page) -> None:
    """Click every 'Toon als tabel', as a user opening each table alternative; a table is rendered
    on its first opening (components/visual.py tabel_alternatief), so wait until each is there."""
    page.evaluate("document.querySelectorAll('details.tabel-alternatief:not([open]) > summary')"
                  ".forEach(s => s.click())")
    page.wait_for_function("() => [...document.querySelectorAll('details.tabel-alternatief')]"
                           ".every(d => d.open && d.querySelector('.datatabel, .leeg'))", timeout=15000)


def kpi(page, sleutel) -> str:
    return page.inner_text(f"[data-kpi={sleutel}]")


def wacht_op_kpi(page, sleutel, waarde):
    page.wait_for_function("([s, w]) => { const e = document.querySelector(`[data-kpi=${s}]`);"
                           " return e && e.innerText === w; }", arg=[sleutel, waarde], timeout=15000)


def kies(page, dropdown_id, optie):
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=optie, exact=True).click()
    page.keyboard.press("Escape")


def klik_op(page, locator):
    """Plotly listens on its drag layer: click at the element's centre, as a user would. A chart
    is drawn when it scrolls into view (assets/grafieken.js); draw the waiting ones first."""
    page.evaluate("() => window.bwmoGrafiek && window.bwmoGrafiek.tekenAlles()")
    locator.wait_for()
    locator.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    bb = locator.bounding_box()
    page.mouse.click(bb["x"] + bb["width"] / 2, bb["y"] + bb["height"] / 2)


@pytest.mark.parametrize("pad, kop", PAGINAS)
def test_every_page_loads_without_console_errors(server, page, pad, kop):
    open_pagina(page, server.url + pad)
    assert page.inner_text(".paginakop h1") == kop
    assert page.inner_text("#peildatum") == "Gegevens t/m 30 juni 2024 · geladen 2 juli 2024 08:15"
    assert page.locator(".foutmelding").count() == 0
    assert page.locator(".visual.fout").count() == 0
    assert page.locator(".visual").count() >= 4
    # every chart has a text alternative and a table alternative
    for grafiek in page.locator(".grafiek[role=img]").all():
        assert grafiek.get_attribute("aria-label")
    open_tabellen(page)
    assert page.locator(".visual .datatabel, .visual .leeg").count() >= page.locator(".grafiek").count()
    # fits a 1366x768 laptop: no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert page.console_fouten == []


def test_choosing_municipality_and_period_changes_the_kpis(server, page):
    open_pagina(page, server.url + "/")
    assert (kpi(page, "actief"), kpi(page, "instroom"), kpi(page, "aandeel_pgb")) == ("51", "8", "9,8%")
    kies(page, "filter-gemeente", "Assen")
    wacht_op_kpi(page, "actief", "32")
    kies(page, "filter-snelkeuze", "1e helft 2024")
    wacht_op_kpi(page, "aandeel_pgb", "12,5%")
    assert [kpi(page, k) for k in ("actief", "instroom", "uitstroom", "uitstroom_wlz")] == ["32", "2", "2", "1"]
    # the URL follows the filters in a callback of its own, which may land after the KPIs
    page.wait_for_function("() => location.search.includes('van=2024-01&tot=2024-06&gemeente=GM0106')",
                           timeout=15000)
    assert page.console_fouten == []


def test_cross_filter_click_on_a_municipality_and_a_month(server, page):
    open_pagina(page, server.url + "/")
    balken = page.locator("[data-visual=overzicht-gemeenten] .trace.bars .point path")
    klik_op(page, balken.last)  # the largest bar: Assen
    wacht_op_kpi(page, "actief", "32")
    assert "kg=GM0106" in page.url
    assert "Assen" in page.inner_text(".kruisfilter")
    klik_op(page, page.locator("[data-visual=overzicht-gemeenten] .trace.bars .point path").last)
    wacht_op_kpi(page, "actief", "51")  # one click resets
    assert "kg=" not in page.url
    punten = page.locator("[data-visual=overzicht-trend] .scatterlayer .trace .points path")
    klik_op(page, punten.nth(8))  # mrt 2024
    wacht_op_kpi(page, "instroom", "2")
    assert "km=2024-03" in page.url
    page.click("#kruisfilter-wis")
    wacht_op_kpi(page, "instroom", "8")
    assert page.console_fouten == []


def test_url_round_trips_the_filter_state(server, page):
    open_pagina(page, server.url + "/?van=2024-01&tot=2024-06&gemeente=GM0118&levering=ZIN")
    wacht_op_kpi(page, "actief", "12")
    assert page.inner_text("#filter-snelkeuze") == "1e helft 2024"
    assert "Hoogeveen" in page.inner_text("#filter-gemeente")
    assert "ZIN" in page.inner_text("#filter-levering")
    # navigating keeps the filters; back returns to the previous view
    page.click(".nav a:has-text('Wlz')")
    page.wait_for_selector("text=Uitstroom naar de Wlz per maand")
    assert page.url.endswith("/wlz?van=2024-01&tot=2024-06&gemeente=GM0118&levering=ZIN")
    page.go_back()
    wacht_op_kpi(page, "actief", "12")
    kies(page, "filter-snelkeuze", "Jaar 2023")
    wacht_op_kpi(page, "actief", "8")  # Hoogeveen, december 2023
    page.go_back()
    wacht_op_kpi(page, "actief", "12")
    page.wait_for_function("document.querySelector('#filter-snelkeuze').innerText === '1e helft 2024'")
    page.reload()
    wacht_op_kpi(page, "actief", "12")
    assert page.console_fouten == []


def test_export_downloads_the_rows_the_chart_shows(server, page):
    open_pagina(page, server.url + "/?van=2024-01&tot=2024-06&gemeente=GM0106")
    with page.expect_download() as info:
        page.click("[data-visual=overzicht-trend] button:has-text('CSV')")
    d = info.value
    assert d.suggested_filename == "bwmo-actieve-clienten-per-maand-20240630.csv"
    rijen = list(csv.reader(io.StringIO(Path(d.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rijen == [["Maand", "Actieve cliënten"]] + [[f"01-{m:02d}-2024", "32"] for m in range(1, 7)]

    open_pagina(page, server.url + "/financien")
    with page.expect_download() as info:
        page.click("[data-visual=financien-verdeling] button:has-text('Excel')")
    assert info.value.suggested_filename == "bwmo-verdeling-resultaat-2023-definitief-20240630.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active
    rijen = list(ws.values)
    assert rijen[0][:3] == ("Gemeente", "Gemeentecode", "Inwoners")
    assert [r[0] for r in rijen[1:]] == ["Aa en Hunze", "Assen", "De Wolden", "Hoogeveen", "Meppel",
                                         "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld", "Totaal"]
    assert rijen[-1][9] == pytest.approx(57000)
    assert page.console_fouten == []


def test_missing_warehouse_shows_a_dutch_message(server_zonder_warehouse, page):
    open_pagina(page, server_zonder_warehouse.url + "/")
    tekst = page.inner_text(".foutmelding")
    assert "Er is nog geen datawarehouse beschikbaar" in tekst
    assert "Traceback" not in page.content()


def test_screenshot_overzicht(screenshot_server, page):
    open_pagina(page, screenshot_server.url + "/")
    page.evaluate("() => window.bwmoGrafiek && window.bwmoGrafiek.tekenAlles()")  # a full-page picture
    page.wait_for_selector("[data-visual=overzicht-per-1000] .trace.bars")
    page.wait_for_timeout(500)
    doel = ROOT / "docs" / "screenshot-overzicht.png"
    page.screenshot(path=str(doel), full_page=True)
    assert doel.stat().st_size > 20000


def test_a_gemeente_user_sees_small_counts_hidden_and_only_its_own_municipality(server, page):
    open_pagina(page, server.url + "/", naam="assen")
    assert "assen" in page.inner_text(".gebruiker")
    # 32 clients, published as a gemeente user sees counts: rounded to 5 with the server's key
    gepubliceerd = str(Afscherming.voor(True, {"BWMO_SECRET_KEY": "e2e-" + "s" * 40}).aantal(32))
    assert gepubliceerd in ("30", "35") and kpi(page, "actief") == gepubliceerd
    assert kpi(page, "uitstroom_wlz") == "< 5"  # 1 client in the last 12 months
    # the gemeente filter offers Assen only
    page.click("#filter-gemeente")
    opties = [o.strip() for o in page.get_by_role("option").all_inner_texts()]
    assert opties == ["Assen"]
    page.keyboard.press("Escape")
    # another municipality by URL: refused, nothing shown
    open_pagina(page, server.url + "/gemeente/GM0118", naam="assen")
    assert "U hebt geen toegang tot de gegevens van deze gemeente" in page.inner_text(".foutmelding")
    assert page.locator(".visual").count() == 0
    # a forged filter in the URL widens nothing: Assen's figures or none, never Hoogeveen's 12
    open_pagina(page, server.url + "/?gemeente=GM0118&kg=GM0118", naam="assen")
    assert kpi(page, "actief") in (gepubliceerd, "< 5")
    assert "Hoogeveen" not in page.inner_text("#inhoud")
    page.click("text=Uitloggen")
    page.wait_for_url("**/login**")
    assert page.console_fouten == []


def test_an_expired_session_sends_the_user_to_the_login_page_and_back(server, page):
    open_pagina(page, server.url + "/wlz?gemeente=GM0106")
    page.context.clear_cookies()  # as when the session expires on the server
    with page.expect_navigation(url="**/login**"):
        kies(page, "filter-gemeente", "Hoogeveen")
    assert "next=%2Fwlz" in page.url
    inloggen(page)
    page.wait_for_selector(".paginakop h1")
    assert page.url.startswith(server.url + "/wlz")


@pytest.mark.e2e
def test_fixing_a_version_runs_as_a_job_and_the_page_shows_its_progress(server_geladen, page):
    """Financiën → Resultaat vastleggen: after the confirmation the server starts the job and
    the page polls it until the republished warehouse holds the version; the request that
    starts it returns at once (the rebuild is not inside it)."""
    open_pagina(page, server_geladen.url + "/financien")
    page.on("dialog", lambda dialog: dialog.accept())
    kies(page, "versie-jaar", "2024")
    with page.expect_response(lambda r: "_dash-update-component" in r.url
                              and r.request.post_data and "versie-taak" in r.request.post_data) as start:
        page.click("#versie-knop")
    assert start.value.ok
    melding = page.locator("#versie-melding")
    melding.filter(has_text="is vastgelegd (record 1)").wait_for(timeout=60000)
    assert "opnieuw gepubliceerd" in melding.inner_text()
    # a reload shows the fixed version in the history table
    open_pagina(page, server_geladen.url + "/financien")
    assert "voorlopig" in page.inner_text("#visual-financien-versies").lower()


@pytest.mark.e2e
def test_datakwaliteit_downloads_the_rejected_lines_of_one_file(server, page):
    """The file chosen in 'Afgekeurde regels per bestand' comes back as its own Excel."""
    open_pagina(page, server.url + "/datakwaliteit")
    with page.expect_download() as dl:
        page.click("#dq-afgekeurd-bestand-knop")
    assert dl.value.suggested_filename.startswith("bwmo-afgekeurde-regels-")
    rijen = list(openpyxl.load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
                 .iter_rows(values_only=True))
    bestanden = {r[0] for r in rijen[1:]}
    assert len(bestanden) == 1 and bestanden <= {"declaraties_20240630.csv", "indicaties_20240630.csv"}


def test_a_table_opened_after_a_filter_change_holds_the_new_rows(server, page):
    """A table alternative is rendered when opened (components/visual.py tabel_alternatief), from
    the rows the page brought along: after a filter change the page comes back with its tables
    closed, and one opened then shows the new selection, not the old."""
    open_pagina(page, server.url + "/")
    tabel = "[data-visual=overzicht-gemeenten] details.tabel-alternatief"
    page.click(f"{tabel} > summary")
    page.wait_for_selector(f"{tabel} .datatabel")
    assert page.locator(f"{tabel} .datatabel tbody tr").count() > 1
    dicht = "[data-visual=overzicht-trend] details.tabel-alternatief"
    assert page.locator(f"{dicht} .datatabel").count() == 0  # not opened: not rendered
    kies(page, "filter-gemeente", "Assen")
    wacht_op_kpi(page, "actief", "32")
    page.wait_for_function("s => { const d = document.querySelector(s); return d && !d.open; }", arg=tabel,
                           timeout=15000)
    page.click(f"{tabel} > summary")
    page.wait_for_selector(f"{tabel} .datatabel")
    rijen = page.locator(f"{tabel} .datatabel tbody tr")
    assert rijen.count() == 1 and "Assen" in rijen.first.inner_text()
    assert page.console_fouten == []
