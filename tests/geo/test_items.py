"""geo.items: the record of one mention (its candidates, the kind word beside it, "the" before it, a local
feature the gazetteer lacks, a demonym's nation), and demonym_places."""

from __future__ import annotations

import pytest

from frontlines.geo.items import demonym_places, make_item
from frontlines.geo.recognise import Mention
from frontlines.records import PlaceKind


def _item_at(nlp, gazetteer, text: str, name: str, source: str = "ner"):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    return make_item(doc, Mention(span.start, span.end, source), gazetteer)


@pytest.mark.parametrize(
    ("text", "name", "hint", "article"),
    [
        ("Evacuations began in the Kherson region.", "Kherson", PlaceKind.ADMIN1, True),
        ("They crossed the Dnipro River at dawn.", "Dnipro", PlaceKind.RIVER, True),
        ("Shelling hit the city of Izium overnight.", "Izium", PlaceKind.SETTLEMENT, False),
        # a plural kind word after a pair names both
        ("Drones struck the Kherson and Dnipropetrovsk regions.", "Kherson", PlaceKind.ADMIN1, True),
        # negatives: no kind word beside the name; a kind word that is not the next word
        ("Missiles struck Dnipro on Monday.", "Dnipro", None, False),
        ("Kherson said the region was calm.", "Kherson", None, False),
    ],
)
def test_kind_word_and_article(nlp, gazetteer, text, name, hint, article) -> None:
    it = _item_at(nlp, gazetteer, text, name)
    assert (it.hint, it.article) == (hint, article), it
    assert it.text == name and text[it.start_char:it.end_char] == name


@pytest.mark.parametrize(
    ("text", "name", "feature", "demonym", "country"),
    [
        # a handed-over name the gazetteer lacks, written with a feature's head word: a local feature
        ("Shops on Royal Street were shut.", "Royal Street", True, False, None),
        # a people's name handed over as a toponym is its nation
        ("Sudanese officials met in the capital.", "Sudanese", False, True, "SDN"),
        # negatives: a known town is neither; a word in lower case is no name at all
        ("Missiles struck Dnipro on Monday.", "Dnipro", False, False, "UKR"),
        ("Officials said they were ready.", "they", False, False, None),
    ],
)
def test_feature_and_demonym(nlp, gazetteer, text, name, feature, demonym, country) -> None:
    it = _item_at(nlp, gazetteer, text, name, source="gold")
    assert (it.feature, it.demonym) == (feature, demonym), it
    assert (it.candidates[0].country if it.candidates else None) == country


@pytest.mark.parametrize(
    ("text", "name", "modifier"),
    [
        ("Aid reached the Bentiu camp on Monday.", "Bentiu", True),
        # negative: a verb after the name
        ("Aid reached Bentiu on Monday.", "Bentiu", False),
    ],
)
def test_a_noun_after_the_name(nlp, gazetteer, text, name, modifier) -> None:
    assert _item_at(nlp, gazetteer, text, name).modifier is modifier


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Ohioans", "Ohio", "USA"),
        ("Texan", "Texas", "USA"),
        ("Londoner", "London", "GBR"),
        ("Dagestani", "Dagestan", "RUS"),
        ("South Ossetians", "South Ossetia", "GEO"),
        ("Smithers", None, None),  # a surname-like word that rewrites to a village: no place
        ("Baker", None, None),
        ("Sam", None, None),  # too short to rewrite
    ],
)
def test_demonym_places(gazetteer, text, name, country) -> None:
    found = demonym_places(text, gazetteer)
    if name is None:
        assert found == ()
    else:
        assert found[0].name.startswith(name) and found[0].country == country
