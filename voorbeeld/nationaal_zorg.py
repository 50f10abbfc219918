"""The national sample's care: the product catalogue, BW and MO toewijzingen, and Wlz requests.

Part of the national sample (`voorbeeld.nationaal`): the episodes of the simulated world
(`voorbeeld.nationaal_wereld`) become toewijzingen (step-downs, provider changes, renewals),
with short MO stays beside them, and the Wlz requests and decisions that go with them.
"""
from __future__ import annotations

import numpy as np

from .nationaal_kalender import Calendar
from .nationaal_kolommen import csv_field
from .nationaal_wereld import (
    MO_PROVIDERS_PER_REGION,
    PROVIDERS_PER_REGION,
    C,
    pick,
)
from .wlz import PROFIEL_P
from .zorg import BW_VORMEN, Scenario


# --- toewijzingen ----------------------------------------------------------------------------
class Catalogue:
    def __init__(self, rows: list[dict], n_providers: int, rng):
        rows = [r for r in rows if r.get("in_catalogus") in ("ja", "nee")]
        self.rows = rows
        self.code = np.array([r["productcode"] for r in rows], dtype=object)
        self.cat = np.array([r["productcategorie"] for r in rows], dtype=object)
        self.desc = np.array([csv_field(r["productomschrijving"]) for r in rows], dtype=object)
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


def bw_toewijzingen(ep: dict, sc: Scenario, cal: Calendar, cat: Catalogue, rng) -> dict:
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


def mo_toewijzingen(sc: Scenario, cal: Calendar, cat: Catalogue, gem_region: np.ndarray, n_bw_providers: int,
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
    gem = pick(rng, w / w.sum(), n)
    aanb = n_bw_providers + gem_region[gem] * MO_PROVIDERS_PER_REGION + rng.integers(0, MO_PROVIDERS_PER_REGION, n)
    return {"client": first_client + 1 + np.arange(n), "gem": gem, "pgb": np.zeros(n, bool),
            "gj": cal.year_of(s) - rng.integers(18, 70, n), "man": rng.random(n) < 0.7, "start": s, "end": e,
            "product": product, "aanb": aanb, "reden": reden.astype(np.int8),
            "open": ~done & (rng.random(n) >= 0.5), "uren": np.zeros(n)}


# --- Wlz -------------------------------------------------------------------------------------
def wlz_aanvragen(ep: dict, tw: dict, sc: Scenario, cat: Catalogue, rng) -> dict:
    peil, opened = sc.peildatum, sc.wlz_open
    start, end, vorm, client = ep["start"], ep["end"], ep["vorm"], ep["client"]
    n = len(start)
    sel = end >= opened
    is39 = sel & (ep["reden"] == C["39"])
    aanvraag = np.maximum(np.maximum(opened - 61, start + 10), end - rng.integers(25, 150, n))
    granted = is39 & (aanvraag <= peil)
    bdatum = np.minimum(end, aanvraag + rng.integers(10, 43, n))
    ingang = np.where(rng.random(n) < 0.85, end + 1, end + 1 - rng.integers(1, 15, n))
    profiel = pick(rng, np.array(PROFIEL_P), n)
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
