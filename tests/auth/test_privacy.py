import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.auth.privacy import (
    suppress,
    suppress_counts,
    suppress_for,
    threshold_from_env,
)
from dashboard.auth.roles import User


@pytest.mark.parametrize(
    "value, expected",
    [(0, 0), (1, "< 5"), (2, "< 5"), (4, "< 5"), (5, 5), (6, 6), (1234, 1234),
     (3.0, "< 5"), (0.0, 0.0), (None, None), ("< 5", "< 5")],
)
def test_suppress_threshold_5_hides_1_to_4_and_shows_5(value, expected):
    assert suppress(value, 5) == expected


def test_suppress_keeps_missing_values_missing():
    assert math.isnan(suppress(float("nan"), 5))
    assert suppress(pd.NA, 5) is pd.NA


@given(value=st.integers(min_value=0, max_value=10_000), threshold=st.integers(min_value=1, max_value=50))
def test_suppress_rule(value, threshold):
    out = suppress(value, threshold)
    if 1 <= value < threshold:
        assert out == f"< {threshold}"
    else:
        assert out == value


def test_threshold_from_env(monkeypatch):
    monkeypatch.delenv("BWMO_KLEINE_AANTALLEN", raising=False)
    assert threshold_from_env() == 5
    assert suppress(4) == "< 5"
    monkeypatch.setenv("BWMO_KLEINE_AANTALLEN", "10")
    assert threshold_from_env() == 10
    assert suppress(9) == "< 10" and suppress(10) == 10
    for bad in ("nul", "0", "-3"):
        monkeypatch.setenv("BWMO_KLEINE_AANTALLEN", bad)
        with pytest.raises(ValueError):
            threshold_from_env()


def test_suppress_counts_frame():
    df = pd.DataFrame({"gemeente": ["GM0106", "GM1680", "GM0119", "GM1731"],
                       "clienten": [0, 3, 5, 120], "kosten_eur": [1.0, 2.0, 3.0, 4.0]})
    out = suppress_counts(df, ["clienten"], 5)
    assert out["clienten"].tolist() == [0, "< 5", 5, 120]
    assert out["kosten_eur"].tolist() == [1.0, 2.0, 3.0, 4.0]  # untouched column
    assert df["clienten"].tolist() == [0, 3, 5, 120]  # input not modified
    with pytest.raises(KeyError):
        suppress_counts(df, ["bestaat_niet"], 5)


def test_suppress_for_only_region_sees_exact_counts():
    df = pd.DataFrame({"aantal": [2, 7]})
    regio = User("r", frozenset({"regio"}))
    gemeente = User("g", frozenset({"gemeente"}), frozenset({"GM0106"}))
    both = User("rg", frozenset({"regio", "gemeente"}), frozenset({"GM0106"}))
    beheer = User("b", frozenset({"beheer"}))
    assert suppress_for(regio, df, ["aantal"], 5)["aantal"].tolist() == [2, 7]
    assert suppress_for(both, df, ["aantal"], 5)["aantal"].tolist() == [2, 7]
    for user in (gemeente, beheer, None):
        assert suppress_for(user, df, ["aantal"], 5)["aantal"].tolist() == ["< 5", 7]
