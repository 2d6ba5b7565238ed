"""Story places named without a name: "the capital", "Somalia's capital", "the town", "the region".

A report names its place once and then refers to it: "Russian troops captured Izium on 1 April
... drove into the town without a fight"; "two car bombs exploded in Somalia's capital". Such a
phrase is a place of the story, resolved here so that the events stage can give it to an event
like any toponym:

- "X's capital", "the capital of X" (X a country the article names): X's capital city, from
  the gazetteer's capital flag;
- "the capital" (and "the capital's"): the capital city named earlier in the article, else the
  capital of the country the article names most;
- "the city", "the town", "the village": the nearest settlement named before it;
- "the region", "the province", "the oblast": the nearest first-order division named before it.

Each such Place says so in its reason (:data:`ANAPHOR_REASON`); it is not a toponym, and the
toponym scorers leave it out (:func:`is_anaphor`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from frontlines.stages import doc_text, sentence_of, token_indices
from frontlines.geo.gazetteer import Candidate, Gazetteer
from frontlines.geo.lexicon import KIND_WORDS
from frontlines.geo.relative import NEAR_NOUNS
from frontlines.records import Evidence, Place, PlaceKind, Precision

ANAPHOR_REASON = "story place"  # Place.reason of a place named by a common noun starts with this

_SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
_DIVISION_NOUNS = frozenset({"region", "province", "oblast", "state", "governorate"})
_STORY_NOUNS = _SETTLEMENT_NOUNS | _DIVISION_NOUNS | {"capital"}


def is_anaphor(place: Place) -> bool:
    """True for a place named by a common noun ("the town"), not by a toponym."""
    return place.reason.startswith(ANAPHOR_REASON)


def story_places(doc: Any, article_id: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[Place]:
    """Places the article refers to by a common noun, each resolved to the place it stands for."""
    named = sorted((p for p in places if not p.metonymic and p.lat is not None and not is_anaphor(p)),
                   key=lambda p: p.evidence.start)
    covered = [(p.evidence.start, p.evidence.end) for p in places]
    out: list[Place] = []
    modifiers: dict[int, bool] = {}  # id of a named place -> whether it is named as a modifier (asked once a place)
    for i in _story_nouns(doc):  # only the nouns: a Token per word of the article costs
        tok = doc[i]
        low = tok.lower_
        if any(a <= tok.idx < b for a, b in covered):
            continue  # part of a name ("Kherson region", "the city of Kherson")
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        after_of = doc[i + 2] if nxt is not None and nxt.lower_ == "of" and i + 2 < len(doc) else None
        if nxt is not None and ((after_of is not None and after_of.text[:1].isupper()) or (
                nxt.is_title and nxt.pos_ == "PROPN")) and low != "capital":
            continue  # "the city of Hama", "the town Bucha": the name follows ("the city of some 150,000" does not)
        start = i - 1 if i > 0 else i
        det = doc[start]
        if start > 1 and doc[start - 1].text == "," and any(p.evidence.end == doc[start - 2].idx + len(doc[start - 2].text)
                                                            for p in named):
            continue  # "Wad Madani, the capital of Gezira state": an apposition describes the name
        found: tuple[Place | Candidate, str] | None = None
        if low == "capital":
            found = _capital(doc, i, det, named, gazetteer)
        elif det.lower_ == "the" and tok.tag_ == "NN":
            before = [p for p in named if p.evidence.end <= det.idx]
            if before:
                found = _antecedent(before, low, _may_be_meant(doc, tok, gazetteer, modifiers))
        if found is None:
            continue
        target, how = found
        s = doc[start].idx if det.lower_ == "the" or det.tag_ == "POS" else tok.idx
        if det.tag_ == "POS" and start > 0:
            s = doc[start - 1].idx  # "Somalia's capital": the whole phrase
        out.append(_place(article_id, doc_text(doc)[s : tok.idx + len(tok.text)], s, tok.idx + len(tok.text), target, how))
    return out


_SMALL_NOUNS = frozenset({"town", "village"})
_STORY_NOUNS_KEY = "frontlines.story_nouns"


def _story_nouns(doc: Any) -> list[int]:
    """The indices of the Doc's story nouns, found once per Doc (kept in ``doc.user_data``): the events
    stage resolves single spans again (``geo.resolve_spans``), each time asking for them."""
    store = getattr(doc, "user_data", None)
    found = store.get(_STORY_NOUNS_KEY) if store is not None else None
    if found is None:
        found = token_indices(doc, _STORY_NOUNS)
        if store is not None:
            store[_STORY_NOUNS_KEY] = found
    return list(found)


def _origin_in_sentence(doc: Any, p: Place, sent: Any) -> bool:
    """``p`` is named after "from" in the sentence ``sent``."""
    if not (sent.start_char <= p.evidence.start < sent.end_char):
        return False
    span = doc.char_span(p.evidence.start, p.evidence.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ == "from"


# nouns a place name may modify and still be named as where something is ("the Izium area")
_AREA_HEADS = _STORY_NOUNS | frozenset(KIND_WORDS) | NEAR_NOUNS | frozenset(
    {"area", "areas", "districts", "suburb", "centre", "center", "side", "bank", "countryside", "neighbourhood",
     "neighborhood", "municipality"})


def _named_as_modifier(doc: Any, p: Place) -> bool:
    """``p`` names an owner or a kind, not where the story is: a possessor ("Moscow's own
    commentariat") or a modifier of a noun that is no area ("the Donetsk front", "a Gaza ceasefire")."""
    span = doc.char_span(p.evidence.start, p.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return True
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end and \
        root.head.lower_ not in _AREA_HEADS


def _is_capital(p: Place, gazetteer: Gazetteer) -> bool:
    c = gazetteer.get(p.gazetteer_id) if p.gazetteer_id else None
    return c is not None and c.capital


def _may_be_meant(doc: Any, tok: Any, gazetteer: Gazetteer, modifiers: dict[int, bool]) -> Callable[[Place], bool]:
    """Whether a place named before the noun ``tok`` ("the town") may be what it refers to; ``modifiers``
    remembers :func:`_named_as_modifier` per place across the article's nouns."""
    small = tok.lower_ in _SMALL_NOUNS
    sent = None

    def may(p: Place) -> bool:
        nonlocal sent
        if small and _is_capital(p, gazetteer):
            return False  # a national capital is "the capital" or "the city", never "the town"
        # "troops advancing from Balakliia drove into the town": where they came from is not
        # where they went, so an origin in the noun's own sentence is no antecedent
        if sent is None:
            sent = sentence_of(tok)  # once per noun, not once per place before it
        if _origin_in_sentence(doc, p, sent):
            return False
        modifier = modifiers.get(id(p))
        if modifier is None:
            modifier = modifiers[id(p)] = _named_as_modifier(doc, p)
        return not modifier

    return may


def _antecedent(before: Sequence[Place], noun: str, may: Callable[[Place], bool] | None = None
                ) -> tuple[Place, str] | None:
    """The nearest place of the noun's kind named before it for which ``may`` holds (asked only of
    places of that kind, nearest first, so most places named before are never looked at)."""
    kinds = (PlaceKind.SETTLEMENT,) if noun in _SETTLEMENT_NOUNS else (PlaceKind.ADMIN1,)
    for p in reversed(before):
        if (p.kind in kinds or (p.kind == PlaceKind.RELATIVE and noun in _SETTLEMENT_NOUNS
                                and p.precision == Precision.NEAR)) and (may is None or may(p)):
            return p, f"'the {noun}' refers to {p.name or p.text}, the nearest {kinds[0].value} named before it"
    return None


def _capital(doc: Any, i: int, det: Any, named: Sequence[Place], gazetteer: Gazetteer
             ) -> tuple[Place | Candidate, str] | None:
    # "Somalia's capital": the country before the possessive
    if det.tag_ == "POS" and i >= 2:
        owner = [p for p in named if p.kind == PlaceKind.COUNTRY and p.evidence.end == doc[i - 2].idx + len(doc[i - 2].text)]
        if owner:
            city = _capital_of(owner[0].country, gazetteer, owner[0].name)
            return (city, f"the capital of {owner[0].name}") if city else None
        return None
    if det.lower_ != "the":
        return None
    # "the capital of Somalia"; of anything else ("the capital of Gezira state") no capital we know
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        owner = [p for p in named if p.kind == PlaceKind.COUNTRY and i + 2 < len(doc) and p.evidence.start == doc[i + 2].idx]
        if not owner:
            return None
        city = _capital_of(owner[0].country, gazetteer, owner[0].name)
        return (city, f"the capital of {owner[0].name}") if city else None
    before = [p for p in named if p.evidence.end <= det.idx]
    capitals = [p for p in before if p.kind == PlaceKind.SETTLEMENT and p.gazetteer_id
                and (c := gazetteer.get(p.gazetteer_id)) is not None and c.capital]
    if capitals:
        return capitals[-1], f"'the capital' refers to {capitals[-1].name}, the capital named before it"
    countries = Counter(p.country for p in named if p.country)
    if not countries:
        return None
    iso3 = countries.most_common(1)[0][0]
    country = next((p.name for p in named if p.kind == PlaceKind.COUNTRY and p.country == iso3), iso3)
    city = _capital_of(iso3, gazetteer, country)
    return (city, f"'the capital' of {country}, the country the article names most") if city else None


def _capital_of(iso3: str | None, gazetteer: Gazetteer, name: str | None) -> Candidate | None:
    """The country's capital city: the most populous place flagged capital in it."""
    found = gazetteer.capitals_of(iso3) if iso3 else ()
    return found[0] if found else None


def _place(article_id: str, text: str, start: int, end: int, target: Place | Candidate, how: str) -> Place:
    evidence = Evidence(article_id=article_id, start=start, end=end, text=text)
    reason = f"{ANAPHOR_REASON}: {how}"
    if isinstance(target, Place):
        return replace(target, text=text, evidence=evidence, reason=f"{reason}; {target.reason}", metonymic=False)
    return Place(text=text, evidence=evidence, name=target.name, gazetteer_id=target.gid, kind=target.kind,
                 lat=target.lat, lon=target.lon, admin1=target.admin1, country=target.country,
                 precision=Precision.EXACT, reason=reason, score=0.0)
