"""The app shell: skip link, header with navigation (built from the page registry), the filter
pane and the page container. Built per page load, so options follow the caller's scope."""
from __future__ import annotations

import logging

import dash
from dash import dcc, html

from dashboard import access, ids
from dashboard import filters as flt
from kern import data
from kern.kleuren import (
    LEVERINGSVORM_LABEL,
    LEVERINGSVORMEN,
    TUSSENVORMEN,
    kleur_tussenvorm,
)
from kern.rollen import GEMEENTE, REGIO

log = logging.getLogger(__name__)

LABELS = {"select_all": "Alles selecteren", "deselect_all": "Niets selecteren",
          "selected_count": "{num_selected} geselecteerd", "search": "Zoeken",
          "clear_search": "Zoekterm wissen", "clear_selection": "Selectie wissen",
          "no_options_found": "Geen keuzes gevonden"}


def zichtbaar(page: dict, user) -> bool:
    """A page with `rollen` only for those roles; the figure pages for anyone with figures."""
    rollen = set(user.roles) if user else set()
    if page.get("rollen"):
        return bool(rollen & set(page["rollen"]))
    return bool(rollen & {REGIO, GEMEENTE})


def navigatie() -> html.Nav:
    links = []
    user = access.current_user()
    for page in sorted(dash.page_registry.values(), key=lambda p: p.get("order") or 0):
        if page.get("nav") is False or not zichtbaar(page, user):
            continue
        pad = page.get("nav_pad") or page["relative_path"]
        links.append(dcc.Link(page["name"], href=pad, id=ids.nav_link(pad), className="nav-link"))
    return html.Nav(links, className="nav", **{"aria-label": "Pagina's"})


def _dropdown(id_, label, opties, *, multi=True, placeholder="", clearable=True):
    return html.Div([
        # the id names the dropdown's button (assets/toegankelijkheid.js: aria-labelledby)
        html.Label(label, htmlFor=id_, id=f"{id_}-label", className="filter-label"),
        dcc.Dropdown(id=id_, options=opties, multi=multi, placeholder=placeholder, clearable=clearable,
                     searchable=True, labels=LABELS),
    ], className="filter")


def filterpaneel() -> html.Aside:
    try:
        eerste, laatste = data.maanden_bereik()
        gem = data.gemeenten(access.current_scope())
    except data.WarehouseFout:
        return html.Aside(html.P("Filters zijn niet beschikbaar zolang er geen gegevens zijn."),
                          className="filters", **{"aria-label": "Filters"})
    subregio = gem.drop_duplicates("subregio_code")
    maanden = flt.maand_opties(eerste, laatste)
    return html.Aside([
        # not a heading: the outline of every page starts with its own h1 (the pane comes first
        # in the DOM); the pane is a landmark named "Filters" instead
        html.P("Filters", className="filters-titel"),
        _dropdown(ids.FILTER_SNELKEUZE, "Periode (snelkeuze)", flt.snelkeuzes(eerste, laatste), multi=False,
                  placeholder="Kies een periode…"),
        html.Div([
            _dropdown(ids.FILTER_VAN, "Van", maanden, multi=False, clearable=False),
            _dropdown(ids.FILTER_TOT, "Tot en met", maanden, multi=False, clearable=False),
        ], className="filter-paar"),
        _dropdown(ids.FILTER_SUBREGIO, "Subregio",
                  [{"label": n, "value": c} for c, n in zip(subregio["subregio_code"], subregio["subregio_naam"])],
                  placeholder="Alle subregio's"),
        _dropdown(ids.FILTER_GEMEENTE, "Gemeente",
                  [{"label": n, "value": c} for c, n in zip(gem["gemeente_code"], gem["gemeente_naam"])],
                  placeholder="Alle gemeenten"),
        _dropdown(ids.FILTER_TUSSENVORM, "Tussenvorm",
                  [{"label": html.Span([html.Span(className="stip", style={"background": kleur_tussenvorm(t)}), t]),
                    "value": t, "search": t} for t in TUSSENVORMEN],
                  placeholder="Alle tussenvormen"),
        _dropdown(ids.FILTER_LEVERING, "Leveringsvorm",
                  [{"label": LEVERINGSVORM_LABEL[v], "value": v} for v in LEVERINGSVORMEN],
                  placeholder="ZIN en PGB"),
        _dropdown(ids.FILTER_KORREL, "Tijdreeksen per", flt.korrel_opties(), multi=False, clearable=False),
        html.Button("Wis alle filters", id=ids.FILTER_WIS, className="knop", n_clicks=0),
        html.P("De filters staan in het webadres: bewaar of deel de link om deze weergave te delen.",
               className="filters-hint"),
    ], className="filters", **{"aria-label": "Filters"})


def gebruiker_blok() -> html.Div:
    """Who is logged in, and a plain link to /logout (a full page load ends the session)."""
    user = access.current_user()
    naam = user.username if user else "niet ingelogd"
    rollen = ", ".join(sorted(user.roles)) if user and user.roles else "geen rol"
    return html.Div([
        html.Span(["Ingelogd als ", html.Strong(naam, id="gebruiker-naam"), f" ({rollen})"], className="gebruiker-wie"),
        html.A("Uitloggen", href="/logout", className="knop-klein", id="uitloggen"),
    ], className="gebruiker")


def sessie_waarschuwing() -> html.Div | None:
    """The warning two minutes before the idle session ends, with 'Blijf ingelogd' (WCAG 2.2.1);
    shown and timed by assets/sessie.js from data-minuten. Not with single sign-on: there the
    proxy decides how long a session lasts."""
    from dashboard.auth.context import get_context
    ctx = get_context()
    if ctx is None or ctx.settings.sso:  # (None: a layout built outside the app, in a test)
        return None
    settings = ctx.settings
    return html.Div([
        html.H2("Uw sessie verloopt bijna", id="sessie-titel"),
        html.P(["U bent ingelogd, maar hebt een tijd niets gedaan. Over ",
                html.Span("2 minuten", id="sessie-resterend"),
                " wordt u automatisch uitgelogd; uw filters blijven in het webadres bewaard."], id="sessie-tekst"),
        html.Div([html.Button("Blijf ingelogd", id="sessie-blijf", className="knop-klein", type="button"),
                  html.A("Uitloggen", href="/logout", className="knop-klein")], className="sessie-knoppen"),
    ], id="sessie-waarschuwing", role="alertdialog", hidden=True, className="sessie-waarschuwing",
        **{"aria-labelledby": "sessie-titel", "aria-describedby": "sessie-tekst",
           "data-minuten": str(settings.idle_minutes)})


# The header's brand as plain HTML in the page itself (dashboard/app.py puts it before Dash's
# entry point): the browser paints it as soon as the HTML and CSS are in, before Dash's JavaScript
# has been run and the layout fetched, which on a slow laptop is seconds (Lighthouse counted the
# brand line as the largest paint of a phone-sized page). Static text, the same for every viewer;
# hidden by style.css as soon as the shell's own header is there, and aria-hidden meanwhile so a
# screen reader does not meet the brand twice.
VOORKOP = ('<div class="kop voorkop" aria-hidden="true"><div><span class="merk">BW/MO-monitor</span>'
           '<span class="merk-sub">Beschermd wonen en maatschappelijke opvang</span></div></div>')


def shell() -> html.Div:
    return html.Div([
        dcc.Location(id=ids.URL, refresh="callback-nav"),
        dcc.Download(id=ids.DOWNLOAD),
        html.A("Naar de inhoud", href="#inhoud", className="skiplink"),
        # announces the new page's title after navigation (assets/toegankelijkheid.js)
        html.Div(id="paginamelding", role="status", className="sr-only", **{"aria-live": "polite"}),
        html.Header([
            html.Div([html.Span("BW/MO-monitor", className="merk"),
                      html.Span("Beschermd wonen en maatschappelijke opvang", className="merk-sub")]),
            navigatie(),
            gebruiker_blok(),
        ], className="kop"),
        html.Div([
            filterpaneel(),
            html.Main(dash.page_container, id="inhoud", tabIndex="-1"),
        ], className="romp"),
        html.Footer(dcc.Link("Toegankelijkheidsverklaring", href="/toegankelijkheid"), className="voet"),
        sessie_waarschuwing(),  # last: it is shown fixed on top, and must not precede the page's h1
    ])
