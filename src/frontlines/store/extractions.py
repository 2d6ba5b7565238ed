"""The store's extractions: an article's places, times, quantities, actors, quotes and events rows.

Writes are per-article transactions (or one transaction for a batch): an article
and all its extractions land together or not at all, and re-processing an article
replaces its extractions as a whole. The same transaction re-attaches the article's
reviews to its new events (reviews.py) and queues the article for the cross-article
update (updates.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, update

from frontlines.errors import StoreError
from frontlines.records import ArticleStatus, Extraction
from frontlines.store import schema as t
from frontlines.store.mapping import extraction_row, extraction_rows, row_dict, row_record, row_stages, rows_for
from frontlines.store.sql import chunked, escape_like
from frontlines.store.reviews import refresh_reviews
from frontlines.store.updates import queue_updates


class Extractions:
    """Saving and reading per-article extractions; a part of :class:`SqlStore`."""

    engine: Engine

    def save_extraction(self, extraction: Extraction) -> None:
        """Replace an article's extractions and mark it processed, in one transaction."""
        aid = extraction.article_id
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as conn:
            self._delete_extraction(conn, aid)
            for kind, table in t.EXTRACTION_TABLES.items():
                rows = rows_for(kind, aid, getattr(extraction, kind))
                if rows:
                    conn.execute(insert(table), rows)
            conn.execute(insert(t.extractions).values(**extraction_row(extraction, now)))
            refresh_reviews(conn, [aid])  # reviews re-attach to the article's new events
            queue_updates(conn, [aid], now)
            conn.execute(
                update(t.articles).where(t.articles.c.id == aid).values(
                    status=ArticleStatus.PROCESSED.value, skip_reason=None
                )
            )

    def save_extractions(self, extractions: Iterable[Extraction]) -> int:
        """Several articles' extractions; each article is its own transaction."""
        n = 0
        for ex in extractions:
            self.save_extraction(ex)
            n += 1
        return n

    def save_extractions_bulk(self, extractions: Sequence[Extraction]) -> int:
        """Several articles' extractions in ONE transaction, one multi-row insert per table.

        All or nothing: a crash leaves every article of the batch as it was (still
        pending), never half-written. Replaces earlier extractions of these articles.
        """
        if not extractions:
            return 0
        ids = [ex.article_id for ex in extractions]
        now = dt.datetime.now(dt.timezone.utc)
        rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in t.EXTRACTION_TABLES}
        for ex in extractions:
            for kind, kind_rows in extraction_rows(ex).items():
                rows[kind].extend(kind_rows)
        with self.engine.begin() as conn:
            for chunk in chunked(ids):  # bound the IN list
                for table in t.EXTRACTION_TABLES.values():
                    conn.execute(delete(table).where(table.c.article_id.in_(chunk)))
                conn.execute(delete(t.extractions).where(t.extractions.c.article_id.in_(chunk)))
            for kind, table in t.EXTRACTION_TABLES.items():
                if rows[kind]:
                    conn.execute(insert(table), rows[kind])
            conn.execute(insert(t.extractions), [extraction_row(ex, now) for ex in extractions])
            for chunk in chunked(ids):
                conn.execute(
                    update(t.articles).where(t.articles.c.id.in_(chunk)).values(
                        status=ArticleStatus.PROCESSED.value, skip_reason=None
                    )
                )
            refresh_reviews(conn, ids)  # reviews re-attach to the articles' new events
            queue_updates(conn, ids, now)
        return len(extractions)

    @staticmethod
    def _delete_extraction(conn: Connection, article_id: str) -> None:
        for table in t.EXTRACTION_TABLES.values():
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(delete(t.extractions).where(t.extractions.c.article_id == article_id))

    def get_extraction(self, article_id: str) -> Extraction:
        """An article's stored extractions, as records."""
        out: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for kind, table in t.EXTRACTION_TABLES.items():
                rows = conn.execute(
                    select(table.c.data).where(table.c.article_id == article_id).order_by(table.c.seq)
                ).all()
                out[kind] = tuple(row_record(kind, r.data) for r in rows)
            stages = conn.execute(
                select(t.extractions.c.stages).where(t.extractions.c.article_id == article_id)
            ).scalar()
        out["stages"] = row_stages(stages)
        return Extraction(article_id=article_id, **out)

    def stage_versions(self) -> Iterator[tuple[str, dict[str, str]]]:
        """Each processed article's id with the stage versions (name -> version) that produced its extractions."""
        q = select(t.extractions.c.article_id, t.extractions.c.stages).order_by(t.extractions.c.article_id)
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield row.article_id, {s.name: s.version for s in row_stages(row.stages)}

    def iter_extraction_rows(self, kind: str, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every stored row of one extraction kind (places, times, quantities, actors, quotes, events)."""
        table = t.EXTRACTION_TABLES[kind]
        last = 0
        while True:
            q = select(table).where(table.c.id > last).order_by(table.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield row_dict(r)
            last = rows[-1].id

    def query_extraction_rows(
        self,
        kind: str,
        *,
        by: Sequence[str] = (),
        equals: Mapping[str, Any] | None = None,
        contains: Mapping[str, str | None] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One extraction kind (places, actors, quotes, ...) filtered, paginated, with the total count.

        ``equals`` and ``contains`` (case-insensitive substring) name stored columns. Without ``by``
        the rows are mentions in article order, with the article's title/source/published; with
        ``by`` they are groups on those columns, each with ``mentions`` and ``articles`` counts,
        most mentioned first. Unknown columns raise StoreError(E902).
        """
        if kind not in t.EXTRACTION_TABLES:
            raise StoreError(f"unknown extraction kind {kind!r}", code="E902")
        table = t.EXTRACTION_TABLES[kind]
        for name in [*by, *(equals or {}), *(contains or {})]:
            if name not in table.c or name == "data":
                raise StoreError(f"{kind} have no column {name!r}", code="E902")
        conds = [table.c[k] == v for k, v in (equals or {}).items() if v is not None]
        conds += [table.c[k].ilike(f"%{escape_like(v)}%", escape="\\") for k, v in (contains or {}).items() if v]
        if by:
            cols = [table.c[b] for b in by]
            q = select(*cols, func.count().label("mentions"),
                       func.count(func.distinct(table.c.article_id)).label("articles"))
            q = q.where(and_(*conds)) if conds else q
            q = q.group_by(*cols)
            total_q = select(func.count()).select_from(q.subquery())
            q = q.order_by(func.count().desc(), *cols).limit(limit).offset(offset)
        else:
            a = t.articles
            q = select(table, a.c.title, a.c.source, a.c.published).join(a, a.c.id == table.c.article_id)
            q = q.where(and_(*conds)) if conds else q
            total_q = select(func.count()).select_from(q.subquery())
            q = q.order_by(a.c.published.desc(), table.c.article_id, table.c.seq).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            total = int(conn.execute(total_q).scalar() or 0)
            rows = [row_dict(r) for r in conn.execute(q)]
        return rows, total
