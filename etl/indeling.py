"""Municipality names to codes, by the CBS municipal classification of the figure's year.

The StatLine web table names municipalities (``Assen``, ``'s-Gravenhage (gemeente)``,
``Bergen (NH.)``) where the open data give codes. Municipalities merge and rename (Molenlanden
exists since 2019; the name Giessenlanden ends in 2018), so a name means a code only in a given
year. The classification is data, ``etl/gegevens/gemeentelijke_indeling.csv``, with its source.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

INDELING = Path(__file__).parent / "gegevens" / "gemeentelijke_indeling.csv"
# The regions whose municipalities the classification must hold (a test checks it).
CONFIG_REGIOS = sorted((Path(__file__).resolve().parent.parent / "config").glob("regios*.csv"))

# StatLine adds a province to a name two municipalities share ("Bergen (NH.)") and
# "(gemeente)" where a province or region bears the same name; other regions carry their
# level: PV province, LD landsdeel, CR COROP area, and so on. Those are no municipality.
_QUALIFIER = re.compile(r"^(?P<kaal>.*?)\s*\((?P<wat>[^()]*)\)$")
NOT_MUNICIPAL = {"pv", "ld", "cr", "ggd", "rr", "arbeidsmarktregio", "veiligheidsregio",
                 "provincie", "landsdeel", "corop", "wgr"}


def sleutel(naam: str) -> str:
    """A name as it is compared: case, accents, curly quotes, dots and spacing do not count
    (``Bergen (NH)`` is ``Bergen (NH.)``, ``’s-Gravenhage`` is ``'s-Gravenhage``)."""
    s = unicodedata.normalize("NFKD", naam.replace("\u2019", "'").replace("\u2018", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold().replace(".", "")
    return re.sub(r"\s+", " ", s).strip()


def _kaal(key: str) -> tuple[str, str | None]:
    m = _QUALIFIER.match(key)
    return (m["kaal"], m["wat"].strip()) if m else (key, None)


@dataclass(frozen=True)
class Naam:
    code: str
    naam: str
    van: int | None
    tot: int | None

    def geldt(self, jaar: int) -> bool:
        return (self.van is None or self.van <= jaar) and (self.tot is None or jaar <= self.tot)


class Dubbelzinnig(Exception):
    """A name that fits more than one municipality of the year."""

    def __init__(self, naam: str, jaar: int, kandidaten: list[Naam]):
        self.kandidaten = kandidaten
        opties = " of ".join(f"{k.naam} ({k.code})" for k in kandidaten)
        super().__init__(f"de naam '{naam.strip()}' is in {jaar} niet eenduidig: {opties}; "
                         "schrijf de naam zoals CBS die geeft")


@dataclass(frozen=True)
class Uitkomst:
    code: str | None
    waarom: str = ""   # when code is None: why the name is no municipality of that year


class Indeling:
    def __init__(self, namen: list[Naam]):
        self.namen = namen
        self._exact: dict[str, list[Naam]] = {}
        self._kaal: dict[str, list[Naam]] = {}
        for n in namen:
            key = sleutel(n.naam)
            self._exact.setdefault(key, []).append(n)
            self._kaal.setdefault(_kaal(key)[0], []).append(n)

    def zoek(self, naam: str, jaar: int) -> Uitkomst:
        """The code a name has in `jaar`; Dubbelzinnig when it fits two municipalities."""
        key = sleutel(naam)
        exact = [n for n in self._exact.get(key, []) if n.geldt(jaar)]
        if len(exact) == 1:
            return Uitkomst(exact[0].code)
        kaal, wat = _kaal(key)
        if wat is not None and wat in NOT_MUNICIPAL:
            return Uitkomst(None, "geen gemeente")
        if not exact and wat is None:   # "Bergen" for Bergen (L.) or Bergen (NH.)
            exact = [n for n in self._kaal.get(kaal, []) if n.geldt(jaar)]
        if len(exact) > 1:
            raise Dubbelzinnig(naam, jaar, exact)
        if exact:
            return Uitkomst(exact[0].code)
        if any(self._exact.get(key, [])) or (wat is None and self._kaal.get(kaal)):
            return Uitkomst(None, f"bestond niet in {jaar}")
        return Uitkomst(None, "onbekende naam")


@cache
def laad_indeling(path: Path = INDELING) -> Indeling:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter=";")
        return Indeling([Naam(r["gemeente_code"].strip(), r["naam"].strip(),
                              int(r["van"]) if r["van"].strip() else None,
                              int(r["tot"]) if r["tot"].strip() else None) for r in rows])
