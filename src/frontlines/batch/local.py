"""Run the pipeline over the store's pending articles, in this process or a process pool.

Each article's extractions are written in one transaction by this (parent)
process, so an interrupted run leaves no half-stored article and a rerun
finishes the rest. Workers load the model and gazetteer once, in their
initialiser.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontlines.pipeline import Failure, Resources, build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import Article, ArticleStatus, Extraction, Rejection


@dataclass(slots=True)
class RunReport:
    processed: int = 0
    failed: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: int = 0  # sharded inputs: stored but not processed (language, near-duplicate)
    rejected: int = 0  # sharded inputs: unreadable records or shards, kept as rejections
    failures: list[Failure] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


Progress = Callable[[int, int], None]  # (done, total)

_WORKER: dict[str, Any] = {}


def _init_worker(settings: Any) -> None:
    _WORKER["resources"] = load_resources(settings)
    _WORKER["chain"] = build_pipeline(default_stages())


def _work(articles: list[Article]) -> list[tuple[Article, Extraction | Failure]]:
    return list(process_batch(articles, _WORKER["resources"], _WORKER["chain"]))


def chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def run_pending(
    store: Any,
    settings: Any,
    *,
    workers: int = 1,
    resources: Resources | None = None,
    limit: int | None = None,
    on_progress: Progress | None = None,
) -> RunReport:
    """Process every pending article in the store; returns counts and the speed."""
    ids = store.pending_ids()
    if limit is not None:
        ids = ids[:limit]
    report = RunReport()
    total = len(ids)
    if on_progress:
        on_progress(0, total)
    if not ids:
        return report
    start = time.perf_counter()
    batches = chunks(ids, max(1, settings.batch_size))
    saved: list[str] = []

    def handle(results: list[tuple[Article, Extraction | Failure]]) -> None:
        for article, result in results:
            if isinstance(result, Failure):
                store.set_status(article.id, ArticleStatus.FAILED, f"[{result.code}] {result.message}")
                store.add_rejection(Rejection(origin=f"article {article.id}", code=result.code, message=result.message))
                report.failed += 1
                report.failures.append(result)
            else:
                store.save_extraction(result)
                saved.append(article.id)
                report.processed += 1
                report.events += len(result.events)
            report.words += len(article.text.split())
        if on_progress:
            on_progress(report.processed + report.failed, total)

    if workers <= 1:
        res = resources or load_resources(settings)
        chain = build_pipeline(default_stages())
        for batch in batches:
            handle(list(process_batch(store.get_articles(batch), res, chain)))
    else:
        ctx = mp.get_context("spawn")  # fork after loading torch/spaCy threads is unsafe
        with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
            for results in pool.imap_unordered(_work, (store.get_articles(b) for b in batches)):
                handle(results)
    report.seconds = time.perf_counter() - start
    if saved:
        # Cross-article stages: merge the new events into incidents, record control changes.
        from frontlines.incidents import update_after_run

        update_after_run(store, saved)
    return report
