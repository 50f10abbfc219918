"""Report figures equal the marts: built from the sample warehouse, read back from the PDF
(pypdf) and the workbook (openpyxl), compared with queries on the warehouse itself."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from pypdf import PdfReader

from reports import build_report, write_pdf, write_xlsx
from reports.opmaak import tekst
from tests.reports.conftest import ASSEN_USER, REGIO_USER, klein, sql, zichtbaar

ALLE = ("GM0106", "GM0118", "GM0119", "GM1680", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731")


def _in(codes):
    return "(" + ",".join(f"'{c}'" for c in codes) + ")"


def verwacht_kern(wh, codes, van: dt.date, tot: dt.date) -> dict:
    g = _in(codes)
    begin = dt.date(van.year - 1, 12, 1)
    stand = lambda m: sql(wh, f"select coalesce(sum(actief), 0) from marts.clienten_maand where maand = ? "
                              f"and gemeente_code in {g}", [m])[0][0]
    stromen = sql(wh, f"select coalesce(sum(instroom),0), coalesce(sum(nieuwe_clienten),0), coalesce(sum(uitstroom),0), "
                      f"coalesce(sum(uitstroom_wlz),0) from marts.stromen_maand where maand between ? and ? "
                      f"and gemeente_code in {g}", [van, tot])[0]
    kosten = dict(sql(wh, f"select leveringsvorm, sum(kosten_eur) from marts.kosten_maand where maand between ? and ? "
                          f"and gemeente_code in {g} group by 1", [van, tot]))
    return {"begin": int(stand(begin)), "eind": int(stand(tot.replace(day=1))), "instroom": int(stromen[0]),
            "nieuwe": int(stromen[1]), "uitstroom": int(stromen[2]), "wlz": int(stromen[3]),
            "zin": float(kosten.get("ZIN", 0)), "pgb": float(kosten.get("PGB", 0))}


@pytest.fixture
def regio_h1(warehouse):
    return build_report("regio", None, "H1", 2025, REGIO_USER)


def test_region_key_figures_equal_the_marts(warehouse, regio_h1):
    r = regio_h1
    assert (r.van, r.tot, r.vorige_van, r.vorige_tot) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30),
                                                          dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    kern = r.tabel("kerncijfers")
    for kolom, (van, tot) in ((1, (dt.date(2025, 1, 1), dt.date(2025, 6, 1))), (2, (dt.date(2024, 1, 1), dt.date(2024, 6, 1)))):
        v = verwacht_kern(warehouse, ALLE, van, tot)
        def waarde(label, kolom=kolom):
            return kern.rij(label)[kolom]
        assert waarde("Cliënten in zorg aan het begin van de periode") == zichtbaar(v["begin"])
        assert waarde("Cliënten in zorg aan het eind van de periode") == zichtbaar(v["eind"])
        assert waarde("Instroom") == zichtbaar(v["instroom"])
        assert waarde("waarvan nieuwe cliënten") == zichtbaar(v["nieuwe"])
        assert waarde("Uitstroom") == zichtbaar(v["uitstroom"])
        assert waarde("waarvan naar de Wlz") == zichtbaar(v["wlz"])
        assert waarde("Kosten ZIN (gerealiseerd)") == pytest.approx(v["zin"], abs=0.005)
        assert waarde("Kosten PGB (gerealiseerd)") == pytest.approx(v["pgb"], abs=0.005)
        # by hand: the books balance for the region
        assert v["begin"] + v["instroom"] - v["uitstroom"] == v["eind"]


def test_region_per_municipality_and_reasons_equal_the_marts(warehouse, regio_h1):
    t = regio_h1.tabel("per_gemeente")
    for rij in t.rijen[:-1]:
        code = rij[1]
        v = verwacht_kern(warehouse, [code], dt.date(2025, 1, 1), dt.date(2025, 6, 1))
        inw = sql(warehouse, "select inwoners_1_januari from marts.inwoners_jaar where jaar = 2025 and gemeente_code = ?",
                  [code])[0][0]
        assert rij[2] == inw
        assert rij[3] == zichtbaar(v["eind"]) or rij[3] == "x"
        if not isinstance(rij[3], str):
            assert rij[4] == pytest.approx(v["eind"] * 1000 / inw)
        assert rij[8] == pytest.approx(v["zin"] + v["pgb"], abs=0.005)
    redenen = dict(sql(warehouse, "select reden_code, sum(uitstroom) from marts.uitstroom_reden_maand "
                                  "where maand between '2025-01-01' and '2025-06-01' group by 1"))
    rt = regio_h1.tabel("uitstroom_reden")
    for rij in rt.rijen[:-1]:
        if rij[2] != "x":
            assert rij[2] == zichtbaar(int(redenen.get(rij[1], 0)))
    assert rt.rij("Uitstroom naar ander domein (Wlz/Zvw)")[1] == "39"  # reasons in words, with their code


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
    stand = t.rij("Cliënten in zorg aan het eind van de periode")
    assert stand[1] == v["eind"] and stand[2] == pytest.approx(v["eind"] * 1000 / inw)
    assert stand[3] == vr["eind"] and stand[4] == pytest.approx(vr["eind"] * 1000 / inw_regio)
    instroom = t.rij("Instroom")
    assert instroom[2] == pytest.approx(v["instroom"] * 1000 / inw)
    kosten = t.rij("Kosten per inwoner (euro)")
    assert kosten[2] == pytest.approx((v["zin"] + v["pgb"]) / inw)
    # by hand, against kengetallen_jaar (its own per-1000 for the year)
    kg = sql(warehouse, "select actief_per_1000 from marts.kengetallen_jaar where jaar = 2024 and gemeente_code = 'GM0106'")
    assert stand[2] == pytest.approx(kg[0][0])
    # a municipality's report has no breakdown of other municipalities except the settlement
    ids = [t.id for t in r.tabellen]
    assert "per_gemeente" not in ids and "verdeling" in ids


def test_small_numbers_are_suppressed_in_every_report(warehouse, tmp_path):
    # even the region role gets suppressed figures in a report: reports go to councils
    for r in (build_report("regio", None, "H1", 2025, REGIO_USER),
              build_report("gemeente", "GM0106", "H1", 2025, ASSEN_USER)):
        gezien_klein = False
        for t in r.tabellen:
            for i, rij in enumerate(t.rijen):
                for j, v in enumerate(rij):
                    soort = t.soort(i, j)
                    if soort == "aantal" and not t.kolommen[j].naam.startswith("Verschil"):  # a change is no count
                        assert not klein(v), (r.naam, t.id, i, j, v)
                    gezien_klein |= v == "< 5"
        assert gezien_klein
        write_xlsx(r, tmp_path / "k.xlsx")
        wb = openpyxl.load_workbook(tmp_path / "k.xlsx")
        if r.scope_kind == "regio":  # data quality: region reports only
            dq = wb["Datakwaliteit"]
            rijen = {row[0].value: [c.value for c in row] for row in dq.iter_rows(min_row=2) if row[0].value}
            assert rijen["=2+3"][2:4] == ["< 5", "< 5"]
        else:
            assert "Datakwaliteit" not in wb.sheetnames
