"""/api/config and /api/basemap: what the web page needs to draw a map with no tile server.

Country borders come from the world-borders GeoJSON that the geopip package
ships (thematicmapping.org's simplified TM_WORLD_BORDERS, 246 countries), read
once per app on first use; coordinates are rounded to 0.01° (about 1 km), which
halves the payload and is finer than the outlines themselves.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from frontlines import __version__
from frontlines.api.deps import SettingsDep, ok
from frontlines.api.errors import ERROR_RESPONSES, ApiError

router = APIRouter(prefix="/api", tags=["map"], responses=ERROR_RESPONSES)

BORDERS_PACKAGE = "geopip"
BORDERS_FILE = "globe.geo.json"
BORDERS_ATTRIBUTION = "Borders: thematicmapping.org world borders (CC BY-SA 3.0), via the geopip package"


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(coords, 2)
    return [_round(c) for c in coords]


def load_country_borders() -> bytes:
    """The packaged world borders as compact GeoJSON bytes, properties cut to iso3 and name."""
    try:
        raw = resources.files(BORDERS_PACKAGE).joinpath(BORDERS_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ApiError(404, f"country borders are not installed (pip package {BORDERS_PACKAGE})", code="E703") from exc
    data = json.loads(raw)
    features = []
    for f in data.get("features", []):
        props = f.get("properties") or {}
        geom = f.get("geometry") or {}
        features.append({
            "type": "Feature",
            "properties": {"iso3": props.get("ISO3"), "name": props.get("NAME")},
            "geometry": {"type": geom.get("type"), "coordinates": _round(geom.get("coordinates", []))},
        })
    out = {"type": "FeatureCollection", "features": features, "attribution": BORDERS_ATTRIBUTION}
    return json.dumps(out, separators=(",", ":")).encode("utf-8")


@router.get("/basemap/countries", summary="Country borders (offline base layer)",
            description="World country borders as a GeoJSON FeatureCollection (properties: iso3, name), from "
                        "data shipped in a Python package, so the map works with no tile server.",
            response_description="A GeoJSON FeatureCollection")
def country_borders(request: Request) -> Response:
    """Country borders (offline base layer)."""
    state = request.app.state
    with state.cache_lock:  # two first requests at once load the file once
        if getattr(state, "borders", None) is None:
            state.borders = load_country_borders()
    return Response(state.borders, media_type="application/geo+json",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/config", summary="Web page settings",
            description="The version, the optional tile URL (Settings.tile_url), the base layer's address and "
                        "attribution, and whether writes are enabled (an API token is configured).")
def get_config(settings: SettingsDep) -> JSONResponse:
    """Web page settings."""
    return ok({
        "ok": True,
        "version": __version__,
        "tile_url": settings.tile_url or None,
        "basemap": {"countries": "/api/basemap/countries", "attribution": BORDERS_ATTRIBUTION},
        "writes": bool(settings.api_token),
    })
