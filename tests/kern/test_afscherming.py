"""The disclosure-control rules, by hand: each expected value is worked out in the comment."""
import math

import pandas as pd
import pytest

from kern import afscherming as af

B = af.Afscherming(beschermd=True)           # drempel 5, base 5
EXACT = af.Afscherming(beschermd=False)


@pytest.mark.parametrize("x, verwacht", [
    (0, "< 5"), (1, "< 5"), (4, "< 5"),        # 0 too: beside '< 5' cells a 0 says they are >= 1
    (5, 5), (10, 10), (930, 930),               # multiples of the base stay as they are
    (None, None), (float("nan"), None),
])
def test_kleine_aantallen_en_veelvouden(x, verwacht):
    assert B.aantal(x) == verwacht


def test_afronding_op_vijf_omhoog_of_omlaag_zonder_scheefheid():
    uitkomsten = {n: B.aantal(n) for n in range(5, 20_005)}
    for n, w in uitkomsten.items():
        assert w % 5 == 0 and abs(w - n) <= 4 and w in (n - n % 5, n - n % 5 + 5)
    # the same value is rounded the same way every time (no second draw by asking again)
    assert all(B.aantal(n) == w for n, w in list(uitkomsten.items())[:500])
    # unbiased: the mean error over 20.000 values is ~0 (nearest rounding would be 0 too; always
    # down would be -2); up for residue r in about r/5 of the values
    fouten = [w - n for n, w in uitkomsten.items()]
    assert abs(sum(fouten) / len(fouten)) < 0.1
    for rest in (1, 2, 3, 4):
        omhoog = [w > n for n, w in uitkomsten.items() if n % 5 == rest]
        assert sum(omhoog) / len(omhoog) == pytest.approx(rest / 5, abs=0.03)
    # another key decides differently (the direction is a secret of the installation)
    ander = af.Afscherming(True, sleutel="een-andere-sleutel")
    assert sum(ander.aantal(n) != w for n, w in uitkomsten.items()) > 2000


def test_regio_ziet_exact():
    assert [EXACT.aantal(x) for x in (0, 1, 4, 7, 133)] == [0, 1, 4, 7, 133]
    assert EXACT.verschil(136, 133) == 3 and EXACT.cumulatief(17) == 17


def test_drempel_en_basis_uit_de_omgeving():
    a = af.Afscherming.voor(True, {"BWMO_KLEINE_AANTALLEN": "10", "BWMO_AFRONDEN_OP": "10"})
    assert (a.drempel, a.basis) == (10, 10)
    assert [a.aantal(x) for x in (9, 10, 20)] == ["< 10", 10, 20]
    assert a.aantal(14) in (10, 20) and a.aantal(24) in (20, 30)
    geen = af.Afscherming.voor(True, {"BWMO_AFRONDEN_OP": "1"})  # per-cell rule only: no rounding
    assert [geen.aantal(x) for x in (3, 7, 133)] == ["< 5", 7, 133]
    assert af.Afscherming.voor(True, {"BWMO_SECRET_KEY": "s" * 40}).sleutel == "s" * 40
    assert af.Afscherming.voor(True, {"BWMO_SECRET_KEY": "s" * 40, "BWMO_AFRONDINGSSLEUTEL": "k"}).sleutel == "k"
    with pytest.raises(ValueError, match="BWMO_AFRONDEN_OP"):
        af.Afscherming.voor(True, {"BWMO_AFRONDEN_OP": "0"})
    with pytest.raises(ValueError, match="geheel getal"):
        af.Afscherming.voor(True, {"BWMO_KLEINE_AANTALLEN": "vijf"})


def test_afgeleide_cijfers_uit_gepubliceerde_waarden():
    # a derived figure is computed from the published counts, so it says nothing they do not
    assert B.verschil(135, 130) == 5 and B.verschil(133, 132) == B.aantal(133) - B.aantal(132)
    assert B.verschil(133, 3) is None                         # a source is "< 5"
    assert B.aandeel(30, 135) == pytest.approx(30 / 135)
    assert B.aandeel(29, 133) == pytest.approx(B.aantal(29) / B.aantal(133))
    assert B.per_1000(25, 20_000) == pytest.approx(1.25)      # 25 / 20.000 x 1.000
    assert B.per_1000(3, 20_000) is None
    assert B.cumulatief(17) is None
    assert math.isnan(B.getal(3)) and math.isnan(B.getal(0)) and B.getal(10) == 10.0


def test_tabel_past_elke_soort_toe():
    df = pd.DataFrame({"Maand": ["jan", "feb"], "Instroom": [10, 3], "Uitstroom": [5, 0],
                       "Netto": [5, 3], "Cumulatief": [10, 13], "Inwoners": [20_000, 20_000],
                       "Per 1.000": [0.5, 0.15], "Kosten": [1234.56, 99.0], "teller": [10, 3]})
    kol = {"Instroom": af.AANTAL, "Uitstroom": af.AANTAL, "Netto": af.verschil("Instroom", "Uitstroom"),
           "Cumulatief": af.CUMULATIEF, "Inwoners": af.VRIJ, "Per 1.000": af.per_1000("teller", "Inwoners"),
           "Kosten": af.VRIJ, "teller": af.BRON}
    uit = af.tabel(df, kol, B)
    assert list(uit.columns) == ["Maand", "Instroom", "Uitstroom", "Netto", "Cumulatief", "Inwoners",
                                 "Per 1.000", "Kosten"]
    assert uit["Instroom"].tolist() == [10, "< 5"]
    assert uit["Uitstroom"].tolist() == [5, "< 5"]
    assert uit["Netto"].tolist() == [5.0, "–"]               # 10 - 5; "< 5" has no value
    assert uit["Cumulatief"].tolist() == ["–", "–"]
    assert uit["Per 1.000"].tolist() == [pytest.approx(0.5), "–"]  # 10 / 20.000 x 1.000
    assert uit["Kosten"].tolist() == [1234.56, 99.0] and uit["Inwoners"].tolist() == [20_000, 20_000]
    exact = af.tabel(df, kol, EXACT)
    assert exact["Instroom"].tolist() == [10, 3] and exact["Cumulatief"].tolist() == [10, 13]
    assert "teller" not in exact.columns


def test_onbekende_numerieke_kolom_wordt_geweigerd():
    df = pd.DataFrame({"Maand": ["jan"], "Cliënten": [3]})
    with pytest.raises(af.OnbekendeKolom, match="Cliënten"):
        af.tabel(df, {}, B)
    with pytest.raises(af.OnbekendeKolom):  # also for an exact viewer: the declaration is checked always
        af.tabel(df, {}, EXACT)
    with pytest.raises(ValueError, match="bronkolommen"):
        af.tabel(df, {"Cliënten": af.Kolom("verschil", ("Cliënten",))}, B)


def test_de_sleutel_staat_nooit_in_een_repr():
    a = af.Afscherming.voor(True, {"BWMO_AFRONDINGSSLEUTEL": "geheim-123"})
    assert a.sleutel == "geheim-123" and "geheim-123" not in repr(a)


def test_one_rule_for_a_rate_for_exact_and_protected_viewers():
    """Both paths to a per-1.000 rate use kern.afscherming.per_1000_inwoners: exact figures
    (dashboard/visuals/reken.per_1000) and published ones (Afscherming.per_1000)."""
    import math

    from dashboard.visuals import reken
    from kern.afscherming import Afscherming, per_1000_inwoners
    assert per_1000_inwoners(7, 2000) == 3.5 and per_1000_inwoners(7, 0) is None
    assert per_1000_inwoners(None, 2000) is None and per_1000_inwoners(7, float("nan")) is None
    assert reken.per_1000(7, 2000) == 3.5 and math.isnan(reken.per_1000(7, 0))
    assert Afscherming(False).per_1000(7, 2000) == 3.5
