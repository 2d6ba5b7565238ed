"""/api/incidents: events from several articles that describe the same happening, with their sources.

Incidents are the map's default view: one point per incident, however many
articles report it. They take the same filters as /api/events: the type, the
dates and the bounding box apply to the incident itself; the event-level
filters (actor, side, status, ACLED type, country, place, text, article) keep
the incidents with at least one member event that matches.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import MAX_GEOJSON, EventFilterDep, Limit, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES
from frontlines.errors import NotFound
from frontlines.quantities.tolls import casualty_figure, casualty_range_figure
from frontlines.time.periods import iso_period
from frontlines.records import Incident, Report, to_dict
from frontlines.store import EventFilter, IncidentFilter

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

router = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERROR_RESPONSES)

# Event filters that select member events rather than the incident's own fields.
_MEMBER_FIELDS = ("acled_type", "actor", "country", "side", "place", "status", "text", "article_id")


class Corroboration(str, enum.Enum):
    SINGLE = "single-source"
    PARTY = "claimed-by-party"
    INDEPENDENT = "independent"
    DISPUTED = "disputed"


CorroborationParam = Annotated[Corroboration | None, Query(
    description="single-source, claimed-by-party, independent or disputed.")]
MinReports = Annotated[int, Query(ge=1, le=10_000, description="At least this many reports.")]


def incident_filter(f: EventFilter, corroboration: Corroboration | None, min_reports: int, limit: int,
                    offset: int) -> IncidentFilter:
    """The store's incident filter for an event filter: type, dates and bbox on the incident itself,
    the other fields on its member events (all applied in SQL, so paging and totals are exact)."""
    members = None
    if any(getattr(f, name) for name in _MEMBER_FIELDS):
        members = dataclasses.replace(f, plover_type=None, since=None, until=None, bbox=None)
    return IncidentFilter(since=f.since, until=f.until, plover_type=f.plover_type, bbox=f.bbox,
                          corroboration=corroboration.value if corroboration else None, min_reports=min_reports,
                          members=members, limit=limit, offset=offset)


def incident_dict(incident: Incident) -> dict[str, Any]:
    """An incident as JSON, with its dates at their own precision (``period``: "2023", "2022-04" ...)
    and its casualty figure across reports (``casualties``, None when no report gives one)."""
    out = to_dict(incident)
    out["period"] = iso_period(incident.start, incident.end)
    out["casualties"] = casualty_range_figure(incident.quantity_ranges)
    return out


def incident_feature(incident: Incident) -> dict[str, Any] | None:
    """A GeoJSON Point for an incident (None without coordinates), with what a map needs to draw it."""
    place = incident.place
    if place is None or place.lat is None or place.lon is None:
        return None
    figure = casualty_range_figure(incident.quantity_ranges)  # casualties only: never a population or a distance
    sources = sorted({r.source for r in incident.reports if r.source})
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "id": incident.id,
            "plover_type": incident.plover_type,
            "acled_sub_event_type": incident.acled_sub_event_type,
            "location": place.name or place.text,
            "admin1": place.admin1,
            "country": place.country,
            "start": incident.start.isoformat() if incident.start else None,
            "end": incident.end.isoformat() if incident.end else None,
            "corroboration": incident.corroboration,
            "reports": len(incident.reports),
            "independent_sources": incident.independent_sources,
            "party_claims": incident.party_claims,
            "sources": sources,
            "earliest_report": incident.earliest_report.isoformat() if incident.earliest_report else None,
            "quantity_ranges": {k: list(v) for k, v in (incident.quantity_ranges or {}).items()},
            "quantity": figure["size"] if figure else None,
            "quantity_kind": figure["kind"] if figure else None,
            "casualties": figure,
            "period": iso_period(incident.start, incident.end),
            "reasons": list(incident.reasons),
        },
    }


@router.get("", summary="List incidents",
            description="Incidents (newest first): merged events with their reports, independent outlets vs the "
                        "parties' own claims, corroboration and quantity ranges. The same filters as /api/events "
                        "(type, dates, bbox on the incident; actor, side, status ... on its member events), plus "
                        "corroboration and number of reports. `total` counts all matches.")
def list_incidents(
    store: StoreDep,
    f: EventFilterDep,
    corroboration: CorroborationParam = None,
    min_reports: MinReports = 1,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List incidents."""
    where = incident_filter(f, corroboration, min_reports, limit, offset)
    return ok({"ok": True, "total": store.count_incidents(where), "limit": limit, "offset": offset,
               "incidents": [incident_dict(i) for i in store.list_incidents(where)]})


@router.get(".geojson", summary="Incidents as GeoJSON",
            description="The same filters as /api/incidents, as a GeoJSON FeatureCollection: one point per "
                        "incident with its corroboration, number of reports, sources and quantity ranges "
                        "(incidents without coordinates are left out).",
            response_description="A GeoJSON FeatureCollection")
def incidents_geojson(
    store: StoreDep,
    f: EventFilterDep,
    corroboration: CorroborationParam = None,
    min_reports: MinReports = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON, description=f"At most this many, 1..{MAX_GEOJSON}.")] = 5000,
    offset: Offset = 0,
) -> JSONResponse:
    """Incidents as GeoJSON."""
    where = incident_filter(f, corroboration, min_reports, limit, offset)
    features = [x for x in (incident_feature(i) for i in store.list_incidents(where)) if x is not None]
    return ok({"type": "FeatureCollection", "features": features,
               "properties": {"total": store.count_incidents(where), "limit": limit, "offset": offset}})


def _report_detail(store: Store, report: Report) -> dict[str, Any]:
    """One report with its event, evidence sentence (trigger marked by offsets) and article."""
    out: dict[str, Any] = {"report": to_dict(report)}
    try:
        se = store.get_event(report.event_key)
    except NotFound:
        out["missing"] = True  # its article was re-processed since the incident was merged
        return out
    ev = se.event
    out["event"] = {"key": se.key, "date": _iso(se.date), "date_end": _iso(se.date_end), "period": se.period,
                    "status": ev.status.value, "plover_type": ev.plover_type,
                    "acled_sub_event_type": ev.acled_sub_event_type, "location": se.location,
                    "confidence": ev.confidence}
    out["event"]["attributed_to"] = ev.attributed_to
    out["event"]["quantities"] = [{"kind": q.kind, "value": q.value, "low": q.low, "high": q.high, "text": q.text}
                                  for q in ev.quantities]
    out["event"]["casualties"] = casualty_figure(to_dict(ev.quantities))
    out["evidence"] = {"start": ev.evidence.start, "end": ev.evidence.end, "text": ev.evidence.text,
                       "trigger": to_dict(ev.trigger_evidence) if ev.trigger_evidence else None}
    out["article"] = {"id": se.article_id, "title": se.title, "url": se.url,
                      "source": se.source, "published": _iso(se.published)}
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@router.get("/{incident_id}", summary="One incident with its reports",
            description="One incident by id (or an unambiguous prefix), with every report: article, event key, "
                        "outlet, whether it is independent, and its publication date; `reports` adds each "
                        "report's event, evidence sentence and article (title, URL, outlet).")
def get_incident(
    store: StoreDep,
    incident_id: Annotated[str, Path(min_length=4, max_length=64, pattern=r"^[0-9A-Za-z]+$",
                                     description="Incident id or prefix.")],
) -> JSONResponse:
    """One incident with its reports."""
    incident = store.get_incident(incident_id)
    reports = sorted(incident.reports, key=lambda r: (r.published.isoformat() if r.published else "9999",
                                                      r.source or "", r.event_key))
    return ok({"ok": True, "incident": incident_dict(incident), "reports": [_report_detail(store, r) for r in reports]})
