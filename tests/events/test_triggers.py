"""events.triggers: which words of a sentence are an event's words (table tests with the words that are not)."""

from __future__ import annotations

import pytest

# A verb the recogniser swept into a number ("kidnapped more than 100" read as one CARDINAL) is still a
# verb (events v118); a month, a name or a count stays no event.
VERBS_IN_NUMBERS = [
    ("Armed separatists kidnapped more than 100 people.", "kidnapped", True),
    ("Gunmen killed more than 20 villagers.", "killed", True),
    ("Armed separatists kidnapped 100 people.", "kidnapped", True),
    # no event words: the month, the count
    ("The offensive began in March.", "March", False),
    ("More than 100 people remain in the town.", "100", False),
]


@pytest.mark.parametrize(("text", "word", "event"), VERBS_IN_NUMBERS, ids=[v[0][:30] for v in VERBS_IN_NUMBERS])
def test_a_verb_read_into_a_number_is_still_a_verb(run_events, text: str, word: str, event: bool) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert any(t.startswith(word) for t in triggers) == event, triggers
