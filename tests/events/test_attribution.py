"""events.attribution: who says an event happened decides a claim or a report (table tests with the
cases that must stay reports)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus

# A pronoun doer that takes up the speaker makes the speaker's own act a claim (events v4).
PRONOUNS = [
    ("An ethnic armed group said on Saturday it had captured the headquarters.", "captured", EventStatus.CLAIMED),
    ("The rebels said they had shot down a helicopter.", "shot down", EventStatus.CLAIMED),
    # a pronoun that does not agree with the speaker points elsewhere: a report
    ("The ministry said they had shelled the market.", "shelled", EventStatus.HAPPENED),
    ("Residents said it had shelled the market.", "shelled", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), PRONOUNS, ids=[p[0][:40] for p in PRONOUNS])
def test_a_speaker_taken_up_by_a_pronoun_claims_its_act(run_events, text: str, trigger: str,
                                                         status: EventStatus) -> None:
    events = {e.trigger: e for e in run_events(text)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status


# In a text whose source names a party (a command, a ministry) of no known side, what "we" or "our
# forces" did is the party's claim; its calls and its reports about others are not.
FIRST_PERSON = [
    ("Yesterday evening our fighters took the hill overlooking the city.", "took", EventStatus.CLAIMED),
    ("We call on the international community to protect civilians.", "call on", EventStatus.HAPPENED),
    ("Enemy drones struck a school yesterday evening.", "drones struck", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), FIRST_PERSON, ids=[p[1].split()[-1] for p in FIRST_PERSON])
def test_first_person_deeds_in_a_partys_text_are_claims(run_events, text: str, trigger: str,
                                                        status: EventStatus) -> None:
    source = "Military Operations Command (Telegram)"
    events = {e.trigger: e for e in run_events(text, source=source)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    assert (events[trigger].attributed_to == source) == (status == EventStatus.CLAIMED)
    wire = {e.trigger: e for e in run_events(text, source="Reuters")}
    assert wire[trigger].status == EventStatus.HAPPENED  # the same words in a wire report
