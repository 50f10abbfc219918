"""The three forms CBS hands out (open-data CSV, StatLine web table, OData JSON) of one real
table give the same population per municipality and year (tests/fixtures/cbs/README.md)."""
from datetime import date
from pathlib import Path

import pytest

from etl.region import load_region
from etl.validate import read_export

CBS = Path(__file__).resolve().parent.parent / "fixtures" / "cbs"
OPEN_DATA = CBS / "37259ned_UntypedDataSet_05022020_161506.drenthe.csv"
WEB = CBS / "37259ned_statline_webtabel.drenthe.csv"
ODATA = CBS / "37259ned_TypedDataSet.drenthe.json"
ASSEN = load_region("Assen").codes

# By hand from the real file (shared/data/cbs/README.md): region Assen, and Assen itself.
REGIO_TOTAAL = {2015: 319764, 2016: 320293, 2017: 323661, 2018: 324258}
ASSEN_ZELF = {2015: 67165, 2016: 67061, 2017: 67551, 2018: 67708}


def inwoners(path: Path) -> dict[tuple[str, int], int]:
    r = read_export(path, "cbs", ASSEN, date(2020, 2, 5))
    return {(row["gemeente_code"], row["peildag_bevolking"].year): row["inwoners"]
            for row in r.rows.to_pylist() if row["gemeente_code"] in ASSEN}


@pytest.mark.parametrize("path", [OPEN_DATA, WEB, ODATA], ids=["open-data", "webtabel", "odata"])
def test_each_form_gives_the_hand_checked_population(path):
    per = inwoners(path)
    for jaar, totaal in REGIO_TOTAAL.items():
        assert sum(v for (_, j), v in per.items() if j == jaar) == totaal
        assert per[("GM0106", jaar)] == ASSEN_ZELF[jaar]


def test_the_three_forms_agree_on_every_municipality_and_year():
    web = inwoners(WEB)
    assert len(web) == 9 * 5   # nine municipalities, 2014-2018
    open_data = inwoners(OPEN_DATA)
    odata = inwoners(ODATA)
    assert {k: v for k, v in open_data.items() if k[1] in range(2014, 2019)} == web
    assert {k: v for k, v in open_data.items() if k[1] >= 2010} == odata


def test_every_line_of_the_open_data_file_is_accounted_for():
    r = read_export(OPEN_DATA, "cbs", ASSEN, date(2020, 2, 5))
    assert (r.rows_read, r.rows.num_rows, len(r.rejected)) == (708, 438, 0)
    assert r.overgeslagen == {
        "geen cijfer (leeg: de gemeente bestond niet of CBS publiceerde nog niets)": 270}


def test_every_line_of_the_web_table_is_accounted_for():
    r = read_export(WEB, "cbs", ASSEN, date(2020, 2, 5))
    # 5 years x (12 municipalities + 6 dissolved ones + the province)
    assert (r.rows_read, r.rows.num_rows, len(r.rejected)) == (95, 45, 0)
    assert r.overgeslagen == {
        "naam van geen gemeente van de regio (Borger-Odoorn, Coevorden, Eelde en 6 andere)": 45,
        "geen gemeente (land, provincie of andere regio)": 5}
    rows = r.rows.to_pylist()
    assert {row["maatstaf"] for row in rows} == {"TotaleBevolking"}
    assert {row["periode"] for row in rows} == {f"{j}JJ00" for j in range(2014, 2019)}
    assert rows[0]["_regel"] == 2   # line numbers as in the file, header on line 1


def test_a_web_table_loads_and_the_report_says_which_lines_were_left_out(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    import duckdb

    from tests.fixtures.delivery import write_delivery

    levering = write_delivery(tmp_path / "levering")
    shutil.copyfile(WEB, levering / "cbs_20250630.csv")   # the download, renamed to its soort
    wh = tmp_path / "wh" / "warehouse.duckdb"
    r = subprocess.run([sys.executable, "-m", "etl", "load", str(levering), "--warehouse", str(wh)],
                       capture_output=True, text=True, check=False,
                       env={**os.environ, "COLUMNS": "250"})
    assert r.returncode == 0, r.stderr
    assert ("Overgeslagen in cbs_20250630.csv: 45× naam van geen gemeente van de regio "
            "(Borger-Odoorn, Coevorden, Eelde en 6 andere); 5× geen gemeente (land, provincie "
            "of andere regio).") in " ".join(r.stdout.split())
    con = duckdb.connect(str(wh), read_only=True)
    try:
        per_jaar = dict(con.execute("select year(peildag_bevolking), sum(inwoners) from raw.cbs "
                                    "group by 1").fetchall())
        laadlog = con.execute("select regels_gelezen, regels_geladen, regels_overgeslagen "
                              "from marts.laadlog where soort = 'cbs'").fetchall()
    finally:
        con.close()
    assert {j: per_jaar[j] for j in REGIO_TOTAAL} == REGIO_TOTAAL
    assert laadlog == [(95, 45, 50)]   # every line accounted for
