import dash

from dashboard.components.pagina import pagina
from dashboard.views import financien  # noqa: F401


def layout(**query):
    return pagina("Financiën", [["financien-lopend", "financien-jaren"],
                                ["financien-begroting", "financien-kosten-gemeente"],
                                ["financien-kosten-maand"], ["financien-verdeling"]], query,
                  inleiding="Baten en resultaat gelden voor de hele regio; kosten per gemeente volgen de filters.")


dash.register_page(__name__, path="/financien", name="Financiën", title="Financiën · BW/MO-monitor", order=4, layout=layout)
