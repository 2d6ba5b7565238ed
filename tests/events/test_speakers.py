"""events.speakers: the noun phrase that names a speaker, with the name an apposition gives its role (own sentences)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.events.speakers import colon_label, speaker_name, speaker_phrase
from frontlines.pipeline import Resources
from frontlines.records import EventStatus
from tests.events.conftest import RunArticle, article_runner

# (text, the speaker's head word, the phrase that names the speaker, the name the apposition gives or None)
PHRASES = [
    ("Lebanon's foreign minister, Abdallah Bou Habib, said the talks had failed.", "minister",
     "Lebanon's foreign minister, Abdallah Bou Habib", "Habib"),
    # the parser hangs the name on the "of" phrase that completes the role
    ("Russia's chief of the general staff, Valery Gerasimov, told Putin that troops had taken the town.", "chief",
     "Russia's chief of the general staff, Valery Gerasimov", "Gerasimov"),
    # negatives: an apposition that is no name; no apposition
    ("The governor, a former general, said the town had been shelled.", "governor", "The governor", None),
    ("The head of the regional council said the town had been shelled.", "head", "The head of the regional council",
     None),
]


@pytest.mark.parametrize(("text", "head", "phrase", "name"), PHRASES, ids=[p[1] + "-" + str(p[3]) for p in PHRASES])
def test_a_speakers_phrase_takes_the_name_of_its_role(nlp: Any, text: str, head: str, phrase: str,
                                                      name: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == head)
    assert speaker_phrase(tok) == phrase
    found = speaker_name(tok)
    assert (found.text if found is not None else None) == name


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "speakers", dt.date(2025, 11, 21))


def test_a_roles_holder_gives_the_speakers_side(run) -> None:  # noqa: ANN001
    """The holder the role's apposition names is of the side whose deed the speaker tells: its own side's, a claim."""
    text = ("In Moscow, Russia's chief of the general staff, Valery Gerasimov, told President Vladimir Putin on "
            "Thursday that Russian troops had captured the city of Kupiansk.")
    events = {e.trigger: e for e in run(text)}
    assert "captured" in events, sorted(events)
    assert events["captured"].status == EventStatus.CLAIMED
    assert "Valery Gerasimov" in (events["captured"].attributed_to or "")


# (text, the subject word, whether it is a speaker's label before a colon)
_POST = ("FRONTLINE DIGEST | Thursday, 13.03.2025\n\n09:30\nSumy regional military administration: overnight the "
         "Russians dropped guided bombs on Yunakivka and struck the outskirts of Sumy with drones.")
LABELS = [
    (_POST, "administration", True),
    (_POST, "Russians", False),
    # negatives: a subject with no colon after it
    ("The Russians dropped guided bombs on Yunakivka overnight.", "Russians", False),
]


@pytest.mark.parametrize(("text", "word", "label"), LABELS, ids=[f"{w}-{lab}" for _t, w, lab in LABELS])
def test_a_subject_before_a_colon_is_the_speakers_label(nlp: Any, text: str, word: str, label: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert tok.dep_ == "nsubj", [(t.text, t.dep_) for t in doc]  # the parser's reading the rule answers
    assert colon_label(tok) == label
