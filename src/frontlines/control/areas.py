"""Which settlements an area statement covers.

"The west bank of the Dnipro", "villages around Kharkiv", "Kherson region":
the settlements covered are chosen among the settlements the caller knows (the
store's mentioned settlements), by oblast name, by distance from the area's
point, or by side of a river course. River courses are coarse polylines
(upstream to downstream), passed in so that a user can supply better ones.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from frontlines.incidents.match import haversine_km
from frontlines.records import Place, PlaceKind

Course = tuple[tuple[float, float], ...]  # (lat, lon) points, upstream first

# Coarse courses of the rivers that front lines follow, from the river's
# published course (OpenStreetMap relations), a point every 30-80 km and
# closer where the river bends past cities. Good for "which bank", not for maps.
_DEFAULT_COURSES: dict[str, Course] = {
    "dnipro": (
        (50.45, 30.60), (49.75, 31.47), (49.45, 32.10), (49.06, 33.42), (48.52, 34.61),
        (48.46, 35.00), (47.85, 35.10), (47.53, 34.50), (47.10, 33.80), (46.775, 33.37),
        (46.70, 33.00), (46.665, 32.72), (46.615, 32.60), (46.57, 32.40), (46.55, 32.10),
    ),
    "siverskyi donets": (
        (50.60, 36.60), (49.84, 36.69), (49.46, 36.86), (49.21, 37.27), (49.03, 37.57),
        (48.90, 37.95), (48.93, 38.45), (48.78, 39.20), (48.30, 39.90),
    ),
    "oskil": ((50.50, 37.80), (50.05, 37.75), (49.71, 37.62), (49.35, 37.55), (49.15, 37.42)),
    "inhulets": ((47.90, 33.40), (47.50, 33.30), (47.10, 33.20), (46.75, 32.90), (46.67, 32.80)),
}

_BANK = re.compile(r"\b(west|western|east|eastern|north|northern|south|southern|right|left)\s+bank\b", re.I)
_DIRECTION = re.compile(r"\b(west|north|east|south)(?:-?(west|east))?\s+of\b", re.I)
_COMPASS = {"west": (0.0, -1.0), "east": (0.0, 1.0), "north": (1.0, 0.0), "south": (-1.0, 0.0)}

# How far an area reaches from its point, by kind (km).
_AREA_RADIUS_KM = {
    PlaceKind.ADMIN2: 45.0,
    PlaceKind.REGION: 150.0,
    PlaceKind.RELATIVE: 50.0,
    PlaceKind.RIVER: 25.0,
}
BANK_REACH_KM = 60.0  # "the west bank": settlements this close to the river, on that side


def default_courses() -> dict[str, Course]:
    """The project's coarse river courses, keyed by lower-case river name."""
    return dict(_DEFAULT_COURSES)


def _norm(text: str | None) -> str:
    text = (text or "").lower()
    text = re.sub(r"\b(?:the|river|oblast|region|province)\b", " ", text)
    return " ".join(text.replace("dnieper", "dnipro").split())


def _xy(lat0: float, lat: float, lon: float) -> tuple[float, float]:
    # Local equirectangular projection (km): enough to tell sides and distances along a river.
    return (lon * 111.32 * math.cos(math.radians(lat0)), lat * 110.57)


def _nearest_segment(course: Course, lat: float, lon: float) -> tuple[float, float]:
    """(distance km, signed side) to the nearest course segment; side > 0 is the left bank."""
    best = (math.inf, 0.0)
    px, py = _xy(lat, lat, lon)
    for (la1, lo1), (la2, lo2) in zip(course, course[1:]):
        ax, ay = _xy(lat, la1, lo1)
        bx, by = _xy(lat, la2, lo2)
        vx, vy = bx - ax, by - ay
        seg2 = vx * vx + vy * vy or 1e-9
        u = max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / seg2))
        cx, cy = ax + u * vx, ay + u * vy
        dist = math.hypot(px - cx, py - cy)
        if dist < best[0]:
            best = (dist, vx * (py - ay) - vy * (px - ax))
    return best


def _bank_sign(course: Course, lat: float, lon: float, word: str) -> float:
    """+1 when ``word`` ("west", "right", ...) names the left bank at this stretch, -1 for the right."""
    word = word.lower().removesuffix("ern")
    if word in ("left", "right"):
        return 1.0 if word == "left" else -1.0
    # "West bank" names a side of the whole river, not of the nearest bend: take the
    # river's overall direction (source to mouth) and see on which side that compass point lies.
    dlat, dlon = _COMPASS[word]
    (la1, lo1), (la2, lo2) = course[0], course[-1]
    ax, ay = _xy(lat, la1, lo1)
    bx, by = _xy(lat, la2, lo2)
    cross = (bx - ax) * dlat - (by - ay) * dlon
    return 1.0 if cross > 0 else -1.0


def _in_direction(anchor: tuple[float, float], point: tuple[float, float], words: Sequence[str]) -> bool:
    """Whether ``point`` lies within 60 degrees of the direction ("south", or "south" + "east") from ``anchor``."""
    dy = point[0] - anchor[0]
    dx = (point[1] - anchor[1]) * math.cos(math.radians(anchor[0]))
    dlat = sum(_COMPASS[w][0] for w in words)
    dlon = sum(_COMPASS[w][1] for w in words)
    norm = (math.hypot(dx, dy) * math.hypot(dlat, dlon)) or 1e-9
    return (dx * dlon + dy * dlat) / norm >= 0.5


def settlements_in_area(
    area: Place,
    known: Sequence[Place],
    courses: Mapping[str, Course] | None = None,
) -> tuple[Place, ...]:
    """The known settlements an area statement covers (never the area itself)."""
    courses = default_courses() if courses is None else courses
    settlements = [
        s for s in known
        if s.lat is not None and s.lon is not None and (s.kind in (PlaceKind.SETTLEMENT, None))
    ]
    if area.kind is PlaceKind.ADMIN1:
        # the places inside a division carry its label (its English name, "Crimea"), which may not
        # be its gazetteer name ("Avtonomna Respublika Krym")
        names = {_norm(area.name or area.text), _norm(area.admin1)} - {""}
        return tuple(s for s in settlements if _norm(s.admin1) in names
                     and (not area.country or not s.country or s.country == area.country))
    text = area.text or ""
    anchor_name = _norm(area.anchor or (area.name if area.kind is PlaceKind.RIVER else None))
    course = courses.get(anchor_name) if anchor_name else None
    bank = _BANK.search(text)
    if course:
        out = []
        for s in settlements:
            dist, side = _nearest_segment(course, s.lat, s.lon)  # type: ignore[arg-type]
            if bank:
                if dist <= BANK_REACH_KM and side * _bank_sign(course, s.lat, s.lon, bank.group(1)) > 0:  # type: ignore[arg-type]
                    out.append(s)
            elif dist <= _AREA_RADIUS_KM[PlaceKind.RIVER]:
                out.append(s)
        return tuple(out)
    if area.lat is None or area.lon is None:
        return ()
    radius = _AREA_RADIUS_KM.get(area.kind or PlaceKind.RELATIVE, _AREA_RADIUS_KM[PlaceKind.RELATIVE])
    direction = _DIRECTION.search(text) or (bank if bank and bank.group(1).lower() not in ("left", "right") else None)
    words = [w.lower().removesuffix("ern") for w in direction.groups() if w] if direction else []
    out = []
    for s in settlements:
        if s.gazetteer_id and s.gazetteer_id == area.gazetteer_id:  # "around Kharkiv" is not Kharkiv
            continue
        if haversine_km(area.lat, area.lon, s.lat, s.lon) > radius:  # type: ignore[arg-type]
            continue
        if direction and not _in_direction((area.lat, area.lon), (s.lat, s.lon), words):  # type: ignore[arg-type]
            continue
        out.append(s)
    return tuple(out)
