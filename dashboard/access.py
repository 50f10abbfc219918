"""Who may see which municipalities. The one place the dashboard asks for the caller's scope.

For now every visitor sees all municipalities of the published region. The access-control issue
replaces `current_scope()` with the logged-in session's allowed gemeente codes; data.py already
intersects every request with the scope and returns nothing for an empty one.
"""
from __future__ import annotations

from dashboard import data


def current_scope() -> frozenset[str]:
    """The gemeente codes the current request may see."""
    return frozenset(data.regio_gemeenten()["gemeente_code"])
