"""A city's districts written as "the X district of <city>" ("the Kiev region of Donetsk", "the
Kuibyshevsky district of Donetsk").

A name with a division's kind word after it is looked up as a division ("Kiev region": Kyiv's
region, hundreds of kilometres from Donetsk). But a first-order division is never "of" a town: a
division's kind word followed by "of" and a city's name makes the name one of the city's own
districts, named after a place elsewhere (Donetsk's Kyivskyi district, after Kyiv). Such a name is
placed as a local feature at the city. Where the name is also a place in the city's own region ("the
Bakhmut region of Donetsk") it is a district of that region, read as before.
"""

from __future__ import annotations

from typing import Any

from frontlines.geo.coherence import CITY_WITH_DISTRICTS, TOWN_KINDS
from frontlines.geo.context import feature_place
from frontlines.records import PlaceKind

# the kind words a city's district is written with in English (and in translations from Russian)
DISTRICT_WORDS = frozenset({"district", "region", "raion", "rayon", "borough", "neighbourhood", "neighborhood"})


def districts_of_cities(doc: Any, article_id: str, items: list[Any], text: str) -> None:
    """Give each name written "<name> <district word> of <city>" its place at the city (``items``:
    the resolver's mentions, in order, with their chosen candidates; sets their ``override``)."""
    by_start = {it.mention.start: it for it in items}
    for it in items:
        end = it.mention.end
        if it.override is not None or it.hint != PlaceKind.ADMIN1 or end + 2 >= len(doc):
            continue
        if doc[end].lower_ not in DISTRICT_WORDS or doc[end + 1].lower_ != "of":
            continue
        city_item = by_start.get(end + 2)
        if city_item is None or city_item.override is not None:
            continue
        # the city's name read after "region of" was taken for a region too: the kind word is the district's
        city = max((c for c in city_item.candidates if c.kind in TOWN_KINDS and c.population >= CITY_WITH_DISTRICTS),
                   key=lambda c: c.population, default=None)
        if city is None or any(c.admin1_gid == city.admin1_gid for c in it.candidates):
            continue  # "the Bakhmut region of Donetsk": a district of the region, which holds a place of that name
        if city_item.best is not city:
            city_item.best = city
            city_item.reason = f"a city with districts (\"{doc[end].text} of {city_item.text}\"); {city_item.reason}"
        it.override = feature_place(article_id, text[it.start_char:it.end_char], it.start_char, it.end_char, city,
                                    f"a district of {city.name} (written \"{doc[end].text} of {city_item.text}\")")
