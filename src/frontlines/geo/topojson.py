"""TopoJSON to GeoJSON: the decoding that topojson-client's ``feature()`` does, in Python.

A topology stores each shared border once, as an arc (a list of positions,
delta-encoded and quantised when the topology has a ``transform``); a polygon
ring is a list of arc indices, ``~i`` (that is ``-i - 1``) meaning arc ``i``
walked backwards. Decoding stitches the arcs of each ring back into positions.
Pure functions over parsed JSON; used by the web map's admin-1 base layer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Position = list[float]


class TopologyError(ValueError):
    """The document is not a TopoJSON topology this decoder understands."""


def decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """Every arc as absolute positions (undoing quantisation and delta encoding)."""
    arcs = topology.get("arcs")
    if not isinstance(arcs, list):
        raise TopologyError("a topology needs an 'arcs' list")
    transform = topology.get("transform")
    if not transform:
        return [[[float(c) for c in p] for p in arc] for arc in arcs]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out = []
    for arc in arcs:
        x = y = 0
        positions = []
        for p in arc:
            x += p[0]
            y += p[1]
            positions.append([x * sx + tx, y * sy + ty, *p[2:]])
        out.append(positions)
    return out


def _point(topology: dict[str, Any]) -> Callable[[Sequence[float]], Position]:
    transform = topology.get("transform")
    if not transform:
        return lambda p: [float(c) for c in p]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    return lambda p: [p[0] * sx + tx, p[1] * sy + ty, *p[2:]]


def _line(indices: Sequence[int], arcs: list[list[Position]]) -> list[Position]:
    positions: list[Position] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        positions.extend(arc[1:] if positions else arc)  # consecutive arcs share their end point
    return positions


def _ring(indices: Sequence[int], arcs: list[list[Position]]) -> list[Position]:
    ring = _line(indices, arcs)
    while len(ring) < 4:  # a valid GeoJSON ring has >= 4 positions; pad degenerate ones as topojson does
        ring.append(ring[0])
    return ring


def geometry(obj: dict[str, Any], arcs: list[list[Position]], point: Callable[[Sequence[float]], Position]
             ) -> dict[str, Any] | None:
    """One TopoJSON geometry object as a GeoJSON geometry (None for a null geometry)."""
    kind = obj.get("type")
    if kind is None:
        return None
    if kind == "GeometryCollection":
        parts = [geometry(g, arcs, point) for g in obj.get("geometries", [])]
        return {"type": kind, "geometries": [g for g in parts if g is not None]}
    if kind == "Point":
        coords: Any = point(obj["coordinates"])
    elif kind == "MultiPoint":
        coords = [point(p) for p in obj["coordinates"]]
    elif kind == "LineString":
        coords = _line(obj["arcs"], arcs)
    elif kind == "MultiLineString":
        coords = [_line(a, arcs) for a in obj["arcs"]]
    elif kind == "Polygon":
        coords = [_ring(a, arcs) for a in obj["arcs"]]
    elif kind == "MultiPolygon":
        coords = [[_ring(a, arcs) for a in poly] for poly in obj["arcs"]]
    else:
        raise TopologyError(f"unknown geometry type {kind!r}")
    return {"type": kind, "coordinates": coords}


def to_geojson(topology: dict[str, Any], name: str | None = None) -> dict[str, Any]:
    """The named object (or the only one) of a topology as a GeoJSON FeatureCollection.

    Each geometry becomes a Feature keeping its ``id`` and ``properties``.
    """
    if topology.get("type") != "Topology":
        raise TopologyError("not a TopoJSON Topology")
    objects = topology.get("objects") or {}
    if name is None:
        if len(objects) != 1:
            raise TopologyError(f"name one of the objects: {sorted(objects)}")
        name = next(iter(objects))
    if name not in objects:
        raise TopologyError(f"no object {name!r} in the topology")
    arcs, point = decode_arcs(topology), _point(topology)
    obj = objects[name]
    members = obj.get("geometries", []) if obj.get("type") == "GeometryCollection" else [obj]
    features = []
    for g in members:
        feature: dict[str, Any] = {"type": "Feature", "properties": dict(g.get("properties") or {}),
                                   "geometry": geometry(g, arcs, point)}
        if "id" in g:
            feature["id"] = g["id"]
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}
