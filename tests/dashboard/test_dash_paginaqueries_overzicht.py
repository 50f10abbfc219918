"""The shaped queries of the Overzicht (warehouse/queries/overzicht_*.sql, clienten_stand_maand.sql)
and the Cliënten page (clienten_vorm_maand.sql, clienten_matrix.sql, clienten_verblijfsduur.sql):
one query per page section. Each must give the sums of the row queries the page used to add up
itself, under the same scope and filters, and deny by default."""
import datetime as dt

import fixture_warehouse
import pytest

from kern import data

ALLE = frozenset(g[0] for g in fixture_warehouse.GEMEENTEN)
ASSEN = frozenset({"GM0106"})
D = dt.date
STROMEN = ("instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz")
stand = data.overzicht_stand
stromen = data.overzicht_stromen
stand_maand = data.clienten_stand_maand
mo = data.overzicht_mo
vorm_maand = data.clienten_vorm_maand
matrix = data.clienten_matrix
duur = data.clienten_verblijfsduur


@pytest.fixture(autouse=True)
def als_regio(warehouse):
    yield


def test_stand_of_two_months_per_gemeente_and_leveringsvorm():
    sel = data.Selectie(van=D(2023, 6, 1), tot=D(2024, 6, 1), tussenvormen=("Thuis Plus", "Begeleid wonen"))
    df = stand(ALLE, sel)
    for nu, maand in ((True, D(2024, 6, 1)), (False, D(2023, 6, 1))):
        rijen = data.clienten_maand(ALLE, data.Selectie(van=maand, tot=maand, tussenvormen=sel.tussenvormen))
        verwacht = rijen.groupby(["gemeente_code", "leveringsvorm"])["actief"].sum().to_dict()
        deel = df[df["nu"] == nu]
        assert dict(zip(zip(deel["gemeente_code"], deel["leveringsvorm"]), deel["actief"])) == verwacht
    zin = df[df["nu"] & (df["leveringsvorm"] == "ZIN")]
    assert dict(zip(zin["gemeente_code"], zin["actief"])) == {"GM0106": 10, "GM0118": 12}  # as clienten_per_gemeente
    assert set(stand(ASSEN, sel)["gemeente_code"]) == {"GM0106"}
    assert stand(frozenset(), sel).empty


def test_flows_of_the_period_and_the_year_before_from_one_row():
    df = stromen(ALLE, data.Selectie(van=D(2022, 7, 1), tot=D(2024, 6, 1)))
    assert len(df) == 1
    for deel, van, tot in (("nu", D(2023, 7, 1), D(2024, 6, 1)), ("toen", D(2022, 7, 1), D(2023, 6, 1))):
        som = data.stromen_som(ALLE, data.Selectie(van=van, tot=tot))
        assert {k: df[f"{k}_{deel}"].iloc[0] for k in STROMEN} == {k: som[k].iloc[0] for k in STROMEN}
    assert df["instroom_nu"].iloc[0] > 0
    assert stromen(frozenset(), data.Selectie(van=D(2022, 7, 1), tot=D(2024, 6, 1))).empty


def test_stand_per_month_sums_the_rows():
    sel = data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1), leveringsvormen=("ZIN",))
    rijen = data.clienten_maand(ALLE, sel)
    df = stand_maand(ALLE, sel)
    assert list(df["actief"]) == list(rijen.groupby("maand")["actief"].sum())
    assert "gemeente_code" not in df.columns and stand_maand(frozenset(), sel).empty


def test_region_row_has_no_gemeente_and_sums_the_whole_region():
    sel = data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1))
    df = data.overzicht_regio(ASSEN, sel)  # a gemeente user: the region's totals
    assert len(df) == 1 and "gemeente_code" not in df.columns
    assert df["actief"].iloc[0] == 51  # the whole region in June 2024 (test_dash_data)
    st = data.regio_stromen_maand(ASSEN, sel)
    assert all(df[k].iloc[0] == st[k].sum() for k in STROMEN)
    inw = data.regio_inwoners_jaar(ASSEN).dropna()
    assert df["inwoners"].iloc[0] == inw[inw["jaar"] <= 2024].sort_values("jaar")["inwoners_1_januari"].iloc[-1]
    assert data.overzicht_regio(frozenset(), sel).empty


def test_mo_cards_from_one_row():
    sel = data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1))
    df = mo(ALLE, sel)
    st = data.mo_clienten_maand(ALLE, data.Selectie(van=D(2024, 6, 1), tot=D(2024, 6, 1)))
    fl = data.mo_stromen_maand(ALLE, sel)
    og = data.doelgroep_overgangen_maand(ALLE, sel)
    assert df["actief"].iloc[0] == st["actief"].sum()
    assert df["instroom"].iloc[0] == fl["instroom"].sum() and df["nieuwe_clienten"].iloc[0] == fl["nieuwe_clienten"].sum()
    for kolom, richting in (("mo_naar_bw", "MO naar BW"), ("bw_naar_mo", "BW naar MO")):
        assert df[kolom].iloc[0] == og.loc[og["richting"] == richting, "aantal"].sum()
    assert df["actief"].iloc[0] > 0 and df["instroom"].iloc[0] > 0
    assert mo(frozenset(), sel).empty


def test_clienten_sections_sum_the_rows():
    sel = data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1), leveringsvormen=("ZIN",))
    rijen = data.clienten_maand(ALLE, sel)
    df = vorm_maand(ALLE, sel)
    verwacht = rijen.groupby(["maand", "tussenvorm", "leveringsvorm"])["actief"].sum()
    assert list(df["actief"]) == list(verwacht) and "gemeente_code" not in df.columns
    maand = data.Selectie(van=D(2024, 6, 1), tot=D(2024, 6, 1), tussenvormen=("Thuis Plus", "Begeleid wonen"),
                          leveringsvormen=("ZIN",))
    m = matrix(ALLE, maand)
    bw = m[m["tussenvorm"] == "Begeleid wonen"]
    assert dict(zip(bw["gemeente_code"], bw["actief"])) == {"GM0106": 10, "GM0118": 12}  # test_dash_data
    assert set(matrix(ASSEN, maand)["gemeente_code"]) == {"GM0106"}
    v = data.verblijfsduur(ALLE)
    d = duur(ALLE)
    assert d["episodes"].sum() == v["episodes"].sum() > 0 and "gemeente_code" not in d.columns
    for f in (vorm_maand, matrix, duur):
        assert f(frozenset(), maand).empty


def test_both_results_from_one_regional_answer():
    df = data.overzicht_resultaat(ASSEN)
    bw, mo_ = df[df["bron"] == "bw"], df[df["bron"] == "mo"]
    rj, mj = data.resultaat_jaar(ASSEN), data.mo_resultaat_jaar(ASSEN)
    assert list(zip(bw["jaar"], bw["versie"], bw["resultaat_eur"])) == list(zip(rj["jaar"], rj["versie"],
                                                                             rj["resultaat_eur"]))
    assert list(zip(mo_["jaar"], mo_["resultaat_eur"])) == list(zip(mj["jaar"], mj["resultaat_eur"]))
    assert len(bw) > 0 and data.overzicht_resultaat(frozenset()).empty
