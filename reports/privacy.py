"""Small numbers in reports. Reports go to councils, so every report is suppressed as for a
`gemeente` user, whoever makes it (docs/security.md): a count of 1..threshold-1 becomes
"< 5". Euro amounts and population are not suppressed.

On top of that, within one table a breakdown whose total is shown must not let a reader
recover a hidden cell by subtraction: when exactly one cell of such a group is hidden, the
smallest other non-zero cell is hidden too, shown as "x" (secondary suppression, as statistical
offices do). A figure derived from a hidden count (a difference, a rate per 1.000, a share)
is hidden as well.
"""
from __future__ import annotations

import math

from dashboard.auth.privacy import is_small, label, threshold_from_env

SECUNDAIR = "x"


def drempel() -> int:
    return threshold_from_env()


def verborgen(waarde) -> bool:
    """True for a suppressed cell ("< 5" or "x")."""
    return isinstance(waarde, str) and (waarde == SECUNDAIR or waarde.startswith("< "))


def _leeg(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def scherm_af(matrix: list[list], aantal_kolommen: set[int], groepen: list[list[tuple[int, int]]],
              threshold: int, rijen: set[int] | None = None) -> list[list]:
    """A copy of `matrix` (rows of cells) in which the small counts in `aantal_kolommen` are
    replaced by "< threshold", and secondary cells (see module doc) by "x". `groepen` are lists
    of (row, column) cells whose sum the reader can see. `rijen`: only these rows hold counts
    (default all)."""
    uit = [list(r) for r in matrix]
    for i, r in enumerate(matrix):
        for j, v in enumerate(r):
            if j in aantal_kolommen and (rijen is None or i in rijen) and is_small(v, threshold):
                uit[i][j] = label(threshold)
    veranderd = True
    while veranderd:
        veranderd = False
        for groep in groepen:
            verstopt = [c for c in groep if verborgen(uit[c[0]][c[1]])]
            if len(verstopt) != 1:
                continue
            kandidaten = [c for c in groep if not verborgen(uit[c[0]][c[1]])
                          and not _leeg(matrix[c[0]][c[1]]) and matrix[c[0]][c[1]] != 0]
            if kandidaten:
                i, j = min(kandidaten, key=lambda c: matrix[c[0]][c[1]])
                uit[i][j] = SECUNDAIR
                veranderd = True
    return uit


def kolomgroepen(rijen: range | list[int], kolommen: list[int]) -> list[list[tuple[int, int]]]:
    """One group per column over `rijen` (the rows that add up to a total row)."""
    return [[(i, j) for i in rijen] for j in kolommen]


def rijgroepen(rijen: range | list[int], kolommen: list[int]) -> list[list[tuple[int, int]]]:
    """One group per row over `kolommen` (the columns that add up to a total column)."""
    return [[(i, j) for j in kolommen] for i in rijen]


def afgeleid(waarde, *bronnen):
    """`waarde`, or "x" when any of the counts it is derived from is hidden."""
    return SECUNDAIR if any(verborgen(b) for b in bronnen) else waarde
