"""write_pdf: the report as an A4 PDF (reportlab platypus). Charts are vector drawings
(reportlab.graphics), not images; every page carries 'pagina X van Y' and the peildatum."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kern import formats
from kern.kleuren import KLEUR, KLEUR_LEVERINGSVORM
from reports.model import Grafiek, ReportData, Tabel
from reports.opmaak import tekst

MARGE = 1.8 * cm
BREEDTE = A4[0] - 2 * MARGE
FONT, FONT_VET = "Helvetica", "Helvetica-Bold"
BLAUW = colors.HexColor("#0072B2")
LICHT = colors.HexColor("#EEF4F9")
GRIJS = colors.HexColor("#666666")
REEKS_KLEUREN = [colors.HexColor(KLEUR["stand"]), colors.HexColor(KLEUR["regio"]), colors.HexColor(KLEUR["uitstroom"]),
                 colors.HexColor(KLEUR["instroom"])]


def _stijlen():
    s = getSampleStyleSheet()
    return {
        "titel": ParagraphStyle("titel", parent=s["Title"], fontName=FONT_VET, fontSize=20, leading=25,
                                alignment=0, textColor=BLAUW, spaceAfter=6),
        "ondertitel": ParagraphStyle("ondertitel", parent=s["Normal"], fontName=FONT, fontSize=14, leading=18,
                                     spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=s["Heading1"], fontName=FONT_VET, fontSize=14, leading=18,
                             textColor=BLAUW, spaceBefore=6, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=s["Heading2"], fontName=FONT_VET, fontSize=10.5, leading=13,
                             spaceBefore=8, spaceAfter=4),
        "tekst": ParagraphStyle("tekst", parent=s["Normal"], fontName=FONT, fontSize=9.5, leading=13, spaceAfter=5),
        "klein": ParagraphStyle("klein", parent=s["Normal"], fontName=FONT, fontSize=7.5, leading=9.5,
                                textColor=GRIJS, spaceAfter=6),
        "meta": ParagraphStyle("meta", parent=s["Normal"], fontName=FONT, fontSize=10, leading=14),
        "kop": ParagraphStyle("kop", parent=s["Normal"], fontName=FONT_VET, fontSize=7, leading=8.5),
        "kop_r": ParagraphStyle("kop_r", parent=s["Normal"], fontName=FONT_VET, fontSize=7, leading=8.5,
                                alignment=TA_RIGHT),
        "term": ParagraphStyle("term", parent=s["Normal"], fontName=FONT, fontSize=9, leading=12, spaceAfter=5),
    }


def _p(t: str, stijl) -> Paragraph:
    return Paragraph(escape(t), stijl)


class _Canvas(rl_canvas.Canvas):
    """Defers the pages so that each can say 'pagina X van Y'."""

    def __init__(self, *args, voet: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._paginas = []
        self._voet = voet

    def showPage(self):
        self._paginas.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totaal = len(self._paginas)
        for staat in self._paginas:
            self.__dict__.update(staat)
            self._voettekst(totaal)
            super().showPage()
        super().save()

    def _voettekst(self, totaal: int):
        self.saveState()
        self.setStrokeColor(colors.HexColor("#BBBBBB"))
        self.line(MARGE, 1.3 * cm, A4[0] - MARGE, 1.3 * cm)
        self.setFont(FONT, 7.5)
        self.setFillColor(GRIJS)
        self.drawString(MARGE, 0.9 * cm, self._voet)
        self.drawRightString(A4[0] - MARGE, 0.9 * cm, f"pagina {self._pageNumber} van {totaal}")
        self.restoreState()


def _kolombreedtes(cellen: list[list[str]], koppen: list[str], grootte: float) -> list[float]:
    breedtes = []
    for j, kop in enumerate(koppen):
        inhoud = max([stringWidth(r[j], FONT, grootte) for r in cellen] + [0])
        woord = max([stringWidth(w, FONT_VET, 7) for w in kop.split()] + [0])
        breedtes.append(max(inhoud, woord, 18) + 8)
    return breedtes


def _tabel(t: Tabel, st) -> list:
    koppen = [k.naam for k in t.kolommen]
    cellen = [[tekst(v, t.soort(i, j)) for j, v in enumerate(r)] for i, r in enumerate(t.rijen)]
    rechts = [t.kolommen[j].soort not in ("tekst", "maand", "datum") for j in range(len(koppen))]
    grootte = 8.0
    while True:
        breedtes = _kolombreedtes(cellen, koppen, grootte)
        if sum(breedtes) <= BREEDTE or grootte <= 6.0:
            break
        grootte -= 0.5
    if sum(breedtes) > BREEDTE:  # let the first (text) column wrap, then shrink all
        breedtes[0] = max(2.2 * cm, breedtes[0] - (sum(breedtes) - BREEDTE))
        if sum(breedtes) > BREEDTE:
            breedtes = [b * BREEDTE / sum(breedtes) for b in breedtes]
    else:  # spread the room that is left over the columns
        extra = (BREEDTE - sum(breedtes)) / len(breedtes)
        breedtes = [b + extra for b in breedtes]
    celstijl = ParagraphStyle("cel", fontName=FONT, fontSize=grootte, leading=grootte + 1.5)
    data = [[Paragraph(escape(k), st["kop_r"] if rechts[j] else st["kop"]) for j, k in enumerate(koppen)]]
    for r in cellen:
        data.append([Paragraph(escape(c), celstijl) if j == 0 and not rechts[0] else c for j, c in enumerate(r)])
    stijl = [
        ("FONT", (0, 0), (-1, -1), FONT, grootte),
        ("BACKGROUND", (0, 0), (-1, 0), LICHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLAUW),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#DDDDDD")),
    ]
    for j, r in enumerate(rechts):
        if r:
            stijl.append(("ALIGN", (j, 1), (j, -1), "RIGHT"))
    if t.totaalrij and t.rijen:
        stijl += [("FONT", (0, -1), (-1, -1), FONT_VET, grootte), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    for i in t.nadruk:
        stijl += [("FONT", (0, i + 1), (-1, i + 1), FONT_VET, grootte),
                  ("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#FFF4D6"))]
    tabel = Table(data, colWidths=breedtes, repeatRows=1, hAlign="LEFT")
    tabel.setStyle(TableStyle(stijl))
    delen = [_p(t.titel, st["h2"]), tabel]
    if t.toelichting:
        delen.append(Spacer(1, 2))
        delen.append(_p(t.toelichting, st["klein"]))
    else:
        delen.append(Spacer(1, 6))
    if len(t.rijen) <= 14:
        return [KeepTogether(delen)]
    return delen


def _as_label(eenheid: str):
    if eenheid == "eur":
        return lambda v: formats.eur(v, 0)
    return lambda v: formats.getal(v, 0)


def _grafiek(g: Grafiek, st) -> list:
    titel = _p(g.titel, st["h2"])
    if g.weggelaten:
        return [titel, _p(g.weggelaten, st["klein"])]
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
    kleuren = ([colors.HexColor(KLEUR_LEVERINGSVORM.get(n, "#0072B2")) for n, _ in g.reeksen]
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
            c.bars[i].strokeColor = None
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
    delen = [titel, d]
    if g.toelichting:
        delen.append(_p(g.toelichting, st["klein"]))
    return [KeepTogether(delen), Spacer(1, 4)]


def verhaal(r: ReportData) -> list:
    st = _stijlen()
    v = [
        _p(r.titel, st["titel"]), _p(r.ondertitel, st["ondertitel"]),
        _p(f"Gegevens t/m {formats.datum(r.peildatum)}", st["meta"]),
        _p(f"Periode: {r.periode_label}; vergeleken met {r.vorige_label}", st["meta"]),
        _p(f"Resultaatversie: {r.resultaat_versie} · {r.resultaat_versie_tekst}", st["meta"]),
        _p(f"Gemaakt op {formats.datumtijd(r.gemaakt_op.replace(tzinfo=None))} UTC · warehouse {r.warehouse_versie}",
           st["meta"]),
        Spacer(1, 14), _p("Leeswijzer", st["h1"]),
    ]
    v += [_p(t, st["tekst"]) for t in r.leeswijzer]
    for s in r.secties:
        v.append(CondPageBreak(7 * cm))
        v.append(_p(s.titel, st["h1"]))
        v += [_p(t, st["tekst"]) for t in s.alineas]
        for o in s.onderdelen:
            v += _tabel(o, st) if isinstance(o, Tabel) else _grafiek(o, st)
    v.append(PageBreak())
    v.append(_p("Bijlage: definities", st["h1"]))
    for term, uitleg in r.definities:
        v.append(Paragraph(f"<b>{escape(term)}.</b> {escape(uitleg)}", st["term"]))
    return v


def write_pdf(report: ReportData, path) -> int:
    """Write the report to `path` (a file name or a binary file object; A4). Returns the number
    of pages."""
    doel = str(path) if isinstance(path, (str, Path)) else path
    voet = (f"Verantwoording beschermd wonen · {report.ondertitel} · {report.periode_label} · "
            f"Gegevens t/m {formats.datum_kort(report.peildatum)}")
    doc = SimpleDocTemplate(doel, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE, topMargin=1.6 * cm,
                            bottomMargin=1.9 * cm, title=report.titel, author=f"BW/MO-monitor, regio {report.regio}",
                            subject=f"{report.ondertitel}, {report.periode_label}", lang="nl-NL")
    paginas = []

    class Teller(_Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, voet=voet, **k)

        def save(self):
            paginas.append(len(self._paginas))
            super().save()

    doc.build(verhaal(report), canvasmaker=Teller)
    return paginas[0] if paginas else 0
