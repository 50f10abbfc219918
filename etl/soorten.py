"""The eight export soorten and how their files are named.

A soort's columns live in ``etl/columns/<soort>.csv`` (data, not code) so that a region whose
COGNOS report uses other header names only adds an alias there. That file has the columns
``kolom;type;verplicht;bereik;aliassen``:

- ``kolom``: the canonical name, as in ``warehouse/schema/raw.sql`` (for ``cbs``: the CBS
  measure or a StatLine dimension);
- ``type``: ``text``, ``code`` (one or two digits, stored as two), ``date`` (dd-mm-jjjj),
  ``amount`` (EUR, at most 2 decimals) or ``amount:N`` (at most N decimals), ``integer``,
  ``gemeente`` (GM + 4 digits, a municipality of the region), ``gemeente_nl`` (GM + 4 digits,
  any Dutch municipality: a verblijfsgemeente or the Rijk's budget file for every municipality),
  ``enum:A|B|C`` (matched case-insensitively, stored as written),
  ``measure:N`` (cbs only: a population measure counted on 1 January of the period's year + N);
- ``verplicht``: ``ja``/``nee``;
- ``bereik``: optional inclusive range ``min..max`` (either side may be empty);
- ``aliassen``: accepted header names, separated by ``|``. Matching ignores case, accents,
  spaces, underscores and punctuation. An alias ending in ``*`` is a prefix that may only be
  followed by digits: CBS renumbers suffixes (``_15`` became ``_18``) between table versions.
  An alias starting with ``*/`` is the end of a StatLine web-table label (topic groups and
  title joined by ``/``), matched whatever groups stand before it.
"""
from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

COLUMNS_DIR = Path(__file__).parent / "columns"

MOMENTOPNAME_SOORTEN = ("indicaties", "wlz", "financien", "producten", "cbs", "budget")
AANVULLING_SOORTEN = ("declaraties", "pgb")
SOORT_NAMEN = ("indicaties", "declaraties", "pgb", "wlz", "financien", "producten", "cbs", "budget")


@dataclass(frozen=True)
class Column:
    name: str
    type: str                       # text, code, date, amount, integer, gemeente, enum, measure
    required: bool
    aliases: tuple[str, ...]
    decimals: int = 0               # amount: most decimals allowed
    choices: tuple[str, ...] = ()   # enum: the accepted values, in their stored spelling
    year_offset: int = 0            # measure: peildag is 1 January of period year + offset
    minimum: Decimal | None = None
    maximum: Decimal | None = None


@dataclass(frozen=True)
class Soort:
    name: str
    snapshot: bool
    columns: tuple[Column, ...]
    # Duplicates inside one file: the first line wins, later ones are rejected.
    key: tuple[str, ...] = ()
    # (earlier, later): a row whose `later` date lies before `earlier` is rejected.
    order_rules: tuple[tuple[str, str], ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def measures(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.type == "measure")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


# Rules that are about a row rather than a column; the columns themselves are data.
_KEYS = {
    "indicaties": ("toewijzingnummer",),
    "declaraties": ("regelnummer",),
    "pgb": ("clientnummer", "jaar", "maand"),
    "producten": ("productcode",),
    "financien": ("jaar", "post"),
    "budget": ("jaar", "gemeente_code"),
}
_ORDER_RULES = {
    "indicaties": (("ingangsdatum", "einddatum"),),
    "declaraties": (("periode_begin", "periode_eind"),),
}


def _parse_range(text: str) -> tuple[Decimal | None, Decimal | None]:
    text = text.strip()
    if not text:
        return None, None
    low, sep, high = text.partition("..")
    if not sep:
        raise ValueError(f"bereik {text!r} moet de vorm min..max hebben")
    return (Decimal(low) if low.strip() else None, Decimal(high) if high.strip() else None)


def _parse_column(row: dict[str, str], source: Path) -> Column:
    name = row["kolom"].strip()
    spec = row["type"].strip()
    base, _, arg = spec.partition(":")
    extra: dict = {}
    if base == "amount":
        extra["decimals"] = int(arg) if arg else 2
    elif base == "enum":
        extra["choices"] = tuple(v.strip() for v in arg.split("|") if v.strip())
        if not extra["choices"]:
            raise ValueError(f"{source}: enum zonder waarden bij kolom {name}")
    elif base == "measure":
        extra["year_offset"] = int(arg or 0)
    elif base not in ("text", "code", "date", "integer", "gemeente", "gemeente_nl"):
        raise ValueError(f"{source}: onbekend type {spec!r} bij kolom {name}")
    required = row["verplicht"].strip().lower()
    if required not in ("ja", "nee"):
        raise ValueError(f"{source}: verplicht moet ja of nee zijn bij kolom {name}")
    minimum, maximum = _parse_range(row.get("bereik") or "")
    aliases = tuple(a.strip() for a in (row.get("aliassen") or "").split("|") if a.strip())
    return Column(name=name, type=base, required=required == "ja", aliases=aliases,
                  minimum=minimum, maximum=maximum, **extra)


def load_soort(name: str, columns_dir: Path | None = None) -> Soort:
    """Read one soort's column map from its CSV."""
    source = (columns_dir or COLUMNS_DIR) / f"{name}.csv"
    with open(source, encoding="utf-8-sig", newline="") as f:
        columns = tuple(_parse_column(row, source) for row in csv.DictReader(f, delimiter=";"))
    return Soort(name=name, snapshot=name in MOMENTOPNAME_SOORTEN, columns=columns,
                key=_KEYS.get(name, ()), order_rules=_ORDER_RULES.get(name, ()))


@cache
def get_soort(name: str) -> Soort:
    if name not in SOORT_NAMEN:
        raise KeyError(f"onbekende soort export: {name}")
    return load_soort(name)


_FILENAME = re.compile(r"^(?P<stem>.+?)(?:_(?P<date>\d{8}))?\.(?P<ext>csv|xlsx|json)$", re.IGNORECASE)


# The name CBS gives an open-data download: <table>_UntypedDataSet_<ddmmjjjj>_<hhmmss>.csv
# (or TypedDataSet); the date is the day it was downloaded, which is its peildatum.
_CBS_DOWNLOAD = re.compile(r"^\d{5}[a-z]{3}_(?:un)?typeddataset_(?P<d>\d{2})(?P<m>\d{2})"
                           r"(?P<y>\d{4})(?:_\d{6})?(?:\.[^.]+)*\.(?:csv|json)$", re.IGNORECASE)


def not_an_export(name: str) -> str:
    """Why a file in a delivery is not read, in Dutch, with the soorten accepted and the closest one."""
    base = Path(name).name
    stem = base.rsplit(".", 1)[0].lower() if "." in base else base.lower()
    stem = re.sub(r"_\d{8}$", "", stem).split("_")[0]
    ext = base.rsplit(".", 1)[1].lower() if "." in base else ""
    if ext not in ("csv", "xlsx", "json"):
        waarom = "geen .csv, .xlsx of (alleen cbs) .json"
    elif ext == "json" and stem.startswith("cbs"):
        waarom = "onbekende naam"
    elif ext == "json":
        waarom = "alleen cbs wordt als .json (OData) gelezen"
    else:
        waarom = "geen bekende soort export"
    dichtst = difflib.get_close_matches(stem, SOORT_NAMEN, n=1, cutoff=0.6)
    hint = f"; bedoelt u {dichtst[0]}?" if dichtst else ""
    return (f"{base} is niet gelezen: {waarom}{hint} Bekende soorten: {', '.join(SOORT_NAMEN)} "
            "(bijvoorbeeld indicaties_20250630.csv).")


def parse_filename(name: str | Path) -> tuple[str, date | None] | None:
    """(soort, peildatum) for an export file name, None when it is not an export.

    The soort is the name's prefix (``Indicaties_Assen_20250301.xlsx`` is ``indicaties``);
    ``.json`` is only CBS OData. A CBS open-data download keeps the name CBS gave it
    (``37259ned_UntypedDataSet_05022020_161506.csv`` is ``cbs`` of 5 February 2020). An eight-digit suffix that is no real date raises
    ValueError: silently ignoring it could let an older snapshot replace a newer one.
    """
    base = Path(name).name
    if cbs := _CBS_DOWNLOAD.match(base):
        try:
            return "cbs", date(int(cbs["y"]), int(cbs["m"]), int(cbs["d"]))
        except ValueError:
            raise ValueError(f"{base}: {cbs['d']}{cbs['m']}{cbs['y']} is geen geldige "
                             "downloaddatum (CBS schrijft _DDMMJJJJ)") from None
    m = _FILENAME.match(base)
    if not m:
        return None
    stem, ext = m["stem"].lower(), m["ext"].lower()
    soort = next((k for k in SOORT_NAMEN
                 if stem == k or (stem.startswith(k) and stem[len(k)] in "_- ")), None)
    if soort is None or (ext == "json" and soort != "cbs"):
        return None
    if m["date"] is None:
        return soort, None
    d = m["date"]
    try:
        return soort, date(int(d[:4]), int(d[4:6]), int(d[6:]))
    except ValueError:
        raise ValueError(f"{base}: {d} is geen geldige peildatum (verwacht _JJJJMMDD)") from None
