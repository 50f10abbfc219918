"""Properties on generated deliveries written as real export files and loaded through the real
readers and `load()` (the warehouse's own property tests inject raw rows; these go end to end):
splits add up, flows explain the stand, shares add up to the result to the cent; and values
survive a round trip through a CSV or XLSX file whatever their characters, encoding or line
ends."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import duckdb
import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load import load
from etl.validate import read_export
from tests.fixtures.delivery import CBS, HEADERS, cbs_rows

PEIL = date(2024, 6, 30)
START = date(2023, 1, 1)
REGION = ["GM1680", "GM0106", "GM1731", "GM1699", "GM1730", "GM1690", "GM0118", "GM0119", "GM1701"]
GEMEENTEN = {"GM0106": ["GM0106", "0106", "106"], "GM0119": ["GM0119", "119"],
             "GM1680": ["gm1680", "1680"]}
ESSENTIALS = HEADERS["indicaties"]


def nl_date(d: date, pad: bool) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}" if pad else f"{d.day}-{d.month}-{d.year}"


def nl_amount(cents: int, thousands: bool, euro: bool) -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".") if thousands else str(whole)
    return ("€ " if euro else "") + f"{sign}{text},{frac:02d}"


client = st.tuples(
    st.sampled_from(sorted(GEMEENTEN)),
    st.lists(st.tuples(st.integers(0, 560),                        # start, days after START
                       st.one_of(st.none(), st.integers(0, 250)),  # duration (None = open)
                       st.sampled_from(["15A01", "15A03"]),
                       st.sampled_from(["ZIN", "PGB"]),
                       st.sampled_from(["19", "39", ""])),
             min_size=1, max_size=3))
delivery = st.fixed_dictionaries({
    "clients": st.lists(client, min_size=1, max_size=6),
    "decl_cents": st.lists(st.integers(-50_000, 2_000_000), min_size=1, max_size=6),
    "pgb_cents": st.lists(st.integers(0, 500_000), min_size=0, max_size=4),
    "baten": st.integers(0, 5_000_000_00),
    "uitvoering": st.integers(0, 500_000_00),
    "format": st.tuples(st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "utf-8-sig"]),
                        st.booleans(), st.booleans()),
})


def write(folder, soort: str, header: str, rows: list[str], nl: str, encoding: str) -> None:
    (folder / f"{soort}_{PEIL:%Y%m%d}.csv").write_bytes((nl.join([header, *rows]) + nl).encode(encoding))


def write_delivery(folder, d) -> list[tuple]:
    """The generated delivery as files; returns the indications as (client, gemeente, start, end)."""
    folder.mkdir()
    nl, encoding, pad, thousands = d["format"]
    inds, rows = [], []
    for c, (gem, items) in enumerate(d["clients"]):
        for i, (s, dur, product, vorm, reden) in enumerate(items):
            begin = START + timedelta(days=s)
            end = None if dur is None else begin + timedelta(days=dur)
            spelling = GEMEENTEN[gem][(c + i) % len(GEMEENTEN[gem])]
            rows.append(f"K{c};{spelling};T{c}-{i};15;{product};{vorm};{nl_date(begin, pad)};"
                        f"{nl_date(end, pad) if end else ''};{reden if end else ''};150,00;14")
            inds.append((f"K{c}", gem, begin, end))
    write(folder, "indicaties", HEADERS["indicaties"], rows, nl, encoding)
    decl = [f"R{j};T0-0;01-0{1 + j % 6}-2024;1{j % 9}-0{1 + j % 6}-2024;"
            f"{nl_amount(cents, thousands, j % 2 == 0)};Toegekend"
            for j, cents in enumerate(d["decl_cents"])]
    write(folder, "declaraties", HEADERS["declaraties"], decl, nl, encoding)
    pgb = [f"K0;{inds[0][1]};2024;{1 + j};{nl_amount(cents, thousands, False)}"
           for j, cents in enumerate(d["pgb_cents"])]
    write(folder, "pgb", HEADERS["pgb"], pgb, nl, encoding)
    fin = []
    for jaar in (2023, 2024):
        fin += [f"{jaar};Integratie-uitkering BW;{nl_amount(d['baten'], thousands, False)}",
                f"{jaar};Uitvoeringskosten BW;{nl_amount(d['uitvoering'], thousands, True)}",
                f"{jaar};Begroting clientgebonden kosten BW;1.000,00"]
    write(folder, "financien", HEADERS["financien"], fin, nl, encoding)
    write(folder, "producten", HEADERS["producten"],
          ["15A01;Beschermd wonen intramuraal;BW 24 uur;15", "15A03;Begeleid wonen;BgW;15"],
          nl, encoding)
    write(folder, "wlz", HEADERS["wlz"], ["K0;01-05-2024;In behandeling;"], nl, encoding)
    (folder / f"cbs_{PEIL:%Y%m%d}.csv").write_text(
        "\n".join(CBS + cbs_rows(REGION, years=(2023, 2024, 2025))) + "\n", encoding="utf-8")
    return inds


def month_ends(first: date) -> list[date]:
    out, m = [], date(first.year, first.month, 1)
    while m <= PEIL:
        nxt = date(m.year + m.month // 12, m.month % 12 + 1, 1)
        out.append(min(nxt - timedelta(days=1), PEIL))
        m = nxt
    return out


SETTINGS = settings(max_examples=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(delivery)
def test_marts_of_a_generated_delivery_add_up(tmp_path_factory, d):
    base = tmp_path_factory.mktemp("lev")
    inds = write_delivery(base / "lev", d)
    wh = base / "warehouse.duckdb"
    report = load(base / "lev", wh)
    assert report.published
    assert all(f.regels_afgekeurd == 0 for f in report.files), [f.redenen for f in report.files]
    con = duckdb.connect(str(wh), read_only=True)
    try:
        stand = defaultdict(int)
        stand_gem = defaultdict(int)
        for maand, gem, actief in con.execute(
                "select maand, gemeente_code, sum(actief) from marts.clienten_maand group by all").fetchall():
            stand[maand] += actief
            stand_gem[maand, gem] += actief
        flows = {m: (i, u) for m, i, u in con.execute(
            "select maand, sum(instroom), sum(uitstroom) from marts.stromen_maand group by 1").fetchall()}
        resultaat = {(j, v): r for j, v, r in con.execute(
            "select jaar, versie, resultaat_eur from marts.resultaat_jaar").fetchall()}
        verdeeld = {(j, v): (s, n) for j, v, s, n in con.execute(
            "select jaar, versie, sum(resultaat_eur), count(*) from marts.resultaat_verdeling "
            "group by 1, 2").fetchall()}
    finally:
        con.close()

    # splits add up: the stand split by gemeente/tussenvorm/leveringsvorm is the number of
    # distinct clients with an active indication on the month's last day (or the peildatum)
    ends = month_ends(min(b for _, _, b, _ in inds))
    for day in ends:
        maand = date(day.year, day.month, 1)
        active = {(c, g) for c, g, b, e in inds if b <= day and (e is None or day <= e)}
        assert stand.get(maand, 0) == len(active), maand
        for g in GEMEENTEN:
            assert stand_gem.get((maand, g), 0) == sum(1 for _, gg in active if gg == g)

    # flows explain the stand, region-wide, month by month from zero
    previous = 0
    for day in ends:
        maand = date(day.year, day.month, 1)
        instroom, uitstroom = flows.get(maand, (0, 0))
        assert stand.get(maand, 0) == previous + instroom - uitstroom, maand
        previous = stand.get(maand, 0)

    # the distribution over the nine municipalities adds up to the result, to the cent
    assert verdeeld, "no distribution built"
    for key, (som, n) in verdeeld.items():
        assert n == len(REGION)
        assert Decimal(som) == Decimal(resultaat[key]), key


# --- reader round trips ------------------------------------------------------------------------

TRIM = " \t\xa0"
text_value = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from([";", '"', "\n", "=", "€", "é", "'"]),
    min_size=1, max_size=40).filter(lambda s: s == s.strip(TRIM) and s.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(text_value, text_value), min_size=1, max_size=8),
       st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       st.integers(0, 3))
def test_csv_round_trips_any_text(tmp_path_factory, values, nl, encoding, titles):
    """Any text (quotes, delimiters, line breaks, formula-like strings) written by a CSV writer
    in any accepted encoding, below any number of title lines, reads back as written."""
    if encoding == "cp1252":
        try:
            "".join(a + b for a, b in values).encode("cp1252")
        except UnicodeEncodeError:
            encoding = "utf-8"
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", lineterminator=nl)
    for i in range(titles):
        writer.writerow([f"Rapport {i}"])
    writer.writerow(ESSENTIALS.split(";") + ["Productomschrijving", "Aanbieder"])
    for i, (omschrijving, aanbieder) in enumerate(values):
        writer.writerow([f"C{i}", "GM0106", str(i), "15", "15A01", "ZIN", "01-01-2024",
                         "", "", "", "", omschrijving, aanbieder])
    path = tmp_path_factory.mktemp("rt") / "indicaties.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    result = read_export(path, "indicaties", REGION)
    assert result.rejected == []
    assert result.rows.column("productomschrijving").to_pylist() == [a for a, _ in values]
    assert result.rows.column("aanbieder").to_pylist() == [b for _, b in values]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(text_value, st.integers(-10**9, 10**9), st.dates(date(1900, 3, 1))),
                min_size=1, max_size=8))
def test_xlsx_round_trips_text_amounts_and_dates(tmp_path_factory, values):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Regelnummer", "Toewijzingnummer", "Periode_begin", "Periode_eind", "Bedrag",
               "Status", "Aanbieder"])
    for i, (text, cents, day) in enumerate(values, start=2):
        ws.append([f"R{i}", "T1", day, date(9999, 12, 31), Decimal(cents) / 100, "Toegekend", None])
        cell = ws.cell(row=i, column=7, value=text)
        cell.data_type = "s"
    path = tmp_path_factory.mktemp("xl") / "declaraties.xlsx"
    wb.save(path)
    result = read_export(path, "declaraties", REGION)
    assert result.rejected == []
    assert result.rows.column("aanbieder").to_pylist() == [t for t, _, _ in values]
    assert result.rows.column("bedrag").to_pylist() == [Decimal(c) / 100 for _, c, _ in values]
    assert result.rows.column("periode_begin").to_pylist() == [d for _, _, d in values]
