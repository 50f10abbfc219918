"""Published figures of a report. Every client count goes through `kern.afscherming`
(`a.aantal`: "< 5" or rounded to a multiple of 5, each count on its own, totals too); every figure derived
from counts (a difference, a change in %, a share, a rate per 1.000) is computed by the same
module from the *published* values of its counts. Where a count it needs is "< 5" the cell is
LEEG ("–"); where it cannot be computed otherwise (a share of 0) the cell is empty (None).
Euro amounts and population are not counts: the tables show them as they are."""
from __future__ import annotations

from kern.afscherming import LEEG, Afscherming

__all__ = ["LEEG", "aandeel", "getoond", "per1000", "verborgen", "verschil", "verschil_pct"]


def verborgen(a: Afscherming, waarde) -> bool:
    """True for a published cell that hides its count ("< 5") or the figure derived from it ("–")."""
    return waarde == LEEG or waarde == a.label


def getoond(a: Afscherming, waarden) -> list:
    """The published values of a list of exact counts."""
    return [a.aantal(x) for x in waarden]


def _geheel(w):
    return int(w) if isinstance(w, float) and w.is_integer() else w


def _of_leeg(a: Afscherming, waarde, *bronnen):
    if waarde is not None:
        return waarde
    return LEEG if any(a.klein(b) for b in bronnen) else None


def verschil(a: Afscherming, x, y):
    """Published x minus published y (exact counts in, as the reader could compute it)."""
    return _of_leeg(a, _geheel(a.verschil(x, y)), x, y)


def verschil_pct(a: Afscherming, x, y):
    """(x - y) / y as a fraction, from the published values of the counts x and y."""
    d, noemer = a.verschil(x, y), a.aantal(y)
    return _of_leeg(a, d / noemer if d is not None and noemer else None, x, y)


def per1000(a: Afscherming, aantal, inwoners):
    """The published count per 1.000 inwoners (population is public)."""
    return _of_leeg(a, a.per_1000(aantal, inwoners), aantal)


def aandeel(a: Afscherming, deel, geheel):
    """Published deel / published geheel as a fraction."""
    return _of_leeg(a, a.aandeel(deel, geheel), deel, geheel)
