"""events.crowds and events.protests.merge_mob_in_sentence: who harms whom at a protest decides the sub-type:
protesters attacked by others than protesters and state forces suffer an Attack by armed doers, mob violence by
unarmed ones; protesters who beat a person
do mob violence (one event with their riot); force by police stays the protest's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

CASES = [
    ("The same afternoon, gangs of men armed with whips and clubs attacked protesters in the city centre.",
     [("ASSAULT", "Attack")]),
    # (v501) unarmed attackers of protesters (party activists, a group of people) do mob violence
    ("The day before, activists of the ruling party's student wing had attacked protesters with sticks and iron "
     "rods at the university, injuring hundreds.", [("ASSAULT", "Mob violence")]),
    ("A group of nationalists attacked protesters in Lyon on Wednesday.", [("ASSAULT", "Mob violence")]),
    ("Gunmen attacked protesters in Lyon on Wednesday.", [("ASSAULT", "Attack")]),
    ("Protesters stormed the home of the former prime minister and beat him and his wife.",
     [("ASSAULT", "Mob violence")]),
    # negatives: protesters' violence on property stays a riot; police force on protesters is no Attack
    ("Protesters attacked the embassies in Kinshasa on Tuesday, setting fires.",
     [("PROTEST", "Violent demonstration")]),
    ("On Tuesday, police beat protesters with batons in the city centre.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_who_harms_whom_at_a_protest(pipeline_resources: Any, text: str, expected: list | None) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 4)), pipeline_resources)
    got = [(e.plover_type, e.acled_sub_event_type) for e in extraction.events
           if e.plover_type in ("ASSAULT", "PROTEST")]
    if expected is None:
        assert got and all(sub not in ("Attack", "Mob violence") for _p, sub in got), got
    else:
        assert got == expected, got


ROLES = [
    ("Gangs attacked protesters in the city centre.", "attacked", True, False),
    ("Police attacked protesters in the city centre.", "attacked", False, False),
    ("Protesters attacked the police station.", "attacked", False, False),
    ("Protesters beat him with sticks.", "beat", False, True),
    ("Protesters beat the drums all night.", "beat", False, False),
]


@pytest.mark.parametrize(("text", "verb", "attacked", "mob"), ROLES, ids=[r[0][:30] for r in ROLES])
def test_roles(nlp: Any, resources: Any, text: str, verb: str, attacked: bool, mob: bool) -> None:
    from frontlines.events.crowds import crowd_harms_person, protesters_attacked_by_others

    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    assert protesters_attacked_by_others(head, doers, resources.event_lexicon) is attacked
    assert crowd_harms_person(head, doers) is mob


CLASHES = [
    # harm done in clashes protesters fought is the toll of their violent demonstration (events v431)
    ("Nearly 100 people were killed in clashes between protesters, police and ruling-party activists.", True),
    ("Two protesters were killed in clashes with police on Sunday.", True),
    # negatives: clashes with no protesters named, force used on protesters
    ("Two soldiers were killed in clashes with rebels on Sunday.", False),
    ("Police shot dead two protesters in Dhaka on Sunday.", False),
]


@pytest.mark.parametrize(("text", "riot"), CLASHES, ids=[c[0][:40] for c in CLASHES])
def test_harm_in_clashes_protesters_fought(run_events, nlp: Any, text: str, riot: bool) -> None:
    from frontlines.events.crowds import harmed_in_protesters_clashes

    head = next(t for t in nlp(text) if t.lemma_ in ("kill", "shoot"))
    assert harmed_in_protesters_clashes(head) is riot
    harm = [e for e in run_events(text) if e.trigger in ("killed", "shot")]
    assert harm and (harm[0].acled_sub_event_type == "Violent demonstration") is riot, [
        (e.trigger, e.acled_sub_event_type) for e in run_events(text)]


@pytest.mark.parametrize(
    ("text", "armed"),
    [
        ("Gangs of men armed with whips and clubs attacked protesters.", True),
        ("Gunmen attacked protesters.", True),
        ("Militia fighters attacked protesters.", True),
        # negatives: party activists, a group of people
        ("Activists of the ruling party attacked protesters.", False),
        ("A group of Turks attacked protesters.", False),
    ],
)
def test_armed_attackers(nlp: Any, resources: Any, text: str, armed: bool) -> None:
    from frontlines.events.crowds import armed_attackers

    doc = nlp(text)
    head = next(t for t in doc if t.text == "attacked")
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    assert armed_attackers(doers, resources.event_lexicon) is armed


@pytest.mark.parametrize(
    ("text", "attacked"),
    [
        ("A group of Turks attacked a peaceful rally.", True),  # (v501) a rally attacked is its protesters attacked
        ("A group of Turks attacked a police station.", False),  # negative: no gathering
    ],
)
def test_a_gathering_attacked(nlp: Any, resources: Any, text: str, attacked: bool) -> None:
    from frontlines.events.crowds import protesters_attacked_by_others

    doc = nlp(text)
    head = next(t for t in doc if t.text == "attacked")
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    assert protesters_attacked_by_others(head, doers, resources.event_lexicon) is attacked
