"""Per-settlement timelines and the state of control on a date, from the project's sequence fixture."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

import pytest

from frontlines.control import build_timelines, control_changes, control_on
from frontlines.records import ControlStatus, to_dict
from tests.incidents.helpers import FIXTURES, load_reports, place

SEQUENCE = FIXTURES / "control" / "sequence.yaml"


@pytest.fixture(scope="module")
def world() -> tuple[list, list]:
    import yaml

    reports, _ = load_reports(SEQUENCE)
    places = yaml.safe_load(SEQUENCE.read_text(encoding="utf-8"))["places"]
    known = [place("K", spec) for spec in places.values() if spec.get("kind", "settlement") == "settlement"]
    return reports, known


def _state(world: tuple[list, list], date: str, order_seed: int | None = None) -> dict[str, Any]:
    reports, known = world
    items = list(reports)
    if order_seed is not None:
        random.Random(order_seed).shuffle(items)
    state = control_on(control_changes(items), dt.date.fromisoformat(date), known)
    return {c.settlement.name: c for c in state}


STATES = [
    # (date, settlement, side, status, area)
    ("2022-03-01", "Kherson", None, None, None),  # not yet captured
    ("2022-03-02", "Kherson", "RUS", "confirmed", False),  # AP + Reuters
    ("2022-11-10", "Kherson", "RUS", "confirmed", False),  # the order of 9 November changes nothing
    ("2022-11-12", "Kherson", "UKR", "confirmed", False),  # retaken: Reuters + BBC
    ("2022-03-02", "Beryslav", "RUS", "claimed", False),  # the ministry's word only
    ("2022-10-06", "Beryslav", "RUS", "claimed", False),  # fighting nearby is not a change
    # An area statement changes nothing it does not name (issue 16): the right-bank withdrawal and "dozens of
    # settlements around Kharkiv" name neither Beryslav nor Tsyrkuny nor Mala Rohan (these were UKR, as areas).
    ("2022-11-12", "Beryslav", "RUS", "claimed", False),
    ("2022-11-12", "Oleshky", "RUS", "claimed", False),  # left bank: untouched by the right-bank withdrawal; one outlet
    ("2022-11-12", "Nova Kakhovka", "RUS", "claimed", False),
    ("2022-09-01", "Tsyrkuny", "RUS", "claimed", False),
    ("2022-09-12", "Tsyrkuny", "RUS", "claimed", False),
    ("2022-09-12", "Mala Rohan", "RUS", "claimed", False),
    ("2022-09-12", "Kharkiv", None, None, None),  # the centre of the area is not one of its settlements
    ("2022-09-09", "Balakliia", "UKR", "claimed", False),  # General Staff only
    ("2023-01-11", "Soledar", "RUS", "claimed", False),  # Wagner's claim
    ("2023-01-13", "Soledar", "RUS", "disputed", False),  # ... denied by Ukraine
    ("2023-01-20", "Soledar", "RUS", "confirmed", False),  # ... then seen by two outlets
    ("2023-09-18", "Klishchiivka", "UKR", "claimed", False),
    ("2023-09-20", "Klishchiivka", "RUS", "disputed", False),  # contradictory claims two days apart
]


@pytest.mark.parametrize(("date", "name", "side", "status", "area"), STATES, ids=[f"{s[1]}@{s[0]}" for s in STATES])
def test_state_on_date(world: tuple[list, list], date: str, name: str, side: str | None, status: str | None,
                       area: bool | None) -> None:
    state = _state(world, date)
    if side is None:
        assert name not in state
        return
    change = state[name]
    assert (change.to_side, change.status.value, change.area) == (side, status, area)
    assert change.evidence and change.basis and change.sources


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_out_of_order_ingestion_gives_the_same_state(world: tuple[list, list], seed: int) -> None:
    for date in ("2022-03-02", "2022-11-12", "2023-01-13", "2023-09-20"):
        assert to_dict(_state(world, date, seed)) == to_dict(_state(world, date))


def test_kherson_timeline(world: tuple[list, list]) -> None:
    reports, known = world
    timeline = build_timelines(control_changes(reports), known)["fx:kherson"]
    assert [(c.date.isoformat(), c.from_side, c.to_side) for c in timeline] == [
        ("2022-03-02", "UKR", "RUS"),
        ("2022-11-11", "RUS", "UKR"),
    ]
    retaken = timeline[1]
    assert retaken.status is ControlStatus.CONFIRMED
    assert set(retaken.sources) == {"Reuters", "BBC News", "Russian Defence Ministry"}
    assert retaken.independent_sources == 2
    assert "x10" in retaken.basis  # the ministry's "left Kherson" joins the Ukrainian period


def _area_world(text: str) -> tuple[list, list]:
    """Kherson and Beryslav captured by name; then one withdrawal from the right bank, in ``text``."""
    from tests.control.test_changes import BASE, CAPTURE, PLACES, WITHDRAW
    from tests.incidents.helpers import build_report

    places = {**PLACES, "beryslav": {"name": "Beryslav", "gid": "fx:beryslav", "lat": 46.841, "lon": 33.427,
                                     "admin1": "Kherson Oblast"}}
    reports = [
        build_report({**BASE, **CAPTURE, "key": "k", "by": ["RUS"], "against": ["UKR"], "when": "2022-03-02",
                      "text": "Russian forces captured Kherson."}, places),
        build_report({**BASE, **CAPTURE, "key": "b", "by": ["RUS"], "against": ["UKR"], "when": "2022-03-02",
                      "place": "beryslav", "text": "Russian forces captured Beryslav."}, places),
        build_report({**BASE, **WITHDRAW, "key": "w", "by": ["RUS"], "place": "right-bank", "text": text}, places),
    ]
    known = [place("K", places[k]) for k in ("kherson", "beryslav")]
    return reports, known


@pytest.mark.parametrize(("text", "beryslav"), [
    ("Russian forces withdrew from the right bank of the Dnipro, including Beryslav.", "UKR"),  # named: it changes
    ("Russian forces withdrew from the right bank of the Dnipro.", "RUS"),  # not named: nothing changes
])
def test_an_area_statement_changes_only_the_settlements_it_names(text: str, beryslav: str) -> None:
    reports, known = _area_world(text)
    state = {c.settlement.name: c for c in control_on(control_changes(reports), dt.date(2022, 11, 12), known)}
    assert state["Beryslav"].to_side == beryslav
    assert state["Kherson"].to_side == "RUS"  # in the area, but not named either


def test_area_statement_has_lower_confidence_than_a_named_report() -> None:
    reports, known = _area_world("Russian forces withdrew from the right bank of the Dnipro, including Beryslav.")
    state = {c.settlement.name: c for c in control_on(control_changes(reports), dt.date(2022, 11, 12), known)}
    assert state["Beryslav"].area and state["Beryslav"].confidence < state["Kherson"].confidence


def test_region_filter(world: tuple[list, list]) -> None:
    reports, known = world
    state = control_on(control_changes(reports), dt.date(2022, 11, 12), known, region="Kherson Oblast")
    assert {c.settlement.name for c in state} == {"Kherson", "Beryslav", "Oleshky", "Nova Kakhovka"}


def test_withdrawal_naming_no_taker_goes_to_the_only_other_side() -> None:
    from tests.control.test_changes import BASE, CAPTURE, PLACES, WITHDRAW
    from tests.incidents.helpers import build_report

    captured = build_report({**BASE, **CAPTURE, "key": "c", "by": ["RUS"], "when": "2022-03-02"}, PLACES)
    elsewhere = build_report({**BASE, **CAPTURE, "key": "u", "by": ["UKR"], "place": "kharkiv"}, PLACES)
    left = build_report({**BASE, **WITHDRAW, "key": "w", "by": ["RUS"]}, PLACES)
    timeline = build_timelines(control_changes([captured, elsewhere, left]))["fx:kherson"]
    assert [c.to_side for c in timeline] == ["RUS", "UKR"]


def test_a_group_leaving_a_settlement_of_its_country_leaves_it_to_the_state() -> None:
    from dataclasses import replace

    from tests.control.test_changes import BASE, PLACES, WITHDRAW
    from tests.incidents.helpers import build_report

    left = build_report({**BASE, **WITHDRAW, "key": "w", "by": ["MNDAA"]}, PLACES)
    left = replace(left, event=replace(left.event, place=replace(left.event.place, country="MMR")))
    (period,) = build_timelines(control_changes([left]))["fx:kherson"]
    assert (period.to_side, period.from_side) == ("MMR", "MNDAA")


# -- analysts' reviews of changes of control (records.ControlReview) -----------------------------------------
def _review(change: Any, verdict: str, *, at: int = 0, **kw: Any) -> Any:
    from frontlines.control import change_id, settlement_key
    from frontlines.records import ControlReview, Verdict

    return ControlReview(control_id=change_id(change), settlement=settlement_key(change.settlement),
                         to_side=change.to_side, date=change.date, verdict=Verdict(verdict), user="ann",
                         at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=at), **kw)


def _kherson(world: tuple[list, list], reviews: tuple = ()) -> tuple:
    reports, known = world
    return next(tl for tl in build_timelines(control_changes(reports), known, reviews=reviews).values()
                if tl[0].settlement.name == "Kherson")


def test_reviews_of_changes_of_control(world: tuple[list, list]) -> None:
    captured, retaken = _kherson(world)
    assert (captured.to_side, retaken.to_side) == ("RUS", "UKR")
    # a rejected change leaves the timeline: the period before it goes on
    (only,) = _kherson(world, (_review(retaken, "rejected"),))
    assert only.to_side == "RUS" and only.date == captured.date and only.review is None
    # a corrected side and date show; the correction carries its reviewer
    fixed = _kherson(world, (_review(retaken, "corrected", new_date=dt.date(2022, 11, 10)),))
    assert [c.date for c in fixed] == [captured.date, dt.date(2022, 11, 10)] and fixed[1].review == "corrected"
    (merged,) = _kherson(world, (_review(retaken, "corrected", new_side="RUS"),))  # now one Russian period
    assert merged.to_side == "RUS" and merged.review == "corrected" and merged.reviewer == "ann"
    # confirmed: confirmed whatever the sources; a review of no change in the reports applies to nothing
    assert _kherson(world, (_review(captured, "confirmed"),))[0].review == "confirmed"
    stale = dataclasses.replace(_review(retaken, "rejected"), control_id="x", to_side="BLR")
    assert _kherson(world, (stale,)) == (captured, retaken)
    # reviews apply oldest first: a later confirmation of the corrected change finds it by its new id
    corrected = _kherson(world, (_review(retaken, "corrected", new_date=dt.date(2022, 11, 10)),))[1]
    both = _kherson(world, (_review(retaken, "corrected", new_date=dt.date(2022, 11, 10)),
                            _review(corrected, "confirmed", at=1)))
    assert both[1].review == "confirmed" and both[1].status is ControlStatus.CONFIRMED
