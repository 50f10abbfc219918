"""The MO marts the views and reports read (issue 13): scoped like the BW figures, the MO result
at region level. A warehouse built before MO had marts has none of them: every function then
returns an empty frame with the query's columns, so the BW pages keep working until the next
load rebuilds the warehouse."""
from __future__ import annotations

import pandas as pd

import kern.data as pakket
from kern.data import Selectie

_KOLOMMEN = {
    "mo_clienten_maand": "maand gemeente_code gemeente_naam opvangvorm leveringsvorm actief",
    "mo_stromen_maand": "maand gemeente_code gemeente_naam instroom nieuwe_clienten uitstroom",
    "mo_kosten_maand": "maand gemeente_code gemeente_naam kosten_eur",
    "mo_kosten_jaar": "jaar gemeente_code gerealiseerd_eur prognose_eur",
    "mo_verblijfsduur": "gemeente_code status uitstroomjaar duurklasse klasse_volgorde episodes",
    "doelgroep_overgangen_maand": "maand gemeente_code richting aantal",
    "doelgroep_overlap_maand": "maand gemeente_code aantal",
    "mo_resultaat_jaar": "jaar versie baten_eur clientgebonden_kosten_eur clientgebonden_gerealiseerd_eur "
                         "clientgebonden_prognose_eur uitvoeringskosten_eur uitvoeringsnorm_eur resultaat_eur "
                         "onttrekking_eur reserve_begin_eur reserve_eind_eur",
}


def heeft_mo() -> bool:
    """Whether the published warehouse has the MO marts."""
    return "marts.mo_resultaat_jaar" in set(pakket.query("rapport_tabellen")["tabel"])


def _leeg(naam: str) -> pd.DataFrame:
    return pd.DataFrame(columns=_KOLOMMEN[naam].split())


def _mo_scoped(naam: str):
    def lees(scope, sel: Selectie | None = None) -> pd.DataFrame:
        return pakket._gescoped(naam, scope, sel) if heeft_mo() else _leeg(naam)
    lees.__name__ = lees.__qualname__ = naam
    lees.__doc__ = f"warehouse/queries/{naam}.sql for the allowed gemeenten (scope ∩ sel); empty without MO marts."
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
    return pakket._regionaal("mo_resultaat_jaar", scope) if heeft_mo() else _leeg("mo_resultaat_jaar")
