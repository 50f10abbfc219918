"""Helpers for the dashboard tests."""


def ctx_voor(search: str = "", gemeente: str | None = None):
    """The view context for a query string, as a request would build it."""
    from dashboard.views.context import maak_context
    return maak_context(search, gemeente)
