"""Helpers for warehouse tests: an in-memory DuckDB with the raw schema, small insert
functions with sensible defaults, and a way to read a mart back as dicts.

Not a test module itself (the name does not start with test_); the test modules import it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb

from warehouse.build import build, create_raw_schema

ASSEN, AA_EN_HUNZE, HOOGEVEEN = "GM0106", "GM1680", "GM0118"

# A small region: three municipalities keep the hand computations readable.
REGIO = [
    (ASSEN, "Assen", "NMD", "Noord- en Midden-Drenthe", True),
    (AA_EN_HUNZE, "Aa en Hunze", "NMD", "Noord- en Midden-Drenthe", False),
    (HOOGEVEEN, "Hoogeveen", "ZWD", "Zuidwest-Drenthe", False),
]

# The catalogue most tests use: one product per tussenvorm, plus MO.
CATALOGUS = [
    ("15A01", "Beschermd wonen intramuraal", "15"),
    ("15A02", "Beschermd wonen nabij", "15"),
    ("15A03", "Begeleid wonen", "15"),
    ("15A04", "Thuis Plus", "15"),
    ("16A01", "Opvang", "16"),
    ("17A01", "Spoedopvang", "17"),
]

_SRC = ("test.csv", 1, None)  # _bestand, _regel, _peildatum (filled with the peildatum)


def d(text: str) -> date:
    return date.fromisoformat(text)


def new_warehouse(peildatum: str, regio=REGIO, catalogus=CATALOGUS):
    """An in-memory warehouse with raw.meta, raw.regio and the catalogue filled."""
    con = duckdb.connect(":memory:")
    create_raw_schema(con)
    con.execute(
        "insert into raw.meta values (?, 'Test', timestamp '2025-01-01 00:00', 'test')",
        [d(peildatum)],
    )
    con.executemany("insert into raw.regio values (?, ?, ?, ?, ?)", [list(r) for r in regio])
    for code, tussenvorm, categorie in catalogus:
        add_product(con, code, tussenvorm, categorie)
    return con


def _peildatum(con) -> date:
    return con.execute("select peildatum from raw.meta").fetchone()[0]


def _src(con):
    return ["test.csv", 1, _peildatum(con)]


def add_product(con, code, tussenvorm, categorie="15"):
    con.execute(
        "insert into raw.producten values (?, ?, ?, ?, ?, ?, ?)",
        [code, tussenvorm, None, categorie, *_src(con)],
    )


def add_indicatie(
    con, client, toewijzing, ingang, eind=None, *, product="15A01", categorie=None,
    gemeente=ASSEN, leveringsvorm="ZIN", reden=None, tarief=None, eenheid=None,
    geboortejaar=None, verblijf=None,
):
    """One toewijzing. categorie defaults to the product code's first two characters."""
    con.execute(
        "insert into raw.indicaties values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            client, gemeente, str(toewijzing), categorie or product[:2], product, leveringsvorm,
            d(ingang), d(eind) if eind else None, reden, None, None,
            Decimal(str(tarief)) if tarief is not None else None, eenheid, geboortejaar, None,
            verblijf, *_src(con),
        ],
    )


def add_declaratie(con, regel, toewijzing, begin, eind, bedrag, status="Toegekend"):
    con.execute(
        "insert into raw.declaraties values (?,?,?,?,?,?,?,?,?,?,?,?)",
        [str(regel), str(toewijzing), d(begin), d(eind), Decimal(str(bedrag)), status,
         None, None, None, *_src(con)],
    )


def add_pgb(con, client, gemeente, jaar, maand, besteed):
    con.execute(
        "insert into raw.pgb values (?,?,?,?,?,?,?,?,?)",
        [client, gemeente, jaar, maand, Decimal(str(besteed)), None, *_src(con)],
    )


def add_financien(con, jaar, post, bedrag):
    con.execute(
        "insert into raw.financien values (?,?,?,?,?,?,?)",
        [jaar, post, Decimal(str(bedrag)), None, *_src(con)],
    )


def add_cbs(con, gemeente, peildag, inwoners, voorlopig=False):
    con.execute(
        "insert into raw.cbs values (?,?,?,?,?,?,?,?,?)",
        [gemeente, d(peildag), inwoners, "BevolkingOp1Januari", f"{peildag[:4]}JJ00", voorlopig,
         *_src(con)],
    )


def add_wlz(con, client, aanvraag, besluit, besluitdatum=None):
    con.execute(
        "insert into raw.wlz values (?,?,?,?,?,?,?,?,?)",
        [client, d(aanvraag), besluit, d(besluitdatum) if besluitdatum else None, None, None,
         *_src(con)],
    )


def rows(con, sql: str, params=None) -> list[dict]:
    rel = con.execute(sql, params or [])
    columns = [c[0] for c in rel.description]
    return [dict(zip(columns, r)) for r in rel.fetchall()]


def built(con):
    """Build and return the connection (build raises ChecksFailed when a check fails)."""
    build(con)
    return con
