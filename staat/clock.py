"""The one clock the state store and the auth package read, so tests can move time (idle expiry,
lockout)."""
from __future__ import annotations

import time
from datetime import UTC, datetime


def now() -> float:
    return time.time()


def iso(ts: float | None = None) -> str:
    """UTC timestamp as ISO text: sortable in SQLite and readable in the audit log."""
    return datetime.fromtimestamp(now() if ts is None else ts, tz=UTC).isoformat(
        timespec="seconds"
    )
