"""Checking a password login, with throttling and temporary lockout.

Rule: when a user name has had `max_failures_user` failed attempts (or an IP address
`max_failures_ip`) within the last `lockout_minutes`, further attempts are refused without
checking the password until the oldest of those failures is `lockout_minutes` old. Refused
attempts are not counted again, so an attacker cannot extend a lock indefinitely by
hammering it; they are audited.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from kern.rollen import USERNAME, User, user_of
from staat import clock
from staat.store import StateStore

from . import passwords
from .settings import Settings

OK, WRONG, LOCKED = "ok", "fout", "geblokkeerd"


@dataclass(frozen=True)
class LoginResult:
    status: str
    user: User | None = None
    retry_after_s: int = 0


def _lock_remaining(store: StateStore, settings: Settings, username: str, ip: str | None) -> int:
    window = settings.lockout_minutes * 60
    now = clock.now()
    checks = [({"username": username}, settings.max_failures_user)]
    if ip:
        checks.append(({"ip": ip}, settings.max_failures_ip))
    remaining = 0
    for key, limit in checks:
        count, oldest = store.recent_failures(since=now - window, **key)
        if count >= limit:
            remaining = max(remaining, math.ceil(oldest + window - now))
    return remaining


def authenticate(store: StateStore, settings: Settings, username: str, password: str,
                 ip: str | None) -> LoginResult:
    """Check a login and record it (attempt table and audit log)."""
    name = (username or "").strip().lower()[:64] or "(leeg)"
    record = store.get_user(name) if USERNAME.match(name) else None
    # An unknown name is often a password typed into the wrong field: keep it out of the log.
    who = name if record is not None else "(onbekende gebruiker)"
    remaining = _lock_remaining(store, settings, name, ip)
    if remaining:
        store.audit(who, "inloggen_geblokkeerd", {"nog_seconden": remaining}, ip)
        return LoginResult(LOCKED, retry_after_s=remaining)

    if record is None or record.disabled:
        passwords.dummy_verify()  # same cost as a real check: no user enumeration by timing
        ok = False
    else:
        ok = passwords.verify_password(password or "", record.password_hash)

    store.record_attempt(name, ip, ok)
    if not ok:
        reason = "onbekend" if record is None else ("uitgeschakeld" if record.disabled else "wachtwoord")
        store.audit(who, "inloggen_mislukt", {"reden": reason}, ip)
        remaining = _lock_remaining(store, settings, name, ip)
        if remaining:
            store.audit(who, "account_geblokkeerd", {"minuten": settings.lockout_minutes}, ip)
            return LoginResult(LOCKED, retry_after_s=remaining)
        return LoginResult(WRONG)

    if passwords.needs_rehash(record.password_hash):
        store.set_password(name, passwords.hash_password(password), end_sessions=False)
    store.audit(name, "inloggen", {}, ip)
    return LoginResult(OK, user_of(record))
