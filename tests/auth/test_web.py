"""The Flask integration against a minimal Dash app: guard, login, lockout, expiry, headers,
errors."""
import json

import pytest

from dashboard.auth.settings import Settings, check_secret

from .conftest import CALLBACK_BODY, add_user, csrf_of, login, make_app, make_settings

PROTECTED = [
    ("get", "/", {}),
    ("get", "/_dash-layout", {}),
    ("get", "/_dash-dependencies", {}),
    ("post", "/_dash-update-component", {"json": CALLBACK_BODY}),
    ("get", "/download/kosten", {}),
    ("get", "/een/pagina", {}),
    ("post", "/sessie/verleng", {}),
    ("get", "/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.min.js", {}),
]


@pytest.mark.parametrize("method, path, kwargs", PROTECTED)
def test_unauthenticated_requests_are_refused(client, method, path, kwargs):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == 401
    assert response.get_json() == {"fout": "Niet ingelogd."}
    assert "echo:" not in response.text and "GM0106" not in response.text


def test_unauthenticated_page_request_redirects_to_login(client):
    response = client.get("/kosten?jaar=2025", headers={"Accept": "text/html"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/kosten?jaar%3D2025"
    # Dash's JSON endpoints never redirect, even when a browser asks for HTML.
    assert client.get("/_dash-layout", headers={"Accept": "text/html"}).status_code == 401


def test_public_routes(client):
    assert client.get("/health").get_json() == {"status": "ok"}
    page = client.get("/login")
    assert page.status_code == 200 and "Inloggen" in page.text and 'name="csrf"' in page.text
    assert client.get("/login-static/login.css").status_code == 200


def test_login_then_dash_works(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    response = login(client, "assen", "assen-wachtwoord", next_="/kosten")
    assert response.status_code == 302 and response.headers["Location"] == "/kosten"
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    cb = client.post("/_dash-update-component", json=CALLBACK_BODY)
    assert cb.status_code == 200 and "echo:b" in cb.text
    assert client.get("/download/kosten").status_code == 200
    assert store.audit_rows(action="inloggen")[0]["wie"] == "assen"


def test_wrong_password_fails_and_is_audited(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    response = login(client, "assen", "fout-wachtwoord")
    assert response.status_code == 401 and "onjuist wachtwoord" in response.text
    assert client.get("/_dash-layout").status_code == 401
    login(client, "niemand", "wat-dan-ook")
    reasons = [r["wat"]["reden"] for r in store.audit_rows(action="inloggen_mislukt")]
    assert reasons == ["onbekend", "wachtwoord"]


def test_login_without_csrf_token_is_refused(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    response = client.post("/login", data={"gebruikersnaam": "assen", "wachtwoord": "assen-wachtwoord"})
    assert response.status_code == 400
    assert client.get("/_dash-layout").status_code == 401


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"])
def test_no_open_redirect_after_login(client, store, target):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    assert login(client, "assen", "assen-wachtwoord", next_=target).headers["Location"] == "/"


def test_lockout_after_five_failures(client, store, fake_clock):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    statuses = [login(client, "assen", "fout").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    # Locked: even the right password is refused, and the refusal says when to retry.
    locked = login(client, "assen", "assen-wachtwoord")
    assert locked.status_code == 429 and "geblokkeerd" in locked.text
    assert 0 < int(locked.headers["Retry-After"]) <= 15 * 60
    assert client.get("/_dash-layout").status_code == 401
    assert len(store.audit_rows(action="account_geblokkeerd")) == 1
    assert len(store.audit_rows(action="inloggen_geblokkeerd")) == 1
    fake_clock.advance(15 * 60 + 1)
    assert login(client, "assen", "assen-wachtwoord").status_code == 302


def test_lockout_per_ip_across_names(store, fake_clock):
    app = make_app(store, make_settings(max_failures_ip=6))
    client = app.server.test_client()
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    env = {"environ_base": {"REMOTE_ADDR": "203.0.113.9"}}
    for i in range(6):
        login(client, f"gok{i}", "fout", **env)
    assert login(client, "assen", "assen-wachtwoord", **env).status_code == 429
    other = app.server.test_client()
    assert login(other, "assen", "assen-wachtwoord", environ_base={"REMOTE_ADDR": "198.51.100.1"}).status_code == 302


def test_idle_expiry(client, store, fake_clock):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    fake_clock.advance(29 * 60)
    assert client.get("/_dash-layout").status_code == 200  # activity renews the idle timer
    fake_clock.advance(29 * 60)
    assert client.get("/_dash-layout").status_code == 200
    fake_clock.advance(31 * 60)
    assert client.get("/_dash-layout").status_code == 401


def test_blijf_ingelogd_renews_the_idle_timer_now(client, store, fake_clock):
    """The warning's button (assets/sessie.js) marks the session as used at that moment, even
    within TOUCH_EVERY_S of the last recorded activity."""
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    fake_clock.advance(20)  # < TOUCH_EVERY_S: an ordinary request would not record it
    antwoord = client.post("/sessie/verleng")
    assert antwoord.status_code == 200 and antwoord.get_json() == {"minuten": 30}
    fake_clock.advance(30 * 60 - 10)  # 30 min 10 s after login, 29 min 50 s after the button
    assert client.get("/_dash-layout").status_code == 200
    fake_clock.advance(31 * 60)
    assert client.post("/sessie/verleng").status_code == 401  # expired: the button cannot revive it


def test_absolute_expiry(client, store, fake_clock):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    for _ in range(29):  # busy all day, a request every 20 minutes: 9 h 40 min
        fake_clock.advance(20 * 60)
        assert client.get("/_dash-layout").status_code == 200
    fake_clock.advance(25 * 60)  # 10 h 5 min after login
    assert client.get("/_dash-layout").status_code == 401


def test_logout_ends_the_server_session(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    stolen = client.get_cookie("bwmo_sessie").value
    assert client.get("/logout").headers["Location"] == "/login"
    assert client.get("/_dash-layout").status_code == 401
    client.set_cookie("bwmo_sessie", stolen)  # replaying the old cookie does not help
    assert client.get("/_dash-layout").status_code == 401
    assert store.audit_rows(action="uitloggen")[0]["wie"] == "assen"


def test_password_reset_or_disable_ends_sessions(client, store, fake_clock):
    from dashboard.auth.passwords import hash_password

    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    fake_clock.advance(5)
    store.set_password("assen", hash_password("nieuw-wachtwoord"))
    assert client.get("/_dash-layout").status_code == 401
    login(client, "assen", "nieuw-wachtwoord")
    store.set_disabled("assen", True)
    assert client.get("/_dash-layout").status_code == 401
    assert login(client, "assen", "nieuw-wachtwoord").status_code == 401


def test_security_headers_everywhere(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    responses = [client.get("/login"), client.get("/_dash-layout"), client.get("/health")]
    login(client, "assen", "assen-wachtwoord")
    responses.append(client.get("/"))
    for r in responses:
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Referrer-Policy"] == "same-origin"
        csp = r.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert responses[1].headers["Cache-Control"] == "no-store"


def test_csp_allows_exactly_dash_inline_scripts(app, client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    page = client.get("/")
    for h in app.csp_hashes():
        assert h in page.headers["Content-Security-Policy"]


def test_cookie_flags(app, client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    cookie = login(client, "assen", "assen-wachtwoord").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    fresh = app.server.test_client()
    secure = fresh.get("/login", base_url="https://localhost").headers["Set-Cookie"]
    assert "Secure" in secure


def test_production_cookie_is_secure(store, fake_clock):
    client = make_app(store, make_settings(production=True)).server.test_client()
    assert "Secure" in client.get("/login").headers["Set-Cookie"]
    assert "Strict-Transport-Security" in client.get("/login").headers


def test_errors_reveal_nothing(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    login(client, "assen", "assen-wachtwoord")
    r = client.get("/boom", headers={"Accept": "text/html"})
    assert r.status_code == 500 and "Er ging iets mis" in r.text
    for leak in ("select", "clientnummer", "Traceback", "RuntimeError"):
        assert leak not in r.text
    bad = client.post("/_dash-update-component", data="{niet-json", content_type="application/json")
    assert bad.status_code in (400, 500) and "Traceback" not in bad.text
    assert json.loads(bad.text).keys() == {"fout"}


@pytest.mark.parametrize("secret", [None, "", "changeme", "geheim", "kort-maar-uniek"])
def test_production_refuses_a_weak_secret(store, secret):
    with pytest.raises(RuntimeError, match="BWMO_SECRET_KEY"):
        make_app(store, Settings(secret_key=secret, production=True))


def test_production_secret_from_env(monkeypatch):
    monkeypatch.setenv("BWMO_PRODUCTION", "1")
    monkeypatch.delenv("BWMO_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError):
        check_secret(Settings.from_env())
    monkeypatch.setenv("BWMO_SECRET_KEY", "k" * 48)
    check_secret(Settings.from_env())


def test_development_without_secret_uses_a_stored_one(store):
    a = make_app(store, Settings(secret_key=None)).server
    b = make_app(store, Settings(secret_key=None)).server
    assert a.secret_key and a.secret_key == b.secret_key  # every worker agrees


def test_scope_and_audit_inside_a_request(app, client, store):
    from dashboard.auth import audit, current_user, session_scope

    @app.server.route("/scope")
    def scope():
        audit("export", {"tabel": "kosten"})
        return {"user": current_user().username, "scope": sorted(session_scope())}

    add_user(store, "meppel", "meppel-wachtwoord", {"gemeente"}, {"GM0119", "GM0505"})
    login(client, "meppel", "meppel-wachtwoord")
    assert client.get("/scope").get_json() == {"user": "meppel", "scope": ["GM0119"]}
    assert store.audit_rows(action="export")[0]["wat"] == {"tabel": "kosten"}
    with app.server.test_request_context("/"):
        assert current_user() is None and session_scope() == frozenset()


def test_login_page_csrf_token_changes_after_login(client, store):
    add_user(store, "assen", "assen-wachtwoord", {"gemeente"}, {"GM0106"})
    before = csrf_of(client.get("/login").text)
    login(client, "assen", "assen-wachtwoord")
    client.get("/logout")
    assert csrf_of(client.get("/login").text) != before


def test_unknown_names_stay_out_of_the_audit_log(client, store):
    login(client, "Mijn-Geheime-Wachtwoord", "x")
    [row] = store.audit_rows(action="inloggen_mislukt")
    assert row["wie"] == "(onbekende gebruiker)" and "geheime" not in json.dumps(row).lower()


def test_weak_hash_is_upgraded_at_login(client, store):
    from dashboard.auth import passwords

    store.add_user("oud", passwords.hash_password("oud-wachtwoord", n=2**8), {"regio"}, set())
    assert login(client, "oud", "oud-wachtwoord").status_code == 302
    assert store.get_user("oud").password_hash.startswith(f"scrypt$n={passwords.N},")
