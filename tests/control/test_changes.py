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
# (events v504) ground its taker occupied with no fight: a non-violent transfer the taker gains
UNOPPOSED = {"type": "ASSAULT", "mode": "occupy", "acled": ["Strategic developments", "Non-violent transfer of territory"]}
BASE = {"key": "e", "article": "A", "source": "Reuters", "published": "2022-11-11", "when": "2022-11-11", "place": "kherson"}

CASES = [
    ("capture", {**CAPTURE, "by": ["RUS"], "against": ["UKR"]}, ("RUS", "UKR", False, False)),
    ("retaking", {**RETAKE, "by": ["UKR"]}, ("UKR", None, False, False)),
    ("completed withdrawal, taker named", {**WITHDRAW, "by": ["RUS"], "against": ["UKR"]}, ("UKR", "RUS", False, False)),
    ("completed withdrawal, taker unnamed", {**WITHDRAW, "by": ["RUS"]}, ("", "RUS", False, False)),
    ("taken unopposed", {**UNOPPOSED, "by": ["RUS"], "against": ["UKR"]}, ("RUS", "UKR", False, False)),
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


# ---------------------------------------------------------------- issue 16: evidence about that settlement, sides

def _with(report, **changes):  # noqa: ANN001, ANN202 - a ReportedEvent with its Event changed
    from dataclasses import replace

    return replace(report, event=replace(report.event, **changes))


def _actor(name: str, country: str | None, side: str | None):  # noqa: ANN202
    from frontlines.records import Actor, Evidence, Sector

    return Actor(text=name, evidence=Evidence(article_id="A", start=0, end=len(name), text=name), name=name,
                 kind="group", country=country, sector=Sector.MILITARY, side=side)


@pytest.mark.parametrize(("country", "actors", "side"), [
    ("MLI", [("Malian army", "MLI", "MLI"), ("Wagner", "RUS", "RUS")], "MLI"),  # foreign fighters alongside
    ("COD", [("M23 rebels", "COD", "M23"), ("Rwandan troops", "RWA", "RWA")], "M23"),  # a group of that country
    ("SDN", [("Rapid Support Forces", "SDN", "Rapid Support Forces")], "Rapid Support Forces"),
    ("UKR", [("Russian troops", "RUS", "RUS")], "RUS"),
    ("UKR", [("Russian troops", "RUS", "RUS"), ("Belarusian troops", "BLR", "BLR")], None),  # two foreign sides
], ids=["Mali with Wagner", "M23 with Rwanda", "RSF", "Russia", "two foreign sides"])
def test_the_side_that_holds_it(country: str, actors: list[tuple[str, str, str]], side: str | None) -> None:
    from dataclasses import replace

    report = build_report({**BASE, **CAPTURE}, PLACES)
    report = _with(report, place=replace(report.event.place, country=country),
                   sources=tuple(_actor(*a) for a in actors))
    change = change_from_event(report)
    assert (change.to_side if change and change.to_side else None) == side


def test_a_place_the_trigger_does_not_take_changes_nothing() -> None:
    from dataclasses import replace

    from frontlines.events.territory import NOT_TAKEN, TAKEN

    report = build_report({**BASE, **CAPTURE, "by": ["RUS"], "text": "Russian forces advanced towards Kherson."}, PLACES)
    assert change_from_event(_with(report, place=replace(report.event.place, reason=NOT_TAKEN))) is None
    assert change_from_event(_with(report, place=replace(report.event.place, reason=TAKEN))) is not None


def test_a_change_told_after_a_denial_is_denied() -> None:
    from frontlines.control import control_changes
    from frontlines.records import Evidence

    text = "Ukraine denied reports that Russian troops had captured Kherson."
    sentence = {"text": text, "when": None}
    deny = build_report({**BASE, **sentence, "key": "d", "type": "REJECT", "by": ["UKR"]}, PLACES)
    deny = _with(deny, trigger="denied", trigger_evidence=Evidence(article_id="A", start=8, end=14, text="denied"))
    capture = build_report({**BASE, **CAPTURE, **sentence, "key": "c", "by": ["RUS"], "status": "claimed"}, PLACES)
    capture = _with(capture, trigger_evidence=Evidence(article_id="A", start=48, end=56, text="captured"))
    (change,) = control_changes([deny, capture])
    assert change.denial and change.to_side == "RUS"


def test_a_withdrawal_a_party_says_it_made_does_not_cancel_the_entry() -> None:
    from frontlines.control import control_changes

    text = "Ukrainian troops entered Kherson after Russian forces pulled out of the city, the ministry said."
    entry = build_report({**BASE, **RETAKE, "key": "e", "by": ["UKR"], "text": text}, PLACES)
    left = build_report({**BASE, **WITHDRAW, "key": "w", "by": ["RUS"], "status": "announced", "text": text}, PLACES)
    assert [c.basis for c in control_changes([entry, left])] == [("e",)]
    ordered = build_report({**BASE, **WITHDRAW, "key": "w", "by": ["RUS"], "status": "ordered", "text": text}, PLACES)
    assert control_changes([entry, ordered]) == ()  # an order's outcome is not yet a change


def test_an_undated_report_is_dated_by_its_article() -> None:
    import datetime as dt

    undated = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"], "when": None,
                                              "published": "2022-11-11"}, PLACES))
    dated = change_from_event(build_report({**BASE, **RETAKE, "by": ["UKR"], "when": "2022-11-09"}, PLACES))
    assert (undated.date, dated.date) == (dt.date(2022, 11, 11), dt.date(2022, 11, 9))


def test_the_army_at_home_beside_foreign_fighters() -> None:
    from dataclasses import replace

    report = build_report({**BASE, **CAPTURE}, PLACES)
    # "The army and Wagner retook Kidal": the events stage gives the army named without a nation its country
    report = _with(report, place=replace(report.event.place, country="MLI"),
                   sources=(_actor("The army", "MLI", "MLI"), _actor("Wagner", "RUS", "RUS")))
    assert change_from_event(report).to_side == "MLI"
    unknown = _actor("separatist fighters", None, None)  # no side: no say in who holds it
    assert change_from_event(_with(report, sources=(_actor("its troops", "RUS", "RUS"), unknown))).to_side == "RUS"


def test_rebels_known_by_their_nationality_have_no_side_at_home() -> None:
    from dataclasses import replace

    from frontlines.records import Sector

    report = build_report({**BASE, **CAPTURE}, PLACES)
    rebels = replace(_actor("Syrian rebels", "SYR", "SYR"), sector=Sector.REBEL)
    report = _with(report, place=replace(report.event.place, country="SYR"), sources=(rebels,))
    assert change_from_event(report) is None  # not a change to the state they fight
    hts = replace(_actor("HTS fighters", None, "Hayat Tahrir al-Sham"), sector=Sector.REBEL)
    assert change_from_event(_with(report, sources=(hts,))).to_side == "Hayat Tahrir al-Sham"
