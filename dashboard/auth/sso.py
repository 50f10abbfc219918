"""Single sign-on behind an identity-aware proxy (for example oauth2-proxy before an OIDC
provider). The proxy authenticates and passes the user and groups in headers; we believe
those headers only from the proxy's own address, since any client can send them.
"""
from __future__ import annotations

import csv
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from kern.rollen import GEMEENTE, User, normalize_username, validate_roles


@dataclass(frozen=True)
class GroupRule:
    group: str
    role: str
    gemeenten: frozenset[str]


def load_group_rules(path: Path) -> tuple[GroupRule, ...]:
    """config/sso_groepen.csv: `groep;rol;gemeenten`, gemeenten separated by spaces or commas;
    lines starting with # are comments. A missing file means: no group grants anything."""
    if not path.exists():
        return ()
    rules = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    for number, row in enumerate(csv.DictReader(lines, delimiter=";"), start=2):
        group = (row.get("groep") or "").strip()
        role = (row.get("rol") or "").strip().lower()
        codes = (row.get("gemeenten") or "").replace(",", " ").split()
        try:
            roles, gemeenten = validate_roles([role], codes)
        except ValueError as e:
            raise ValueError(f"{path}, regel {number}: {e}") from None
        if not group:
            raise ValueError(f"{path}, regel {number}: groep ontbreekt.")
        rules.append(GroupRule(group, next(iter(roles)), gemeenten))
    return tuple(rules)


def peer_address(environ: dict) -> str | None:
    """The address of whoever opened the TCP connection. When werkzeug's ProxyFix rewrote
    REMOTE_ADDR from X-Forwarded-For (a header the client controls), use the original."""
    original = environ.get("werkzeug.proxy_fix.orig") or {}
    return original.get("REMOTE_ADDR") or environ.get("REMOTE_ADDR")


def is_trusted(address: str | None, proxies) -> bool:
    if not address or not proxies:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def user_from_headers(username: str | None, groups_header: str | None,
                      rules: tuple[GroupRule, ...]) -> User | None:
    """The user the proxy vouches for, with roles from the group mapping (none when no group
    matches: deny by default). None when the header is missing or unusable."""
    if not username or not username.strip():
        return None
    try:
        name = normalize_username(username)
    except ValueError:
        return None
    groups = {g.strip() for g in (groups_header or "").split(",") if g.strip()}
    roles: set[str] = set()
    gemeenten: set[str] = set()
    for rule in rules:
        if rule.group in groups:
            roles.add(rule.role)
            if rule.role == GEMEENTE:
                gemeenten |= rule.gemeenten
    return User(name, frozenset(roles), frozenset(gemeenten), sso=True)
