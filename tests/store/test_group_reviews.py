"""store/group_reviews.py (SQLite and PostgreSQL): reviews of changes of control and of incidents kept as
their own records, listed oldest first, an incident review queueing its events' articles for the re-merge."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.errors import NotFound
from frontlines.records import ControlReview, IncidentAction, IncidentReview, Verdict
from frontlines.runner import Runner
from tests.store.test_reviews import _processed

AT = dt.datetime(2026, 12, 6, 12, tzinfo=dt.timezone.utc)


def test_control_reviews_round_trip(store) -> None:  # noqa: ANN001
    first = ControlReview(control_id="93636e023f4b86ca", settlement="test:kherson", to_side="UKR",
                          date=dt.date(2022, 11, 11), verdict=Verdict.REJECTED, user="ann", at=AT, note="a claim")
    second = ControlReview(control_id="e00656d1fbf94a33", settlement="test:nova kakhovka", to_side="UKR",
                           date=None, verdict=Verdict.CORRECTED, user="bob", at=AT + dt.timedelta(seconds=1),
                           new_side="RUS", new_date=dt.date(2022, 11, 9))
    stored = [store.add_control_review(r) for r in (second, first)]
    assert all(r.id is not None for r in stored)
    assert store.list_control_reviews() == [stored[1], stored[0]]  # oldest first: the order they apply in
    assert store.list_control_reviews(limit=1, offset=1) == [stored[0]]
    assert store.count_group_reviews() == (2, 0)


def test_an_incident_review_is_kept_and_queues_its_articles(store) -> None:  # noqa: ANN001
    _processed(store)
    assert store.count_pending_updates() == 0
    incident = next(i for i in store.list_incidents() if len(i.reports) == 2)
    keys = [r.event_key for r in incident.reports]
    review = IncidentReview(action=IncidentAction.SPLIT, event_keys=tuple(keys[:1]), rest=tuple(keys[1:]),
                            incident_ids=(incident.id,), user="ann", at=AT)
    stored = store.add_incident_review(review)
    assert store.list_incident_reviews() == [stored] and stored.rest == tuple(keys[1:])
    assert store.count_pending_updates() == len({r.article_id for r in incident.reports})
    Runner(store).after_run()  # the re-merge honours it
    assert sorted(len(i.reports) for i in store.list_incidents() if set(keys) & {r.event_key for r in i.reports}) \
        == [1, 1]
    with pytest.raises(NotFound):
        store.add_incident_review(IncidentReview(action=IncidentAction.MERGE, event_keys=("no", "such"), user="ann",
                                                 at=AT))
    assert store.count_group_reviews() == (0, 1)
