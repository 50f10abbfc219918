"""Turn an export file (CSV, XLSX or CBS OData JSON) into string columns with canonical names.

Everything downstream sees one shape, whatever the file looked like: a ``RawRows`` whose table
holds every column of the kind as strings (null when absent) plus ``_regel``, the line in the
file. XLSX cells are written as a Dutch CSV would hold them so that one parsing
path (``etl.validate``) serves both.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from etl.errors import RefusedFile
from etl.kinds import Kind
from etl.sheets import cell_text, json_rows, xlsx_rows  # noqa: F401 (cell_text is public)

# Excel exports put a title block above the header; beyond this many lines we stop looking.
HEADER_SEARCH_LINES = 50
# Python's csv module refuses fields over 128 KiB by default; a field that long is kept aside
# by the row rules instead (etl.expressions.MAX_TEXT_CHARS), so the reader must not stop at it.
csv.field_size_limit(1 << 26)
# Delimiters a misconfigured export may use instead of `;`, named for the refusal message.
OTHER_DELIMITERS = {",": "komma (,)", "\t": "tab", "|": "verticale streep (|)"}
# A valid UTF-8 multi-byte sequence: its presence means the file was written as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_LONE_CR = re.compile(rb"\r(?!\n)")


@dataclass
class RawRows:
    # One string column per column of the kind (all null when the file lacks it), then
    # `_regel` (int32). Values are as in the file: untrimmed, and blank lines still present.
    table: pa.Table
    header_line: int     # 1-based
    header: list[str]    # the header as it stood in the file


def normalise_header(name: str) -> str:
    """Header names match ignoring case, accents, spaces, underscores and punctuation."""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", s.lower())


class HeaderMap:
    """Which canonical column a header name stands for, from the kind's column map."""

    def __init__(self, kind: Kind):
        self.kind = kind
        self.exact: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        for col in kind.columns:
            for alias in (col.name, *col.aliases):
                if alias.endswith("*"):
                    self.prefixes.append((normalise_header(alias[:-1]), col.name))
                    continue
                key = normalise_header(alias)
                if self.exact.setdefault(key, col.name) != col.name:
                    raise ValueError(f"kolommen {kind.name}: alias {alias!r} hoort bij "
                                     f"{self.exact[key]} en {col.name}")

    def match(self, header: str) -> str | None:
        key = normalise_header(header)
        if key in self.exact:
            return self.exact[key]
        for prefix, name in self.prefixes:
            if key.startswith(prefix) and (key == prefix or key[len(prefix):].isdigit()):
                return name
        return None

    def display(self, name: str) -> str:
        col = self.kind.column(name)
        return next((a for a in col.aliases if not a.endswith("*")), name)

    def missing(self, fields: list[str]) -> list[str]:
        found = {self.match(f) for f in fields}
        missing = [self.display(n) for n in self.kind.required if n not in found]
        measures = self.kind.measures
        if measures and not any(m.name in found for m in measures):
            missing.append("een bevolkingsmaatstaf (" + " / ".join(m.name for m in measures) + ")")
        return missing


def find_header(rows, hmap: HeaderMap, bestand: str, raw_lines: dict[int, str] | None = None,
                ) -> tuple[int, list[str], dict[str, int]]:
    """The header is the first line holding every required column; lines above it are titles.

    `raw_lines` (CSV only) holds the scanned lines as text: when no header is found with `;`
    but one is with another delimiter, the refusal says so. Such a file is not read with that
    delimiter: with a decimal comma, a comma-separated line cannot be split without guessing.
    """
    best: list[str] | None = None
    seen_any = False
    other_delimiter: RefusedFile | None = None
    for regel, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        seen_any = True
        if other_delimiter is None and raw_lines and len(fields) <= 1:
            other_delimiter = _other_delimiter(raw_lines.get(regel, ""), hmap, bestand, regel)
        missing = hmap.missing(fields)
        if not missing:
            positions: dict[str, list[int]] = {}
            for i, f in enumerate(fields):
                if (name := hmap.match(f)) is not None:
                    positions.setdefault(name, []).append(i)
            for name, idx in positions.items():
                if len(idx) > 1:
                    namen = ", ".join(repr(fields[i].strip()) for i in idx)
                    raise RefusedFile(bestand, regel, f"kolom {hmap.display(name)} staat meer "
                                      f"dan eens in de kopregel ({namen})")
            return regel, fields, {name: idx[0] for name, idx in positions.items()}
        if best is None or len(missing) < len(best):
            best = missing
    if not seen_any:
        raise RefusedFile(bestand, 1, "het bestand is leeg (geen kopregel)")
    if other_delimiter is not None:
        raise other_delimiter
    raise RefusedFile(bestand, 1, f"geen kopregel gevonden met alle verplichte kolommen van "
                      f"{hmap.kind.name}; ontbrekend: {', '.join(best)}")


def _other_delimiter(line: str, hmap: HeaderMap, bestand: str, regel: int) -> RefusedFile | None:
    for delim, naam in OTHER_DELIMITERS.items():
        if delim in line:
            fields = next(csv.reader([line], delimiter=delim), [])
            if not hmap.missing(fields):
                return RefusedFile(bestand, regel, f"de kolommen zijn gescheiden door een {naam} "
                                   "in plaats van een puntkomma (;); lever de export aan met ; als "
                                   "scheidingsteken (met een decimale komma is een ander "
                                   "scheidingsteken niet eenduidig te lezen)")
    return None


def decode(data: bytes, bestand: str) -> bytes:
    """UTF-8 bytes without BOM, from UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as e:
            raise RefusedFile(bestand, None, f"ongeldige UTF-16-tekst ({e.reason})") from None
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise RefusedFile(bestand, None, "dit is een oud Excel-bestand (.xls) of een met een "
                          "wachtwoord beveiligd werkboek; sla het op als .xlsx of als CSV")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    if b"\x00" in body:
        raise RefusedFile(bestand, _line_at(body, body.index(b"\x00")),
                          "het bestand bevat NUL-tekens: geen tekstbestand in UTF-8 of "
                          "Windows-1252 (UTF-16 zonder BOM?)")
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError as e:
        if bom:
            raise RefusedFile(bestand, _line_at(body, e.start),
                              "het bestand zegt UTF-8 te zijn (BOM) maar bevat ongeldige "
                              "tekens") from None
        utf8 = _UTF8_MULTIBYTE.search(body)
        if utf8 is not None:
            # Part UTF-8, part something else (a line pasted from another file, an edit in
            # an old editor): reading it as Windows-1252 would garble every UTF-8 accent.
            raise RefusedFile(bestand, _line_at(body, e.start),
                              f"gemengde tekencodering: deze regel is geen UTF-8, maar regel "
                              f"{_line_at(body, utf8.start())} wel; welke codering geldt is "
                              f"niet te zeggen (sla het bestand op als UTF-8)") from None
    try:
        return body.decode("cp1252").encode("utf-8")
    except UnicodeDecodeError as e:
        raise RefusedFile(bestand, _line_at(body, e.start), "de tekencodering is niet te lezen "
                          "(geen UTF-8 en geen Windows-1252)") from None


def _line_at(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def read_rows(path: str | Path, kind: Kind, data: bytes | None = None) -> RawRows:
    """Read one export file as its kind; RefusedFile when that cannot be done."""
    path = Path(path)
    bestand = path.name
    if data is None:
        data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return _from_lists(xlsx_rows(data, bestand), kind, bestand)
    text = decode(data, bestand)
    if path.suffix.lower() == ".json" or text.lstrip()[:1] == b"{":
        return _from_lists(json_rows(text, bestand), kind, bestand)
    return _read_csv(line_endings(text, bestand), kind, bestand)


def line_endings(text: bytes, bestand: str) -> bytes:
    """LF and CRLF, mixed or not, read as they are. A file with only CR line ends (classic
    Mac) is read as if they were LF. A lone CR inside a file that otherwise uses LF is refused:
    it is a line break to some programs and not to others, so line numbers would be a guess."""
    if b"\r" not in text:
        return text
    if b"\n" not in text:
        return text.replace(b"\r", b"\n")
    lone = _LONE_CR.search(text)
    if lone is not None and lone.end() < len(text):
        raise RefusedFile(bestand, _line_at(text, lone.start()),
                          "een los CR-teken (regeleinde zonder LF) midden in de regel; "
                          "verschoven of afgebroken regel?")
    return text


def _split_line(line: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=";"), [])
    except csv.Error:
        return [line]   # not a header; a data line is judged by the full parser


def _read_csv(text: bytes, kind: Kind, bestand: str) -> RawRows:
    hmap = HeaderMap(kind)
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
    return _canonical(fields, header, header_line, mapping, kind)


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
               mapping: dict[str, int], kind: Kind) -> RawRows:
    # Trimming, blank lines and empty values are left to the SQL that parses the values:
    # doing them here in pyarrow cost as much again as parsing the CSV.
    n = fields.num_rows
    columns = {col.name: fields.column(f"f{mapping[col.name]}") if col.name in mapping
               else pa.nulls(n, pa.string()) for col in kind.columns}
    columns["_regel"] = fields.column("_regel")
    return RawRows(table=pa.table(columns), header_line=header_line, header=header)


def _from_lists(source, kind: Kind, bestand: str) -> RawRows:
    """XLSX or JSON rows: (regel, [str]) pairs, the header among the first ones."""
    rows = iter(source)
    scanned = []
    for item in rows:
        scanned.append(item)
        if len(scanned) >= HEADER_SEARCH_LINES:
            break
    header_line, header, mapping = find_header(iter(scanned), HeaderMap(kind), bestand)
    width = len(header)
    cols: list[list[str]] = [[] for _ in range(width)]
    regels: list[int] = []
    for regel, fields in (*(r for r in scanned if r[0] > header_line), *rows):
        fields = (list(fields) + [""] * width)[:width]   # a sheet row stops at its last cell
        for col, value in zip(cols, fields):
            col.append(value)
        regels.append(regel)
    return _canonical(_lists_table(cols, regels), header, header_line, mapping, kind)
