"""The event lexicon reads the demonyms from the one list the gazetteer reads too."""

from __future__ import annotations

import yaml

from frontlines.events.lexicon import load_event_lexicon
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
