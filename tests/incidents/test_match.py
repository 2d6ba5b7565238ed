"""Which pairs of reports may be the same happening: a table of (case, a, b, expected)."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.incidents.match import compatible, haversine_km, places_compatible
from tests.incidents.helpers import build_report

PLACES: dict[str, Any] = {
    "kramatorsk": {"name": "Kramatorsk", "gid": "fx:kramatorsk", "lat": 48.7230, "lon": 37.5563, "admin1": "Donetsk Oblast"},
    "kramatorsk-dup": {"name": "Kramatorsk", "gid": "fx:kramatorsk-2", "lat": 48.7300, "lon": 37.5600, "admin1": "Donetsk Oblast"},
    "sloviansk": {"name": "Sloviansk", "gid": "fx:sloviansk", "lat": 48.8520, "lon": 37.6060, "admin1": "Donetsk Oblast"},
    "near-kramatorsk": {"name": "Kramatorsk", "text": "near Kramatorsk", "gid": "fx:kramatorsk-near", "lat": 48.7230,
                        "lon": 37.5563, "admin1": "Donetsk Oblast", "precision": "near"},
    "donetsk-oblast": {"name": "Donetsk Oblast", "gid": "fx:donetsk-oblast", "kind": "admin1", "lat": 48.0, "lon": 37.8,
                       "admin1": "Donetsk Oblast", "precision": "admin1"},
    "kharkiv-oblast": {"name": "Kharkiv Oblast", "gid": "fx:kharkiv-oblast", "kind": "admin1", "lat": 49.5, "lon": 36.6,
                       "admin1": "Kharkiv Oblast", "precision": "admin1"},
}
SHELL = {"type": "ASSAULT", "mode": "artillery", "acled": ["Explosions/Remote violence", "Shelling/artillery/missile attack"]}
DRONE = {"type": "ASSAULT", "mode": "aerial", "acled": ["Explosions/Remote violence", "Air/drone strike"]}
CLASH = {"type": "ASSAULT", "mode": "firearms", "acled": ["Battles", "Armed clash"]}
RETAKE = {"type": "ASSAULT", "mode": "occupy", "acled": ["Battles", "Government regains territory"]}
WITHDRAW = {"type": "RETREAT", "mode": "withdraw", "acled": ["Strategic developments", "Non-violent transfer of territory"]}
BASE = {**SHELL, "place": "kramatorsk", "when": "2022-04-08", "by": ["RUS"], "published": "2022-04-08"}


def _pair(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ra = build_report({**BASE, "key": "a", "article": "A", **a}, PLACES)
    rb = build_report({**BASE, "key": "b", "article": "B", **b}, PLACES)
    return compatible(ra.event, ra.published, rb.event, rb.published)


CASES = [
    ("same place, day, type", {}, {}, True),
    ("different day", {}, {"when": "2022-04-09", "published": "2022-04-09"}, False),
    ("neighbouring town, same day", {}, {"place": "sloviansk"}, False),
    ("same town under two gazetteer entries", {}, {"place": "kramatorsk-dup"}, True),
    ("'near' the town", {}, {"place": "near-kramatorsk"}, True),
    ("oblast-level report of a strike in the oblast", {}, {"place": "donetsk-oblast"}, True),
    ("another oblast", {}, {"place": "kharkiv-oblast"}, False),
    ("missile or drone: same ACLED event type", {}, DRONE, True),
    ("shelling versus an armed clash", {}, CLASH, False),
    ("month-level date covers the day", {}, {"when": "2022-04", "published": "2022-11-09"}, True),
    ("month-level date, another month", {}, {"when": "2022-05", "published": "2022-11-09"}, False),
    ("undated, published that day", {}, {"when": None}, True),
    ("undated, published a week later", {}, {"when": None, "published": "2022-04-15"}, False),
    ("a denial of the strike", {}, {"status": "denied"}, True),
    ("the other side blamed, same town and day", {}, {"by": ["UKR"]}, True),
    ("the other side blamed, oblast-level", {}, {"by": ["UKR"], "place": "donetsk-oblast"}, False),
    ("a hypothetical strike", {}, {"status": "hypothetical"}, False),
    ("a threat versus the strike", {}, {"status": "threatened"}, False),
    ("order to withdraw versus completed withdrawal", {**WITHDRAW}, {**WITHDRAW, "status": "ordered"}, False),
    ("withdrawal and retaking of one town", {**WITHDRAW, "against": ["UKR"]}, {**RETAKE, "by": ["UKR"]}, True),
    ("retaking by opposite sides, oblast-level", {**RETAKE, "place": "donetsk-oblast"},
     {**RETAKE, "by": ["UKR"], "place": "donetsk-oblast"}, False),
    ("no place on either, same perpetrator", {"place": None}, {"place": None}, True),
    ("no place on one", {}, {"place": None}, False),
]


@pytest.mark.parametrize(("case", "a", "b", "expected"), CASES, ids=[c[0] for c in CASES])
def test_compatible(case: str, a: dict[str, Any], b: dict[str, Any], expected: bool) -> None:
    assert _pair(a, b) is expected
    assert _pair(b, a) is expected  # symmetric


def test_haversine_kramatorsk_sloviansk() -> None:
    assert 13 < haversine_km(48.7230, 37.5563, 48.8520, 37.6060) < 16


def test_place_without_coordinates_matches_only_by_id() -> None:
    a = build_report({**BASE, "key": "a", "article": "A"}, {"kramatorsk": {**PLACES["kramatorsk"], "lat": None}})
    b = build_report({**BASE, "key": "b", "article": "B", "place": "sloviansk"}, PLACES)
    assert places_compatible(a.event.place, a.event.place)
    assert not places_compatible(a.event.place, b.event.place)
