"""The national sample's calendar: day ordinals to year, month index and dd-mm-jjjj, as arrays.

Part of the national sample (`voorbeeld.nationaal`): the simulation and the file writers look
dates up here column-wise instead of formatting them one by one.
"""
from __future__ import annotations

from datetime import date

import numpy as np


class Calendar:
    """Lookup tables over day ordinals lo..hi: year, month index (year*12+month-1), dd-mm-jjjj."""

    def __init__(self, lo: int, hi: int):
        self.lo, self.hi = lo, hi
        days = [date.fromordinal(d) for d in range(lo, hi + 1)]
        self.year = np.array([d.year for d in days], dtype=np.int32)
        self.mindex = np.array([d.year * 12 + d.month - 1 for d in days], dtype=np.int32)
        self.text = np.array([d.strftime("%d-%m-%Y") for d in days], dtype=object)
        m0, m1 = int(self.mindex[0]), int(self.mindex[-1])
        self.m0 = m0
        self.mstart = np.array([date(m // 12, m % 12 + 1, 1).toordinal() for m in range(m0, m1 + 2)], dtype=np.int64)
        self.mend = self.mstart[1:] - 1

    def year_of(self, d):
        return self.year[np.asarray(d) - self.lo]

    def month_of(self, d):
        return self.mindex[np.asarray(d) - self.lo]

    def month_start(self, m):
        return self.mstart[np.asarray(m) - self.m0]

    def month_end(self, m):
        return self.mend[np.asarray(m) - self.m0]

    def fmt(self, d, present=None) -> np.ndarray:
        """dd-mm-jjjj per ordinal; '' where present is False. Dates beyond the table are formatted one by one."""
        d = np.asarray(d, dtype=np.int64)
        out = np.empty(len(d), dtype=object)
        inside = (d >= self.lo) & (d <= self.hi)
        out[inside] = self.text[d[inside] - self.lo]
        for i in np.flatnonzero(~inside):
            out[i] = date.fromordinal(int(d[i])).strftime("%d-%m-%Y")
        if present is not None:
            out[~present] = ""
        return out
