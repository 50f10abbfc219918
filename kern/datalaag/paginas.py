"""Queries shaped for one page section each (warehouse/queries/<pagina>_*.sql): what the visuals of
that section add up, summed in DuckDB, so a cold page runs a few queries instead of regrouping row
frames per visual. Scoped like the row queries they replace (kern/datalaag/marts.py): rows of the
allowed gemeenten only, none for an empty scope; the `regio`/`resultaat` ones are region level."""
from __future__ import annotations

import pandas as pd

from kern.datalaag.marts import _scoped_query
from kern.datalaag.query import Selectie
from kern.datalaag.scope import _regionaal, _regiototaal

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
