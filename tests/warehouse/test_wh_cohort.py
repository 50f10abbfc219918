"""marts.cohort_maand: overgangscliënten and nieuwe cliënten around the transition date, by hand.

Region (wh_raw): Assen, Aa en Hunze, Hoogeveen; transition date T = 1-1-2024; peildatum 30-6-2024.
  a  Assen        in care from 1-6-2023, open: crosses T                       -> overgangscliënt
  b  Assen        care ended 2-1-2023 = T - 364 days; back on 2-1-2024        -> overgangscliënt
                  (BW on 2-1-2023, inside the 365 days before its return)
  c  Aa en Hunze  care ended 31-12-2022 = T - 366 days; back on 2-1-2024      -> nieuwe cliënt
  d  Hoogeveen    first BW ever on 1-3-2024                                   -> nieuwe cliënt
  e  Hoogeveen    in care on T, ends 29-2-2024, back on 1-4-2024 (a gap < 365) -> overgangscliënt
Costs: a 3.000,00 ZIN in February 2024 and 1.000,00 in December 2023 (before T's month: not in the
mart); d 800,00 PGB in March 2024.
"""
from datetime import date
from decimal import Decimal

from wh_doordecentralisatie import set_overgangsdatum
from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_declaratie,
    add_indicatie,
    add_pgb,
    built,
    new_warehouse,
    rows,
)

O, N = "overgangscliënt", "nieuwe cliënt"


def cohort_warehouse(overgangsdatum="2024-01-01", peildatum="2024-06-30"):
    con = new_warehouse(peildatum)
    set_overgangsdatum(con, overgangsdatum)
    add_indicatie(con, "a", "A1", "2023-06-01")
    add_declaratie(con, "R1", "A1", "2024-02-01", "2024-02-29", "3000.00")
    add_declaratie(con, "R0", "A1", "2023-12-01", "2023-12-31", "1000.00")
    add_indicatie(con, "b", "B1", "2022-01-01", "2023-01-02")
    add_indicatie(con, "b", "B2", "2024-01-02")
    add_indicatie(con, "c", "C1", "2022-01-01", "2022-12-31", gemeente=AA_EN_HUNZE)
    add_indicatie(con, "c", "C2", "2024-01-02", gemeente=AA_EN_HUNZE)
    add_indicatie(con, "d", "D1", "2024-03-01", gemeente=HOOGEVEEN, leveringsvorm="PGB")
    add_pgb(con, "d", HOOGEVEEN, 2024, 3, "800.00")
    add_indicatie(con, "e", "E1", "2023-01-01", "2024-02-29", gemeente=HOOGEVEEN)
    add_indicatie(con, "e", "E2", "2024-04-01", gemeente=HOOGEVEEN)
    return built(con)


def month(con, m):
    return {(r["gemeente_code"], r["cohort"]): (r["actief"], r["kosten_eur"])
            for r in rows(con, "select * from marts.cohort_maand where maand = ?", [m])}


def test_the_cohort_of_each_episode_around_the_transition_date():
    got = {(r["clientnummer"], r["begindatum"]): r["cohort"]
           for r in rows(cohort_warehouse(), "select * from intermediate.cohort_episodes")}
    assert got == {
        ("a", date(2023, 6, 1)): O,
        ("b", date(2022, 1, 1)): O,      # ended 364 days before T
        ("b", date(2024, 1, 2)): O,
        ("c", date(2022, 1, 1)): None,   # ended 366 days before T
        ("c", date(2024, 1, 2)): N,
        ("d", date(2024, 3, 1)): N,
        ("e", date(2023, 1, 1)): O,
        ("e", date(2024, 4, 1)): O,
    }


def test_stand_and_costs_per_cohort_by_hand():
    con = cohort_warehouse()
    zero = Decimal("0.00")
    assert month(con, date(2024, 1, 1)) == {(ASSEN, O): (2, zero), (AA_EN_HUNZE, N): (1, zero),
                                            (HOOGEVEEN, O): (1, zero)}
    assert month(con, date(2024, 2, 1))[(ASSEN, O)] == (2, Decimal("3000.00"))
    assert month(con, date(2024, 3, 1)) == {(ASSEN, O): (2, zero), (AA_EN_HUNZE, N): (1, zero),
                                            (HOOGEVEEN, N): (1, Decimal("800.00"))}
    assert month(con, date(2024, 6, 1)) == {(ASSEN, O): (2, zero), (AA_EN_HUNZE, N): (1, zero),
                                            (HOOGEVEEN, N): (1, zero), (HOOGEVEEN, O): (1, zero)}


def test_months_before_the_transition_are_not_in_the_mart():
    con = cohort_warehouse()
    assert rows(con, "select min(maand) as m from marts.cohort_maand")[0]["m"] == date(2024, 1, 1)


def test_no_transition_date_or_one_after_the_peildatum_gives_no_rows():
    assert rows(cohort_warehouse(overgangsdatum=None), "select * from marts.cohort_maand") == []
    assert rows(cohort_warehouse(overgangsdatum="2026-01-01"), "select * from marts.cohort_maand") == []
