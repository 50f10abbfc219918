"""CBS StatLine population figures (CSV or OData JSON) to raw.cbs rows.

StatLine puts each measure in its own column; raw.cbs holds one row per gemeente, measure and
period, with the day the population was counted. A file is a few thousand rows at most, so a
plain loop is clear and fast enough here.

The open data (CSV or JSON) give region codes (``GM0106``); the StatLine web table gives names
(``Assen``), which ``etl.indeling`` turns into codes by the classification of the figure's year.
A named region that is no municipality of the region is left out; a line that is left out for
any reason is counted per reason (``overgeslagen``), so the load report accounts for every line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from etl.errors import RefusedFile, Rejection
from etl.indeling import Dubbelzinnig, laad_indeling
from etl.readers import RawRows
from etl.soorten import get_soort

GEMEENTE = re.compile(r"GM\d{4}")
REGION_KEY = re.compile(r"[A-Z]{2}\d{2,8}")   # PV22, CR07, NL01, WK010600 ...
YEAR = re.compile(r"(\d{4})(?:JJ00)?\s*(\*)?")          # 2023JJ00, 2026JJ00*, label 2026*
# Months, quarters ... as codes (2023MM03) or as web-table labels ("2023 maart", "2023 1e kwartaal").
OTHER_PERIOD = re.compile(r"\d{4}(?:MM|KW|HJ|G\d|X\d)\w*\*?|\d{4} \w.*")
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


# Why a line was left out, as the load report says it.
NO_MUNICIPALITY = "geen gemeente (land, provincie of andere regio)"
OUTSIDE = "naam van geen gemeente van de regio"
NOT_TOTAL = "niet het totaal van mannen en vrouwen"
NOT_A_YEAR = "geen jaarcijfer (maand, kwartaal)"
NO_FIGURE = "geen cijfer (leeg: de gemeente bestond niet of CBS publiceerde nog niets)"


def _provisional(status: str | None) -> bool:
    s = (status or "").strip().lower()
    return "voorlopig" in s or s in PROVISIONAL


@dataclass
class Cbs:
    rows: pa.Table
    rejected: list[Rejection]
    rows_read: int
    overgeslagen: dict[str, int] = field(default_factory=dict)


def convert(raw: RawRows, bestand: str, schema: pa.Schema, gemeenten=frozenset()) -> Cbs:
    """raw.cbs rows, rejections, the number of data lines and the lines left out by reason;
    RefusedFile when the file holds no figures for any gemeente (an empty snapshot would wipe
    the population) or names a municipality of the region ambiguously."""
    data = raw.table.to_pydict()
    offsets = {c.name: c.year_offset for c in get_soort("cbs").measures}
    measures = [m for m in offsets if any(v is not None for v in data[m])]
    indeling = laad_indeling()
    out: dict[str, list] = {f.name: [] for f in schema}
    rejected: list[Rejection] = []
    skipped: dict[str, int] = {}
    outside: dict[str, None] = {}   # the names left out, for the report
    first_line: dict[tuple, int] = {}
    gemeente_rows = rows_read = 0

    def skip(reason: str) -> None:
        skipped[reason] = skipped.get(reason, 0) + 1

    for i, regel in enumerate(data["_regel"]):
        if not any((data[c][i] or "").strip() for c in data if c != "_regel"):
            continue   # a blank line
        rows_read += 1
        sex = data["geslacht"][i]
        if sex is not None and sex.strip().lower() not in TOTAL_SEX:
            skip(NOT_TOTAL)
            continue
        periode = (data["perioden"][i] or "").strip()
        m = YEAR.fullmatch(periode)
        if not m:
            if OTHER_PERIOD.fullmatch(periode):
                skip(NOT_A_YEAR)
            else:
                rejected.append(Rejection(regel, "perioden", data["perioden"][i],
                                          "Perioden is geen CBS-periode (verwacht bijvoorbeeld 2024JJ00)"))
            continue
        year = int(m[1])
        regio = (data["regio_s"][i] or "").strip()
        if GEMEENTE.fullmatch(regio.upper()):
            regio = regio.upper()
        elif REGION_KEY.fullmatch(regio.upper()) or regio.casefold() == "nederland":
            skip(NO_MUNICIPALITY)
            continue
        elif not regio:
            rejected.append(Rejection(regel, "regio_s", data["regio_s"][i],
                                      "RegioS is leeg (verwacht een code als GM0106 of een gemeentenaam)"))
            continue
        else:
            code, reason = _named(indeling, regio, year, gemeenten, bestand, regel)
            if code is None:
                skip(reason)
                if reason == OUTSIDE:
                    outside.setdefault(regio, None)
                continue
            regio = code
        gemeente_rows += 1
        voorlopig = m[2] is not None or _provisional(data["status"][i])
        before = (len(out["_regel"]), len(rejected))
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
        if (len(out["_regel"]), len(rejected)) == before:
            skip(NO_FIGURE)
    if gemeente_rows == 0:
        raise RefusedFile(bestand, raw.header_line, "het bestand bevat geen cijfers voor "
                          "gemeenten (RegioS GM.... of de naam van een gemeente van de regio); "
                          "een lege momentopname van cbs zou alle gegevens wissen")
    if OUTSIDE in skipped:
        names = list(outside)
        voorbeeld = ", ".join(names[:3]) + (f" en {len(names) - 3} andere" if len(names) > 3 else "")
        skipped[f"{OUTSIDE} ({voorbeeld})"] = skipped.pop(OUTSIDE)
    return Cbs(pa.table(out, schema=schema), rejected, rows_read, skipped)


def _named(indeling, naam: str, jaar: int, gemeenten, bestand: str, regel: int,
           ) -> tuple[str | None, str]:
    """The region's code for a municipality name in `jaar`, or None and why it is left out.
    An ambiguous name refuses the file only when it may mean one of the region's municipalities:
    then no guess is safe; otherwise it names none of them either way."""
    try:
        uitkomst = indeling.zoek(naam, jaar)
    except Dubbelzinnig as e:
        if any(k.code in gemeenten for k in e.kandidaten):
            raise RefusedFile(bestand, regel, str(e)) from None
        return None, OUTSIDE
    if uitkomst.waarom == "geen gemeente":
        return None, NO_MUNICIPALITY
    return (uitkomst.code, "") if uitkomst.code in gemeenten else (None, OUTSIDE)
