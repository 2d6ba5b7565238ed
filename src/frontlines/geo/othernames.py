"""Other names of a place: by sound (romanisations of Cyrillic names no table derives) and in
other languages (a town's foreign name the small model cut out of a longer name).

Both narrow or widen the candidates of the mentions of one article (``geo.items.Item``) before
the resolver chooses among them.
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.geo.entries import normalise_name
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.lexicon import CUED_SOURCE, FEATURE_HEADS, KIND_WORDS
from frontlines.records import PlaceKind
from frontlines.stages import doc_text

STRIP_SUFFIX = re.compile(
    r"\s+(river|region|oblast|province|county|parish|raion|district|city|governorate|state|area)$", re.I)

# whole runs of letters that do not begin with a lower-case ASCII letter: most words of English prose
# do, and are then never made into strings
_CAP_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_a-z][^\W\d_]*")
# countries whose places are named from Cyrillic, where news writes one name in several
# romanisations (Russian-style, older tables) that no rule derives: Lysichansk, Luganskoye
CYRILLIC_COUNTRIES = frozenset({"UKR", "RUS", "BLR"})
_SOUND_SOURCES = frozenset({"ner", "ner+gazetteer", "gazetteer", "gold", CUED_SOURCE})


def sound_alike(doc: Any, every: list[Any], gazetteer: Gazetteer) -> None:
    """In an article about a country whose names are romanised from Cyrillic, a name is also looked
    for among that country's places by sound (Gazetteer.sound_alike: the same consonants, most
    letters): when the gazetteer does not know it, or knows only small places by it (a village
    written Russian-style may match another village's exact name elsewhere). The article is about
    a country when it names the country, its people or one of its places."""
    asked = [it for it in every if _may_sound_alike(it)]
    if not asked:
        return  # the countries the article names are worked out only when a name may need them
    about = _countries_named(doc, every, gazetteer, CYRILLIC_COUNTRIES) & CYRILLIC_COUNTRIES
    if not about:
        return
    countries = sorted(about)
    for it in asked:
        found = gazetteer.sound_alike(it.text, countries)
        if not found and it.hint is not None:
            stripped = STRIP_SUFFIX.sub("", re.sub(r"['\u2019]s$", "", it.text))
            found = gazetteer.sound_alike(stripped, countries) if stripped != it.text else ()
        if found and it.partial:
            it.candidates, it.partial = (), False  # the whole name by sound beats a part of it
        have = {c.gid for c in it.candidates}
        extra = tuple(c for c in found if c.gid not in have)
        if extra:
            if not it.candidates:
                it.note = "another romanisation of the name (same sound)"
            elif any(c.country in about and normalise_name(c.name) == normalise_name(it.text) for c in it.candidates):
                it.sounded = frozenset(c.gid for c in extra)  # a place of the country bears the name as written
            it.candidates = (*it.candidates, *extra)
            it.feature = False  # "Kamenka-Dniprovska" tagged as a building: a village after all


def _may_sound_alike(it: Any) -> bool:
    """A name worth looking for by sound: one the recogniser or a reader handed over (or a local
    feature with no feature word) that the gazetteer does not know as a town or anything bigger."""
    sourced = it.mention.source in _SOUND_SOURCES or (it.feature and not _has_feature_head(it.text))
    return sourced and (it.partial or not any(
        c.population >= SOUND_ALIKE_MAX_POP or c.kind not in _SOUND_KINDS for c in it.candidates))


FOREIGN_ALTERNATE_MAX_POP = 1_000_000  # "Bombay", "Kharkov": a big city's other name is that city


def drop_foreign_alternates(doc: Any, every: list[Any], gazetteer: Gazetteer) -> None:
    """A name found in the text that the gazetteer knows only as another language's name of a town
    ("Human" for Uman, "Vert" for Weert, "Türk" for Angren) is no place when it is a part of a
    longer capitalised name ("High Commissioner for Human Rights", "Volker Türk", "Lac Vert") and
    the article names nothing else in that town's country: the small model cut a word out of
    another name. Kept: gold spans (a toponym for sure), names with a kind word ("Zaporizhia
    region"), a name standing alone ("fighting in Artemivsk"), big cities' other names."""
    suspects = [it for it in every if it.candidates and it.mention.source != "gold" and not it.note
                and it.hint is None and not any(c.main or c.population >= FOREIGN_ALTERNATE_MAX_POP for c in it.candidates)
                and _glued(doc, it.mention.start, it.mention.end)]
    if not suspects:
        return  # the countries the article names are worked out only when needed (a pass over the Doc)
    named = _countries_named(doc, [it for it in every if any(c.main for c in it.candidates)], gazetteer)
    for it in suspects:
        if not any(c.country in named for c in it.candidates):
            it.candidates = ()


def _glued(doc: Any, start: int, end: int) -> bool:
    """The words run on into a longer capitalised name on either side ("Human | Rights", "Volker |
    Türk", "Lac | Vert"), a kind word ("Zaporizhia region") or a sentence start apart."""
    def cap(tok: Any) -> bool:
        return tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in KIND_WORDS
    before = start > 0 and cap(doc[start - 1]) and not doc[start - 1].is_sent_start
    return before or (end < len(doc) and cap(doc[end]))


def _has_feature_head(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower().strip(".") in FEATURE_HEADS


SOUND_ALIKE_MAX_POP = 5_000  # a name that is a town's is that town: no look-alikes added
_SOUND_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2})


_CAPITALISED_KEY = "frontlines.capitalised_words"


def _capitalised_words(doc: Any) -> tuple[str, ...]:
    """Each capitalised word of the text once, in order, read off the text (iterating the Doc's tokens
    costs more) once per Doc: both passes of this module may ask (kept in ``doc.user_data``)."""
    store = getattr(doc, "user_data", None)
    found = store.get(_CAPITALISED_KEY) if store is not None else None
    if found is None:
        found = tuple(dict.fromkeys(w for w in _CAP_WORD.findall(doc_text(doc)) if w[:1].isupper()))
        if store is not None:
            store[_CAPITALISED_KEY] = found
    return found


def _countries_named(doc: Any, every: list[Any], gazetteer: Gazetteer, among: frozenset[str] | None = None) -> set[str]:
    """Countries the article names: its places' likeliest countries, its peoples ("Ukrainian"),
    and countries named inside other names ("the Armed Forces of Ukraine"). With ``among``, the
    pass stops once all of those countries are found."""
    # a part of a longer name ("Kakhovka" of "Novaya Kakhovka Township") tells no country
    out = {it.candidates[0].country for it in every if it.candidates and it.candidates[0].country and not it.partial}
    if among is not None and among <= out:
        return out
    for text in _capitalised_words(doc):
        out.update(gazetteer.countries_of_word(text))
        if among is not None and among <= out:
            break
    return {c for c in out if c}
