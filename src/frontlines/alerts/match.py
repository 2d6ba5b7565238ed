"""Whether an incident or a control change matches an alert, and whether it is new to it: pure functions.

What is "new", and so what an alert sends (docs/guide/watching.md#alerts):

- an incident is sent when it first matches: none of its member events was in
  an incident this alert sent already (incidents are merged again as reports
  arrive and may change id; their member events are what stays);
- it is sent again, as ``changed``, only when it changed materially since: its
  corroboration changed (single source -> independent sources, or -> disputed)
  or its highest killed figure rose. Another report that changes neither
  sends nothing;
- a control change is one settlement passing to one side on one date, however
  many reports carry it; it is sent once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontlines.records import Alert, ControlChange, Incident, StoredEvent, to_dict

CONTROL = "CONTROL"  # the alert type that selects control changes (a PLOVER type selects incidents)
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertItem:
    """A new incident or control change, as alerts match it."""

    kind: str  # incident, control_change
    subject: str  # what a delivery is about: "incident:<id>", "control:<settlement>|<side>|<date>"
    marks: tuple[str, ...]  # what stays the same thing across merges: member events, or the change's identity
    fingerprint: str  # the state it is sent in (what_changed compares two)
    plover_type: str | None = None
    lat: float | None = None
    lon: float | None = None
    place: str | None = None  # name
    place_id: str | None = None
    actors: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    killed: float | None = None  # the highest killed figure reported
    record: dict[str, Any] = field(default_factory=dict)  # the JSON sent


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _fingerprint(**parts: Any) -> str:
    return ";".join(f"{k}={'' if v is None else v}" for k, v in sorted(parts.items()))


def _parse(fingerprint: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in fingerprint.split(";") if "=" in p)


def _uniq(values: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def incident_item(incident: Incident, members: Sequence[StoredEvent]) -> AlertItem:
    """An incident with its member events (their actors, sides, statuses and killed figures)."""
    killed_range = incident.quantity_ranges.get("killed")
    figures = [float(m.fatalities) for m in members if m.fatalities is not None]
    if killed_range:
        figures.append(float(killed_range[1]))
    killed = max(figures) if figures else None
    actors = [a for m in members for a in (*m.event.sources, *m.event.targets)]
    place = incident.place
    return AlertItem(
        kind="incident", subject=f"incident:{incident.id}",
        marks=tuple(sorted(f"event:{r.event_key}" for r in incident.reports)),
        fingerprint=_fingerprint(corroboration=incident.corroboration,
                                 killed=None if killed is None else f"{killed:g}"),
        plover_type=incident.plover_type, lat=place.lat if place else None, lon=place.lon if place else None,
        place=(place.name or place.text) if place else None, place_id=place.gazetteer_id if place else None,
        actors=_uniq([a.name for a in actors]), sides=_uniq([a.side or a.country for a in actors]),
        statuses=_uniq([r.status for r in incident.reports] + [m.event.status.value for m in members]),
        killed=killed, record=to_dict(incident),
    )


def control_identity(change: ControlChange) -> str:
    """One settlement passing to one side on one date (a change's reports share it)."""
    where = change.settlement.gazetteer_id or (change.settlement.name or change.settlement.text).casefold()
    return f"control:{where}|{change.to_side}|{change.date.isoformat() if change.date else ''}"


def control_items(changes: Sequence[ControlChange]) -> list[AlertItem]:
    """Control changes as alert items, one per identity (its reports' statuses, sides and claimants together)."""
    groups: dict[str, list[ControlChange]] = {}
    for c in changes:
        groups.setdefault(control_identity(c), []).append(c)
    items = []
    for identity, group in groups.items():
        first = group[0]
        s = first.settlement
        items.append(AlertItem(
            kind="control_change", subject=identity[:80], marks=(identity[:80],), fingerprint="",
            plover_type=CONTROL, lat=s.lat, lon=s.lon, place=s.name or s.text, place_id=s.gazetteer_id,
            actors=_uniq([c.claimed_by for c in group]),
            sides=_uniq([side for c in group for side in (c.to_side, c.from_side)]),
            statuses=_uniq([c.status.value for c in group]),
            record={**to_dict(first), "reports": len(group),
                    "statuses": list(_uniq([c.status.value for c in group]))},
        ))
    return items


def _near(alert: Alert, item: AlertItem) -> bool:
    if alert.place_id and item.place_id == alert.place_id:
        return True
    if alert.place and item.place and alert.place.casefold() == item.place.casefold():
        return True
    if alert.lat is None or alert.lon is None or item.lat is None or item.lon is None:
        return False
    return haversine_km(alert.lat, alert.lon, item.lat, item.lon) <= (alert.radius_km or 0.0)


def matches(alert: Alert, item: AlertItem) -> bool:
    """Whether ``item`` passes every filter ``alert`` sets (an unset filter passes everything)."""
    if alert.bbox is not None:
        west, south, east, north = alert.bbox
        if item.lat is None or item.lon is None or not (south <= item.lat <= north and west <= item.lon <= east):
            return False
    if (alert.place or alert.place_id or alert.lat is not None) and not _near(alert, item):
        return False
    if alert.plover_type:
        wanted = alert.plover_type.upper()
        if (wanted == CONTROL) != (item.kind == "control_change"):
            return False
        if wanted != CONTROL and (item.plover_type or "").upper() != wanted:
            return False
    if alert.actor and not any(alert.actor.casefold() in a.casefold() for a in item.actors):
        return False
    if alert.side and alert.side.casefold() not in {s.casefold() for s in item.sides}:
        return False
    if alert.status and alert.status.casefold() not in {s.casefold() for s in item.statuses}:
        return False
    if alert.min_killed is not None and alert.min_killed > 0:
        if item.killed is None or item.killed < alert.min_killed:
            return False
    return True


def material_change(previous: str, current: str) -> bool:
    """Whether an item sent with fingerprint ``previous`` is worth sending again as ``current``:
    its corroboration changed, or its highest killed figure rose."""
    old, new = _parse(previous), _parse(current)
    if old.get("corroboration", "") != new.get("corroboration", ""):
        return True
    try:
        before = float(old["killed"]) if old.get("killed") else None
        now = float(new["killed"]) if new.get("killed") else None
    except ValueError:
        return False
    return now is not None and (before is None or now > before)


def what_changed(item: AlertItem, marked: dict[str, str]) -> tuple[str, str | None] | None:
    """What to send for ``item`` given the fingerprints its marks were sent with (``marked``: mark ->
    fingerprint, only those this alert sent): ("new", None), ("changed", the fingerprint it replaces), or
    None when there is nothing new to send."""
    if not marked:
        return "new", None
    if item.kind == "control_change":
        return None  # sent once
    sent = sorted(set(marked.values()))
    if any(not material_change(fp, item.fingerprint) for fp in sent):
        return None
    return "changed", sent[0]
