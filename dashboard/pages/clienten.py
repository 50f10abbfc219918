import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import clienten  # noqa: F401


def layout(**query):
    return pagina("Cliënten", [["clienten-tussenvorm", "clienten-levering"],
                               ["clienten-lichter", "clienten-matrix"], ["clienten-verblijfsduur"]], query)


dash.register_page(__name__, path="/clienten", name="Cliënten", title="Cliënten · BW/MO-monitor", order=1, layout=layout)
