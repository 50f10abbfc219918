from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.validate import ReadResult, RefusedFile, Rejection, raw_schema, read_export

GEMEENTEN = {"GM0106", "GM0118", "GM1680"}
IND_HEADER = ("Clientnummer;Gemeentecode;Toewijzingnummer;Productcategorie;Productcode;"
              "Leveringsvorm;Ingangsdatum;Einddatum;Reden_beeindiging;Tarief;Eenheid")
DECL_HEADER = "Regelnummer;Toewijzingnummer;Periode_begin;Periode_eind;Bedrag;Status"


def load(tmp_path, name, lines, soort=None, encoding="utf-8") -> ReadResult:
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return read_export(path, soort or name.split("_")[0].split(".")[0], GEMEENTEN, date(2025, 3, 1))


def indicatie(**over) -> str:
    row = {"client": "C1", "gem": "0106", "toew": "T1", "cat": "15", "prod": "15A01",
           "lv": "ZIN", "begin": "01-02-2024", "eind": "", "reden": "", "tarief": "",
           "eenheid": ""}
    row.update(over)
    return ";".join(row.values())


def one_rejection(result) -> Rejection:
    assert result.rows.num_rows == 0, result.rows.to_pylist()
    assert len(result.rejected) == 1, result.rejected
    return result.rejected[0]


def test_rows_have_exactly_the_raw_columns_and_types(tmp_path):
    r = load(tmp_path, "indicaties_20250301.csv", [
        IND_HEADER, indicatie(gem="gm0118 ", lv="pgb", eind="31-12-2024", reden="2",
                              tarief="€ 1.234,5678", eenheid="14")])
    assert r.rows.schema == raw_schema("indicaties")
    assert [f.name for f in r.rows.schema][-1] == "_regel"
    assert "_bestand" not in r.rows.schema.names and "_peildatum" not in r.rows.schema.names
    assert r.rows.to_pylist() == [{
        "clientnummer": "C1", "gemeente_code": "GM0118", "toewijzingnummer": "T1",
        "productcategorie": "15", "productcode": "15A01", "leveringsvorm": "PGB",
        "ingangsdatum": date(2024, 2, 1), "einddatum": date(2024, 12, 31),
        "reden_beeindiging": "02", "productomschrijving": None, "aanbieder": None,
        "tarief": Decimal("1234.5678"), "eenheid": "14", "geboortejaar": None,
        "geslacht": None, "gemeente_code_verblijf": None, "_regel": 2}]
    assert r.rejected == [] and r.rows_read == 1


@pytest.mark.parametrize("soort", ["declaraties", "pgb", "wlz", "financien", "producten", "cbs", "budget"])
def test_every_soort_matches_its_raw_table(soort):
    import duckdb

    from etl.validate import RAW_SQL
    con = duckdb.connect()
    con.execute(RAW_SQL.read_text())
    cols = [c for c, in con.sql(f"select column_name from information_schema.columns where "
                                f"table_schema = 'raw' and table_name = '{soort}' "
                                f"order by ordinal_position").fetchall()]
    assert raw_schema(soort).names == [c for c in cols if c not in ("_bestand", "_peildatum")]


@pytest.mark.parametrize("gem", ["106", "0106", "GM0106", "gm0106 ", " Gm106"])
def test_gemeentecode_forms_are_normalised(tmp_path, gem):
    r = load(tmp_path, "indicaties.csv", [IND_HEADER, indicatie(gem=gem)])
    assert r.rows.column("gemeente_code").to_pylist() == ["GM0106"]


@pytest.mark.parametrize("gem, reden", [
    ("9999", "Gemeentecode: onbekende gemeentecode (geen gemeente van de regio)"),
    ("GM0114", "Gemeentecode: onbekende gemeentecode (geen gemeente van de regio)"),
    ("Assen", "Gemeentecode is geen gemeentecode (verwacht bijvoorbeeld GM0106 of 0106)"),
    ("GM01066", "Gemeentecode is geen gemeentecode (verwacht bijvoorbeeld GM0106 of 0106)"),
])
def test_bad_gemeentecode_rejects_the_row(tmp_path, gem, reden):
    rej = one_rejection(load(tmp_path, "indicaties.csv", [IND_HEADER, indicatie(gem=gem)]))
    assert rej == Rejection(2, "gemeente_code", gem.strip(), reden)


@pytest.mark.parametrize("text, expected", [
    ("01-02-2024", date(2024, 2, 1)), ("1-2-2024", date(2024, 2, 1)),
    ("29-02-2024", date(2024, 2, 29)), ("31-12-1999", date(1999, 12, 31)),
    ("01-02-2024 00:00:00", date(2024, 2, 1)),
])
def test_dutch_dates(tmp_path, text, expected):
    r = load(tmp_path, "indicaties.csv", [IND_HEADER, indicatie(begin=text)])
    assert r.rows.column("ingangsdatum").to_pylist() == [expected]


@pytest.mark.parametrize("text, reden", [
    ("31-02-2024", "Ingangsdatum is een datum die niet bestaat"),
    ("29-02-2023", "Ingangsdatum is een datum die niet bestaat"),
    ("01-13-2024", "Ingangsdatum is een datum die niet bestaat"),
    ("1-2-24", "Ingangsdatum heeft een jaartal van twee cijfers; dat is dubbelzinnig (verwacht dd-mm-jjjj)"),
    ("01-02-24", "Ingangsdatum heeft een jaartal van twee cijfers; dat is dubbelzinnig (verwacht dd-mm-jjjj)"),
    ("2024-02-01", "Ingangsdatum is geen datum (verwacht dd-mm-jjjj)"),
    ("morgen", "Ingangsdatum is geen datum (verwacht dd-mm-jjjj)"),
    ("", "Ingangsdatum ontbreekt (verplicht veld)"),
])
def test_bad_dates_reject_the_row(tmp_path, text, reden):
    rej = one_rejection(load(tmp_path, "indicaties.csv", [IND_HEADER, indicatie(begin=text)]))
    assert rej == Rejection(2, "ingangsdatum", text or None, reden)


def test_einddatum_before_ingangsdatum_is_rejected_on_einddatum(tmp_path):
    r = load(tmp_path, "indicaties.csv", [
        IND_HEADER, indicatie(begin="01-03-2024", eind="29-02-2024"),
        indicatie(toew="T2", begin="01-03-2024", eind="01-03-2024")])
    assert r.rejected == [Rejection(2, "einddatum", "29-02-2024", "Einddatum ligt voor Ingangsdatum")]
    assert r.rows.column("_regel").to_pylist() == [3]


def decl(regel="R1", begin="01-01-2024", eind="31-01-2024", bedrag="100,00", status="Toegekend"):
    return f"{regel};T1;{begin};{eind};{bedrag};{status}"


@pytest.mark.parametrize("text, expected", [
    ("1.234,56", Decimal("1234.56")), ("-12,50", Decimal("-12.50")), ("1234,56", Decimal("1234.56")),
    ("€ 1.234,56", Decimal("1234.56")), ("€-12,5", Decimal("-12.50")), ("1234", Decimal(1234)),
    ("1.234", Decimal(1234)), ("1.234.567,8", Decimal("1234567.80")), ("0", Decimal(0)),
])
def test_dutch_amounts(tmp_path, text, expected):
    r = load(tmp_path, "declaraties.csv", [DECL_HEADER, decl(bedrag=text)])
    assert r.rows.column("bedrag").to_pylist() == [expected]


POINT_DECIMAL = ("Bedrag heeft een punt als decimaalteken; dat is dubbelzinnig in een "
                 "Nederlandse export (verwacht een decimale komma, bijvoorbeeld 1.234,56)")


@pytest.mark.parametrize("text, reden", [
    ("1234.56", POINT_DECIMAL),
    ("12.5", POINT_DECIMAL),
    ("12,345", "Bedrag heeft meer dan 2 decimalen"),
    ("twaalf", "Bedrag is geen bedrag"),
    ("1,234.56", "Bedrag is geen bedrag"),
    ("12.34.56", "Bedrag is geen bedrag"),
    ("", "Bedrag ontbreekt (verplicht veld)"),
    ("1" * 20, "Bedrag is te groot"),
])
def test_bad_amounts_reject_the_row(tmp_path, text, reden):
    rej = one_rejection(load(tmp_path, "declaraties.csv", [DECL_HEADER, decl(bedrag=text)]))
    assert rej == Rejection(2, "bedrag", text or None, reden)


def test_tarief_takes_four_decimals_but_not_five_nor_a_minus(tmp_path):
    r = load(tmp_path, "indicaties.csv", [
        IND_HEADER, indicatie(tarief="87,7123"), indicatie(toew="T2", tarief="87,71234"),
        indicatie(toew="T3", tarief="-1,00")])
    assert r.rows.column("tarief").to_pylist() == [Decimal("87.7123")]
    assert r.rejected == [
        Rejection(3, "tarief", "87,71234", "Tarief heeft meer dan 4 decimalen"),
        Rejection(4, "tarief", "-1,00", "Tarief mag niet negatief zijn")]


def test_periode_eind_before_begin_and_duplicate_regelnummer(tmp_path):
    r = load(tmp_path, "declaraties_20250301.csv", [
        DECL_HEADER, decl("R1"), decl("R2", begin="01-02-2024", eind="31-01-2024"),
        decl("R1", bedrag="5,00"), decl("R3", status="toegekend"), decl("R1")])
    assert r.rejected == [
        Rejection(3, "periode_eind", "31-01-2024", "Periode_eind ligt voor Periode_begin"),
        Rejection(4, "regelnummer", "R1",
                  "dubbel Regelnummer: staat al op regel 2; die eerste regel is geladen"),
        Rejection(6, "regelnummer", "R1",
                  "dubbel Regelnummer: staat al op regel 2; die eerste regel is geladen")]
    assert r.rows.column("_regel").to_pylist() == [2, 5]
    assert r.rows.column("bedrag").to_pylist() == [Decimal("100.00")] * 2
    assert r.rows_read == 5


def test_duplicate_keeps_the_first_valid_line(tmp_path):
    r = load(tmp_path, "declaraties.csv", [DECL_HEADER, decl("R1", bedrag="x"), decl("R1")])
    assert r.rejected == [Rejection(2, "bedrag", "x", "Bedrag is geen bedrag")]
    assert r.rows.column("_regel").to_pylist() == [3]


@pytest.mark.parametrize("soort, text, value", [
    ("declaraties", "TOEGEKEND", "Toegekend"), ("declaraties", "ingediend", "Ingediend"),
    ("declaraties", " afgewezen ", "Afgewezen"),
])
def test_status_is_normalised(tmp_path, soort, text, value):
    r = load(tmp_path, "declaraties.csv", [DECL_HEADER, decl(status=text)])
    assert r.rows.column("status").to_pylist() == [value]


def test_unknown_status_rejects_the_row(tmp_path):
    rej = one_rejection(load(tmp_path, "declaraties.csv", [DECL_HEADER, decl(status="Betaald")]))
    assert rej == Rejection(2, "status", "Betaald", "Status heeft een onbekende waarde "
                                                    "(verwacht Ingediend, Toegekend of Afgewezen)")


def test_leveringsvorm_and_codes(tmp_path):
    r = load(tmp_path, "indicaties.csv", [
        IND_HEADER, indicatie(lv="zin", cat="15", reden="2", eenheid="14"),
        indicatie(toew="T2", lv="Pgb", cat="9"), indicatie(toew="T3", lv="ZIN-PGB"),
        indicatie(toew="T4", cat="150"), indicatie(toew="T5", reden="2a")])
    assert r.rows.select(["leveringsvorm", "productcategorie", "reden_beeindiging"]).to_pylist() == [
        {"leveringsvorm": "ZIN", "productcategorie": "15", "reden_beeindiging": "02"},
        {"leveringsvorm": "PGB", "productcategorie": "09", "reden_beeindiging": None}]
    assert r.rejected == [
        Rejection(4, "leveringsvorm", "ZIN-PGB", "Leveringsvorm heeft een onbekende waarde (verwacht ZIN of PGB)"),
        Rejection(5, "productcategorie", "150", "Productcategorie is geen code van één of twee cijfers"),
        Rejection(6, "reden_beeindiging", "2a", "Reden_beeindiging is geen code van één of twee cijfers")]


def test_empty_required_values_each_named(tmp_path):
    r = load(tmp_path, "indicaties.csv", [IND_HEADER, indicatie(client=" ", prod="")])
    assert r.rejected == [Rejection(2, "clientnummer", None, "Clientnummer ontbreekt (verplicht veld)"),
                          Rejection(2, "productcode", None, "Productcode ontbreekt (verplicht veld)")]


PGB_HEADER = "Clientnummer;Gemeentecode;Jaar;Maand;Besteed;Budget"


def test_pgb_month_range_and_composite_duplicate(tmp_path):
    r = load(tmp_path, "pgb_20250301.csv", [
        PGB_HEADER, "C1;106;2024;1;2.661,00;3.000,00", "C1;106;2024;13;1,00;",
        "C1;106;2024;0;1,00;", "C1;0106;2024;01;5,00;", "C2;106;2024;1;1,00;", "C1;106;twee;1;1,00;"])
    assert r.rejected == [
        Rejection(3, "maand", "13", "Maand moet tussen 1 en 12 liggen"),
        Rejection(4, "maand", "0", "Maand moet tussen 1 en 12 liggen"),
        Rejection(5, None, "C1;2024;1", "dubbele sleutel (Clientnummer, Jaar, Maand): staat al op "
                                        "regel 2; die eerste regel is geladen"),
        Rejection(7, "jaar", "twee", "Jaar is geen geheel getal")]
    assert r.rows.to_pylist() == [
        {"clientnummer": "C1", "gemeente_code": "GM0106", "jaar": 2024, "maand": 1,
         "besteed": Decimal("2661.00"), "budget": Decimal("3000.00"), "_regel": 2},
        {"clientnummer": "C2", "gemeente_code": "GM0106", "jaar": 2024, "maand": 1,
         "besteed": Decimal("1.00"), "budget": None, "_regel": 6}]


def test_wlz_besluit_values(tmp_path):
    r = load(tmp_path, "wlz.csv", [
        "Clientnummer;Aanvraagdatum;Besluit;Besluitdatum;Ingangsdatum Wlz;Zorgprofiel",
        "C1;01-02-2024;in behandeling;;;", "C2;01-02-2024;INGETROKKEN;01-03-2024;;GGZ-W",
        "C3;01-02-2024;Onbekend;;;"])
    assert r.rows.column("besluit").to_pylist() == ["In behandeling", "Ingetrokken"]
    assert [x.regel for x in r.rejected] == [4]


def test_financien_duplicate_year_and_post(tmp_path):
    r = load(tmp_path, "financien.csv", [
        "Jaar;Post;Bedrag;Toelichting", "2024;Integratie-uitkering BW;12.345.678,00;",
        "2024;Uitvoeringskosten BW;-1.000,00;", "2024;Integratie-uitkering BW;1,00;correctie"])
    assert r.rejected == [Rejection(4, None, "2024;Integratie-uitkering BW",
                                    "dubbele sleutel (Jaar, Post): staat al op regel 2; "
                                    "die eerste regel is geladen")]
    assert r.rows.column("bedrag").to_pylist() == [Decimal("12345678.00"), Decimal("-1000.00")]


def test_producten_tussenvorm_and_duplicate_code(tmp_path):
    r = load(tmp_path, "producten.csv", [
        "Productcode;Tussenvorm;Productomschrijving;Productcategorie",
        "15A01;beschermd wonen INTRAMURAAL;;15", "15A02;Thuis  plus;;15", "16A01;opvang;;16",
        "17A01;Spoedopvang;;17", "15A01;Begeleid wonen;;15", "15X01;Beschermd thuis;;15"])
    assert r.rows.column("tussenvorm").to_pylist() == [
        "Beschermd wonen intramuraal", "Thuis Plus", "Opvang", "Spoedopvang"]
    assert r.rejected == [
        Rejection(6, "productcode", "15A01", "dubbel Productcode: staat al op regel 2; die eerste regel is geladen"),
        Rejection(7, "tussenvorm", "Beschermd thuis",
                  "Tussenvorm heeft een onbekende waarde (verwacht Beschermd wonen intramuraal, "
                  "Beschermd wonen nabij, Begeleid wonen, Thuis Plus, Opvang of Spoedopvang)")]


@pytest.mark.parametrize("soort, header", [
    ("indicaties", IND_HEADER), ("wlz", "Clientnummer;Aanvraagdatum;Besluit"),
    ("financien", "Jaar;Post;Bedrag"), ("producten", "Productcode;Tussenvorm"),
])
def test_header_only_snapshot_is_refused(tmp_path, soort, header):
    with pytest.raises(RefusedFile) as e:
        load(tmp_path, f"{soort}_20250301.csv", [header, ";" * header.count(";")])
    assert e.value.regel == 1
    assert "alleen een kopregel" in e.value.reden and "wissen" in e.value.reden


@pytest.mark.parametrize("soort, header", [("declaraties", DECL_HEADER), ("pgb", PGB_HEADER)])
def test_header_only_increment_is_zero_rows(tmp_path, soort, header):
    r = load(tmp_path, f"{soort}_20250301.csv", [header])
    assert r.rows.num_rows == 0 and r.rows_read == 0 and r.rejected == []
    assert r.rows.schema == raw_schema(soort)


def test_refused_file_message_names_file_line_and_reason(tmp_path):
    with pytest.raises(RefusedFile) as e:
        load(tmp_path, "declaraties_20250301.csv", ["Regelnummer;Bedrag", "R1;1,00"])
    msg = str(e.value)
    assert "declaraties_20250301.csv" in msg and "regel 1" in msg
    for name in ("Toewijzingnummer", "Periode_begin", "Periode_eind", "Status"):
        assert name in msg


def test_windows_1252_file_with_bom_less_accents(tmp_path):
    r = load(tmp_path, "indicaties.csv", [
        IND_HEADER.replace("Reden_beeindiging", "Reden beëindiging") + ";Productomschrijving",
        indicatie(reden="39") + ";Beschermd wonen – één"], encoding="cp1252")
    assert r.rows.select(["reden_beeindiging", "productomschrijving"]).to_pylist() == [
        {"reden_beeindiging": "39", "productomschrijving": "Beschermd wonen – één"}]


def test_utf8_bom_file(tmp_path):
    r = load(tmp_path, "producten.csv", ["Productcode;Tussenvorm", "15A01;Begeleid wonen"],
             encoding="utf-8-sig")
    assert r.rows.column("productcode").to_pylist() == ["15A01"]


def test_xlsx_end_to_end(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Indicaties BW", None, "peildatum", datetime(2025, 3, 1)])
    ws.append(["Clientnummer", "Gemeentecode", "Toewijzingnummer", "Productcategorie",
               "Productcode", "Leveringsvorm", "Ingangsdatum", "Einddatum", "Tarief", "Geboortejaar"])
    ws.append([1001, 106, "T1", 15, "15A01", "zin", datetime(2024, 2, 1), None, 87.71, 1980])
    ws.append([1002, "GM0118", "T2", 2, "15A02", "PGB", "01-03-2024", datetime(2024, 2, 1), 1234.5, None])
    ws.append([1003, 1680, "T3", 15, "15A03", "PGB", datetime(2024, 1, 1), None, 0.1 + 0.2, None])
    path = tmp_path / "indicaties_20250301.xlsx"
    wb.save(path)
    r = read_export(path, "indicaties", GEMEENTEN, date(2025, 3, 1))
    assert r.rows.select(["clientnummer", "gemeente_code", "productcategorie", "ingangsdatum",
                          "tarief", "geboortejaar", "_regel"]).to_pylist() == [
        {"clientnummer": "1001", "gemeente_code": "GM0106", "productcategorie": "15",
         "ingangsdatum": date(2024, 2, 1), "tarief": Decimal("87.71"), "geboortejaar": 1980, "_regel": 3},
        {"clientnummer": "1003", "gemeente_code": "GM1680", "productcategorie": "15",
         "ingangsdatum": date(2024, 1, 1), "tarief": Decimal("0.3"), "geboortejaar": None, "_regel": 5}]
    assert r.rejected == [Rejection(4, "einddatum", "01-02-2024", "Einddatum ligt voor Ingangsdatum")]


def test_rows_keep_file_order_over_many_lines(tmp_path):
    lines = [DECL_HEADER] + [decl(f"R{i}") for i in range(20000)] + [decl("R5")]
    r = load(tmp_path, "declaraties.csv", lines)
    assert r.rows.column("_regel").to_pylist() == list(range(2, 20002))
    assert [x.regel for x in r.rejected] == [20002]


# --- CBS -------------------------------------------------------------------------------

STATLINE = '''"ID";"Geslacht";"RegioS";"Perioden";"BevolkingOp1Januari_1";"BevolkingAanHetEindeVanDePeriode_15"
"0";"T001038 ";"NL01    ";"2023JJ00";"17811291";"17942942"
"1";"T001038 ";"PV22    ";"2023JJ00";"502051";"504260"
"2";"T001038 ";"GM0106  ";"2023JJ00";"69414";"69701"
"3";"3000    ";"GM0106  ";"2023JJ00";"34000";"34100"
"4";"T001038 ";"GM0106  ";"2024JJ00";"69701";"."
"5";"T001038 ";"GM0106  ";"2026JJ00*";"70769";""
"6";"T001038 ";"CR07    ";"2023JJ00";"1";"2"
"7";"T001038 ";"GM0118  ";"2023MM03";"1";"2"
"8";"T001038 ";"Assen";"2023JJ00";"1";"2"
"9";"T001038 ";"Asen";"2023JJ00";"1";"2"
'''


def cbs_rows(result):
    return [(r["gemeente_code"], r["peildag_bevolking"], r["inwoners"], r["maatstaf"],
             r["periode"], r["voorlopig"], r["_regel"]) for r in result.rows.to_pylist()]


def test_cbs_statline_csv(tmp_path):
    path = tmp_path / "cbs_20250301.csv"
    path.write_text(STATLINE, encoding="utf-8")
    r = read_export(path, "cbs", GEMEENTEN, date(2025, 3, 1))
    assert r.rows.schema == raw_schema("cbs")
    assert cbs_rows(r) == [
        ("GM0106", date(2023, 1, 1), 69414, "BevolkingOp1Januari", "2023JJ00", False, 4),
        ("GM0106", date(2024, 1, 1), 69701, "BevolkingAanHetEindeVanDePeriode", "2023JJ00", False, 4),
        ("GM0106", date(2024, 1, 1), 69701, "BevolkingOp1Januari", "2024JJ00", False, 6),
        ("GM0106", date(2026, 1, 1), 70769, "BevolkingOp1Januari", "2026JJ00", True, 7)]
    # "Assen" is a name (the web table's form) for GM0106, so its figures repeat line 4's.
    assert r.rejected == [
        Rejection(6, "BevolkingAanHetEindeVanDePeriode", ".", "BevolkingAanHetEindeVanDePeriode: "
                  "CBS markeert het cijfer als geheim of onbetrouwbaar ('.')"),
        Rejection(10, "BevolkingOp1Januari", "1", "dubbel cijfer voor GM0106, "
                  "BevolkingOp1Januari 2023: staat al op regel 4"),
        Rejection(10, "BevolkingAanHetEindeVanDePeriode", "2", "dubbel cijfer voor GM0106, "
                  "BevolkingAanHetEindeVanDePeriode 2023: staat al op regel 4")]
    assert r.rows_read == 10
    # every other line is accounted for: NL01, PV22, CR07; sex 3000; a month; the typo "Asen"
    assert r.overgeslagen == {
        "geen gemeente (land, provincie of andere regio)": 3,
        "niet het totaal van mannen en vrouwen": 1,
        "geen jaarcijfer (maand, kwartaal)": 1,
        "naam van geen gemeente van de regio (Asen)": 1}


def test_cbs_odata_json_with_status_column(tmp_path):
    path = tmp_path / "cbs.json"
    path.write_text('{"odata.metadata": "https://opendata.cbs.nl/x", "value": ['
                    '{"ID": 1, "RegioS": "GM0118  ", "Perioden": "2024JJ00", '
                    '"TotaleBevolking_1": 56591, "BevolkingOp31December_3": 56700, "Status": "Voorlopig"},'
                    '{"ID": 2, "RegioS": "GM0119", "Perioden": "2019JJ00", '
                    '"TotaleBevolking_1": 33564, "BevolkingOp31December_3": null, "Status": "Definitief"},'
                    '{"ID": 3, "RegioS": "NL01", "Perioden": "2019JJ00", '
                    '"TotaleBevolking_1": 1, "BevolkingOp31December_3": 2, "Status": null}]}',
                    encoding="utf-8")
    r = read_export(path, "cbs", GEMEENTEN, date(2025, 3, 1))
    assert cbs_rows(r) == [
        ("GM0118", date(2024, 1, 1), 56591, "TotaleBevolking", "2024JJ00", True, 1),
        ("GM0118", date(2025, 1, 1), 56700, "BevolkingOp31December", "2024JJ00", True, 1),
        ("GM0119", date(2019, 1, 1), 33564, "TotaleBevolking", "2019JJ00", False, 2)]
    assert r.rejected == []


def test_cbs_without_gemeenten_is_refused(tmp_path):
    path = tmp_path / "cbs.csv"
    path.write_text('"RegioS";"Perioden";"BevolkingOp1Januari_1"\n"PV22  ";"2023JJ00";"502051"\n',
                    encoding="utf-8")
    with pytest.raises(RefusedFile, match="geen cijfers voor gemeenten"):
        read_export(path, "cbs", GEMEENTEN, None)


def test_cbs_without_a_measure_is_refused(tmp_path):
    path = tmp_path / "cbs.csv"
    path.write_text('"RegioS";"Perioden";"Bevolkingsdichtheid_57"\n"GM0106";"2023JJ00";"1"\n',
                    encoding="utf-8")
    with pytest.raises(RefusedFile, match="bevolkingsmaatstaf"):
        read_export(path, "cbs", GEMEENTEN, None)


# --- properties ------------------------------------------------------------------------

def dutch(amount: Decimal, thousands: bool, euro: bool) -> str:
    sign = "-" if amount < 0 else ""
    whole, _, cents = f"{abs(amount):.2f}".partition(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return ("€ " if euro else "") + f"{sign}{whole},{cents}"


amounts = st.decimals(min_value=Decimal("-99999999999.99"), max_value=Decimal("99999999999.99"),
                      places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(amounts, st.booleans(), st.booleans()), min_size=1, max_size=30))
def test_any_dutch_amount_round_trips(tmp_path_factory, values):
    tmp = tmp_path_factory.mktemp("bedrag")
    lines = [DECL_HEADER] + [decl(f"R{i}", bedrag=dutch(a, t, e)) for i, (a, t, e) in enumerate(values)]
    r = load(tmp, "declaraties.csv", lines)
    assert r.rejected == []
    assert r.rows.column("bedrag").to_pylist() == [a for a, _, _ in values]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=date(1000, 1, 1)), st.booleans()),
                min_size=1, max_size=30))
def test_any_valid_date_round_trips(tmp_path_factory, values):
    tmp = tmp_path_factory.mktemp("datum")
    fmt = [f"{d.day:02d}-{d.month:02d}-{d.year:04d}" if pad else f"{d.day}-{d.month}-{d.year}"
           for d, pad in values]
    lines = [DECL_HEADER] + [decl(f"R{i}", begin=f, eind="31-12-9999") for i, f in enumerate(fmt)]
    r = load(tmp, "declaraties.csv", lines)
    assert r.rejected == []
    assert r.rows.column("periode_begin").to_pylist() == [d for d, _ in values]
