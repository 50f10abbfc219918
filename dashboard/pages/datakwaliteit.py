import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import datakwaliteit  # noqa: F401


def layout(**query):
    return pagina("Datakwaliteit", [["dq-balans", "dq-afgekeurd"], ["dq-laadlog"], ["dq-afgekeurde-regels"], ["dq-afgekeurd-per-bestand", "dq-producten"]], query,
                   toegang="datakwaliteit")


dash.register_page(__name__, path="/datakwaliteit", name="Datakwaliteit", title="Datakwaliteit · BW/MO-monitor",
                   order=6, layout=layout, rollen=("beheer", "regio"))
