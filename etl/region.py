"""Regions as data: which municipalities a region has, read from config/regios.csv."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"
CONFIG = CONFIG_DIR / "regios.csv"


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    subregio_code: str
    subregio_naam: str
    centrumgemeente: bool


@dataclass(frozen=True)
class Region:
    naam: str
    gemeenten: tuple[Gemeente, ...]
    # The day the municipalities become responsible for BW (overgangscliënten / nieuwe
    # cliënten); in the configuration because the law's date keeps moving. None: not set.
    overgangsdatum: date | None = None

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(g.code for g in self.gemeenten)


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of regios.csv, then of any further regios_*.csv beside it (e.g. the national set)."""
    files = [path, *sorted(p for p in path.parent.glob("regios_*.csv") if p != path)]
    rows: list[dict[str, str]] = []
    for file in files:
        with file.open(encoding="utf-8-sig", newline="") as f:
            rows.extend(csv.DictReader(f, delimiter=";"))
    return rows


def region_names(path: Path = CONFIG) -> list[str]:
    names: list[str] = []
    for row in _rows(path):
        if row["regio"] not in names:
            names.append(row["regio"])
    return names


def default_region_name(path: Path = CONFIG) -> str:
    """BWMO_REGIO when set, else the first region in the configuration file."""
    return os.environ.get("BWMO_REGIO") or region_names(path)[0]


def load_region(name: str | None = None, path: Path = CONFIG) -> Region:
    name = name or default_region_name(path)
    rows = [r for r in _rows(path) if r["regio"].casefold() == name.casefold()]
    if not rows:
        known = ", ".join(region_names(path))
        raise ValueError(f"Onbekende regio '{name}'. Bekende regio's: {known}.")
    gemeenten = tuple(
        Gemeente(
            code=r["gemeente_code"].strip(),
            naam=r["gemeente_naam"].strip(),
            subregio_code=r["subregio_code"].strip(),
            subregio_naam=r["subregio_naam"].strip(),
            centrumgemeente=r["centrumgemeente"].strip().lower() == "ja",
        )
        for r in rows
    )
    return Region(naam=rows[0]["regio"], gemeenten=gemeenten,
                  overgangsdatum=_overgangsdatum(rows, path))


def _overgangsdatum(rows: list[dict[str, str]], path: Path) -> date | None:
    """The region's transition date (dd-mm-jjjj, the same on every row of the region)."""
    waarden = {(r.get("overgangsdatum") or "").strip() for r in rows}
    if len(waarden) > 1:
        raise ValueError(f"{path}: regio {rows[0]['regio']} heeft verschillende overgangsdata "
                         f"({', '.join(sorted(w or 'leeg' for w in waarden))}); één datum per regio.")
    tekst = waarden.pop()
    if not tekst:
        return None
    try:
        return datetime.strptime(tekst, "%d-%m-%Y").date()
    except ValueError:
        raise ValueError(f"{path}: overgangsdatum {tekst!r} van regio {rows[0]['regio']} is geen "
                         "datum (verwacht dd-mm-jjjj)") from None
