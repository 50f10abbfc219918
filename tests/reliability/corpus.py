"""A corpus of broken deliveries: one broken export each, with the exact outcome it must get.

Every case replaces one file of the tiny valid delivery (tests/fixtures/delivery.py) and is
loaded through the real `etl.load.load`. The outcome is either

- `Refused`: the whole load is refused with exactly this message (file, line, reason), and the
  published warehouse stays byte-identical; or
- `Kept`: the load publishes; exactly these lines are in `raw.afgekeurd` with this column and
  reason, and exactly `geladen` rows of the file are in `raw.<soort>`.

Where an input is ambiguous (a point as decimal separator, a two-digit year, a date written as
an Excel serial number, a comma as delimiter, a file in two encodings) the case expects a
refusal or a rejection that says why, never a guess.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

import openpyxl

from tests.fixtures.delivery import CBS, HEADERS, ROWS, cbs_rows

FILE_SUFFIX = "20250630"
REGION = ["GM1680", "GM0106", "GM1731", "GM1699", "GM1730", "GM1690", "GM0118", "GM0119", "GM1701"]


@dataclass(frozen=True)
class Refused:
    regel: int | None          # None: the file as a whole (not a line) is the problem
    reden: str
    prefix: bool = False       # the reason continues with a library's own words


@dataclass(frozen=True)
class Kept:
    geladen: int
    afgekeurd: tuple[tuple[int, str | None, str], ...] = ()
    gelezen: int | None = None            # default: geladen + distinct rejected lines
    # (sql over raw.<soort> rows of this file, expected rows): what was stored, exactly
    controle: tuple[str, list] | None = None


@dataclass(frozen=True)
class Case:
    naam: str
    soort: str
    inhoud: bytes
    uitkomst: Refused | Kept
    ext: str = "csv"

    @property
    def bestand(self) -> str:
        return f"{self.soort}_{FILE_SUFFIX}.{self.ext}"


def csv_bytes(soort: str, rows: list[str], header: str | None = None, nl: str = "\n",
              encoding: str = "utf-8") -> bytes:
    header = HEADERS[soort] if header is None else header
    return (nl.join([header, *rows]) + nl).encode(encoding)


def xlsx_bytes(rows: list[list], string_cells: dict[tuple[int, int], str] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for (r, c), text in (string_cells or {}).items():
        cell = ws.cell(row=r, column=c, value=text)
        cell.data_type = "s"   # text that starts with '=': a string, not a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_cached_formula(data: bytes, cell: str, formula: str, cached: str) -> bytes:
    """An XLSX whose `cell` holds `formula` with the value Excel saved for it (openpyxl cannot
    write cached values, Excel always does)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = body.decode("utf-8")
                start = text.index(f'<c r="{cell}"')
                end = text.index("</c>", start) + len("</c>")
                text = (text[:start] + f'<c r="{cell}" t="str"><f>{formula}</f><v>{cached}</v></c>'
                        + text[end:])
                body = text.encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


IND = ROWS["indicaties"]
DECL = ROWS["declaraties"]
H_IND = HEADERS["indicaties"]
IND_XLSX_HEADER = ["Clientnummer", "Gemeentecode", "Toewijzingnummer", "Productcategorie",
                   "Productcode", "Leveringsvorm", "Ingangsdatum", "Einddatum", "Tarief"]
MIXED = (csv_bytes("indicaties", [IND[0].replace("C1", "Cé1"), IND[1], IND[2]])
         .replace(b"C2;", b"C\xe92;"))   # line 2 UTF-8 é, line 3 a Windows-1252 é
TRUNCATED = csv_bytes("declaraties", DECL)[:-25]  # cut inside the last line: "R3;1003;15-02-2025;28-02-"
AMOUNTS = [
    "R1;1001;01-01-2025;31-01-2025;1.234,56;Toegekend",
    "R2;1001;01-01-2025;31-01-2025;1234.56;Toegekend",
    "R3;1001;01-01-2025;31-01-2025;€ 1.234,56;Toegekend",
    "R4;1001;01-01-2025;31-01-2025;-€ 12,50;Toegekend",
    "R5;1001;01-01-2025;31-01-2025;1234,567;Toegekend",
    "R6;1001;01-01-2025;31-01-2025;twaalf;Toegekend",
]
POINT = ("Bedrag heeft een punt als decimaalteken; dat is dubbelzinnig in een Nederlandse export "
         "(verwacht een decimale komma, bijvoorbeeld 1.234,56)")
SERIAL = ("{} is een getal, geen datum (een Excel-datumnummer?); dat wordt niet omgerekend omdat "
          "het dubbelzinnig is (verwacht dd-mm-jjjj)")
HYPERLINK = '=HYPERLINK("http://x","klik")'
DELIMITER = ("de kolommen zijn gescheiden door een {} in plaats van een puntkomma (;); lever de "
             "export aan met ; als scheidingsteken (met een decimale komma is een ander "
             "scheidingsteken niet eenduidig te lezen)")

CASES: list[Case] = [
    # --- refused whole: the file cannot be read as its soort ---------------------------------
    Case("komma_als_scheidingsteken", "indicaties",
         csv_bytes("indicaties", [r.replace(";", ",") for r in IND], H_IND.replace(";", ",")),
         Refused(1, DELIMITER.format("komma (,)"))),
    Case("tab_als_scheidingsteken", "pgb",
         csv_bytes("pgb", [r.replace(";", "\t") for r in ROWS["pgb"]],
                   HEADERS["pgb"].replace(";", "\t")),
         Refused(1, DELIMITER.format("tab"))),
    Case("utf16_zonder_bom", "wlz",
         ("\n".join([HEADERS["wlz"], *ROWS["wlz"]]) + "\n").encode("utf-16-le"),
         Refused(1, "het bestand bevat NUL-tekens: geen tekstbestand in UTF-8 of Windows-1252 "
                    "(UTF-16 zonder BOM?)")),
    Case("gemengde_codering_utf8_en_windows1252", "indicaties", MIXED,
         Refused(3, "gemengde tekencodering: deze regel is geen UTF-8, maar regel 2 wel; welke "
                    "codering geldt is niet te zeggen (sla het bestand op als UTF-8)")),
    Case("verplichte_kolom_ontbreekt", "declaraties",
         csv_bytes("declaraties", [r.rsplit(";", 2)[0] + ";" + r.rsplit(";", 1)[1] for r in DECL],
                   "Regelnummer;Toewijzingnummer;Periode_begin;Periode_eind;Status"),
         Refused(1, "geen kopregel gevonden met alle verplichte kolommen van declaraties; "
                    "ontbrekend: Bedrag")),
    Case("verplichte_kolom_ontbreekt_wlz", "wlz", b"Clientnummer;Aanvraagdatum\nC1;01-05-2025\n",
         Refused(1, "geen kopregel gevonden met alle verplichte kolommen van wlz; "
                    "ontbrekend: Besluit")),
    Case("kolom_twee_keer_in_kop", "indicaties",
         csv_bytes("indicaties", [r + ";GM0106" for r in IND], H_IND + ";Gemeente code"),
         Refused(1, "kolom Gemeentecode staat meer dan eens in de kopregel ('Gemeentecode', "
                    "'Gemeente code')")),
    Case("leeg_bestand", "financien", b"", Refused(1, "het bestand is leeg (geen kopregel)")),
    Case("alleen_witregels", "producten", b"\r\n  \r\n;;\r\n",
         Refused(1, "het bestand is leeg (geen kopregel)")),
    Case("alleen_kopregel_momentopname", "producten", csv_bytes("producten", []),
         Refused(1, "het bestand bevat alleen een kopregel; een lege momentopname van producten "
                    "zou alle gegevens wissen")),
    Case("afgebroken_laatste_regel", "declaraties", TRUNCATED,
         Refused(4, "de regel heeft 4 velden, de kopregel 6 (afgebroken of verschoven regel?)")),
    Case("afgebroken_in_aanhalingstekens", "indicaties",
         csv_bytes("indicaties", IND[:2]) + b'C3;1680;1003;15;15A03;ZIN;15-02-2025;;;"90,',
         Refused(4, 'een aanhalingsteken (") wordt niet gesloten: het bestand is afgebroken '
                    "midden in een waarde")),
    Case("los_cr_midden_in_bestand", "pgb",
         csv_bytes("pgb", ["C2;GM0119;2024;3;2.000,00\rC2;GM0119;2024;4;2.100,00"]),
         Refused(2, "een los CR-teken (regeleinde zonder LF) midden in de regel; verschoven of "
                    "afgebroken regel?")),
    Case("cbs_zonder_gemeenten", "cbs",
         ("\n".join([CBS[0], '"0";"NL01  ";"2024JJ00";"17942942"']) + "\n").encode(),
         Refused(1, "het bestand bevat geen cijfers voor gemeenten (RegioS GM.... of de naam "
                    "van een gemeente van de regio); een lege momentopname van cbs zou alle "
                    "gegevens wissen")),
    Case("oud_xls_formaat", "indicaties",
         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
         Refused(None, "dit is een oud Excel-bestand (.xls) of een met een wachtwoord beveiligd "
                       "werkboek; sla het op als .xlsx of als CSV"), ext="xlsx"),
    Case("afgebroken_xlsx", "indicaties",
         xlsx_bytes([IND_XLSX_HEADER])[:300],
         Refused(None, "geen leesbaar XLSX-bestand (", prefix=True), ext="xlsx"),
    Case("xlsx_eerste_werkblad_leeg", "producten", xlsx_bytes([]),
         Refused(1, "het bestand is leeg (geen kopregel)"), ext="xlsx"),
    Case("xlsx_formule_zonder_waarde", "producten",
         xlsx_bytes([["Productcode", "Tussenvorm"], ["15A01", "Beschermd wonen intramuraal"],
                     ["15A03", '=IF(1,"Begeleid wonen","")']]),
         Refused(3, "cel B3 bevat een formule zonder opgeslagen waarde; de monitor rekent "
                    "formules niet uit (open en bewaar het bestand in Excel, of lever CSV)"),
         ext="xlsx"),

    # --- rows kept aside, the rest loaded ----------------------------------------------------
    Case("titelregels_boven_de_kop", "indicaties",
         b"Rapport Beschermd Wonen;;\nGemaakt op 01-07-2025\n\n" + csv_bytes("indicaties", IND),
         Kept(3, controle=("select clientnummer, _regel from rows order by _regel",
                           [("C1", 5), ("C2", 6), ("C3", 7)]))),
    Case("alleen_kopregel_increment", "declaraties", csv_bytes("declaraties", []), Kept(0)),
    Case("datum_die_niet_bestaat", "indicaties",
         csv_bytes("indicaties", [*IND, "C4;GM0106;1004;15;15A01;ZIN;31-02-2024;;;150,00;14"]),
         Kept(3, ((5, "ingangsdatum", "Ingangsdatum is een datum die niet bestaat"),))),
    Case("jaartal_van_twee_cijfers", "wlz",
         csv_bytes("wlz", [*ROWS["wlz"], "C2;01-05-25;Toegekend;"]),
         Kept(1, ((3, "aanvraagdatum", ("Aanvraagdatum heeft een jaartal van twee cijfers; dat is "
                                       "dubbelzinnig (verwacht dd-mm-jjjj)")),))),
    Case("excel_datumnummer", "declaraties",
         csv_bytes("declaraties", [*DECL, "R4;1001;45292;31-01-2024;10,00;Toegekend"]),
         Kept(3, ((5, "periode_begin", SERIAL.format("Periode_begin")),))),
    Case("einddatum_voor_ingangsdatum", "indicaties",
         csv_bytes("indicaties", [*IND, "C4;GM0106;1004;15;15A01;ZIN;01-03-2024;29-02-2024;;;"]),
         Kept(3, ((5, "einddatum", "Einddatum ligt voor Ingangsdatum"),))),
    Case("bedragen_nederlands_engels_en_met_euroteken", "declaraties", csv_bytes("declaraties", AMOUNTS),
         Kept(3, ((3, "bedrag", POINT), (6, "bedrag", "Bedrag heeft meer dan 2 decimalen"),
                  (7, "bedrag", "Bedrag is geen bedrag")),
              controle=("select regelnummer, bedrag::varchar from rows order by 1",
                        [("R1", "1234.56"), ("R3", "1234.56"), ("R4", "-12.50")]))),
    Case("gemeentecodes_zonder_voorloopnullen_en_onbekend", "pgb",
         csv_bytes("pgb", ["C2;119;2024;3;2.000,00", "C3;106;2024;3;100,00",
                           "C4;GM9999;2024;3;100,00", "C5;Assen;2024;3;100,00"]),
         Kept(2, ((4, "gemeente_code", ("Gemeentecode: onbekende gemeentecode (geen gemeente van "
                                       "de regio)")),
                  (5, "gemeente_code", ("Gemeentecode is geen gemeentecode (verwacht bijvoorbeeld "
                                       "GM0106 of 0106)"))),
              controle=("select clientnummer, gemeente_code from rows order by 1",
                        [("C2", "GM0119"), ("C3", "GM0106")]))),
    Case("dubbel_toewijzingnummer", "indicaties",
         csv_bytes("indicaties", [*IND, IND[0].replace("C1;", "C9;")]),
         Kept(3, ((5, "toewijzingnummer", ("dubbel Toewijzingnummer: staat al op regel 2; die "
                                          "eerste regel is geladen")),),
              controle=("select clientnummer from rows where toewijzingnummer = '1001'",
                        [("C1",)]))),
    Case("dubbele_sleutel_pgb", "pgb", csv_bytes("pgb", [*ROWS["pgb"], "C2;GM0119;2024;3;9,99"]),
         Kept(2, ((4, None, ("dubbele sleutel (Clientnummer, Jaar, Maand): staat al op regel 2; "
                            "die eerste regel is geladen")),))),
    Case("dubbel_regelnummer", "declaraties",
         csv_bytes("declaraties", [*DECL, DECL[0].replace("4.650,00", "1,00")]),
         Kept(3, ((5, "regelnummer", ("dubbel Regelnummer: staat al op regel 2; die eerste regel "
                                     "is geladen")),))),
    Case("negatief_tarief", "indicaties",
         csv_bytes("indicaties", [*IND, "C4;GM0106;1004;15;15A01;ZIN;01-02-2024;;;-150,00;14"]),
         Kept(3, ((5, "tarief", "Tarief mag niet negatief zijn"),))),
    Case("veld_van_100000_tekens", "indicaties",
         csv_bytes("indicaties", [r + ";Zorg B.V." for r in IND]
                   + ["C4;GM0106;1004;15;15A01;ZIN;01-02-2024;;;150,00;14;" + "x" * 100_000],
                   H_IND + ";Aanbieder"),
         Kept(3, ((5, "aanbieder", "Aanbieder is langer dan 4.000 tekens"),))),
    Case("formule_als_tekst", "indicaties",
         csv_bytes("indicaties", [IND[0] + ';"=HYPERLINK(""http://x"",""klik"")"',
                                  IND[1] + ";@SUM(A1)", IND[2] + ";+31 6"],
                   H_IND + ";Productomschrijving"),
         Kept(3, controle=("select productomschrijving from rows order by _regel",
                           [(HYPERLINK,), ("@SUM(A1)",), ("+31 6",)]))),
    Case("crlf_en_lf_door_elkaar", "financien",
         ("Jaar;Post;Bedrag\r\n" + "\n".join(ROWS["financien"][:3]) + "\r\n"
          + "\r\n".join(ROWS["financien"][3:]) + "\n").encode(),
         Kept(6, controle=("select _regel, post from rows where jaar = 2025 order by 1",
                           [(5, "Integratie-uitkering BW"), (6, "Uitvoeringskosten BW"),
                            (7, "Begroting clientgebonden kosten BW")]))),
    Case("alleen_cr_regeleinden", "financien", csv_bytes("financien", ROWS["financien"], nl="\r"),
         Kept(6)),
    Case("utf8_met_bom", "producten", b"\xef\xbb\xbf" + csv_bytes("producten", ROWS["producten"]),
         Kept(2)),
    Case("utf16_met_bom", "wlz",
         ("\n".join([HEADERS["wlz"], "C1;01-05-2025;In behandeling;", "Cé2;01-06-2025;Toegekend;"])
          + "\n").encode("utf-16"),
         Kept(2, controle=("select clientnummer from rows order by 1", [("C1",), ("Cé2",)]))),
    Case("windows_1252", "producten",
         csv_bytes("producten", [*ROWS["producten"], ("15A09;Thuis Plus;Thuiswonen+ (begeleiding "
                                 "thuis, cliënt);15")], encoding="cp1252"),
         Kept(3, controle=("select productomschrijving from rows where productcode = '15A09'",
                           [("Thuiswonen+ (begeleiding thuis, cliënt)",)]))),
    Case("onbekende_status_en_lege_verplichte_waarde", "declaraties",
         csv_bytes("declaraties", [*DECL, "R4;1001;01-03-2025;31-03-2025;10,00;Goedgekeurd",
                                   "R5;;01-03-2025;31-03-2025;10,00;Toegekend"]),
         Kept(3, ((5, "status", ("Status heeft een onbekende waarde (verwacht Ingediend, Toegekend "
                                "of Afgewezen)")),
                  (6, "toewijzingnummer", "Toewijzingnummer ontbreekt (verplicht veld)")))),
    Case("maand_buiten_bereik", "pgb", csv_bytes("pgb", [*ROWS["pgb"], "C2;GM0119;2024;13;5,00"]),
         Kept(2, ((4, "maand", "Maand moet tussen 1 en 12 liggen"),))),
    Case("jaar_geen_getal_en_dubbele_post", "financien",
         csv_bytes("financien", [*ROWS["financien"], "2O24;Uitvoeringskosten MO;1,00",
                                 "2024;Uitvoeringskosten BW;7,00"]),
         Kept(6, ((8, "jaar", "Jaar is geen geheel getal"),
                  (9, None, ("dubbele sleutel (Jaar, Post): staat al op regel 3; die eerste regel "
                            "is geladen"))))),
    Case("onbekende_tussenvorm", "producten",
         csv_bytes("producten", [*ROWS["producten"], "15A20;Beschermd thuis;;15"]),
         Kept(2, ((4, "tussenvorm", ("Tussenvorm heeft een onbekende waarde (verwacht Beschermd "
                                    "wonen intramuraal, Beschermd wonen nabij, Begeleid wonen, "
                                    "Thuis Plus, Opvang of Spoedopvang)")),))),
    Case("cbs_geheim_cijfer", "cbs",
         ("\n".join([*CBS, *cbs_rows(REGION), '"99";"GM0106";"2023JJ00";"."']) + "\n").encode(),
         Kept(27, ((29, "BevolkingOp1Januari", ("BevolkingOp1Januari: CBS markeert het cijfer als "
                                               "geheim of onbetrouwbaar ('.')")),), gelezen=28)),
    Case("xlsx_met_titels_datumcellen_en_datumnummer", "indicaties",
         xlsx_bytes([["Rapport indicaties BW"], [],
                     IND_XLSX_HEADER,
                     ["C1", "GM0106", 1001, 15, "15A01", "ZIN", datetime(2024, 1, 1), None, 150.0],
                     ["C2", 119, 1002, 15, "15A03", "PGB", date(2024, 3, 1), date(2024, 12, 31),
                      None],
                     ["C3", "1680", 1003, 15, "15A03", "ZIN", 45292, None, 90.5]]),
         Kept(2, ((6, "ingangsdatum", SERIAL.format("Ingangsdatum")),),
              controle=(("select clientnummer, gemeente_code, ingangsdatum, einddatum, "
                        "tarief::varchar, _regel from rows order by 1"),
                        [("C1", "GM0106", date(2024, 1, 1), None, "150.0000", 4),
                         ("C2", "GM0119", date(2024, 3, 1), date(2024, 12, 31), None, 5)])),
         ext="xlsx"),
    Case("xlsx_formuletekst_en_opgeslagen_formule", "producten",
         with_cached_formula(
             xlsx_bytes([["Productcode", "Tussenvorm", "Productomschrijving"],
                         ["15A01", "Beschermd wonen intramuraal", None],
                         ["15A03", "Begeleid wonen", "x"]],
                        string_cells={(2, 3): HYPERLINK}),
             "C3", "CONCATENATE(&quot;Begeleid&quot;,&quot; wonen&quot;)", "Begeleid wonen"),
         Kept(2, controle=("select productcode, productomschrijving from rows order by 1",
                           [("15A01", HYPERLINK), ("15A03", "Begeleid wonen")])),
         ext="xlsx"),
]

# Every export soort has broken files in the corpus.
assert {c.soort for c in CASES} == {"indicaties", "declaraties", "pgb", "wlz", "financien",
                                    "producten", "cbs"}
assert len({c.naam for c in CASES}) == len(CASES)
