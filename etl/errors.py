"""What a read can answer besides rows: a refused file or a rejected row."""
from __future__ import annotations

from dataclasses import dataclass, field


class LoadRefused(Exception):
    """The load did not publish; the message says why, in Dutch, for the person running it."""


class RefusedFile(Exception):
    """The whole file cannot be read as its soort; nothing of it may be loaded."""

    def __init__(self, bestand: str, regel: int | None, reden: str):
        self.bestand = bestand
        self.regel = regel
        self.reden = reden
        super().__init__(str(self))

    def __str__(self) -> str:
        waar = f", regel {self.regel}" if self.regel is not None else ""
        return f"Bestand {self.bestand} geweigerd{waar}: {self.reden}"

    def __reduce__(self):
        return (RefusedFile, (self.bestand, self.regel, self.reden))


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row kept aside: the line in the file, the canonical column (None for a rule on the
    whole row), the value as it stood in the file, a Dutch reason, and the whole line as
    delivered (JSON {column: text}), so it can go back to the provider without the file."""
    regel: int
    kolom: str | None
    waarde: str | None
    reden: str
    rij: str | None = field(default=None, compare=False)  # context, not what the rejection is
