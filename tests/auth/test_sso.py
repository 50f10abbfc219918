"""Single sign-on: headers are believed only from the configured proxy addresses."""
import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.auth.settings import parse_networks
from dashboard.auth.sso import load_group_rules

from .conftest import CALLBACK_BODY, make_app, make_settings

GROUPS = """# commentaar
groep;rol;gemeenten
bwmo-regio;regio;
bwmo-meppel;gemeente;GM0119
bwmo-beheer;beheer;
"""
PROXY = {"REMOTE_ADDR": "10.0.0.5"}
HEADERS = {"X-Forwarded-User": "j.jansen@meppel.nl", "X-Forwarded-Groups": "iedereen,bwmo-meppel"}


@pytest.fixture
def sso_app(store, tmp_path, fake_clock):
    groups = tmp_path / "sso_groepen.csv"
    groups.write_text(GROUPS, encoding="utf-8")
    settings = make_settings(sso=True, sso_proxies=parse_networks("10.0.0.5, 192.168.10.0/24"),
                             sso_groups_file=groups)
    app = make_app(store, settings)

    @app.server.route("/wie")
    def wie():
        from dashboard.auth import current_user, session_scope

        u = current_user()
        return {"user": u.username, "roles": sorted(u.roles), "scope": sorted(session_scope())}

    return app


def test_trusted_proxy_is_believed(sso_app, store):
    client = sso_app.server.test_client()
    r = client.get("/wie", headers=HEADERS, environ_base=PROXY)
    assert r.get_json() == {"user": "j.jansen@meppel.nl", "roles": ["gemeente"], "scope": ["GM0119"]}
    cb = client.post("/_dash-update-component", json=CALLBACK_BODY, headers=HEADERS,
                     environ_base={"REMOTE_ADDR": "192.168.10.77"})
    assert cb.status_code == 200
    client.get("/wie", headers=HEADERS, environ_base=PROXY)
    assert len(store.audit_rows(action="inloggen_sso")) == 1  # once per browser session


@pytest.mark.parametrize("address", ["10.0.0.6", "127.0.0.1", "192.168.11.1"])
def test_untrusted_address_is_refused(sso_app, address):
    client = sso_app.server.test_client()
    for path in ("/wie", "/_dash-layout", "/"):
        r = client.get(path, headers=HEADERS, environ_base={"REMOTE_ADDR": address})
        assert r.status_code == 401


def test_missing_header_is_refused_even_from_the_proxy(sso_app):
    client = sso_app.server.test_client()
    assert client.get("/", environ_base=PROXY, headers={"Accept": "text/html"}).status_code == 401
    assert client.get("/health", environ_base=PROXY).status_code == 200


def test_no_proxies_configured_refuses_everything(store, fake_clock):
    client = make_app(store, make_settings(sso=True)).server.test_client()
    assert client.get("/_dash-layout", headers=HEADERS, environ_base=PROXY).status_code == 401


def test_unmapped_groups_give_no_scope(sso_app):
    client = sso_app.server.test_client()
    r = client.get("/wie", headers={"X-Forwarded-User": "gast", "X-Forwarded-Groups": "iedereen"},
                   environ_base=PROXY)
    assert r.get_json() == {"user": "gast", "roles": [], "scope": []}


def test_password_login_is_off_in_sso_mode(sso_app):
    client = sso_app.server.test_client()
    page = client.get("/login", environ_base=PROXY)
    assert "single sign-on" in page.text and 'name="wachtwoord"' not in page.text
    assert client.post("/login", data={"gebruikersnaam": "x"}).status_code == 403


def test_proxyfix_cannot_be_used_to_spoof_the_proxy(sso_app):
    """Behind ProxyFix, REMOTE_ADDR comes from X-Forwarded-For, which the client sets; the
    trust check uses the address of the actual TCP peer."""
    sso_app.server.wsgi_app = ProxyFix(sso_app.server.wsgi_app, x_for=1)
    client = sso_app.server.test_client()
    spoof = {**HEADERS, "X-Forwarded-For": "10.0.0.5"}
    assert client.get("/wie", headers=spoof, environ_base={"REMOTE_ADDR": "203.0.113.1"}).status_code == 401
    real = {**HEADERS, "X-Forwarded-For": "203.0.113.1"}
    assert client.get("/wie", headers=real, environ_base=PROXY).status_code == 200


def test_group_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "g.csv"
    bad.write_text("groep;rol;gemeenten\nx;gemeente;\n", encoding="utf-8")
    with pytest.raises(ValueError, match="regel 2"):
        load_group_rules(bad)
    assert load_group_rules(tmp_path / "bestaat-niet.csv") == ()


def test_example_file_parses():
    from dashboard.auth.settings import ROOT

    assert load_group_rules(ROOT / "config" / "sso_groepen.voorbeeld.csv") == ()  # all commented
