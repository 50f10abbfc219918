import datetime as dt

from dashboard import filters as flt

D = dt.date


def test_parse_en_terug_naar_url():
    f = flt.parse("?van=2024-01&tot=2024-06&gemeente=GM0106,gm1680,xx&tussenvorm=Thuis%20Plus"
                  "&levering=zin&kg=GM0106&km=2024-03&subregio=NMD")
    assert f == flt.Filters(D(2024, 1, 1), D(2024, 6, 1), ("NMD",), ("GM0106", "GM1680"), ("Thuis Plus",),
                            ("ZIN",), "GM0106", D(2024, 3, 1))
    assert flt.parse(flt.to_search(f)) == f
    assert flt.to_search(flt.Filters()) == ""


def test_parse_weigert_rommel():
    f = flt.parse("?van=2024-13&tot=abc&gemeente=DROP TABLE&tussenvorm=Iets&levering=XYZ&kg=1&km=2024")
    assert f == flt.Filters()


def test_van_na_tot_wordt_omgedraaid():
    assert flt.parse("?van=2024-06&tot=2024-01").van == D(2024, 1, 1)


def test_standaard_periode_is_laatste_12_maanden():
    p = flt.periode(flt.Filters(), D(2023, 1, 1), D(2024, 6, 1))
    assert (p.van, p.tot, p.maanden) == (D(2023, 7, 1), D(2024, 6, 1), 12)
    assert p.jaar_eerder() == flt.Periode(D(2022, 7, 1), D(2023, 6, 1))


def test_periode_wordt_begrensd_tot_de_gegevens():
    p = flt.periode(flt.Filters(van=D(2020, 1, 1), tot=D(2030, 1, 1)), D(2023, 1, 1), D(2024, 6, 1))
    assert (p.van, p.tot) == (D(2023, 1, 1), D(2024, 6, 1))


def test_kruisfilter_maand_bepaalt_de_analyseperiode():
    f = flt.Filters(kruis_maand=D(2024, 3, 1))
    assert flt.analyse_periode(f, D(2023, 1, 1), D(2024, 6, 1)) == flt.Periode(D(2024, 3, 1), D(2024, 3, 1))
    buiten = flt.Filters(van=D(2024, 4, 1), kruis_maand=D(2024, 3, 1))
    assert flt.analyse_periode(buiten, D(2023, 1, 1), D(2024, 6, 1)).van == D(2024, 4, 1)


def test_snelkeuzes():
    keuzes = {k["label"]: k["value"] for k in flt.snelkeuzes(D(2023, 1, 1), D(2024, 6, 1))}
    assert keuzes["Laatste 12 maanden"] == "2023-07:2024-06"
    assert keuzes["1e helft 2024"] == "2024-01:2024-06"
    assert keuzes["Jaar 2023"] == "2023-01:2023-12"
    assert keuzes["2e helft 2023"] == "2023-07:2023-12"
    waarden = list(keuzes.values())
    assert len(waarden) == len(set(waarden))  # no two choices with the same months


def test_maand_opties_nederlands():
    opties = flt.maand_opties(D(2023, 11, 1), D(2024, 1, 1))
    assert opties == [{"label": "nov 2023", "value": "2023-11"}, {"label": "dec 2023", "value": "2023-12"},
                      {"label": "jan 2024", "value": "2024-01"}]
