"""The store's events: filtered lists, counts, one event, and the reads incidents and control merge from."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, func, or_, select

from frontlines.errors import NotFound, StoreError
from frontlines.store import schema as t
from frontlines.store.filters import EventFilter
from frontlines.records import MapEvent, StoredEvent
from frontlines.store.mapping import row_map_event, row_stored_event
from frontlines.store.sql import chunked, escape_like, in_bbox
from frontlines.time.periods import iso_period

GROUPS = frozenset({"date", "period", "plover_type", "acled_sub_event_type", "admin1", "status", "country"})


def event_select() -> Select[Any]:
    """Events joined with their article's source, title, url and published date."""
    e, a = t.events, t.articles
    return select(e, a.c.source, a.c.title, a.c.url, a.c.published).join(a, a.c.id == e.c.article_id)


def event_conditions(f: EventFilter) -> list[Any]:
    """The WHERE conditions on the events table for one filter (its sort, limit and offset aside)."""
    e = t.events
    conds = []
    if f.plover_type:
        conds.append(e.c.plover_type == f.plover_type.upper())
    if f.acled_type:
        conds.append(or_(e.c.acled_event_type == f.acled_type, e.c.acled_sub_event_type == f.acled_type))
    if f.actor:
        like = f"%{escape_like(f.actor)}%"
        conds.append(or_(e.c.actor1.ilike(like, escape="\\"), e.c.actor2.ilike(like, escape="\\")))
    if f.country:
        conds.append(e.c.country == f.country.upper())
    if f.side:
        conds.append(or_(e.c.actor1_country == f.side.upper(), e.c.actor2_country == f.side.upper()))
    if f.place:
        conds.append(e.c.location.ilike(f"%{escape_like(f.place)}%", escape="\\"))
    if f.status:
        conds.append(e.c.status == f.status)
    # Dates and the bounding box are matched in the covering index (date, lat, lon) and the rows then
    # fetched by id: otherwise SQLite walks the date index and reads every full row of the date range
    # (bench/api.py, 100,000 events: the SQL of a bbox + 3-week query drops from ~35 ms to ~2 ms).
    box = t.events.alias("events_box")
    in_box = []
    if f.since:
        in_box.append(box.c.date >= f.since)
    if f.until:
        in_box.append(box.c.date <= f.until)
    if f.bbox:
        in_box.append(in_bbox(box.c.lat, box.c.lon, f.bbox))
    if in_box:
        conds.append(e.c.id.in_(select(box.c.id).where(and_(*in_box))))
    if f.text:
        conds.append(e.c.text.ilike(f"%{escape_like(f.text)}%", escape="\\"))
    if f.article_id:
        conds.append(e.c.article_id == f.article_id)
    return conds


class Events:
    """Reading stored events; a part of :class:`SqlStore` (events are written with their article's extractions)."""

    engine: Engine

    def _event_query(self, f: EventFilter) -> Select[Any]:
        q = event_select()
        conds = event_conditions(f)
        if conds:
            q = q.where(and_(*conds))
        return q

    def list_events(self, f: EventFilter = EventFilter()) -> list[StoredEvent]:
        """Events matching ``f``, sorted and paginated (each with its article's source/title/url/published)."""
        e = t.events
        order = {
            "date": (e.c.date.asc(), e.c.id),
            "-date": (e.c.date.desc(), e.c.id),
            "confidence": (e.c.confidence.asc(), e.c.id),
            "-confidence": (e.c.confidence.desc(), e.c.id),
        }.get(f.sort, (e.c.date.asc(), e.c.id))
        q = self._event_query(f).order_by(*order).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [row_stored_event(r) for r in conn.execute(q)]

    def map_events(self, f: EventFilter = EventFilter()) -> list[MapEvent]:
        """The located events matching ``f`` as the map draws them: newest first (undated last), ``f.limit``
        from ``f.offset`` (``f.sort`` is ignored).

        Read from the table's columns plus the quantities inside ``data``, without rebuilding any Event: a
        tenth of the work of :meth:`list_events` for a map of 10,000 points (docs/performance.md, Map page).
        """
        e = t.events
        q = select(e.c.key, e.c.lat, e.c.lon, e.c.plover_type, e.c.status, e.c.date, e.c.date_end, e.c.location,
                   e.c.data["quantities"].label("quantities"))
        q = (q.where(e.c.lat.is_not(None), e.c.lon.is_not(None), *event_conditions(f))
             .order_by(e.c.date.desc().nulls_last(), e.c.id).limit(f.limit).offset(f.offset))
        with self.engine.connect() as conn:
            return [row_map_event(r) for r in conn.execute(q)]

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        q = select(func.count()).select_from(self._event_query(f).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def get_event(self, key: str) -> StoredEvent:
        """One event by its key (NotFound when no stored event has it)."""
        q = event_select().where(t.events.c.key == key)
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if row is None:
            raise NotFound(f"event {key!r}")
        return row_stored_event(row)

    def event_counts(self, by: str, f: EventFilter = EventFilter()) -> list[tuple[Any, int]]:
        """Event counts grouped by 'date', 'period', 'plover_type', 'acled_sub_event_type', 'admin1' or 'status'.

        'period' groups by the date at its own precision (see time/periods.py): a day, or "2023",
        "2022-04", "2023-W50" for events known only to that year, month or week.
        """
        if by not in GROUPS:
            raise StoreError(f"cannot group events by {by!r}", code="E902")
        sub = self._event_query(dataclasses.replace(f, limit=10**9, offset=0)).subquery()
        if by == "period":
            pairs = select(sub.c.date, sub.c.date_end, func.count()).group_by(sub.c.date, sub.c.date_end)
            counts: dict[str | None, int] = {}
            with self.engine.connect() as conn:
                for date, date_end, n in conn.execute(pairs):
                    key = iso_period(date, date_end)
                    counts[key] = counts.get(key, 0) + int(n)
            return sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))
        col = sub.c[by]
        q = select(col, func.count()).group_by(col).order_by(col)
        with self.engine.connect() as conn:
            return [(r[0], int(r[1])) for r in conn.execute(q)]

    def event_counts_by_article(self, article_ids: Sequence[str]) -> dict[str, int]:
        """How many events each of these articles has (articles with none are absent)."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in chunked(list(article_ids)):
                q = (select(t.events.c.article_id, func.count()).where(t.events.c.article_id.in_(chunk))
                     .group_by(t.events.c.article_id))
                out.update({r[0]: int(r[1]) for r in conn.execute(q)})
        return out

    def iter_events(self, batch: int = 1000) -> Iterator[StoredEvent]:
        """Every stored event, streamed in the order they were stored."""
        e = t.events
        last = 0
        while True:
            q = event_select().where(e.c.id > last).order_by(e.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield row_stored_event(r)
            last = rows[-1].id

    def read_events(
        self,
        *,
        article_ids: Sequence[str] | None = None,
        keys: Sequence[str] | None = None,
        window: tuple[dt.date, dt.date] | None = None,
        undated_lag_days: int = 0,
    ) -> list[StoredEvent]:
        """The events of some articles, of some keys, or dated in a window, in key order.

        With ``window`` (lo, hi): events whose [date, date_end] overlaps it, plus events whose article
        was published in [lo, hi + undated_lag_days] (an undated event is dated by its article).
        This is what incidents and control merge from.
        """
        if article_ids is not None and keys is not None:
            raise ValueError("read_events: give article_ids or keys, not both")
        e, a = t.events, t.articles
        q = event_select()
        conds: list[ColumnElement[bool]] = []
        if window is not None:
            lo, hi = window
            conds.append(or_(
                and_(e.c.date <= hi, func.coalesce(e.c.date_end, e.c.date) >= lo),
                and_(a.c.published >= lo, a.c.published <= hi + dt.timedelta(days=undated_lag_days)),
            ))
        if conds:
            q = q.where(and_(*conds))
        # Long id lists are read in chunks: SQLite and PostgreSQL bound the parameters of one statement.
        column, wanted = (e.c.article_id, article_ids) if article_ids is not None else (e.c.key, keys)
        queries = [q] if wanted is None else [q.where(column.in_(list(c))) for c in chunked(list(wanted))]
        with self.engine.connect() as conn:
            rows = [r for query in queries for r in conn.execute(query)]
        rows.sort(key=lambda r: r.key)
        return [row_stored_event(r) for r in rows]
