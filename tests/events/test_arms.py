"""events.arms: the means an event's words name, without riot-control kit or a munition's kind."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events import load_event_lexicon
from frontlines.events.arms import munition_kinds, named_again, weapon_named
from frontlines.events.coder import SentenceCues
from tests.events.conftest import top


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("The militia targeted the airport with suicide drones.", "Air/drone strike"),
        ("The militia hit the port with kamikaze drones.", "Air/drone strike"),
        # negatives: a bomber who dies with the bomb, a drone with no kind named
        ("A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
        ("The militia hit the port with drones and artillery.", "Air/drone strike"),
        ("Police fired tear gas and water cannon at the crowd.", None),  # riot-control kit is no weapon
    ],
)
def test_weapon_named(nlp: Any, text: str, sub: str | None) -> None:
    assert weapon_named(SentenceCues(list(nlp(text))), load_event_lexicon()) == sub


def test_munition_kinds(nlp: Any) -> None:
    lex = load_event_lexicon()
    doc = nlp("The militia targeted the airport with suicide drones.")
    assert [doc[i].text for i in munition_kinds(SentenceCues(list(doc)), lex)] == ["suicide"]
    doc = nlp("A suicide bomber struck the market.")
    assert munition_kinds(SentenceCues(list(doc)), lex) == set()  # a bomber is no munition


def test_named_again(nlp: Any) -> None:
    doc = nlp("Gunmen opened fire on a plane, one of the plane's pilots said.")
    hit = {t.i for t in doc if t.text in ("a", "plane")} - {t.i for t in doc if t.i > 6}
    again = named_again(hit, SentenceCues(list(doc)))
    assert sorted(doc[i].text for i in again) == ["plane", "plane"]
    assert named_again({0}, SentenceCues(list(doc))) == {0}  # named once: only itself
    assert named_again({1}, SentenceCues(list(doc))) == set()  # "opened" is no noun


def test_a_suicide_drone_strike_is_a_drone_strike(run_events) -> None:
    event = top(run_events("The RSF militia targeted the airport and a hotel in Port Sudan with suicide drones."))
    assert event is not None and event.acled_sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # (v502) weapons a verb of destroying was done to were put out of use
        ("Security forces have destroyed 342 mines and 288 improvised explosive devices during an operation.",
         "Disrupted weapons use"),
        ("The special forces destroyed large caches of weapons during an operation in Ghazni.", "Disrupted weapons use"),
        # negatives: destroyed by a means the clause names (a strike); something destroyed with explosives
        ("Syrian warplanes destroyed the arms depot in Homs province.", "Air/drone strike"),
        ("Militants destroyed a school with explosives.", "Remote explosive/landmine/IED"),
        # negatives: a battle report's toll, people or the enemy's named beside the weapons (v505)
        ("The army in the south destroyed 37 Russians and four howitzers.", "not disrupted"),
        ("The army destroyed an intelligence station and two sets of enemy ammunition.", "not disrupted"),
    ],
)
def test_weapons_destroyed_were_put_out_of_use(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None, text
    got = [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    if sub == "not disrupted":
        assert event.acled_sub_event_type != "Disrupted weapons use", got
    else:
        assert event.acled_sub_event_type == sub, got


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Civilians were attacked with suspected poisonous gas launched by government forces.", "Chemical weapon"),
        ("Police fired tear gas at the crowd and arrested ten people.", None),  # negative: riot-control kit
    ],
)
def test_poisonous_gas_is_a_chemical_weapon(nlp: Any, text: str, sub: str | None) -> None:
    assert weapon_named(SentenceCues(list(nlp(text))), load_event_lexicon()) == sub
