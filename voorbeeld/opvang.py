"""Synthetic MO histories for the sample delivery: opvang and spoedopvang stays, returns, and the
shifts between MO and BW that the combined monitor shows (regiovisie 13.1).

- Opvang (category 16) stays last weeks to months, Spoedopvang (17) days to weeks; ZIN, at the
  two MO providers, mostly from the larger municipalities (the centrumgemeente above all).
- After a stay that ended, some clients come back to the opvang (often within the year: an
  instroom that is no nieuwe cliënt), and some opvang clients move on to BW: a BW toewijzing that
  starts a few days before the stay ends (a handover: in both stands at once) or up to six
  weeks after it (within the 30-day window a shift 'MO naar BW', beyond it not).
- Some BW episodes that the client or the provider broke off (reden 21, 22) are followed by an
  opvang stay: 'BW naar MO', a failed step to independence.

Everything is driven by the one generator handed in and iterates in a fixed order, so the same
seed gives the same histories.
"""
from __future__ import annotations

from .zorg import (
    AANBIEDERS,
    MO_AANBIEDERS,
    Catalogus,
    Scenario,
    Toewijzing,
    _toewijzing,
    months,
    year_of,
)

DUUR = {"Opvang": (20, 270), "Spoedopvang": (2, 28)}   # days, uniform
TERUGKEER = 0.25        # after an ended stay: back to the opvang later
NAAR_BW = 0.12          # after an ended opvang stay: on to BW
BW_NAAR_MO = 0.25       # after a BW episode ended by the client or provider (21, 22): opvang


class _Opvang:
    def __init__(self, sc: Scenario, cat: Catalogus, rng):
        self.sc, self.cat, self.rng = sc, cat, rng
        self.out: list[Toewijzing] = []

    def stay(self, client, gemeente, vorm, start, geboortejaar, geslacht) -> int:
        """One MO toewijzing; returns its last day of care."""
        sc, rng = self.sc, self.rng
        lo, hi = DUUR[vorm]
        end = start + int(rng.integers(lo, hi))
        product = self.cat.choose(vorm, year_of(start), local_ok=False)
        done = end <= sc.peildatum
        reden = str(rng.choice(("19", "21", "22", "23"))) if done else ""
        einddatum = end if done or rng.random() < 0.5 else None
        aanbieder = MO_AANBIEDERS[int(rng.integers(0, len(MO_AANBIEDERS)))]
        self.out.append(_toewijzing(client, gemeente, product, False, start, end, einddatum, reden,
                                    aanbieder, self.cat, geboortejaar, geslacht, rng))
        return end

    def bw(self, client, gemeente, start, geboortejaar, geslacht) -> None:
        """A BW toewijzing after an opvang stay: begeleid wonen mostly, sometimes BW nabij."""
        sc, rng = self.sc, self.rng
        vorm = "Begeleid wonen" if rng.random() < 0.7 else "Beschermd wonen nabij"
        end = start + max(60, int(400 * rng.lognormal(0.0, 0.6)))
        product = self.cat.choose(vorm, year_of(start), local_ok=False)
        done = end <= sc.peildatum
        reden = str(rng.choice(("19", "21", "23"))) if done else ""
        einddatum = end if done or rng.random() >= 0.35 else None
        aanbieder = AANBIEDERS[int(rng.integers(0, len(AANBIEDERS)))]
        self.out.append(_toewijzing(client, gemeente, product, False, start, end, einddatum, reden,
                                    aanbieder, self.cat, geboortejaar, geslacht, rng))

    def history(self, client, gemeente, vorm, start, geboortejaar, geslacht) -> None:
        """A first stay and what follows it: returns to the opvang, or the move on to BW."""
        sc, rng = self.sc, self.rng
        end = self.stay(client, gemeente, vorm, start, geboortejaar, geslacht)
        while end < sc.peildatum:
            u = rng.random()
            if vorm == "Opvang" and u < NAAR_BW:
                begin = end + int(rng.integers(-10, 45))
                if begin <= sc.horizon:
                    self.bw(client, gemeente, begin, geboortejaar, geslacht)
                return
            if u >= NAAR_BW + TERUGKEER:
                return
            begin = end + int(rng.integers(14, 400))
            if begin > sc.horizon:
                return
            vorm = "Opvang" if rng.random() < 0.75 else "Spoedopvang"
            end = self.stay(client, gemeente, vorm, begin, geboortejaar, geslacht)


def simulate_mo(sc: Scenario, cat: Catalogus, rng, first_client: int, bw_episodes=()) -> list[Toewijzing]:
    """MO toewijzingen of new opvang clients (numbered from first_client + 1), and of the BW
    clients in bw_episodes whose episode broke off and who end up in the opvang."""
    sim = _Opvang(sc, cat, rng)
    w = [g[1] ** 1.5 for g in sc.gemeenten]
    p = [x / sum(w) for x in w]
    client = first_client
    for d0, d1 in months(sc.start, sc.horizon):
        for vorm, rate in (("Opvang", sc.mo_per_maand), ("Spoedopvang", 0.4 * sc.mo_per_maand)):
            for _ in range(int(rng.poisson(rate))):
                client += 1
                start = d0 + int(rng.integers(0, d1 - d0 + 1))
                gemeente = sc.gemeenten[int(rng.choice(len(p), p=p))][0]
                sim.history(client, gemeente, vorm, start, year_of(start) - int(rng.integers(18, 70)),
                            "M" if rng.random() < 0.7 else "V")
    for ep in bw_episodes:
        if ep.reden in ("21", "22") and sc.start <= ep.end < sc.peildatum and rng.random() < BW_NAAR_MO:
            begin = ep.end + int(rng.integers(1, 40))
            sim.stay(ep.client, ep.gemeente, "Opvang", begin, ep.geboortejaar, ep.geslacht)
    return sim.out
