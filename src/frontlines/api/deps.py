"""What routes share: the store and settings of this app, query-parameter parsing, the write guard."""

from __future__ import annotations

import datetime as dt
import enum
import hmac
import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from frontlines.api.errors import ApiError
from frontlines.config import Settings
from frontlines.errors import FrontlinesError
from frontlines.records import EventStatus, Role, User
from frontlines.store import EventFilter, Store
from frontlines.vocabulary import check_event_filter

MAX_PAGE = 1000  # JSON pages
MAX_GEOJSON = 10_000  # GeoJSON is for maps and GIS tools, which want every point at once
MAX_OFFSET = 10_000_000  # far past any real store; keeps integers inside SQL's range
MAX_TEXT = 200  # search strings


def get_store(request: Request) -> Store:
    """The app's Store (opened once in create_app)."""
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    """The app's Settings."""
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(value: Any) -> Any:
    """A query date is a calendar date written YYYY-MM-DD, and nothing else.

    Pydantic alone also reads numbers as Unix times, so `until=0` meant 1970-01-01 and
    filtered everything out without a word; a demanding user wants the typo reported.
    """
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError("date_value", "'{value}' is not a calendar date", {"value": text}) from None
    raise PydanticCustomError("date_format", "want a date as YYYY-MM-DD, got '{value}'", {"value": text})


IsoDate = Annotated[dt.date, BeforeValidator(parse_iso_date)]

StatusParam = enum.Enum("StatusParam", {s.name: s.value for s in EventStatus}, type=str)  # type: ignore[misc]


class IncludeParam(str, enum.Enum):
    REJECTED = "rejected"


class ReviewParam(str, enum.Enum):
    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class EventSort(str, enum.Enum):
    DATE = "date"
    DATE_DESC = "-date"
    CONFIDENCE = "confidence"
    CONFIDENCE_DESC = "-confidence"


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees, checked: in range, not reversed; else a 422."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError as exc:
        raise ApiError(422, f"bbox {value!r}: want four numbers west,south,east,north") from exc
    if any(v != v or v in (float("inf"), float("-inf")) for v in (west, south, east, north)):
        raise ApiError(422, f"bbox {value!r}: not finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ApiError(422, f"bbox {value!r}: longitudes must be within ±180 and latitudes within ±90")
    if west > east or south > north:
        raise ApiError(422, f"bbox {value!r}: reversed (west must be <= east and south <= north)")
    return west, south, east, north


def event_filter(
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z_]+$",
                                      description="PLOVER event type, e.g. ASSAULT, RETREAT, COERCE (any case; "
                                                  "an unknown type is a 422 that lists them).")] = None,
    acled: Annotated[str | None, Query(max_length=80, description="ACLED event_type or sub_event_type (any case; "
                                                                  "an unknown one is a 422 that lists them).")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Source or target actor name contains.")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="ISO 3166-1 alpha-3 country of the event's place.")] = None,
    side: Annotated[str | None, Query(max_length=64,
                                      description="Side (ISO3) of the source or target actor.")] = None,
    status: Annotated[StatusParam | None, Query(description="Realis: happened, claimed, denied, ...")] = None,
    since: Annotated[IsoDate | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[IsoDate | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(max_length=120, description="west,south,east,north in degrees.")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="Evidence sentence contains.")] = None,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="Place name contains.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Only events of this article id.")] = None,
    include: Annotated[IncludeParam | None, Query(description="`rejected`: also the events an analyst rejected "
                                                              "(left out by default).")] = None,
    review: Annotated[ReviewParam | None, Query(description="Only `unreviewed` events, only `reviewed` ones, or "
                                                            "those of one verdict: confirmed, corrected, "
                                                            "rejected.")] = None,
) -> EventFilter:
    """The event filters every event route accepts (see EventFilter); enumerated values checked."""
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}")
    f = EventFilter(
        plover_type=type, acled_type=acled, actor=actor, country=country, side=side,
        status=status.value if status else None, since=since, until=until, bbox=parse_bbox(bbox),
        text=text, place=place, article_id=article, review=review.value if review else None,
        include_rejected=include is IncludeParam.REJECTED,
    )
    try:
        return check_event_filter(f, store)
    except FrontlinesError as exc:
        if exc.code != "E902":
            raise
        raise ApiError(422, exc.detail, code=exc.code) from exc


EventFilterDep = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, 1..{MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


ADMIN_TOKEN_USER = "api-token"  # the user the configured Settings.api_token acts as (an admin)


def _bearer(authorization: str | None) -> str | None:
    scheme, _, given = (authorization or "").partition(" ")
    return given.strip() if scheme.lower() == "bearer" and given.strip() else None


def current_user(
    settings: SettingsDep,
    store: StoreDep,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> User:
    """The user a request's `Authorization: Bearer TOKEN` names: a user of the store (`frontlines users add`),
    or the configured Settings.api_token, which acts as an admin. 401 (E904) without a token or with a
    wrong or revoked one; 403 (E902) when writes are disabled (no api_token and no users)."""
    given = _bearer(authorization)
    expected = settings.api_token
    if given is not None and expected and hmac.compare_digest(given.encode(), expected.encode()):
        return User(name=ADMIN_TOKEN_USER, role=Role.ADMIN)
    if not expected and not store.has_users():
        raise ApiError(403, "writes are disabled: no API token is configured (set FRONTLINES_API_TOKEN) "
                            "and no users exist (`frontlines users add NAME --role reviewer`)")
    user = store.user_for_token(given) if given is not None else None
    if user is None:
        raise ApiError(401, "missing, wrong or revoked bearer token", code="E904",
                       headers={"WWW-Authenticate": "Bearer"})
    return user


def require_role(role: Role) -> Callable[..., User]:
    """A dependency: the request's user, who must hold ``role`` or a higher one (403, E905, otherwise)."""

    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if not user.role.may(role):
            raise ApiError(403, f"user {user.name!r} is a {user.role.value}; this needs a {role.value} "
                                f"or higher", code="E905")
        return user

    check.__name__ = f"require_{role.value}"
    return check


require_token = require_role(Role.REVIEWER)  # writes of data (posting articles, reviews): reviewers and admins
ReviewerDep = Annotated[User, Depends(require_role(Role.REVIEWER))]
AdminDep = Annotated[User, Depends(require_role(Role.ADMIN))]


def ok(payload: dict[str, Any], *, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response straight from JSON-ready data (rows from the store, to_dict output).

    Returning a Response skips FastAPI's recursive re-encoding of the payload, which cost more than
    the SQL for a page of events (bench/api.py).
    """
    return JSONResponse(payload, status_code=status_code, headers=headers)
