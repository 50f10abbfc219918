"""Who may see what: the roles and pure functions of a `User`; deny by default. Shared by the
dashboard (dashboard.auth re-exports the names) and the reports."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

REGIO, GEMEENTE, BEHEER = "regio", "gemeente", "beheer"
ROLES = (REGIO, GEMEENTE, BEHEER)
ROLE_LABELS = {
    REGIO: "alle gemeenten van de regio; mag resultaatversies vastleggen",
    GEMEENTE: "alleen de eigen gemeente(n)",
    BEHEER: "gebruikers, ladingen en het auditlog",
}
GEMEENTE_CODE = re.compile(r"^GM\d{4}$")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")


@dataclass(frozen=True)
class User:
    username: str
    roles: frozenset[str] = frozenset()
    gemeenten: frozenset[str] = frozenset()
    sso: bool = False  # came from the identity-aware proxy, not from the password table

    def has(self, role: str) -> bool:
        return role in self.roles


def user_of(record) -> User:
    """The User a password account in the state store (a `staat.store.UserRecord`) signs in as."""
    return User(record.username, record.roles, record.gemeenten)


def normalize_username(name: str) -> str:
    name = (name or "").strip().lower()
    if not USERNAME.match(name):
        raise ValueError(
            f"Ongeldige gebruikersnaam '{name}': 2-64 tekens, kleine letters, cijfers, . _ @ -."
        )
    return name


def validate_roles(roles: Iterable[str], gemeenten: Iterable[str]) -> tuple[frozenset, frozenset]:
    """Check a role assignment; returns (roles, gemeenten) normalised. A `gemeente` role
    without codes, or codes without that role, is a mistake worth refusing."""
    roles = frozenset(r.strip().lower() for r in roles if r.strip())
    gemeenten = frozenset(g.strip().upper() for g in gemeenten if g.strip())
    unknown = roles - set(ROLES)
    if unknown:
        raise ValueError(f"Onbekende rol(len): {', '.join(sorted(unknown))}. Kies uit {', '.join(ROLES)}.")
    if not roles:
        raise ValueError("Geef minstens één rol.")
    bad = sorted(g for g in gemeenten if not GEMEENTE_CODE.match(g))
    if bad:
        raise ValueError(f"Ongeldige gemeentecode(s): {', '.join(bad)} (verwacht GM gevolgd door 4 cijfers).")
    if GEMEENTE in roles and not gemeenten:
        raise ValueError("De rol gemeente vraagt minstens één gemeentecode (--gemeente GM####).")
    if gemeenten and GEMEENTE not in roles:
        raise ValueError("Gemeentecodes horen alleen bij de rol gemeente.")
    return roles, gemeenten


def allowed_gemeenten(user: User | None, region_codes: Iterable[str]) -> frozenset[str]:
    """The municipalities whose own figures `user` may see. `regio`: the whole region;
    `gemeente`: its codes that belong to the region; anything else (no user, `beheer` only,
    no roles): nothing."""
    region = frozenset(region_codes)
    if user is None:
        return frozenset()
    if REGIO in user.roles:
        return region
    if GEMEENTE in user.roles:
        return frozenset(user.gemeenten) & region
    return frozenset()


def sees_exact_counts(user: User | None) -> bool:
    """Only the region role sees counts below the small-numbers drempel."""
    return user is not None and REGIO in user.roles


def may_fix_versions(user: User | None) -> bool:
    return user is not None and REGIO in user.roles


def may_manage(user: User | None) -> bool:
    """Users, loads and the audit log."""
    return user is not None and BEHEER in user.roles
