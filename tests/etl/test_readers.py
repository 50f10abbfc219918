import codecs
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from etl.errors import RefusedFile
from etl.readers import HeaderMap, cell_text, decode, normalise_header, read_rows
from etl.soorten import get_soort

WLZ_HEADER = "Clientnummer;Aanvraagdatum;Besluit;Besluitdatum"


def rows_of(raw, *columns):
    t = raw.table.to_pydict()
    return [tuple(t[c][i] for c in columns) for i in range(raw.table.num_rows)]


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("header", [
    "Reden_beeindiging", "Reden beëindiging", "RedenBeeindiging", " REDEN  BEËINDIGING ",
    "reden-beeindiging",
])
def test_header_names_match_whatever_case_space_underscore_or_accent(header):
    assert normalise_header(header) == "redenbeeindiging"
    assert HeaderMap(get_soort("indicaties")).match(header) == "reden_beeindiging"


def test_measure_prefix_matches_any_numeric_suffix_only():
    hmap = HeaderMap(get_soort("cbs"))
    assert hmap.match("BevolkingOp1Januari_1") == "BevolkingOp1Januari"
    assert hmap.match("BevolkingAanHetEindeVanDePeriode_15") == "BevolkingAanHetEindeVanDePeriode"
    assert hmap.match("BevolkingOp1Januari") == "BevolkingOp1Januari"
    assert hmap.match("BevolkingOp1JanuariMannen") is None


def test_web_table_labels_match_by_their_last_parts():
    hmap = HeaderMap(get_soort("cbs"))
    assert hmap.match("Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)") \
        == "TotaleBevolking"
    assert hmap.match("Bevolking op 1 januari (aantal)") == "BevolkingOp1Januari"
    assert hmap.match("Bevolkingsontwikkeling/Bevolking op 1 januari (aantal)") == "BevolkingOp1Januari"
    assert hmap.match("Regio's") == "regio_s"
    # the title alone does not say on which day it was counted; other measures are no population
    assert hmap.match("Totale bevolking (aantal)") is None
    assert hmap.match("Bevolking/Bevolkingssamenstelling op 1 januari/Leeftijd/Leeftijdsgroepen/"
                      "Jonger dan 5 jaar (aantal)") is None


def test_decode_handles_bom_utf16_and_windows_1252():
    assert decode(codecs.BOM_UTF8 + "Cliënt".encode(), "f") == "Cliënt".encode()
    assert decode("Cliënt".encode("cp1252"), "f") == "Cliënt".encode()
    assert decode("Cliënt €".encode("utf-16"), "f") == "Cliënt €".encode()
    assert decode(b"plain", "f") == b"plain"


def test_undecodable_bytes_refuse_the_file_naming_the_line():
    with pytest.raises(RefusedFile) as e:
        decode(b"kop\nregel 2\nslecht \x81 teken\n", "x.csv")
    assert e.value.regel == 3
    assert "tekencodering" in e.value.reden


def test_nul_bytes_refuse_the_file():
    with pytest.raises(RefusedFile, match="NUL"):
        decode("kop\n".encode("utf-16-le"), "x.csv")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_in_each_accepted_encoding(tmp_path, encoding):
    text = f"{WLZ_HEADER}\r\nC1;01-02-2024;Toegekend;Cliënt ë\r\n"
    raw = read_rows(write(tmp_path, "wlz.csv", text, encoding), get_soort("wlz"))
    assert rows_of(raw, "clientnummer", "besluitdatum", "_regel") == [("C1", "Cliënt ë", 2)]


def test_title_rows_above_the_header_are_skipped_and_counted(tmp_path):
    text = ('"Rapport Wlz-aanvragen";;;\n"Peildatum: 01-03-2025";;;\n\n'
            f"{WLZ_HEADER}\nC1;01-02-2024;Toegekend;\nC2;02-02-2024;Afgewezen;\n")
    raw = read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    assert raw.header_line == 4
    assert rows_of(raw, "clientnummer", "_regel") == [("C1", 5), ("C2", 6)]


def test_quotes_columns_in_any_order_and_extra_columns(tmp_path):
    text = ('Besluit;"Opmerking";Aanvraagdatum;Clientnummer\n'
            'Toegekend;"met ; puntkomma";01-02-2024;"C ""1"""\n')
    raw = read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    assert rows_of(raw, "clientnummer", "besluit", "besluitdatum") == [('C "1"', "Toegekend", None)]
    assert raw.table.column_names[-1] == "_regel"


def test_line_numbers_stay_exact_with_quoted_line_breaks_and_blank_lines(tmp_path):
    text = (f"{WLZ_HEADER};Zorgprofiel\nC1;01-02-2024;Toegekend;;\"twee\nregels\"\n\n"
            "C2;01-02-2024;Toegekend;;\n")
    raw = read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    assert rows_of(raw, "clientnummer", "zorgprofiel", "_regel") == [
        ("C1", "twee\nregels", 2), ("C2", "", 5)]


def test_blank_lines_keep_numbering_in_the_fast_path(tmp_path):
    text = f"{WLZ_HEADER}\r\nC1;01-02-2024;Toegekend;\r\n\r\nC2;01-02-2024;Toegekend;\r\n\r\n"
    raw = read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    got = [r for r in rows_of(raw, "clientnummer", "_regel") if r[0]]
    assert got == [("C1", 2), ("C2", 4)]


def test_truncated_line_refuses_the_file_naming_the_line(tmp_path):
    text = f"{WLZ_HEADER}\nC1;01-02-2024;Toegekend;\nC2;01-02-2024\nC3;01-02-2024;Toegekend;\n"
    with pytest.raises(RefusedFile) as e:
        read_rows(write(tmp_path, "wlz_20250301.csv", text), get_soort("wlz"))
    assert (e.value.bestand, e.value.regel) == ("wlz_20250301.csv", 3)
    assert "2 velden" in e.value.reden and "4" in e.value.reden
    assert str(e.value).startswith("Bestand wlz_20250301.csv geweigerd, regel 3:")


def test_missing_required_column_is_named(tmp_path):
    text = "Clientnummer;Besluit\nC1;Toegekend\n"
    with pytest.raises(RefusedFile) as e:
        read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    assert e.value.regel == 1
    assert "ontbrekend: Aanvraagdatum" in e.value.reden
    assert "wlz.csv" in str(e.value) and "regel 1" in str(e.value)


def test_a_column_twice_in_the_header_refuses_the_file(tmp_path):
    text = "Clientnummer;Aanvraagdatum;Besluit;Datum aanvraag\nC1;01-02-2024;Toegekend;x\n"
    with pytest.raises(RefusedFile) as e:
        read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))
    assert e.value.regel == 1
    assert "Aanvraagdatum" in e.value.reden and "meer dan eens" in e.value.reden


@pytest.mark.parametrize("text", ["", "\r\n\r\n", "   \n"])
def test_an_empty_file_is_refused(tmp_path, text):
    with pytest.raises(RefusedFile, match="leeg"):
        read_rows(write(tmp_path, "wlz.csv", text), get_soort("wlz"))


@pytest.mark.parametrize("value, text", [
    (None, ""), (datetime(2024, 2, 1, 13, 5), "01-02-2024"), (date(2024, 12, 31), "31-12-2024"),
    (106, "106"), (106.0, "106"), (1234.5, "1234,5"), (0.1 + 0.2, "0,3"), (-12.5, "-12,5"),
    (1e20, "100000000000000000000"), (Decimal("87.71"), "87,71"), ("tekst", "tekst"),
    (True, "WAAR"),
])
def test_cell_text_writes_cells_as_a_dutch_csv_would(value, text):
    assert cell_text(value) == text


def test_xlsx_first_sheet_with_title_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Wlz-aanvragen regio Assen"])
    ws.append([])
    ws.append(["Clientnummer", "Aanvraagdatum", "Besluit", "Besluitdatum"])
    ws.append([12345, datetime(2024, 2, 1), "Toegekend", None])
    ws.append(["C2", "03-02-2024", "afgewezen", date(2024, 3, 1)])
    wb.create_sheet("Toelichting").append(["genegeerd"])
    path = tmp_path / "wlz_20250301.xlsx"
    wb.save(path)
    raw = read_rows(path, get_soort("wlz"))
    assert raw.header_line == 3
    assert rows_of(raw, "clientnummer", "aanvraagdatum", "besluit", "besluitdatum", "_regel") == [
        ("12345", "01-02-2024", "Toegekend", "", 4), ("C2", "03-02-2024", "afgewezen", "01-03-2024", 5)]


def test_broken_xlsx_is_refused(tmp_path):
    path = tmp_path / "wlz.xlsx"
    path.write_bytes(b"PK\x03\x04 dit is geen werkmap")
    with pytest.raises(RefusedFile, match="XLSX"):
        read_rows(path, get_soort("wlz"))


def test_odata_json_records(tmp_path):
    text = ('{"odata.metadata": "x", "value": [{"ID": 0, "RegioS": "GM0106  ", '
            '"Perioden": "2023JJ00", "BevolkingOp1Januari_1": 69414}]}')
    raw = read_rows(write(tmp_path, "cbs.json", text), get_soort("cbs"))
    assert rows_of(raw, "regio_s", "perioden", "BevolkingOp1Januari", "_regel") == [
        ("GM0106  ", "2023JJ00", "69414", 1)]


def test_json_without_value_list_is_refused(tmp_path):
    with pytest.raises(RefusedFile, match="OData"):
        read_rows(write(tmp_path, "cbs.json", '{"waarden": []}'), get_soort("cbs"))
