import dash

from dashboard.visuals import verantwoording


def layout(**_query):
    return verantwoording.formulier()


dash.register_page(__name__, path="/verantwoording", name="Verantwoording",
                   title="Verantwoording · BW/MO-monitor", order=4.5, layout=layout)
