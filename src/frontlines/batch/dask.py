"""The Dask engine: the same pipeline as `frontlines run`, on a Dask cluster.

Workers load the model, gazetteer and actor registry once, through a worker
plugin; a task is a batch of articles and returns the same
``(Article, Extraction | Failure)`` pairs that the local engine produces.
The client writes each article's results in its own transaction, so a killed
worker loses nothing (Dask reruns its tasks elsewhere) and duplicates nothing
(ids are content hashes, saves replace). A batch that keeps killing workers is
kept as a rejection with its reason once Dask's retries are spent.

Stage code never imports this module; it only adapts
:func:`frontlines.pipeline.process_batch`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from frontlines.batch.local import RunReport, chunks
from frontlines.pipeline import Failure, build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import Article, ArticleStatus, Extraction, Rejection

PLUGIN_NAME = "frontlines-resources"


class ResourcesPlugin(WorkerPlugin):
    """Loads frontlines' resources once per worker process."""

    name = PLUGIN_NAME

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        worker.frontlines = (load_resources(self.settings), build_pipeline(default_stages()))


def process_on_worker(articles: list[Article]) -> list[tuple[Article, Extraction | Failure]]:
    """A Dask task: run the pipeline over a batch with the worker's loaded resources."""
    resources, chain = get_worker().frontlines  # type: ignore[attr-defined]
    return list(process_batch(articles, resources, chain))


def connect(scheduler: str | None, workers: int) -> tuple[Client, LocalCluster | None]:
    """A client for the given scheduler, or for a new local cluster of ``workers`` processes."""
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
        memory_limit="2GiB", silence_logs=40,
    )
    return Client(cluster), cluster


def run_dask(
    store: Any,
    settings: Any,
    *,
    scheduler: str | None = None,
    workers: int = 1,
    limit: int | None = None,
    retries: int = 2,
    on_progress: Callable[[int, int], None] | None = None,
    console: Any = None,
    client: Client | None = None,
) -> RunReport:
    """Process the store's pending articles on a Dask cluster; returns counts and speed."""
    ids = store.pending_ids()
    if limit is not None:
        ids = ids[:limit]
    report = RunReport()
    total = len(ids)
    if on_progress:
        on_progress(0, total)
    if not ids:
        return report
    own_client = client is None
    cluster = None
    if client is None:
        client, cluster = connect(scheduler, max(1, workers))
    try:
        if console is not None:
            console.print(f"dask dashboard: {client.dashboard_link}", highlight=False)
        client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)
        start = time.perf_counter()
        batches = list(chunks(ids, max(1, settings.batch_size)))
        batch_of: dict[str, list[str]] = {}
        submitted = []
        for batch in batches:
            fut = client.submit(process_on_worker, store.get_articles(batch), retries=retries, pure=False)
            batch_of[fut.key] = batch
            submitted.append(fut)
        for fut in as_completed(submitted):
            batch = batch_of[fut.key]
            try:
                results = fut.result()
            except Exception as exc:  # noqa: BLE001 - a task that exhausted its retries (e.g. KilledWorker)
                for aid in batch:
                    message = f"{type(exc).__name__}: {exc}"
                    store.set_status(aid, ArticleStatus.FAILED, f"[E202] {message}")
                    store.add_rejection(Rejection(origin=f"article {aid}", code="E202", message=message))
                    report.failed += 1
                    report.failures.append(Failure(aid, "E202", message))
                fut.release()
                continue
            for article, result in results:
                if isinstance(result, Failure):
                    store.set_status(article.id, ArticleStatus.FAILED, f"[{result.code}] {result.message}")
                    store.add_rejection(Rejection(origin=f"article {article.id}", code=result.code,
                                                  message=result.message))
                    report.failed += 1
                    report.failures.append(result)
                else:
                    store.save_extraction(result)
                    report.processed += 1
                    report.events += len(result.events)
                report.words += len(article.text.split())
            fut.release()
            if on_progress:
                on_progress(report.processed + report.failed, total)
        report.seconds = time.perf_counter() - start
        return report
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()

