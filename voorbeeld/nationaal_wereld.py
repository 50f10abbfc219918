"""The national sample's simulated world: BW episodes drawn month by month as numpy arrays.

Part of the national sample (`voorbeeld.nationaal`): the stand at the start, the monthly inflow
(new clients and readmissions), the Wlz wave of 2021 and the end reasons, as parallel arrays
with one episode per row.
"""
from __future__ import annotations

import numpy as np

from .nationaal_kalender import Calendar
from .zorg import (
    END_REASONS,
    MEDIAN_DAYS,
    RETURNABLE,
    STOCK_MIX,
    Scenario,
    target_stand,
)

# Each BW region contracts its own six BW providers and two MO providers.
PROVIDERS_PER_REGION, MO_PROVIDERS_PER_REGION = 6, 2

# WMO588 codes used, as an index (the arrays hold indexes; '' = no reason).
CODES = ("", "19", "20", "21", "22", "23", "02", "31", "36", "37", "38", "39")
C = {c: i for i, c in enumerate(CODES)}
RETURN_MASK = np.array([c in RETURNABLE for c in CODES])
END_CODES = np.array([C[r[0]] for r in END_REASONS])
END_P = [np.array([r[col] for r in END_REASONS], float) / sum(r[col] for r in END_REASONS) for col in (1, 2)]
SHORT_CODES, SHORT_P = np.array([C["21"], C["22"], C["23"], C["19"]]), np.array((0.35, 0.3, 0.2, 0.15))


# --- weighted draws --------------------------------------------------------------------------
def pick(rng, p: np.ndarray, n: int) -> np.ndarray:
    """n indexes drawn with probabilities p."""
    cum = np.cumsum(p)
    return np.minimum(np.searchsorted(cum, rng.random(n) * cum[-1], side="right"), len(p) - 1)


def weighted_without_replacement(rng, w: np.ndarray, k: int) -> np.ndarray:
    """k distinct indexes, weighted (Efraimidis-Spirakis), in order of their key (best first)."""
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    keys = np.log(rng.random(len(w))) / w
    if k >= len(w):
        return np.argsort(-keys, kind="stable")
    top = np.argpartition(-keys, k - 1)[:k]
    return top[np.argsort(-keys[top], kind="stable")]


# --- the simulated world ---------------------------------------------------------------------
class _Arrays:
    """Growable parallel arrays (one episode per row)."""

    def __init__(self, fields: dict[str, type], capacity: int):
        self.n = 0
        self.a = {k: np.zeros(capacity, dtype=t) for k, t in fields.items()}

    def add(self, **cols) -> np.ndarray:
        k = len(next(iter(cols.values())))
        if self.n + k > len(next(iter(self.a.values()))):
            new = max(2 * (self.n + k), 1024)
            for name, arr in self.a.items():
                grown = np.zeros(new, dtype=arr.dtype)
                grown[:self.n] = arr[:self.n]
                self.a[name] = grown
        for name, arr in self.a.items():
            arr[self.n:self.n + k] = cols[name]
        idx = np.arange(self.n, self.n + k)
        self.n += k
        return idx

    def __getitem__(self, name):
        return self.a[name][:self.n]


class World:
    def __init__(self, sc: Scenario, cal: Calendar, gem_region: np.ndarray, rng):
        self.sc, self.cal, self.rng = sc, cal, rng
        w = np.array([g[1] for g in sc.gemeenten], float)
        self.gem_p = w / w.sum()
        self.gem_region = gem_region
        self.ep = _Arrays({"client": np.int64, "start": np.int64, "end": np.int64, "vorm": np.int8,
                           "pgb": np.bool_, "gem": np.int32, "aanb": np.int32, "reden": np.int8,
                           "gj": np.int32, "man": np.bool_}, 4 * sc.stand_voor + 1024)
        self.last_ep = np.full(8 * sc.stand_voor + 1024, -1, dtype=np.int64)
        self.n_clients = 0

    def duration(self, vorm: np.ndarray) -> np.ndarray:
        n, rng = len(vorm), self.rng
        early = rng.random(n) < 0.08
        short = rng.integers(20, 120, n)
        normal = np.maximum(30, (np.array(MEDIAN_DAYS)[vorm] * rng.lognormal(0.0, 0.8, n)).astype(np.int64))
        return np.where(early, short, normal)

    def reden(self, end: np.ndarray, length: np.ndarray) -> np.ndarray:
        n, rng = len(end), self.rng
        short = SHORT_CODES[pick(rng, SHORT_P, n)]
        before, after = END_CODES[pick(rng, END_P[0], n)], END_CODES[pick(rng, END_P[1], n)]
        return np.where(length < 120, short, np.where(end >= self.sc.wlz_open, after, before))

    def _add(self, client, start, vorm, end, gem, gj, man):
        rng, n = self.rng, len(client)
        length = self.duration(vorm)
        end = np.where(end < 0, start + length, end)
        aanb = self.gem_region[gem] * PROVIDERS_PER_REGION + rng.integers(0, PROVIDERS_PER_REGION, n)
        idx = self.ep.add(client=client, start=start, end=end, vorm=vorm, pgb=rng.random(n) < 0.10, gem=gem,
                          aanb=aanb, reden=self.reden(end, end - start), gj=gj, man=man)
        if client.max(initial=0) >= len(self.last_ep):
            grown = np.full(2 * int(client.max()) + 1024, -1, dtype=np.int64)
            grown[:len(self.last_ep)] = self.last_ep
            self.last_ep = grown
        self.last_ep[client] = idx

    def new_clients(self, day, vorm, end=None):
        rng, n = self.rng, len(day)
        age = np.clip(rng.normal(42, 14, n), 18, 85).astype(np.int64)
        client = self.n_clients + 1 + np.arange(n)
        self.n_clients += n
        gem = pick(rng, self.gem_p, n)
        self._add(client, day, vorm, np.full(n, -1) if end is None else end, gem,
                  self.cal.year_of(day) - age, rng.random(n) < 0.58)

    def readmit(self, day: np.ndarray, vorm: np.ndarray, d0: int, mid: int) -> int:
        """Readmit former clients for these entries; the number readmitted (from the front)."""
        rng, ep = self.rng, self.ep
        n = ep.n
        end, client = ep["end"], ep["client"]
        pool = np.flatnonzero(RETURN_MASK[ep["reden"]] & (end <= d0 - 7) & (self.last_ep[client] == np.arange(n)))
        chosen = pool[weighted_without_replacement(rng, 1.0 / (1.0 + (mid - end[pool]) / 365.0), len(day))]
        k = len(chosen)
        if k == 0:
            return 0
        gem = ep["gem"][chosen].astype(np.int64)
        move = rng.random(k) >= 0.9
        gem[move] = pick(rng, self.gem_p, int(move.sum()))
        self._add(client[chosen].copy(), day[:k], vorm[:k], np.full(k, -1), gem, ep["gj"][chosen].copy(),
                  ep["man"][chosen].copy())
        return k

    def entry_vorm(self, year: int, n: int) -> np.ndarray:
        t = year - 2019
        w = np.array((max(0.15, 0.45 - 0.035 * t), 0.20, 0.22 + 0.02 * t, 0.13 + 0.015 * t))
        return pick(self.rng, w / w.sum(), n).astype(np.int8)

    def wlz_wave(self):
        sc, rng, ep = self.sc, self.rng, self.ep
        day0 = sc.wlz_open
        start, end = ep["start"], ep["end"]
        stand = int(np.count_nonzero((start <= day0 - 1) & (end >= day0 - 1)))
        eligible = np.flatnonzero((start <= day0 - 1) & (end >= day0 + 45))
        w = (np.array((3.0, 1.5, 0.6, 0.2))[ep["vorm"][eligible]]
             * np.maximum(0.3, (self.cal.year_of(day0) - ep["gj"][eligible] - 20) / 25))
        n = min(len(eligible), round(sc.golf_fractie * stand))
        chosen = np.sort(eligible[weighted_without_replacement(rng, w, n)])
        d = np.minimum(end[chosen], day0 + 14 + (rng.beta(2.0, 3.2, n) * 348).astype(np.int64))
        ep.a["end"][chosen] = d
        ep.a["reden"][chosen] = C["39"]
        return stand, np.sort(d)

    def target(self, day: int, wave) -> float:
        return target_stand(self.sc, day, wave)

    def run(self):
        sc, rng, cal = self.sc, self.rng, self.cal
        n0 = sc.stand_voor                                    # the stand on the first day
        vorm = pick(rng, np.array(STOCK_MIX), n0).astype(np.int8)
        lengths = self.duration(np.repeat(vorm, 8)).reshape(n0, 8)  # length-biased: pick by length
        cum = lengths.cumsum(axis=1)
        which = (rng.random(n0)[:, None] * cum[:, -1:] < cum).argmax(axis=1)
        length = lengths[np.arange(n0), which]
        start = sc.start - 1 - (rng.random(n0) * length).astype(np.int64)
        end = start + length
        early = start < sc.start - 3 * 365                    # earlier toewijzingen lie outside the export
        start[early] = sc.start - 1 - rng.integers(0, 3 * 365, int(early.sum()))
        self.new_clients(start, vorm, end)
        wave = None
        m_first, m_last = int(cal.month_of(sc.start)), int(cal.month_of(sc.horizon))
        for m in range(m_first, m_last + 1):
            d0, d1 = int(cal.month_start(m)), int(cal.month_end(m))
            if d0 == sc.wlz_open:
                wave = self.wlz_wave()
            projected = int(np.count_nonzero(self.ep["end"] >= d1))   # every episode so far starts <= d1
            k = int(rng.poisson(max(0.0, self.target(d1, wave) - projected)))
            if k == 0:
                continue
            day = d0 + rng.integers(0, d1 - d0 + 1, k)
            vorm = self.entry_vorm(int(cal.year_of(d0)), k)
            again = rng.random(k) < 0.18
            order = np.argsort(~again, kind="stable")             # readmission attempts first
            day, vorm, n_try = day[order], vorm[order], int(again.sum())
            done = self.readmit(day[:n_try], vorm[:n_try], d0, (d0 + d1) // 2) if n_try else 0
            if done < k:
                self.new_clients(day[done:], vorm[done:])
        return {name: self.ep[name].copy() for name in self.ep.a}
