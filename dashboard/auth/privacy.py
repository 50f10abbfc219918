"""Small numbers. A count from 1 up to, but not including, the threshold is shown as
"< threshold" (threshold 5: 1, 2, 3 and 4 become "< 5"; 5 itself is shown). 0 stays 0: an
empty cell identifies no one, and hiding it would make the table unreadable. This is the
CBS convention for its Wmo tables (values 1-4 hidden with threshold 5).

Pure functions; the caller decides who gets suppressed figures (see `suppress_for`).
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import Any

DEFAULT_THRESHOLD = 5


def threshold_from_env() -> int:
    """BWMO_KLEINE_AANTALLEN, default 5. 1 switches suppression off (nothing lies in 1..0)."""
    raw = os.environ.get("BWMO_KLEINE_AANTALLEN", "").strip()
    if not raw:
        return DEFAULT_THRESHOLD
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"BWMO_KLEINE_AANTALLEN moet een geheel getal zijn, niet '{raw}'.") from None
    if value < 1:
        raise ValueError(f"BWMO_KLEINE_AANTALLEN moet minstens 1 zijn, niet {value}.")
    return value


def label(threshold: int) -> str:
    return f"< {threshold}"


def is_small(value: Any, threshold: int) -> bool:
    """True for a count in 1..threshold-1. Missing values (None, NaN) are not small counts."""
    if value is None or isinstance(value, (bool, str)):
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    if math.isnan(number):
        return False
    return 0 < number < threshold


def suppress(value: Any, threshold: int | None = None) -> Any:
    """`value`, or the label "< threshold" when it is a small count."""
    threshold = threshold_from_env() if threshold is None else threshold
    return label(threshold) if is_small(value, threshold) else value


def suppress_counts(df, columns: Iterable[str], threshold: int | None = None):
    """A copy of `df` in which the small counts of `columns` are replaced by the label.
    Those columns become object dtype (numbers and labels mixed), so format them for display
    after this step, not before; never sum a suppressed column."""
    threshold = threshold_from_env() if threshold is None else threshold
    out = df.copy()
    for column in columns:
        if column not in out.columns:
            raise KeyError(f"Kolom '{column}' bestaat niet; kan kleine aantallen niet afschermen.")
        values = out[column].astype(object)
        out[column] = values.map(lambda v: label(threshold) if is_small(v, threshold) else v)
    return out


def suppress_for(user, df, columns: Iterable[str], threshold: int | None = None):
    """`df` unchanged for a user who sees exact counts (the region role), suppressed for
    everyone else, including no user at all: deny by default."""
    from .roles import sees_exact_counts

    if sees_exact_counts(user):
        return df
    return suppress_counts(df, columns, threshold)
