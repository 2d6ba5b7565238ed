"""Tests for events.when: the event's own time."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.records import TimeValue
from tests.events.conftest import _ev

_TUESDAY = dt.date(2024, 10, 22)


def _period(text: str, needle: str, start: str, end: str, value: str) -> TimeValue:
    return TimeValue(text=needle, evidence=_ev(text, needle), value=value, start=dt.date.fromisoformat(start),
                     end=dt.date.fromisoformat(end), granularity="week" if "W" in value else "month")


# (v200) an act still to come dated by the period the report stands in falls in the rest of that period
# (text, the period's words, its start, end and value, the event's trigger, the start expected)
PERIODS = [
    ("The president said the government would send 590 more soldiers to Sinaloa this week.", "this week",
     "2024-10-21", "2024-10-27", "2024-W43", "send", "2024-10-22"),
    ("The army will launch an offensive in the east this month.", "this month", "2024-10-01", "2024-10-31",
     "2024-10", "offensive", "2024-10-22"),
    # an act that has taken place keeps the period's start; a period still to come keeps its own
    ("Soldiers attacked a cartel hideout in Culiacan this week.", "this week", "2024-10-21", "2024-10-27", "2024-W43", "attacked",
     "2024-10-21"),
    ("The government would send 590 more soldiers to Sinaloa next week.", "next week", "2024-10-28", "2024-11-03",
     "2024-W44", "send", "2024-10-28"),
]


@pytest.mark.parametrize(("text", "words", "start", "end", "value", "trigger", "expected"), PERIODS,
                         ids=[f"{c[1]}-{c[6]}" for c in PERIODS])
def test_an_act_to_come_falls_in_the_rest_of_the_reports_period(run_events, text: str, words: str, start: str,
                                                                 end: str, value: str, trigger: str,
                                                                 expected: str) -> None:
    events = run_events(text, times=(_period(text, words, start, end, value),), published=_TUESDAY)
    told = [e for e in events if e.trigger == trigger and e.time is not None]
    assert told
    assert all(e.time is not None and e.time.start == dt.date.fromisoformat(expected) for e in told)
