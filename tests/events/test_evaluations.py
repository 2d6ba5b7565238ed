"""events.evaluations: a definite event noun that a copula judges or classifies, after the article has told a
happening of its type, refers back and tells no new event; on its own, with a day, or told as it went, it stays."""

from __future__ import annotations

import pytest

DROPPED = [
    # (text, trigger word that must give no event of its own)
    ("Drones struck two oil fields in Kurdistan on Wednesday. These attacks by outlaw groups are a terrorist act "
     "against the economic infrastructure.", "attacks"),
    ("Russian missiles hit power plants across Ukraine on Monday. The strikes are part of a campaign to cripple the "
     "country's energy grid.", "strikes"),
    ("Russian forces launched an offensive near Kharkiv on Friday. The offensive, analysts say, is unlikely to "
     "succeed before winter.", "offensive"),
    # "came" placed against another happening (events v535)
    ("Russian drones hit Kyiv overnight. The attack came two days after Russia launched a barrage of missiles at "
     "Lviv.", "attack"),
    ("A bomb exploded at a university gym in Marawi on Sunday. The military said the bombing could have been "
     "retaliation by the group for an operation on Friday.", "bombing"),
]

KEPT = [
    # (text, trigger word that must give an event): nothing told before, a day of its own, how it went
    ("The attack on the market was the deadliest this year.", "attack"),
    ("The strike was a war crime, the UN said.", "strike"),
    ("Rebels attacked a village in Borno on Monday. The attack on Tuesday was the deadliest in the state this year.",
     "attack"),
    # "came" with a day of its own, or with no other happening to be placed against
    ("Rebels attacked a village in Borno on Monday. The attack on the army base came on Tuesday.", "attack"),
    # a happening of another type told before is no antecedent
    ("Protesters marched in Dhaka on Friday. The strikes are part of a campaign to cripple the grid.", "strikes"),
]


def _count(events, trigger: str) -> int:
    return sum(1 for e in events if e.trigger.startswith(trigger))


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_evaluation_of_a_happening_told_before_is_no_event(run_events, text: str, trigger: str) -> None:
    events = run_events(text)
    second = text.index(". ") + 2
    assert _count([e for e in events if e.evidence.start >= second], trigger) == 0, [e.trigger for e in events]
    assert any(e.evidence.start < second for e in events), [e.trigger for e in events]  # told before: stays


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_noun_with_nothing_to_refer_to_stays(run_events, text: str, trigger: str) -> None:
    events = run_events(text)
    assert any(e.trigger == trigger or e.trigger.startswith(trigger) for e in events), [e.trigger for e in events]
