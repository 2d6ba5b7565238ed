"""events.purposes: a status word inside a purpose infinitive frames nothing done; a word of speech there still does."""

from __future__ import annotations

import pytest

from frontlines.events.purposes import frame_in_purpose, is_deed_noun, place_in_purpose
from tests.events.conftest import _at

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
    # an order whose object is itself an act: the act was ordered, the infinitive is what it was for (one MOBILIZE)
    ("Putin ordered the call-up of reservists to reinforce troops in Ukraine.", "MOBILIZE", "ordered"),
    # negative: an order whose object is its doers: the infinitive is what they were ordered to do
    ("Putin ordered the troops to reinforce positions near Bakhmut.", "MOBILIZE", "ordered"),
    # negative: a finite verb joined to the infinitive by the parser shares none of it: the threat stays
    ("Putin ordered the call-up of reservists to reinforce troops and repeated his threat to strike Kyiv.",
     "THREATEN", "ordered"),
    # a purpose under a report, hung on a verb that is no trigger: no event of its own
    ("The ministry said troops were being regrouped to reinforce positions in Donetsk.", "MOBILIZE", None),
    # negative: the reported deed itself
    ("The ministry said its troops had reinforced positions in Donetsk.", "MOBILIZE", "claimed"),
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


@pytest.mark.parametrize(("text", "place", "trigger", "inside"), [
    # a to-infinitive of purpose hanging on the trigger, or beside the event noun its verb governs
    ("Russia mobilised reservists to fight in Ukraine.", "Ukraine", "mobilised", True),
    ("Putin ordered the call-up of reservists to reinforce troops in Ukraine.", "Ukraine", "up", True),
    ("Police were deployed in Nairobi to disperse protesters in Kibera.", "Kibera", "deployed", True),
    # negatives: a place of the trigger's own clause; the infinitive is the trigger; what a cause brought about
    ("Police were deployed in Nairobi to disperse protesters in Kibera.", "Nairobi", "deployed", False),
    ("Putin ordered troops to attack Kherson.", "Kherson", "attack", False),
    ("Shelling forced residents to flee Bakhmut.", "Bakhmut", "Shelling", False),
])
def test_place_in_purpose(nlp, text: str, place: str, trigger: str, inside: bool) -> None:
    doc = nlp(text)
    by_text = {t.text: t for t in doc}
    assert place_in_purpose(by_text[place], by_text[trigger]) is inside


@pytest.mark.parametrize(("text", "named", "expected"), [
    # the call-up is not placed where the reservists were to fight
    ("Russia mobilised reservists to fight in Ukraine.", ("Ukraine",), None),
    ("Police were deployed in Nairobi to disperse protesters in Kibera.", ("Nairobi", "Kibera"), "Nairobi"),
    # negatives: a place of the act's own clause stays its place; so does the place of an infinitive trigger
    ("Russia mobilised reservists in Belgorod to fight in Ukraine.", ("Belgorod", "Ukraine"), "Belgorod"),
    ("Police were deployed in Nairobi on Monday.", ("Nairobi",), "Nairobi"),
])
def test_a_purpose_place_does_not_place_the_act(run_events, text: str, named: tuple[str, ...],
                                                expected: str | None) -> None:
    places = tuple(_at(text, n, "UKR" if n == "Ukraine" else "XXX", "settlement") for n in named)
    events = [e for e in run_events(text, places=places) if e.plover_type == "MOBILIZE"]
    assert events and (events[0].place.name if events[0].place else None) == expected, \
        [(e.trigger, e.place.name if e.place else None) for e in events]


@pytest.mark.parametrize(("text", "word", "deed"), [
    ("Putin ordered the call-up of reservists.", "up", True),  # a hyphenated trigger, ended by the noun
    ("The governor ordered the evacuation of the town.", "evacuation", True),
    ("Putin ordered the troops to withdraw.", "troops", False),  # the order's doers
    ("The governor ordered the mayor of the town to leave.", "mayor", False),
])
def test_is_deed_noun(nlp, resources, text: str, word: str, deed: bool) -> None:
    from frontlines.events.lexicon import lexicon_from

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert is_deed_noun(tok, lexicon_from(resources)) is deed
