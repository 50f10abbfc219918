"""Realised costs: which declaration lines count, how they spread over months, PGB."""

from datetime import date
from decimal import Decimal

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

PEIL = "2024-06-15"


def kosten(con) -> dict:
    """{(maand, gemeente, leveringsvorm): kosten_eur} from marts.kosten_maand."""
    return {
        (r["maand"], r["gemeente_code"], r["leveringsvorm"]): r["kosten_eur"]
        for r in rows(con, "select * from marts.kosten_maand")
    }


def pieces(con, regel) -> list:
    return [
        (r["maand"].month, r["kosten_eur"])
        for r in rows(con, "select maand, kosten_eur from intermediate.declaratie_kosten_maand "
                           "where regelnummer = ? order by maand", [regel])
    ]


def warehouse_with_toewijzingen():
    con = new_warehouse(PEIL)
    add_indicatie(con, "a", "T1", "2024-01-01", None)                      # Assen, BW
    add_indicatie(con, "b", "T2", "2024-01-01", None, gemeente=HOOGEVEEN)  # Hoogeveen, BW
    add_indicatie(con, "c", "T3", "2024-01-01", None, product="16A01")     # MO: not BW
    # category 18 and not in the catalogue: neither BW nor MO
    add_indicatie(con, "d", "T4", "2024-01-01", None, product="18X01")
    return con


def test_line_spanning_two_months_is_spread_by_days():
    con = warehouse_with_toewijzingen()
    # 20 Jan - 10 Feb = 22 days: January 12 days -> 100.00 * 12 / 22 = 54.5454... -> 54.55,
    # February gets the rest: 100.00 - 54.55 = 45.45
    add_declaratie(con, "r1", "T1", "2024-01-20", "2024-02-10", "100.00")
    built(con)
    assert pieces(con, "r1") == [(1, Decimal("54.55")), (2, Decimal("45.45"))]


def test_three_months_last_month_takes_the_rest():
    con = warehouse_with_toewijzingen()
    # 31 Jan - 1 Mar = 31 days (1 in Jan, 29 in Feb 2024, 1 in Mar)
    # Jan: 10.00 * 1 / 31 = 0.3225... -> 0.32; Feb: 10.00 * 29 / 31 = 9.3548... -> 9.35;
    # Mar: 10.00 - 0.32 - 9.35 = 0.33 (not round(0.3225) = 0.32): the pieces add up to 10.00
    add_declaratie(con, "r2", "T1", "2024-01-31", "2024-03-01", "10.00")
    built(con)
    assert pieces(con, "r2") == [(1, Decimal("0.32")), (2, Decimal("9.35")), (3, Decimal("0.33"))]


def test_half_cents_round_away_from_zero_exactly():
    con = warehouse_with_toewijzingen()
    # 31 Jan - 1 Feb = 2 days: 0.25 / 2 = 0.125 exactly -> 0.13 (half away from zero), Feb 0.12.
    # A credit of the same line: -0.125 -> -0.13, Feb -0.12.
    add_declaratie(con, "r3", "T1", "2024-01-31", "2024-02-01", "0.25")
    add_declaratie(con, "r4", "T1", "2024-01-31", "2024-02-01", "-0.25")
    # 10.01 over 2 days = 5.005: a float would make it 5.00499.. -> 5.00; exact cents give 5.01
    add_declaratie(con, "r5", "T2", "2024-03-31", "2024-04-01", "10.01")
    built(con)
    assert pieces(con, "r3") == [(1, Decimal("0.13")), (2, Decimal("0.12"))]
    assert pieces(con, "r4") == [(1, Decimal("-0.13")), (2, Decimal("-0.12"))]
    assert pieces(con, "r5") == [(3, Decimal("5.01")), (4, Decimal("5.00"))]


def test_only_toegekend_lines_credits_and_corrections():
    con = warehouse_with_toewijzingen()
    add_declaratie(con, "r1", "T1", "2024-01-01", "2024-01-31", "3100.00")
    add_declaratie(con, "r2", "T1", "2024-01-01", "2024-01-31", "999.00", status="Afgewezen")
    add_declaratie(con, "r3", "T1", "2024-01-01", "2024-01-31", "888.00", status="Ingediend")
    # a correction: the original line is credited and a corrected line declared
    add_declaratie(con, "r4", "T2", "2024-02-01", "2024-02-29", "2900.00")
    add_declaratie(con, "r5", "T2", "2024-02-01", "2024-02-29", "-2900.00")
    add_declaratie(con, "r6", "T2", "2024-02-01", "2024-02-29", "2610.00")
    # a credit on its own in March
    add_declaratie(con, "r7", "T2", "2024-03-01", "2024-03-31", "-40.00")
    built(con)
    assert kosten(con) == {
        (date(2024, 1, 1), ASSEN, "ZIN"): Decimal("3100.00"),            # r1 only
        (date(2024, 2, 1), HOOGEVEEN, "ZIN"): Decimal("2610.00"),        # 2900 - 2900 + 2610
        (date(2024, 3, 1), HOOGEVEEN, "ZIN"): Decimal("-40.00"),         # the credit
    }


def test_unknown_and_non_bw_toewijzing_are_kept_out_but_visible():
    con = warehouse_with_toewijzingen()
    add_declaratie(con, "r1", "T1", "2024-01-01", "2024-01-31", "100.00")
    add_declaratie(con, "r2", "T404", "2024-01-01", "2024-01-31", "70.00")   # unknown
    add_declaratie(con, "r3", "T404", "2024-02-01", "2024-02-29", "30.00")   # unknown
    add_declaratie(con, "r4", "T3", "2024-01-01", "2024-01-31", "55.00")     # MO toewijzing
    add_declaratie(con, "r5", "T4", "2024-01-01", "2024-01-31", "12.00")     # neither group
    # the check kosten_maand_sluit_aan passes: 267 toegekend - 112 set aside = 100 in
    # kosten_maand + 55 in mo_kosten_maand
    built(con)
    assert kosten(con) == {(date(2024, 1, 1), ASSEN, "ZIN"): Decimal("100.00")}
    assert rows(con, "select kosten_eur from marts.mo_kosten_maand") == [
        {"kosten_eur": Decimal("55.00")}]
    dq = rows(con, "select soort, sleutel, aantal, bedrag_eur from marts.datakwaliteit "
                   "where soort like 'Declaratie%' order by soort")
    # the MO line is MO money, no longer a finding (issue 13)
    assert dq == [
        {"soort": "Declaratie op onbekende toewijzing", "sleutel": "T404", "aantal": 2,
         "bedrag_eur": Decimal("100.00")},
        {"soort": "Declaratie op toewijzing buiten BW en MO", "sleutel": "T4", "aantal": 1,
         "bedrag_eur": Decimal("12.00")},
    ]


def test_pgb_spending_by_month_with_its_own_gemeente():
    con = warehouse_with_toewijzingen()
    add_pgb(con, "a", ASSEN, 2024, 1, "1000.00")
    add_pgb(con, "x", ASSEN, 2024, 1, "250.50")
    add_pgb(con, "y", AA_EN_HUNZE, 2024, 2, "300.00")
    add_pgb(con, "z", AA_EN_HUNZE, 2024, 3, "0.00")  # a zero month leaves no row
    built(con)
    assert kosten(con) == {
        (date(2024, 1, 1), ASSEN, "PGB"): Decimal("1250.50"),
        (date(2024, 2, 1), AA_EN_HUNZE, "PGB"): Decimal("300.00"),
    }
