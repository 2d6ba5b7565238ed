"""events.refutations: a denial of something told is no event; refusing what is asked or offered is REJECT."""

from __future__ import annotations

import pytest

from frontlines.events.realis import Realis
from frontlines.events.refutations import answered_by_denial
from frontlines.records import EventStatus

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


def _realis(status: str, said: str | None) -> Realis:
    return Realis(status=EventStatus(status), frame=None, attributed_to=said, attributed_token=None)


# A deed told before that a denial answers (events v420, corpus conventions 4 and 5): another party's claim or
# someone's report is denied and keeps its teller; what the article tells in its own voice, a plan, and the
# denier's own telling keep their status.
ANSWERED = [
    # (the earlier telling's status, its teller, the denier, the status it ends with)
    ("claimed", "Yevgeny Prigozhin", "His spokesman", "denied"),
    ("happened", "Azerbaijan's Prosecutor General's Office", None, "denied"),
    ("happened", "Relief International", "The RSF", "denied"),
    # negative: the article's own voice
    ("happened", None, "Azerbaijan's defence ministry", "happened"),
    # negative: an announcement to come is no deed told
    ("announced", "the LNA", "an LNA spokesman", "announced"),
    # negative: the denier's own telling
    ("claimed", "the LNA", "an LNA spokesman", "claimed"),
]


@pytest.mark.parametrize(("status", "teller", "denier", "expected"), ANSWERED)
def test_a_denial_answers_another_s_claim_or_report(status: str, teller: str | None, denier: str | None,
                                                     expected: str) -> None:
    told = answered_by_denial(_realis(status, teller), _realis("denied", denier))
    assert told.status.value == expected
    assert told.attributed_to == teller


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
