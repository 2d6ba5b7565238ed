"""The state of control as GeoJSON: one Point feature per settlement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from frontlines.control.timeline import change_id
from frontlines.records import ControlChange, to_dict


def state_feature(change: ControlChange) -> dict[str, Any] | None:
    """A settlement's control as a GeoJSON Feature (None without coordinates)."""
    place = change.settlement
    if place.lat is None or place.lon is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "id": change_id(change),  # for POST /api/control/{id}/review
            "settlement": place.name or place.text,
            "gazetteer_id": place.gazetteer_id,
            "admin1": place.admin1,
            "country": place.country,
            "side": change.to_side,  # ISO3 (or group) of the controlling side
            "from_side": change.from_side,
            "since": change.date.isoformat() if change.date else None,
            "status": change.status.value,
            "claimed_by": change.claimed_by,
            "confidence": change.confidence,
            "area": change.area,
            "sources": list(change.sources),
            "independent_sources": change.independent_sources,
            "evidence": [
                {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text}
                for e in change.evidence
            ],
            "events": list(change.basis),
            "review": change.review,  # an analyst's verdict (confirmed, corrected), None when unreviewed
            "reviewer": change.reviewer,
        },
    }


def change_json(change: ControlChange) -> dict[str, Any]:
    """A change of control as JSON (/api/control): the record with its id for reviews."""
    return {"id": change_id(change), **to_dict(change)}


def state_geojson(state: Sequence[ControlChange], date: dt.date) -> dict[str, Any]:
    """A FeatureCollection of the state of control on ``date``."""
    features = [f for f in (state_feature(c) for c in state) if f is not None]
    return {"type": "FeatureCollection", "date": date.isoformat(), "features": features}
