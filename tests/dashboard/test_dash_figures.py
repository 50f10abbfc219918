"""Pure figure functions: DataFrames in, Plotly figures out, checked without a browser."""
import pandas as pd

from dashboard.figures import categorie, financien, tijd
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
