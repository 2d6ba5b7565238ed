"""The ``frontlines_places`` spaCy component: gazetteer-backed toponym recognition.

It runs after ``ner``: it writes the toponym spans to ``doc.spans["places"]``
(label = how each was found) and corrects the entities, so that a one-word
PERSON that is a well-known place ("Kherson") becomes a GPE and a place the NER
missed gets an entity. The gazetteer is attached after the pipe is added
(``set_gazetteer``) because it is a loaded resource, not configuration.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from frontlines.geo.lexicon import PLACE_LABELS, load_place_lexicon
from frontlines.geo.recognise import find_toponyms

COMPONENT = "frontlines_places"
SPAN_KEY = "places"
_REPLACEABLE = PLACE_LABELS | {"PERSON", ""}


class PlaceRecogniser:
    """Marks toponyms with a dict lookup per token n-gram (see geo.recognise)."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.name = name
        self.gazetteer: Any = None
        self.lexicon = load_place_lexicon()

    def set_gazetteer(self, gazetteer: Any) -> None:
        """Attach the loaded Gazetteer; without one only the NER's places are kept."""
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_toponyms(doc, self.gazetteer, self.lexicon)
        spans = [Span(doc, m.start, m.end, label=m.source) for m in mentions]
        doc.spans[SPAN_KEY] = spans
        new_ents = []
        for m in mentions:
            overlapping = {doc[k].ent_type_ for k in range(m.start, m.end)}
            if overlapping <= _REPLACEABLE:
                new_ents.append(Span(doc, m.start, m.end, label=m.label))
        if new_ents:
            keep = [e for e in doc.ents if not any(e.start < n.end and n.start < e.end for n in new_ents)]
            doc.ents = filter_spans([*keep, *new_ents])
        return doc


@Language.factory(COMPONENT, default_config={})
def make_place_recogniser(nlp: Language, name: str) -> PlaceRecogniser:
    """spaCy factory for :class:`PlaceRecogniser`."""
    return PlaceRecogniser(nlp, name)
