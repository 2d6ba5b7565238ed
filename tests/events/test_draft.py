"""events.draft: what one mention takes from another that names the same happening (table tests, own sentences)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus, Sector
from tests.events.conftest import actor

# (v81) a doer that claims, in a clause joined to its deed, a part of the same happening makes the event its claim;
# a claim by someone else, or a deed told alone, stays as told
CLAIMED_PART = [
    ("Rebels attacked an army base near Gao on Sunday and claimed to have killed 20 soldiers.", "attacked",
     EventStatus.CLAIMED, "Rebels"),
    ("Rebels attacked an army base near Gao on Sunday and killed 20 soldiers.", "attacked", EventStatus.HAPPENED,
     None),
    ("Rebels attacked an army base near Gao on Sunday, and the army said it had killed 20 of them.", "attacked",
     EventStatus.HAPPENED, "the army"),  # the army's report of the toll: no claim of the rebels'

]


@pytest.mark.parametrize(("text", "trigger", "status", "attributed"), CLAIMED_PART, ids=["claimed", "told", "other"])
def test_a_doers_claimed_part_makes_the_event_its_claim(run_events, text: str, trigger: str, status: EventStatus,
                                                        attributed: str | None) -> None:
    rebels = actor(text, "Rebels", "Rebels", None, Sector.REBEL)
    events = {e.trigger: e for e in run_events(text, actors=(rebels,))}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    assert (events[trigger].attributed_to or None) == attributed


# (v190) an attack told again as fought off ("The attack was repelled") was fought by both sides: the one event it
# is merged into is an armed clash (ACLED), whatever its first telling said; a retelling that tells no fighting back
# leaves the attack as it was
FOUGHT_OFF = [
    ("Overnight the rebels attacked the town of Kidal. The attack was repelled, the army said.", "Armed clash"),
    ("Gunmen attacked the village of Kidal on Sunday. The attack was repelled by the local militia.", "Armed clash"),
    ("Overnight the rebels attacked the town of Kidal. The attack was condemned by the United Nations.", "Attack"),
    ("Gunmen attacked the village of Kidal on Sunday. The attack was carried out by the local militia.", "Attack"),
]


@pytest.mark.parametrize(("text", "sub"), FOUGHT_OFF, ids=["repelled", "repelled-by", "condemned", "carried-out"])
def test_an_attack_told_again_as_fought_off_is_a_clash(run_events, text: str, sub: str) -> None:
    attacks = [e for e in run_events(text) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.acled_sub_event_type) for e in attacks]
    assert attacks[0].acled_sub_event_type == sub


# (v622) a word of fighting between two sides ("fighting", "clashes") merged as one act with a killing its own
# sentence tells was fought by both sides: the event is an armed clash (ACLED: harm done in fighting, civilians in
# crossfire too), whichever mention keeps it; a killing told with no fighting, or fighting told in another sentence,
# keeps its own reading
FIGHTING_IN_SENTENCE = [
    ("Heavy fighting broke out in the town after a farmer was shot dead on Sunday.", ["Armed clash"]),
    ("The fighting erupted on Monday night after the commander was shot dead at the camp.", ["Armed clash"]),
    ("Gunmen shot dead a farmer and burned his house in the town on Monday.", ["Attack"]),
    ("Fighting erupted in the north of the town on Monday. Later that day, a farmer was shot dead in the town.",
     ["Armed clash", "Attack"]),
]


@pytest.mark.parametrize(("text", "subs"), FIGHTING_IN_SENTENCE,
                         ids=["farmer", "commander", "no-fighting", "other-sentence"])
def test_a_killing_told_with_fighting_in_its_sentence_is_a_clash(run_events, text: str, subs: list[str]) -> None:
    attacks = [e for e in run_events(text) if e.plover_type == "ASSAULT"]
    assert [e.acled_sub_event_type for e in attacks] == subs, [e.trigger for e in attacks]
