"""Long articles processed piece by piece, so that memory follows the piece, not the article.

spaCy's parser and NER hold working memory in proportion to the Doc, and every stage walks the
whole Doc: parsed whole, a 1,000,000-character article took a worker to 3.4 GB. An article longer
than :attr:`Limits.piece_chars` is therefore cut at paragraph breaks (:func:`cut_pieces`); each
piece is parsed and run through the whole stage chain on its own, behind the article's lead,
then its records are moved back to article offsets (:func:`shift_spans`) and the pieces'
records are concatenated into one :class:`~frontlines.records.Extraction`
(:func:`extract_in_pieces`). Only one piece's Doc is alive at a time. An article over
:attr:`Limits.max_bytes` is refused with E204 before any work on it (:func:`check_size`).

Context across pieces. Every piece after the first is processed as ``lead + "\\n\\n" + piece``,
where the lead is the article's opening paragraphs (up to :data:`LEAD_CHARS` characters): the
dateline (a place there is where the reporter filed from, never an event's place), the lead's
places (an event with no place of its own may borrow the story's place), its dates (relative
dates may anchor on them), its full actor mentions (later short mentions refer back to them),
and the lead-sentence/first-paragraph position that raises an event's confidence stays with
the real lead, not with each piece's first sentence. Records found in the lead are kept from
the first piece only. What is lost: anything that links a piece to the text before it other
than the lead -- an event borrowing "the nearest place named before it" from the previous
piece (it borrows from the lead, or from earlier in its own piece), a relative date anchored
on a date of the previous piece, a short mention whose full mention is only in an earlier
piece, the places' article-wide weighing (each piece weighs its own and the lead's), one event
per happening per article (a happening retold in two pieces gives two events), events merged
across sentences on both sides of a cut, and a quotation (or sentence) running over a cut
(cuts fall at paragraph breaks where the text has them, so the last two are rare).
docs/performance.md ("Bounded memory (issue 17)") measures these.

This module sits below the pipeline: it knows records and offsets, not spaCy or stages; the
pipeline passes in the function that extracts from one piece.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from frontlines.errors import ArticleTooLarge, ConfigError
from frontlines.records import Article, Evidence, Extraction

R = TypeVar("R")

# The opening of the article given to every later piece as context: the dateline and the lead
# paragraph(s). geo.resolve looks for datelines in the first 2,000 characters too.
LEAD_CHARS = 2_000
# spaCy refuses longer texts (nlp.max_length); a piece is parsed with its lead in front of it.
MAX_PIECE_CHARS = 1_000_000 - LEAD_CHARS - 2
_CUTS = ("\n\n", "\n", ". ", " ")
_SEAM = "\n\n"  # between the lead and a piece: a paragraph break, so no sentence spans both
_EXTRACTION_FIELDS = ("places", "times", "quantities", "actors", "quotes", "events")


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """How large an article may be, and from which length it is processed in pieces."""

    max_bytes: int = 5_000_000  # UTF-8 bytes of the text; larger articles are refused (E204)
    piece_chars: int = 50_000  # longer articles are processed in pieces of at most this many characters

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes={self.max_bytes}: must be positive")
        if not 0 < self.piece_chars <= MAX_PIECE_CHARS:
            raise ConfigError(f"piece_chars={self.piece_chars}: must be between 1 and {MAX_PIECE_CHARS:,}")

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        """The limits named by ``settings`` (a config.Settings): ``max_bytes`` and ``piece_chars``."""
        return cls(max_bytes=settings.max_bytes, piece_chars=settings.piece_chars)


def check_size(article: Article, limits: Limits) -> None:
    """Raise :class:`ArticleTooLarge` (E204) for an article whose text is over ``limits.max_bytes``
    UTF-8 bytes; cheap, so callers run it before any other work on the article."""
    text = article.text
    if len(text) <= limits.max_bytes // 4:  # at most 4 bytes a character: no need to encode
        return
    # more characters than the limit has bytes: refused without encoding a text of any size
    size = len(text) if len(text) > limits.max_bytes else len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        raise ArticleTooLarge(f"article {article.id}: {size:,} bytes or more, over the limit of {limits.max_bytes:,}")


# ------------------------------------------------------------------ cutting


def _cut(window: str) -> int:
    """Where to end a piece that must fit in ``window``: just after its last paragraph break,
    else line break, full stop, space; else at the end of the window."""
    for sep in _CUTS:
        at = window.rfind(sep)
        if at > 0:
            return at + len(sep)
    return len(window)


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of ``text``, each at most ``limit`` characters where a cut allows it,
    cut just after a paragraph break, else a line break, a full stop, a space. Their
    concatenation is exactly ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text[start : start + limit])
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of an article's text: ``text == article.text[start:start + len(text)]``."""

    start: int
    text: str


def cut_pieces(text: str, limit: int) -> list[Piece]:
    """:func:`split_text`, with each piece's offset in ``text``."""
    pieces = []
    start = 0
    for part in split_text(text, limit):
        pieces.append(Piece(start, part))
        start += len(part)
    return pieces


def lead_of(text: str, limit: int = LEAD_CHARS) -> str:
    """The article's opening (dateline and lead paragraphs): its first ``limit`` characters,
    cut back to the last paragraph break (else line break, full stop, space) in them."""
    if len(text) <= limit:
        return text
    return text[: _cut(text[:limit])]


# ------------------------------------------------------------------ offsets


def shift_spans(record: R, offset: int, *, keep_below: int = 0) -> R:
    """A copy of ``record`` -- any typed record, or a tuple of them -- with every
    :class:`Evidence` in it, however nested (an event's place, actors, time, quantities and
    trigger; a quote's speaker and cue), moved ``offset`` characters.

    An evidence that starts before ``keep_below`` is left alone: it points into a prefix that
    is also the start of the target text (a piece's lead). A span-less evidence
    (``start == end == 0``, no text: the publication-date fallback) points at no text and is
    left alone too. Records without evidence come back as they are (the same object).
    """
    return _shift(record, offset, keep_below)  # type: ignore[no-any-return]


def _shift(value: Any, offset: int, keep_below: int) -> Any:
    if isinstance(value, Evidence):
        if value.start < keep_below or (value.start == value.end == 0 and not value.text):
            return value
        return dataclasses.replace(value, start=value.start + offset, end=value.end + offset)
    if isinstance(value, tuple):
        items = tuple(_shift(v, offset, keep_below) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    cls: type = type(value)  # plain ``type``: mypy does not treat ``type[Any]`` as Hashable, which the cache needs
    names = _record_fields(cls)
    if not names:
        return value
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = _shift(old, offset, keep_below)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


@functools.cache
def _record_fields(cls: type) -> tuple[str, ...]:
    """Field names of a record class (empty for anything else): looked up once per class."""
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(f.name for f in dataclasses.fields(cls))


# ------------------------------------------------------------------ extraction


ExtractPiece = Callable[[Article], Extraction]


def piece_articles(article: Article, limit: int) -> Iterator[tuple[Article, int, int]]:
    """For each piece of ``article``: the article to process (the same metadata, the piece's
    text, behind the lead for every piece but the first), the offset that moves its records to
    the article, and the length of the lead in front of it (0 for the first piece)."""
    lead = lead_of(article.text, min(LEAD_CHARS, limit))  # within the first piece, whose records it repeats
    context = lead if lead.endswith(_SEAM) else lead + _SEAM
    for k, piece in enumerate(cut_pieces(article.text, limit)):
        if k == 0:
            yield dataclasses.replace(article, text=piece.text), 0, 0
        else:
            yield (dataclasses.replace(article, text=context + piece.text),
                   piece.start - len(context), len(lead))


def extract_in_pieces(article: Article, limits: Limits, extract_piece: ExtractPiece) -> Extraction:
    """Extract from ``article`` piece by piece (see the module docstring): ``extract_piece``
    parses one piece-article and runs the stage chain over it, and its Doc is gone when it
    returns. Records from a piece's lead are dropped (the first piece has them); the rest are
    moved to article offsets and concatenated in text order."""
    found: dict[str, list[Any]] = {name: [] for name in _EXTRACTION_FIELDS}
    stages: tuple[Any, ...] = ()
    for piece_article, offset, lead in piece_articles(article, limits.piece_chars):
        part = extract_piece(piece_article)
        stages = stages or part.stages
        for name in _EXTRACTION_FIELDS:
            found[name].extend(shift_spans(r, offset, keep_below=lead)
                               for r in getattr(part, name) if r.evidence.start >= lead)
        del part, piece_article  # the piece's records are moved; let the piece text go
    return Extraction(article_id=article.id, stages=stages, **{k: tuple(v) for k, v in found.items()})
