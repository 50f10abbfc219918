"""Stand, episodes, in-, uit- and doorstroom, computed by hand on tiny fixtures.

Every fixture uses peildatum 2024-06-15 unless said otherwise. 2024 is a leap year.
"""

from datetime import date

from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_indicatie,
    built,
    new_warehouse,
    rows,
)

PEIL = "2024-06-15"


def stand(con, **filters) -> dict:
    """{maand: actief} summed over the other columns of clienten_maand."""
    where = " and ".join(f"{k} = ?" for k in filters) or "true"
    sql = f"select maand, sum(actief) as n from marts.clienten_maand where {where} group by maand"
    return {r["maand"]: r["n"] for r in rows(con, sql, list(filters.values()))}


def stromen(con) -> list[dict]:
    return rows(con, "select * from marts.stromen_maand order by maand, gemeente_code")


def m(month: int, year: int = 2024) -> date:
    return date(year, month, 1)


def test_adjacent_indications_are_one_episode():
    # 10 Jan - 29 Feb, then 1 Mar - open: next starts the day after the end -> one episode.
    con = new_warehouse(PEIL)
    add_indicatie(con, "a", "1", "2024-01-10", "2024-02-29")
    add_indicatie(con, "a", "2", "2024-03-01", None, product="15A03")
    built(con)
    # stand 1 in every month Jan..Jun (June on the peildatum)
    assert stand(con) == {m(k): 1 for k in range(1, 7)}
    # one instroom in January, no uitstroom at all
    assert [(r["maand"], r["instroom"], r["uitstroom"]) for r in stromen(con)] == [(m(1), 1, 0)]
    # the step from intramuraal to begeleid wonen on 1 March is doorstroom
    door = rows(con, "select * from marts.doorstroom_maand")
    assert door == [{"maand": m(3), "gemeente_code": ASSEN, "aantal": 1,
                     "van_tussenvorm": "Beschermd wonen intramuraal",
                     "naar_tussenvorm": "Begeleid wonen"}]


def test_gap_of_one_day_makes_two_episodes():
    # ends 28 Feb, next starts 1 Mar = end + 2 days: 29 Feb has no care -> two episodes.
    con = new_warehouse(PEIL)
    add_indicatie(con, "b", "1", "2024-01-10", "2024-02-28", reden="19")
    add_indicatie(con, "b", "2", "2024-03-01", None)
    built(con)
    # stand on 29 Feb is 0, so February has no clienten_maand row at all
    assert stand(con) == {m(1): 1, m(3): 1, m(4): 1, m(5): 1, m(6): 1}
    # uitstroomdatum = 28 Feb + 1 = 29 Feb -> February; second instroom in March,
    # not a new client (previous episode ended 2 days before)
    assert [(r["maand"], r["instroom"], r["nieuwe_clienten"], r["uitstroom"])
            for r in stromen(con)] == [(m(1), 1, 1, 0), (m(2), 0, 0, 1), (m(3), 1, 0, 0)]
    # no doorstroom across episodes
    assert rows(con, "select * from marts.doorstroom_maand") == []


def test_overlap_month_end_uitstroom_and_reason_of_primary():
    # intramuraal 1 Jan - 31 May (reden 39) and begeleid 1 Mar - 31 May (reden 19) overlap and
    # end on the same day: one episode 1 Jan - 31 May. It ends on the last day of May, so it is
    # in May's stand and flows out in June; the reason is that of the primary (heaviest): 39.
    con = new_warehouse(PEIL)
    add_indicatie(con, "c", "1", "2024-01-01", "2024-05-31", reden="39")
    add_indicatie(con, "c", "2", "2024-03-01", "2024-05-31", product="15A03", reden="19")
    built(con)
    assert stand(con) == {m(k): 1 for k in range(1, 6)}
    assert [(r["maand"], r["instroom"], r["uitstroom"], r["uitstroom_wlz"])
            for r in stromen(con)] == [(m(1), 1, 0, 0), (m(6), 0, 1, 1)]
    reden = rows(con, "select * from marts.uitstroom_reden_maand")
    assert reden == [{"maand": m(6), "gemeente_code": ASSEN, "reden_code": "39",
                      "reden_omschrijving": "Uitstroom naar ander domein (Wlz/Zvw)",
                      "naar_wlz": True, "uitstroom": 1}]
    # intramuraal stays primary all along: no doorstroom
    assert rows(con, "select * from marts.doorstroom_maand") == []


def test_einddatum_on_peildatum_is_no_uitstroom():
    # the last day of care is the peildatum itself: still in care that day, not uitstroom
    con = new_warehouse(PEIL)
    add_indicatie(con, "d", "1", "2024-02-01", PEIL, reden="19")
    built(con)
    assert stand(con) == {m(k): 1 for k in range(2, 7)}
    assert [(r["maand"], r["uitstroom"]) for r in stromen(con)] == [(m(2), 0)]
    # the episode counts as in care on the peildatum: 2024-02-01..2024-06-15 = 136 days
    assert rows(con, "select status, duurklasse, episodes from marts.verblijfsduur") == [
        {"status": "in zorg", "duurklasse": "korter dan een half jaar", "episodes": 1}]


def test_indication_after_peildatum_is_not_counted():
    con = new_warehouse(PEIL)
    add_indicatie(con, "e", "1", "2024-03-01", None)
    add_indicatie(con, "f", "2", "2024-06-16", None)  # starts the day after the peildatum
    # and a lighter form for e starting after the peildatum: no doorstroom yet
    add_indicatie(con, "e", "3", "2024-07-01", None, product="15A04")
    built(con)
    assert stand(con) == {m(3): 1, m(4): 1, m(5): 1, m(6): 1}
    assert [(r["maand"], r["instroom"]) for r in stromen(con)] == [(m(3), 1)]
    assert rows(con, "select * from marts.doorstroom_maand") == []
    # the calendar still ends in June 2024
    assert rows(con, "select max(maand) as m from intermediate.maanden") == [{"m": m(6)}]


def test_readmission_within_and_after_365_days():
    con = new_warehouse(PEIL)
    # r: ends 31 Dec 2022, back 31 Dec 2023. 31 Dec 2023 - 365 days = 31 Dec 2022 (2023 has
    # 365 days), a day with care inside the 365 days before: NOT a new client.
    add_indicatie(con, "r", "1", "2022-01-01", "2022-12-31", reden="19")
    add_indicatie(con, "r", "2", "2023-12-31", None)
    # s: ends 31 Dec 2022, back 1 Jan 2024. The 365 days before are 1 Jan 2023 - 31 Dec 2023,
    # none with care: a new client.
    add_indicatie(con, "s", "3", "2022-01-01", "2022-12-31", reden="19")
    add_indicatie(con, "s", "4", "2024-01-01", None)
    built(con)
    flows = {r["maand"]: r for r in stromen(con)}
    assert (flows[m(1, 2022)]["instroom"], flows[m(1, 2022)]["nieuwe_clienten"]) == (2, 2)
    assert flows[m(1, 2023)]["uitstroom"] == 2  # uitstroomdatum 1 Jan 2023
    assert (flows[m(12, 2023)]["instroom"], flows[m(12, 2023)]["nieuwe_clienten"]) == (1, 0)
    assert (flows[m(1, 2024)]["instroom"], flows[m(1, 2024)]["nieuwe_clienten"]) == (1, 1)


def test_primary_indication_rules():
    con = new_warehouse(PEIL)
    # heaviest tussenvorm wins over a later start: g counts in Hoogeveen as intramuraal
    add_indicatie(con, "g", "1", "2024-01-01", None, gemeente=HOOGEVEEN)
    add_indicatie(con, "g", "2", "2024-02-01", None, product="15A03", gemeente=ASSEN)
    # same tussenvorm: latest ingangsdatum wins -> h in Aa en Hunze
    add_indicatie(con, "h", "3", "2024-01-01", None, product="15A03", gemeente=ASSEN)
    add_indicatie(con, "h", "4", "2024-01-02", None, product="15A03", gemeente=AA_EN_HUNZE)
    # same tussenvorm and start: highest toewijzingnummer, numerically: 10 > 9 -> Hoogeveen
    # (as text '9' > '10' would pick Assen)
    add_indicatie(con, "i", "9", "2024-01-01", None, product="15A02", gemeente=ASSEN)
    add_indicatie(con, "i", "10", "2024-01-01", None, product="15A02", gemeente=HOOGEVEEN)
    built(con)
    juni = rows(con, "select gemeente_code, tussenvorm, actief from marts.clienten_maand "
                     "where maand = ? order by gemeente_code, tussenvorm", [m(6)])
    assert juni == [
        {"gemeente_code": HOOGEVEEN, "tussenvorm": "Beschermd wonen intramuraal", "actief": 1},
        {"gemeente_code": HOOGEVEEN, "tussenvorm": "Beschermd wonen nabij", "actief": 1},
        {"gemeente_code": AA_EN_HUNZE, "tussenvorm": "Begeleid wonen", "actief": 1},
    ]
    # three clients, three counted: the split adds up to the distinct-client total
    assert stand(con)[m(6)] == 3


def test_product_outside_catalogue():
    con = new_warehouse(PEIL)
    # category 15, unknown code: BW with tussenvorm Onbekend (lightest: Thuis Plus beats it)
    add_indicatie(con, "j", "1", "2024-01-01", None, product="15Z99")
    add_indicatie(con, "k", "2", "2024-01-01", None, product="15Z99")
    add_indicatie(con, "k", "3", "2024-02-01", None, product="15A04")
    # category 16, unknown code, and a known MO product: not BW
    add_indicatie(con, "l", "4", "2024-01-01", None, product="16Z99")
    add_indicatie(con, "n", "5", "2024-01-01", None, product="16A01")
    built(con)
    juni = rows(con, "select tussenvorm, actief from marts.clienten_maand where maand = ? "
                     "order by tussenvorm", [m(6)])
    assert juni == [{"tussenvorm": "Onbekend", "actief": 1}, {"tussenvorm": "Thuis Plus", "actief": 1}]
    buiten = rows(con, "select * from marts.producten_buiten_catalogus order by productcode")
    assert buiten == [
        {"productcode": "15Z99", "productcategorie": "15", "indicaties": 2, "clienten": 2,
         "telt_als_bw": True},
        {"productcode": "16Z99", "productcategorie": "16", "indicaties": 1, "clienten": 1,
         "telt_als_bw": False},
    ]
    # k: Onbekend (Jan) -> Thuis Plus (Feb) is a step within the episode
    assert rows(con, "select van_tussenvorm, naar_tussenvorm from marts.doorstroom_maand") == [
        {"van_tussenvorm": "Onbekend", "naar_tussenvorm": "Thuis Plus"}]


def test_zin_to_pgb_switch_is_no_flow():
    # same tussenvorm, ZIN until 31 Mar then PGB: one episode, no doorstroom; the stand by
    # leveringsvorm follows the primary indication.
    con = new_warehouse(PEIL)
    add_indicatie(con, "p", "1", "2024-01-01", "2024-03-31", product="15A03", reden="37")
    add_indicatie(con, "p", "2", "2024-04-01", None, product="15A03", leveringsvorm="PGB")
    built(con)
    assert stand(con, leveringsvorm="ZIN") == {m(1): 1, m(2): 1, m(3): 1}
    assert stand(con, leveringsvorm="PGB") == {m(4): 1, m(5): 1, m(6): 1}
    assert [(r["maand"], r["instroom"], r["uitstroom"]) for r in stromen(con)] == [(m(1), 1, 0)]
    assert rows(con, "select * from marts.doorstroom_maand") == []


def test_gemeente_at_start_and_at_end():
    # starts in Assen, moves to Hoogeveen on 1 Mar, leaves 30 Apr with an unknown reason
    con = new_warehouse(PEIL)
    add_indicatie(con, "q", "1", "2024-01-01", "2024-02-29", reden="31")
    add_indicatie(con, "q", "2", "2024-03-01", "2024-04-30", gemeente=HOOGEVEEN, reden="99")
    built(con)
    assert [(r["maand"], r["gemeente_code"], r["instroom"], r["uitstroom"])
            for r in stromen(con)] == [(m(1), ASSEN, 1, 0), (m(5), HOOGEVEEN, 0, 1)]
    assert rows(con, "select reden_code, reden_omschrijving from marts.uitstroom_reden_maand") == [
        {"reden_code": "99", "reden_omschrijving": "Onbekend"}]
    # the gemeente-level balance breaks when a client moves; the region's does not
    assert stand(con, gemeente_code=ASSEN) == {m(1): 1, m(2): 1}
    assert stand(con, gemeente_code=HOOGEVEEN) == {m(3): 1, m(4): 1}


def test_kengetallen_per_1000():
    from wh_raw import add_cbs

    con = new_warehouse(PEIL)
    add_indicatie(con, "t", "1", "2024-01-01", None)
    add_indicatie(con, "u", "2", "2024-02-01", "2024-03-31", reden="39")
    add_cbs(con, ASSEN, "2024-01-01", 50000)
    built(con)
    k = rows(con, "select * from marts.kengetallen_jaar where gemeente_code = ?", [ASSEN])[0]
    # on the peildatum only t is in care: 1 / 50,000 * 1000 = 0.02 per 1.000
    assert (k["jaar"], k["actief_einde"], k["instroom"], k["uitstroom"], k["uitstroom_wlz"]) == (
        2024, 1, 2, 1, 1)
    assert k["inwoners"] == 50000
    assert abs(k["actief_per_1000"] - 0.02) < 1e-12
    assert abs(k["instroom_per_1000"] - 0.04) < 1e-12
    assert abs(k["uitstroom_wlz_per_1000"] - 0.02) < 1e-12


def test_wlz_requests_by_gemeente_and_open_on_peildatum():
    from wh_raw import add_wlz

    con = new_warehouse(PEIL)
    add_indicatie(con, "w", "1", "2024-01-01", None, gemeente=HOOGEVEEN, geboortejaar=1980)
    add_wlz(con, "w", "2024-02-10", "Toegekend", "2024-03-01")
    add_wlz(con, "w", "2024-05-02", "In behandeling")
    add_wlz(con, "onbekend", "2024-05-03", "In behandeling")  # no indication: data quality
    built(con)
    assert rows(con, "select maand, gemeente_code, aanvragen, toegekend, in_behandeling "
                     "from marts.wlz_aanvragen_maand order by maand") == [
        {"maand": m(2), "gemeente_code": HOOGEVEEN, "aanvragen": 1, "toegekend": 1,
         "in_behandeling": 0},
        {"maand": m(5), "gemeente_code": HOOGEVEEN, "aanvragen": 1, "toegekend": 0,
         "in_behandeling": 1},
    ]
    # pending since 2 May 2024; on the peildatum 15 June 2024 that is 44 days: 1 to 3 months
    assert rows(con, "select gemeente_code, leeftijdsklasse, aanvragen "
                     "from marts.wlz_aanvragen_open") == [
        {"gemeente_code": HOOGEVEEN, "leeftijdsklasse": "1 tot 3 maanden", "aanvragen": 1}]
    assert rows(con, "select aantal from marts.datakwaliteit where soort like 'Wlz%'") == [
        {"aantal": 1}]


def test_wlz_decisions_come_from_their_seed():
    """The decision is spelled as in warehouse/seeds/wlz_besluiten.csv whatever its case in the
    export, and the mart has one column per decision of the seed: a decision added to the seed
    stops the publish (check wlz_besluiten_kolommen) until the mart counts it."""
    from wh_raw import add_wlz

    from warehouse.build import run_checks

    con = new_warehouse(PEIL)
    add_indicatie(con, "w", "1", "2024-01-01", None, gemeente=HOOGEVEEN, geboortejaar=1980)
    add_wlz(con, "w", "2024-02-10", "toegekend", "2024-03-01")
    add_wlz(con, "w", "2024-02-11", " INGETROKKEN ", "2024-03-01")
    built(con)
    assert rows(con, "select aanvragen, toegekend, afgewezen, in_behandeling, ingetrokken "
                     "from marts.wlz_aanvragen_maand") == [
        {"aanvragen": 2, "toegekend": 1, "afgewezen": 0, "in_behandeling": 0, "ingetrokken": 1}]
    assert rows(con, "select besluit from staging.wlz order by besluit") == [
        {"besluit": "Ingetrokken"}, {"besluit": "Toegekend"}]

    con.execute("insert into seeds.wlz_besluiten values ('Buiten behandeling', 'buiten_behandeling', "
                "'Buiten behandeling', 'waarvan buiten behandeling', '5')")
    gefaald = {r.name: r.sample for r in run_checks(con) if not r.passed}
    assert gefaald == {"wlz_besluiten_kolommen": [
        {"kolom": "buiten_behandeling", "probleem": "besluit uit de seed zonder kolom in de mart"}]}
