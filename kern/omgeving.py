"""Settings from the environment, read the same way everywhere (Dutch messages for the operator)."""
from __future__ import annotations

from collections.abc import Mapping


def geheel_getal(env: Mapping[str, str], naam: str, standaard: int, minimum: int = 1) -> int:
    """The whole number in env[naam], `standaard` when unset or blank; a clear error otherwise."""
    ruw = (env.get(naam) or "").strip()
    if not ruw:
        return standaard
    try:
        waarde = int(ruw)
    except ValueError:
        raise ValueError(f"{naam} moet een geheel getal zijn, niet '{ruw}'.") from None
    if waarde < minimum:
        raise ValueError(f"{naam} moet minstens {minimum} zijn, niet {waarde}.")
    return waarde
