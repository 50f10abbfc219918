import dash
from dash import html

from dashboard.auth import current_user
from dashboard.components.pagina import pagina
from dashboard.visuals import financien, versies  # noqa: F401


def layout(**query):
    inhoud = pagina("Financiën", [["financien-lopend", "financien-jaren"],
                                  ["financien-begroting", "financien-kosten-gemeente"],
                                  ["financien-kosten-maand"], ["financien-verdeling"],
                                  ["financien-verrekening"], ["financien-versies"]], query,
                    inleiding="Baten en resultaat gelden voor de hele regio; kosten per gemeente volgen de filters.")
    formulier = versies.vastleg_formulier(current_user())  # regio only; checked again on the server
    return html.Div([inhoud, formulier]) if formulier is not None else inhoud


dash.register_page(__name__, path="/financien", name="Financiën", title="Financiën · BW/MO-monitor", order=4, layout=layout)
