"""Toponym resolution: pick a gazetteer entry for each mention, and say why.

Candidates are scored by population, feature kind, kind words around the name
("the Dnipro River", "Kherson region", "city of X"), and the other places in
the article (a country, first- or second-order division named elsewhere).
Metonyms ("Kyiv's troops", "Moscow said", "the Kremlin") are flagged, and
relative phrases ("20 km north of Izium", "near Bakhmut", "the west bank of the
Dnipro") become RELATIVE places with an anchor and a coarser precision.

Split by concern: geo.items (the record of each mention and how it is made), geo.containers (the division
written next to a name), geo.scoring (choosing among the candidates); this module runs them in order and
makes the Places.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from frontlines.stages import doc_datelines, doc_text, sentence_start
from frontlines.geo import context
from frontlines.geo.anaphora import story_places
from frontlines.geo.containers import apply_containers, region_of_city
from frontlines.geo.districts import districts_of_cities
from frontlines.geo.featurenames import village_features
from frontlines.geo.coherence import far_namesakes, far_partials, stray_namesakes
from frontlines.geo.items import Item, make_item
from frontlines.geo.othernames import drop_foreign_alternates, sound_alike
from frontlines.geo.neighbours import narrow_to_neighbours
from frontlines.geo.relative import relative_place
from frontlines.geo.scoring import choose, outlet_country
from frontlines.geo.shapes import with_shape_division
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.lists import agree_with_list
from frontlines.geo.metonymy import metonymic_use, site_named_after
from frontlines.geo.recognise import Mention
from frontlines.geo.lexicon import ORG_SOURCE
from frontlines.records import Evidence, Place, PlaceKind, Precision

PRECISION = {
    PlaceKind.SETTLEMENT: Precision.EXACT, PlaceKind.FACILITY: Precision.EXACT,
    PlaceKind.ADMIN2: Precision.ADMIN2, PlaceKind.ADMIN1: Precision.ADMIN1,
    PlaceKind.COUNTRY: Precision.COUNTRY, PlaceKind.CONTINENT: Precision.REGION,
    PlaceKind.RIVER: Precision.REGION, PlaceKind.SEA: Precision.REGION, PlaceKind.REGION: Precision.REGION,
}


def resolve_mentions(
    doc: Any, article_id: str, mentions: Sequence[Mention], gazetteer: Gazetteer, *, source: str | None = None,
    occupiers: Mapping[str, str] | None = None,  # the actor registry's wars of occupation (geo.theatres)
) -> tuple[Place, ...]:
    """Resolve each mention to a Place; mentions that match no gazetteer entry are dropped.

    ``source`` is the outlet (a domain such as "thetowntalk.com"); a country-code
    domain lends its country a small prior.
    """
    every = [make_item(doc, m, gazetteer) for m in mentions]
    sound_alike(doc, every, gazetteer)
    drop_foreign_alternates(doc, every, gazetteer)
    items = [it for it in every if it.candidates]
    features = [it for it in every if not it.candidates and it.feature]
    ents = tuple(doc.ents) if items else ()  # spaCy builds the entity spans on each access: once here
    feature_spans = frozenset((f.start_char, f.end_char) for f in features)
    extra = apply_containers(doc, article_id, items, gazetteer, ents, feature_spans)
    narrow_to_neighbours(doc, items)  # "the village of Andriivka south of Bakhmut": the Andriivka near Bakhmut
    if items:
        choose(doc, items, gazetteer, outlet_country(source), ents, occupiers)
    for it in items:
        region_of_city(it, gazetteer)
    text = doc_text(doc)
    districts_of_cities(doc, article_id, items, text)  # "the Kiev region of Donetsk": a district of the city
    for it, c in agree_with_list(text, items):
        it.best = c
        it.reason = f"listed among places of its kind ({c.kind.value}); {it.reason}"
    far_parts = (far_partials(items) | far_namesakes(items) | stray_namesakes(items)
                 | context.owned_far(text, items) | village_features(items))
    places = [it.override or _place(doc, article_id, it, gazetteer) for it in items
              if (it.override is not None or it.best is not None) and id(it) not in far_parts]
    features = [*features, *(it for it in items if id(it) in far_parts)]
    places.extend(extra)
    datelines = doc_datelines(doc)
    places.extend(p for p in (context.place_feature(article_id, f, items, far_parts, text, _sent_start(doc, f), datelines)
                              for f in features) if p is not None)
    places.extend(story_places(doc, article_id, places, gazetteer))
    if datelines:
        places = [_mark_dateline(p, datelines) for p in places]
    return tuple(sorted(places, key=lambda p: (p.evidence.start, p.evidence.end)))


def _sent_start(doc: Any, it: Item) -> int | None:
    """The token where the sentence of ``it`` starts; None for a Doc with no sentences (a test's stand-in)."""
    if not hasattr(doc, "user_data") or not doc.has_annotation("SENT_START"):
        return None
    return sentence_start(doc[it.mention.start])


def _mark_dateline(place: Place, spans: list[tuple[int, int]]) -> Place:
    if any(a <= place.evidence.start and place.evidence.end <= b for a, b in spans):
        return replace(place, reason=f"{context.DATELINE_REASON}: where the report was filed; {place.reason}")
    return place


# --------------------------------------------------------------------------
# Places, metonymy and relative phrases
# --------------------------------------------------------------------------

def _place(doc: Any, article_id: str, it: Item, gazetteer: Gazetteer) -> Place:
    c = it.best
    kind = c.kind if c else None
    in_org = it.mention.source == ORG_SOURCE
    site = in_org and site_named_after(doc, it.mention, c)  # "at Dhaka University": the site stands in the town
    in_org = in_org and not site
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
        + ("; part of the name of a site that stands in it" if site else "")
        + ("; names a government (metonym)" if metonymic and not (it.demonym or in_org) else ""),
        score=round(it.score, 3),
    )
    if c is None or metonymic:
        return place
    place = with_shape_division(place, gazetteer)
    return relative_place(doc, article_id, it.mention, it.end_char, c, place, gazetteer) or place
