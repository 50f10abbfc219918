"""The Maatschappelijke opvang views against the fixture warehouse (tests/dashboard/fixture_mo.py);
every expected value is computed by hand in the comments."""

from dashhulp import ASSEN, als, ctx_voor

from dashboard.components.visual import bouw
from dashboard.visuals import opvang, opvang_geld, opvang_overzicht  # noqa: F401  (registers the visuals)


def test_mo_stand_by_opvangvorm_per_month_region():
    v = bouw("mo-stand", ctx_voor("?van=2024-01&tot=2024-06"))
    # Assen 8 + Hoogeveen 2 opvang every month of 2024; the one spoedopvang only in March
    assert v.tabel["Opvang"].tolist() == [10] * 6
    assert v.tabel["Spoedopvang"].tolist() == [0, 0, 1, 0, 0, 0]
    assert v.tabel["Totaal"].tolist() == [10, 10, 11, 10, 10, 10]


def test_mo_flows_explain_the_stand():
    t = bouw("mo-stromen", ctx_voor("?van=2024-01&tot=2024-06")).tabel
    # Jan: Assen +3 -1 from 8 (Dec 2023: 6 + 2) to 10; Feb: Hoogeveen +1 -1; Mar +1; Apr -1
    assert t["Instroom"].tolist() == [3, 1, 1, 0, 0, 0]
    assert t["Uitstroom"].tolist() == [1, 1, 0, 1, 0, 0]
    assert t["Nieuwe cliënten"].tolist() == [2, 0, 1, 0, 0, 0]
    assert t["Stand vorige maand"].tolist() == [8, 10, 10, 11, 10, 10]
    assert (t["Stand vorige maand"] + t["Instroom"] - t["Uitstroom"]).tolist() == t["Stand eind maand"].tolist()


def test_shifts_and_overlap_per_year():
    t = bouw("mo-overgangen", ctx_voor("?van=2023-01&tot=2024-06&korrel=jaar")).tabel
    # 2023: Hoogeveen BW naar MO in September; 2024: Assen MO naar BW in February; the overlap is a
    # stand (March 2024), so a year shows the one on its last month (June 2024: 0)
    assert t["MO naar BW"].tolist() == [0, 1] and t["BW naar MO"].tolist() == [1, 0]
    assert t["In BW én MO"].tolist() == [0, 0]
    maand = bouw("mo-overgangen", ctx_voor("?van=2024-03&tot=2024-03")).tabel
    assert maand["In BW én MO"].tolist() == [1]


def test_mo_result_norm_and_reserve():
    t = bouw("mo-resultaat", ctx_voor("")).tabel
    assert t["Jaar"].tolist() == [2023, 2024]
    # 2023: 260.000 - 240.000 - 14.000 = 6.000; norm 5% of 260.000 = 13.000 (exceeded by 1.000)
    # 2024: 300.000 - (151.500 + 162.000) - 14.500 = -28.000; 56.000 - 28.000 - 10.000 = 18.000
    assert t["Resultaat"].tolist() == [6000.0, -28000.0]
    assert t["Uitvoeringsnorm (5%)"].tolist() == [13000.0, 15000.0]
    assert t["Reserve MO 1 januari"].tolist() == [50000.0, 56000.0]
    assert t["Reserve MO 31 december"].tolist() == [56000.0, 18000.0]
    tekst = bouw("mo-resultaat", ctx_voor("")).tekst
    assert "€ -28.000" in tekst and "€ 18.000" in tekst and "norm van 5%: 2023." in tekst


def test_mo_costs_per_month():
    t = bouw("mo-kosten", ctx_voor("?van=2024-03&tot=2024-04")).tabel
    # March: Assen 20.000 + 1.500 (spoedopvang) + Hoogeveen 5.000; April 25.000
    assert t["Kosten"].tolist() == [26500.0, 25000.0]


def test_overzicht_card_for_a_gemeente_user_is_published():
    with als(ASSEN):
        kpis = {k.sleutel: k for k in opvang_overzicht.mo_kpis(ctx_voor(""))}
    # Assen: 8 in the opvang in June 2024 (published rounded, a multiple of 5); instroom jul 2023 -
    # jun 2024 = 3 + 1 = 4 -> '< 5'; the MO result is the region's euro amount, exact
    assert kpis["mo_actief"].waarde in ("5", "10")
    assert kpis["mo_instroom"].waarde == "< 5"
    assert kpis["mo_resultaat"].waarde == "€ -28.000"


def test_gemeente_block_per_year_and_only_for_the_own_municipality():
    with als(ASSEN):
        v = bouw("gemeente-mo", ctx_voor("", "GM0106"))
        t = v.tabel
        assert t["Jaar"].tolist() == [2023, 2024]
        assert t["Instroom"].tolist() == ["< 5", "< 5"]        # 2 and 4
        assert t["Kosten gerealiseerd"].tolist() == [180000.0, 121500.0]
        assert t["Kosten prognose"].tolist() == [0.0, 130000.0]
        # another municipality's block is never built for this user
        assert bouw("gemeente-mo", ctx_voor("", "GM0118")).tekst == "Kies een gemeente."
