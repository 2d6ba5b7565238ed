"""Tests for events.when: the event's own time."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.eval.runner import event_date
from frontlines.records import TimeValue
from tests.events.conftest import _ev, triggered

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


_WEDNESDAY = dt.date(2025, 6, 11)


# (v290) A statement told in the simple present is made now: a date inside what it is about (its object) is the
# object's, not the statement's ("condemns ... the attack on Friday"). (published, text, trigger, expected day)
SAID_NOW = [
    (dt.date(2025, 1, 26), "The World Health Organization condemns in the strongest terms the attack on Friday on the "
     "Saudi Teaching Maternal Hospital in El Fasher.", "condemns", "2025-01-26"),
    (_WEDNESDAY, "The United Nations condemns Monday's attack on a displacement camp near Goma.", "condemns", "2025-06-11"),
    # negatives: a statement in the past may have been made that day; a date on the verb itself is the statement's
    (_WEDNESDAY, "The army condemned the attack on Friday.", "condemned", "2025-06-06"),
    (_WEDNESDAY, "On Monday, the African Union condemned the killing of 14 farmers in Benue.", "condemned", "2025-06-09"),
]


@pytest.mark.parametrize(("published", "text", "trigger", "expected"), SAID_NOW, ids=[c[2] + c[3] for c in SAID_NOW])
def test_a_statement_told_now_takes_no_date_of_what_it_is_about(pipeline_resources, published: dt.date, text: str,
                                                                trigger: str, expected: str) -> None:
    event = triggered(pipeline_resources, text, trigger, published=published, source="test")
    assert event_date(event) == dt.date.fromisoformat(expected)


# (v290) A clause coordinated with the event's and with a subject of its own tells its own act: its date is not the
# first clause's ("occupied Kupiansk ... in February 2022, and Ukraine recaptured it ... in September that year").
OWN_CLAUSE = [
    ("Russian troops occupied Kupiansk in the first days of the full-scale invasion in February 2022, and Ukraine "
     "recaptured it in a lightning counteroffensive in September that year.", "occupied", "2022-02-01"),
    ("Russian troops occupied Kupiansk in the first days of the full-scale invasion in February 2022, and Ukraine "
     "recaptured it in a lightning counteroffensive in September that year.", "recaptured", "2022-09-01"),
    # negatives: a participle that leaves its tense to the first clause, a conjunct sharing the subject
    ("At least 55 people were killed and 146 wounded in fighting in Tripoli this week.", "killed", "2025-06-09"),
    ("Rebels seized the airport and shelled the town on Monday.", "seized", "2025-06-09"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), OWN_CLAUSE, ids=[c[1] for c in OWN_CLAUSE])
def test_a_coordinated_clause_with_its_own_subject_keeps_its_date(pipeline_resources, text: str, trigger: str,
                                                                  expected: str) -> None:
    event = triggered(pipeline_resources, text, trigger, published=_WEDNESDAY, source="test")
    assert event_date(event) == dt.date.fromisoformat(expected)
