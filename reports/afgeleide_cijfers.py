"""Figures derived from (possibly suppressed) counts: a difference, a rate per 1.000 or a share
is hidden ("x") as soon as a count it comes from is hidden (see reports/privacy.py)."""
from __future__ import annotations

from reports import privacy as pv
from reports.model import Tabel


def verschil(a, b):
    if pv.verborgen(a) or pv.verborgen(b):
        return pv.SECUNDAIR
    if a is None or b is None:
        return None
    return a - b


def verschil_pct(a, b):
    if pv.verborgen(a) or pv.verborgen(b):
        return pv.SECUNDAIR
    if a is None or b in (None, 0):
        return None
    return (a - b) / b


def per1000(waarde, inwoners):
    if pv.verborgen(waarde):
        return pv.SECUNDAIR
    if waarde is None or not inwoners:
        return None
    return waarde * 1000.0 / inwoners


def aandeel(deel, geheel):
    if pv.verborgen(deel) or pv.verborgen(geheel):
        return pv.SECUNDAIR
    return deel / geheel if geheel else None


def verborgen_in(tabel: Tabel, kolommen: list[str]) -> bool:
    return any(pv.verborgen(v) for k in kolommen for v in tabel.kolom(k))
