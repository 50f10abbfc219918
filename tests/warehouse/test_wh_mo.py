"""Maatschappelijke opvang: the MO marts computed by hand on tiny fixtures.

MO is counted with the BW definitions but apart from BW (issue 13, convenant art. 8.3 and 8.7).
Peildatum 2024-06-15 unless said otherwise; 2024 is a leap year.
"""

from datetime import date
from decimal import Decimal

from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_declaratie,
    add_financien,
    add_indicatie,
    built,
    new_warehouse,
    rows,
)

PEIL = "2024-06-15"
OPVANG, SPOED = "16A01", "17A01"


def m(month: int, year: int = 2024) -> date:
    return date(year, month, 1)


def mo_stand(con) -> dict:
    """{(maand, gemeente, opvangvorm): actief} from marts.mo_clienten_maand."""
    return {
        (r["maand"], r["gemeente_code"], r["opvangvorm"]): r["actief"]
        for r in rows(con, "select * from marts.mo_clienten_maand")
    }


def bw_stand(con) -> dict:
    return {r["maand"]: r["n"] for r in rows(
        con, "select maand, sum(actief) as n from marts.clienten_maand group by maand")}


def mo_stromen(con) -> list[tuple]:
    return [(r["maand"], r["gemeente_code"], r["instroom"], r["nieuwe_clienten"], r["uitstroom"])
            for r in rows(con, "select * from marts.mo_stromen_maand order by maand, gemeente_code")]


def overgangen(con) -> list[tuple]:
    return [(r["maand"], r["gemeente_code"], r["richting"], r["aantal"]) for r in rows(
        con, "select * from marts.doelgroep_overgangen_maand order by maand, gemeente_code")]


def test_client_in_bw_and_mo_at_once_counts_in_both_stands_and_as_overlap():
    # Opvang 10 Jan - 10 Apr, BW intramuraal from 1 Mar (open): both active on 31 March.
    con = new_warehouse(PEIL)
    add_indicatie(con, "o", "1", "2024-01-10", "2024-04-10", product=OPVANG, reden="19")
    add_indicatie(con, "o", "2", "2024-03-01", None)
    built(con)
    # MO stand on 31 Jan, 29 Feb, 31 Mar; on 30 April the stay has ended (10 April)
    assert mo_stand(con) == {(m(k), ASSEN, "Opvang"): 1 for k in (1, 2, 3)}
    # BW counts the same client from March to the peildatum, untouched by the MO stay
    assert bw_stand(con) == {m(k): 1 for k in range(3, 7)}
    # MO flows: in in January (new: no MO before), out in April (uitstroomdatum 11 April)
    assert mo_stromen(con) == [(m(1), ASSEN, 1, 1, 0), (m(4), ASSEN, 0, 0, 1)]
    # the BW flows do not see the MO stay: one instroom in March, nothing else
    assert [(r["maand"], r["instroom"], r["uitstroom"]) for r in rows(
        con, "select * from marts.stromen_maand")] == [(m(3), 1, 0)]
    # in both stands on 31 March only: the overlap
    assert rows(con, "select * from marts.doelgroep_overlap_maand") == [
        {"maand": m(3), "gemeente_code": ASSEN, "aantal": 1}]
    # nothing ended before BW started, so this is no shift between the groups
    assert overgangen(con) == []


def test_spoedopvang_of_four_days_then_bw_within_the_window_is_mo_naar_bw():
    # Spoedopvang 26-29 Feb (4 days, einddatum inclusive), BW begeleid wonen from 20 March:
    # 20 days after the last day of MO -> 'MO naar BW' in March, gemeente of the new episode.
    con = new_warehouse(PEIL)
    add_indicatie(con, "s", "3", "2024-02-26", "2024-02-29", product=SPOED, gemeente=HOOGEVEEN,
                  reden="19")
    add_indicatie(con, "s", "4", "2024-03-20", None, product="15A03", gemeente=HOOGEVEEN)
    built(con)
    # in the stand of February: 29 Feb is its last day, and the last day of care counts
    assert mo_stand(con) == {(m(2), HOOGEVEEN, "Spoedopvang"): 1}
    assert mo_stromen(con) == [(m(2), HOOGEVEEN, 1, 1, 0), (m(3), HOOGEVEEN, 0, 0, 1)]
    assert overgangen(con) == [(m(3), HOOGEVEEN, "MO naar BW", 1)]
    assert rows(con, "select * from marts.mo_verblijfsduur") == [
        {"gemeente_code": HOOGEVEEN, "status": "uitgestroomd", "uitstroomjaar": 2024,
         "duurklasse": "een week of korter", "klasse_volgorde": 1, "episodes": 1}]
    assert rows(con, "select * from marts.doelgroep_overlap_maand") == []


def test_repeated_stay_within_365_days_is_instroom_but_no_new_client():
    # Opvang 1 Mar - 30 Apr 2023, again 1 - 15 Feb 2024. 1 Feb 2024 - 365 days = 1 Feb 2023:
    # the first stay ended after that, so the second is instroom but not a nieuwe cliënt.
    con = new_warehouse(PEIL)
    add_indicatie(con, "h", "5", "2023-03-01", "2023-04-30", product=OPVANG,
                  gemeente=AA_EN_HUNZE, reden="21")
    add_indicatie(con, "h", "6", "2024-02-01", "2024-02-15", product=OPVANG,
                  gemeente=AA_EN_HUNZE, reden="19")
    built(con)
    assert mo_stand(con) == {(m(3, 2023), AA_EN_HUNZE, "Opvang"): 1,
                             (m(4, 2023), AA_EN_HUNZE, "Opvang"): 1}
    assert mo_stromen(con) == [
        (m(3, 2023), AA_EN_HUNZE, 1, 1, 0),
        (m(5, 2023), AA_EN_HUNZE, 0, 0, 1),   # uitstroomdatum 1 May 2023
        (m(2), AA_EN_HUNZE, 1, 0, 1),         # in again, not new; out on 16 February
    ]
    duur = rows(con, "select status, uitstroomjaar, duurklasse, episodes from marts.mo_verblijfsduur "
                     "order by uitstroomjaar")
    # 61 days (1 Mar - 30 Apr) and 15 days
    assert duur == [
        {"status": "uitgestroomd", "uitstroomjaar": 2023, "duurklasse": "1 tot 3 maanden", "episodes": 1},
        {"status": "uitgestroomd", "uitstroomjaar": 2024, "duurklasse": "8 dagen tot 1 maand",
         "episodes": 1},
    ]


def test_opvang_is_primary_over_a_later_spoedopvang():
    # Opvang from 1 May (open) and Spoedopvang 20-31 May: on 31 May both are active; the latest
    # ingangsdatum is the Spoedopvang, but Opvang comes first. One episode.
    con = new_warehouse(PEIL)
    add_indicatie(con, "p", "11", "2024-05-01", None, product=OPVANG)
    add_indicatie(con, "p", "12", "2024-05-20", "2024-05-31", product=SPOED)
    built(con)
    assert mo_stand(con) == {(m(5), ASSEN, "Opvang"): 1, (m(6), ASSEN, "Opvang"): 1}
    assert mo_stromen(con) == [(m(5), ASSEN, 1, 1, 0)]


def test_bw_naar_mo_counts_up_to_the_window_and_not_a_day_beyond():
    # Two BW episodes ending 30 April; MO starts 30 days later (30 May: a shift) and 31 days
    # later (31 May: none). The window is staging.instellingen.doelgroep_overgang_dagen = 30.
    con = new_warehouse(PEIL)
    add_indicatie(con, "b", "7", "2023-06-01", "2024-04-30", reden="22")
    add_indicatie(con, "b", "8", "2024-05-30", None, product=OPVANG)
    add_indicatie(con, "c", "9", "2023-06-01", "2024-04-30", gemeente=AA_EN_HUNZE, reden="22")
    add_indicatie(con, "c", "10", "2024-05-31", None, product=OPVANG, gemeente=AA_EN_HUNZE)
    built(con)
    assert con.execute("select doelgroep_overgang_dagen from staging.instellingen").fetchone() == (30,)
    assert overgangen(con) == [(m(5), ASSEN, "BW naar MO", 1)]


def test_mo_declarations_are_mo_costs_and_leave_the_data_quality_list():
    # Opvang toewijzing with a line 10 Jan - 8 Feb (30 days) of 3.000: 22 days in January
    # (2.200,00), 8 in February (800,00). A BW line stays in kosten_maand only.
    con = new_warehouse(PEIL)
    add_indicatie(con, "o", "T1", "2024-01-10", "2024-04-10", product=OPVANG, reden="19")
    add_indicatie(con, "a", "T2", "2024-01-01", None, gemeente=HOOGEVEEN)
    add_declaratie(con, "r1", "T1", "2024-01-10", "2024-02-08", "3000.00")
    add_declaratie(con, "r2", "T2", "2024-01-01", "2024-01-31", "4000.00")
    add_declaratie(con, "r3", "T1", "2024-03-01", "2024-03-31", "999.00", status="Afgewezen")
    built(con)
    assert rows(con, "select * from marts.mo_kosten_maand order by maand") == [
        {"maand": m(1), "gemeente_code": ASSEN, "kosten_eur": Decimal("2200.00")},
        {"maand": m(2), "gemeente_code": ASSEN, "kosten_eur": Decimal("800.00")},
    ]
    assert rows(con, "select maand, gemeente_code, kosten_eur from marts.kosten_maand") == [
        {"maand": m(1), "gemeente_code": HOOGEVEEN, "kosten_eur": Decimal("4000.00")}]
    assert rows(con, "select * from marts.datakwaliteit where soort like 'Declaratie%'") == []


def test_mo_result_and_reserve_over_three_years():
    # Hand computation (all amounts in euros):
    #   2022: 100.000 - 80.000 - 6.000 = 14.000; reserve 50.000 (post) -> 64.000; norm 5.000
    #   2023: 110.000 - 120.000 - 5.000 = -15.000; withdrawal 20.000: 64.000 -> 29.000; norm 5.500
    #   2024 (peildatum year): realised 9.100 (91 days declared) + forecast 275 open days x 100
    #   = 27.500: 120.000 - 36.600 - 6.500 = 76.900; 29.000 -> 105.900; norm 6.000
    con = new_warehouse(PEIL)
    add_indicatie(con, "x", "T1", "2022-01-01", "2022-12-31", product=OPVANG, reden="19")
    add_indicatie(con, "y", "T2", "2023-01-01", "2023-12-31", product=OPVANG, reden="19")
    add_indicatie(con, "z", "T3", "2024-01-01", "2024-12-31", product=OPVANG, tarief="100.00",
                  eenheid="14")
    add_declaratie(con, "r1", "T1", "2022-01-01", "2022-12-31", "80000.00")
    add_declaratie(con, "r2", "T2", "2023-01-01", "2023-12-31", "120000.00")
    add_declaratie(con, "r3", "T3", "2024-01-01", "2024-03-31", "9100.00")
    for jaar, uitkering, uitvoering in ((2022, "100000.00", "6000.00"), (2023, "110000.00", "5000.00"),
                                        (2024, "120000.00", "6500.00")):
        add_financien(con, jaar, "Decentralisatie-uitkering MO", uitkering)
        add_financien(con, jaar, "Uitvoeringskosten MO", uitvoering)
    add_financien(con, 2022, "Reserve MO saldo 1 januari", "50000.00")
    add_financien(con, 2023, "Onttrekking Reserve MO", "20000.00")
    # a balance for a later year is not used: the reserve follows from 2022 on
    add_financien(con, 2024, "reserve mo saldo 1 januari", "99999.00")
    built(con)
    got = rows(con, "select jaar, versie, baten_eur, clientgebonden_kosten_eur, "
                    "clientgebonden_gerealiseerd_eur, clientgebonden_prognose_eur, "
                    "uitvoeringskosten_eur, uitvoeringsnorm_eur, resultaat_eur, onttrekking_eur, "
                    "reserve_begin_eur, reserve_eind_eur from marts.mo_resultaat_jaar order by jaar")
    D = Decimal
    assert [tuple(r.values()) for r in got] == [
        (2022, "lopend", D("100000.00"), D("80000.00"), D("80000.00"), D("0.00"), D("6000.00"),
         D("5000.00"), D("14000.00"), D("0.00"), D("50000.00"), D("64000.00")),
        (2023, "lopend", D("110000.00"), D("120000.00"), D("120000.00"), D("0.00"), D("5000.00"),
         D("5500.00"), D("-15000.00"), D("20000.00"), D("64000.00"), D("29000.00")),
        (2024, "lopend", D("120000.00"), D("36600.00"), D("9100.00"), D("27500.00"), D("6500.00"),
         D("6000.00"), D("76900.00"), D("0.00"), D("29000.00"), D("105900.00")),
    ]
    assert rows(con, "select soort, sleutel, bedrag_eur from marts.datakwaliteit "
                     "where soort like 'Reserve%'") == [
        {"soort": "Reserve MO saldo 1 januari niet gebruikt", "sleutel": "2024",
         "bedrag_eur": Decimal("99999.00")}]
    # MO money stays out of the BW result
    assert [r["clientgebonden_kosten_eur"] for r in rows(
        con, "select * from marts.resultaat_jaar order by jaar")] == [D("0.00")] * 3


def test_without_an_opening_balance_the_reserve_is_unknown():
    con = new_warehouse(PEIL)
    add_indicatie(con, "x", "T1", "2024-01-01", "2024-01-31", product=OPVANG, reden="19")
    add_financien(con, 2024, "Decentralisatie-uitkering MO", "1000.00")
    built(con)
    r = rows(con, "select resultaat_eur, reserve_begin_eur, reserve_eind_eur from marts.mo_resultaat_jaar")
    assert r == [{"resultaat_eur": Decimal("1000.00"), "reserve_begin_eur": None, "reserve_eind_eur": None}]
