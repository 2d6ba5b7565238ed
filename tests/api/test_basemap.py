"""/api/config and /api/basemap: the offline base layer (country and admin-1 borders) shipped in packages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.api.basemap import ADMIN1_DIR, admin1_countries, load_admin1
from frontlines.api.errors import ApiError
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
    assert body["basemap"]["admin1"] == "/api/basemap/admin1/{iso3}"
    assert {"UKR", "RUS", "SYR", "USA"} <= set(body["basemap"]["admin1_countries"])
    gen = _client(Settings(db=fresh_db, tile_url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
                           api_token="t"))
    other = next(gen)
    body = other.get("/api/config").json()
    assert body["tile_url"].startswith("https://{s}.tile.openstreetmap.org") and body["writes"] is True
    csp = other.get("/api/config").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tile.openstreetmap.org" in csp
    next(gen, None)


needs_admin1 = pytest.mark.skipif(not ADMIN1_DIR.is_dir(), reason="admin-1 borders not installed: run `make web`")


@needs_admin1
def test_admin1_borders_of_a_country(client) -> None:  # noqa: ANN001
    r = client.get("/api/basemap/admin1/ukr", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = json.loads(r.content)
    names = {f["properties"]["name"] for f in fc["features"]}
    assert len(fc["features"]) == 27  # 24 oblasts, Crimea, Kyiv and Sevastopol cities
    assert {"Kharkiv", "Kherson", "Crimea", "Zhytomyr"} <= names
    assert all(f["properties"]["iso3"] == "UKR" and f["properties"]["code"].startswith("UA.") for f in fc["features"])
    kharkiv = next(f for f in fc["features"] if f["properties"]["name"] == "Kharkiv")
    ring = kharkiv["geometry"]["coordinates"][0] if kharkiv["geometry"]["type"] == "Polygon" \
        else kharkiv["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1]  # closed
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert 34.5 < min(lons) < max(lons) < 38.5 and 48.4 < min(lats) < max(lats) < 50.6  # Kharkiv oblast
    assert "Natural Earth" in fc["attribution"]


@needs_admin1
@pytest.mark.parametrize(("iso3", "status", "code"), [("XYZ", 404, "E703"), ("U1A", 422, "E902"),
                                                       ("ukraine", 422, "E902"), ("..%2F..", 404, None)])
def test_admin1_bad_codes_get_the_error_shape(client, iso3: str, status: int, code: str | None) -> None:  # noqa: ANN001
    r = client.get(f"/api/basemap/admin1/{iso3}")
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    if code:
        assert body["code"] == code


def test_admin1_missing_or_broken_files_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ApiError, match="make web") as missing:
        load_admin1("UKR", tmp_path / "absent")
    assert missing.value.status == 404
    (tmp_path / "abc.topo.json").write_text('{"type": "FeatureCollection"}', encoding="utf-8")
    (tmp_path / "bad.topo.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "world.topo.json").write_text("{}", encoding="utf-8")  # not a country file
    assert admin1_countries(tmp_path) == ["ABC", "BAD"]
    with pytest.raises(ApiError, match="not valid TopoJSON"):
        load_admin1("ABC", tmp_path)
    with pytest.raises(ApiError, match="not valid JSON") as broken:
        load_admin1("bad", tmp_path)
    assert broken.value.status == 500
    assert admin1_countries(tmp_path / "absent") == []
