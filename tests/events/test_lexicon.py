"""The event lexicon reads the demonyms from the one list the gazetteer reads too, and matches its keys as the
tokenizer splits the words (hyphenated compounds)."""

from __future__ import annotations

import pytest
import yaml

from frontlines.events.lexicon import _phrasings, load_event_lexicon
from frontlines.geo.sources import read_demonyms
from frontlines.stages import data_file


def test_the_event_lexicon_knows_every_demonym_of_the_gazetteer() -> None:
    shared = read_demonyms()
    assert shared["Sudanese"] == "SDN" and shared["Russians"] == "RUS"
    nationality = load_event_lexicon().nationality
    assert {k.lower(): v for k, v in shared.items()}.items() <= nationality.items()
    # names of states that are no demonyms stay with the events stage only
    assert nationality["moscow"] == "RUS" and "moscow" not in {k.lower() for k in shared}


def test_demonyms_are_listed_once() -> None:
    holders = [
        path.relative_to(data_file()).as_posix()
        for folder in ("events", "places")
        for path in sorted(data_file(folder).glob("*.yaml"))
        if "demonyms" in (yaml.safe_load(path.read_text("utf-8")) or {})
    ]
    assert holders == ["places/demonyms.yaml"]


@pytest.mark.parametrize(("key", "keys", "expected"), [
    # a hyphenated key is matched as the tokenizer splits it: its parts and the hyphen
    ("sit-in", (), [("sit", "-", "in")]),
    # a two-word key also matches its hyphenated compound ("the call-up of reservists")
    ("call up", (), [("call", "up"), ("call", "-", "up")]),
    # negatives: the compound listed with an entry of its own keeps it; one word and three words stay as written
    ("pull out", ("pull out", "pull-out"), [("pull", "out")]),
    ("shell", (), [("shell",)]),
    ("open fire on", (), [("open", "fire", "on")]),
])
def test_the_word_sequences_a_key_matches(key: str, keys: tuple, expected: list) -> None:
    assert _phrasings(key, keys) == expected


@pytest.mark.parametrize(("text", "trigger", "plover"), [
    ("Putin ordered the call-up of 300,000 reservists on Wednesday.", "call-up", "MOBILIZE"),
    ("The pull-out of Russian troops from the town began on Friday.", "pull-out", "RETREAT"),
])
def test_a_hyphenated_trigger_is_found(run_events, text: str, trigger: str, plover: str) -> None:
    events = run_events(text)
    assert any(e.trigger == trigger and e.plover_type == plover for e in events), [(e.trigger, e.plover_type)
                                                                                 for e in events]
