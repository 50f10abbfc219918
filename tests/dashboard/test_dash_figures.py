"""Pure figure functions: DataFrames in, Plotly figures out, checked without a browser."""
import pandas as pd

from dashboard.figures import categorie, financien, tijd
from kern import formats
from kern.kleuren import KLEUR, KLEUR_TUSSENVORM, TUSSENVORMEN

MAANDEN = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])


def test_reeksen_per_maand_dutch_labels_and_exact_hover():
    df = pd.DataFrame({"maand": MAANDEN, "actief": [1234, 1240, 1250]})
    fig = tijd.reeksen_per_maand(df, [("actief", "Actieve cliënten", "#000000")], geselecteerd="2024-02")
    tr = fig.data[0]
    assert list(tr.x) == ["jan 2024", "feb 2024", "mrt 2024"]
    assert [tuple(c) for c in tr.customdata] == [("2024-01", "1.234"), ("2024-02", "1.240"), ("2024-03", "1.250")]
    assert "customdata[1]" in tr.hovertemplate
    assert list(tr.marker.size) == [7, 12, 7]  # the cross-filtered month stands out
    assert fig.layout.separators == ",." or fig.layout.template.layout.separators == ",."


def test_stromen_uitstroom_below_the_line_and_netto():
    df = pd.DataFrame({"maand": MAANDEN, "instroom": [4, 0, 2], "uitstroom": [0, 1, 2], "nieuwe_clienten": [3, 0, 1]})
    fig = tijd.stromen(df)
    namen = {t.name: t for t in fig.data}
    assert list(namen["Instroom"].y) == [4, 0, 2]
    assert list(namen["Uitstroom"].y) == [0, -1, -2]
    assert list(namen["Netto"].y) == [4, -1, 0]
    assert [c[1] for c in namen["Uitstroom"].customdata] == ["0", "1", "2"]  # hover shows the count, not -1


def test_gestapeld_uses_fixed_tussenvorm_colours_in_order():
    df = pd.DataFrame({"maand": list(MAANDEN) * 2, "tussenvorm": ["Thuis Plus"] * 3 + ["Beschermd wonen intramuraal"] * 3,
                       "actief": [1, 2, 3, 4, 5, 6]})
    fig = tijd.gestapeld_per_maand(df, "tussenvorm", "actief", KLEUR_TUSSENVORM, TUSSENVORMEN)
    assert [t.name for t in fig.data] == ["Beschermd wonen intramuraal", "Thuis Plus"]
    assert [t.marker.color for t in fig.data] == [KLEUR_TUSSENVORM["Beschermd wonen intramuraal"],
                                                   KLEUR_TUSSENVORM["Thuis Plus"]]
    assert fig.layout.barmode == "stack"


def test_staven_per_gemeente_sorted_with_codes_and_selection():
    df = pd.DataFrame({"gemeente_code": ["GM0106", "GM1680", "GM0118"], "gemeente_naam": ["Assen", "Aa en Hunze", "Hoogeveen"],
                       "actief": [32, 7, 12]})
    fig = categorie.staven_per_gemeente(df, "actief", "Actieve cliënten", geselecteerd="GM0118")
    tr = fig.data[0]
    assert list(tr.y) == ["Aa en Hunze", "Hoogeveen", "Assen"]  # largest on top (last drawn)
    assert [c[0] for c in tr.customdata] == ["GM1680", "GM0118", "GM0106"]
    assert list(tr.marker.color) == [KLEUR["stand"], KLEUR["selectie"], KLEUR["stand"]]
    assert list(tr.text) == ["7", "12", "32"]


def test_sankey_links_from_heavy_to_light():
    df = pd.DataFrame({"van_tussenvorm": ["Beschermd wonen intramuraal", "Beschermd wonen nabij"],
                       "naar_tussenvorm": ["Thuis Plus", "Beschermd wonen intramuraal"], "aantal": [2, 1]})
    s = categorie.sankey(df).data[0]
    assert list(s.node.label) == ["Beschermd wonen intramuraal (van)", "Beschermd wonen nabij (van)",
                                  "Beschermd wonen intramuraal (naar)", "Thuis Plus (naar)"]
    assert list(s.link.source) == [0, 1] and list(s.link.target) == [3, 2] and list(s.link.value) == [2, 1]
    assert s.node.color[3] == KLEUR_TUSSENVORM["Thuis Plus"]


def test_waterval_absolute_start_and_end():
    w = tijd.waterval("Stand eind jun 2023", 47, 8, 4, "Stand eind jun 2024", 51).data[0]
    assert list(w.y) == [47, 8, -4, 51]
    assert list(w.measure) == ["absolute", "relative", "relative", "absolute"]
    assert list(w.text) == ["47", "+8", "-4", "51"]


def test_lopend_resultaat_keeps_realised_and_forecast_apart():
    fig = financien.lopend_resultaat(310000, 112500, 116500, 31000)
    namen = {t.name: t for t in fig.data}
    assert list(namen["Cliëntgebonden gerealiseerd"].x) == [0, 112500]
    assert list(namen["Cliëntgebonden prognose"].x) == [0, 116500]
    assert namen["Cliëntgebonden prognose"].marker.pattern.shape == "/"
    assert namen["Cliëntgebonden prognose"].customdata[1] == "€ 116.500"


def test_baten_lasten_stacks_costs_next_to_baten():
    rijen = [{"baten_eur": 300000.0, "zin_eur": 204000.0, "pgb_eur": 9000.0,
              "niet_clientgebonden_kosten_eur": 30000.0, "resultaat_eur": 57000.0}]
    namen = {t.name: t for t in financien.baten_lasten(rijen, ["2023 (definitief)"]).data}
    assert list(namen["Kosten PGB"].base) == [204000.0]
    assert list(namen["Niet-cliëntgebonden kosten"].base) == [213000.0]
    assert namen["Resultaat"].customdata[0][1] == "€ 57.000"


def test_empty_data_gives_a_dutch_empty_figure():
    fig = tijd.reeksen_per_maand(pd.DataFrame({"maand": [], "actief": []}), [("actief", "x", "#000")])
    assert fig.layout.annotations[0].text == "Geen gegevens voor deze selectie"


def _gestapeld_met_pandas(df, categorie, waarde):
    """The pandas chain gestapeld_per_maand used before (the reference for the plain-Python one)."""
    breed = (df.groupby(["maand", categorie], observed=True)[waarde].sum(min_count=1)
             .unstack(categorie).dropna(how="all").dropna(axis=1, how="all").sort_index().reset_index())
    return {c: breed[c].tolist() for c in breed.columns if c != "maand"}, breed["maand"].tolist()


def test_gestapeld_sums_per_month_keeps_hidden_values_missing_and_drops_empty_months():
    jan, feb, mrt = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01"), pd.Timestamp("2025-03-01")
    # two rows for (feb, A) add up; (mrt, *) only hidden values: the month goes; B is hidden in jan
    df = pd.DataFrame({"maand": [feb, jan, feb, jan, feb, mrt, mrt],
                       "t": ["A", "A", "A", "B", "B", "A", "B"],
                       "n": [3, 10, 4, None, 6, None, None]})
    fig = tijd.gestapeld_per_maand(df, "t", "n", {"A": "#111111", "B": "#222222"}, ["B", "A"])
    assert [t.name for t in fig.data] == ["B", "A"]
    assert fig.data[1].y == [10.0, 7.0] and fig.data[1].x == ["jan 2025", "feb 2025"]
    b = fig.data[0].y
    assert b[0] != b[0] and b[1] == 6.0  # NaN in January: hidden, not 0
    assert [c[0] for c in fig.data[1].customdata] == ["2025-01", "2025-02"]


def test_gestapeld_gives_what_the_pandas_chain_gave_value_for_value_and_type_for_type():
    import json
    jan, feb = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01")
    gevallen = [
        # whole numbers, every month has every category: ints stay ints
        pd.DataFrame({"maand": [jan, jan, feb, feb], "t": ["A", "B", "A", "B"], "n": [1, 2, 3, 4]}),
        # whole numbers, February lacks B: unstack makes every value a float
        pd.DataFrame({"maand": [jan, jan, feb], "t": ["A", "B", "A"], "n": [1, 2, 3]}),
        # a category that is hidden in every month is left out; a month with only hidden values too
        pd.DataFrame({"maand": [jan, jan, feb, feb], "t": ["A", "C", "A", "C"], "n": [5.0, None, None, None]}),
    ]
    for df in gevallen:
        verwacht, maanden = _gestapeld_met_pandas(df, "t", "n")
        fig = tijd.gestapeld_per_maand(df, "t", "n", {}, ["A", "B", "C"])
        gekregen = {t.name: t.y for t in fig.data}
        assert json.dumps(gekregen, sort_keys=True) == json.dumps(verwacht, sort_keys=True)
        assert fig.data[0].x == [formats.maand(m) for m in maanden]


def test_staven_per_gemeente_in_the_order_pandas_sort_values_gave_ties_and_hidden_values_included():
    df = pd.DataFrame({"gemeente_code": ["GM1", "GM2", "GM3", "GM4", "GM5"],
                       "gemeente_naam": ["Assen", "Tynaarlo", "Emmen", "Beilen", "Aa"],
                       "actief": [7.0, 7.0, float("nan"), 3.0, float("nan")]})
    fig = categorie.staven_per_gemeente(df, "actief", "Actieve cliënten")
    tr = fig.data[0]
    # 3 first (drawn at the bottom), the two 7s Z first, the hidden values last, also Z first
    assert tr.y == ["Beilen", "Tynaarlo", "Assen", "Emmen", "Aa"]
    verwacht = df.sort_values(["actief", "gemeente_naam"], ascending=[True, False])
    assert tr.y == verwacht["gemeente_naam"].tolist()
    assert [c[0] for c in tr.customdata] == verwacht["gemeente_code"].tolist()
