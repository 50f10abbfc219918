"""What a view needs to know about the request: filters, scope, warehouse info, period."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from dashboard import access, data
from dashboard import filters as flt
from dashboard.data import Selectie


@dataclass(frozen=True)
class Context:
    filters: flt.Filters
    scope: frozenset
    info: dict
    eerste: dt.date
    laatste: dt.date
    gemeente: str | None = None  # the gemeente page's path variable

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

    def gemeente_namen(self) -> dict[str, str]:
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
                   eerste=eerste, laatste=laatste, gemeente=gemeente)
