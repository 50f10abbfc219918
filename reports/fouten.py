"""Why a report is not made: refused (no access) or impossible (e.g. no data for the period)."""
from __future__ import annotations


class RapportGeweigerd(PermissionError):
    """The user may not produce this report. `str(e)` is a Dutch message."""


class RapportFout(ValueError):
    """The report cannot be made (e.g. no data for the period). `str(e)` is a Dutch message."""
