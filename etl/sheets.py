"""Exports that are not CSV: the first sheet of an XLSX, and CBS OData JSON.

Both yield ``(regel, [text, ...])`` rows whose cells read as a Dutch COGNOS CSV would hold
them, so the CSV path's header search and the SQL parsing serve them unchanged.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

from etl.errors import RefusedFile


def cell_text(value) -> str:
    """A spreadsheet value as a Dutch COGNOS CSV would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, (datetime, date)):
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel holds doubles: 0.1 + 0.2 comes back as 0.30000000000000004. Ten decimals
        # removes that noise and still exceeds anything an amount or tariff may carry.
        text = format(Decimal(repr(round(value, 10))).normalize(), "f")
        return text.replace(".", ",")
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value)



_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def _has_formulas(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(n.startswith("xl/worksheets/") and _FORMULA.search(z.read(n))
                   for n in z.namelist())


def xlsx_rows(data: bytes, bestand: str):
    """The first sheet's rows. A formula cell is read as the value Excel saved with it (what
    the user saw); text that merely looks like a formula (`=HYPERLINK(...)` typed as text) is
    text. A formula saved without a value (a file written by a tool, never opened in Excel)
    refuses the file: the monitor never evaluates formulas, and an empty cell would be a guess.
    """
    import openpyxl  # only XLSX deliveries pay for the import

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = (openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
                    if _has_formulas(data) else None)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise RefusedFile(bestand, None, f"geen leesbaar XLSX-bestand ({e})") from None
    if not wb.worksheets:
        raise RefusedFile(bestand, None, "het XLSX-bestand heeft geen werkblad")
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        if formulas is None:
            for regel, row in enumerate(rows, start=1):
                yield regel, [cell_text(v) for v in row]
            return
        for regel, (row, cells) in enumerate(zip(rows, formulas.worksheets[0].iter_rows()),
                                             start=1):
            for value, cell in zip(row, cells):
                if value is None and getattr(cell, "data_type", None) == "f":
                    raise RefusedFile(bestand, regel, f"cel {cell.coordinate} bevat een formule "
                                      "zonder opgeslagen waarde; de monitor rekent formules niet "
                                      "uit (open en bewaar het bestand in Excel, of lever CSV)")
            yield regel, [cell_text(v) for v in row]
    finally:
        wb.close()
        if formulas is not None:
            formulas.close()


def json_rows(text: bytes, bestand: str):
    """CBS OData (``{"value": [{...}, ...]}``); a record's number stands in for its line."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise RefusedFile(bestand, getattr(e, "lineno", None), f"ongeldige JSON ({e})") from None
    records = doc.get("value") if isinstance(doc, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise RefusedFile(bestand, 1, 'geen OData-JSON: verwacht {"value": [{...}, ...]}')
    keys = list(dict.fromkeys(k for r in records for k in r))
    yield 0, keys
    for i, record in enumerate(records, start=1):
        yield i, [cell_text(record.get(k)) for k in keys]
