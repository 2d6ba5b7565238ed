"""A blast the attacker died in is a suicide bombing (events.blasts, events v431). Own sentences."""

from __future__ import annotations

import pytest

SUICIDE, REMOTE = "Suicide bomb", "Remote explosive/landmine/IED"

BLASTS = [
    # the driver of the vehicle that blew up, or the bomber, died in the blast
    ("A vehicle packed with 80 kilograms of explosives exploded inside the police school on Thursday, killing 20 "
     "cadets and the driver.", SUICIDE),
    ("A car bomb exploded near the hotel on Friday, killing five people and the driver.", SUICIDE),
    ("A bomb exploded at the market on Monday, killing eleven people and the attacker.", SUICIDE),
    # negative: a bus's driver killed by a roadside bomb is its victim
    ("A roadside bomb exploded under a bus on Monday, killing 12 passengers and the driver.", REMOTE),
    # negative: nobody of the attack's own side named dead
    ("A car bomb exploded near the hotel on Friday, killing five people.", REMOTE),
    # (v502) those who set off a blast "killing themselves" died in it
    ("Two militants detonated explosives near the capital on Friday, killing themselves.", SUICIDE),
    # negative: the reflexive is the victims' own ("killing them" is others)
    ("Two militants detonated explosives near the market on Friday, killing them.", REMOTE),
]


@pytest.mark.parametrize(("text", "sub"), BLASTS, ids=[b[0][:45] for b in BLASTS])
def test_a_blast_that_killed_its_bomber_is_a_suicide_bombing(run_events, text: str, sub: str) -> None:
    events = run_events(text)
    subs = [e.acled_sub_event_type for e in events if e.plover_type == "ASSAULT"]
    assert subs and subs[0] == sub, [(e.trigger, e.acled_sub_event_type) for e in events]
