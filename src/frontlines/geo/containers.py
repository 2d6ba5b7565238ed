"""Containers: the division written next to a name ("Moura, Mali", "Orekhov, Zaporozhye", "X in central R")
narrows the name to its places inside that division, or places it there when it has none; a name so placed is
placed there again where it stands alone; a region word after a city's name ("Kharkov oblast") is the city's
division. Split from geo.resolve."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from frontlines.stages import doc_text
from frontlines.geo import context
from frontlines.geo.eponyms import EPONYM_TOWN_POP
from frontlines.geo.gazetteer import Candidate, Gazetteer, normalise_name
from frontlines.geo.items import Item, make_item
from frontlines.geo.lexicon import load_place_lexicon
from frontlines.geo.recognise import Mention
from frontlines.records import Evidence, Place, PlaceKind

_DIVISION_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY})


def region_of_city(it: Item, gazetteer: Gazetteer) -> None:
    """"Dnepropetrovsk region", "Kharkov oblast" written with a city's (old) name the gazetteer knows
    only for the city: the region is the city's first-order division."""
    c = it.best
    if it.hint != PlaceKind.ADMIN1 or c is None:
        return
    region = _city_region(c, gazetteer)
    if region is not None:
        it.best = region
        it.reason = f"the region of {c.name} (a region word follows a city's name); {it.reason}"


def apply_containers(doc: Any, article_id: str, items: list[Item], gazetteer: Gazetteer,
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
    added: list[Item] = []
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


def _same_name_same_place(article_id: str, items: list[Item]) -> None:
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


def _own_names_first(cands: tuple[Candidate, ...], text: str) -> tuple[Candidate, ...]:
    """Places whose own name this is (or a spelling of it: "Kupiansk" for Kupyansk), before places
    that only once bore it (Malynivka, formerly Novoselivka)."""
    key = normalise_name(text)
    own = tuple(c for c in cands if c.main or difflib.SequenceMatcher(None, key, normalise_name(c.name)).ratio() >= 0.75)
    return own or cands


def _divisions(it: Item, gazetteer: Gazetteer) -> list[Candidate]:
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
    if c.kind != PlaceKind.SETTLEMENT or c.population < EPONYM_TOWN_POP or not c.admin1_gid:
        return None
    return gazetteer.get(c.admin1_gid)


def _known_inside(doc: Any, start: int, end: int, division: Candidate, gazetteer: Gazetteer) -> Item | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    it = make_item(doc, Mention(span.start, span.end, "container"), gazetteer)
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
