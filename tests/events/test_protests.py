"""events.protests: force used on protesters, told within two sentences after a protest of the same place and
day, is that protest's intervention (one event, the intervention's sub-type, the protesters its actor);
a protest in another town or on another day stays its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

CASES = [
    ("On Wednesday, thousands of people marched through Port-au-Prince to demand that the authorities do more to "
     "stop the gangs. Police fired tear gas to disperse demonstrators who approached the prime minister's office.",
     ["Protest with intervention"]),
    # another town, another day: two
    ("On Wednesday, thousands of people marched through Port-au-Prince to demand more security. In Cap-Haitien, "
     "police fired tear gas to disperse demonstrators.", ["Peaceful protest", "Protest with intervention"]),
    ("On Monday, thousands of students marched through Dhaka to demand jobs. On Thursday, police fired tear gas to "
     "disperse protesters in Dhaka.", ["Peaceful protest", "Protest with intervention"]),
]


@pytest.mark.parametrize(("text", "subs"), CASES, ids=[f"{len(c[1])}-{c[0][60:90]}" for c in CASES])
def test_force_told_after_a_protest_is_its_intervention(pipeline_resources: Any, text: str, subs: list) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 4)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "PROTEST"]
    assert sorted(e.acled_sub_event_type or "" for e in events) == sorted(subs), [
        (e.trigger, e.acled_sub_event_type, e.time and e.time.value) for e in events]


def test_the_protesters_stay_the_actor(pipeline_resources: Any) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    text = CASES[0][0]
    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 4)), pipeline_resources)
    (event,) = [e for e in extraction.events if e.plover_type == "PROTEST"]
    assert not any("police" in (a.name or a.text).lower() for a in event.sources), event.sources


# In one sentence, the protest and the force aimed at it, both typed as the intervention, are one event whose actor
# is ACLED's (events v185); a protest beside another act of the sentence, not aimed at by it, stays apart.
IN_SENTENCE = [
    ("As many as 1,400 people may have been killed in Bangladesh between 15 July and 5 August last year, as the former "
     "government used lethal force against largely peaceful protesters, a fact-finding report by the UN Human Rights "
     "Office found today.", 1),
    # negative: the crowd's beating is another act than the shots at protesters
    ("In one video, an off-duty investigator of the prosecutor's office fires at protesters in the south of the city, "
     "and he is beaten to death by a crowd.", 2),
]


@pytest.mark.parametrize(("text", "count"), IN_SENTENCE, ids=["aimed", "beside"])
def test_the_force_aimed_at_a_protest_in_its_sentence_is_one_event(pipeline_resources: Any, text: str,
                                                                    count: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 2, 12)), pipeline_resources)
    events = [e for e in extraction.events if e.acled_sub_event_type == "Excessive force against protesters"]
    assert len(events) == count, [(e.trigger, e.plover_type) for e in events]
    assert not any("protesters" in (a.name or a.text) for e in events if e.plover_type == "ASSAULT" for a in e.sources)


# Crowd-control means used with no protest named, told right after a protest, are its intervention (events v250):
# one PROTEST event, "Protest with intervention", and no attack beside it. Harm to people, a protest told two
# sentences back or a protest on another day, and crowd-control words nowhere, leave the attack its own.
CROWD_CONTROL = [
    ("On Sunday, hundreds of young people marched through Makurdi carrying placards and demanded that the "
     "government protect them. Police fired tear gas to disperse them.", ["Protest with intervention"], 0),
    ("In Jayapura, some 300 students marched on Friday to demand the withdrawal of troops; police fired tear gas "
     "to disperse them and detained twelve people.", ["Protest with intervention"], 0),
    # negatives: harm to people is excessive force, the force's own event
    ("On Monday, thousands of students marched towards parliament. Police opened fire with tear gas and live "
     "rounds, killing 17 people.", None, 1),
    # no crowd-control means: an attack after a march is not its dispersal
    ("On Sunday, hundreds of young people marched through Makurdi. Gunmen attacked a village nearby.", None, 1),
    # a protest told earlier than the sentence before is no longer the scene
    ("On Sunday, hundreds of young people marched through Makurdi. The governor met community leaders. The mayor "
     "thanked the police. Police fired tear gas to disperse them.", None, 1),
]


@pytest.mark.parametrize(("text", "subs", "attacks"), CROWD_CONTROL,
                         ids=["next-sentence", "semicolon", "lethal", "no-means", "too-far"])
def test_crowd_control_after_a_protest_is_its_intervention(pipeline_resources: Any, text: str, subs: list | None,
                                                           attacks: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 6, 20)), pipeline_resources)
    got = [(e.plover_type, e.acled_sub_event_type, e.trigger) for e in extraction.events]
    assert sum(1 for e in extraction.events if e.plover_type == "ASSAULT") == attacks, got
    if subs is not None:
        assert [e.acled_sub_event_type for e in extraction.events if e.plover_type == "PROTEST"] == subs, got
# In a story of protests told as happened, police who kill or wound people, with no armed party named among
# them, use force on the protest: Excessive force against protesters (events v265). Without a protest in the
# story, or by soldiers, the violence keeps its own sub-type.
POLICE_FORCE = [
    ("On Monday, tens of thousands of young people marched towards parliament in Kathmandu. When some of them "
     "climbed over the barricades, police opened fire with tear gas, rubber bullets and live rounds, killing 17 "
     "people.", "opened fire", True),
    # negatives: no protest told; soldiers, not police
    ("On Monday, police opened fire on a car at a checkpoint in Kathmandu, killing two people.", "opened fire",
     False),
    ("On Monday, tens of thousands of young people marched towards parliament in Kathmandu. On Tuesday, soldiers "
     "opened fire on a village in the west, killing two people.", "opened fire", False),
    ("On Monday, tens of thousands of young people marched towards parliament in Nairobi. The same afternoon, gangs "
     "of men armed with whips and clubs attacked protesters in the city centre while police looked on.", "attacked",
     False),
]


@pytest.mark.parametrize(("text", "trigger", "excessive"), POLICE_FORCE, ids=["protest-story", "no-protest", "soldiers", "looked-on"])
def test_police_force_in_a_story_of_protests(pipeline_resources: Any, text: str, trigger: str, excessive: bool) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 9, 10)), pipeline_resources)
    hits = [e for e in extraction.events if e.trigger.startswith(trigger)]
    assert len(hits) == 1 and hits[0].plover_type == "ASSAULT", [(e.trigger, e.plover_type) for e in extraction.events]
    assert (hits[0].acled_sub_event_type == "Excessive force against protesters") is excessive, hits[0]


# A demonstration or a riot is the crowd's (ACLED's actor 1): a state's force or official the sentence gave as
# its doer goes to its targets (events v373); excessive force, done by the force, keeps the force.
CROWDS = [
    ("Palestinian security forces fired tear gas and stun grenades at hundreds of protesters in Ramallah late "
     "Tuesday.", "Protest with intervention", []),
    ("Police opened fire on protesters in Nairobi on Tuesday, killing 12 people.",
     "Excessive force against protesters", ["KEN"]),
]


@pytest.mark.parametrize(("text", "sub", "sides"), CROWDS, ids=[c[1] for c in CROWDS])
def test_a_demonstration_is_the_crowds(pipeline_resources: Any, text: str, sub: str, sides: list) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 4)), pipeline_resources)
    hit = next((e for e in extraction.events if e.acled_sub_event_type == sub), None)
    assert hit is not None, [(e.trigger, e.acled_sub_event_type, e.sources) for e in extraction.events]
    assert [a.side for a in hit.sources] == sides, hit.sources
    if not sides:
        assert any(a.sector.value in ("police", "military") for a in hit.targets), hit.targets
