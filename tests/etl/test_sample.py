"""The synthetic sample delivery: deterministic, in the contract's formats, realistic magnitudes.

The magnitudes are computed from the written CSVs with the csv module and the definitions of
domain.md (stand, episodes, uitstroom), independently of the warehouse.
"""
from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.fixtures.csvread import amount, ddate, read
from voorbeeld import write_sample
from voorbeeld.regio import HEADERS

SOORTEN_EENMAAL = ("indicaties", "wlz", "financien", "producten", "cbs")
BW_FORMS = ("Beschermd wonen intramuraal", "Beschermd wonen nabij", "Begeleid wonen", "Thuis Plus")


@pytest.fixture(scope="module")
def delivery(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("sample")
    return out, write_sample(out, seed=1)


@pytest.fixture(scope="module")
def bw(delivery):
    """BW indications (category 15) as (client, start, end, reden, leveringsvorm, nummer)."""
    out, _ = delivery
    rows = read(out / "indicaties_20250630.csv")
    return [(r["Clientnummer"], ddate(r["Ingangsdatum"]), ddate(r["Einddatum"]) or date.max,
             r["Reden_beeindiging"], r["Leveringsvorm"], r["Toewijzingnummer"])
            for r in rows if r["Productcategorie"] == "15"]


def stand(bw, day: date) -> int:
    return len({c for c, s, e, *_ in bw if s <= day <= e})


def episodes(bw) -> list[tuple[str, date, date, str]]:
    """Merge a client's indications while the next starts on or before the day after the end."""
    per_client = defaultdict(list)
    for c, s, e, reden, *_ in bw:
        per_client[c].append((s, e, reden))
    out = []
    for c in sorted(per_client):
        cur = None
        for s, e, reden in sorted(per_client[c]):
            if cur and s <= cur[2] + timedelta(days=1):
                if e >= cur[2]:
                    cur = [c, cur[1], e, reden]
            else:
                if cur:
                    out.append(tuple(cur))
                cur = [c, s, e, reden]
        out.append(tuple(cur))
    return out


# --- determinism, names, headers, encodings --------------------------------------------------
def test_same_seed_gives_identical_bytes(delivery, tmp_path):
    out, summary = delivery
    again = write_sample(tmp_path / "again", seed=1)
    assert again["files"] == summary["files"]
    for name in summary["files"]:
        assert hashlib.sha256((out / name).read_bytes()).digest() == \
            hashlib.sha256((tmp_path / "again" / name).read_bytes()).digest(), name


def test_other_seed_gives_other_data(delivery, tmp_path):
    out, _ = delivery
    write_sample(tmp_path / "other", seed=2)
    assert (out / "indicaties_20250630.csv").read_bytes() != (tmp_path / "other" / "indicaties_20250630.csv").read_bytes()


def test_files_names_and_headers(delivery):
    out, summary = delivery
    expected = {f"{k}_20250630.csv" for k in HEADERS} | {"declaraties_20241231.csv", "pgb_20241231.csv"}
    assert set(summary["files"]) == expected
    assert {p.name for p in out.iterdir()} == expected
    for name, rows in summary["files"].items():
        soort = name.split("_")[0]
        encoding = "cp1252" if soort == "producten" else "utf-8-sig"
        with (out / name).open(encoding=encoding, newline="") as f:
            lines = list(csv.reader(f, delimiter=";"))
        assert lines[0] == HEADERS[soort], name
        assert len(lines) - 1 == rows > 0, name
        assert all(len(line) == len(HEADERS[soort]) for line in lines), name


def test_encodings(delivery):
    out, summary = delivery
    producten = (out / "producten_20250630.csv").read_bytes()
    assert not producten.startswith(b"\xef\xbb\xbf")
    assert "beëindigd".encode("cp1252") in producten
    with pytest.raises(UnicodeDecodeError):
        producten.decode("utf-8")
    for name in summary["files"]:
        if not name.startswith("producten"):
            assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    assert "Zorgcoöperatie".encode() in (out / "indicaties_20250630.csv").read_bytes()


def test_dutch_number_and_date_formats(delivery):
    out, _ = delivery
    decl = read(out / "declaraties_20241231.csv")
    assert any("." in r["Bedrag"] and r["Bedrag"].endswith(tuple(f",{i:02d}" for i in range(100))) for r in decl)
    assert any(r["Bedrag"].startswith("-") for r in decl)
    assert all(len(r["Periode_begin"]) == 10 and r["Periode_begin"][2] == "-" for r in decl)
    fin = read(out / "financien_20250630.csv")
    assert all(r["Bedrag"].count(".") >= 2 for r in fin if r["Post"] == "Integratie-uitkering BW")


def test_identifiers_and_gemeentecodes(delivery):
    out, _ = delivery
    ind = read(out / "indicaties_20250630.csv")
    nummers = [r["Toewijzingnummer"] for r in ind]
    assert len(nummers) == len(set(nummers)) and all(n.isdigit() for n in nummers)
    assert all(r["Clientnummer"].startswith("C") and r["Clientnummer"][1:].isdigit() for r in ind)
    forms = {("GM" if c.startswith("GM") else len(c)) for c in (r["Gemeentecode"] for r in ind)}
    assert forms == {"GM", 4, 3}
    with open(Path(__file__).resolve().parents[2] / "config" / "regios.csv", encoding="utf-8") as f:
        assen = {r["gemeente_code"] for r in csv.DictReader(f, delimiter=";") if r["regio"] == "Assen"}
    assert {"GM" + r["Gemeentecode"].removeprefix("GM").zfill(4) for r in ind} == assen
    regels = read(out / "declaraties_20241231.csv") + read(out / "declaraties_20250630.csv")
    assert {r["Toewijzingnummer"] for r in regels} <= set(nummers)
    first = {r["Regelnummer"] for r in read(out / "declaraties_20241231.csv")}
    later = read(out / "declaraties_20250630.csv")
    assert any(r["Regelnummer"] in first for r in later)          # a newer version of a line
    assert len({r["Regelnummer"] for r in later}) == len(later)


def test_catalogue_and_products(delivery):
    out, _ = delivery
    cat = {r["Productcode"]: r for r in read(out / "producten_20250630.csv", "cp1252")}
    assert set(BW_FORMS) | {"Opvang", "Spoedopvang"} == {r["Tussenvorm"] for r in cat.values()}
    ind = read(out / "indicaties_20250630.csv")
    missing = {r["Productcode"] for r in ind if r["Productcode"] not in cat}
    assert missing and all(r["Productcategorie"] == "15" for r in ind if r["Productcode"] in missing)
    assert any(r["Productcategorie"] == "16" for r in ind)
    assert any(r["Eenheid"] not in ("14", "") for r in ind)
    intramuraal = [amount(r["Tarief"]) for r in ind if r["Productcode"] in cat and r["Leveringsvorm"] == "ZIN"
                   and cat[r["Productcode"]]["Tussenvorm"] == BW_FORMS[0]]
    assert 100 <= min(intramuraal) and max(intramuraal) <= 300


def test_cbs_file_has_real_figures(delivery):
    out, _ = delivery
    rows = read(out / "cbs_20250630.csv")
    fig = {(r["RegioS"].strip(), r["Perioden"]): r["BevolkingOp1Januari_1"] for r in rows}
    assert fig[("GM0106", "2019JJ00")] == "67963" and fig[("GM0642", "2026JJ00*")] == "44819"   # * voorlopig
    assert ("GM0106", "2025JJ00") not in fig
    assert {"PV22", "NL01"} <= {k for k, _ in fig}
    assert any(r["RegioS"] != r["RegioS"].strip() for r in rows)
    assert len({k for k, _ in fig if k.startswith("GM")}) == 21


# --- magnitudes ------------------------------------------------------------------------------
def test_stand_before_and_after_the_wlz(bw):
    assert 500 <= stand(bw, date(2020, 12, 31)) <= 600
    for day in (date(2022, 12, 31), date(2023, 12, 31), date(2024, 12, 31), date(2025, 6, 30)):
        assert 330 <= stand(bw, day) <= 380, day


def test_wlz_outflow_2021_is_about_a_third(bw):
    eps = episodes(bw)
    peil = date(2025, 6, 30)
    wlz_2021 = [e for e in eps if e[2] < peil and (e[2] + timedelta(days=1)).year == 2021 and e[3] == "39"]
    share = len(wlz_2021) / stand(bw, date(2020, 12, 31))
    assert 0.25 <= share <= 0.40


def test_flows_realistic(bw):
    eps = episodes(bw)
    starts = defaultdict(list)
    for c, s, e, reden in eps:
        starts[c].append((s, e))
    returns = [(s - prev_e).days for c in starts for (_, prev_e), (s, _) in zip(starts[c], starts[c][1:])]
    assert sum(d <= 365 for d in returns) >= 5 and sum(d > 365 for d in returns) >= 5
    reasons = {e[3] for e in eps if e[2] < date(2025, 6, 30)}
    assert {"19", "21", "22", "23", "02", "31", "39"} <= reasons
    # doorstroom: an indication ending with 37 followed the next day by another for the same client
    by_client = defaultdict(list)
    for c, s, e, reden, *_ in bw:
        by_client[c].append((s, e, reden))
    steps = sum(1 for c, ind in by_client.items() for s, e, r in ind if r == "37"
                and any(s2 == e + timedelta(days=1) for s2, _, _ in ind))
    assert steps >= 20
    assert any(e == date.max for _, _, e, *_ in bw)                          # open einddatum
    assert any(date(2025, 6, 30) < e < date.max for _, _, e, *_ in bw)        # ends after the peildatum


def test_pgb_share(bw):
    clients = {c for c, *_ in bw}
    pgb = {c for c, _, _, _, lv, _ in bw if lv == "PGB"}
    assert 0.05 <= len(pgb) / len(clients) <= 0.15
    day = date(2024, 12, 31)
    active = {c for c, s, e, *_ in bw if s <= day <= e}
    assert 0.05 <= len(active & pgb) / len(active) <= 0.15


def test_declarations_lag_behind_the_peildatum(delivery):
    out, _ = delivery
    latest = max(ddate(r["Periode_eind"]) for r in read(out / "declaraties_20250630.csv"))
    assert date(2025, 4, 30) <= latest <= date(2025, 5, 31)
    statuses = {r["Status"] for r in read(out / "declaraties_20250630.csv")}
    assert statuses == {"Toegekend", "Afgewezen", "Ingediend"}
    first = read(out / "declaraties_20241231.csv")
    assert any(ddate(r["Periode_begin"]).month != ddate(r["Periode_eind"]).month for r in first)


def test_pgb_increments_and_amounts(delivery):
    out, _ = delivery
    first = {(r["Clientnummer"], r["Jaar"], r["Maand"]): r["Besteed"] for r in read(out / "pgb_20241231.csv")}
    later = {(r["Clientnummer"], r["Jaar"], r["Maand"]): r["Besteed"] for r in read(out / "pgb_20250630.csv")}
    corrected = [k for k in later if k in first]
    assert corrected and all(later[k] != first[k] for k in corrected)
    assert max(int(m) for (_, j, m) in later if j == "2025") == 6
    full = sorted(amount(v) for v in first.values())
    median = full[len(full) // 2]
    assert 1800 <= median <= 2800


def test_wlz_requests(delivery):
    out, _ = delivery
    wlz = read(out / "wlz_20250630.csv")
    besluit = defaultdict(int)
    for r in wlz:
        besluit[r["Besluit"]] += 1
    assert besluit["Toegekend"] >= 150 and besluit["Afgewezen"] > 0 and besluit["Ingetrokken"] > 0
    pending = [r for r in wlz if r["Besluit"] == "In behandeling"]
    assert len(pending) >= 5 and all(not r["Besluitdatum"] for r in pending)
    ages = [(date(2025, 6, 30) - ddate(r["Aanvraagdatum"])).days for r in pending]
    assert min(ages) < 60 and max(ages) > 180


def test_yearly_result_positive(delivery):
    """baten - (ZIN BW approved + PGB spent) - uitvoeringskosten BW > 0 for every closed year."""
    out, _ = delivery
    cat15 = {r["Toewijzingnummer"] for r in read(out / "indicaties_20250630.csv") if r["Productcategorie"] == "15"}
    lines = {}
    for name in ("declaraties_20241231.csv", "declaraties_20250630.csv"):       # newer version wins
        for r in read(out / name):
            lines[r["Regelnummer"]] = r
    cost = defaultdict(float)
    for r in lines.values():
        if r["Status"] != "Toegekend" or r["Toewijzingnummer"] not in cat15:
            continue
        b, e = ddate(r["Periode_begin"]), ddate(r["Periode_eind"])
        days = (e - b).days + 1
        for jaar in range(b.year, e.year + 1):                                # spread by days
            part = (min(e, date(jaar, 12, 31)) - max(b, date(jaar, 1, 1))).days + 1
            cost[jaar] += amount(r["Bedrag"]) * part / days
    pgb = {}
    for name in ("pgb_20241231.csv", "pgb_20250630.csv"):
        for r in read(out / name):
            pgb[(r["Clientnummer"], r["Jaar"], r["Maand"])] = amount(r["Besteed"])
    for (_, jaar, _), besteed in pgb.items():
        cost[int(jaar)] += besteed
    fin = {(int(r["Jaar"]), r["Post"]): amount(r["Bedrag"]) for r in read(out / "financien_20250630.csv")}
    for jaar in range(2019, 2025):
        baten = fin[(jaar, "Integratie-uitkering BW")]
        result = baten - cost[jaar] - fin[(jaar, "Uitvoeringskosten BW")]
        assert 0 < result < 0.08 * baten, jaar
        # the actual MO uitvoeringskosten lie around the 5% norm (art. 8.3), sometimes above it
        assert 0.045 <= fin[(jaar, "Uitvoeringskosten MO")] / fin[(jaar, "Decentralisatie-uitkering MO")] <= 0.057
    assert 0.85 < fin[(2025, "Integratie-uitkering BW")] / fin[(2024, "Integratie-uitkering BW")] < 1.2
    assert 0.25 < cost[2025] / fin[(2025, "Integratie-uitkering BW")] < 0.5     # declared to ~May


def test_mo_stays_returns_and_shifts_to_and_from_bw(delivery):
    """Opvang and spoedopvang stays of days to months, some repeated within the year, some
    followed by BW within 30 days and some after BW (issue 13)."""
    out, _ = delivery
    ind = read(out / "indicaties_20250630.csv")
    mo = [(r["Clientnummer"], ddate(r["Ingangsdatum"]), ddate(r["Einddatum"]), r["Productcategorie"])
          for r in ind if r["Productcategorie"] in ("16", "17")]
    spoed = [(e - s).days + 1 for _, s, e, cat in mo if cat == "17" and e]
    opvang = [(e - s).days + 1 for _, s, e, cat in mo if cat == "16" and e]
    assert len(spoed) >= 50 and max(spoed) <= 28 and min(spoed) <= 7
    assert len(opvang) >= 300 and 20 <= sorted(opvang)[len(opvang) // 2] <= 270
    day = date(2024, 12, 31)
    assert 15 <= len({c for c, s, e, _ in mo if s <= day <= (e or date.max)}) <= 60
    per_client = defaultdict(list)
    for c, s, e, _ in mo:
        per_client[c].append((s, e))
    again = [(s2 - e1).days for stays in per_client.values() for (_, e1), (s2, _) in zip(sorted(stays), sorted(stays)[1:]) if e1]
    assert sum(1 for g in again if g <= 365) >= 20
    bw = defaultdict(list)
    for r in ind:
        if r["Productcategorie"] == "15":
            bw[r["Clientnummer"]].append((ddate(r["Ingangsdatum"]), ddate(r["Einddatum"])))
    naar_bw = sum(1 for c, s, e, _ in mo if e and any(0 < (bs - e).days <= 30 for bs, _ in bw.get(c, ())))
    naar_mo = sum(1 for c, s, e, _ in mo if any(be and 0 < (s - be).days <= 30 for _, be in bw.get(c, ())))
    assert naar_bw >= 10 and naar_mo >= 10


def test_mo_money_and_the_reserve(delivery):
    out, _ = delivery
    fin = [(int(r["Jaar"]), r["Post"], amount(r["Bedrag"])) for r in read(out / "financien_20250630.csv")]
    saldo = [(j, b) for j, p, b in fin if p == "Reserve MO saldo 1 januari"]
    assert [j for j, _ in saldo] == [2019] and saldo[0][1] > 0        # the opening balance, once
    assert len([j for j, p, _ in fin if p == "Onttrekking Reserve MO"]) == 1
    uitkering = {j: b for j, p, b in fin if p == "Decentralisatie-uitkering MO"}
    assert all(300_000 < b < 2_000_000 for b in uitkering.values())
