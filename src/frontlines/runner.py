"""One Runner for every way articles get processed: ingest -> process -> after-run.

``frontlines run`` (one process or a process pool), Dask and the API all go
through :class:`Runner`. An engine only maps the pipeline over batches of
articles (:class:`Engine`); the Runner decides what to process, writes each
batch's extractions in one transaction (which also queues the batch for the
cross-article update), records failures with their reason, and then runs the
after-run step: incidents, then control, for everything queued.

Crash safety: the queue of articles whose incidents and control are still to
update lives in the store, written in the same transaction as the
extractions. :meth:`Runner.recover` drains it before anything else (``run``
and ``serve`` call it first), and draining is idempotent, so a process killed
at any point leaves a store that the next run completes to exactly what a
clean run gives.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from frontlines.pipeline import Failure
from frontlines.records import Article, ArticleStatus, Extraction, IncidentReview, Rejection, Review

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

Result = tuple[Article, Extraction | Failure]
Progress = Callable[[int, int], None]  # (done, total)
UpdateStarts = Callable[[int], None]  # (articles): the incidents and control update begins
AfterStep = Callable[[Sequence[str]], int]  # (articles of a step, merged): returns alerts sent (frontlines.alerts)

# Articles merged into incidents and control per step of the after-run update: the queue is
# cleared after each step, so a crash in a long update loses at most one step's work.
UPDATE_STEP = 500


class Engine(Protocol):
    """Where the pipeline runs: maps ``process_batch`` over batches of articles.

    Yields one list of results per batch, in any order; an engine turns a batch
    that crashed its worker into one :class:`Failure` per article, so the Runner
    sees every article exactly once.
    """

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]: ...


@dataclass(slots=True)
class RunReport:
    processed: int = 0
    failed: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: int = 0  # sharded inputs: stored but not processed (language, near-duplicate)
    rejected: int = 0  # sharded inputs: unreadable records or shards, kept as rejections
    update_seconds: float = 0.0  # the cross-article update (incidents, control), not in seconds
    updated: int = 0  # articles merged into incidents and control by the after-run step
    recovered: int = 0  # of those, left queued by an earlier run that stopped
    alerts: int = 0  # alert objects sent by the after-run step (frontlines.alerts)
    failures: list[Failure] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"processed": self.processed, "failed": self.failed, "events": self.events,
                "words": self.words, "seconds": round(self.seconds, 2), "skipped": self.skipped,
                "rejected": self.rejected, "words_per_second": round(self.words_per_second),
                "update_seconds": round(self.update_seconds, 2), "updated": self.updated,
                "recovered": self.recovered, "alerts": self.alerts}


def chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def fail(store: Store, failure: Failure) -> None:
    """Keep a failed article's reason: the article is marked failed and a rejection is stored."""
    store.set_status(failure.article_id, ArticleStatus.FAILED, f"[{failure.code}] {failure.message}")
    store.add_rejection(Rejection(origin=f"article {failure.article_id}", code=failure.code,
                                  message=failure.message))


class Runner:
    """Processes a store's articles through an engine and keeps the cross-article state current.

    ``engine`` may be None for a Runner that only drains the update queue
    (``serve`` at start-up, ``incidents`` commands). ``after_step``: called with each step's articles
    once their incidents and control are stored, before they leave the queue (alerts: a Runner that
    sends them is built by frontlines.alerts.alerting_runner).
    """

    def __init__(
        self,
        store: Store,
        engine: Engine | None = None,
        *,
        batch_size: int = 64,
        on_progress: Progress | None = None,
        on_update: UpdateStarts | None = None,
        after_step: AfterStep | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.batch_size = max(1, batch_size)
        self.on_progress = on_progress
        self.on_update = on_update
        self.after_step = after_step

    # -- choosing what to process ----------------------------------------------------------
    def pending(self, limit: int | None = None) -> list[str]:
        """Ids of the articles still to process, at most ``limit``."""
        ids = self.store.pending_ids()
        return ids if limit is None else ids[:limit]

    def mark_stale(self, versions: Mapping[str, str]) -> list[str]:
        """Set back to pending every processed article whose stage versions differ from ``versions``.

        ``versions``: the current chain's stage name -> version. Returns the ids marked.
        """
        stale = [aid for aid, stored in self.store.stage_versions() if dict(stored) != dict(versions)]
        for aid in stale:
            self.store.set_status(aid, ArticleStatus.PENDING, None)
        return stale

    # -- the run -------------------------------------------------------------------------------
    def run(self, ids: Sequence[str] | None = None, *, limit: int | None = None) -> RunReport:
        """Finish any queued update, process ``ids`` (default: every pending article), update after."""
        report = RunReport()
        self.recover(report)
        todo = list(ids) if ids is not None else self.pending(limit)
        self.process(todo, report)
        self.after_run(report)
        return report

    def process(self, ids: Sequence[str], report: RunReport) -> RunReport:
        """Run the engine over these articles; each batch's results are stored in one transaction."""
        total = len(ids)
        self._progress(report, total)
        if not ids:
            return report
        if self.engine is None:
            raise RuntimeError("this Runner has no engine")
        start = time.perf_counter()
        batches = (self.store.get_articles(b) for b in chunks(list(ids), self.batch_size))
        for results in self.engine.map(batches):
            self.save(results, report)
            self._progress(report, total)
        report.seconds += time.perf_counter() - start
        return report

    def save(self, results: Sequence[Result], report: RunReport) -> list[str]:
        """Store one batch's results: the extractions in one transaction (queued for the update),
        each failure as a failed article with a rejection. Returns the ids saved."""
        ok: list[Extraction] = []
        for article, result in results:
            report.words += len(article.text.split())
            if isinstance(result, Failure):
                fail(self.store, result)
                report.failed += 1
                report.failures.append(result)
                continue
            ok.append(result)
            report.events += len(result.events)
        self.store.save_extractions_bulk(ok)
        report.processed += len(ok)
        return [ex.article_id for ex in ok]

    # -- the cross-article update --------------------------------------------------------------
    def recover(self, report: RunReport | None = None) -> int:
        """Finish the update an earlier run left queued (it stopped or was killed); returns how many."""
        report = report if report is not None else RunReport()
        n = self.after_run(report)
        report.recovered += n
        return n

    def after_run(self, report: RunReport | None = None) -> int:
        """Drain the update queue: incidents, then control, for the queued articles, a step at a time.

        Idempotent: the articles of a step leave the queue only once both are stored, and
        updating them again gives the same incidents and control changes.
        """
        from frontlines.control import update_after_run

        report = report if report is not None else RunReport()
        total = self.store.count_pending_updates()
        if not total:
            return 0
        if self.on_update:
            self.on_update(total)
        start = time.perf_counter()
        done = 0
        while True:
            step = self.store.pending_update_ids(limit=UPDATE_STEP)
            if not step:
                break
            update_after_run(self.store, step)
            if self.after_step is not None:
                report.alerts += self.after_step(step)
            self.store.clear_pending_updates(step)
            done += len(step)
        report.update_seconds += time.perf_counter() - start
        report.updated += done
        return done

    # -- analysts' reviews ---------------------------------------------------------------------
    def review(self, review: Review) -> Review:
        """Store a review, then bring incidents and control up to date with it (a rejected event leaves
        its incident; a corrected one is merged as corrected): the store queues the event's article in
        the review's own transaction, and the after-run step re-merges it like a re-processed article."""
        stored = self.store.add_review(review)
        self.after_run()
        return stored

    def review_incidents(self, review: IncidentReview) -> IncidentReview:
        """Store a merge or split of incidents, then merge the incidents of its events again with it
        honoured (the store queues their articles in the review's own transaction)."""
        stored = self.store.add_incident_review(review)
        self.after_run()
        return stored

    def _progress(self, report: RunReport, total: int) -> None:
        if self.on_progress:
            self.on_progress(report.processed + report.failed, total)
