"""kern/kalender.py: month arithmetic, by hand (year boundaries, February, leap years)."""
import datetime as dt

from kern import kalender as k

D = dt.date


def test_eerste_van_maand_and_laatste_dag():
    assert k.eerste_van_maand(D(2024, 12, 31)) == D(2024, 12, 1)
    assert k.eerste_van_maand(D(2025, 1, 1)) == D(2025, 1, 1)
    assert k.laatste_dag(D(2024, 2, 10)) == D(2024, 2, 29)  # leap year
    assert k.laatste_dag(D(2025, 2, 1)) == D(2025, 2, 28)
    assert k.laatste_dag(D(1900, 2, 1)) == D(1900, 2, 28)   # divisible by 100: no leap year
    assert k.laatste_dag(D(2000, 2, 1)) == D(2000, 2, 29)   # divisible by 400: leap year
    assert k.laatste_dag(D(2024, 12, 5)) == D(2024, 12, 31)
    assert k.laatste_dag(D(2024, 4, 30)) == D(2024, 4, 30)


def test_plus_maanden_over_year_boundaries():
    assert k.plus_maanden(D(2024, 12, 15), 1) == D(2025, 1, 1)
    assert k.plus_maanden(D(2025, 1, 31), -1) == D(2024, 12, 1)
    assert k.plus_maanden(D(2024, 1, 31), 1) == D(2024, 2, 1)  # the day is dropped, not carried to March
    assert k.plus_maanden(D(2024, 6, 1), -11) == D(2023, 7, 1)
    assert k.plus_maanden(D(2024, 6, 1), -12) == D(2023, 6, 1)
    assert k.plus_maanden(D(2024, 6, 1), 30) == D(2026, 12, 1)
    assert k.plus_maanden(D(2024, 3, 1), 0) == D(2024, 3, 1)
    assert k.maand_ervoor(D(2025, 1, 1)) == D(2024, 12, 1)
    assert k.maand_ervoor(D(2024, 3, 31)) == D(2024, 2, 1)


def test_aantal_maanden_and_maandreeks():
    assert k.aantal_maanden(D(2024, 11, 1), D(2025, 2, 1)) == 4
    assert k.aantal_maanden(D(2024, 1, 31), D(2024, 1, 1)) == 1  # same month, days ignored
    assert k.aantal_maanden(D(2024, 7, 1), D(2025, 6, 30)) == 12
    assert k.aantal_maanden(D(2024, 3, 1), D(2024, 2, 1)) == 0
    assert k.maandreeks(D(2024, 11, 20), D(2025, 2, 3)) == [D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1),
                                                            D(2025, 2, 1)]
    assert k.maandreeks(D(2024, 2, 29), D(2024, 2, 1)) == [D(2024, 2, 1)]
    assert k.maandreeks(D(2024, 3, 1), D(2024, 2, 29)) == []


def test_begin_tijdvak():
    assert k.begin_tijdvak(D(2024, 3, 31), 3) == D(2024, 1, 1)
    assert k.begin_tijdvak(D(2024, 4, 1), 3) == D(2024, 4, 1)
    assert k.begin_tijdvak(D(2024, 12, 1), 3) == D(2024, 10, 1)
    assert k.begin_tijdvak(D(2024, 6, 30), 6) == D(2024, 1, 1)
    assert k.begin_tijdvak(D(2024, 7, 1), 6) == D(2024, 7, 1)
    assert k.begin_tijdvak(D(2024, 12, 31), 12) == D(2024, 1, 1)
    assert k.begin_tijdvak(D(2024, 5, 17), 1) == D(2024, 5, 1)


def test_een_jaar_eerder():
    assert k.een_jaar_eerder(D(2024, 2, 29)) == D(2023, 2, 28)  # leap day: the last day of February
    assert k.een_jaar_eerder(D(2025, 2, 28)) == D(2024, 2, 28)  # not the 29th: the same day
    assert k.een_jaar_eerder(D(2025, 1, 1)) == D(2024, 1, 1)
    assert k.een_jaar_eerder(D(2025, 6, 30)) == D(2024, 6, 30)
    assert k.een_jaar_eerder(D(2024, 12, 31)) == D(2023, 12, 31)
