"""nlp.coordination: the items of a participle list hang on each other, not on a verb far above."""

from __future__ import annotations

import pytest

from frontlines.nlp.coordination import COMPONENT, list_mate

LIST = ("Putin announced that citizens would begin to be drafted to fill the gaps left by the tens of "
        "thousands of troops who have been captured, injured or killed.")


def _tok(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_component_runs_after_the_parser(nlp_places) -> None:
    names = nlp_places.pipe_names
    assert names.index(COMPONENT) > names.index("parser")


def test_a_list_item_hangs_on_its_list_mate(nlp_places) -> None:
    doc = nlp_places(LIST)
    injured = _tok(doc, "injured")
    assert injured.dep_ == "conj" and injured.head.text == "captured"
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a clause of its own (a subject) keeps its attachment
        ("The town was captured, troops withdrew and the bridge was blown up.", "withdrew"),
        # the item before the comma is not a participle of the same form: nothing to rehang
        ("Rebels armed with rifles, looted and burned the market on Sunday.", "looted"),
        # already a list under one head
        ("Russian forces shelled, bombed and destroyed the village.", "bombed"),
    ],
)
def test_other_shapes_are_left_alone(nlp_places, text: str, word: str) -> None:
    with nlp_places.select_pipes(disable=[COMPONENT]):
        bare = _tok(nlp_places(text), word)
        assert list_mate(bare) is None
    assert _tok(nlp_places(text), word).head.i == bare.head.i


def test_the_parse_it_repairs_is_the_parsers_own(nlp_places) -> None:
    """Without the component the small model hangs the item high (the case the component exists for)."""
    with nlp_places.select_pipes(disable=[COMPONENT]):
        injured = _tok(nlp_places(LIST), "injured")
        assert list_mate(injured) is not None and list_mate(injured).text == "captured"
