import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import doordecentralisatie  # noqa: F401


def layout(**query):
    return pagina("Doordecentralisatie", [["dd-budget"], ["dd-objectief"], ["dd-regio"], ["dd-woonplaats"],
                                          ["dd-woonplaats-matrix"], ["dd-cohort"], ["dd-cohort-gemeenten"]], query,
                  inleiding="Wat er gebeurt als beschermd wonen van de centrumgemeente naar elke gemeente gaat: het "
                            "budget volgens het ingroeipad tegenover de eigen kosten, het woonplaatsbeginsel en de "
                            "overgangscliënten tegenover de nieuwe cliënten.")


dash.register_page(__name__, path="/doordecentralisatie", name="Doordecentralisatie",
                   title="Doordecentralisatie · BW/MO-monitor", order=4.7, layout=layout)
