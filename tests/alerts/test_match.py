"""The matcher: each filter field, matching and not, and what counts as new (pure functions, no store)."""

from __future__ import annotations

import dataclasses

import pytest

from frontlines.alerts.match import AlertItem, control_items, haversine_km, matches, material_change, what_changed
from frontlines.records import Alert, ControlChange, ControlStatus, Evidence, Place

KHERSON = (46.6354, 32.6169)

INCIDENT = AlertItem(
    kind="incident", subject="incident:abc", marks=("event:k1", "event:k2"),
    fingerprint="corroboration=independent;killed=7", plover_type="ASSAULT", lat=KHERSON[0], lon=KHERSON[1],
    place="Kherson", place_id="geonames:706448", actors=("Russian Armed Forces", "Civilians"),
    sides=("RUS", "UKR"), statuses=("happened", "claimed"), killed=7.0,
)
CONTROL = AlertItem(
    kind="control_change", subject="control:geonames:706448|UKR|2022-11-11", marks=("control:x",),
    fingerprint="", plover_type="CONTROL", lat=KHERSON[0], lon=KHERSON[1], place="Kherson",
    place_id="geonames:706448", actors=("Ukrainian Armed Forces",), sides=("UKR", "RUS"), statuses=("claimed",),
)


def alert(**kw) -> Alert:  # noqa: ANN003
    return Alert(name="a", sink="stdout", **kw)


CASES = [
    # (filters, item, matches?)
    ({}, INCIDENT, True),
    ({}, CONTROL, True),
    ({"bbox": (32.0, 46.0, 33.0, 47.0)}, INCIDENT, True),
    ({"bbox": (36.0, 49.0, 37.0, 50.0)}, INCIDENT, False),  # Kharkiv's box
    ({"bbox": (32.0, 46.0, 33.0, 47.0)}, dataclasses.replace(INCIDENT, lat=None, lon=None), False),  # no place
    ({"place": "kherson"}, INCIDENT, True),  # by name, any case
    ({"place": "Mykolaiv", "place_id": "geonames:700569", "lat": 46.975, "lon": 31.9946, "radius_km": 10}, INCIDENT,
     False),  # 61 km away
    ({"place": "Mykolaiv", "place_id": "geonames:700569", "lat": 46.975, "lon": 31.9946, "radius_km": 70}, INCIDENT,
     True),  # within the radius
    ({"place_id": "geonames:706448"}, INCIDENT, True),  # by gazetteer id
    ({"plover_type": "assault"}, INCIDENT, True),
    ({"plover_type": "FIGHT"}, INCIDENT, False),
    ({"plover_type": "ASSAULT"}, CONTROL, False),  # a PLOVER type selects incidents only
    ({"plover_type": "CONTROL"}, CONTROL, True),
    ({"plover_type": "CONTROL"}, INCIDENT, False),
    ({"actor": "russian"}, INCIDENT, True),  # contains, any case
    ({"actor": "Wagner"}, INCIDENT, False),
    ({"side": "rus"}, INCIDENT, True),
    ({"side": "BLR"}, INCIDENT, False),
    ({"side": "RUS"}, CONTROL, True),  # the side losing control
    ({"status": "claimed"}, INCIDENT, True),  # any report's realis
    ({"status": "denied"}, INCIDENT, False),
    ({"status": "confirmed"}, CONTROL, False),
    ({"min_killed": 5}, INCIDENT, True),
    ({"min_killed": 7}, INCIDENT, True),  # at least
    ({"min_killed": 8}, INCIDENT, False),
    ({"min_killed": 1}, CONTROL, False),  # no toll
    ({"min_killed": 1}, dataclasses.replace(INCIDENT, killed=None), False),
    ({"plover_type": "ASSAULT", "side": "RUS", "min_killed": 5, "bbox": (32.0, 46.0, 33.0, 47.0)}, INCIDENT, True),
    ({"plover_type": "ASSAULT", "side": "RUS", "min_killed": 50}, INCIDENT, False),  # every filter must pass
]


@pytest.mark.parametrize(("filters", "item", "expected"), CASES)
def test_each_filter_field(filters, item, expected) -> None:  # noqa: ANN001
    assert matches(alert(**filters), item) is expected


def test_haversine_km() -> None:
    assert haversine_km(*KHERSON, *KHERSON) == 0
    assert 55 < haversine_km(*KHERSON, 46.975, 31.9946) < 65  # Kherson - Mykolaiv, about 61 km


@pytest.mark.parametrize(("previous", "current", "material"), [
    ("corroboration=single-source;killed=7", "corroboration=single-source;killed=7", False),
    ("corroboration=single-source;killed=7", "corroboration=independent;killed=7", True),
    ("corroboration=independent;killed=7", "corroboration=disputed;killed=7", True),
    ("corroboration=independent;killed=7", "corroboration=independent;killed=9", True),  # the toll rose
    ("corroboration=independent;killed=9", "corroboration=independent;killed=7", False),  # fell: nothing new
    ("corroboration=independent;killed=", "corroboration=independent;killed=3", True),
    ("corroboration=independent;killed=3", "corroboration=independent;killed=", False),
])
def test_material_change(previous: str, current: str, material: bool) -> None:
    assert material_change(previous, current) is material


def test_what_changed() -> None:
    assert what_changed(INCIDENT, {}) == ("new", None)
    assert what_changed(INCIDENT, {"event:k1": INCIDENT.fingerprint}) is None  # sent in this state
    old = "corroboration=single-source;killed=7"
    assert what_changed(INCIDENT, {"event:k1": old}) == ("changed", old)
    assert what_changed(CONTROL, {"control:x": ""}) is None  # a control change is sent once
    assert what_changed(CONTROL, {}) == ("new", None)


def _change(status: ControlStatus, source: str) -> ControlChange:
    ev = Evidence(article_id="a", start=0, end=7, text="Kherson")
    place = Place(text="Kherson", evidence=ev, name="Kherson", gazetteer_id="geonames:706448", lat=46.6, lon=32.6)
    import datetime as dt

    return ControlChange(settlement=place, to_side="UKR", from_side="RUS", date=dt.date(2022, 11, 11), status=status,
                         sources=(source,))


def test_control_reports_of_one_change_are_one_item() -> None:
    items = control_items([_change(ControlStatus.CLAIMED, "A"), _change(ControlStatus.CONFIRMED, "B")])
    assert len(items) == 1
    assert set(items[0].statuses) == {"claimed", "confirmed"} and items[0].record["reports"] == 2
    assert items[0].subject == "control:geonames:706448|UKR|2022-11-11"
