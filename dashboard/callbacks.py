"""The app's callbacks, kept thin: filter pane <-> URL, cross-filter clicks, exports, navigation.
Each is a plain function (tested directly) registered with dash.callback at import time."""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from dash import ALL, Input, Output, State, callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard import auth, export, ids
from dashboard import filters as flt
from dashboard.components.visual import REGISTRY, bouw
from dashboard.request_context import maak_context
from kern import data

log = logging.getLogger(__name__)
_GEMEENTE_PAD = re.compile(r"^/gemeente/([^/]+)/?$")


def controls_uit_filters(f: flt.Filters, eerste, laatste) -> tuple:
    """(snelkeuze, van, tot, subregio, gemeente, tussenvorm, levering, korrel) for the filter pane."""
    p = flt.periode(f, eerste, laatste)
    waarde = f"{flt.maand_tekst(p.van)}:{flt.maand_tekst(p.tot)}"
    snel = waarde if any(k["value"] == waarde for k in flt.snelkeuzes(eerste, laatste)) else None
    return (snel, flt.maand_tekst(p.van), flt.maand_tekst(p.tot), list(f.subregio), list(f.gemeenten),
            list(f.tussenvormen), list(f.leveringsvormen), f.korrel)


def filters_uit_controls(van, tot, subregio, gemeente, tussenvorm, levering, eerste, laatste,
                         korrel=None) -> flt.Filters:
    """The filter pane's values as Filters; the default period is left out of the URL."""
    v, t = flt.maand_van(van), flt.maand_van(tot)
    if v and t and v > t:
        v, t = t, v
    std = flt.standaard_periode(laatste, eerste)
    if (v or std.van) == std.van and (t or std.tot) == std.tot:
        v = t = None
    zoek = flt.to_search(flt.Filters(v, t, tuple(subregio or ()), tuple(gemeente or ()),
                                     tuple(tussenvorm or ()), tuple(levering or ()),
                                     korrel=korrel if korrel in flt.KORRELS else "maand"))
    return flt.parse(zoek)  # normalised exactly as a URL would be


def _enkel(waarde) -> str | None:
    """A single-choice dropdown's value: a string in every browser; anything else (a forged
    request) counts as no choice."""
    return waarde if isinstance(waarde, str) else None


def _meer(waarde) -> list[str]:
    """A multi-choice dropdown's value: a list of strings; other items of a forged request are dropped."""
    if isinstance(waarde, str):
        return [waarde]
    return [w for w in waarde if isinstance(w, str)] if isinstance(waarde, list) else []


def sync_filters(search, snelkeuze, van, tot, subregio, gemeente, tussenvorm, levering, _wis, korrel=None,
                 trigger=None):
    """URL -> filter pane (on load and back/forward); filter pane -> URL (a new history entry)."""
    trigger = trigger if trigger is not None else ctx.triggered_id
    try:
        eerste, laatste = data.maanden_bereik()
    except data.WarehouseFout:
        raise PreventUpdate from None
    huidig = flt.parse(search)
    snelkeuze, van, tot = _enkel(snelkeuze), _enkel(van), _enkel(tot)
    subregio, gemeente, tussenvorm, levering = map(_meer, (subregio, gemeente, tussenvorm, levering))
    if trigger == ids.FILTER_WIS:
        return ("", *controls_uit_filters(flt.Filters(), eerste, laatste))
    if trigger in (None, ids.URL):
        return (no_update, *controls_uit_filters(huidig, eerste, laatste))
    if trigger == ids.FILTER_SNELKEUZE:
        if not snelkeuze:
            raise PreventUpdate
        van, _, tot = snelkeuze.partition(":")
    korrel = korrel if isinstance(korrel, str) else huidig.korrel
    nieuw = filters_uit_controls(van, tot, subregio, gemeente, tussenvorm, levering, eerste, laatste, korrel)
    snel, van_c, tot_c = controls_uit_filters(nieuw, eerste, laatste)[:3]
    zoek = no_update if nieuw == huidig else flt.to_search(nieuw)  # a pane change clears the cross-filter
    return (zoek, snel, van_c, tot_c, no_update, no_update, no_update, no_update, no_update)


callback(
    Output(ids.URL, "search"),
    Output(ids.FILTER_SNELKEUZE, "value"), Output(ids.FILTER_VAN, "value"), Output(ids.FILTER_TOT, "value"),
    Output(ids.FILTER_SUBREGIO, "value"), Output(ids.FILTER_GEMEENTE, "value"),
    Output(ids.FILTER_TUSSENVORM, "value"), Output(ids.FILTER_LEVERING, "value"),
    Output(ids.FILTER_KORREL, "value"),
    Input(ids.URL, "search"),
    Input(ids.FILTER_SNELKEUZE, "value"), Input(ids.FILTER_VAN, "value"), Input(ids.FILTER_TOT, "value"),
    Input(ids.FILTER_SUBREGIO, "value"), Input(ids.FILTER_GEMEENTE, "value"),
    Input(ids.FILTER_TUSSENVORM, "value"), Input(ids.FILTER_LEVERING, "value"),
    Input(ids.FILTER_WIS, "n_clicks"), Input(ids.FILTER_KORREL, "value"),
)(sync_filters)


def kruisfilter(klik: dict | None, soort: str, search: str | None) -> str:
    """A click on a municipality's bar or a month toggles the cross-filter in the URL."""
    if not klik or not klik.get("points"):
        raise PreventUpdate
    cd = klik["points"][0].get("customdata")
    sleutel = cd[0] if isinstance(cd, (list, tuple)) and cd else cd  # [] from a forged click
    f = flt.parse(search)
    if soort == "gemeente":
        if not isinstance(sleutel, str) or not re.fullmatch(r"GM\d{4}", sleutel):
            raise PreventUpdate
        f = replace(f, kruis_gemeente=None if f.kruis_gemeente == sleutel else sleutel)
    elif soort == "subregio":  # drill down: a real filter, shown in the filter pane
        if not isinstance(sleutel, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", sleutel):
            raise PreventUpdate
        f = replace(f, subregio=() if f.subregio == (sleutel,) else (sleutel,), kruis_gemeente=None)
    elif soort == "maand":
        m = flt.maand_van(sleutel if isinstance(sleutel, str) else None)
        if m is None:
            raise PreventUpdate
        f = replace(f, kruis_maand=None if f.kruis_maand == m else m)
    else:
        raise PreventUpdate
    return flt.to_search(f)


def kruisfilter_klik(_klikken, _keuzes, search):
    """A click in a cross-filter chart, or a choice in the dropdown beside it (the same selection
    by keyboard, issue 15)."""
    trig = ctx.triggered_id
    if not isinstance(trig, dict) or not ctx.triggered:
        raise PreventUpdate
    waarde = ctx.triggered[0].get("value")
    if trig.get("type") == "kruisfilter-keuze":
        return kruisfilter_kies(waarde, trig.get("soort"), search)
    if not waarde:
        raise PreventUpdate
    return kruisfilter(waarde, trig["soort"], search)


callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.kruisfilter_grafiek(ALL, ALL), "clickData"),
    Input(ids.kruisfilter_keuze(ALL, ALL), "value"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)(kruisfilter_klik)


def kruisfilter_kies(waarde, soort, search):
    """The dropdown beside a cross-filter chart: selects what a click on that bar or point
    selects (choosing the current selection again changes nothing, where a click would undo it)."""
    if not isinstance(waarde, str) or not isinstance(soort, str):
        raise PreventUpdate
    f = flt.parse(search)
    huidig = {"gemeente": f.kruis_gemeente, "maand": flt.maand_tekst(f.kruis_maand),
              "subregio": f.subregio[0] if len(f.subregio) == 1 else None}.get(soort)
    if waarde == huidig:
        raise PreventUpdate
    return kruisfilter({"points": [{"customdata": [waarde]}]}, soort, search)


def kruisfilter_wis(n_clicks, search):
    if not n_clicks:
        raise PreventUpdate
    return flt.to_search(flt.parse(search).zonder_kruisfilter())


callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.KRUISFILTER_WIS, "n_clicks"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)(kruisfilter_wis)


def gemeente_uit_pad(pathname: str | None) -> str | None:
    m = _GEMEENTE_PAD.match(pathname or "")
    return m.group(1) if m else None


def download(visual_id: str, formaat: str, search: str | None, pathname: str | None) -> dict:
    """Rebuild the visual for this request (same filters, the session's scope and small-numbers
    rule, both applied by `bouw`) and send its table. Every export is audited."""
    if not isinstance(visual_id, str) or visual_id not in REGISTRY or formaat not in ("xlsx", "csv"):
        raise PreventUpdate
    try:
        context = maak_context(search, gemeente_uit_pad(pathname))
        v = bouw(visual_id, context)
    except data.WarehouseFout:
        raise PreventUpdate from None
    naam = export.bestandsnaam(v.titel.split(" · ")[0], context.info["peildatum"], formaat)
    auth.audit("export", {"visual": visual_id, "formaat": formaat, "bestand": naam, "filters": search or "",
                          "pagina": pathname or "", "rijen": len(v.tabel)})
    if formaat == "csv":
        return dcc.send_bytes(("\ufeff" + export.naar_csv(v.tabel)).encode("utf-8"), naam,
                              type="text/csv")
    return dcc.send_bytes(export.naar_xlsx(v.tabel, v.titel.split(" · ")[0]), naam,
                          type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def exporteer(_klikken, search, pathname):
    trig = ctx.triggered_id
    if not trig or not ctx.triggered or not ctx.triggered[0].get("value"):
        raise PreventUpdate
    return download(trig["visual"], trig["formaat"], search, pathname)


callback(
    Output(ids.DOWNLOAD, "data"),
    Input(ids.export_knop(ALL, ALL), "n_clicks"),
    State(ids.URL, "search"), State(ids.URL, "pathname"),
    prevent_initial_call=True,
)(exporteer)


def download_afgekeurd(n_clicks, bestand, search, pathname) -> dict:
    """One delivered file's rejected lines as Excel: the rows of dq-afgekeurde-regels (built for
    this request, with the session's role rules: the client number only for regio) of that file.
    A file that is not among them (a forged name, a user without Datakwaliteit) sends nothing."""
    if not n_clicks or not isinstance(bestand, str):
        raise PreventUpdate
    try:
        context = maak_context(search, gemeente_uit_pad(pathname))
        v = bouw("dq-afgekeurde-regels", context)
    except data.WarehouseFout:
        raise PreventUpdate from None
    rijen = v.tabel[v.tabel["Bestand"] == bestand].reset_index(drop=True)
    if rijen.empty:
        raise PreventUpdate
    stam = re.sub(r"[^A-Za-z0-9_-]+", "-", bestand.rsplit(".", 1)[0]).strip("-")
    naam = f"bwmo-afgekeurde-regels-{stam}-{context.info['peildatum']:%Y%m%d}.xlsx"
    auth.audit("export", {"visual": "dq-afgekeurde-regels", "formaat": "xlsx", "bestand": naam,
                          "geleverd_bestand": bestand, "pagina": pathname or "", "rijen": len(rijen)})
    return dcc.send_bytes(export.naar_xlsx(rijen, "Afgekeurde regels"), naam,
                          type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


callback(
    Output(ids.DOWNLOAD, "data", allow_duplicate=True),
    Input("dq-afgekeurd-bestand-knop", "n_clicks"),
    State("dq-afgekeurd-bestand", "value"), State(ids.URL, "search"), State(ids.URL, "pathname"),
    prevent_initial_call=True,
)(download_afgekeurd)


def nav_hrefs(search, pathname, link_ids):
    """Keep the filter state when moving between pages; mark the current page."""
    hrefs, klassen = [], []
    for lid in link_ids:
        pad = lid["pad"]
        hrefs.append(pad + (search or ""))
        actief = pathname == pad or (pad.startswith("/gemeente/") and (pathname or "").startswith("/gemeente/"))
        klassen.append("nav-link actief" if actief else "nav-link")
    return hrefs, klassen


callback(
    Output(ids.nav_link(ALL), "href"), Output(ids.nav_link(ALL), "className"),
    Input(ids.URL, "search"), Input(ids.URL, "pathname"),
    State(ids.nav_link(ALL), "id"),
)(nav_hrefs)
