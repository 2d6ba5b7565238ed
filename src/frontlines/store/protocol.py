"""The Store protocol: what the rest of frontlines may ask of a store.

Callers (incidents, control, batch, the API, the CLI, export) are typed against
this protocol rather than the SQL implementation (:class:`~frontlines.store.store.SqlStore`),
so this module imports no SQLAlchemy: a test double or another backend only has
to provide these methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from frontlines.records import (
    Article,
    ArticleStatus,
    ControlChange,
    Extraction,
    Incident,
    Place,
    Rejection,
    StoredEvent,
)
from frontlines.store.filters import ArticleFilter, EventFilter, IncidentFilter


class Store(Protocol):
    """All reads and writes of frontlines data (see the resource modules of this package for each group)."""

    @property
    def dialect(self) -> str: ...

    def close(self) -> None: ...

    def stats(self) -> dict[str, Any]: ...

    # -- articles and rejections (store/articles.py) ------------------------------
    def has_article(self, article_id: str) -> bool: ...

    def add_article(self, article: Article, *, signature: bytes | None = None) -> bool: ...

    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def get_article(self, article_id: str) -> Article: ...

    def list_articles(self, f: ArticleFilter = ...) -> list[Article]: ...

    def iter_articles(self, *, status: str | None = None, batch: int = 500) -> Iterator[Article]: ...

    def pending_ids(self) -> list[str]: ...

    def get_articles(self, ids: Sequence[str]) -> list[Article]: ...

    def set_status(self, article_id: str, status: ArticleStatus, reason: str | None = None) -> None: ...

    def reset_status(self, *, from_status: str | None = None) -> int: ...

    def add_rejection(self, rej: Rejection) -> bool: ...

    def list_rejections(self, limit: int = 100) -> list[Rejection]: ...

    # -- extractions (store/extractions.py) -------------------------------------------
    def save_extraction(self, extraction: Extraction) -> None: ...

    def save_extractions(self, extractions: Iterable[Extraction]) -> int: ...

    def save_extractions_bulk(self, extractions: Sequence[Extraction]) -> int: ...

    def get_extraction(self, article_id: str) -> Extraction: ...

    def iter_extraction_rows(self, kind: str, batch: int = 1000) -> Iterator[dict[str, Any]]: ...

    def query_extraction_rows(
        self,
        kind: str,
        *,
        by: Sequence[str] = (),
        equals: Mapping[str, Any] | None = None,
        contains: Mapping[str, str | None] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]: ...

    # -- events (store/events.py) -------------------------------------------------------
    def list_events(self, f: EventFilter = ...) -> list[StoredEvent]: ...

    def count_events(self, f: EventFilter = ...) -> int: ...

    def get_event(self, key: str) -> StoredEvent: ...

    def iter_events(self, batch: int = 1000) -> Iterator[StoredEvent]: ...

    def event_counts(self, by: str, f: EventFilter = ...) -> list[tuple[Any, int]]: ...

    def read_events(
        self,
        *,
        article_ids: Sequence[str] | None = None,
        keys: Sequence[str] | None = None,
        window: tuple[dt.date, dt.date] | None = None,
        undated_lag_days: int = 0,
    ) -> list[StoredEvent]: ...

    # -- incidents (store/incidents.py) ---------------------------------------------------
    def incident_ids_for_events(self, keys: Sequence[str]) -> list[str]: ...

    def incident_event_keys(self, incident_ids: Sequence[str]) -> list[str]: ...

    def orphan_incident_ids(self) -> list[str]: ...

    def replace_incidents(self, remove_ids: Sequence[str], incidents: Sequence[Incident]) -> None: ...

    def list_incidents(self, f: IncidentFilter = ...) -> list[Incident]: ...

    def count_incidents(self, f: IncidentFilter = ...) -> int: ...

    def incident_ids(self) -> list[str]: ...

    def get_incident(self, incident_id: str) -> Incident: ...

    # -- territorial control (store/control.py) ---------------------------------------------
    def replace_control_changes(self, article_ids: Sequence[str],
                                changes: Sequence[tuple[str, str, ControlChange]]) -> None: ...

    def list_control_changes(self, *, until: dt.date | None = None,
                             region: str | None = None) -> list[ControlChange]: ...

    def known_settlements(self, *, region: str | None = None) -> list[Place]: ...
