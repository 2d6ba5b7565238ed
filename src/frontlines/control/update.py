"""The store side of territorial control: keep per-report changes current, read the state on a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from frontlines.control.areas import Course
from frontlines.control.changes import control_changes_with_keys
from frontlines.control.timeline import (apply_control_reviews, build_timelines, by_settlement, change_id, control_on,
                                        expand_areas, opponents)
from frontlines.errors import NotFound
from frontlines.incidents.update import UpdateReport, reported_events, update_incidents
from frontlines.records import ControlChange

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

def update_after_run(store: Store, article_ids: Sequence[str]) -> UpdateReport:
    """After a run saved these articles' extractions: update incidents, then control changes.

    Lives with control (above incidents): control changes are read from the same reported
    events that the incidents merge, so this is the one place that runs both.
    """
    new = reported_events(store.read_events(article_ids=list(article_ids)))
    report = update_incidents(store, article_ids, new)
    n = update_control(store, article_ids, new)
    return UpdateReport(events=report.events, component=report.component,
                        incidents_removed=report.incidents_removed, incidents_saved=report.incidents_saved,
                        control_changes=n)


def update_control(store: Store, article_ids: Sequence[str], items: Sequence[Any] | None = None) -> int:
    """Replace the control changes these articles report; returns how many were stored.

    Changes are stored one per report; timelines are built when read, so the
    order articles arrive in never matters. ``items``: the articles' reported
    events, when the caller has read them already.
    """
    if items is None:
        items = reported_events(store.read_events(article_ids=list(article_ids)))
    rows = control_changes_with_keys(list(items))
    store.replace_control_changes(list(article_ids), rows)
    return len(rows)


def state_on(
    store: Store,
    date: dt.date,
    *,
    region: str | None = None,
    courses: Mapping[str, Course] | None = None,
) -> tuple[ControlChange, ...]:
    """Who controls each known settlement on ``date`` (optionally in one region), with status and evidence,
    as the analysts' reviews of changes of control leave it."""
    changes = store.list_control_changes(until=date, region=region)
    known = store.known_settlements(region=region) if any(c.area for c in changes) else []
    return control_on(changes, date, known, region=region, courses=courses, reviews=store.list_control_reviews())


def timelines(store: Store, *, region: str | None = None) -> dict[str, tuple[ControlChange, ...]]:
    """Every settlement's full timeline (optionally in one region), analysts' reviews applied."""
    changes = store.list_control_changes(region=region)
    known = store.known_settlements(region=region) if any(c.area for c in changes) else []
    return build_timelines(changes, known, reviews=store.list_control_reviews())


def timeline_of(store: Store, settlement: str) -> tuple[ControlChange, ...]:
    """One settlement's timeline (by :func:`~frontlines.control.timeline.settlement_key`), reviews applied."""
    return timelines(store).get(settlement, ())


def change_dates(store: Store, *, region: str | None = None) -> list[dt.date]:
    """Every date on which a stored report changes control (optionally in one region), as the analysts'
    reviews leave the reports: a rejected change's dates are gone, a corrected one's are its new date.
    An area statement counts only through the known settlements it covers (there)."""
    changes = store.list_control_changes(region=region)
    if any(c.area for c in changes):
        changes = expand_areas(changes, store.known_settlements(region=region))
    reviews = store.list_control_reviews()
    if reviews:
        rivals = opponents(changes)
        changes = [r for reports, own_reviews in by_settlement(changes, reviews).values()
                   for r in apply_control_reviews(reports, own_reviews, rivals)]
    return sorted({c.date for c in changes if c.date is not None})


def find_change(store: Store, control_id: str) -> ControlChange:
    """The change of control (a period of a settlement's timeline, reviews applied) with this id
    (:func:`~frontlines.control.timeline.change_id`, as /api/control gives it); NotFound when none has it."""
    for timeline in timelines(store).values():
        for change in timeline:
            if change_id(change) == control_id:
                return change
    raise NotFound(f"change of control {control_id!r}")
