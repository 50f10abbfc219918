"""The disclosure-control rules, by hand: each expected value is worked out in the comment."""
import math

import pandas as pd
import pytest

from kern import afscherming as af

B = af.Afscherming(beschermd=True)           # threshold 5, base 5
EXACT = af.Afscherming(beschermd=False)


@pytest.mark.parametrize("x, verwacht", [
    (0, 0), (1, "< 5"), (4, "< 5"),
    (5, 5), (7, 5),        # 7/5 = 1.4 -> 1 x 5
    (8, 10), (12, 10),     # 8/5 = 1.6 -> 2; 12/5 = 2.4 -> 2
    (13, 15), (133, 135), (132, 130), (930, 930), (933, 935),
    (None, None), (float("nan"), None),
])
def test_telling_afgerond_op_vijf(x, verwacht):
    assert B.aantal(x) == verwacht


def test_regio_ziet_exact():
    assert [EXACT.aantal(x) for x in (0, 1, 4, 7, 133)] == [0, 1, 4, 7, 133]
    assert EXACT.verschil(136, 133) == 3 and EXACT.cumulatief(17) == 17


def test_drempel_en_basis_uit_de_omgeving():
    a = af.Afscherming.voor(True, {"BWMO_KLEINE_AANTALLEN": "10", "BWMO_AFRONDEN_OP": "10"})
    assert (a.drempel, a.basis) == (10, 10)
    assert [a.aantal(x) for x in (9, 10, 14, 15, 24)] == ["< 10", 10, 10, 20, 20]
    geen = af.Afscherming.voor(True, {"BWMO_AFRONDEN_OP": "1"})  # per-cell rule only: no rounding
    assert [geen.aantal(x) for x in (3, 7, 133)] == ["< 5", 7, 133]
    with pytest.raises(ValueError, match="BWMO_AFRONDEN_OP"):
        af.Afscherming.voor(True, {"BWMO_AFRONDEN_OP": "0"})
    with pytest.raises(ValueError, match="geheel getal"):
        af.Afscherming.voor(True, {"BWMO_KLEINE_AANTALLEN": "vijf"})


def test_afgeleide_cijfers_uit_gepubliceerde_waarden():
    # netto = 135 - 130 (published), not 133 - 132 = 1 (exact): gives nothing beyond the two counts
    assert B.verschil(133, 132) == 5
    assert B.verschil(133, 3) is None                         # a source is "< 5"
    assert B.aandeel(29, 133) == pytest.approx(30 / 135)      # 29 -> 30, 133 -> 135
    assert B.per_1000(23, 20_000) == pytest.approx(25 / 20)   # 23 -> 25; 1,25 per 1.000
    assert B.per_1000(3, 20_000) is None
    assert B.cumulatief(17) is None
    assert math.isnan(B.getal(3)) and B.getal(12) == 10.0


def test_tabel_past_elke_soort_toe():
    df = pd.DataFrame({"Maand": ["jan", "feb"], "Instroom": [12, 3], "Uitstroom": [7, 8],
                       "Netto": [5, -5], "Cumulatief": [12, 15], "Inwoners": [20_000, 20_000],
                       "Per 1.000": [0.6, 0.15], "Kosten": [1234.56, 99.0], "teller": [12, 3]})
    kol = {"Instroom": af.AANTAL, "Uitstroom": af.AANTAL, "Netto": af.verschil("Instroom", "Uitstroom"),
           "Cumulatief": af.CUMULATIEF, "Inwoners": af.VRIJ, "Per 1.000": af.per_1000("teller", "Inwoners"),
           "Kosten": af.VRIJ, "teller": af.BRON}
    uit = af.tabel(df, kol, B)
    assert list(uit.columns) == ["Maand", "Instroom", "Uitstroom", "Netto", "Cumulatief", "Inwoners",
                                 "Per 1.000", "Kosten"]
    assert uit["Instroom"].tolist() == [10, "< 5"]
    assert uit["Uitstroom"].tolist() == [5, 10]
    assert uit["Netto"].tolist() == [5.0, "–"]               # 10 - 5; "< 5" has no value
    assert uit["Cumulatief"].tolist() == ["–", "–"]
    assert uit["Per 1.000"].tolist() == [pytest.approx(0.5), "–"]  # 10 / 20.000 x 1.000
    assert uit["Kosten"].tolist() == [1234.56, 99.0] and uit["Inwoners"].tolist() == [20_000, 20_000]
    exact = af.tabel(df, kol, EXACT)
    assert exact["Instroom"].tolist() == [12, 3] and exact["Cumulatief"].tolist() == [12, 15]
    assert "teller" not in exact.columns


def test_onbekende_numerieke_kolom_wordt_geweigerd():
    df = pd.DataFrame({"Maand": ["jan"], "Cliënten": [3]})
    with pytest.raises(af.OnbekendeKolom, match="Cliënten"):
        af.tabel(df, {}, B)
    with pytest.raises(af.OnbekendeKolom):  # also for an exact viewer: the declaration is checked always
        af.tabel(df, {}, EXACT)
    with pytest.raises(ValueError, match="bronkolommen"):
        af.tabel(df, {"Cliënten": af.Kolom("verschil", ("Cliënten",))}, B)
