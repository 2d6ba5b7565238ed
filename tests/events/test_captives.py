"""People set free: a release or a handover of captives is a concession (PLOVER CONCEDE, ACLED Other), where
they were held no arrest (events.captives, events v430). Own sentences."""

from __future__ import annotations

import pytest

RELEASES = [
    # (text, trigger, PLOVER type, ACLED sub-type)
    ("The rebels freed 24 hostages from the camp on Friday, amid the war in the north.", "freed", "CONCEDE", "Other"),
    ("The prisoners were released from the military prison in the occupied town.", "released", "CONCEDE", "Other"),
    ("The militia handed over six captured soldiers to the Red Cross on Monday.", "handed over", "CONCEDE", "Other"),
    # negative: ground handed over is a transfer of territory, not a release
    ("The rebels handed over the town of Kidal to government troops on Monday.", "handed over", "RETREAT",
     "Non-violent transfer of territory"),
]


@pytest.mark.parametrize(("text", "trigger", "plover", "sub"), RELEASES, ids=[r[0][:40] for r in RELEASES])
def test_a_release_of_people_is_a_concession(run_events, text: str, trigger: str, plover: str, sub: str) -> None:
    events = run_events(text)
    found = [e for e in events if e.trigger.lower() == trigger]
    assert found, [(e.trigger, e.plover_type, e.acled_sub_event_type) for e in events]
    assert (found[0].plover_type, found[0].acled_sub_event_type) == (plover, sub)


HELD = [
    # (text, an arrest told?)
    ("Ninety prisoners were released from Israeli detention and brought to Beitunia.", False),
    ("Two journalists were freed from police custody on Sunday.", False),
    # negative: a detention done is an arrest
    ("Police detained three activists in the capital on Sunday.", True),
    ("The detention of three activists in the capital on Sunday was confirmed by police.", True),
]


@pytest.mark.parametrize(("text", "arrest"), HELD, ids=[h[0][:40] for h in HELD])
def test_where_people_were_held_is_no_arrest(run_events, text: str, arrest: bool) -> None:
    events = run_events(text)
    assert any(e.acled_sub_event_type == "Arrests" for e in events) is arrest, [
        (e.trigger, e.plover_type, e.acled_sub_event_type) for e in events]


def test_held_in_reads_the_from_of_a_release(nlp) -> None:
    from frontlines.events.captives import held_in

    doc = nlp("The prisoners were released from detention.")
    assert held_in(next(t for t in doc if t.lower_ == "detention"))
    doc = nlp("They were moved from detention to a hospital.")
    assert not held_in(next(t for t in doc if t.lower_ == "detention"))  # moved, not set free
