"""The Gemeente page's shaped queries: one query where the page's visuals share their figures.
Every function goes through kern/datalaag/query.py and takes the caller's scope."""
from __future__ import annotations

from kern.datalaag import query as q
from kern.datalaag.query import Selectie
from kern.datalaag.scope import _params


def gemeente_kengetallen(scope, code: str) -> dict[str, list]:
    """warehouse/queries/gemeente_kengetallen.sql for `code`: per year (ascending) the gemeente's
    key figures (suffix _g) beside the region's totals (suffix _r), as lists per column (query.kolommen:
    no DataFrame to convert); no rows
    when `code` is not in the scope."""
    params = _params(scope, Selectie(gemeenten=(code,)))
    uit = q.kolommen("gemeente_kengetallen", params)
    return uit if params["gemeenten"] else {k: [] for k in uit}  # deny by default: same columns, no rows


def tussenvorm_maand(scope, sel: Selectie) -> dict[str, list]:
    """warehouse/queries/gemeente_tussenvorm_maand.sql: the stand per month x tussenvorm summed over
    the allowed gemeenten of `sel` (scope ∩ sel), as lists per column (maand, tussenvorm, actief)."""
    params = _params(scope, sel or Selectie())
    uit = q.kolommen("gemeente_tussenvorm_maand", params)
    return uit if params["gemeenten"] else {k: [] for k in uit}


def gemeente_mo_jaar(scope, code: str, tot) -> dict[str, list]:
    """warehouse/queries/gemeente_mo_jaar.sql for `code`: the MO block per year (the stand of the
    month each year ends in, `tot` being the data's last month; flows, shifts, costs), as lists per
    column (query.kolommen); no rows when `code` is not in the scope."""
    params = _params(scope, Selectie(gemeenten=(code,), tot=tot))
    uit = q.kolommen("gemeente_mo_jaar", params)
    return uit if params["gemeenten"] else {k: [] for k in uit}  # deny by default


__all__ = ["gemeente_kengetallen", "gemeente_mo_jaar", "tussenvorm_maand"]
