"""The header line of an export: which line it is, and which canonical column each name means.

Header names match a soort's columns and aliases ignoring case, accents, spaces and punctuation
(``normalise_header``); lines above the header (an Excel title block) are skipped. The CBS
StatLine web table writes a measure as its topic groups and title joined by ``/``
(``Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)``); an alias
starting with ``*/`` matches the last parts of such a header, whatever groups stand before them.
"""
from __future__ import annotations

import csv
import re
import unicodedata

from etl.errors import RefusedFile
from etl.soorten import Soort

# Excel exports put a title block above the header; beyond this many lines we stop looking.
HEADER_SEARCH_LINES = 50
# Delimiters a misconfigured export may use instead of `;`, named for the refusal message.
OTHER_DELIMITERS = {",": "komma (,)", "\t": "tab", "|": "verticale streep (|)"}


def normalise_header(name: str) -> str:
    """Header names match ignoring case, accents, spaces, underscores and punctuation."""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", s.lower())


def _segments(label: str) -> tuple[str, ...]:
    return tuple(normalise_header(part) for part in str(label).split("/"))


class HeaderMap:
    """Which canonical column a header name stands for, from the soort's column map."""

    def __init__(self, soort: Soort):
        self.soort = soort
        self.exact: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        self.paths: list[tuple[tuple[str, ...], str]] = []
        for col in soort.columns:
            for alias in (col.name, *col.aliases):
                if alias.startswith("*/"):
                    self.paths.append((_segments(alias[2:]), col.name))
                    continue
                if alias.endswith("*"):
                    self.prefixes.append((normalise_header(alias[:-1]), col.name))
                    continue
                key = normalise_header(alias)
                if self.exact.setdefault(key, col.name) != col.name:
                    raise ValueError(f"kolommen {soort.name}: alias {alias!r} hoort bij "
                                     f"{self.exact[key]} en {col.name}")

    def match(self, header: str) -> str | None:
        key = normalise_header(header)
        if key in self.exact:
            return self.exact[key]
        for prefix, name in self.prefixes:
            if key.startswith(prefix) and (key == prefix or key[len(prefix):].isdigit()):
                return name
        parts = _segments(header)
        for tail, name in self.paths:
            if parts[-len(tail):] == tail:
                return name
        return None

    def display(self, name: str) -> str:
        col = self.soort.column(name)
        return next((a for a in col.aliases if not a.endswith("*") and not a.startswith("*/")), name)

    def missing(self, fields: list[str]) -> list[str]:
        found = {self.match(f) for f in fields}
        missing = [self.display(n) for n in self.soort.required if n not in found]
        measures = self.soort.measures
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
                      f"{hmap.soort.name}; ontbrekend: {', '.join(best)}")


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
