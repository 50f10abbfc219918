"""The HTML table builds each column's repeated value once: what it shows must be what formatting
every cell on its own shows."""
from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from dashboard.components.tabel import tabel


def _cellen(t) -> list[list[str]]:
    body = t.children[-1]
    return [[c["props"]["children"] for c in r["props"]["children"]] for r in body.children]


def test_repeated_values_are_shown_as_each_cell_alone_would_be():
    df = pd.DataFrame({
        "Gemeente": ["Assen", "Assen", "Tynaarlo"],
        "Aantal": [0, 0, 1234],
        "Bedrag": [1234.5, 1234.5, float("nan")],
        "Aandeel": ["< 5", 0.125, 0.125],
    })
    t = tabel(df, {"Aantal": "getal", "Bedrag": "eur2", "Aandeel": "pct"})
    assert _cellen(t) == [
        ["Assen", "0", "€ 1.234,50", "< 5"],
        ["Assen", "0", "€ 1.234,50", "12,5%"],
        ["Tynaarlo", "1.234", "–", "12,5%"],
    ]


def test_equal_values_that_print_differently_are_not_shared():
    # 1 == True == 1.0 and Decimal('1.0') == Decimal('1.00'), but each prints as itself
    df = pd.DataFrame({"x": pd.Series([1, True, 1.0, Decimal("1.0"), Decimal("1.00"), np.int64(1)], dtype=object)})
    assert [r[0] for r in _cellen(tabel(df))] == ["1", "True", "1.0", "1.0", "1.00", "1"]


def test_a_repeated_cell_keeps_its_column_class():
    df = pd.DataFrame({"Naam": ["0", "0"], "Aantal": [0, 0]})
    body = tabel(df, {"Aantal": "getal"}).children[-1]
    klassen = [[c["props"]["className"] for c in r["props"]["children"]] for r in body.children]
    assert klassen == [[None, "r"], [None, "r"]]
