"""Fix a result version and republish: the one function behind `python -m etl versie`, which the
Financiën page runs as a separate process (staat/taken.py)."""
from __future__ import annotations

from pathlib import Path

from etl.errors import LoadRefused
from etl.load import LoadReport, rebuild
from staat.store import StateStore
from warehouse.versions import fix_version


def fix_and_publish(warehouse: Path, jaar: int, versie: str, door: str,
                    correctie_reden: str | None = None, store: StateStore | None = None,
                    notify=None) -> tuple[int, LoadReport]:
    """Record the running result of `jaar` as `versie`, then rebuild so the marts show it.

    Raises VersionRefused when fixing is refused (nothing recorded) and LoadRefused when the
    record was made but the warehouse could not be republished: the record stays (it is the
    durable fact) and the next load or rebuild carries it into the marts."""
    record = fix_version(warehouse, jaar, versie, door, correctie_reden=correctie_reden, store=store)
    try:
        report = rebuild(warehouse, progress=notify)
    except LoadRefused as refused:
        raise LoadRefused(
            f"Het {versie}e resultaat {jaar} is vastgelegd (record {record}), maar het warehouse is "
            f"niet opnieuw gepubliceerd: {refused} De volgende lading of `python -m etl rebuild` "
            "neemt het record mee.") from refused
    return record, report
