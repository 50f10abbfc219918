"""The report's chapter 7, doordecentralisatie, on the Zuidoost-Drenthe sample (Bijlage II budgets,
transition date 1-1-2023): budget trajectory and cohort split, in the model, the PDF and the workbook."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from kern import data
from kern.rollen import GEMEENTE, User
from reports import build_report, write_pdf, write_xlsx
from reports.opmaak import tekst
from tests.reports.conftest import ASSEN_USER, REGIO_USER, gepubliceerd, sql

COEVORDEN_USER = User("coevorden1", frozenset({GEMEENTE}), frozenset({"GM0109"}))


@pytest.fixture(scope="module")
def zod_wh(tmp_path_factory):
    from etl.load import load
    from voorbeeld import write_sample
    basis = tmp_path_factory.mktemp("rapport_zod")
    write_sample(basis / "levering", region_rows="Zuidoost-Drenthe")
    wh = basis / "warehouse.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("BWMO_STATE", str(basis / "state.sqlite"))
    assert load(basis / "levering", wh, region_name="Zuidoost-Drenthe").published
    mp.undo()
    return wh


@pytest.fixture
def zod(zod_wh, monkeypatch):
    monkeypatch.setenv(data.ENV, str(zod_wh))
    monkeypatch.setenv("BWMO_STATE", str(zod_wh.parent / "state.sqlite"))
    for naam in ("BWMO_KLEINE_AANTALLEN", "BWMO_AFRONDEN_OP", "BWMO_AFRONDINGSSLEUTEL", "BWMO_SECRET_KEY"):
        monkeypatch.delenv(naam, raising=False)
    data.leeg_cache()
    yield zod_wh
    data.leeg_cache()


def hoofdstuk(r):
    return next(s for s in r.secties if s.titel == "8. Doordecentralisatie")


def test_region_report_budget_table_carries_the_ingroeipad_and_own_costs(zod):
    r = build_report("regio", None, "JAAR", 2024, REGIO_USER)
    budget = next(o for o in hoofdstuk(r).onderdelen if getattr(o, "id", "") == "budget")
    rij = budget.rij("2024")
    # Bijlage II 2024: Emmen's historical part; the three objective parts 2.916.350 + 951.679 + 712.038
    assert rij[1:4] == [8872794.0, 4580067.0, 13452861.0]
    kosten = sql(zod, "select sum(gerealiseerd_eur) from marts.kosten_jaar where jaar = 2024")[0][0]
    assert rij[4] == pytest.approx(float(kosten)) and rij[5] == 0.0          # 2024 is a closed year
    assert rij[7] == pytest.approx(13452861.0 - float(kosten))
    # objective today: the objective parts of 2029 (the first year without a historical part)
    assert rij[8] == pytest.approx(8988782 + 2933267 + 2194645 - float(kosten))
    assert budget.rij("2030")[4:8] == [None, None, None, None]              # no costs yet


def test_region_report_cohorts_are_published_and_add_up_to_the_marts(zod):
    r = build_report("regio", None, "JAAR", 2024, REGIO_USER)
    cohorten = next(o for o in hoofdstuk(r).onderdelen if getattr(o, "id", "") == "cohorten")
    exact = {(g, c): (int(a), k) for g, c, a, k in sql(
        zod, "select gemeente_code, cohort, actief, 0 from marts.cohort_maand where maand = date '2024-12-01'")}
    kosten = {(g, c): k for g, c, k in sql(
        zod, "select gemeente_code, cohort, sum(kosten_eur) from marts.cohort_maand "
             "where year(maand) = 2024 group by all")}
    for code, naam in (("GM0114", "Emmen"), ("GM0109", "Coevorden"), ("GM1681", "Borger-Odoorn")):
        rij = cohorten.rij(naam)
        assert rij[1] == gepubliceerd(exact.get((code, "overgangscliënt"), (0,))[0])
        assert rij[2] == gepubliceerd(exact.get((code, "nieuwe cliënt"), (0,))[0])
        assert rij[3] == pytest.approx(float(kosten.get((code, "overgangscliënt"), Decimal(0))))
        assert rij[4] == pytest.approx(float(kosten.get((code, "nieuwe cliënt"), Decimal(0))))
    totaal = cohorten.rij("Totaal")
    assert totaal[1] == gepubliceerd(sum(a for (g, c), (a, _) in exact.items() if c == "overgangscliënt"))
    # every count is published: a multiple of 5 or '< 5'
    assert all(v == "< 5" or v % 5 == 0 for v in cohorten.kolom("Overgangscliënten") + cohorten.kolom("Nieuwe cliënten"))


def test_a_municipality_report_holds_only_its_own_budget_and_cohorts(zod):
    r = build_report("gemeente", "GM0109", "JAAR", 2024, COEVORDEN_USER)
    s = hoofdstuk(r)
    budget = next(o for o in s.onderdelen if getattr(o, "id", "") == "budget")
    assert budget.rij("2024")[1:4] == [0.0, 951679.0, 951679.0]
    cohorten = next(o for o in s.onderdelen if getattr(o, "id", "") == "cohorten")
    assert [rij[0] for rij in cohorten.rijen] == ["Coevorden"]


def test_pdf_and_workbook_carry_the_chapter(zod, tmp_path):
    r = build_report("regio", None, "JAAR", 2024, REGIO_USER)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    write_pdf(r, pdf)
    write_xlsx(r, xlsx)
    platte = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages))
    assert "8. Doordecentralisatie" in platte and "9. Datakwaliteit" in platte
    assert "Overgangsdatum van regio Zuidoost-Drenthe: 1 januari 2023" in platte
    wb = openpyxl.load_workbook(xlsx)
    for t in [o for o in hoofdstuk(r).onderdelen if hasattr(o, "rijen")]:
        ws = wb[t.blad]
        assert [c.value for c in ws[1]][:len(t.kolommen)] == [k.naam for k in t.kolommen]
        for i, rij in enumerate(t.rijen):
            for j, verwacht in enumerate(rij):
                cel = ws.cell(row=i + 2, column=j + 1).value
                assert (cel in (None, "")) if verwacht is None else cel == pytest.approx(verwacht) \
                    if isinstance(verwacht, float) else cel == verwacht
                gezet = tekst(verwacht, t.soort(i, j))
                if gezet and t.kolommen[j].soort != "tekst":
                    assert gezet in platte, (t.id, i, j, gezet)


def test_before_the_transition_date_the_chapter_says_so(warehouse):
    r = build_report("gemeente", "GM0106", "H1", 2025, ASSEN_USER)
    s = hoofdstuk(r)
    assert any("1 januari 2026 en ligt na het einde van deze periode" in a for a in s.alineas)
    assert [o.id for o in s.onderdelen] == ["budget", "budget-grafiek"]
    assert dt.date(2025, 6, 30) == r.tot
