"""The Dutch not-found page. Dash Pages shows the page of a module named `not_found_404` for any
path no page matches (its own is an English "404 - Page not found")."""
import dash
from dash import dcc, html


def layout(**_query):
    return html.Div([
        html.H1("Pagina niet gevonden"),
        html.P("Deze pagina bestaat niet (meer). Controleer het webadres, of kies een pagina in het menu."),
        html.P(dcc.Link("Naar het overzicht", href="/")),
    ], className="pagina")


dash.register_page(__name__, path="/404", name="Pagina niet gevonden", title="Pagina niet gevonden · BW/MO-monitor",
                   order=99, nav=False, layout=layout)
