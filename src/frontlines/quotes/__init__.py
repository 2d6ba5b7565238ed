"""Quotes: direct and indirect quotations, their speakers, cues and media.

The stage (``STAGE``, writes "quotes", reads "actors") returns :class:`frontlines.records.Quote`
records in text order. A quote's ``evidence`` is its content span (quotation marks included for
direct quotes); ``speaker`` is an Actor from the actors stage (a later mention such as "he" or
"Surovikin" keeps its own text, its ``name``/``coref`` give the person), or an ``unnamed`` Actor
for sources such as "one popular far-right channel", "officials", "authorities"; ``speaker_text``
is the speaker as written; ``medium`` is where it was said ("televised statement",
"statement to Reuters", "Telegram").

Claims versus facts, for the events stage::

    from frontlines.quotes import attribution_for
    quote = attribution_for(inp.outputs["quotes"], start, end)

returns the quote or attribution whose content covers the character span ``[start, end)`` (the
tightest one), or None when the span is asserted by the article itself. Attributions include
"authorities say was a car crash", "are believed to be" (speaker None: an unnamed belief),
"reports ... have detailed" and "according to X".
"""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.quotes.attribution import attribute_quotes, find_quote_marks
from frontlines.records import Quote
from frontlines.stages import Stage, StageInput, data_file

__all__ = ["STAGE", "attribution_for", "extract_quotes", "find_quote_marks"]


def extract_quotes(inp: StageInput) -> tuple[Quote, ...]:
    """Every direct and indirect quote of the article, with speaker, cue and medium."""
    return attribute_quotes(inp.doc, inp.article.id, tuple(inp.outputs.get("actors", ())), inp.resources.actors)


def attribution_for(quotes: Iterable[Quote], start: int, end: int) -> Quote | None:
    """The quote whose content covers the character span ``[start, end)``, or None.

    A quote covering the whole span wins over one that only overlaps it, and among those the
    tightest wins; a mere overlap counts when it covers at least half of the span.
    """
    best: tuple[int, int, Quote] | None = None
    length = max(end - start, 1)
    for quote in quotes:
        a, b = quote.evidence.start, quote.evidence.end
        overlap = min(b, end) - max(a, start)
        if overlap <= 0:
            continue
        covers = a <= start and end <= b
        if not covers and overlap * 2 < length:
            continue
        key = (0 if covers else 1, b - a)
        if best is None or key < best[:2]:
            best = (key[0], key[1], quote)
    return best[2] if best else None


STAGE = Stage(
    name="quotes.attribution",
    code_version="4",  # 2: a cue whose subject is no one ("no group has claimed") quotes nobody
    # 3: a dateline's town the parser made the subject of a cue is no speaker (quotes.attribution.past_dateline)
    # 4: datelines in brackets ("(Nairobi, February 25, 2020) -") are datelines too (frontlines.stages)
    writes="quotes",
    reads=("actors",),
    run=extract_quotes,
    data_files=(data_file("actors"),),  # speakers are looked up in the actor registry
)
