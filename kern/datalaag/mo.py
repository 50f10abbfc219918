"""The MO marts the views and reports read (issue 13): scoped like the BW figures, the MO result
at region level."""
from __future__ import annotations

import pandas as pd

from kern.datalaag.query import Selectie
from kern.datalaag.scope import _gescoped, _regionaal


def _mo_scoped(naam: str):
    def lees(scope, sel: Selectie | None = None) -> pd.DataFrame:
        return _gescoped(naam, scope, sel)
    lees.__name__ = lees.__qualname__ = naam
    lees.__doc__ = f"warehouse/queries/{naam}.sql for the allowed gemeenten (scope ∩ sel)."
    return lees


mo_clienten_maand = _mo_scoped("mo_clienten_maand")
mo_stromen_maand = _mo_scoped("mo_stromen_maand")
mo_kosten_maand = _mo_scoped("mo_kosten_maand")
mo_kosten_jaar = _mo_scoped("mo_kosten_jaar")
mo_verblijfsduur = _mo_scoped("mo_verblijfsduur")
doelgroep_overgangen_maand = _mo_scoped("doelgroep_overgangen_maand")
doelgroep_overlap_maand = _mo_scoped("doelgroep_overlap_maand")


def mo_resultaat_jaar(scope) -> pd.DataFrame:
    """The MO result and the Reserve MO per year: region level (not distributed, art. 8.7)."""
    return _regionaal("mo_resultaat_jaar", scope)
