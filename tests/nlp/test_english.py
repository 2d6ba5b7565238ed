"""nlp.english: English words as the model's lemmatizer index knows them."""

from __future__ import annotations

import pytest

from frontlines.nlp.english import english_words, is_english_word


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("Bus", True),
        ("station", True),
        ("Shelled", True),  # inflected: "shell"
        ("Captured", True),  # "capture"
        ("Strikes", True),
        # names of towns abroad are no English words
        ("Selydove", False),
        ("Dobropillia", False),
        ("Orikhiv", False),
        ("Kurakhove", False),
    ],
)
def test_is_english_word(nlp_places, word: str, english: bool) -> None:
    assert is_english_word(word, english_words(nlp_places)) is english


def test_a_pipeline_without_a_lemmatizer_knows_no_words() -> None:
    import spacy

    assert english_words(spacy.blank("en")) == frozenset()
    assert not is_english_word("bus", frozenset())
