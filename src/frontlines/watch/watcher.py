"""The Watcher: polls every feed in the store, ingests only new entries, processes them, keeps going.

One poll: every feed is fetched concurrently (within the Fetcher's bounds),
with a conditional GET from its stored ETag / Last-Modified. A feed's entries
already ingested are skipped (the store remembers each entry's key per feed),
as are entries whose link is already a stored article (from another feed);
the rest are read (the page fetched when an entry carries only a summary) and
stored through the Ingestor, so exact and near-duplicates are handled as for
files. Then the Runner processes every pending article and updates incidents
and control.

A feed that fails (slow, dead, malformed, a redirect loop, robots.txt) has its
failure recorded with its code in its state and as a rejection, and the poll
goes on. An entry whose page fetch failed for now (timeout, 5xx) is tried
again at the next polls (the feed's validators are dropped so its next answer
is complete), up to ``max_entry_tries``; then its summary is stored instead.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from frontlines.alerts import alerting_runner
from frontlines.errors import FetchError, FrontlinesError, IngestError
from frontlines.fetch import FEED_TYPES, Fetcher, FetchOptions
from frontlines.ingest import Ingestor, IngestReport
from frontlines.ingest.feeds import FeedEntry, parse_feed
from frontlines.ingest.readers import RawDoc
from frontlines.ingest.web import entry_item
from frontlines.records import Feed, Rejection
from frontlines.runner import Engine, Runner, RunReport
from frontlines.store.protocol import Store

MAX_ENTRY_TRIES = 3  # polls an entry's page fetch may fail transiently before its summary is stored


@dataclass(frozen=True, slots=True)
class FeedFailure:
    url: str
    code: str
    message: str


@dataclass(slots=True)
class PollReport:
    """One poll of the feeds: what was fetched, stored and processed."""

    feeds: int = 0  # polled
    not_modified: int = 0  # answered 304
    failed: int = 0  # feeds whose poll failed
    entries: int = 0  # new entries read
    articles: int = 0  # new articles stored
    duplicates: int = 0  # new entries that were articles already stored
    rejected: int = 0  # entries that became no article
    retry_later: int = 0  # entries whose page fetch failed for now
    page_failures: int = 0  # page fetches that failed (the entry's summary stored, or retried later)
    events: int = 0  # new events from processing
    processed: int = 0
    seconds: float = 0.0
    failures: list[FeedFailure] = field(default_factory=list)
    run: RunReport | None = None

    def line(self) -> str:
        """The progress line: feeds polled, new articles, new events."""
        parts = [f"{self.feeds} feeds polled ({self.not_modified} not modified, {self.failed} failed)",
                 f"{self.articles} new articles", f"{self.events} new events"]
        extra = []
        if self.duplicates:
            extra.append(f"{self.duplicates} already stored")
        if self.page_failures:
            extra.append(f"{self.page_failures} pages not fetched")
        if self.retry_later:
            extra.append(f"{self.retry_later} entries to try again")
        if self.run is not None and self.run.alerts:
            extra.append(f"{self.run.alerts} alerts sent")
        return ", ".join(parts) + (f" ({', '.join(extra)})" if extra else "") + f" in {self.seconds:.1f} s"


def add_feeds(store: Store, urls: Iterable[str | tuple[str, str | None]]) -> int:
    """Add feeds to the store (a URL, or a URL with a title); returns how many were new."""
    n = 0
    for u in urls:
        url, title = (u, None) if isinstance(u, str) else u
        n += store.add_feed(Feed(url=url, title=title, added_at=_now()))
    return n


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Watcher:
    """Polls the store's feeds with a Fetcher, stores what is new, processes it with a Runner.

    ``runner`` None: new articles are stored and left pending (``frontlines run`` processes them).
    """

    def __init__(self, store: Store, fetcher: Fetcher, *, runner: Runner | None = None,
                 ingestor: Ingestor | None = None, max_entry_tries: int = MAX_ENTRY_TRIES,
                 on_failure: Callable[[FeedFailure], None] | None = None) -> None:
        self.store = store
        self.fetcher = fetcher
        self.runner = runner
        self.ingestor = ingestor or Ingestor(store)
        self.max_entry_tries = max(1, max_entry_tries)
        self.on_failure = on_failure
        self.polls = 0

    # -- the schedule -------------------------------------------------------------------------------
    async def run(self, *, every: float, once: bool = False, stop: asyncio.Event | None = None,
                  on_poll: Callable[[PollReport], None] | None = None) -> list[PollReport]:
        """Poll now, then every ``every`` seconds (from the start of one poll to the next) until ``stop``."""
        stop = stop or asyncio.Event()
        reports: list[PollReport] = []
        while not stop.is_set():
            start = time.monotonic()
            report = await self.poll()
            if once:
                reports.append(report)
            if on_poll is not None:
                on_poll(report)
            if once:
                break
            wait = max(0.0, every - (time.monotonic() - start))
            try:
                await asyncio.wait_for(stop.wait(), timeout=wait)
            except TimeoutError:
                pass
        return reports

    async def poll(self) -> PollReport:
        """One poll of every feed in the store, then processing of what is new."""
        start = time.perf_counter()
        self.polls += 1
        report = PollReport()
        feeds = self.store.list_feeds()
        await asyncio.gather(*(self._poll_one(f, report) for f in feeds))
        report.feeds = len(feeds)
        if self.runner is not None:
            run = await asyncio.to_thread(self.runner.run)  # the loop stays free (serve --watch, stop signals)
            report.run, report.events, report.processed = run, run.events, run.processed
        report.seconds = time.perf_counter() - start
        return report

    # -- one feed -------------------------------------------------------------------------------------
    async def _poll_one(self, feed: Feed, report: PollReport) -> None:
        try:
            await self._poll_feed(feed, report)
        except FetchError as exc:
            self._failed(feed, exc.code, exc.detail, report)
        except IngestError as exc:
            self._failed(feed, exc.code, exc.detail, report)
        except Exception as exc:  # noqa: BLE001 - one feed never stops the watcher; its reason is kept
            code = exc.code if isinstance(exc, FrontlinesError) else "E122"
            self._failed(feed, code, f"{type(exc).__name__}: {exc}", report)

    async def _poll_feed(self, feed: Feed, report: PollReport) -> None:
        got = await self.fetcher.fetch(feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified)
        if got.not_modified:
            report.not_modified += 1
            self.store.save_feed_state(dataclasses.replace(
                feed, polled_at=_now(), status=304, error_code=None, error=None, failures=0))
            return
        parsed = parse_feed(got.body)
        entries = list({e.key: e for e in reversed(parsed.entries)}.values())[::-1]  # first of each key
        known = self.store.feed_entry_tries(feed.url, [e.key for e in entries])
        new = [e for e in entries if e.key not in known or known[e.key] is not None]
        stored_urls = self.store.article_ids_by_url([e.link for e in new if e.link])
        done: dict[str, tuple[str | None, str | None]] = {}
        retry: dict[str, tuple[str | None, int]] = {}
        for e in new:
            if e.link and e.link in stored_urls:
                done[e.key] = (e.link, stored_urls[e.link])
                report.duplicates += 1
        todo = [e for e in new if e.key not in done]
        ingested = IngestReport()
        results = await asyncio.gather(*(
            entry_item(self.fetcher, e, origin=f"{feed.url}#{e.key}", feed_title=parsed.title or feed.title,
                       may_retry=(known.get(e.key) or 0) + 1 < self.max_entry_tries) for e in todo))
        for entry, result in zip(todo, results, strict=True):
            if result.page_failure is not None:
                report.page_failures += 1
                self.store.add_rejection(result.page_failure)
            if result.item is None:
                retry[entry.key] = (entry.link, (known.get(entry.key) or 0) + 1)
                continue
            done[entry.key] = (entry.link, self._store_entry(entry, result.item, ingested, report))
        self.store.record_feed_entries(feed.url, done, retry)
        report.entries += len(todo)
        report.articles += ingested.stored
        report.duplicates += ingested.duplicates
        report.rejected += ingested.rejected
        report.retry_later += len(retry)
        self.store.save_feed_state(dataclasses.replace(
            feed, title=feed.title or parsed.title, polled_at=_now(), status=got.status,
            etag=None if retry else got.etag, last_modified=None if retry else got.last_modified,
            error_code=None, error=None, failures=0, entries_seen=feed.entries_seen + len(done),
            articles=feed.articles + ingested.stored, new_at=_now() if ingested.stored else feed.new_at))

    def _store_entry(self, entry: FeedEntry, item: RawDoc | Rejection, ingested: IngestReport,
                     report: PollReport) -> str | None:
        """Ingest one entry's item; the id of its article (or of the one stored already under its URL)."""
        if isinstance(item, RawDoc) and item.url and item.url != entry.link:
            # the page's canonical URL may be an article another feed brought already
            same = self.store.article_ids_by_url([item.url])
            if same:
                report.duplicates += 1
                return same[item.url]
        return self.ingestor.store_item(item, ingested)[1]

    def _failed(self, feed: Feed, code: str, message: str, report: PollReport) -> None:
        failure = FeedFailure(feed.url, code, message)
        report.failed += 1
        report.failures.append(failure)
        self.store.add_rejection(Rejection(origin=feed.url, code=code, message=message, at=_now()))
        self.store.save_feed_state(dataclasses.replace(
            feed, polled_at=_now(), status=None, error_code=code, error=message, failures=feed.failures + 1))
        if self.on_failure is not None:
            self.on_failure(failure)


def watch_feeds(store: Store, settings: Any, *, engine: Engine | None, every: float, once: bool = False,
                on_poll: Callable[[PollReport], None] | None = None,
                on_failure: Callable[[FeedFailure], None] | None = None,
                stop: threading.Event | None = None) -> list[PollReport]:
    """Run the watcher over the store's feeds until ``stop`` is set (or after one poll with ``once``).

    ``engine`` None: new articles are stored pending, not processed. Returns the poll with ``once``.
    """
    runner = alerting_runner(store, engine, settings, batch_size=settings.batch_size) if engine is not None else None

    async def main() -> list[PollReport]:
        done = asyncio.Event()
        if stop is not None:  # a thread's stop (serve --watch) wakes the loop
            loop = asyncio.get_running_loop()
            threading.Thread(target=lambda: (stop.wait(), loop.call_soon_threadsafe(done.set)),
                             daemon=True).start()
        async with Fetcher(FetchOptions.from_settings(settings)) as fetcher:
            watcher = Watcher(store, fetcher, runner=runner, on_failure=on_failure)
            return await watcher.run(every=every, once=once, stop=done, on_poll=on_poll)

    return asyncio.run(main())
