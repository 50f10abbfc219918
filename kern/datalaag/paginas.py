"""Queries shaped for one page section each (warehouse/queries/<pagina>_*.sql): what the visuals of
that section add up, summed in DuckDB, so a cold page runs a few queries instead of regrouping row
frames per visual. Scoped like the row queries they replace (kern/datalaag/marts.py): rows of the
allowed gemeenten only, none for an empty scope; the `regio`/`resultaat` ones are region level."""
from __future__ import annotations

import pandas as pd

from kern.datalaag import query as q
from kern.datalaag.marts import _scoped_query
from kern.datalaag.query import Selectie
from kern.datalaag.scope import (
    _params,
    _regionaal,
    _regiototaal,
    _regiototaal_params,
    toegestane_gemeenten,
)

# Overzicht and Cliënten
overzicht_stand = _scoped_query("overzicht_stand")
overzicht_stromen = _scoped_query("overzicht_stromen")
overzicht_mo = _scoped_query("overzicht_mo")
clienten_stand_maand = _scoped_query("clienten_stand_maand")
clienten_vorm_maand = _scoped_query("clienten_vorm_maand")
clienten_matrix = _scoped_query("clienten_matrix")
clienten_verblijfsduur = _scoped_query("clienten_verblijfsduur")
# In- en uitstroom, Wlz, Maatschappelijke opvang
stromen_pagina_maand = _scoped_query("stromen_pagina_maand")
uitstroom_per_reden = _scoped_query("uitstroom_per_reden")
doorstroom_som = _scoped_query("doorstroom_som")
wlz_pagina_maand = _scoped_query("wlz_pagina_maand")
wlz_per_gemeente = _scoped_query("wlz_per_gemeente")
wlz_open_som = _scoped_query("wlz_open_som")
mo_pagina_maand = _scoped_query("mo_pagina_maand")
mo_verblijfsduur_som = _scoped_query("mo_verblijfsduur_som")
# Financiën
financien_kosten = _scoped_query("financien_kosten")


def overzicht_regio(scope, sel: Selectie | None = None) -> pd.DataFrame:
    """The whole region in one row (sums over all its municipalities, never a row per gemeente)."""
    return _regiototaal("overzicht_regio", scope, sel)


def overzicht_resultaat(scope) -> pd.DataFrame:
    """The BW and MO result per year (region level, not distributed)."""
    return _regionaal("overzicht_resultaat", scope)


def financien_verdeling(scope) -> pd.DataFrame:
    """The settlement year the Financiën page shows, with the fixed shares (agreed jointly)."""
    return _regionaal("financien_verdeling", scope)


# The same answers as {column: list} (query.kolommen: no DataFrame), for the visual builders that
# only read them row by row; scoped as their frame twins above: no rows for an empty scope.

def _gescoped_kolommen(naam: str, scope, sel: Selectie | None) -> dict[str, list]:
    params = _params(scope, sel or Selectie())
    uit = q.kolommen(naam, params)
    return uit if params["gemeenten"] else {k: [] for k in uit}  # deny by default: same columns, no rows


def _regionaal_kolommen(naam: str, scope) -> dict[str, list]:
    uit = q.kolommen(naam)
    return uit if toegestane_gemeenten(scope) else {k: [] for k in uit}


def financien_verdeling_kolommen(scope) -> dict[str, list]:
    """financien_verdeling(), as lists per column."""
    return _regionaal_kolommen("financien_verdeling", scope)


def resultaat_jaar_kolommen(scope) -> dict[str, list]:
    """resultaat_jaar.sql (region level, not distributed), as lists per column."""
    return _regionaal_kolommen("resultaat_jaar", scope)


def overzicht_stand_kolommen(scope, sel: Selectie | None = None) -> dict[str, list]:
    """overzicht_stand.sql for the allowed gemeenten, as lists per column."""
    return _gescoped_kolommen("overzicht_stand", scope, sel)


def overzicht_stromen_kolommen(scope, sel: Selectie | None = None) -> dict[str, list]:
    """overzicht_stromen.sql for the allowed gemeenten, as lists per column (one row)."""
    return _gescoped_kolommen("overzicht_stromen", scope, sel)


def overzicht_mo_kolommen(scope, sel: Selectie | None = None) -> dict[str, list]:
    """overzicht_mo.sql for the allowed gemeenten, as lists per column (one row)."""
    return _gescoped_kolommen("overzicht_mo", scope, sel)


def overzicht_regio_kolommen(scope, sel: Selectie | None = None) -> dict[str, list]:
    """overzicht_regio(), as lists per column: the whole region's sums (scope.py's _regiototaal:
    the gemeente and subregio filters do not apply), no row for an empty scope."""
    params = _regiototaal_params(scope, sel)
    uit = q.kolommen("overzicht_regio", params)
    if "gemeente_code" in uit:  # pragma: no cover - a query that would break the rule
        raise ValueError("regiototaal overzicht_regio geeft rijen per gemeente")
    return uit if params["gemeenten"] else {k: [] for k in uit}


def overzicht_resultaat_kolommen(scope) -> dict[str, list]:
    """overzicht_resultaat(), as lists per column."""
    return _regionaal_kolommen("overzicht_resultaat", scope)
