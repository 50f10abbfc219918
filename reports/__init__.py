"""Half-year accountability reports (convenant art. 9): `build_report` gathers the figures
through kern/data.py (scoped; counts published by kern.afscherming), `write_pdf` and `write_xlsx`
write the same figures as an A4 PDF and an Excel workbook. `python -m reports batch` writes
the region's report and one per municipality."""
from reports.build import PERIODES, RapportFout, RapportGeweigerd, build_report
from reports.model import Grafiek, Kolom, ReportData, Sectie, Tabel

__all__ = ["PERIODES", "Grafiek", "Kolom", "RapportFout", "RapportGeweigerd", "ReportData", "Sectie",
           "Tabel", "build_report", "write_pdf", "write_xlsx"]


def write_pdf(report, path):
    from reports.pdf import write_pdf as _w
    return _w(report, path)


def write_xlsx(report, path):
    from reports.xlsx import write_xlsx as _w
    return _w(report, path)
