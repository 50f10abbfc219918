"""The marts the visual builders read: metadata, scoped municipal figures, region level, data quality,
result versions. Every function goes through `q.query` (kern/datalaag/query.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kern.datalaag import query as q
from kern.datalaag import verbinding
from kern.datalaag.query import Selectie
from kern.datalaag.scope import (
    _gescoped,
    _regionaal,
    _regiototaal,
    regio_gemeenten,
    toegestane_gemeenten,
)
from kern.datalaag.verbinding import WarehouseFout
from kern.kalender import eerste_van_maand

# --- metadata ----------------------------------------------------------------------------------

_GEEN = object()


def _per_versie(naam: str, maak):
    """`maak()` once per warehouse version (the version this request reads); emptied by leeg_cache()."""
    _con, versie = verbinding._verbinding()
    sleutel = (naam, versie)
    waarde = q._memo.get(sleutel, _GEEN)
    if waarde is _GEEN:
        waarde = maak()
        with q._cache_lock:
            for oud in [k for k in q._memo if k[0] == naam and k[1] != versie]:
                del q._memo[oud]
            q._memo[sleutel] = waarde
    return waarde


def warehouse_info() -> dict:
    return dict(_per_versie("warehouse_info", _warehouse_info))


def _warehouse_info() -> dict:
    df = q.query("warehouse_info")
    if df.empty:
        raise WarehouseFout("Het datawarehouse bevat geen peildatum. Meld dit bij de beheerder.")
    rij = df.iloc[0]
    return {"peildatum": pd.Timestamp(rij["peildatum"]).date(), "regio": rij["regio"],
            "geladen_op": pd.Timestamp(rij["geladen_op"]).to_pydatetime(), "versie": rij["versie"]}


def maanden_bereik() -> tuple[dt.date, dt.date]:
    """(first month, peildatum's month) the dashboard can show."""
    return _per_versie("maanden_bereik", _maanden_bereik)


def _maanden_bereik() -> tuple[dt.date, dt.date]:
    info = warehouse_info()
    df = q.query("maanden_bereik")
    laatste = eerste_van_maand(info["peildatum"])
    eerste = df["eerste_maand"].iloc[0] if not df.empty else None
    eerste = laatste if pd.isna(eerste) else pd.Timestamp(eerste).date()
    return min(eerste, laatste), laatste


def wlz_sinds() -> dt.date:
    """The day the Wlz opened to ggz clients (warehouse/seeds/wlz_ggz.csv), where the cumulative
    outflow to the Wlz starts (warehouse/queries/wlz_cumulatief.sql reads the same seed)."""
    return _per_versie("wlz_sinds", lambda: pd.Timestamp(q.query("wlz_sinds")["open_sinds"].iloc[0]).date())


def wlz_besluiten() -> tuple[tuple[str, str, str], ...]:
    """The decisions on a Wlz request in their order (warehouse/seeds/wlz_besluiten.csv): (column
    of marts.wlz_aanvragen_maand, label on the screens, label in the report)."""
    return _per_versie("wlz_besluiten", lambda: tuple(
        (r.kolom, r.label, r.rapport_label) for r in q.query("wlz_besluiten").itertuples()))


def wlz_reden_codes() -> str:
    """The WMO588 codes counted as uitstroom to the Wlz (warehouse/seeds/wmo588_redenen.csv,
    naar_wlz = ja), as the screens and the report print them: '39' (more: '39 en 40')."""
    def maak():
        codes = q.query("wlz_redenen")["reden_code"].tolist()
        return " en ".join([", ".join(codes[:-1]), codes[-1]]) if len(codes) > 1 else "".join(codes)
    return _per_versie("wlz_reden_codes", maak)


def gemeenten(scope) -> pd.DataFrame:
    regio = regio_gemeenten()
    return regio[regio["gemeente_code"].isin(toegestane_gemeenten(scope))].reset_index(drop=True)


# --- municipal figures (scoped) ------------------------------------------------------------------
# Each is `f(scope, sel: Selectie) -> DataFrame` for warehouse/queries/<name>.sql: rows of the
# allowed gemeenten only (scope ∩ sel), none for an empty scope.

def _scoped_query(naam: str):
    def lees(scope, sel: Selectie | None = None) -> pd.DataFrame:
        return _gescoped(naam, scope, sel)
    lees.__name__ = lees.__qualname__ = naam
    lees.__doc__ = f"warehouse/queries/{naam}.sql for the allowed gemeenten (scope ∩ sel)."
    return lees


clienten_maand = _scoped_query("clienten_maand")
clienten_per_levering = _scoped_query("clienten_per_levering")  # sums: one month's stand
clienten_per_gemeente = _scoped_query("clienten_per_gemeente")
stromen_som = _scoped_query("stromen_som")
stromen_maand = _scoped_query("stromen_maand")
kosten_maand = _scoped_query("kosten_maand")
uitstroom_reden_maand = _scoped_query("uitstroom_reden_maand")
doorstroom_maand = _scoped_query("doorstroom_maand")
verblijfsduur = _scoped_query("verblijfsduur")
wlz_aanvragen_maand = _scoped_query("wlz_aanvragen_maand")
wlz_aanvragen_open = _scoped_query("wlz_aanvragen_open")
wlz_cumulatief = _scoped_query("wlz_cumulatief")
kosten_jaar = _scoped_query("kosten_jaar")
kengetallen_jaar = _scoped_query("kengetallen_jaar")
inwoners_jaar = _scoped_query("inwoners_jaar")


# --- region level (need a non-empty scope; never a breakdown by gemeente except the settlement) ---

def regio_kengetallen_jaar(scope) -> pd.DataFrame:
    return _regionaal("regio_kengetallen_jaar", scope)


def resultaat_jaar(scope) -> pd.DataFrame:
    return _regionaal("resultaat_jaar", scope)


def resultaat_verdeling(scope) -> pd.DataFrame:
    """All municipalities' shares: the settlement is agreed jointly (issue 4)."""
    return _regionaal("resultaat_verdeling", scope)


def regio_clienten_maand(scope, sel: Selectie | None = None) -> pd.DataFrame:
    """Region stand per month x tussenvorm x leveringsvorm (no gemeente column)."""
    return _regiototaal("regio_clienten_maand", scope, sel)


def regio_stromen_maand(scope, sel: Selectie | None = None) -> pd.DataFrame:
    """Region flows per month (no gemeente column)."""
    return _regiototaal("regio_stromen_maand", scope, sel)


def regio_inwoners_jaar(scope) -> pd.DataFrame:
    """Region population on 1 January per year."""
    return _regiototaal("regio_inwoners_jaar", scope, None)


# --- data quality: by role (beheer, regio), not by municipality; the caller decides ------------

def _alleen_als(naam: str, mag_inzien: bool) -> pd.DataFrame:
    df = q.query(naam)
    return df if mag_inzien is True else df.iloc[0:0]


def laadlog(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("laadlog", mag_inzien)


def afgekeurd_per_reden(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("afgekeurd_per_reden", mag_inzien)


def producten_buiten_catalogus(mag_inzien: bool) -> pd.DataFrame:
    return _alleen_als("producten_buiten_catalogus", mag_inzien)


def afgekeurde_regels(mag_inzien: bool) -> pd.DataFrame:
    """Every rejected line with the line as delivered (`rij`, JSON). It may hold pseudonymous
    client numbers: the caller masks them for everyone but the regio role."""
    return _alleen_als("afgekeurde_regels", mag_inzien)


def datakwaliteit_sectie(mag_inzien: bool, scope) -> dict[str, list[dict]]:
    """The Datakwaliteit page in one query (warehouse/queries/datakwaliteit_pagina.sql): per part
    ('laadlog', 'afgekeurd', 'regels', 'producten', 'balans') the rows its own query above gives,
    as dicts. Nothing unless the caller may see data quality (the role decision, as above); the
    balance check holds the region's client counts, so 'balans' also needs a non-empty scope.
    'regels' may hold pseudonymous client numbers: the caller masks them as for afgekeurde_regels."""
    if mag_inzien is not True:
        return {}
    return q.delen("datakwaliteit_pagina", {"balans": bool(toegestane_gemeenten(scope))})


# --- result versions and accountability reports (issue 5; region level) -----------------------
def verrekening(scope) -> pd.DataFrame:  # voorlopig, definitief and the difference per gemeente
    return _regionaal("verrekening", scope)


def resultaat_versies(scope) -> pd.DataFrame:  # fixed versions, corrections included
    return _regionaal("resultaat_versies", scope)


def rapport_regio_maand(scope) -> pd.DataFrame:  # region totals per month (no gemeente rows)
    return _regionaal("rapport_regio_maand", scope)
