"""What a report holds: sections of tables and charts, with every figure already published.

The PDF and the workbook are both written from one `ReportData`, so they carry the same figures.
A cell is a number (formatted by its column's kind), a string, or None (empty). Counts are
published by kern.afscherming (reports/afgeleide_cijfers.py): 0, "< 5" (a small count) or the
count rounded to a multiple of 5; a derived figure whose count is "< 5" is "–" (LEEG).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kern.afscherming import Afscherming

# Column kinds: how a number is shown (PDF) and which number format it gets (Excel).
SOORTEN = ("tekst", "aantal", "eur", "eur2", "pct", "pct2", "per1000", "getal2", "datum", "maand", "rij")


@dataclass
class Kolom:
    naam: str
    soort: str = "tekst"  # one of SOORTEN; "rij": the row's own kind (Tabel.rij_soort)

    def __post_init__(self):
        if self.soort not in SOORTEN:
            raise ValueError(f"onbekende kolomsoort {self.soort!r}")


@dataclass
class Tabel:
    id: str
    titel: str
    blad: str                      # Excel sheet name (max 31 characters)
    kolommen: list[Kolom]
    rijen: list[list]
    toelichting: str = ""
    rij_soort: list[str] | None = None  # per row, for columns of kind "rij"
    totaalrij: bool = False        # the last row is a total (bold)
    nadruk: tuple[int, ...] = ()   # rows to emphasise (the municipality's own row)

    def soort(self, rij: int, kolom: int) -> str:
        s = self.kolommen[kolom].soort
        if s == "rij":
            return (self.rij_soort or [])[rij] if self.rij_soort else "aantal"
        return s

    def kolom(self, naam: str) -> list:
        """The values of one column (tests and the text alternative use this)."""
        i = [k.naam for k in self.kolommen].index(naam)
        return [r[i] for r in self.rijen]

    def rij(self, eerste_cel) -> list:
        """The first row whose first cell equals `eerste_cel`."""
        for r in self.rijen:
            if r[0] == eerste_cel:
                return r
        raise KeyError(eerste_cel)


@dataclass
class Grafiek:
    id: str
    titel: str
    soort: str                      # "lijn", "staaf" (grouped) or "gestapeld"
    categorieen: list[str]
    reeksen: list[tuple[str, list[float]]]
    eenheid: str = "aantal"         # "aantal" or "eur"
    toelichting: str = ""
    weggelaten: str = ""            # why the chart is not drawn (small numbers), else ""
    kleuren: tuple[str, ...] = ()   # one per series; empty: the default colours


@dataclass
class Sectie:
    titel: str
    alineas: list[str] = field(default_factory=list)
    onderdelen: list = field(default_factory=list)  # Tabel | Grafiek, in reading order


@dataclass
class ReportData:
    titel: str
    ondertitel: str
    scope_kind: str                 # "regio" | "gemeente"
    gemeente_code: str | None
    naam: str                       # the region's or municipality's name
    regio: str
    periode: str                    # "H1" | "JAAR"
    jaar: int
    periode_label: str
    vorige_label: str
    van: dt.date
    tot: dt.date
    vorige_van: dt.date
    vorige_tot: dt.date
    peildatum: dt.date
    warehouse_versie: str
    verdeeljaar: int | None
    resultaat_versie: str           # "lopend" | "voorlopig" | "definitief" | "geen"
    resultaat_versie_tekst: str
    gemaakt_op: dt.datetime
    gemaakt_door: str
    afscherming: Afscherming         # how the counts were published (drempel, rounding base)
    leeswijzer: list[str]
    secties: list[Sectie]
    definities: list[tuple[str, str]]

    @property
    def tabellen(self) -> list[Tabel]:
        return [o for s in self.secties for o in s.onderdelen if isinstance(o, Tabel)]

    @property
    def grafieken(self) -> list[Grafiek]:
        return [o for s in self.secties for o in s.onderdelen if isinstance(o, Grafiek)]

    def tabel(self, id_: str) -> Tabel:
        for t in self.tabellen:
            if t.id == id_:
                return t
        raise KeyError(id_)

    @property
    def bestandsnaam(self) -> str:
        """A file name without extension: bwmo-verantwoording-2025-h1-gemeente-assen (or -regio-assen)."""
        import re
        wie = re.sub(r"[^a-z0-9]+", "-", self.naam.lower().replace("ë", "e").replace("é", "e")).strip("-")
        return f"bwmo-verantwoording-{self.jaar}-{self.periode.lower()}-{self.scope_kind}-{wie or 'onbekend'}"
