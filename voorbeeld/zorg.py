"""Synthetic care histories for the sample delivery: BW episodes, their toewijzingen, MO stays.

Everything is driven by one `numpy.random.Generator` and iterates lists in a fixed order, so the
same seed gives the same histories. Dates are day ordinals (`date.toordinal()`) internally;
`voorbeeld.regio` formats them. The scenario (region, dates, target stand) comes from `voorbeeld.regio`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

BW_VORMEN = ("Beschermd wonen intramuraal", "Beschermd wonen nabij", "Begeleid wonen", "Thuis Plus")
STOCK_MIX = (0.55, 0.20, 0.17, 0.08)          # tussenvorm mix of the stand at the start
MEDIAN_DAYS = (900, 700, 520, 360)             # median episode length per starting tussenvorm
# WMO588 reasons for a natural end: (code, weight before the Wlz opened, weight after)
END_REASONS = (("19", 30, 30), ("21", 12, 12), ("22", 8, 8), ("23", 12, 12), ("02", 5, 5),
               ("31", 8, 7), ("38", 3, 3), ("36", 4, 4), ("20", 3, 3), ("39", 1, 8))
RETURNABLE = {"19", "20", "21", "22", "23", "36"}
AANBIEDERS = ("Stichting Esdoorn Wonen", "Hunzeborg Zorg", "Zorgcoöperatie De Vaart",
              "De Brink Begeleiding", "Woonzorg Tussenstap", "Veenhof Beschermd Wonen")
MO_AANBIEDERS = ("Stichting Kompas Opvang", "Herberg De Overloop")


@dataclass
class Scenario:
    start: int                 # first day of the delivery's window (2019-01-01)
    peildatum: int             # the export's peildatum
    horizon: int               # the simulated world runs to here (31 Dec of the peildatum year)
    wlz_open: int              # the day the Wlz opened for ggz clients (2021-01-01)
    gemeenten: list            # [(code, weight)], in config order
    stand_voor: int            # target stand before the Wlz opened
    stand_na: int              # target stand from a year after the Wlz opened
    golf_fractie: float        # share of the stand on wlz_open - 1 that moves to the Wlz in that year
    catalogus: list            # rows of gegevens/producten.csv (dicts)
    mo_per_maand: float = 1.2  # new Opvang stays per month (Spoedopvang: 40% of that)
    tussen_peildatum: int = 0  # peildatum of the earlier increment (declaraties, pgb)
    historie: int = 0          # GWS holds indications from here (1-1-2015, the Wmo 2015); 0 = start


@dataclass
class Episode:
    client: int
    start: int
    end: int                   # last day of care, may lie after the peildatum
    vorm: int                  # index into BW_VORMEN at the start
    pgb: bool
    gemeente: str
    aanbieder: str
    reden: str
    geboortejaar: int
    geslacht: str


@dataclass
class Toewijzing:
    client: int
    gemeente: str
    product: dict
    pgb: bool
    start: int
    end: int                   # last day of care under this toewijzing (true, may be future)
    einddatum: int | None      # as exported (None = open)
    reden: str
    aanbieder: str
    tarief: float | None
    uren_per_week: float
    geboortejaar: int
    geslacht: str
    nummer: str = ""
    exported: bool = True


def year_of(day: int) -> int:
    return date.fromordinal(day).year


def months(first: int, last: int):
    """(first_day, last_day) of every calendar month overlapping [first, last], clipped to it."""
    d = date.fromordinal(first).replace(day=1)
    while d.toordinal() <= last:
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        yield max(first, d.toordinal()), min(last, nxt.toordinal() - 1)
        d = nxt


class _Sim:
    def __init__(self, sc: Scenario, rng):
        self.sc, self.rng = sc, rng
        self.episodes: list[Episode] = []
        self.last_end: dict[int, int] = {}
        self.n_clients = 0
        w = [g[1] for g in sc.gemeenten]
        self.gem_p = [x / sum(w) for x in w]

    def _pick(self, items, p=None):
        return items[int(self.rng.choice(len(items), p=p))]

    def duration(self, vorm: int) -> int:
        if self.rng.random() < 0.08:                       # early drop-out
            return int(self.rng.integers(20, 120))
        return max(30, int(MEDIAN_DAYS[vorm] * self.rng.lognormal(0.0, 0.8)))

    def reden(self, end: int, length: int) -> str:
        if length < 120:
            return self._pick(("21", "22", "23", "19"), (0.35, 0.3, 0.2, 0.15))
        col = 2 if end >= self.sc.wlz_open else 1
        w = [r[col] for r in END_REASONS]
        return END_REASONS[int(self.rng.choice(len(w), p=[x / sum(w) for x in w]))][0]

    def new_client(self, day: int, vorm: int, start: int | None = None, end: int | None = None):
        rng = self.rng
        self.n_clients += 1
        age = int(min(85, max(18, rng.normal(42, 14))))
        self._add(self.n_clients, start if start is not None else day, vorm, end,
                  self._pick(self.sc.gemeenten, self.gem_p)[0], year_of(day) - age,
                  "M" if rng.random() < 0.58 else "V")

    def _add(self, client, start, vorm, end, gemeente, geboortejaar, geslacht):
        rng = self.rng
        length = self.duration(vorm)
        if end is None:
            end = start + length
        ep = Episode(client, start, end, vorm, bool(rng.random() < 0.10), gemeente,
                     self._pick(AANBIEDERS), self.reden(end, end - start), geboortejaar, geslacht)
        self.episodes.append(ep)
        self.last_end[client] = max(self.last_end.get(client, end), end)

    def readmit(self, day: int, vorm: int) -> bool:
        pool = [e for e in self.episodes if e.reden in RETURNABLE and e.end <= day - 7
                and self.last_end[e.client] == e.end]
        if not pool:
            return False
        w = [1.0 / (1.0 + (day - e.end) / 365.0) for e in pool]
        prev = pool[int(self.rng.choice(len(pool), p=[x / sum(w) for x in w]))]
        gemeente = prev.gemeente if self.rng.random() < 0.9 else self._pick(self.sc.gemeenten, self.gem_p)[0]
        self._add(prev.client, day, vorm, None, gemeente, prev.geboortejaar, prev.geslacht)
        return True

    def entry_vorm(self, day: int) -> int:
        t = year_of(day) - 2019
        w = (max(0.15, 0.45 - 0.035 * t), 0.20, 0.22 + 0.02 * t, 0.13 + 0.015 * t)
        return int(self.rng.choice(4, p=[x / sum(w) for x in w]))

    def wlz_wave(self) -> tuple[int, list[int]]:
        """Move golf_fractie of the stand to the Wlz during the year the Wlz opened."""
        sc, rng = self.sc, self.rng
        day0 = sc.wlz_open
        stand = sum(1 for e in self.episodes if e.start <= day0 - 1 <= e.end)
        eligible = [e for e in self.episodes if e.start <= day0 - 1 and e.end >= day0 + 45]
        w = [(3.0, 1.5, 0.6, 0.2)[e.vorm] * max(0.3, (year_of(day0) - e.geboortejaar - 20) / 25)
             for e in eligible]
        n = min(len(eligible), round(sc.golf_fractie * stand))
        chosen = rng.choice(len(eligible), size=n, replace=False, p=[x / sum(w) for x in w])
        dates = []
        for i in sorted(int(c) for c in chosen):
            d = min(eligible[i].end, day0 + 14 + int(rng.beta(2.0, 3.2) * 348))
            eligible[i].end, eligible[i].reden = d, "39"
            self.last_end[eligible[i].client] = d
            dates.append(d)
        return stand, dates

    def target(self, day: int, wave) -> float:
        return target_stand(self.sc, day, wave)


def target_stand(sc: Scenario, day: int, wave) -> float:
    """The stand the inflow aims for: steady, then the Wlz wave leaving during 2021 (`wave` =
    the stand when the Wlz opened and the days its clients left), then slow growth."""
    if day < sc.wlz_open:
        return sc.stand_voor
    if day < sc.wlz_open + 365 and wave:
        stand, dates = wave
        rest = stand - len(dates) - sc.stand_na
        gone = int(np.count_nonzero(np.asarray(dates) <= day))
        return stand - gone - rest * (day - sc.wlz_open + 1) / 365
    return sc.stand_na * (1 + 0.006 * (day - sc.wlz_open - 365) / 365)


def simulate_bw(sc: Scenario, rng) -> list[Episode]:
    """BW episodes from a steady stand at the start of the history to sc.horizon; inflow tracks
    the target stand, so the months before the delivery's window show a steady stand too."""
    sim = _Sim(sc, rng)
    begin = sc.historie or sc.start
    for _ in range(sc.stand_voor):                         # the stand on the first day
        vorm = int(rng.choice(4, p=STOCK_MIX))
        lengths = [sim.duration(vorm) for _ in range(8)]   # a stand is length-biased: pick by length
        length = lengths[int(rng.choice(8, p=[x / sum(lengths) for x in lengths]))]
        start = begin - 1 - int(rng.random() * length)
        end = start + length
        # clients already in care when the Wmo took over got a toewijzing on its first day
        sim.new_client(max(start, begin), vorm, max(start, begin), end)
    wave = None
    for d0, d1 in months(begin, sc.horizon):
        if d0 == sc.wlz_open:
            wave = sim.wlz_wave()
        projected = sum(1 for e in sim.episodes if e.start <= d1 <= e.end)
        for _ in range(int(rng.poisson(max(0.0, sim.target(d1, wave) - projected)))):
            day = d0 + int(rng.integers(0, d1 - d0 + 1))
            vorm = sim.entry_vorm(day)
            if not (rng.random() < 0.18 and sim.readmit(day, vorm)):
                sim.new_client(day, vorm)
    return sim.episodes


class Catalogus:
    def __init__(self, rows: list[dict], rng):
        self.rows, self.rng = rows, rng
        names = AANBIEDERS + MO_AANBIEDERS
        self.base = {(r["productcode"], a): float(rng.uniform(float(r["tarief_min"]), float(r["tarief_max"])))
                     for r in rows for a in names}

    def choose(self, tussenvorm: str, year: int, local_ok: bool) -> dict:
        rows = [r for r in self.rows if r["tussenvorm"] == tussenvorm]
        local = [r for r in rows if r["in_catalogus"] == "nee"]
        if local_ok and local and self.rng.random() < 0.03:
            return local[int(self.rng.integers(0, len(local)))]
        rows = [r for r in rows if r["in_catalogus"] == "ja" and float(r["aandeel"]) > 0
                and (not r["tot_jaar"] or year <= int(r["tot_jaar"]))]
        w = [float(r["aandeel"]) for r in rows]
        return rows[int(self.rng.choice(len(rows), p=[x / sum(w) for x in w]))]

    def tarief(self, product: dict, aanbieder: str, day: int) -> float:
        return round(self.base[(product["productcode"], aanbieder)] * 1.03 ** (year_of(day) - 2019), 2)


def toewijzingen(episodes: list[Episode], sc: Scenario, cat: Catalogus, rng) -> list[Toewijzing]:
    """Split each episode into toewijzingen: step-downs (37), provider changes (38), renewals (19)."""
    out: list[Toewijzing] = []
    for ep in episodes:
        year = year_of(ep.start)
        segs = [[ep.start, ep.end, ep.vorm, ep.aanbieder, ""]]
        length = ep.end - ep.start
        c = ep.start + int((0.3 + 0.4 * rng.random()) * min(length, 1500))
        u, p_stap = rng.random(), min(0.35, 0.12 + 0.03 * max(0, year - 2019))
        if length > 240 and c <= min(sc.peildatum - 30, ep.end - 60):
            if ep.vorm < 3 and u < p_stap:
                vorm = min(3, ep.vorm + (1 if rng.random() < 0.7 else 2))
                aanb = ep.aanbieder if rng.random() < 0.7 else AANBIEDERS[int(rng.integers(0, len(AANBIEDERS)))]
                segs = [[ep.start, c - 1, ep.vorm, ep.aanbieder, "37"], [c, ep.end, vorm, aanb, ""]]
            elif u < p_stap + 0.05 and not ep.pgb:
                other = [a for a in AANBIEDERS if a != ep.aanbieder]
                overlap = int(rng.integers(0, 15))
                segs = [[ep.start, c - 1 + overlap, ep.vorm, ep.aanbieder, "38"],
                        [c, ep.end, ep.vorm, other[int(rng.integers(0, len(other)))], ""]]
            elif u < p_stap + 0.15:
                segs = [[ep.start, c - 1, ep.vorm, ep.aanbieder, "19"], [c, ep.end, ep.vorm, ep.aanbieder, ""]]
        product, prev_vorm = None, None
        for i, (s, e, vorm, aanb, reden) in enumerate(segs):
            expired = product is not None and product["tot_jaar"] and year_of(s) > int(product["tot_jaar"])
            if vorm != prev_vorm or expired:
                product, prev_vorm = cat.choose(BW_VORMEN[vorm], year_of(s), local_ok=(i == 0)), vorm
            last = i == len(segs) - 1
            einddatum = e
            if last:
                reden = ep.reden if e <= sc.peildatum else ""
                if e > sc.peildatum and rng.random() < 0.35:
                    einddatum = None
            out.append(_toewijzing(ep.client, ep.gemeente, product, ep.pgb, s, e, einddatum, reden,
                                   "" if ep.pgb else aanb, cat, ep.geboortejaar, ep.geslacht, rng))
    return out


def _toewijzing(client, gemeente, product, pgb, s, e, einddatum, reden, aanbieder, cat, gj, gs, rng):
    tarief = None if pgb else cat.tarief(product, aanbieder, s)
    uren = float(rng.choice((4.0, 6.0, 8.0))) if product["eenheid"] != "14" else 0.0
    return Toewijzing(client, gemeente, product, pgb, s, e, einddatum, reden, aanbieder, tarief,
                      uren, gj, gs)


def simulate_mo(sc: Scenario, cat: Catalogus, rng, first_client: int) -> list[Toewijzing]:
    """Opvang (category 16) and Spoedopvang (17) stays: ZIN, short, mostly from the centrumgemeente."""
    w = [g[1] ** 1.5 for g in sc.gemeenten]
    p = [x / sum(w) for x in w]
    out, client = [], first_client
    for d0, d1 in months(sc.start, sc.horizon):
        for vorm, rate, lo, hi in (("Opvang", sc.mo_per_maand, 20, 270), ("Spoedopvang", 0.4 * sc.mo_per_maand, 2, 28)):
            for _ in range(int(rng.poisson(rate))):
                client += 1
                s = d0 + int(rng.integers(0, d1 - d0 + 1))
                e = s + int(rng.integers(lo, hi))
                product = cat.choose(vorm, year_of(s), local_ok=False)
                reden = str(rng.choice(("19", "21", "22", "23"))) if e <= sc.peildatum else ""
                gem = sc.gemeenten[int(rng.choice(len(p), p=p))][0]
                aanb = MO_AANBIEDERS[int(rng.integers(0, 2))]
                out.append(_toewijzing(client, gem, product, False, s, e, e if e <= sc.peildatum or rng.random() < 0.5 else None,
                                       reden, aanb, cat, year_of(s) - int(rng.integers(18, 70)),
                                       "M" if rng.random() < 0.7 else "V", rng))
    return out
