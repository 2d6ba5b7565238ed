"""A withdrawal after fighting gives no Non-violent transfer of territory (events.retreats, events v432). Own
sentences."""

from __future__ import annotations

import pytest

TRANSFER = "Non-violent transfer of territory"

WITHDRAWALS = [
    ("Four days earlier, OLA fighters attacked the city of Gambella, where they fought government forces for "
     "several hours before withdrawing.", "withdrawing", None),
    ("The rebels withdrew from the town after heavy fighting with the army.", "withdrew", None),
    # negatives: no fighting told in the withdrawal's clause
    ("The rebels withdrew from the town on Monday.", "withdrew", TRANSFER),
    ("The rebels withdrew from the town before the talks.", "withdrew", TRANSFER),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), WITHDRAWALS, ids=[w[0][:40] for w in WITHDRAWALS])
def test_a_withdrawal_after_fighting_is_no_peaceful_transfer(run_events, text: str, trigger: str,
                                                             sub: str | None) -> None:
    events = [e for e in run_events(text) if e.trigger == trigger]
    assert events, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert events[0].plover_type == "RETREAT"
    assert events[0].acled_sub_event_type == sub


def test_fought_before_reads_the_clause(nlp) -> None:
    from frontlines.events.retreats import fought_before

    doc = nlp("They fought the army for hours before withdrawing.")
    assert fought_before(next(t for t in doc if t.lower_ == "withdrawing"))
    doc = nlp("They waited for hours before withdrawing.")
    assert not fought_before(next(t for t in doc if t.lower_ == "withdrawing"))
