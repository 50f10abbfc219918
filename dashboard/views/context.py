"""What a view needs to know about the request: filters, scope, user, warehouse info, period.

Small numbers: views compute with exact counts and hide them only at the end, through the
helpers below (`afschermen` for tables, `aantal` for text, `plotbaar` for charts), so a
`gemeente` or `beheer` user never sees a count from 1 to the threshold; `regio` sees exact
counts (docs/security.md, Privacy rules)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from dashboard import access, data, formats
from dashboard import filters as flt
from dashboard.auth import privacy, roles
from dashboard.data import Selectie


@dataclass(frozen=True)
class Context:
    filters: flt.Filters
    scope: frozenset
    info: dict
    eerste: dt.date
    laatste: dt.date
    gemeente: str | None = None  # the gemeente page's path variable
    gebruiker: roles.User | None = None  # the session's user (None: sees nothing, counts hidden)

    # --- who sees what ---------------------------------------------------------------------

    @property
    def exact(self) -> bool:
        """True when the user sees exact counts (the region role)."""
        return roles.sees_exact_counts(self.gebruiker)

    @property
    def mag_datakwaliteit(self) -> bool:
        return access.mag_datakwaliteit(self.gebruiker)

    def klein(self, waarde) -> bool:
        """A count this user may not see exactly."""
        return not self.exact and privacy.is_small(waarde, privacy.threshold_from_env())

    def aantal(self, waarde, teken: bool = False) -> str:
        """A count for text: '< 5' when small, else Dutch formatted."""
        return privacy.label(privacy.threshold_from_env()) if self.klein(waarde) else formats.getal(waarde, teken=teken)

    def plotbaar(self, waarden) -> list:
        """Values for a chart: small counts become missing (not drawn, no hover)."""
        return [float("nan") if self.klein(v) else v for v in waarden]

    def afschermen(self, df: pd.DataFrame, kolommen, afgeleid: dict | None = None) -> pd.DataFrame:
        """Last step before display or export: small counts in `kolommen` become '< 5'; a
        column derived from a count (afgeleid: {derived: [counts]}), such as a rate from which
        the count could be recomputed, becomes '–' where one of its counts is small. Never
        sum the result."""
        if self.exact or df.empty:
            return df
        uit = df.copy()
        for kolom, bronnen in (afgeleid or {}).items():
            verborgen = pd.Series(False, index=uit.index)
            for bron in bronnen:
                verborgen |= uit[bron].map(self.klein).astype(bool)
            uit[kolom] = uit[kolom].astype(object).where(~verborgen, formats.LEEG)
        return privacy.suppress_counts(uit, [k for k in kolommen if k in uit.columns])

    @cached_property
    def periode(self) -> flt.Periode:
        """The period of the filter pane (trend visuals)."""
        return flt.periode(self.filters, self.eerste, self.laatste)

    @cached_property
    def analyse(self) -> flt.Periode:
        """The period the other visuals use: the cross-filtered month if one is selected."""
        return flt.analyse_periode(self.filters, self.eerste, self.laatste)

    @property
    def kruis_maand(self) -> str | None:
        km = self.filters.kruis_maand
        if km and self.periode.van <= km <= self.periode.tot:
            return flt.maand_tekst(km)
        return None

    @property
    def kruis_gemeente(self) -> str | None:
        return self.filters.kruis_gemeente

    def selectie(self, periode: flt.Periode | None = None, *, kruis_gemeente: bool = True,
                 tussenvorm: bool = True, levering: bool = True,
                 gemeenten: tuple[str, ...] | None = None) -> Selectie:
        f = self.filters
        gem = tuple(f.gemeenten) if gemeenten is None else gemeenten
        if kruis_gemeente and f.kruis_gemeente:
            gem = (f.kruis_gemeente,) if not gem or f.kruis_gemeente in gem else ("-",)
        p = periode or self.analyse
        return Selectie(van=p.van, tot=p.tot, gemeenten=gem, subregio=f.subregio,
                        tussenvormen=f.tussenvormen if tussenvorm else (),
                        leveringsvormen=f.leveringsvormen if levering else ())

    def onthoud(self, sleutel, maak):
        """`maak()` once per context (one request): several visuals on a page share a frame.
        Returns a copy-on-write copy of a DataFrame, so a visual cannot change another's."""
        memo = self.__dict__.setdefault("_memo", {})
        if sleutel not in memo:
            memo[sleutel] = maak()
        waarde = memo[sleutel]
        return waarde.copy(deep=False) if isinstance(waarde, pd.DataFrame) else waarde

    def gemeente_namen(self) -> dict[str, str]:
        return dict(self.onthoud("gemeente_namen", self._gemeente_namen))

    def _gemeente_namen(self) -> dict[str, str]:
        df = data.gemeenten(self.scope)
        return dict(zip(df["gemeente_code"], df["gemeente_naam"]))

    def selectie_label(self) -> str:
        """Which municipalities the figures cover, in words."""
        codes = data.toegestane_gemeenten(self.scope, self.selectie())
        alle = data.toegestane_gemeenten(self.scope)
        if codes and set(codes) == set(alle) and len(alle) == len(data.regio_gemeenten()):
            return f"regio {self.info['regio']}"
        namen = self.gemeente_namen()
        if len(codes) <= 3:
            return ", ".join(namen.get(c, c) for c in codes) or "geen gemeenten"
        return f"{len(codes)} gemeenten"


def maak_context(search: str | None, gemeente: str | None = None) -> Context:
    """Build the context for a request. Raises data.WarehouseFout when the warehouse is unusable."""
    info = data.warehouse_info()
    eerste, laatste = data.maanden_bereik()
    return Context(filters=flt.parse(search), scope=access.current_scope(), info=info,
                   eerste=eerste, laatste=laatste, gemeente=gemeente, gebruiker=access.current_user())
