"""POST /api/control/{id}/review, /api/incidents/merge and /api/incidents/{id}/split: analysts confirm,
correct or reject a change of control, and merge or split incidents; each kept as its own record."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from frontlines.api.deps import ReviewerDep, StoreDep, ok
from frontlines.api.errors import WRITE_ERROR_RESPONSES, ApiError
from frontlines.api.incidents import incident_dict
from frontlines.errors import FrontlinesError
from frontlines.export import group_review_json
from frontlines.records import IncidentReview
from frontlines.review import make_control_review, make_incident_merge, make_incident_split
from frontlines.runner import Runner

router = APIRouter(tags=["reviews"], responses=WRITE_ERROR_RESPONSES)

MAX_MERGE = 20  # incidents in one merge
MAX_SPLIT = 1000  # events split off in one go


class ControlReviewIn(BaseModel):
    """An analyst's verdict on one change of control."""

    verdict: str = Field(description="confirmed, rejected or corrected.")
    changes: dict[str, Any] = Field(default_factory=dict, description=(
        "For `corrected`: `to_side` (the side that took the settlement: ISO3 or a group's name) and/or "
        "`date` (YYYY-MM-DD, the day it changed hands)."))
    note: str | None = Field(default=None, max_length=4000, description="Why, for the next analyst.")


class MergeIn(BaseModel):
    """Incidents that are one happening."""

    ids: list[Annotated[str, Field(max_length=64)]] = Field(min_length=2, max_length=MAX_MERGE,
                                                            description="Two or more incident ids.")
    note: str | None = Field(default=None, max_length=4000, description="Why, for the next analyst.")


class SplitIn(BaseModel):
    """Events of an incident that are another happening."""

    events: list[Annotated[str, Field(max_length=64)]] = Field(min_length=1, max_length=MAX_SPLIT, description=(
        "Keys of the incident's member events to split off (some, not all)."))
    note: str | None = Field(default=None, max_length=4000, description="Why, for the next analyst.")


def _checked(make: Any, *args: Any, **kw: Any) -> Any:
    try:
        return make(*args, **kw)
    except FrontlinesError as exc:
        if exc.code != "E906":
            raise
        raise ApiError(422, exc.detail, code=exc.code) from exc


def _incidents_of(store: Any, review: IncidentReview) -> list[dict[str, Any]]:
    keys = [*review.event_keys, *review.rest]
    return [incident_dict(store.get_incident(i)) for i in store.incident_ids_for_events(keys)]


@router.post("/api/control/{control_id}/review", summary="Review a change of control",
             description="Confirm, correct (side or date) or reject one change of control: a settlement's period "
                         "of control as /api/control and /api/control.geojson give it, by its `id`. The review is "
                         "kept as its own record and applied whenever a timeline is built: a rejected change "
                         "leaves the timeline (the settlement stays with its previous holder), a corrected one "
                         "shows the side and date given, a confirmed one is `confirmed`. Reviews hold across "
                         "`run --again` (they find their change again by settlement, side and date). Needs a "
                         "reviewer's or admin's `Authorization: Bearer TOKEN`.")
def review_control(
    store: StoreDep,
    user: ReviewerDep,
    control_id: Annotated[str, Path(max_length=40, description="The change's id (from /api/control).")],
    body: Annotated[ControlReviewIn, Body(description="The verdict, the changes (for a correction) and a note.")],
) -> JSONResponse:
    """Review a change of control."""
    from frontlines.control import change_json, find_change, settlement_key, timeline_of

    change = find_change(store, control_id)
    review = _checked(make_control_review, change, body.verdict, body.changes, control_id=control_id,
                      settlement=settlement_key(change.settlement), user=user.name, note=body.note)
    stored = store.add_control_review(review)
    return ok({"ok": True, "review": group_review_json(stored),
               "timeline": [change_json(c) for c in timeline_of(store, review.settlement)]})


@router.post("/api/incidents/merge", summary="Merge incidents",
             description="Two or more incidents are one happening: their reports become one incident. Kept as a "
                         "review record naming the member events and honoured by every merge of incidents, so it "
                         "survives `run --again` and the merge after each run. Needs a reviewer's or admin's "
                         "`Authorization: Bearer TOKEN`.")
def merge_incidents(
    store: StoreDep,
    user: ReviewerDep,
    body: Annotated[MergeIn, Body(description="The incidents' ids and a note.")],
) -> JSONResponse:
    """Merge incidents."""
    found = [store.get_incident(i) for i in body.ids]
    review = _checked(make_incident_merge, found, user=user.name, note=body.note)
    stored = Runner(store).review_incidents(review)
    return ok({"ok": True, "review": group_review_json(stored), "incidents": _incidents_of(store, stored)})


@router.post("/api/incidents/{incident_id}/split", summary="Split an incident",
             description="Some reports of an incident are another happening: the events named become an "
                         "incident of their own, apart from the rest. Kept as a review record and honoured by "
                         "every merge of incidents (survives `run --again`). Needs a reviewer's or admin's "
                         "`Authorization: Bearer TOKEN`.")
def split_incident(
    store: StoreDep,
    user: ReviewerDep,
    incident_id: Annotated[str, Path(max_length=64, description="The incident's id (from /api/incidents).")],
    body: Annotated[SplitIn, Body(description="The member events to split off and a note.")],
) -> JSONResponse:
    """Split an incident."""
    incident = store.get_incident(incident_id)
    review = _checked(make_incident_split, incident, body.events, user=user.name, note=body.note)
    stored = Runner(store).review_incidents(review)
    return ok({"ok": True, "review": group_review_json(stored), "incidents": _incidents_of(store, stored)})
