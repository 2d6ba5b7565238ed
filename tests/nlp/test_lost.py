"""nlp.lost: question marks left for characters lost in transcoding are read as spaces."""

from __future__ import annotations

import pytest

from frontlines.nlp.lost import blank_lost_characters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strikes in the area of ??Kupyansk and Izyum", "strikes in the area of   Kupyansk and Izyum"),
        ("????Golaya Pristan", "    Golaya Pristan"),
        ("(??Kherson)", "(  Kherson)"),
        ("first line\n??Mykolaiv", "first line\n  Mykolaiv"),
        ("\ufffd\ufffdKharkiv", "  Kharkiv"),
        # negatives: marks a writer put after a word, one mark, marks alone or before a number
        ("What??No", "What??No"),
        ("Is it over??", "Is it over??"),
        ("?Kupyansk", "?Kupyansk"),
        ("???? Ukraine Weapons Tracker", "???? Ukraine Weapons Tracker"),
        ("??5 km", "??5 km"),
        ("", ""),
    ],
)
def test_blank_lost_characters(text: str, expected: str) -> None:
    out = blank_lost_characters(text)
    assert out == expected
    assert len(out) == len(text)  # every offset stays
