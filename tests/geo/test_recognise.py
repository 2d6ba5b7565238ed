"""Toponym recognition: spaCy NER plus gazetteer n-grams, with stop-lists."""

from __future__ import annotations

import pytest

from frontlines.geo.recognise import find_toponyms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops left Kherson on Friday.", ["Kherson"]),
        ("Fighting continued around Bakhmut and Soledar.", ["Bakhmut", "Soledar"]),
        ("They crossed the Dnipro River at night.", ["Dnipro River"]),
        ("Ships sailed from Odesa into the Black Sea.", ["Odesa", "Black Sea"]),
        ("Officials in the Kharkiv region reported shelling.", ["Kharkiv"]),
        ("The U.S. sent more rockets.", ["U.S."]),
        # a name the context makes a place, though neither the NER nor the keys know it
        ("Shells hit the village of Zelenopillia-Druha overnight.", ["Zelenopillia-Druha"]),
        ("Troops advanced in the Novoselovka area.", ["Novoselovka"]),
        # a place before a headline's source is not part of the source's name
        ("Drones downed near Kupyansk - Russian Defense Ministry", ["Kupyansk"]),
        # negatives: a lone compass word is a direction; a people before a kind word is no place;
        # "of" after a noun that is no place word cues nothing
        ("In the South, artillery fired 250 times.", []),
        ("South: troops repelled two attacks.", []),
        ("Troops entered the Russian area overnight.", []),
        ("He met the leader of Zelenopillia-Druha.", []),
        # negatives: person names, months, common words
        ("Vladimir Putin spoke on television.", []),
        ("The talks resumed in March.", []),
        ("A mobile home burned down.", []),
        ("", []),
        # a word of a longer proper name is not a place; the name written on its own is
        ("Dozens of Boko Haram fighters surrounded the village.", []),
        ("The Kyiv Post reported that Kyiv was calm.", ["Kyiv"]),
        # an abbreviation in brackets after a name is the name's; a place in brackets stays one
        ("Fighters of Jamaat (JAS) attacked the village.", []),
        ("Fighters of the Rapid Support Forces (RSF) entered El Fasher.", ["El Fasher"]),
        ("Troops reached Kramatorsk (Donetsk) at dawn.", ["Kramatorsk", "Donetsk"]),
        # a place name is written with capitals: a river's west bank is not the West Bank
        ("Russian troops withdrew from the west bank of the river.", []),
        ("Israeli forces raided Jenin in the West Bank.", ["Jenin", "West Bank"]),
        # known names listed in one entity of another kind are read apart; a country named with "and"
        # stays whole
        ("Russian forces attack near Robotyne and Verbove", ["Robotyne", "Verbove"]),
        ("Troops were deployed to Trinidad and Tobago.", ["Trinidad and Tobago"]),
        # a territorial community (hromada) is named after its centre, whatever label the NER gave the name;
        # a community of people is none
        ("Semenivka community in Chernihiv Oblast shelled by Russian forces", ["Semenivka", "Chernihiv Oblast"]),
        ("Russian shelling kills one in Novovorontsovka community", ["Novovorontsovka"]),
        ("The international community condemned the strike.", []),
        ("Leaders of the Jewish community met on Monday.", []),
        # a named document or agreement is no place, nor a place inside its name; the place alone stays one
        ("Moscow suspended the Black Sea Grain Initiative.", ["Moscow"]),
        ("Ships left Odesa through the Black Sea on Monday.", ["Odesa", "Black Sea"]),
        # a country's name the NER took for a date is the name (geo v29); a month is a date
        ("Gunmen attacked a village in Niger.", ["Niger"]),
        ("The talks will resume in May.", []),
        # a storm's name is no place, whatever the NER tagged (geo v32); a town called Hurricane is one
        ("Hurricane Ian flooded Fort Myers.", ["Fort Myers"]),
        ("Cyclone Remal made landfall in West Bengal.", ["West Bengal"]),
        ("Police in Hurricane, Utah, closed the road.", ["Hurricane", "Utah"]),
        # a local feature's name begins at the capitalised words before the known word (geo v33), not
        # at a sentence's first word or an article
        ("The banyan tree in Banyan Court Park was scorched.", ["Banyan Court Park"]),
        ("Residents said Banyan Court Park was closed.", ["Banyan Court Park"]),
        ("Court Park was closed on Monday.", ["Court Park"]),
        ("They met in the Court Park on Monday.", ["Court Park"]),
        # a disease or pathogen named after a place is no place (geo v36); the place written as a place is
        ("West Nile virus was found in mosquitoes in Maricopa County.", ["Maricopa County"]),
        ("Rwanda reported cases of Marburg virus disease in Kigali.", ["Rwanda", "Kigali"]),
        ("An outbreak of the Sudan strain of Ebola was declared in Mubende.", ["Mubende"]),
        ("A case of Crimean-Congo haemorrhagic fever was confirmed in Salamanca.", ["Salamanca"]),
        ("The virus spread from Sudan to Chad.", ["Sudan", "Chad"]),
        ("Cases of cholera in Lusaka rose.", ["Lusaka"]),
        # negative: flu after a place is the place's flu season, not a disease named after it
        ("The Texas flu season was severe.", ["Texas"]),
    ],
)
def test_find_toponyms(nlp, gazetteer, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    assert found == expected


def test_surname_of_a_named_person_is_not_a_place(nlp, gazetteer) -> None:
    doc = nlp("Barack Obama arrived on Monday. Obama then met the mayor.")
    assert [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)] == []


def test_without_gazetteer_only_ner_places(nlp) -> None:
    doc = nlp("Troops moved from Poland to Germany.")
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, None)]
    assert found == ["Poland", "Germany"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text all in lower case: a locative preposition or a kind word stands in for the capital
        ("shelling of kherson kills elderly woman", ["kherson"]),
        ("two civilians wounded by shelling in avdeevka", ["avdeevka"]),
        ("drone strikes hit mykolaiv region overnight", ["mykolaiv"]),
        ("russian troops shell houses in chornobaivka, wounding two", ["chornobaivka"]),
        ("drones hit the port on the danube", ["danube"]),
        # negatives: common words that are also small places' names, words after "the" that are no
        # river or region, words naming kinds of places, people's names, and a name with no cue
        ("troops moved in convoy near bus stops in town, at home and in hospital", []),
        ("one of the men said the deal on power was hit by a week of talks in the market", []),
        ("russian and ukrainian officials met on friday", []),
        # a town of some size in a noun's role: a verb's object, or a noun's modifier (geo v70)
        ("drones hit izmail port overnight", ["izmail"]),
        ("malian army and wagner fighters retake kidal", ["kidal"]),
        ("russian missile strike hits uman apartment block", ["uman"]),
        # negatives: a village too small to tell from a word without its capital; a noun after "the"
        ("troops retake robotyne after heavy fighting", []),
        ("drones hit the uman apartment block", []),
    ],
)
def test_lower_case_text_finds_names_by_the_words_around_them(nlp, gazetteer, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    assert found == expected


def test_a_capitalised_text_is_not_scanned_in_lower_case(nlp, gazetteer) -> None:
    # the lower-case reading is for texts without capitals; here "kherson" written small is no name
    doc = nlp("Officials said the shelling of kherson continued.")
    assert [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)] == []


@pytest.mark.parametrize(
    ("text", "name", "not_found"),
    [
        # a known name before a division's kind word, read as one entity, is the name ("Hpakant township")
        ("In October last year, military aircraft bombed a concert in Hpakant township, Kachin State, killing "
         "dozens of people.", "Hpakant", "Hpakant township"),
        # a settlement's kind word stays with its name (the resolver reads "X village, R" as one)
        ("On 5 June 2023, Russian artillery struck residential buildings in Liubomyrivka village, Mykolaiv.",
         None, "Liubomyrivka"),
    ],
)
def test_a_known_name_before_a_divisions_kind_word(nlp, gazetteer, text: str, name: str | None,
                                                   not_found: str) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    if name is not None:
        assert name in found, found
    assert not_found not in found, found


@pytest.mark.parametrize(
    ("text", "acronym", "is_place"),
    [
        # an acronym that is only another name of a small place is an organisation's (geo v34)
        ("The ELN said in a statement that it had acted against the dissidents in Tibu.", "ELN", False),
        # negative: a country's or a city's own capitals stay places (a major name, or a place's main name)
        ("The DRC and Rwanda signed a deal in Washington.", "DRC", True),
        ("KYIV, Sept 11 (Reuters) - Ukrainian forces entered Izium.", "KYIV", True),
    ],
)
def test_an_acronym_that_is_only_a_small_places_other_name(nlp, gazetteer, text: str, acronym: str,
                                                             is_place: bool) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    assert (acronym in found) is is_place, found


@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        # one name, one sense in an article: a small town the recogniser labels PRODUCT or PERSON where it
        # stands alone is the place the article names it as elsewhere ("the town of Mirebalais")
        ("Thousands have fled the town of Mirebalais since Monday. Armed men stormed Mirebalais at dawn on "
         "31 March. The police said that operations to retake Mirebalais were under way.", "Mirebalais", 3),
        # negatives: a name never taken as a place anywhere stays what the recogniser said; a person
        # named by a full name is no place because a town of that surname is named elsewhere
        ("The police said on Tuesday that operations to retake Mirebalais were under way.", "Mirebalais", 0),
        ("A school shooting in Perry, Iowa. Officer Tyler Perry said the gunman was 17.", "Perry", 1),
    ],
)
def test_a_name_taken_as_a_place_once_is_a_place_again(nlp, gazetteer, text: str, name: str, count: int) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    assert found.count(name) == count, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a live blog's time stamp swept into an entity made its label, not the name after it
        ("11:20 Kharkiv mayor Ihor Terekhov reports a series of strikes on an industrial facility overnight.",
         ["Kharkiv"]),
        ("09:15 Zaporizhzhia governor Ivan Fedorov said two people were killed.", ["Zaporizhzhia"]),
        # negatives: a person's name after a stamp stays a person; a number that is no clock is no stamp
        ("11:20 Ihor Terekhov reports a series of strikes overnight.", []),
    ],
)
def test_a_time_stamp_makes_no_label_of_the_name_after_it(nlp, gazetteer, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # containers decide: a small town the recogniser took for a person is a place when the article names the
        # first-order division it lies in (and a number after it is no part of a person's name)
        ("In Zaporizhzhia Oblast, Russian forces attacked Orikhiv 14 times over the past day.",
         ["Zaporizhzhia Oblast", "Orikhiv"]),
        # negative: without its division the same words stay what the recogniser said
        ("Russian forces attacked Orikhiv 14 times over the past day.", []),
    ],
)
def test_a_town_inside_a_division_the_article_names_is_a_place(nlp, gazetteer, text: str,
                                                               expected: list[str]) -> None:
    doc = nlp(text)
    assert [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country whose name is also a given name, tagged a person, is the country where the article names
        # two places in it (geo v59)
        ("Jordan closed schools in Irbid and Zarqa after floods.", ["Jordan", "Irbid", "Zarqa"]),
        # negatives: one place in it is not enough; places in another country say nothing of it
        ("Jordan vaccinated children in Irbid last week.", ["Irbid"]),
        ("Jordan closed schools in Mosul and Basra after floods.", ["Mosul", "Basra"]),
    ],
)
def test_a_country_taken_for_a_person_is_the_country_the_article_is_about(nlp, gazetteer, text: str,
                                                                          expected: list[str]) -> None:
    doc = nlp(text)
    assert [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known name and the known place it lies in, run together as one entity, are found apart
        ("Russian troops launched an assault on Robotyne in Zaporizhzhia Oblast on Tuesday.",
         ["Robotyne", "Zaporizhzhia Oblast"]),
        # negative: a facility's name that only ends in a place stays one feature
        ("A fire broke out at the Church of the Holy Trinity in Kyiv.", ["Kyiv"]),
    ],
)
def test_a_name_and_its_division_run_together_are_found_apart(nlp, gazetteer, text: str,
                                                              expected: list[str]) -> None:
    doc = nlp(text)
    found = [doc[m.start : m.end].text for m in find_toponyms(doc, gazetteer)]
    assert [f for f in found if f in expected] == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known name longer than the person entity inside it is the place ("Markos" alone tagged a person)
        ("Fano militiamen clashed with federal troops in Debre Markos on Tuesday.", ["Debre Markos"]),
        # negative: a person's full name is no place, though its last word is a town's name
        ("Police said Yohannes Markos was arrested on Tuesday.", []),
    ],
)
def test_a_known_name_longer_than_a_person_inside_it(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that is a state's dotted short form ("Mass.") is no place anywhere but after a town's comma
        ("A bomb exploded during a Catholic Mass in the southern Philippine city of Marawi on Sunday.", ["Marawi"]),
        ("Residents in Kinshasa prayed at Mass on Sunday.", ["Kinshasa"]),
        # negative: after a town and a comma it is the state
        ("He was shot in Worcester, Mass., on Friday.", ["Worcester", "Mass."]),
        ("Police in Peoria, Ill. said two were killed.", ["Peoria", "Ill."]),
        # negative: written with its period it is the state
        ("Police in Springfield Mass. said two were killed.", ["Springfield", "Mass."]),
    ],
)
def test_a_dotted_short_form_names_a_state_only_after_a_town(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in quotes between a person's given name and surname is a nickname
        ('Fighting between the faction loyal to Ismael "El Mayo" Zambada and the sons of Joaquin "El Chapo" '
         'Guzman erupted in Culiacan on Sept. 9.', ["Culiacan"]),
        ("Police said Mohammed \u201cKabul\u201d Hassan was arrested in Karachi.", ["Karachi"]),
        # negative: a quoted name not inside a person's name is still a place
        ('Residents of "Mayo" said the army shelled Kherson.', ["Mayo", "Kherson"]),
    ],
)
def test_a_nickname_inside_a_persons_name_is_no_place(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name a verb of bombardment is done to is a place, though tagged a person and small
        ("Stepanakert was shelled again overnight.", ["Stepanakert"]),
        ("The army shelled Stepanakert overnight.", ["Stepanakert"]),
        # a headline's passive without its auxiliary: the subject of a bombardment verb with no object
        ("Dobropillia shelled, five killed near bus station", ["Dobropillia"]),
        # negative: the same small name tagged a person, doing something else, stays no place
        ("Stepanakert said the talks would go on.", []),
        # nor does the subject of a bombardment verb that shells something: the doer, not the target
        ("Stepanakert shelled the villages overnight.", []),
    ],
)
def test_a_name_a_bombardment_is_done_to_is_a_place(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small place's name in the possessive before a government noun is a person's (Ābīy Ādī, 34,200)
        ("The groups formed an alliance against Abiy's government signed in Washington.", ["Washington"]),
        # negative: a city or a country owning forces is still named (metonymy decides later whether it is a place)
        ("Fighting continued in Kupiansk. Russia's forces shelled Izium.", ["Kupiansk", "Russia", "Izium"]),
        # negative: a small place owning no government noun stays a place
        ("Hamas said the army struck Rafah. Rafah's residents fled.", ["Rafah", "Rafah"]),
    ],
)
def test_a_small_place_owning_a_government_is_a_person(places, text: str, expected: list[str]) -> None:
    assert [p.text for p in places(text)] == expected


@pytest.mark.parametrize(
    ("words", "owner"),
    [("Abiy 's government", True), ("Moscow 's troops", True), ("Rafah 's residents", False),
     ("Abiy said", False)],
)
def test_owns_a_government(nlp, words: str, owner: bool) -> None:
    from frontlines.geo.owners import owns_a_government

    doc = nlp(words.replace(" 's", "'s"))
    assert owns_a_government(doc, 0, 1) is owner
