"""The doordecentralisatie marts of the fixture warehouse (fixture_warehouse.build calls `vul`).

Transition date 1-1-2024; peildatum 30-06-2024. Hand-made, consistent with the fixture's costs:
budget_jaar (2023-2025; only Assen and Aa en Hunze delivered a budget; the ingroeipad ends 2025):
  Assen        hist 300.000 / 200.000 / 0, obj 20.000 / 60.000 / 100.000
               kosten 2023 12 x 10.500 = 126.000; 2024 6 x 11.500 = 69.000 + prognose 73.000 = 142.000
               2024: totaal 260.000, verschil 118.000, objectief 100.000 - 142.000 = -42.000
  Aa en Hunze  obj 10.000 / 30.000 / 50.000; kosten 2023 39.000; 2024 19.500 + 19.500 = 39.000
               2024: totaal 30.000, verschil -9.000, objectief 50.000 - 39.000 = 11.000
  Hoogeveen    no budget rows; kosten 2023 48.000, 2024 24.000 + 24.000
woonplaats_maand, June 2024 (stand 32 / 7 / 12 as clienten_maand):
  Assen 28 in Assen, 2 in Amsterdam (outside), 2 unknown; Aa en Hunze 4 in Assen, 3 at home;
  Hoogeveen 9 at home, 3 in Groningen (outside)
cohort_maand, every month Jan-Jun 2024 (stand as clienten_maand in 2024):
  Assen 30 overgang + 2 nieuw (kosten 10.500 / 1.000), Aa en Hunze 7 overgang (3.250),
  Hoogeveen 8 overgang + 4 nieuw (3.000 / 1.000)
"""
from __future__ import annotations

import datetime as dt

DDL = """
create table marts.budget_jaar (jaar integer, gemeente_code varchar, historisch_eur decimal(18, 2),
    objectief_eur decimal(18, 2), totaal_eur decimal(18, 2), kosten_eur decimal(18, 2),
    verschil_eur decimal(18, 2), kosten_gerealiseerd_eur decimal(18, 2), kosten_prognose_eur decimal(18, 2),
    budget_aangeleverd boolean, objectief_eindjaar integer, objectief_eind_eur decimal(18, 2),
    verschil_objectief_eur decimal(18, 2), toelichting varchar);
create table marts.woonplaats_maand (maand date, gemeente_code varchar, verblijf_gemeente_code varchar,
    binnen_regio boolean, actief bigint);
create table marts.cohort_maand (maand date, gemeente_code varchar, cohort varchar, actief bigint,
    kosten_eur decimal(18, 2));
create table marts.doordecentralisatie_info (overgangsdatum date, bw_indicaties bigint,
    bw_indicaties_met_verblijf bigint, budget_rijen bigint);
"""
OVERGANGSDATUM = dt.date(2024, 1, 1)
BUDGET = {"GM0106": {2023: (300000, 20000), 2024: (200000, 60000), 2025: (0, 100000)},
          "GM1680": {2023: (0, 10000), 2024: (0, 30000), 2025: (0, 50000)}}
KOSTEN = {  # (gerealiseerd, prognose) per gemeente and year
    "GM0106": {2023: (126000, 0), 2024: (69000, 73000)},
    "GM1680": {2023: (39000, 0), 2024: (19500, 19500)},
    "GM0118": {2023: (48000, 0), 2024: (24000, 24000)},
}
WOONPLAATS_JUNI = [("GM0106", "GM0106", True, 28), ("GM0106", "GM0363", False, 2), ("GM0106", None, None, 2),
                   ("GM1680", "GM0106", True, 4), ("GM1680", "GM1680", True, 3),
                   ("GM0118", "GM0118", True, 9), ("GM0118", "GM0014", False, 3)]
COHORT = [("GM0106", "overgangscliënt", 30, 10500), ("GM0106", "nieuwe cliënt", 2, 1000),
          ("GM1680", "overgangscliënt", 7, 3250),
          ("GM0118", "overgangscliënt", 8, 3000), ("GM0118", "nieuwe cliënt", 4, 1000)]


def budget_rijen(gemeenten: list[str]) -> list[tuple]:
    rijen = []
    for jaar in (2023, 2024, 2025):
        for g in gemeenten:
            b = BUDGET.get(g, {}).get(jaar)
            ger, prog = KOSTEN.get(g, {}).get(jaar, (0, 0)) if jaar <= 2024 else (None, None)
            kosten = None if ger is None else ger + prog
            totaal = None if b is None else sum(b)
            eind = BUDGET[g][2025][1] if g in BUDGET else None
            rijen.append((jaar, g, b and b[0], b and b[1], totaal, kosten,
                          None if totaal is None or kosten is None else totaal - kosten, ger, prog, b is not None,
                          2025, eind, None if eind is None or kosten is None else eind - kosten, None))
    return rijen


def vul(con, gemeenten: list[str]) -> None:
    con.execute(DDL)
    ins = con.executemany
    ins("insert into marts.budget_jaar values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", budget_rijen(gemeenten))
    juni = dt.date(2024, 6, 1)
    ins("insert into marts.woonplaats_maand values (?, ?, ?, ?, ?)", [(juni, *r) for r in WOONPLAATS_JUNI])
    maanden = [dt.date(2024, m, 1) for m in range(1, 7)]
    ins("insert into marts.cohort_maand values (?, ?, ?, ?, ?)", [(m, *r) for m in maanden for r in COHORT])
    con.execute("insert into marts.doordecentralisatie_info values (?, 100, 95, 6)", [OVERGANGSDATUM])
