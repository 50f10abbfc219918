"""query.kolommen (an answer as lists per column, no DataFrame) and the page functions built on
it (data.*_kolommen): the same values DataFrame.tolist() gave for every column of the frame twin
(a missing double NaN, a date a Timestamp, a missing one NaT), the same scope, deny by default. And Financiën's
month sums (visuals/financien._per_maand) as pandas' groupby gave them, to the last bit."""
import datetime as dt
import math

import fixture_warehouse
import pandas as pd
import pytest

from dashboard.visuals.financien import _per_maand
from kern import data

ALLE = frozenset(g[0] for g in fixture_warehouse.GEMEENTEN)
ASSEN = frozenset({"GM0106"})
SEL = data.Selectie(van=dt.date(2023, 1, 1), tot=dt.date(2024, 6, 1))


@pytest.fixture(autouse=True)
def als_regio(warehouse):
    yield


def _zelfde(a, b):
    return len(a) == len(b) and all(
        (type(x) is type(y) and pd.isna(x) and pd.isna(y)) or
        (x == y and type(x) is type(y)) for x, y in zip(a, b))


@pytest.mark.parametrize("naam", ["overzicht_stand", "overzicht_stromen", "overzicht_mo", "overzicht_regio",
                                  "financien_kosten"])
@pytest.mark.parametrize("scope", [ALLE, ASSEN, frozenset()])
def test_scoped_columns_are_the_frames_values(naam, scope):
    df = getattr(data, naam)(scope, SEL)
    kol = getattr(data, naam + "_kolommen")(scope, SEL)
    assert list(kol) == list(df.columns)
    for k in df.columns:
        assert _zelfde(kol[k], [w.item() if hasattr(w, "item") and not isinstance(w, pd.Timestamp) else w
                                for w in df[k].tolist()]), (naam, k)
    if not scope:
        assert all(v == [] for v in kol.values())


@pytest.mark.parametrize("naam,twin", [("overzicht_resultaat", "overzicht_resultaat"),
                                       ("financien_verdeling", "financien_verdeling"),
                                       ("resultaat_jaar", "resultaat_jaar")])
def test_regional_columns_are_the_frames_values(naam, twin):
    df = getattr(data, twin)(ALLE)
    kol = getattr(data, naam + "_kolommen")(ALLE)
    assert list(kol) == list(df.columns) and len(kol[df.columns[0]]) == len(df) > 0
    for k in df.columns:
        oud = [None if w is pd.NA else w for w in df[k].tolist()]
        assert _zelfde(kol[k], oud), (naam, k)
    assert all(v == [] for v in getattr(data, naam + "_kolommen")(frozenset()).values())


def test_columns_are_the_callers_own():
    kol = data.overzicht_stand_kolommen(ALLE, SEL)
    kol["actief"].append(-1)
    assert -1 not in data.overzicht_stand_kolommen(ALLE, SEL)["actief"]


def _groupby(maanden, vormen, bedragen):
    df = pd.DataFrame({"maand": pd.Series(maanden, dtype="datetime64[us]"), "leveringsvorm": vormen,
                       "gerealiseerd_eur": pd.Series(bedragen, dtype="float64")})
    s = df.groupby(["maand", "leveringsvorm"])["gerealiseerd_eur"].sum()
    return s.index.tolist(), s.tolist()


J, F = pd.Timestamp(2025, 1, 1), pd.Timestamp(2025, 2, 1)
BEDRAGEN = [29808.51, 15393.4, 7935.94, 10700.04, 2575.93, 4927.05]


def test_month_sums_in_group_order_are_numpys_reduceat():
    # rows in group order without NaN: pandas 3 adds them with np.add.reduceat, which gives
    # 71340.87000000001 here where adding one by one (or Kahan) gives 71340.87
    maanden, per_vorm = _per_maand([J] * 6, ["PGB"] * 6, BEDRAGEN)
    assert maanden == [J] and per_vorm == {"PGB": [71340.87000000001]}
    assert _groupby([J] * 6, ["PGB"] * 6, BEDRAGEN)[1] == [71340.87000000001]


def test_month_sums_out_of_group_order_are_kahan_and_skip_nan():
    vormen = ["PGB", "ZIN"] * 3 + ["PGB", "PGB"]
    maanden = [J] * 6 + [F, F]
    bedragen = BEDRAGEN + [1.5, float("nan")]
    uit = _per_maand(maanden, vormen, bedragen)
    assert uit[0] == [J, F]
    assert uit[1]["PGB"][0] == 29808.51 + 7935.94 + 2575.93 and uit[1]["PGB"][1] == 1.5
    assert uit[1]["ZIN"][0] == 15393.4 + 10700.04 + 4927.05 and math.isnan(uit[1]["ZIN"][1])
    _index, sommen = _groupby(maanden, vormen, bedragen)
    assert sommen == [uit[1]["PGB"][0], uit[1]["ZIN"][0], 1.5]


def test_gemeente_mo_per_year_sums_the_four_row_queries():
    # warehouse/queries/gemeente_mo_jaar.sql against the row queries the Gemeente page added up
    laatste = dt.date(2024, 6, 1)
    sel = data.Selectie(gemeenten=("GM0106",))
    k = data.gemeente_mo_jaar(ALLE, "GM0106", laatste)
    delen = {(d, j): (a, b, g, p) for d, j, a, b, g, p in zip(k["deel"], k["jaar"], k["a"], k["b"],
                                                               k["gerealiseerd_eur"], k["prognose_eur"])}
    st = data.mo_clienten_maand(ALLE, sel)
    fl = data.mo_stromen_maand(ALLE, sel)
    og = data.doelgroep_overgangen_maand(ALLE, sel)
    kj = data.mo_kosten_jaar(ALLE, sel)
    assert len(st) and len(fl)
    for j in (2023, 2024):
        eind = pd.Timestamp(min(laatste, dt.date(j, 12, 1)))
        assert delen.get(("stand", j), (0,))[0] == int(st.loc[st["maand"] == eind, "actief"].sum())
        jr = fl[fl["maand"].dt.year == j]
        assert delen.get(("stromen", j), (0, 0))[:2] == (int(jr["instroom"].sum()), int(jr["uitstroom"].sum()))
        oj = og[og["maand"].dt.year == j]
        assert delen.get(("overgang", j), (0, 0))[:2] == tuple(
            int(oj.loc[oj["richting"] == r, "aantal"].sum()) for r in ("MO naar BW", "BW naar MO"))
        kr = kj[kj["jaar"] == j]
        assert [v for (d, jj), v in delen.items() if d == "kosten" and jj == j] == [
            (None, None, g, p) for g, p in zip(kr["gerealiseerd_eur"], kr["prognose_eur"])]
    assert all(v == [] for v in data.gemeente_mo_jaar(ASSEN - {"GM0106"} | {"GM0118"}, "GM0106", laatste).values())
