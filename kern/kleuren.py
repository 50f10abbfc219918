"""Colours and the category lists they belong to (tussenvormen in their order, leveringsvormen
with their labels). Colour-blind safe (Okabe-Ito and Paul Tol), one colour per category
everywhere: the same tussenvorm has the same colour on every page and in every report. Pure data;
the Plotly look of the dashboard's charts is in dashboard/figures/sjabloon.py."""
from __future__ import annotations

import csv
from pathlib import Path

_SEED = Path(__file__).resolve().parent.parent / "warehouse" / "seeds" / "tussenvormen.csv"


def _vormen(doelgroep: str) -> list[str]:
    """The forms of a doelgroep, heaviest first, from the seed file the warehouse build loads too."""
    with _SEED.open(encoding="utf-8", newline="") as f:
        rijen = [r for r in csv.DictReader(f, delimiter=";") if r["doelgroep"] == doelgroep]
    return [r["tussenvorm"] for r in sorted(rijen, key=lambda r: int(r["tussenvorm_rang"]))]


TUSSENVORMEN = _vormen("BW")  # Beschermd wonen intramuraal ... Thuis Plus, Onbekend
OPVANGVORMEN = _vormen("MO")  # Opvang, Spoedopvang
LICHTE_VORMEN = ("Begeleid wonen", "Thuis Plus")  # "beschermd thuis"
LEVERINGSVORMEN = ["ZIN", "PGB"]
LEVERINGSVORM_LABEL = {"ZIN": "Zorg in natura (ZIN)", "PGB": "Persoonsgebonden budget (PGB)"}

# Every series colour has at least 3:1 contrast against the white chart background (WCAG 2.1
# 1.4.11); no two look alike in greyscale where they share a chart without a second cue, and
# where colour alone would separate series a pattern (PATROON) or a marker/dash style does too.
# Based on Paul Tol's colour-blind safe schemes, darkened where the light ones fell below 3:1.
KLEUR_TUSSENVORM = {
    "Beschermd wonen intramuraal": "#332288",  # indigo       12,2:1
    "Beschermd wonen nabij": "#0072B2",        # blue          5,2:1
    "Begeleid wonen": "#117733",               # green         5,7:1
    "Thuis Plus": "#B35900",                   # dark orange   4,8:1
    "Onbekend": "#767676",                     # grey          4,5:1
    "Opvang": "#AA3377",                       # purple        6,1:1
    "Spoedopvang": "#CC3311",                  # red           5,2:1
}
KLEUR_LEVERINGSVORM = {"ZIN": "#332288", "PGB": "#8A6100"}  # indigo, dark ochre (5,5:1)
KLEUR = {
    "stand": "#0072B2",
    "instroom": "#117733",
    "nieuwe_clienten": "#009988",
    "uitstroom": "#CC3311",
    "uitstroom_wlz": "#AA3377",
    "netto": "#000000",
    "gemeente": "#0072B2",
    "regio": "#767676",
    "baten": "#117733",
    "zin": KLEUR_LEVERINGSVORM["ZIN"],
    "pgb": KLEUR_LEVERINGSVORM["PGB"],
    "niet_clientgebonden": "#555555",
    "gerealiseerd": "#0072B2",
    "prognose": "#0072B2",  # the same money as gerealiseerd, told apart by its hatching
    "begroting": "#767676",
    "resultaat": "#000000",
    "selectie": "#CC3311",
    "gedimd": "#8C8C8C",
}
WLZ_STATUS = {"toegekend": "#117733", "afgewezen": "#CC3311", "in_behandeling": "#8A6100",
              "ingetrokken": "#767676"}
# The second cue beside colour (Plotly's marker.pattern.shape): a tussenvorm or leveringsvorm
# has the same hatching in every stacked chart, so the charts read in greyscale too.
PATROON = {
    "Beschermd wonen intramuraal": "",
    "Beschermd wonen nabij": "/",
    "Begeleid wonen": ".",
    "Thuis Plus": "x",
    "Onbekend": "-",
    "Opvang": "\\",
    "Spoedopvang": "+",
    "ZIN": "",
    "PGB": "x",
    "niet_clientgebonden": ".",
}


def patroon(naam: str) -> str:
    """The hatching of a category ('' for solid)."""
    return PATROON.get(naam, "")


def kleur_tussenvorm(naam: str) -> str:
    return KLEUR_TUSSENVORM.get(naam, "#767676")


def volgorde_tussenvorm(naam: str) -> int:
    return TUSSENVORMEN.index(naam) if naam in TUSSENVORMEN else len(TUSSENVORMEN)
