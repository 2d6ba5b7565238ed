"""events.described: a deed told to describe a copula's subject is no new happening (table tests with the
cases that stay their own)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from frontlines.events.described import predicate_participle
from frontlines.records import PlaceKind
from tests.events.conftest import _ev, place, timev


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Mariupol was the largest city seized by the invaders.", "seized", True),
    ("The bridge remained the only crossing held by the militia.", "held", True),
    ("Russian forces seized the city in March.", "seized", False),  # the verb of its own clause
    ("The soldiers captured last year were freed on Monday.", "captured", False),  # on a subject, no copula
    ("The rebels attacked a convoy carrying aid.", "carrying", False),  # on an object
    # an indefinite predicate brings in new things: the deed is told, not a description
    ("The video showed what officials said were charges detonated by the fighters.", "detonated", False),
])
def test_predicate_participle(nlp: Any, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert predicate_participle(tok) is expected


def _captures(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


def _town(text: str, name: str, nth: int = 0):  # noqa: ANN202
    return replace(place(text, name), evidence=_ev(text, name, nth=nth), kind=PlaceKind.SETTLEMENT)


@pytest.mark.parametrize("text", [
    "Russian troops captured Izium in April. On 3 May, the governor spoke in Kharkiv. "
    "Izium was the largest town captured by the Russians so far.",
    # the description's subject named only in the clause before it ("made Izium ..., and was the only town")
    "Izium fell to Russian troops in April. On 3 May, the governor spoke in Kharkiv. "
    "That visit made Izium the largest town claimed by Moscow, and was the only town captured by the Russians to date.",
])
def test_a_described_deed_is_the_earlier_telling_and_keeps_its_date(run_events, text: str) -> None:  # noqa: ANN001
    events = _captures(run_events(text, places=(_town(text, "Izium"), place(text, "Kharkiv", lat=50.0, lon=36.2),
                                                _town(text, "Izium", 1)),
                                  times=(timev(text, "April", "2022-04"), timev(text, "3 May", "2022-05-03"))))
    assert len(events) == 1, [(e.trigger, e.time and e.time.value) for e in events]
    assert events[0].time is not None and events[0].time.value == "2022-04"


def test_a_described_deed_told_once_takes_no_date_from_the_story(run_events) -> None:
    text = "On 3 May, the governor spoke in Kharkiv. Izium was the largest town captured by the Russians so far."
    events = _captures(run_events(text, places=(place(text, "Kharkiv", lat=50.0, lon=36.2), _town(text, "Izium")),
                                  times=(timev(text, "3 May", "2022-05-03"),)))
    assert len(events) == 1
    assert events[0].time is None or events[0].time.value != "2022-05-03", events[0].time


def test_a_deed_told_in_its_own_clause_stays_its_own(run_events) -> None:
    # negative case: a second capture told by a verb of its own clause is not a description
    text = "Russian troops captured Izium in April. On 3 May, Russian troops captured Izium again."
    events = _captures(run_events(text, places=(_town(text, "Izium"), _town(text, "Izium", 1)),
                                  times=(timev(text, "April", "2022-04"), timev(text, "3 May", "2022-05-03"))))
    assert len(events) == 2, [(e.trigger, e.time and e.time.value) for e in events]
