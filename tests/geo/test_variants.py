"""geo.variants.name_variants: other ways to look up a name the gazetteer lacks as written; a
country's name that a name-making word turns into another place's ("New Guinea") places it nowhere."""

from __future__ import annotations

import pytest

from frontlines.geo.variants import PART_HINT, name_variants, spelling_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's name inside another place's name: neither the country nor a namesake of its name
        ("New Guinea", set()),
        ("Little Haiti", set()),
        # negative: a direction before a country's name names a part of it; a state's form names the country
        ("Northern Syria", {"SYR"}),
        # negative: a town's name inside a longer name is still looked up by its part
        ("Upper Kherson", {"UKR"}),
    ],
)
def test_a_country_name_held_in_a_longer_name(gazetteer, text: str, expected: set[str]) -> None:
    found, hint = name_variants(text, gazetteer)
    assert {c.country for c in found[:1]} == expected, found[:3]
    assert hint == (PART_HINT if expected else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Papua, the western half of the island of New Guinea, was a Dutch colony.", ["Papua"]),
        # negative: the island's own country is found whole
        ("Police in Papua New Guinea said five were killed.", ["Papua New Guinea"]),
    ],
)
def test_new_guinea_is_no_guinea(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text) if p.lat is not None] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Arabic name's closing ta marbuta written "-ah" where the gazetteer has "-a"
        ("Hodeidah", {"YEM"}),
        # negative: a word too short to carry the ending keeps no variant ("Ayah" is no "Aya")
        ("Ayah", set()),
    ],
)
def test_an_arabic_closing_ah_is_looked_up_as_a(gazetteer, text: str, expected: set[str]) -> None:
    found, hint = name_variants(text, gazetteer)
    assert {c.country for c in found[:1]} == expected, found[:3]
    assert hint is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # another romanisation of the name (an exonym no weaker than the main name), any case or accent
        ("Odessa", "Odesa", True),
        ("Kharkov", "Kharkiv", True),
        ("zaporizhzhya", "Zaporizhzhia", True),
        # negatives: a former name, another name, a different first letter
        ("Artemovsk", "Bakhmut", False),
        ("Bombay", "Mumbai", False),
        ("Kiev", "Tiev", False),
    ],
)
def test_spelling_of(text: str, name: str, expected: bool) -> None:
    assert spelling_of(text, name) is expected
