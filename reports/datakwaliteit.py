"""Section 8, datakwaliteit (region reports only): product codes outside the region's catalogue."""
from __future__ import annotations

import pandas as pd

from kern.afscherming import Afscherming
from reports.model import Kolom, Sectie, Tabel


def datakwaliteit_sectie(pb: pd.DataFrame, a: Afscherming) -> Sectie:
    return Sectie("9. Datakwaliteit", [
        "Productcodes van categorie 15 (beschermd wonen) die niet in de productcatalogus van de regio staan. Zij "
        "tellen mee als beschermd wonen met tussenvorm 'Onbekend'."
        if len(pb) else "Alle producten van categorie 15 staan in de productcatalogus van de regio."],
        [_datakwaliteit_tabel(pb, a)] if len(pb) else [])


def _datakwaliteit_tabel(pb: pd.DataFrame, a: Afscherming) -> Tabel:
    """Indications and clients per product code: counts, published by kern.afscherming."""
    matrix = [[str(r.productcode), str(r.productcategorie) if not pd.isna(r.productcategorie) else "",
               a.aantal(int(r.indicaties)), a.aantal(int(r.clienten))] for r in pb.itertuples()]
    return Tabel("datakwaliteit", "Productcodes buiten de catalogus", "Datakwaliteit",
                 [Kolom("Productcode"), Kolom("Productcategorie"), Kolom("Indicaties", "aantal"),
                  Kolom("Cliënten", "aantal")], matrix)
