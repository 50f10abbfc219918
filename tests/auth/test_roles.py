import pytest

from kern.rollen import (
    User,
    allowed_gemeenten,
    may_fix_versions,
    may_manage,
    sees_exact_counts,
    validate_roles,
)

REGION = {"GM0106", "GM1680", "GM0119"}


@pytest.mark.parametrize(
    "roles, codes, expected",
    [
        ({"regio"}, set(), REGION),
        ({"gemeente"}, {"GM0106"}, {"GM0106"}),
        ({"gemeente"}, {"GM0106", "GM0119"}, {"GM0106", "GM0119"}),
        ({"gemeente"}, {"GM0106", "GM0505"}, {"GM0106"}),  # a code outside the region is dropped
        ({"beheer"}, set(), set()),  # beheer manages, it does not see figures
        (set(), {"GM0106"}, set()),  # no role: nothing, whatever codes it carries
        ({"onzin"}, set(), set()),
        ({"regio", "gemeente"}, {"GM0106"}, REGION),
    ],
)
def test_allowed_gemeenten(roles, codes, expected):
    user = User("u", frozenset(roles), frozenset(codes))
    assert allowed_gemeenten(user, REGION) == frozenset(expected)


def test_no_user_sees_nothing():
    assert allowed_gemeenten(None, REGION) == frozenset()
    assert not sees_exact_counts(None) and not may_fix_versions(None) and not may_manage(None)


def test_role_permissions():
    regio, gemeente, beheer = (User("x", frozenset({r}), frozenset({"GM0106"} if r == "gemeente" else set()))
                               for r in ("regio", "gemeente", "beheer"))
    assert sees_exact_counts(regio) and not sees_exact_counts(gemeente) and not sees_exact_counts(beheer)
    assert may_fix_versions(regio) and not may_fix_versions(gemeente) and not may_fix_versions(beheer)
    assert may_manage(beheer) and not may_manage(regio) and not may_manage(gemeente)


@pytest.mark.parametrize(
    "roles, codes",
    [([], []), (["baas"], []), (["gemeente"], []), (["regio"], ["GM0106"]), (["gemeente"], ["0106"])],
)
def test_validate_roles_refuses(roles, codes):
    with pytest.raises(ValueError):
        validate_roles(roles, codes)


def test_validate_roles_normalises():
    assert validate_roles([" Gemeente "], ["gm0106"]) == (frozenset({"gemeente"}), frozenset({"GM0106"}))
