"""events.stance: who acts decides a riot (table tests with negative cases)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus, Sector
from tests.events.conftest import actor


@pytest.mark.parametrize(
    ("text", "plover", "sub"),
    [
        ("Protesters attacked the embassy on Tuesday, setting fires and looting.", "PROTEST", "Violent demonstration"),
        ("Demonstrators attacked a police station in the town.", "PROTEST", "Violent demonstration"),
        ("An angry mob attacked two men accused of theft.", "ASSAULT", "Mob violence"),
        # negative cases: armed forces or an armed group attacking are no riot
        ("Soldiers attacked the village at dawn.", "ASSAULT", None),
        ("Gunmen attacked a police station in the town.", "ASSAULT", None),
    ],
)
def test_violence_by_demonstrators_or_a_crowd_is_rioting(run_events, text: str, plover: str, sub: str | None) -> None:
    events = [e for e in run_events(text) if e.plover_type in ("ASSAULT", "PROTEST")]
    assert len(events) == 1, [(e.trigger, e.plover_type) for e in events]
    e = events[0]
    assert e.plover_type == plover
    if sub is not None:
        assert e.acled_sub_event_type == sub and e.acled_event_type == "Riots"
    else:
        assert e.acled_event_type != "Riots"


def test_burning_in_an_attack_is_that_attack(run_events) -> None:
    events = run_events("Fighters surrounded the village on Sunday, shot people at the market and set shops ablaze.")
    assert [e.plover_type for e in events if e.plover_type in ("ASSAULT", "COERCE")] == ["ASSAULT"]


# Violence aimed at an armed, organised party is an armed clash; at civilians, an attack (events v4).
ARMED_TARGETS = [
    ("The alliance resumed its attacks on the junta near the border.", "the junta", Sector.MILITARY, "Armed clash"),
    ("Gunmen shot the district police chief near the market.", "the district police chief", Sector.POLICE,
     "Armed clash"),
    # a civilian target, or no target the roles found, leaves the attack an attack
    ("Gunmen shot the village teacher near the market.", "the village teacher", Sector.CIVILIAN, "Attack"),
    ("Gunmen shot the village teacher near the market.", None, None, "Attack"),
]


@pytest.mark.parametrize(("text", "target", "sector", "sub"), ARMED_TARGETS, ids=[a[0][:40] for a in ARMED_TARGETS])
def test_an_armed_target_makes_a_clash(run_events, text: str, target: str | None, sector: Sector | None,
                                       sub: str) -> None:
    actors = (actor(text, target, target.title(), None, sector),) if target and sector else ()
    events = [e for e in run_events(text, actors=actors) if e.plover_type == "ASSAULT"]
    assert len(events) == 1, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert events[0].acled_sub_event_type == sub


# An order addressed to another party by name is a demand made of it; an order to one's own people
# stays the act ordered (events v4).
ORDERS = [
    ("The International Court of Justice ordered Israel to immediately halt its offensive in Rafah.",
     "REQUEST", EventStatus.HAPPENED),
    ("The general ordered his troops to withdraw from the town.", "RETREAT", EventStatus.ORDERED),
    ("The army ordered the men of the town to dig ditches against the raids.", None, None),
]


@pytest.mark.parametrize(("text", "plover", "status"), ORDERS, ids=[o[0][:40] for o in ORDERS])
def test_an_order_to_another_party_is_a_demand(run_events, text: str, plover: str | None,
                                               status: EventStatus | None) -> None:
    events = run_events(text)
    if plover is None:
        assert all(e.plover_type != "REQUEST" for e in events), [(e.trigger, e.plover_type) for e in events]
        return
    assert any(e.plover_type == plover and e.status == status for e in events), \
        [(e.trigger, e.plover_type, e.status.value) for e in events]


# The orderer makes the demand: it is the demand's doer, not a source who tells it, so the demand is attributed to no
# one (events v207); an order to one's own people keeps the orderer as the one it is told by.
ORDERERS = [
    ("The International Court of Justice ordered Israel to immediately halt its offensive in Rafah.", "REQUEST",
     None),
    ("The tribunal ordered Serbia to withdraw its troops from the town.", "REQUEST", None),
    ("The general ordered his troops to withdraw from the town.", "RETREAT", "The general"),
]


@pytest.mark.parametrize(("text", "plover", "attributed"), ORDERERS, ids=[o[0][:30] for o in ORDERERS])
def test_the_orderer_makes_the_demand_and_does_not_tell_it(run_events, text: str, plover: str,
                                                           attributed: str | None) -> None:
    events = [e for e in run_events(text) if e.plover_type == plover]
    assert events, [(e.trigger, e.plover_type) for e in run_events(text)]
    assert events[0].attributed_to == attributed


# Violence a party says is to come is its threat (PLOVER THREATEN), whatever ACLED family the act's words
# name; violence told as done stays an ASSAULT (events v263).
@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Houthi military spokesman Yahya Saree said the group would target all ships owned by Israeli companies.",
         "THREATEN"),
        ("Putin said Russia would expand strikes on Ukrainian ports.", "THREATEN"),
        # negatives: the strikes and the targeting were done
        ("Putin said Russia had expanded strikes on Ukrainian ports.", "ASSAULT"),
        ("The spokesman said the group targeted a ship owned by an Israeli company.", "ASSAULT"),
    ],
)
def test_violence_said_to_come_is_a_threat(run_events, text: str, plover: str) -> None:
    events = [e for e in run_events(text) if e.plover_type in ("ASSAULT", "THREATEN")]
    assert events and all(e.plover_type == plover for e in events), [(e.trigger, e.plover_type) for e in events]
