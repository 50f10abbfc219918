import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import stromen  # noqa: F401


def layout(**query):
    return pagina("In- en uitstroom", [["stromen-maand"], ["stromen-balans", "stromen-reden"],
                                       ["stromen-doorstroom"]], query)


dash.register_page(__name__, path="/stromen", name="In- en uitstroom", title="In- en uitstroom · BW/MO-monitor",
                   order=2, layout=layout)
