"""The store: the only package with SQL. SQLite by default, PostgreSQL through the same code.

Callers type against :class:`Store` (a Protocol, importable without SQLAlchemy) and
get one from :func:`open_store`. ``open_store``, ``resolve_url`` and ``SqlStore`` are
imported on first use, so that the protocol and the filters load without SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from frontlines.store.filters import ArticleFilter, EventFilter, IncidentFilter
from frontlines.store.protocol import Store

if TYPE_CHECKING:
    from frontlines.store.store import SqlStore, open_store, resolve_url

__all__ = ["ArticleFilter", "EventFilter", "IncidentFilter", "SqlStore", "Store", "open_store", "resolve_url"]

_LAZY = {"SqlStore", "open_store", "resolve_url"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from frontlines.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
