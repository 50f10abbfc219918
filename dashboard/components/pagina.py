"""The frame every page shares: title, 'Gegevens t/m ...', the active cross-filter, the visuals.
Errors never reach the user as a stack trace: a missing or unreadable warehouse gives a Dutch
message, a failing visual is replaced by a short notice (and logged)."""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from dash import dcc, html

from dashboard import filters as flt
from dashboard import ids, rendercache
from dashboard.components.visual import bouw, render
from dashboard.request_context import Context, maak_context
from kern import data, formats

log = logging.getLogger(__name__)


def zoekstring(query: dict) -> str:
    """Dash passes the query string to a page layout as keyword arguments; rebuild it."""
    q = {k: v for k, v in query.items() if isinstance(v, (str, list))}
    return "?" + urlencode(q, doseq=True) if q else ""


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def foutmelding(tekst: str, titel: str = "De gegevens zijn niet beschikbaar") -> html.Div:
    return html.Div([html.H2(titel), html.P(tekst)], className="foutmelding", role="alert")


def gegevens_regel(info: dict) -> html.P:
    return html.P(f"Gegevens t/m {formats.datum(info['peildatum'])} · geladen "
                  f"{formats.datumtijd(info['geladen_op'])}", className="peildatum", id="peildatum")


def kruisfilter_chip(ctx: Context) -> html.Div | None:
    delen = []
    if ctx.kruis_gemeente:
        delen.append(ctx.gemeente_namen().get(ctx.kruis_gemeente, ctx.kruis_gemeente))
    if ctx.kruis_maand:
        delen.append(formats.maand(ctx.filters.kruis_maand))
    if not delen:
        return None
    link = []
    if ctx.kruis_gemeente and ctx.gemeente is None:
        link = [dcc.Link("Naar de gemeentepagina", href=f"/gemeente/{ctx.kruis_gemeente}{flt.to_search(ctx.filters)}",
                         className="knop-klein")]
    return html.Div([
        html.Span("Selectie: ", className="chip-label"), html.Strong(" · ".join(delen)),
        html.Button("✕ Selectie opheffen", id=ids.KRUISFILTER_WIS, className="knop-klein", n_clicks=0),
    ] + link, className="kruisfilter", role="status")


def _bouw(visual_id: str, ctx: Context):
    try:
        return render(bouw(visual_id, ctx))
    except data.WarehouseFout:
        raise
    except Exception:  # one broken visual must not take the page down
        log.exception("visual %s mislukt", visual_id)
        ctx.__dict__["_visual_mislukt"] = True  # this page is not kept in the render cache
        return html.Section([html.H2(visual_id), html.P("Deze visual kan nu niet worden getoond.")],
                            className="visual fout")


GEEN_CIJFERS = ("Uw account geeft geen toegang tot cijfers van gemeenten. Vraag de beheerder om de juiste "
                "rol als u denkt dat dit niet klopt.")
GEEN_DATAKWALITEIT = "Deze pagina is alleen voor beheer en de regio."


def weigering(ctx: Context, toegang: str) -> str | None:
    """Why this user may not see the page (None: allowed). `toegang`: 'cijfers' needs a
    municipality in scope, 'datakwaliteit' the beheer or regio role."""
    if toegang == "datakwaliteit":
        return None if ctx.mag_datakwaliteit else GEEN_DATAKWALITEIT
    return None if ctx.scope else GEEN_CIJFERS


def pagina(titel: str, rijen: list, query: dict, *, gemeente: str | None = None,
           inleiding: str = "", koptekst=None, toegang: str = "cijfers") -> html.Div:
    """Build a page: `rijen` lists the visual ids per row. A page built completely (no visual
    failed) is marked for the render cache, which keeps Dash's answer to the page callback for
    this warehouse version, viewer and filter state (dashboard/rendercache.py); a later request
    for it is answered before Dash or this function runs."""
    try:
        ctx = maak_context(zoekstring(query), gemeente)
        reden = weigering(ctx, toegang)
        if reden:
            return html.Div([html.H1(titel), foutmelding(reden, "Geen toegang")], className="pagina")
        kop = [html.H1(koptekst(ctx) if koptekst else titel), gegevens_regel(ctx.info),
               html.P(f"{_hoofdletter(ctx.selectie_label())} · {ctx.periode.label}", className="selectie-regel")]
        if inleiding:
            kop.append(html.P(inleiding, className="inleiding"))
        chip = kruisfilter_chip(ctx)
        inhoud = []
        for rij in rijen:  # a row is a list of visual ids, or (css class, list of ids)
            klasse, vids = rij if isinstance(rij, tuple) else ("", rij)
            inhoud.append(html.Div([_bouw(v, ctx) for v in vids], className=f"rij {klasse}".strip()))
        uit = html.Div([html.Div(kop, className="paginakop")] + ([chip] if chip else []) + inhoud,
                       className="pagina")
        if not ctx.__dict__.get("_visual_mislukt"):
            rendercache.bewaarbaar()
        return uit
    except data.WarehouseFout as fout:
        return html.Div([html.H1(titel), foutmelding(str(fout))], className="pagina")
    except Exception:
        log.exception("pagina %s mislukt", titel)
        return html.Div([html.H1(titel), foutmelding(
            "Er ging iets mis bij het maken van deze pagina. Probeer het opnieuw of meld het bij de beheerder.",
            "Er ging iets mis")], className="pagina")
