"""A deterministic synthetic sample delivery in the export formats of the contract (section 1).

`write_sample(out_dir, seed=1, scale="region")` writes, for the default region of
config/regios.csv (or `region_rows`), the files a centrumgemeente delivers on peildatum
30-06-2025: indicaties, declaraties (two increments), pgb (two increments), wlz, financien,
producten and cbs, as COGNOS writes CSV in a Dutch locale. Same seed, same bytes.

The story (region Assen): a stand of about 1.7 BW clients per 1,000 inhabitants until the Wlz
opened on 1-1-2021, a third of them moving to the Wlz during 2021, then about 1.1 per 1,000;
a drift toward lighter tussenvormen; about 10% PGB; opvang and spoedopvang stays, some repeated,
some moving on to BW (and BW clients falling back to the opvang); BW baten that leave a modest
surplus every year, an MO uitkering close to the MO costs and a Reserve MO. The histories live in
zorg / opvang / wlz, the money in geld; this module holds the scenario and the file formats. Scale 'national' is voorbeeld.nationaal.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np

from . import doordecentralisatie, geld
from .opvang import meer_opvang
from .wlz import wlz_requests
from .zorg import Catalogus, Scenario, simulate_bw, simulate_mo, toewijzingen

DATA = Path(__file__).resolve().parent / "gegevens"
REGIOS = Path(__file__).resolve().parent.parent / "config" / "regios.csv"
START, WLZ_OPEN = date(2019, 1, 1), date(2021, 1, 1)
HISTORIE = date(2015, 1, 1)  # the Wmo 2015: GWS holds BW toewijzingen from this day on
PEILDATUM, TUSSEN_PEILDATUM = date(2025, 6, 30), date(2024, 12, 31)
STAND_PER_1000_VOOR, STAND_PER_1000_NA = 1.70, 1.10   # BW clients per 1,000 inhabitants
CENTRUM_FACTOR = 2.0                                  # the centrumgemeente is over-represented
GOLF_FRACTIE = 0.33                                   # share of the stand moving to the Wlz in 2021
MO_PER_MAAND_PER_1000 = 0.0037                        # new Opvang stays per month per 1,000 inhabitants
MEER_MO_PER_MAAND_PER_1000 = 0.008                     # and new opvang clients with returns (voorbeeld.opvang)

HEADERS = {
    "indicaties": ["Clientnummer", "Gemeentecode", "Toewijzingnummer", "Productcategorie", "Productcode",
                   "Productomschrijving", "Leveringsvorm", "Aanbieder", "Ingangsdatum", "Einddatum",
                   "Reden_beeindiging", "Tarief", "Eenheid", "Geboortejaar", "Geslacht", "Gemeentecode_verblijf"],
    "declaraties": ["Regelnummer", "Toewijzingnummer", "Clientnummer", "Productcode", "Aanbieder",
                    "Periode_begin", "Periode_eind", "Bedrag", "Status"],
    "pgb": ["Clientnummer", "Gemeentecode", "Jaar", "Maand", "Besteed", "Budget"],
    "wlz": ["Clientnummer", "Aanvraagdatum", "Besluit", "Besluitdatum", "Ingangsdatum_wlz", "Zorgprofiel"],
    "financien": ["Jaar", "Post", "Bedrag", "Toelichting"],
    "producten": ["Productcode", "Productomschrijving", "Productcategorie", "Tussenvorm"],
    "cbs": ["ID", "RegioS", "Perioden", "BevolkingOp1Januari_1"],
    "budget": ["Jaar", "Gemeentecode", "Historisch", "Objectief", "Toelichting"],
}
UTF8_BOM, CP1252 = "utf-8-sig", "cp1252"


# --- formats ---------------------------------------------------------------------------------
def fdate(day: int | None) -> str:
    return "" if day is None else date.fromordinal(day).strftime("%d-%m-%Y")


def fmoney(x: float) -> str:
    """1234.5 -> '1.234,50' (decimal comma, '.' thousands separator)."""
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def client_id(n: int) -> str:
    return f"C{n:06d}"


def _gemeente_writer(rng):
    """Gemeentecode as COGNOS writes it: mostly '0106', sometimes 'GM0106' or '106'."""
    def fmt(code: str) -> str:
        u = rng.random()
        return code[2:] if u < 0.75 else code if u < 0.9 else str(int(code[2:]))
    return fmt


def _write(path: Path, header: list[str], rows: list[list], encoding: str = UTF8_BOM,
           quoting: int = csv.QUOTE_MINIMAL) -> int:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=quoting)
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


# --- inputs ----------------------------------------------------------------------------------
def _data(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter=";"))


def _region_rows(region_rows) -> list[dict]:
    """None: the first region of config/regios.csv; a name: that region; an etl.region.Region;
    else the rows given (dicts with at least gemeente_code and centrumgemeente 'ja'/'nee')."""
    if hasattr(region_rows, "gemeenten"):
        return [{"regio": region_rows.naam, "gemeente_code": g.code,
                 "centrumgemeente": "ja" if g.centrumgemeente else "nee"} for g in region_rows.gemeenten]
    if region_rows is not None and not isinstance(region_rows, str):
        return list(region_rows)
    with REGIOS.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    name = region_rows or rows[0]["regio"]
    chosen = [r for r in rows if r["regio"].casefold() == name.casefold()]
    if not chosen:
        raise ValueError(f"Onbekende regio '{name}' in {REGIOS}")
    return chosen


def _population() -> dict[str, dict[str, str]]:
    """{regio: {'2024': '69701', '2026*': ...}}; a '*' marks a provisional CBS figure."""
    return {r["regio"]: {k: v for k, v in r.items() if k != "regio"} for r in _data("cbs_bevolking.csv")}


def _scenario(scale: str, rows: list[dict]) -> tuple[Scenario, int]:
    if scale != "region":
        raise NotImplementedError(f"scale '{scale}' is nog niet beschikbaar (alleen 'region')")
    pop = _population()
    latest = max((k for k in pop[rows[0]["gemeente_code"]] if int(k.rstrip("*")) <= PEILDATUM.year),
                 key=lambda k: int(k.rstrip("*")))
    gemeenten = []
    for r in rows:
        centrum = str(r.get("centrumgemeente", "")).strip().lower() in ("ja", "true", "1")
        gemeenten.append((r["gemeente_code"], int(pop[r["gemeente_code"]][latest]) * (CENTRUM_FACTOR if centrum else 1.0)))
    inwoners = sum(int(pop[r["gemeente_code"]][str(START.year)]) for r in rows)
    sc = Scenario(
        start=START.toordinal(), peildatum=PEILDATUM.toordinal(),
        horizon=date(PEILDATUM.year, 12, 31).toordinal(), wlz_open=WLZ_OPEN.toordinal(),
        gemeenten=gemeenten, stand_voor=round(STAND_PER_1000_VOOR * inwoners / 1000),
        stand_na=round(STAND_PER_1000_NA * inwoners / 1000), golf_fractie=GOLF_FRACTIE,
        catalogus=_data("producten.csv"), mo_per_maand=MO_PER_MAAND_PER_1000 * inwoners / 1000,
        tussen_peildatum=TUSSEN_PEILDATUM.toordinal(), historie=HISTORIE.toordinal())
    return sc, inwoners


def catalogue_rows(catalogus: list[dict]) -> list[list[str]]:
    """The producten export: the region's catalogue, without the local codes it lacks."""
    return [[p["productcode"], p["productomschrijving"], p["productcategorie"], p["tussenvorm"]]
            for p in catalogus if p["in_catalogus"] == "ja"]


def cbs_rows(population: dict[str, dict[str, str]]) -> list[list[str]]:
    """StatLine rows: padded region keys, '2026*' (provisional) written as period '2026JJ00*'."""
    rows = []
    for regio, per_jaar in population.items():
        for jaar, waarde in per_jaar.items():
            rows.append([str(len(rows)), regio.ljust(8), f"{jaar.rstrip('*')}JJ00{'*' * jaar.endswith('*')}", waarde])
    return rows


# --- the delivery ----------------------------------------------------------------------------
def write_sample(out_dir: Path, seed: int = 1, scale: str = "region", region_rows=None) -> dict:
    """Write the sample delivery of one region into out_dir; return {'files': {name: data rows}, ...}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = _region_rows(region_rows)
    sc, inwoners = _scenario(scale, rows)
    rng = np.random.default_rng(seed)
    cat = Catalogus(sc.catalogus, rng)
    episodes = simulate_bw(sc, rng)
    tws = toewijzingen(episodes, sc, cat, rng)
    basis_mo = simulate_mo(sc, cat, rng, first_client=max(e.client for e in episodes))
    tws += basis_mo
    # more MO from a generator of its own: every draw of `rng`, and so every BW figure, stays as it was
    mo_rng = np.random.default_rng([seed, 13])
    meer = meer_opvang(sc, cat, mo_rng, max(t.client for t in tws), MEER_MO_PER_MAAND_PER_1000 * inwoners / 1000,
                       bw_episodes=episodes, mo_stays=basis_mo)
    tws += meer
    tws.sort(key=lambda t: (t.start, t.client, t.end))
    for i, t in enumerate(tws):
        t.nummer, t.exported = str(40000001 + i), t.start <= sc.peildatum + 31
    wlz = wlz_requests(episodes, tws, sc, rng)
    extra = {id(t) for t in meer}
    regels = geld.nummer(geld.declaraties([t for t in tws if id(t) not in extra], sc, rng)
                         + geld.declaraties(meer, sc, mo_rng))
    pgb = geld.pgb(tws, sc, rng)
    financien = geld.financien(geld.kosten(regels, pgb), sc, inwoners, rng, mo_rng)

    herkomst: dict[int, str] = {}
    for t in tws:       # the municipality of the client's first toewijzing
        herkomst.setdefault(t.client, t.gemeente)
    verblijf = doordecentralisatie.regio_verblijf(herkomst, rows, seed)
    gem = _gemeente_writer(rng)
    tag, tussen = PEILDATUM.strftime("%Y%m%d"), TUSSEN_PEILDATUM.strftime("%Y%m%d")
    files: dict[str, int] = {}

    def put(name, kind, body, **kw):
        files[name] = _write(out_dir / name, HEADERS[kind], body, **kw)

    put(f"indicaties_{tag}.csv", "indicaties", [
        [client_id(t.client), gem(t.gemeente), t.nummer, t.product["productcategorie"], t.product["productcode"],
         t.product["productomschrijving"], "PGB" if t.pgb else "ZIN", t.aanbieder, fdate(t.start),
         fdate(t.einddatum), t.reden, "" if t.tarief is None else fmoney(t.tarief),
         "" if t.pgb else t.product["eenheid"], t.geboortejaar, t.geslacht, verblijf[t.client]]
        for t in sorted((t for t in tws if t.exported), key=lambda t: (t.client, t.start, t.nummer))])
    for day, previous, suffix in ((sc.tussen_peildatum, None, tussen), (sc.peildatum, sc.tussen_peildatum, tag)):
        put(f"declaraties_{suffix}.csv", "declaraties", [
            [r.nummer, r.tw.nummer, client_id(r.tw.client), r.tw.product["productcode"], r.tw.aanbieder,
             fdate(r.begin), fdate(r.end), fmoney(bedrag), status]
            for r, status, bedrag in geld.increment(regels, day, previous)])
    cut = (TUSSEN_PEILDATUM.year, TUSSEN_PEILDATUM.month)
    last = (PEILDATUM.year, PEILDATUM.month)
    put(f"pgb_{tussen}.csv", "pgb", [
        [client_id(c), gem(v[0]), y, m, fmoney(v[1]), fmoney(v[2])]
        for (c, y, m), v in sorted(pgb.items()) if (y, m) <= cut])
    put(f"pgb_{tag}.csv", "pgb", [
        [client_id(c), gem(v[0]), y, m, fmoney(v[3] if (y, m) <= cut else v[1]), fmoney(v[2])]
        for (c, y, m), v in sorted(pgb.items()) if cut < (y, m) <= last or ((y, m) <= cut and v[3] is not None)])
    put(f"wlz_{tag}.csv", "wlz", [
        [client_id(r["client"]), fdate(r["aanvraag"]), r["besluit"], fdate(r["besluitdatum"]),
         fdate(r["ingang"]), r["profiel"]] for r in wlz])
    put(f"financien_{tag}.csv", "financien", [[j, post, fmoney(b), toel] for j, post, b, toel in financien])
    put(f"producten_{tag}.csv", "producten", catalogue_rows(sc.catalogus), encoding=CP1252)
    put(f"cbs_{tag}.csv", "cbs", cbs_rows(_population()), quoting=csv.QUOTE_ALL)
    baten_2021 = next(b for j, post, b, _ in financien if j == 2021 and post == "Integratie-uitkering BW")
    inwoners_2021 = {c: int(v["2021"]) for c, v in _population().items() if "2021" in v}
    put(f"budget_{tag}.csv", "budget", [[j, c, fmoney(h), fmoney(o), toel] for j, c, h, o, toel
                                        in doordecentralisatie.regio_budget(rows, baten_2021, inwoners_2021, seed)])
    return {"files": files, "peildatum": PEILDATUM.isoformat(), "seed": seed, "scale": scale,
            "regio": rows[0].get("regio", "")}
