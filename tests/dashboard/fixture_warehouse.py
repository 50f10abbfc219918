"""A small hand-made warehouse with the `marts.*` tables of contract.md §3 and docs/architecture.md.

Values are chosen so the dashboard's figures can be computed by hand (see the comments).
Peildatum 2024-06-30; months jan 2023 .. jun 2024.

Stand per month (clienten_maand):
  GM0106 Assen        intramuraal ZIN 20 (2023) / 18 (2024), Begeleid wonen ZIN 10,
                      Thuis Plus PGB 2 (2023) / 4 (2024)           -> 32 every month
  GM1680 Aa en Hunze  nabij ZIN 6, intramuraal PGB 1               -> 7
  GM0118 Hoogeveen    Begeleid wonen ZIN 8 (2023) / 12 (2024)      -> 8 / 12
  region total 47 (2023 months) / 51 (2024 months)
Flows (stromen_maand) explain the stand: 2023-06 47 + instroom 8 - uitstroom 4 = 51 at 2024-06.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import fixture_doordecentralisatie
import fixture_mo

from warehouse.build import load_seeds

PEILDATUM = dt.date(2024, 6, 30)
GELADEN_OP = dt.datetime(2024, 7, 2, 8, 15)

GEMEENTEN = [  # code, naam, subregio_code, subregio_naam, centrum, inwoners 1-1-2023, 1-1-2024
    ("GM1680", "Aa en Hunze", "NMD", "Noord- en Midden-Drenthe", False, 25724, 25845),
    ("GM0106", "Assen", "NMD", "Noord- en Midden-Drenthe", True, 69414, 69701),
    ("GM1731", "Midden-Drenthe", "NMD", "Noord- en Midden-Drenthe", False, 33987, 34092),
    ("GM1699", "Noordenveld", "NMD", "Noord- en Midden-Drenthe", False, 31591, 31686),
    ("GM1730", "Tynaarlo", "NMD", "Noord- en Midden-Drenthe", False, 34592, 34736),
    ("GM1690", "De Wolden", "ZWD", "Zuidwest-Drenthe", False, 24602, 24580),
    ("GM0118", "Hoogeveen", "ZWD", "Zuidwest-Drenthe", False, 56433, 56591),
    ("GM0119", "Meppel", "ZWD", "Zuidwest-Drenthe", False, 35464, 35810),
    ("GM1701", "Westerveld", "ZWD", "Zuidwest-Drenthe", False, 19860, 20003),
]

MAANDEN = [dt.date(2023 + (m // 12), m % 12 + 1, 1) for m in range(18)]

# (maand, gemeente, instroom, nieuwe_clienten, uitstroom, uitstroom_wlz)
STROMEN = [
    (dt.date(2023, 2, 1), "GM1680", 1, 0, 1, 0),
    (dt.date(2023, 5, 1), "GM0106", 1, 1, 1, 1),
    (dt.date(2023, 9, 1), "GM0118", 1, 1, 1, 0),
    (dt.date(2024, 1, 1), "GM0118", 4, 3, 0, 0),
    (dt.date(2024, 3, 1), "GM0106", 2, 1, 2, 1),
    (dt.date(2024, 5, 1), "GM1680", 1, 1, 1, 1),
]

REDENEN = {"02": "Overlijden", "19": "Volgens plan beëindigd", "21": "Beëindigd door cliënt",
           "39": "Uitstroom naar ander domein (Wlz/Zvw)"}
UITSTROOM_REDEN = [  # maand, gemeente, reden, aantal
    (dt.date(2023, 2, 1), "GM1680", "19", 1),
    (dt.date(2023, 5, 1), "GM0106", "39", 1),
    (dt.date(2023, 9, 1), "GM0118", "21", 1),
    (dt.date(2024, 3, 1), "GM0106", "39", 1),
    (dt.date(2024, 3, 1), "GM0106", "02", 1),
    (dt.date(2024, 5, 1), "GM1680", "39", 1),
]

KOSTEN_PER_MAAND = {  # (gemeente, leveringsvorm): (2023, 2024)
    ("GM0106", "ZIN"): (10000, 11000),
    ("GM0106", "PGB"): (500, 500),
    ("GM1680", "ZIN"): (3000, 3000),
    ("GM1680", "PGB"): (250, 250),
    ("GM0118", "ZIN"): (4000, 4000),
}
PROGNOSE_2024 = {("GM0106", "ZIN"): 70000, ("GM0106", "PGB"): 3000, ("GM1680", "ZIN"): 18000,
                 ("GM1680", "PGB"): 1500, ("GM0118", "ZIN"): 24000}

# jaar, versie, baten, zin, pgb, niet-clientgebonden, gerealiseerd, prognose, begroting
RESULTAAT = [
    (2022, "definitief", 290000, 190000, 8000, 29000, 198000, 0, 200000),
    (2023, "voorlopig", 300000, 201000, 9000, 30000, 210000, 0, 220000),
    (2023, "definitief", 300000, 204000, 9000, 30000, 213000, 0, 220000),
    (2024, "lopend", 310000, 220000, 9000, 31000, 112500, 116500, 235000),
]

# definitief before voorlopig before lopend; per year the version that counts
RANG = {"definitief": 1, "voorlopig": 2, "lopend": 3}
MEEST_DEFINITIEF = {(2022, "definitief"), (2023, "definitief"), (2024, "lopend")}


def stand(gemeente: str, tussenvorm: str, leveringsvorm: str, maand: dt.date) -> int:
    y24 = maand.year == 2024
    table = {
        ("GM0106", "Beschermd wonen intramuraal", "ZIN"): 18 if y24 else 20,
        ("GM0106", "Begeleid wonen", "ZIN"): 10,
        ("GM0106", "Thuis Plus", "PGB"): 4 if y24 else 2,
        ("GM1680", "Beschermd wonen nabij", "ZIN"): 6,
        ("GM1680", "Beschermd wonen intramuraal", "PGB"): 1,
        ("GM0118", "Begeleid wonen", "ZIN"): 12 if y24 else 8,
    }
    return table.get((gemeente, tussenvorm, leveringsvorm), 0)


STAND_KEYS = [
    ("GM0106", "Beschermd wonen intramuraal", "ZIN"), ("GM0106", "Begeleid wonen", "ZIN"),
    ("GM0106", "Thuis Plus", "PGB"), ("GM1680", "Beschermd wonen nabij", "ZIN"),
    ("GM1680", "Beschermd wonen intramuraal", "PGB"), ("GM0118", "Begeleid wonen", "ZIN"),
]


def _cents(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def verdeling(jaar: int, versie: str, resultaat: int) -> list[tuple]:
    """The 50/50 key for the fixture, computed the way domain.md says."""
    inw = {g[0]: g[6] for g in GEMEENTEN}  # 31-12-2023 = 1-1-2024
    kosten = {g[0]: 0 for g in GEMEENTEN}
    for (g, _lv), (k23, _k24) in KOSTEN_PER_MAAND.items():
        kosten[g] += 12 * k23
    tot_inw, tot_kosten = sum(inw.values()), sum(kosten.values())
    rows = []
    for code, inwoners in inw.items():
        a_inw = inwoners / tot_inw
        a_kos = kosten[code] / tot_kosten
        sleutel = 0.5 * a_inw + 0.5 * a_kos
        rows.append([jaar, versie, code, inwoners, a_inw, kosten[code], a_kos, sleutel,
                     _cents(resultaat * sleutel), dt.date(2024, 1, 1), None, False,
                     0.5 * a_inw, 0.5 * a_kos, RANG[versie], (jaar, versie) in MEEST_DEFINITIEF])
    rest = _cents(resultaat) - sum(r[8] for r in rows)
    grootste = max(rows, key=lambda r: abs(r[8]))
    grootste[8] += rest
    grootste[11] = True
    return [tuple(r) for r in rows]


def kengetallen() -> list[tuple]:
    rows = []
    for code, *_rest, inw23, inw24 in GEMEENTEN:
        for jaar, inw in ((2023, inw23), (2024, inw24)):
            eind = dt.date(jaar, 12, 1) if jaar == 2023 else dt.date(2024, 6, 1)
            actief = sum(stand(code, t, lv, eind) for g, t, lv in STAND_KEYS if g == code)
            fl = [s for s in STROMEN if s[1] == code and s[0].year == jaar]
            instroom = sum(s[2] for s in fl)
            nieuw = sum(s[3] for s in fl)
            uit = sum(s[4] for s in fl)
            wlz = sum(s[5] for s in fl)
            maanden = 12 if jaar == 2023 else 6
            kosten = sum((v[0] if jaar == 2023 else v[1]) * maanden
                         for (g, _lv), v in KOSTEN_PER_MAAND.items() if g == code)
            rows.append((jaar, code, actief, instroom, nieuw, uit, wlz, _cents(kosten), inw,
                         actief / inw * 1000, instroom / inw * 1000, wlz / inw * 1000,
                         _cents(kosten / inw)))
    return rows


MARTS = Path(__file__).resolve().parents[2] / "warehouse" / "models" / "marts"

DDL = """
create schema marts;
create table marts.warehouse_info (peildatum date, regio varchar, geladen_op timestamp, versie varchar);
create table marts.gemeenten (gemeente_code varchar, gemeente_naam varchar, subregio_code varchar,
    subregio_naam varchar, centrumgemeente boolean);
create table marts.inwoners_jaar (jaar integer, gemeente_code varchar, inwoners_1_januari integer,
    inwoners_31_december integer, peildag_31_december date, toelichting_31_december varchar,
    peildag_1_januari date, toelichting_1_januari varchar);
create table marts.clienten_maand (maand date, gemeente_code varchar, tussenvorm varchar,
    leveringsvorm varchar, actief integer);
create table marts.stromen_maand (maand date, gemeente_code varchar, instroom integer,
    nieuwe_clienten integer, uitstroom integer, uitstroom_wlz integer);
create table marts.kosten_maand (maand date, gemeente_code varchar, leveringsvorm varchar,
    kosten_eur decimal(18, 2));
create table marts.resultaat_jaar (jaar integer, versie varchar, baten_eur decimal(18, 2),
    clientgebonden_kosten_eur decimal(18, 2), niet_clientgebonden_kosten_eur decimal(18, 2),
    resultaat_eur decimal(18, 2), zin_eur decimal(18, 2), pgb_eur decimal(18, 2),
    clientgebonden_gerealiseerd_eur decimal(18, 2), clientgebonden_prognose_eur decimal(18, 2),
    begroting_clientgebonden_eur decimal(18, 2), versie_rang integer, meest_definitief boolean,
    -- ZIN and PGB split into realised and forecast: in the real mart, read by no view (null here)
    zin_gerealiseerd_eur decimal(18, 2), zin_prognose_eur decimal(18, 2),
    pgb_gerealiseerd_eur decimal(18, 2), pgb_prognose_eur decimal(18, 2));
create table marts.resultaat_verdeling (jaar integer, versie varchar, gemeente_code varchar,
    inwoners integer, inwoners_aandeel double, kosten_eur decimal(18, 2), kosten_aandeel double,
    verdeelsleutel double, resultaat_eur decimal(18, 2), inwoners_peildag date,
    inwoners_toelichting varchar, afrondingscent boolean, inwoners_deel double, kosten_deel double,
    versie_rang integer, meest_definitief boolean);
create table marts.uitstroom_reden_maand (maand date, gemeente_code varchar, reden_code varchar,
    reden_omschrijving varchar, uitstroom integer, naar_wlz boolean);
create table marts.doorstroom_maand (maand date, gemeente_code varchar, van_tussenvorm varchar,
    naar_tussenvorm varchar, aantal integer);
create table marts.verblijfsduur (gemeente_code varchar, status varchar, uitstroomjaar integer,
    duurklasse varchar, klasse_volgorde integer, episodes integer);
create table marts.wlz_aanvragen_maand (maand date, gemeente_code varchar, aanvragen integer,
    toegekend integer, afgewezen integer, in_behandeling integer, ingetrokken integer);
create table marts.wlz_aanvragen_open (gemeente_code varchar, leeftijdsklasse varchar,
    klasse_volgorde integer, aanvragen integer);
create table marts.kosten_jaar (jaar integer, gemeente_code varchar, leveringsvorm varchar,
    gerealiseerd_eur decimal(18, 2), prognose_eur decimal(18, 2));
create table marts.kengetallen_jaar (jaar integer, gemeente_code varchar, actief_einde integer,
    instroom integer, nieuwe_clienten integer, uitstroom integer, uitstroom_wlz integer,
    kosten_eur decimal(18, 2), inwoners integer, actief_per_1000 double, instroom_per_1000 double,
    uitstroom_wlz_per_1000 double, kosten_per_inwoner_eur decimal(18, 2));
create table marts.laadlog (geladen_op timestamp, bestand varchar, soort varchar, peildatum date,
    sha256 varchar, regels_gelezen integer, regels_geladen integer, regels_afgekeurd integer,
    status varchar, regels_overgeslagen integer);
create table marts.afgekeurd_per_reden (bestand varchar, soort varchar, reden varchar, regels integer);
create table marts.afgekeurde_regels (bestand varchar, soort varchar, regel integer, kolom varchar, waarde varchar,
    reden varchar, rij varchar, geladen_op timestamp);
create table marts.producten_buiten_catalogus (productcode varchar, productcategorie varchar,
    indicaties integer, clienten integer, telt_als_bw boolean);
"""


def build(path: str | Path) -> Path:
    """Write the fixture warehouse to `path` (replacing it) and return the path."""
    path = Path(path)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(DDL)
        load_seeds(con)  # the code lists, as a real build has them (the Wlz start date)
        ins = con.executemany
        con.execute("insert into marts.warehouse_info values (?, 'Assen', ?, 'test-1')",
                    [PEILDATUM, GELADEN_OP])
        ins("insert into marts.gemeenten values (?, ?, ?, ?, ?)", [g[:5] for g in GEMEENTEN])
        ins("insert into marts.inwoners_jaar values (?, ?, ?, ?, ?, ?, ?, null)",
            [(2023, g[0], g[5], g[6], dt.date(2024, 1, 1), None, dt.date(2023, 1, 1)) for g in GEMEENTEN]
            + [(2024, g[0], g[6], g[6], dt.date(2024, 1, 1),
                "1-1-2025 nog niet gepubliceerd; 1-1-2024 gebruikt", dt.date(2024, 1, 1))
               for g in GEMEENTEN])
        ins("insert into marts.clienten_maand values (?, ?, ?, ?, ?)",
            [(m, g, t, lv, stand(g, t, lv, m)) for m in MAANDEN for g, t, lv in STAND_KEYS])
        ins("insert into marts.stromen_maand values (?, ?, ?, ?, ?, ?)", STROMEN)
        ins("insert into marts.kosten_maand values (?, ?, ?, ?)",
            [(m, g, lv, v[0] if m.year == 2023 else v[1])
             for m in MAANDEN for (g, lv), v in KOSTEN_PER_MAAND.items()])
        ins("insert into marts.resultaat_jaar values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null)",
            [(j, v, b, z + p, n, b - (z + p) - n, z, p, gr, pr, bg, RANG[v], (j, v) in MEEST_DEFINITIEF)
             for j, v, b, z, p, n, gr, pr, bg in RESULTAAT])
        ins("insert into marts.resultaat_verdeling values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            verdeling(2023, "voorlopig", 60000) + verdeling(2023, "definitief", 57000))
        ins("insert into marts.uitstroom_reden_maand values (?, ?, ?, ?, ?, ?)",
            [(m, g, r, REDENEN[r], n, r == "39") for m, g, r, n in UITSTROOM_REDEN])
        ins("insert into marts.doorstroom_maand values (?, ?, ?, ?, ?)", [
            (dt.date(2024, 1, 1), "GM0106", "Beschermd wonen intramuraal", "Thuis Plus", 2),
            (dt.date(2023, 10, 1), "GM1680", "Beschermd wonen intramuraal", "Beschermd wonen nabij", 1),
            (dt.date(2023, 10, 1), "GM1680", "Beschermd wonen nabij", "Beschermd wonen intramuraal", 1),
        ])
        ins("insert into marts.verblijfsduur values (?, ?, ?, ?, ?, ?)", [
            ("GM0106", "in zorg", None, "korter dan 1 jaar", 1, 5),
            ("GM0106", "in zorg", None, "1 tot 2 jaar", 2, 12),
            ("GM0106", "in zorg", None, "2 tot 5 jaar", 3, 10),
            ("GM0106", "in zorg", None, "5 jaar of langer", 4, 5),
            ("GM0106", "uitgestroomd", 2023, "korter dan 1 jaar", 1, 1),
            ("GM0106", "uitgestroomd", 2024, "1 tot 2 jaar", 2, 2),
            ("GM1680", "in zorg", None, "2 tot 5 jaar", 3, 7),
            ("GM1680", "uitgestroomd", 2023, "5 jaar of langer", 4, 1),
            ("GM1680", "uitgestroomd", 2024, "2 tot 5 jaar", 3, 1),
            ("GM0118", "in zorg", None, "korter dan 1 jaar", 1, 4),
            ("GM0118", "in zorg", None, "1 tot 2 jaar", 2, 8),
            ("GM0118", "uitgestroomd", 2023, "korter dan 1 jaar", 1, 1),
        ])
        ins("insert into marts.wlz_aanvragen_maand values (?, ?, ?, ?, ?, ?, ?)", [
            (dt.date(2023, 4, 1), "GM0106", 2, 1, 0, 0, 1),
            (dt.date(2024, 2, 1), "GM0106", 2, 1, 0, 1, 0),
            (dt.date(2024, 4, 1), "GM1680", 1, 1, 0, 0, 0),
            (dt.date(2024, 6, 1), "GM0118", 1, 0, 0, 1, 0),
        ])
        ins("insert into marts.wlz_aanvragen_open values (?, ?, ?, ?)", [
            ("GM0106", "3 tot 6 maanden", 2, 1), ("GM0118", "korter dan 3 maanden", 1, 1)])
        fixture_doordecentralisatie.vul(con, [g[0] for g in GEMEENTEN])
        kj = [(2023, g, lv, 12 * v[0], 0) for (g, lv), v in KOSTEN_PER_MAAND.items()]
        kj += [(2024, g, lv, 6 * v[1], PROGNOSE_2024[(g, lv)]) for (g, lv), v in KOSTEN_PER_MAAND.items()]
        ins("insert into marts.kosten_jaar values (?, ?, ?, ?, ?)", kj)
        ins("insert into marts.kengetallen_jaar values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            kengetallen())
        ins("insert into marts.laadlog values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (GELADEN_OP, "indicaties_20240630.csv", "indicaties", PEILDATUM, "a" * 64, 120, 118, 2, "geladen", 0),
            (GELADEN_OP, "declaraties_20240630.csv", "declaraties", PEILDATUM, "b" * 64, 300, 299, 1, "geladen", 0),
            (dt.datetime(2024, 4, 2, 9, 0), "indicaties_20240331.csv", "indicaties",
             dt.date(2024, 3, 31), "c" * 64, 110, 110, 0, "vervangen", 3),
        ])
        ins("insert into marts.afgekeurd_per_reden values (?, ?, ?, ?)", [
            ("indicaties_20240630.csv", "indicaties", "einddatum ligt voor ingangsdatum", 2),
            ("declaraties_20240630.csv", "declaraties", "bedrag is geen getal", 1),
        ])
        ins("insert into marts.afgekeurde_regels values (?, ?, ?, ?, ?, ?, ?, ?)", [  # the three lines counted above
            ("declaraties_20240630.csv", "declaraties", 12, "bedrag", "12.50", "bedrag is geen getal",
             '{"Regelnummer": "R12", "Toewijzingnummer": "T9", "Bedrag": "12.50"}', GELADEN_OP),
            ("indicaties_20240630.csv", "indicaties", 7, "einddatum", "01-01-2024", "einddatum ligt voor ingangsdatum",
             '{"Clientnummer": "C000777", "Toewijzingnummer": "4711", "Einddatum": "01-01-2024"}', GELADEN_OP),
            ("indicaties_20240630.csv", "indicaties", 9, "einddatum", "02-01-2024", "einddatum ligt voor ingangsdatum",
             None, GELADEN_OP),
        ])
        ins("insert into marts.producten_buiten_catalogus values (?, ?, ?, ?, true)",
            [("15X99", "15", 3, 2)])
        # the settlement by the real model, from the voorlopig/definitief shares above; no
        # version history (the fixed figures here are hand-made, not fixed records)
        con.execute("create table marts.verrekening as "
                    + (MARTS / "verrekening.sql").read_text(encoding="utf-8"))
        con.execute("create table marts.resultaat_versies (record_id integer, jaar integer, "
                    "versie varchar, vastgesteld_op varchar, door varchar, peildatum date, "
                    "warehouse_versie varchar, vervangt integer, vervangen_door integer, reden varchar)")
        fixture_mo.vul(con, MAANDEN)
        con.execute("checkpoint")
    finally:
        con.close()
    return path


if __name__ == "__main__":  # pragma: no cover
    import sys
    print(build(sys.argv[1] if len(sys.argv) > 1 else "fixture.duckdb"))


# --- a variant for the access tests: every municipality has figures no other one has ----------
# Distinctive numbers (never a sum of others, never in a region total): the forged-request tests
# search every response for Hoogeveen's and must find none of them in an Assen session, while
# Assen's own appear. Assen also gets a doorstroom count of 3 (shown as '< 5' to a gemeente user).

KENMERKEND = {
    "GM0118": {"actief": 7391, "instroom": 6173, "nieuwe_clienten": 6151, "uitstroom": 5827,
               "uitstroom_wlz": 5791, "doorstroom": 4759, "episodes": 4637, "aanvragen": 3917,
               "toegekend": 3889, "open": 3583, "kosten_eur": 918273},
    "GM0106": {"actief": 2741, "doorstroom": 3},
}


def kenmerkende_getallen(code: str, afgerond: bool = False) -> list[str]:
    """How a distinctive number of `code` can appear in a response: plain and Dutch formatted;
    with `afgerond` also rounded down or up to a multiple of 5 (as a gemeente user sees counts)."""
    uit = []
    for n in KENMERKEND[code].values():
        if n >= 1000:
            for m in ({n, n - n % 5, n - n % 5 + 5} if afgerond else {n}):
                uit += [str(m), f"{m:,}".replace(",", ".")]
    return uit


def build_kenmerkend(path: str | Path) -> Path:
    path = build(path)
    h, a = KENMERKEND["GM0118"], KENMERKEND["GM0106"]
    feb = dt.date(2024, 2, 1)
    con = duckdb.connect(str(path))
    try:
        ins = con.executemany
        ins("insert into marts.clienten_maand values (?, 'GM0118', 'Thuis Plus', 'PGB', ?)",
            [(m, h["actief"]) for m in MAANDEN])
        ins("insert into marts.clienten_maand values (?, 'GM0106', 'Beschermd wonen nabij', 'PGB', ?)",
            [(m, a["actief"]) for m in MAANDEN])
        # in March, when Assen has flows too: a region total is never Hoogeveen's number alone
        # (region minus one's own is the rest of the region: inherent in any region total)
        maart = dt.date(2024, 3, 1)
        con.execute("insert into marts.stromen_maand values (?, 'GM0118', ?, ?, ?, ?)",
                    [maart, h["instroom"], h["nieuwe_clienten"], h["uitstroom"], h["uitstroom_wlz"]])
        con.execute("insert into marts.uitstroom_reden_maand values (?, 'GM0118', '19', ?, ?, false)",
                    [maart, REDENEN["19"], h["uitstroom"]])
        ins("insert into marts.doorstroom_maand values (?, ?, ?, ?, ?)", [
            (feb, "GM0118", "Beschermd wonen nabij", "Begeleid wonen", h["doorstroom"]),
            (dt.date(2023, 12, 1), "GM0106", "Begeleid wonen", "Thuis Plus", a["doorstroom"])])
        con.execute("insert into marts.verblijfsduur values ('GM0118', 'in zorg', null, '5 jaar of langer', 4, ?)",
                    [h["episodes"]])
        con.execute("insert into marts.wlz_aanvragen_maand values (?, 'GM0118', ?, ?, 13, 9, 6)",
                    [feb, h["aanvragen"], h["toegekend"]])
        con.execute("insert into marts.wlz_aanvragen_open values ('GM0118', '6 maanden of langer', 3, ?)",
                    [h["open"]])
        con.execute("insert into marts.kosten_maand values (?, 'GM0118', 'PGB', ?)", [feb, h["kosten_eur"]])
        con.execute("insert into marts.kosten_jaar values (2024, 'GM0118', 'PGB', ?, 0)", [h["kosten_eur"]])
        con.execute("checkpoint")
    finally:
        con.close()
    return path
