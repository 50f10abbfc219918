"""The Gemeente page's shaped queries: one query where the page's visuals share their figures.
Every function goes through kern/datalaag/query.py and takes the caller's scope."""
from __future__ import annotations

from kern.datalaag import query as q
from kern.datalaag.query import Selectie
from kern.datalaag.scope import _gescoped, _params


def gemeente_kengetallen(scope, code: str) -> dict[str, list]:
    """warehouse/queries/gemeente_kengetallen.sql for `code`: per year (ascending) the gemeente's
    key figures (suffix _g) beside the region's totals (suffix _r), as lists per column; no rows
    when `code` is not in the scope."""
    params = _params(scope, Selectie(gemeenten=(code,)))
    df = q.query("gemeente_kengetallen", params)
    if not params["gemeenten"]:
        df = df.iloc[0:0]  # deny by default: same columns, no rows
    return {k: df[k].tolist() for k in df.columns}


def tussenvorm_maand(scope, sel: Selectie) -> dict[str, list]:
    """warehouse/queries/gemeente_tussenvorm_maand.sql: the stand per month x tussenvorm summed over
    the allowed gemeenten of `sel` (scope ∩ sel), as lists per column (maand, tussenvorm, actief)."""
    df = _gescoped("gemeente_tussenvorm_maand", scope, sel)
    return {k: df[k].tolist() for k in df.columns}


__all__ = ["gemeente_kengetallen", "tussenvorm_maand"]
