"""What the gazetteer is built from: a place as the builder sees it (:class:`Entry`), a bad
line of an import file (:class:`BadLine`), and the lookup key of a name (:func:`normalise_name`).

The readers of packaged data (:mod:`frontlines.geo.sources`, :mod:`frontlines.geo.postal`)
produce these; :mod:`frontlines.geo.gazetteer` writes and reads them. Nothing here imports
either side.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Apostrophes and dots vanish ("Kharkiv's" is handled by the tokenizer; "Dnipropetrovs'k"
# and "St." must meet "Dnipropetrovsk" and "St"), dashes become spaces ("Ivano-Frankivsk").
_TRANS = str.maketrans(
    {
        "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", "_": " ", "/": " ",
        ",": " ", "'": None, "\u2019": None, "\u2018": None, "`": None, "\u02bc": None,
        "\u02b9": None, ".": None, "\u00b4": None, "\u201c": None, "\u201d": None, '"': None,
    }
)


def normalise_name(text: str) -> str:
    """The lookup key of a name: case-folded, without accents, apostrophes or dots."""
    s = text.translate(_TRANS)
    if s.isascii():
        return " ".join(s.lower().split())  # lower() is casefold() for ASCII, and faster
    return " ".join(_fold_unicode(s).split())


def fold_name(text: str) -> str:
    """:func:`normalise_name` without collapsing the spaces: ``normalise_name(t) == " ".join(fold_name(t).split())``.

    It goes character by character (the accents it drops are the only characters a decomposition
    reorders), so the fold of a text is the concatenation of its parts' folds (geo.columns builds a
    run of words' key from its words')."""
    s = text.translate(_TRANS)
    return s.lower() if s.isascii() else _fold_unicode(s)


def _fold_unicode(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


@dataclass(slots=True)
class Entry:
    """A place as the builder sees it, before it gets a row id."""

    gid: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    admin1_gid: str | None = None
    admin2_gid: str | None = None
    population: int = 0
    capital: bool = False
    metonym: bool = False
    source: str = ""
    names: tuple[str, ...] = ()  # alternate names (the main name is always indexed)
    precision: str | None = None  # a records.Precision value when the point is coarser than the kind says
    main_names: tuple[str, ...] = ()  # other names that count as main ones (an official spelling)


@dataclass(frozen=True, slots=True, kw_only=True)
class BadLine:
    """A line of an import file that could not be read, and why."""

    line: int
    reason: str
