"""Dutch number and date formats, without depending on the OS locale.

    eur(1234567)        -> '€ 1.234.567'
    eur(-1234.5, 2)     -> '€ -1.234,50'
    getal(12.5, 1)      -> '12,5'
    pct(0.125)          -> '12,5%'
    maand(date(2024,1,1)) -> 'jan 2024'
"""
from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from kern.afscherming import LEEG  # one sign for a missing or hidden value

MAANDEN_KORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MAANDEN_LANG = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december"]
_GEHEEL = (int, np.integer)


def ontbreekt(x) -> bool:
    if isinstance(x, float):  # the common cases first (tables format thousands of cells)
        return math.isnan(x)
    if isinstance(x, (int, str)):
        return False
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # list-likes: not a single missing value
        return False


def getal(x, decimalen: int = 0, teken: bool = False) -> str:
    """Format a number with '.' thousands and ',' decimals; rounding half away from zero."""
    if (isinstance(x, _GEHEEL) and not isinstance(x, bool)) or (
            isinstance(x, float) and x.is_integer() and abs(x) < 1e15):  # exact already: no Decimal needed
        x = int(x)
        s = f"{abs(x):,}".replace(",", ".") + ("," + "0" * decimalen if decimalen > 0 else "")
        if x < 0:
            return "-" + s
        return ("+" + s) if teken and x > 0 else s
    if ontbreekt(x):
        return LEEG
    q = Decimal(1).scaleb(-decimalen)
    d = Decimal(str(x)).quantize(q, rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # no '-0'
    negatief = d < 0
    geheel, _, frac = f"{abs(d):f}".partition(".")
    groepen = []
    while len(geheel) > 3:
        groepen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    groepen.insert(0, geheel)
    s = ".".join(groepen) + ("," + frac if decimalen > 0 else "")
    if negatief:
        return "-" + s
    return ("+" + s) if teken and d > 0 else s


def eur(x, decimalen: int = 0, teken: bool = False) -> str:
    if ontbreekt(x):
        return LEEG
    return "€ " + getal(x, decimalen, teken)


def pct(fractie, decimalen: int = 1, teken: bool = False) -> str:
    """A fraction (0..1) as a Dutch percentage: 0.125 -> '12,5%'."""
    if ontbreekt(fractie):
        return LEEG
    return getal(Decimal(str(fractie)) * 100, decimalen, teken) + "%"


def procentpunt(verschil, decimalen: int = 1) -> str:
    """A difference between two fractions in percentage points: 0.0625 -> '+6,3 %-punt'."""
    if ontbreekt(verschil):
        return LEEG
    return getal(Decimal(str(verschil)) * 100, decimalen, teken=True) + " %-punt"


def _as_date(d) -> dt.date:
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return d
    if hasattr(d, "to_pydatetime"):
        return d.to_pydatetime().date()
    return dt.date.fromisoformat(str(d)[:10])


def maand(d) -> str:
    """'jan 2024'."""
    if ontbreekt(d):
        return LEEG
    d = _as_date(d)
    return f"{MAANDEN_KORT[d.month - 1]} {d.year}"


def tijdvak(d, korrel: str = "maand") -> str:
    """The label of the period of grain `korrel` that starts in month `d`: 'jan 2024',
    'K1 2024', '1e helft 2024', '2024'."""
    if ontbreekt(d):
        return LEEG
    d = _as_date(d)
    if korrel == "kwartaal":
        return f"K{(d.month - 1) // 3 + 1} {d.year}"
    if korrel == "halfjaar":
        return f"{'1e' if d.month <= 6 else '2e'} helft {d.year}"
    if korrel == "jaar":
        return str(d.year)
    return maand(d)


def datum(d) -> str:
    """'30 juni 2024'."""
    if ontbreekt(d):
        return LEEG
    d = _as_date(d)
    return f"{d.day} {MAANDEN_LANG[d.month - 1]} {d.year}"


def datum_kort(d) -> str:
    """'30-06-2024'."""
    if ontbreekt(d):
        return LEEG
    d = _as_date(d)
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def datumtijd(t) -> str:
    """'2 juli 2024 08:15'."""
    if ontbreekt(t):
        return LEEG
    if hasattr(t, "to_pydatetime"):
        t = t.to_pydatetime()
    if not isinstance(t, dt.datetime):
        t = dt.datetime.fromisoformat(str(t))
    return f"{datum(t)} {t.hour:02d}:{t.minute:02d}"


def periode(van, tot) -> str:
    """'jan 2024 t/m jun 2024' (or just 'jun 2024' for one month)."""
    if _as_date(van) == _as_date(tot):
        return maand(van)
    return f"{maand(van)} t/m {maand(tot)}"


def verschil(x, soort: str = "getal") -> str:
    """A signed change: '+4', '-€ 7.000' style is avoided: '€ -7.000' / '+1,2%'."""
    if soort == "eur":
        return eur(x, teken=True)
    if soort == "pp":
        return procentpunt(x)
    return getal(x, teken=True)
