"""An attacker on published figures: what can be recovered exactly from everything one viewer sees?

Every published cell is read as an interval for the exact value it stands for, by the published
method (Kerckhoffs: the attacker knows the method, not the data): 0 is 0, '< 5' is 1..4, a count
rounded to base b is the integers that round to it. A cell stands for a linear expression over
unknown exact counts ("atoms", e.g. instroom in one month). The attacker then adds every identity
that holds between those counts (a total is the sum of its parts, this stand is last month's plus
instroom minus uitstroom, a year is its two halves, a cumulative is the sum of its months), and
narrows all intervals by bound propagation until nothing changes. A protected cell whose interval
shrinks to one value is recovered.

Pure Python, no solver library: interval propagation over equalities is what a person with a
spreadsheet does, and it is exact for the relations the issue lists (totals and parts, stand and
flows, consecutive cumulatives, overlapping periods, rate x population, JAAR - H1)."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Aanvaller:
    drempel: int
    basis: int
    willekeurig: bool = True                         # random rounding (else: to the nearest multiple)
    nul_verborgen: bool = True                       # '< 5' covers 0 too (else 0 is shown as 0)
    onder: dict = field(default_factory=dict)       # variable -> lower bound
    boven: dict = field(default_factory=dict)       # variable -> upper bound
    vergelijkingen: list = field(default_factory=list)  # [(coefficient, variable), ...] summing to 0
    beschermd: dict = field(default_factory=dict)    # observed cell -> its published value
    _teller: int = 0
    _sommen: list = field(default_factory=list)      # (cell, atoms) of cells that are plain sums

    # --- what the attacker reads -------------------------------------------------------------

    def interval(self, gepubliceerd) -> tuple[float, float] | None:
        """The exact values a published count can stand for; None when it says nothing ('–')."""
        if gepubliceerd is None or (isinstance(gepubliceerd, float) and math.isnan(gepubliceerd)):
            return None
        if isinstance(gepubliceerd, str):
            if gepubliceerd.startswith("<"):
                return (0 if self.nul_verborgen else 1, self.drempel - 1)
            return None
        r = float(gepubliceerd)
        if r == 0:
            return (0, 0)
        if self.basis == 1:
            return (r, r)
        if self.willekeurig:  # rounded up or down: anything less than one base away
            return (max(r - self.basis + 1, self.drempel), r + self.basis - 1)
        return (max(math.ceil(r - self.basis / 2), self.drempel), math.ceil(r + self.basis / 2) - 1)

    def atoom(self, naam) -> str:
        """An unknown exact count (>= 0)."""
        self.onder.setdefault(naam, 0)
        self.boven.setdefault(naam, math.inf)
        return naam

    def zie(self, sleutel, termen: dict, gepubliceerd) -> None:
        """A published cell: the sum of `termen` ({atom: coefficient}) was shown as `gepubliceerd`."""
        iv = self.interval(gepubliceerd)
        if iv is None or not termen:
            return
        cel = ("cel", sleutel, self._volgend())
        self.onder[cel], self.boven[cel] = iv
        self.vergelijkingen.append([(-1, cel)] + [(c, self.atoom(a)) for a, c in termen.items()])
        if len(termen) > 1 and all(c == 1 for c in termen.values()):
            self._sommen.append((cel, frozenset(termen)))
        if iv != (0, 0) and (self.basis > 1 or isinstance(gepubliceerd, str)):
            self.beschermd[cel] = gepubliceerd

    def identiteit(self, termen: dict) -> None:
        """Σ coefficient × atom = 0 holds in the data (the attacker knows the definitions)."""
        self.vergelijkingen.append([(c, self.atoom(a)) for a, c in termen.items()])

    def _volgend(self) -> int:
        self._teller += 1
        return self._teller

    # --- narrowing -----------------------------------------------------------------------------

    def los_op(self, max_rondes: int = 200) -> None:
        per_var = defaultdict(list)
        for i, v in enumerate(self.vergelijkingen):
            for _, x in v:
                per_var[x].append(i)
        wachtrij, in_rij = list(range(len(self.vergelijkingen))), set(range(len(self.vergelijkingen)))
        stappen = 0
        while wachtrij and stappen < max_rondes * max(1, len(self.vergelijkingen)):
            stappen += 1
            i = wachtrij.pop()
            in_rij.discard(i)
            for x in self._versmal(self.vergelijkingen[i]):
                for j in per_var[x]:
                    if j not in in_rij:
                        in_rij.add(j)
                        wachtrij.append(j)

    def _versmal(self, vergelijking) -> list:
        """Bounds of each variable from the others in Σ c·x = 0; returns the variables that changed.
        Sums of the others' bounds are kept as (finite part, number of infinite terms)."""
        def bijdragen(c, x):
            return (c * self.onder[x], c * self.boven[x]) if c > 0 else (c * self.boven[x], c * self.onder[x])

        delen = [bijdragen(c, x) for c, x in vergelijking]
        lo_fin = sum(lo for lo, _ in delen if not math.isinf(lo))
        hi_fin = sum(hi for _, hi in delen if not math.isinf(hi))
        lo_inf = sum(1 for lo, _ in delen if math.isinf(lo))
        hi_inf = sum(1 for _, hi in delen if math.isinf(hi))
        veranderd = []
        for (c, x), (eigen_lo, eigen_hi) in zip(vergelijking, delen):
            rest_lo = -math.inf if lo_inf - math.isinf(eigen_lo) > 0 else lo_fin - (0 if math.isinf(eigen_lo) else eigen_lo)
            rest_hi = math.inf if hi_inf - math.isinf(eigen_hi) > 0 else hi_fin - (0 if math.isinf(eigen_hi) else eigen_hi)
            # c·x = -rest, so c·x lies in [-rest_hi, -rest_lo]
            grenzen = sorted([-rest_hi / c, -rest_lo / c])
            nieuw_lo = -math.inf if math.isinf(grenzen[0]) else math.ceil(grenzen[0] - 1e-9)
            nieuw_hi = math.inf if math.isinf(grenzen[1]) else math.floor(grenzen[1] + 1e-9)
            if nieuw_lo > self.onder[x]:
                self.onder[x] = nieuw_lo
                veranderd.append(x)
            if nieuw_hi < self.boven[x]:
                self.boven[x] = nieuw_hi
                veranderd.append(x)
        return veranderd

    def verschillen(self) -> None:
        """Overlapping periods: for two published sums whose atoms nest, the larger minus the
        smaller is the sum of the atoms between them (an equation that propagation over each sum
        alone cannot find)."""
        gezien = set()
        for groot, a in self._sommen:
            for klein, b in self._sommen:
                if b < a and (a, b) not in gezien:
                    gezien.add((a, b))
                    self.vergelijkingen.append([(1, groot), (-1, klein)] + [(-1, x) for x in a - b])

    def herleid(self) -> dict:
        """Protected cells whose exact value is now known: {cell key: value}."""
        self.verschillen()
        self.los_op()
        return {cel[1]: self.onder[cel] for cel in self.beschermd if self.onder[cel] == self.boven[cel]}
