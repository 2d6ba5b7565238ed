"""load_nlp and the frontlines_places component."""

from __future__ import annotations

import pytest

from frontlines.errors import NlpError
from frontlines.nlp.model import load_nlp
from frontlines.nlp.places import COMPONENT, SPAN_KEY


def test_unknown_model_is_a_coded_error() -> None:
    with pytest.raises(NlpError, match="E201"):
        load_nlp("no_such_model_xx")


def test_component_added_after_ner(nlp_places) -> None:
    names = nlp_places.pipe_names
    assert COMPONENT in names
    assert names.index(COMPONENT) == names.index("ner") + 1


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        # the small model calls these cities PERSON
        ("The order will see them abandon Kherson, a port city.", "Kherson", "GPE"),
        ("Shelling hit Zaporizhzhia and Luhansk overnight.", "Luhansk", "GPE"),
        # negatives: a person's given name stays a person
        ("Vladimir Putin signed the decree on Friday.", "Vladimir", "PERSON"),
    ],
)
def test_entities_corrected(nlp_places, text: str, word: str, label: str) -> None:
    doc = nlp_places(text)
    tok = next(t for t in doc if t.text == word)
    assert tok.ent_type_ == label


def test_places_span_group(nlp_places) -> None:
    doc = nlp_places("Troops left Izium and moved towards the Oskil River.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["Izium", "Oskil River"]


def test_empty_text(nlp_places) -> None:
    doc = nlp_places("")
    assert list(doc.spans[SPAN_KEY]) == []
