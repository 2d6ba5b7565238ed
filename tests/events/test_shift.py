"""Tests for events.shift: a day counted from another happening of the sentence ("a day after", "two days before")."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.eval.runner import event_date
from tests.events.conftest import triggered

_TUESDAY = dt.date(2024, 3, 5)

# (v291) (text, trigger, the event's day): the named day is on one side of "a day after", the event on the other
COUNTED = [
    ("The army shelled the camp, a day after talks in Jeddah collapsed on Sunday.", "shelled", "2024-03-04"),
    ("The bodies were found on Monday, a day after militants attacked the village.", "attacked", "2024-03-03"),
    ("A day after the February 25 election, opposition supporters blocked roads in the capital.", "blocked",
     "2024-02-26"),
    ("Rebels stormed the town on Monday, two days before the army withdrew from the area.", "withdrew", "2024-03-06"),
    # negatives: a date on the event's own side stays; "hours after" counts no days; the anchor's own event keeps
    # its day
    ("Police arrested 12 suspects on Monday, three days after the bombing on Friday.", "arrested", "2024-03-04"),
    ("A drone hit the port hours after talks collapsed on Sunday.", "hit", "2024-03-03"),
    ("The army shelled the camp, a day after talks in Jeddah collapsed on Sunday.", "talks", "2024-03-03"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), COUNTED, ids=[f"{c[1]}-{c[2]}" for c in COUNTED])
def test_a_day_counted_from_another_happening(pipeline_resources, text: str, trigger: str, expected: str) -> None:
    event = triggered(pipeline_resources, text, trigger, published=_TUESDAY, source="test")
    assert event_date(event) == dt.date.fromisoformat(expected)


def test_two_happenings_counted_apart_are_two_events(pipeline_resources) -> None:
    """(v291, merge._counted_apart) "The attack came two days after Russia launched ... overnight into Sunday": the
    two attacks are two days apart, so two events, not one."""
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    text = ("The attack came two days after Russia launched its largest aerial attack of the war, firing 810 drones "
            "at Ukraine overnight into Sunday.")
    events = process_article(Article(id="t", text=text, published=_TUESDAY, source="test"), pipeline_resources).events
    days = sorted(d for e in events if (d := event_date(e)) is not None)
    assert days == [dt.date(2024, 3, 3), dt.date(2024, 3, 5)]
