"""The record resolve keeps for each mention while it chooses (:class:`Item`), and how one is made from a
mention: its text, its gazetteer candidates (or another way of writing it, a demonym's nation), the kind word
beside it ("Kherson region", "city of Izium"), "the" before it, and whether it is a local feature the gazetteer
lacks ("Royal Street"). Split from geo.resolve."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.stages import doc_text
from frontlines.geo.variants import HINT_KIND as _HINT_KIND, PART_HINT, name_variants as _variants
from frontlines.geo.gazetteer import Candidate, Gazetteer, normalise_name
from frontlines.geo.context import feature_name
from frontlines.geo.lexicon import FEATURE_SOURCE, KIND_WORDS
from frontlines.geo.recognise import Mention
from frontlines.records import Place, PlaceKind

_PREFIX_HINTS = {("city", "of"): "settlement", ("town", "of"): "settlement", ("village", "of"): "settlement",
                 ("river",): "river", ("state", "of"): "admin1", ("province", "of"): "admin1",
                 ("region", "of"): "admin1", ("county", "of"): "admin2"}
_PREFIX_HINT_ENDS = frozenset(words[-1] for words in _PREFIX_HINTS)  # the word right before the name


@dataclass(slots=True)
class Item:
    mention: Mention
    start_char: int
    end_char: int
    text: str
    candidates: tuple[Candidate, ...]
    hint: PlaceKind | None
    article: bool  # preceded by "the"
    demonym: bool = False  # "Sudanese": the country, as a nation
    best: Candidate | None = None
    reason: str = ""
    score: float = 0.0
    feature: bool = False  # a local feature ("Royal Street") the gazetteer does not know
    note: str = ""  # why the candidates were narrowed (a container next to the name)
    override: Place | None = None  # placed without a candidate of its own (inside a container)
    partial: bool = False  # the candidates bear only a part of the name ("Upper Kherson" -> Kherson)
    sounded: frozenset[str] = frozenset()  # candidates found only by sound beside places bearing the name as written
    modifier: bool = False  # a noun follows the name ("the Bentiu camp"): the article before it is the noun's


def make_item(doc: Any, m: Mention, gazetteer: Gazetteer) -> Item:
    if m.end > m.start and hasattr(doc, "user_data"):
        # text and offsets from the first and last tokens: a Span costs more (and joins its tokens again)
        last = doc[m.end - 1]
        start_char, end_char = doc[m.start].idx, last.idx + len(last)
        text = doc_text(doc)[start_char:end_char]
    else:  # an empty mention, or a test's stand-in
        span = doc[m.start : m.end]
        text, start_char, end_char = span.text, span.start_char, span.end_char
    hint = _hint(doc, m)
    candidates = gazetteer.lookup(text)
    partial = False
    words = text.split()
    feature = m.source == FEATURE_SOURCE or (m.source == "gold" and feature_name(text))
    if not candidates and not feature:
        candidates, variant_hint = _variants(text, gazetteer)
        partial = variant_hint == PART_HINT
        hint = hint or (None if partial else variant_hint)  # type: ignore[assignment]
        if variant_hint == PlaceKind.RIVER and _river_unknown(candidates):
            # "the Wei River", "River Wye": a river the gazetteer lacks, not a town that bears its name
            candidates, feature = (), True
    article = m.start > 0 and doc[m.start - 1].lower_ == "the"
    demonym = False
    if m.source == "gold" and candidates and not any(c.main and c.population >= 100_000 for c in candidates):
        # "German", "French" handed over as toponyms: a nation's name beats a small namesake
        nation = gazetteer.demonym(text)
        if nation is not None and nation.kind == PlaceKind.COUNTRY:
            return Item(m, start_char, end_char, text, (nation,), hint, article, True)
    if not candidates and m.source == "gold":
        # a demonym handed over as a toponym ("Sudanese"): the country it names
        nation = gazetteer.demonym(re.sub(r"s$", "", text) if text.endswith("ns") else text)
        if nation is not None:
            candidates, demonym = (nation,), True
        else:
            candidates = demonym_places(text, gazetteer)
            demonym = bool(candidates)
    # a given toponym the gazetteer lacks ("the Zaatari camp") is a local place placed at its town; "they" is no name
    feature = feature or (m.source == "gold" and not candidates and any(w[:1].isupper() for w in words))
    modifier = m.end < len(doc) and doc[m.end].pos_ in ("NOUN", "PROPN")
    return Item(m, start_char, end_char, text, candidates, hint, article, demonym, feature=feature,
                 partial=partial, modifier=modifier)


_TOWN_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2})


def _river_unknown(candidates: Sequence[Candidate]) -> bool:
    """A name written with "River" whose places, found without that word, are all towns ("Wei River"
    -> Weifang, "Thames River" -> Thames, New Zealand): the river is a feature the gazetteer lacks, which
    lies near the story's towns rather than at a namesake town. A country or division bearing the name
    ("Congo River", "Kentucky River") holds its river, at least in part, and stays."""
    return bool(candidates) and all(c.kind in _TOWN_KINDS for c in candidates)


def _kind_word(tok: Any) -> str | None:
    """The kind a word names, singular or plural ("region", "regions", "oblasts")."""
    low = tok.lower_
    return KIND_WORDS.get(low) or (KIND_WORDS.get(low[:-1]) if low.endswith("s") and len(low) > 4 else None)


def _hint(doc: Any, m: Mention) -> PlaceKind | None:
    """A kind word next to the name: "Dnipro River", "Kherson region", "city of Izium"; a plural
    one after a pair names both ("the Kherson and Dnipropetrovsk regions")."""
    n = len(doc)
    if m.end < n:
        nxt = doc[m.end]
        word = _kind_word(nxt)
        if word:
            return _HINT_KIND.get(word)
        # "Kherson and Dnipropetrovsk regions": the plural kind word after the second name
        if nxt.lower_ in ("and", "or", ",") and m.end + 2 < n:
            k = m.end + 1
            while k < n and k - m.end <= 4 and doc[k].is_title:
                k += 1
            if k < n and k > m.end + 1 and doc[k].lower_.endswith("s"):
                word = _kind_word(doc[k])
                if word:
                    return _HINT_KIND.get(word)
    if m.start > 0 and doc[m.start - 1].lower_ in _PREFIX_HINT_ENDS:
        before = tuple(doc[i].lower_ for i in range(max(0, m.start - 2), m.start))  # no Span needed
        for words, kind in _PREFIX_HINTS.items():
            if before[-len(words):] == words:
                return _HINT_KIND[kind]
    last = doc[m.end - 1].lower_
    if m.end - m.start > 1 and last in KIND_WORDS:
        return _HINT_KIND.get(KIND_WORDS[last])
    return None


# a people's or resident's name -> the place ("Ohioans" -> Ohio, "South Ossetian" -> South
# Ossetia, "Dagestani" -> Dagestan, "Londoner" -> London): suffix rewrites tried in order
_DEMONYM_REWRITES = (
    ("ians", "ia"), ("ian", "ia"), ("ians", "io"), ("ian", "io"), ("ans", "a"), ("an", "a"), ("ans", ""),
    ("an", ""), ("an", "as"), ("is", ""), ("i", ""), ("ers", ""), ("er", ""), ("ese", ""), ("z", "zia"),
)
_BIG_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.CONTINENT})


def demonym_places(text: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Places a demonym-like name stands for, by suffix rewriting; only big places qualify.

    A resident's name derives from a country, division, region or large city, so a
    rewrite that lands on a village ("Texan" -> "Texa") is no answer.
    """
    key = normalise_name(text)
    if len(key) < 5:
        return ()
    for old, new in _DEMONYM_REWRITES:
        if key.endswith(old) and len(key) - len(old) >= 3:
            found = tuple(
                c for c in gazetteer.lookup(key[: len(key) - len(old)] + new, normalised=True)
                if c.kind in _BIG_KINDS or (c.main and (c.capital or c.population >= 100_000))
            )
            if found:
                return found
    return ()
