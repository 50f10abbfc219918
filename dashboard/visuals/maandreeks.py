"""Month series as plain lists, for the visual builders that read a query shaped per month.

A shaped query (warehouse/queries/*_pagina_*.sql) sums over the gemeenten in SQL and returns one
row per month, the month as `m` = year * 12 + month - 1. Here those rows become a list per
column over every month of a period (0 for a month without a row), and the lists per quarter,
half-year or year: what reken.stand_per_maand/stromen_per_maand and reken.naar_korrel give
with pandas frames, without building frames per request (a cold page did ~40 such pandas
steps at 0.1-1 ms each). The visual builds its table once, from these lists."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import filters as flt
from kern import kalender


def index(d: dt.date) -> int:
    """A month as the queries' `m`: year * 12 + month - 1."""
    return d.year * 12 + d.month - 1


def reeksen(df: pd.DataFrame, van: dt.date, tot: dt.date, kolommen) -> dict[str, list]:
    """Per column of `kolommen` the values of df's rows (column `m`) for every month of
    [van, tot], in order; 0 for a month without a row, rows outside the months left out."""
    n, begin = max(kalender.aantal_maanden(van, tot), 0), index(van)
    uit = {k: [0] * n for k in kolommen}
    if df.empty:
        return uit
    plekken = [(i, m - begin) for i, m in enumerate(df["m"].tolist()) if 0 <= m - begin < n]
    for k in kolommen:
        waarden, doel = df[k].tolist(), uit[k]
        for i, plek in plekken:
            doel[plek] = waarden[i]
    return uit


def tijdvakken(van: dt.date, tot: dt.date, korrel: str) -> list[tuple[dt.date, int, int]]:
    """The periods of `korrel` that [van, tot] touches: (first month of the calendar period,
    start, end) with [start, end) the positions of its months in the month list of [van, tot].
    A period cut by the selection holds the months that lie in it."""
    uit: list[list] = []
    for i, m in enumerate(kalender.maandreeks(van, tot)):
        begin = flt.tijdvak_begin(m, korrel)
        if uit and uit[-1][0] == begin:
            uit[-1][2] = i + 1
        else:
            uit.append([begin, i, i + 1])
    return [tuple(t) for t in uit]


def som(waarden: list, vakken) -> list:
    """Flows per period: the sum of its months."""
    return [sum(waarden[a:b]) for _begin, a, b in vakken]


def laatste(waarden: list, vakken) -> list:
    """Stands per period: the value of its last month."""
    return [waarden[b - 1] for _begin, _a, b in vakken]


def stand_en_stromen(periode, korrel: str, begin: dt.date, r: dict[str, list], stromen: list[str]):
    """(first months of the periods, flows per period, stand before each, stand at its end) of
    `periode` at grain `korrel`, from `r` = reeksen(...) over [begin, periode.tot] with the stand
    in `actief`; `begin` is the month before the period, or its first month when the data start
    there (no stand before it: None). A period's flows are the sum of its months, its stand that
    of its last month."""
    k = kalender.aantal_maanden(begin, periode.van) - 1  # 1 when the series starts the month before
    stand = r["actief"][k:]
    flows = {c: r[c][k:] for c in stromen}
    eerste_vorige = r["actief"][0] if k else None
    maanden = kalender.maandreeks(periode.van, periode.tot)
    if korrel != "maand":
        vakken = tijdvakken(periode.van, periode.tot, korrel)
        flows = {c: som(v, vakken) for c, v in flows.items()}
        stand = laatste(stand, vakken)
        maanden = [v[0] for v in vakken]
    return maanden, flows, [eerste_vorige, *stand[:-1]], stand


def stromen_frame(kop: str, tijden: list, maand: bool, flows: dict[str, list], vorige: list, stand: list,
                  extra: dict[str, str] | None = None) -> pd.DataFrame:
    """The table of a flows visual: per period in-, new and outflow (`extra`: more flow columns,
    header -> key, after Uitstroom), netto, the stand before and at the end."""
    return pd.DataFrame({
        kop: tijden, "Instroom": flows["instroom"], "Nieuwe cliënten": flows["nieuwe_clienten"],
        "Uitstroom": flows["uitstroom"], **{kolom: flows[k] for kolom, k in (extra or {}).items()},
        "Netto": [i - u for i, u in zip(flows["instroom"], flows["uitstroom"])],
        "Stand vorige maand" if maand else "Stand begin": pd.array(vorige, dtype="Int64"),
        "Stand eind maand" if maand else "Stand eind": pd.array(stand, dtype="Int64"),
    })
