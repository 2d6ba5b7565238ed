"""The store's articles and rejected inputs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from frontlines.errors import NotFound
from frontlines.records import Article, ArticleStatus, Rejection
from frontlines.store import schema as t
from frontlines.store.filters import ArticleFilter
from frontlines.store.mapping import article_row, rejection_row, row_article, row_rejection
from frontlines.store.sql import chunked, escape_like


class Articles:
    """Articles (with their status and near-duplicate signature) and rejections; a part of :class:`SqlStore`."""

    engine: Engine

    # -- articles ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None

    def add_article(self, article: Article, *, signature: bytes | None = None) -> bool:
        """Insert one article; False when an article with the same id is already stored."""
        try:
            with self.engine.begin() as conn:
                # parameters rather than .values(): one compiled statement, cached, for every article
                conn.execute(insert(t.articles), article_row(article, signature=signature))
            return True
        except IntegrityError:
            return False

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, MinHash signature) of every stored original (for rebuilding the LSH index)."""
        q = select(t.articles.c.id, t.articles.c.signature).where(
            t.articles.c.signature.is_not(None), t.articles.c.duplicate_of.is_(None)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield row.id, row.signature

    def get_article(self, article_id: str) -> Article:
        """One article by id, or by an unambiguous id prefix."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.articles).where(t.articles.c.id.like(f"{escape_like(article_id)}%", escape="\\")).limit(2)
            ).all()
        exact = [r for r in rows if r.id == article_id]
        if exact:
            return row_article(exact[0])
        if len(rows) != 1:
            raise NotFound(f"article {article_id!r}" + (" (ambiguous prefix)" if rows else ""))
        return row_article(rows[0])

    def list_articles(self, f: ArticleFilter = ArticleFilter()) -> list[Article]:
        q = select(t.articles)
        if f.status:
            q = q.where(t.articles.c.status == f.status)
        if f.source:
            q = q.where(t.articles.c.source == f.source)
        if f.since:
            q = q.where(t.articles.c.published >= f.since)
        if f.until:
            q = q.where(t.articles.c.published <= f.until)
        if f.text:
            like = f"%{escape_like(f.text)}%"
            q = q.where(or_(t.articles.c.title.ilike(like, escape="\\"), t.articles.c.text.ilike(like, escape="\\")))
        q = q.order_by(t.articles.c.published.desc(), t.articles.c.id).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [row_article(r) for r in conn.execute(q)]

    def iter_articles(self, *, status: str | None = None, batch: int = 500) -> Iterator[Article]:
        """Every article (optionally of one status), streamed in id order."""
        last = ""
        while True:
            q = select(t.articles).where(t.articles.c.id > last)
            if status:
                q = q.where(t.articles.c.status == status)
            q = q.order_by(t.articles.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield row_article(r)
            last = rows[-1].id

    def pending_ids(self) -> list[str]:
        q = select(t.articles.c.id).where(t.articles.c.status == ArticleStatus.PENDING.value).order_by(t.articles.c.id)
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(q)]

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        if not ids:
            return []
        with self.engine.connect() as conn:
            rows = {r.id: r for chunk in chunked(list(ids))
                    for r in conn.execute(select(t.articles).where(t.articles.c.id.in_(list(chunk))))}
        return [row_article(rows[i]) for i in ids if i in rows]

    def set_status(self, article_id: str, status: ArticleStatus, reason: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.articles).where(t.articles.c.id == article_id).values(status=status.value, skip_reason=reason)
            )

    def reset_status(self, *, from_status: str | None = None) -> int:
        """Mark articles pending again (all processed/failed ones, or one status), for a re-run."""
        q = update(t.articles).where(t.articles.c.status != ArticleStatus.SKIPPED.value)
        if from_status:
            q = q.where(t.articles.c.status == from_status)
        with self.engine.begin() as conn:
            return conn.execute(q.values(status=ArticleStatus.PENDING.value, skip_reason=None)).rowcount

    # -- rejections ---------------------------------------------------------
    def add_rejection(self, rej: Rejection) -> bool:
        """Keep a rejected input; the same origin+code+message is stored once."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.rejections).values(**rejection_row(rej)))
            return True
        except IntegrityError:
            return False

    def list_rejections(self, limit: int = 100) -> list[Rejection]:
        q = select(t.rejections).order_by(t.rejections.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [row_rejection(r) for r in conn.execute(q)]
