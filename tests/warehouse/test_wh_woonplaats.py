"""marts.woonplaats_maand: herkomst x verblijf per month, by hand.

Region (wh_raw): Assen, Aa en Hunze, Hoogeveen; peildatum 30-06-2024; all care from 1-1-2024.
  a  Assen        lives in Assen                      -> binnen de regio
  b  Aa en Hunze  lives in Assen                      -> binnen, elsewhere than its herkomst
  c  Hoogeveen    lives in Amsterdam (GM0363)         -> a placement outside the region
  d  Assen        no Gemeentecode_verblijf            -> unknown, counted, never guessed
  e  Hoogeveen    Hoogeveen until 31-3, then Groningen (GM0014) from 1-4
"""
from datetime import date

from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_indicatie,
    built,
    new_warehouse,
    rows,
)

AMSTERDAM, GRONINGEN = "GM0363", "GM0014"


def woonplaats_warehouse():
    con = new_warehouse("2024-06-30")
    add_indicatie(con, "a", "T1", "2024-01-01", verblijf=ASSEN)
    add_indicatie(con, "b", "T2", "2024-01-01", gemeente=AA_EN_HUNZE, verblijf=ASSEN)
    add_indicatie(con, "c", "T3", "2024-01-01", gemeente=HOOGEVEEN, verblijf=AMSTERDAM)
    add_indicatie(con, "d", "T4", "2024-01-01")
    add_indicatie(con, "e", "T5", "2024-01-01", "2024-03-31", gemeente=HOOGEVEEN, verblijf=HOOGEVEEN)
    add_indicatie(con, "e", "T6", "2024-04-01", gemeente=HOOGEVEEN, verblijf=GRONINGEN)
    return built(con)


def month(con, m):
    return {(r["gemeente_code"], r["verblijf_gemeente_code"]): (r["binnen_regio"], r["actief"])
            for r in rows(con, "select * from marts.woonplaats_maand where maand = ?", [m])}


def test_herkomst_by_verblijf_with_a_placement_outside_the_region():
    con = woonplaats_warehouse()
    assert month(con, date(2024, 6, 1)) == {
        (ASSEN, ASSEN): (True, 1),
        (AA_EN_HUNZE, ASSEN): (True, 1),
        (HOOGEVEEN, AMSTERDAM): (False, 1),
        (ASSEN, None): (None, 1),
        (HOOGEVEEN, GRONINGEN): (False, 1),
    }
    assert month(con, date(2024, 3, 1))[(HOOGEVEEN, HOOGEVEEN)] == (True, 1)
    assert (HOOGEVEEN, GRONINGEN) not in month(con, date(2024, 3, 1))


def test_without_the_column_every_client_is_unknown_and_the_stand_still_adds_up():
    con = new_warehouse("2024-06-30")
    add_indicatie(con, "a", "T1", "2024-01-01")
    add_indicatie(con, "b", "T2", "2024-01-01", gemeente=HOOGEVEEN)
    got = month(built(con), date(2024, 6, 1))
    assert got == {(ASSEN, None): (None, 1), (HOOGEVEEN, None): (None, 1)}
