"""events.voice: passives told without their auxiliary (headlines, notes)."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events.voice import acted_on, headline_passive, reduced_passive


def _verb(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "place_subject", "expected"),
    [
        ("Semenivka community in Chernihiv Oblast shelled by Russian forces", "shelled", False, True),
        ("Antonivka hit by drone, killing man on bicycle", "hit", False, True),
        # a past tense with no object and no "by": a passive only when the subject is a place
        ("Djibo besieged as jihadists attack army base", "besieged", True, True),
        ("Russian forces shelled overnight.", "shelled", False, False),
        # an auxiliary or an object makes it active
        ("Russian forces have shelled Kupiansk.", "shelled", True, False),
        ("Russian forces shelled Kupiansk overnight.", "shelled", True, False),
    ],
)
def test_headline_passive(nlp: Any, text: str, word: str, place_subject: bool, expected: bool) -> None:
    assert headline_passive(_verb(nlp, text, word), place_subject) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Three civilians injured.", "injured", True),
        ("Russian forces killed three civilians.", "killed", False),
        ("Djibo besieged as jihadists attack army base", "besieged", False),  # no verb of harm
    ],
)
def test_reduced_passive(nlp: Any, text: str, word: str, expected: bool) -> None:
    assert reduced_passive(_verb(nlp, text, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The two sides signed a ceasefire in Doha.", "signed", ["ceasefire"]),
        ("The ceasefire was signed in Doha.", "signed", ["ceasefire"]),
        # a clause describing a noun acts on that noun
        ("The accord signed in Doha in 2020 set a date for the withdrawal.", "signed", ["accord"]),
        ("They welcomed the truce that both sides signed on Monday.", "signed", ["truce"]),
        # a describing clause with an object of its own acts on that object, not on the noun it describes
        ("The man who signed the letter was arrested.", "signed", ["letter"]),
        ("Both sides signed.", "signed", []),
    ],
)
def test_acted_on(nlp: Any, text: str, word: str, expected: list[str]) -> None:
    assert [t.text for t in acted_on(_verb(nlp, text, word))] == expected


@pytest.mark.parametrize(
    ("text", "verb", "subjects"),
    [
        # (v581) the parser's slip: the passive's subject labelled active, hung on the auxiliary
        ("The Croix-des-Bouquets prison, on the capital's eastern edge, was also overrun overnight.", "overrun",
         ["prison"]),
        ("The town was seized by the rebels.", "seized", ["town"]),
        ("The prison was also overrun overnight.", "overrun", ["prison"]),  # "overrun" read as the complement of "was"
        # negatives: an active verb's subject is its doer; no passive auxiliary, no passive subject
        ("The rebels overran the town.", "overran", []),
        ("Gangs overran the prison overnight.", "overran", []),
        ("The soldiers were tired.", "tired", []),  # an adjective complement, no participle of an act
    ],
)
def test_passive_subjects(nlp, text: str, verb: str, subjects: list[str]) -> None:
    from frontlines.events.voice import passive_subjects

    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert [t.text for t in passive_subjects(tok)] == subjects, [(t.text, t.dep_, t.head.text) for t in doc]
