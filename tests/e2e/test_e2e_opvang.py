"""Maatschappelijke opvang in a real browser (issue 13): the page, its filter pane and export, the
MO card on the Overzicht and the MO block on the Gemeente page, against the fixture warehouse
(tests/dashboard/fixture_mo.py: every value below is computed there by hand)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from test_e2e_dashboard import kpi, open_pagina, wacht_op_kpi

from kern.afscherming import Afscherming

pytestmark = pytest.mark.e2e


def test_the_mo_page_shows_stand_flows_shifts_and_the_reserve(server, page):
    open_pagina(page, server.url + "/opvang?van=2024-01&tot=2024-06")
    assert page.inner_text(".paginakop h1") == "Maatschappelijke opvang"
    assert page.locator(".visual.fout").count() == 0
    for vid in ("mo-stand", "mo-overgangen", "mo-stromen", "mo-verblijfsduur", "mo-kosten", "mo-resultaat"):
        assert page.locator(f"[data-visual={vid}]").count() == 1, vid
    # the result table is open: 2024 ends with a Reserve MO of € 18.000 after a result of € -28.000
    resultaat = page.inner_text("[data-visual=mo-resultaat] .datatabel")
    assert "€ 18.000" in resultaat and "€ -28.000" in resultaat
    # the export holds what the chart shows: Assen 8 + Hoogeveen 2, the spoedopvang in March
    with page.expect_download() as info:
        page.click("[data-visual=mo-stand] button:has-text('CSV')")
    rijen = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rijen[0] == ["Maand", "Opvang", "Spoedopvang", "Totaal"]
    assert [r[3] for r in rijen[1:]] == ["10", "10", "11", "10", "10", "10"]
    assert page.console_fouten == []


def test_the_filter_pane_narrows_the_mo_page_to_one_municipality(server, page):
    open_pagina(page, server.url + "/opvang?van=2024-01&tot=2024-06&gemeente=GM0118")
    assert "Hoogeveen" in page.inner_text(".selectie-regel")
    with page.expect_download() as info:
        page.click("[data-visual=mo-stand] button:has-text('CSV')")
    rijen = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r[3] for r in rijen[1:]] == ["2"] * 6
    assert page.console_fouten == []


def test_overzicht_has_an_mo_card_beside_the_bw_cards(server, page):
    open_pagina(page, server.url + "/")
    wacht_op_kpi(page, "mo_actief", "10")
    assert kpi(page, "actief") == "51"          # the BW card, unchanged
    assert kpi(page, "mo_resultaat") == "€ -28.000"
    assert page.console_fouten == []


def test_a_gemeente_user_sees_the_mo_block_and_card_published(server, page):
    open_pagina(page, server.url + "/gemeente/GM0106", naam="assen")
    blok = page.inner_text("[data-visual=gemeente-mo]")
    assert "Maatschappelijke opvang · Assen" in blok
    assert "< 5" in blok and "€ 121.500" in blok          # instroom 4 hidden, euros exact
    open_pagina(page, server.url + "/", naam="assen")
    gepubliceerd = str(Afscherming.voor(True, {"BWMO_SECRET_KEY": "e2e-" + "s" * 40}).aantal(8))
    assert kpi(page, "mo_actief") == gepubliceerd and kpi(page, "mo_instroom") == "< 5"
    assert page.console_fouten == []
