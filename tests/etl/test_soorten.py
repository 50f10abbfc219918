from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from etl.readers import HeaderMap
from etl.soorten import (
    AANVULLING_SOORTEN,
    MOMENTOPNAME_SOORTEN,
    SOORT_NAMEN,
    get_soort,
    load_soort,
    parse_filename,
)
from etl.validate import raw_schema

CONTRACT_REQUIRED = {
    "indicaties": {"clientnummer", "gemeente_code", "toewijzingnummer", "productcategorie",
                   "productcode", "leveringsvorm", "ingangsdatum"},
    "declaraties": {"regelnummer", "toewijzingnummer", "periode_begin", "periode_eind",
                    "bedrag", "status"},
    "pgb": {"clientnummer", "gemeente_code", "jaar", "maand", "besteed"},
    "wlz": {"clientnummer", "aanvraagdatum", "besluit"},
    "financien": {"jaar", "post", "bedrag"},
    "producten": {"productcode", "tussenvorm"},
    "cbs": {"regio_s", "perioden"},
    "budget": {"jaar", "gemeente_code", "historisch", "objectief"},
}


@pytest.mark.parametrize("name, expected", [
    ("indicaties_20250301.csv", ("indicaties", date(2025, 3, 1))),
    ("Declaraties.XLSX", ("declaraties", None)),
    ("PGB_20241231.xlsx", ("pgb", date(2024, 12, 31))),
    ("wlz.csv", ("wlz", None)),
    ("financien_20250115.csv", ("financien", date(2025, 1, 15))),
    ("producten_assen_20250301.csv", ("producten", date(2025, 3, 1))),
    ("cbs_20250301.json", ("cbs", date(2025, 3, 1))),
    ("cbs.csv", ("cbs", None)),
    ("/some/dir/indicaties_20250301.csv", ("indicaties", date(2025, 3, 1))),
    # CBS open-data downloads as CBS names them: the download date (ddmmjjjj) is the peildatum
    ("37259ned_UntypedDataSet_05022020_161506.csv", ("cbs", date(2020, 2, 5))),
    ("37259ned_UntypedDataSet_05022020_161506.drenthe.csv", ("cbs", date(2020, 2, 5))),
    ("03759NED_TypedDataSet_31122024_080000.json", ("cbs", date(2024, 12, 31))),
])
def test_parse_filename_recognises_exports(name, expected):
    assert parse_filename(name) == expected


def test_parse_filename_accepts_paths():
    assert parse_filename(Path("levering") / "indicaties.csv") == ("indicaties", None)


@pytest.mark.parametrize("name", [
    "readme.txt", "indicaties.txt", "indicaties.xls", "indicatiesx.csv", "~$indicaties.xlsx",
    "indicaties.json", "overzicht_indicaties.csv", "cbs", ".csv",
])
def test_parse_filename_returns_none_for_other_files(name):
    assert parse_filename(name) is None


def test_parse_filename_refuses_an_impossible_peildatum():
    with pytest.raises(ValueError, match="20251301"):
        parse_filename("indicaties_20251301.csv")


def test_soort_lists_partition_the_eight_soorten():
    assert set(MOMENTOPNAME_SOORTEN) | set(AANVULLING_SOORTEN) == set(SOORT_NAMEN)
    assert not set(MOMENTOPNAME_SOORTEN) & set(AANVULLING_SOORTEN)
    assert len(SOORT_NAMEN) == 8


@pytest.mark.parametrize("soort", [k for k in SOORT_NAMEN if k != "cbs"])
def test_column_map_covers_the_raw_table_exactly(soort):
    raw_columns = [f.name for f in raw_schema(soort) if f.name != "_regel"]
    assert sorted(c.name for c in get_soort(soort).columns) == sorted(raw_columns)


@pytest.mark.parametrize("soort", SOORT_NAMEN)
def test_required_columns_are_those_of_the_contract(soort):
    assert set(get_soort(soort).required) == CONTRACT_REQUIRED[soort]


def test_cbs_measures_and_their_year_offsets():
    measures = {m.name: m.year_offset for m in get_soort("cbs").measures}
    assert measures == {"BevolkingOp1Januari": 0, "TotaleBevolking": 0,
                        "BevolkingOp31December": 1, "BevolkingAanHetEindeVanDePeriode": 1}


def test_types_are_parsed_from_the_column_map():
    ind = get_soort("indicaties")
    assert ind.column("tarief").type == "amount" and ind.column("tarief").decimals == 4
    assert ind.column("tarief").minimum == Decimal(0) and ind.column("tarief").maximum is None
    assert ind.column("leveringsvorm").choices == ("ZIN", "PGB")
    assert get_soort("declaraties").column("bedrag").decimals == 2
    pgb = get_soort("pgb")
    assert (pgb.column("maand").minimum, pgb.column("maand").maximum) == (1, 12)
    assert get_soort("wlz").column("besluit").choices == (
        "Toegekend", "Afgewezen", "In behandeling", "Ingetrokken")


def test_a_region_adds_an_alias_without_code(tmp_path):
    text = (Path(__file__).parents[2] / "etl" / "columns" / "pgb.csv").read_text(encoding="utf-8")
    text = text.replace("Besteed|", "Besteed|Uitbetaald SVB|")
    (tmp_path / "pgb.csv").write_text(text, encoding="utf-8")
    soort = load_soort("pgb", tmp_path)
    assert HeaderMap(soort).match("uitbetaald_svb") == "besteed"
    assert HeaderMap(get_soort("pgb")).match("uitbetaald_svb") is None


def test_column_map_errors_are_reported(tmp_path):
    (tmp_path / "pgb.csv").write_text("kolom;type;verplicht;bereik;aliassen\n"
                                      "jaar;getal;ja;;Jaar\n", encoding="utf-8")
    with pytest.raises(ValueError, match="onbekend type"):
        load_soort("pgb", tmp_path)
