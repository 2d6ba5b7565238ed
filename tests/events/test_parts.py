"""events.parts: what an attack did, told with it, is that attack (table tests with the cases that stay two)."""

from __future__ import annotations

import pytest

# A hit by the pieces of a munition a clause of its sentence tells brought down is the interception told with
# what its debris did: one event (events v186). A hit by the munition itself, or by pieces no clause tells
# brought down, stays an attack.
DEBRIS = [
    ("Russia's Defense Ministry said the building was hit by fragments of a Ukrainian Tochka-U missile that had "
     "been shot down.", ["shot down"]),
    # negative: the munition itself hit the building; pieces of a missile no one brought down
    ("The building was hit by a Ukrainian missile that had been fired from Kharkiv.", ["hit"]),
    ("Fragments of a missile hit a school in Kharkiv.", ["missile"]),
]


@pytest.mark.parametrize(("text", "attacks"), DEBRIS, ids=["downed", "fired", "no-interception"])
def test_debris_of_a_downed_munition_is_the_interception(run_events, text: str, attacks: list[str]) -> None:
    assert [e.trigger for e in run_events(text) if e.plover_type == "ASSAULT"] == attacks
