"""What was stored since a cursor (GET /api/changes, the page's "N new" notice), cheaply at any size.

The cursor is the last events.id, control_changes.id and incidents.seq seen:
each count is a range on a primary key or an index, so it costs what the new
rows cost, not what the store holds. An article processed again gets new
event rows, and an incident that gains a report is stored again with a new
seq: both count as new, which is what the page wants to know.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from frontlines.records import StoreChanges
from frontlines.store import schema as t


class Changes:
    """The change cursor; a part of :class:`SqlStore`."""

    engine: Engine

    def changes_since(self, cursor: tuple[int, int, int] | None = None) -> StoreChanges:
        """Counts of events, control changes and incidents stored after ``cursor`` (None: just the cursor now)."""
        e, c, i = t.events, t.control_changes, t.incidents
        with self.engine.connect() as conn:
            now = (int(conn.execute(select(func.coalesce(func.max(e.c.id), 0))).scalar() or 0),
                   int(conn.execute(select(func.coalesce(func.max(c.c.id), 0))).scalar() or 0),
                   int(conn.execute(select(func.coalesce(func.max(i.c.seq), 0))).scalar() or 0))
            if cursor is None:
                return StoreChanges(cursor=now)
            ev, cc, inc = cursor

            def count(q: object) -> int:
                return int(conn.execute(q).scalar() or 0)  # type: ignore[call-overload]

            return StoreChanges(
                cursor=now,
                events=count(select(func.count()).select_from(e).where(e.c.id > ev)) if now[0] > ev else 0,
                control_changes=count(select(func.count()).select_from(c).where(c.c.id > cc)) if now[1] > cc else 0,
                incidents=count(select(func.count()).select_from(i).where(i.c.seq > inc)) if now[2] > inc else 0,
            )
