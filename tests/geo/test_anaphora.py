"""Story places named by a common noun: "the capital", "Somalia's capital", "the town", "the region"."""

from __future__ import annotations

import pytest

from frontlines.geo.anaphora import is_anaphor


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Two car bombs exploded at a busy junction in Somalia's capital on Saturday.", "Somalia's capital", "Mogadishu"),
        ("Fighting raged across Sudan. Warplanes struck the south of the capital.", "the capital", "Khartoum"),
        ("Gangs attacked Port-au-Prince. A prison on the capital's edge was overrun.", "the capital", "Port-au-Prince"),
        ("Russian troops captured Izium in April. Ukrainian troops drove into the town on Saturday.", "the town",
         "Izyum"),
        ("Shells hit the Kherson region overnight. Power was cut across the region.", "the region", "Kherson Oblast"),
        # "of" followed by no name: the noun still refers back
        ("The MNDAA attacked Lashio in June. Fighting went on around the city of some 150,000 people.", "the city",
         "Lashio"),
        # where troops came from is not where they went: the origin in the noun's sentence is skipped
        ("Ukraine retook Izium on Saturday, when troops advancing from Balakliia drove into the town.", "the town",
         "Izyum"),
        # a place named as an owner or as a kind is not where the story is: the town before them is
        ("Ukraine retook Izium on Saturday. Russia said its troops would reinforce the Donetsk front, a claim "
         "few in Moscow's press accepted. Zelensky toured the town on Wednesday.", "the town", "Izyum"),
        # a place that modifies an area noun still names where things are
        ("Fighting flared in the Bakhmut area. Troops left the town on Sunday.", "the town", "Bakhmut"),
    ],
)
def test_story_places(places, text: str, phrase: str, name: str) -> None:
    found = [p for p in places(text) if p.text == phrase]
    assert found and found[0].name == name and is_anaphor(found[0]), [(p.text, p.name) for p in places(text)]


@pytest.mark.parametrize(
    "text",
    [
        # the name follows: the toponym is the place, the noun no story place
        "The city of Hama fell on Thursday.",
        # nothing named before it to refer to; no country named for "the capital"
        "Residents fled the town on Monday.",
        "Protesters marched through the capital.",
        # a region is not a town: "the town" needs a settlement before it
        "Shelling hit the Kherson region. Residents left the town.",
        # a national capital is never "the town"
        "Officials in Moscow met on Monday. Russian troops captured the town in April.",
        # an apposition describes the name before it; "the capital of" something not a country
        "Fighting spread across Sudan. The RSF entered Wad Madani, the capital of Gezira state, on Monday.",
        "Fighting spread across Sudan. Troops reached the capital of Gezira state on Monday.",
        # the only settlement before it is the origin
        "Troops advancing from Balakliia drove into the town on Saturday.",
    ],
)
def test_no_story_place_without_an_antecedent(places, text: str) -> None:
    assert not [p for p in places(text) if is_anaphor(p)]


def test_story_places_are_not_toponyms_for_the_scorer() -> None:
    from frontlines.eval.runner import geo_predictions
    from frontlines.records import Evidence, Place

    ev = Evidence(article_id="a", start=0, end=8, text="the town")
    story = Place(text="the town", evidence=ev, name="Izyum", lat=49.2, lon=37.3, reason="story place: x")
    named = Place(text="Izium", evidence=ev, name="Izyum", lat=49.2, lon=37.3, reason="only candidate")
    assert [p.text for p in geo_predictions([story, named])] == ["Izium"]
