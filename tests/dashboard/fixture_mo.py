"""The MO marts of the fixture warehouse (issue 13), hand-made so the MO figures can be computed
by hand. Peildatum 2024-06-30; months jan 2023 .. jun 2024.

Stand (mo_clienten_maand): Assen Opvang ZIN 6 (2023) / 8 (2024), Spoedopvang ZIN 1 in March 2024
only; Hoogeveen Opvang ZIN 2 every month. Region: 8 (2023) / 10 (2024, 11 in March).
Flows explain the region stand: Jan 2024 +3 -1 (Assen), Mar +1, Apr -1 (the spoedopvang),
Jun 2023 and Feb 2024 as many in as out.
Money: the MO result 2023 = 260.000 - 240.000 - 14.000 = 6.000 (reserve 50.000 -> 56.000);
2024 = 300.000 - 313.500 - 14.500 = -28.000, withdrawal 10.000 (56.000 -> 18.000).
"""
from __future__ import annotations

import datetime as dt

D = dt.date
ASSEN, HOOGEVEEN = "GM0106", "GM0118"

DDL = """
create table marts.mo_clienten_maand (maand date, gemeente_code varchar, opvangvorm varchar,
    leveringsvorm varchar, actief integer);
create table marts.mo_stromen_maand (maand date, gemeente_code varchar, instroom integer,
    nieuwe_clienten integer, uitstroom integer);
create table marts.mo_kosten_maand (maand date, gemeente_code varchar, kosten_eur decimal(18, 2));
create table marts.mo_kosten_jaar (jaar integer, gemeente_code varchar, gerealiseerd_eur decimal(18, 2),
    prognose_eur decimal(18, 2));
create table marts.mo_verblijfsduur (gemeente_code varchar, status varchar, uitstroomjaar integer,
    duurklasse varchar, klasse_volgorde integer, episodes integer);
create table marts.doelgroep_overgangen_maand (maand date, gemeente_code varchar, richting varchar, aantal integer);
create table marts.doelgroep_overlap_maand (maand date, gemeente_code varchar, aantal integer);
create table marts.mo_resultaat_jaar (jaar integer, versie varchar, baten_eur decimal(18, 2),
    clientgebonden_kosten_eur decimal(18, 2), uitvoeringskosten_eur decimal(18, 2),
    uitvoeringsnorm_eur decimal(18, 2), resultaat_eur decimal(18, 2), reserve_begin_eur decimal(18, 2),
    reserve_eind_eur decimal(18, 2), onttrekking_eur decimal(18, 2),
    clientgebonden_gerealiseerd_eur decimal(18, 2), clientgebonden_prognose_eur decimal(18, 2));
"""

STROMEN = [  # maand, gemeente, instroom, nieuwe_clienten, uitstroom
    (D(2023, 6, 1), ASSEN, 2, 2, 2),
    (D(2024, 1, 1), ASSEN, 3, 2, 1),
    (D(2024, 2, 1), HOOGEVEEN, 1, 0, 1),   # a repeated stay: instroom, no new client
    (D(2024, 3, 1), ASSEN, 1, 1, 0),       # the spoedopvang
    (D(2024, 4, 1), ASSEN, 0, 0, 1),
]
OVERGANGEN = [(D(2024, 2, 1), ASSEN, "MO naar BW", 1), (D(2023, 9, 1), HOOGEVEEN, "BW naar MO", 1)]
OVERLAP = [(D(2024, 3, 1), ASSEN, 1)]
# jaar, baten, gerealiseerd, prognose, uitvoeringskosten, onttrekking, reserve begin
RESULTAAT = [(2023, 260000, 240000, 0, 14000, 0, 50000), (2024, 300000, 151500, 162000, 14500, 10000, 56000)]
VERBLIJFSDUUR = [
    (ASSEN, "in zorg", None, "1 tot 3 maanden", 3, 5), (ASSEN, "in zorg", None, "3 tot 6 maanden", 4, 3),
    (ASSEN, "uitgestroomd", 2024, "een week of korter", 1, 1), (ASSEN, "uitgestroomd", 2023, "1 tot 3 maanden", 3, 2),
    (HOOGEVEEN, "in zorg", None, "een half jaar of langer", 5, 2),
    (HOOGEVEEN, "uitgestroomd", 2024, "8 dagen tot 1 maand", 2, 1),
]


def stand(maanden) -> list[tuple]:
    rows = []
    for m in maanden:
        rows.append((m, ASSEN, "Opvang", "ZIN", 8 if m.year == 2024 else 6))
        rows.append((m, HOOGEVEEN, "Opvang", "ZIN", 2))
        if m == D(2024, 3, 1):
            rows.append((m, ASSEN, "Spoedopvang", "ZIN", 1))
    return rows


def kosten(maanden) -> list[tuple]:
    rows = []
    for m in maanden:
        rows.append((m, ASSEN, (20000 if m.year == 2024 else 15000) + (1500 if m == D(2024, 3, 1) else 0)))
        rows.append((m, HOOGEVEEN, 5000))
    return rows


def vul(con, maanden) -> None:
    """Create and fill the MO marts in the fixture warehouse `con`."""
    con.execute(DDL)
    ins = con.executemany
    ins("insert into marts.mo_clienten_maand values (?, ?, ?, ?, ?)", stand(maanden))
    ins("insert into marts.mo_stromen_maand values (?, ?, ?, ?, ?)", STROMEN)
    ins("insert into marts.mo_kosten_maand values (?, ?, ?)", kosten(maanden))
    ins("insert into marts.mo_kosten_jaar values (?, ?, ?, ?)", [
        (2023, ASSEN, 180000, 0), (2023, HOOGEVEEN, 60000, 0),
        (2024, ASSEN, 121500, 130000), (2024, HOOGEVEEN, 30000, 32000)])
    ins("insert into marts.mo_verblijfsduur values (?, ?, ?, ?, ?, ?)", VERBLIJFSDUUR)
    ins("insert into marts.doelgroep_overgangen_maand values (?, ?, ?, ?)", OVERGANGEN)
    ins("insert into marts.doelgroep_overlap_maand values (?, ?, ?)", OVERLAP)
    ins("insert into marts.mo_resultaat_jaar values (?, 'lopend', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (j, b, g + p, u, round(0.05 * b, 2), b - g - p - u, begin, begin + (b - g - p - u) - o, o, g, p)
        for j, b, g, p, u, o, begin in RESULTAAT])
