import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import opvang_overzicht, overzicht, vergelijking  # noqa: F401  (registers the visuals)


def layout(**query):
    return pagina("Overzicht", [["overzicht-kpi"], ["overzicht-mo"], ("rij-2-1", ["overzicht-trend", "overzicht-subregio"]),
                                ["overzicht-gemeenten", "overzicht-per-1000"], ["overzicht-regio"]], query)


dash.register_page(__name__, path="/", name="Overzicht", title="Overzicht · BW/MO-monitor", order=0, layout=layout)
