"""geo.scoring: priors, the article's votes, the outlet's country, and the division named after a town."""

from __future__ import annotations

import pytest

from frontlines.geo.gazetteer import Candidate
from frontlines.geo.scoring import _named_after_a_town, _votes, outlet_country
from frontlines.pipeline import StageInput
from frontlines.records import Article, PlaceKind


def _c(gid: str, name: str, kind: PlaceKind, pop: int = 3_000_000, admin1_gid: str | None = None,
       country: str = "UKR") -> Candidate:
    return Candidate(rowid=0, gid=gid, name=name, kind=kind, lat=50.4, lon=30.5, country=country, admin1=None,
                     admin1_gid=admin1_gid, admin2_gid=None, population=pop, capital=False, metonym=False,
                     main=True)


@pytest.mark.parametrize(
    ("source", "iso3"),
    [
        ("example.co.uk", "GBR"),
        ("news.example.ca", "CAN"),
        ("https://www.example.com.ua/2022/11/story", "UKR"),
        ("example.de", "DEU"),
        ("example.com", None),  # a generic domain says nothing about the home country
        ("en.example.org", None),
        ("example.tv", None),  # ccTLDs rented worldwide
        ("", None),
        (None, None),
    ],
)
def test_outlet_country(source, iso3) -> None:
    assert outlet_country(source) == iso3


def _gold(nlp, resources, text: str, toponym: str, source: str | None = None):
    from frontlines.geo import resolve_spans

    doc = nlp(text)
    start = text.index(toponym)
    inp = StageInput(doc, Article(id="g", text=text, source=source), resources, {})
    got = [p for p in resolve_spans(inp, [(start, start + len(toponym))]) if p.text == toponym]
    return got[0] if got else None


def test_outlet_country_breaks_a_tie(nlp, resources) -> None:
    text = "The council of London approved the new bridge."
    assert _gold(nlp, resources, text, "London").country == "GBR"  # no outlet: the capital
    # the outlet's country alone does not move a capital abroad; it only tips near-ties
    assert _gold(nlp, resources, text, "London", source="example.ca").country == "GBR"
    assert _gold(nlp, resources, text, "London", source="example.com").country == "GBR"


@pytest.mark.parametrize(
    ("cands", "expected"),
    [
        # "Kyiv Oblast" beside the city of Kyiv (a division of its own, so not inside it): named after the town
        ((_c("o", "Kyiv Oblast", PlaceKind.ADMIN1), _c("c", "Kyiv", PlaceKind.SETTLEMENT)), {"o"}),
        # negatives: the town in another country; a town of no recorded population; a county (often meant bare)
        ((_c("o", "Kyiv Oblast", PlaceKind.ADMIN1), _c("c", "Kyiv", PlaceKind.SETTLEMENT, country="USA")), set()),
        ((_c("o", "Kyiv Oblast", PlaceKind.ADMIN1), _c("c", "Kyiv", PlaceKind.SETTLEMENT, pop=0)), set()),
        ((_c("d", "Douglas County", PlaceKind.ADMIN2), _c("c", "Douglas", PlaceKind.SETTLEMENT)), set()),
    ],
)
def test_a_division_named_after_a_town(cands, expected) -> None:
    assert set(_named_after_a_town(cands)) == expected


def test_votes_of_a_town() -> None:
    town = _c("t", "Irpin", PlaceKind.SETTLEMENT, pop=60_000, admin1_gid="o")
    assert _votes(town, 1.0) == [("country", ("UKR", 1.0)), ("admin1", ("o", 0.5)), ("within", ("o", 1.0))]
    # negative: a country votes for itself only
    assert _votes(_c("u", "Ukraine", PlaceKind.COUNTRY), 0.5) == [("country", ("UKR", 0.5))]


@pytest.mark.parametrize(
    ("text", "toponym", "kind", "admin1"),
    [
        # a division named after a town that is a division of its own ("Kyiv Oblast" beside the city of Kyiv):
        # the bare name is the town, though the article names places in the division
        ("Russian troops shelled Bucha, Irpin and Brovary on Monday. Kyiv said the attacks had failed.", "Kyiv",
         PlaceKind.SETTLEMENT, "Kyiv City"),
        # written with its kind word it is the division
        ("Russian troops shelled Bucha, Irpin and Brovary in the Kyiv region on Monday.", "Kyiv", PlaceKind.ADMIN1,
         "Kyiv Oblast"),
    ],
)
def test_a_division_named_after_a_town_is_not_its_bare_name(places, text, toponym, kind, admin1) -> None:
    found = {p.text: p for p in places(text)}
    assert toponym in found, found
    assert (found[toponym].kind, found[toponym].admin1) == (kind, admin1), found[toponym]

