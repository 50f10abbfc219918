"""Disclosure control: what a protected viewer may see of a count. One module for the dashboard's
screens and exports and for the council reports (docs/security.md, "Kleine aantallen").

The method starts from CBS practice for its Wmo tables (counts rounded to 5, small ones hidden)
and departs from it where the attacker test (tests/privacy) showed a leak:
- a **count** (`AANTAL`) below the drempel, 0 included (default 0-4), is shown as "< 5";
  every larger count is rounded to a multiple of the base (default 5), up or down at random
  but the same way every time for the same value (`_afgerond`). Each count is rounded on its
  own, totals too, so parts need not add up to their total. A 0 is hidden as well: beside it,
  a "< 5" would mean "at least 1", and four such cells under a total of "< 5" are exactly 1.
- a **derived figure** (a difference, netto, a share, a rate per 1.000, a year-over-year change)
  is computed from the *published* values of its counts, never from the exact ones: it then
  says nothing that those counts do not already say, however it is combined with them. Where a
  count it needs is "< 5" the figure is "–".
- a **cumulative series** is never shown to a protected viewer: consecutive cumulatives give
  every monthly count back, rounded or not. Its cells become "–".
- **amounts** (euros), population and labels are shown as they are.

Pure functions: the caller decides who is protected (`Afscherming.voor(beschermd)`); the
`regio` role sees exact figures, everyone else and every report is protected.
"""
from __future__ import annotations

import hashlib
import hmac
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from kern.omgeving import geheel_getal

LEEG = "–"
STANDAARD_DREMPEL = 5
STANDAARD_BASIS = 5
ONTWIKKELSLEUTEL = "bwmo-ontwikkeling"  # production has BWMO_SECRET_KEY (dashboard/auth/settings.py)


@dataclass(frozen=True)
class Afscherming:
    """How counts are shown to one viewer. `beschermd=False` (the regio role): exact."""
    beschermd: bool = True
    drempel: int = STANDAARD_DREMPEL  # counts 0 .. drempel-1 are shown as "< drempel"
    basis: int = STANDAARD_BASIS      # larger counts are rounded to a multiple of basis (1: not rounded)
    # the secret that decides each value's rounding direction; never in a repr, log or traceback
    sleutel: str = field(default=ONTWIKKELSLEUTEL, repr=False)

    @classmethod
    def voor(cls, beschermd: bool, omgeving: Mapping[str, str] | None = None) -> Afscherming:
        """The configured method (BWMO_KLEINE_AANTALLEN, BWMO_AFRONDEN_OP) for this viewer."""
        env = os.environ if omgeving is None else omgeving
        return cls(beschermd, geheel_getal(env, "BWMO_KLEINE_AANTALLEN", STANDAARD_DREMPEL),
                   geheel_getal(env, "BWMO_AFRONDEN_OP", STANDAARD_BASIS),
                   env.get("BWMO_AFRONDINGSSLEUTEL") or env.get("BWMO_SECRET_KEY") or ONTWIKKELSLEUTEL)

    @property
    def label(self) -> str:
        return f"< {self.drempel}"

    def klein(self, x) -> bool:
        """A count this viewer sees only as "< drempel" (0 included, see `aantal`)."""
        n = _getal(x)
        return self.beschermd and n is not None and n < self.drempel

    def aantal(self, x):
        """The published value of a count: the count itself (exact viewer), the label for 0 up to
        the drempel, or the rounded count. Missing stays missing (None)."""
        n = _getal(x)
        if n is None:
            return None
        if not self.beschermd:
            return x
        if n < self.drempel:  # 0 too: a visible 0 beside '< 5' cells says those are at least 1
            return self.label
        return max(self.basis, _afgerond(int(n), self.basis, self.sleutel))

    def getal(self, x) -> float:
        """A count as a number for a chart: its published value, NaN when it is "< 5" or missing."""
        w = self.aantal(x)
        return float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) else float("nan")

    def uitleg(self) -> str:
        """The method in Dutch words, read from this object (drempel, base), for the screens'
        notes and the reports' reading guide. With the defaults: "Aantallen zijn afgerond op
        veelvouden van 5; aantallen van 0 tot en met 4 staan als '< 5'. Totalen zijn apart
        afgerond, ..." An exact viewer is told that others see them so."""
        a = self if self.beschermd else replace(self, beschermd=True)
        klein = ""
        if a.drempel > 2:
            klein = f"aantallen van 0 tot en met {a.drempel - 1} staan als '{a.label}'"
        elif a.drempel == 2:
            klein = f"een aantal 0 of 1 staat als '{a.label}'"
        if a.basis > 1:
            zin = f"Aantallen zijn afgerond op veelvouden van {a.basis}" + (f"; {klein}." if klein else ".")
            zin += " Totalen zijn apart afgerond, dus de delen tellen niet altijd op tot het totaal."
            zin += " Verschillen, percentages en cijfers per 1.000 inwoners zijn berekend uit de afgeronde aantallen."
        else:
            zin = "Aantallen zijn niet afgerond" + (f"; {klein}." if klein else ".")
            zin += " Verschillen, percentages en cijfers per 1.000 inwoners zijn berekend uit de getoonde aantallen."
        if klein:
            zin += f" Berust zo'n cijfer op een aantal '{a.label}', dan staat er '{LEEG}'."
        zin += " Bedragen in euro's en inwonertallen zijn niet afgerond."
        if not self.beschermd:
            return "U ziet exacte aantallen (rol regio). Voor gemeenten, beheer en in de rapportages: " + zin
        return zin

    # --- derived figures: from published values only ---------------------------------------

    def _bron(self, x) -> float | None:
        w = self.aantal(x)
        if w is None or isinstance(w, str):
            return None
        return float(w)

    def verschil(self, a, b):
        """a - b (netto, a change against a year earlier); None when either is hidden or missing."""
        pa, pb = self._bron(a), self._bron(b)
        return None if pa is None or pb is None else pa - pb

    def aandeel(self, deel, geheel):
        """deel / geheel as a fraction; None when hidden, missing or geheel is 0."""
        pd_, pg = self._bron(deel), self._bron(geheel)
        return None if pd_ is None or not pg else pd_ / pg

    def per_1000(self, aantal, inwoners):
        """aantal per 1.000 inwoners (inwoners are public, CBS) from the published count; None
        when hidden or unknown."""
        return per_1000_inwoners(self._bron(aantal), inwoners)

    def cumulatief(self, x):
        """A cumulative count: exact for an exact viewer, never shown to a protected one."""
        return x if not self.beschermd else None


# --- declared columns of a table ----------------------------------------------------------------

@dataclass(frozen=True)
class Kolom:
    """What a table column is. `soort`: aantal, verschil, aandeel, per_1000, verborgen (shown
    only to an exact viewer: a cumulative series, or a figure that would give counts back),
    bron (a count used only to derive another column: removed from what is shown), or vrij
    (amounts, population, labels, dates: shown as they are). `bronnen`: the columns a derived figure is
    computed from (verschil: a, b; aandeel: deel, geheel; per_1000: aantal, inwoners)."""
    soort: str
    bronnen: tuple[str, ...] = ()


AANTAL = Kolom("aantal")
VERBORGEN = Kolom("verborgen")
CUMULATIEF = VERBORGEN  # consecutive cumulatives give each period's count back
BRON = Kolom("bron")
VRIJ = Kolom("vrij")
SOORTEN = ("aantal", "verschil", "aandeel", "per_1000", "verborgen", "bron", "vrij")
_AFGELEID = {"verschil": 2, "aandeel": 2, "per_1000": 2}


def verschil(a: str, b: str) -> Kolom:
    return Kolom("verschil", (a, b))


def aandeel(deel: str, geheel: str) -> Kolom:
    return Kolom("aandeel", (deel, geheel))


def per_1000(aantal: str, inwoners: str) -> Kolom:
    return Kolom("per_1000", (aantal, inwoners))


def bedragen(df: pd.DataFrame) -> dict[str, Kolom]:
    """Every column shown as it is: for a table of euro amounts, population and labels without a
    single client count (the Financiën tables)."""
    return {c: VRIJ for c in df.columns}


class OnbekendeKolom(ValueError):
    """A numeric column without a declared kind: refused, so no count slips through unprotected."""


def tabel(df: pd.DataFrame, kolommen: Mapping[str, Kolom], a: Afscherming) -> pd.DataFrame:
    """The table as `a`'s viewer may see it. Every numeric column must be declared in `kolommen`
    (deny by default); derived columns are recomputed from the published counts of their
    sources; `bron` columns are dropped. The result may mix numbers and labels: format it for
    display, never sum it."""
    for naam, k in kolommen.items():
        if k.soort not in SOORTEN:
            raise ValueError(f"Onbekende soort '{k.soort}' voor kolom '{naam}'.")
        if len(k.bronnen) != _AFGELEID.get(k.soort, 0):
            raise ValueError(f"Kolom '{naam}' ({k.soort}) heeft {_AFGELEID.get(k.soort, 0)} bronkolommen nodig.")
    for naam in df.columns:
        if naam not in kolommen and _numeriek(df[naam]):
            raise OnbekendeKolom(f"Kolom '{naam}' is numeriek maar heeft geen soort; kan niet afschermen.")
    uit = df.copy()
    weg = [n for n, k in kolommen.items() if k.soort == "bron" and n in uit.columns]
    if not a.beschermd:
        return uit.drop(columns=weg)
    exact = df
    for naam, k in kolommen.items():
        if naam not in uit.columns:
            continue
        if k.soort == "aantal":
            uit[naam] = _kolom([a.aantal(x) for x in exact[naam]], uit.index)
        elif k.soort == "verborgen":
            uit[naam] = _kolom([LEEG] * len(uit), uit.index)
        elif k.soort in _AFGELEID:
            functie = {"verschil": a.verschil, "aandeel": a.aandeel, "per_1000": a.per_1000}[k.soort]
            x, y = (exact[b] for b in k.bronnen)
            uit[naam] = _kolom([LEEG if (w := functie(p, q)) is None else w for p, q in zip(x, y)], uit.index)
    return uit.drop(columns=weg)


def _afgerond(n: int, basis: int, sleutel: str) -> int:
    """n rounded to a multiple of basis, up or down: up with probability (n mod basis) / basis,
    decided by a keyed hash of n alone (unbiased random rounding, made deterministic). The same
    value is rounded the same way on every screen, export and report, so asking again or asking
    another way gives no second draw; and the error can reach basis-1, but rarely, so an interval
    argument over many tables does not end on an exact count (docs/security.md)."""
    onder, rest = divmod(n, basis)
    if rest == 0:
        return n
    h = hmac.new(sleutel.encode(), f"afronding:{basis}:{n}".encode(), hashlib.sha256).digest()
    u = int.from_bytes(h[:8], "big") / 2**64
    return (onder + (1 if u < rest / basis else 0)) * basis


def _kolom(waarden: list, index) -> pd.Series:
    return pd.Series(waarden, index=index, dtype=object)


def _numeriek(s: pd.Series) -> bool:
    if s.empty or pd.api.types.is_bool_dtype(s):  # an empty column shows nothing
        return False
    if pd.api.types.is_numeric_dtype(s):
        return True
    return s.dtype == object and any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in s)


def per_1000_inwoners(aantal, inwoners) -> float | None:
    """The one rule for a rate: aantal per 1.000 inwoners; None when either is unknown or there
    are no inwoners. Screens call it through Afscherming.per_1000 (published counts) or, for
    exact figures, dashboard/visuals/reken.per_1000."""
    a, inw = _getal(aantal), _getal(inwoners)
    return None if a is None or not inw else a / inw * 1000.0


def _getal(x) -> float | None:
    if x is None or isinstance(x, (bool, str)):
        return None
    try:
        n = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(n) else n
