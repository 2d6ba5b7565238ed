"""Exports: articles and extractions as JSON Lines, CSV (events in ACLED's columns), GeoJSON, Parquet.

Rows come from the store; this module only shapes and writes them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from frontlines.actors.registry import country_name
from frontlines.errors import FrontlinesError
from frontlines.records import ControlReview, IncidentReview, Review, StoredEvent, to_dict
from frontlines.time.periods import time_precision

KINDS = ("articles", "events", "quotes", "places", "actors", "times", "quantities")
FORMATS = ("jsonl", "csv", "parquet", "geojson")

ACLED_COLUMNS = [
    "event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "source",
    "notes", "plover_type", "status", "attributed_to", "article_id",
    "review_status", "reviewer",  # not ACLED's: an analyst's verdict (confirmed, corrected, rejected) and who
]


_GEO_PRECISION = {"exact": 1, "near": 1, "admin2": 2}


def event_json(se: StoredEvent) -> dict[str, Any]:
    """A stored event as one flat JSON object (the API's event and the JSONL export of events).

    The stored columns in table order, ``data`` (the Event), the article's source, title, url and
    published date, ``period`` (the date at its own precision) and ACLED's ``time_precision``; dates as ISO text.
    """
    ev = se.event
    return {
        "id": se.row_id,
        "article_id": se.article_id,
        "seq": se.seq,
        "start": ev.evidence.start,
        "end": ev.evidence.end,
        "key": se.key,
        "plover_type": ev.plover_type,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "status": ev.status.value,
        "date": _iso(se.date),
        "date_end": _iso(se.date_end),
        "location": se.location,
        "lat": se.lat,
        "lon": se.lon,
        "admin1": se.admin1,
        "country": se.country,
        "actor1": se.actor1,
        "actor1_country": se.actor1_country,
        "actor2": se.actor2,
        "actor2_country": se.actor2_country,
        "fatalities": se.fatalities,
        "confidence": ev.confidence,
        "text": ev.evidence.text,
        "data": to_dict(ev),
        "source": se.source,
        "title": se.title,
        "url": se.url,
        "published": _iso(se.published),
        "period": se.period,
        "time_precision": _time_precision(se),  # ACLED's, as the CSV and GeoJSON carry it
        "review": _review_state(se),
    }


def _review_state(se: StoredEvent) -> dict[str, Any] | None:
    if se.verdict is None:
        return None
    return {"verdict": se.verdict.value, "reviewer": se.reviewer,
            "at": se.reviewed_at.isoformat() if se.reviewed_at else None,
            "machine": to_dict(se.machine) if se.machine is not None else None}


def review_json(review: Review) -> dict[str, Any]:
    """A review as JSON (the API's and `frontlines reviews --json`): ``orphaned`` when its event is gone."""
    out = to_dict(review)
    out["changes"] = {k: v for k, v in out["changes"].items() if v not in (None, {})}
    out["orphaned"] = review.orphaned
    return out


def group_review_json(review: ControlReview | IncidentReview) -> dict[str, Any]:
    """A review of a change of control or of incidents as JSON, with its ``kind`` (control, incident)."""
    return {"kind": "control" if isinstance(review, ControlReview) else "incident", **to_dict(review)}


def _time_precision(se: StoredEvent) -> int | None:
    """ACLED's time_precision of a stored event (1 a day, 2 a week, 3 a month or coarser), None when undated."""
    time = se.event.time
    return time_precision(time.granularity if time else None, se.period) if time or se.period else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def acled_row(se: StoredEvent) -> dict[str, Any]:
    """A stored event in ACLED's columns (plus provenance)."""
    ev = se.event
    place = ev.place
    precision = place.precision.value if place is not None and place.precision is not None else ""
    return {
        "event_id": se.key[:16],
        "event_date": _iso(se.date),
        "event_type": ev.acled_event_type,
        "sub_event_type": ev.acled_sub_event_type,
        "actor1": se.actor1,
        "actor2": se.actor2,
        "country": country_name(se.country),
        "admin1": se.admin1,
        "location": se.location,
        "latitude": se.lat,
        "longitude": se.lon,
        "geo_precision": _GEO_PRECISION.get(precision, 3) if place is not None else None,
        "time_precision": _time_precision(se),
        "fatalities": se.fatalities,
        "source": se.source,
        "notes": ev.evidence.text,
        "plover_type": ev.plover_type,
        "status": ev.status.value,
        "attributed_to": ev.attributed_to,
        "article_id": se.article_id,
        "review_status": se.verdict.value if se.verdict else None,
        "reviewer": se.reviewer,
        "period": se.period,  # not an ACLED column (CSV leaves it out): the date at its own precision
    }


def flat_row(kind: str, row: Any) -> dict[str, Any]:
    """A flat (CSV/Parquet) row: ACLED's columns for an event, else the stored columns with data as JSON text."""
    if kind == "events":
        return acled_row(row)
    out = {k: v for k, v in row.items() if k not in ("data", "signature")}
    out["data"] = json.dumps(row.get("data"), ensure_ascii=False) if "data" in row else None
    return out


def article_rows(articles: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield to_dict(a)


def write(kind: str, fmt: str, rows: Iterable[Any], fh: IO[bytes]) -> int:
    """Write rows of ``kind`` in ``fmt`` to a binary file handle; returns the row count.

    ``rows``: :class:`StoredEvent` records for events, else row dicts (articles as :func:`article_rows`).
    """
    if fmt not in FORMATS:
        raise FrontlinesError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})", code="E902")
    if fmt == "geojson":
        return _write_geojson(kind, rows, fh)
    if fmt == "jsonl":
        n = 0
        for row in rows:
            data = event_json(row) if kind == "events" else _jsonable(row)
            fh.write((json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    flat = (flat_row(kind, r) if kind != "articles" else r for r in rows)
    if fmt == "csv":
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
        writer: csv.DictWriter | None = None
        n = 0
        for row in flat:
            if writer is None:
                fields = ACLED_COLUMNS if kind == "events" else list(row)
                writer = csv.DictWriter(text, fieldnames=fields, extrasaction="ignore")
                writer.writeheader()
            writer.writerow(_jsonable(row))
            n += 1
        if writer is None:
            fields = ACLED_COLUMNS if kind == "events" else []
            if fields:
                csv.DictWriter(text, fieldnames=fields).writeheader()
        text.flush()
        text.detach()
        return n
    # parquet
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [_jsonable(r) for r in flat]
    table = pa.Table.from_pylist(records) if records else pa.table({c: [] for c in (ACLED_COLUMNS if kind == "events" else ["id"])})
    pq.write_table(table, fh)
    return len(records)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: to_dict(v) for k, v in row.items() if k != "signature"}


def _write_geojson(kind: str, rows: Iterable[Any], fh: IO[bytes]) -> int:
    if kind not in ("events", "places"):
        raise FrontlinesError(f"GeoJSON is for events and places, not {kind}", code="E902")
    features = list(geojson_features(kind, rows))
    fh.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8"))
    return len(features)


def geojson_features(kind: str, rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Point features for rows with coordinates: events (:class:`StoredEvent`) in ACLED's columns
    with their key, places (row dicts) with their stored columns."""
    for row in rows:
        lat, lon = (row.lat, row.lon) if kind == "events" else (row.get("lat"), row.get("lon"))
        if lat is None or lon is None:
            continue
        if kind == "events":
            props = {**acled_row(row), "key": row.key}
        else:
            props = {k: v for k, v in row.items() if k not in ("data",)}
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": _jsonable(props),
        }
