"""The half-year report's chapter on maatschappelijke opvang (issue 13): its figures are the MO
marts of the sample warehouse, published by kern.afscherming, in the PDF and the workbook alike."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from pypdf import PdfReader

from reports import build_report, write_pdf, write_xlsx
from tests.reports.conftest import ALLE, ASSEN_USER, REGIO_USER, _in, gepubliceerd, sql


def verwacht_mo(wh, codes, van: dt.date, tot: dt.date) -> dict:
    """The exact MO figures of `codes` for the months van..tot, straight from the marts."""
    g = _in(codes)
    stand = lambda m, vorm=None: sql(
        wh, f"select coalesce(sum(actief), 0) from marts.mo_clienten_maand where maand = ? and gemeente_code in {g}"
            + (" and opvangvorm = ?" if vorm else ""), [m] + ([vorm] if vorm else []))[0][0]
    s = sql(wh, f"select coalesce(sum(instroom), 0), coalesce(sum(nieuwe_clienten), 0), coalesce(sum(uitstroom), 0) "
                f"from marts.mo_stromen_maand where maand between ? and ? and gemeente_code in {g}", [van, tot])[0]
    o = dict(sql(wh, f"select richting, sum(aantal) from marts.doelgroep_overgangen_maand where maand between ? and ? "
                     f"and gemeente_code in {g} group by 1", [van, tot]))
    k = sql(wh, f"select coalesce(sum(kosten_eur), 0) from marts.mo_kosten_maand where maand between ? and ? "
                f"and gemeente_code in {g}", [van, tot])[0][0]
    return {"begin": int(stand(dt.date(van.year - 1, 12, 1))), "instroom": int(s[0]), "nieuwe": int(s[1]),
            "uitstroom": int(s[2]), "eind": int(stand(tot)), "opvang": int(stand(tot, "Opvang")),
            "spoed": int(stand(tot, "Spoedopvang")), "naar_bw": int(o.get("MO naar BW", 0)),
            "naar_mo": int(o.get("BW naar MO", 0)), "kosten": float(k)}


def test_region_report_has_the_mo_chapter_with_the_marts_published(warehouse):
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    titels = [s.titel for s in r.secties]
    assert "7. Maatschappelijke opvang" in titels and titels[-1] == "9. Datakwaliteit"
    t = r.tabel("mo_kerncijfers")
    nu = verwacht_mo(warehouse, ALLE, dt.date(2025, 1, 1), dt.date(2025, 6, 1))
    toen = verwacht_mo(warehouse, ALLE, dt.date(2024, 1, 1), dt.date(2024, 6, 1))
    for v in (nu, toen):  # the MO books balance for the region, and the forms add up
        assert v["begin"] + v["instroom"] - v["uitstroom"] == v["eind"] == v["opvang"] + v["spoed"]
    for label, k in (("Cliënten in de opvang aan het begin van de periode", "begin"), ("Instroom", "instroom"),
                     ("waarvan nieuwe cliënten", "nieuwe"), ("Uitstroom", "uitstroom"),
                     ("Cliënten in de opvang aan het eind van de periode", "eind"),
                     ("Van opvang naar beschermd wonen", "naar_bw"), ("Van beschermd wonen naar opvang", "naar_mo")):
        assert t.rij(label)[1:3] == [gepubliceerd(nu[k]), gepubliceerd(toen[k])], label
    kosten = t.rij("Kosten opvang (gerealiseerd)")
    assert kosten[1:4] == [pytest.approx(nu["kosten"]), pytest.approx(toen["kosten"]),
                           pytest.approx(nu["kosten"] - toen["kosten"])]
    # the result table: the mart's euros, exactly, every year up to the report's year
    res = r.tabel("mo_resultaat")
    mart = sql(warehouse, "select jaar, baten_eur, resultaat_eur, uitvoeringsnorm_eur, reserve_begin_eur, "
                          "reserve_eind_eur from marts.mo_resultaat_jaar where jaar <= 2025 order by jaar")
    assert res.kolom("Jaar") == [m[0] for m in mart]
    assert res.kolom("Resultaat") == [pytest.approx(float(m[2])) for m in mart]
    assert res.kolom("Uitvoeringsnorm (5%)") == [pytest.approx(0.05 * float(m[1]), abs=0.005) for m in mart]
    assert res.kolom("Reserve MO 31 december") == [pytest.approx(float(m[5])) for m in mart]
    # each year starts from the previous year's end
    assert res.kolom("Reserve MO 1 januari")[1:] == res.kolom("Reserve MO 31 december")[:-1]


def test_a_municipality_report_has_its_own_mo_figures(warehouse):
    r = build_report("gemeente", "GM1701", "JAAR", 2024, REGIO_USER)
    v = verwacht_mo(warehouse, ["GM1701"], dt.date(2024, 1, 1), dt.date(2024, 12, 1))
    t = r.tabel("mo_kerncijfers")
    assert t.rij("Instroom")[1] == gepubliceerd(v["instroom"])
    assert t.rij("Kosten opvang (gerealiseerd)")[1] == pytest.approx(v["kosten"])
    assert [s.titel for s in r.secties][-2:] == ["7. Maatschappelijke opvang", "8. Doordecentralisatie"]  # no data-quality chapter for a municipality
    a = build_report("gemeente", "GM0106", "H1", 2025, ASSEN_USER)
    assert a.tabel("mo_kerncijfers").rij("Instroom")[1] == gepubliceerd(
        verwacht_mo(warehouse, ["GM0106"], dt.date(2025, 1, 1), dt.date(2025, 6, 1))["instroom"])


def test_pdf_and_workbook_carry_the_mo_chapter(warehouse, tmp_path):
    r = build_report("regio", None, "JAAR", 2024, REGIO_USER)
    write_pdf(r, tmp_path / "r.pdf")
    write_xlsx(r, tmp_path / "r.xlsx")
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "r.pdf")).pages))
    assert "7. Maatschappelijke opvang" in tekst and "Reserve MO" in tekst
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    ws = wb["Opvang resultaat"]
    kop = [c.value for c in ws[1]]
    rijen = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}
    eind = sql(warehouse, "select reserve_eind_eur from marts.mo_resultaat_jaar where jaar = 2024")[0][0]
    assert rijen[2024][kop.index("Reserve MO 31 december")] == pytest.approx(float(eind))
    assert [c.value for c in wb["Opvang"][1]][:2] == ["Indicator", "2024"]
