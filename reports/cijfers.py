"""The monthly marts of a report's municipalities as data frames, and their sums per period."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kern import kleuren
from kern.kalender import eerste_van_maand, maand_ervoor

# the lists and their order live once, in kern/kleuren.py
LEVERINGSVORMEN = tuple(kleuren.LEVERINGSVORMEN)
TUSSENVORMEN = kleuren.TUSSENVORMEN


def datums(df: pd.DataFrame, kolom: str = "maand") -> pd.DataFrame:
    if not df.empty:
        df = df.copy()
        df[kolom] = pd.to_datetime(df[kolom]).dt.date
    return df


def tussen(df: pd.DataFrame, van: dt.date, tot: dt.date) -> pd.DataFrame:
    if df.empty:
        return df
    return df[(df["maand"] >= eerste_van_maand(van)) & (df["maand"] <= eerste_van_maand(tot))]


def som(df: pd.DataFrame, kolom: str) -> float:
    return float(df[kolom].sum()) if not df.empty else 0.0


class Cijfers:
    """The monthly marts of the report's municipalities, summed per period."""

    def __init__(self, cm, sm, km, ur, wm, iw):
        self.cm, self.sm, self.km, self.ur, self.wm, self.iw = cm, sm, km, ur, wm, iw

    def stand(self, maand_: dt.date, **waar) -> int:
        df = self.cm
        if df.empty:
            return 0
        df = df[df["maand"] == eerste_van_maand(maand_)]
        for k, v in waar.items():
            df = df[df[k] == v]
        return int(df["actief"].sum())

    def inwoners(self, jaar: int) -> int:
        df = self.iw
        return int(df.loc[df["jaar"] == jaar, "inwoners_1_januari"].sum()) if not df.empty else 0

    def periode(self, van: dt.date, tot: dt.date, jaar: int) -> dict:
        s = tussen(self.sm, van, tot)
        k = tussen(self.km, van, tot)
        u = tussen(self.ur, van, tot)
        w = tussen(self.wm, van, tot)
        uit = {
            "stand_begin": self.stand(maand_ervoor(van)),
            "stand_eind": self.stand(tot),
            "instroom": int(som(s, "instroom")), "nieuwe_clienten": int(som(s, "nieuwe_clienten")),
            "uitstroom": int(som(s, "uitstroom")), "uitstroom_wlz": int(som(s, "uitstroom_wlz")),
            "inwoners": self.inwoners(jaar),
            "redenen": {} if u.empty else {
                (r, o): int(n) for (r, o), n in u.groupby(["reden_code", "reden_omschrijving"])["uitstroom"].sum().items()},
            # every count of marts.wlz_aanvragen_maand: the requests and one column per decision
            "wlz": {col: int(som(w, col)) for col in self.wm.columns if col not in ("maand", "gemeente_code")},
        }
        for lv in LEVERINGSVORMEN:
            uit[f"stand_{lv}"] = self.stand(tot, leveringsvorm=lv)
            uit[f"kosten_{lv}"] = float(k.loc[k["leveringsvorm"] == lv, "kosten_eur"].sum()) if not k.empty else 0.0
        uit["kosten"] = uit["kosten_ZIN"] + uit["kosten_PGB"]
        uit["stand_tv"] = {}
        for tv in TUSSENVORMEN:
            for lv in LEVERINGSVORMEN:
                uit["stand_tv"][(tv, lv)] = self.stand(tot, tussenvorm=tv, leveringsvorm=lv)
        return uit
