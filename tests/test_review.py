"""review.py: reading a reviewer's changes (tables of input -> value, with the faults refused) and
applying them to an event without touching it."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.errors import FrontlinesError
from frontlines.records import EventChanges, EventStatus, Review, Verdict
from frontlines.review import (
    apply_changes,
    check_verdict,
    fold,
    make_review,
    parse_assignments,
    parse_changes,
    period_bounds,
)
from tests.api.builders import build, demo_specs

PLOVER = ("ASSAULT", "FIGHT", "RETREAT", "COERCE")


def _event(article: int = 0, seq: int = 2):  # noqa: ANN202
    return build(demo_specs()[article])[1].events[seq]  # Mykolaiv shelling, 7 killed


@pytest.mark.parametrize(("raw", "expected"), [
    ({"fatalities": "3"}, EventChanges(fatalities=3)),
    ({"type": "fight"}, EventChanges(plover_type="FIGHT")),
    ({"actor1": ["Russian Armed Forces"]}, EventChanges(sources=("Russian Armed Forces",))),
    ({"date": "2022-11-07", "granularity": "Month"}, EventChanges(date=dt.date(2022, 11, 7), granularity="month")),
    ({"status": "claimed", "attributed_to": "Ukrainian officials"},
     EventChanges(status=EventStatus.CLAIMED, attributed_to="Ukrainian officials")),
    ({"quantities": {"injured": 4}}, EventChanges(quantities={"injured": 4.0})),
    ({"place": {"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "country": "UKR"}}, None),
    ({}, EventChanges()),
])
def test_changes_are_read(raw, expected) -> None:  # noqa: ANN001
    got = parse_changes(raw, plover_types=PLOVER)
    if expected is None:
        assert got.place is not None and got.place.name == "Kharkiv" and got.place.lat == 49.99
    else:
        assert got == expected


@pytest.mark.parametrize("raw", [
    {"fatalities": "-1"}, {"fatalities": "2.5"}, {"fatalities": "many"}, {"type": "PARTY"},
    {"date": "2022-13-01"}, {"colour": "red"}, {"granularity": "fortnight"}, {"status": "maybe"},
    {"place": "Kharkiv"},  # a name needs a gazetteer; none here
    {"place": {"name": "X", "lat": 95, "lon": 10}}, {"date": "2022-11-09", "date_end": "2022-11-01"},
])
def test_bad_changes_are_refused_with_e906(raw) -> None:  # noqa: ANN001
    with pytest.raises(FrontlinesError) as exc:
        parse_changes(raw, plover_types=PLOVER)
    assert exc.value.code == "E906"


def test_set_assignments() -> None:
    assert parse_assignments(["fatalities=3", "actor2=Civilians; Police", "quantities.injured=4", "note=x"]) == {
        "fatalities": "3", "targets": ["Civilians", "Police"], "quantities": {"injured": "4"}, "note": "x"}
    with pytest.raises(FrontlinesError):
        parse_assignments(["fatalities"])


@pytest.mark.parametrize(("verdict", "changes", "ok"), [
    ("confirmed", EventChanges(), True), ("rejected", EventChanges(), True),
    ("corrected", EventChanges(fatalities=3), True), ("Corrected", EventChanges(fatalities=3), True),
    ("corrected", EventChanges(), False),  # a correction must change something
    ("rejected", EventChanges(fatalities=3), False), ("maybe", EventChanges(), False),
])
def test_verdicts_are_checked_against_the_changes(verdict, changes, ok) -> None:  # noqa: ANN001
    if ok:
        assert isinstance(check_verdict(verdict, changes), Verdict)
    else:
        with pytest.raises(FrontlinesError):
            check_verdict(verdict, changes)


def test_applying_changes_returns_a_new_event_and_leaves_the_machine_one() -> None:
    ev = _event()
    fixed = apply_changes(ev, parse_changes({"fatalities": 3, "actor2": ["Civilians"], "date": "2022-11-07",
                                             "quantities": {"injured": 2}}))
    assert [(q.kind, q.value) for q in fixed.quantities] == [("injured", 2.0), ("killed", 3.0)]
    assert [(q.kind, q.value) for q in ev.quantities] == [("killed", 7)]  # untouched
    assert fixed.targets[0].name == "Civilians" and fixed.time is not None and fixed.time.start == dt.date(2022, 11, 7)
    assert apply_changes(ev, EventChanges()) is ev


def test_a_month_granularity_widens_the_date() -> None:
    fixed = apply_changes(_event(), EventChanges(granularity="month"))
    assert fixed.time is not None and (fixed.time.value, fixed.time.start, fixed.time.end) == (
        "2022-11", dt.date(2022, 11, 1), dt.date(2022, 11, 30))
    assert period_bounds(dt.date(2022, 11, 9), "week") == ("2022-W45", dt.date(2022, 11, 7), dt.date(2022, 11, 13))


def test_reviews_fold_in_order_latest_verdict_standing() -> None:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    first = Review(event_key="k", article_id="a", verdict=Verdict.CORRECTED, user="ann", at=at,
                   changes=EventChanges(fatalities=3, status=EventStatus.CLAIMED))
    second = Review(event_key="k", article_id="a", verdict=Verdict.CORRECTED, user="bob", at=at,
                    changes=EventChanges(fatalities=4))
    third = Review(event_key="k", article_id="a", verdict=Verdict.CONFIRMED, user="cy", at=at)
    latest, changes = fold([first, second, third])
    assert latest.user == "cy" and changes == EventChanges(fatalities=4, status=EventStatus.CLAIMED)


def test_make_review_checks_everything() -> None:
    r = make_review("k", "corrected", {"fatalities": "3"}, user="ann", note="  toll revised  ")
    assert (r.verdict, r.changes.fatalities, r.note, r.user) == (Verdict.CORRECTED, 3, "toll revised", "ann")
    with pytest.raises(FrontlinesError):
        make_review("k", "rejected", {"fatalities": "3"}, user="ann")
