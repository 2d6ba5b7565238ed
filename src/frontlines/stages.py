"""The stage contract: what a stage is, what it sees, and the services it is given.

This module sits below the stage packages (geo, time, quantities, actors, quotes,
events): they import :class:`Stage` and :class:`StageInput` from here, and
:mod:`frontlines.pipeline` assembles them. It imports no stage package at run
time; :class:`Resources` names the services' types for the type checker only.

A stage's :attr:`Stage.version` is its hand-bumped code version plus a short
hash of the packaged data files it reads, so that a changed lexicon, registry
or curated place file changes the version recorded with every extraction.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontlines.records import Article, StageInfo

if TYPE_CHECKING:  # type-only: importing them here at run time would run the layers backwards
    from spacy.language import Language

    from frontlines.actors.registry import ActorRegistry
    from frontlines.events.lexicon import EventLexicon
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.quantities.lexicon import QuantityLexicon
    from frontlines.time.tagger import TimeTagger

StageFn = Callable[["StageInput"], tuple[Any, ...]]


@dataclass(slots=True, kw_only=True)
class Resources:
    """Models, gazetteer, registry, lexicons and tagger: loaded once per process and passed in.

    Only ``nlp`` is required. A stage that finds its service missing loads the packaged one
    and keeps it here (not in a module global), so that a run loads it once.
    """

    nlp: Language
    gazetteer: Gazetteer | None = None
    actors: ActorRegistry | None = None
    event_lexicon: EventLexicon | None = None
    quantity_lexicon: QuantityLexicon | None = None
    time_tagger: TimeTagger | None = None
    event_sieve: Any | None = None  # events.sieve: a keep/drop model (a Sieve) when injected; none by default


@dataclass(frozen=True, slots=True)
class StageInput:
    """What a stage sees: the parsed article and the outputs of earlier stages."""

    doc: Any  # spacy.tokens.Doc (or a test's stand-in)
    article: Article
    resources: Resources
    outputs: Mapping[str, tuple[Any, ...]]
    # the chain's stage name -> version, worked out once per article (hashing data files per event cost
    # a third of the events stage); a stage without it (tests, eval) works its own out
    versions: Mapping[str, str] = field(default_factory=dict)

    @property
    def reference_date(self) -> dt.date | None:
        return self.article.published


def doc_text(doc: Any) -> str:
    """``doc.text``, worked out once per Doc: spaCy joins every token's text on each access, and the
    stages asked for it per mention (a sixth of the stages' time on 150 articles)."""
    store = getattr(doc, "user_data", None)
    if store is None:  # a test's stand-in
        return str(doc.text)
    text = store.get("frontlines.text")
    if text is None:
        text = store["frontlines.text"] = doc.text
    return str(text)


# A paragraph break: a line break, then a blank line (spaces allowed). Every format the project
# ingests writes paragraphs so; nlp.paragraphs ends a sentence at one, the events stage numbers them.
# "KYIV, Sept 11 (Reuters) - ", "KHARTOUM (AP) — ", "Goma, DR Congo - ", "LONDON -- "
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "Sept 11", "Sept 11, 2022", "11 September", "12 May 2023"
_DATE = (r"(?:" + _MONTH + r"[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+" + _MONTH + r"(?:[ \t]+\d{4})?)")
_DATELINE = re.compile(
    # a place and a date in brackets, as rights groups date their releases ("(Nairobi, February 25, 2020) - "),
    # the closing bracket required when the opening one is there
    r"(?m)^[ \t]*(?P<open>\()?(?P<place>[A-Z][A-Za-z'\u2019.\- ]{1,40}?)"
    r"(?:,[ \t]*[A-Z][A-Za-z.\- ]{1,30}?)?"
    r"(?:,?[ \t]*" + _DATE + r")?(?(open)\))"
    # an agency ("(Reuters)") or the date itself in brackets ("GENEVA (12 May 2023) - ")
    r"[ \t]*(?:\((?:[A-Za-z&.\- ]{2,40}|" + _DATE + r")\))?[ \t]*(?:--|[-\u2013\u2014])[ \t]"
)


# a release's own line of place and full date, with no dash: "Juba, 7 March 2025", "Erbil, 16 July 2025"
_RELEASE_LINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Za-z'\u2019.\-]*(?:[ \t]+[A-Z][A-Za-z'\u2019.\-]*){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z.\-]*(?:[ \t]+[A-Z][A-Za-z.\-]*){0,2})?,[ \t]*"
    r"(?:" + _MONTH + r"[ \t]+\d{1,2},[ \t]*\d{4}|\d{1,2}[ \t]+" + _MONTH + r"[ \t]+\d{4})[ \t]*$"
)
RELEASE_LINE_CHARS = 300  # a release's place-and-date line comes under its heading lines, this near the start


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of datelines: at the start of the text or of a paragraph, a place name
    (in capitals, or followed by an agency or a date) and a dash; or, near the start, a line of its own
    holding a place and a full date, as a release heads its text under its title ("PRESS RELEASE\nJuba, 7 March
    2025")."""
    out = []
    pos = 0
    while pos < min(len(text), RELEASE_LINE_CHARS):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _RELEASE_LINE.match(text, pos, end)
        if m is not None:
            out.append((m.start("place"), m.end()))
            break
        pos = end + 1
    for m in _line_matches(text):
        start = m.start()
        if start > 0 and text[start - 1] != "\n":
            continue
        if start > 0 and not (text[:start].endswith("\n\n") or text[:start].strip() == "" or start < 200):
            continue  # a paragraph's first line only
        head = m.group("place").strip()
        rest = m.group(0)[len(m.group("place")):]
        if not (head.isupper() or "(" in rest or re.search(_MONTH, rest)):
            continue  # "Ukraine - the war" is a title, not a dateline
        out.append((m.start("place"), m.end()))
    return sorted(out)


# every dateline has a dash and a space after it; a dateline never runs past its line
_DASH_GAP = re.compile(r"[-\u2013\u2014][ \t]")


def _line_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DATELINE.finditer(text)``, tried only at the starts of lines with a dash and a space (the
    pattern failing at every other position of the text cost four times as much)."""
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        if _DASH_GAP.search(text, pos, end):
            m = _DATELINE.match(text, pos)
            if m is not None:
                yield m
        pos = end + 1


_DATELINES_KEY = "frontlines.datelines"


def doc_datelines(doc: Any) -> list[tuple[int, int]]:
    """:func:`dateline_spans` of a parsed article, worked out once per Doc (kept in ``doc.user_data``):
    the places, events and attribution all ask. Datelines open the text or its first paragraphs."""
    found = doc.user_data.get(_DATELINES_KEY)
    if found is None:
        found = doc.user_data[_DATELINES_KEY] = dateline_spans(doc_text(doc)[:2000])
    return found


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

_SENT_STARTS_KEY = "frontlines.sent_starts"


def _sent_bounds(doc: Any, i: int) -> tuple[int, int]:
    """The start and end of the sentence holding token ``i``, from the Doc's sentence starts read once
    (kept in ``doc.user_data``: sentence boundaries are set by the parse and never change after it)."""
    starts = doc.user_data.get(_SENT_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_SENT_STARTS_KEY] = [s.start for s in doc.sents]
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def sentence_start(tok: Any) -> int:
    """``tok.sent.start`` (``tok`` a Token or a Span): spaCy's ``.sent`` builds two Spans through
    ``Doc.__getitem__`` and checks the Doc's annotation on every call (about 10 us, some fifty times an
    attribute's cost), and the stages ask per trigger and per place."""
    doc = tok.doc
    if getattr(doc, "user_data", None) is None:  # a test's stand-in
        return int(tok.sent.start)
    return _sent_bounds(doc, tok.i if hasattr(tok, "i") else tok.start)[0]


def span_of(doc: Any, start: int, end: int) -> Any:
    """``doc[start:end]`` for token indices ``0 <= start <= end <= len(doc)``: the same Span, made
    directly (slicing a Doc normalises the slice in Python first: about three times the cost)."""
    if 0 <= start <= end <= len(doc) and hasattr(doc, "user_data"):  # (not a test's stand-in)
        return _span_type()(doc, start, end)
    return doc[start:end]


@functools.cache
def _span_type() -> Any:
    """spaCy's Span class, imported on first use (this module imports no spaCy at load)."""
    from spacy.tokens import Span

    return Span


def sentence_of(tok: Any) -> Any:
    """``tok.sent`` (``tok`` a Token or a Span: the sentence of its first token), the same Span, built
    from the Doc's sentence starts read once (see :func:`sentence_start`)."""
    doc = tok.doc
    if getattr(doc, "user_data", None) is None:  # a test's stand-in
        return tok.sent
    start, end = _sent_bounds(doc, tok.i if hasattr(tok, "i") else tok.start)
    return span_of(doc, start, end)


def token_indices(doc: Any, words: Iterable[str]) -> list[int]:
    """The indices of the Doc's tokens whose ``lower_`` is one of ``words`` (lower-case), in order.

    Read off the Doc's LOWER column rather than by making a Token per word: a stage looking for a
    few nouns in every article spent most of its time iterating the Doc.
    """
    wanted = frozenset(words)
    if not hasattr(doc, "to_array"):  # a test's stand-in
        return [i for i, tok in enumerate(doc) if tok.lower_ in wanted]
    strings = doc.vocab.strings
    hashes = frozenset(strings[w] for w in wanted)  # a string's hash, whether or not the store holds it
    return [i for i, h in enumerate(doc.to_array("LOWER").tolist()) if h in hashes]


def data_file(*parts: str) -> Path:
    """A packaged data file or folder: ``data_file("events", "triggers.yaml")``."""
    return Path(str(importlib_resources.files("frontlines").joinpath("data", *parts)))


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the chain: its name, what it reads and writes, its function and its version."""

    name: str  # "geo.places"
    code_version: str  # bumped by hand when the code changes what the stage finds
    writes: str  # one field of Extraction
    reads: tuple[str, ...]
    run: StageFn
    data_files: tuple[Path, ...] = ()  # files or folders the stage reads; their content is in the version

    @property
    def version(self) -> str:
        """``code_version``, plus ``+`` and a short hash of the data files when there are any ("2+ab12cd34")."""
        return version_of(self.code_version, self.data_files)

    @property
    def info(self) -> StageInfo:
        return StageInfo(name=self.name, version=self.version)


def current_versions(chain: Iterable[Stage]) -> dict[str, str]:
    """Stage name -> the version it would record now (compare with stored ``StageInfo``)."""
    return {stage.name: stage.version for stage in chain}


def version_of(code_version: str, data_files: Iterable[Path] = ()) -> str:
    """A stage's version from its code version and the data files it reads (see ``Stage.version``)."""
    files = tuple(data_files)
    return f"{code_version}+{data_hash(files)}" if files else code_version


def data_hash(paths: Iterable[Path]) -> str:
    """8 hex digits of SHA-256 over the files (a folder: every file under it), names and contents.

    Reading the files is cached per file by (size, modification time): the hash is asked for
    once per extraction.
    """
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            h.update(file.name.encode())
            h.update(_file_digest(file))
    return h.hexdigest()[:8]


# file -> ((size, mtime), digest): a memo of file contents, not a service; it only saves re-reading
_DIGESTS: dict[Path, tuple[tuple[int, int], bytes]] = {}


def _file_digest(file: Path) -> bytes:
    try:
        st = file.stat()
    except FileNotFoundError:
        return b"missing"  # a stripped install without an optional layer: a version of its own
    key = (st.st_size, st.st_mtime_ns)
    cached = _DIGESTS.get(file)
    if cached is not None and cached[0] == key:
        return cached[1]
    digest = hashlib.sha256(file.read_bytes()).digest()
    _DIGESTS[file] = (key, digest)
    return digest


__all__ = ["PARAGRAPH_BREAK", "Resources", "Stage", "StageFn", "StageInput", "current_versions", "data_file", "data_hash",
           "doc_text", "token_indices", "version_of"]
