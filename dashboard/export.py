"""Export a visual's table to Excel or CSV (Dutch headers; CSV as Dutch Excel reads it)."""
from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd

from kern.afscherming import LEEG


def bestandsnaam(titel: str, peildatum: dt.date, extensie: str) -> str:
    basis = re.sub(r"[^a-z0-9]+", "-", titel.lower().replace("ë", "e").replace("é", "e")).strip("-")
    return f"bwmo-{basis}-{peildatum:%Y%m%d}.{extensie}"


def naar_csv(df: pd.DataFrame) -> str:
    """';'-separated, decimal comma, dates dd-mm-jjjj: opens correctly in a Dutch Excel. A missing
    value is '–', as on the screen (never 'nan' or an empty cell that reads as 0)."""
    uit = df.astype(object).where(df.notna(), LEEG)
    for kolom in uit.columns:
        if uit[kolom].dtype == object:  # numbers mixed with '< 5': still a decimal comma
            uit[kolom] = uit[kolom].map(lambda v: str(v).replace(".", ",") if isinstance(v, float) else v)
        if any(isinstance(v, (dt.date, pd.Timestamp)) for v in uit[kolom]):
            uit[kolom] = uit[kolom].map(
                lambda v: v.strftime("%d-%m-%Y") if isinstance(v, (dt.date, pd.Timestamp)) and not pd.isna(v) else v)
    return uit.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")


def naar_xlsx(df: pd.DataFrame, blad: str) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as schrijver:
        naam = re.sub(r"[\[\]:*?/\\]", "", blad)[:31] or "Gegevens"
        df.to_excel(schrijver, sheet_name=naam, index=False)
        ws = schrijver.sheets[naam]
        for kolom_cellen in ws.columns:
            breedte = max(len(str(c.value)) if c.value is not None else 0 for c in kolom_cellen)
            ws.column_dimensions[kolom_cellen[0].column_letter].width = min(max(10, breedte + 2), 60)
            for c in kolom_cellen[1:]:
                if isinstance(c.value, (dt.date, dt.datetime)):
                    c.number_format = "dd-mm-yyyy"
    return buf.getvalue()
