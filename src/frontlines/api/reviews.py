"""/api/events/{key}/review and /api/reviews: analysts confirm, correct or reject events; the reviews listed."""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontlines.api.deps import Limit, Offset, ReviewerDep, SettingsDep, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES, WRITE_ERROR_RESPONSES, ApiError
from frontlines.api.markers import stored_event_marker
from frontlines.errors import FrontlinesError
from frontlines.export import event_json, group_review_json, review_json
from frontlines.review import make_review, open_gazetteer
from frontlines.runner import Runner
from frontlines.review import GRANULARITIES
from frontlines.records import ControlReview, EventStatus, IncidentReview
from frontlines.vocabulary import acled_event_types, acled_types, plover_types

router = APIRouter(tags=["reviews"], responses=ERROR_RESPONSES)
ReviewKind = Literal["event", "control", "incident"]
_gazetteer_lock = threading.Lock()


class ReviewIn(BaseModel):
    """An analyst's verdict on one event."""

    verdict: str = Field(description="confirmed, rejected or corrected.")
    changes: dict[str, Any] = Field(default_factory=dict, description=(
        "For `corrected`: the right values, by field: plover_type, event_type, sub_event_type, actor1/actor2 "
        "(lists of names), place (a gazetteer id, a name, or {name, lat, lon, country, admin1}), date, "
        "date_end, granularity (day, week, month, year), status, attributed_to, fatalities, quantities "
        "({kind: number})."))
    note: str | None = Field(default=None, max_length=4000, description="Why, for the next analyst.")


def _gazetteer(request: Request, settings: Any) -> Any:
    state = request.app.state
    with _gazetteer_lock:
        if getattr(state, "review_gazetteer", None) is None:
            state.review_gazetteer = open_gazetteer(settings.gazetteer_path)
        return state.review_gazetteer


@router.post("/api/events/{key}/review", summary="Review an event",
             description="Confirm, correct or reject one event. The review is kept as its own record (the "
                         "machine's event is never overwritten) and applied on every read: a rejected event "
                         "leaves /api/events, the exports and its incident; a corrected one is listed, "
                         "exported and merged as corrected. Reviews survive `run --again` and `run --stale` "
                         "(they re-attach by key or evidence span; one whose event is gone is kept as "
                         "orphaned). Answers with the review, the event as reviewed and its map marker (as "
                         "/api/map/events draws it; null without coordinates). Needs a reviewer's or admin's "
                         "`Authorization: Bearer TOKEN`.",
             responses=WRITE_ERROR_RESPONSES)
def post_review(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    user: ReviewerDep,
    key: Annotated[str, Path(max_length=64, description="The event key (from /api/events).")],
    body: Annotated[ReviewIn, Body(description="The verdict, the changes (for a correction) and a note.")],
) -> JSONResponse:
    """Review an event."""
    place_by_name = isinstance(body.changes.get("place", body.changes.get("location")), str)
    try:
        review = make_review(key, body.verdict, body.changes, user=user.name, note=body.note,
                             plover_types=plover_types(), acled_types=acled_types(),
                             gazetteer=_gazetteer(request, settings) if place_by_name else None)
    except FrontlinesError as exc:
        if exc.code not in ("E906", "E902"):
            raise
        raise ApiError(422, exc.detail, code=exc.code) from exc
    stored = Runner(store).review(review)
    reviewed = store.get_event(key)
    return ok({"ok": True, "review": review_json(stored), "event": event_json(reviewed),
               "marker": stored_event_marker(reviewed)})


@router.get("/api/reviews", summary="List reviews",
            description="Analysts' reviews, newest first. Of events (`kind=event`, the default): each with its "
                        "verdict, changes, note, reviewer, time, the key it was made on and the event it applies "
                        "to now; `orphaned` is true when that event no longer exists (its article was processed "
                        "again and no event matches). `kind=control`: reviews of changes of control; "
                        "`kind=incident`: merges and splits of incidents. `counts` gives how many of the latter "
                        "two there are.")
def list_reviews(
    store: StoreDep,
    orphaned: Annotated[bool | None, Query(description="true: only orphaned reviews; false: only attached "
                                                       "ones; absent: all (events only).")] = None,
    kind: Annotated[ReviewKind, Query(description="event (reviews of events), control (of changes of control) "
                                                  "or incident (merges and splits of incidents).")] = "event",
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List reviews."""
    counts = dict(zip(("control", "incident"), store.count_group_reviews()))
    if kind != "event":
        group: list[ControlReview | IncidentReview] = [
            *(store.list_control_reviews() if kind == "control" else store.list_incident_reviews())]
        page = list(reversed(group))[offset:offset + limit]  # newest first, as events' reviews
        return ok({"ok": True, "kind": kind, "total": len(group), "limit": limit, "offset": offset,
                   "reviews": [group_review_json(r) for r in page], "counts": counts})
    reviews = store.list_reviews(orphaned=orphaned, limit=limit, offset=offset)
    return ok({"ok": True, "kind": kind, "total": store.count_reviews(orphaned=orphaned), "limit": limit,
               "offset": offset, "orphaned": store.count_reviews(orphaned=True),
               "reviews": [review_json(r) for r in reviews], "counts": counts})


@router.get("/api/reviews/fields", summary="What a correction may set",
            description="The fields a correction (`verdict: corrected`) may change and the values each takes: "
                         "PLOVER types, ACLED event and sub-event types, statuses and date granularities; the "
                         "map page fills its edit form from it. A place is given by name (resolved with the "
                         "gazetteer), by gazetteer id or as {name, lat, lon}.")
def review_fields() -> JSONResponse:
    """What a correction may set."""
    event_types, sub_types = acled_event_types()
    return ok({"ok": True, "plover_type": list(plover_types()), "event_type": list(event_types),
               "sub_event_type": list(sub_types), "status": [s.value for s in EventStatus],
               "granularity": list(GRANULARITIES)})
