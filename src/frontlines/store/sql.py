"""Query helpers shared by the resource modules of the store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import and_

IN_CHUNK = 500  # ids per IN (...) list: SQLite and PostgreSQL (65,535) bound a statement's parameters


def chunked(items: Sequence[Any], size: int | None = None) -> Iterator[Sequence[Any]]:
    """``items`` in slices of ``size`` (default :data:`IN_CHUNK`, read at call time so tests can lower it)."""
    step = size or IN_CHUNK
    for i in range(0, len(items), step):
        yield items[i : i + step]


def escape_like(s: str) -> str:
    """``s`` as a literal inside a LIKE pattern (with ``escape="\\\\"``)."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def in_bbox(lat: Any, lon: Any, bbox: tuple[float, float, float, float]) -> Any:
    """A point (lat, lon columns) inside a (west, south, east, north) box."""
    west, south, east, north = bbox
    return and_(lat >= south, lat <= north, lon >= west, lon <= east)
