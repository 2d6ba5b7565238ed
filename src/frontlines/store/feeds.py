"""The store's feeds: what the watcher polls, each feed's state, and the entries already ingested."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontlines.errors import NotFound
from frontlines.records import Feed
from frontlines.store import schema as t
from frontlines.store.mapping import FEED_STATE, entry_key_hash, feed_row, row_feed
from frontlines.store.sql import chunked


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Feeds:
    """Feeds and their entries; a part of :class:`SqlStore`."""

    engine: Engine

    def add_feed(self, feed: Feed) -> bool:
        """Add a feed to poll; False when its URL is already there (its state is kept)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.feeds).values(**feed_row(feed)))
            return True
        except IntegrityError:
            return False

    def remove_feed(self, url: str) -> bool:
        """Stop polling a feed (its entries' memory goes with it; its articles stay). False when unknown."""
        with self.engine.begin() as conn:
            ids = [r.id for r in conn.execute(select(t.feeds.c.id).where(t.feeds.c.url == url))]
            if not ids:
                return False
            conn.execute(delete(t.feed_entries).where(t.feed_entries.c.feed_id.in_(ids)))
            conn.execute(delete(t.feeds).where(t.feeds.c.id.in_(ids)))
            return True

    def list_feeds(self) -> list[Feed]:
        with self.engine.connect() as conn:
            return [row_feed(r) for r in conn.execute(select(t.feeds).order_by(t.feeds.c.id))]

    def get_feed(self, url: str) -> Feed:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.feeds).where(t.feeds.c.url == url)).first()
        if row is None:
            raise NotFound(f"feed {url!r}")
        return row_feed(row)

    def save_feed_state(self, feed: Feed) -> None:
        """Write a poll's outcome (status, validators, error, counts) to the feed's row."""
        values = {name: getattr(feed, name) for name in FEED_STATE}
        with self.engine.begin() as conn:
            conn.execute(update(t.feeds).where(t.feeds.c.url == feed.url).values(**values))

    # -- entries -------------------------------------------------------------------------
    def _feed_id(self, conn, url: str) -> int:  # noqa: ANN001
        fid = conn.execute(select(t.feeds.c.id).where(t.feeds.c.url == url)).scalar()
        if fid is None:
            raise NotFound(f"feed {url!r}")
        return int(fid)

    def feed_entry_tries(self, url: str, keys: Sequence[str]) -> dict[str, int | None]:
        """For each of these entry keys known to the feed: None when done, else the failed tries so far."""
        hashes = {entry_key_hash(k): k for k in keys}
        out: dict[str, int | None] = {}
        with self.engine.connect() as conn:
            fid = self._feed_id(conn, url)
            for chunk in chunked(list(hashes)):
                q = select(t.feed_entries.c.key_hash, t.feed_entries.c.done, t.feed_entries.c.tries).where(
                    t.feed_entries.c.feed_id == fid, t.feed_entries.c.key_hash.in_(list(chunk)))
                for r in conn.execute(q):
                    out[hashes[r.key_hash]] = None if r.done else int(r.tries)
        return out

    def record_feed_entries(self, url: str, done: Mapping[str, tuple[str | None, str | None]],
                            retry: Mapping[str, tuple[str | None, int]] = {}) -> None:  # noqa: B006 - read only
        """In one transaction: entries ``done`` (key -> (link, article id or None)), and entries to ``retry``
        (key -> (link, failed tries so far))."""
        now = _now()
        rows = [{"key_hash": entry_key_hash(k), "url": link, "article_id": aid, "done": True, "tries": 0,
                 "seen_at": now} for k, (link, aid) in done.items()]
        rows += [{"key_hash": entry_key_hash(k), "url": link, "article_id": None, "done": False, "tries": tries,
                  "seen_at": now} for k, (link, tries) in retry.items()]
        if not rows:
            return
        with self.engine.begin() as conn:
            fid = self._feed_id(conn, url)
            for chunk in chunked([r["key_hash"] for r in rows]):
                conn.execute(delete(t.feed_entries).where(t.feed_entries.c.feed_id == fid,
                                                          t.feed_entries.c.key_hash.in_(list(chunk))))
            conn.execute(insert(t.feed_entries), [{**r, "feed_id": fid} for r in rows])

    def article_ids_by_url(self, urls: Sequence[str]) -> dict[str, str]:
        """The stored article (the first by id) for each of these URLs that has one."""
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunked(sorted(set(urls))):
                q = select(t.articles.c.url, t.articles.c.id).where(t.articles.c.url.in_(list(chunk)))
                for r in conn.execute(q.order_by(t.articles.c.id)):
                    out.setdefault(r.url, r.id)
        return out
