"""events.antecedents: who a doer written as a personal pronoun, or left unsaid in a headline, stands for."""

from __future__ import annotations

from dataclasses import replace

from frontlines.records import Sector
from tests.events.conftest import actor

_ORDER = ("In a televised address, Putin ordered the call-up of reservists to reinforce troops in Ukraine "
          "and repeated his threat to use nuclear weapons.")


def _threat(events):  # noqa: ANN001, ANN202
    return next(e for e in events if e.plover_type == "THREATEN")


def test_a_personal_pronoun_stands_for_the_person_before_it_not_the_nearest_force(run_events) -> None:
    putin = replace(actor(_ORDER, "Putin", "Vladimir Putin", "RUS", Sector.GOVERNMENT), kind="person")
    troops = actor(_ORDER, "troops in Ukraine", "Armed Forces of Ukraine", "UKR")
    threat = _threat(run_events(_ORDER, actors=(putin, troops)))
    assert [a.name for a in threat.sources] == ["Vladimir Putin"]


def test_a_personal_pronoun_no_person_can_stand_for_leaves_the_doer_unknown(run_events) -> None:
    text = "Troops in Ukraine were reinforced on Monday, and the minister repeated his threat to use nuclear weapons."
    troops = actor(text, "Troops in Ukraine", "Armed Forces of Ukraine", "UKR")
    threat = _threat(run_events(text, actors=(troops,)))
    assert threat.sources == ()


def test_a_headline_with_no_doer_in_its_syntax_takes_the_party_before_it(run_events) -> None:
    text = "Russian army: six civilians killed in Donetsk region."
    army = actor(text, "Russian army", "Russian Armed Forces", "RUS")
    killed = next(e for e in run_events(text, actors=(army,)) if e.plover_type == "ASSAULT")
    assert [a.name for a in killed.sources] == ["Russian Armed Forces"]
