"""events.parts: what an attack did, told with it, is that attack (table tests with the cases that stay two)."""

from __future__ import annotations

import pytest

from tests.events.conftest import timev

# A hit by the pieces of a munition a clause of its sentence tells brought down is the interception told with
# what its debris did: one event (events v186). A hit by the munition itself, or by pieces no clause tells
# brought down, stays an attack.
DEBRIS = [
    ("Russia's Defense Ministry said the building was hit by fragments of a Ukrainian Tochka-U missile that had "
     "been shot down.", ["shot down"]),
    # negative: the munition itself hit the building; pieces of a missile no one brought down
    ("The building was hit by a Ukrainian missile that had been fired from Kharkiv.", ["hit"]),
    ("Fragments of a missile hit a school in Kharkiv.", ["missile"]),
]


@pytest.mark.parametrize(("text", "attacks"), DEBRIS, ids=["downed", "fired", "no-interception"])
def test_debris_of_a_downed_munition_is_the_interception(run_events, text: str, attacks: list[str]) -> None:
    assert [e.trigger for e in run_events(text) if e.plover_type == "ASSAULT"] == attacks


# A deed told again by a definite noun taking up the attack's doers is that attack; an attack whose own word
# tells killing ("carried out a massacre") stays an Attack, even with no count, instead of taking the later
# mention's kind (events v264). A plain attack with no toll still takes it.
TOLD_AGAIN = [
    ("On Friday, heavily armed terrorists surrounded the mosque of the village and carried out a massacre of the "
     "faithful. The terrorists then set fire to the market and to several houses before leaving the village.",
     "Attack"),
    # negative: a raid that killed no one, told again as an abduction, is the abduction
    ("Armed men raided a market in Zurmi on Friday. The armed men abducted dozens of traders and set stalls ablaze.",
     "Abduction/forced disappearance"),
]


@pytest.mark.parametrize(("text", "sub"), TOLD_AGAIN, ids=["massacre", "raid"])
def test_a_killing_told_again_stays_an_attack(run_events, text: str, sub: str) -> None:
    violent = [e for e in run_events(text) if e.plover_type in ("ASSAULT", "COERCE")]
    assert [e.acled_sub_event_type for e in violent] == [sub], [(e.trigger, e.acled_sub_event_type) for e in violent]


# A violent act told as the manner in which doers already told went on ("They went from house to house, shooting
# people") after a violent act told before it is how that raid went: one event (events v322). Told first, by
# doers not taken up from before, or with a day of its own that differs, it stays an event of its own.
TOLD_ON = [
    ("The attackers arrived in the village late on Friday night, firing into the air and then into the houses. "
     "They went on for hours, shooting people and setting fire to homes.", ["firing"]),
    ("Gunmen killed at least 21 civilians in the village on Friday. They went from house to house, shooting "
     "people.", ["killed"]),
    ("Gunmen killed at least 21 civilians in the village on Friday. The gunmen went from house to house, "
     "shooting people.", ["killed"]),
    # negatives: told first; doers not taken up from before (a bare noun)
    ("Soldiers went from house to house in the village on Friday, shooting people.", ["shooting"]),
    ("Gunmen killed at least 21 civilians in the village on Friday. Soldiers went from house to house, shooting "
     "people.", ["killed", "shooting"]),
]


@pytest.mark.parametrize(("text", "attacks"), TOLD_ON,
                         ids=["went-on", "house-to-house", "definite", "first", "bare-noun"])
def test_a_raid_told_on_is_the_raid(run_events, text: str, attacks: list[str]) -> None:
    assert [e.trigger for e in run_events(text) if e.plover_type == "ASSAULT"] == attacks


def test_a_raid_told_on_another_day_stays_its_own(run_events) -> None:
    text = ("Gunmen killed at least 21 civilians in the village on Friday. On Monday, they went from house to "
            "house in the town, shooting people.")
    events = run_events(text, times=(timev(text, "Friday", "2022-11-04"), timev(text, "Monday", "2022-11-07")))
    assert [e.trigger for e in events if e.plover_type == "ASSAULT"] == ["killed", "shooting"]


# What "the attackers" did, told in the next sentence, is the attack told before even when a party's denial made
# that attack denied (v572): its parts are told on the same word. An act of others named otherwise stays its own.
DENIED_PARTS = [
    ("Government troops killed at least 30 villagers in Kimbala on Monday, the rights group Civic Watch said. The "
     "attackers also beat residents. The information minister described reports of a massacre as false.",
     [("killed", "denied")]),
    ("Government troops killed at least 30 villagers in Kimbala on Monday, the rights group Civic Watch said. Rebels "
     "also beat residents in Sanga. The information minister described reports of a massacre as false.",
     [("killed", "denied"), ("beat", "happened")]),
]


@pytest.mark.parametrize(("text", "attacks"), DENIED_PARTS, ids=["the-attackers", "others"])
def test_the_attackers_acts_are_part_of_a_denied_attack(pipeline_resources, text: str, attacks: list) -> None:  # noqa: ANN001
    import datetime as dt

    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 1, 9), source="Reuters"),
                             pipeline_resources).events
    assert [(e.trigger, e.status.value) for e in events if e.plover_type == "ASSAULT"] == attacks
