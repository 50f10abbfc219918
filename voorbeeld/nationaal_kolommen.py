"""The national sample's column writer: csv fields, money and integers as columns of str, in chunks.

Part of the national sample (`voorbeeld.nationaal`): rows are built column-wise and written
exactly as csv.writer (';', QUOTE_MINIMAL, CRLF) would write them.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .regio import UTF8_BOM


def csv_field(s: str) -> str:
    """A text field as csv.writer (QUOTE_MINIMAL, ';') writes it."""
    return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in ';"\r\n') else s


def fmoney_cents(cents: np.ndarray) -> list[str]:
    """Integer cents -> '1.234,50' (decimal comma, '.' thousands separator), as voorbeeld.regio.fmoney."""
    fmt, swap = "{:,.2f}".format, str.maketrans(",.", ".,")
    return [fmt(v).translate(swap) for v in (np.asarray(cents, dtype=np.int64) / 100).tolist()]


def ints(a) -> list[str]:
    return list(map(str, np.asarray(a).tolist()))


def write_columns(path: Path, header: list[str], n: int, column, encoding: str = UTF8_BOM,
                  chunk: int = 200_000) -> int:
    """Write n rows; `column(a, b)` returns the row slice [a, b) as a list of columns of str."""
    with path.open("w", encoding=encoding, newline="") as f:
        f.write(";".join(csv_field(h) for h in header) + "\r\n")
        for a in range(0, n, chunk):
            cols = column(a, min(n, a + chunk))
            f.write("\r\n".join(map(";".join, zip(*cols))) + "\r\n")
    return n
