"""events.datelines: a speech act with no place of its own is at the town its report was filed from."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontlines.events.datelines import DATELINE_HOW
from frontlines.records import Actor, Evidence, Sector
from tests.events.test_context import _at

_DATELINE = "dateline: where the report was filed"
_REPORT = " - Gunmen killed at least 20 people in the village of Moura on Sunday. "
# (text, the dateline's words and kind, a speaker (words, country) or None, the statement's first words, the
# place it takes or None)
CASES = [
    # a call with no place: at the dateline's town
    ("NAIROBI, 26 June 2024" + _REPORT + "The President warned that anyone who attacks the police will be punished.",
     ("NAIROBI", "settlement"), ("The President", "KEN"), "The President warned", "NAIROBI"),
    # no speaker known: not placed
    ("NAIROBI, 26 June 2024" + _REPORT + "The President warned that anyone who attacks the police will be punished.",
     ("NAIROBI", "settlement"), None, "The President warned", None),
    # an armed party's words are reported from where it is
    ("NAIROBI, 26 June 2024" + _REPORT + "The army warned that anyone who attacks the police will be punished.",
     ("NAIROBI", "settlement"), ("The army", "KEN"), "The army warned", None),
    ("GENEVA (12 May 2023)" + _REPORT + "He urged the authorities to investigate the killings.",
     ("GENEVA", "settlement"), ("He", "CHE"), "He urged", "GENEVA"),
    # a wire's dateline (it names its agency) is where the reporter filed from, not where a party spoke
    ("NAIROBI, June 26 (Reuters)" + _REPORT + "The President warned that anyone who attacks the police will be "
     "punished.", ("NAIROBI", "settlement"), ("The President", "KEN"), "The President warned", None),
    # a speaker of another country than the dateline's: not placed there
    ("KINSHASA, 26 June 2024" + _REPORT + "Kenyan President William Ruto urged the parties to talk.",
     ("KINSHASA", "settlement"), ("Kenyan President William Ruto", "KEN"), "Kenyan President", None),
    # a dateline naming no town places nothing
    ("CHAD, 26 June 2024" + _REPORT + "The President warned that anyone who attacks the police will be punished.",
     ("CHAD", "country"), ("The President", "TCD"), "The President warned", None),
    # an attack is never placed by the dateline
    ("NAIROBI, 26 June 2024 - Gunmen attacked a police post on Sunday.", ("NAIROBI", "settlement"), None, "NAIROBI",
     None),
]


@pytest.mark.parametrize(("text", "dateline", "speaker", "starts", "expected"), CASES,
                         ids=[f"{c[3]}-{c[4]}" for c in CASES])
def test_a_statement_without_a_place_is_where_its_report_was_filed(
        run_events, text: str, dateline: tuple[str, str], speaker: tuple[str, str] | None, starts: str,
        expected: str | None) -> None:
    words, kind = dateline
    country = {"NAIROBI": "KEN", "GENEVA": "CHE", "KINSHASA": "COD", "CHAD": "TCD"}[words]
    places = (replace(_at(text, words, country, kind), reason=_DATELINE),)
    actors: tuple[Actor, ...] = ()
    if speaker is not None:
        start = text.index(speaker[0], text.index(" - "))  # the speaker, not a word of the dateline
        actors = (Actor(text=speaker[0], evidence=Evidence(article_id="t", start=start, end=start + len(speaker[0]),
                                                           text=speaker[0]),
                        name=speaker[0], kind="person", country=speaker[1],
                        sector=Sector.MILITARY if "army" in speaker[0] else Sector.GOVERNMENT),)
    events = [e for e in run_events(text, places=places, actors=actors) if e.evidence.text.startswith(starts)]
    assert events, [e.evidence.text for e in run_events(text, places=places, actors=actors)]
    got = events[0].place
    if expected is None:
        assert got is None or not got.reason.startswith(DATELINE_HOW), got
    else:
        assert got is not None and got.text == expected and got.reason.startswith(DATELINE_HOW), got
