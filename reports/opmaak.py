"""Cell text for the PDF (Dutch formats); the workbook writes the numbers themselves."""
from __future__ import annotations

import datetime as dt
import math

from kern import formats


def tekst(waarde, soort: str) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, (dt.date, dt.datetime)):
        return formats.maand(waarde) if soort == "maand" else formats.datum_kort(waarde)
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if soort == "aantal":
        return formats.getal(waarde, 0)
    if soort == "eur":
        return formats.eur(waarde, 2)
    if soort == "eur2":
        return formats.eur(waarde, 2)
    if soort == "pct":
        return formats.pct(waarde, 1)
    if soort == "pct2":
        return formats.pct(waarde, 2)
    if soort in ("per1000", "getal2"):
        return formats.getal(waarde, 2)
    if isinstance(waarde, int):
        return str(waarde)
    return formats.getal(waarde, 2)
