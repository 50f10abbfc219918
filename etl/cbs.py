"""CBS StatLine population figures (CSV or OData JSON) to raw.cbs rows.

StatLine puts each measure in its own column; raw.cbs holds one row per gemeente, measure and
period, with the day the population was counted. A file is a few thousand rows at most, so a
plain loop is clear and fast enough here.
"""
from __future__ import annotations

import re
from datetime import date

import pyarrow as pa

from etl.errors import RefusedFile, Rejection
from etl.kinds import get_kind
from etl.readers import RawRows

GEMEENTE = re.compile(r"GM\d{4}")
REGION_KEY = re.compile(r"[A-Z]{2}\d{2,8}")   # PV22, CR07, NL01, WK010600 ...
YEAR = re.compile(r"(\d{4})(?:JJ00)?\s*(\*)?")          # 2023JJ00, 2026JJ00*, label 2026*
OTHER_PERIOD = re.compile(r"\d{4}(?:MM|KW|HJ|G\d|X\d)\w*\*?")
# Table 37259 splits by sex; only the total may be kept or the population would triple.
TOTAL_SEX = {"t001038", "totaal mannen en vrouwen", "totaal"}
PROVISIONAL = {"ja", "j", "true", "waar", "1", "*", "x", "yes", "y"}
# StatLine symbols: '.' unknown or secret, 'x' secret; '..' means not yet published.
SECRET = {".", "x"}
NOT_PUBLISHED = {"", "..", "-"}
COUNT = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+")


def _provisional(status: str | None) -> bool:
    s = (status or "").strip().lower()
    return "voorlopig" in s or s in PROVISIONAL


def convert(raw: RawRows, bestand: str, schema: pa.Schema,
            ) -> tuple[pa.Table, list[Rejection], int]:
    """raw.cbs rows, rejections and the number of data lines; RefusedFile when the file holds
    no figures for any gemeente (an empty snapshot would wipe the population)."""
    data = raw.table.to_pydict()
    offsets = {c.name: c.year_offset for c in get_kind("cbs").measures}
    measures = [m for m in offsets if any(v is not None for v in data[m])]
    out: dict[str, list] = {f.name: [] for f in schema}
    rejected: list[Rejection] = []
    first_line: dict[tuple, int] = {}
    gemeente_rows = rows_read = 0
    for i, regel in enumerate(data["_regel"]):
        if not any((data[c][i] or "").strip() for c in data if c != "_regel"):
            continue   # a blank line
        rows_read += 1
        regio = (data["regio_s"][i] or "").strip().upper()
        if not GEMEENTE.fullmatch(regio):
            if not REGION_KEY.fullmatch(regio):
                rejected.append(Rejection(regel, "regio_s", data["regio_s"][i],
                                          "RegioS is geen CBS-regiocode (verwacht bijvoorbeeld GM0106)"))
            continue
        sex = data["geslacht"][i]
        if sex is not None and sex.strip().lower() not in TOTAL_SEX:
            continue
        gemeente_rows += 1
        periode = (data["perioden"][i] or "").strip()
        m = YEAR.fullmatch(periode)
        if not m:
            if not OTHER_PERIOD.fullmatch(periode):
                rejected.append(Rejection(regel, "perioden", data["perioden"][i],
                                          "Perioden is geen CBS-periode (verwacht bijvoorbeeld 2024JJ00)"))
            continue
        year = int(m[1])
        voorlopig = m[2] is not None or _provisional(data["status"][i])
        for measure in measures:
            text = (data[measure][i] or "").strip()
            if text.lower() in NOT_PUBLISHED:
                continue
            if text.lower() in SECRET:
                rejected.append(Rejection(regel, measure, text, f"{measure}: CBS markeert het "
                                          f"cijfer als geheim of onbetrouwbaar ('{text}')"))
                continue
            if not COUNT.fullmatch(text):
                rejected.append(Rejection(regel, measure, text,
                                          f"{measure} is geen aantal inwoners"))
                continue
            peildag = date(year + offsets[measure], 1, 1)
            key = (regio, peildag, measure)
            if key in first_line:
                rejected.append(Rejection(regel, measure, text, f"dubbel cijfer voor {regio}, "
                                          f"{measure} {m[1]}: staat al op regel {first_line[key]}"))
                continue
            first_line[key] = regel
            for name, value in (("gemeente_code", regio), ("peildag_bevolking", peildag),
                                ("inwoners", int(text.replace(".", ""))), ("maatstaf", measure),
                                ("periode", f"{year}JJ00"), ("voorlopig", voorlopig),
                                ("_regel", regel)):
                out[name].append(value)
    if gemeente_rows == 0:
        raise RefusedFile(bestand, raw.header_line, "het bestand bevat geen cijfers voor "
                          "gemeenten (RegioS GM....); een lege momentopname van cbs zou alle "
                          "gegevens wissen")
    return pa.table(out, schema=schema), rejected, rows_read
