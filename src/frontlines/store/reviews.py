"""The store's reviews: analysts' verdicts on events, kept as their own records and applied on every read.

A review names the event by the key the reviewer saw and by its article, evidence span,
trigger and type. Whenever an article's extractions are written again (``run --again``,
``run --stale``, a pipeline upgrade), :func:`refresh_reviews` runs in the same transaction:
each of the article's reviews attaches to the event with its key, else to the one event
with its evidence span (and trigger, or type), else it is kept as orphaned. The reviewed
events are then rewritten in ``reviewed_events`` (the event as its reviews say it is), which
the event reads of events.py use in place of the machine's row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from frontlines.errors import NotFound
from frontlines.records import Event, Review, from_dict
from frontlines.review import apply_changes, fold
from frontlines.store import schema as t
from frontlines.store.mapping import json_value, review_row, reviewed_event_row, row_review
from frontlines.store.sql import chunked
from frontlines.store.updates import queue_updates


@dataclasses.dataclass(frozen=True, slots=True)
class _Machine:
    """What re-attachment needs of one stored event."""

    key: str
    article_id: str
    start: int
    end: int
    trigger: str
    plover_type: str


def _machine_events(conn: Connection, article_ids: Sequence[str]) -> list[_Machine]:
    e = t.events
    out = []
    for chunk in chunked(list(article_ids)):
        for r in conn.execute(select(e.c.key, e.c.article_id, e.c.start, e.c.end, e.c.plover_type, e.c.data)
                              .where(e.c.article_id.in_(chunk))):
            out.append(_Machine(r.key, r.article_id, r.start, r.end, str(json_value(r.data).get("trigger") or ""),
                                r.plover_type or ""))
    return out


def attach(review: Review, events: Sequence[_Machine]) -> str | None:
    """The key of the event this review applies to among its article's events, or None (orphaned).

    Its own key first, then where it was last attached, then the one event with the same evidence
    span (same trigger and type, else same trigger, else same type), then the one overlapping event
    with the same trigger.
    """
    mine = [e for e in events if e.article_id == review.article_id]
    keys = {e.key for e in mine}
    for key in (review.event_key, review.attached_key):
        if key and key in keys:
            return key
    same_span = [e for e in mine if (e.start, e.end) == (review.evidence_start, review.evidence_end)]
    tiers = [
        [e for e in same_span if e.trigger == review.trigger and e.plover_type == review.plover_type],
        [e for e in same_span if e.trigger == review.trigger],
        [e for e in same_span if e.plover_type == review.plover_type],
        [e for e in mine if e.start < review.evidence_end and review.evidence_start < e.end
         and e.trigger == review.trigger],
    ]
    for tier in tiers:
        if len(tier) == 1:
            return tier[0].key
        if len(tier) > 1:
            return None  # ambiguous: kept as orphaned rather than put on the wrong event
    return None


def _reviews_where(conn: Connection, column: Any, values: Sequence[str]) -> list[Review]:
    r = t.reviews
    rows = [row for chunk in chunked(list(values))
            for row in conn.execute(select(r).where(column.in_(list(chunk))))]
    rows.sort(key=lambda row: (row.at, row.id))
    return [row_review(row) for row in rows]


def rebuild_reviewed(conn: Connection, keys: Sequence[str]) -> None:
    """Rewrite the reviewed_events rows of these event keys from events and reviews, in ``conn``'s transaction."""
    keys = sorted(set(keys))
    if not keys:
        return
    re_, e = t.reviewed_events, t.events
    for chunk in chunked(keys):
        conn.execute(delete(re_).where(re_.c.key.in_(list(chunk))))
    by_key: dict[str, list[Review]] = defaultdict(list)
    for review in _reviews_where(conn, t.reviews.c.attached_key, keys):
        by_key[str(review.attached_key)].append(review)
    rows = []
    for chunk in chunked(keys):
        for ev in conn.execute(select(e.c.key, e.c.article_id, e.c.data).where(e.c.key.in_(list(chunk)))):
            reviews = by_key.get(ev.key)
            if not reviews:
                continue
            latest, changes = fold(reviews)
            effective = apply_changes(from_dict(Event, json_value(ev.data)), changes)
            rows.append(reviewed_event_row(ev.key, ev.article_id, effective, latest, len(reviews)))
    if rows:
        conn.execute(insert(re_), rows)


def refresh_reviews(conn: Connection, article_ids: Sequence[str]) -> None:
    """After these articles' events were written again: re-attach their reviews and rewrite their
    reviewed events, in the caller's transaction (the extractions part calls it)."""
    reviews = _reviews_where(conn, t.reviews.c.article_id, article_ids)
    re_ = t.reviewed_events
    for chunk in chunked(list(article_ids)):
        conn.execute(delete(re_).where(re_.c.article_id.in_(list(chunk))))
    if not reviews:
        return
    events = _machine_events(conn, sorted({r.article_id for r in reviews}))
    keys = []
    for review in reviews:
        key = attach(review, events)
        if key != review.attached_key:
            conn.execute(update(t.reviews).where(t.reviews.c.id == review.id).values(attached_key=key))
        if key is not None:
            keys.append(key)
    rebuild_reviewed(conn, keys)


class Reviews:
    """Reviews of events; a part of :class:`SqlStore`."""

    engine: Engine

    def add_review(self, review: Review) -> Review:
        """Store a review of the event ``review.event_key`` names (NotFound when no stored event has it).

        The event's article, span, trigger and type are taken from the stored event; in the same
        transaction the reviewed event is rewritten and its article queued for the incidents and
        control update (the Runner's after-run step re-merges it). Returns the review as stored.
        """
        e = t.events
        with self.engine.begin() as conn:
            row = conn.execute(select(e.c.key, e.c.article_id, e.c.start, e.c.end, e.c.plover_type, e.c.data)
                               .where(e.c.key == review.event_key)).first()
            if row is None:
                raise NotFound(f"event {review.event_key!r}")
            stored = dataclasses.replace(
                review, article_id=row.article_id, evidence_start=row.start, evidence_end=row.end,
                trigger=str(json_value(row.data).get("trigger") or ""), plover_type=row.plover_type or "",
                attached_key=row.key, at=review.at or dt.datetime.now(dt.timezone.utc))
            inserted = conn.execute(insert(t.reviews).values(**review_row(stored))).inserted_primary_key
            new_id = inserted[0] if inserted is not None else None
            rebuild_reviewed(conn, [row.key])
            queue_updates(conn, [row.article_id], dt.datetime.now(dt.timezone.utc))
        return dataclasses.replace(stored, id=int(new_id) if new_id is not None else None)

    def list_reviews(self, *, orphaned: bool | None = None, event_key: str | None = None,
                     limit: int = 100, offset: int = 0) -> list[Review]:
        """Reviews, newest first; ``orphaned``: only those whose event is gone (True) or only attached ones."""
        r = t.reviews
        q = select(r)
        if orphaned is not None:
            q = q.where(r.c.attached_key.is_(None) if orphaned else r.c.attached_key.is_not(None))
        if event_key is not None:
            q = q.where((r.c.attached_key == event_key) | (r.c.event_key == event_key))
        q = q.order_by(r.c.at.desc(), r.c.id.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [row_review(row) for row in conn.execute(q)]

    def count_reviews(self, *, orphaned: bool | None = None) -> int:
        """How many reviews (``orphaned`` as in :meth:`list_reviews`)."""
        r = t.reviews
        q = select(func.count()).select_from(r)
        if orphaned is not None:
            q = q.where(r.c.attached_key.is_(None) if orphaned else r.c.attached_key.is_not(None))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def get_review(self, review_id: int) -> Review:
        """One review by id."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.reviews).where(t.reviews.c.id == review_id)).first()
        if row is None:
            raise NotFound(f"review {review_id}")
        return row_review(row)
