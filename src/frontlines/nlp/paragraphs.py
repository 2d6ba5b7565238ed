"""Paragraph breaks end sentences: a blank line is never inside a sentence.

The statistical parser sometimes runs a headline into the lead below it, or a dateline
paragraph into the next, when the headline has no final stop. A line break followed by a
blank line (``"\\n\\n"``, possibly with spaces) is a paragraph break in every format the
project ingests, so the token after it starts a sentence; the parser keeps boundaries set
before it runs.
"""

from __future__ import annotations

from typing import Any

from frontlines.stages import PARAGRAPH_BREAK

COMPONENT = "frontlines_paragraphs"


def mark_paragraphs(doc: Any) -> Any:
    """Set ``is_sent_start`` on the first word after each paragraph break (a spaCy component).

    Only the breaks are visited (a regular expression over the text), not every token."""
    text = doc.text
    n = len(doc)
    for m in PARAGRAPH_BREAK.finditer(text):
        span = doc.char_span(m.end(), min(m.end() + 1, len(text)), alignment_mode="expand")
        if span is None or not len(span):
            continue
        i = span.start
        while i < n and doc[i].is_space:
            i += 1
        if 0 < i < n:
            doc[i].is_sent_start = True
    return doc


def register() -> None:
    """Make the component known to spaCy (idempotent)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=mark_paragraphs)


__all__ = ["COMPONENT", "mark_paragraphs", "register"]
