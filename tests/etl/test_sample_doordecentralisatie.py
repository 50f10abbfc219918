"""The sample's doordecentralisatie: Bijlage II exactly for Zuidoost-Drenthe, synthetic budgets
elsewhere (and labelled so), and realistic shares of clients living away from their origin."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from etl.load import load
from voorbeeld.nationaal import write_national
from voorbeeld.regio import write_sample

EMMEN, COEVORDEN, BORGER_ODOORN = "GM0114", "GM0109", "GM1681"
JAREN = range(2021, 2033)
# Bijlage II of 004_*.txt, typed from the table: per municipality (historisch, objectief) ...
BIJLAGE_II = {
    EMMEN: [(13691613, 0), (13181651, 0), (11879780, 915682), (8872794, 2916350), (6373395, 4594459),
            (4295458, 6004437), (2565215, 7189240), (1127057, 8188057), (0, 8988782), (0, 9071855),
            (0, 9154928), (0, 9238001)],
    COEVORDEN: [(0, 0), (0, 0), (0, 298810), (0, 951679), (0, 1499288), (0, 1959400), (0, 2346031),
                (0, 2671970), (0, 2933267), (0, 2960376), (0, 2987485), (0, 3014593)],
    BORGER_ODOORN: [(0, 0), (0, 0), (0, 223567), (0, 712038), (0, 1121754), (0, 1466006), (0, 1755280),
                    (0, 1999145), (0, 2194645), (0, 2214928), (0, 2235210), (0, 2255493)],
}
# ... and the regional table (historisch, objectief, totaalbudget).
REGIONAAL = [(13691613, 0, 13691613), (13181651, 0, 13181651), (11879780, 1438059, 13317839),
             (8872794, 4580066, 13452860), (6373395, 7215501, 13588896), (4295458, 9429843, 13725301),
             (2565215, 11290550, 13855765), (1127057, 12859173, 13986230), (0, 14116694, 14116694),
             (0, 14247159, 14247159), (0, 14377623, 14377623), (0, 14508087, 14508087)]
# The Rijk's spreadsheet rounds every cell: its regional objective column differs by one euro from
# the sum of the three municipalities' objective parts in these years (the monitor sums the parts).
AFRONDING = {2024: 1, 2027: 1, 2028: -1}


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def euro(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def zod(tmp_path_factory):
    out = tmp_path_factory.mktemp("zod")
    write_sample(out / "levering", region_rows="Zuidoost-Drenthe")
    wh = out / "warehouse.duckdb"
    assert load(out / "levering", wh, region_name="Zuidoost-Drenthe").published
    return out / "levering", wh


def test_the_zuidoost_drenthe_sample_carries_bijlage_ii_exactly(zod):
    rows = read(zod[0] / "budget_20250630.csv")
    got = {(int(r["Jaar"]), r["Gemeentecode"]): (euro(r["Historisch"]), euro(r["Objectief"])) for r in rows}
    want = {(j, code): (Decimal(h), Decimal(o)) for code, reeks in BIJLAGE_II.items()
            for j, (h, o) in zip(JAREN, reeks)}
    assert got == want
    assert all(r["Toelichting"].startswith("Bijlage II") for r in rows)


def test_the_region_total_is_emmens_historical_part_plus_the_three_objective_parts(zod):
    con = duckdb.connect(str(zod[1]), read_only=True)
    try:
        per_jaar = con.execute(
            "select jaar, sum(historisch_eur), sum(objectief_eur), sum(totaal_eur), "
            "sum(historisch_eur) filter (where gemeente_code = 'GM0114') "
            "from marts.budget_jaar group by jaar order by jaar").fetchall()
    finally:
        con.close()
    assert [r[0] for r in per_jaar] == list(JAREN)
    for (jaar, hist, obj, totaal, hist_emmen), (r_hist, r_obj, r_totaal) in zip(per_jaar, REGIONAAL):
        assert hist == hist_emmen == r_hist, jaar               # only Emmen has a historical part
        assert totaal == hist_emmen + obj, jaar
        assert totaal - r_totaal == obj - r_obj == AFRONDING.get(jaar, 0), jaar


def test_the_national_sample_has_bijlage_ii_for_zuidoost_drenthe_and_synthetic_budgets_elsewhere(tmp_path):
    write_national(tmp_path, fraction=0.01)
    rows = read(tmp_path / "budget_20250630.csv")
    echt = {(int(r["Jaar"]), r["Gemeentecode"]): (euro(r["Historisch"]), euro(r["Objectief"]))
            for r in rows if r["Gemeentecode"] in BIJLAGE_II}
    assert echt == {(j, code): (Decimal(h), Decimal(o)) for code, reeks in BIJLAGE_II.items()
                    for j, (h, o) in zip(JAREN, reeks)}
    anders = [r for r in rows if r["Gemeentecode"] not in BIJLAGE_II]
    assert len({r["Gemeentecode"] for r in anders}) == 339
    assert all(r["Toelichting"] == "SYNTHETISCH voorbeeld, geen rijkscijfer" for r in anders)
    # a synthetic ingroeipad: only centrumgemeenten have a historical part, 0 from 2029 on
    assert all(euro(r["Historisch"]) == 0 for r in anders if int(r["Jaar"]) >= 2029)
    assert sum(euro(r["Historisch"]) > 0 for r in anders if r["Jaar"] == "2021") == 42
    _assert_realistic_verblijf(read(tmp_path / "indicaties_20250630.csv"), regio=None)


def _assert_realistic_verblijf(indicaties: list[dict], regio: set[str] | None):
    per_client = {r["Clientnummer"]: (r["Gemeentecode"].removeprefix("GM").zfill(4),
                                      r["Gemeentecode_verblijf"]) for r in indicaties}
    n = len(per_client)
    onbekend = sum(v == "" for _, v in per_client.values()) / n
    elders = sum(v not in ("", h) for h, v in per_client.values()) / n
    assert 0.005 < onbekend < 0.05
    assert 0.15 < elders < 0.45
    if regio is not None:
        buiten = sum(v != "" and "GM" + v not in regio for _, v in per_client.values()) / n
        assert 0.02 < buiten < 0.10


def test_the_region_sample_places_clients_elsewhere_in_and_outside_the_region(zod):
    zod_codes = {EMMEN, COEVORDEN, BORGER_ODOORN}
    _assert_realistic_verblijf(read(zod[0] / "indicaties_20250630.csv"), regio=zod_codes)
    con = duckdb.connect(str(zod[1]), read_only=True)
    try:
        buiten = con.execute("select sum(actief) from marts.woonplaats_maand "
                             "where maand = date '2025-06-01' and not binnen_regio").fetchone()[0]
    finally:
        con.close()
    assert buiten > 0
