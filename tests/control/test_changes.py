"""Which reported events change control, and to whom: a table of (case, event, expected change)."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.control import change_from_event
from frontlines.records import PlaceKind
from tests.incidents.helpers import build_report

PLACES: dict[str, Any] = {
    "kherson": {"name": "Kherson", "gid": "fx:kherson", "lat": 46.6354, "lon": 32.6169, "admin1": "Kherson Oblast"},
    "kharkiv": {"name": "Kharkiv", "gid": "fx:kharkiv", "lat": 49.9935, "lon": 36.2304, "admin1": "Kharkiv Oblast"},
    "ukraine": {"name": "Ukraine", "gid": "fx:ukraine", "kind": "country", "lat": 49.0, "lon": 32.0, "precision": "country"},
    "right-bank": {"name": "right bank of the Dnipro", "text": "the right bank of the Dnipro", "kind": "relative",
                   "anchor": "Dnipro", "lat": 46.9, "lon": 33.2, "precision": "region"},
}
CAPTURE = {"type": "ASSAULT", "mode": "occupy", "acled": ["Battles", "Non-state actor overtakes territory"]}
RETAKE = {"type": "ASSAULT", "mode": "occupy", "acled": ["Battles", "Government regains territory"]}
WITHDRAW = {"type": "RETREAT", "mode": "withdraw", "acled": ["Strategic developments", "Non-violent transfer of territory"]}
EVACUATE = {"type": "RETREAT", "mode": "withdraw", "acled": [None, None]}
CLASH = {"type": "ASSAULT", "mode": "firearms", "acled": ["Battles", "Armed clash"]}
BASE = {"key": "e", "article": "A", "source": "Reuters", "published": "2022-11-11", "when": "2022-11-11", "place": "kherson"}

CASES = [
    ("capture", {**CAPTURE, "by": ["RUS"], "against": ["UKR"]}, ("RUS", "UKR", False, False)),
    ("retaking", {**RETAKE, "by": ["UKR"]}, ("UKR", None, False, False)),
    ("completed withdrawal, taker named", {**WITHDRAW, "by": ["RUS"], "against": ["UKR"]}, ("UKR", "RUS", False, False)),
    ("completed withdrawal, taker unnamed", {**WITHDRAW, "by": ["RUS"]}, ("", "RUS", False, False)),
    ("order to withdraw", {**WITHDRAW, "by": ["RUS"], "status": "ordered"}, None),
    ("announced withdrawal", {**WITHDRAW, "by": ["RUS"], "status": "announced"}, None),
    ("planned capture", {**CAPTURE, "by": ["RUS"], "status": "planned"}, None),
    ("threatened capture", {**CAPTURE, "by": ["RUS"], "status": "threatened"}, None),
    ("hypothetical retaking", {**RETAKE, "by": ["UKR"], "status": "hypothetical"}, None),
    ("claimed capture", {**CAPTURE, "by": ["RUS"], "status": "claimed", "attributed": "Russian Defence Ministry"},
     ("RUS", None, False, False)),
    ("denied capture", {**CAPTURE, "by": ["RUS"], "status": "denied", "attributed": "Ukrainian military"},
     ("RUS", None, False, True)),
    ("an armed clash changes nothing", {**CLASH, "by": ["RUS"], "against": ["UKR"]}, None),
    ("an evacuation of civilians changes nothing", {**EVACUATE, "by": ["UKR"]}, None),
    ("nobody named", {**CAPTURE}, None),
    ("a whole country is too coarse", {**CAPTURE, "by": ["RUS"], "place": "ukraine"}, None),
    ("an area: the right bank", {**WITHDRAW, "by": ["RUS"], "place": "right-bank"}, ("", "RUS", True, False)),
    ("an area: dozens of settlements around a city", {**RETAKE, "by": ["UKR"], "place": "kharkiv", "settlements": [20, 50]},
     ("UKR", None, True, False)),
]


@pytest.mark.parametrize(("case", "spec", "expected"), CASES, ids=[c[0] for c in CASES])
def test_change_from_event(case: str, spec: dict[str, Any], expected: tuple | None) -> None:
    change = change_from_event(build_report({**BASE, **spec}, PLACES))
    if expected is None:
        assert change is None
        return
    assert change is not None
    assert (change.to_side, change.from_side, change.area, change.denial) == expected
    assert change.basis == ("e",)
    assert change.evidence and change.date is not None


def test_area_around_a_city_is_not_the_city() -> None:
    change = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"], "place": "kharkiv",
                                             "settlements": [20, 50]}, PLACES))
    assert change.settlement.kind is PlaceKind.RELATIVE
    assert change.settlement.anchor == "Kharkiv"
    named = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"], "place": "kharkiv"}, PLACES))
    assert change.confidence < named.confidence


def test_party_claim_is_not_independent() -> None:
    claim = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"], "attributed": "Ukrainian General Staff"}, PLACES))
    report = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"]}, PLACES))
    assert (claim.independent_sources, report.independent_sources) == (0, 1)
    assert claim.claimed_by == "Ukrainian General Staff"


def test_outcome_of_an_order_in_the_same_sentence_is_not_a_change() -> None:
    from frontlines.control import control_changes

    order = build_report({**BASE, **WITHDRAW, "key": "o", "by": ["RUS"], "status": "ordered", "place": "right-bank",
                          "text": "Troops were ordered to withdraw from the right bank, effectively handing back control."}, PLACES)
    outcome = build_report({**BASE, **WITHDRAW, "key": "h", "by": ["RUS"], "place": "right-bank",
                            "text": "Troops were ordered to withdraw from the right bank, effectively handing back control."}, PLACES)
    elsewhere = build_report({**BASE, **WITHDRAW, "key": "w", "by": ["RUS"], "text": "Russian units left Kherson."}, PLACES)
    assert [c.basis for c in control_changes([order, outcome, elsewhere])] == [("w",)]
