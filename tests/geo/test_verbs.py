"""geo.verbs: a name a verb of bombardment is done to is a place."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.geo.verbs import bombarded

ROWS = [
    # (text, the name, bombarded)
    ("Stepanakert was shelled again overnight.", "Stepanakert", True),
    ("Troops bombarded Ganja on Sunday.", "Ganja", True),
    ("Dobropillia Shelled, Five Killed", "Dobropillia", True),
    # negatives: the doer of a bombardment with an object, a name no bombardment verb governs
    ("Petrov shelled the village at dawn.", "Petrov", False),
    ("Stepanakert hosted the talks.", "Stepanakert", False),
]


@pytest.mark.parametrize(("text", "name", "expected"), ROWS)
def test_bombarded(nlp: Any, text: str, name: str, expected: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == name)
    assert bombarded(tok) is expected, [(t.text, t.dep_, t.head.text) for t in doc]
