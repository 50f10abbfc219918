"""The national sample delivery: 342 municipalities in 43 BW regions, 2016-2025, vectorised.

`write_national(out_dir, seed=1, fraction=1.0, region_rows=None)` writes the same files, with the
same headers, encodings and number/date formats, as the region sample (`etl.sample`), for region
``Nederland`` of config/regios_nationaal.csv. `fraction` scales the number of clients (not the
municipalities or their populations): 0.01 gives a delivery of about 1% of the size for tests.

The story is the region sample's, told for the whole country from 1-1-2016: a stand of about
1.85 BW clients per 1,000 inhabitants until the Wlz opened on 1-1-2021 (about 31,000 clients),
30% of the stand moving to the Wlz during 2021, then about 1.45 per 1,000; a drift toward lighter
tussenvormen; about 10% PGB; a few MO stays; baten that leave a modest surplus every year. Each
BW region contracts its own six providers (and two MO providers).

Where the region generator walks client by client and day by day, this one draws whole arrays
with numpy: the monthly inflow loop is 120 steps over arrays, the readmission pool is a mask
over the episode arrays with a weighted draw without replacement (Efraimidis-Spirakis keys),
and declaration lines, PGB months and file rows are built column-wise and written in chunks.
Same seed, same bytes.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np

from . import sample_geld as geld
from .sample import (
    CENTRUM_FACTOR,
    CP1252,
    HEADERS,
    MO_PER_MAAND_PER_1000,
    PEILDATUM,
    TUSSEN_PEILDATUM,
    UTF8_BOM,
    WLZ_OPEN,
    _data,
)
from .sample_wlz import PROFIEL_P, PROFIELEN
from .sample_zorg import (
    BW_VORMEN,
    END_REASONS,
    MEDIAN_DAYS,
    RETURNABLE,
    STOCK_MIX,
    Scenario,
)

ROOT = Path(__file__).resolve().parent.parent
REGIOS_NATIONAAL = ROOT / "config" / "regios_nationaal.csv"
POPULATION = Path(__file__).resolve().parent / "sample_data" / "cbs_bevolking_nationaal.csv"
REGIO = "Nederland"
START = date(2016, 1, 1)
STAND_PER_1000_VOOR, STAND_PER_1000_NA = 1.85, 1.45
GOLF_FRACTIE = 0.30
PROVIDERS_PER_REGION, MO_PROVIDERS_PER_REGION = 6, 2

# WMO588 codes used, as an index (the arrays hold indexes; '' = no reason).
CODES = ("", "19", "20", "21", "22", "23", "02", "31", "36", "37", "38", "39")
C = {c: i for i, c in enumerate(CODES)}
RETURN_MASK = np.array([c in RETURNABLE for c in CODES])
END_CODES = np.array([C[r[0]] for r in END_REASONS])
END_P = [np.array([r[col] for r in END_REASONS], float) / sum(r[col] for r in END_REASONS) for col in (1, 2)]
SHORT_CODES, SHORT_P = np.array([C["21"], C["22"], C["23"], C["19"]]), np.array((0.35, 0.3, 0.2, 0.15))
TOEGEKEND, AFGEWEZEN, INGEDIEND = 0, 1, 2
STATUS = np.array(["Toegekend", "Afgewezen", "Ingediend"], dtype=object)

_CORES = ("Esdoorn", "Hunzeborg", "De Vaart", "De Brink", "Tussenstap", "Veenhof", "Lindehof", "De Horst",
          "Beukenrode", "Meander", "De Kempen", "Elzenhof", "Kastanje", "Het Anker", "De Linde", "Zonnehuis",
          "Wilgenhoek", "De Hoeve", "Iepenhof", "Het Baken", "Eikenburg", "Duinrand", "Polderhof", "De Schakel",
          "Waterweg", "Heidehof", "Vlonder", "De Kade", "Ruimzicht", "Berkenhof", "De Dijk", "Lichtpunt",
          "De Steiger", "Zilverschoon", "Kromme Rijn", "Het Veer", "De Wissel", "Dorpsweide", "De Boog",
          "Hazelaar", "De Akker", "Roerdomp", "De Molen", "Klaproos", "Vuurtoren")
_FORMS = ("Stichting {} Wonen", "{} Zorg", "Zorgcoöperatie {}", "{} Begeleiding", "Woonzorg {}",
          "{} Beschermd Wonen", "Stichting {} Opvang", "Herberg {}")


# --- inputs ----------------------------------------------------------------------------------
def national_rows(region_rows=None) -> list[dict]:
    """The rows of config/regios_nationaal.csv for region Nederland (or the rows given)."""
    if region_rows is not None and not isinstance(region_rows, str):
        return list(region_rows)
    with REGIOS_NATIONAAL.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    name = region_rows or REGIO
    chosen = [r for r in rows if r["regio"].casefold() == name.casefold()]
    if not chosen:
        raise ValueError(f"Onbekende regio '{name}' in {REGIOS_NATIONAAL}")
    return chosen


def population() -> dict[str, dict[str, str]]:
    """{regio: {'2016': '...', ..., '2026*': ...}} of sample_data/cbs_bevolking_nationaal.csv."""
    with POPULATION.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter=";")
        return {r["regio"]: {k: v for k, v in r.items() if k != "regio"} for r in rows}


def provider_names(n_regions: int) -> tuple[np.ndarray, np.ndarray]:
    """Six BW and two MO provider names per region, fixed (not seed-dependent), all distinct."""
    combos = [form.format(core) for core in _CORES for form in _FORMS]
    need = n_regions * (PROVIDERS_PER_REGION + MO_PROVIDERS_PER_REGION)
    if need > len(combos):
        raise ValueError("te weinig aanbiedersnamen voor dit aantal regio's")
    bw, mo = [], []
    for r in range(n_regions):
        cores = [(r * 8 + k) % len(_CORES) for k in range(8)]
        bw += [_FORMS[k].format(_CORES[cores[k]]) for k in range(PROVIDERS_PER_REGION)]
        mo += [_FORMS[6 + k].format(_CORES[cores[6 + k]]) for k in range(MO_PROVIDERS_PER_REGION)]
    assert len(set(bw + mo)) == len(bw + mo)
    return np.array(bw, dtype=object), np.array(mo, dtype=object)


# --- calendar --------------------------------------------------------------------------------
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


# --- small helpers ---------------------------------------------------------------------------
def _pick(rng, p: np.ndarray, n: int) -> np.ndarray:
    """n indexes drawn with probabilities p."""
    cum = np.cumsum(p)
    return np.minimum(np.searchsorted(cum, rng.random(n) * cum[-1], side="right"), len(p) - 1)


def _weighted_without_replacement(rng, w: np.ndarray, k: int) -> np.ndarray:
    """k distinct indexes, weighted (Efraimidis-Spirakis), in order of their key (best first)."""
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    keys = np.log(rng.random(len(w))) / w
    if k >= len(w):
        return np.argsort(-keys, kind="stable")
    top = np.argpartition(-keys, k - 1)[:k]
    return top[np.argsort(-keys[top], kind="stable")]


def _csv_field(s: str) -> str:
    """A text field as csv.writer (QUOTE_MINIMAL, ';') writes it."""
    return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in ';"\r\n') else s


def fmoney_cents(cents: np.ndarray) -> list[str]:
    """Integer cents -> '1.234,50' (decimal comma, '.' thousands separator), as etl.sample.fmoney."""
    fmt, swap = "{:,.2f}".format, str.maketrans(",.", ".,")
    return [fmt(v).translate(swap) for v in (np.asarray(cents, dtype=np.int64) / 100).tolist()]


def _ints(a) -> list[str]:
    return list(map(str, np.asarray(a).tolist()))


def write_columns(path: Path, header: list[str], n: int, column, encoding: str = UTF8_BOM,
                  chunk: int = 200_000) -> int:
    """Write n rows; `column(a, b)` returns the row slice [a, b) as a list of columns of str."""
    with path.open("w", encoding=encoding, newline="") as f:
        f.write(";".join(_csv_field(h) for h in header) + "\r\n")
        for a in range(0, n, chunk):
            cols = column(a, min(n, a + chunk))
            f.write("\r\n".join(map(";".join, zip(*cols))) + "\r\n")
    return n


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


class _World:
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
        short = SHORT_CODES[_pick(rng, SHORT_P, n)]
        before, after = END_CODES[_pick(rng, END_P[0], n)], END_CODES[_pick(rng, END_P[1], n)]
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
        gem = _pick(rng, self.gem_p, n)
        self._add(client, day, vorm, np.full(n, -1) if end is None else end, gem,
                  self.cal.year_of(day) - age, rng.random(n) < 0.58)

    def readmit(self, day: np.ndarray, vorm: np.ndarray, d0: int, mid: int) -> int:
        """Readmit former clients for these entries; the number readmitted (from the front)."""
        rng, ep = self.rng, self.ep
        n = ep.n
        end, client = ep["end"], ep["client"]
        pool = np.flatnonzero(RETURN_MASK[ep["reden"]] & (end <= d0 - 7) & (self.last_ep[client] == np.arange(n)))
        chosen = pool[_weighted_without_replacement(rng, 1.0 / (1.0 + (mid - end[pool]) / 365.0), len(day))]
        k = len(chosen)
        if k == 0:
            return 0
        gem = ep["gem"][chosen].astype(np.int64)
        move = rng.random(k) >= 0.9
        gem[move] = _pick(rng, self.gem_p, int(move.sum()))
        self._add(client[chosen].copy(), day[:k], vorm[:k], np.full(k, -1), gem, ep["gj"][chosen].copy(),
                  ep["man"][chosen].copy())
        return k

    def entry_vorm(self, year: int, n: int) -> np.ndarray:
        t = year - 2019
        w = np.array((max(0.15, 0.45 - 0.035 * t), 0.20, 0.22 + 0.02 * t, 0.13 + 0.015 * t))
        return _pick(self.rng, w / w.sum(), n).astype(np.int8)

    def wlz_wave(self):
        sc, rng, ep = self.sc, self.rng, self.ep
        day0 = sc.wlz_open
        start, end = ep["start"], ep["end"]
        stand = int(np.count_nonzero((start <= day0 - 1) & (end >= day0 - 1)))
        eligible = np.flatnonzero((start <= day0 - 1) & (end >= day0 + 45))
        w = (np.array((3.0, 1.5, 0.6, 0.2))[ep["vorm"][eligible]]
             * np.maximum(0.3, (self.cal.year_of(day0) - ep["gj"][eligible] - 20) / 25))
        n = min(len(eligible), round(sc.golf_fractie * stand))
        chosen = np.sort(eligible[_weighted_without_replacement(rng, w, n)])
        d = np.minimum(end[chosen], day0 + 14 + (rng.beta(2.0, 3.2, n) * 348).astype(np.int64))
        ep.a["end"][chosen] = d
        ep.a["reden"][chosen] = C["39"]
        return stand, np.sort(d)

    def target(self, day: int, wave) -> float:
        sc = self.sc
        if day < sc.wlz_open:
            return sc.stand_voor
        if day < sc.wlz_open + 365 and wave:
            stand, dates = wave
            rest = stand - len(dates) - sc.stand_na
            return stand - int(np.searchsorted(dates, day, side="right")) - rest * (day - sc.wlz_open + 1) / 365
        return sc.stand_na * (1 + 0.006 * (day - sc.wlz_open - 365) / 365)

    def run(self):
        sc, rng, cal = self.sc, self.rng, self.cal
        n0 = sc.stand_voor                                    # the stand on the first day
        vorm = _pick(rng, np.array(STOCK_MIX), n0).astype(np.int8)
        lengths = self.duration(np.repeat(vorm, 8)).reshape(n0, 8)  # length-biased: pick by length
        cum = lengths.cumsum(axis=1)
        pick = (rng.random(n0)[:, None] * cum[:, -1:] < cum).argmax(axis=1)
        length = lengths[np.arange(n0), pick]
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


# --- toewijzingen ----------------------------------------------------------------------------
class _Catalogue:
    def __init__(self, rows: list[dict], n_providers: int, rng):
        rows = [r for r in rows if r.get("in_catalogus") in ("ja", "nee")]
        self.rows = rows
        self.code = np.array([r["productcode"] for r in rows], dtype=object)
        self.cat = np.array([r["productcategorie"] for r in rows], dtype=object)
        self.desc = np.array([_csv_field(r["productomschrijving"]) for r in rows], dtype=object)
        self.eenheid = np.array([r["eenheid"] for r in rows], dtype=object)
        self.etmaal = np.array([r["eenheid"] == "14" for r in rows])
        self.pgb_dag = np.array([float(r["pgb_per_dag"] or 0) for r in rows])
        self.tot = np.array([int(r["tot_jaar"]) if r["tot_jaar"] else 9999 for r in rows])
        lo = np.array([float(r["tarief_min"]) for r in rows])
        hi = np.array([float(r["tarief_max"]) for r in rows])
        self.base = rng.uniform(lo[:, None], hi[:, None], size=(len(rows), n_providers))
        self.vorm = np.array([r["tussenvorm"] for r in rows], dtype=object)

    def choose(self, tussenvorm: np.ndarray, year: np.ndarray, local_ok: np.ndarray, rng) -> np.ndarray:
        """A product index per item: tussenvorm (names), ingangsjaar, local code allowed."""
        n = len(year)
        out = np.zeros(n, dtype=np.int64)
        u_local, u_pick, u = rng.random(n), rng.random(n), rng.random(n)
        for vorm in sorted(set(tussenvorm.tolist())):
            of = tussenvorm == vorm
            local = np.flatnonzero((self.vorm == vorm) & np.array([r["in_catalogus"] == "nee" for r in self.rows]))
            for y in sorted(set(year[of].tolist())):
                sel = np.flatnonzero(of & (year == y))
                ok = np.flatnonzero((self.vorm == vorm) & np.array([r["in_catalogus"] == "ja" and float(r["aandeel"]) > 0
                                                                     for r in self.rows]) & (y <= self.tot))
                p = np.array([float(self.rows[i]["aandeel"]) for i in ok])
                cum = np.cumsum(p)
                out[sel] = ok[np.minimum(np.searchsorted(cum, u[sel] * cum[-1], side="right"), len(ok) - 1)]
                if len(local):
                    loc = sel[local_ok[sel] & (u_local[sel] < 0.03)]
                    out[loc] = local[(u_pick[loc] * len(local)).astype(np.int64)]
        return out

    def tarief_cents(self, product, aanbieder, year) -> np.ndarray:
        return np.rint(self.base[product, aanbieder] * 1.03 ** (year - 2019) * 100).astype(np.int64)


def _toewijzingen(ep: dict, sc: Scenario, cal: Calendar, cat: _Catalogue, rng) -> dict:
    """Split each episode into toewijzingen: step-downs (37), provider changes (38), renewals (19)."""
    n = len(ep["client"])
    start, end, vorm, pgb, aanb = ep["start"], ep["end"], ep["vorm"].astype(np.int64), ep["pgb"], ep["aanb"]
    year = cal.year_of(start)
    length = end - start
    c = start + ((0.3 + 0.4 * rng.random(n)) * np.minimum(length, 1500)).astype(np.int64)
    u = rng.random(n)
    p_stap = np.minimum(0.35, 0.12 + 0.03 * np.maximum(0, year - 2019))
    ok = (length > 240) & (c <= np.minimum(sc.peildatum - 30, end - 60))
    step = ok & (vorm < 3) & (u < p_stap)
    change = ok & ~step & (u < p_stap + 0.05) & ~pgb
    renew = ok & ~step & ~change & (u < p_stap + 0.15)
    r_up, r_same, r_other, overlap = rng.random(n), rng.random(n), rng.integers(0, PROVIDERS_PER_REGION - 1, n), rng.integers(0, 15, n)
    region_base = (aanb // PROVIDERS_PER_REGION) * PROVIDERS_PER_REGION
    vorm2 = np.where(step, np.minimum(3, vorm + np.where(r_up < 0.7, 1, 2)), vorm)
    other = region_base + (aanb - region_base + 1 + r_other) % PROVIDERS_PER_REGION   # never the same one
    aanb2 = np.where(step, np.where(r_same < 0.7, aanb, region_base + rng.integers(0, PROVIDERS_PER_REGION, n)),
                     np.where(change, other, aanb))
    split = step | change | renew
    end1 = np.where(split, np.where(change, c - 1 + overlap, c - 1), end)
    reden1 = np.where(step, C["37"], np.where(change, C["38"], np.where(renew, C["19"], 0)))
    s_idx = np.flatnonzero(split)
    names = np.array(BW_VORMEN, dtype=object)
    product1 = cat.choose(names[vorm], year, np.ones(n, bool), rng)
    y2 = cal.year_of(c[s_idx])
    rechoose = (vorm2[s_idx] != vorm[s_idx]) | (y2 > cat.tot[product1[s_idx]])
    product2 = product1[s_idx].copy()
    r = np.flatnonzero(rechoose)
    product2[r] = cat.choose(names[vorm2[s_idx][r]], y2[r], np.zeros(len(r), bool), rng)
    # segment arrays: first segments of every episode, then second segments of the split ones
    seg = {
        "ep": np.concatenate([np.arange(n), s_idx]),
        "start": np.concatenate([start, c[s_idx]]),
        "end": np.concatenate([end1, end[s_idx]]),
        "product": np.concatenate([product1, product2]),
        "aanb": np.concatenate([aanb, aanb2[s_idx]]),
        "reden": np.concatenate([np.where(split, reden1, ep["reden"]), ep["reden"][s_idx]]),
        "last": np.concatenate([~split, np.ones(len(s_idx), bool)]),
    }
    e = seg["ep"]
    last = seg["last"]
    future = seg["end"] > sc.peildatum
    seg["reden"] = np.where(last & future, 0, seg["reden"]).astype(np.int8)
    seg["open"] = last & future & (rng.random(len(e)) < 0.35)
    out = {"client": ep["client"][e], "gem": ep["gem"][e], "pgb": ep["pgb"][e], "gj": ep["gj"][e],
           "man": ep["man"][e], **{k: seg[k] for k in ("start", "end", "product", "aanb", "reden", "open")}}
    out["uren"] = np.where(cat.etmaal[out["product"]], 0.0, np.array((4.0, 6.0, 8.0))[rng.integers(0, 3, len(e))])
    return out


def _mo(sc: Scenario, cal: Calendar, cat: _Catalogue, gem_region: np.ndarray, n_bw_providers: int,
        first_client: int, rng) -> dict:
    """Opvang (16) and Spoedopvang (17): ZIN, short, mostly from the larger (centrum)gemeenten."""
    w = np.array([g[1] for g in sc.gemeenten], float) ** 1.5
    months = np.arange(int(cal.month_of(sc.start)), int(cal.month_of(sc.horizon)) + 1)
    parts = []
    for kind, (vorm, rate, lo, hi) in enumerate((("Opvang", sc.mo_per_maand, 20, 270),
                                                   ("Spoedopvang", 0.4 * sc.mo_per_maand, 2, 28))):
        m = np.repeat(months, rng.poisson(rate, len(months)))
        d0, d1 = cal.month_start(m), cal.month_end(m)
        s = d0 + (rng.random(len(m)) * (d1 - d0 + 1)).astype(np.int64)
        parts.append((m, np.full(len(m), kind), s, s + rng.integers(lo, hi, len(m)), vorm))
    m = np.concatenate([p[0] for p in parts])
    kind = np.concatenate([p[1] for p in parts])
    order = np.lexsort((kind, m))
    s, e = np.concatenate([p[2] for p in parts])[order], np.concatenate([p[3] for p in parts])[order]
    vorm = np.array([parts[k][4] for k in kind[order]], dtype=object)
    n = len(s)
    product = cat.choose(vorm, cal.year_of(s), np.zeros(n, bool), rng)
    done = e <= sc.peildatum
    reden = np.where(done, np.array([C["19"], C["21"], C["22"], C["23"]])[rng.integers(0, 4, n)], 0)
    gem = _pick(rng, w / w.sum(), n)
    aanb = n_bw_providers + gem_region[gem] * MO_PROVIDERS_PER_REGION + rng.integers(0, MO_PROVIDERS_PER_REGION, n)
    return {"client": first_client + 1 + np.arange(n), "gem": gem, "pgb": np.zeros(n, bool),
            "gj": cal.year_of(s) - rng.integers(18, 70, n), "man": rng.random(n) < 0.7, "start": s, "end": e,
            "product": product, "aanb": aanb, "reden": reden.astype(np.int8),
            "open": ~done & (rng.random(n) >= 0.5), "uren": np.zeros(n)}


# --- Wlz -------------------------------------------------------------------------------------
def _wlz(ep: dict, tw: dict, sc: Scenario, cat: _Catalogue, rng) -> dict:
    peil, opened = sc.peildatum, sc.wlz_open
    start, end, vorm, client = ep["start"], ep["end"], ep["vorm"], ep["client"]
    n = len(start)
    sel = end >= opened
    is39 = sel & (ep["reden"] == C["39"])
    aanvraag = np.maximum(np.maximum(opened - 61, start + 10), end - rng.integers(25, 150, n))
    granted = is39 & (aanvraag <= peil)
    bdatum = np.minimum(end, aanvraag + rng.integers(10, 43, n))
    ingang = np.where(rng.random(n) < 0.85, end + 1, end + 1 - rng.integers(1, 15, n))
    profiel = _pick(rng, np.array(PROFIEL_P), n)
    first, last = np.maximum(start, opened), np.minimum(end, peil) - 60
    u = rng.random(n)
    refused = sel & ~is39 & (vorm <= 1) & (last > first) & (u < 0.16)
    aanvraag2 = first + (rng.random(n) * np.maximum(1, last - first + 1)).astype(np.int64)
    bdatum2 = aanvraag2 + rng.integers(12, 60, n)
    g, r = np.flatnonzero(granted), np.flatnonzero(refused)
    req = {"client": np.concatenate([client[g], client[r]]),
           "aanvraag": np.concatenate([aanvraag[g], aanvraag2[r]]),
           "besluit": np.concatenate([np.full(len(g), 0), np.where(u[r] < 0.12, 1, 3)]),   # index in BESLUIT
           "besluitdatum": np.concatenate([bdatum[g], bdatum2[r]]),
           "ingang": np.concatenate([ingang[g], np.full(len(r), -1)]),
           "profiel": np.concatenate([profiel[g], np.full(len(r), -1)])}
    pending_now = req["besluitdatum"] > peil
    req["besluit"][pending_now] = 2
    req["besluitdatum"][pending_now] = -1
    req["ingang"][pending_now] = -1
    req["profiel"][pending_now] = -1
    asked = np.unique(req["client"])
    # Pending on the peildatum, of various ages; their BW toewijzing was extended (open end).
    bw_now = (cat.cat[tw["product"]] == "15") & (tw["start"] <= peil) & (tw["end"] >= peil)
    in_care = np.setdiff1d(np.unique(tw["client"][bw_now]), asked)
    k = min(max(3, round(0.035 * sc.stand_na)), len(in_care))
    chosen = in_care[np.sort(rng.choice(len(in_care), size=k, replace=False))]
    extend = bw_now & np.isin(tw["client"], chosen)
    tw["open"][extend] = True
    tw["reden"][extend] = 0
    for key, extra in (("client", chosen), ("aanvraag", peil - rng.integers(7, 300, k)), ("besluit", np.full(k, 2)),
                       ("besluitdatum", np.full(k, -1)), ("ingang", np.full(k, -1)), ("profiel", np.full(k, -1))):
        req[key] = np.concatenate([req[key], extra])
    order = np.lexsort((req["client"], req["aanvraag"]))
    return {k: v[order] for k, v in req.items()}


BESLUIT = np.array(["Toegekend", "Afgewezen", "In behandeling", "Ingetrokken"], dtype=object)


# --- money -----------------------------------------------------------------------------------
def _declaraties(tw: dict, sc: Scenario, cal: Calendar, cat: _Catalogue, rng) -> dict:
    """Monthly lines per ZIN toewijzing (1.5% bimonthly), declared one to two months late;
    some refused and resubmitted, some credited and declared again with a corrected amount."""
    zin = np.flatnonzero(~tw["pgb"])
    first = np.maximum(tw["start"][zin], sc.start)
    last = np.minimum(tw["end"][zin], sc.horizon)
    mf, ml = cal.month_of(np.minimum(first, sc.horizon)), cal.month_of(np.maximum(last, sc.start))
    count = np.where(first <= last, ml - mf + 1, 0).astype(np.int64)
    bim_tw = rng.random(len(zin)) < 0.015
    t = np.repeat(np.arange(len(zin)), count)                         # index into zin
    k = np.arange(len(t)) - np.repeat(np.cumsum(count) - count, count)
    mi = mf[t] + k
    begin = np.maximum(first[t], cal.month_start(mi))
    end = np.minimum(last[t], cal.month_end(mi))
    bim = bim_tw[t]
    pair = np.flatnonzero(bim & (k % 2 == 0) & (k + 1 < count[t]))
    end[pair] = end[pair + 1]
    keep = ~(bim & (k % 2 == 1))
    t, begin, end = t[keep], begin[keep], end[keep]
    del k, mi, bim, keep, pair
    tw_i = zin[t]
    product = tw["product"][tw_i]
    days = end - begin + 1
    tc = tw["tarief"][tw_i]
    quarters = np.rint(tw["uren"][tw_i] * days / 7 * 4)
    amount = np.where(cat.etmaal[product], days * tc, np.rint(quarters * tc / 4).astype(np.int64))
    n = len(t)
    sub = cal.month_end(cal.month_of(end)) + rng.integers(8, 56, n)
    dec = sub + rng.integers(3, 25, n)
    u = rng.random(n)
    final = np.where(rng.random(n) < 0.05, np.rint(amount * rng.uniform(0.93, 1.0, n)).astype(np.int64), amount)
    refused = u < 0.025
    credit = ~refused & (u < 0.04)
    sub2 = dec + rng.integers(5, 30, n)
    dec2 = sub2 + rng.integers(3, 20, n)
    sub3 = dec + rng.integers(20, 120, n)
    dec3 = sub3 + rng.integers(3, 20, n)
    corrected = np.rint(final * rng.uniform(0.85, 0.98, n)).astype(np.int64)
    r, cr = np.flatnonzero(refused), np.flatnonzero(credit)
    lines = {
        "tw": np.concatenate([tw_i, tw_i[r], tw_i[cr], tw_i[cr]]),
        "begin": np.concatenate([begin, begin[r], begin[cr], begin[cr]]),
        "end": np.concatenate([end, end[r], end[cr], end[cr]]),
        "bedrag": np.concatenate([amount, amount[r], -final[cr], corrected[cr]]),
        "final": np.concatenate([np.where(refused, amount, final), amount[r], -final[cr], corrected[cr]]),
        "status": np.concatenate([np.where(refused, AFGEWEZEN, TOEGEKEND), np.full(len(r) + 2 * len(cr), TOEGEKEND)]).astype(np.int8),
        "sub": np.concatenate([sub, sub2[r], sub3[cr], sub3[cr]]),
        "dec": np.concatenate([dec, dec2[r], dec3[cr], dec3[cr]]),
    }
    order = np.lexsort((lines["bedrag"], lines["begin"], tw["nummer"][lines["tw"]], lines["sub"]))
    return {k: v[order] for k, v in lines.items()}


def _increment(lines: dict, day: int, previous: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(line indexes, status, bedrag) of the increment taken on `day`: new since `previous` or changed."""
    sub, dec = lines["sub"], lines["dec"]
    if previous is None:
        idx = np.flatnonzero(sub <= day)
    else:
        idx = np.flatnonzero((sub <= day) & ((sub > previous) | ((dec > previous) & (dec <= day))))
    pending = dec[idx] > day
    return (idx, np.where(pending, INGEDIEND, lines["status"][idx]),
            np.where(pending, lines["bedrag"][idx], lines["final"][idx]))


def _pgb(tw: dict, sc: Scenario, cal: Calendar, cat: _Catalogue, rng) -> dict:
    """Per (client, jaar, maand): gemeente, besteed, budget, corrected besteed (-1 = none), to the horizon."""
    p = np.flatnonzero(tw["pgb"])
    first = np.maximum(tw["start"][p], sc.start)
    last = np.minimum(tw["end"][p], sc.horizon)
    mf, ml = cal.month_of(np.minimum(first, sc.horizon)), cal.month_of(np.maximum(last, sc.start))
    count = np.where(first <= last, ml - mf + 1, 0).astype(np.int64)
    per_dag = cat.pgb_dag[tw["product"][p]] * 1.03 ** (cal.year_of(tw["start"][p]) - 2019)
    budget = np.rint(per_dag * 365 / 12 * rng.uniform(0.95, 1.08, len(p)) * 100).astype(np.int64)
    t = np.repeat(np.arange(len(p)), count)
    mi = mf[t] + np.arange(len(t)) - np.repeat(np.cumsum(count) - count, count)
    ms, me = cal.month_start(mi), cal.month_end(mi)
    days = np.minimum(last[t], me) - np.maximum(first[t], ms) + 1
    dim = me - ms + 1
    besteed = np.rint(budget[t] * days / dim * rng.uniform(0.82, 1.0, len(t))).astype(np.int64)
    client = tw["client"][p][t]
    order = np.lexsort((np.arange(len(t)), mi, client))             # stable: the first toewijzing's gemeente
    client, mi, besteed, b, gem = client[order], mi[order], besteed[order], budget[t][order], tw["gem"][p][t][order]
    new = np.ones(len(client), bool)
    new[1:] = (client[1:] != client[:-1]) | (mi[1:] != mi[:-1])
    starts = np.flatnonzero(new)
    out = {"client": client[starts], "mi": mi[starts], "gem": gem[starts],
           "besteed": np.add.reduceat(besteed, starts) if len(starts) else besteed[:0],
           "budget": np.maximum.reduceat(b, starts) if len(starts) else b[:0]}
    late = (out["mi"] // 12 == cal.year_of(sc.tussen_peildatum)) & (out["mi"] % 12 + 1 >= 11)
    corr = late & (rng.random(len(late)) < 0.1)
    out["corrected"] = np.where(corr, np.rint(out["besteed"] * rng.uniform(1.02, 1.12, len(late))), -1).astype(np.int64)
    return out


def _kosten(lines: dict, tw: dict, pgb: dict, cal: Calendar, cat: _Catalogue) -> dict:
    """True client costs by (jaar, 'ZIN BW' | 'ZIN MO' | 'PGB'): approved amounts spread by days."""
    from collections import defaultdict
    out: dict = defaultdict(float)
    ok = lines["status"] == TOEGEKEND
    begin, end, final = lines["begin"][ok], lines["end"][ok], lines["final"][ok] / 100
    bw = cat.cat[tw["product"][lines["tw"][ok]]] == "15"
    y0 = cal.year_of(begin)
    year_end = np.array([date(int(y), 12, 31).toordinal() for y in range(int(y0.min()), int(y0.max()) + 1)])[y0 - y0.min()]
    part = (np.minimum(end, year_end) - begin + 1) / (end - begin + 1)
    for kind, mask in (("ZIN BW", bw), ("ZIN MO", ~bw)):
        for y, v in zip(*_sum_by(y0[mask], final[mask] * part[mask])):
            out[(int(y), kind)] += v
        rest = mask & (part < 1)
        for y, v in zip(*_sum_by(y0[rest] + 1, final[rest] * (1 - part[rest]))):
            out[(int(y), kind)] += v
    spent = np.where(pgb["corrected"] >= 0, pgb["corrected"], pgb["besteed"]) / 100
    for y, v in zip(*_sum_by(pgb["mi"] // 12, spent)):
        out[(int(y), "PGB")] += v
    return out


def _sum_by(keys: np.ndarray, values: np.ndarray):
    u, inv = np.unique(keys, return_inverse=True)
    return u, np.bincount(inv, weights=values, minlength=len(u))


# --- the delivery ----------------------------------------------------------------------------
def scenario(rows: list[dict], fraction: float = 1.0) -> tuple[Scenario, int, np.ndarray]:
    """(Scenario, inhabitants on 1-1 of the start year x fraction, region index per gemeente)."""
    pop = population()
    regions = list(dict.fromkeys(r.get("subregio_code", "") for r in rows))
    gem_region = np.array([regions.index(r.get("subregio_code", "")) for r in rows])
    gemeenten = []
    for r in rows:
        centrum = str(r.get("centrumgemeente", "")).strip().lower() in ("ja", "true", "1")
        gemeenten.append((r["gemeente_code"], int(pop[r["gemeente_code"]]["2024"]) * (CENTRUM_FACTOR if centrum else 1.0)))
    inwoners = round(sum(int(pop[r["gemeente_code"]][str(START.year)]) for r in rows) * fraction)
    sc = Scenario(
        start=START.toordinal(), peildatum=PEILDATUM.toordinal(),
        horizon=date(PEILDATUM.year, 12, 31).toordinal(), wlz_open=WLZ_OPEN.toordinal(),
        gemeenten=gemeenten, stand_voor=max(1, round(STAND_PER_1000_VOOR * inwoners / 1000)),
        stand_na=max(1, round(STAND_PER_1000_NA * inwoners / 1000)), golf_fractie=GOLF_FRACTIE,
        catalogus=_data("producten.csv"), mo_per_maand=MO_PER_MAAND_PER_1000 * inwoners / 1000,
        tussen_peildatum=TUSSEN_PEILDATUM.toordinal())
    return sc, inwoners, gem_region


def write_national(out_dir: Path, seed: int = 1, fraction: float = 1.0, region_rows=None) -> dict:
    """Write the national sample delivery into out_dir; return {'files': {name: data rows}, ...}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = national_rows(region_rows)
    sc, inwoners, gem_region = scenario(rows, fraction)
    n_regions = int(gem_region.max()) + 1
    bw_names, mo_names = provider_names(n_regions)
    aanbieders = np.concatenate([bw_names, mo_names])
    rng = np.random.default_rng(seed)
    cal = Calendar(sc.start - 4 * 365, sc.horizon + 400)
    cat = _Catalogue(sc.catalogus, len(aanbieders), rng)

    ep = _World(sc, cal, gem_region, rng).run()
    bw = _toewijzingen(ep, sc, cal, cat, rng)
    mo = _mo(sc, cal, cat, gem_region, len(bw_names), int(ep["client"].max()), rng)
    tw = {k: np.concatenate([bw[k], mo[k]]) for k in bw}
    order = np.lexsort((tw["end"], tw["client"], tw["start"]))
    tw = {k: v[order] for k, v in tw.items()}
    n_tw = len(order)
    tw["nummer"] = 40000001 + np.arange(n_tw)
    tw["tarief"] = np.where(tw["pgb"], 0, cat.tarief_cents(tw["product"], tw["aanb"], cal.year_of(tw["start"])))
    tw["exported"] = tw["start"] <= sc.peildatum + 31
    wlz = _wlz(ep, tw, sc, cat, rng)
    lines = _declaraties(tw, sc, cal, cat, rng)
    lines["nummer"] = 7000001 + np.arange(len(lines["tw"]))
    pgb = _pgb(tw, sc, cal, cat, rng)
    financien = geld.financien(_kosten(lines, tw, pgb, cal, cat), sc, inwoners, rng)

    codes = [r["gemeente_code"] for r in rows]
    gem_forms = np.array([[c[2:], c, str(int(c[2:]))] for c in codes], dtype=object)   # '0106', 'GM0106', '106'

    def gem(idx: np.ndarray) -> np.ndarray:
        """Gemeentecode as COGNOS writes it: mostly '0106', sometimes 'GM0106' or '106'."""
        u = rng.random(len(idx))
        return gem_forms[idx, np.where(u < 0.75, 0, np.where(u < 0.9, 1, 2))]

    n_clients = int(tw["client"].max()) + 1
    clients = np.array([f"C{c:06d}" for c in range(n_clients)], dtype=object)
    tag, tussen = PEILDATUM.strftime("%Y%m%d"), TUSSEN_PEILDATUM.strftime("%Y%m%d")
    lo = int(min(tw["start"].min(), sc.start))
    fcal = Calendar(lo, max(sc.horizon + 800, int(wlz["aanvraag"].max()) + 1))
    aanb_text = np.array([_csv_field(a) for a in aanbieders], dtype=object)
    files: dict[str, int] = {}

    # indicaties
    ex = np.flatnonzero(tw["exported"])
    ex = ex[np.lexsort((tw["nummer"][ex], tw["start"][ex], tw["client"][ex]))]
    i_gem = gem(tw["gem"][ex])
    codes_text = np.array(CODES, dtype=object)

    def indicaties(a, b):
        i = ex[a:b]
        p, pgb_ = tw["product"][i], tw["pgb"][i]
        tarief = np.array(fmoney_cents(tw["tarief"][i]), dtype=object)
        tarief[pgb_] = ""
        eenheid = cat.eenheid[p].copy()
        eenheid[pgb_] = ""
        aanb = aanb_text[tw["aanb"][i]]
        aanb[pgb_] = ""
        return [clients[tw["client"][i]], i_gem[a:b], _ints(tw["nummer"][i]), cat.cat[p], cat.code[p], cat.desc[p],
                np.where(pgb_, "PGB", "ZIN").tolist(), aanb, fcal.fmt(tw["start"][i]),
                fcal.fmt(tw["end"][i], ~tw["open"][i]), codes_text[tw["reden"][i]], tarief, eenheid,
                _ints(tw["gj"][i]), np.where(tw["man"][i], "M", "V").tolist()]

    name = f"indicaties_{tag}.csv"
    files[name] = write_columns(out_dir / name, HEADERS["indicaties"], len(ex), indicaties)

    # declaraties: two increments
    for day, previous, suffix in ((sc.tussen_peildatum, None, tussen), (sc.peildatum, sc.tussen_peildatum, tag)):
        idx, status, bedrag = _increment(lines, day, previous)

        def declaraties(a, b, idx=idx, status=status, bedrag=bedrag):
            i = idx[a:b]
            t = lines["tw"][i]
            return [_ints(lines["nummer"][i]), _ints(tw["nummer"][t]), clients[tw["client"][t]],
                    cat.code[tw["product"][t]], aanb_text[tw["aanb"][t]], fcal.fmt(lines["begin"][i]),
                    fcal.fmt(lines["end"][i]), fmoney_cents(bedrag[a:b]), STATUS[status[a:b]]]

        name = f"declaraties_{suffix}.csv"
        files[name] = write_columns(out_dir / name, HEADERS["declaraties"], len(idx), declaraties)

    # pgb: two increments
    cut = TUSSEN_PEILDATUM.year * 12 + TUSSEN_PEILDATUM.month - 1
    last = PEILDATUM.year * 12 + PEILDATUM.month - 1
    mi, corrected = pgb["mi"], pgb["corrected"]
    for idx, besteed, suffix in (
            (np.flatnonzero(mi <= cut), pgb["besteed"], tussen),
            (np.flatnonzero(((mi > cut) & (mi <= last)) | ((mi <= cut) & (corrected >= 0))),
             np.where(mi <= cut, corrected, pgb["besteed"]), tag)):
        p_gem = gem(pgb["gem"][idx])

        def pgb_rows(a, b, idx=idx, besteed=besteed, p_gem=p_gem):
            i = idx[a:b]
            return [clients[pgb["client"][i]], p_gem[a:b], _ints(mi[i] // 12), _ints(mi[i] % 12 + 1),
                    fmoney_cents(besteed[i]), fmoney_cents(pgb["budget"][i])]

        name = f"pgb_{suffix}.csv"
        files[name] = write_columns(out_dir / name, HEADERS["pgb"], len(idx), pgb_rows)

    # wlz
    def wlz_rows(a, b):
        s = slice(a, b)
        prof = np.array(("",) + PROFIELEN, dtype=object)[wlz["profiel"][s] + 1]
        return [clients[wlz["client"][s]], fcal.fmt(wlz["aanvraag"][s]), BESLUIT[wlz["besluit"][s]],
                fcal.fmt(np.maximum(wlz["besluitdatum"][s], lo), wlz["besluitdatum"][s] >= 0),
                fcal.fmt(np.maximum(wlz["ingang"][s], lo), wlz["ingang"][s] >= 0), prof]

    name = f"wlz_{tag}.csv"
    files[name] = write_columns(out_dir / name, HEADERS["wlz"], len(wlz["client"]), wlz_rows)

    # financien, producten, cbs: small, through csv.writer exactly as the region sample
    from .sample import _write, fmoney
    name = f"financien_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["financien"], [[j, post, fmoney(b), toel] for j, post, b, toel in financien])
    name = f"producten_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["producten"], [
        [p["productcode"], p["productomschrijving"], p["productcategorie"], p["tussenvorm"]]
        for p in sc.catalogus if p["in_catalogus"] == "ja"], encoding=CP1252)
    cbs, n = [], 0
    for regio, per_jaar in population().items():
        for jaar, waarde in per_jaar.items():                  # '2026*': provisional, '2026JJ00*'
            cbs.append([str(n), regio.ljust(8), f"{jaar.rstrip('*')}JJ00{'*' * jaar.endswith('*')}", waarde])
            n += 1
    name = f"cbs_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["cbs"], cbs, quoting=csv.QUOTE_ALL)
    return {"files": files, "peildatum": PEILDATUM.isoformat(), "seed": seed, "scale": "national",
            "regio": rows[0].get("regio", ""), "fraction": fraction,
            "clienten": len(np.unique(tw["client"][ex])), "toewijzingen": len(ex)}
