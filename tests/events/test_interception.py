"""events.interception: a munition launched and stopped in flight, told in one sentence, is one event typed by
its outcome (ACLED: Disrupted weapons use), unless the sentence tells harm the attack did; events.means:
a quantifier's "of" phrase is what the interception stopped ("destroyed most of the rockets")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

DISRUPTED = "Disrupted weapons use"

CASES = [
    ("The army says a missile launched from Yemen was intercepted before it crossed into Israeli territory.",
     [DISRUPTED]),
    ("On Tuesday the Houthis fired a ballistic missile at Israel, which the Israeli military said was intercepted.",
     [DISRUPTED]),
    ("The air force said Russia had launched 476 drones and 48 missiles overnight, and that air defences shot down "
     "442 drones and 41 missiles.", [DISRUPTED]),
    ("The Ministry of Defence reports that air defences destroyed most of the rockets over the region.", [DISRUPTED]),
    # negative: the attack harmed people, it keeps its own sub-type
    ("Russia launched 50 drones at Kharkiv overnight, killing two people; air defences shot down 40 of them.",
     ["Air/drone strike"]),
    # (events v432) part of the munitions stopped, told in a relative clause on them: the rest got through, the
    # launch is the sentence's telling; told in the main clause (above, "destroyed most of the rockets") it is not
    ("The Houthis have fired a string of missiles and drones at the port city of Eilat since last month, most of "
     "which were intercepted.", ["Shelling/artillery/missile attack"]),
    ("The Houthis fired a string of missiles at the port city of Eilat on Sunday, all of which were intercepted.",
     [DISRUPTED]),
    # negative: no interception told
    ("On Tuesday the Houthis fired a ballistic missile at the port of Eilat.", ["Shelling/artillery/missile attack"]),
]


@pytest.mark.parametrize(("text", "subs"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_munition_stopped_in_flight(pipeline_resources: Any, text: str, subs: list[str]) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 4)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "ASSAULT"]
    assert sorted(e.acled_sub_event_type or "" for e in events) == sorted(subs), [
        (e.trigger, e.acled_sub_event_type) for e in events]


PARTITIVES = [
    ("Air defences destroyed most of the rockets.", "destroyed", "rockets"),
    ("Air defences shot down 41 of the missiles.", "shot", "missiles"),
    ("Air defences destroyed the rockets.", "destroyed", None),  # no amount: the object itself
]


@pytest.mark.parametrize(("text", "verb", "whole"), PARTITIVES, ids=[p[0][15:45] for p in PARTITIVES])
def test_partitive_whole(nlp: Any, text: str, verb: str, whole: str | None) -> None:
    from frontlines.events.means import partitive_whole

    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    (obj,) = [c for c in head.children if c.dep_ == "dobj"]
    found = partitive_whole(obj)
    assert (found.text if found is not None else None) == whole
