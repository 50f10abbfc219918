"""Colours and the category lists they belong to (tussenvormen in their order, leveringsvormen
with their labels). Colour-blind safe (Okabe-Ito and Paul Tol), one colour per category
everywhere: the same tussenvorm has the same colour on every page and in every report. Pure data;
the Plotly look of the dashboard's charts is in dashboard/figures/sjabloon.py."""
from __future__ import annotations

TUSSENVORMEN = [  # heaviest first, as docs/architecture.md lists them
    "Beschermd wonen intramuraal",
    "Beschermd wonen nabij",
    "Begeleid wonen",
    "Thuis Plus",
    "Onbekend",
]
LICHTE_VORMEN = ("Begeleid wonen", "Thuis Plus")  # "beschermd thuis"
LEVERINGSVORMEN = ["ZIN", "PGB"]
LEVERINGSVORM_LABEL = {"ZIN": "Zorg in natura (ZIN)", "PGB": "Persoonsgebonden budget (PGB)"}

KLEUR_TUSSENVORM = {
    "Beschermd wonen intramuraal": "#0072B2",  # blue
    "Beschermd wonen nabij": "#56B4E9",        # sky blue
    "Begeleid wonen": "#009E73",               # bluish green
    "Thuis Plus": "#E69F00",                   # orange
    "Onbekend": "#999999",                     # grey
    "Opvang": "#CC79A7",
    "Spoedopvang": "#D55E00",
}
KLEUR_LEVERINGSVORM = {"ZIN": "#332288", "PGB": "#DDAA33"}  # indigo, sand-yellow
KLEUR = {
    "stand": "#0072B2",
    "instroom": "#009E73",
    "nieuwe_clienten": "#56B4E9",
    "uitstroom": "#D55E00",
    "uitstroom_wlz": "#CC79A7",
    "netto": "#000000",
    "gemeente": "#0072B2",
    "regio": "#999999",
    "baten": "#009E73",
    "zin": KLEUR_LEVERINGSVORM["ZIN"],
    "pgb": KLEUR_LEVERINGSVORM["PGB"],
    "niet_clientgebonden": "#999999",
    "gerealiseerd": "#0072B2",
    "prognose": "#56B4E9",
    "begroting": "#999999",
    "resultaat": "#000000",
    "selectie": "#D55E00",
    "gedimd": "#BBBBBB",
}
WLZ_STATUS = {"toegekend": "#009E73", "afgewezen": "#D55E00", "in_behandeling": "#E69F00",
              "ingetrokken": "#999999"}


def kleur_tussenvorm(naam: str) -> str:
    return KLEUR_TUSSENVORM.get(naam, "#999999")


def volgorde_tussenvorm(naam: str) -> int:
    return TUSSENVORMEN.index(naam) if naam in TUSSENVORMEN else len(TUSSENVORMEN)
