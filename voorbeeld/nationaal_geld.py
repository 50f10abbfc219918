"""The national sample's money: declaration lines, PGB months and the true costs per year.

Part of the national sample (`voorbeeld.nationaal`): monthly declaration lines per ZIN
toewijzing (refused, resubmitted, credited), the increments delivered on each peildatum, the
PGB spending per client and month, and the costs the financien file is balanced against.
"""
from __future__ import annotations

from datetime import date

import numpy as np

from .nationaal_kalender import Calendar
from .nationaal_zorg import Catalogue
from .zorg import Scenario

TOEGEKEND, AFGEWEZEN, INGEDIEND = 0, 1, 2
STATUS = np.array(["Toegekend", "Afgewezen", "Ingediend"], dtype=object)


# --- money -----------------------------------------------------------------------------------
def declaratieregels(tw: dict, sc: Scenario, cal: Calendar, cat: Catalogue, rng) -> dict:
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


def increment(lines: dict, day: int, previous: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(line indexes, status, bedrag) of the increment taken on `day`: new since `previous` or changed."""
    sub, dec = lines["sub"], lines["dec"]
    if previous is None:
        idx = np.flatnonzero(sub <= day)
    else:
        idx = np.flatnonzero((sub <= day) & ((sub > previous) | ((dec > previous) & (dec <= day))))
    pending = dec[idx] > day
    return (idx, np.where(pending, INGEDIEND, lines["status"][idx]),
            np.where(pending, lines["bedrag"][idx], lines["final"][idx]))


def pgb_maanden(tw: dict, sc: Scenario, cal: Calendar, cat: Catalogue, rng) -> dict:
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


def kosten_per_jaar(lines: dict, tw: dict, pgb: dict, cal: Calendar, cat: Catalogue) -> dict:
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
