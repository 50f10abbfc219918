"""Report figures are the marts as published by kern.afscherming: built from the sample
warehouse, read back from the PDF (pypdf) and the workbook (openpyxl), compared with queries on
the warehouse itself.

The published values are worked out in the comments from the fixture's exact values: a count of
0-4 is '< 5'; a larger count is one of its two neighbouring multiples of 5 (a multiple stays as
it is). Which one is kern's keyed draw (the tests fix the development key, conftest.py), so a
comment such as "372 -> 375 (up)" records the direction and the hand part is the neighbour and
everything computed from it: a difference, a change in %, a share or a rate per 1.000 comes
from the published counts, '–' where a count it needs is '< 5'. Each count is rounded on its
own, totals too."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from pypdf import PdfReader

from reports import build_report, write_pdf, write_xlsx
from reports.opmaak import tekst
from tests.reports.conftest import (
    ALLE,
    ASSEN_USER,
    REGIO_USER,
    gepubliceerd,
    sql,
    verwacht_kern,
)


@pytest.fixture
def regio_h1(warehouse):
    return build_report("regio", None, "H1", 2025, REGIO_USER)


def test_region_key_figures_equal_the_marts(warehouse, regio_h1):
    r = regio_h1
    assert (r.van, r.tot, r.vorige_van, r.vorige_tot) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30),
                                                          dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    # the fixture's exact figures, from the marts
    nu = verwacht_kern(warehouse, ALLE, dt.date(2025, 1, 1), dt.date(2025, 6, 1))
    toen = verwacht_kern(warehouse, ALLE, dt.date(2024, 1, 1), dt.date(2024, 6, 1))
    assert {k: nu[k] for k in ("begin", "instroom", "nieuwe", "uitstroom", "wlz", "eind")} == {
        "begin": 372, "instroom": 84, "nieuwe": 79, "uitstroom": 85, "wlz": 1, "eind": 371}
    assert {k: toen[k] for k in ("begin", "instroom", "nieuwe", "uitstroom", "wlz", "eind")} == {
        "begin": 358, "instroom": 80, "nieuwe": 78, "uitstroom": 73, "wlz": 5, "eind": 365}
    for v in (nu, toen):  # by hand: the exact books balance for the region
        assert v["begin"] + v["instroom"] - v["uitstroom"] == v["eind"]
    lv = {(m, lv): n for m, lv, n in sql(warehouse, "select maand, leveringsvorm, sum(actief) from "
                                                    "marts.clienten_maand group by 1, 2")}
    assert (lv[(dt.date(2025, 6, 1), "ZIN")], lv[(dt.date(2025, 6, 1), "PGB")]) == (331, 40)
    assert (lv[(dt.date(2024, 6, 1), "ZIN")], lv[(dt.date(2024, 6, 1), "PGB")]) == (335, 30)
    kern = r.tabel("kerncijfers")

    def rij(label):  # H1 2025, H1 2024, Verschil, Verschil %
        return kern.rij(label)[1:]
    assert rij("Cliënten in zorg aan het begin van de periode") == [375, 355, 20, pytest.approx(20 / 355)]
    #   372 -> 375 (up), 358 -> 355 (down); 375 - 355 = 20 (not 372 - 358 = 14); 20 / 355
    assert rij("Instroom") == [85, 80, 5, pytest.approx(5 / 80)]                # 84 -> 85 (up), 80 stays
    assert rij("waarvan nieuwe cliënten") == [80, 80, 0, 0.0]                   # 79 -> 80, 78 -> 80 (up)
    assert rij("Uitstroom") == [85, 75, 10, pytest.approx(10 / 75)]             # 85 stays, 73 -> 75 (up)
    assert rij("waarvan naar de Wlz") == ["< 5", 5, "–", "–"]                   # 1 -> < 5: no change shown
    assert rij("Cliënten in zorg aan het eind van de periode") == [370, 365, 5, pytest.approx(5 / 365)]
    #   371 -> 370 (down), 365 stays
    assert rij("waarvan zorg in natura (ZIN)") == [335, 335, 0, 0.0]           # 331 -> 335 (up), 335 stays
    assert rij("waarvan persoonsgebonden budget (PGB)") == [40, 30, 10, pytest.approx(10 / 30)]
    # each rounded on its own: the published books do not balance (375 + 85 - 85 = 375, end 370),
    # nor do the parts add up (ZIN 335 + PGB 40 = 375, end 370)
    begin, instroom, uitstroom = (rij(k)[0] for k in ("Cliënten in zorg aan het begin van de periode", "Instroom",
                                                       "Uitstroom"))
    eind = rij("Cliënten in zorg aan het eind van de periode")[0]
    assert (begin + instroom - uitstroom, eind) == (375, 370)
    assert rij("waarvan zorg in natura (ZIN)")[0] + rij("waarvan persoonsgebonden budget (PGB)")[0] == 375
    # euro amounts are exact, their change too
    zin = rij("Kosten ZIN (gerealiseerd)")
    assert zin[:2] == [pytest.approx(nu["zin"], abs=0.005), pytest.approx(toen["zin"], abs=0.005)]
    assert zin[2] == pytest.approx(nu["zin"] - toen["zin"], abs=0.01)
    assert zin[3] == pytest.approx((nu["zin"] - toen["zin"]) / toen["zin"])
    assert rij("Kosten PGB (gerealiseerd)")[0] == pytest.approx(nu["pgb"], abs=0.005)
    assert rij("Kosten totaal (gerealiseerd)")[0] == pytest.approx(nu["zin"] + nu["pgb"], abs=0.005)
    assert "Door de afronding is begin + instroom - uitstroom niet altijd gelijk" in kern.toelichting


def test_region_stand_table_rounds_each_cell_and_total_on_its_own(warehouse, regio_h1):
    t = regio_h1.tabel("stand")
    # exact (30 juni 2025: ZIN, PGB, total; 30 juni 2024: total) -> published; Verschil from the published totals
    assert t.rij("Beschermd wonen intramuraal")[1:] == [125, 15, 140, 140, 0]  # 126 down, 14 up, 140; 130+10
    assert t.rij("Beschermd wonen nabij")[1:] == [75, 10, 85, 90, -5]          # 73 up, 12 down, 85; 80+9 = 89 up
    assert t.rij("Begeleid wonen")[1:] == [80, 5, 85, 85, 0]                   # 77 up, 6 down, 83 up; 77+7 = 84 up
    assert t.rij("Thuis Plus")[1:] == [50, 5, 55, 50, 5]                       # 49 up, 8 down, 57 down; 45+4 = 49 up
    assert t.rij("Onbekend")[1:] == [5, "< 5", 5, "< 5", "–"]                 # 6 down, 0, 6 down; 3: no change
    assert t.rij("Totaal")[1:] == [335, 40, 370, 365, 5]                       # 331 up, 40, 371 down; 365
    # the parts need not add up: PGB 15 + 10 + 5 + 5 + '< 5' is 35 to 39, the total (exact 40) is 40
    assert sum(t.kolom("PGB H1 2025")[:4]) == 35


def test_region_per_municipality_and_reasons_equal_the_marts(warehouse, regio_h1):
    t = regio_h1.tabel("per_gemeente")
    for rij in t.rijen[:-1]:
        code = rij[1]
        v = verwacht_kern(warehouse, [code], dt.date(2025, 1, 1), dt.date(2025, 6, 1))
        inw = sql(warehouse, "select inwoners_1_januari from marts.inwoners_jaar where jaar = 2025 and gemeente_code = ?",
                  [code])[0][0]
        assert rij[2] == inw  # population: exact
        assert rij[3] == gepubliceerd(v["eind"])
        assert rij[4] == (pytest.approx(rij[3] * 1000 / inw) if rij[3] != "< 5" else "–")  # from the published stand
        assert rij[5:8] == [gepubliceerd(v["instroom"]), gepubliceerd(v["uitstroom"]), gepubliceerd(v["wlz"])]
        assert rij[8] == pytest.approx(v["zin"] + v["pgb"], abs=0.005)  # euros: exact
    # by hand, Aa en Hunze: stand 18 -> 20 (up), instroom 4, uitstroom 4 and Wlz 0 -> < 5
    assert t.rij("Aa en Hunze")[2:8] == [25845, 20, pytest.approx(20 * 1000 / 25845), "< 5", "< 5", "< 5"]
    # Assen: stand 135 stays, instroom 33 -> 30 (down), uitstroom 27 -> 25 (down)
    assert t.rij("Assen")[3:8] == [135, pytest.approx(135 * 1000 / 69701), 30, 25, "< 5"]
    # the region's total is rounded on its own: stand 371 -> 370, instroom 84 -> 85, Wlz 1 -> < 5
    assert t.rij("Regio (totaal)")[2:8] == [333044, 370, pytest.approx(370 * 1000 / 333044), 85, 85, "< 5"]
    redenen = dict(sql(warehouse, "select reden_code, sum(uitstroom) from marts.uitstroom_reden_maand "
                                  "where maand between '2025-01-01' and '2025-06-01' group by 1"))
    assert redenen == {"02": 5, "19": 22, "20": 5, "21": 14, "22": 14, "23": 13, "31": 5, "36": 3, "38": 3, "39": 1}
    vorig = dict(sql(warehouse, "select reden_code, sum(uitstroom) from marts.uitstroom_reden_maand "
                                "where maand between '2024-01-01' and '2024-06-01' group by 1"))
    assert vorig == {"02": 1, "19": 17, "20": 3, "21": 22, "22": 7, "23": 13, "31": 3, "38": 2, "39": 5}
    rt = regio_h1.tabel("uitstroom_reden")
    assert {rij[1]: rij[2:] for rij in rt.rijen[:-1]} == {
        # code: [H1 2025, H1 2024, Verschil]
        "02": [5, "< 5", "–"],      # 5; 1: no difference
        "19": [20, 20, 0],          # 22 -> 20 (down); 17 -> 20 (up)
        "20": [5, "< 5", "–"],      # 5; 3
        "21": [15, 20, -5],         # 14 -> 15 (up); 22 -> 20 (down)
        "22": [15, 10, 5],          # 14 -> 15 (up); 7 -> 10 (up)
        "23": [15, 15, 0],          # 13 -> 15 (up), both
        "31": [5, "< 5", "–"],      # 5; 3
        "36": ["< 5", "< 5", "–"],  # 3; 0
        "38": ["< 5", "< 5", "–"],  # 3; 2
        "39": ["< 5", 5, "–"],      # 1; 5
    }
    assert rt.rij("Totaal")[2:] == [85, 75, 10]  # 85; 73 -> 75 (the total rounded on its own)
    assert rt.rij("Uitstroom naar ander domein (Wlz/Zvw)")[1] == "39"  # reasons in words, with their code


def test_clients_share_by_leveringsvorm_from_the_rounded_counts(warehouse, regio_h1):
    t = regio_h1.tabel("zin_pgb")
    # 2025: ZIN 331 -> 335 (up), PGB 40, total 371 -> 370 (down); 2024: 335, 30, 365 stay
    assert t.rij("ZIN")[1:5] == [335, pytest.approx(335 / 370), 335, pytest.approx(335 / 365)]
    assert t.rij("PGB")[1:5] == [40, pytest.approx(40 / 370), 30, pytest.approx(30 / 365)]
    assert t.rij("Totaal")[1:5] == [370, 1.0, 365, 1.0]
    # shares of the published counts need not add up to 100%: 335/370 + 40/370 = 101,4%
    assert t.rij("ZIN")[2] + t.rij("PGB")[2] == pytest.approx(375 / 370)
    kosten = t.rij("ZIN")[5]  # euro amounts and their share: exact
    assert t.rij("ZIN")[6] == pytest.approx(kosten / t.rij("Totaal")[5])


def test_distribution_equals_the_mart_and_adds_up(warehouse, regio_h1):
    r = regio_h1
    assert r.verdeeljaar == 2024 and r.resultaat_versie == "lopend"
    t = r.tabel("verdeling")
    mart = {naam: (float(res), inw, ia, ka, sl) for naam, res, inw, ia, ka, sl in sql(
        warehouse, "select g.gemeente_naam, v.resultaat_eur, v.inwoners, v.inwoners_aandeel, v.kosten_aandeel, "
                   "v.verdeelsleutel from marts.resultaat_verdeling v join marts.gemeenten g using (gemeente_code) "
                   "where jaar = 2024 and versie = 'lopend'")}
    assert len(t.rijen) == len(mart) + 1
    for rij in t.rijen[:-1]:
        res, inw, ia, ka, sl = mart[rij[0]]
        assert rij[1] == inw and rij[2] == pytest.approx(ia) and rij[5] == pytest.approx(ka)
        assert rij[3] == pytest.approx(ia / 2) and rij[6] == pytest.approx(ka / 2)  # both halves shown
        assert rij[7] == pytest.approx(sl) == pytest.approx(rij[3] + rij[6])
        assert rij[8] == pytest.approx(res)
    resultaat = sql(warehouse, "select resultaat_eur from marts.resultaat_jaar where jaar = 2024 and versie = 'lopend'")[0][0]
    assert t.rijen[-1][8] == pytest.approx(float(resultaat), abs=0.001)  # shares add up to the result


def _pdf_tekst(pad) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(pad)).pages)


def test_pdf_and_workbook_carry_the_report_figures(warehouse, regio_h1, tmp_path):
    r = regio_h1
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    paginas = write_pdf(r, pdf)
    write_xlsx(r, xlsx)
    tekst_pdf = _pdf_tekst(pdf)
    lezer = PdfReader(str(pdf))
    assert len(lezer.pages) == paginas >= 4
    assert lezer.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4
    assert f"pagina 1 van {paginas}" in tekst_pdf and f"pagina {paginas} van {paginas}" in tekst_pdf
    assert "Gegevens t/m 30 juni 2025" in tekst_pdf
    assert "Leeswijzer" in tekst_pdf and "Bijlage: definities" in tekst_pdf
    assert "Resultaatversie: lopend" in tekst_pdf
    # charts are vector drawings: no images on any page
    assert all(not p.images for p in lezer.pages)
    wb = openpyxl.load_workbook(xlsx)
    platte_pdf = re.sub(r"\s+", " ", tekst_pdf)
    for t in r.tabellen:
        ws = next(wb[n] for n in wb.sheetnames if n == t.blad)
        assert [c.value for c in ws[1]][:len(t.kolommen)] == [k.naam for k in t.kolommen]
        assert ws.freeze_panes == "A2"
        for i, rij in enumerate(t.rijen):
            cellen = [c.value for c in ws[i + 2]][:len(rij)]
            for j, (verwacht, cel) in enumerate(zip(rij, cellen)):
                if isinstance(verwacht, float):
                    assert cel == pytest.approx(verwacht), (t.id, i, j)
                elif isinstance(verwacht, dt.date):
                    assert cel.date() == verwacht
                elif verwacht in (None, ""):
                    assert cel in (None, "")
                else:
                    assert cel == verwacht, (t.id, i, j)
                # the same figure, formatted, is in the PDF
                gezet = tekst(verwacht, t.soort(i, j))
                if gezet and t.kolommen[j].soort != "tekst":
                    assert gezet in platte_pdf, (t.id, i, j, gezet)


def test_workbook_number_formats(warehouse, regio_h1, tmp_path):
    write_xlsx(regio_h1, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    ws = wb["Kerncijfers"]
    assert ws["B2"].number_format == "#,##0"
    assert ws["B10"].number_format == '"€" #,##0.00'
    assert ws["E2"].number_format == "0.0%"
    assert wb.sheetnames[0] == "Rapport" and wb.sheetnames[-1] == "Definities"
    info = {r[0].value: r[1].value for r in wb["Rapport"].iter_rows(min_row=2, max_row=12)}
    assert info["Gegevens t/m"] == "30 juni 2025" and info["Resultaatversie"] == "lopend"


def test_municipality_against_region_per_1000(warehouse):
    r = build_report("gemeente", "GM0106", "JAAR", 2024, ASSEN_USER)
    assert r.naam == "Assen" and r.periode_label == "2024"
    t = r.tabel("vergelijking")
    inw = sql(warehouse, "select inwoners_1_januari from marts.inwoners_jaar where jaar = 2024 and gemeente_code = 'GM0106'")[0][0]
    inw_regio = sql(warehouse, "select sum(inwoners_1_januari) from marts.inwoners_jaar where jaar = 2024")[0][0]
    v = verwacht_kern(warehouse, ["GM0106"], dt.date(2024, 1, 1), dt.date(2024, 12, 1))
    vr = verwacht_kern(warehouse, ALLE, dt.date(2024, 1, 1), dt.date(2024, 12, 1))
    assert t.rij("Inwoners (1 januari)")[1] == inw and t.rij("Inwoners (1 januari)")[3] == inw_regio
    assert (inw, inw_regio) == (69701, 333044)
    assert (v["eind"], v["instroom"], v["uitstroom"], v["wlz"]) == (129, 48, 45, 4)
    assert (vr["eind"], vr["instroom"]) == (372, 153)
    stand = t.rij("Cliënten in zorg aan het eind van de periode")
    # Assen 129 -> 130 (up), per 1.000: 130 / 69.701 x 1.000 = 1,87 (the exact 129 gives 1,85);
    # regio 372 -> 375 (up, the same value as the region's begin stand of H1 2025, rounded the same way)
    assert stand[1:5] == [130, pytest.approx(130 * 1000 / 69701), 375, pytest.approx(375 * 1000 / 333044)]
    assert t.rij("Instroom")[1:5] == [50, pytest.approx(50 * 1000 / 69701), 155, pytest.approx(155 * 1000 / 333044)]
    #   48 -> 50 (up); 153 -> 155 (up)
    assert t.rij("waarvan naar de Wlz")[1:3] == ["< 5", "–"]  # 4 -> < 5: no rate
    kosten = t.rij("Kosten per inwoner (euro)")
    assert kosten[2] == pytest.approx((v["zin"] + v["pgb"]) / inw)  # euros per inhabitant: exact
    # the mart's own rate is exact (129 / 69.701 x 1.000); the report's comes from the published 130
    kg = sql(warehouse, "select actief_per_1000 from marts.kengetallen_jaar where jaar = 2024 and gemeente_code = 'GM0106'")
    assert kg[0][0] == pytest.approx(129 * 1000 / 69701) and stand[2] != pytest.approx(kg[0][0])
    # a municipality's report has no breakdown of other municipalities except the settlement
    ids = [t.id for t in r.tabellen]
    assert "per_gemeente" not in ids and "verdeling" in ids


def _telt(t, i, j) -> bool:
    """A cell holding a client count: kind 'aantal', except population (the 'Inwoners' columns and row)."""
    return (t.soort(i, j) == "aantal" and not t.kolommen[j].naam.startswith("Inwoners")
            and t.rijen[i][0] != "Inwoners (1 januari)")


def test_every_count_in_every_report_is_published(warehouse, tmp_path):
    # even the region role gets published figures in a report: reports go to councils
    for r in (build_report("regio", None, "H1", 2025, REGIO_USER),
              build_report("gemeente", "GM0106", "H1", 2025, ASSEN_USER),
              build_report("gemeente", "GM1701", "JAAR", 2024, REGIO_USER)):
        gezien = set()
        for t in r.tabellen:
            for i, rij in enumerate(t.rijen):
                for j, v in enumerate(rij):
                    assert v != "x", (r.naam, t.id, i, j)  # the old secondary suppression is gone
                    if _telt(t, i, j):  # counts and differences of counts: < 5, multiples of 5, or –
                        assert v in (None, "< 5", "–") or (isinstance(v, int) and v % 5 == 0), (r.naam, t.id, i, j, v)
                        gezien.add("< 5" if v == "< 5" else "–" if v == "–" else "afgerond")
        assert gezien == {"< 5", "–", "afgerond"}, r.naam
        for g in r.grafieken:  # a chart that is drawn shows the published values only
            if not g.weggelaten and g.eenheid == "aantal":
                assert all(isinstance(v, int) and v % 5 == 0 for _, w in g.reeksen for v in w), g.id
        write_xlsx(r, tmp_path / "k.xlsx")
        wb = openpyxl.load_workbook(tmp_path / "k.xlsx")
        if r.scope_kind == "regio":  # data quality: region reports only
            dq = wb["Datakwaliteit"]
            rijen = {row[0].value: [c.value for c in row] for row in dq.iter_rows(min_row=2) if row[0].value}
            assert rijen["=2+3"][2:4] == ["< 5", "< 5"]  # 1 indication, 1 client
            assert rijen["15L91"][2:4] == [gepubliceerd(n) for n in _dq(warehouse, "15L91")]
        else:
            assert "Datakwaliteit" not in wb.sheetnames


def _dq(wh, code):
    from kern import data
    pb = data.producten_buiten_catalogus(True)
    r = pb[pb["productcode"] == code].iloc[0]
    return int(r["indicaties"]), int(r["clienten"])


# the reading guide's sentence on counts, as the brief words it, for the committed method (0-4 -> '< 5')
UITLEG = ("Aantallen zijn afgerond op veelvouden van 5; aantallen van 0 tot en met 4 staan als '< 5'. Totalen zijn "
          "apart afgerond, dus de delen tellen niet altijd op tot het totaal. Verschillen, percentages en cijfers "
          "per 1.000 inwoners zijn berekend uit de afgeronde aantallen.")


def test_reading_guide_definitions_and_workbook_state_the_method(warehouse, regio_h1, tmp_path):
    r = regio_h1
    assert any(UITLEG in t for t in r.leeswijzer)
    definities = dict(r.definities)
    assert UITLEG in definities["Kleine aantallen en afronding"]
    assert "niet altijd op tot het afgeronde totaal" in definities["Stand (cliënten in zorg)"]
    assert not any("'x'" in t or "0 staat als 0" in t for t in r.leeswijzer + list(definities.values()))
    # the Wlz entries take the reason code, the opening date and the decisions from the seeds
    assert definities["Uitstroom naar de Wlz"] == (
        "Uitstroom met reden 39 (uitstroom naar ander domein, bijvoorbeeld Wlz of Zvw). Sinds 1 januari 2021 "
        "staat de Wlz open voor mensen met psychische problematiek.")
    assert definities["Wlz-aanvraag"].endswith(
        "besluit zoals dat op de peildatum bekend is (toegekend, afgewezen, in behandeling, ingetrokken).")
    assert not any("{" in t for t in definities.values())
    write_pdf(r, tmp_path / "r.pdf")
    write_xlsx(r, tmp_path / "r.xlsx")
    assert UITLEG in re.sub(r"\s+", " ", _pdf_tekst(tmp_path / "r.pdf"))
    info = {row[0].value: row[1].value for row in openpyxl.load_workbook(tmp_path / "r.xlsx")["Rapport"].iter_rows(min_row=2)}
    assert UITLEG in info["Kleine aantallen en afronding"]


def test_the_configured_method_is_used_and_stated(warehouse, monkeypatch):
    monkeypatch.setenv("BWMO_KLEINE_AANTALLEN", "10")
    monkeypatch.setenv("BWMO_AFRONDEN_OP", "10")
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    assert any("Aantallen zijn afgerond op veelvouden van 10; aantallen van 0 tot en met 9 staan als '< 10'." in t
               for t in r.leeswijzer)
    kern = r.tabel("kerncijfers")
    assert kern.rij("Cliënten in zorg aan het begin van de periode")[1:4] == [370, 360, 10]  # 372 down, 358 up
    assert kern.rij("Uitstroom")[1:4] == [80, 70, 10]                                        # 85 down, 73 down
    assert kern.rij("waarvan naar de Wlz")[1:4] == ["< 10", "< 10", "–"]                    # 1, 5
    monkeypatch.setenv("BWMO_AFRONDEN_OP", "1")  # rounding switched off: only the drempel
    monkeypatch.delenv("BWMO_KLEINE_AANTALLEN")
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    assert r.tabel("kerncijfers").rij("Instroom")[1:4] == [84, 80, 4]
    assert any(t.startswith("Aantallen zijn niet afgerond; aantallen van 0 tot en met 4 staan als '< 5'.")
               for t in r.leeswijzer)
