"""Ingest and process articles posted to the API, through the same Runner as `frontlines run`.

Posted articles are ingested (stored, deduplicated) before the answer, so
nothing posted is lost. A small post is then processed before the answer; a
larger one is answered at once with a job (202) that a background thread runs
through the Runner: extractions, then incidents and control. ``GET
/api/jobs/{id}`` reports its progress. The model and gazetteer are loaded
once per app, on the first post (reads never pay for them); a lock
serialises processing because one spaCy pipeline is shared.

Jobs live in memory: after a restart, an unfinished job's articles are
still stored as pending, and `frontlines run` (or the next post) processes
them; the cross-article update a stopped job left queued is finished when
the server starts.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontlines.batch.local import InProcess
from frontlines.pipeline import Resources, Stage, default_stages, load_resources
from frontlines.records import Article, ArticleStatus
from frontlines.runner import Result, Runner, RunReport

SMALL_POST = 20_000  # characters of text: posts up to this are processed before the answer
KEEP_JOBS = 1000  # finished jobs remembered for GET /api/jobs/{id}


@dataclass(frozen=True, slots=True, kw_only=True)
class Posted:
    """One posted article, as the ingest step (and, when done, processing) left it."""

    id: str
    outcome: str  # stored, duplicate, near-duplicate, skipped
    status: str
    events: int = 0
    error: str | None = None


@dataclass(slots=True)
class Job:
    """A post processed in the background."""

    id: str
    articles: list[str]  # ids to process
    state: str = "queued"  # queued, running, done, failed
    created: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    finished: str | None = None
    done: int = 0
    processed: int = 0
    failed: int = 0
    events: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "created": self.created, "finished": self.finished,
                "total": len(self.articles), "done": self.done, "processed": self.processed,
                "failed": self.failed, "events": self.events, "error": self.error,
                "articles": list(self.articles)}


class _Stoppable:
    """An engine that stops between batches once the server is shutting down."""

    def __init__(self, engine: InProcess, stopping: threading.Event) -> None:
        self.engine = engine
        self.stopping = stopping

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        def until_stopped() -> Iterator[list[Article]]:
            for batch in batches:
                if self.stopping.is_set():
                    return
                yield batch

        return self.engine.map(until_stopped())


class Processor:
    """Ingests posted RawDocs into a store and processes the new ones through the Runner."""

    def __init__(
        self,
        settings: Any,
        *,
        loader: Callable[[Any], Resources] = load_resources,
        stages: Callable[[], Sequence[Stage]] = default_stages,
        small: int = SMALL_POST,
    ) -> None:
        self.settings = settings
        self.small = small
        self.engine = InProcess(settings, loader=loader, stages=stages)
        self._lock = threading.Lock()  # one spaCy pipeline, one writer of the update queue
        self._ingest_lock = threading.Lock()
        self._ingestor: Any = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[tuple[Any, Job]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()

    @property
    def loaded(self) -> bool:
        return self.engine.loaded

    def _runner(self, store: Any, on_progress: Callable[[int, int], None] | None = None) -> Runner:
        return Runner(store, _Stoppable(self.engine, self.stopping), batch_size=self.settings.batch_size,
                      on_progress=on_progress)

    def recover(self, store: Any) -> int:
        """Finish the cross-article update an earlier process left queued (at start-up)."""
        with self._lock:
            return Runner(store).recover()

    # -- ingest -----------------------------------------------------------------------------------
    def ingest(self, store: Any, docs: Sequence[Any]) -> list[tuple[str, str]]:
        """Store each RawDoc (with dedupe); returns (article id, outcome) per doc."""
        from frontlines.ingest import Ingestor, IngestReport, to_article

        with self._ingest_lock:
            if self._ingestor is None:
                self._ingestor = Ingestor(store, max_bytes=self.settings.max_bytes)
            report = IngestReport()
            return [(to_article(doc).id, self._ingestor.add(doc, report)) for doc in docs]

    @staticmethod
    def to_process(store: Any, outcomes: Sequence[tuple[str, str]]) -> list[str]:
        stored = [aid for aid, outcome in outcomes if outcome == "stored"]
        return [a.id for a in store.get_articles(stored) if a.status is ArticleStatus.PENDING]

    def is_small(self, docs: Sequence[Any]) -> bool:
        return sum(len(d.text) for d in docs) <= self.small

    # -- now ----------------------------------------------------------------------------------------
    def ingest_and_process(self, store: Any, docs: Sequence[Any]) -> list[Posted]:
        """Store the docs and process the new ones before returning (incidents and control included)."""
        outcomes = self.ingest(store, docs)
        ids = self.to_process(store, outcomes)
        with self._lock:
            report = self._runner(store).run(ids)
        return self.posted(store, outcomes, report)

    @staticmethod
    def posted(store: Any, outcomes: Sequence[tuple[str, str]], report: RunReport | None = None) -> list[Posted]:
        errors = {f.article_id: f"[{f.code}] {f.message}" for f in (report.failures if report else [])}
        articles = {a.id: a for a in store.get_articles([aid for aid, _ in outcomes])}
        events = store.event_counts_by_article(list(articles)) if report is not None else {}
        return [Posted(id=aid, outcome=outcome, status=articles[aid].status.value if aid in articles else "unknown",
                       events=events.get(aid, 0) if outcome == "stored" else 0, error=errors.get(aid))
                for aid, outcome in outcomes]

    # -- later ---------------------------------------------------------------------------------------
    def submit(self, store: Any, docs: Sequence[Any]) -> tuple[Job, list[Posted]]:
        """Store the docs now and queue their processing as a job; returns the job and the ingest outcomes."""
        outcomes = self.ingest(store, docs)
        job = Job(id=uuid.uuid4().hex[:16], articles=self.to_process(store, outcomes))
        with self._ingest_lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        self._queue.put((store, job))
        self._start()
        return job, self.posted(store, outcomes)

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        return list(reversed(self._jobs.values()))

    def _start(self) -> None:
        with self._ingest_lock:
            if self._thread is None or not self._thread.is_alive():
                # a daemon: a job in progress never holds the process at shutdown
                self._thread = threading.Thread(target=self._work, name="frontlines-jobs", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while not self.stopping.is_set():
            try:
                store, job = self._queue.get(timeout=0.5)
            except queue.Empty:
                continue
            self.run_job(store, job)

    def run_job(self, store: Any, job: Job) -> None:
        job.state = "running"

        def on_progress(done: int, total: int) -> None:
            job.done = done

        try:
            with self._lock:
                report = self._runner(store, on_progress).run(job.articles)
        except Exception as exc:  # noqa: BLE001 - kept on the job with its reason; the server goes on
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
        else:
            job.processed, job.failed, job.events = report.processed, report.failed, report.events
            job.state = "done" if not self.stopping.is_set() else "failed"
            if self.stopping.is_set():
                job.error = "stopped by shutdown; unprocessed articles stay pending"
        job.finished = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def close(self) -> None:
        """Stop taking jobs; one in progress stops after its current batch."""
        self.stopping.set()
