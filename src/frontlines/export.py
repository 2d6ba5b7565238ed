"""Exports: articles and extractions as JSON Lines, CSV (events in ACLED's columns), GeoJSON, Parquet.

Rows come from the store; this module only shapes and writes them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, Any

from frontlines.errors import FrontlinesError
from frontlines.records import to_dict
from frontlines.time.periods import iso_period, time_precision

KINDS = ("articles", "events", "quotes", "places", "actors", "times", "quantities")
FORMATS = ("jsonl", "csv", "parquet", "geojson")

ACLED_COLUMNS = [
    "event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "source",
    "notes", "plover_type", "status", "attributed_to", "article_id",
]


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str | None:
    """ISO 3166-1 alpha-3 to the short English name (ACLED uses names)."""
    if not iso3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else iso3)


_GEO_PRECISION = {"exact": 1, "near": 1, "admin2": 2}


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in ACLED's columns (plus provenance)."""
    data = row["data"]
    place = data.get("place") or {}
    time = data.get("time") or {}
    period = row["period"] if "period" in row else iso_period(row.get("date"), row.get("date_end"))
    return {
        "event_id": row["key"][:16],
        "event_date": row.get("date"),
        "event_type": row.get("acled_event_type"),
        "sub_event_type": row.get("acled_sub_event_type"),
        "actor1": row.get("actor1"),
        "actor2": row.get("actor2"),
        "country": country_name(row.get("country")),
        "admin1": row.get("admin1"),
        "location": row.get("location"),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
        "geo_precision": _GEO_PRECISION.get(place.get("precision") or "", 3) if place else None,
        "time_precision": time_precision(time.get("granularity"), period) if time or period else None,
        "fatalities": row.get("fatalities"),
        "source": row.get("source"),
        "notes": row.get("text"),
        "plover_type": row.get("plover_type"),
        "status": row.get("status"),
        "attributed_to": data.get("attributed_to"),
        "article_id": row.get("article_id"),
        "period": period,  # not an ACLED column (CSV leaves it out): the date at its own precision
    }


def flat_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A flat (CSV/Parquet) row: the stored columns, nested data as JSON text."""
    if kind == "events":
        return acled_row(row)
    out = {k: v for k, v in row.items() if k not in ("data", "signature")}
    out["data"] = json.dumps(row.get("data"), ensure_ascii=False) if "data" in row else None
    return out


def article_rows(articles: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield to_dict(a)


def write(kind: str, fmt: str, rows: Iterable[dict[str, Any]], fh: IO[bytes]) -> int:
    """Write rows of ``kind`` in ``fmt`` to a binary file handle; returns the row count."""
    if fmt not in FORMATS:
        raise FrontlinesError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})", code="E902")
    if fmt == "geojson":
        return _write_geojson(kind, rows, fh)
    if fmt == "jsonl":
        n = 0
        for row in rows:
            fh.write((json.dumps(_jsonable(row), ensure_ascii=False) + "\n").encode("utf-8"))
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


def _write_geojson(kind: str, rows: Iterable[dict[str, Any]], fh: IO[bytes]) -> int:
    if kind not in ("events", "places"):
        raise FrontlinesError(f"GeoJSON is for events and places, not {kind}", code="E902")
    features = list(geojson_features(kind, rows))
    fh.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8"))
    return len(features)


def geojson_features(kind: str, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Point features for rows with coordinates; properties are the flat row."""
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        props = acled_row(row) if kind == "events" else {k: v for k, v in row.items() if k not in ("data",)}
        if kind == "events":
            props["key"] = row["key"]
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": _jsonable(props),
        }
