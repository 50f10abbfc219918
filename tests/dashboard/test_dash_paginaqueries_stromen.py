"""The queries shaped per page (warehouse/queries/*_pagina_*.sql and the other sums the In- en
uitstroom, Wlz and Maatschappelijke opvang pages read) and the month lists built from them
(dashboard/visuals/maandreeks.py): hand-computed values on the fixture warehouses
(fixture_warehouse.py, fixture_mo.py; the same figures the view tests check through the pages),
the scope honoured, nothing for an empty scope."""
import datetime as dt

import fixture_warehouse
import pandas as pd
import pytest

from dashboard import filters as flt
from dashboard.visuals import maandreeks
from kern import data

ALLE = frozenset(g[0] for g in fixture_warehouse.GEMEENTEN)
D = dt.date
M = maandreeks.index
PAGINAQUERIES = ("stromen_pagina_maand", "uitstroom_per_reden", "doorstroom_som", "wlz_pagina_maand",
                 "wlz_per_gemeente", "wlz_open_som", "mo_pagina_maand", "mo_verblijfsduur_som")


@pytest.fixture(autouse=True)
def als_regio(warehouse):
    """The data layer outside a request (as tests/dashboard/test_dash_data.py)."""
    yield


def _lees(naam, scope, van, tot, gemeenten=()):
    return getattr(data, naam)(scope, data.Selectie(van=van, tot=tot, gemeenten=gemeenten))


def test_month_lists_fill_missing_months_and_follow_the_grain():
    df = pd.DataFrame({"m": [M(D(2023, 11, 1)), M(D(2024, 1, 1)), M(D(2024, 5, 1))],
                       "actief": [7, 9, 4], "instroom": [1, 2, 3]})
    r = maandreeks.reeksen(df, D(2023, 12, 1), D(2024, 4, 1), ["actief", "instroom"])
    # nov 2023 and may 2024 lie outside [dec 2023, apr 2024]; dec, feb, mar, apr have no row: 0
    assert r == {"actief": [0, 9, 0, 0, 0], "instroom": [0, 2, 0, 0, 0]}
    vakken = maandreeks.tijdvakken(D(2023, 12, 1), D(2024, 4, 1), "kwartaal")
    assert vakken == [(D(2023, 10, 1), 0, 1), (D(2024, 1, 1), 1, 4), (D(2024, 4, 1), 4, 5)]
    assert maandreeks.som([1, 2, 3, 4, 5], vakken) == [1, 9, 5]
    assert maandreeks.laatste([1, 2, 3, 4, 5], vakken) == [1, 4, 5]


def test_stand_and_flows_per_month_for_the_flows_table():
    df = _lees("stromen_pagina_maand", ALLE, D(2023, 12, 1), D(2024, 1, 1))
    # stand dec 2023: 47; jan 2024: 47 + instroom 4 = 51 (tests/dashboard/test_dash_views.py)
    assert df["m"].tolist() == [M(D(2023, 12, 1)), M(D(2024, 1, 1))]
    assert df["actief"].tolist() == [47, 51] and df["instroom"].tolist()[1] == 4
    begin = D(2023, 12, 1)
    r = maandreeks.reeksen(df, begin, D(2024, 1, 1), ["actief", "instroom", "nieuwe_clienten", "uitstroom"])
    maanden, flows, vorige, stand = maandreeks.stand_en_stromen(
        flt.Periode(D(2024, 1, 1), D(2024, 1, 1)), "maand", begin, r, ["instroom", "nieuwe_clienten", "uitstroom"])
    assert (maanden, flows["instroom"], vorige, stand) == ([D(2024, 1, 1)], [4], [47], [51])


def test_reasons_are_summed_largest_first():
    df = _lees("uitstroom_per_reden", ALLE, D(2023, 7, 1), D(2024, 6, 1))
    # jul 2023 - jun 2024: reason 39 (Wlz) twice, 02 and 21 once each
    assert df["reden_code"].tolist() == ["39", "02", "21"] and df["uitstroom"].tolist() == [2, 1, 1]
    assert df["naar_wlz"].tolist() == [True, False, False]


def test_wlz_month_rows_carry_the_cumulative_since_the_opening():
    df = _lees("wlz_pagina_maand", ALLE, D(2023, 7, 1), D(2024, 6, 1))
    cum = dict(zip(df["m"].tolist(), df["cumulatief"].tolist()))
    # every month of the period has a row; Wlz outflow GM0106 2023-05 and 2024-03, GM1680 2024-05
    assert len(df) == 12 and df["uitstroom_wlz"].sum() == 2
    assert (cum[M(D(2023, 7, 1))], cum[M(D(2024, 3, 1))], cum[M(D(2024, 6, 1))]) == (1, 2, 3)
    assert df["aanvragen"].sum() == 4 and df["in_behandeling"].sum() == 2
    assert pd.Timestamp(df["open_sinds"].iloc[0]).date() == D(2021, 1, 1)
    vooraf = _lees("wlz_pagina_maand", ALLE, D(2019, 1, 1), D(2020, 12, 1))  # before the opening: 0
    assert vooraf["cumulatief"].tolist() == [0] * 24


def test_wlz_per_gemeente_period_and_cumulative_at_its_end():
    df = _lees("wlz_per_gemeente", ALLE, D(2023, 7, 1), D(2024, 6, 1)).set_index("gemeente_code")
    assert df.loc["GM0106"].tolist() == [1, 2]  # 2024-03 in the period; 2023-05 and 2024-03 since 2021
    assert df.loc["GM1680"].tolist() == [1, 1]
    vooraf = _lees("wlz_per_gemeente", ALLE, D(2020, 1, 1), D(2020, 12, 1))
    assert vooraf["cumulatief"].sum() == 0


def test_mo_month_series_as_long_rows():
    df = _lees("mo_pagina_maand", ALLE, D(2024, 3, 1), D(2024, 3, 1))
    rijen = {(r, s): a for r, s, a in zip(df["reeks"], df["sleutel"], df["aantal"])}
    # March 2024: Assen 8 + Hoogeveen 2 opvang, 1 spoedopvang, instroom 1; 1 client in BW and MO
    assert rijen[("stand", "Opvang")] == 10 and rijen[("stand", "Spoedopvang")] == 1
    assert rijen[("instroom", "")] == 1 and rijen[("overlap", "")] == 1


@pytest.mark.parametrize("naam", PAGINAQUERIES)
def test_shaped_queries_honour_the_scope(naam):
    assen = _lees(naam, frozenset({"GM0106"}), D(2015, 1, 1), D(2024, 6, 1), ("GM0106", "GM1680", "GM0118"))
    alleen = _lees(naam, ALLE, D(2015, 1, 1), D(2024, 6, 1), ("GM0106",))
    pd.testing.assert_frame_equal(assen, alleen)  # asking for others gives only the own municipality
    assert _lees(naam, frozenset(), D(2015, 1, 1), D(2024, 6, 1)).empty
