"""Component ids, defined once. Pattern-matching ids are built by the small functions below."""

URL = "url"
DOWNLOAD = "download"
NAV = "nav"

FILTER_SNELKEUZE = "filter-snelkeuze"
FILTER_VAN = "filter-van"
FILTER_TOT = "filter-tot"
FILTER_SUBREGIO = "filter-subregio"
FILTER_GEMEENTE = "filter-gemeente"
FILTER_TUSSENVORM = "filter-tussenvorm"
FILTER_LEVERING = "filter-levering"
FILTER_WIS = "filter-wis"
FILTER_KORREL = "filter-korrel"
KRUISFILTER_WIS = "kruisfilter-wis"

FILTER_IDS = [FILTER_VAN, FILTER_TOT, FILTER_SUBREGIO, FILTER_GEMEENTE, FILTER_TUSSENVORM,
              FILTER_LEVERING, FILTER_KORREL]


def nav_link(pad: str) -> dict:
    return {"type": "nav-link", "pad": pad}


def export_knop(visual: str, formaat: str) -> dict:
    """formaat: 'xlsx' or 'csv'."""
    return {"type": "export", "visual": visual, "formaat": formaat}


def grafiek(visual: str) -> dict:
    return {"type": "grafiek", "visual": visual}


def kruisfilter_grafiek(visual: str, soort: str) -> dict:
    """A graph whose clicks set the cross-filter; soort: 'gemeente' or 'maand'."""
    return {"type": "kruisfilter", "visual": visual, "soort": soort}


def kruisfilter_keuze(visual: str, soort: str) -> dict:
    """The dropdown beside a cross-filter chart: the same selection as a click, by keyboard."""
    return {"type": "kruisfilter-keuze", "visual": visual, "soort": soort}


def tabel_knop(visual: str) -> dict:
    """The 'Toon als tabel' summary of a chart's table alternative (its clicks fill tabel_vak)."""
    return {"type": "tabel-knop", "visual": visual}


def tabel_vak(visual: str) -> dict:
    return {"type": "tabel-vak", "visual": visual}


def tabel_data(visual: str) -> dict:
    """The dcc.Store with the table alternative's components, rendered when first opened."""
    return {"type": "tabel-data", "visual": visual}
