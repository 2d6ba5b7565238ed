"""events.refutations: a denial of something told is no event; refusing what is asked or offered is REJECT."""

from __future__ import annotations

import pytest

DENIALS = [
    # (text, a REJECT event expected)
    ("The Kremlin dismissed the accusations.", False),
    ("Islamic Jihad rejected the claim as a lie.", False),
    ("Kyiv denies the city has fallen.", False),
    ("The spokesman rejected any suggestion that the region's status had changed.", False),
    ("The ministry rejected the report as biased.", False),
    ("The army said the school had reopened, a claim the diocese rejected.", False),
    ("Reports that the command surrendered are fabricated and are rejected.", False),
    # refusing what is asked or offered stays REJECT
    ("The rebels rejected the ceasefire proposal on Monday.", True),
    ("The government dismissed the demand for new elections.", True),
    ("Parliament rejected the bill on Tuesday.", True),
]


@pytest.mark.parametrize(("text", "reject"), DENIALS)
def test_a_denial_of_a_telling_is_no_event(run_events, text: str, reject: bool) -> None:
    events = run_events(text)
    assert ("REJECT" in {e.plover_type for e in events}) is reject, [(e.plover_type, e.trigger) for e in events]
