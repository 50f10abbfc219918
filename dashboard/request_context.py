"""What a visual builder needs to know about the request: filters, scope, user, warehouse info, period.

Small numbers: visual builders compute with exact counts. A visual's table declares what each column is
(`Visual.kolommen`) and kern/afscherming.py publishes it when the visual is rendered or
exported; text and charts take counts through `aantal` and `plotbaar`, the same rule. A
`gemeente` or `beheer` user sees counts rounded to 5 and '< 5'; `regio` sees exact counts
(docs/security.md, "Kleine aantallen")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from dashboard import access
from dashboard import filters as flt
from kern import data, formats, rollen
from kern.afscherming import Afscherming
from kern.data import Selectie


@dataclass(frozen=True)
class Context:
    filters: flt.Filters
    scope: frozenset
    info: dict
    eerste: dt.date
    laatste: dt.date
    gemeente: str | None = None  # the gemeente page's path variable
    gebruiker: rollen.User | None = None  # the session's user (None: sees nothing, counts hidden)

    # --- who sees what ---------------------------------------------------------------------

    @property
    def exact(self) -> bool:
        """True when the user sees exact counts (the region role)."""
        return rollen.sees_exact_counts(self.gebruiker)

    @cached_property
    def afscherming(self) -> Afscherming:
        """What this user may see of a count (kern/afscherming.py): exact for the region role,
        rounded and "< 5" for everyone else, deny by default."""
        return Afscherming.voor(beschermd=not self.exact)

    @property
    def mag_datakwaliteit(self) -> bool:
        return access.mag_datakwaliteit(self.gebruiker)

    def klein(self, waarde) -> bool:
        """A count this user sees only as '< 5'."""
        return self.afscherming.klein(waarde)

    def aantal(self, waarde) -> str:
        """A count for text, as published to this user: '< 5', rounded, or exact."""
        w = self.afscherming.aantal(waarde)
        return w if isinstance(w, str) else formats.getal(w)

    def plotbaar(self, waarden) -> list:
        """Counts for a chart, as published: rounded; '< 5' becomes missing (no bar, no hover)."""
        return [self.afscherming.getal(v) for v in waarden]

    @cached_property
    def periode(self) -> flt.Periode:
        """The period of the filter pane (trend visuals)."""
        return flt.periode(self.filters, self.eerste, self.laatste)

    @cached_property
    def analyse(self) -> flt.Periode:
        """The period the other visuals use: the cross-filtered month if one is selected."""
        return flt.analyse_periode(self.filters, self.eerste, self.laatste)

    @property
    def korrel(self) -> str:
        """The grain of time series (maand, kwartaal, halfjaar, jaar; URL parameter korrel)."""
        return self.filters.korrel

    def tijdkolom(self, maanden) -> tuple[str, list, str]:
        """(header, values, opmaak) of a time series table's first column at the chosen grain."""
        if self.korrel == "maand":
            return "Maand", [pd.Timestamp(m).date() for m in maanden], "maand"
        return flt.KORREL_LABEL[self.korrel], [formats.tijdvak(m, self.korrel) for m in maanden], "tekst"

    @property
    def tijd_kruisfilter(self) -> str | None:
        """Clicking a month cross-filters only when the series is per month."""
        return "maand" if self.korrel == "maand" else None

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
