"""Hardening from the security review (issue 10): request body limit, the login stylesheet's
path prefix, capped audit-log fields. Against the minimal Dash app of conftest.py."""
import io
import json

import pytest

from dashboard.auth.settings import Settings

from .conftest import CALLBACK_BODY, add_user, login, make_app, make_settings

TE_GROOT = {"fout": "Het verzoek is te groot."}
APP_SHELL = ("_dash-config", "react-entry-point", "_dash-renderer")
MAX_VELD, MAX_DETAIL, AFGEKAPT = 1000, 4096, "[afgekapt]"  # documented in docs/security.md


def _ingelogd(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    assert login(client, "assen", "assen-wachtwoord").status_code == 302
    return client


# --- 2. request bodies over the limit: 413 before they are parsed ---------------------------

def test_default_body_limit_and_env(monkeypatch):
    monkeypatch.delenv("BWMO_MAX_VERZOEK_KB", raising=False)
    assert Settings.from_env().max_request_kb == 256
    monkeypatch.setenv("BWMO_MAX_VERZOEK_KB", "64")
    assert Settings.from_env().max_request_kb == 64
    monkeypatch.setenv("BWMO_MAX_VERZOEK_KB", "veel")
    with pytest.raises(ValueError, match="BWMO_MAX_VERZOEK_KB"):
        Settings.from_env()


@pytest.fixture
def klein(store, fake_clock):
    """The test app with a 4 KB limit."""
    return make_app(store, make_settings(max_request_kb=4)).server.test_client()


def _groot_lichaam(bytes_: int) -> bytes:
    body = dict(CALLBACK_BODY, inputs=[{"id": "in", "property": "value", "value": "x" * bytes_}])
    return json.dumps(body).encode()


def test_a_body_over_the_limit_gets_413_in_dutch(klein, store):
    _ingelogd(klein, store)
    r = klein.post("/_dash-update-component", data=_groot_lichaam(5000), content_type="application/json")
    assert r.status_code == 413 and r.get_json() == TE_GROOT
    assert "Traceback" not in r.text
    # just under the limit the same callback works
    ok = klein.post("/_dash-update-component", data=_groot_lichaam(3500), content_type="application/json")
    assert ok.status_code == 200 and "echo:xxx" in ok.text


def test_the_limit_is_checked_before_anything_reads_the_body(klein, store, monkeypatch):
    _ingelogd(klein, store)
    gelezen = []
    monkeypatch.setattr("flask.Request.get_data", lambda self, *a, **k: gelezen.append(1) or b"{}")
    r = klein.post("/_dash-update-component", data=_groot_lichaam(5000), content_type="application/json")
    assert r.status_code == 413 and not gelezen


def test_the_default_limit_refuses_a_body_of_a_few_hundred_kb(client, store):
    _ingelogd(client, store)
    r = client.post("/_dash-update-component", data=_groot_lichaam(300 * 1024), content_type="application/json")
    assert r.status_code == 413 and r.get_json() == TE_GROOT


def test_anonymous_large_body_also_413(klein):
    r = klein.post("/_dash-update-component", data=_groot_lichaam(50_000), content_type="application/json")
    assert r.status_code == 413 and r.get_json() == TE_GROOT


def test_large_login_form_is_refused(klein):
    r = klein.post("/login", data={"gebruikersnaam": "a", "wachtwoord": "x" * 10_000},
                   headers={"Accept": "text/html"})
    assert r.status_code == 413 and "Te groot" in r.text and "Traceback" not in r.text


def test_a_chunked_body_without_content_length_is_limited(klein, store):
    """gunicorn (like werkzeug's server) sets wsgi.input_terminated for a chunked body; the
    stream then stops at the limit instead of reading whatever the client keeps sending."""
    _ingelogd(klein, store)
    gelezen = []

    class Teller(io.BytesIO):  # 10 MB the client keeps sending; counts what the app reads
        def read(self, size=-1):
            stuk = super().read(size)
            gelezen.append(len(stuk))
            return stuk

        def readinto(self, buffer):
            n = super().readinto(buffer)
            gelezen.append(n)
            return n

    # With Transfer-Encoding: chunked werkzeug ignores any Content-Length (the test client's).
    r = klein.post("/_dash-update-component", input_stream=Teller(b" " * 10_000_000),
                   content_type="application/json",
                   headers={"Transfer-Encoding": "chunked"},
                   environ_overrides={"wsgi.input_terminated": True})
    assert r.status_code == 413 and r.get_json() == TE_GROOT
    assert sum(gelezen) <= 4 * 1024  # stopped at the 4 KB limit, not at the end of the stream
    # a small chunked body still works, read once and handed to Dash
    klein_lichaam = _groot_lichaam(100)
    ok = klein.post("/_dash-update-component", input_stream=io.BytesIO(klein_lichaam),
                    content_type="application/json", headers={"Transfer-Encoding": "chunked"},
                    environ_overrides={"wsgi.input_terminated": True})
    assert ok.status_code == 200 and "echo:xxx" in ok.text


# --- 4. /login-static/... is public only for the stylesheet itself --------------------------

ODD_PATHS = ["/login-static/", "/login-static//", "/login-static//x", "/login-static///x",
             "/login-static//_dash-layout", "/login-static//login.css", "/login-static/../",
             "/login-static/%2e%2e/", "/login-static/%2e%2e", "/login-static/%2e%2e%2f",
             "/login-static/..%2f_dash-layout", "/login-static/./", "/login-static/x/../../",
             "//login-static/x", "/login-static/%2F%2Fx", "/login-static/login.css/",
             "/login-static/login.css/..", "/login-static/kosten"]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_login_static_paths_never_serve_the_app_shell(client, path):
    pagina = client.get(path, headers={"Accept": "text/html"})
    assert not any(m in pagina.text for m in APP_SHELL), (path, pagina.status_code)
    if pagina.status_code == 200:  # "login.css/": werkzeug's safe_join drops the slash
        assert pagina.headers["Content-Type"].startswith("text/css"), path
        return
    assert pagina.status_code == 404 or (
        pagina.status_code == 302 and pagina.headers["Location"].startswith("/login?")), path
    script = client.get(path)
    assert not any(m in script.text for m in APP_SHELL), (path, script.status_code)
    assert script.status_code in (401, 404), path


def test_the_login_stylesheet_is_still_public(client):
    r = client.get("/login-static/login.css")
    assert r.status_code == 200 and "text/css" in r.headers["Content-Type"]


# --- 5. the audit log cannot be filled with megabytes by one request --------------------------

def test_audit_fields_are_capped(store):
    store.audit("w" * 5000, "a" * 5000, {"filters": "?" + "x" * 50_000, "kort": "ok"}, "1" * 5000)
    [rij] = store.audit_rows()
    for veld in ("wie", "actie", "ip"):
        assert len(rij[veld]) <= MAX_VELD
        assert rij[veld].endswith(AFGEKAPT)
    assert len(rij["wat"]["filters"]) <= MAX_VELD
    assert rij["wat"]["filters"].endswith(AFGEKAPT) and rij["wat"]["kort"] == "ok"


def test_audit_detail_is_capped_as_a_whole(store):
    veel = {f"veld{i}": "y" * 900 for i in range(100)}  # every field under the cap, 90 KB together
    store.audit("assen", "export", veel, "203.0.113.9")
    with store.reading() as con:
        ruw = con.execute("select wat from audit").fetchone()[0]
    assert len(ruw) <= MAX_DETAIL
    [rij] = store.audit_rows()
    assert rij["wat"]["afgekapt"] is True  # still valid JSON, marked as cut
    assert rij["wat"]["lengte"] > 90_000 and rij["wat"]["begin"].startswith('{"veld0": "yyy')
    # small details are stored as they are
    store.audit("assen", "export", {"visual": "x", "rijen": 3, "lijst": [1, "a"]}, None)
    assert store.audit_rows(limit=1)[0]["wat"] == {"visual": "x", "rijen": 3, "lijst": [1, "a"]}


def test_audit_caps_nested_strings_and_keys(store):
    store.audit("assen", "export", {"k" * 3000: ["z" * 3000, {"diep": "q" * 3000}]}, None)
    [rij] = store.audit_rows()
    [(sleutel, waarde)] = rij["wat"].items()
    assert len(sleutel) <= MAX_VELD
    assert len(waarde[0]) <= MAX_VELD
    assert len(waarde[1]["diep"]) <= MAX_VELD



def test_a_forged_export_cannot_write_megabytes_into_the_audit_log(ingelogd, echte_app):
    """The export callback audits the filters it was sent (`search`): capped like every field."""
    from .test_forged_callbacks import verzoeken
    regio = ingelogd("regio")
    store = echte_app.server.extensions["bwmo_auth"].store
    body = next(b for o, b in verzoeken(regio.get("/_dash-dependencies").json) if o == "download.data")
    body["state"][0]["value"] = "?van=2024-01&x=" + "y" * 200_000
    voor = len(store.audit_rows(action="export", limit=10_000))
    assert regio.post("/_dash-update-component", json=body).status_code == 200
    rijen = store.audit_rows(action="export", limit=10_000)
    assert len(rijen) == voor + 1
    with store.reading() as con:
        ruw = con.execute("select wat from audit where id = ?", (rijen[0]["id"],)).fetchone()[0]
    assert len(ruw) <= MAX_DETAIL and rijen[0]["wat"]["filters"].endswith(AFGEKAPT)


# --- 1. /health: details only for a session or a local check --------------------------------

def test_health_details_only_for_a_logged_in_session(echte_app, ingelogd, monkeypatch):
    monkeypatch.delenv("BWMO_HEALTH_DETAILS_LOKAAL", raising=False)
    anoniem = echte_app.server.test_client().get("/health")
    assert anoniem.status_code == 200 and anoniem.get_json() == {"status": "ok"}
    for naam in ("assen", "beheer"):  # any logged-in user, with or without figures
        r = ingelogd(naam).get("/health")
        assert r.status_code == 200
        assert set(r.get_json()) == {"status", "warehouse_versie", "peildatum", "geladen_op"}
