"""events.placing: the event's own place (the clause that governs its trigger, never a saying's venue)."""

from __future__ import annotations

import pytest

from tests.events.conftest import place

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # a place in a verb coordinated with the trigger's is that verb's act's, when the trigger names its own target (v224)
    ("Israeli jets kept up strikes on the southern suburbs through Saturday, and hit targets in the Bekaa valley.",
     "strikes", None),
    ("Israeli jets kept up strikes on the southern suburbs through Saturday, and hit targets in the Bekaa valley.",
     "hit", "Bekaa valley"),
    # negatives: a trigger that names no target of its own shares the place of the verb joined to it
    ("Israeli jets kept up strikes through Saturday, and hit targets in the Bekaa valley.", "strikes", "Bekaa valley"),
    ("Russian forces attacked and captured the town of Soledar on Monday.", "attacked", "Soledar"),
])
def test_a_place_of_a_coordinated_act_is_not_the_triggers(nlp, text: str, trigger: str,  # noqa: ANN001
                                                          expected: str | None) -> None:
    from frontlines.events.docindex import index_doc
    from frontlines.events.placing import choose_place

    name = "Bekaa valley" if "Bekaa" in text else "Soledar"
    doc = nlp(text)
    index = index_doc(doc, {"places": (place(text, name, lat=33.8, lon=36.0),)})
    tok = next(t for t in doc if t.text == trigger)
    found, _ = choose_place(tok, index, tok.sent, "ASSAULT")
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "name", "trigger", "expected"), [
    # a clause joined to the saying tells what happened there: no venue of the saying (v227)
    ("The Ministry of Defence reports that air defences destroyed most of the rockets over the region, but fragments "
     "fell on the city.", "city", "destroyed", False),
    ("The governor said the drones were shot down, and debris fell on Shebekino.", "Shebekino", "shot", False),
    # negatives: where the saying was; a place the saying's own words hang on
    ("The ministry reported in Kyiv that air defences destroyed most of the rockets.", "Kyiv", "destroyed", True),
    ("Officials told reporters at a briefing in Brussels that Russian forces shelled Kharkiv.", "Brussels", "shelled",
     True),
])
def test_a_clause_joined_to_the_saying_is_no_venue(nlp, text: str, name: str, trigger: str,  # noqa: ANN001
                                                   expected: bool) -> None:
    from frontlines.events.placing import venue

    doc = nlp(text)
    root = next(t for t in doc if t.text == name)
    tok = next(t for t in doc if t.text == trigger)
    assert venue(root, tok) is expected


@pytest.mark.parametrize(("text", "names", "trigger", "expected"), [
    # the subject of "come/be/remain under" undergoes the act the object of "under" names (v340)
    ("Mala Tokmachka, in the Polohy district, came under 6 air strikes.", ("Mala Tokmachka", "Polohy"), "strikes",
     "Mala Tokmachka"),
    ("Orikhiv remained under heavy shelling on Sunday.", ("Orikhiv",), "shelling", "Orikhiv"),
    # negatives: the subject of an active verb is its doer's home; a place of the act itself is kept
    ("Troops from Belgorod launched heavy shelling on Sunday.", ("Belgorod",), "shelling", None),
    ("A patrol from Mbau came under fire near Palma.", ("Mbau", "Palma"), "fire", "Palma"),
    # a short heading before a colon names the area: a place of the trigger's own clause beats it (v340)
    ("Kramatorsk district: in Kostiantynivka, a 57-year-old man was killed by a drone.",
     ("Kramatorsk", "Kostiantynivka"), "killed", "Kostiantynivka"),
    # negatives: alone, the heading is the place; a colon later in a long sentence is no heading
    ("Kramatorsk district: a 57-year-old man was killed by a drone.", ("Kramatorsk",), "killed", "Kramatorsk"),
    ("Russian forces shelled the town of Kramatorsk overnight, the governor wrote: in Kostiantynivka, a man was "
     "wounded.", ("Kramatorsk", "Kostiantynivka"), "shelled", "Kramatorsk"),
    # the means of a verb ("injured by a bomb") takes the verb's own place, not another clause's (v340)
    ("In Kostiantynivka, a man was killed by a drone; in Bilozerske, two people were injured by a guided aerial bomb.",
     ("Kostiantynivka", "Bilozerske"), "bomb", "Bilozerske"),
    # negative: the home of the verb's subject is no place of the means
    ("A man from Kherson was wounded by a drone.", ("Kherson",), "drone", None),
])
def test_the_clause_that_governs_the_trigger_gives_its_place(nlp, text: str, names: tuple[str, ...],  # noqa: ANN001
                                                              trigger: str, expected: str | None) -> None:
    from frontlines.events.docindex import index_doc
    from frontlines.events.placing import choose_place

    doc = nlp(text)
    index = index_doc(doc, {"places": tuple(place(text, n, lat=47.0 + k, lon=36.0 + k) for k, n in enumerate(names))})
    tok = next(t for t in doc if t.text == trigger)
    found, _ = choose_place(tok, index, tok.sent, "ASSAULT")
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "names", "trigger", "expected"), [
    # a place on a verb coordinated with the trigger is that verb's act's when the trigger's own "in"/"at" phrase
    # names one (v511)
    ("He was arrested at his home in Homa Bay on 7 June and driven to Nairobi, where he died.",
     ("Homa Bay", "Nairobi"), "arrested", "Homa Bay"),
    ("He was arrested at his home in Homa Bay on 7 June and driven to Nairobi, where he died.",
     ("Homa Bay", "Nairobi"), "driven", "Nairobi"),
    # negatives: with no locative phrase of its own, the trigger keeps the joined verb's place ("released ... and
    # brought to Beitunia"); a trigger whose only place is the joined verb's object shares it
    ("Ninety prisoners were released under the first phase of the Gaza ceasefire agreement and brought to Beitunia.",
     ("Gaza", "Beitunia"), "released", "Beitunia"),
    ("Russian forces attacked and captured the town of Soledar on Monday.", ("Soledar",), "attacked", "Soledar"),
])
def test_a_place_of_a_joined_verb_yields_to_the_triggers_own(nlp, text: str, names: tuple[str, ...],  # noqa: ANN001
                                                              trigger: str, expected: str | None) -> None:
    from frontlines.events.docindex import index_doc
    from frontlines.events.placing import choose_place

    doc = nlp(text)
    index = index_doc(doc, {"places": tuple(place(text, n, lat=-0.5 + k, lon=34.5 + k) for k, n in enumerate(names))})
    tok = next(t for t in doc if t.text == trigger)
    found, _ = choose_place(tok, index, tok.sent, "COERCE")
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # an act at a site named after its town happens in the town (geo v108: the town's name is a place there)
    ("Students marched in Rangpur on Monday. The day before, activists had attacked protesters with sticks at Dhaka "
     "University, injuring hundreds.", "attacked", "Dhaka"),
    # negative: a speaker's site is a venue, not where the act it tells of happened
    ("Students marched in Rangpur on Monday. A lecturer at Dhaka University said police had attacked protesters in "
     "Rangpur.", "attacked", "Rangpur"),
])
def test_an_act_at_a_site_named_after_its_town_is_there(pipeline_resources, text: str, trigger: str,  # noqa: ANN001
                                                         expected: str) -> None:
    import datetime as dt

    from tests.events.conftest import triggered

    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 7, 20), source=None)
    assert hit.place is not None and hit.place.name == expected, hit.place
