"""Containers, datelines, local features and non-places (geo/context.py and the recogniser's
rules), each with negative cases. Village names here are chosen to be absent from, or
ambiguous in, the packaged gazetteer; the assertions hold whether or not a village is known."""

from __future__ import annotations

import pytest

from frontlines.geo.context import in_dateline
from frontlines.records import PlaceKind, Precision


def by_text(places, text: str):  # noqa: ANN001
    return next((p for p in places if p.text == text or p.text.endswith(" " + text)), None)


# --- containers decide ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "oblast"),
    [
        ("On 13 October 2022, Russian forces shelled near Zolota Nyva, Donetsk. Casualties unknown.",
         "Zolota Nyva", "Donetsk"),
        ("On 8 June 2023, Ukrainian forces clashed with Russian forces near Vuhlehirsk (Donetsk oblast).",
         "Vuhlehirsk", "Donetsk"),
        ("Russian forces shelled the village of Kindrashivka in the Kharkiv region on Friday.",
         "Kindrashivka", "Kharkiv"),
        # a settlement noun between the name and its division; any verb's object (irregular
        # forms the small model does not lemmatise); a name in another romanisation, by sound
        ("On 3 May 2023, Ukrainian forces retook Novodarivka village, Zaporizhzhia. No casualties.",
         "Novodarivka", "Zaporizh"),
        ("On 3 May 2023, Ukrainian troops retook Hrakove, Kharkiv Oblast, after heavy fighting.",
         "Hrakove", "Kharkiv"),
        ("On 2 May 2023, Russian aviation struck Velikaya Novoselka, Donetsk, with glide bombs.",
         "Velikaya Novoselka", "Donetsk"),
        ("On 2 May 2023, Russian aviation struck Gulyaypole (Zaporizhia region) with glide bombs.",
         "Gulyaypole", "Zaporizh"),
        # the soft sign romanised as an apostrophe inside the name; "the outskirts of" introduces a place
        ("On 2 August 2025, Russian forces fired rocket launchers at Olhivs'ke, Zaporizhzhia.", "Olhivs'ke", "Zaporizh"),
        # the NER runs a name and its division together as one entity ("Hlyboke, Kharkiv" FAC)
        ("On 11 May 2024, Russian and Ukrainian forces clashed near Hlyboke, Kharkiv oblast.", "Hlyboke", "Kharkiv"),
        ("On 3 July 2023, Russian forces shelled the outskirts of Znob-Novhorods\u2019ke in Sumy province.",
         "Znob-Novhorods\u2019ke", "Sumy"),
    ],
)
def test_a_name_goes_inside_the_division_written_next_to_it(places, text: str, name: str, oblast: str) -> None:
    found = places(text)
    village = by_text(found, name)
    assert village is not None, [p.text for p in found]
    assert village.admin1 is not None and oblast in village.admin1
    # never the city of the same name as the division
    division = next(p for p in found if p.text.startswith(oblast))
    assert division.kind == PlaceKind.ADMIN1, division


def test_unknown_name_is_placed_at_the_division_with_its_precision(places) -> None:
    found = places("On 13 October 2022, Russian forces shelled near Qwertyivka, Zaporizhzhia. Casualties unknown.")
    village = by_text(found, "Qwertyivka")
    assert village is not None
    assert village.precision == Precision.ADMIN1 and village.gazetteer_id is None
    assert "placed at" in village.reason and "Zaporizh" in (village.admin1 or "")


@pytest.mark.parametrize(
    ("text", "toponym", "kind"),
    [
        # a list of cities, not a city and its division
        ("Missiles hit Kyiv, Kharkiv and Odesa overnight.", "Kharkiv", PlaceKind.SETTLEMENT),
        ("Missiles hit Odesa, Kharkiv, Dnipro and Lviv.", "Kharkiv", PlaceKind.SETTLEMENT),
        # the name modifies a noun: "Kharkiv governor" is the city's (or region's) official, not a container
        ("Oleh Syniehubov, Kharkiv governor, said two people were hurt.", "Kharkiv", PlaceKind.SETTLEMENT),
    ],
)
def test_a_comma_alone_does_not_make_a_container(places, text: str, toponym: str, kind: PlaceKind) -> None:
    place = by_text(places(text), toponym)
    assert place is not None and place.kind == kind, place


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        # "X in (central|northern) R": X is inside R, whatever namesake the gazetteer knows elsewhere
        ("Soldiers killed 500 people in the village of Moura in central Mali in March 2022.", "Moura", "MLI", None),
        ("Three aid workers were killed during clashes in Kabkabiya in North Darfur.", "Kabkabiya", "SDN",
         "North Darfur"),
        # "X, in the R department of C": the division's kind word after a name the NER calls an ORG
        ("A gang attacked the town of Pont-Sonde, in the Artibonite department of Haiti, on Thursday.",
         "Pont-Sonde", "HTI", "Artibonite"),
    ],
)
def test_a_name_said_in_a_division_goes_inside_it(places, text: str, name: str, country: str,
                                                  admin1: str | None) -> None:
    place = by_text(places(text), name)
    assert place is not None and place.country == country, place
    assert admin1 is None or place.admin1 == admin1, place


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Russia in Istanbul ended on Tuesday.",  # a country is no place inside a city
        "Protesters attacked the embassies of Rwanda and the United States in Kinshasa on Tuesday.",
        "Missiles hit Kyiv, Kharkiv and Odesa overnight.",
    ],
)
def test_in_does_not_put_a_country_or_a_list_inside_a_city(places, text: str) -> None:
    found = places(text)
    assert all(p.country in ("RUS", "TUR", "UKR", "RWA", "USA", "COD") for p in found), found
    assert not any("not known in" in p.reason for p in found), found


def test_a_name_placed_by_its_division_keeps_that_place_where_it_stands_alone(places) -> None:
    found = [p for p in places("Soldiers killed 500 people in the village of Moura in central Mali in March 2022. "
                               "On 1 April 2022, the army said it had arrested 51 people in Moura.") if p.text == "Moura"]
    assert len(found) == 2 and all(p.country == "MLI" for p in found), found
    # a name never placed by a division is resolved on its own as before
    alone = by_text(places("On 1 April 2022, the army said it had arrested 51 people in Moura."), "Moura")
    assert alone is None or alone.country != "MLI"


def test_ohio_state_university_is_no_division_by_its_kind_word(places) -> None:
    place = by_text(places("Ohio State University students protested on Monday."), "Ohio")
    assert place is None or place.metonymic or "organisation" in place.reason


# --- names the gazetteer knows only in another language -----------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("UN High Commissioner for Human Rights Volker Türk said troops killed 500 people in Mali.", "Human"),
        ("UN High Commissioner for Human Rights Volker Türk said troops killed 500 people in Mali.", "Türk"),
    ],
)
def test_another_languages_name_of_a_town_abroad_is_no_place(places, text: str, word: str) -> None:
    assert by_text(places(text), word) is None


def test_another_name_of_a_big_city_or_of_a_town_in_the_story_stays(places) -> None:
    found = places("Russian forces shelled Kharkov overnight.")
    assert by_text(found, "Kharkov") is not None and by_text(found, "Kharkov").country == "UKR"
    found = places("On 14 March 2025, Russian aviation struck Hulyaipole, Zaporizhia, with glide bombs.")
    assert "Zaporizh" in (by_text(found, "Hulyaipole").admin1 or "")


def test_a_feature_named_after_a_town_of_the_story_is_placed_there(places) -> None:
    found = places("GOMA, Feb 17 - Drones attacked Goma international airport on Saturday. "
                   "The army blamed Rwanda. Goma has been under threat for weeks.")
    airport = by_text(found, "Goma international airport")
    assert airport is not None and airport.anchor == "Goma" and airport.precision == Precision.NEAR


def _given(nlp, resources, text: str, names: tuple[str, ...]):  # noqa: ANN001
    """The places of ``names`` handed over as gold spans, by text."""
    from frontlines.geo import resolve_spans
    from frontlines.pipeline import StageInput
    from frontlines.records import Article

    spans = [(text.index(t), text.index(t) + len(t)) for t in names]
    return {p.text: p for p in resolve_spans(StageInput(nlp(text), Article(id="g", text=text), resources, {}), spans)}


@pytest.mark.parametrize(
    ("text", "names", "feature", "anchor"),
    [
        # a feature whose name holds a town of the story lies at that town (geo v56), not at the nearest before it
        ("Rescuers from Tobruk reached Derna on Monday. Teams from Benghazi searched the Wadi Derna.",
         ("Tobruk", "Derna", "Benghazi", "Wadi Derna"), "Wadi Derna", "Derna"),
        ("Officials in Frankfort said victims from Lexington went to University of Louisville Hospital in Kentucky.",
         ("Frankfort", "Lexington", "University of Louisville Hospital", "Louisville", "Kentucky"),
         "University of Louisville Hospital", "Louisville"),
        # negatives: a name holding no town of the story goes to the nearest town before it, as before
        ("Rescuers from Tobruk reached Derna on Monday. Teams from Benghazi searched the Wadi Kuf.",
         ("Tobruk", "Derna", "Benghazi", "Wadi Kuf"), "Wadi Kuf", "Benghazi"),
        ("Officials in Frankfort said victims from Lexington went to Baptist Health Hospital.",
         ("Frankfort", "Lexington", "Baptist Health Hospital"), "Baptist Health Hospital", "Lexington"),
    ],
)
def test_a_feature_holding_a_town_of_the_story_is_placed_there(nlp, resources, text, names, feature,
                                                                anchor) -> None:
    got = _given(nlp, resources, text, names)
    assert feature in got and got[feature].anchor == got[anchor].name, got
    assert got[feature].precision == Precision.NEAR


@pytest.mark.parametrize(
    ("text", "names", "feature", "anchor"),
    [
        # a feature in a sentence that names no town is the story's: at the town the story names first, not the
        # suburb or town it went on to mention last
        ("Police in Manchester charged a man over a shooting in Salford. Neighbours on Chapel Street heard shots.",
         ("Manchester", "Salford", "Chapel Street"), "Chapel Street", "Manchester"),
        ("Cholera cases rose in Bujumbura and in Gitega. Nurses at Prince Louis Hospital isolated 40 patients.",
         ("Bujumbura", "Gitega", "Prince Louis Hospital"), "Prince Louis Hospital", "Bujumbura"),
        # negatives: a town named before it in its own sentence places it; with no town before it, the first after
        ("Police in Manchester charged a man after a shooting in Salford near Chapel Street.",
         ("Manchester", "Salford", "Chapel Street"), "Chapel Street", "Salford"),
        ("Neighbours on Chapel Street heard shots. Police in Salford charged a man.",
         ("Chapel Street", "Salford"), "Chapel Street", "Salford"),
    ],
)
def test_a_feature_in_a_sentence_with_no_town_is_the_storys(nlp, resources, text, names, feature, anchor) -> None:
    got = _given(nlp, resources, text, names)
    assert feature in got and got[feature].anchor == got[anchor].name, got
    assert got[feature].precision == Precision.NEAR


@pytest.mark.parametrize(("towns", "datelines", "expected"), [
    ((("Manchester", 20, 30), ("Salford", 60, 67)), (), "Manchester"),
    # a town in a dateline is where the report was filed, not what the story is about
    ((("Geneva", 0, 6), ("Bahir Dar", 60, 69)), ((0, 20),), "Bahir Dar"),
    # negatives: one town is its own story's; every town in a dateline gives none
    ((("Salford", 40, 47),), (), "Salford"),
    ((("Geneva", 0, 6),), ((0, 20),), None),
])
def test_the_story_town(towns, datelines, expected) -> None:
    from types import SimpleNamespace

    from frontlines.geo.context import story_town

    items = [SimpleNamespace(text=t, start_char=a, end_char=b) for t, a, b in towns]
    got = story_town(items, datelines)
    assert (got.text if got is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "anchor"),
    [
        # what a town's possessive owns is its district, not a namesake far away (geo v57)
        ("Police sealed off streets in Paris's Belleville district on Sunday.", "Belleville", "Paris"),
        ("Gunfire was heard in Houston's Montrose neighbourhood overnight.", "Montrose", "Houston"),
        ("A blizzard buried Buffalo. Many were found on the city's East Side.", "East Side", "Buffalo"),
    ],
)
def test_what_a_towns_possessive_owns_lies_in_the_town(places, text: str, name: str, anchor: str) -> None:
    got = by_text(places(text), name)
    assert got is not None and got.kind == PlaceKind.FACILITY and got.anchor == anchor, got
    assert got.precision == Precision.NEAR


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # negatives: a capital (or a large city) far away is no district of the owner; a town nearby stays itself
        ("Analysts said Moscow's Kyiv offensive had failed by April.", "Kyiv", "UKR"),
        ("Police in Belleville, Illinois, said the suspect fled.", "Belleville", "USA"),
    ],
)
def test_a_capital_owned_by_another_town_stays_itself(places, text: str, name: str, country: str) -> None:
    got = by_text(places(text), name)
    assert got is not None and got.kind == PlaceKind.SETTLEMENT and got.country == country, got


def test_the_capitals_district_lies_in_the_capital(nlp, resources) -> None:
    text = "Cases rose in Ouagadougou and Bobo-Dioulasso. Insecticide was sprayed in the capital's Tanghin district."
    got = _given(nlp, resources, text, ("Ouagadougou", "Bobo-Dioulasso", "Tanghin"))
    assert got["Tanghin"].anchor == "Ouagadougou", got["Tanghin"]


def test_a_day_or_a_person_before_a_comma_is_no_village(places) -> None:
    found = places("Russian forces captured the city of Izium on Friday, Russia's defence ministry said.")
    assert by_text(found, "Friday") is None
    assert all(p.text != "Friday" for p in found)


# --- datelines ---------------------------------------------------------------------------
def test_dateline_place_is_marked(places) -> None:
    found = places("KYIV, Sept 11 (Reuters) - Ukrainian forces entered Izium, officials said.")
    assert in_dateline(by_text(found, "KYIV"))
    assert not in_dateline(by_text(found, "Izium"))


# --- local features and non-places -------------------------------------------------------
def test_a_street_inherits_its_town(places) -> None:
    found = places("A fire broke out on Royal Street in New Orleans on Tuesday.")
    street = by_text(found, "Royal Street")
    assert street is not None and street.kind == PlaceKind.FACILITY and street.precision == Precision.NEAR
    assert street.anchor == "New Orleans"
    assert all(p.name != "Royal City" for p in found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hamas fighters attacked Israeli towns on Saturday.", "Hamas"),
        ("Russia launched Iskander missiles at Kharkiv.", "Iskander"),
        ("Wagner fighters seized the town.", "Wagner"),
        ("Ukraine shot down a Kinzhal hypersonic missile.", "Kinzhal"),
    ],
)
def test_groups_and_weapons_are_not_places(places, text: str, word: str) -> None:
    assert by_text(places(text), word) is None


def test_a_real_place_next_to_a_weapon_noun_stays(places) -> None:
    found = places("Russia launched Iskander missiles at Kharkiv.")
    assert by_text(found, "Kharkiv") is not None


def test_peoples_named_vote_for_their_country(places) -> None:
    found = places("Israeli troops and Palestinian gunmen exchanged fire in Gaza on Tuesday.")
    gaza = by_text(found, "Gaza")
    assert gaza is not None and gaza.country == "PSE", gaza


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a people's name the tagger took for a place ("Ukrainian" as GPE) still votes for its country:
        # one side's demonym alone does not carry a town to the other side's namesake
        ("Ukrainian troops repel Russian assault near Pokrovsk", "Pokrovsk", "UKR"),
        # negative: with no second people named, the one named still decides
        ("Russian troops celebrated the holiday in Pokrovsk.", "Pokrovsk", "RUS"),
    ],
)
def test_peoples_the_tagger_took_for_places_vote_too(places, text: str, name: str, country: str) -> None:
    found = by_text(places(text), name)
    assert found is not None and found.country == country, found


def test_a_large_division_sits_at_its_label_point(places) -> None:
    # Ontario's cities lie along its southern edge; the province's point is far north of them
    found = places("Flooding was reported across Ontario, the province said.")
    ontario = by_text(found, "Ontario")
    assert ontario is not None and ontario.lat is not None and ontario.lat > 49.0, ontario


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # another romanisation of a town inside the division written next to it, in any country
        ("Three aid workers were killed in Kabkabiya, North Darfur, on Saturday.", "Kabkabiya", "Kabkābīyah"),
        # negative: nothing sounds alike inside it: the division itself, saying so
        ("Three aid workers were killed in Qzrtvillage, North Darfur, on Saturday.", "Qzrtvillage", None),
    ],
)
def test_a_name_written_otherwise_is_found_by_sound_inside_its_division(places, text: str, name: str,
                                                                       expected: str | None) -> None:
    place = by_text(places(text), name)
    assert place is not None and place.admin1 == "North Darfur", place
    if expected is None:
        assert "not known in North Darfur" in place.reason, place
    else:
        assert place.name == expected and "same sound" in place.reason, place


# --- a division's possessive owns the name after it ------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "division", "admin1"),
    [
        # the NER tags the village PERSON: the possessive division makes it a place inside it
        ("Russian shelling kills man in Kharkiv region's Kozacha Lopan", "Kozacha Lopan", "Kharkiv", "Kharkiv"),
        ("Russian Shelling Kills Woman In Zaporizhzhia's Orikhiv", "Orikhiv", "Zaporizhzhia", "Zaporizh"),
        ("Ukrainian incursion: fighting in Kursk region's Sudzha", "Sudzha", "Kursk", "Kursk"),
        ("Shelling kills two in Russia's Shebekino near the border", "Shebekino", "Russia", "Belgorod"),
    ],
)
def test_a_possessive_division_contains_the_name_after_it(places, text: str, name: str, division: str,
                                                          admin1: str) -> None:
    found = places(text)
    village = by_text(found, name)
    assert village is not None, [p.text for p in found]
    assert village.admin1 is not None and admin1 in village.admin1, village
    assert "written next to it" in village.reason, village.reason
    owner = by_text(found, division)
    # the owner is the division, not the city of the same name
    assert owner is not None and owner.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY), owner


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a person, an office, a group: what a division or country owns need not be a place in it
        ("Kherson region's Governor Oleksandr Prokudin said two people were killed.", "Governor"),
        ("Ukraine's Zelenskiy visited troops near the front.", "Zelenskiy"),
        ("Russia's Wagner fighters withdrew from the town.", "Wagner"),
    ],
)
def test_what_a_division_owns_is_no_place_unless_the_gazetteer_knows_it_there(places, text: str, word: str) -> None:
    found = places(text)
    assert not any(word in p.text for p in found), [(p.text, p.reason) for p in found]
    assert not any("written next to" in p.reason for p in found), [(p.text, p.reason) for p in found]


def test_a_name_the_model_calls_a_language_counts_before_its_division_when_known_there(places) -> None:
    # "Robotyne" is tagged LANGUAGE by the small model; the gazetteer knows it in Zaporizhzhia oblast
    found = places("Ukrainian forces retake Robotyne in Zaporizhzhia region")
    village = by_text(found, "Robotyne")
    assert village is not None, [p.text for p in found]
    assert village.admin1 is not None and "Zaporizh" in village.admin1, village
    # an unknown word so tagged is not placed at the division
    found = places("Pupils learn English in Kherson region schools.")
    assert by_text(found, "English") is None, [(p.text, p.reason) for p in found]
