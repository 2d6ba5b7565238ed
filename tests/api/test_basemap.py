"""/api/config and /api/basemap/countries: the offline base layer shipped in a package."""

from __future__ import annotations

import json

from frontlines.config import Settings
from tests.api.conftest import _client


def test_country_borders_are_geojson(client) -> None:  # noqa: ANN001
    r = client.get("/api/basemap/countries", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    assert r.headers.get("content-encoding") == "gzip"  # about 1 MB raw
    fc = json.loads(r.content)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) > 200
    ukr = next(f for f in fc["features"] if f["properties"]["iso3"] == "UKR")
    assert ukr["properties"]["name"] == "Ukraine"
    assert ukr["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "thematicmapping" in fc["attribution"]


def test_config_without_and_with_tiles(client, fresh_db) -> None:  # noqa: ANN001
    body = client.get("/api/config").json()
    assert body["tile_url"] is None and body["writes"] is False
    assert body["basemap"]["countries"] == "/api/basemap/countries"
    gen = _client(Settings(db=fresh_db, tile_url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
                           api_token="t"))
    other = next(gen)
    body = other.get("/api/config").json()
    assert body["tile_url"].startswith("https://{s}.tile.openstreetmap.org") and body["writes"] is True
    csp = other.get("/api/config").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tile.openstreetmap.org" in csp
    next(gen, None)
