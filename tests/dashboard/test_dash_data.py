"""kern/data.py: scope enforcement, read-only connections, reopening, caching, errors."""
import datetime as dt
import os
import shutil
import threading

import duckdb
import fixture_warehouse
import pytest

from dashboard import access
from kern import data

ALLE = frozenset(g[0] for g in fixture_warehouse.GEMEENTEN)
D = dt.date


@pytest.fixture(autouse=True)
def als_regio(warehouse):
    """The data layer is tested outside a request (a request pins one warehouse version)."""
    yield


def test_scope_comes_from_the_session_and_denies_by_default():
    from dashhulp import ASSEN, BEHEER_GEBRUIKER, REGIO_GEBRUIKER, als
    assert access.current_scope() == frozenset()  # no request, no session: nothing
    with als(REGIO_GEBRUIKER):
        assert access.current_scope() == ALLE
    with als(ASSEN):
        assert access.current_scope() == {"GM0106"}
    for niemand in (BEHEER_GEBRUIKER, None):
        with als(niemand):
            assert access.current_scope() == frozenset()


def test_region_totals_have_no_row_per_gemeente_and_need_a_scope():
    assen = frozenset({"GM0106"})
    df = data.regio_clienten_maand(assen, data.Selectie(van=D(2024, 6, 1), tot=D(2024, 6, 1)))
    assert "gemeente_code" not in df.columns and df["actief"].sum() == 51  # the whole region
    st = data.regio_stromen_maand(assen, data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1)))
    assert "gemeente_code" not in st.columns and st["instroom"].sum() == 8
    assert data.regio_inwoners_jaar(assen).set_index("jaar").loc[2024, "inwoners_1_januari"] == sum(
        g[6] for g in fixture_warehouse.GEMEENTEN)
    for f in (data.regio_clienten_maand, data.regio_stromen_maand, data.regio_inwoners_jaar):
        assert f(frozenset()).empty, f.__name__


def test_data_quality_only_when_the_caller_allows():
    assert len(data.laadlog(True)) == 3
    for waarde in (False, frozenset({"GM0106"}), "ja", 1):  # only the boolean True opens it
        assert data.laadlog(waarde).empty


def test_the_data_quality_page_section_only_when_the_caller_allows_the_balance_only_with_a_scope():
    delen = data.datakwaliteit_sectie(True, frozenset({"GM0106"}))
    assert [r["bestand"] for r in delen["laadlog"]] == data.laadlog(True)["bestand"].tolist()  # its order
    maanden = [r["maand"] for r in delen["balans"]]
    assert maanden and maanden == sorted(maanden)
    assert "balans" not in data.datakwaliteit_sectie(True, frozenset())  # the region's client counts
    for waarde in (False, frozenset({"GM0106"}), "ja", 1):  # only the boolean True opens it
        assert data.datakwaliteit_sectie(waarde, frozenset({"GM0106"})) == {}


def test_empty_scope_returns_nothing():
    sel = data.Selectie()
    assert data.toegestane_gemeenten(frozenset(), sel) == []
    for f in (data.clienten_maand, data.stromen_maand, data.kosten_maand, data.kosten_jaar,
              data.kengetallen_jaar, data.wlz_aanvragen_open, data.verblijfsduur):
        assert f(frozenset(), sel).empty, f.__name__
    for f in (data.resultaat_jaar, data.resultaat_verdeling, data.laadlog, data.regio_kengetallen_jaar):
        assert f(frozenset()).empty, f.__name__
    assert data.gemeenten(frozenset()).empty


def test_requested_gemeenten_are_intersected_with_scope():
    scope = frozenset({"GM0106"})
    sel = data.Selectie(gemeenten=("GM0106", "GM1680", "GM9999"))
    assert data.toegestane_gemeenten(scope, sel) == ["GM0106"]
    df = data.clienten_maand(scope, sel)
    assert set(df["gemeente_code"]) == {"GM0106"}
    # asking only for a gemeente outside the scope gives nothing, not everything
    assert data.clienten_maand(scope, data.Selectie(gemeenten=("GM1680",))).empty


def test_subregio_filter():
    sel = data.Selectie(subregio=("ZWD",))
    assert data.toegestane_gemeenten(ALLE, sel) == ["GM0118", "GM0119", "GM1690", "GM1701"]
    assert set(data.stromen_maand(ALLE, sel)["gemeente_code"]) == {"GM0118"}


def test_filters_on_period_tussenvorm_and_leveringsvorm():
    sel = data.Selectie(van=D(2024, 6, 1), tot=D(2024, 6, 1), tussenvormen=("Thuis Plus", "Begeleid wonen"),
                        leveringsvormen=("ZIN",))
    df = data.clienten_maand(ALLE, sel)
    assert df["actief"].sum() == 10 + 12  # Assen begeleid wonen ZIN + Hoogeveen begeleid wonen ZIN


def test_summing_queries_add_up_the_rows_within_scope_and_filters():
    """The sums a page asks for one month (warehouse/queries/clienten_per_*.sql, stromen_som.sql)
    are the sums of the rows the row queries give, under the same scope and filters."""
    sel = data.Selectie(van=D(2024, 6, 1), tot=D(2024, 6, 1), tussenvormen=("Thuis Plus", "Begeleid wonen"),
                        leveringsvormen=("ZIN",))
    lev = data.clienten_per_levering(ALLE, sel)
    assert list(zip(lev["leveringsvorm"], lev["actief"])) == [("ZIN", 22)]
    gem = data.clienten_per_gemeente(ALLE, sel)
    assert dict(zip(gem["gemeente_code"], gem["actief"])) == {"GM0106": 10, "GM0118": 12}
    eigen = data.clienten_per_gemeente(frozenset({"GM0106"}), sel)  # scope: Assen only
    assert list(eigen["gemeente_code"]) == ["GM0106"] and list(eigen["actief"]) == [10]
    jaar = data.Selectie(van=D(2023, 7, 1), tot=D(2024, 6, 1))
    rijen = data.stromen_maand(ALLE, jaar)
    som = data.stromen_som(ALLE, jaar)
    assert len(som) == 1 and all(som[k].iloc[0] == rijen[k].sum() for k in
                                 ("instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"))
    assert som["instroom"].iloc[0] > 0
    for f in (data.clienten_per_levering, data.clienten_per_gemeente, data.stromen_som):
        assert f(frozenset(), sel).empty, f.__name__  # deny by default, as the row queries


def test_warehouse_info_and_month_range():
    info = data.warehouse_info()
    assert info["peildatum"] == D(2024, 6, 30)
    assert info["geladen_op"] == dt.datetime(2024, 7, 2, 8, 15)
    assert data.maanden_bereik() == (D(2023, 1, 1), D(2024, 6, 1))


def test_missing_warehouse_gives_a_dutch_message(monkeypatch, tmp_path):
    monkeypatch.setenv(data.ENV, str(tmp_path / "bestaat-niet.duckdb"))
    with pytest.raises(data.WarehouseFout, match="nog geen datawarehouse"):
        data.warehouse_info()


def test_unreadable_warehouse_gives_a_dutch_message(monkeypatch, tmp_path):
    kapot = tmp_path / "kapot.duckdb"
    kapot.write_bytes(b"dit is geen duckdb-bestand" * 100)
    monkeypatch.setenv(data.ENV, str(kapot))
    with pytest.raises(data.WarehouseFout, match="kan op dit moment niet worden gelezen"):
        data.warehouse_info()


def test_warehouse_without_marts_gives_a_dutch_message(monkeypatch, tmp_path):
    leeg = tmp_path / "leeg.duckdb"
    duckdb.connect(str(leeg)).close()
    monkeypatch.setenv(data.ENV, str(leeg))
    with pytest.raises(data.WarehouseFout, match="niet de verwachte inhoud"):
        data.warehouse_info()


def test_connection_is_read_only():
    con, _versie = data._verbinding()
    with pytest.raises(duckdb.Error):
        con.execute("create table marts.x (a int)")


def test_reopens_after_atomic_publish(monkeypatch, tmp_path, warehouse_pad):
    pad = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_pad, pad)
    monkeypatch.setenv(data.ENV, str(pad))
    assert data.warehouse_info()["versie"] == "test-1"
    nieuw = tmp_path / "nieuw.duckdb"
    shutil.copy(warehouse_pad, nieuw)
    con = duckdb.connect(str(nieuw))
    con.execute("update marts.warehouse_info set versie = 'test-2'")
    con.close()
    os.replace(nieuw, pad)  # how the ETL publishes
    assert data.warehouse_info()["versie"] == "test-2"


def test_results_are_cached_per_version(monkeypatch):
    from kern.datalaag import verbinding
    aanroepen = []
    echte = verbinding._verbinding

    def tellen():
        con, versie = echte()
        aanroepen.append(versie)
        return con, versie
    monkeypatch.setattr(verbinding, "_verbinding", tellen)
    a = data.query("resultaat_jaar")
    a.loc[0, "baten_eur"] = -1  # callers get a copy: mutating it does not poison the cache
    b = data.query("resultaat_jaar")
    assert b.loc[0, "baten_eur"] == 290000
    assert len(data._cache) >= 1 and len(aanroepen) == 2


def test_one_connection_per_thread():
    cons = {}

    def werk(naam):
        cons[naam] = data._verbinding()[0]
    threads = [threading.Thread(target=werk, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in cons.values()}) == 3


def test_query_names_are_checked():
    with pytest.raises(ValueError):
        data.query("../../etc/passwd")


def test_only_the_data_layer_talks_to_duckdb():
    """kern/data.py and its parts in kern/datalaag/ are the only code in dashboard/ and kern/
    that imports duckdb."""
    from pathlib import Path
    kern = Path(data.__file__).resolve().parent
    laag = kern / "datalaag"
    for pad in [*kern.rglob("*.py"), *(kern.parent / "dashboard").rglob("*.py")]:
        if pad != kern / "data.py" and laag not in pad.parents:
            assert "import duckdb" not in pad.read_text(encoding="utf-8"), pad


def test_sluit_closes_this_threads_connection():
    con, _ = data._verbinding()
    data.sluit()
    with pytest.raises(duckdb.Error):
        con.execute("select 1")
    assert data.warehouse_info()["versie"] == "test-1"  # reopens on the next query


def test_wlz_cumulative_is_a_window_per_gemeente_from_the_seed_date():
    """warehouse/queries/wlz_cumulatief.sql on the fixture flows (Wlz: GM0106 in 2023-05 and
    2024-03, GM1680 in 2024-05): one row per month x gemeente, also in months without outflow,
    the cumulative carried on; nothing before $van, nothing after $tot or the peildatum."""
    assert data.wlz_sinds() == D(2021, 1, 1)  # warehouse/seeds/wlz_ggz.csv
    df = data.wlz_cumulatief(ALLE, data.Selectie(van=D(2023, 4, 1), tot=D(2023, 6, 1),
                                                 gemeenten=("GM0106", "GM1680")))
    rijen = [(m, g, int(c)) for m, g, c in zip(df["maand"].map(lambda x: x.date() if hasattr(x, "date") else x),
                                               df["gemeente_code"], df["uitstroom_wlz_cumulatief"])]
    assert rijen == [(D(2023, 4, 1), "GM0106", 0), (D(2023, 4, 1), "GM1680", 0),
                     (D(2023, 5, 1), "GM0106", 1), (D(2023, 5, 1), "GM1680", 0),
                     (D(2023, 6, 1), "GM0106", 1), (D(2023, 6, 1), "GM1680", 0)]
    # up to the peildatum's month (2024-06) however far $tot reaches: 1 + 1 (GM0106), 1 (GM1680)
    laatst = data.wlz_cumulatief(ALLE, data.Selectie(van=D(2024, 6, 1), tot=D(2030, 1, 1)))
    per_gemeente = laatst.set_index("gemeente_code")["uitstroom_wlz_cumulatief"]
    assert laatst["maand"].nunique() == 1 and len(laatst) == len(ALLE)
    assert per_gemeente.to_dict() == {g: {"GM0106": 2, "GM1680": 1}.get(g, 0) for g in ALLE}
    assert data.wlz_cumulatief(ALLE, data.Selectie(van=D(2019, 1, 1), tot=D(2020, 12, 1))).empty  # before the start
    assert data.wlz_cumulatief(frozenset(), data.Selectie()).empty


def test_wlz_decisions_and_reasons_are_read_from_the_seeds():
    """The screens and the report label the Wlz decisions and the reason of uitstroom to the Wlz
    from the seeds the marts count by (warehouse/seeds/wlz_besluiten.csv, wmo588_redenen.csv);
    every decision has its colour."""
    from kern.kleuren import WLZ_STATUS

    assert data.wlz_besluiten() == (("toegekend", "Toegekend", "waarvan toegekend"),
                                    ("afgewezen", "Afgewezen", "waarvan afgewezen"),
                                    ("in_behandeling", "In behandeling", "waarvan nog in behandeling"),
                                    ("ingetrokken", "Ingetrokken", "waarvan ingetrokken"))
    assert data.wlz_reden_codes() == "39"
    assert {k for k, _l, _r in data.wlz_besluiten()} == set(WLZ_STATUS)
