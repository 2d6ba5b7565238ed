"""Ingest and process articles posted to the API.

The model and gazetteer are loaded once per app, on the first POST (reads never
pay for them); a lock serialises processing because one spaCy pipeline is
shared by the server's worker threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from frontlines.pipeline import Failure, Resources, Stage, build_pipeline, default_stages, load_resources, process_batch
from frontlines.records import ArticleStatus, Rejection

if TYPE_CHECKING:
    from frontlines.store.protocol import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Posted:
    """One posted article, as the ingest step left it."""

    id: str
    outcome: str  # stored, duplicate, near-duplicate, skipped
    status: str
    events: int = 0
    error: str | None = None


class Processor:
    """Ingests posted RawDocs into a store and runs the pipeline over the new ones."""

    def __init__(
        self,
        settings: Any,
        *,
        loader: Callable[[Any], Resources] = load_resources,
        stages: Callable[[], Sequence[Stage]] = default_stages,
    ) -> None:
        self.settings = settings
        self._loader = loader
        self._stages = stages
        self._lock = threading.Lock()
        self._resources: Resources | None = None
        self._chain: tuple[Stage, ...] | None = None
        self._ingestor: Any = None

    @property
    def loaded(self) -> bool:
        return self._resources is not None

    def _ensure(self, store: Store) -> Resources:
        if self._ingestor is None:
            from frontlines.ingest import Ingestor

            self._ingestor = Ingestor(store, max_bytes=self.settings.max_bytes)
        if self._resources is None:
            self._chain = build_pipeline(self._stages())
            self._resources = self._loader(self.settings)
        return self._resources

    def ingest_and_process(self, store: Store, docs: Sequence[Any]) -> list[Posted]:
        """Store each RawDoc (with dedupe) and process the ones that became pending articles."""
        from frontlines.ingest import IngestReport, to_article

        with self._lock:
            resources = self._ensure(store)
            report = IngestReport()
            outcomes: list[tuple[str, str]] = []
            for doc in docs:
                outcomes.append((to_article(doc).id, self._ingestor.add(doc, report)))
            pending = [a for a in store.get_articles([i for i, o in outcomes if o == "stored"])
                       if a.status is ArticleStatus.PENDING]
            results: dict[str, tuple[int, str | None]] = {}
            for article, result in process_batch(pending, resources, self._chain):
                if isinstance(result, Failure):
                    store.set_status(article.id, ArticleStatus.FAILED, f"[{result.code}] {result.message}")
                    store.add_rejection(Rejection(origin=f"article {article.id}", code=result.code,
                                                  message=result.message))
                    results[article.id] = (0, f"[{result.code}] {result.message}")
                else:
                    store.save_extraction(result)
                    results[article.id] = (len(result.events), None)
        posted = []
        statuses = {a.id: a.status.value for a in store.get_articles([i for i, _ in outcomes])}
        for aid, outcome in outcomes:
            events, error = results.get(aid, (0, None))
            posted.append(Posted(id=aid, outcome=outcome, status=statuses.get(aid, "unknown"), events=events,
                                 error=error))
        return posted
