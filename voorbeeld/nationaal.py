"""The national sample delivery: 342 municipalities in 43 BW regions, 2016-2025, vectorised.

`write_national(out_dir, seed=1, fraction=1.0, region_rows=None)` writes the same files, with the
same headers, encodings and number/date formats, as the region sample (`voorbeeld.regio`), for region
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

This module holds the inputs, the scenario and the delivery; the parts live beside it:
nationaal_wereld (the simulated episodes), nationaal_zorg (catalogue, toewijzingen,
MO, Wlz), nationaal_geld (declarations, PGB, costs), nationaal_kalender (dates as
arrays) and nationaal_kolommen (the column-wise csv writer).
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np

from . import doordecentralisatie, geld
from .nationaal_geld import (
    STATUS,
    declaratieregels,
    increment,
    kosten_per_jaar,
    pgb_maanden,
)
from .nationaal_kalender import Calendar
from .nationaal_kolommen import csv_field, fmoney_cents, ints, write_columns
from .nationaal_wereld import (
    CODES,
    MO_PROVIDERS_PER_REGION,
    PROVIDERS_PER_REGION,
    World,
)
from .nationaal_zorg import (
    BESLUIT,
    Catalogue,
    bw_toewijzingen,
    mo_toewijzingen,
    wlz_aanvragen,
)
from .regio import (
    CENTRUM_FACTOR,
    CP1252,
    HEADERS,
    MO_PER_MAAND_PER_1000,
    PEILDATUM,
    TUSSEN_PEILDATUM,
    WLZ_OPEN,
    _data,
)
from .wlz import PROFIELEN
from .zorg import Scenario

ROOT = Path(__file__).resolve().parent.parent
REGIOS_NATIONAAL = ROOT / "config" / "regios_nationaal.csv"
POPULATION = Path(__file__).resolve().parent / "gegevens" / "cbs_bevolking_nationaal.csv"
REGIO = "Nederland"
START = date(2016, 1, 1)
STAND_PER_1000_VOOR, STAND_PER_1000_NA = 1.85, 1.45
GOLF_FRACTIE = 0.30

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
    """{regio: {'2016': '...', ..., '2026*': ...}} of gegevens/cbs_bevolking_nationaal.csv."""
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
    cat = Catalogue(sc.catalogus, len(aanbieders), rng)

    ep = World(sc, cal, gem_region, rng).run()
    bw = bw_toewijzingen(ep, sc, cal, cat, rng)
    mo = mo_toewijzingen(sc, cal, cat, gem_region, len(bw_names), int(ep["client"].max()), rng)
    tw = {k: np.concatenate([bw[k], mo[k]]) for k in bw}
    order = np.lexsort((tw["end"], tw["client"], tw["start"]))
    tw = {k: v[order] for k, v in tw.items()}
    n_tw = len(order)
    tw["nummer"] = 40000001 + np.arange(n_tw)
    tw["tarief"] = np.where(tw["pgb"], 0, cat.tarief_cents(tw["product"], tw["aanb"], cal.year_of(tw["start"])))
    tw["exported"] = tw["start"] <= sc.peildatum + 31
    wlz = wlz_aanvragen(ep, tw, sc, cat, rng)
    lines = declaratieregels(tw, sc, cal, cat, rng)
    lines["nummer"] = 7000001 + np.arange(len(lines["tw"]))
    pgb = pgb_maanden(tw, sc, cal, cat, rng)
    financien = geld.financien(kosten_per_jaar(lines, tw, pgb, cal, cat), sc, inwoners, rng)

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
    aanb_text = np.array([csv_field(a) for a in aanbieders], dtype=object)
    files: dict[str, int] = {}

    # indicaties
    ex = np.flatnonzero(tw["exported"])
    ex = ex[np.lexsort((tw["nummer"][ex], tw["start"][ex], tw["client"][ex]))]
    i_gem = gem(tw["gem"][ex])
    codes_text = np.array(CODES, dtype=object)
    verblijf = doordecentralisatie.nationaal_verblijf(tw["client"], tw["gem"], tw["start"], gem_region, rows,
                                                      n_clients, seed)

    def indicaties(a, b):
        i = ex[a:b]
        p, pgb_ = tw["product"][i], tw["pgb"][i]
        tarief = np.array(fmoney_cents(tw["tarief"][i]), dtype=object)
        tarief[pgb_] = ""
        eenheid = cat.eenheid[p].copy()
        eenheid[pgb_] = ""
        aanb = aanb_text[tw["aanb"][i]]
        aanb[pgb_] = ""
        return [clients[tw["client"][i]], i_gem[a:b], ints(tw["nummer"][i]), cat.cat[p], cat.code[p], cat.desc[p],
                np.where(pgb_, "PGB", "ZIN").tolist(), aanb, fcal.fmt(tw["start"][i]),
                fcal.fmt(tw["end"][i], ~tw["open"][i]), codes_text[tw["reden"][i]], tarief, eenheid,
                ints(tw["gj"][i]), np.where(tw["man"][i], "M", "V").tolist(), verblijf[tw["client"][i]]]

    name = f"indicaties_{tag}.csv"
    files[name] = write_columns(out_dir / name, HEADERS["indicaties"], len(ex), indicaties)

    # declaraties: two increments
    for day, previous, suffix in ((sc.tussen_peildatum, None, tussen), (sc.peildatum, sc.tussen_peildatum, tag)):
        idx, status, bedrag = increment(lines, day, previous)

        def declaraties(a, b, idx=idx, status=status, bedrag=bedrag):
            i = idx[a:b]
            t = lines["tw"][i]
            return [ints(lines["nummer"][i]), ints(tw["nummer"][t]), clients[tw["client"][t]],
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
            return [clients[pgb["client"][i]], p_gem[a:b], ints(mi[i] // 12), ints(mi[i] % 12 + 1),
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
    from .regio import _write, catalogue_rows, cbs_rows, fmoney
    name = f"financien_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["financien"], [[j, post, fmoney(b), toel] for j, post, b, toel in financien])
    name = f"producten_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["producten"], catalogue_rows(sc.catalogus), encoding=CP1252)
    name = f"cbs_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["cbs"], cbs_rows(population()), quoting=csv.QUOTE_ALL)
    baten_2021 = next(b for j, post, b, _ in financien if j == 2021 and post == "Integratie-uitkering BW")
    inwoners_2021 = {c: int(v["2021"]) for c, v in population().items() if v.get("2021", "").isdigit()}
    name = f"budget_{tag}.csv"
    files[name] = _write(out_dir / name, HEADERS["budget"], [
        [j, c, fmoney(h), fmoney(o), toel]
        for j, c, h, o, toel in doordecentralisatie.nationaal_budget(rows, gem_region, baten_2021, inwoners_2021, seed)])
    return {"files": files, "peildatum": PEILDATUM.isoformat(), "seed": seed, "scale": "national",
            "regio": rows[0].get("regio", ""), "fraction": fraction,
            "clienten": len(np.unique(tw["client"][ex])), "toewijzingen": len(ex)}
