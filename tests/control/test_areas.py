"""Which settlements an area statement covers."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.control import settlements_in_area
from tests.incidents.helpers import place

SETTLEMENTS: dict[str, dict[str, Any]] = {
    "Kherson": {"lat": 46.6354, "lon": 32.6169, "admin1": "Kherson Oblast"},  # right bank
    "Beryslav": {"lat": 46.8410, "lon": 33.4270, "admin1": "Kherson Oblast"},  # right bank
    "Snihurivka": {"lat": 47.0750, "lon": 32.8050, "admin1": "Mykolaiv Oblast"},  # right bank, 50 km from the river
    "Oleshky": {"lat": 46.6264, "lon": 32.7187, "admin1": "Kherson Oblast"},  # left bank
    "Nova Kakhovka": {"lat": 46.7550, "lon": 33.3480, "admin1": "Kherson Oblast"},  # left bank
    "Hola Prystan": {"lat": 46.5230, "lon": 32.5230, "admin1": "Kherson Oblast"},  # left bank
    "Enerhodar": {"lat": 47.4989, "lon": 34.6558, "admin1": "Zaporizhzhia Oblast"},  # left bank, upstream
    "Nikopol": {"lat": 47.5670, "lon": 34.3960, "admin1": "Dnipropetrovsk Oblast"},  # right bank, upstream
    "Kharkiv": {"lat": 49.9935, "lon": 36.2304, "admin1": "Kharkiv Oblast"},
    "Tsyrkuny": {"lat": 50.0830, "lon": 36.3830, "admin1": "Kharkiv Oblast"},
    "Mala Rohan": {"lat": 49.9700, "lon": 36.4500, "admin1": "Kharkiv Oblast"},
    "Balakliia": {"lat": 49.4627, "lon": 36.8586, "admin1": "Kharkiv Oblast"},
    "Izium": {"lat": 49.2128, "lon": 37.2569, "admin1": "Kharkiv Oblast"},
    "Dzhankoi": {"lat": 45.7086, "lon": 34.3934, "admin1": "Crimea"},
}
KNOWN = [place("A", {"name": n, "gid": f"fx:{n.lower()}", **v}) for n, v in SETTLEMENTS.items()]


def _area(spec: dict[str, Any]) -> Any:
    return place("A", spec)


CASES = [
    ("west bank of the Dnipro", {"name": "west bank of the Dnipro", "text": "the west bank of the Dnipro", "kind": "relative",
                                 "anchor": "Dnipro", "lat": 46.9, "lon": 33.2, "precision": "region"},
     {"Kherson", "Beryslav", "Snihurivka", "Nikopol"}),
    ("right bank = west bank here", {"name": "right bank", "text": "the right bank of the Dnieper", "kind": "relative",
                                     "anchor": "Dnieper", "lat": 46.9, "lon": 33.2, "precision": "region"},
     {"Kherson", "Beryslav", "Snihurivka", "Nikopol"}),
    ("left bank", {"name": "left bank", "text": "the left bank of the Dnipro", "kind": "relative", "anchor": "Dnipro",
                   "lat": 46.9, "lon": 33.2, "precision": "region"},
     {"Oleshky", "Nova Kakhovka", "Hola Prystan", "Enerhodar"}),
    ("around a city (not the city)", {"name": "Kharkiv", "text": "around Kharkiv", "gid": "fx:kharkiv", "kind": "relative",
                                      "anchor": "Kharkiv", "lat": 49.9935, "lon": 36.2304, "precision": "near"},
     {"Tsyrkuny", "Mala Rohan"}),
    ("south-east of a city", {"name": "Kharkiv", "text": "south-east of Kharkiv", "kind": "relative", "anchor": "Kharkiv",
                              "lat": 49.9935, "lon": 36.2304, "precision": "near"}, {"Mala Rohan"}),
    ("an oblast", {"name": "Kharkiv Oblast", "kind": "admin1", "lat": 49.5, "lon": 36.6, "admin1": "Kharkiv Oblast",
                   "precision": "admin1"}, {"Kharkiv", "Tsyrkuny", "Mala Rohan", "Balakliia", "Izium"}),
    ("a division labelled otherwise than named", {"name": "Avtonomna Respublika Krym", "kind": "admin1", "lat": 45.3,
                                                   "lon": 34.4, "admin1": "Crimea", "precision": "admin1"},
     {"Dzhankoi"}),
    ("an area without a point", {"name": "somewhere", "kind": "region", "precision": "region"}, set()),
]


@pytest.mark.parametrize(("case", "area", "expected"), CASES, ids=[c[0] for c in CASES])
def test_settlements_in_area(case: str, area: dict[str, Any], expected: set[str]) -> None:
    assert {s.name for s in settlements_in_area(_area(area), KNOWN)} == expected
