"""Everything the auth package reads from the environment, read in one place (where the state
store lives is `staat.store.state_path`)."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from kern.omgeving import geheel_getal

ROOT = Path(__file__).resolve().parents[2]

# Secrets that appear in examples and tutorials; production refuses them whatever their length.
KNOWN_DEFAULT_SECRETS = frozenset(
    {"", "dev", "secret", "changeme", "change-me", "geheim", "verander-mij", "wijzig-mij",
     "bwmo", "bwmo-dev", "development", "test", "secret-key", "your-secret-key"}
)
MIN_SECRET_LENGTH = 32


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "ja", "yes", "on"}


def parse_networks(raw: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    nets = []
    for part in raw.split(","):
        part = part.strip()
        if part:
            try:
                nets.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise ValueError(f"BWMO_SSO_PROXIES: '{part}' is geen IP-adres of netwerk.") from None
    return tuple(nets)


@dataclass(frozen=True)
class Settings:
    secret_key: str | None = None
    production: bool = False
    idle_minutes: int = 30
    max_hours: int = 10  # absolute session lifetime: one working day
    sso: bool = False
    sso_proxies: tuple = field(default_factory=tuple)
    sso_user_header: str = "X-Forwarded-User"
    sso_groups_header: str = "X-Forwarded-Groups"
    sso_groups_file: Path = ROOT / "config" / "sso_groepen.csv"
    sso_logout_url: str = "/oauth2/sign_out"  # oauth2-proxy's own sign-out endpoint
    # Per user name the limit is low; per IP it is higher because a municipality's staff
    # often share one NAT address and one mistyping colleague must not lock out the rest.
    max_failures_user: int = 5
    max_failures_ip: int = 20
    lockout_minutes: int = 15
    # Request bodies above this many KB get 413 before anything reads them. The largest body the
    # app itself sends (the navigation callback) is about 4 KB; see docs/security.md.
    max_request_kb: int = 256

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            secret_key=os.environ.get("BWMO_SECRET_KEY") or None,
            production=_flag("BWMO_PRODUCTION"),
            idle_minutes=geheel_getal(os.environ, "BWMO_SESSIE_MINUTEN", 30),
            max_hours=geheel_getal(os.environ, "BWMO_SESSIE_MAX_UREN", 10),
            sso=_flag("BWMO_SSO"),
            sso_proxies=parse_networks(os.environ.get("BWMO_SSO_PROXIES", "")),
            sso_user_header=os.environ.get("BWMO_SSO_GEBRUIKER_HEADER") or "X-Forwarded-User",
            sso_groups_header=os.environ.get("BWMO_SSO_GROEPEN_HEADER") or "X-Forwarded-Groups",
            sso_groups_file=Path(
                os.environ.get("BWMO_SSO_GROEPEN") or ROOT / "config" / "sso_groepen.csv"
            ),
            sso_logout_url=os.environ.get("BWMO_SSO_UITLOG_URL") or "/oauth2/sign_out",
            max_failures_user=geheel_getal(os.environ, "BWMO_LOGIN_MAX_POGINGEN", 5),
            max_failures_ip=geheel_getal(os.environ, "BWMO_LOGIN_MAX_POGINGEN_IP", 20),
            lockout_minutes=geheel_getal(os.environ, "BWMO_LOGIN_BLOKKADE_MINUTEN", 15),
            max_request_kb=geheel_getal(os.environ, "BWMO_MAX_VERZOEK_KB", 256),
        )


def check_secret(settings: Settings) -> None:
    """Refuse to start in production with a missing, well-known or short secret: anyone who
    knows the secret can forge a session cookie."""
    if not settings.production:
        return
    secret = settings.secret_key or ""
    if secret.strip().lower() in KNOWN_DEFAULT_SECRETS or len(secret) < MIN_SECRET_LENGTH:
        raise RuntimeError(
            "BWMO_PRODUCTION=1 maar BWMO_SECRET_KEY ontbreekt, is een standaardwaarde of is "
            f"korter dan {MIN_SECRET_LENGTH} tekens. Maak er een met: "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
