"""The report's periods: the first half-year ('H1') or the whole year ('JAAR'), cut off at the
peildatum, and the same days one year earlier. Month arithmetic is kern/kalender.py."""
from __future__ import annotations

import datetime as dt

from kern import formats
from kern.kalender import een_jaar_eerder
from reports.fouten import RapportFout

PERIODES = ("H1", "JAAR")


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
    return van, tot, dt.date(jaar - 1, 1, 1), een_jaar_eerder(tot), tot == eind


def periode_label(periode: str, jaar: int, tot: dt.date, compleet: bool) -> str:
    basis = f"eerste halfjaar {jaar}" if periode == "H1" else str(jaar)
    return basis if compleet else f"{basis} (t/m {formats.datum(tot)})"
