"""A finite verb after the clause it reports takes the noun phrase right before it as its subject.

"At least 185 people have been killed ..., the United Nations envoy to Sudan, Volker Perthes, said on Monday": the
small English parser often hangs the trailing speaker on the reported clause (*envoy* as the object of *killed*) and
leaves *said* with no subject, which makes the speaker the victims' kin and the report nobody's. The mechanism is the
sentence's shape, not its words: a finite verb with no subject of its own, whose clausal complement stands before it,
with a noun phrase between that complement and itself (after a comma, ending right before the verb or a comma before
it) that the parser hung inside the complement, has that noun phrase for its subject: a finite English verb has one.
The component runs after the parser (before the attribute ruler: it reads the fine tags) and only rehangs such
phrases.
"""

from __future__ import annotations

from typing import Any

COMPONENT = "frontlines_trailing_subjects"
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MISHUNG = frozenset({"dobj", "npadvmod", "appos", "attr", "oprd", "conj", "pobj", "dative"})


def trailing_subject(verb: Any) -> Any | None:
    """The head of the noun phrase right before ``verb`` that the parser hung inside the clause ``verb`` reports,
    when ``verb`` is finite and has no subject (see the module docstring); None otherwise."""
    if verb.tag_ not in _FINITE or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    reported = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not reported:
        return None
    doc = verb.doc
    end = verb.i - 1
    while end > reported[0].i and doc[end].text == ",":
        end -= 1
    # the widest phrase ending there: a noun after a comma, hung to its left, whose words run to the end
    for head in doc[reported[0].i + 1 : end + 1]:
        if not head.tag_.startswith("NN") or head.dep_ not in _MISHUNG or head.right_edge.i < end:
            continue
        left = head.left_edge.i
        if head.head.i >= left or left < 1 or doc[left - 1].text != ",":
            continue  # the phrase stands apart from the reported clause by a comma, its head before it
        if any(a.i == reported[0].i for a in head.ancestors):
            return head  # hung inside the reported clause
    return None


def rehang_trailing_subjects(doc: Any) -> Any:
    """Make each trailing noun phrase the subject of the finite verb after it (a spaCy component)."""
    for tok in doc:  # (before the attribute ruler: the fine tags only)
        head = trailing_subject(tok)
        if head is not None:
            head.head = tok
            head.dep_ = "nsubj"
    return doc


def register() -> None:
    """Make the component known to spaCy (idempotent)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=rehang_trailing_subjects)


__all__ = ["COMPONENT", "register", "rehang_trailing_subjects", "trailing_subject"]
