"""The store's cross-article update queue: articles whose extractions are stored but whose
contribution to incidents and control is not yet merged.

An article enters the queue in the same transaction that stores its extractions
(:func:`queue_updates`, called by the extractions part); the Runner's after-run
step leaves it only once its incidents and control changes are stored. A process
killed in between leaves the work recorded, and the next run or serve finishes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, delete, func, insert, select

from frontlines.store import schema as t
from frontlines.store.sql import chunked


def queue_updates(conn: Connection, article_ids: Sequence[str], now: dt.datetime) -> None:
    """Queue these articles for the cross-article update, in the caller's transaction."""
    for chunk in chunked(list(article_ids)):
        conn.execute(delete(t.pending_updates).where(t.pending_updates.c.article_id.in_(chunk)))
    if article_ids:
        conn.execute(insert(t.pending_updates), [{"article_id": aid, "queued_at": now} for aid in article_ids])


class Updates:
    """The cross-article update queue; a part of SqlStore."""

    engine: Engine

    def pending_update_ids(self, limit: int | None = None) -> list[str]:
        """Articles whose extractions are stored but not yet merged into incidents and control, oldest first."""
        q = select(t.pending_updates.c.article_id).order_by(t.pending_updates.c.queued_at,
                                                            t.pending_updates.c.article_id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def count_pending_updates(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.pending_updates)).scalar() or 0)

    def clear_pending_updates(self, article_ids: Sequence[str]) -> None:
        """Drop these articles from the queue, once their incidents and control are stored."""
        with self.engine.begin() as conn:
            for chunk in chunked(list(article_ids)):
                conn.execute(delete(t.pending_updates).where(t.pending_updates.c.article_id.in_(chunk)))
