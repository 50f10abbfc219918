import datetime as dt

import pandas as pd
import pytest

from kern import formats


@pytest.mark.parametrize("waarde, verwacht", [
    (1234567, "€ 1.234.567"), (0, "€ 0"), (999.5, "€ 1.000"), (-7000, "€ -7.000"), (None, "–"),
])
def test_eur(waarde, verwacht):
    assert formats.eur(waarde) == verwacht


def test_eur_met_centen_en_teken():
    assert formats.eur(-1234.5, 2) == "€ -1.234,50"
    assert formats.eur(50000, teken=True) == "€ +50.000"


@pytest.mark.parametrize("waarde, decimalen, verwacht", [
    (12.5, 1, "12,5"), (1234.567, 2, "1.234,57"), (0.005, 2, "0,01"), (-0.4, 0, "0"), (1000000, 0, "1.000.000"),
    (float("nan"), 0, "–"), (pd.NA, 0, "–"),
])
def test_getal(waarde, decimalen, verwacht):
    assert formats.getal(waarde, decimalen) == verwacht


def test_pct_en_procentpunt():
    assert formats.pct(0.125) == "12,5%"
    assert formats.pct(4 / 32) == "12,5%"
    assert formats.pct(1) == "100,0%"
    assert formats.procentpunt(0.0625) == "+6,3 %-punt"
    assert formats.procentpunt(-0.01) == "-1,0 %-punt"


def test_maand_en_datum():
    assert formats.maand(dt.date(2024, 1, 1)) == "jan 2024"
    assert formats.maand(pd.Timestamp("2024-03-01")) == "mrt 2024"
    assert formats.maand("2023-10-01") == "okt 2023"
    assert formats.datum(dt.date(2024, 6, 30)) == "30 juni 2024"
    assert formats.datum_kort(dt.date(2024, 6, 3)) == "03-06-2024"
    assert formats.datumtijd(dt.datetime(2024, 7, 2, 8, 5)) == "2 juli 2024 08:05"
    assert formats.periode(dt.date(2024, 1, 1), dt.date(2024, 6, 1)) == "jan 2024 t/m jun 2024"
    assert formats.periode(dt.date(2024, 6, 1), dt.date(2024, 6, 1)) == "jun 2024"


def test_uitleg_volgt_de_ingestelde_methode():
    from kern.afscherming import Afscherming

    assert Afscherming(True).uitleg().startswith(
        "Aantallen zijn afgerond op veelvouden van 5; aantallen van 0 tot en met 4 staan als '< 5'. "
        "Totalen zijn apart afgerond")
    assert Afscherming(True, 10, 10).uitleg().startswith(
        "Aantallen zijn afgerond op veelvouden van 10; aantallen van 0 tot en met 9 staan als '< 10'.")
    assert Afscherming(True, 1, 1).uitleg().startswith("Aantallen zijn niet afgerond.")
    assert Afscherming(False).uitleg().startswith("U ziet exacte aantallen (rol regio). Voor gemeenten")


def test_csv_toont_een_ontbrekende_of_verborgen_waarde_als_op_het_scherm():
    import pandas as pd

    from dashboard import export
    # a published column mixes numbers and signs; a missing rate is NaN in a float column
    df = pd.DataFrame({"Maand": ["jan", "feb", "mrt"], "Instroom": pd.Series([10, "< 5", float("nan")], dtype=object),
                       "Per 1.000": [0.5, float("nan"), 1.25]})
    regels = export.naar_csv(df).splitlines()
    assert regels[1:] == ["jan;10;0,5", "feb;< 5;–", "mrt;–;1,25"]
    assert "nan" not in export.naar_csv(df).lower()
