"""The filter state: parsed from and written to the URL query string (pure functions).

Query parameters (all optional):
  van, tot      first and last month, 'YYYY-MM' (default: the last 12 months up to the peildatum)
  subregio      subregio codes, comma separated ('NMD')
  gemeente      gemeente codes, comma separated ('GM0106,GM1680')
  tussenvorm    tussenvormen, comma separated
  levering      leveringsvormen ('ZIN', 'PGB')
  korrel        the grain of time series: maand (default), kwartaal, halfjaar, jaar
  kg, km        cross-filter selection: one gemeente code, one month 'YYYY-MM'
Unknown or malformed values are dropped; what a user may see is decided in kern/data.py.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from kern import formats
from kern.kalender import aantal_maanden, begin_tijdvak, eerste_van_maand, plus_maanden
from kern.kleuren import LEVERINGSVORMEN, TUSSENVORMEN

_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
_GEMEENTE = re.compile(r"^GM\d{4}$")
_SUBREGIO = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
KORRELS = {"maand": 1, "kwartaal": 3, "halfjaar": 6, "jaar": 12}  # grain -> months per period
KORREL_LABEL = {"maand": "Maand", "kwartaal": "Kwartaal", "halfjaar": "Halfjaar", "jaar": "Jaar"}


def maand_van(tekst: str | None) -> dt.date | None:
    """'2024-03' -> date(2024, 3, 1); anything else -> None."""
    m = _MAAND.match((tekst or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def maand_tekst(d: dt.date | None) -> str | None:
    return None if d is None else f"{d.year:04d}-{d.month:02d}"


@dataclass(frozen=True)
class Filters:
    van: dt.date | None = None
    tot: dt.date | None = None
    subregio: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()
    tussenvormen: tuple[str, ...] = ()
    leveringsvormen: tuple[str, ...] = ()
    kruis_gemeente: str | None = None
    kruis_maand: dt.date | None = None
    korrel: str = "maand"

    def zonder_kruisfilter(self) -> Filters:
        return replace(self, kruis_gemeente=None, kruis_maand=None)


def _lijst(qs: dict, naam: str) -> list[str]:
    waarden = []
    for v in qs.get(naam, []):
        waarden += [x.strip() for x in v.split(",") if x.strip()]
    return list(dict.fromkeys(waarden))  # unique, order kept


def parse(search: str | None) -> Filters:
    """Parse a URL query string ('?van=2024-01&gemeente=GM0106') into Filters."""
    qs = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    van, tot = maand_van(_first(qs, "van")), maand_van(_first(qs, "tot"))
    if van and tot and van > tot:
        van, tot = tot, van
    kg = _first(qs, "kg")
    return Filters(
        van=van,
        tot=tot,
        subregio=tuple(s for s in _lijst(qs, "subregio") if _SUBREGIO.match(s)),
        gemeenten=tuple(sorted(g.upper() for g in _lijst(qs, "gemeente") if _GEMEENTE.match(g.upper()))),
        tussenvormen=tuple(t for t in TUSSENVORMEN if t in _lijst(qs, "tussenvorm")),
        leveringsvormen=tuple(v for v in LEVERINGSVORMEN if v in [x.upper() for x in _lijst(qs, "levering")]),
        kruis_gemeente=kg.upper() if kg and _GEMEENTE.match(kg.upper()) else None,
        kruis_maand=maand_van(_first(qs, "km")),
        korrel=k if (k := (_first(qs, "korrel") or "").strip().lower()) in KORRELS else "maand",
    )


def _first(qs: dict, naam: str) -> str | None:
    v = qs.get(naam)
    return v[0] if v else None


def to_search(f: Filters) -> str:
    """Filters -> canonical query string ('' when nothing is set)."""
    pairs = [
        ("van", maand_tekst(f.van)),
        ("tot", maand_tekst(f.tot)),
        ("subregio", ",".join(f.subregio)),
        ("gemeente", ",".join(f.gemeenten)),
        ("tussenvorm", ",".join(f.tussenvormen)),
        ("levering", ",".join(f.leveringsvormen)),
        ("korrel", None if f.korrel == "maand" else f.korrel),
        ("kg", f.kruis_gemeente),
        ("km", maand_tekst(f.kruis_maand)),
    ]
    q = urlencode([(k, v) for k, v in pairs if v], safe=",")
    return "?" + q if q else ""


@dataclass(frozen=True)
class Periode:
    van: dt.date
    tot: dt.date

    @property
    def label(self) -> str:
        return formats.periode(self.van, self.tot)

    @property
    def maanden(self) -> int:
        return aantal_maanden(self.van, self.tot)

    def jaar_eerder(self) -> Periode:
        return Periode(plus_maanden(self.van, -12), plus_maanden(self.tot, -12))


def standaard_periode(laatste: dt.date, eerste: dt.date | None = None) -> Periode:
    """The default: the last 12 months up to the peildatum's month."""
    van = plus_maanden(eerste_van_maand(laatste), -11)
    if eerste is not None and van < eerste:
        van = eerste_van_maand(eerste)
    return Periode(van, eerste_van_maand(laatste))


def periode(f: Filters, eerste: dt.date, laatste: dt.date) -> Periode:
    """The selected period, clipped to the months the warehouse holds."""
    eerste, laatste = eerste_van_maand(eerste), eerste_van_maand(laatste)
    std = standaard_periode(laatste, eerste)
    van = min(max(f.van or std.van, eerste), laatste)
    tot = max(min(f.tot or std.tot, laatste), van)
    return Periode(van, tot)


def analyse_periode(f: Filters, eerste: dt.date, laatste: dt.date) -> Periode:
    """The period the other visuals use: one month when a month is cross-filtered."""
    p = periode(f, eerste, laatste)
    if f.kruis_maand and p.van <= f.kruis_maand <= p.tot:
        return Periode(f.kruis_maand, f.kruis_maand)
    return p


def snelkeuzes(eerste: dt.date, laatste: dt.date) -> list[dict]:
    """Quick choices for the period: last 12 months, whole years, half-years (newest first)."""
    eerste, laatste = eerste_van_maand(eerste), eerste_van_maand(laatste)
    std = standaard_periode(laatste, eerste)
    keuzes = [{"label": "Laatste 12 maanden", "value": f"{maand_tekst(std.van)}:{maand_tekst(std.tot)}"},
              {"label": "Alle maanden", "value": f"{maand_tekst(eerste)}:{maand_tekst(laatste)}"}]
    for jaar in range(laatste.year, eerste.year - 1, -1):
        for van_m, tot_m, naam in ((7, 12, f"2e helft {jaar}"), (1, 6, f"1e helft {jaar}")):
            van, tot = dt.date(jaar, van_m, 1), dt.date(jaar, tot_m, 1)
            if van > laatste or tot < eerste:
                continue
            label = naam if tot <= laatste else f"{naam} (t/m {formats.maand(laatste)})"
            keuzes.append({"label": label, "value": f"{maand_tekst(max(van, eerste))}:{maand_tekst(min(tot, laatste))}"})
        van, tot = dt.date(jaar, 1, 1), dt.date(jaar, 12, 1)
        label = f"Jaar {jaar}" if tot <= laatste else f"Jaar {jaar} (t/m {formats.maand(laatste)})"
        keuzes.append({"label": label, "value": f"{maand_tekst(max(van, eerste))}:{maand_tekst(min(tot, laatste))}"})
    uniek: dict[str, dict] = {}
    for k in keuzes:  # '1e helft 2024' and 'Jaar 2024 (t/m jun 2024)' can be the same months
        uniek.setdefault(k["value"], k)
    return list(uniek.values())


def tijdvak_begin(d: dt.date, korrel: str) -> dt.date:
    """The first month of the period of `korrel` that holds month `d` (calendar quarters,
    half-years and years)."""
    return begin_tijdvak(d, KORRELS[korrel])


def korrel_opties() -> list[dict]:
    return [{"label": KORREL_LABEL[k], "value": k} for k in KORRELS]


def maand_opties(eerste: dt.date, laatste: dt.date) -> list[dict]:
    opties, m = [], eerste_van_maand(eerste)
    while m <= laatste:
        opties.append({"label": formats.maand(m), "value": maand_tekst(m)})
        m = plus_maanden(m, 1)
    return opties
