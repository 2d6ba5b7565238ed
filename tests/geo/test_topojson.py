"""TopoJSON decoding: shared arcs, reversed arcs, quantised deltas, every geometry type, bad input."""

from __future__ import annotations

import pytest

from frontlines.geo.topojson import TopologyError, decode_arcs, to_geojson

# Two unit squares side by side sharing the edge x=1; arc 0 is that shared edge, walked up.
SQUARES = {
    "type": "Topology",
    "arcs": [
        [[1, 0], [1, 1]],                  # 0: shared edge, (1,0) -> (1,1)
        [[1, 1], [0, 1], [0, 0], [1, 0]],  # 1: left square's other sides
        [[1, 0], [2, 0], [2, 1], [1, 1]],  # 2: right square's other sides
    ],
    "objects": {"cells": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "L", "properties": {"name": "left"}},
        {"type": "Polygon", "arcs": [[2, -1]], "id": "R", "properties": {"name": "right"}},  # -1 is ~0
        {"type": None, "id": "empty"},
    ]}},
}


def test_shared_and_reversed_arcs_stitch_into_closed_rings() -> None:
    fc = to_geojson(SQUARES)
    left, right, empty = fc["features"]
    assert left["id"] == "L" and left["properties"] == {"name": "left"}
    assert left["geometry"] == {"type": "Polygon", "coordinates": [[[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]]}
    # arc 2 then arc 0 backwards: the shared point (1,1) appears once
    assert right["geometry"]["coordinates"] == [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]
    assert empty["geometry"] is None and empty["id"] == "empty"


def test_quantised_delta_encoded_arcs_and_points_are_transformed() -> None:
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [30.0, 45.0]},
        "arcs": [[[0, 0], [2, 0], [0, 4], [-2, 0], [0, -4]], [[4, 4], [2, 2]]],
        "objects": {
            "area": {"type": "MultiPolygon", "arcs": [[[0]]]},
            "road": {"type": "LineString", "arcs": [1]},
            "towns": {"type": "MultiPoint", "coordinates": [[0, 0], [2, 4]]},
            "town": {"type": "Point", "coordinates": [4, 8]},
        },
    }
    assert decode_arcs(topo)[1] == [[32.0, 46.0], [33.0, 46.5]]
    area = to_geojson(topo, "area")["features"][0]["geometry"]
    assert area == {"type": "MultiPolygon",
                    "coordinates": [[[[30.0, 45.0], [31.0, 45.0], [31.0, 46.0], [30.0, 46.0], [30.0, 45.0]]]]}
    assert to_geojson(topo, "road")["features"][0]["geometry"]["coordinates"] == [[32.0, 46.0], [33.0, 46.5]]
    assert to_geojson(topo, "towns")["features"][0]["geometry"]["coordinates"] == [[30.0, 45.0], [31.0, 46.0]]
    assert to_geojson(topo, "town")["features"][0]["geometry"] == {"type": "Point", "coordinates": [32.0, 47.0]}


def test_degenerate_ring_is_padded_to_four_positions() -> None:
    topo = {"type": "Topology", "arcs": [[[0, 0], [1, 1]]],
            "objects": {"o": {"type": "Polygon", "arcs": [[0]]}}}
    ring = to_geojson(topo)["features"][0]["geometry"]["coordinates"][0]
    assert ring == [[0, 0], [1, 1], [0, 0], [0, 0]]


@pytest.mark.parametrize(("doc", "name", "message"), [
    ({"type": "FeatureCollection"}, None, "not a TopoJSON"),
    ({"type": "Topology", "arcs": [], "objects": {"a": {}, "b": {}}}, None, "name one of"),
    ({"type": "Topology", "arcs": [], "objects": {"a": {}}}, "b", "no object 'b'"),
    ({"type": "Topology", "objects": {"a": {"type": "Point", "coordinates": [0, 0]}}}, None, "'arcs' list"),
    ({"type": "Topology", "arcs": [], "objects": {"a": {"type": "Blob"}}}, None, "unknown geometry type"),
])
def test_bad_topologies_raise_a_clear_error(doc: dict, name: str | None, message: str) -> None:
    with pytest.raises(TopologyError, match=message):
        to_geojson(doc, name)
