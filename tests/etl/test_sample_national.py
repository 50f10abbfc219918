"""The national sample: 342 municipalities in 43 BW regions, same formats as the region sample.

The deliveries here are small fractions of the national size (`fraction`), so they take well
under a second each; the full size is measured, not tested (see the report in the lead's notes).
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from etl.region import load_region
from etl.validate import read_export
from tests.fixtures.csvread import amount, ddate, read
from voorbeeld import write_sample
from voorbeeld.nationaal import (
    POPULATION,
    REGIOS_NATIONAAL,
    provider_names,
    write_national,
)
from voorbeeld.nationaal_kolommen import csv_field, fmoney_cents, write_columns
from voorbeeld.regio import HEADERS, fmoney

ROOT = Path(__file__).resolve().parents[2]
FRACTION = 0.02
PEIL = date(2025, 6, 30)


def gm(code: str) -> str:
    return "GM" + code.removeprefix("GM").zfill(4)


def config_rows() -> list[dict]:
    return read(REGIOS_NATIONAAL)


def population() -> dict[str, dict[str, str]]:
    with POPULATION.open(encoding="utf-8") as f:
        return {r["regio"]: r for r in csv.DictReader((x for x in f if not x.startswith("#")), delimiter=";")}


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("national")
    return out, write_national(out, seed=1, fraction=FRACTION)


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("region")
    return out, write_sample(out, seed=1)


def bw_stand(path: Path, day: date) -> int:
    return len({r["Clientnummer"] for r in read(path / "indicaties_20250630.csv") if r["Productcategorie"] == "15"
                and ddate(r["Ingangsdatum"]) <= day <= (ddate(r["Einddatum"]) or date.max)})


# --- the configuration -----------------------------------------------------------------------
def test_config_has_342_municipalities_in_43_regions():
    rows = config_rows()
    assert list(rows[0]) == ["regio", "gemeente_code", "gemeente_naam", "subregio_code", "subregio_naam",
                             "centrumgemeente", "overgangsdatum"]
    assert len(rows) == 342 and {r["regio"] for r in rows} == {"Nederland"}
    codes = [r["gemeente_code"] for r in rows]
    assert len(set(codes)) == 342 and all(re.fullmatch(r"GM\d{4}", c) for c in codes)
    assert len({r["gemeente_naam"] for r in rows}) == 342
    per_region = defaultdict(list)
    for r in rows:
        per_region[(r["subregio_code"], r["subregio_naam"])].append(r)
    assert len(per_region) == 43 and len({c for c, _ in per_region}) == 43
    for (code, naam), members in per_region.items():
        centrum = [m for m in members if m["centrumgemeente"] == "ja"]
        assert len(centrum) == 1, code
        assert naam == centrum[0]["gemeente_naam"] and code == "BW" + centrum[0]["gemeente_code"][2:]
    assert {r["centrumgemeente"] for r in rows} == {"ja", "nee"}
    region = load_region("Nederland")                      # etl.region reads regios_*.csv too
    assert len(region.gemeenten) == 342 and sum(g.centrumgemeente for g in region.gemeenten) == 43


def test_config_keeps_the_real_municipalities_and_regions():
    real = read(ROOT / "config" / "regios.csv")
    nat = {r["gemeente_code"]: r for r in config_rows()}
    centrum_of = {r["regio"]: r["gemeente_code"] for r in real if r["centrumgemeente"] == "ja"}
    for r in real:
        n = nat[r["gemeente_code"]]
        assert n["gemeente_naam"] == r["gemeente_naam"]
        assert n["subregio_code"] == "BW" + centrum_of[r["regio"]][2:]
        assert n["centrumgemeente"] == r["centrumgemeente"]
    synthetic = [r for r in nat.values() if r["gemeente_naam"].startswith("Synthetische gemeente")]
    assert all(r["gemeente_code"].startswith("GM9") for r in synthetic)
    assert not any(r["gemeente_code"].startswith("GM9") for r in nat.values() if r not in synthetic)
    assert nat["GM0363"]["gemeente_naam"] == "Amsterdam" and nat["GM0363"]["centrumgemeente"] == "ja"


def test_population_for_every_municipality():
    pop = population()
    with (ROOT / "voorbeeld" / "gegevens" / "cbs_bevolking.csv").open(encoding="utf-8") as f:
        population_region = {r["regio"]: r for r in csv.DictReader((x for x in f if not x.startswith("#")), delimiter=";")}
    codes = {r["gemeente_code"] for r in config_rows()}
    assert set(pop) == codes | {"NL01"}
    for code, row in population_region.items():
        if code.startswith("GM"):
            for year in ("2019", "2020", "2021", "2022", "2023", "2024", "2026*"):
                assert pop[code][year] == row[year], (code, year)       # real CBS figures kept
    for year in ("2016", "2019", "2024"):
        total = sum(int(pop[c][year]) for c in codes)
        assert total == int(pop["NL01"][year])
        assert 16_500_000 < total < 18_500_000
    for year in ("2019", "2024"):
        assert pop["NL01"][year] == population_region["NL01"][year]       # CBS's national total
    assert "2025" not in pop["GM0106"] and all(int(pop[c]["2024"]) > 1000 for c in codes)


# --- formats: the same as the region sample -------------------------------------------------
def test_same_files_and_headers_as_the_region_sample(national, region):
    out, summary = national
    rout, rsummary = region
    assert set(summary["files"]) == set(rsummary["files"])
    assert {p.name for p in out.iterdir()} == set(summary["files"])
    for name, rows in summary["files"].items():
        soort = name.split("_")[0]
        encoding = "cp1252" if soort == "producten" else "utf-8-sig"
        with (out / name).open(encoding=encoding, newline="") as f:
            lines = list(csv.reader(f, delimiter=";"))
        with (rout / name).open(encoding=encoding, newline="") as f:
            assert lines[0] == next(csv.reader(f, delimiter=";")) == HEADERS[soort], name
        assert len(lines) - 1 == rows > 0, name
        assert all(len(line) == len(HEADERS[soort]) for line in lines), name
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (soort != "producten"), name
        assert raw.count(b"\r\n") == rows + 1, name                     # CRLF, as csv.writer writes
        assert raw[:200].split(b"\r\n")[0] == (rout / name).read_bytes()[:200].split(b"\r\n")[0], name


def test_values_look_like_the_region_sample(national):
    out, _ = national
    ind = read(out / "indicaties_20250630.csv")
    forms = {("GM" if c.startswith("GM") else len(c)) for c in (r["Gemeentecode"] for r in ind)}
    assert {"GM", 4, 3} <= forms <= {"GM", 4, 3, 2}              # '0014', 'GM0014', '14' (Groningen)
    assert all(re.fullmatch(r"C\d{6}", r["Clientnummer"]) for r in ind)
    nummers = [r["Toewijzingnummer"] for r in ind]
    assert len(set(nummers)) == len(nummers)
    assert {r["Leveringsvorm"] for r in ind} == {"ZIN", "PGB"}
    assert all(r["Tarief"] == r["Eenheid"] == r["Aanbieder"] == "" for r in ind if r["Leveringsvorm"] == "PGB")
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d{2}", r["Tarief"]) for r in ind if r["Leveringsvorm"] == "ZIN")
    assert any(r["Einddatum"] == "" for r in ind) and any(r["Eenheid"] == "04" for r in ind)
    assert "Zorgcoöperatie".encode() in (out / "indicaties_20250630.csv").read_bytes()
    decl = read(out / "declaraties_20241231.csv")
    assert all(re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{2}", r["Bedrag"]) for r in decl)
    assert any(r["Bedrag"].startswith("-") for r in decl)
    assert {r["Toewijzingnummer"] for r in decl} <= set(nummers)
    later = read(out / "declaraties_20250630.csv")
    assert {r["Status"] for r in later} == {"Toegekend", "Afgewezen", "Ingediend"}
    assert any(r["Regelnummer"] in {x["Regelnummer"] for x in decl} for r in later)
    assert date(2025, 4, 30) <= max(ddate(r["Periode_eind"]) for r in later) <= date(2025, 5, 31)
    cbs = read(out / "cbs_20250630.csv")
    fig = {(r["RegioS"].strip(), r["Perioden"]): r["BevolkingOp1Januari_1"] for r in cbs}
    assert fig[("GM0106", "2019JJ00")] == "67963" and ("GM0106", "2026JJ00*") in fig
    assert len({k for k, _ in fig if k.startswith("GM")}) == 342


def test_every_gemeentecode_belongs_to_region_nederland(national):
    out, _ = national
    nederland = {r["gemeente_code"] for r in config_rows() if r["regio"] == "Nederland"}
    used = {gm(r["Gemeentecode"]) for r in read(out / "indicaties_20250630.csv")}
    used_pgb = {gm(r["Gemeentecode"]) for name in ("pgb_20241231.csv", "pgb_20250630.csv") for r in read(out / name)}
    assert used <= nederland and used_pgb <= nederland
    assert len(used) >= 250                                 # spread over the country, even at 2%
    assert len({r["subregio_code"] for r in config_rows() if r["gemeente_code"] in used}) == 43


def test_the_real_readers_accept_every_file(national):
    out, summary = national
    codes = load_region("Nederland").codes
    for name, rows in summary["files"].items():
        result = read_export(out / name, name.split("_")[0], codes, PEIL)
        assert result.rejected == [], (name, result.rejected[:3])
        assert result.rows_read == rows, name


# --- determinism ----------------------------------------------------------------------------
def test_same_seed_same_bytes_other_seed_other_data(national, tmp_path):
    out, summary = national
    again = write_national(tmp_path / "again", seed=1, fraction=FRACTION)
    assert again["files"] == summary["files"]
    for name in summary["files"]:
        assert hashlib.sha256((out / name).read_bytes()).digest() == \
            hashlib.sha256((tmp_path / "again" / name).read_bytes()).digest(), name
    write_national(tmp_path / "other", seed=2, fraction=FRACTION)
    assert (out / "indicaties_20250630.csv").read_bytes() != (tmp_path / "other" / "indicaties_20250630.csv").read_bytes()


def test_write_sample_dispatches_national(monkeypatch, tmp_path):
    import voorbeeld.nationaal as sn
    calls = []
    monkeypatch.setattr(sn, "write_national", lambda out, seed, region_rows=None: calls.append((out, seed)) or {"ok": 1})
    assert write_sample(tmp_path, seed=7, scale="national") == {"ok": 1}
    assert calls == [(tmp_path, 7)]
    with pytest.raises(NotImplementedError):
        write_sample(tmp_path / "x", seed=1, scale="planet")


# --- proportions ----------------------------------------------------------------------------
def test_clients_per_1000_similar_to_the_region_sample(national, region):
    out, _ = national
    rout, _ = region
    pop = population()
    nat_pop = {y: FRACTION * int(pop["NL01"][y]) for y in ("2020", "2024")}
    with (ROOT / "voorbeeld" / "gegevens" / "cbs_bevolking.csv").open(encoding="utf-8") as f:
        rpop = {r["regio"]: r for r in csv.DictReader((x for x in f if not x.startswith("#")), delimiter=";")}
    assen = [r["gemeente_code"] for r in read(ROOT / "config" / "regios.csv") if r["regio"] == "Assen"]
    reg_pop = {y: sum(int(rpop[c][y]) for c in assen) for y in ("2020", "2024")}
    for day, year in ((date(2020, 12, 31), "2020"), (date(2024, 12, 31), "2024")):
        national_rate = bw_stand(out, day) / nat_pop[year] * 1000
        region_rate = bw_stand(rout, day) / reg_pop[year] * 1000
        assert 0.8 <= national_rate / region_rate <= 1.5, (day, national_rate, region_rate)
    assert 1.6 <= bw_stand(out, date(2017, 12, 31)) / nat_pop["2020"] * 1000 <= 2.1   # ~31,000 nationally


def test_story_wlz_pgb_and_money(national):
    out, _ = national
    ind = read(out / "indicaties_20250630.csv")
    bw = [r for r in ind if r["Productcategorie"] == "15"]
    clients = {r["Clientnummer"] for r in bw}
    assert 0.05 <= len({r["Clientnummer"] for r in bw if r["Leveringsvorm"] == "PGB"}) / len(clients) <= 0.15
    wlz_2021 = sum(1 for r in bw if r["Reden_beeindiging"] == "39" and r["Einddatum"]
                   and ddate(r["Einddatum"]).year == 2021)
    assert 0.2 <= wlz_2021 / bw_stand(out, date(2020, 12, 31)) <= 0.4
    assert {"16", "17"} <= {r["Productcategorie"] for r in ind}
    besluit = defaultdict(int)
    for r in read(out / "wlz_20250630.csv"):
        besluit[r["Besluit"]] += 1
    assert set(besluit) == {"Toegekend", "Afgewezen", "Ingetrokken", "In behandeling"}
    fin = {(int(r["Jaar"]), r["Post"]): amount(r["Bedrag"]) for r in read(out / "financien_20250630.csv")}
    assert {j for j, _ in fin} == set(range(2016, 2026))
    cost = defaultdict(float)
    lines = {}
    for name in ("declaraties_20241231.csv", "declaraties_20250630.csv"):
        for r in read(out / name):
            lines[r["Regelnummer"]] = r
    cat15 = {r["Toewijzingnummer"] for r in bw}
    for r in lines.values():
        if r["Status"] == "Toegekend" and r["Toewijzingnummer"] in cat15:
            cost[ddate(r["Periode_begin"]).year] += amount(r["Bedrag"])
    for name in ("pgb_20241231.csv", "pgb_20250630.csv"):
        for r in read(out / name):
            cost[int(r["Jaar"])] += amount(r["Besteed"])
    for jaar in range(2016, 2025):
        baten = fin[(jaar, "Integratie-uitkering BW")]
        assert 0 < baten - cost[jaar] - fin[(jaar, "Uitvoeringskosten BW")] < 0.08 * baten, jaar


# --- the fast writers match the csv module and voorbeeld.regio.fmoney -----------------------------
def test_write_columns_matches_csv_writer(tmp_path):
    rows = [["a;b", 'say "hi"', "Zorgcoöperatie", ""], ["1", "-1.234,50", "x", "y"], ["", "", "", ""]]
    ours = tmp_path / "ours.csv"
    write_columns(ours, ["H1", "H2", "H3", "H4"], len(rows),
                  lambda a, b: [[csv_field(r[i]) for r in rows[a:b]] for i in range(4)], chunk=2)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["H1", "H2", "H3", "H4"])
    w.writerows(rows)
    assert ours.read_bytes() == ("\ufeff" + buf.getvalue()).encode("utf-8")


def test_fmoney_cents_matches_fmoney():
    rng = np.random.default_rng(3)
    cents = np.concatenate([rng.integers(-10**9, 10**9, 2000), [0, 1, -1, 99, 100, 123456789, -100000]])
    assert fmoney_cents(cents) == [fmoney(c / 100) for c in cents.tolist()]


def test_provider_names_are_distinct_per_region():
    bw, mo = provider_names(43)
    assert len(bw) == 43 * 6 and len(mo) == 43 * 2 and len(set(bw) | set(mo)) == len(bw) + len(mo)
