"""The user command line, through main(argv) and once as a real subprocess."""
import subprocess
import sys

import pytest

from dashboard.auth import create_demo_users
from dashboard.auth.passwords import verify_password
from dashboard.auth.settings import ROOT
from dashboard.auth.users import main
from etl.region import load_region
from staat.store import StateStore


@pytest.fixture
def state(tmp_path):
    return str(tmp_path / "state.sqlite")


def run(state, *argv, stdin="", monkeypatch=None):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--state", state, *argv])


def test_add_list_reset_set_roles_remove(state, monkeypatch, capsys):
    assert run(state, "add", "Piet", "--role", "gemeente", "--gemeente", "GM0106", "--gemeente", "GM0119",
               "--password-stdin", stdin="een-lang-wachtwoord\n", monkeypatch=monkeypatch) == 0
    store = StateStore(state)
    piet = store.get_user("piet")
    assert piet.roles == {"gemeente"} and piet.gemeenten == {"GM0106", "GM0119"}
    assert verify_password("een-lang-wachtwoord", piet.password_hash)

    assert run(state, "list", monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "piet" in out and "GM0106,GM0119" in out and "scrypt" not in out

    assert run(state, "reset-password", "piet", "--password-stdin", stdin="nog-een-lang-wachtwoord\n",
               monkeypatch=monkeypatch) == 0
    assert verify_password("nog-een-lang-wachtwoord", store.get_user("piet").password_hash)

    assert run(state, "set-roles", "piet", "--role", "regio", "--role", "beheer", monkeypatch=monkeypatch) == 0
    assert store.get_user("piet").roles == {"regio", "beheer"} and not store.get_user("piet").gemeenten

    assert run(state, "disable", "piet", monkeypatch=monkeypatch) == 0
    assert store.get_user("piet").disabled
    assert run(state, "remove", "piet", monkeypatch=monkeypatch) == 0
    assert store.get_user("piet") is None

    actions = [r["actie"] for r in reversed(store.audit_rows())]
    assert actions == ["gebruiker_toegevoegd", "wachtwoord_gewijzigd", "rollen_gewijzigd",
                       "gebruiker_uitgeschakeld", "gebruiker_verwijderd"]
    assert all(r["wie"].startswith("cli:") for r in store.audit_rows())


@pytest.mark.parametrize(
    "argv, stdin, message",
    [
        (["add", "kees", "--role", "gemeente", "--password-stdin"], "een-lang-wachtwoord\n", "gemeentecode"),
        (["add", "kees", "--role", "gemeente", "--gemeente", "GM0505", "--password-stdin"],
         "een-lang-wachtwoord\n", "niet in de regio"),
        (["add", "kees", "--role", "regio", "--password-stdin"], "kort\n", "minstens 12"),
        (["remove", "niemand"], "", "bestaat niet"),
    ],
)
def test_refusals(state, monkeypatch, capsys, argv, stdin, message):
    assert run(state, *argv, stdin=stdin, monkeypatch=monkeypatch) == 1
    assert message in capsys.readouterr().err
    assert StateStore(state).get_user("kees") is None


def test_add_twice_is_refused(state, monkeypatch, capsys):
    args = ["add", "kees", "--role", "regio", "--password-stdin"]
    assert run(state, *args, stdin="een-lang-wachtwoord\n", monkeypatch=monkeypatch) == 0
    assert run(state, *args, stdin="een-lang-wachtwoord\n", monkeypatch=monkeypatch) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_password_argument_warns(state, monkeypatch, capsys):
    assert run(state, "add", "kees", "--role", "regio", "--password", "een-lang-wachtwoord",
               monkeypatch=monkeypatch) == 0
    assert "Waarschuwing" in capsys.readouterr().err


def test_module_runs_as_a_subprocess(state):
    cmd = [sys.executable, "-m", "dashboard.auth.users", "--state", state]
    add = subprocess.run([*cmd, "add", "beheerder", "--role", "beheer", "--password-stdin"],
                         input="een-lang-wachtwoord\n", capture_output=True, text=True, cwd=ROOT, check=False)
    assert add.returncode == 0, add.stderr
    listed = subprocess.run([*cmd, "list"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert "beheerder" in listed.stdout and listed.stderr == ""


def test_demo_users_follow_the_region_configuration(store):
    region = load_region("Assen")
    created = create_demo_users(store, region)
    assert sorted(created) == sorted(["regio", "beheer", "aaenhunze", "assen", "dewolden", "hoogeveen", "meppel",
                                      "middendrenthe", "noordenveld", "tynaarlo", "westerveld"])
    assert store.get_user("middendrenthe").gemeenten == {"GM1731"}
    assert store.get_user("regio").roles == {"regio"} and store.get_user("beheer").roles == {"beheer"}
    assert verify_password("aaenhunze-demo", store.get_user("aaenhunze").password_hash)
    assert create_demo_users(store, region) == []  # a second run changes nothing
    other = load_region("Dordrecht")
    assert "hardinxveldgiessendam" in create_demo_users(store, other)
