"""The MO marts the visual builders and the reports read (issue 13): scoped like the BW figures, the MO result
at region level."""
from __future__ import annotations

import pandas as pd

from kern.datalaag.marts import _scoped_query
from kern.datalaag.scope import _regionaal

mo_clienten_maand = _scoped_query("mo_clienten_maand")
mo_stromen_maand = _scoped_query("mo_stromen_maand")
mo_kosten_maand = _scoped_query("mo_kosten_maand")
mo_kosten_jaar = _scoped_query("mo_kosten_jaar")
mo_verblijfsduur = _scoped_query("mo_verblijfsduur")
doelgroep_overgangen_maand = _scoped_query("doelgroep_overgangen_maand")
doelgroep_overlap_maand = _scoped_query("doelgroep_overlap_maand")


def mo_resultaat_jaar(scope) -> pd.DataFrame:
    """The MO result and the Reserve MO per year: region level (not distributed, art. 8.7)."""
    return _regionaal("mo_resultaat_jaar", scope)
