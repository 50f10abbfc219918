"""Toegankelijkheidsverklaring: what was tested and how (linked in the footer of every page).
States only what the test suite checks (tests/e2e/test_e2e_toegankelijkheid.py,
tests/reports/test_rapport_pdf_ua.py) and what is known not to be done."""
import dash
from dash import html


def layout(**_query):
    return html.Div([
        html.H1("Toegankelijkheidsverklaring"),
        html.P("De BW/MO-monitor wil voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau "
               "AA, zoals de Nederlandse overheid voorschrijft (EN 301 549). Deze verklaring zegt wat er is "
               "getest en hoe, en wat nog niet voldoet.", className="inleiding"),
        html.H2("Hoe is getest"),
        html.Ul([
            html.Li("Bij elke wijziging draait axe-core (de regels voor WCAG 2.0 en 2.1, niveau A en AA) in "
                    "Chromium op elke pagina, voor een gebruiker van de regio en van een gemeente, met alle "
                    "tabellen geopend. Het aantal toegestane overtredingen is nul."),
            html.Li("Een browsertest bedient het dashboard alleen met het toetsenbord: een filter kiezen, een "
                    "tabel openen, een selectie maken, naar een andere pagina gaan. Hij meet ook de focusrand (3 pixels, contrast "
                    "minstens 3:1) en controleert dat de focus na het wisselen van pagina op de kop staat."),
            html.Li("De kleuren van de grafieken hebben minstens 3:1 contrast met de achtergrond; tussenvormen "
                    "en soorten kosten hebben ook een arcering, lijnen een eigen streep en markering."),
            html.Li("De rapportage als PDF is getagd (PDF/UA-1): koppen, tabellen met kopcellen, een "
                    "tekstalternatief bij elke grafiek, de taal en de titel. Een test leest die structuur terug."),
            html.Li("Lighthouse 13.5 gaf op 1 december 2026 elke pagina een toegankelijkheidsscore van 100 "
                    "(gemeten met de benchmark, niet bij elke wijziging)."),
        ]),
        html.H2("Wat u kunt verwachten"),
        html.Ul([
            html.Li("Bij elke grafiek staan een beschrijving in woorden en dezelfde cijfers als tabel."),
            html.Li("Elke grafiek kunt u downloaden als afbeelding, en de cijfers als Excel- of CSV-bestand."),
            html.Li("Wat u met een klik in een grafiek selecteert (een gemeente, een maand), kiest u ook met het "
                    "toetsenbord in de keuzelijst onder die grafiek."),
            html.Li("Twee minuten voordat uw sessie door inactiviteit verloopt, krijgt u een melding met de knop "
                    "'Blijf ingelogd'."),
        ]),
        html.H2("Wat nog niet voldoet"),
        html.Ul([
            html.Li("De PDF is niet gecontroleerd met veraPDF of PAC. Een tabel die over twee pagina's loopt, "
                    "staat in de structuur als twee tabellen."),
            html.Li("Er is niet getest met schermlezers (NVDA, JAWS, VoiceOver)."),
        ]),
        html.P("Loopt u tegen een probleem aan? Meld het bij de beheerder van de monitor in uw regio."),
    ], className="pagina tekstpagina")


dash.register_page(__name__, path="/toegankelijkheid", name="Toegankelijkheid",
                   title="Toegankelijkheidsverklaring · BW/MO-monitor", order=98, nav=False, layout=layout)
