"""Run the pipeline over the store's pending articles, in this process or a process pool.

Each batch's extractions are written in one transaction by this (parent)
process, so an interrupted run leaves no half-stored article (a batch is
stored whole or stays pending) and a rerun finishes the rest. Workers load the model and gazetteer once, in their
initialiser.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from frontlines.pipeline import Failure, Resources, build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import Article, ArticleStatus, Extraction, Rejection

if TYPE_CHECKING:
    from frontlines.store.protocol import Store


@dataclass(slots=True)
class RunReport:
    processed: int = 0
    failed: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: int = 0  # sharded inputs: stored but not processed (language, near-duplicate)
    rejected: int = 0  # sharded inputs: unreadable records or shards, kept as rejections
    update_seconds: float = 0.0  # the cross-article update after the run (incidents, control), not in seconds
    failures: list[Failure] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


Progress = Callable[[int, int], None]  # (done, total)
UpdateStarts = Callable[[int], None]  # (articles): the incidents and control update begins

_WORKER: dict[str, Any] = {}


def _init_worker(settings: Any) -> None:
    _WORKER["resources"] = load_resources(settings)
    _WORKER["chain"] = build_pipeline(default_stages())


def _work(articles: list[Article]) -> list[tuple[Article, Extraction | Failure]]:
    return list(process_batch(articles, _WORKER["resources"], _WORKER["chain"]))


def chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


class ResultSink:
    """Writes an engine's results to the store and keeps the counts (shared by every engine).

    The extractions of one batch of results are saved in one transaction (a multi-row
    insert per table); a failure is kept as a rejection with its reason and the article
    is marked failed.
    """

    def __init__(self, store: Store, total: int, on_progress: Progress | None = None,
                 on_update: UpdateStarts | None = None) -> None:
        self.store = store
        self.total = total
        self.on_progress = on_progress
        self.on_update = on_update
        self.report = RunReport()
        self.saved: list[str] = []
        if on_progress:
            on_progress(0, total)

    def fail(self, failure: Failure, words: int = 0) -> None:
        self.store.set_status(failure.article_id, ArticleStatus.FAILED, f"[{failure.code}] {failure.message}")
        self.store.add_rejection(Rejection(origin=f"article {failure.article_id}", code=failure.code,
                                           message=failure.message))
        self.report.failed += 1
        self.report.failures.append(failure)
        self.report.words += words

    def add(self, results: list[tuple[Article, Extraction | Failure]]) -> None:
        ok: list[Extraction] = []
        for article, result in results:
            words = len(article.text.split())
            if isinstance(result, Failure):
                self.fail(result, words)
                continue
            ok.append(result)
            self.report.events += len(result.events)
            self.report.words += words
        self.store.save_extractions_bulk(ok)
        self.saved.extend(ex.article_id for ex in ok)
        self.report.processed += len(ok)
        self.progress()

    def progress(self) -> None:
        if self.on_progress:
            self.on_progress(self.report.processed + self.report.failed, self.total)

    def finish(self, seconds: float) -> RunReport:
        """Record the time and run the cross-article stages (incidents, control) over what was saved."""
        self.report.seconds = seconds
        update_after(self.store, self.saved, self.report, self.on_update)
        return self.report


def update_after(store: Store, saved: Sequence[str], report: RunReport, on_update: UpdateStarts | None = None) -> None:
    """Update incidents and control for the saved articles; the time goes to ``report.update_seconds``."""
    if not saved:
        return
    from frontlines.incidents import update_after_run

    if on_update:
        on_update(len(saved))
    start = time.perf_counter()
    update_after_run(store, saved)
    report.update_seconds = time.perf_counter() - start


def pending(store: Store, limit: int | None) -> list[str]:
    """Ids of the articles still to process, at most ``limit``."""
    ids = store.pending_ids()
    return ids if limit is None else ids[:limit]


def run_pending(
    store: Store,
    settings: Any,
    *,
    workers: int = 1,
    resources: Resources | None = None,
    limit: int | None = None,
    on_progress: Progress | None = None,
    on_update: UpdateStarts | None = None,
) -> RunReport:
    """Process every pending article in the store; returns counts and the speed."""
    ids = pending(store, limit)
    sink = ResultSink(store, len(ids), on_progress, on_update)
    if not ids:
        return sink.report
    start = time.perf_counter()
    batches = chunks(ids, max(1, settings.batch_size))
    if workers <= 1:
        res = resources or load_resources(settings)
        chain = build_pipeline(default_stages())
        for batch in batches:
            sink.add(list(process_batch(store.get_articles(batch), res, chain)))
    else:
        ctx = mp.get_context("spawn")  # fork after loading torch/spaCy threads is unsafe
        with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
            for results in pool.imap_unordered(_work, (store.get_articles(b) for b in batches)):
                sink.add(results)
    # the cross-article update is not part of the timed pipeline throughput
    return sink.finish(time.perf_counter() - start)
