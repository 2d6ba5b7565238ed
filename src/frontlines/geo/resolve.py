"""Toponym resolution: pick a gazetteer entry for each mention, and say why.

Candidates are scored by population, feature kind, kind words around the name
("the Dnipro River", "Kherson region", "city of X"), and the other places in
the article (a country, first- or second-order division named elsewhere).
Metonyms ("Kyiv's troops", "Moscow said", "the Kremlin") are flagged, and
relative phrases ("20 km north of Izium", "near Bakhmut", "the west bank of the
Dnipro") become RELATIVE places with an anchor and a coarser precision.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from frontlines.stages import doc_datelines, doc_text
from frontlines.geo import context
from frontlines.geo.anaphora import story_places
from frontlines.geo.districts import districts_of_cities
from frontlines.geo.eponyms import no_nearer_than_its_town
from frontlines.geo.coherence import (PROXIMITY, coherence, far_namesakes, far_partials,
                                      stray_namesakes)
from frontlines.geo.othernames import drop_foreign_alternates, sound_alike
from frontlines.geo.relative import relative_place
from frontlines.geo.shapes import with_shape_division
from frontlines.geo.theatres import war_lands
from frontlines.geo.variants import HINT_KIND as _HINT_KIND, PART_HINT, name_variants as _variants
from frontlines.geo.gazetteer import Candidate, Gazetteer, normalise_name
from frontlines.geo.lists import agree_with_list
from frontlines.geo.metonymy import metonymic_use
from frontlines.geo.lexicon import FEATURE_HEADS, FEATURE_SOURCE, KIND_WORDS, ORG_SOURCE, load_place_lexicon
from frontlines.geo.recognise import Mention
from frontlines.records import Evidence, Place, PlaceKind, Precision

# --- scoring weights (general, not fitted to any one corpus) -----------------
KIND_PRIOR = {
    PlaceKind.COUNTRY: 4.0, PlaceKind.CONTINENT: 4.0, PlaceKind.SEA: 5.0, PlaceKind.REGION: 5.0,
    PlaceKind.FACILITY: 5.0, PlaceKind.ADMIN1: 1.5, PlaceKind.ADMIN2: 0.5, PlaceKind.SETTLEMENT: 0.0,
    PlaceKind.RIVER: 2.0,  # a river shares its name with a city ("Dnipro"): it needs a cue
}
ALT_NAME_PENALTY = 1.5  # matched only by an alternate name
# found only by sound while the article's country has a place bearing the name as written ("Robotyne" beside
# Rybotyn): two orders of population do not make the look-alike the place meant, the article's context may
SOUND_ALIKE_PENALTY = 3.0
CAPITAL_BONUS = 2.5  # "Washington" alone is the capital more often than the state
EPONYM_PENALTY = 3.0  # "Kherson" is the city, "Kherson region" the oblast
HINT_BONUS = 6.0
HINT_MISMATCH = 3.0
ARTICLE_BONUS = 4.0  # "the Dnipro", "the Crimea": rivers and regions take an article, towns do not
COUNTRY_CONTEXT = 5.0  # times the share of the article's other places in this country
ADMIN1_CONTEXT = 3.0
ADMIN2_CONTEXT = 2.0
CONTAINER_BONUS = 5.0  # "Alexandria, Louisiana": the next name contains this candidate
OUTLET_COUNTRY = 1.5  # the outlet's country-code domain (".co.uk", ".ca"): its home country

PRECISION = {
    PlaceKind.SETTLEMENT: Precision.EXACT, PlaceKind.FACILITY: Precision.EXACT,
    PlaceKind.ADMIN2: Precision.ADMIN2, PlaceKind.ADMIN1: Precision.ADMIN1,
    PlaceKind.COUNTRY: Precision.COUNTRY, PlaceKind.CONTINENT: Precision.REGION,
    PlaceKind.RIVER: Precision.REGION, PlaceKind.SEA: Precision.REGION, PlaceKind.REGION: Precision.REGION,
}
_HINT_COMPATIBLE = {
    PlaceKind.ADMIN1: {PlaceKind.ADMIN1, PlaceKind.REGION},
    PlaceKind.ADMIN2: {PlaceKind.ADMIN2},
    PlaceKind.RIVER: {PlaceKind.RIVER},
    PlaceKind.SEA: {PlaceKind.SEA},
    PlaceKind.SETTLEMENT: {PlaceKind.SETTLEMENT},
}
_PREFIX_HINTS = {("city", "of"): "settlement", ("town", "of"): "settlement", ("village", "of"): "settlement",
                 ("river",): "river", ("state", "of"): "admin1", ("province", "of"): "admin1",
                 ("region", "of"): "admin1", ("county", "of"): "admin2"}
_PREFIX_HINT_ENDS = frozenset(words[-1] for words in _PREFIX_HINTS)  # the word right before the name

@dataclass(slots=True)
class _Item:
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


def resolve_mentions(
    doc: Any, article_id: str, mentions: Sequence[Mention], gazetteer: Gazetteer, *, source: str | None = None,
    occupiers: Mapping[str, str] | None = None,  # the actor registry's wars of occupation (geo.theatres)
) -> tuple[Place, ...]:
    """Resolve each mention to a Place; mentions that match no gazetteer entry are dropped.

    ``source`` is the outlet (a domain such as "thetowntalk.com"); a country-code
    domain lends its country a small prior.
    """
    every = [_item(doc, m, gazetteer) for m in mentions]
    sound_alike(doc, every, gazetteer)
    drop_foreign_alternates(doc, every, gazetteer)
    items = [it for it in every if it.candidates]
    features = [it for it in every if not it.candidates and it.feature]
    ents = tuple(doc.ents) if items else ()  # spaCy builds the entity spans on each access: once here
    feature_spans = frozenset((f.start_char, f.end_char) for f in features)
    extra = _apply_containers(doc, article_id, items, gazetteer, ents, feature_spans)
    if items:
        _choose(doc, items, gazetteer, outlet_country(source), ents, occupiers)
    for it in items:
        _region_of_city(it, gazetteer)
    text = doc_text(doc)
    districts_of_cities(doc, article_id, items, text)  # "the Kiev region of Donetsk": a district of the city
    for it, c in agree_with_list(text, items):
        it.best = c
        it.reason = f"listed among places of its kind ({c.kind.value}); {it.reason}"
    far_parts = (far_partials(items) | far_namesakes(items) | stray_namesakes(items)
                 | context.owned_far(text, items))
    places = [it.override or _place(doc, article_id, it, gazetteer) for it in items
              if (it.override is not None or it.best is not None) and id(it) not in far_parts]
    features = [*features, *(it for it in items if id(it) in far_parts)]
    places.extend(extra)
    places.extend(p for p in (context.place_feature(article_id, f, items, far_parts, text) for f in features) if p is not None)
    places.extend(story_places(doc, article_id, places, gazetteer))
    datelines = doc_datelines(doc)
    if datelines:
        places = [_mark_dateline(p, datelines) for p in places]
    return tuple(sorted(places, key=lambda p: (p.evidence.start, p.evidence.end)))


REGION_CITY_POP = 50_000
def _region_of_city(it: _Item, gazetteer: Gazetteer) -> None:
    """"Dnepropetrovsk region", "Kharkov oblast" written with a city's (old) name the gazetteer knows
    only for the city: the region is the city's first-order division."""
    c = it.best
    if it.hint != PlaceKind.ADMIN1 or c is None:
        return
    region = _city_region(c, gazetteer)
    if region is not None:
        it.best = region
        it.reason = f"the region of {c.name} (a region word follows a city's name); {it.reason}"


def _apply_containers(doc: Any, article_id: str, items: list[_Item], gazetteer: Gazetteer,
                      ents: Sequence[Any], features: frozenset[tuple[int, int]] = frozenset()) -> list[Place]:
    """Narrow each name to its candidates inside the division written next to it, and make that
    division the division; a name with none inside (or unknown) is placed at the division.
    ``features``: the character spans of the local features the gazetteer does not know."""
    spans = [(it.mention.start, it.mention.end, it.start_char, it.end_char) for it in items]
    # a city's region is looked up (a query) only where a container can stand: after ",", "(" or "in"
    divisions = [_divisions(it, gazetteer) if it.mention.start > 0 and doc[it.mention.start - 1].lower_ in (",", "(", "in", "the")
                 else [c for c in it.candidates if c.kind in _DIVISION_KINDS] for it in items]
    has_division = [bool(d) for d in divisions]
    if not any(has_division):
        return []
    # people's names: a PERSON entity that opens with a given name ("Oleh Syniehubov, Kharkiv");
    # the small model also tags unknown villages PERSON ("Zolota Nyva, Donetsk")
    first_names = load_place_lexicon().first_names
    persons = frozenset(t for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
                        and normalise_name(ent[0].text) in first_names for t in range(ent.start, ent.end))
    extra: list[Place] = []
    added: list[_Item] = []
    has_sub = [any(c.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) for c in d) for d in divisions]
    division_first = [bool(it.candidates) and it.candidates[0].kind in _DIVISION_KINDS for it in items]
    for pair in context.find_containers(doc, spans, has_division, has_sub, persons, division_first):
        outer = items[pair.outer]
        inner = items[pair.inner] if pair.inner is not None else None
        division, inside = context.container_candidate(divisions[pair.outer], inner.candidates if inner else ())
        if division is None:
            continue
        span = (pair.start_char, pair.end_char)
        if division not in outer.candidates and (span in features or context.feature_name(doc_text(doc)[span[0]:span[1]])):
            # "Queen Street in Brisbane", "Bold Street, Liverpool": a street or building lies in the
            # city itself, not in the region named after it; one no mention holds is placed here,
            # the others by context.place_feature
            city = next((c for c in outer.candidates if _city_region(c, gazetteer) == division), None)
            if inner is None and span not in features and not pair.known_only and city is not None:
                extra.append(context.feature_place(article_id, doc_text(doc)[span[0]:span[1]], span[0], span[1],
                                                   city, "the city written next to it"))
            continue
        known = _known_inside(doc, pair.start_char, pair.end_char, division, gazetteer) if inner is None and pair.known_only else None
        if (pair.known_only and inner is None and known is None) or (pair.possessive and inner is not None and inside is None):
            continue  # "Kherson region's Governor ...", "Russia's Wagner": what a division owns need not lie in it
        if inner is not None and inside is None and not inner.partial and (
                (not pair.said_in and context.known_elsewhere(inner.candidates))
                or (division.kind == PlaceKind.COUNTRY and pair.listed)
                or (pair.said_in and context.too_big_to_be_inside(inner.candidates))):
            # "Kyiv, Kharkiv", "Moura, Mali": a list of places, not a place and its division (a
            # name known only by a part of it is no place elsewhere: "Novaya Kakhovka Township, Ohio");
            # "the embassies of ... the United States in Kinshasa": a country is inside no city
            continue
        outer.candidates = (division,)
        outer.note = f"the division written next to {doc_text(doc)[pair.start_char:pair.end_char]}"
        text = doc_text(doc)[pair.start_char : pair.end_char]
        if inner is None:
            # a name the recogniser passed over (a village with no population on record): the
            # gazetteer may still know it inside the division written next to it
            known = known or _known_inside(doc, pair.start_char, pair.end_char, division, gazetteer)
            if known is not None:
                added.append(known)
            else:
                extra.append(context.placed_in_division(article_id, text, pair.start_char, pair.end_char, division))
        elif inside is None:
            inner.override = context.placed_in_division(article_id, text, pair.start_char, pair.end_char, division)
        else:
            inner.candidates = _own_names_first(
                tuple(c for c in inner.candidates if context.inside_division(c, division)), inner.text)
            inner.note = f"inside {division.name}, written next to it"
    items.extend(added)
    _same_name_same_place(article_id, items)
    return extra


def _same_name_same_place(article_id: str, items: list[_Item]) -> None:
    """One name, one place in an article: a name placed at the division written next to it once ("the
    village of Moura in central Mali") is placed there again where it stands alone ("arrested 51 people
    in Moura"), not at a namesake the gazetteer knows elsewhere."""
    placed = {normalise_name(it.text): it.override for it in items
              if it.override is not None and it.override.gazetteer_id is None}
    if not placed:
        return
    for it in items:
        first = placed.get(normalise_name(it.text))
        if first is None or it.override is not None or it.note:
            continue
        it.override = replace(first, text=it.text, evidence=Evidence(
            article_id=article_id, start=it.start_char, end=it.end_char, text=it.text),
            reason=f"the name placed before in the same article: {first.reason}")


@lru_cache(maxsize=65536)
def _spelling_of(text: str, name: str) -> bool:
    """``text`` is a spelling of ``name`` (Odessa for Odesa, Kharkov for Kharkiv), not another name
    the place bears (Bakhmut's Artemovsk): an exonym in another romanisation is no weaker evidence
    than the main name."""
    a, b = normalise_name(text), normalise_name(name)
    return a[:1] == b[:1] and difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


SPELLING_RATIO = 0.8


def _own_names_first(cands: tuple[Candidate, ...], text: str) -> tuple[Candidate, ...]:
    """Places whose own name this is (or a spelling of it: "Kupiansk" for Kupyansk), before places
    that only once bore it (Malynivka, formerly Novoselivka)."""
    key = normalise_name(text)
    own = tuple(c for c in cands if c.main or difflib.SequenceMatcher(None, key, normalise_name(c.name)).ratio() >= 0.75)
    return own or cands


def _divisions(it: _Item, gazetteer: Gazetteer) -> list[Candidate]:
    """What a name may be as a container: its division candidates, then the regions of the large
    cities it names ("X, Zaporizhia": the oblast is named after its city, in any spelling of it)."""
    out = [c for c in it.candidates if c.kind in _DIVISION_KINDS]
    for c in it.candidates:
        region = _city_region(c, gazetteer)
        if region is not None and region not in out:
            out.append(region)
    return out


def _city_region(c: Candidate, gazetteer: Gazetteer) -> Candidate | None:
    """The first-order division of a large city (regions are named after their main city)."""
    if c.kind != PlaceKind.SETTLEMENT or c.population < REGION_CITY_POP or not c.admin1_gid:
        return None
    return gazetteer.get(c.admin1_gid)


def _known_inside(doc: Any, start: int, end: int, division: Candidate, gazetteer: Gazetteer) -> _Item | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    it = _item(doc, Mention(span.start, span.end, "container"), gazetteer)
    inside = tuple(c for c in it.candidates if context.inside_division(c, division))
    if not inside and division.country:
        # written in another romanisation ("Orekhov, Zaporozhye" for Orikhiv; "Kabkabiya, North
        # Darfur" for Kabkabiyah): by sound, inside the division written next to it
        inside = tuple(c for c in gazetteer.sound_alike(it.text, [division.country])
                       if context.inside_division(c, division))
        if inside:
            it.note = "another romanisation of the name (same sound)"
    if not inside:
        return None
    it.candidates = _own_names_first(inside, it.text)
    it.note = f"{it.note + '; ' if it.note else ''}inside {division.name}, written next to it"
    return it


_DIVISION_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY})
# read by the per-candidate loops below: each ``PlaceKind.X`` costs an EnumType __getattr__ (~0.1 µs)
_COUNTRY, _ADMIN1, _ADMIN2 = PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2


def _mark_dateline(place: Place, spans: list[tuple[int, int]]) -> Place:
    if any(a <= place.evidence.start and place.evidence.end <= b for a, b in spans):
        return replace(place, reason=f"{context.DATELINE_REASON}: where the report was filed; {place.reason}")
    return place


def _item(doc: Any, m: Mention, gazetteer: Gazetteer) -> _Item:
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
    feature = m.source == FEATURE_SOURCE or (
        m.source == "gold" and len(words) > 1 and words[-1].lower().strip(".") in FEATURE_HEADS)
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
            return _Item(m, start_char, end_char, text, (nation,), hint, article, True)
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
    return _Item(m, start_char, end_char, text, candidates, hint, article, demonym, feature=feature,
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


def _prior(c: Candidate, it: _Item, seats: frozenset[str]) -> tuple[float, list[str]]:
    why: list[str] = []
    s = math.log10(c.population + 10) + KIND_PRIOR.get(c.kind, 0.0)
    if not c.main and not _spelling_of(it.text, c.name):
        s -= ALT_NAME_PENALTY
    if c.gid in it.sounded:
        s -= SOUND_ALIKE_PENALTY
    if c.capital:
        s += CAPITAL_BONUS
    if it.hint is not None:
        if c.kind in _HINT_COMPATIBLE.get(it.hint, {it.hint}):
            s += HINT_BONUS
            why.append(f"{it.hint.value} word next to the name")
        else:
            s -= HINT_MISMATCH
    if c.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and it.hint not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        if c.gid in seats:
            s -= EPONYM_PENALTY  # the division is named after its capital: the bare name is the city
    if it.article and c.kind in (PlaceKind.RIVER, PlaceKind.SEA, PlaceKind.REGION):
        s += ARTICLE_BONUS
        why.append("'the' before the name")
    return s, why


# (name, id of its candidates, kind word, "the") -> (the candidates, their priors): the same name
# with the same candidates (the gazetteer hands out one tuple per name) has the same priors in every
# article. The entry holds the tuple, so that its id names no other tuple while it is kept.
_PRIORS: dict[tuple[Any, ...], tuple[tuple[Candidate, ...], list[tuple[float, list[str]]]]] = {}
PRIORS_MAX = 200_000  # candidates' priors remembered, over all names (a long-running watcher meets ever new ones)
_priors_held = [0]  # how many are held now


def _priors_of(it: _Item) -> list[tuple[float, list[str]]]:
    """Every candidate's prior (shared: never to be changed in place)."""
    memo = (it.text, id(it.candidates), it.hint, it.article)
    hit = _PRIORS.get(memo)
    if hit is not None and hit[0] is it.candidates:
        return hit[1]
    # divisions that hold a settlement of the same name (the division is named after it)
    seats = frozenset(
        gid for o in it.candidates if o.kind == PlaceKind.SETTLEMENT for gid in (o.admin1_gid, o.admin2_gid) if gid
    ) | _named_after_a_town(it.candidates)
    found = [_prior(c, it, seats) for c in it.candidates]
    if _priors_held[0] + len(found) > PRIORS_MAX:
        _PRIORS.clear()
        _priors_held[0] = 0
    _PRIORS[memo] = (it.candidates, found)
    _priors_held[0] += len(found)
    return found


def _named_after_a_town(cands: Sequence[Candidate]) -> frozenset[str]:
    """Divisions whose name is a settlement candidate's name and a kind word ("Kyiv Oblast" beside the
    city of Kyiv, which is a division of its own and so not inside it): named after the town, so that
    the bare name is the town, as for a division that holds its eponym."""
    towns = {(normalise_name(o.name), o.country) for o in cands if o.kind == PlaceKind.SETTLEMENT and o.population}
    out = set()
    for c in cands:
        if c.kind == PlaceKind.ADMIN1:  # (a county is often meant by its bare name: "Douglas" for Douglas County)
            words = normalise_name(c.name).split()
            if len(words) > 1 and words[-1] in KIND_WORDS and (" ".join(words[:-1]), c.country) in towns:
                out.add(c.gid)
    return frozenset(out)


def _choose(doc: Any, items: list[_Item], gazetteer: Gazetteer, outlet: str | None, ents: Sequence[Any],
            occupiers: Mapping[str, str] | None = None) -> None:
    priors = [_priors_of(it) for it in items]
    # pass 1: the best candidate by prior alone, to learn what the article is about.
    # One vote per distinct name: "Dublin" said ten times is no evidence for Ireland.
    votes: dict[str, tuple[Candidate, float]] = {}
    keys: list[str] = []
    for it, ps in zip(items, priors):
        key = normalise_name(it.text)
        keys.append(key)
        if key in votes:
            continue
        # the first best prior and its margin over the next best (what a stable sort by prior would give)
        scores = [p for p, _ in ps]
        top = max(scores)
        first = scores.index(top)
        margin = top - max(scores[:first] + scores[first + 1:]) if len(scores) > 1 else 9.0
        votes[key] = (it.candidates[first], 1.0 if margin >= 1.0 else 0.5)
    nations = war_lands(doc, _nations(doc, ents, gazetteer), gazetteer, occupiers)
    scored = _context_pass(doc, items, keys, priors, votes, nations, outlet)
    # pass 2 again, with what the first round of context settled as the votes: a name that
    # looks like one place alone ("Georgia", the country) but is another among the article's
    # places (the state) then lends its own divisions to the others ("Atlanta")
    revote = dict(votes)
    changed: set[str] = set()
    for key, it in zip(keys, items):
        if key in changed or it.best is None or it.best is votes[key][0]:
            continue
        revote[key] = (it.best, votes[key][1])  # the same weight: only what the name stands for changed
        changed.add(key)
    if changed:
        # only the names whose scores the changed votes touch are scored again
        touched = _touched_by(votes, revote, changed)
        asked: dict[tuple[str, int], bool] = {}  # a name said again with the same candidates: asked once
        def rescore(it: _Item, key: str) -> bool:
            if key in changed:
                return True
            memo = (key, id(it.candidates))  # (the items hold their candidates: no id is reused meanwhile)
            hit = asked.get(memo)
            if hit is None:
                hit = asked[memo] = any(c.country in touched or c.admin1_gid in touched or c.admin2_gid in touched
                                        or c.gid in touched for c in it.candidates)
            return hit

        scored = _context_pass(doc, items, keys, priors, revote, nations, outlet, scored, rescore)
    # pass 3: closeness to the article's other places. Local news names the towns around one
    # place, so the namesake near the other names' likely places wins over a larger one far away.
    # Each other name lends its candidates weighted by how likely each is after pass 2 (a name
    # with one candidate, or one clear winner, weighs fully; "Springfield" spreads its weight over
    # its namesakes), so that a cluster of small namesakes ("Alexandria", "Nelson", "Douglas
    # County", "St. Cloud", all in one corner of Minnesota) is found although no name is sure.
    support = coherence(items, keys, scored)
    if support is None:
        return
    for idx, it in enumerate(items):
        if len(it.candidates) == 1:
            continue
        near_row = support.get(keys[idx])
        if near_row is None or len(near_row) != len(it.candidates):
            continue  # (a mention narrowed by a container has candidates of its own)
        best, best_score, best_why = None, -1e9, []
        for c, (score, reasons), near in zip(it.candidates, scored[idx], no_nearer_than_its_town(it, near_row, doc_text(doc))):
            if near > 0:
                score += PROXIMITY * near
                reasons = [*reasons, "near the article's other places"]
            if score > best_score:
                best, best_score, best_why = c, score, reasons
        _settle(it, best, best_score, best_why)


def _touched_by(old: dict[str, tuple[Candidate, float]], new: dict[str, tuple[Candidate, float]],
                changed: set[str]) -> set[str]:
    """The countries and divisions whose vote counts differ between two sets of votes that differ
    only at ``changed`` names."""
    out: set[str] = set()
    for key in changed:
        for votes in (old, new):
            out.update(gid for _, (gid, _w) in _votes(*votes[key]))
    return out


def _context_pass(doc: Any, items: list[_Item], keys: list[str], priors: list[list[tuple[float, list[str]]]],
                  votes: dict[str, tuple[Candidate, float]], nations: set[str], outlet: str | None,
                  previous: list[list[tuple[float, list[str]]]] | None = None,
                  rescore: Callable[[_Item, str], bool] | None = None) -> list[list[tuple[float, list[str]]]]:
    """Pass 2: each candidate's prior plus what the article's other names say (their votes for
    countries and divisions, a container after a comma, the outlet's country); settles each item
    on its best candidate and returns every candidate's score with its reasons. With ``previous``
    (the scores of a pass with other votes), an item for which ``rescore`` is false keeps its
    previous scores and choice."""
    # weighted votes (floats), so plain dicts rather than Counters (which type their counts as int)
    countries: defaultdict[str, float] = defaultdict(float)
    admin1s: defaultdict[str, float] = defaultdict(float)  # divisions named, or holding a named place
    admin2s: defaultdict[str, float] = defaultdict(float)
    within: defaultdict[str, float] = defaultdict(float)  # places of the article inside each division
    for c, w in votes.values():
        for key_counter, value in _votes(c, w):
            (countries if key_counter == "country" else admin1s if key_counter == "admin1" else
             admin2s if key_counter == "admin2" else within)[value[0]] += value[1]
    # peoples named in the article ("Israeli troops", "Palestinian officials") say which
    # countries it is about, as a place there would: one half-vote per distinct nation
    for iso3 in nations:
        countries[iso3] += 0.5
    total = sum(countries.values()) or 1.0
    scored: list[list[tuple[float, list[str]]]] = [[] for _ in items]
    # pass 2: add the article's other places (without the name's own vote)
    own_by_key: dict[str, _OwnVotes] = {}  # one name's own votes, once per name
    # a name said again with the same candidates, kind word, article and container scores the same
    done: dict[tuple[Any, ...], list[tuple[float, list[str]]]] = {}
    for idx, (it, ps) in enumerate(zip(items, priors)):
        if previous is not None and rescore is not None and not rescore(it, keys[idx]):
            scored[idx] = previous[idx]
            continue
        nxt = items[idx + 1] if idx + 1 < len(items) else None
        container = _container(doc, it, nxt)
        memo = (keys[idx], id(it.candidates), it.hint, it.article, container.gid if container else None, it.note)
        again = done.get(memo)
        if again is not None:
            scored[idx] = again
            k = max(range(len(again)), key=lambda j: again[j][0])  # the first best, as below
            _settle(it, it.candidates[k], again[k][0], again[k][1])
            continue
        own = own_by_key.get(keys[idx])
        if own is None:
            own = own_by_key[keys[idx]] = _own_votes(_votes(*votes[keys[idx]]))
        # the votes of the article's other names: a table's count less this name's own (read inline:
        # this loop runs once per candidate of every name)
        own_countries, own_admin1s, own_admin2s, own_within, own_country = own
        rest = total - own_country
        best, best_score, best_why = None, -1e9, []
        for c, (p, why) in zip(it.candidates, ps):
            score = p
            reasons = list(why)
            kind = c.kind
            if c.country:
                n = countries.get(c.country, 0.0) - own_countries.get(c.country, 0)
                if n > 0 and rest > 0:
                    score += COUNTRY_CONTEXT * n / rest
                    reasons.append(f"article names other places in {c.country}")
            if kind != _ADMIN1 and c.admin1_gid:
                n = admin1s.get(c.admin1_gid, 0.0) - own_admin1s.get(c.admin1_gid, 0)
                if n > 0:
                    score += ADMIN1_CONTEXT * min(1.0, n)
                    reasons.append(f"article names {c.admin1}")
            if kind in (_ADMIN1, _ADMIN2):
                inside = within.get(c.gid, 0.0) - own_within.get(c.gid, 0)
                if inside > 0:
                    score += ADMIN1_CONTEXT * min(1.0, inside)
                    reasons.append(f"article names places in {c.name}")
            if kind != _ADMIN2 and c.admin2_gid and (
                    admin2s.get(c.admin2_gid, 0.0) - own_admin2s.get(c.admin2_gid, 0) > 0):
                score += ADMIN2_CONTEXT
                reasons.append("article names its district")
            if container is not None and _inside(c, container):
                score += CONTAINER_BONUS
                reasons.append(f"followed by {container.name}")
            if outlet is not None and c.country == outlet and c.kind != _COUNTRY:
                score += OUTLET_COUNTRY
                reasons.append(f"outlet in {outlet}")
            scored[idx].append((score, reasons))
            if score > best_score:
                best, best_score, best_why = c, score, reasons
        done[memo] = scored[idx]
        _settle(it, best, best_score, best_why)
    return scored


# one name's own votes per gid in each table (country, admin1, admin2, within), and its country votes
_OwnVotes = tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float], float]


def _own_votes(own: list[tuple[str, tuple[str, float]]]) -> _OwnVotes:
    """One name's votes summed per gid in each table, in order (as ``sum`` would), and its country votes."""
    tables: dict[str, dict[str, float]] = {"country": {}, "admin1": {}, "admin2": {}, "within": {}}
    for counter, (gid, w) in own:
        table = tables[counter]
        table[gid] = table.get(gid, 0) + w
    return (tables["country"], tables["admin1"], tables["admin2"], tables["within"],
            sum(v[1] for k, v in own if k == "country"))


def _nations(doc: Any, ents: Sequence[Any], gazetteer: Gazetteer) -> set[str]:
    """The countries of the peoples the article names ("Israeli troops"); a people's name the tagger took
    for a place ("Ukrainian" as GPE) is one too: a demonym is no settlement (the recogniser drops it)."""
    out: set[str] = set()
    text_of = doc_text(doc)
    for ent in ents:
        if ent.label_ not in ("NORP", "GPE"):
            continue
        text = text_of[ent.start_char:ent.end_char]  # Span.text joins the span's tokens again
        iso3 = gazetteer.demonyms.get(normalise_name(text[:-1] if text.endswith("ns") else text))
        if iso3:
            out.add(iso3)  # the code is enough: no query per people named
    return out


def _settle(it: _Item, best: Candidate | None, score: float, why: list[str]) -> None:
    it.best = best
    it.score = score
    it.reason = "; ".join(["largest population" if not why else why[0], *why[1:]])
    if len(it.candidates) == 1:
        it.reason = "only candidate"
    if it.note:
        it.reason = f"{it.note}; {it.reason}"


# country-code domains that outlets of any country use
_GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "fm", "ly", "ai", "to", "cc", "ws", "nu", "am", "gg", "la", "im"})


def outlet_country(source: str | None) -> str | None:
    """ISO3 of the outlet's country-code domain ("lfpress.ca" -> CAN, "x.co.uk" -> GBR), else None."""
    if not source:
        return None
    host = source.strip().lower().split("/")[2] if "://" in source else source.strip().lower().split("/")[0]
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return country.alpha_3 if country else None


def _votes(c: Candidate, w: float) -> list[tuple[str, tuple[str, float]]]:
    """What one resolved name says about the article: its country and divisions."""
    out: list[tuple[str, tuple[str, float]]] = []
    if c.country:
        out.append(("country", (c.country, w)))
    if c.kind == _ADMIN1:
        out.append(("admin1", (c.gid, w)))
    elif c.admin1_gid and c.kind != _COUNTRY:
        out.append(("admin1", (c.admin1_gid, w * 0.5)))
    if c.kind == _ADMIN2:
        out.append(("admin2", (c.gid, w)))
    for gid in {c.admin1_gid, c.admin2_gid} - {None, c.gid}:
        out.append(("within", (gid, w)))  # type: ignore[arg-type]
    return out


def _container(doc: Any, it: _Item, nxt: _Item | None) -> Candidate | None:
    """The place named right after ", " ("Alexandria, La."), if any."""
    if nxt is None or nxt.start_char - it.end_char > 3 or "," not in doc_text(doc)[it.end_char : nxt.start_char]:
        return None
    big = [c for c in nxt.candidates if c.kind in (_COUNTRY, _ADMIN1, _ADMIN2)]
    return big[0] if big else None


def _inside(c: Candidate, container: Candidate) -> bool:
    if container.kind == _COUNTRY:
        return c.country == container.country and c.kind != _COUNTRY
    if container.kind == _ADMIN1:
        return c.admin1_gid == container.gid and c.gid != container.gid
    return c.admin2_gid == container.gid and c.gid != container.gid


# --------------------------------------------------------------------------
# Places, metonymy and relative phrases
# --------------------------------------------------------------------------

def _place(doc: Any, article_id: str, it: _Item, gazetteer: Gazetteer) -> Place:
    c = it.best
    kind = c.kind if c else None
    in_org = it.mention.source == ORG_SOURCE
    metonymic = it.demonym or in_org or (metonymic_use(doc, it.mention, c) if c else False)
    place = Place(
        text=it.text,
        evidence=Evidence(article_id=article_id, start=it.start_char, end=it.end_char, text=it.text),
        name=c.name if c else None,
        gazetteer_id=c.gid if c else None,
        kind=kind,
        lat=c.lat if c else None,
        lon=c.lon if c else None,
        admin1=c.admin1 if c else None,
        country=c.country if c else None,
        # a place's own precision when its point is coarser than its kind says (a postal point)
        precision=(c.precision or PRECISION.get(kind)) if c and kind else None,
        metonymic=metonymic,
        reason=("demonym of the country" if it.demonym else it.reason)
        + ("; part of an organisation's name" if in_org else "")
        + ("; names a government (metonym)" if metonymic and not (it.demonym or in_org) else ""),
        score=round(it.score, 3),
    )
    if c is None or metonymic:
        return place
    place = with_shape_division(place, gazetteer)
    return relative_place(doc, article_id, it.mention, it.end_char, c, place, gazetteer) or place

