"""Month arithmetic, once for the dashboard and the reports (pure functions on `datetime.date`).

A month is written as its first day, as the marts key it (`maand` DATE). Every function takes
any day of a month and ignores the day unless it says otherwise. The SQL models do their own
month arithmetic in SQL (date_trunc, last_day, generate_series); the sample generator
(voorbeeld/) imports nothing of the project and keeps its own.
"""
from __future__ import annotations

import calendar
import datetime as dt


def eerste_van_maand(d: dt.date) -> dt.date:
    """The month of `d`: its first day."""
    return dt.date(d.year, d.month, 1)


def plus_maanden(d: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after `d`'s month (n may be negative)."""
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def maand_ervoor(d: dt.date) -> dt.date:
    """The first day of the month before `d`'s month."""
    return plus_maanden(d, -1)


def laatste_dag(d: dt.date) -> dt.date:
    """The last day of `d`'s month (the day a month's stand is taken)."""
    return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def aantal_maanden(van: dt.date, tot: dt.date) -> int:
    """How many months [van's month, tot's month] holds, both counted (0 or less when tot is earlier)."""
    return (tot.year - van.year) * 12 + tot.month - van.month + 1


def maandreeks(van: dt.date, tot: dt.date) -> list[dt.date]:
    """Every month from `van`'s to `tot`'s, both included, as first days; [] when tot is earlier."""
    return [plus_maanden(van, i) for i in range(max(aantal_maanden(van, tot), 0))]


def begin_tijdvak(d: dt.date, maanden: int) -> dt.date:
    """The first month of the calendar period of `maanden` months (1, 3, 6 or 12: month,
    quarter, half-year, year) that holds `d`."""
    return dt.date(d.year, (d.month - 1) // maanden * maanden + 1, 1)


def een_jaar_eerder(d: dt.date) -> dt.date:
    """The same day one year earlier; 29 February becomes 28 February."""
    return dt.date(d.year - 1, d.month, min(d.day, calendar.monthrange(d.year - 1, d.month)[1]))
