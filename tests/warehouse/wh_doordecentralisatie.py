"""Insert helpers for the doordecentralisatie tables (budget, transition date), beside wh_raw."""
from __future__ import annotations

from decimal import Decimal

from wh_raw import _src, d


def add_budget(con, jaar, gemeente, historisch, objectief, toelichting=None):
    con.execute(
        "insert into raw.budget values (?,?,?,?,?,?,?,?)",
        [jaar, gemeente, Decimal(str(historisch)), Decimal(str(objectief)), toelichting, *_src(con)],
    )


def set_overgangsdatum(con, dag: str | None):
    con.execute("delete from raw.regio_overgang")
    con.execute("insert into raw.regio_overgang values (?)", [d(dag) if dag else None])
