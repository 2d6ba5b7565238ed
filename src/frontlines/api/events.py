"""/api/events: filtered, sorted, paginated events; the same query as GeoJSON; one event with its evidence."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import (
    ok,
    MAX_GEOJSON,
    EventFilterDep,
    EventSort,
    Limit,
    Offset,
    StoreDep,
)
from frontlines.api.errors import ERROR_RESPONSES
from frontlines.export import event_json, geojson_features
from frontlines.quantities.tolls import casualty_figure
from frontlines.records import StoredEvent, to_dict

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)

CONTEXT_CHARS = 300  # article text shown around an event's evidence sentence


def event_features(events: list[StoredEvent]) -> list[dict[str, Any]]:
    """GeoJSON point features (ACLED columns as properties) plus what a map needs to draw and label them.

    The marker's size and number come from ``casualties`` only (see quantities/tolls.py): ``quantity``
    is the figure that sizes it (None when the event reports no dead or wounded), ``marker`` the text
    drawn on it, and the popup shows ``casualties.label``, which contains that text.
    """
    located = [e for e in events if e.lat is not None and e.lon is not None]
    features = list(geojson_features("events", located))
    for feature, se in zip(features, located):
        figure = casualty_figure(to_dict(se.event.quantities))
        feature["id"] = se.key
        feature["properties"].update(
            quantity=figure["size"] if figure else None, quantity_kind=figure["kind"] if figure else None,
            marker=figure["marker"] if figure else "", casualties=figure,
            title=se.title, published=se.published.isoformat() if se.published else None,
            confidence=se.event.confidence,
        )
    return features


@router.get("", summary="List events",
            description="Events matching every given filter, sorted and paginated. `total` counts all matches.")
def list_events(
    store: StoreDep,
    f: EventFilterDep,
    sort: Annotated[EventSort, Query(description="date, -date, confidence or -confidence.")] = EventSort.DATE,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List events."""
    page = dataclasses.replace(f, sort=sort.value, limit=limit, offset=offset)
    return ok({"ok": True, "total": store.count_events(f), "limit": limit, "offset": offset,
            "events": [event_json(e) for e in store.list_events(page)]})


@router.get(".geojson", summary="Events as GeoJSON",
            description="The same filters as /api/events, as a GeoJSON FeatureCollection of points "
                        "(events without coordinates are left out), loadable by QGIS or any web map.",
            response_description="A GeoJSON FeatureCollection")
def events_geojson(
    store: StoreDep,
    f: EventFilterDep,
    sort: Annotated[EventSort, Query(description="date, -date, confidence or -confidence.")] = EventSort.DATE,
    limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON, description=f"At most this many, 1..{MAX_GEOJSON}.")] = 5000,
    offset: Offset = 0,
) -> JSONResponse:
    """Events as GeoJSON."""
    page = dataclasses.replace(f, sort=sort.value, limit=limit, offset=offset)
    features = event_features(store.list_events(page))
    return ok({"type": "FeatureCollection", "features": features,
            "properties": {"total": store.count_events(f), "limit": limit, "offset": offset}})


@router.get("/{key}", summary="One event with its evidence",
            description="The event, the article it comes from (without its full text), the evidence "
                        "sentence and trigger spans, and the article text around the evidence.")
def get_event(
    store: StoreDep,
    key: Annotated[str, Path(max_length=64, description="The event key (from /api/events).")],
) -> JSONResponse:
    """One event with its evidence."""
    se = store.get_event(key)
    article = store.get_article(se.article_id)
    start, end = se.event.evidence.start, se.event.evidence.end
    before = article.text[max(0, start - CONTEXT_CHARS):start]
    after = article.text[end:end + CONTEXT_CHARS]
    trigger = se.event.trigger_evidence
    return ok({
        "ok": True,
        "event": event_json(se),
        "casualties": casualty_figure(to_dict(se.event.quantities)),
        "evidence": {"start": start, "end": end, "text": article.text[start:end],
                     "trigger": to_dict(trigger) if trigger else None, "before": before, "after": after},
        "article": {"id": article.id, "title": article.title, "url": article.url, "source": article.source,
                    "published": article.published.isoformat() if article.published else None},
    })
