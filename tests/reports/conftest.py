"""Fixtures for the report tests: the sample delivery (with formula-like product codes added)
loaded into a warehouse once per session, its own state store, and users of each role."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from dashboard import data
from dashboard.auth.roles import BEHEER, GEMEENTE, REGIO, User

# Product codes from an export that look like formulas: the workbook must show them as text.
FORMULE_CODES = ("=2+3", "@SUM(1)")

REGIO_USER = User("regio1", frozenset({REGIO}))
ASSEN_USER = User("assen1", frozenset({GEMEENTE}), frozenset({"GM0106"}))
BEHEER_USER = User("beheer1", frozenset({BEHEER}))


def _extra_indicaties(pad: Path) -> None:
    regels = [f"C99900{i};0106;4999900{i};15;{code};Onbekend product;ZIN;Aanbieder;01-02-2025;;;100,00;14;1980;V"
              for i, code in enumerate(FORMULE_CODES, start=1)]
    with pad.open("a", encoding="utf-8") as f:
        f.write("\n".join(regels) + "\n")


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory) -> Path:
    from etl.load import load
    from etl.sample import write_sample

    basis = tmp_path_factory.mktemp("rapport_sample")
    oud = os.environ.get("BWMO_STATE")
    os.environ["BWMO_STATE"] = str(basis / "state.sqlite")
    try:
        write_sample(basis / "levering", seed=1)
        _extra_indicaties(next((basis / "levering").glob("indicaties_*.csv")))
        wh = basis / "wh" / "warehouse.duckdb"
        load(basis / "levering", wh)
    finally:
        if oud is None:
            os.environ.pop("BWMO_STATE", None)
        else:
            os.environ["BWMO_STATE"] = oud
    return wh


@pytest.fixture
def warehouse(sample_wh, monkeypatch) -> Path:
    monkeypatch.setenv(data.ENV, str(sample_wh))
    monkeypatch.setenv("BWMO_STATE", str(sample_wh.parent.parent / "state.sqlite"))
    monkeypatch.delenv("BWMO_KLEINE_AANTALLEN", raising=False)
    data.leeg_cache()
    yield sample_wh
    data.leeg_cache()


def sql(wh: Path, query: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def klein(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v < 5


def zichtbaar(v):
    """What a report shows for an exact count: '< 5' for 1..4."""
    return "< 5" if klein(v) else v
