"""Access to reports: the same rules as the dashboard, checked on the server; formula-like
text is written as text; every generation is audited."""
from __future__ import annotations

import base64
import json
import zipfile

import openpyxl
import pytest

from kern.rollen import GEMEENTE, User
from reports import RapportGeweigerd, build_report, write_xlsx
from tests.auth.conftest import add_user, login
from tests.reports.conftest import ASSEN_USER, BEHEER_USER, FORMULE_CODES, REGIO_USER


def test_build_report_refuses_a_code_outside_the_scope(warehouse):
    log = []
    auditor = lambda actie, wat: log.append((actie, wat))
    with pytest.raises(RapportGeweigerd):
        build_report("gemeente", "GM0119", "H1", 2025, ASSEN_USER, auditor=auditor)
    with pytest.raises(RapportGeweigerd):  # the region report needs the regio role
        build_report("regio", None, "H1", 2025, ASSEN_USER, auditor=auditor)
    for user in (BEHEER_USER, None, User("leeg")):
        with pytest.raises(RapportGeweigerd):
            build_report("gemeente", "GM0106", "H1", 2025, user, auditor=auditor)
    # a code of another region is never in the scope, even for a gemeente user that names it
    vreemd = User("emmen1", frozenset({GEMEENTE}), frozenset({"GM0114"}))
    with pytest.raises(RapportGeweigerd):
        build_report("gemeente", "GM0114", "H1", 2025, vreemd, auditor=auditor)
    assert [a for a, _ in log] == ["rapport_geweigerd"] * 6
    r = build_report("gemeente", "gm0106", "H1", 2025, ASSEN_USER, auditor=auditor)
    assert r.gemeente_code == "GM0106"
    assert log[-1][0] == "rapport" and log[-1][1]["gemeente"] == "gm0106" and log[-1][1]["peildatum"] == "2025-06-30"


def test_formula_like_cells_are_text_excel_will_not_evaluate(warehouse, tmp_path):
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    pad = tmp_path / "r.xlsx"
    write_xlsx(r, pad)
    ws = openpyxl.load_workbook(pad)["Datakwaliteit"]
    cellen = {c.value: c for c in ws["A"] if c.value in FORMULE_CODES}
    assert set(cellen) == set(FORMULE_CODES)
    for cel in cellen.values():
        assert cel.data_type == "s" and cel.quotePrefix
    # no formula anywhere in the file
    with zipfile.ZipFile(pad) as z:
        for naam in z.namelist():
            if naam.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(naam).decode("utf-8") and "<f " not in z.read(naam).decode("utf-8")


# --- the Verantwoording page: a forged download request ------------------------------------------

DOWNLOAD_KEY = "..verantwoording-download.data...verantwoording-melding.children.."


@pytest.fixture
def app(warehouse):
    """The real app (auth installed by create_app). Dash hands the callbacks registered with
    dash.callback to the first app that serves a request in this process; when another test's
    app already took them, the download callback is registered on this app directly, and the
    global registry is restored afterwards for the apps of other tests."""
    from dash import Input, Output, State, _callback

    from dashboard.app import create_app
    from dashboard.visuals import verantwoording as v

    bewaard = dict(_callback.GLOBAL_CALLBACK_MAP), list(_callback.GLOBAL_CALLBACK_LIST)
    app = create_app()
    app.server.config["TESTING"] = True
    if DOWNLOAD_KEY not in _callback.GLOBAL_CALLBACK_MAP:
        app.callback(Output(v.DOWNLOAD, "data"), Output(v.MELDING, "children"),
                     Input(v.KNOP_PDF, "n_clicks"), Input(v.KNOP_XLSX, "n_clicks"),
                     State(v.SCOPE, "value"), State(v.PERIODE, "value"), State(v.JAAR, "value"),
                     prevent_initial_call=True)(v.download)
    yield app
    _callback.GLOBAL_CALLBACK_MAP.update(bewaard[0])
    if bewaard[1] and not _callback.GLOBAL_CALLBACK_LIST:
        _callback.GLOBAL_CALLBACK_LIST.extend(bewaard[1])


def _download_body(scope, knop="verantwoording-pdf", periode="H1", jaar=2025):
    return {
        "output": "..verantwoording-download.data...verantwoording-melding.children..",
        "outputs": [{"id": "verantwoording-download", "property": "data"},
                    {"id": "verantwoording-melding", "property": "children"}],
        "inputs": [{"id": "verantwoording-pdf", "property": "n_clicks", "value": 1 if knop.endswith("pdf") else 0},
                   {"id": "verantwoording-xlsx", "property": "n_clicks", "value": 1 if knop.endswith("xlsx") else 0}],
        "changedPropIds": [f"{knop}.n_clicks"],
        "state": [{"id": "verantwoording-scope", "property": "value", "value": scope},
                  {"id": "verantwoording-periode", "property": "value", "value": periode},
                  {"id": "verantwoording-jaar", "property": "value", "value": jaar}],
    }


def test_a_municipality_cannot_download_another_municipalitys_report(app):
    from dashboard.auth.context import EXTENSION
    store = app.server.extensions[EXTENSION].store
    add_user(store, "assen-test", "assen-wachtwoord-123", {"gemeente"}, {"GM0106"})
    client = app.server.test_client()
    assert login(client, "assen-test", "assen-wachtwoord-123").status_code == 302
    client.get("/verantwoording")
    for scope in ("GM0119", "regio"):
        resp = client.post("/_dash-update-component", json=_download_body(scope))
        assert resp.status_code == 200
        antwoord = resp.get_json()["response"]
        assert "verantwoording-download" not in antwoord  # no file
        assert "alleen" in antwoord["verantwoording-melding"]["children"].lower()
    # its own municipality works, generated on the server
    resp = client.post("/_dash-update-component", json=_download_body("GM0106"))
    data = resp.get_json()["response"]["verantwoording-download"]["data"]
    assert data["filename"] == "bwmo-verantwoording-2025-h1-gemeente-assen.pdf"
    assert base64.b64decode(data["content"]).startswith(b"%PDF")
    resp = client.post("/_dash-update-component", json=_download_body("GM0106", knop="verantwoording-xlsx"))
    assert resp.get_json()["response"]["verantwoording-download"]["data"]["filename"].endswith(".xlsx")
    acties = [(r["actie"], r["wat"].get("gemeente")) for r in store.audit_rows(who="assen-test")]
    assert ("rapport", "GM0106") in acties and ("rapport_geweigerd", "GM0119") in acties
    # without a session: nothing at all
    anoniem = app.server.test_client().post("/_dash-update-component", json=_download_body("GM0106"))
    assert anoniem.status_code == 401


def test_the_page_offers_only_the_users_own_scopes(app):
    from dashboard.auth.context import EXTENSION
    store = app.server.extensions[EXTENSION].store
    add_user(store, "assen-pagina", "assen-wachtwoord-123", {"gemeente"}, {"GM0106"})
    add_user(store, "regio-pagina", "regio-wachtwoord-123", {"regio"})
    client = app.server.test_client()
    login(client, "assen-pagina", "assen-wachtwoord-123")
    from dash import no_update  # noqa: F401

    from dashboard.visuals import verantwoording as v
    from kern.rollen import REGIO
    opties = v.scope_opties(ASSEN_USER)
    assert [o["value"] for o in opties] == ["GM0106"]
    assert next(o["value"] for o in v.scope_opties(REGIO_USER)) == "regio"
    assert len(v.scope_opties(REGIO_USER)) == 10 and REGIO in REGIO_USER.roles
    assert v.scope_opties(BEHEER_USER) == []
    resp = client.post("/_dash-update-component", json={
        "output": "_pages_content.children", "outputs": {"id": "_pages_content", "property": "children"},
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/verantwoording"},
                   {"id": "_pages_location", "property": "search", "value": ""}],
        "changedPropIds": ["_pages_location.pathname"], "state": []})
    if resp.status_code == 200:  # Dash Pages' own callback; layout holds only the own municipality
        tekst = json.dumps(resp.get_json())
        assert "GM0106" in tekst and "GM0119" not in tekst
