"""The protest tree reads what happened at a protest, not what it was held for (events.protest_tree,
events v352: the aim told as the protest verb's own purpose infinitive). Own sentences."""

from __future__ import annotations

import pytest

PEACEFUL, VIOLENT = "Peaceful protest", "Violent demonstration"

AIMS = [
    # the aim names violence done before, by others: the march itself is peaceful
    ("On Sunday, tens of thousands of people marched in Bogota and other cities to reject the attack.", PEACEFUL),
    ("Thousands of people marched through Kampala on Saturday to mourn the victims of the attack on the market.",
     PEACEFUL),
    # negative: violence done at the protest, told as a deed of its own
    ("Hundreds of people marched through Kampala on Saturday and attacked police officers with stones.", VIOLENT),
    # negative: violence in the sentence with no purpose infinitive stays the protest's
    ("Thousands of people marched through Kampala on Saturday; some of them set fire to cars.", VIOLENT),
]


@pytest.mark.parametrize(("text", "sub"), AIMS, ids=[a[0][:45] for a in AIMS])
def test_a_protests_aim_is_no_deed_at_it(run_events, text: str, sub: str) -> None:
    marches = [e for e in run_events(text) if e.trigger.lower().startswith("march")]
    assert marches, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert marches[0].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
