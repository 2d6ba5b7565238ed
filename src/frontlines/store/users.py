"""The store's users: a name, a role and a token, of which only a salted scrypt hash is kept.

A token reads ``fl_<id>_<secret>``: the id (public, unique) finds the user's row, the secret is
checked against its hash with :func:`hmac.compare_digest`. The token is shown once, when made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from sqlalchemy import Engine, insert, select, update

from frontlines.errors import FrontlinesError, NotFound
from frontlines.records import Role, User
from frontlines.store import schema as t
from frontlines.store.mapping import row_user

# scrypt's cost (RFC 7914): 2**14 and r=8 take ~16 MB and a few tens of ms per check, paid once per write
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_TOKEN = re.compile(r"fl_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


def hash_secret(secret: str, salt: bytes) -> str:
    """The stored hash of a token's secret part (scrypt, hex)."""
    return hashlib.scrypt(secret.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32).hex()


def new_token() -> tuple[str, str, str]:
    """(token, its id, its secret) for a new user."""
    token_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    return f"fl_{token_id}_{secret}", token_id, secret


class Users:
    """Users and their tokens; a part of :class:`SqlStore`."""

    engine: Engine

    def add_user(self, name: str, role: Role) -> str:
        """Store a user (or give a revoked one a new token and role); returns the token, shown only now.

        E704 when an active user has this name (revoke it first).
        """
        if not _NAME.fullmatch(name):
            raise FrontlinesError(f"user name {name!r}: letters, digits and . _ @ - (at most 64)", code="E902")
        token, token_id, secret = new_token()
        salt = secrets.token_bytes(16)
        row = {"name": name, "role": Role(role).value, "token_id": token_id,
               "token_hash": hash_secret(secret, salt), "salt": salt.hex(),
               "created_at": dt.datetime.now(dt.timezone.utc), "revoked_at": None}
        u = t.users
        with self.engine.begin() as conn:
            old = conn.execute(select(u.c.revoked_at).where(u.c.name == name)).first()
            if old is not None and old.revoked_at is None:
                raise FrontlinesError(f"user {name!r} exists (revoke it first to issue a new token)", code="E704")
            if old is None:
                conn.execute(insert(u).values(**row))
            else:
                conn.execute(update(u).where(u.c.name == name).values(**row))
        return token

    def has_users(self) -> bool:
        """Whether any user is active (not revoked)."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.users.c.name).where(t.users.c.revoked_at.is_(None)).limit(1)).first() \
                is not None

    def list_users(self) -> list[User]:
        """Every user, revoked ones too, by name."""
        with self.engine.connect() as conn:
            return [row_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.name))]

    def revoke_user(self, name: str) -> User:
        """Refuse this user's token from now on (NotFound when there is no such user)."""
        u = t.users
        with self.engine.begin() as conn:
            done = conn.execute(update(u).where(u.c.name == name, u.c.revoked_at.is_(None))
                                .values(revoked_at=dt.datetime.now(dt.timezone.utc)))
            row = conn.execute(select(u).where(u.c.name == name)).first()
        if row is None:
            raise NotFound(f"user {name!r}")
        if not done.rowcount and row.revoked_at is None:  # pragma: no cover - the update matched nothing
            raise NotFound(f"user {name!r}")
        return row_user(row)

    def user_for_token(self, token: str) -> User | None:
        """The active user this token belongs to, or None (malformed, unknown, wrong or revoked)."""
        m = _TOKEN.fullmatch(token.strip())
        if m is None:
            return None
        token_id, secret = m.groups()
        u = t.users
        with self.engine.connect() as conn:
            row = conn.execute(select(u).where(u.c.token_id == token_id)).first()
        if row is None or row.revoked_at is not None:
            return None
        given = hash_secret(secret, bytes.fromhex(row.salt))
        if not hmac.compare_digest(given.encode(), row.token_hash.encode()):
            return None
        return row_user(row)
