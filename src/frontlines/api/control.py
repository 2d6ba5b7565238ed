"""/api/control: who controls each settlement on a date, with status and evidence (JSON or GeoJSON)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontlines.api.deps import MAX_TEXT, IsoDate, StoreDep, ok
from frontlines.api.errors import ERROR_RESPONSES

router = APIRouter(prefix="/api/control", tags=["control"], responses=ERROR_RESPONSES)

DateParam = Annotated[IsoDate, Query(description="The state of control on this day (YYYY-MM-DD).")]
RegionParam = Annotated[str | None, Query(max_length=MAX_TEXT,
                                          description="Oblast/admin1 name (contains), or ISO3 country.")]


@router.get("", summary="Territorial control on a date",
            description="Per settlement: the side in control on `date`, since when, claimed/confirmed/disputed, "
                        "who claims it, its sources and evidence sentences, its `id` (to review it: POST "
                        "/api/control/{id}/review) and an analyst's `review` (confirmed or corrected, with "
                        "`reviewer`); a change an analyst rejected is not in the timeline.")
def control_state(store: StoreDep, date: DateParam, region: RegionParam = None) -> JSONResponse:
    """Territorial control on a date."""
    from frontlines.control import change_json, state_on

    state = state_on(store, date, region=region)
    return ok({"ok": True, "date": date.isoformat(), "settlements": [change_json(c) for c in state]})


@router.get(".geojson", summary="Territorial control as GeoJSON",
            description="The same state of control as a GeoJSON FeatureCollection: one point per settlement, "
                        "with side, status and evidence as properties.",
            response_description="A GeoJSON FeatureCollection")
def control_geojson(store: StoreDep, date: DateParam, region: RegionParam = None) -> JSONResponse:
    """Territorial control as GeoJSON."""
    from frontlines.control import state_geojson, state_on

    return ok(state_geojson(state_on(store, date, region=region), date))


@router.get("/dates", summary="Dates on which control changed",
            description="The first and last date of any stored control change (optionally in one region) and "
                        "every date with a change: the range of the map's control slider. An area statement "
                        "counts only if it covers a known settlement (in the region); a change an analyst "
                        "rejected is not counted, a corrected one counts at its corrected date.")
def control_dates(store: StoreDep, region: RegionParam = None) -> JSONResponse:
    """Dates on which control changed."""
    from frontlines.control import change_dates

    dates = change_dates(store, region=region)
    return ok({"ok": True, "first": dates[0].isoformat() if dates else None,
               "last": dates[-1].isoformat() if dates else None, "dates": [d.isoformat() for d in dates]})
