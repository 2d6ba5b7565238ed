"""events.uncontested: ground taken with no fight is a non-violent transfer (ACLED), by the one who took it."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events.uncontested import uncontested
from tests.events.conftest import top

NVT = "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The fighters entered Afrin shortly before dawn and had not encountered any resistance.", "entered", True),
        ("Rebels captured the town without a fight.", "captured", True),
        ("Rebels captured the town without firing a shot.", "captured", True),
        ("The rebels entered the town unopposed.", "entered", True),
        ("The militants seized the area following the withdrawal of Puntland forces.", "seized", True),
        ("The rebels took the town and met no resistance.", "took", True),
        # negatives: some resistance, fighting told, a withdrawal after the taking
        ("The rebels took the town, meeting little resistance.", "took", False),
        ("Rebels captured the town after heavy fighting.", "captured", False),
        ("Rebels captured the town before the withdrawal of the army.", "captured", False),
        ("Fano fighters entered Lalibela on Thursday without much resistance.", "entered", False),
        ("Soldiers had entered the town and the fighters had withdrawn without a fight.", "entered", False),
    ],
)
def test_uncontested(nlp: Any, text: str, verb: str, expected: bool) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    assert uncontested(head) is expected, [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Rebels captured the town of Kidal without a fight on Sunday.", NVT),
        ("Rebels captured the town of Kidal after heavy fighting on Sunday.", "Non-state actor overtakes territory"),
    ],
)
def test_ground_taken_unopposed(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None and event.acled_sub_event_type == sub, [
        (e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert event.plover_type == "ASSAULT" and event.plover_mode == "occupy"  # the taker's act: it gains the ground
