import multiprocessing
import sqlite3

from staat.schema import MIGRATIONS
from staat.store import StateStore


def test_created_on_first_use_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "state.sqlite"
    StateStore(path)
    con = sqlite3.connect(path)
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert con.execute("pragma user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"gebruikers", "audit", "inlogpogingen", "sessies"} <= tables
    assert (path.stat().st_mode & 0o777) == 0o600


def test_state_survives_a_new_store_object(tmp_path):
    path = tmp_path / "state.sqlite"
    s1 = StateStore(path)
    s1.add_user("piet", "scrypt$x", {"gemeente"}, {"GM0106"})
    s1.audit("piet", "export", {"tabel": "kosten"}, "10.0.0.1")
    s2 = StateStore(path)  # migrating again is a no-op
    assert s2.get_user("piet").gemeenten == frozenset({"GM0106"})
    [row] = s2.audit_rows()
    assert (row["wie"], row["actie"], row["wat"], row["ip"]) == ("piet", "export", {"tabel": "kosten"}, "10.0.0.1")


def test_state_path_from_env(monkeypatch, tmp_path):
    from staat.store import state_path

    monkeypatch.delenv("BWMO_STATE", raising=False)
    monkeypatch.setenv("BWMO_WAREHOUSE", str(tmp_path / "wh" / "warehouse.duckdb"))
    assert state_path() == (tmp_path / "wh" / "state.sqlite").resolve()
    monkeypatch.setenv("BWMO_STATE", str(tmp_path / "elders.sqlite"))
    assert state_path() == tmp_path / "elders.sqlite"


def test_audit_filters(store):
    store.audit("a", "inloggen", {}, None)
    store.audit("b", "export", {"n": 1}, None)
    store.audit("a", "export", {"n": 2}, None)
    assert [r["wat"]["n"] for r in store.audit_rows(action="export")] == [2, 1]
    assert [r["actie"] for r in store.audit_rows(who="a")] == ["export", "inloggen"]
    assert len(store.audit_rows(limit=1)) == 1


def _writer(path, worker):
    store = StateStore(path)
    for i in range(40):
        store.audit(f"w{worker}", "schrijf", {"i": i}, None)


def test_several_processes_write_concurrently(tmp_path):
    path = tmp_path / "state.sqlite"
    ctx = multiprocessing.get_context("spawn")  # like separate gunicorn workers
    procs = [ctx.Process(target=_writer, args=(path, w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert len(StateStore(path).audit_rows(limit=1000)) == 160


def test_read_audit_log_only_for_beheer(store):
    import pytest

    from dashboard.auth import User, read_audit_log

    store.audit("a", "inloggen", {}, None)
    assert read_audit_log(User("b", frozenset({"beheer"})), store)[0]["actie"] == "inloggen"
    for user in (None, User("r", frozenset({"regio"}))):
        with pytest.raises(PermissionError):
            read_audit_log(user, store)
