"""write_pdf: the report as a tagged, accessible A4 PDF (PDF/UA-1), made by WeasyPrint from HTML.

reportlab, which made the PDF before, writes no structure tree. WeasyPrint does: headings H1-H3,
paragraphs, tables with TH header cells (scope) and TD cells, figures with their alternative text,
the document language (nl-NL) and title, in reading order; the page footer ('pagina X van Y',
the peildatum) is an artifact. The figures are the same: the cells are the same strings
(reports/opmaak.py), and the charts are still reportlab vector drawings, embedded as SVG images
whose alt text (`alt_tekst`) states every value the chart shows."""
from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from kern import formats
from kern.kleuren import KLEUR, KLEUR_LEVERINGSVORM
from reports.model import Grafiek, ReportData, Tabel
from reports.opmaak import tekst

MARGE = 1.8 * cm
BREEDTE = A4[0] - 2 * MARGE
FONT = "Helvetica"
GRIJS = colors.HexColor("#595959")  # 7:1 on white
REEKS_KLEUREN = [colors.HexColor(KLEUR["stand"]), colors.HexColor(KLEUR["regio"]), colors.HexColor(KLEUR["uitstroom"]),
                 colors.HexColor(KLEUR["instroom"])]
RECHTS = ("tekst", "maand", "datum")  # kinds shown left-aligned; every other kind is a number

STIJL = """
@page { size: A4; margin: 1.6cm 1.8cm 1.9cm 1.8cm;
  @bottom-left { content: VOET; width: 82%; font: 7.5pt "DejaVu Sans", sans-serif; color: #595959; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); width: 18%;
                  font: 7.5pt "DejaVu Sans", sans-serif; color: #595959; } }
body { font: 9.5pt/1.35 "DejaVu Sans", sans-serif; color: #1f2328; }
h1 { font-size: 19pt; color: #005A9C; margin: 0 0 4pt; }
.ondertitel { font-size: 13pt; margin: 0 0 12pt; }
.meta { font-size: 10pt; margin: 0 0 2pt; }
h2 { font-size: 14pt; color: #005A9C; margin: 14pt 0 6pt; break-after: avoid; }
h2.bijlage { break-before: page; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 5pt; }
.klein { font-size: 7.5pt; color: #595959; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin-bottom: 4pt; }
table.breed { font-size: 6.3pt; }
table.zeer-breed { font-size: 5.4pt; }
table.zeer-breed th, table.zeer-breed td { padding: 1.5pt 1.5pt; }
th { background: #EEF4F9; border-bottom: 0.8pt solid #005A9C; text-align: left; vertical-align: bottom;
     padding: 2pt 3pt; font-weight: bold; hyphens: auto; overflow-wrap: break-word; }
td { border-bottom: 0.25pt solid #DDDDDD; padding: 2pt 3pt; }
th.r { text-align: right; }
td.r { text-align: right; white-space: nowrap; }
th[scope="row"] { background: none; border-bottom: 0.25pt solid #DDDDDD; font-weight: normal; text-align: left;
                 min-width: 3.2cm; }
tr.totaal th, tr.nadruk th { font-weight: bold; }
tr.totaal th { border-top: 0.8pt solid #000; }
tr.nadruk th { background: #FFF4D6; }
tr.totaal td { font-weight: bold; border-top: 0.8pt solid #000; }
tr.nadruk td { font-weight: bold; background: #FFF4D6; }
figure { margin: 0 0 6pt; break-inside: avoid; }
figure img { width: 100%; }
figcaption { font-size: 7.5pt; color: #595959; }
dt { font-weight: bold; display: inline; }
dd { display: inline; margin: 0; }
.term { margin: 0 0 5pt; }
"""


def _p(t: str, klasse: str = "") -> str:
    return f'<p class="{klasse}">{escape(t)}</p>' if klasse else f"<p>{escape(t)}</p>"


def _klasse(naam: str) -> str:
    return f' class="{naam}"' if naam else ""


def _tabel(t: Tabel) -> str:
    koppen = [k.naam for k in t.kolommen]
    rechts = [t.kolommen[j].soort not in RECHTS for j in range(len(koppen))]
    kop = "".join(f'<th scope="col"{_klasse("r" if r else "")}>{escape(k)}</th>' for k, r in zip(koppen, rechts))
    rijen = []
    for i, r in enumerate(t.rijen):
        klasse = ("totaal" if t.totaalrij and i == len(t.rijen) - 1 else "nadruk" if i in t.nadruk else "")
        cellen = []
        for j, v in enumerate(r):
            c = escape(tekst(v, t.soort(i, j)))
            cellen.append(f'<th scope="row">{c}</th>' if j == 0 and not rechts[0] else
                          f'<td{_klasse("r" if rechts[j] else "")}>{c}</td>')
        rijen.append(f'<tr{_klasse(klasse)}>{"".join(cellen)}</tr>')
    breed = _klasse("zeer-breed" if len(koppen) > 10 else "breed" if len(koppen) > 7 else "")
    delen = [f"<h3>{escape(t.titel)}</h3>",
             f"<table{breed}><thead><tr>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table>"]
    if t.toelichting:
        delen.append(_p(t.toelichting, "klein"))
    return "".join(delen)


def alt_tekst(g: Grafiek) -> str:
    """The chart in words, with every value it shows (the alternative text of the figure)."""
    soort = {"lijn": "Lijndiagram", "gestapeld": "Gestapeld staafdiagram"}.get(g.soort, "Staafdiagram")
    eenheid = "euro" if g.eenheid == "eur" else "aantal cliënten"
    label = _as_label(g.eenheid)
    reeksen = "; ".join(
        f"{naam}: " + ", ".join(f"{c} {label(v) if isinstance(v, (int, float)) else v}"
                                for c, v in zip(g.categorieen, waarden))
        for naam, waarden in g.reeksen)
    return f"{soort} '{g.titel}' ({eenheid}). {reeksen}."


def _grafiek(g: Grafiek) -> str:
    titel = f"<h3>{escape(g.titel)}</h3>"
    if g.weggelaten:
        return titel + _p(g.weggelaten, "klein")
    svg = renderSVG.drawToString(tekening(g))
    bron = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    onderschrift = f"<figcaption>{escape(g.toelichting)}</figcaption>" if g.toelichting else ""
    return f'{titel}<figure><img src="{bron}" alt="{escape(alt_tekst(g))}">{onderschrift}</figure>'


def _as_label(eenheid: str):
    if eenheid == "eur":
        return lambda v: formats.eur(v, 0)
    return lambda v: formats.getal(v, 0)


def tekening(g: Grafiek) -> Drawing:
    """The chart as a reportlab vector drawing (embedded in the PDF as SVG)."""
    hoogte = 6.2 * cm
    d = Drawing(BREEDTE, hoogte)
    waarden = [[float(v) if isinstance(v, (int, float)) else 0.0 for v in w] for _, w in g.reeksen]
    if g.soort == "lijn":
        c = HorizontalLineChart()
    else:
        c = VerticalBarChart()
        c.barSpacing = 1
        c.groupSpacing = 6
        if g.soort == "gestapeld":
            c.categoryAxis.style = "stacked"
    c.x, c.y = 55, 35
    c.width, c.height = BREEDTE - 70, hoogte - 65
    c.data = waarden
    c.categoryAxis.categoryNames = list(g.categorieen)
    c.categoryAxis.labels.fontName = FONT
    c.categoryAxis.labels.fontSize = 7
    if len(g.categorieen) > 8:
        c.categoryAxis.labels.angle = 30
        c.categoryAxis.labels.boxAnchor = "ne"
    c.valueAxis.labels.fontName = FONT
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.labelTextFormat = _as_label(g.eenheid)
    c.valueAxis.visibleGrid = True
    c.valueAxis.gridStrokeColor = colors.HexColor("#E5E5E5")
    alle = [v for w in waarden for v in w] or [0]
    top = (max(sum(col) for col in zip(*waarden)) if g.soort == "gestapeld" and waarden else max(alle))
    c.valueAxis.valueMin = min(0, min(alle))
    c.valueAxis.valueMax = top * 1.1 if top > 0 else 1
    kleuren = ([colors.HexColor(k) for k in g.kleuren] if g.kleuren else
               [colors.HexColor(KLEUR_LEVERINGSVORM.get(n, "#0072B2")) for n, _ in g.reeksen]
               if g.eenheid == "eur" else REEKS_KLEUREN)
    for i in range(len(waarden)):
        kleur = kleuren[i % len(kleuren)]
        if g.soort == "lijn":
            c.lines[i].strokeColor = kleur
            c.lines[i].strokeWidth = 2 if i == 0 else 1.2
            if i:
                c.lines[i].strokeDashArray = [3, 2]
        else:
            c.bars[i].fillColor = kleur
            c.bars[i].strokeColor = colors.white  # segments meet white: each at >= 3:1
    d.add(c)
    legenda = Legend()
    legenda.x, legenda.y = 55, hoogte - 8
    legenda.alignment = "right"
    legenda.columnMaximum = 1
    legenda.fontName, legenda.fontSize = FONT, 7.5
    legenda.dxTextSpace = 4
    legenda.colorNamePairs = [(kleuren[i % len(kleuren)], n) for i, (n, _) in enumerate(g.reeksen)]
    legenda.deltax = 110
    d.add(legenda)
    eenheid = "euro" if g.eenheid == "eur" else "aantal cliënten"
    d.add(String(2, hoogte - 20, eenheid, fontName=FONT, fontSize=7, fillColor=GRIJS))
    return d


def _css_tekst(t: str) -> str:
    """A CSS string literal (the footer is page furniture, an artifact, not document text)."""
    return '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ") + '"'


def html_van(r: ReportData) -> str:
    """The report as one HTML document (what WeasyPrint lays out and tags)."""
    voet = (f"Verantwoording beschermd wonen · {r.ondertitel} · {r.periode_label} · "
            f"Gegevens t/m {formats.datum_kort(r.peildatum)}")
    v = [
        f"<h1>{escape(r.titel)}</h1>", _p(r.ondertitel, "ondertitel"),
        _p(f"Gegevens t/m {formats.datum(r.peildatum)}", "meta"),
        _p(f"Periode: {r.periode_label}; vergeleken met {r.vorige_label}", "meta"),
        _p(f"Resultaatversie: {r.resultaat_versie} · {r.resultaat_versie_tekst}", "meta"),
        _p(f"Gemaakt op {formats.datumtijd(r.gemaakt_op.replace(tzinfo=None))} UTC · warehouse {r.warehouse_versie}",
           "meta"),
        "<h2>Leeswijzer</h2>",
    ]
    v += [_p(t) for t in r.leeswijzer]
    for s in r.secties:
        v.append(f"<section><h2>{escape(s.titel)}</h2>")
        v += [_p(t) for t in s.alineas]
        for o in s.onderdelen:
            v.append(_tabel(o) if isinstance(o, Tabel) else _grafiek(o))
        v.append("</section>")
    v.append('<h2 class="bijlage">Bijlage: definities</h2>')
    for term, uitleg in r.definities:
        v.append(f'<p class="term"><b>{escape(term)}.</b> {escape(uitleg)}</p>')
    meta = (f'<meta name="author" content="BW/MO-monitor, regio {escape(r.regio)}">'
            f'<meta name="description" content="{escape(r.ondertitel)}, {escape(r.periode_label)}">')
    return (f'<!DOCTYPE html><html lang="nl-NL"><head><meta charset="utf-8"><title>{escape(r.titel)}</title>'
            f"{meta}<style>{STIJL.replace('VOET', _css_tekst(voet))}</style></head><body>{''.join(v)}</body></html>")


def write_pdf(report: ReportData, path) -> int:
    """Write the report to `path` (a file name or a binary file object; A4, PDF/UA-1). Returns
    the number of pages."""
    # imported here: loading Pango costs time, and only a PDF needs it
    from weasyprint import HTML

    document = HTML(string=html_van(report)).render(pdf_variant="pdf/ua-1")
    doel = str(path) if isinstance(path, (str, Path)) else path
    document.write_pdf(doel, pdf_variant="pdf/ua-1")
    return len(document.pages)
