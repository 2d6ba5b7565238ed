"""nlp.paragraphs: a blank line ends a sentence (a headline never runs into its lead)."""

from __future__ import annotations

import pytest

from frontlines.nlp.paragraphs import COMPONENT
from frontlines.stages import PARAGRAPH_BREAK


@pytest.mark.parametrize(
    ("text", "expected"),
    [("\n\n", True), ("\n  \n", True), (" \r\n\r\n ", True), ("\n", False), ("  ", False), ("", False)],
)
def test_paragraph_break(text: str, expected: bool) -> None:
    assert (PARAGRAPH_BREAK.search(text) is not None) is expected


def test_component_runs_before_the_parser(nlp_places) -> None:
    names = nlp_places.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_headline_without_a_stop_is_its_own_sentence(nlp_places) -> None:
    doc = nlp_places("Myanmar: Air strike on village gathering must be investigated as a war crime\n\n"
                     "The military's air strike on the village on Tuesday killed at least 100 people.")
    starts = [s.text.strip()[:15] for s in doc.sents]
    assert starts == ["Myanmar: Air st", "The military's "], starts


def test_a_single_line_break_leaves_the_parser_alone(nlp_places) -> None:
    # negative case: a wrapped line is not a paragraph, the sentence goes on
    doc = nlp_places("Russian forces shelled the village of Kamianka\non Tuesday, the governor said.")
    assert len(list(doc.sents)) == 1
