"""/api/incidents: events from several articles that describe the same happening, with their sources."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import Limit, Offset, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES, ApiError
from frontlines.records import to_dict

router = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERROR_RESPONSES)


class Corroboration(str, enum.Enum):
    SINGLE = "single-source"
    PARTY = "claimed-by-party"
    INDEPENDENT = "independent"
    DISPUTED = "disputed"


@router.get("", summary="List incidents",
            description="Incidents (newest first): merged events with their reports, independent outlets vs the "
                        "parties' own claims, corroboration and quantity ranges; filter by dates, corroboration, "
                        "PLOVER type and number of reports.")
def list_incidents(
    store: StoreDep,
    since: Annotated[dt.date | None, Query(description="Incidents ending on or after (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Incidents starting on or before (YYYY-MM-DD).")] = None,
    corroboration: Annotated[Corroboration | None, Query(description="single-source, claimed-by-party, "
                                                                      "independent or disputed.")] = None,
    type: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z_]+$", description="PLOVER type.")] = None,
    min_reports: Annotated[int, Query(ge=1, le=10_000, description="At least this many reports.")] = 1,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """List incidents."""
    if since and until and since > until:
        raise ApiError(422, f"since {since} is after until {until}")
    rows = store.list_incidents(since=since, until=until, corroboration=corroboration.value if corroboration else None,
                                plover_type=type, min_reports=min_reports, limit=limit, offset=offset)
    return ok({"ok": True, "limit": limit, "offset": offset, "incidents": [to_dict(i) for i in rows]})


@router.get("/{incident_id}", summary="One incident with its reports",
            description="One incident by id (or an unambiguous prefix), with every report: article, event key, "
                        "outlet, whether it is independent, and its publication date.")
def get_incident(
    store: StoreDep,
    incident_id: Annotated[str, Path(min_length=4, max_length=64, pattern=r"^[0-9A-Za-z]+$",
                                     description="Incident id or prefix.")],
) -> JSONResponse:
    """One incident with its reports."""
    return ok({"ok": True, "incident": to_dict(store.get_incident(incident_id))})
