"""The doordecentralisatie in the sample: the budget file (the BW ingroeipad) and where clients live.

What is real and what is not:
- budget: Emmen, Coevorden and Borger-Odoorn (region Zuidoost-Drenthe) get the REAL figures of
  Bijlage II of their regiovisie (``gegevens/budget_zuidoost_drenthe.csv``, 2021-2032), in the
  region sample of Zuidoost-Drenthe and in the national sample. Every other municipality's
  ingroeipad is SYNTHETIC, shaped like Bijlage II: the centrumgemeente's historical part falls
  as Emmen's does (to 0 from 2029), the region's total grows as Zuidoost-Drenthe's, and the
  objective part is spread over the region's municipalities by population with noise. Its
  Toelichting says so on every row.
- verblijf (Gemeentecode_verblijf): SYNTHETIC, one draw per client. Most clients live in their
  own municipality; a regiogemeente's client often lives in the centrumgemeente (where most
  facilities are); about 5% are placed outside the region (`004_*.txt` §5.4: "in vijf tot tien
  gevallen per jaar"); about 2% have no verblijfsgemeente in the export.

Draws come from their own generator (seeded from the sample's seed), so the rest of the sample
stays byte for byte what it was.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "gegevens"
BIJLAGE_II = DATA / "budget_zuidoost_drenthe.csv"
JAREN = tuple(range(2021, 2033))
BRON_ECHT = "Bijlage II regiovisie BW/MO Zuidoost-Drenthe (rekenbestand Rijk, september 2021)"
BRON_SYNTHETISCH = "SYNTHETISCH voorbeeld, geen rijkscijfer"
# Real municipalities outside Drenthe's BW regions, for placements outside a region sample.
BUITEN_REGIO = ("GM0014", "GM0193", "GM0080", "GM0363", "GM0344", "GM0114", "GM0106", "GM0153",
                "GM0599", "GM0202")
STREAM = 14     # the generator's second seed word: this module's own stream of draws


def bijlage_ii() -> dict[tuple[int, str], tuple[int, int]]:
    """{(jaar, gemeente_code): (historisch, objectief)} as Bijlage II gives them (whole euros)."""
    with BIJLAGE_II.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter=";")
        return {(int(r["jaar"]), r["gemeente_code"]): (int(r["historisch"]), int(r["objectief"]))
                for r in rows}


def _vormen() -> tuple[dict[int, float], dict[int, float]]:
    """Bijlage II's shape: the historical part and the region's total relative to 2021."""
    b = bijlage_ii()
    hist = {j: b[(j, "GM0114")][0] for j in JAREN}
    totaal = {j: sum(h + o for (jj, _), (h, o) in b.items() if jj == j) for j in JAREN}
    return ({j: hist[j] / hist[2021] for j in JAREN}, {j: totaal[j] / totaal[2021] for j in JAREN})


def budget_rows(regios: dict[str, list[tuple[str, bool, int]]], basis: dict[str, float], seed: int,
                ) -> list[list]:
    """[jaar, code, historisch, objectief, toelichting] for every municipality, 2021-2032.

    `regios`: per BW region its municipalities (code, centrumgemeente, inhabitants);
    `basis`: per BW region its integratie-uitkering BW of 2021 (the historical budget)."""
    echt = bijlage_ii()
    echte_codes = {c for _, c in echt}
    h_vorm, t_vorm = _vormen()
    rng = np.random.default_rng([seed, STREAM, 1])
    out: dict[tuple[int, str], tuple[float, float, str]] = {}
    for regio, leden in sorted(regios.items()):
        codes = [c for c, _, _ in leden]
        if set(codes) <= echte_codes:
            for j in JAREN:
                for c in codes:
                    out[(j, c)] = (*echt[(j, c)], BRON_ECHT)
            continue
        gewicht = np.array([n * (1.3 if centrum else 1.0) for _, centrum, n in leden], dtype=float)
        gewicht *= rng.uniform(0.85, 1.15, len(leden))
        gewicht /= gewicht.sum()
        centrum = next((c for c, is_c, _ in leden if is_c), codes[0])
        for j in JAREN:
            hist = round(basis[regio] * h_vorm[j])
            objectief = max(round(basis[regio] * t_vorm[j]) - hist, 0)
            delen = [round(objectief * w) for w in gewicht]
            delen[int(np.argmax(gewicht))] += objectief - sum(delen)   # the parts add up exactly
            for c, deel in zip(codes, delen):
                out[(j, c)] = (hist if c == centrum else 0, deel, BRON_SYNTHETISCH)
    return [[j, c, h, o, toel] for (j, c), (h, o, toel) in sorted(out.items())]


def verblijf(herkomst: np.ndarray, regio: np.ndarray, centrum: np.ndarray, codes: list[str],
             buiten: list[str] | None, seed: int) -> np.ndarray:
    """Per client the code of the municipality it lives in during the care ('' = not in the export).

    `herkomst`: per client the index (into `codes`) of its municipality of origin; `regio`: per
    municipality its BW region; `centrum`: per municipality its region's centrumgemeente (index).
    `buiten`: codes outside the region to place clients in; None draws any municipality of
    another region (national)."""
    rng = np.random.default_rng([seed, STREAM, 2])
    n = len(herkomst)
    codes_arr = np.array(codes, dtype=object)
    u = rng.random(n)
    is_centrum = centrum[herkomst] == herkomst
    # own municipality / the centrumgemeente / another of the region / outside / unknown
    grenzen = np.where(is_centrum[:, None], [0.85, 0.85, 0.93, 0.98], [0.55, 0.85, 0.93, 0.98])
    keuze = (u[:, None] >= grenzen).sum(axis=1)
    uit = np.empty(n, dtype=object)
    uit[keuze == 0] = codes_arr[herkomst[keuze == 0]]
    uit[keuze == 1] = codes_arr[centrum[herkomst[keuze == 1]]]
    per_regio = defaultdict(list)
    for i, r in enumerate(regio):
        per_regio[r].append(i)
    ander = keuze == 2
    uit[ander] = [codes[per_regio[regio[h]][int(v * len(per_regio[regio[h]]))]]
                  for h, v in zip(herkomst[ander], rng.random(int(ander.sum())))]
    weg = np.flatnonzero(keuze == 3)
    if buiten is None:
        trek = rng.integers(0, len(codes), len(weg))
        for _ in range(8):      # a draw inside the client's own region is drawn again
            zelfde = regio[trek] == regio[herkomst[weg]]
            if not zelfde.any():
                break
            trek[zelfde] = rng.integers(0, len(codes), int(zelfde.sum()))
        uit[weg] = codes_arr[trek]
    else:
        uit[weg] = np.array(buiten, dtype=object)[rng.integers(0, len(buiten), len(weg))]
    uit[keuze == 4] = ""
    return np.array([c[2:] if c else "" for c in uit], dtype=object)   # written as '0106'


def regio_verblijf(herkomst_per_client: dict[int, str], rows: list[dict], seed: int) -> dict[int, str]:
    """The region sample's verblijf per client: {client: '0106' or ''}."""
    codes = [r["gemeente_code"] for r in rows]
    index = {c: i for i, c in enumerate(codes)}
    centrum = next((i for i, r in enumerate(rows)
                    if str(r.get("centrumgemeente", "")).strip().lower() in ("ja", "true", "1")), 0)
    clients = sorted(herkomst_per_client)
    herkomst = np.array([index[herkomst_per_client[c]] for c in clients], dtype=int)
    v = verblijf(herkomst, np.zeros(len(codes), dtype=int), np.full(len(codes), centrum), codes,
                 [c for c in BUITEN_REGIO if c not in index], seed)
    return dict(zip(clients, v))


def regio_budget(rows: list[dict], baten_2021: float, inwoners_2021: dict[str, int], seed: int) -> list[list]:
    """The region sample's budget rows: one BW region, its 2021 integratie-uitkering as the base."""
    leden = [(r["gemeente_code"], str(r.get("centrumgemeente", "")).strip().lower() in ("ja", "true", "1"),
              int(inwoners_2021[r["gemeente_code"]])) for r in rows]
    return budget_rows({"regio": leden}, {"regio": baten_2021}, seed)


def _is_centrum(r: dict) -> bool:
    return str(r.get("centrumgemeente", "")).strip().lower() in ("ja", "true", "1")


def nationaal_verblijf(client: np.ndarray, gem: np.ndarray, start: np.ndarray, gem_region: np.ndarray,
                       rows: list[dict], n_clients: int, seed: int) -> np.ndarray:
    """The national sample's verblijf per client number (index), '' where a client has none."""
    codes = [r["gemeente_code"] for r in rows]
    centrum_van_regio = {int(gem_region[i]): i for i, r in enumerate(rows) if _is_centrum(r)}
    centrum = np.array([centrum_van_regio.get(int(g), i) for i, g in enumerate(gem_region)])
    order = np.lexsort((start, client))
    clients, first = np.unique(client[order], return_index=True)
    herkomst = gem[order][first]
    uit = np.full(n_clients, "", dtype=object)
    uit[clients] = verblijf(herkomst, gem_region, centrum, codes, None, seed)
    return uit


def nationaal_budget(rows: list[dict], gem_region: np.ndarray, baten_2021: float,
                     inwoners_2021: dict[str, int], seed: int) -> list[list]:
    """The national sample's budget rows: per BW region a share of the national 2021 baten by
    population as its historical base (Zuidoost-Drenthe: Bijlage II)."""
    regios: dict[str, list] = defaultdict(list)
    for r, g in zip(rows, gem_region):
        regios[str(int(g))].append((r["gemeente_code"], _is_centrum(r), int(inwoners_2021[r["gemeente_code"]])))
    totaal = sum(n for leden in regios.values() for _, _, n in leden)
    basis = {k: baten_2021 * sum(n for _, _, n in leden) / totaal for k, leden in regios.items()}
    return budget_rows(regios, basis, seed)
