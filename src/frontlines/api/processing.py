"""Ingest and process articles posted to the API, through the same Runner as `frontlines run`.

Posted articles are ingested (stored, deduplicated) by the server before it
answers, so nothing posted is lost. Processing runs as a job in one worker
process beside the server, through the Runner (extractions, then incidents and
control): the model and gazetteer load there, once, on the first post; the
server itself never parses, so reads stay fast while a long article is
processed, the server's memory stays small, and a shutdown stops the worker
within seconds (its store writes are transactions, so nothing is left half
written). A small post, when no job is running, is answered once its job is
done; anything larger, or posted while a job runs, is answered at once with
202 and the job, whose progress ``GET /api/jobs/{id}`` reports.

Jobs live in memory: after a restart, an unfinished job's articles are still
stored as pending, and `frontlines run` (or the next post) processes them; the
cross-article update a stopped job left queued is finished when the server
starts.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import queue
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from frontlines.alerts import alerting_runner
from frontlines.pipeline import Resources, Stage, default_stages, load_resources
from frontlines.records import ArticleStatus


if TYPE_CHECKING:
    from frontlines.store.protocol import Store

SMALL_POST = 20_000  # characters of text: posts up to this are answered when processed
KEEP_JOBS = 1000  # finished jobs remembered for GET /api/jobs/{id}
STOP_GRACE = 2.0  # seconds the worker gets to finish its batch at shutdown before it is killed


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
    """A post's processing, run by the worker process."""

    id: str
    articles: list[str]  # ids to process
    state: str = "queued"  # queued, running, done, failed
    created: str = field(default_factory=lambda: _now())
    finished: str | None = None
    done: int = 0
    processed: int = 0
    failed: int = 0
    events: int = 0
    error: str | None = None
    failures: dict[str, str] = field(default_factory=dict)  # article id -> "[code] reason"
    ended: threading.Event = field(default_factory=threading.Event)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "created": self.created, "finished": self.finished,
                "total": len(self.articles), "done": self.done, "processed": self.processed,
                "failed": self.failed, "events": self.events, "error": self.error,
                "articles": list(self.articles)}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# -- the worker process ------------------------------------------------------------------------------
def _worker_main(conn: Any, settings: Any, loader: Callable[[Any], Resources],
                 stages: Callable[[], Sequence[Stage]]) -> None:
    """The worker process: runs each job it is sent through the Runner, reporting progress."""
    from frontlines.batch.local import InProcess
    from frontlines.store import open_store

    loads = [0]

    def counted(s: Any) -> Resources:
        loads[0] += 1
        return loader(s)

    engine = InProcess(settings, loader=counted, stages=stages)
    store = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the server went away
            return
        if message[0] == "stop":
            return
        _, ids = message
        try:
            store = store if store is not None else open_store(settings.db)
            runner = alerting_runner(store, engine, settings, batch_size=settings.batch_size,
                            on_progress=lambda done, total: conn.send(("progress", done)))
            report = runner.run(ids)
            conn.send(("done", {"processed": report.processed, "failed": report.failed, "events": report.events,
                                "failures": {f.article_id: f"[{f.code}] {f.message}" for f in report.failures},
                                "loads": loads[0]}))
        except Exception as exc:  # noqa: BLE001 - reported on the job; the worker takes the next one
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class Worker:
    """One spawned worker process that runs jobs; started on the first job, restarted if it dies."""

    def __init__(self, settings: Any, loader: Callable[[Any], Resources],
                 stages: Callable[[], Sequence[Stage]]) -> None:
        self.settings = settings
        self.loader = loader
        self.stages = stages
        self.loads = 0  # how many times a worker loaded the model and gazetteer
        self._proc: Any = None
        self._conn: Any = None

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        ctx = mp.get_context("spawn")  # fork after loading torch/spaCy threads is unsafe
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_worker_main, args=(child, self.settings, self.loader, self.stages),
                                 name="frontlines-worker", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent

    def run(self, job: Job, stopping: threading.Event) -> None:
        """Send the job to the worker and follow it to the end (blocking)."""
        self._ensure()
        self._conn.send(("run", job.articles))
        while True:
            if stopping.is_set():
                job.state, job.error = "failed", "stopped by shutdown; unprocessed articles stay pending"
                return
            message: Any
            try:
                ready = self._conn.poll(0.2)
                message = self._conn.recv() if ready else None
            except (EOFError, OSError):
                message = ("error", "the worker process stopped")
            if message is None:
                if not self._proc.is_alive():
                    message = ("error", f"the worker process died (exit code {self._proc.exitcode}); "
                                        "unprocessed articles stay pending")
                else:
                    continue
            kind: str = message[0]
            value: Any = message[1]
            if kind == "progress":
                job.done = int(value)
                continue
            if kind == "done":
                job.state = "done"
                job.processed, job.failed, job.events = value["processed"], value["failed"], value["events"]
                job.failures = dict(value["failures"])
                job.done = job.processed + job.failed
                self.loads = max(self.loads, int(value["loads"]))
            else:
                job.state, job.error = "failed", str(value)
                if not self._proc.is_alive():
                    self._proc = None
            return

    def close(self) -> None:
        """Ask the worker to stop; one still busy after STOP_GRACE seconds is killed."""
        if self._proc is None:
            return
        try:
            self._conn.send(("stop",))
        except (OSError, ValueError):
            pass
        self._proc.join(STOP_GRACE)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(STOP_GRACE)
        self._proc = None


# -- the server side -----------------------------------------------------------------------------------
class Processor:
    """Ingests posted RawDocs into a store and processes the new ones as jobs through the Runner."""

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
        self.worker = Worker(settings, loader, stages)
        self._lock = threading.Lock()  # ingest state and the job table
        self._ingestor: Any = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[Job] = queue.Queue()
        self._busy = threading.Event()
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()

    @property
    def loads(self) -> int:
        """How many times the worker loaded the model and gazetteer (0 until the first post)."""
        return self.worker.loads

    def recover(self, store: Store) -> int:
        """Finish the cross-article update an earlier process left queued (at start-up)."""
        return alerting_runner(store, None, self.settings).recover()

    # -- ingest -----------------------------------------------------------------------------------
    def ingest(self, store: Store, docs: Sequence[Any]) -> list[tuple[str, str]]:
        """Store each RawDoc (with dedupe); returns (article id, outcome) per doc."""
        from frontlines.ingest import Ingestor, IngestReport, to_article

        with self._lock:
            if self._ingestor is None:
                self._ingestor = Ingestor(store, max_bytes=self.settings.max_bytes)
            report = IngestReport()
            return [(to_article(doc).id, self._ingestor.add(doc, report)) for doc in docs]

    def answer_now(self, docs: Sequence[Any]) -> bool:
        """Whether a post is small enough, and the worker free, to answer once it is processed."""
        return sum(len(d.text) for d in docs) <= self.small and not self._busy.is_set() and self._queue.empty()

    # -- jobs -----------------------------------------------------------------------------------------
    def submit(self, store: Store, docs: Sequence[Any]) -> tuple[Job, list[tuple[str, str]]]:
        """Store the docs now and queue their processing; returns the job and the ingest outcomes."""
        outcomes = self.ingest(store, docs)
        stored = [aid for aid, outcome in outcomes if outcome == "stored"]
        pending = [a.id for a in store.get_articles(stored) if a.status is ArticleStatus.PENDING]
        job = Job(id=uuid.uuid4().hex[:16], articles=pending)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._follow, name="frontlines-jobs", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job, outcomes

    def ingest_and_process(self, store: Store, docs: Sequence[Any], timeout: float | None = None) -> list[Posted]:
        """Store the docs and wait until they are processed (incidents and control included)."""
        job, outcomes = self.submit(store, docs)
        job.ended.wait(timeout)
        return self.posted(store, outcomes, job)

    @staticmethod
    def posted(store: Store, outcomes: Sequence[tuple[str, str]], job: Job | None = None) -> list[Posted]:
        articles = {a.id: a for a in store.get_articles([aid for aid, _ in outcomes])}
        events = store.event_counts_by_article(list(articles)) if job is not None and job.state == "done" else {}
        failures = job.failures if job is not None else {}
        return [Posted(id=aid, outcome=outcome, status=articles[aid].status.value if aid in articles else "unknown",
                       events=events.get(aid, 0) if outcome == "stored" else 0, error=failures.get(aid))
                for aid, outcome in outcomes]

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        return list(reversed(self._jobs.values()))

    def _follow(self) -> None:
        """The server's job thread: hands each job to the worker process and follows it."""
        while not self.stopping.is_set():
            try:
                job = self._queue.get(timeout=0.5)
            except queue.Empty:
                continue
            self._busy.set()
            try:
                if job.articles:
                    job.state = "running"
                    self.worker.run(job, self.stopping)
                else:
                    job.state = "done"  # nothing new to process (duplicates, skipped)
            except Exception as exc:  # noqa: BLE001 - kept on the job with its reason; the server goes on
                job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
            finally:
                job.finished = _now()
                job.ended.set()
                self._busy.clear()

    def close(self) -> None:
        """Stop taking jobs and stop the worker (a busy one is killed after STOP_GRACE seconds)."""
        self.stopping.set()
        self.worker.close()
