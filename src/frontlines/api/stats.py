"""/api/stats: store totals, and event counts by day, type, admin1, status or country under any event filter."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import EventFilterDep, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

router = APIRouter(prefix="/api/stats", tags=["stats"], responses=ERROR_RESPONSES)


class GroupBy(str, enum.Enum):
    DATE = "date"
    PERIOD = "period"
    PLOVER_TYPE = "plover_type"
    ACLED_SUB_EVENT_TYPE = "acled_sub_event_type"
    ADMIN1 = "admin1"
    STATUS = "status"
    COUNTRY = "country"


def _counts(store: Store, by: str, f: Any) -> list[dict[str, Any]]:
    out = []
    for key, n in store.event_counts(by, f):
        out.append({"key": key.isoformat() if isinstance(key, (dt.date, dt.datetime)) else key, "count": n})
    return out


@router.get("", summary="Store totals",
            description="Counts of articles by status, rejections by code, extractions by kind, incidents and "
                        "control changes (one per report) in `totals`, and events by day, PLOVER type and admin1.")
def get_stats(store: StoreDep) -> JSONResponse:
    """Store totals."""
    from frontlines.store import EventFilter

    everything = EventFilter()
    return ok({
        "ok": True,
        "totals": store.stats(),
        "events_by_day": _counts(store, "date", everything),
        "events_by_type": _counts(store, "plover_type", everything),
        "events_by_admin1": _counts(store, "admin1", everything),
    })


@router.get("/events", summary="Event counts grouped",
            description="Event counts grouped by `by` (date for a timeline, plover_type, acled_sub_event_type, "
                        "admin1, status or country), under the same filters as /api/events. `period` groups by "
                        "the date at its own precision: a day, or \"2023\", \"2022-04\", \"2023-W50\" for events "
                        "known only to that year, month or week (the map draws those as spans).")
def event_counts(
    store: StoreDep,
    f: EventFilterDep,
    by: Annotated[GroupBy, Query(description="What to group by.")] = GroupBy.DATE,
) -> JSONResponse:
    """Event counts grouped."""
    counts = _counts(store, by.value, f)
    return ok({"ok": True, "by": by.value, "total": sum(c["count"] for c in counts), "counts": counts})
