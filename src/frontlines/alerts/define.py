"""An alert from what a user typed (CLI options or an API body): every field checked, the place resolved.

One function for the CLI and the API, so both accept and refuse the same alerts
(E907, naming what is wrong and what is allowed).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from frontlines.alerts.deliver import check_sink
from frontlines.alerts.match import CONTROL
from frontlines.errors import FrontlinesError
from frontlines.records import Alert, ControlStatus, EventStatus, PlaceKind
from frontlines.vocabulary import check_plover_type, choose

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

STATUSES = (*(s.value for s in EventStatus), *(s.value for s in ControlStatus if s.value not in
                                                {e.value for e in EventStatus}))


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees, in range and not reversed; else E907."""
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError as exc:
        raise FrontlinesError(f"bbox {value!r}: want four numbers west,south,east,north", code="E907") from exc
    if not all(math.isfinite(v) for v in (west, south, east, north)) or not (
            -180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise FrontlinesError(f"bbox {value!r}: longitudes within ±180, latitudes within ±90", code="E907")
    if west > east or south > north:
        raise FrontlinesError(f"bbox {value!r}: reversed (west <= east, south <= north)", code="E907")
    return west, south, east, north


def resolve_place(gazetteer_path: Any, text: str) -> tuple[str, str, float, float]:
    """A gazetteer id ("geonames:706448") or name (the most populous settlement of that name, else the most
    populous place): (name, id, lat, lon)."""
    from frontlines.geo.builder import load_gazetteer

    gaz = load_gazetteer(gazetteer_path)
    try:
        found = gaz.get(text.strip()) if ":" in text else None
        if found is None:
            candidates = gaz.lookup(text.strip())
            # a town before the oblast named after it (Kherson, not Kherson Oblast), else the most populous
            settlements = [c for c in candidates if c.kind is PlaceKind.SETTLEMENT]
            ranked = settlements or list(candidates)
            found = ranked[0] if ranked else None
    finally:
        gaz.close()
    if found is None:
        raise FrontlinesError(f"place {text!r} is not in the gazetteer (`frontlines gazetteer lookup NAME`)",
                              code="E907")
    return found.name, found.gid, found.lat, found.lon


def define_alert(store: Store, *, name: str, sink: str, gazetteer_path: Any = None, bbox: str | None = None,
                 place: str | None = None, radius_km: float | None = None, plover_type: str | None = None,
                 actor: str | None = None, side: str | None = None, status: str | None = None,
                 min_killed: int | None = None) -> Alert:
    """The Alert these inputs describe, checked (E907); ``place`` is resolved in the gazetteer."""
    name = name.strip()
    if not name or len(name) > 64:
        raise FrontlinesError("an alert's name is 1 to 64 characters", code="E907")
    if radius_km is not None and (not math.isfinite(radius_km) or radius_km < 0 or radius_km > 20_000):
        raise FrontlinesError(f"radius {radius_km!r}: 0 to 20,000 km", code="E907")
    if radius_km and not place:
        raise FrontlinesError("a radius needs a place", code="E907")
    if min_killed is not None and min_killed < 0:
        raise FrontlinesError("min_killed is 0 or more", code="E907")
    try:
        if plover_type:
            plover_type = CONTROL if plover_type.strip().upper() == CONTROL else check_plover_type(plover_type, store)
        if status:
            status = choose("status", status, STATUSES)
    except FrontlinesError as exc:
        raise FrontlinesError(f"{exc.detail} (or CONTROL for control changes)" if plover_type and "type" in
                              exc.detail else exc.detail, code="E907") from exc
    place_name = place_id = None
    lat = lon = None
    if place:
        place_name, place_id, lat, lon = resolve_place(gazetteer_path, place)
    return Alert(name=name, sink=check_sink(sink), bbox=parse_bbox(bbox) if bbox else None, place=place_name,
                 place_id=place_id, lat=lat, lon=lon, radius_km=radius_km if place else None,
                 plover_type=plover_type, actor=(actor or "").strip() or None, side=(side or "").strip() or None,
                 status=status, min_killed=min_killed or None, created_at=dt.datetime.now(dt.timezone.utc))
