"""geo.lexicon: the stop-lists the recogniser reads from the packaged data."""

from __future__ import annotations

import pytest

from frontlines.geo.gazetteer import normalise_name
from frontlines.geo.lexicon import KIND_WORDS, load_place_lexicon


@pytest.mark.parametrize(("name", "stopped"), [
    ("Hamas", True),  # armed groups of the actor registry name a party, never the town they resemble
    ("Wagner", True),
    ("NATO", False),  # organisations are named by their seat: their names stay possible places
    ("United Nations", False),
])
def test_armed_groups_are_no_places(name: str, stopped: bool) -> None:
    assert (normalise_name(name) in load_place_lexicon().not_places) is stopped


@pytest.mark.parametrize(("word", "kept"), [
    ("calif", True),  # "Calif." cut short with its period: looked up without it
    ("mass", True),
    ("us", False),  # "U.S.": initials of several words are no abbreviation of one
    ("dc", False),
])
def test_dotted_abbreviations_are_one_word_cut_short(word: str, kept: bool) -> None:
    assert (word in load_place_lexicon().dotted) is kept


def test_kind_words_name_the_kind_of_place() -> None:
    assert KIND_WORDS["oblast"] == "admin1" and KIND_WORDS["village"] == "settlement"
    assert "street" not in KIND_WORDS  # a feature's head, not a kind of gazetteer place
