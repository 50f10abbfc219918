"""The doordecentralisatie marts for the visual builders and the reports: budget, woonplaats, cohorts.
Every function goes through kern/datalaag/query.py and takes the caller's scope."""
from __future__ import annotations

import pandas as pd

from kern.datalaag.marts import _scoped_query
from kern.datalaag.query import Selectie
from kern.datalaag.scope import _regionaal, _regiototaal

budget_jaar = _scoped_query("budget_jaar")
woonplaats_maand = _scoped_query("woonplaats_maand")
woonplaats_wonend_hier = _scoped_query("woonplaats_wonend_hier")
cohort_maand = _scoped_query("cohort_maand")


def regio_budget_jaar(scope) -> pd.DataFrame:
    """The region's ingroeipad, costs, baten and result per year (sums, no gemeente rows)."""
    return _regiototaal("regio_budget_jaar", scope, None)


def doordecentralisatie_info(scope) -> dict:
    """{'overgangsdatum': date|None, 'bw_indicaties', 'bw_indicaties_met_verblijf', 'budget_rijen'};
    empty for an empty scope."""
    df = _regionaal("doordecentralisatie_info", scope)
    if df.empty:
        return {}
    rij = df.iloc[0]
    datum = rij["overgangsdatum"]
    return {"overgangsdatum": None if pd.isna(datum) else pd.Timestamp(datum).date(),
            "bw_indicaties": int(rij["bw_indicaties"]),
            "bw_indicaties_met_verblijf": int(rij["bw_indicaties_met_verblijf"]),
            "budget_rijen": int(rij["budget_rijen"])}


__all__ = ["Selectie", "budget_jaar", "cohort_maand", "doordecentralisatie_info", "regio_budget_jaar",
           "woonplaats_maand", "woonplaats_wonend_hier"]
