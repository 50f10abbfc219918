"""The attacker itself, on tables small enough to work out by hand."""
from aanvaller import Aanvaller


def test_totaal_naast_verborgen_cel_geeft_hem_terug_bij_de_oude_regel():
    # the row: 50;31;29;21;< 5;133 -> Onbekend = 133 - 131 = 2
    a = Aanvaller(drempel=5, basis=1, nul_verborgen=False)
    for i, w in enumerate([50, 31, 29, 21, "< 5"]):
        a.zie(("deel", i), {("x", i): 1}, w)
    a.zie("totaal", {("x", i): 1 for i in range(5)}, 133)
    assert a.herleid() == {("deel", 4): 2}


def test_afgerond_op_vijf_geeft_hem_niet_terug():
    # 50;30;30;20;< 5;135: Onbekend = 135±2 - (130±8) lies anywhere in 1..4
    a = Aanvaller(drempel=5, basis=5)
    for i, w in enumerate([50, 30, 30, 20, "< 5"]):
        a.zie(("deel", i), {("x", i): 1}, w)
    a.zie("totaal", {("x", i): 1 for i in range(5)}, 135)
    assert a.herleid() == {}


def test_stand_en_stromen_en_overlappende_perioden():
    a = Aanvaller(drempel=5, basis=1, nul_verborgen=False)
    # stand 130 -> 133 with instroom 6 and a hidden uitstroom: 130 + 6 - 133 = 3
    a.zie("vorige", {"s0": 1}, 130)
    a.zie("eind", {"s1": 1}, 133)
    a.zie("in", {"in1": 1}, 6)
    a.zie("uit", {"uit1": 1}, "< 5")
    a.identiteit({"s1": 1, "s0": -1, "in1": -1, "uit1": 1})
    # instroom jan-apr 932 and jan-mei 933: mei = 1 although shown as '< 5'
    a.zie("t/m apr", {f"m{i}": 1 for i in range(4)}, 932)
    a.zie("t/m mei", {f"m{i}": 1 for i in range(5)}, 933)
    a.zie("mei", {"m4": 1}, "< 5")
    assert a.herleid() == {"uit": 3, "mei": 1}


def test_interval_van_een_afgeronde_telling():
    a = Aanvaller(drempel=5, basis=5)  # random rounding: less than one base away, up or down
    assert a.interval(5) == (5, 9) and a.interval(10) == (6, 14) and a.interval("< 5") == (0, 4)
    assert a.interval("–") is None
    dichtst = Aanvaller(drempel=5, basis=5, willekeurig=False, nul_verborgen=False)
    assert dichtst.interval(5) == (5, 7) and dichtst.interval(10) == (8, 12) and dichtst.interval("< 5") == (1, 4)
