"""What routes share: the store and settings of this app, query-parameter parsing, the write guard."""

from __future__ import annotations

import datetime as dt
import enum
import hmac
import re
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from frontlines.api.errors import ApiError
from frontlines.config import Settings
from frontlines.errors import FrontlinesError
from frontlines.records import EventStatus
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
) -> EventFilter:
    """The event filters every event route accepts (see EventFilter); enumerated values checked."""
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}")
    f = EventFilter(
        plover_type=type, acled_type=acled, actor=actor, country=country, side=side,
        status=status.value if status else None, since=since, until=until, bbox=parse_bbox(bbox),
        text=text, place=place, article_id=article,
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


def require_token(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> None:
    """Writes need `Authorization: Bearer TOKEN` matching Settings.api_token; none configured: refused."""
    expected = settings.api_token
    if not expected:
        raise ApiError(403, "writes are disabled: no API token is configured (set FRONTLINES_API_TOKEN)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


def ok(payload: dict[str, Any], *, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response straight from JSON-ready data (rows from the store, to_dict output).

    Returning a Response skips FastAPI's recursive re-encoding of the payload, which cost more than
    the SQL for a page of events (bench/api.py).
    """
    return JSONResponse(payload, status_code=status_code, headers=headers)
