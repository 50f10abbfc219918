"""Municipality names to codes by the CBS classification of the figure's year (etl/indeling.py),
and what the cbs reader does with a name that is not one of the region's municipalities."""
import csv
from datetime import date

import pytest

from etl.indeling import CONFIG_REGIOS, Dubbelzinnig, laad_indeling, sleutel
from etl.region import load_region
from etl.validate import RefusedFile, read_export

INDELING = laad_indeling()
HEADER = '"Perioden";"Regio\'s";"Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)"'


@pytest.mark.parametrize("naam, jaar, code", [
    ("Molenlanden", 2019, "GM1978"),
    ("Molenlanden", 2018, None),          # formed on 1 January 2019
    ("Giessenlanden", 2018, "GM0689"),
    ("Giessenlanden", 2019, None),        # merged into Molenlanden
    ("'s-Gravenhage (gemeente)", 2020, "GM0518"),
    ("'s-Gravenhage", 2020, "GM0518"),    # the bare name, as config/regios_nationaal.csv has it
    ("\u2019s-Gravenhage (Gemeente)", 2020, "GM0518"),
    ("Bergen (NH.)", 2020, "GM0373"),
    ("bergen (nh)", 2020, "GM0373"),
    ("Groningen", 2020, "GM0014"),
    ("Groningen (PV)", 2020, None),       # the province
    ("Drenthe (PV)", 2020, None),
    ("Amstelveen", 2020, None),           # not in the classification kept here
])
def test_a_name_means_a_code_in_a_year(naam, jaar, code):
    assert INDELING.zoek(naam, jaar).code == code


def test_a_name_shared_by_two_municipalities_is_ambiguous():
    with pytest.raises(Dubbelzinnig, match=r"Bergen \(L\.\) \(GM0893\) of Bergen \(NH\.\) \(GM0373\)"):
        INDELING.zoek("Bergen", 2020)


def test_every_real_municipality_of_the_configured_regions_is_in_the_classification():
    missing = []
    for path in CONFIG_REGIOS:
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                if row["gemeente_code"].startswith("GM9"):   # synthetic, national sample only
                    continue
                found = INDELING.zoek(row["gemeente_naam"], 2025).code
                if found != row["gemeente_code"]:
                    missing.append((row["gemeente_naam"], row["gemeente_code"], found))
    assert missing == []


def test_classification_names_are_unique_per_year():
    for jaar in range(2000, 2027):
        keys = [sleutel(n.naam) for n in INDELING.namen if n.geldt(jaar)]
        assert len(keys) == len(set(keys)), jaar


def web(tmp_path, lines):
    path = tmp_path / "cbs_20250301.csv"
    path.write_bytes(("\ufeff" + "\r\n".join([HEADER, *lines]) + "\r\n").encode())
    return path


def test_dordrecht_molenlanden_since_2019_and_its_predecessors_left_out(tmp_path):
    dordrecht = load_region("Dordrecht").codes
    r = read_export(web(tmp_path, [
        '"2018";"Giessenlanden";"   14700"',
        '"2018";"Molenwaard";"   29300"',
        '"2018";"Molenlanden";"   44000"',   # hand-made: Molenlanden did not exist yet
        '"2019";"Giessenlanden";""',
        '"2019";"Molenlanden";"   44100"',
        '"2019";"Dordrecht";"  118900"',
    ]), "cbs", dordrecht, date(2025, 3, 1))
    assert [(x["gemeente_code"], x["peildag_bevolking"], x["inwoners"], x["_regel"])
            for x in r.rows.to_pylist()] == [("GM1978", date(2019, 1, 1), 44100, 6),
                                            ("GM0505", date(2019, 1, 1), 118900, 7)]
    assert r.overgeslagen == {"naam van geen gemeente van de regio "
                              "(Giessenlanden, Molenwaard, Molenlanden)": 4}
    assert r.rejected == []


def test_an_ambiguous_name_of_a_region_municipality_refuses_the_file_with_its_line(tmp_path):
    path = web(tmp_path, ['"2020";"Assen";"   68599"', '"2020";"Bergen";"   29839"'])
    with pytest.raises(RefusedFile) as refused:
        read_export(path, "cbs", {"GM0106", "GM0373"}, date(2025, 3, 1))
    assert refused.value.regel == 3
    assert "de naam 'Bergen' is in 2020 niet eenduidig" in str(refused.value)


def test_an_ambiguous_name_that_is_no_region_municipality_either_way_is_left_out(tmp_path):
    path = web(tmp_path, ['"2020";"Assen";"   68599"', '"2020";"Bergen";"   29839"'])
    r = read_export(path, "cbs", load_region("Assen").codes, date(2025, 3, 1))
    assert [x["gemeente_code"] for x in r.rows.to_pylist()] == ["GM0106"]
    assert r.overgeslagen == {"naam van geen gemeente van de regio (Bergen)": 1}


def test_a_web_table_without_any_municipality_of_the_region_is_refused(tmp_path):
    path = web(tmp_path, ['"2020";"Amsterdam";"  872757"', '"2020";"Drenthe (PV)";"  493682"'])
    with pytest.raises(RefusedFile, match="geen cijfers voor gemeenten"):
        read_export(path, "cbs", load_region("Assen").codes, date(2025, 3, 1))
