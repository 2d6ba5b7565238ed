"""The store's events: filtered lists, counts, one event, and the reads incidents and control merge from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import DateTime, Engine, Select, String, and_, cast, exists, func, null, or_, select, union_all

from frontlines.errors import NotFound, StoreError
from frontlines.store import schema as t
from frontlines.store.filters import EventFilter
from frontlines.records import MapEvent, StoredEvent
from frontlines.store.mapping import row_map_event, row_stored_event
from frontlines.store.sql import chunked, escape_like, in_bbox
from frontlines.time.periods import iso_period

GROUPS = frozenset({"date", "period", "plover_type", "acled_sub_event_type", "admin1", "status", "country"})


def event_select() -> Select[Any]:
    """Machine events joined with their article's source, title, url and published date (reviews not applied)."""
    e, a = t.events, t.articles
    return select(e, a.c.source, a.c.title, a.c.url, a.c.published).join(a, a.c.id == e.c.article_id)


MACHINE, REVIEWED = "machine", "reviewed"


def _columns(src: str) -> dict[str, Any]:
    """Name -> column of one half of the reviewed view: machine events without a review, or reviewed events."""
    e, o = t.events, t.reviewed_events
    cols: dict[str, Any] = {name: e.c[name] for name in ("id", "article_id", "seq", "start", "end")}
    if src == MACHINE:
        cols["key"] = e.c.key
        cols.update((name, e.c[name]) for name in t.LISTING_COLUMNS)
        cols["verdict"] = cast(null(), String(16)).label("verdict")
        cols["reviewer"] = cast(null(), String(64)).label("reviewer")
        cols["reviewed_at"] = cast(null(), DateTime(timezone=True)).label("reviewed_at")
    else:
        cols["key"] = o.c.key
        cols.update((name, o.c[name]) for name in t.LISTING_COLUMNS)
        cols.update(verdict=o.c.verdict, reviewer=o.c.reviewer, reviewed_at=o.c.reviewed_at)
    return cols


def event_conditions(f: EventFilter, src: str = MACHINE) -> list[Any]:
    """The WHERE conditions of one filter (its sort, limit and offset aside) on the machine events
    (``src`` MACHINE) or on the reviewed events (REVIEWED), whose listing columns hold the reviewed values."""
    c = _columns(src)
    conds = []
    if f.plover_type:
        conds.append(c["plover_type"] == f.plover_type.upper())
    if f.acled_type:
        conds.append(or_(c["acled_event_type"] == f.acled_type, c["acled_sub_event_type"] == f.acled_type))
    if f.actor:
        like = f"%{escape_like(f.actor)}%"
        conds.append(or_(c["actor1"].ilike(like, escape="\\"), c["actor2"].ilike(like, escape="\\")))
    if f.country:
        conds.append(c["country"] == f.country.upper())
    if f.side:
        conds.append(or_(c["actor1_country"] == f.side.upper(), c["actor2_country"] == f.side.upper()))
    if f.place:
        conds.append(c["location"].ilike(f"%{escape_like(f.place)}%", escape="\\"))
    if f.status:
        conds.append(c["status"] == f.status)
    if src == MACHINE:
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
            conds.append(c["id"].in_(select(box.c.id).where(and_(*in_box))))
    else:  # reviewed events are few (one per reviewed event): matched directly
        if f.since:
            conds.append(c["date"] >= f.since)
        if f.until:
            conds.append(c["date"] <= f.until)
        if f.bbox:
            conds.append(in_bbox(c["lat"], c["lon"], f.bbox))
    if f.text:
        conds.append(c["text"].ilike(f"%{escape_like(f.text)}%", escape="\\"))
    if f.article_id:
        conds.append(c["article_id"] == f.article_id)
    return conds


def halves(f: EventFilter) -> list[str]:
    """Which halves of the reviewed view a filter reads: unreviewed events only, reviewed only, or both."""
    if f.review == "unreviewed":
        return [MACHINE]
    if f.review:
        return [REVIEWED]
    return [MACHINE, REVIEWED]


def view_select(src: str, f: EventFilter | None, *, extra: Sequence[Callable[[dict[str, Any]], Any]] = (),
                include_rejected: bool = False, machine_data: bool = False) -> Select[Any]:
    """One half of the reviewed view, with the article's source, title, url and published date.

    The machine half holds the events no review touches; the reviewed half holds each reviewed
    event as its reviews say it is (rejected ones only with ``include_rejected`` or
    ``f.review == "rejected"``). Both halves have the same columns, so a read is their UNION ALL.
    ``extra``: more conditions, each made from the half's name -> column mapping.
    """
    e, o, a = t.events, t.reviewed_events, t.articles
    c = _columns(src)
    cols = [c[name].label(name) if src == REVIEWED or name in ("verdict", "reviewer", "reviewed_at") else c[name]
            for name in VIEW_COLUMNS]
    if machine_data:
        cols.append(e.c.data.label("machine_data"))
    q = select(*cols, a.c.source, a.c.title, a.c.url, a.c.published)
    if src == MACHINE:
        q = q.select_from(e.join(a, a.c.id == e.c.article_id)).where(~exists().where(o.c.key == e.c.key))
    else:
        q = q.select_from(o.join(e, e.c.key == o.c.key).join(a, a.c.id == e.c.article_id))
        verdict = f.review if f is not None and f.review not in (None, "reviewed", "unreviewed") else None
        if verdict:
            q = q.where(o.c.verdict == verdict)
        elif not include_rejected and not (f is not None and f.include_rejected):
            q = q.where(o.c.verdict != "rejected")
    conds = event_conditions(f, src) if f is not None else []
    conds += [make(c) for make in extra]
    return q.where(and_(*conds)) if conds else q


VIEW_COLUMNS = ("id", "article_id", "seq", "start", "end", "key", *t.LISTING_COLUMNS,
                "verdict", "reviewer", "reviewed_at")
SORTS = {"id": ("id", False), "date": ("date", False), "-date": ("date", True), "confidence": ("confidence", False),
         "-confidence": ("confidence", True)}


def _sorted(q: Select[Any], column: str, desc: bool) -> Select[Any]:
    col = q.selected_columns[column]
    return q.order_by(col.desc() if desc else col.asc(), q.selected_columns["id"])


def read_view(f: EventFilter | None, *, sort: str = "date", limit: int | None = None, offset: int = 0,
              extra: Sequence[Callable[[dict[str, Any]], Any]] = (), include_rejected: bool = False,
              machine_data: bool = False) -> Select[Any]:
    """The reviewed view of events for one filter, sorted and paginated, as one query.

    Each half is sorted and cut to ``offset + limit`` rows on its own (the machine half walks the
    events' indexes as before), then the halves are merged: a page costs the same with reviews.
    """
    column, desc = SORTS.get(sort, SORTS["date"])
    srcs = halves(f) if f is not None else [MACHINE, REVIEWED]
    parts = [view_select(src, f, extra=extra, include_rejected=include_rejected, machine_data=machine_data)
             for src in srcs]
    if len(parts) == 1:
        q = _sorted(parts[0], column, desc)
        return q.limit(limit).offset(offset) if limit is not None else q
    if limit is not None:
        parts = [_sorted(p, column, desc).limit(offset + limit) for p in parts]
    u = union_all(*[select(p.subquery()) for p in parts]).subquery("view")
    q = select(u)
    q = _sorted(q, column, desc)
    return q.limit(limit).offset(offset) if limit is not None else q


def _map_half(src: str, f: EventFilter) -> Select[Any]:
    """One half of the reviewed view with only what a map marker needs (no JSON but the quantities)."""
    e, o = t.events, t.reviewed_events
    c = _columns(src)
    table = e if src == MACHINE else o
    q = select(c["id"].label("id"), c["key"].label("key"),
               *(c[name].label(name) for name in ("lat", "lon", "plover_type", "status", "date", "date_end",
                                                  "location", "verdict")),
               table.c.data["quantities"].label("quantities"))
    if src == MACHINE:
        q = q.select_from(e).where(~exists().where(o.c.key == e.c.key))
    else:
        q = q.select_from(o.join(e, e.c.key == o.c.key))
        verdict = f.review if f.review not in (None, "reviewed", "unreviewed") else None
        q = q.where(o.c.verdict == verdict) if verdict else (
            q if f.include_rejected else q.where(o.c.verdict != "rejected"))
    return q.where(c["lat"].is_not(None), c["lon"].is_not(None), *event_conditions(f, src))


def _after(last: int) -> Callable[[dict[str, Any]], Any]:
    return lambda c: c["id"] > last


def _one_of(column: str, values: Sequence[Any]) -> Callable[[dict[str, Any]], Any]:
    chosen = list(values)
    return lambda c: c[column].in_(chosen)


class Events:
    """Reading stored events, with analysts' reviews applied (see reviews.py); a part of :class:`SqlStore`.

    Events are written with their article's extractions. Every read here goes through the reviewed
    view: a reviewed event is read as its reviews say it is, a rejected one is left out unless asked
    for, and the machine's own row is never changed.
    """

    engine: Engine

    def list_events(self, f: EventFilter = EventFilter()) -> list[StoredEvent]:
        """Events matching ``f``, sorted and paginated (each with its article's source/title/url/published)."""
        q = read_view(f, sort=f.sort, limit=f.limit, offset=f.offset)
        with self.engine.connect() as conn:
            return [row_stored_event(r) for r in conn.execute(q)]

    def map_events(self, f: EventFilter = EventFilter()) -> list[MapEvent]:
        """The located events matching ``f`` as the map draws them: newest first (undated last), ``f.limit``
        from ``f.offset`` (``f.sort`` is ignored).

        Read from the table's columns plus the quantities inside ``data``, without rebuilding any Event: a
        tenth of the work of :meth:`list_events` for a map of 10,000 points (docs/performance.md, Map page).
        Reviewed like every read: a corrected event is drawn as corrected, a rejected one not at all.
        """
        parts = [_map_half(src, f) for src in halves(f)]
        u = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("markers")
        q = select(u).order_by(u.c.date.desc().nulls_last(), u.c.id).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [row_map_event(r) for r in conn.execute(q)]

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        """How many events match ``f`` (its sort, limit and offset ignored)."""
        parts = [view_select(src, f) for src in halves(f)]
        with self.engine.connect() as conn:
            return sum(int(conn.execute(select(func.count()).select_from(p.subquery())).scalar() or 0)
                       for p in parts)

    def get_event(self, key: str) -> StoredEvent:
        """One event by its key, reviewed (a rejected one too, with its verdict); NotFound when none has it."""
        q = read_view(None, include_rejected=True, machine_data=True, extra=[lambda c: c["key"] == key])
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
        sub = union_all(*[view_select(src, f) for src in halves(f)]).subquery()
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
        """How many events (machine-coded, reviews aside) each of these articles has (articles with none are absent)."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in chunked(list(article_ids)):
                q = (select(t.events.c.article_id, func.count()).where(t.events.c.article_id.in_(chunk))
                     .group_by(t.events.c.article_id))
                out.update({r[0]: int(r[1]) for r in conn.execute(q)})
        return out

    def iter_events(self, batch: int = 1000, *, include_rejected: bool = False) -> Iterator[StoredEvent]:
        """Every stored event (rejected ones only with ``include_rejected``), streamed in the order stored."""
        last = 0
        while True:
            q = read_view(None, sort="id", limit=batch, include_rejected=include_rejected,
                          extra=[_after(last)])
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
        """The events of some articles, of some keys, or dated in a window, in key order, reviewed
        (rejected events left out: incidents and control never see them).

        With ``window`` (lo, hi): events whose [date, date_end] overlaps it, plus events whose article
        was published in [lo, hi + undated_lag_days] (an undated event is dated by its article).
        This is what incidents and control merge from.
        """
        if article_ids is not None and keys is not None:
            raise ValueError("read_events: give article_ids or keys, not both")
        a = t.articles
        extra: list[Callable[[dict[str, Any]], Any]] = []
        if window is not None:
            lo, hi = window
            extra.append(lambda c: or_(
                and_(c["date"] <= hi, func.coalesce(c["date_end"], c["date"]) >= lo),
                and_(a.c.published >= lo, a.c.published <= hi + dt.timedelta(days=undated_lag_days)),
            ))
        # Long id lists are read in chunks: SQLite and PostgreSQL bound the parameters of one statement.
        column, wanted = ("article_id", article_ids) if article_ids is not None else ("key", keys)
        if wanted is None:
            queries = [read_view(None, extra=extra)]
        else:
            queries = [read_view(None, extra=[*extra, _one_of(column, chunk)]) for chunk in chunked(list(wanted))]
        with self.engine.connect() as conn:
            rows = [r for query in queries for r in conn.execute(query)]
        rows.sort(key=lambda r: r.key)
        return [row_stored_event(r) for r in rows]
