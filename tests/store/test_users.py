"""store/users.py: users with a role and a token of which only a salted hash is kept (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from frontlines.errors import FrontlinesError, NotFound
from frontlines.records import Role
from frontlines.store import schema as t


def test_a_token_names_its_user_and_is_stored_hashed(store) -> None:  # noqa: ANN001
    assert not store.has_users()
    token = store.add_user("ann", Role.REVIEWER)
    user = store.user_for_token(token)
    assert user is not None and (user.name, user.role) == ("ann", Role.REVIEWER) and store.has_users()
    with store.engine.connect() as conn:
        row = conn.execute(t.users.select()).one()
    assert token not in (row.token_hash, row.salt) and token.split("_")[-1] not in row.token_hash
    assert len(row.salt) == 32 and len(row.token_hash) == 64


@pytest.mark.parametrize("given", ["", "nonsense", "fl_0000000000000000_" + "x" * 43])
def test_malformed_or_unknown_tokens_name_nobody(store, given) -> None:  # noqa: ANN001
    store.add_user("ann", Role.ADMIN)
    assert store.user_for_token(given) is None


def test_a_wrong_secret_with_a_real_id_names_nobody(store) -> None:  # noqa: ANN001
    token = store.add_user("ann", Role.ADMIN)
    prefix = token.rsplit("_", 1)[0]
    assert store.user_for_token(prefix + "_" + "A" * 43) is None


def test_revoke_refuses_the_token_and_the_name_may_be_reissued(store) -> None:  # noqa: ANN001
    old = store.add_user("ann", Role.REVIEWER)
    with pytest.raises(FrontlinesError) as exc:
        store.add_user("ann", Role.ADMIN)
    assert exc.value.code == "E704"
    assert store.revoke_user("ann").revoked_at is not None
    assert store.user_for_token(old) is None and not store.has_users()
    new = store.add_user("ann", Role.ADMIN)
    assert store.user_for_token(old) is None and store.user_for_token(new).role is Role.ADMIN
    assert [u.name for u in store.list_users()] == ["ann"]
    with pytest.raises(NotFound):
        store.revoke_user("bob")


@pytest.mark.parametrize("name", ["", "a b", "x" * 65, "../etc"])
def test_user_names_are_checked(store, name) -> None:  # noqa: ANN001
    with pytest.raises(FrontlinesError):
        store.add_user(name, Role.READER)


def test_roles_are_ordered() -> None:
    assert Role.ADMIN.may(Role.REVIEWER) and Role.REVIEWER.may(Role.READER)
    assert not Role.REVIEWER.may(Role.ADMIN) and not Role.READER.may(Role.REVIEWER)
