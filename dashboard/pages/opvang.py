import dash

from dashboard.components.pagina import pagina
from dashboard.visuals import opvang, opvang_geld  # noqa: F401  (registers the visuals)


def layout(**query):
    return pagina("Maatschappelijke opvang", [["mo-stand", "mo-overgangen"], ["mo-stromen"],
                                              ["mo-verblijfsduur", "mo-kosten"], ["mo-resultaat"]], query,
                  inleiding="Opvang en spoedopvang, geteld zoals beschermd wonen maar apart daarvan. Een cliënt "
                            "in beide telt in beide standen.")


dash.register_page(__name__, path="/opvang", name="Maatschappelijke opvang",
                   title="Maatschappelijke opvang · BW/MO-monitor", order=3.5, layout=layout)
