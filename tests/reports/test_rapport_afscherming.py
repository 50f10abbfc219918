"""Issue 10, "Small numbers that stay hidden": a reader can no longer get a hidden count back by
arithmetic on a report.

Under the old per-cell rule the Kerncijfers table showed begin, instroom, uitstroom and eind
exactly unless one was 1-4, so the hidden one followed from begin + instroom - uitstroom = eind
(De Wolden H1 2024: 21 + 6 - 23 = 4 uitstroom), and the JAAR report minus the H1 report gave the
second half-year exactly (Midden-Drenthe 2024: instroom 10 - 6 = 4, a count an H2 report would
hide). Now every count is rounded on its own (0-4 as "< 5", others to a neighbouring multiple
of 5), so the identity leaves several values possible and the difference of two rounded counts
is a multiple of 5, never a count of 1-4.

The sample warehouse's exact figures (from the marts, checked below) are the cases where the old
rule leaked. The reader below knows the method but not the installation's key, so a published
25 means 21..29 to them (rounded up or down)."""
from __future__ import annotations

import datetime as dt

import pytest

from kern.afscherming import Afscherming
from reports import build_report
from tests.reports.conftest import ALLE, REGIO_USER, verwacht_kern

A = Afscherming(beschermd=True)  # the default method the reports use: "< 5" for 0-4, multiples of 5
BALANS = ("Cliënten in zorg aan het begin van de periode", "Instroom", "Uitstroom",
          "Cliënten in zorg aan het eind van de periode")
SLEUTELS = ("begin", "instroom", "uitstroom", "eind")


def mogelijk(getoond) -> set[int]:
    """The exact counts a reader who knows the method (not its key) can infer from one published
    cell: the label is every count shown as the label; a number is every count that may be
    rounded to it (either neighbouring multiple), or, when it is no possible rounded value (the
    old rule showed 21 as 21), the number itself."""
    if getoond == A.label:
        return {x for x in range(A.drempel + 1) if A.klein(x)}
    return {x for x in range(max(0, getoond - A.basis + 1), getoond + A.basis)
            if not A.klein(x) and getoond % A.basis == 0} or {getoond}


def terugrekenen(begin, instroom, uitstroom, eind) -> list[set[int]]:
    """For each of begin, instroom, uitstroom, eind: the exact values still possible given all four
    published cells and begin + instroom - uitstroom = eind."""
    b, i, u, e = (mogelijk(v) for v in (begin, instroom, uitstroom, eind))
    oplossingen = [(x, y, z, x + y - z) for x in b for y in i for z in u if x + y - z in e]
    return [{o[k] for o in oplossingen} for k in range(4)]


@pytest.mark.parametrize("code, jaar, exact, verborgen", [
    ("GM1690", 2024, (21, 6, 4, 23), "uitstroom"),   # De Wolden: 21 + 6 - 23 = 4
    ("GM1730", 2023, (23, 6, 4, 25), "uitstroom"),   # Tynaarlo: 23 + 6 - 25 = 4
    ("GM1699", 2023, (37, 4, 7, 34), "instroom"),    # Noordenveld: 34 - 37 + 7 = 4
    ("GM1680", 2023, (19, 2, 6, 15), "instroom"),    # Aa en Hunze: 15 - 19 + 6 = 2
])
def test_kerncijfers_balance_does_not_pin_down_a_count(warehouse, code, jaar, exact, verborgen):
    v = verwacht_kern(warehouse, [code], dt.date(jaar, 1, 1), dt.date(jaar, 6, 1))
    assert tuple(v[k] for k in SLEUTELS) == exact  # the fixture's exact figures; the books balance
    assert exact[0] + exact[1] - exact[2] == exact[3] and exact[SLEUTELS.index(verborgen)] < 5
    kern = build_report("gemeente", code, "H1", jaar, REGIO_USER).tabel("kerncijfers")
    getoond = [kern.rij(label)[1] for label in BALANS]
    k = SLEUTELS.index(verborgen)
    assert getoond[k] == "< 5"
    b, i, u, e = getoond
    naief = e - b + u if verborgen == "instroom" else b + i - e
    assert naief != exact[k], (code, jaar, getoond)  # the old leak: the sum gave the hidden count
    opties = terugrekenen(*getoond)
    assert len(opties[k]) > 1, (code, jaar, verborgen, getoond, opties[k])  # not pinned down
    assert all(x in kan for x, kan in zip(exact, opties))  # the truth is among the options, not singled out
    for kolom in (1, 2):  # no count of the balance is pinned down, this period or a year earlier
        getoond = [kern.rij(label)[kolom] for label in BALANS]
        for naam, kan in zip(SLEUTELS, terugrekenen(*getoond)):
            assert len(kan) > 1, (code, jaar, kolom, naam, getoond, kan)


def test_de_wolden_by_hand(warehouse):
    kern = build_report("gemeente", "GM1690", "H1", 2024, REGIO_USER).tabel("kerncijfers")
    # exact 21, 6, 4, 23 -> published 20, 5, "< 5", 25 (21 down, 6 down, 4 hidden, 23 up)
    assert [kern.rij(label)[1] for label in BALANS] == [20, 5, "< 5", 25]
    # 20 + 5 - 25 = 0, not 4; begin 16..24, instroom 5..9, eind 21..29 leave uitstroom 0..4 open
    assert terugrekenen(20, 5, "< 5", 25)[2] == {0, 1, 2, 3, 4}
    assert kern.rij("Uitstroom")[3:] == ["–", "–"]  # no change against a year earlier from a hidden count


@pytest.mark.parametrize("soort, code, jaar, label, h1, jaar_, h2", [
    # exact H1, exact JAAR, exact second half-year (= JAAR - H1)
    ("gemeente", "GM1731", 2024, "Instroom", 6, 10, 4),                 # 6 -> 5 (down), 10: 10 - 5 = 5, not 4
    ("gemeente", "GM1731", 2024, "waarvan nieuwe cliënten", 6, 10, 4),  # the same
    ("gemeente", "GM1699", 2024, "Instroom", 6, 9, 3),                  # 6 -> 5, 9 -> 10 (up): 5, not 3
    ("regio", None, 2024, "Instroom", 80, 153, 73),                     # 80, 153 -> 155 (up): 75, not 73
])
def test_year_minus_first_half_is_not_the_second_half(warehouse, soort, code, jaar, label, h1, jaar_, h2):
    codes = [code] if code else ALLE
    sleutel = {"Instroom": "instroom", "waarvan nieuwe cliënten": "nieuwe"}[label]
    exact_h1 = verwacht_kern(warehouse, codes, dt.date(jaar, 1, 1), dt.date(jaar, 6, 1))[sleutel]
    exact_jaar = verwacht_kern(warehouse, codes, dt.date(jaar, 1, 1), dt.date(jaar, 12, 1))[sleutel]
    exact_h2 = verwacht_kern(warehouse, codes, dt.date(jaar, 7, 1), dt.date(jaar, 12, 1))[sleutel]
    assert (exact_h1, exact_jaar, exact_h2) == (h1, jaar_, h2)  # the fixture's exact figures
    rh1 = build_report(soort, code, "H1", jaar, REGIO_USER).tabel("kerncijfers")
    rjaar = build_report(soort, code, "JAAR", jaar, REGIO_USER).tabel("kerncijfers")
    verschil = rjaar.rij(label)[1] - rh1.rij(label)[1]
    assert verschil != h2  # the old leak: JAAR - H1 was the second half-year exactly
    assert verschil % A.basis == 0


def test_year_minus_first_half_never_reveals_a_small_count(warehouse):
    """Over every municipality: for each flow shown as a number in both reports, JAAR - H1 is a
    multiple of 5, so it can never be a second half-year of 1-4."""
    gezien = 0
    for code in ("GM1680", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731"):
        h1 = build_report("gemeente", code, "H1", 2024, REGIO_USER).tabel("kerncijfers")
        jr = build_report("gemeente", code, "JAAR", 2024, REGIO_USER).tabel("kerncijfers")
        exact = verwacht_kern(warehouse, [code], dt.date(2024, 7, 1), dt.date(2024, 12, 1))
        for label, sleutel in (("Instroom", "instroom"), ("waarvan nieuwe cliënten", "nieuwe"),
                               ("Uitstroom", "uitstroom"), ("waarvan naar de Wlz", "wlz")):
            a, b = jr.rij(label)[1], h1.rij(label)[1]
            if isinstance(a, int) and isinstance(b, int):
                if 0 < exact[sleutel] < A.drempel:
                    assert a - b != exact[sleutel], (code, label, a, b)
                    gezien += 1
                assert (a - b) % A.basis == 0, (code, label, a, b)
    assert gezien >= 2  # the sample holds such half-years (Midden-Drenthe, Noordenveld instroom)
