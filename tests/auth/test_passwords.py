import re

from dashboard.auth import passwords
from dashboard.auth.passwords import hash_password, needs_rehash, verify_password


def test_default_parameters_are_strong(monkeypatch):
    monkeypatch.setattr(passwords, "N", 2**15)  # undo the test speed-up: the real defaults
    stored = hash_password("correct paard batterij")
    m = re.fullmatch(r"scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)", stored)
    assert m, stored
    n, r, p = map(int, m.group(1, 2, 3))
    assert n >= 2**14 and r >= 8 and p >= 1
    assert verify_password("correct paard batterij", stored)
    assert not needs_rehash(stored)


def test_verify():
    stored = hash_password("geheim-wachtwoord")
    assert verify_password("geheim-wachtwoord", stored)
    assert not verify_password("Geheim-wachtwoord", stored)
    assert not verify_password("", stored)


def test_salt_is_per_hash():
    assert hash_password("zelfde") != hash_password("zelfde")


def test_malformed_or_missing_hash_fails_without_raising():
    for stored in (None, "", "plain", "md5$x$y$z", "scrypt$n=3,r=8,p=1$AA==$AA==",
                   "scrypt$n=1073741824,r=8,p=1$AA==$AA==", "scrypt$garbage$AA==$AA=="):
        assert verify_password("x", stored) is False


def test_weaker_hash_needs_rehash():
    assert needs_rehash(hash_password("x", n=2**8))
    assert needs_rehash("rommel")
