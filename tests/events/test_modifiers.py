"""events.modifiers: a non-violent act told as a reduced relative on a participant of another act of its
sentence ("troops deployed alongside them pulled back") describes that participant; the sentence's act is the
event (events v251). A participle on an event noun, a participle the sentence tells alone, a violent participle
and a participle with its own auxiliary stay."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

CASES = [
    ("Army units and Burundian troops deployed alongside them pulled back south towards Uvira the same evening.",
     "MOBILIZE", 0),
    ("Tatmadaw personnel and their families in Laukkai were relocated on 5 January under arrangements agreed with "
     "the other side.", "AGREE", 0),
    ("The Defence Ministry said on Wednesday that it had begun implementing a ceasefire, with neutral units deployed "
     "along the lines of contact.", "MOBILIZE", 0),
    # negatives: the participle's clause has its own auxiliary; the sentence tells nothing else
    ("Army units pulled back south towards Uvira, and Burundian troops were deployed along the border.",
     "MOBILIZE", 1),
    ("Two battalions were deployed to the border on Monday.", "MOBILIZE", 1),
]


@pytest.mark.parametrize(("text", "plover", "count"), CASES,
                         ids=["troops-deployed", "arrangements-agreed", "units-deployed", "own-auxiliary", "alone"])
def test_a_participle_describing_a_participant_is_no_event(pipeline_resources: Any, text: str, plover: str,
                                                           count: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 2, 15)), pipeline_resources)
    got = [(e.plover_type, e.trigger) for e in extraction.events]
    assert sum(1 for e in extraction.events if e.plover_type == plover) == count, got
    if count == 0:
        assert extraction.events, "the sentence's own act stays"


# A coercive participle stays (its type is no description): "the weapons seized in his house" is a seizure.
def test_a_coercive_participle_stays(pipeline_resources: Any) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    text = "Police arrested a man, and the weapons seized in his house were handed to the army."
    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 2, 15)), pipeline_resources)
    assert sorted(e.trigger for e in extraction.events if e.plover_type == "COERCE") == ["arrested", "seized"]
