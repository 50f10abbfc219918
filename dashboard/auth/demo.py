"""Demo accounts for the synthetic sample data. A real deployment has none."""
from __future__ import annotations

import getpass
import os
import re
import unicodedata

from kern.rollen import BEHEER, GEMEENTE, REGIO
from staat.store import StateStore

from .passwords import hash_password


def actor() -> str:
    """Who ran a command-line change, for the audit log."""
    return "cli:" + (os.environ.get("SUDO_USER") or os.environ.get("USER") or getpass.getuser() or "onbekend")


def demo_username(gemeente_naam: str) -> str:
    """"Aa en Hunze" -> "aaenhunze", "Midden-Drenthe" -> "middendrenthe": lowercase, accents
    folded, anything but letters and digits (spaces, hyphens, apostrophes) dropped."""
    folded = unicodedata.normalize("NFKD", gemeente_naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def create_demo_users(store: StateStore, region) -> list[str]:
    """For the synthetic sample only: `regio`, `beheer` and one `gemeente` user per
    municipality of `region` (an etl.region.Region), each with password "<naam>-demo".
    Existing users are left alone. Returns the names created."""
    wanted = [("regio", {REGIO}, set()), ("beheer", {BEHEER}, set())]
    wanted += [(demo_username(g.naam), {GEMEENTE}, {g.code}) for g in region.gemeenten]
    created = []
    for name, roles, codes in wanted:
        if store.get_user(name) is None:
            store.add_user(name, hash_password(f"{name}-demo"), roles, codes)
            created.append(name)
    if created:
        store.audit(actor(), "demo_gebruikers_aangemaakt", {"gebruikers": created, "regio": region.naam})
    return created
