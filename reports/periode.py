"""The report's periods: the first half-year ('H1') or the whole year ('JAAR'), cut off at the
peildatum, and the same days one year earlier; plus the month arithmetic the marts need."""
from __future__ import annotations

import calendar
import datetime as dt

from kern import formats
from reports.fouten import RapportFout

PERIODES = ("H1", "JAAR")


def maand(d: dt.date) -> dt.date:
    return d.replace(day=1)


def maand_ervoor(d: dt.date) -> dt.date:
    return (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    uit, m = [], maand(van)
    while m <= maand(tot):
        uit.append(m)
        m = (m + dt.timedelta(days=32)).replace(day=1)
    return uit


def einde_stand(d: dt.date) -> dt.date:
    """The day the mart's stand of d's month is taken (the month's last day)."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def perioden(periode: str, jaar: int, peildatum: dt.date):
    """(van, tot, vorige_van, vorige_tot, compleet). The period is cut off at the peildatum;
    the previous period covers the same days one year earlier."""
    if periode not in PERIODES:
        raise RapportFout(f"Onbekende periode '{periode}': kies H1 (eerste halfjaar) of JAAR.")
    van = dt.date(jaar, 1, 1)
    eind = dt.date(jaar, 6, 30) if periode == "H1" else dt.date(jaar, 12, 31)
    if van > peildatum:
        raise RapportFout(f"Er zijn nog geen gegevens over {jaar}: de gegevens lopen tot en met "
                          f"{formats.datum(peildatum)}.")
    tot = min(eind, peildatum)
    vtot = dt.date(jaar - 1, tot.month, min(tot.day, calendar.monthrange(jaar - 1, tot.month)[1]))
    return van, tot, dt.date(jaar - 1, 1, 1), vtot, tot == eind


def periode_label(periode: str, jaar: int, tot: dt.date, compleet: bool) -> str:
    basis = f"eerste halfjaar {jaar}" if periode == "H1" else str(jaar)
    return basis if compleet else f"{basis} (t/m {formats.datum(tot)})"
