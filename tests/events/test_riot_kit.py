"""events.riot_kit: the kit police use on crowds names no weapon of war."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events import load_event_lexicon
from frontlines.events.means import read_in_order
from frontlines.events.riot_kit import kit_at
from tests.events.conftest import top


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police fired tear gas and water cannon.", ["tear", "gas", "water", "cannon"]),
        ("Police threw stun grenades and fired rubber bullets.", ["stun", "grenades", "rubber", "bullets"]),
        # negatives: a weapon of war, a word of the kit alone
        ("Troops fired a cannon and threw a grenade.", []),
        ("The water was cut off.", []),
    ],
)
def test_kit_at(nlp: Any, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    kit = load_event_lexicon().cues["riot_control"]
    assert [doc[i].text for i in sorted(kit_at(read_in_order(doc), kit))] == expected


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Dozens of people were injured as security forces fired rubber bullets, tear gas and water cannon.", "Attack"),
        ("Militants threw a grenade at a police post in Srinagar, injuring two.", "Grenade"),  # negative: a grenade
        ("Russian forces fired cannon at positions near Bakhmut.", "Shelling/artillery/missile attack"),  # negative
    ],
)
def test_riot_kit_is_no_weapon(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None and event.acled_sub_event_type == sub, [
        (e.trigger, e.acled_sub_event_type) for e in run_events(text)]
