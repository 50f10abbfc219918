"""Reading the audit log: only for `beheer`."""
from __future__ import annotations

from kern.rollen import User, may_manage
from staat.store import StateStore


def read_audit_log(user: User | None, store: StateStore, *, limit: int = 500,
                   who: str | None = None, action: str | None = None,
                   since: str | None = None) -> list[dict]:
    """Rows newest first: id, wanneer (ISO UTC), wie, actie, wat (dict), ip.
    Raises PermissionError for anyone without the beheer role."""
    if not may_manage(user):
        raise PermissionError("Alleen beheer mag het auditlog inzien.")
    return store.audit_rows(limit=max(1, min(int(limit), 10_000)), who=who, action=action, since=since)
