"""The Doordecentralisatie page in a real browser against a real gunicorn server and the fixture
warehouse (tests/dashboard/fixture_doordecentralisatie.py holds the hand computations)."""
from __future__ import annotations

import pytest
from test_e2e_dashboard import open_pagina

pytestmark = pytest.mark.e2e


def rij(page, visual: str, eerste: str) -> list[str]:
    """The cells of the table row of `visual` whose first cell is `eerste`."""
    cellen = page.locator(f"[data-visual={visual}] table tr", has=page.locator(f"td:text-is('{eerste}'), "
                                                                                 f"th:text-is('{eerste}')"))
    return [c.strip() for c in cellen.first.locator("td, th").all_inner_texts()]


def test_the_page_shows_the_ingroeipad_woonplaats_and_cohorts_for_the_region(server, page):
    open_pagina(page, server.url + "/doordecentralisatie?van=2024-01&tot=2024-06")
    assert page.inner_text(".paginakop h1") == "Doordecentralisatie"
    assert page.locator(".foutmelding").count() == 0 and page.locator(".visual.fout").count() == 0
    assert page.locator(".visual").count() == 7
    # 'what if objective today', Assen 2024: 100.000 - 142.000; Aa en Hunze 50.000 - 39.000
    assen = rij(page, "dd-objectief", "Assen")
    assert "€ 118.000" in assen and "€ -42.000" in assen
    assert "€ 11.000" in rij(page, "dd-objectief", "Aa en Hunze")
    assert "nee" in rij(page, "dd-objectief", "Hoogeveen")
    # woonplaats: Hoogeveen's 3 clients placed in Groningen count outside the region
    assert rij(page, "dd-woonplaats", "Hoogeveen")[2:] == ["12", "9", "0", "3", "0", "0"]
    assert "Buiten de regio" in page.inner_text("[data-visual=dd-woonplaats-matrix]")
    # cohorts per municipality on the peildatum
    assert rij(page, "dd-cohort-gemeenten", "Hoogeveen")[2:4] == ["8", "4"]
    grafiek = page.locator("[data-visual=dd-budget] .grafiek[role=img]")
    assert "Budget beschermd wonen volgens het ingroeipad" in grafiek.get_attribute("aria-label")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert page.console_fouten == []


def test_a_gemeente_user_sees_its_own_row_with_small_counts_hidden(server, page):
    open_pagina(page, server.url + "/doordecentralisatie?van=2024-01&tot=2024-06", naam="assen")
    # no row of another municipality anywhere (the matrix names them only as places to live)
    for andere in ("Hoogeveen", "Aa en Hunze"):
        assert page.locator(f"#inhoud tr td:first-child:text-is('{andere}'), "
                            f"#inhoud tr th:first-child:text-is('{andere}')").count() == 0
    woon = rij(page, "dd-woonplaats", "Assen")
    assert woon[5] == "< 5" and woon[7] == "< 5"       # 2 outside the region, 4 from elsewhere
    assert "€ -42.000" in rij(page, "dd-objectief", "Assen")   # money exactly
    assert page.console_fouten == []
