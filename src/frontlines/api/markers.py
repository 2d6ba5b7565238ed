"""/api/map: the map's markers as lean GeoJSON, one small feature per located event or incident.

The web map draws up to tens of thousands of markers at once; /api/events.geojson and
/api/incidents.geojson carry the full records (ACLED columns, sources, quantity ranges), which cost
seconds to rebuild and megabytes to send at that scale. These routes read only what a marker needs
from the store's columns (store.map_events, store.map_incidents), about a tenth of the bytes; a
popup then fetches the full record (/api/events/{key}, /api/incidents/{id}) when it opens.

The honesty rules stay where they are decided: an event's marker is sized and numbered by its
casualty figure alone (quantities/tolls.py: killed or injured, never a population, distance or troop
count; a vague toll sizes but shows no number), an incident's marker by its number of reports, and a
date known only to its year or month is sent as that period ("2023", "2022-04"; time/periods.py).
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import EventFilterDep, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES
from frontlines.api.incidents import CorroborationParam, MinReports, incident_filter
from frontlines.quantities.tolls import casualty_figure
from frontlines.records import MapEvent, MapIncident, StoredEvent, to_dict

router = APIRouter(prefix="/api/map", tags=["map"], responses=ERROR_RESPONSES)

MAX_MARKERS = 20_000  # the page asks for every marker of its view at once (docs/performance.md, Map page)
COORD_DIGITS = 5  # about a metre: finer than any gazetteer point, and a third fewer bytes per coordinate

MarkerLimit = Annotated[int, Query(ge=1, le=MAX_MARKERS, description=f"At most this many, 1..{MAX_MARKERS}.")]


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, COORD_DIGITS), round(lat, COORD_DIGITS)]}


def event_marker(m: MapEvent) -> dict[str, Any]:
    """One event's marker: its type, status, period, place, casualty toll (None without one) and review.

    ``toll`` is decided by quantities/tolls.py: ``size`` sizes the marker, ``marker`` is the text drawn
    on it ("" for a vague amount), ``label`` the words that contain it (the popup shows the same label).
    ``review`` is the latest review's verdict (confirmed, corrected, rejected), None when unreviewed.
    """
    figure = casualty_figure(m.quantities)  # casualties only: never a population, a distance or troops
    toll = None if figure is None else {"kind": figure["kind"], "size": figure["size"], "marker": figure["marker"],
                                        "label": figure["label"]}
    return {"type": "Feature", "id": m.key, "geometry": _point(m.lon, m.lat),
            "properties": {"plover_type": m.plover_type, "status": m.status, "period": m.period,
                           "location": m.location, "toll": toll, "review": m.verdict}}


def stored_event_marker(se: StoredEvent) -> dict[str, Any] | None:
    """The marker of one stored (reviewed) event, as /api/map/events draws it; None without coordinates.

    The page redraws a marker from it after a review, without reloading every marker.
    """
    if se.lat is None or se.lon is None:
        return None
    return event_marker(MapEvent(key=se.key, lat=se.lat, lon=se.lon, plover_type=se.event.plover_type,
                                 status=se.event.status.value, period=se.period, location=se.location,
                                 quantities=tuple(to_dict(q) for q in se.event.quantities),
                                 verdict=se.verdict.value if se.verdict else None))


def incident_marker(m: MapIncident) -> dict[str, Any]:
    """One incident's marker: its type, period, place, corroboration and number of reports."""
    return {"type": "Feature", "id": m.id, "geometry": _point(m.lon, m.lat),
            "properties": {"plover_type": m.plover_type, "period": m.period, "location": m.location,
                           "corroboration": m.corroboration, "reports": m.reports}}


@router.get("/events", summary="Event markers for the map",
            description="The same filters as /api/events, as a lean GeoJSON FeatureCollection for drawing markers: "
                        "one point per located event, newest first, with only its key (the feature id), PLOVER "
                        "type, status, period (the date at its own precision: \"2023\", \"2022-04\", "
                        "\"2022-11-07\"), place name, `review` (the latest review's verdict: confirmed, corrected or "
                        "rejected; null when unreviewed) and `toll`: the casualty figure that alone sizes and "
                        "numbers its marker (killed or injured; null when the event reports none). The full "
                        "event, with its evidence sentence, is at /api/events/{key}.",
            response_description="A GeoJSON FeatureCollection")
def event_markers(store: StoreDep, f: EventFilterDep, limit: MarkerLimit = 10_000, offset: Offset = 0) -> JSONResponse:
    """Event markers for the map."""
    markers = store.map_events(dataclasses.replace(f, limit=limit, offset=offset))
    return ok({"type": "FeatureCollection", "features": [event_marker(m) for m in markers],
               "properties": {"total": store.count_events(f), "limit": limit, "offset": offset}})


@router.get("/incidents", summary="Incident markers for the map",
            description="The same filters as /api/incidents, as a lean GeoJSON FeatureCollection for drawing "
                        "markers: one point per located incident, newest first, with only its id (the feature "
                        "id), PLOVER type, period, place name, corroboration and number of reports. The full "
                        "incident, with every report's evidence sentence, is at /api/incidents/{id}.",
            response_description="A GeoJSON FeatureCollection")
def incident_markers(
    store: StoreDep,
    f: EventFilterDep,
    corroboration: CorroborationParam = None,
    min_reports: MinReports = 1,
    limit: MarkerLimit = 10_000,
    offset: Offset = 0,
) -> JSONResponse:
    """Incident markers for the map."""
    where = incident_filter(f, corroboration, min_reports, limit, offset)
    return ok({"type": "FeatureCollection", "features": [incident_marker(m) for m in store.map_incidents(where)],
               "properties": {"total": store.count_incidents(where), "limit": limit, "offset": offset}})
