"""Financiën, result versions (issue 5): voorlopig and definitief side by side per municipality
with the difference, the history of fixed versions, and for a `regio` user the action to fix a
version. Two steps: a confirmation dialog, then the server checks the role again and starts
`python -m etl versie` as a separate process (etl/vaststellen.py fixes and republishes); the
page polls its status file (staat/taken.py) until it is done. The web process never rebuilds
the warehouse itself: a rebuild takes longer than a request may, and needs the whole ETL."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
from dash import Input, Output, State, callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import access
from dashboard.auth import audit, current_user, may_fix_versions
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie
from dashboard.figures.basis import euro_as
from dashboard.request_context import Context
from dashboard.visuals.financien import als_rijen, som, verdeling, verdeling_keuze
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import KLEUR

VERSCHIL = "Verschil (definitief − voorlopig)"


def _som_of_nan(waarden: list) -> float:
    """What pd.to_numeric(column).sum(min_count=1) gave: the sum of the present values, NaN
    when none is present."""
    return som(waarden) if any(not formats.ontbreekt(w) for w in waarden) else float("nan")


def verrekening_tabel(rijen: list[dict], jaar: int) -> dict[str, list]:
    """Per municipality: the running share, voorlopig, definitief and the difference, plus a total
    (the table's columns as lists).
    `rijen`: financien_verdeling.sql's rows (each version's row carries the gemeente's fixed shares)."""
    per_gemeente: dict[str, dict] = {}
    for r in rijen:
        if r["jaar"] != jaar:
            continue
        g = per_gemeente.setdefault(r["gemeente_code"], {"lopend_eur": None, **r})
        if r["versie"] == "lopend":
            g["lopend_eur"] = r["resultaat_eur"]
    # by name, a missing name last (as sort_values put NaN)
    df = sorted(per_gemeente.values(), key=lambda g: (formats.ontbreekt(g["gemeente_naam"]), g["gemeente_naam"] or ""))
    kolommen = {"Lopend (huidige gegevens)": "lopend_eur", "Voorlopig": "voorlopig_eur",
                "Definitief": "definitief_eur", VERSCHIL: "verschil_eur"}
    t = {"Gemeente": [g["gemeente_code"] if formats.ontbreekt(g["gemeente_naam"]) else g["gemeente_naam"] for g in df],
         "Gemeentecode": [g["gemeente_code"] for g in df]}
    for kop, kolom in kolommen.items():
        t[kop] = [g[kolom] for g in df]
    t["Gemeente"].append("Totaal")
    t["Gemeentecode"].append("")
    for kop in kolommen:
        t[kop] = [*t[kop], _som_of_nan(t[kop])]
    return t


def _tabel(t: dict[str, list]) -> pd.DataFrame:
    return pd.DataFrame({k: v if k in ("Gemeente", "Gemeentecode") else pd.Series(v, dtype="float64")
                         for k, v in t.items()})


@visual("financien-verrekening")
def verrekening_visual(ctx: Context) -> Visual:
    rijen = verdeling(ctx)
    if not rijen:
        return Visual("financien-verrekening", "Voorlopig en definitief resultaat",
                      pd.DataFrame(columns=["Gemeente", "Voorlopig", "Definitief", VERSCHIL]),
                      "Er is nog geen resultaat om te verdelen.", tabel_open=True)
    jaar = verdeling_keuze(rijen)[0]
    kolommen = verrekening_tabel(rijen, jaar)
    tabel = _tabel(kolommen)
    vastgezet = {k: any(not formats.ontbreekt(w) for w in kolommen[k][:-1]) for k in ("Voorlopig", "Definitief", VERSCHIL)}
    fig = None
    if vastgezet["Voorlopig"] or vastgezet["Definitief"]:  # nothing fixed yet: the table with the running shares says it all
        fig = euro_as(categorie.gegroepeerd(tabel.iloc[:-1].fillna({"Voorlopig": 0, "Definitief": 0}), "Gemeente",
                                            [("Voorlopig", "Voorlopig", KLEUR["prognose"]),
                                             ("Definitief", "Definitief", KLEUR["gerealiseerd"])],
                                            opmaak="eur", ytitel="Euro"))
    if vastgezet[VERSCHIL]:
        tekst = (f"Resultaat {jaar} per gemeente, voorlopig en definitief naast elkaar. Het verschil is wat elke "
                 f"gemeente bij de definitieve afrekening ontvangt (positief) of betaalt (negatief); samen "
                 f"{formats.eur(kolommen[VERSCHIL][-1], 2)}.")
    elif vastgezet["Voorlopig"]:
        tekst = f"Resultaat {jaar} per gemeente: het voorlopige resultaat staat vast, het definitieve nog niet."
    else:
        tekst = (f"Voor {jaar} is nog geen voorlopig of definitief resultaat vastgesteld; de tabel toont het "
                 "lopende aandeel volgens de huidige gegevens.")
    return Visual("financien-verrekening", f"Voorlopig en definitief resultaat {jaar}", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={"Lopend (huidige gegevens)": "eur2", "Voorlopig": "eur2", "Definitief": "eur2", VERSCHIL: "eur2"},
                  tabel_open=True, breed=True,
                  toelichting="Een gebruiker met de rol regio legt het voorlopige resultaat (februari) en het "
                              "definitieve resultaat (uiterlijk juni) van een jaar vast; het lopende aandeel verandert "
                              "met elke levering, een vastgelegd aandeel niet.")


@visual("financien-versies")
def versies_visual(ctx: Context) -> Visual:
    kolommen = ["Record", "Jaar", "Versie", "Vastgesteld op (UTC)", "Door", "Gegevens t/m", "Status", "Reden correctie"]
    versies = als_rijen(data.resultaat_versies(ctx.scope))
    if versies:
        tabel = pd.DataFrame({
            "Record": [r["record_id"] for r in versies], "Jaar": [r["jaar"] for r in versies],
            "Versie": [r["versie"] for r in versies],
            "Vastgesteld op (UTC)": [formats.datumtijd(str(r["vastgesteld_op"])[:19]) for r in versies],
            "Door": [r["door"] for r in versies],
            "Gegevens t/m": [formats.datum_kort(r["peildatum"]) for r in versies],
            "Status": ["geldig" if pd.isna(r["vervangen_door"]) else f"vervangen door record {int(r['vervangen_door'])}"
                       for r in versies],
            "Reden correctie": [r["reden"] if isinstance(r["reden"], str) else "" for r in versies],
        })
        tekst = f"{len(tabel)} vastgestelde resultaatversie(s), correcties inbegrepen."
    else:
        tabel = pd.DataFrame([{k: "" for k in kolommen} | {"Status": "nog geen resultaatversie vastgesteld"}])
        tekst = "Er zijn nog geen resultaatversies vastgesteld."
    return Visual("financien-versies", "Vastgestelde resultaatversies", tabel, tekst, kolommen=af.bedragen(tabel), tabel_open=True, breed=True,
                  toelichting="Een vastgestelde versie is een blijvend record: latere leveringen en herbouw veranderen "
                              "haar niet. Een correctie is een nieuw record; het oude blijft zichtbaar.")


VERSIE_JAAR, VERSIE_SOORT, VERSIE_REDEN = "versie-jaar", "versie-soort", "versie-reden"
VERSIE_KNOP, VERSIE_BEVESTIG, VERSIE_MELDING = "versie-knop", "versie-bevestig", "versie-melding"
VERSIE_TAAK, VERSIE_PEILEN = "versie-taak", "versie-peilen"
GEWEIGERD = "Alleen gebruikers met de rol regio kunnen een resultaatversie vastleggen."


def vastleg_formulier(user) -> html.Section | None:
    """The fixing action, only for a user who may fix versions (others see nothing)."""
    if not may_fix_versions(user):
        return None
    try:
        rj = data.resultaat_jaar(access.current_scope())
    except data.WarehouseFout:
        return None
    jaren = sorted(rj.loc[rj["versie"] == "lopend", "jaar"].astype(int).unique(), reverse=True)
    return html.Section([
        html.H2("Resultaat vastleggen"),
        html.P("Leg het lopende resultaat van een jaar vast als voorlopig (februari) of definitief (uiterlijk juni). "
               "Een vastgelegde versie verandert niet meer; opnieuw vastleggen kan alleen als correctie, met een "
               "reden. Daarna wordt het warehouse opnieuw gepubliceerd.", className="toelichting"),
        html.Div([
            html.Div([html.Label("Jaar", htmlFor=VERSIE_JAAR, id=f"{VERSIE_JAAR}-label", className="filter-label"),
                      dcc.Dropdown(id=VERSIE_JAAR, options=[{"label": str(j), "value": int(j)} for j in jaren],
                                   value=int(jaren[1]) if len(jaren) > 1 else (int(jaren[0]) if jaren else None),
                                   clearable=False)], className="filter"),
            html.Div([html.Div("Versie", id=f"{VERSIE_SOORT}-label", className="filter-label"),  # names the radiogroup
                      dcc.RadioItems(id=VERSIE_SOORT, value="voorlopig", inline=True,
                                     options=[{"label": " Voorlopig", "value": "voorlopig"},
                                              {"label": " Definitief", "value": "definitief"}])], className="filter"),
            html.Div([html.Label("Reden (alleen bij een correctie)", htmlFor=VERSIE_REDEN, className="filter-label"),
                      dcc.Input(id=VERSIE_REDEN, type="text", maxLength=300, debounce=True)], className="filter"),
            html.Button("Resultaat vastleggen…", id=VERSIE_KNOP, className="knop", n_clicks=0),
        ], className="filter-paar"),
        dcc.ConfirmDialog(id=VERSIE_BEVESTIG, message=""),
        html.P(id=VERSIE_MELDING, role="status"),
        dcc.Store(id=VERSIE_TAAK),
        dcc.Interval(id=VERSIE_PEILEN, interval=1000, disabled=True),
    ], className="visual breed", id="visual-financien-vastleggen")


def _tekst(waarde) -> str:
    """A callback value is whatever the request says: only a string counts as text."""
    return waarde.strip() if isinstance(waarde, str) else ""


def _jaar(waarde) -> int:
    """A year from a callback value; anything else (a forged list, a bool) is the user's
    mistake and gets the same Dutch message as an empty choice."""
    geldig = isinstance(waarde, (int, str)) and not isinstance(waarde, bool)
    try:
        return int(waarde if geldig else "")
    except ValueError:
        raise ValueError("Kies een jaar.") from None


def bevestigingsvraag(user, jaar, versie, reden) -> str:
    """Step one: the question the confirmation dialog asks. Raises PermissionError."""
    if not may_fix_versions(user):
        raise PermissionError(GEWEIGERD)
    from warehouse.versions import VERSIES, current_figures
    if versie not in VERSIES:
        raise ValueError("Kies voorlopig of definitief.")
    fig = current_figures(data.warehouse_pad(), _jaar(jaar))
    bedrag = formats.eur(float(fig["resultaat"]["resultaat_eur"]), 2)
    correctie = f" als correctie (reden: {reden})" if reden else ""
    return (f"U legt het {versie}e resultaat {jaar} vast{correctie}: {bedrag}, volgens de gegevens t/m "
            f"{formats.datum(fig['meta']['peildatum'])}. Dit record verandert daarna niet meer en het warehouse "
            "wordt opnieuw gepubliceerd. Doorgaan?")


def _store():
    from dashboard.auth.context import get_context
    from staat.store import StateStore
    context = get_context()
    return context.store if context else StateStore()


def leg_vast(user, jaar, versie, reden=None) -> tuple[str, str]:
    """Step two, on the server: check the role again and whether the version can be fixed, then
    start the job that fixes it and republishes. Returns (Dutch message, job id); raises
    PermissionError for a user who may not fix versions, VersionRefused when it cannot be fixed."""
    if not may_fix_versions(user):
        raise PermissionError(GEWEIGERD)
    from staat import taken
    from warehouse.versions import check_fixable

    jaar, store = _jaar(jaar), _store()
    check_fixable(store, jaar, versie, reden)
    taak_id, status = taken.nieuw(taken.taken_map(store.path), door=user.username,
                                  melding="Het vastleggen is gestart…")
    opdracht = [sys.executable, "-m", "etl", "versie", str(jaar), versie, "--ja",
                "--door", user.username, "--warehouse", str(data.warehouse_pad()), "--status", str(status)]
    if reden:
        opdracht += ["--correctie", reden]
    # its own session: the job finishes even when this worker is recycled meanwhile; what it
    # prints goes to a log beside its status file, for the beheerder when something breaks
    with open(status.with_suffix(".log"), "wb") as log:
        subprocess.Popen(opdracht, cwd=data.ROOT, env={**os.environ, "BWMO_STATE": str(store.path)},
                         stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                         start_new_session=True)
    return "Het vastleggen is gestart…", taak_id


def voortgang(user, taak_id) -> tuple[str, bool]:
    """(message, done) of a job this user started; another user's job or a forged id is refused."""
    from staat import taken
    try:
        status = taken.lees(taken.taken_map(_store().path), taak_id)
    except ValueError:
        status = None
    if not may_fix_versions(user) or status is None or status.get("door") != user.username:
        return GEWEIGERD if not may_fix_versions(user) else "Onbekende taak.", True
    if status.get("status") not in taken.KLAAR and taken.stil(taken.taken_map(_store().path), taak_id):
        return ("De taak meldt zich niet meer (langer dan een kwartier niets gehoord). Vraag de beheerder "
                f"naar het log van taak {taak_id}; kijk op deze pagina of de versie toch is vastgelegd."), True
    return status.get("melding", ""), status.get("status") in taken.KLAAR


def open_bevestiging(n_clicks, jaar, versie, reden):
    if not n_clicks:
        raise PreventUpdate
    try:
        return True, bevestigingsvraag(current_user(), jaar, versie, _tekst(reden)), ""
    except PermissionError as fout:
        return False, no_update, str(fout)
    except Exception as fout:  # VersionRefused, no warehouse: a Dutch message
        from warehouse.versions import VersionRefused
        if isinstance(fout, (VersionRefused, ValueError, data.WarehouseFout)):
            return False, no_update, str(fout)
        raise


def bevestigd(submit, jaar, versie, reden):
    if not submit:
        raise PreventUpdate
    from warehouse.versions import VersionRefused
    user = current_user()
    try:
        melding, taak_id = leg_vast(user, jaar, versie, _tekst(reden) or None)
        return melding, taak_id, False
    except PermissionError as fout:
        try:
            audit("versie_geweigerd", {"jaar": jaar, "versie": versie})
        except RuntimeError:
            pass
        return str(fout), None, True
    except (VersionRefused, ValueError) as fout:
        return f"Niet vastgelegd. {fout}", None, True


def peil(_n, taak_id):
    if not taak_id:
        raise PreventUpdate
    melding, klaar = voortgang(current_user(), taak_id)
    if klaar:
        data.leeg_cache()
    return melding, klaar


callback(Output(VERSIE_BEVESTIG, "displayed"), Output(VERSIE_BEVESTIG, "message"),
         Output(VERSIE_MELDING, "children", allow_duplicate=True),
         Input(VERSIE_KNOP, "n_clicks"), State(VERSIE_JAAR, "value"), State(VERSIE_SOORT, "value"),
         State(VERSIE_REDEN, "value"), prevent_initial_call=True)(open_bevestiging)
callback(Output(VERSIE_MELDING, "children"), Output(VERSIE_TAAK, "data"), Output(VERSIE_PEILEN, "disabled"),
         Input(VERSIE_BEVESTIG, "submit_n_clicks"), State(VERSIE_JAAR, "value"), State(VERSIE_SOORT, "value"),
         State(VERSIE_REDEN, "value"), prevent_initial_call=True)(bevestigd)
callback(Output(VERSIE_MELDING, "children", allow_duplicate=True), Output(VERSIE_PEILEN, "disabled", allow_duplicate=True),
         Input(VERSIE_PEILEN, "n_intervals"), State(VERSIE_TAAK, "data"), prevent_initial_call=True)(peil)
