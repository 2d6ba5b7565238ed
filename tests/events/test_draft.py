"""events.draft: what one mention takes from another that names the same happening (table tests, own sentences)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus, Sector
from tests.events.conftest import actor

# (v81) a doer that claims, in a clause joined to its deed, a part of the same happening makes the event its claim;
# a claim by someone else, or a deed told alone, stays as told
CLAIMED_PART = [
    ("Rebels attacked an army base near Gao on Sunday and claimed to have killed 20 soldiers.", "attacked",
     EventStatus.CLAIMED, "Rebels"),
    ("Rebels attacked an army base near Gao on Sunday and killed 20 soldiers.", "attacked", EventStatus.HAPPENED,
     None),
    ("Rebels attacked an army base near Gao on Sunday, and the army said it had killed 20 of them.", "attacked",
     EventStatus.HAPPENED, "the army"),  # the army's report of the toll: no claim of the rebels'

]


@pytest.mark.parametrize(("text", "trigger", "status", "attributed"), CLAIMED_PART, ids=["claimed", "told", "other"])
def test_a_doers_claimed_part_makes_the_event_its_claim(run_events, text: str, trigger: str, status: EventStatus,
                                                        attributed: str | None) -> None:
    rebels = actor(text, "Rebels", "Rebels", None, Sector.REBEL)
    events = {e.trigger: e for e in run_events(text, actors=(rebels,))}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    assert (events[trigger].attributed_to or None) == attributed
