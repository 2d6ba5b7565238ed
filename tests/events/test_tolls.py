"""events.tolls: a death toll told in a sentence of its own is the latest count of the attack told before it
(corpus/events/README.md, conventions for every part, rule 7), not a second event (table tests with the cases that
stay two). The fixtures put the toll in the paragraph after the attack, where no other merge joins them."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.eval.runner import event_date, event_fatalities
from frontlines.events.tolls import take_toll
from tests.events.conftest import timev

# A harm participle, passive with counted people and no doer, alone in its sentence, in the attack's paragraph or
# the next: one event whose fatalities are the toll's (the latest figure, replacing the attack's, not added to it).
TOLLS = [
    ("A Russian missile hit a shopping centre in Belgorod on Saturday, killing five people.\n\nAccording to the "
     "latest data, 14 people have been killed, among them two children, and 108 injured.", 14),
    ("Gunmen stormed a hotel in Mogadishu on Friday.\n\nBy the time security forces declared the siege over on "
     "Saturday, at least 21 people had been killed and 117 wounded.", 21),
    ("Missiles hit a mosque in Bahawalpur on Wednesday.\n\nA military spokesman said 26 civilians had been killed "
     "and 46 wounded.", 26),
    ("Drones hit a residential building in Kyiv overnight.\n\nUPDATE: nine dead and more than 70 injured in Kyiv, "
     "among them six children.", 9),
]


@pytest.mark.parametrize(("text", "killed"), TOLLS, ids=["latest-data", "siege-over", "said", "update"])
def test_a_toll_of_its_own_is_the_attacks_latest_count(run_events, text: str, killed: int) -> None:
    attacks = [e for e in run_events(text) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.quantities) for e in attacks]
    assert event_fatalities(attacks[0]) == killed


# Negatives: no attack told before the toll; an attack two paragraphs back; a toll naming a happening of its own
# ("during clashes"); a toll with a doer of its own. Each stays its own event.
APART = [
    "According to the latest data, 14 people have been killed in Kostiantynivka.",
    "Missiles hit a mosque in Bahawalpur on Wednesday.\n\nThe talks went on in Geneva.\n\nA military spokesman said "
    "26 civilians had been killed and 46 wounded.",
    "Missiles hit a mosque in Bahawalpur on Wednesday.\n\nThree people were killed during clashes in Lahore.",
    "Missiles hit a mosque in Bahawalpur on Wednesday.\n\nThree people were killed by soldiers in Lahore.",
]


@pytest.mark.parametrize("text", APART, ids=["no-attack-before", "two-paragraphs", "during-clashes", "own-doer"])
def test_a_toll_that_is_no_update_stays_apart(run_events, text: str) -> None:
    killed = [e for e in run_events(text) if e.plover_type == "ASSAULT" and e.trigger == "killed"]
    assert len(killed) == 1, [(e.trigger, e.quantities) for e in killed]


def test_a_smaller_toll_leaves_the_attacks_count() -> None:
    """A smaller figure counts a part of the victims: the attack keeps its own (no sum, no replacement)."""
    class Q:
        def __init__(self, kind: str, value: float) -> None:
            self.kind, self.value, self.low = kind, value, None

    class D:
        def __init__(self, *qs: Q) -> None:
            self.quantities, self.dropped, self.merged_into = qs, False, None

    attack, part, rise = D(Q("killed", 20)), D(Q("killed", 3), Q("injured", 15)), D(Q("killed", 24))
    take_toll(attack, part)  # type: ignore[arg-type]
    assert [(q.kind, q.value) for q in attack.quantities] == [("killed", 20), ("injured", 15)] and part.dropped
    take_toll(attack, rise)  # type: ignore[arg-type]
    assert sorted((q.kind, q.value) for q in attack.quantities) == [("injured", 15), ("killed", 24)]


def test_a_toll_on_another_day_stays_its_own(run_events) -> None:
    text = ("A Russian missile hit a shopping centre in Belgorod on Saturday, killing five people.\n\n"
            "On Sunday, 14 people have been killed.")
    events = run_events(text, times=(timev(text, "Saturday", "2022-11-05"), timev(text, "Sunday", "2022-11-06")))
    attacks = [e for e in events if e.plover_type == "ASSAULT"]
    assert [event_date(e) for e in attacks] == [dt.date(2022, 11, 5), dt.date(2022, 11, 6)]
