"""The council's PDF is tagged (issue 15, PDF/UA-1): a structure tree with the headings, the
tables with header cells, a figure with alternative text per chart, the document language and
title. Read back with pypdf from the real report of the sample warehouse. Fails on the reportlab
PDF, which had no structure tree at all (no /StructTreeRoot, no /MarkInfo)."""
from __future__ import annotations

from pypdf import PdfReader

from reports import build_report, write_pdf
from reports.model import Grafiek, Tabel
from reports.pdf import alt_tekst

from .conftest import REGIO_USER


def _elementen(knoop, uit: list) -> list:
    """Every structure element under `knoop`, depth first (reading order): (tag, element)."""
    knoop = knoop.get_object()
    kinderen = knoop.get("/K")
    if kinderen is None:
        return uit
    for k in kinderen if isinstance(kinderen, list) else [kinderen]:
        k = k.get_object()
        if isinstance(k, dict) and "/S" in k:
            uit.append((str(k["/S"]), k))
            _elementen(k, uit)
    return uit


def test_the_report_pdf_has_a_structure_tree_headings_tables_and_figure_alternatives(warehouse, tmp_path):
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    write_pdf(r, tmp_path / "r.pdf")
    lezer = PdfReader(str(tmp_path / "r.pdf"))
    wortel = lezer.trailer["/Root"]
    assert bool(wortel["/MarkInfo"]["/Marked"])
    assert wortel["/Lang"] == "nl-NL"
    assert lezer.metadata.title == r.titel
    assert bool(wortel["/ViewerPreferences"]["/DisplayDocTitle"])  # the title, not the file name
    assert b"pdfuaid:part" in wortel["/Metadata"].get_object().get_data()  # claims PDF/UA-1

    tags = _elementen(wortel["/StructTreeRoot"], [])
    soorten = [t for t, _ in tags]
    tabellen = [o for s in r.secties for o in s.onderdelen if isinstance(o, Tabel)]
    grafieken = [o for s in r.secties for o in s.onderdelen if isinstance(o, Grafiek)]
    getekend = [g for g in grafieken if not g.weggelaten]
    assert tabellen and getekend  # the sample report has both
    # one H1 (the title), an H2 per section plus Leeswijzer and the appendix, an H3 per table and chart
    assert soorten.count("/H1") == 1 and soorten.index("/H1") < soorten.index("/H2")
    assert soorten.count("/H2") == len(r.secties) + 2
    assert soorten.count("/H3") == len(tabellen) + len(grafieken)
    # every table a Table with header cells (TH, with an ID); data cells name their headers
    # (WeasyPrint 70 makes a table that runs over a page break two Table elements, one a page)
    assert soorten.count("/Table") >= len(tabellen)
    koppen = [e for t, e in tags if t == "/TH" and "/ID" in e]
    assert len(koppen) >= sum(len(t.kolommen) for t in tabellen)
    cellen = [e for t, e in tags if t == "/TD"]
    assert cellen and all(e["/A"].get_object().get("/Headers") for e in cellen)
    # every drawn chart a Figure whose alternative text states its values
    figuren = [e for t, e in tags if t == "/Figure"]
    assert [str(f["/Alt"]) for f in figuren] == [alt_tekst(g) for g in getekend]


def test_alt_text_states_the_values_in_dutch():
    g = Grafiek("g", "Instroom per maand", "staaf", ["jan 2025", "feb 2025"],
                [("Instroom", [1234, 5]), ("Uitstroom", [3, "< 5"])])
    assert alt_tekst(g) == ("Staafdiagram 'Instroom per maand' (aantal cliënten). "
                            "Instroom: jan 2025 1.234, feb 2025 5; Uitstroom: jan 2025 3, feb 2025 < 5.")
