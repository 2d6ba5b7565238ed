"""Reading from the web: pages and feeds fetched by the Fetcher, read by the same readers as files.

A page goes through trafilatura (title, date, outlet, canonical URL); a feed
through feedparser (or the JSON Feed reader), one article per entry, with the
entry's page fetched when the entry carries only a summary. A failed page
fetch is kept as a Rejection with its code; the entry then falls back to its
summary, unless the failure may pass (a timeout, a 5xx) and the caller will try
again later (``retry``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from frontlines.errors import FetchError, IngestError
from frontlines.fetch import DOC_TYPES, FEED_TYPES, PAGE_TYPES, Fetched, Fetcher
from frontlines.ingest.feeds import FeedEntry, ParsedFeed, parse_feed
from frontlines.ingest.readers import Item, RawDoc, entry_doc, read_bytes, read_html, sniff_kind
from frontlines.records import Rejection

__all__ = ["EntryResult", "entry_item", "is_url", "read_url", "read_urls"]


def is_url(arg: str) -> bool:
    """An http(s) URL rather than a path."""
    return arg.lower().startswith(("http://", "https://"))


def reject(origin: str, exc: IngestError) -> Rejection:
    return Rejection(origin=origin, code=exc.code, message=exc.detail, at=dt.datetime.now(dt.timezone.utc))


def kind_of(got: Fetched) -> str:
    """The reader for a fetched body: by its content type, else by its bytes."""
    if got.content_type in PAGE_TYPES:
        return "html"
    if got.content_type in FEED_TYPES - {"application/json", "application/xml", "text/xml"}:
        return "feed"
    if got.content_type == "text/plain":
        return "text"
    return sniff_kind(got.body)


@dataclass(frozen=True, slots=True)
class EntryResult:
    """What a feed entry gave: an item to ingest (None: try again later), and its page's failure if any."""

    item: Item | None
    page_failure: Rejection | None = None

    @property
    def retry(self) -> bool:
        return self.item is None


async def entry_item(fetcher: Fetcher, entry: FeedEntry, *, origin: str, feed_title: str | None,
                     may_retry: bool = False) -> EntryResult:
    """The article of one feed entry: its own text, or its page when it carries only a summary.

    ``may_retry``: a transient page failure gives ``retry`` rather than the summary."""
    if not entry.only_summary or not entry.link:
        return EntryResult(next(iter(entry_doc(entry, origin, feed_title))))
    try:
        got = await fetcher.fetch(entry.link, accept=PAGE_TYPES)
    except FetchError as exc:
        if exc.transient and may_retry:
            return EntryResult(None, reject(entry.link, exc))
        return EntryResult(_summary(entry, origin, feed_title), reject(entry.link, exc))
    items = list(read_html(got.body, got.final_url, url=got.final_url, fallback_date=entry.published))
    page = items[0] if items else None
    if not isinstance(page, RawDoc):
        return EntryResult(_summary(entry, origin, feed_title), page if isinstance(page, Rejection) else None)
    return EntryResult(dataclasses.replace(
        page, title=page.title or entry.title, published=page.published or entry.published,
        source=page.source or feed_title, author=page.author or entry.author, url=page.url or got.final_url))


def _summary(entry: FeedEntry, origin: str, feed_title: str | None) -> Item:
    return next(iter(entry_doc(entry, origin, feed_title)))


async def read_feed_entries(fetcher: Fetcher, feed: ParsedFeed, origin: str) -> list[Item]:
    """Every entry of a fetched feed as an item, with page failures before the entries they concern."""
    results = await asyncio.gather(*(
        entry_item(fetcher, e, origin=f"{origin}#{i}", feed_title=feed.title)
        for i, e in enumerate(feed.entries)))
    out: list[Item] = []
    for r in results:
        if r.page_failure is not None:
            out.append(r.page_failure)
        if r.item is not None:
            out.append(r.item)
    return out


async def read_url(fetcher: Fetcher, url: str, *, max_bytes: int) -> list[Item]:
    """A page as one article, a feed as one per entry; a failure as one Rejection with its code."""
    try:
        got = await fetcher.fetch(url, accept=DOC_TYPES)
    except FetchError as exc:
        return [reject(url, exc)]
    kind = kind_of(got)
    if kind == "feed":
        try:
            feed = parse_feed(got.body)
        except IngestError as exc:
            return [reject(url, exc)]
        return await read_feed_entries(fetcher, feed, url)
    return list(read_bytes(got.body, got.final_url if kind == "html" else url, kind, max_bytes=max_bytes,
                           url=got.final_url))


async def read_urls(fetcher: Fetcher, urls: Iterable[str], *, max_bytes: int) -> list[Item]:
    """Every URL's items, fetched concurrently (within the Fetcher's bounds), in the order given."""
    per_url = await asyncio.gather(*(read_url(fetcher, u, max_bytes=max_bytes) for u in urls))
    return [item for items in per_url for item in items]
