"""Chart colours meet WCAG 2.1 1.4.11 (3:1 against the white background) and tussenvormen are
told apart by more than colour (issue 15). Fails on the old palette: sky blue #56B4E9 is 2,3:1,
orange #E69F00 2,3:1, grey #999999 2,8:1, sand #DDAA33 2,1:1."""
from kern.kleuren import (
    KLEUR,
    KLEUR_LEVERINGSVORM,
    KLEUR_TUSSENVORM,
    PATROON,
    TUSSENVORMEN,
    WLZ_STATUS,
)


def contrast(a: str, b: str = "#FFFFFF") -> float:
    def lum(h):
        c = [int(h.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hoog, laag = sorted([lum(a), lum(b)], reverse=True)
    return (hoog + 0.05) / (laag + 0.05)


def test_the_wcag_formula():
    assert round(contrast("#767676"), 2) == 4.54  # the well-known smallest grey for 4,5:1 text
    assert round(contrast("#000000"), 1) == 21.0


def test_every_series_colour_has_3_to_1_against_white():
    for naam, kleur in {**KLEUR_TUSSENVORM, **KLEUR_LEVERINGSVORM, **KLEUR, **WLZ_STATUS}.items():
        assert contrast(kleur) >= 3, (naam, kleur, round(contrast(kleur), 2))


def test_tussenvormen_have_a_pattern_each_and_distinct_colours():
    patronen = [PATROON[t] for t in TUSSENVORMEN]
    assert len(set(patronen)) == len(TUSSENVORMEN)
    assert len({KLEUR_TUSSENVORM[t] for t in TUSSENVORMEN}) == len(TUSSENVORMEN)


def test_pgb_and_niet_clientgebonden_differ_in_greyscale():
    def grijs(h):
        r, g, b = (int(h[i:i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b
    assert abs(grijs(KLEUR["pgb"]) - grijs(KLEUR["niet_clientgebonden"])) >= 10
    assert PATROON["PGB"] != PATROON["niet_clientgebonden"]
