"""Money for the sample delivery: ZIN declaration lines, the SVB's PGB overview, the finance posts.

The simulated world runs to 31 December of the peildatum's year; the files show what is known on
each increment's peildatum. The true yearly client costs (`Kosten`) set the baten, so the result
is a modest surplus every year.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .zorg import Scenario, Toewijzing, months, year_of


@dataclass
class Regel:
    tw: Toewijzing
    begin: int
    end: int
    bedrag: float            # as submitted
    bedrag_final: float      # as decided
    status_final: str        # 'Toegekend' / 'Afgewezen'
    sub: int                 # day submitted
    dec: int                 # day decided
    nummer: str = ""

    def version(self, day: int):
        """(status, bedrag) as the export of `day` shows it, None when not yet submitted."""
        if self.sub > day:
            return None
        if self.dec > day:
            return "Ingediend", self.bedrag
        return self.status_final, self.bedrag_final


def _bedrag(tw: Toewijzing, begin: int, end: int) -> float:
    days = end - begin + 1
    if tw.product["eenheid"] == "14":
        return round(days * tw.tarief, 2)
    hours = round(tw.uren_per_week * days / 7 * 4) / 4
    return round(hours * tw.tarief, 2)


def _month_end(day: int) -> int:
    d = date.fromordinal(day)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1).toordinal() - 1


def declaraties(tws: list[Toewijzing], sc: Scenario, rng) -> list[Regel]:
    """Monthly lines per ZIN toewijzing (a few bimonthly), declared one to two months late;
    some refused and resubmitted, some credited and declared again with a corrected amount."""
    out: list[Regel] = []
    for tw in tws:
        if tw.pgb:
            continue
        first, last = max(tw.start, sc.start), min(tw.end, sc.horizon)
        periods = list(months(first, last))
        if rng.random() < 0.015:                           # this provider declares per two months
            periods = [(periods[i][0], periods[min(i + 1, len(periods) - 1)][1]) for i in range(0, len(periods), 2)]
        for begin, end in periods:
            amount = _bedrag(tw, begin, end)
            sub = _month_end(end) + int(rng.integers(8, 56))
            dec = sub + int(rng.integers(3, 25))
            u = rng.random()
            final = round(amount * float(rng.uniform(0.93, 1.0)), 2) if rng.random() < 0.05 else amount
            if u < 0.025:                                  # refused, then submitted again
                out.append(Regel(tw, begin, end, amount, amount, "Afgewezen", sub, dec))
                sub2 = dec + int(rng.integers(5, 30))
                out.append(Regel(tw, begin, end, amount, amount, "Toegekend", sub2, sub2 + int(rng.integers(3, 20))))
                continue
            out.append(Regel(tw, begin, end, amount, final, "Toegekend", sub, dec))
            if u < 0.04:                                   # credited and declared again, corrected
                sub3 = dec + int(rng.integers(20, 120))
                dec3 = sub3 + int(rng.integers(3, 20))
                corrected = round(final * float(rng.uniform(0.85, 0.98)), 2)
                out.append(Regel(tw, begin, end, -final, -final, "Toegekend", sub3, dec3))
                out.append(Regel(tw, begin, end, corrected, corrected, "Toegekend", sub3, dec3))
    return nummer(out)


def nummer(regels: list[Regel]) -> list[Regel]:
    """Number the lines in the order they were submitted (Regelnummer from 7000001)."""
    regels.sort(key=lambda r: (r.sub, r.tw.nummer, r.begin, r.bedrag))
    for i, r in enumerate(regels):
        r.nummer = str(7000001 + i)
    return regels


def increment(regels: list[Regel], day: int, previous: int | None) -> list[tuple[Regel, str, float]]:
    """The lines of the increment taken on `day`: new since `previous`, or changed since then."""
    rows = []
    for r in regels:
        now = r.version(day)
        if now is not None and (previous is None or r.version(previous) != now):
            rows.append((r, now[0], now[1]))
    return rows


def pgb(tws: list[Toewijzing], sc: Scenario, rng) -> dict:
    """{(client, jaar, maand): [gemeente, besteed, budget, corrected besteed or None]} to the horizon."""
    out: dict = {}
    for tw in tws:
        if not tw.pgb:
            continue
        per_dag = float(tw.product["pgb_per_dag"]) * 1.03 ** (year_of(tw.start) - 2019)
        budget = round(per_dag * 365 / 12 * float(rng.uniform(0.95, 1.08)), 2)
        for begin, end in months(max(tw.start, sc.start), min(tw.end, sc.horizon)):
            d = date.fromordinal(begin)
            dim = (date(d.year + (d.month == 12), d.month % 12 + 1, 1) - d.replace(day=1)).days
            besteed = round(budget * (end - begin + 1) / dim * float(rng.uniform(0.82, 1.0)), 2)
            key = (tw.client, d.year, d.month)
            if key in out:
                out[key][1] = round(out[key][1] + besteed, 2)
                out[key][2] = max(out[key][2], budget)
            else:
                out[key] = [tw.gemeente, besteed, budget, None]
    for key in sorted(out):
        if key[1] == year_of(sc.tussen_peildatum) and key[2] >= 11 and rng.random() < 0.1:
            out[key][3] = round(out[key][1] * float(rng.uniform(1.02, 1.12)), 2)   # late SVB correction
    return out


def kosten(regels: list[Regel], pgb_rows: dict) -> dict:
    """True client costs by (jaar, 'ZIN BW' | 'ZIN MO' | 'PGB'): approved amounts spread by days."""
    out: dict = defaultdict(float)
    for r in regels:
        if r.status_final != "Toegekend":
            continue
        kind = "ZIN BW" if r.tw.product["productcategorie"] == "15" else "ZIN MO"
        days = r.end - r.begin + 1
        for begin, end in months(r.begin, r.end):
            out[(year_of(begin), kind)] += r.bedrag_final * (end - begin + 1) / days
    for (client, jaar, maand), (_, besteed, _, corrected) in sorted(pgb_rows.items()):
        out[(jaar, "PGB")] += corrected if corrected is not None else besteed
    return out


def financien(k: dict, sc: Scenario, populatie: int, rng, mo_rng=None) -> list[tuple[int, str, float, str]]:
    """Finance posts per year: BW baten chosen so each year ends in a modest surplus; an MO
    uitkering close to the MO client costs plus the 5% uitvoeringsbudget (so the MO result is a
    small surplus or deficit), actual MO uitvoeringskosten around that 5% norm, and the Reserve MO:
    its opening balance once, in the first year, and one withdrawal. The MO draws come from
    `mo_rng` when given, so the BW posts draw what they always drew. (populatie is no longer
    used: the MO uitkering follows the MO costs, not the population.)"""
    mo_rng = rng if mo_rng is None else mo_rng
    rows, vorige = [], None
    eerste, last_final = year_of(sc.start), year_of(sc.peildatum) - 1
    for jaar in range(eerste, year_of(sc.horizon) + 1):
        bw = k[(jaar, "ZIN BW")] + k[(jaar, "PGB")]
        uitv = round(bw * float(rng.uniform(0.04, 0.05)))
        baten = round((bw + uitv) * (1 + float(rng.uniform(0.02, 0.045))), -3)
        mo = round(k[(jaar, "ZIN MO")] / 0.95 * float(mo_rng.uniform(0.97, 1.06)), -3)
        begroting = round((vorige if vorige else bw * float(rng.uniform(0.98, 1.03))) * 1.02, -3)
        bron = f"Jaarrekening {jaar}" if jaar <= last_final else f"Begroting {jaar} na voorjaarsnota (heel jaar)"
        rows += [(jaar, "Integratie-uitkering BW", baten, bron),
                 (jaar, "Uitvoeringskosten BW", uitv, bron),
                 (jaar, "Decentralisatie-uitkering MO", mo, bron),
                 (jaar, "Uitvoeringskosten MO", round(mo * float(mo_rng.uniform(0.046, 0.056)), 2), bron),
                 (jaar, "Begroting clientgebonden kosten BW", begroting, f"Primaire begroting {jaar}")]
        if jaar == eerste:
            rows.append((jaar, "Reserve MO saldo 1 januari", round(0.2 * mo, -3), f"Jaarrekening {jaar - 1}"))
        if jaar == last_final - 1:
            rows.append((jaar, "Onttrekking Reserve MO", round(0.1 * mo, -3),
                         "Besluit Bestuurlijk Overleg: extra winteropvang"))
        vorige = bw
    return rows
