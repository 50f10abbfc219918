"""The Doordecentralisatie page's visuals against the fixture warehouse (fixture_doordecentralisatie.py
holds the hand computations)."""
import datetime as dt

import dashhulp
import pytest
from dashhulp import ctx_voor

from dashboard.components.visual import bouw
from dashboard.visuals import doordecentralisatie  # noqa: F401  (registers the visuals)


def tabel(vid, search="?van=2024-01&tot=2024-06"):
    return bouw(vid, ctx_voor(search)).tabel


def test_budget_of_the_region_sums_the_delivered_budgets_against_all_costs():
    t = tabel("dd-budget").set_index("Jaar")
    # 2024: budget 260.000 + 30.000; costs of all municipalities 142.000 + 39.000 + 48.000
    assert t.loc[2024, "Budget totaal"] == 290000
    assert t.loc[2024, "Kosten totaal"] == 229000
    assert t.loc[2024, "Budget min kosten"] == 61000
    assert t.loc[2024, "Kosten prognose"] == 116500
    assert t.loc[2025, "Budget totaal"] == 150000 and t.loc[2025, "Kosten totaal"] != t.loc[2025, "Kosten totaal"]
    v = bouw("dd-budget", ctx_voor("?van=2024-01&tot=2024-06"))
    assert "Geen budget aangeleverd voor: " in v.toelichting and "Hoogeveen" in v.toelichting


def test_what_if_the_budget_were_objective_today_per_municipality():
    t = tabel("dd-objectief").set_index("Gemeentecode")
    assert t.loc["GM0106", "Resultaat ingroeipad"] == 118000
    assert t.loc["GM0106", "Resultaat bij objectief budget"] == -42000
    assert t.loc["GM1680", "Resultaat ingroeipad"] == -9000
    assert t.loc["GM1680", "Resultaat bij objectief budget"] == 11000
    assert t.loc["GM0118", "Budget aangeleverd"] == "nee"
    assert "Objectief budget 2025" in t.columns


def test_woonplaats_per_municipality_and_the_matrix():
    t = tabel("dd-woonplaats").set_index("Gemeentecode")
    assert t.loc["GM0106"].tolist()[1:] == [32, 28, 0, 2, 2, 4]   # 4 from Aa en Hunze live in Assen
    assert t.loc["GM1680"].tolist()[1:] == [7, 3, 4, 0, 0, 0]
    assert t.loc["GM0118"].tolist()[1:] == [12, 9, 0, 3, 0, 0]
    m = tabel("dd-woonplaats-matrix").set_index("Herkomst")
    assert m.loc["Aa en Hunze", "Assen"] == 4 and m.loc["Hoogeveen", "Buiten de regio"] == 3
    assert m.loc["Assen", "Onbekend"] == 2


def test_cohorts_per_month_and_per_municipality():
    t = tabel("dd-cohort")
    juni = t[t["Maand"] == dt.date(2024, 6, 1)].iloc[0]
    assert (juni["Overgangscliënten"], juni["Nieuwe cliënten"]) == (45, 6)
    assert (juni["Kosten overgangscliënten"], juni["Kosten nieuwe cliënten"]) == (16750, 2000)
    g = tabel("dd-cohort-gemeenten").set_index("Gemeentecode")
    assert g.loc["GM0118", "Nieuwe cliënten"] == 4
    assert g.loc["GM0118", "Kosten nieuwe cliënten 2024"] == 6000      # 6 months x 1.000


def test_a_gemeente_user_sees_its_own_rows_with_small_counts_published():
    with dashhulp.als(dashhulp.ASSEN):
        t = tabel("dd-woonplaats")
        m = tabel("dd-woonplaats-matrix")
        o = tabel("dd-objectief")
        c = tabel("dd-cohort-gemeenten")
    assert t["Gemeentecode"].tolist() == ["GM0106"] and m["Herkomst"].tolist() == ["Assen"]
    r = t.iloc[0]
    assert r["Wonend buiten de regio"] == "< 5" and r["Uit andere gemeenten, wonend hier"] == "< 5"
    assert r["Cliënten (herkomst)"] in (30, 35)                  # rounded to a multiple of 5
    assert o["Gemeentecode"].tolist() == ["GM0106"]
    assert o.iloc[0]["Resultaat bij objectief budget"] == -42000   # money is shown exactly
    assert c.iloc[0]["Nieuwe cliënten"] == "< 5"


@pytest.mark.parametrize("met_verblijf, datum, melding", [
    (0, dt.date(2024, 1, 1), "geen Gemeentecode_verblijf"),
    (95, dt.date(2026, 1, 1), "ligt na de peildatum"),
    (95, None, "geen overgangsdatum ingesteld"),
])
def test_what_the_delivery_lacks_is_said_not_guessed(warehouse, tmp_path, monkeypatch, met_verblijf, datum, melding):
    import shutil

    import duckdb

    from kern import data
    pad = tmp_path / "wh.duckdb"
    shutil.copy(warehouse, pad)
    con = duckdb.connect(str(pad))
    con.execute("update marts.doordecentralisatie_info set bw_indicaties_met_verblijf = ?, overgangsdatum = ?",
                [met_verblijf, datum])
    con.close()
    monkeypatch.setenv(data.ENV, str(pad))
    data.leeg_cache()
    vid = "dd-woonplaats" if met_verblijf == 0 else "dd-cohort"
    v = bouw(vid, ctx_voor(""))
    assert melding in v.tekst and v.tabel.columns.tolist() == ["Melding"]


@pytest.mark.parametrize("search", ["?gemeente=GM9999", "?van=2019-01&tot=2019-02", "?kg=GM0118&km=2024-03"])
def test_a_selection_with_nothing_in_it_gives_empty_tables_not_errors(search):
    # a forged or empty selection (the forged-callback test found a 500 here)
    for vid in ("dd-budget", "dd-objectief", "dd-regio", "dd-woonplaats", "dd-woonplaats-matrix", "dd-cohort",
                "dd-cohort-gemeenten"):
        with dashhulp.als(dashhulp.ASSEN):
            bouw(vid, ctx_voor(search))


def test_the_gemeente_page_sums_up_where_its_clients_live():
    """Issue 14 on the Gemeente page: its own row of dd-woonplaats, one line per place (Assen,
    June 2024: 32 clients, 28 in Assen, none elsewhere in the region, 2 outside, 2 unknown, and 4
    clients of Aa en Hunze live in Assen), exact for the region role, published for Assen's user."""
    from dashboard.request_context import maak_context

    v = bouw("gemeente-woonplaats", maak_context("?van=2024-01&tot=2024-06", gemeente="GM0106"))
    assert v.tabel.to_dict("list") == {
        "Woonplaats": ["Cliënten (herkomst)", "Wonend in eigen gemeente", "Wonend elders in de regio",
                       "Wonend buiten de regio", "Verblijf onbekend", "Uit andere gemeenten, wonend hier"],
        "Cliënten": [32, 28, 0, 2, 2, 4]}
    assert v.titel == "Waar de cliënten wonen · jun 2024 · Assen"
    assert "32 cliënten met Assen als gemeente van herkomst" in v.tekst
    with dashhulp.als(dashhulp.ASSEN):
        beschermd = bouw("gemeente-woonplaats", maak_context("?van=2024-01&tot=2024-06", gemeente="GM0106"))
        rij = tabel("dd-woonplaats").iloc[0]
    # the same published counts as the Doordecentralisatie page's row: nothing new to combine
    assert beschermd.tabel["Cliënten"].tolist() == [rij[k] for k in beschermd.tabel["Woonplaats"]]
    assert beschermd.tabel["Cliënten"].tolist()[3:] == ["< 5", "< 5", "< 5"]
    assert "32" not in beschermd.tekst


def test_the_budget_years_add_their_amounts_to_the_last_bit_as_pandas_groupby_did():
    """_budget_per_jaar sums in Python what a pandas groupby summed before: the same floats, bit
    for bit (Kahan-compensated), with NaN skipped, all-NaN costs NaN and an infinite amount kept.
    On these rows a plain left-to-right sum differs from pandas' in some year's last bits."""
    import math
    import random

    import pandas as pd

    from dashboard.visuals.doordecentralisatie import _BUDGET, _KOSTEN, _budget_per_jaar

    rnd = random.Random(16)
    kolommen = (*_BUDGET, *_KOSTEN)
    rijen = [{"jaar": 2024, "budget_aangeleverd": True, **{k: 0.1 for k in kolommen}} for _ in range(3)]
    rijen += [{"jaar": 2025, "budget_aangeleverd": True, **{k: math.inf if k == "totaal_eur" else None for k in kolommen}}]
    rijen += [{"jaar": 2026, "budget_aangeleverd": False, **{k: 1.0 for k in kolommen}}]
    for _ in range(400):
        rijen.append({"jaar": rnd.choice((2025, 2027, 2028)), "budget_aangeleverd": rnd.random() < 0.8,
                      **{k: None if rnd.random() < 0.1 else rnd.uniform(-1e7, 1e7) * rnd.choice((1, 1e-3, 1e3))
                         for k in kolommen}})
    rijen.sort(key=lambda r: r["jaar"])
    df = pd.DataFrame({"jaar": [r["jaar"] for r in rijen],
                       "budget_aangeleverd": [r["budget_aangeleverd"] for r in rijen],
                       **{k: [math.nan if r[k] is None else r[k] for r in rijen] for k in kolommen}})
    som = df[df["budget_aangeleverd"]].groupby("jaar", as_index=False)[list(_BUDGET)].sum()
    kosten = df.groupby("jaar", as_index=False)[list(_KOSTEN)].sum(min_count=1)
    verwacht = som.merge(kosten, on="jaar", how="left").to_dict("records")
    jaren = _budget_per_jaar(rijen)
    assert [r["jaar"] for r in jaren] == [2024, 2025, 2027, 2028]  # 2026: no delivered budget
    assert jaren[1]["totaal_eur"] == math.inf  # the compensation reset: not NaN
    plat = {j: sum(r["objectief_eur"] or 0.0 for r in rijen if r["jaar"] == j and r["budget_aangeleverd"])
            for j in (2027, 2028)}
    assert any(plat[r["jaar"]] != r["objectief_eur"] for r in jaren[2:])  # the test tells the two apart
    for r, v in zip(jaren, verwacht, strict=True):
        for k in kolommen:
            assert repr(r[k]) == repr(float(v[k])), (r["jaar"], k)
