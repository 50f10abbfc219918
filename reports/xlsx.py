"""write_xlsx: the report as an Excel workbook: an information sheet, one sheet per table
(Dutch headers, number formats, frozen header row) and the definitions.

Text is always written as text: a cell that starts with '=', '+', '-' or '@' (a product code,
a reason, a name from an export) gets the quote prefix, so Excel shows it and never evaluates
it as a formula (CSV/formula injection)."""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kern import formats
from reports.model import ReportData, Tabel

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
NUMMER_OPMAAK = {
    "aantal": "#,##0",            # shows as #.##0 in a Dutch Excel
    "eur": '"€" #,##0.00',        # € #.##0,00
    "eur2": '"€" #,##0.00',
    "pct": "0.0%",                # 0,0%
    "pct2": "0.00%",
    "per1000": "#,##0.00",
    "getal2": "#,##0.00",
    "datum": "dd-mm-yyyy",
    "maand": "mmm yyyy",
}
KOP_VULLING = PatternFill("solid", fgColor="DCE9F5")
VET = Font(bold=True)


def zet_tekst(cel, waarde: str) -> None:
    """Write `waarde` as a string cell that Excel will not evaluate."""
    cel.value = waarde
    cel.data_type = "s"
    if waarde.startswith(FORMULE_TEKENS):
        cel.quotePrefix = True


def zet(cel, waarde, soort: str) -> None:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        cel.value = None
        return
    if isinstance(waarde, str):
        zet_tekst(cel, waarde)
        if soort not in ("tekst", "maand", "datum"):
            cel.alignment = Alignment(horizontal="right")
        return
    if isinstance(waarde, bool):
        zet_tekst(cel, "ja" if waarde else "nee")
        return
    if isinstance(waarde, (dt.date, dt.datetime)):
        cel.value = waarde
        cel.number_format = NUMMER_OPMAAK["maand" if soort == "maand" else "datum"]
        return
    if hasattr(waarde, "item"):  # numpy scalar
        waarde = waarde.item()
    cel.value = waarde
    if soort in NUMMER_OPMAAK:
        cel.number_format = NUMMER_OPMAAK[soort]


def _bladnaam(naam: str, bezet: set[str]) -> str:
    basis = re.sub(r"[\[\]:*?/\\']", "", naam).strip()[:31] or "Tabel"
    kandidaat, n = basis, 2
    while kandidaat.lower() in bezet:
        achter = f" ({n})"
        kandidaat, n = basis[:31 - len(achter)] + achter, n + 1
    bezet.add(kandidaat.lower())
    return kandidaat


def _breedtes(ws, t: Tabel) -> None:
    for j, k in enumerate(t.kolommen):
        langste = max([len(k.naam)] + [len(str(r[j])) + 4 for r in t.rijen if r[j] is not None])
        ws.column_dimensions[get_column_letter(j + 1)].width = min(max(10, langste + 2), 50)


def _tabelblad(wb, t: Tabel, bezet: set[str]) -> None:
    ws = wb.create_sheet(_bladnaam(t.blad, bezet))
    for j, k in enumerate(t.kolommen, start=1):
        cel = ws.cell(row=1, column=j)
        zet_tekst(cel, k.naam)
        cel.font = VET
        cel.fill = KOP_VULLING
        cel.alignment = Alignment(wrap_text=True, vertical="top")
    for i, rij in enumerate(t.rijen):
        for j, waarde in enumerate(rij):
            cel = ws.cell(row=i + 2, column=j + 1)
            zet(cel, waarde, t.soort(i, j))
            if (t.totaalrij and i == len(t.rijen) - 1) or i in t.nadruk:
                cel.font = VET
    ws.freeze_panes = "A2"
    onder = len(t.rijen) + 3
    zet_tekst(ws.cell(row=onder, column=1), t.titel)
    ws.cell(row=onder, column=1).font = VET
    if t.toelichting:
        zet_tekst(ws.cell(row=onder + 1, column=1), t.toelichting)
    _breedtes(ws, t)


def write_xlsx(report: ReportData, path) -> int:
    """Write the workbook to `path` (a file name or a binary file object). Returns the number of sheets."""
    wb = Workbook()
    info = wb.active
    info.title = "Rapport"
    bezet = {"rapport", "definities"}
    regels = [
        ("Rapport", report.titel), ("Voor", report.ondertitel), ("Periode", report.periode_label),
        ("Vergeleken met", report.vorige_label), ("Gegevens t/m", formats.datum(report.peildatum)),
        ("Resultaatversie", report.resultaat_versie), ("Toelichting resultaatversie", report.resultaat_versie_tekst),
        ("Warehouseversie", report.warehouse_versie),
        ("Gemaakt op (UTC)", formats.datumtijd(report.gemaakt_op.replace(tzinfo=None))),
        ("Kleine aantallen en afronding", report.afscherming.uitleg()),
    ]
    zet_tekst(info.cell(row=1, column=1), "Onderdeel")
    zet_tekst(info.cell(row=1, column=2), "Waarde")
    for c in (info.cell(row=1, column=1), info.cell(row=1, column=2)):
        c.font, c.fill = VET, KOP_VULLING
    for i, (k, v) in enumerate(regels, start=2):
        zet_tekst(info.cell(row=i, column=1), k)
        zet_tekst(info.cell(row=i, column=2), v)
    rij = len(regels) + 3
    zet_tekst(info.cell(row=rij, column=1), "Leeswijzer")
    info.cell(row=rij, column=1).font = VET
    for t in report.leeswijzer:
        rij += 1
        zet_tekst(info.cell(row=rij, column=2), t)
        info.cell(row=rij, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 110
    info.freeze_panes = "A2"
    for t in report.tabellen:
        _tabelblad(wb, t, bezet)
    ws = wb.create_sheet("Definities")
    zet_tekst(ws.cell(row=1, column=1), "Begrip")
    zet_tekst(ws.cell(row=1, column=2), "Definitie")
    for c in (ws.cell(row=1, column=1), ws.cell(row=1, column=2)):
        c.font, c.fill = VET, KOP_VULLING
    for i, (term, uitleg) in enumerate(report.definities, start=2):
        zet_tekst(ws.cell(row=i, column=1), term)
        zet_tekst(ws.cell(row=i, column=2), uitleg)
        ws.cell(row=i, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 110
    ws.freeze_panes = "A2"
    wb.properties.title = report.titel
    wb.properties.creator = "BW/MO-monitor"
    wb.save(Path(path) if isinstance(path, str) else path)
    return len(wb.sheetnames)
