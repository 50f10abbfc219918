"""Turn an export file (CSV, XLSX or CBS OData JSON) into string columns with canonical names.

Everything downstream sees one shape, whatever the file looked like: a ``RawRows`` whose table
holds every column of the soort as strings (null when absent) plus ``_regel``, the line in the
file. XLSX cells are written as a Dutch CSV would hold them so that one parsing
path (``etl.validate``) serves both.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from etl.decoding import decode, line_endings
from etl.errors import RefusedFile
from etl.headers import (
    HEADER_SEARCH_LINES,
    OTHER_DELIMITERS,
    HeaderMap,
    find_header,
    normalise_header,
)
from etl.sheets import cell_text, json_rows, xlsx_rows
from etl.soorten import Soort

# The public names of the reading step, wherever they are defined.
__all__ = ["HEADER_SEARCH_LINES", "OTHER_DELIMITERS", "HeaderMap", "RawRows", "cell_text",
           "decode", "find_header", "line_endings", "normalise_header", "read_rows"]

# Python's csv module refuses fields over 128 KiB by default; a field that long is kept aside
# by the row rules instead (etl.expressions.MAX_TEXT_CHARS), so the reader must not stop at it.
csv.field_size_limit(1 << 26)


@dataclass
class RawRows:
    # One string column per column of the soort (all null when the file lacks it), then
    # `_regel` (int32). Values are as in the file: untrimmed, and blank lines still present.
    table: pa.Table
    header_line: int     # 1-based
    header: list[str]    # the header as it stood in the file


def read_rows(path: str | Path, soort: Soort, data: bytes | None = None) -> RawRows:
    """Read one export file as its soort; RefusedFile when that cannot be done."""
    path = Path(path)
    bestand = path.name
    if data is None:
        data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return _from_lists(xlsx_rows(data, bestand), soort, bestand)
    text = decode(data, bestand)
    if path.suffix.lower() == ".json" or text.lstrip()[:1] == b"{":
        return _from_lists(json_rows(text, bestand), soort, bestand)
    return _read_csv(line_endings(text, bestand), soort, bestand)


def _split_line(line: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=";"), [])
    except csv.Error:
        return [line]   # not a header; a data line is judged by the full parser


def _read_csv(text: bytes, soort: Soort, bestand: str) -> RawRows:
    hmap = HeaderMap(soort)
    lines: list[tuple[int, int]] = []   # (start, end) byte offsets of the lines scanned
    start = 0
    while len(lines) < HEADER_SEARCH_LINES and start < len(text):
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end + 1
        lines.append((start, end))
        start = end
    raw_lines = {i + 1: text[s:e].decode("utf-8").rstrip("\r\n") for i, (s, e) in enumerate(lines)}
    heads = ((regel, _split_line(line)) for regel, line in raw_lines.items())
    header_line, header, mapping = find_header(heads, hmap, bestand, raw_lines)
    body_at = lines[header_line - 1][1]
    fields = _csv_fast(text, body_at, len(header), header_line)
    if fields is None:   # quoted line breaks, ragged or whitespace lines: exact but slower
        fields = _csv_exact(text[body_at:].decode("utf-8"), len(header), header_line, bestand)
    return _canonical(fields, header, header_line, mapping, soort)


def _csv_fast(text: bytes, body_at: int, width: int, header_line: int) -> pa.Table | None:
    """pyarrow's parser; None when line numbers cannot be trusted or the parse fails."""
    names = [f"f{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(text).slice(body_at)),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=";", quote_char='"',
                                             newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None
    if text.count(b'"', body_at) % 2:
        return None   # an unbalanced quote (a truncated last line?): let the exact parser judge
    lines = text.count(b"\n", body_at)
    if len(text) > body_at and not text.endswith(b"\n"):
        lines += 1
    if table.num_rows != lines:
        return None   # a quoted value spans lines: row index is no longer the line number
    first = header_line + 1
    return table.append_column("_regel", pa.array(np.arange(first, first + lines, dtype=np.int32)))


def _csv_exact(body: str, width: int, header_line: int, bestand: str) -> pa.Table:
    # strict: a quote that is never closed (a file cut off inside a quoted value) or text after
    # a closing quote is an error, not a value to guess at.
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=";", quotechar='"', strict=True)
    cols: list[list[str]] = [[] for _ in range(width)]
    regels: list[int] = []
    done = 0
    while True:
        regel = header_line + done + 1   # a record starts on the line after the previous one
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            reden = ("een aanhalingsteken (\") wordt niet gesloten: het bestand is afgebroken "
                     "midden in een waarde" if "end of data" in str(e)
                     else f"de regel is geen geldige CSV ({e})")
            raise RefusedFile(bestand, regel, reden) from None
        done = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != width:
            raise RefusedFile(bestand, regel, f"de regel heeft {len(fields)} velden, de kopregel "
                              f"{width} (afgebroken of verschoven regel?)")
        for col, value in zip(cols, fields):
            col.append(value)
        regels.append(regel)
    return _lists_table(cols, regels)


def _lists_table(cols: list[list[str]], regels: list[int]) -> pa.Table:
    arrays = {f"f{i}": pa.array(c, pa.string()) for i, c in enumerate(cols)}
    arrays["_regel"] = pa.array(regels, pa.int32())
    return pa.table(arrays)


def _canonical(fields: pa.Table, header: list[str], header_line: int,
               mapping: dict[str, int], soort: Soort) -> RawRows:
    # Trimming, blank lines and empty values are left to the SQL that parses the values:
    # doing them here in pyarrow cost as much again as parsing the CSV.
    n = fields.num_rows
    columns = {col.name: fields.column(f"f{mapping[col.name]}") if col.name in mapping
               else pa.nulls(n, pa.string()) for col in soort.columns}
    columns["_regel"] = fields.column("_regel")
    return RawRows(table=pa.table(columns), header_line=header_line, header=header)


def _from_lists(source, soort: Soort, bestand: str) -> RawRows:
    """XLSX or JSON rows: (regel, [str]) pairs, the header among the first ones."""
    rows = iter(source)
    scanned = []
    for item in rows:
        scanned.append(item)
        if len(scanned) >= HEADER_SEARCH_LINES:
            break
    header_line, header, mapping = find_header(iter(scanned), HeaderMap(soort), bestand)
    width = len(header)
    cols: list[list[str]] = [[] for _ in range(width)]
    regels: list[int] = []
    for regel, fields in (*(r for r in scanned if r[0] > header_line), *rows):
        fields = (list(fields) + [""] * width)[:width]   # a sheet row stops at its last cell
        for col, value in zip(cols, fields):
            col.append(value)
        regels.append(regel)
    return _canonical(_lists_table(cols, regels), header, header_line, mapping, soort)
