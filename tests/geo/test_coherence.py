"""Closeness between namesakes (geo.coherence): far namesakes of a local story's districts."""

from __future__ import annotations

import pytest

from frontlines.geo import resolve_spans
from frontlines.pipeline import StageInput
from frontlines.records import Article, PlaceKind, Precision


def _gold(nlp, resources, text: str, toponym: str, others: tuple[str, ...] = ()):
    """Resolve ``toponym`` given as a gold span, with ``others`` as the article's other gold spans."""
    doc = nlp(text)
    spans = [(text.index(t), text.index(t) + len(t)) for t in (toponym, *others)]
    inp = StageInput(doc, Article(id="g", text=text), resources, {})
    got = [p for p in resolve_spans(inp, spans) if p.text == toponym]
    return got[0] if got else None


@pytest.mark.parametrize(
    ("text", "toponym", "others", "anchor"),
    [
        # a small town on another continent sharing the name of a district of the story's town
        ("Libraries in Birmingham and Handsworth may close.", "Handsworth", ("Birmingham",), "Birmingham"),
        ("Police in Bengaluru said the blast hit a cafe in Whitefield.", "Whitefield", ("Bengaluru",),
         "Bengaluru"),
        ("Hundreds of homes in Sheffield lost water after a pipe burst near Hillsborough Park.",
         "Hillsborough Park", ("Sheffield",), "Sheffield"),
    ],
)
def test_far_small_namesake_is_a_district(nlp, resources, text, toponym, others, anchor) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.kind == PlaceKind.FACILITY and place.anchor == anchor, place
    assert place.precision == Precision.NEAR and "local feature" in place.reason


@pytest.mark.parametrize(
    ("text", "toponym", "others", "country"),
    [
        # negative: the namesake's country is named in the story
        ("Doctors in Birmingham treated a man from Handsworth, Canada.", "Handsworth", ("Birmingham", "Canada"),
         "CAN"),
        # negative: the story's places lie in several countries (an international story)
        ("Flights from Birmingham and Paris reached Whitefield.", "Whitefield", ("Birmingham", "Paris"), "GBR"),
        # negative: a town of the neighbouring country is no district (an outbreak spreads across a border)
        ("Cases rose in Freetown and then in Gueckedou.", "Gueckedou", ("Freetown",), "GIN"),
        # negative: a small town's story has no districts to share a name with
        ("Police in Rolling Fork said a man from Handsworth was arrested.", "Handsworth", ("Rolling Fork",), "CAN"),
        # negative: a large foreign city is not a district's namesake
        ("Police in Bengaluru arrested a man who had flown to Toronto.", "Toronto", ("Bengaluru",), "CAN"),
    ],
)
def test_foreign_namesake_kept(nlp, resources, text, toponym, others, country) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.kind != PlaceKind.FACILITY and place.country == country, place


@pytest.mark.parametrize(
    ("text", "toponym", "others", "anchor", "country"),
    [
        # "the X" that only a small town far from the story bears is a river or feature the gazetteer
        # lacks (geo v58): the Ganges in Varanasi is not Ganges, British Columbia
        ("Pilgrims from Nepal bathed in the Ganges at Varanasi.", "Ganges", ("Nepal", "Varanasi"), "Varanasi", "IND"),
        ("Pilgrims from Nepal and Bihar bathed in the Ganges near Patna.", "Ganges", ("Nepal", "Bihar", "Patna"),
         "Patna", "IND"),
        # negatives: a town that takes its article in its name stays; a small town near the story stays
        ("Wildfires hit The Dalles and Hood River on Monday.", "Dalles", ("Hood River",), None, "USA"),
        ("Pilgrims left the Ganges behind and reached Montpellier by train.", "Ganges", ("Montpellier",), None,
         "FRA"),
        # negatives: "the" before a name that modifies a noun is the noun's (Bentiu lies 500 km from Juba)
        ("Cholera spread in the Bentiu camp after floods, officials in Juba said.", "Bentiu", ("Juba",), None,
         "SSD"),
        ("Aid reached the Bentiu area by air from Juba.", "Bentiu", ("Juba",), None, "SSD"),
    ],
)
def test_a_small_town_named_with_the_far_from_the_story_is_a_feature(nlp, resources, text, toponym, others,
                                                                      anchor, country) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.country == country and place.anchor == anchor, place
    if anchor is not None:
        assert place.kind == PlaceKind.FACILITY and place.precision == Precision.NEAR


@pytest.mark.parametrize(
    ("text", "toponym", "others"),
    [
        # a small town abroad, far from a one-country story that names its country nowhere: a village of the
        # story the gazetteer lacks (Soro, Odisha in a Burkina Faso story), placed at the story's town
        ("Soldiers killed villagers in Soro, officials in Ouagadougou, Kaya and Ouahigouya said.", "Soro",
         ("Ouagadougou", "Kaya", "Ouahigouya")),
        # the story may name one place elsewhere (an NGO's dateline) and needs no large city
        ("NAIROBI - Soldiers killed villagers in Soro, near Titao, Kaya and Ouahigouya, officials in Ouagadougou "
         "said.", "Soro", ("NAIROBI", "Titao", "Kaya", "Ouahigouya", "Ouagadougou")),
        # a kind word that says the name is no town does not shield the namesake (geo v99)
        ("Bodies were recovered from the Soro river, officials in Ouagadougou, Kaya and Ouahigouya said.", "Soro",
         ("Ouagadougou", "Kaya", "Ouahigouya")),
    ],
)
def test_stray_small_namesake_is_a_local_place(nlp, resources, text, toponym, others) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.kind == PlaceKind.FACILITY and place.country == "BFA", place
    assert "local feature" in place.reason


@pytest.mark.parametrize(
    ("text", "toponym", "others", "country"),
    [
        # negative: the namesake's country is named in the story
        ("Soldiers killed villagers in Soro, officials in Ouagadougou, Kaya and India said.", "Soro",
         ("Ouagadougou", "Kaya", "India"), "IND"),
        # negative: too few places to say what the story is about
        ("Soldiers killed villagers in Soro, officials in Titao said.", "Soro", ("Titao",), "IND"),
        # negative: a settlement word next to the name still narrows it, as before v99
        ("Soldiers killed villagers in the village of Soro, officials in Ouagadougou, Kaya and India said.", "Soro",
         ("Ouagadougou", "Kaya", "India"), "IND"),
        # negative: a small town over a border near the story's places (Shebekino, 40 km from Vovchansk)
        ("Shelling hit Kharkiv, Vovchansk, Kupiansk and Shebekino.", "Shebekino",
         ("Kharkiv", "Vovchansk", "Kupiansk"), "RUS"),
    ],
)
def test_foreign_small_namesake_kept(nlp, resources, text, toponym, others, country) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.kind != PlaceKind.FACILITY and place.country == country, place


@pytest.mark.parametrize(
    ("text", "toponym", "others", "kind", "country"),
    [
        # a region the gazetteer lacks, known only by a part that names a division abroad
        ("Police in Birmingham and Coventry said cases rose across the West Midlands.", "West Midlands",
         ("Birmingham", "Coventry"), PlaceKind.FACILITY, "GBR"),
        ("Aid reached Port-au-Prince and Hinche, and the Central Plateau was cut off.", "Central Plateau",
         ("Port-au-Prince", "Hinche"), PlaceKind.FACILITY, "HTI"),
        # negative: a division of the story's own country bearing a part of the name holds it
        ("Flooding hit Kristiansand and Arendal in Aust-Agder.", "Aust-Agder", ("Kristiansand", "Arendal"),
         None, "NOR"),
        # negative: what a name is "of" is where it lies
        ("A ship left Vancouver for the Gulf of Alaska.", "Gulf of Alaska", ("Vancouver",), None, "USA"),
    ],
)
def test_partial_division_abroad_is_a_local_region(nlp, resources, text, toponym, others, kind, country) -> None:
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.country == country, place
    assert (place.kind == kind) if kind else place.kind != PlaceKind.FACILITY, place


@pytest.mark.parametrize(
    ("hint", "kind", "expected"),
    [
        (PlaceKind.RIVER, PlaceKind.SETTLEMENT, True),  # "the Barak river" borne by a village abroad
        (PlaceKind.ADMIN2, PlaceKind.SETTLEMENT, True),  # "Mugi district" borne by a village abroad
        (PlaceKind.ADMIN1, PlaceKind.REGION, False),  # a province word allows a region
        (PlaceKind.RIVER, PlaceKind.RIVER, False),
        (PlaceKind.SETTLEMENT, PlaceKind.SETTLEMENT, False),  # a settlement word speaks for the town
        (PlaceKind.SETTLEMENT, PlaceKind.FACILITY, False),
        (PlaceKind.RIVER, None, False),
    ],
)
def test_a_kind_word_that_says_no_town(hint, kind, expected) -> None:
    from frontlines.geo.coherence import other_kind

    assert other_kind(hint, kind) is expected


# a Libyan story whose bare names "Juma" (of "Souq al-Juma") and "Hamza" (a man's name) are only small Uzbek villages
_PAIR_ABROAD = ("Clashes in Tripoli spread to Souq al-Juma overnight; flights from Misrata and Sirte were halted and "
                "Hamza was detained, officials in Libya{also} said.")
_PAIR_TOPONYMS = ("Juma", "Hamza", "Tripoli", "Misrata", "Sirte", "Libya")


@pytest.mark.parametrize("toponym", ["Juma", "Hamza"])
def test_two_stray_namesakes_of_one_country_do_not_vouch_for_each_other(nlp, resources, toponym) -> None:
    others = tuple(t for t in _PAIR_TOPONYMS if t != toponym)
    place = _gold(nlp, resources, _PAIR_ABROAD.format(also=""), toponym, others=others)
    assert place is not None and place.kind == PlaceKind.FACILITY and place.country == "LBY", place
    assert "local feature" in place.reason


@pytest.mark.parametrize("toponym", ["Juma", "Hamza"])
def test_stray_pair_kept_where_the_story_names_their_country(nlp, resources, toponym) -> None:
    # negative: the story names the namesakes' country, so it may well go there
    text = _PAIR_ABROAD.format(also=" and Uzbekistan")
    others = tuple(t for t in (*_PAIR_TOPONYMS, "Uzbekistan") if t != toponym)
    place = _gold(nlp, resources, text, toponym, others=others)
    assert place is not None and place.kind == PlaceKind.SETTLEMENT and place.country == "UZB", place


def _town(name: str, country: str, lat: float, lon: float, population: int):
    from frontlines.geo.gazetteer import Candidate

    return Candidate(rowid=0, gid=f"test:{name}", name=name, kind=PlaceKind.SETTLEMENT, lat=lat, lon=lon,
                     country=country, admin1=None, admin1_gid=None, admin2_gid=None, population=population,
                     capital=False, metonym=False, main=True)


def _settled(c):
    from frontlines.geo.items import Item
    from frontlines.geo.recognise import Mention

    return Item(mention=Mention(0, 1, "gold"), start_char=0, end_char=1, text=c.name, candidates=(c,), hint=None,
                article=False, best=c)


@pytest.mark.parametrize(
    ("abroad", "strays"),
    [
        (1, 1),  # one small namesake abroad: a stray, as before
        (2, 2),  # a pair of one country: neither vouches for the other, both stray
        (3, 0),  # negative: three small towns of one country are where the story goes
    ],
)
def test_stray_namesakes_pair_limit(abroad: int, strays: int) -> None:
    from frontlines.geo.coherence import stray_namesakes

    home = [_town(n, "LBY", 32.9 + k * 0.3, 13.2 + k * 0.5, 900_000) for k, n in enumerate(("Aa", "Bb", "Cc", "Dd"))]
    away = [_town(f"Far{k}", "UZB", 40.0 + k * 0.1, 67.0 + k * 0.1, 2_000) for k in range(abroad)]
    items = [_settled(c) for c in (*home, *away)]
    out = stray_namesakes(items)
    assert len(out) == strays and all(id(it) in out for it in items[len(home):]) == (strays == abroad)
