"""What a read of articles, events or incidents asks for (plain dataclasses: no SQL here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFilter:
    status: str | None = None
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    plover_type: str | None = None
    acled_type: str | None = None  # event_type or sub_event_type
    actor: str | None = None
    country: str | None = None
    side: str | None = None
    place: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None
    article_id: str | None = None
    review: str | None = None  # unreviewed, reviewed, or a verdict: confirmed, corrected, rejected
    include_rejected: bool = False  # rejected events are left out unless asked for
    sort: str = "date"  # date, -date, confidence, -confidence
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    since: dt.date | None = None  # the incident's dates overlap [since, until]
    until: dt.date | None = None
    corroboration: str | None = None
    plover_type: str | None = None
    min_reports: int = 1
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north; holds its point
    members: EventFilter | None = None  # at least one member event matches (its sort/limit/offset ignored)
    limit: int = 100
    offset: int = 0
