"""geo.theatres: an occupier's armed forces named in a text vote for the land of its war, not for its home."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontlines.actors.registry import load_actor_registry
from frontlines.geo.theatres import war_lands
from frontlines.pipeline import Resources, StageInput
from frontlines.records import Article, Place


@pytest.fixture(scope="module")
def war_places(nlp, gazetteer) -> Callable[[str], tuple[Place, ...]]:  # noqa: ANN001
    """The places stage with the actor registry (its wars of occupation) in the resources."""
    from frontlines.geo import extract_places

    resources = Resources(nlp=nlp, gazetteer=gazetteer, actors=load_actor_registry())

    def run(text: str) -> tuple[Place, ...]:
        return extract_places(StageInput(nlp(text), Article(id="t", text=text), resources, {}))

    return run


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the occupier's forces or fire at work: the namesake in the occupied land
        ("Russian troops shelled the liberated Volchansk, there are dead.", "Volchansk", "UKR"),
        ("Russians shell Seversk from artillery.", "Seversk", "UKR"),
        ("Seversk hit by Russian glide bombs.", "Seversk", "UKR"),
        # the occupied side's forces vote for their land as before
        ("Ukrainian missiles hit Tokmak.", "Tokmak", "UKR"),
        # negatives: the occupier's people named otherwise, or no people at all: the largest namesake
        ("Russian officials visited Seversk on Monday.", "Seversk", "RUS"),
        ("Police detained protesters in Seversk.", "Seversk", "RUS"),
    ],
)
def test_an_occupiers_forces_point_to_the_occupied_land(war_places, text: str, name: str, country: str) -> None:  # noqa: ANN001
    place = next(p for p in war_places(text) if p.text == name)
    assert place.country == country, (place.name, place.reason)


@pytest.mark.parametrize(
    ("text", "occupiers", "expected"),
    [
        ("Russian troops shelled the town.", {"UKR": "RUS"}, {"UKR"}),
        ("Israeli strikes hit the camp.", {"PSE": "ISR"}, {"PSE"}),
        # negatives: no war registered; an occupier of two lands points to neither; a people named as no force
        ("Russian troops shelled the town.", {}, {"RUS"}),
        ("Russian troops shelled the town.", {"UKR": "RUS", "GEO": "RUS"}, {"RUS"}),
        ("The Russian president visited the town.", {"UKR": "RUS"}, {"RUS"}),
    ],
)
def test_war_lands(nlp, gazetteer, text: str, occupiers: dict, expected: set) -> None:  # noqa: ANN001
    people = {"Russian": "RUS", "Israeli": "ISR"}
    nations = {iso for word, iso in people.items() if word in text}
    assert war_lands(nlp(text), nations, gazetteer, occupiers) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each use of a people's name is read on its own: an armed use after an unarmed one of the same word counts
        ("Russian officials said Russian troops shelled the town.", {"UKR"}),
        ("Russian troops shelled the town, Russian officials said.", {"UKR"}),
        # negatives: the name only in unarmed uses, and a people's name in small letters (no name read)
        ("Russian officials said the Russian president visited the town.", {"RUS"}),
        ("russian troops shelled the town.", {"RUS"}),
    ],
)
def test_war_lands_reads_each_use(nlp, gazetteer, text: str, expected: set) -> None:  # noqa: ANN001
    assert war_lands(nlp(text), {"RUS"}, gazetteer, {"UKR": "RUS"}) == expected
