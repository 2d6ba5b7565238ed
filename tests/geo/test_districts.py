"""geo.districts: "the X region of <city>" names a district of the city, placed at the city."""

from __future__ import annotations

import pytest

from frontlines.records import Precision


@pytest.mark.parametrize(
    ("text", "name", "admin1", "lat"),
    [
        # a district named after a place elsewhere (Kyiv) is placed at the city it is "of"
        ("A man was killed during the shelling of the Kiev region of Donetsk.", "Kiev", "Donetsk Oblast", 48.02),
        # negatives: a division "of" a country stays the division; a name that is also a place in the city's own
        # region is a district of that region, read as before
        ("Russian troops shelled the Kherson region of Ukraine.", "Kherson", "Kherson Oblast", 46.7),
        ("Shelling continued in the Bakhmut region of Donetsk.", "Bakhmut", "Donetsk Oblast", 48.15),
    ],
)
def test_a_region_of_a_city_is_a_district_of_it(places, text: str, name: str, admin1: str, lat: float) -> None:
    place = next(p for p in places(text) if p.text == name)
    assert place.admin1 == admin1
    assert round(place.lat, 2) == lat


def test_the_city_after_a_district_is_the_city_not_its_region(places) -> None:
    # "region of Donetsk" would make Donetsk the oblast; the kind word is the district's
    donetsk = next(p for p in places("A man was killed during the shelling of the Kiev region of Donetsk.")
                   if p.text == "Donetsk")
    assert donetsk.precision == Precision.EXACT
