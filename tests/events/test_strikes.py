"""events.strikes: a strike noun whose own grammar (a scope, a verb of calling) or whose article tells a work
stoppage is a labour strike, not an attack."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    ("Police fired tear gas at his supporters during a national strike he had called.", 0, True),
    ("The unions called a strike on Monday.", 0, True),
    ("Six weeks after the nationwide strike began, the barricades are still here. "
     "A month after the strike began, thirteen people were killed in the city.", 1, True),
    # negatives: an attack has a target; "the strike" with no stoppage told before it stays an attack
    ("Russian forces launched a strike on the port overnight.", 0, False),
    ("A month after the strike began, thirteen people were killed in the city.", 0, False),
    ("Six weeks after the national strike began, the barricades are still here. "
     "Drone strikes hit the port.", 1, False),
]


@pytest.mark.parametrize(("text", "nth", "expected"), CASES, ids=[f"{c[2]}-{c[0][:40]}" for c in CASES])
def test_labour_strike(nlp: Any, text: str, nth: int, expected: bool) -> None:
    from frontlines.events.strikes import labour_strike

    doc = nlp(text)
    strikes = [t for t in doc if t.lemma_.lower() == "strike" and t.pos_ == "NOUN"]
    assert labour_strike(strikes[nth]) is expected


TYPED = [
    ("On Monday, police fired tear gas at the opposition leader and his supporters in Maputo during a national "
     "strike he had called.", "strike", "PROTEST"),
    ("On Monday, Russian forces launched a strike on the port of Odesa.", "strike", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "trigger", "plover"), TYPED, ids=["called", "aimed"])
def test_a_stoppage_is_no_attack(pipeline_resources: Any, text: str, trigger: str, plover: str) -> None:
    import datetime as dt

    from tests.events.conftest import triggered

    event = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 10, 22), source="test")
    assert event.plover_type == plover, (event.plover_type, event.acled_sub_event_type)
