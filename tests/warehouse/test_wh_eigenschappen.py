"""Properties that must hold for any set of indications and declarations (hypothesis).

The build's own checks assert the same things (they raise ChecksFailed), and here they are
recomputed in Python from the marts, so neither side can quietly agree with itself.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wh_raw import (
    AA_EN_HUNZE,
    ASSEN,
    HOOGEVEEN,
    add_cbs,
    add_declaratie,
    add_financien,
    add_indicatie,
    add_pgb,
    built,
    new_warehouse,
    rows,
)

PEIL = date(2024, 3, 15)
BASIS = date(2023, 1, 1)
PRODUCTEN = ["15A01", "15A02", "15A03", "15A04", "15Z99", "16A01"]
GEMEENTEN = [ASSEN, AA_EN_HUNZE, HOOGEVEEN]

indicatie = st.tuples(
    st.integers(0, 4),                                   # client
    st.integers(0, 470),                                 # start, days after 1 Jan 2023
    st.one_of(st.none(), st.integers(0, 200)),           # duration in days (None = open)
    st.sampled_from(PRODUCTEN),
    st.sampled_from(GEMEENTEN),
    st.sampled_from(["ZIN", "PGB"]),
    st.sampled_from([None, "19", "39"]),
)

declaratie = st.tuples(
    st.integers(0, 11),                                  # toewijzing (index; some unknown)
    st.integers(0, 440),                                 # period start
    st.integers(0, 70),                                  # period length - 1
    st.integers(-50000, 500000),                         # amount in cents
)

SETTINGS = settings(max_examples=20, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def fill(con, indicaties, declaraties):
    for n, (client, start, duur, product, gemeente, lv, reden) in enumerate(indicaties):
        begin = BASIS + timedelta(days=start)
        eind = None if duur is None else (begin + timedelta(days=duur)).isoformat()
        add_indicatie(con, f"c{client}", str(n), begin.isoformat(), eind, product=product,
                      gemeente=gemeente, leveringsvorm=lv, reden=reden, tarief="80", eenheid="14")
    for n, (toew, start, lengte, centen) in enumerate(declaraties):
        begin = BASIS + timedelta(days=start)
        add_declaratie(con, f"r{n}", str(toew), begin.isoformat(),
                       (begin + timedelta(days=lengte)).isoformat(), Decimal(centen) / 100)


@SETTINGS
@given(st.lists(indicatie, min_size=1, max_size=12))
def test_splits_add_up_and_region_stand_follows_flows(indicaties):
    con = new_warehouse(PEIL.isoformat())
    fill(con, indicaties, [])
    built(con)  # the checks pass
    per_maand = defaultdict(int)
    for r in rows(con, "select maand, actief from marts.clienten_maand"):
        assert r["actief"] > 0
        per_maand[r["maand"]] += r["actief"]
    maanden = [r["maand"] for r in rows(con, "select maand, standdag from intermediate.maanden "
                                               "order by maand")]
    standdagen = dict(con.execute("select maand, standdag from intermediate.maanden").fetchall())
    # the split by gemeente x tussenvorm x leveringsvorm adds up to the distinct clients with
    # an active BW indication (computed here straight from the fixture)
    bw = [(f"c{c}", BASIS + timedelta(days=s), None if d is None else BASIS + timedelta(days=s + d))
          for c, s, d, product, *_ in indicaties if not product.startswith("16")
          and BASIS + timedelta(days=s) <= PEIL]
    for maand in maanden:
        dag = standdagen[maand]
        actief = {c for c, b, e in bw if b <= dag and (e is None or e >= dag)}
        assert per_maand.get(maand, 0) == len(actief), maand
    # region: stand(m) = stand(m-1) + instroom(m) - uitstroom(m)
    flows = defaultdict(lambda: [0, 0])
    for r in rows(con, "select maand, instroom, uitstroom from marts.stromen_maand"):
        flows[r["maand"]][0] += r["instroom"]
        flows[r["maand"]][1] += r["uitstroom"]
    vorige = 0
    for maand in maanden:
        assert per_maand.get(maand, 0) == vorige + flows[maand][0] - flows[maand][1], maand
        vorige = per_maand.get(maand, 0)
    assert set(flows) <= set(maanden)


@SETTINGS
@given(
    st.lists(indicatie, min_size=1, max_size=8),
    st.lists(declaratie, max_size=10),
    st.lists(st.tuples(st.sampled_from(GEMEENTEN), st.integers(1, 12),
                       st.integers(0, 300000)), max_size=6),
    st.integers(-10**9, 10**9),
    st.lists(st.integers(1, 200000), min_size=3, max_size=3),
)
def test_costs_and_shares_add_up(indicaties, declaraties, pgb, baten_centen, inwoners):
    con = new_warehouse(PEIL.isoformat())
    fill(con, indicaties, declaraties)
    for n, (gemeente, maand, centen) in enumerate(pgb):
        add_pgb(con, f"p{n}", gemeente, 2023 + maand % 2, maand, Decimal(centen) / 100)
    for jaar in (2023, 2024):
        add_financien(con, jaar, "Integratie-uitkering BW", Decimal(baten_centen) / 100)
    for gemeente, n in zip(GEMEENTEN, inwoners):
        add_cbs(con, gemeente, "2024-01-01", n)
    built(con)
    # every declaration line's monthly pieces add up to its amount, to the cent
    stukken = defaultdict(Decimal)
    for r in rows(con, "select regelnummer, kosten_eur from intermediate.declaratie_kosten_maand"):
        stukken[r["regelnummer"]] += r["kosten_eur"]
    for n, (_, _, _, centen) in enumerate(declaraties):
        assert stukken[f"r{n}"] == Decimal(centen) / 100
    # the distribution adds up to each year's result, to the cent, and the key to 1
    resultaat = {r["jaar"]: r["resultaat_eur"]
                 for r in rows(con, "select jaar, resultaat_eur from marts.resultaat_jaar")}
    assert set(resultaat) == {2023, 2024}
    verdeeld = defaultdict(Decimal)
    sleutel = defaultdict(float)
    for r in rows(con, "select * from marts.resultaat_verdeling"):
        verdeeld[r["jaar"]] += r["resultaat_eur"]
        sleutel[r["jaar"]] += r["verdeelsleutel"]
    for jaar, totaal in resultaat.items():
        assert verdeeld[jaar] == totaal
        assert abs(sleutel[jaar] - 1) < 1e-9
