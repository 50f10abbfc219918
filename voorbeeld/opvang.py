"""More maatschappelijke opvang for the sample delivery (issue 13): opvang and spoedopvang stays of
new clients, returns to the opvang, and the shifts between MO and BW that the combined monitor
shows (regiovisie 13.1), on top of the basic stays of `zorg.simulate_mo`.

- Opvang (category 16) stays last weeks to months, Spoedopvang (17) days to weeks; ZIN, at the
  two MO providers, mostly from the larger municipalities (the centrumgemeente above all).
- After a stay that ended, some clients come back to the opvang (often within the year: an
  instroom that is no nieuwe cliënt).
- Some clients new to BW come from the opvang: a stay that ends up to six weeks before their BW
  episode starts (within the 30-day window a shift 'MO naar BW', beyond it not) or a few days
  after (a handover: in both stands at once).
- Some BW episodes that the client or the provider broke off (reden 21, 22) are followed by an
  opvang stay: 'BW naar MO', a failed step to independence.

Everything is drawn from its own generator (seeded from the sample's seed) and adds only MO
toewijzingen, so the sample's BW histories, and every draw of the main generator, stay as they
were: the BW figures of the sample do not move because MO was added.
"""
from __future__ import annotations

from .zorg import (
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
BW_NAAR_MO = 0.25       # after a BW episode ended by the client or provider (21, 22): opvang
VOOR_BW = 0.06          # a BW episode of a client new to BW: an opvang stay just before it


def _kies(cat: Catalogus, vorm: str, jaar: int, rng) -> dict:
    """A product of `vorm` by the catalogue's shares, as Catalogus.choose, but with this module's
    generator (Catalogus.choose draws from the main one)."""
    rows = [r for r in cat.rows if r["tussenvorm"] == vorm and r["in_catalogus"] == "ja" and float(r["aandeel"]) > 0
            and (not r["tot_jaar"] or jaar <= int(r["tot_jaar"]))]
    w = [float(r["aandeel"]) for r in rows]
    return rows[int(rng.choice(len(rows), p=[x / sum(w) for x in w]))]


class _Opvang:
    def __init__(self, sc: Scenario, cat: Catalogus, rng):
        self.sc, self.cat, self.rng = sc, cat, rng
        self.out: list[Toewijzing] = []

    def stay(self, client, gemeente, vorm, start, geboortejaar, geslacht) -> int:
        """One MO toewijzing; returns its last day of care."""
        sc, rng = self.sc, self.rng
        lo, hi = DUUR[vorm]
        end = start + int(rng.integers(lo, hi))
        product = _kies(self.cat, vorm, year_of(start), rng)
        done = end <= sc.peildatum
        reden = str(rng.choice(("19", "21", "22", "23"))) if done else ""
        einddatum = end if done or rng.random() < 0.5 else None
        aanbieder = MO_AANBIEDERS[int(rng.integers(0, len(MO_AANBIEDERS)))]
        self.out.append(_toewijzing(client, gemeente, product, False, start, end, einddatum, reden,
                                    aanbieder, self.cat, geboortejaar, geslacht, rng))
        return end

    def stay_tot(self, client, gemeente, start, end, geboortejaar, geslacht) -> None:
        """An opvang stay with a given first and last day (before a BW episode)."""
        product = _kies(self.cat, "Opvang", year_of(start), self.rng)
        done = end <= self.sc.peildatum
        aanbieder = MO_AANBIEDERS[int(self.rng.integers(0, len(MO_AANBIEDERS)))]
        self.out.append(_toewijzing(client, gemeente, product, False, start, end, end if done else None,
                                    "19" if done else "", aanbieder, self.cat, geboortejaar, geslacht, self.rng))

    def history(self, client, gemeente, vorm, start, geboortejaar, geslacht) -> None:
        """A first stay and the returns to the opvang that follow it."""
        sc, rng = self.sc, self.rng
        end = self.stay(client, gemeente, vorm, start, geboortejaar, geslacht)
        while end < sc.peildatum:
            if rng.random() >= TERUGKEER:
                return
            begin = end + int(rng.integers(14, 400))
            if begin > sc.horizon:
                return
            vorm = "Opvang" if rng.random() < 0.75 else "Spoedopvang"
            end = self.stay(client, gemeente, vorm, begin, geboortejaar, geslacht)


def meer_opvang(sc: Scenario, cat: Catalogus, rng, first_client: int, per_maand: float, bw_episodes=(),
                mo_stays=()) -> list[Toewijzing]:
    """MO toewijzingen added to the sample's basic stays (`zorg.simulate_mo`), drawn from their own
    generator `rng` so the BW histories and the draws after them stay as they were:
    - new opvang clients (`per_maand`, numbered from first_client + 1) with their returns,
    - returns to the opvang after the basic stays (`mo_stays`),
    - an opvang stay before some BW episodes of clients new to BW ('MO naar BW'; the BW episode is
      the one the BW simulation made), and after some broken-off BW episodes ('BW naar MO')."""
    sim = _Opvang(sc, cat, rng)
    w = [g[1] ** 1.5 for g in sc.gemeenten]
    p = [x / sum(w) for x in w]
    client = first_client
    for d0, d1 in months(sc.start, sc.horizon):
        for vorm, rate in (("Opvang", per_maand), ("Spoedopvang", 0.4 * per_maand)):
            for _ in range(int(rng.poisson(rate))):
                client += 1
                start = d0 + int(rng.integers(0, d1 - d0 + 1))
                gemeente = sc.gemeenten[int(rng.choice(len(p), p=p))][0]
                sim.history(client, gemeente, vorm, start, year_of(start) - int(rng.integers(18, 70)),
                            "M" if rng.random() < 0.7 else "V")
    for t in mo_stays:
        if t.end < sc.peildatum and rng.random() < TERUGKEER:
            sim.stay(t.client, t.gemeente, "Opvang" if rng.random() < 0.75 else "Spoedopvang",
                     t.end + int(rng.integers(14, 300)), t.geboortejaar, t.geslacht)
    eerste: dict[int, int] = {}
    for ep in bw_episodes:
        eerste[ep.client] = min(eerste.get(ep.client, ep.start), ep.start)
    for ep in bw_episodes:
        if ep.start == eerste[ep.client] and ep.start > sc.start + 200 and rng.random() < VOOR_BW:
            # the opvang stay ends a little before BW starts (a shift) or just after (a handover)
            end = ep.start - int(rng.integers(-8, 45))
            begin = end - int(rng.integers(20, 180))
            sim.stay_tot(ep.client, ep.gemeente, begin, end, ep.geboortejaar, ep.geslacht)
        elif ep.reden in ("21", "22") and sc.start <= ep.end < sc.peildatum and rng.random() < BW_NAAR_MO:
            sim.stay(ep.client, ep.gemeente, "Opvang", ep.end + int(rng.integers(1, 40)), ep.geboortejaar,
                     ep.geslacht)
    return sim.out
