"""The store: the only package with SQL. SQLite by default, PostgreSQL through the same code."""

from frontlines.store.store import ArticleFilter, EventFilter, IncidentFilter, Store, open_store, resolve_url

__all__ = ["ArticleFilter", "EventFilter", "IncidentFilter", "Store", "open_store", "resolve_url"]
