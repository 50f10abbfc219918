"""Scope: which municipalities a caller may see, and the scoped/regional query helpers."""
from __future__ import annotations

import pandas as pd

from kern.datalaag import query as q
from kern.datalaag import verbinding
from kern.datalaag.query import _MAX_DATE, _MIN_DATE, Selectie

# --- scope -------------------------------------------------------------------------------------

def _regio_index() -> tuple[pd.DataFrame, frozenset, dict]:
    """(regio_gemeenten frame, its codes, subregio -> codes), once per warehouse version: the
    scope is checked ~20 times per page. Keyed on the version the request reads (one response,
    one version); emptied by leeg_cache(). Callers must not mutate the frame."""
    _con, versie = verbinding._verbinding()
    gevonden = q._memo.get(("regio", versie))
    if gevonden is not None:
        return gevonden
    df = q.query("regio_gemeenten")
    per_sub: dict = {}
    for code, sub in zip(df["gemeente_code"], df["subregio_code"]):
        per_sub.setdefault(sub, set()).add(code)
    gevonden = (df, frozenset(df["gemeente_code"]), {k: frozenset(v) for k, v in per_sub.items()})
    with q._cache_lock:
        for sleutel in [k for k in q._memo if k[0] == "regio" and k[1] != versie]:
            del q._memo[sleutel]  # an older version: no longer asked for
        q._memo[("regio", versie)] = gevonden
    return gevonden


def regio_gemeenten() -> pd.DataFrame:
    """The municipalities of the published region. Not client data: used to build the scope."""
    return _regio_index()[0].copy(deep=False)  # copy-on-write: callers cannot change the memo


def toegestane_gemeenten(scope, sel: Selectie | None = None) -> list[str]:
    """scope ∩ requested gemeenten ∩ requested subregio's ∩ the region. Empty scope -> []."""
    toegestaan = {str(g) for g in (scope or ())}
    if not toegestaan:
        return []
    _df, alle, per_sub = _regio_index()
    codes = toegestaan & alle
    if sel is not None and sel.gemeenten:
        codes &= set(sel.gemeenten)
    if sel is not None and sel.subregio:
        codes &= set().union(*(per_sub.get(s, ()) for s in sel.subregio))
    return sorted(codes)


def _params(scope, sel: Selectie) -> dict:
    return {
        "gemeenten": toegestane_gemeenten(scope, sel),
        "van": sel.van or _MIN_DATE,
        "tot": sel.tot or _MAX_DATE,
        "tussenvormen": list(sel.tussenvormen),
        "leveringsvormen": list(sel.leveringsvormen),
    }


def _gescoped(naam: str, scope, sel: Selectie | None) -> pd.DataFrame:
    params = _params(scope, sel or Selectie())
    df = q.query(naam, params)
    if not params["gemeenten"]:
        return df.iloc[0:0]  # deny by default: same columns, no rows
    return df


def _regionaal(naam: str, scope) -> pd.DataFrame:
    df = q.query(naam)
    return df if toegestane_gemeenten(scope) else df.iloc[0:0]


def _regiototaal_params(scope, sel: Selectie | None) -> dict:
    """The parameters of a region total: the gemeente and subregio filters do not apply (a
    subregio total minus one's own could be another municipality's figure); period, tussenvorm
    and leveringsvorm do."""
    sel = sel or Selectie()
    return {**_params(scope, Selectie()), "van": sel.van or _MIN_DATE, "tot": sel.tot or _MAX_DATE,
            "tussenvormen": list(sel.tussenvormen), "leveringsvormen": list(sel.leveringsvormen)}


def _regiototaal(naam: str, scope, sel: Selectie | None) -> pd.DataFrame:
    """Sums over ALL municipalities of the region, never a row per gemeente: the comparison a
    gemeente user may see (with _regiototaal_params). Needs a non-empty scope."""
    params = _regiototaal_params(scope, sel)
    df = q.query(naam, params)
    if "gemeente_code" in df.columns:  # pragma: no cover - a query that would break the rule
        raise ValueError(f"regiototaal {naam} geeft rijen per gemeente")
    return df if params["gemeenten"] else df.iloc[0:0]
