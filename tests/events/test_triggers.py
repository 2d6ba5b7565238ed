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


# (v198) a common noun that the recogniser made by itself a name ("Strikes" tagged a person at the head of a sentence) is
# the word itself, a trigger; a word of a real name ("Joe Strike") is none
LONE_NOUN = [
    ("Pakistan's military spokesman said 26 civilians had been killed and 46 wounded. Missiles struck a mosque complex "
     "in Bahawalpur. Strikes also hit sites in Muzaffarabad and Kotli in Pakistani Kashmir, the military said.",
     "Strikes", True),
    ("Joe Strike said the talks would resume on Monday.", "Strike", False),
]


@pytest.mark.parametrize(("text", "word", "trigger"), LONE_NOUN, ids=["strikes-as-person", "a-name"])
def test_a_common_noun_tagged_a_name_alone_is_a_trigger(run_events, text: str, word: str, trigger: bool) -> None:
    assert any(e.trigger == word for e in run_events(text)) is trigger, [e.trigger for e in run_events(text)]
