"""Password hashes: scrypt with a per-user salt, stored as a self-describing string

    scrypt$n=32768,r=8,p=1$<salt, base64>$<hash, base64>

so stronger parameters can be introduced later while old hashes still verify (and are
upgraded at the next successful login, see `needs_rehash`).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# n=2**15, r=8 takes 32 MiB and roughly 0.1 s per hash: slow for a guesser, fine for a login.
N, R, P = 2**15, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
# Bounds on what a stored string may ask for, so a tampered row cannot exhaust memory.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
        maxmem=256 * n * r + 1024 * 1024, dklen=HASH_BYTES,
    )


def hash_password(password: str, *, n: int | None = None, r: int | None = None,
                  p: int | None = None) -> str:
    n, r, p = n or N, r or R, p or P  # read at call time, so the module constants rule
    if not password:
        raise ValueError("Een leeg wachtwoord kan niet.")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, n, r, p)
    return f"scrypt$n={n},r={r},p={p}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    scheme, params, salt, digest = stored.split("$")
    if scheme != "scrypt":
        raise ValueError(scheme)
    values = dict(item.split("=", 1) for item in params.split(","))
    n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        raise ValueError(params)
    return n, r, p, base64.b64decode(salt), base64.b64decode(digest)


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`. Never raises on a malformed or missing hash
    (that is simply a failed login); compares in constant time."""
    if not stored or not password:
        # Still spend the time a real check takes, so a missing user is not detectable by timing.
        _scrypt(password or "x", b"\0" * SALT_BYTES, N, R, P)
        return False
    try:
        n, r, p, salt, digest = _parse(stored)
    except (ValueError, KeyError, TypeError):
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), digest)


def needs_rehash(stored: str) -> bool:
    try:
        n, r, p, _, _ = _parse(stored)
    except (ValueError, KeyError, TypeError):
        return True
    return n < N or r < R or p < P


def dummy_verify() -> None:
    """Burn one hash's worth of time (for unknown user names)."""
    verify_password("x", None)
