"""Local engines for the Runner: this process, or a pool of worker processes.

An engine only maps :func:`frontlines.pipeline.process_batch` over batches of
articles; storing, failures and the cross-article update are the Runner's
(:mod:`frontlines.runner`). Workers load the model and gazetteer once, in
their initialiser.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from frontlines.alerts import alerting_runner
from frontlines.pieces import Limits
from frontlines.pipeline import (
    Resources,
    Stage,
    build_pipeline,
    default_stages,
    load_resources,
    process_batch,
    warm_up,
)
from frontlines.records import Article
from frontlines.runner import Progress, Result, RunReport, UpdateStarts

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

_WORKER: dict[str, Any] = {}


def _init_worker(settings: Any) -> None:
    _WORKER["resources"] = load_frozen(settings)  # the worker process is ours
    _WORKER["chain"] = build_pipeline(default_stages())
    _WORKER["limits"] = Limits.from_settings(settings)


def _work(articles: list[Article]) -> list[Result]:
    return list(process_batch(articles, _WORKER["resources"], _WORKER["chain"], limits=_WORKER["limits"]))


class InProcess:
    """The pipeline in this process; resources are loaded on the first batch (or injected)."""

    def __init__(self, settings: Any = None, *, resources: Resources | None = None,
                 loader: Callable[[Any], Resources] = load_resources,
                 stages: Callable[[], Iterable[Stage]] = default_stages) -> None:
        self.settings = settings
        self.resources = resources
        self._loader = loader
        self._stages = stages
        self.chain: tuple[Stage, ...] | None = None

    @property
    def loaded(self) -> bool:
        return self.resources is not None

    def load(self) -> Resources:
        if self.chain is None:
            self.chain = build_pipeline(self._stages())
        if self.resources is None:
            self.resources = self._loader(self.settings)
        return self.resources

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        resources = self.load()
        limits = Limits.from_settings(self.settings) if self.settings is not None else None
        for batch in batches:
            yield list(process_batch(batch, resources, self.chain, limits=limits))


class ProcessPool:
    """The pipeline in ``workers`` spawned processes, each loading its resources once."""

    def __init__(self, settings: Any, workers: int) -> None:
        self.settings = settings
        self.workers = max(1, workers)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        ctx = mp.get_context("spawn")  # fork after loading torch/spaCy threads is unsafe
        with ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.settings,)) as pool:
            yield from pool.imap_unordered(_work, batches)


def load_frozen(settings: Any) -> Resources:
    """:func:`load_resources`, then ``gc.freeze()``: the model, gazetteer and lexicons (millions of
    long-lived objects) leave the collector's generations, so its full collections during a run no
    longer walk them (an earlier session measured 0.2-0.4 s less per run). The freeze is process-wide:
    only a process that exists to run the pipeline (the CLI's ``run``, a pool or Dask worker) calls
    this, never library code."""
    resources = load_resources(settings)
    warm_up(resources)  # the indexes the stages build on first use, built now and frozen with the rest
    gc.freeze()
    return resources


def local_engine(settings: Any, workers: int = 1, resources: Resources | None = None, *,
                 loader: Callable[[Any], Resources] = load_resources) -> InProcess | ProcessPool:
    """This process for one worker (``loader`` loads its resources on the first batch), a process pool for more."""
    if workers <= 1:
        return InProcess(settings, resources=resources, loader=loader)
    return ProcessPool(settings, workers)


def run_pending(
    store: Store,
    settings: Any,
    *,
    workers: int = 1,
    resources: Resources | None = None,
    limit: int | None = None,
    on_progress: Progress | None = None,
    on_update: UpdateStarts | None = None,
    loader: Callable[[Any], Resources] = load_resources,
) -> RunReport:
    """Process every pending article in the store (after finishing any queued update); returns counts."""
    runner = alerting_runner(store, local_engine(settings, workers, resources, loader=loader), settings,
                             batch_size=settings.batch_size, on_progress=on_progress, on_update=on_update)
    return runner.run(limit=limit)
