"""events.purposes: a status word inside a purpose infinitive frames nothing done; a word of speech there still does."""

from __future__ import annotations

import pytest

from frontlines.events.purposes import frame_in_purpose

PURPOSES = [
    # (text, PLOVER type, status expected of that type, or None when no event of it is expected)
    # a frame that is the purpose's own verb: the attack it names is no event here
    ("On Sunday, tens of thousands of people marched in Bogota to reject the attack.", "ASSAULT", None),
    # a verb's complement is no purpose: what a cause brought about was done
    ("The clashes prompted the president to order a curfew in the city on Monday.", "COERCE", "ordered"),
    # a speech frame inside a purpose still tells a denial made
    ("The ministry held a briefing on Monday to deny that its troops had shelled the town.", "ASSAULT", "denied"),
    # a frame that governs the infinitive, outside any purpose, makes it planned
    ("The rebels planned to attack the town on Monday.", "ASSAULT", "planned"),
]


@pytest.mark.parametrize(("text", "plover", "status"), PURPOSES)
def test_a_frame_inside_a_purpose_frames_nothing(run_events, text: str, plover: str, status: str | None) -> None:
    events = [e for e in run_events(text) if e.plover_type == plover]
    if status is None:
        assert not events, [(e.plover_type, e.status, e.trigger) for e in events]
    else:
        assert [e.status.value for e in events] == [status], [(e.plover_type, e.status, e.trigger) for e in events]


@pytest.mark.parametrize(("text", "frame", "purpose", "inside"), [
    ("Thousands marched in Bogota on Sunday to reject the attack.", "reject", "reject", True),
    ("The clashes prompted the government to declare a state of emergency.", "declare", "declare", False),
    ("The ministry met to deny the report.", "deny", "deny", False),  # a word of speech
    ("The rebels planned to attack the town.", "planned", "attack", False),  # the frame governs the infinitive
])
def test_frame_in_purpose(nlp, text: str, frame: str, purpose: str, inside: bool) -> None:
    doc = nlp(text)
    by_text = {t.text: t for t in doc}
    speech = frozenset({"say", "deny", "tell"})
    assert frame_in_purpose(by_text[frame], by_text[purpose], speech) is inside
