import dash
from dash import dcc, html

from dashboard import access
from dashboard.components.pagina import foutmelding, pagina
from dashboard.visuals import doordecentralisatie, opvang_overzicht  # noqa: F401  (register the MO and woonplaats blocks)
from dashboard.visuals import gemeente as visuals
from kern import data


def _kop(ctx):
    code = visuals.gemeente_code(ctx)
    if code is None:
        return "Gemeente"
    return f"Gemeente {ctx.gemeente_namen().get(code, code)}"


def _kiezer():
    try:
        gem = data.gemeenten(access.current_scope())
    except data.WarehouseFout:
        return html.Div()
    return html.Nav([html.H2("Kies een gemeente"), html.Ul([
        html.Li(dcc.Link(n, href=f"/gemeente/{c}")) for c, n in zip(gem["gemeente_code"], gem["gemeente_naam"])
    ], className="gemeente-kiezer")], **{"aria-label": "Gemeenten"})


GEEN_TOEGANG = ("U hebt geen toegang tot de gegevens van deze gemeente. U ziet alleen de cijfers van "
                "uw eigen gemeente(n) en de totalen van de regio.")


def layout(code=None, **query):
    if code and code != "kies" and code.upper() not in access.current_scope():
        # refused before anything is read: no figures, not even the name, of another municipality
        return html.Div([html.Div([html.H1("Gemeente"), foutmelding(GEEN_TOEGANG, "Geen toegang")],
                                  className="pagina"), _kiezer()])
    inhoud = pagina("Gemeente", [["gemeente-actief", "gemeente-instroom"], ["gemeente-wlz", "gemeente-kosten"],
                                 ["gemeente-tussenvorm"], ["gemeente-mo"], ["gemeente-woonplaats"]], query, gemeente=code, koptekst=_kop,
                    inleiding="De gemeente tegenover het gemiddelde van de regio, per 1.000 inwoners (CBS, 1 januari).")
    return html.Div([inhoud, _kiezer()])


dash.register_page(__name__, path_template="/gemeente/<code>", name="Gemeente",
                   title="Gemeente · BW/MO-monitor", order=5, nav_pad="/gemeente/kies", layout=layout)
