"""The municipalities of the national sample: 342 gemeenten in 43 BW regions, with populations.

This module BUILDS two data files once; the sample generator only reads them:

- ``config/regios_nationaal.csv``: region ``Nederland`` with every municipality; its
  subregio is the BW region (named after its centrumgemeente, code ``BW`` + the centrumgemeente's
  four digits);
- ``voorbeeld/gegevens/cbs_bevolking_nationaal.csv``: population on 1 January per municipality
  (2016-2024 and 2026*; 2025 is missing, as in the region sample).

What is real and what is not:
- the 21 municipalities of domain.md (regions Assen, Zuidoost-Drenthe/Emmen and Dordrecht) with
  their real codes, names and regions, and their real CBS figures for 2019-2024 and 2026*
  (from gegevens/cbs_bevolking.csv); their 2016-2018 figures are extrapolated (synthetic);
- 40 further centrumgemeenten with their real names and GM codes; their populations are
  SYNTHETIC (rounded orders of magnitude, not CBS figures), and their regions hold only
  synthetic municipalities;
- 281 plainly synthetic municipalities ``Synthetische gemeente NNN`` with codes ``GM9NNN``
  (no real CBS code starts with 9), sizes drawn from a fixed generator.
The synthetic municipalities are scaled so that the national total for 2019-2024 equals CBS's
NL01 figure of cbs_bevolking.csv; the totals of other years are synthetic.

Regenerate with ``python -m voorbeeld.nationaal_gemeenten`` (the output is deterministic).
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REGIOS_CSV = ROOT / "config" / "regios.csv"
REGIOS_NATIONAAL = ROOT / "config" / "regios_nationaal.csv"
CBS_REGION = ROOT / "voorbeeld" / "gegevens" / "cbs_bevolking.csv"
CBS_NATIONAAL = ROOT / "voorbeeld" / "gegevens" / "cbs_bevolking_nationaal.csv"

N_GEMEENTEN, N_REGIOS = 342, 43
JAREN = ("2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2026*")
REGIO = "Nederland"
# The law's target date for the woonplaatsbeginsel BW (000_*.txt: "nu nog 1 januari 2026").
OVERGANGSDATUM = "01-01-2026"

# Centrumgemeenten beyond the three regions of domain.md: real name and CBS code; the number is a
# synthetic order of magnitude for 1-1-2024 (NOT a CBS figure).
CENTRUM = (
    ("GM0363", "Amsterdam", 930000), ("GM0599", "Rotterdam", 665000),
    ("GM0518", "'s-Gravenhage", 560000), ("GM0344", "Utrecht", 367000),
    ("GM0772", "Eindhoven", 243000), ("GM0014", "Groningen", 238000),
    ("GM0855", "Tilburg", 227000), ("GM0034", "Almere", 222000),
    ("GM0758", "Breda", 186000), ("GM0268", "Nijmegen", 182000),
    ("GM0200", "Apeldoorn", 166000), ("GM0202", "Arnhem", 166000),
    ("GM0392", "Haarlem", 164000), ("GM0153", "Enschede", 161000),
    ("GM0307", "Amersfoort", 160000), ("GM0479", "Zaanstad", 159000),
    ("GM0796", "'s-Hertogenbosch", 158000), ("GM0193", "Zwolle", 133000),
    ("GM0546", "Leiden", 127000), ("GM0080", "Leeuwarden", 126000),
    ("GM0935", "Maastricht", 122000), ("GM0228", "Ede", 122000),
    ("GM0361", "Alkmaar", 111000), ("GM0503", "Delft", 106000),
    ("GM0150", "Deventer", 102000), ("GM0983", "Venlo", 102000),
    ("GM0794", "Helmond", 94000), ("GM0828", "Oss", 94000),
    ("GM0402", "Hilversum", 93000), ("GM0439", "Purmerend", 93000),
    ("GM0917", "Heerlen", 87000), ("GM0995", "Lelystad", 82000),
    ("GM0606", "Schiedam", 80000), ("GM0513", "Gouda", 75000),
    ("GM0405", "Hoorn", 74000), ("GM0141", "Almelo", 74000),
    ("GM0222", "Doetinchem", 59000), ("GM0400", "Den Helder", 56000),
    ("GM0243", "Harderwijk", 49000), ("GM0718", "Vlissingen", 45000),
)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter=";"))


def build() -> tuple[list[dict], list[dict]]:
    """(regios rows, population rows {'regio': code, '2016': ..., '2026*': ...})."""
    rng = np.random.default_rng(20250630)                 # fixed: the data file is static
    known = _read(REGIOS_CSV)
    real_pop = {r["regio"]: r for r in _read(CBS_REGION)}
    regions: list[tuple[str, str, list[tuple[str, str, bool]]]] = []   # (code, name, members)
    for regio in dict.fromkeys(r["regio"] for r in known):
        rows = [r for r in known if r["regio"] == regio]
        centrum = next(r for r in rows if r["centrumgemeente"] == "ja")
        members = [(centrum["gemeente_code"], centrum["gemeente_naam"], True)]
        members += sorted(((r["gemeente_code"], r["gemeente_naam"], False) for r in rows if r is not centrum),
                          key=lambda m: m[1])
        regions.append(("BW" + centrum["gemeente_code"][2:], centrum["gemeente_naam"], members))
    n_synth = N_GEMEENTEN - sum(len(m) for _, _, m in regions) - len(CENTRUM)
    sizes = 1 + rng.multinomial(n_synth - len(CENTRUM), np.full(len(CENTRUM), 1 / len(CENTRUM)))
    number = 0
    for (code, naam, _), k in sorted(zip(CENTRUM, sizes), key=lambda x: x[0][1]):
        members = [(code, naam, True)]
        for _ in range(int(k)):
            number += 1
            members.append((f"GM9{number:03d}", f"Synthetische gemeente {number:03d}", False))
        regions.append(("BW" + code[2:], naam, members))
    assert len(regions) == N_REGIOS and sum(len(m) for _, _, m in regions) == N_GEMEENTEN
    regios = [{"regio": REGIO, "gemeente_code": code, "gemeente_naam": naam, "subregio_code": rcode,
               "subregio_naam": rnaam, "centrumgemeente": "ja" if centrum else "nee",
               "overgangsdatum": OVERGANGSDATUM}
              for rcode, rnaam, members in regions for code, naam, centrum in members]

    # Populations: real rows kept (2016-2018 extrapolated), the rest scaled to NL01.
    years = [int(j.rstrip("*")) for j in JAREN]
    nl01 = {int(j): int(v) for j, v in real_pop["NL01"].items() if j != "regio" and v.isdigit()}
    nl01 |= {2016: 16979000, 2017: 17082000, 2018: 17181000, 2026: 18120000}   # synthetic targets
    pop: dict[str, dict[int, int]] = {}
    for r in regios:
        code = r["gemeente_code"]
        if code in real_pop:
            vals = {int(j.rstrip("*")): int(v) for j, v in real_pop[code].items() if j != "regio"}
            growth = (vals[2021] / vals[2019]) ** 0.5
            for y in (2018, 2017, 2016):
                vals[y] = round(vals[y + 1] / growth)
            pop[code] = vals
    fixed_real = set(pop)
    big = {code: n for code, _, n in CENTRUM}
    synth = [r["gemeente_code"] for r in regios if r["gemeente_code"] not in pop and r["gemeente_code"] not in big]
    size = np.exp(rng.normal(np.log(24000), 0.75, len(synth)))
    rates = {code: float(rng.uniform(-0.002, 0.012)) for code in [*big, *synth]}
    for code, n in big.items():
        pop[code] = {y: round(n * (1 + rates[code]) ** (y - 2024) + rng.normal(0, 150)) for y in years}
    raw = {code: {y: float(s) * (1 + rates[code]) ** (y - 2024) for y in years} for code, s in zip(synth, size)}
    for y in years:
        rest = nl01[y] - sum(pop[c][y] for c in [*fixed_real, *big])
        scale = rest / sum(raw[c][y] for c in raw)
        vals = {c: round(raw[c][y] * scale) for c in raw}
        largest = max(vals, key=lambda c: (vals[c], c))
        vals[largest] += rest - sum(vals.values())      # the total is exact
        for c, v in vals.items():
            pop.setdefault(c, {})[y] = v
    bevolking = [{"regio": r["gemeente_code"], **{j: str(pop[r["gemeente_code"]][int(j.rstrip("*"))]) for j in JAREN}}
                 for r in regios]
    bevolking.append({"regio": "NL01", **{j: (str(nl01[int(j)]) if j[-1] != "*" else ".") for j in JAREN}})
    return regios, bevolking


def write() -> None:
    regios, bevolking = build()
    with REGIOS_NATIONAAL.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(regios[0]), delimiter=";", lineterminator="\n")
        w.writeheader()
        w.writerows(regios)
    with CBS_NATIONAAL.open("w", encoding="utf-8", newline="") as f:
        f.write("# Bevolking op 1 januari, nationale voorbeeldlevering; gebouwd door voorbeeld/nationaal_gemeenten.py.\n"
                "# ECHT (CBS 37259) alleen 2019-2024 en 2026* van de 21 gemeenten uit cbs_bevolking.csv, en NL01 2019-2024.\n"
                "# Al het andere is SYNTHETISCH (ook de inwoners van de echte centrumgemeenten buiten die 21); 2025 ontbreekt.\n")
        w = csv.DictWriter(f, fieldnames=["regio", *JAREN], delimiter=";", lineterminator="\n")
        w.writeheader()
        w.writerows(bevolking)


if __name__ == "__main__":
    write()
