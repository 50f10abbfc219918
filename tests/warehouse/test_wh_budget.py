"""marts.budget_jaar: the ingroeipad per gemeente against its own BW client costs, computed by hand.

Region (wh_raw): Assen (centrumgemeente), Aa en Hunze, Hoogeveen; peildatum 30-06-2024.
Budget rows: Assen and Aa en Hunze for 2023-2025, Emmen (outside the region) for 2023,
none for Hoogeveen.
Costs:
  Assen 2023: one ZIN declaration of 1.000,00 (March 2023)               -> 1.000,00 realised
  Hoogeveen 2024: a January toewijzing, declared in full for 500,00      -> 500,00 realised
  Aa en Hunze 2024: open from 1-6-2024 at 100,00 per etmaal, undeclared  -> forecast
      1-6 .. 31-12-2024 = 30+31+31+30+31+30+31 = 214 days x 100 = 21.400,00
The region's historical part: 2023 1.000.000, 2024 500.000, 2025 0 -> the ingroeipad ends in 2025;
objective in 2025: Assen 600.000, Aa en Hunze 300.000.
"""
from decimal import Decimal

from wh_doordecentralisatie import add_budget
from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_declaratie,
    add_indicatie,
    built,
    new_warehouse,
    rows,
)

EMMEN = "GM0114"


def budget_warehouse():
    con = new_warehouse("2024-06-30")
    add_indicatie(con, "a", "T1", "2023-01-01", "2023-12-31")
    add_declaratie(con, "R1", "T1", "2023-03-01", "2023-03-31", "1000.00")
    add_indicatie(con, "h", "T2", "2024-01-01", "2024-01-31", gemeente=HOOGEVEEN)
    add_declaratie(con, "R2", "T2", "2024-01-01", "2024-01-31", "500.00")
    add_indicatie(con, "z", "T3", "2024-06-01", None, gemeente=AA_EN_HUNZE, tarief="100", eenheid="14")
    for jaar, hist, obj in ((2023, 1_000_000, 100_000), (2024, 500_000, 300_000), (2025, 0, 600_000)):
        add_budget(con, jaar, ASSEN, hist, obj)
    for jaar, obj in ((2023, 50_000), (2024, 150_000), (2025, 300_000)):
        add_budget(con, jaar, AA_EN_HUNZE, 0, obj)
    add_budget(con, 2023, EMMEN, 7_000_000, 5)
    return built(con)


def by_key(con):
    return {(r["jaar"], r["gemeente_code"]): r
            for r in rows(con, "select * from marts.budget_jaar order by jaar, gemeente_code")}


def E(x):
    return None if x is None else Decimal(str(x)).quantize(Decimal("0.01"))


def test_budget_jaar_has_every_budget_year_for_every_gemeente_of_the_region_only():
    got = by_key(budget_warehouse())
    assert sorted(got) == [(j, g) for j in (2023, 2024, 2025) for g in sorted((AA_EN_HUNZE, ASSEN, HOOGEVEEN))]


def test_budget_against_own_costs_by_hand():
    got = by_key(budget_warehouse())
    want = {  # historisch, objectief, totaal, gerealiseerd, prognose, kosten, verschil, verschil_objectief
        (2023, ASSEN): (1_000_000, 100_000, 1_100_000, 1000, 0, 1000, 1_099_000, 599_000),
        (2024, ASSEN): (500_000, 300_000, 800_000, 0, 0, 0, 800_000, 600_000),
        (2023, AA_EN_HUNZE): (0, 50_000, 50_000, 0, 0, 0, 50_000, 300_000),
        (2024, AA_EN_HUNZE): (0, 150_000, 150_000, 0, 21_400, 21_400, 128_600, 278_600),
    }
    for key, (hist, obj, tot, ger, prog, kos, vers, vers_obj) in want.items():
        r = got[key]
        assert (r["historisch_eur"], r["objectief_eur"], r["totaal_eur"]) == (E(hist), E(obj), E(tot)), key
        assert (r["kosten_gerealiseerd_eur"], r["kosten_prognose_eur"], r["kosten_eur"]) == (E(ger), E(prog), E(kos)), key
        assert (r["verschil_eur"], r["verschil_objectief_eur"]) == (E(vers), E(vers_obj)), key
        assert r["budget_aangeleverd"] is True and r["objectief_eindjaar"] == 2025


def test_a_gemeente_without_budget_rows_keeps_its_costs_and_no_budget():
    got = by_key(budget_warehouse())
    h = got[(2024, HOOGEVEEN)]
    assert h["budget_aangeleverd"] is False
    assert (h["historisch_eur"], h["objectief_eur"], h["totaal_eur"], h["verschil_eur"]) == (None,) * 4
    assert h["objectief_eind_eur"] is None and h["verschil_objectief_eur"] is None
    assert h["kosten_eur"] == E(500)          # its costs are known all the same


def test_years_after_the_peildatum_year_have_a_budget_but_no_costs_yet():
    r = by_key(budget_warehouse())[(2025, ASSEN)]
    assert (r["totaal_eur"], r["kosten_eur"], r["verschil_eur"]) == (E(600_000), None, None)


def test_without_a_budget_file_the_mart_is_empty():
    con = new_warehouse("2024-06-30")
    add_indicatie(con, "a", "T1", "2023-01-01", "2023-12-31")
    assert rows(built(con), "select * from marts.budget_jaar") == []
