"""Access control and privacy for the BW/MO monitor. See docs/security.md.

The lead wires it in with `install(server, region_codes_provider, dash_app=app)`; pages and
the data layer ask `session_scope()` what the request may see, and `sees_exact_counts(user)`
whether counts are published exactly or through kern/afscherming.py.
"""
from kern.rollen import (
                    BEHEER,
                    GEMEENTE,
                    REGIO,
                    User,
                    allowed_gemeenten,
                    may_fix_versions,
                    may_manage,
                    sees_exact_counts,
)

from .auditlog import read_audit_log
from .context import audit, current_user, session_scope
from .demo import create_demo_users
from .passwords import hash_password, verify_password
from .settings import Settings
from .web import install

__all__ = [
    "BEHEER", "GEMEENTE", "REGIO", "Settings", "User", "allowed_gemeenten", "audit",
    "create_demo_users", "current_user", "hash_password", "install", "may_fix_versions", "may_manage",
    "read_audit_log", "sees_exact_counts", "session_scope", "verify_password",
]
