"""/api/basemap/labels: place names from the gazetteer, largest first, more as the map zooms in, never
overlapping; cached; a 404 saying what to build when there is no gazetteer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.geo.labels import LabelIndex, load_label_index, tile_bbox, world_px
from tests.api.builders import write_label_gazetteer
from tests.api.conftest import _client

UKRAINE = "22,44,41,53"
EAST = "36,48,39,50.5"  # Kharkiv to Bakhmut


@pytest.fixture(scope="module")
def label_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_label_gazetteer(tmp_path_factory.mktemp("labels") / "gazetteer.sqlite")


@pytest.fixture(scope="module")
def labels_client(demo_db: str, label_gazetteer: Path) -> Iterator[Any]:
    yield from _client(Settings(db=demo_db, gazetteer=str(label_gazetteer)))


def _names(client: Any, bbox: str, zoom: int) -> list[str]:
    r = client.get("/api/basemap/labels", params={"bbox": bbox, "zoom": zoom})
    assert r.status_code == 200, r.text
    return [x["name"] for x in r.json()["labels"]]


@pytest.mark.parametrize(("zoom", "present", "absent"), [
    (4, ["Ukraine", "Kyiv"], ["Kharkiv", "Bakhmut"]),  # zoomed out: the country and its capital
    (5, ["Kyiv", "Kharkiv"], ["Kherson", "Bakhmut", "Klishchiivka"]),
    (6, ["Kharkiv", "Dnipro", "Mykolaiv", "Kherson", "Kramatorsk"], ["Bakhmut", "Klishchiivka"]),
    (8, ["Bakhmut", "Soledar", "Kramatorsk"], ["Klishchiivka"]),
    (11, ["Klishchiivka", "Andriivka", "Ivanivske"], []),  # villages only close in
])
def test_larger_places_first_more_as_the_map_zooms(labels_client, zoom, present, absent) -> None:  # noqa: ANN001
    names = _names(labels_client, UKRAINE if zoom < 8 else "37.5,48.3,38.3,48.9", zoom)
    for name in present:
        assert name in names, (zoom, names)
    for name in absent:
        assert name not in names, (zoom, names)
    if "Ukraine" not in names and "Kyiv" in names:
        assert names[0] == "Kyiv"  # the capital first, then by population


def test_labels_grow_with_zoom_and_keep_to_the_bbox(labels_client) -> None:  # noqa: ANN001
    counts = [len(_names(labels_client, EAST, z)) for z in (5, 6, 7, 8, 9)]
    assert counts == sorted(counts) and counts[0] < counts[-1], counts
    assert "Kyiv" not in _names(labels_client, EAST, 9)  # outside the bbox


def test_labels_never_overlap() -> None:
    # Two towns 1 km apart: one label at zoom 8 (the larger), both at zoom 14.
    from frontlines.geo.labels import Label

    index = LabelIndex([Label(name="Bigtown", lat=48.0, lon=37.0, kind="settlement", population=50_000, country="UKR"),
                        Label(name="Smalltown", lat=48.009, lon=37.0, kind="settlement", population=40_000,
                              country="UKR")])
    assert [x.name for x in index.labels((36, 47, 38, 49), 8)] == ["Bigtown"]
    assert [x.name for x in index.labels((36, 47, 38, 49), 14)] == ["Bigtown", "Smalltown"]


def test_label_tiles_tile_the_world() -> None:
    assert tile_bbox(0, 0, 1) == pytest.approx((-180.0, -85.0511, 180.0, 85.0511), abs=1e-3)  # one tile at zoom 1
    assert tile_bbox(0, 0, 2) == pytest.approx((-180.0, 0.0, 0.0, 85.0511), abs=1e-3)  # the north-west quarter
    x, y = world_px(48.5953, 38.0003, 7)
    assert 0 < x < 256 * 2**7 and 0 < y < 256 * 2**7


def test_labels_are_cached_and_documented(labels_client) -> None:  # noqa: ANN001
    params = {"bbox": EAST, "zoom": 8}
    first = labels_client.get("/api/basemap/labels", params=params)
    assert "max-age" in first.headers["cache-control"]
    assert labels_client.app.state.label_cache  # kept by the app
    assert labels_client.get("/api/basemap/labels", params=params).content == first.content
    body = first.json()
    assert "GeoNames" in body["attribution"] and body["zoom"] == 8
    assert {"name", "lat", "lon", "kind", "population"} <= set(body["labels"][0])
    schema = labels_client.get("/api/openapi.json").json()
    assert "/api/basemap/labels" in schema["paths"]
    config = labels_client.get("/api/config").json()["basemap"]
    assert config["labels"] == "/api/basemap/labels" and config["label_tile"] == 512


@pytest.mark.parametrize("params", [{"bbox": "1,2,3", "zoom": 5}, {"bbox": "10,50,5,40", "zoom": 5},
                                    {"bbox": UKRAINE, "zoom": 40}, {"zoom": 5}])
def test_bad_label_requests_are_422(labels_client, params) -> None:  # noqa: ANN001
    r = labels_client.get("/api/basemap/labels", params=params)
    assert r.status_code == 422 and r.json()["ok"] is False


def test_no_gazetteer_is_a_404_naming_the_build_command(demo_db, tmp_path) -> None:  # noqa: ANN001
    gen = _client(Settings(db=demo_db, gazetteer=str(tmp_path / "missing.sqlite")))
    client = next(gen)
    r = client.get("/api/basemap/labels", params={"bbox": UKRAINE, "zoom": 5})
    assert r.status_code == 404 and "frontlines gazetteer build" in r.json()["error"]
    assert client.get("/api/config").json()["basemap"]["labels"] is None  # so the page asks for none
    next(gen, None)


def test_load_label_index_reads_settlements_and_countries(label_gazetteer) -> None:  # noqa: ANN001
    index = load_label_index(label_gazetteer)
    assert len(index) == 19
