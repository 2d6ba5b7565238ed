"""events.judgements: a condemnation or a blame of a deed the article tells is no event of its own once the
article is more than the judgement; a formal accusation, or an accusation of what is not told as done, stays."""

from __future__ import annotations

import pytest


JUDGEMENTS = [
    # (text, an ACCUSE event expected): after a deed is told, condemning or blaming it is no event of its own
    ("Gunmen killed twelve villagers in Kauru on Sunday. The governor condemned the killings.", False),
    ("A car bomb exploded in Manbij on Monday. The SDF blamed Turkish-backed factions.", False),
    # before any deed is told, the judgement is the happening told
    ("The governor condemned the killings of twelve villagers in Kauru.", True),
    # an accusation of a deed and a formal complaint stay ACCUSE
    ("A car bomb exploded in Manbij on Monday. The SDF accused Turkey of plundering the region's oil.", True),
    ("Shells hit the town on Monday. The government lodged a complaint with the UN Security Council.", True),
]


@pytest.mark.parametrize(("text", "accuse"), JUDGEMENTS)
def test_a_judgement_of_a_deed_told_is_no_event(run_events, text: str, accuse: bool) -> None:
    events = run_events(text)
    assert ("ACCUSE" in {e.plover_type for e in events}) is accuse, [(e.plover_type, e.trigger) for e in events]


JUDGED_IN_SENTENCE = [
    # (text, an ACCUSE event expected): a judgement whose object is a deed its own sentence tells as done is no
    # event when the article tells more than that sentence
    ("UNMISS strongly condemns an attack today on a UN helicopter in Nasir. One crew member was killed.", False),
    ("The governor condemned the shelling of the market in Kherson on Monday. "
     "Army jets bombed the port of Sittwe on Tuesday.", False),
    # a clause of time is not what is judged: the accusation of a deed its sentence does not tell stays
    ("When the AA overran Buthidaung in May, residents accused its fighters of looting homes. "
     "Army jets bombed the port of Sittwe on Tuesday.", True),
    # a text that is only the judging sentence keeps it: the one act told (PLOVER codes single sentences so)
    ("Albania on Friday denounced as an ugly crime Serbia's suppression of ethnic Albanian unrest in Montenegro.", True),
    # an accusation of what is not told as done, and a formal complaint, stay ACCUSE
    ("Mali accused France of seeking to intervene militarily. Gunmen attacked a convoy near Gao on Monday.", True),
    ("The government lodged a complaint over the shelling of the town. Shells hit the market on Monday.", True),
]


@pytest.mark.parametrize(("text", "accuse"), JUDGED_IN_SENTENCE)
def test_a_judgement_of_a_deed_told_in_its_sentence_is_no_event(run_events, text: str, accuse: bool) -> None:
    events = run_events(text)
    assert ("ACCUSE" in {e.plover_type for e in events}) is accuse, [(e.plover_type, e.trigger) for e in events]
