"""/api/users: admins add, list and revoke users (a token names a user and a role); /api/users/me: who a token is."""

from __future__ import annotations

import enum
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontlines.api.deps import AdminDep, StoreDep, current_user, ok
from frontlines.api.errors import WRITE_ERROR_RESPONSES, ApiError
from frontlines.errors import FrontlinesError
from frontlines.records import Role, User, to_dict

router = APIRouter(prefix="/api/users", tags=["users"], responses=WRITE_ERROR_RESPONSES)


class RoleIn(str, enum.Enum):
    READER = "reader"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class UserIn(BaseModel):
    """A user to add."""

    name: str = Field(max_length=64, description="Letters, digits and . _ @ -")
    role: RoleIn = Field(description="reader, reviewer or admin.")


@router.get("", summary="List users",
            description="Every user with role, creation and revocation times (never a token). Admins only.")
def list_users(store: StoreDep, _admin: AdminDep) -> JSONResponse:
    """List users."""
    return ok({"ok": True, "users": [to_dict(u) for u in store.list_users()]})


@router.get("/me", summary="Who this token is",
            description="The user the request's `Authorization: Bearer TOKEN` names, with its role and what it "
                        "may do (`review`: reviewer or admin; `admin`). Any role may ask; 401 (E904) without a "
                        "token or with a wrong or revoked one. The map page asks it to show its review buttons.")
def who_am_i(user: Annotated[User, Depends(current_user)]) -> JSONResponse:
    """Who this token is."""
    return ok({"ok": True, "user": {"name": user.name, "role": user.role.value},
               "may": {"review": user.role.may(Role.REVIEWER), "admin": user.role.may(Role.ADMIN)}})


@router.post("", summary="Add a user",
             description="Add a user with a role and answer with its token, shown only this once (the store "
                         "keeps a salted hash). A revoked user's name may be reused. Admins only.",
             status_code=201)
def add_user(store: StoreDep, _admin: AdminDep,
             body: Annotated[UserIn, Body(description="The user's name and role.")]) -> JSONResponse:
    """Add a user."""
    try:
        token = store.add_user(body.name, Role(body.role.value))
    except FrontlinesError as exc:
        if exc.code not in ("E704", "E902"):
            raise
        raise ApiError(409 if exc.code == "E704" else 422, exc.detail, code=exc.code) from exc
    return ok({"ok": True, "user": {"name": body.name, "role": body.role.value}, "token": token}, status_code=201)


@router.delete("/{name}", summary="Revoke a user",
               description="Refuse this user's token from now on; the user stays listed, with revoked_at. "
                           "Admins only.")
def revoke_user(store: StoreDep, _admin: AdminDep,
                name: Annotated[str, Path(max_length=64, description="The user's name.")]) -> JSONResponse:
    """Revoke a user."""
    return ok({"ok": True, "user": to_dict(store.revoke_user(name))})
