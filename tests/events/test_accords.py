"""An accord accepted is an ACLED Agreement (events.accords, events v431). Own sentences."""

from __future__ import annotations

import pytest

ACCEPTED = [
    ("Ukraine accepted the U.S. proposal for a 30-day ceasefire at talks in Jeddah on Tuesday.", "Agreement"),
    ("The rebels accepted the truce on Monday.", "Agreement"),
    # negative: accepting anything but an accord
    ("The rebels accepted the invitation to the talks on Monday.", None),
    ("The army accepted responsibility for the strike on Monday.", None),
]


@pytest.mark.parametrize(("text", "sub"), ACCEPTED, ids=[a[0][:40] for a in ACCEPTED])
def test_an_accord_accepted_is_an_agreement(run_events, text: str, sub: str | None) -> None:
    events = [e for e in run_events(text) if e.trigger == "accepted"]
    assert events, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert events[0].acled_sub_event_type == sub


def test_accepts_an_accord_reads_the_offers_for(nlp) -> None:
    from frontlines.events.accords import accepts_an_accord
    from frontlines.events.lexicon import load_event_lexicon

    accords = load_event_lexicon().cues["agreement_objects"]
    head = next(t for t in nlp("Kyiv accepted the proposal for a truce.") if t.lower_ == "accepted")
    assert accepts_an_accord(head, accords)
    head = next(t for t in nlp("Kyiv accepted the proposal for new elections.") if t.lower_ == "accepted")
    assert not accepts_an_accord(head, accords)
