"""Fixtures for the report tests: the sample delivery (with formula-like product codes added)
loaded into a warehouse once per session, its own state store, and users of each role."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pytest

from kern import data
from kern.afscherming import Afscherming
from kern.rollen import BEHEER, GEMEENTE, REGIO, User

# Product codes from an export that look like formulas: the workbook must show them as text.
FORMULE_CODES = ("=2+3", "@SUM(1)")

REGIO_USER = User("regio1", frozenset({REGIO}))
ASSEN_USER = User("assen1", frozenset({GEMEENTE}), frozenset({"GM0106"}))
BEHEER_USER = User("beheer1", frozenset({BEHEER}))


def _extra_indicaties(pad: Path) -> None:
    regels = [f"C99900{i};0106;4999900{i};15;{code};Onbekend product;ZIN;Aanbieder;01-02-2025;;;100,00;14;1980;V;"
              for i, code in enumerate(FORMULE_CODES, start=1)]
    with pad.open("a", encoding="utf-8") as f:
        f.write("\n".join(regels) + "\n")


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory) -> Path:
    from etl.load import load
    from voorbeeld import write_sample

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
    # the default method ("< 5" for 0-4, others rounded to a multiple of 5) with the development
    # key, so that each value's rounding direction (a keyed draw, kern/afscherming.py) is fixed
    for naam in ("BWMO_KLEINE_AANTALLEN", "BWMO_AFRONDEN_OP", "BWMO_AFRONDINGSSLEUTEL", "BWMO_SECRET_KEY"):
        monkeypatch.delenv(naam, raising=False)
    data.leeg_cache()
    yield sample_wh
    data.leeg_cache()


def sql(wh: Path, query: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


STANDAARD = Afscherming(beschermd=True)  # drempel 5, base 5, development key: what the tests' reports use


def gepubliceerd(v):
    """What a report shows for an exact count: '< 5' for 0..4, else a neighbouring multiple of 5."""
    return STANDAARD.aantal(v)


ALLE = ("GM0106", "GM0118", "GM0119", "GM1680", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731")


def _in(codes):
    return "(" + ",".join(f"'{c}'" for c in codes) + ")"


def verwacht_kern(wh, codes, van: dt.date, tot: dt.date) -> dict:
    """The exact key figures of `codes` for the months van..tot, straight from the marts."""
    g = _in(codes)
    begin = dt.date(van.year - 1, 12, 1)
    stand = lambda m: sql(wh, f"select coalesce(sum(actief), 0) from marts.clienten_maand where maand = ? "
                              f"and gemeente_code in {g}", [m])[0][0]
    stromen = sql(wh, f"select coalesce(sum(instroom),0), coalesce(sum(nieuwe_clienten),0), coalesce(sum(uitstroom),0), "
                      f"coalesce(sum(uitstroom_wlz),0) from marts.stromen_maand where maand between ? and ? "
                      f"and gemeente_code in {g}", [van, tot])[0]
    kosten = dict(sql(wh, f"select leveringsvorm, sum(kosten_eur) from marts.kosten_maand where maand between ? and ? "
                          f"and gemeente_code in {g} group by 1", [van, tot]))
    return {"begin": int(stand(begin)), "eind": int(stand(tot.replace(day=1))), "instroom": int(stromen[0]),
            "nieuwe": int(stromen[1]), "uitstroom": int(stromen[2]), "wlz": int(stromen[3]),
            "zin": float(kosten.get("ZIN", 0)), "pgb": float(kosten.get("PGB", 0))}
