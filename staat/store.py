"""The state store: users, audit log, login attempts and sessions in SQLite, outside the
warehouse (which is rebuilt and replaced on every load).

Safe for several gunicorn workers: every operation opens its own short-lived connection
(nothing is shared across a fork), the file is in WAL mode (readers never block the writer)
and a busy timeout makes concurrent writers wait instead of failing.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import clock
from .schema import MIGRATIONS

ROOT = Path(__file__).resolve().parents[1]
BUSY_TIMEOUT_MS = 10_000
# The audit log records values that come from requests (filters, page paths, SSO user names);
# capped, so a forged request cannot write megabytes into it. Counted in characters.
MAX_FIELD_CHARS = 1000
MAX_DETAIL_CHARS = 4096
CUT_MARKER = "[afgekapt]"


@dataclass(frozen=True)
class UserRecord:
    username: str
    password_hash: str
    roles: frozenset[str]
    gemeenten: frozenset[str]
    created: str
    disabled: bool
    sessions_valid_from: float


def state_path() -> Path:
    """$BWMO_STATE, else state.sqlite next to the warehouse (which is replaced on every load,
    so users and audit cannot live inside it)."""
    if os.environ.get("BWMO_STATE"):
        return Path(os.environ["BWMO_STATE"])
    if os.environ.get("BWMO_WAREHOUSE"):
        return Path(os.environ["BWMO_WAREHOUSE"]).resolve().parent / "state.sqlite"
    return ROOT / "data" / "state.sqlite"


def _cap(value, limit: int = MAX_FIELD_CHARS):
    """Strings (also dict keys, at any depth) cut to `limit` characters, ending in CUT_MARKER."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - len(CUT_MARKER)] + CUT_MARKER
    if isinstance(value, dict):
        return {_cap(str(k)): _cap(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_cap(v) for v in (sorted(value, key=str) if isinstance(value, (set, frozenset)) else value)]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _cap(str(value))


def audit_detail(what: dict | None) -> str:
    """The JSON stored as an audit row's `wat`: every string capped, and the whole at most
    MAX_DETAIL_CHARS; a longer detail becomes {"afgekapt": true, "lengte": n, "begin": ...}."""
    text = json.dumps(_cap(what or {}), ensure_ascii=False, sort_keys=True)
    if len(text) <= MAX_DETAIL_CHARS:
        return text
    keep = MAX_DETAIL_CHARS - 100
    while True:
        cut = json.dumps({"afgekapt": True, "lengte": len(text), "begin": text[:keep] + CUT_MARKER},
                         ensure_ascii=False, sort_keys=True)
        if len(cut) <= MAX_DETAIL_CHARS:
            return cut
        keep -= len(cut) - MAX_DETAIL_CHARS  # escaping (quotes, backslashes) made it longer


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class StateStore:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else state_path()
        self._lezer = threading.local()
        self._migrate()

    # -- connections and schema -------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        con.row_factory = sqlite3.Row
        con.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
        con.execute("pragma foreign_keys = on")
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE takes the write lock up front, so two
        workers cannot both read-then-write stale data). For modules that extend the store."""
        con = self._open()
        try:
            con.execute("begin immediate")
            try:
                yield con
            except BaseException:
                con.execute("rollback")
                raise
            con.execute("commit")
        finally:
            con.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads: one per thread and process, kept open. Opening one and having
        SQLite parse the schema costs about 1 ms, the read itself 15 µs, and the login guard reads
        twice per request. Autocommit and WAL: each statement sees the latest commit of any worker
        (no snapshot is held between statements), so logout and expiry are seen at once."""
        con = getattr(self._lezer, "con", None)
        if con is None or self._lezer.pid != os.getpid():
            con = self._lezer.con = self._open()
            self._lezer.pid = os.getpid()
        yield con

    def _migrate(self) -> None:
        new = not self.path.exists()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = self._open()
        try:
            if new:
                # Hashes and the audit log are nobody else's business on a shared server.
                os.chmod(self.path, 0o600)
            con.execute("pragma journal_mode = wal")  # persistent; cannot run inside a transaction
            if con.execute("pragma user_version").fetchone()[0] >= len(MIGRATIONS):
                return
            con.execute("begin immediate")
            version = con.execute("pragma user_version").fetchone()[0]  # re-read under the lock
            for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in statements:
                    con.execute(statement)
                con.execute(f"pragma user_version = {number}")
            con.execute("commit")
        finally:
            con.close()

    # -- users -------------------------------------------------------------------------------
    @staticmethod
    def _record(row: sqlite3.Row) -> UserRecord:
        return UserRecord(
            username=row["gebruikersnaam"],
            password_hash=row["wachtwoord_hash"],
            roles=frozenset(json.loads(row["rollen"])),
            gemeenten=frozenset(json.loads(row["gemeenten"])),
            created=row["aangemaakt"],
            disabled=bool(row["uitgeschakeld"]),
            sessions_valid_from=row["sessies_geldig_vanaf"],
        )

    def get_user(self, username: str) -> UserRecord | None:
        with self.reading() as con:
            row = con.execute(
                "select * from gebruikers where gebruikersnaam = ?", (username,)
            ).fetchone()
        return self._record(row) if row else None

    def list_users(self) -> list[UserRecord]:
        with self.reading() as con:
            rows = con.execute("select * from gebruikers order by gebruikersnaam").fetchall()
        return [self._record(r) for r in rows]

    def add_user(self, username: str, password_hash: str, roles, gemeenten) -> None:
        with self.transaction() as con:
            if con.execute(
                "select 1 from gebruikers where gebruikersnaam = ?", (username,)
            ).fetchone():
                raise ValueError(f"Gebruiker '{username}' bestaat al.")
            con.execute(
                "insert into gebruikers (gebruikersnaam, wachtwoord_hash, rollen, gemeenten, aangemaakt)"
                " values (?, ?, ?, ?, ?)",
                (username, password_hash, json.dumps(sorted(roles)), json.dumps(sorted(gemeenten)), clock.iso()),
            )

    def _update(self, username: str, sql: str, params: tuple, end_sessions: bool) -> None:
        with self.transaction() as con:
            cur = con.execute(f"update gebruikers set {sql} where gebruikersnaam = ?", (*params, username))
            if cur.rowcount == 0:
                raise KeyError(f"Gebruiker '{username}' bestaat niet.")
            if end_sessions:
                # A changed password, role or status ends every open session of that user.
                con.execute("update gebruikers set sessies_geldig_vanaf = ? where gebruikersnaam = ?",
                            (clock.now(), username))
                con.execute("delete from sessies where gebruikersnaam = ?", (username,))

    def set_password(self, username: str, password_hash: str, *, end_sessions: bool = True) -> None:
        self._update(username, "wachtwoord_hash = ?", (password_hash,), end_sessions)

    def set_roles(self, username: str, roles, gemeenten) -> None:
        self._update(username, "rollen = ?, gemeenten = ?",
                     (json.dumps(sorted(roles)), json.dumps(sorted(gemeenten))), True)

    def set_disabled(self, username: str, disabled: bool) -> None:
        self._update(username, "uitgeschakeld = ?", (int(disabled),), True)

    def remove_user(self, username: str) -> None:
        with self.transaction() as con:
            if con.execute("delete from gebruikers where gebruikersnaam = ?", (username,)).rowcount == 0:
                raise KeyError(f"Gebruiker '{username}' bestaat niet.")
            con.execute("delete from sessies where gebruikersnaam = ?", (username,))

    # -- audit log ---------------------------------------------------------------------------
    def audit(self, who: str, action: str, what: dict | None = None, ip: str | None = None) -> None:
        """One audit row. Every string is capped at MAX_FIELD_CHARS and the detail `what` at
        MAX_DETAIL_CHARS (see audit_detail), marked with CUT_MARKER where cut."""
        with self.transaction() as con:
            con.execute(
                "insert into audit (wanneer, wie, actie, wat, ip) values (?, ?, ?, ?, ?)",
                (clock.iso(), _cap(str(who)), _cap(str(action)), audit_detail(what),
                 None if ip is None else _cap(str(ip))),
            )

    def audit_rows(self, *, limit: int = 500, who: str | None = None, action: str | None = None,
                   since: str | None = None) -> list[dict]:
        """Newest first. Filters are bound parameters; `since` is an ISO date or timestamp."""
        clauses, params = [], []
        for column, value in (("wie", who), ("actie", action)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if since:
            clauses.append("wanneer >= ?")
            params.append(since)
        where = f"where {' and '.join(clauses)}" if clauses else ""
        with self.reading() as con:
            rows = con.execute(
                f"select id, wanneer, wie, actie, wat, ip from audit {where} order by id desc limit ?",
                (*params, int(limit)),
            ).fetchall()
        return [{**dict(r), "wat": json.loads(r["wat"])} for r in rows]

    # -- login attempts ----------------------------------------------------------------------
    def record_attempt(self, username: str, ip: str | None, ok: bool) -> None:
        with self.transaction() as con:
            con.execute(
                "insert into inlogpogingen (wanneer, gebruikersnaam, ip, gelukt) values (?, ?, ?, ?)",
                (clock.now(), username, ip, int(ok)),
            )
            if ok:  # a success forgives this name's earlier mistakes
                con.execute("delete from inlogpogingen where gebruikersnaam = ? and gelukt = 0", (username,))
            # Keep the table small: nothing older than a day matters for throttling.
            con.execute("delete from inlogpogingen where wanneer < ?", (clock.now() - 86400,))

    def recent_failures(self, *, since: float, username: str | None = None, ip: str | None = None) -> tuple[int, float | None]:
        """(number of failed attempts since `since`, time of the oldest of them)."""
        column, value = ("gebruikersnaam", username) if username is not None else ("ip", ip)
        with self.reading() as con:
            row = con.execute(
                f"select count(*), min(wanneer) from inlogpogingen where {column} = ? and gelukt = 0 and wanneer >= ?",
                (value, since),
            ).fetchone()
        return row[0], row[1]

    # -- sessions ----------------------------------------------------------------------------
    def create_session(self, username: str, ip: str | None) -> str:
        token = secrets.token_urlsafe(32)
        now = clock.now()
        with self.transaction() as con:
            con.execute(
                "insert into sessies (token_hash, gebruikersnaam, aangemaakt, laatst_gezien, ip) values (?, ?, ?, ?, ?)",
                (_token_hash(token), username, now, now, ip),
            )
        return token

    def get_session(self, token: str) -> dict | None:
        with self.reading() as con:
            row = con.execute("select * from sessies where token_hash = ?", (_token_hash(token),)).fetchone()
        return dict(row) if row else None

    def touch_session(self, token: str) -> None:
        with self.transaction() as con:
            con.execute("update sessies set laatst_gezien = ? where token_hash = ?", (clock.now(), _token_hash(token)))

    def delete_session(self, token: str) -> None:
        with self.transaction() as con:
            con.execute("delete from sessies where token_hash = ?", (_token_hash(token),))

    def delete_stale_sessions(self, idle_before: float, created_before: float) -> None:
        with self.transaction() as con:
            con.execute("delete from sessies where laatst_gezien < ? or aangemaakt < ?", (idle_before, created_before))

    # -- generated settings ------------------------------------------------------------------
    def generated_secret(self) -> str:
        """A random secret kept in the store, for development without BWMO_SECRET_KEY: every
        worker and every restart gets the same one, so sessions keep working."""
        with self.transaction() as con:
            row = con.execute("select waarde from instellingen where sleutel = 'secret_key'").fetchone()
            if row:
                return row[0]
            secret = secrets.token_urlsafe(48)
            con.execute("insert into instellingen (sleutel, waarde) values ('secret_key', ?)", (secret,))
            return secret
