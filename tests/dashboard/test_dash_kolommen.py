"""query.kolommen (an answer as lists per column, no DataFrame) and the page functions built on
it (data.*_kolommen): the same values DataFrame.tolist() gave for every column of the frame twin
(a missing double NaN, a date a Timestamp, a missing one NaT), the same scope, deny by default; and
the Gemeente page's MO block per year (gemeente_mo_jaar.sql) as the four row queries add up."""
import datetime as dt

import fixture_warehouse
import pandas as pd
import pytest

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


@pytest.mark.parametrize("naam", ["overzicht_stand", "overzicht_stromen", "overzicht_mo", "overzicht_regio"])
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
