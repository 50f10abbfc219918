"""Moved to kern/rollen.py (issue 11). This name stays only because tests/privacy/test_aanvaller.py
still imports `dashboard.auth.roles`; project code imports `kern.rollen` (a rule in
tests/test_afhankelijkheden.py), so once that test's import is changed this file can go."""
from kern.rollen import (  # noqa: F401
    BEHEER,
    GEMEENTE,
    GEMEENTE_CODE,
    REGIO,
    ROLE_LABELS,
    ROLES,
    USERNAME,
    User,
    allowed_gemeenten,
    may_fix_versions,
    may_manage,
    normalize_username,
    sees_exact_counts,
    user_of,
    validate_roles,
)
