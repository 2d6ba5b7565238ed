"""nlp.subjects: a finite verb after the clause it reports takes the noun phrase right before it as its subject."""

from __future__ import annotations

import pytest

from frontlines.nlp.subjects import COMPONENT

ENVOY = ("At least 185 people have been killed and more than 1,800 wounded in three days of fighting between "
         "Sudan's army and the paramilitary Rapid Support Forces (RSF), the United Nations envoy to Sudan, "
         "Volker Perthes, said on Monday.")


def _tok(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_component_runs_after_the_parser_before_the_attribute_ruler(nlp_places) -> None:
    names = nlp_places.pipe_names
    assert names.index("parser") < names.index(COMPONENT) < names.index("attribute_ruler")


def test_a_trailing_speaker_is_the_subject_of_its_verb(nlp_places) -> None:
    doc = nlp_places(ENVOY)
    envoy, said = _tok(doc, "envoy"), _tok(doc, "said")
    assert envoy.head.i == said.i and envoy.dep_ == "nsubj"
    assert not any(a.text == "killed" for a in envoy.ancestors)  # no longer inside the reported clause


def _arcs(doc) -> list[tuple[int, str]]:
    return [(t.head.i, t.dep_) for t in doc]


@pytest.mark.parametrize("text", [
    # the verb has its own subject: nothing to rehang
    "Three soldiers were killed in the attack, the army said on Monday.",
    # the object of the reported clause with no comma before it: the reported clause's own
    "Rebels said they had killed three soldiers near the town.",
    # no reported clause before the verb
    "The envoy, a veteran diplomat, said the talks would resume.",
])
def test_other_shapes_are_left_alone(nlp_places, text: str) -> None:
    with nlp_places.select_pipes(disable=[COMPONENT]):
        parsed = _arcs(nlp_places(text))
    assert _arcs(nlp_places(text)) == parsed


def test_the_component_changes_the_mishung_parse(nlp_places) -> None:
    """The case above is one the parser gets wrong without the component (the test can fail)."""
    with nlp_places.select_pipes(disable=[COMPONENT]):
        doc = nlp_places(ENVOY)
    assert _tok(doc, "envoy").head.text != "said"
