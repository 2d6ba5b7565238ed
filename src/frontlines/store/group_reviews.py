"""The store's reviews of what groups events: changes of control and incidents, each its own record.

Neither is joined into machine output: control reviews are applied whenever a timeline is built
(control/timeline.py), incident reviews whenever incidents are merged (incidents/merge.py). Storing an
incident review queues its events' articles in the same transaction, so the Runner's after-run step
merges their incidents again with the review honoured.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import Engine, func, insert, select

from frontlines.errors import NotFound
from frontlines.records import ControlReview, IncidentReview
from frontlines.store import schema as t
from frontlines.store.mapping import control_review_row, incident_review_row, row_control_review, row_incident_review
from frontlines.store.sql import chunked
from frontlines.store.updates import queue_updates


class GroupReviews:
    """Reviews of changes of control and of incidents; a part of :class:`SqlStore`."""

    engine: Engine

    def add_control_review(self, review: ControlReview) -> ControlReview:
        """Store a review of a change of control; returns it with its id."""
        with self.engine.begin() as conn:
            inserted = conn.execute(insert(t.control_reviews).values(**control_review_row(review))).inserted_primary_key
        return _with_id(review, inserted)

    def list_control_reviews(self, *, limit: int | None = None, offset: int = 0) -> list[ControlReview]:
        """Reviews of changes of control, oldest first (the order they are applied in)."""
        r = t.control_reviews
        q = select(r).order_by(r.c.at, r.c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [row_control_review(row) for row in conn.execute(q)]

    def add_incident_review(self, review: IncidentReview) -> IncidentReview:
        """Store a merge or split of incidents and queue its events' articles for the after-run re-merge.

        NotFound when none of its events is stored.
        """
        e = t.events
        keys = sorted({*review.event_keys, *review.rest})
        with self.engine.begin() as conn:
            articles = sorted({row[0] for chunk in chunked(keys)
                               for row in conn.execute(select(e.c.article_id).where(e.c.key.in_(list(chunk))))})
            if not articles:
                raise NotFound(f"events {', '.join(keys[:3])}")
            inserted = conn.execute(insert(t.incident_reviews).values(**incident_review_row(review))).inserted_primary_key
            queue_updates(conn, articles, dt.datetime.now(dt.timezone.utc))
        return _with_id(review, inserted)

    def list_incident_reviews(self, *, limit: int | None = None, offset: int = 0) -> list[IncidentReview]:
        """Merges and splits of incidents, oldest first (the order they are honoured in)."""
        r = t.incident_reviews
        q = select(r).order_by(r.c.at, r.c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [row_incident_review(row) for row in conn.execute(q)]

    def count_group_reviews(self) -> tuple[int, int]:
        """(reviews of changes of control, reviews of incidents)."""
        with self.engine.connect() as conn:
            return (int(conn.execute(select(func.count()).select_from(t.control_reviews)).scalar() or 0),
                    int(conn.execute(select(func.count()).select_from(t.incident_reviews)).scalar() or 0))


_R = TypeVar("_R", ControlReview, IncidentReview)


def _with_id(review: _R, inserted: Any) -> _R:
    new_id = inserted[0] if inserted is not None else None
    return dataclasses.replace(review, id=int(new_id) if new_id is not None else None)
