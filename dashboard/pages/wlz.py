import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import wlz  # noqa: F401


def layout(**query):
    return pagina("Uitstroom naar de Wlz", [["wlz-maand"], ["wlz-gemeenten", "wlz-open"], ["wlz-aanvragen"]],
                  query)


dash.register_page(__name__, path="/wlz", name="Wlz", title="Wlz · BW/MO-monitor", order=3, layout=layout)
