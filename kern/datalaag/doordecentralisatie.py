"""The doordecentralisatie marts for the visual builders and the reports: budget, woonplaats, cohorts.
Every function goes through kern/datalaag/query.py and takes the caller's scope.

The page's two sections (`budget_sectie`, `woonplaats_sectie`) are one query each, shaped in SQL
for what the visuals show (warehouse/queries/doordecentralisatie_*.sql): a query's fixed cost is
most of what a small one costs, and the rows come back as plain dicts per part, not frames to
regroup per request."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kern.datalaag import query as q
from kern.datalaag.marts import _scoped_query
from kern.datalaag.query import Selectie
from kern.datalaag.scope import _params, _regionaal, toegestane_gemeenten

budget_jaar = _scoped_query("budget_jaar")
cohort_maand = _scoped_query("cohort_maand")


def budget_sectie(scope, sel: Selectie) -> dict[str, list[dict]]:
    """warehouse/queries/doordecentralisatie_budget.sql: per part ('gemeente', 'regio') its rows.
    'gemeente' covers the allowed gemeenten of `sel` (scope ∩ sel) only; the region's totals need a
    non-empty scope (never a row per gemeente)."""
    params = {**_params(scope, sel), "regio": bool(toegestane_gemeenten(scope))}
    return q.delen("doordecentralisatie_budget", params)


def woonplaats_sectie(scope, sel: Selectie, maand: dt.date) -> dict:
    """warehouse/queries/doordecentralisatie_woonplaats.sql for `maand`: per part ('herkomst',
    'hier', 'cel') the rows of the allowed gemeenten of `sel` only, and under 'info' what
    `doordecentralisatie_info` gives (empty for an empty scope)."""
    delen: dict = q.delen("doordecentralisatie_woonplaats", {**_params(scope, sel), "maand": maand})
    rij = delen.get("info", [None])[0]
    delen["info"] = _info(rij if toegestane_gemeenten(scope) else None)  # deny by default
    return delen


def _info(rij: dict | None) -> dict:
    """marts.doordecentralisatie_info's row as the screens use it; {} without one."""
    if rij is None:
        return {}
    datum = rij["overgangsdatum"]
    return {"overgangsdatum": None if pd.isna(datum) else pd.Timestamp(datum).date(),
            "bw_indicaties": int(rij["bw_indicaties"]),
            "bw_indicaties_met_verblijf": int(rij["bw_indicaties_met_verblijf"]),
            "budget_rijen": int(rij["budget_rijen"])}


def doordecentralisatie_info(scope) -> dict:
    """{'overgangsdatum': date|None, 'bw_indicaties', 'bw_indicaties_met_verblijf', 'budget_rijen'};
    empty for an empty scope."""
    df = _regionaal("doordecentralisatie_info", scope)
    return _info(next(iter(df.to_dict("records")), None))


__all__ = ["Selectie", "budget_jaar", "budget_sectie", "cohort_maand", "doordecentralisatie_info",
           "woonplaats_sectie"]
