"""The actors stage: tables of (text, expected actor attributes), negatives included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.records import Sector

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"
FIXTURE = Path(__file__).parent.parent / "fixtures" / "quotes" / "frontline-report.md"


def _find(actors, text):
    return [a for a in actors if a.text == text]


# (sentence, mention as written, expected: name, kind, country, sector, side, role)
CASES = [
    ("Russian soldiers crossed the river.", "Russian soldiers",
     ("Russian Armed Forces", "group", "RUS", Sector.MILITARY, "RUS", None)),
    ("The city was handed back to Kyiv’s troops on Friday.", "Kyiv’s troops",
     ("Armed Forces of Ukraine", "group", "UKR", Sector.MILITARY, "UKR", None)),
    ("He commands the Kremlin’s invasion forces in the south.", "the Kremlin’s invasion forces",
     ("Russian Armed Forces", "group", "RUS", Sector.MILITARY, "RUS", None)),
    ("Ukrainian defenders held the line near the village.", "Ukrainian defenders",
     ("Armed Forces of Ukraine", "group", "UKR", Sector.MILITARY, "UKR", None)),
    ("Several collaborationist Ukrainian officials have fled the city.", "Several collaborationist Ukrainian officials",
     ("collaborationist Ukrainian officials", "group", "UKR", Sector.GOVERNMENT, "RUS", None)),
    ("Pro-war Russian accounts were furious on Thursday.", "Pro-war Russian accounts",
     ("Pro-war Russian accounts", "group", "RUS", Sector.MEDIA, "RUS", None)),
    ("Yesterday General Sergey Surovikin ordered a retreat.", "Sergey Surovikin",
     ("Sergey Surovikin", "person", "RUS", Sector.MILITARY, "RUS", "General")),
    ("The order was approved by Moscow’s Defense Minister, Sergei Shoigu.", "Sergei Shoigu",
     ("Sergei Shoigu", "person", "RUS", Sector.GOVERNMENT, "RUS", "Defense Minister")),
    ("Mykhailo Podolyak, an adviser to President Zelensky, spoke on Monday.", "Mykhailo Podolyak",
     ("Mykhailo Podolyak", "person", "UKR", Sector.GOVERNMENT, "UKR", "adviser to President Zelensky")),
    ("Russian President Vladimir Putin signed the decree.", "Vladimir Putin",
     ("Vladimir Putin", "person", "RUS", Sector.GOVERNMENT, "RUS", "President")),
    # unknown people: country, sector and side from their role words
    ("The Russian-installed deputy mayor of the town, Oleg Pavlenkov, was wounded.", "Oleg Pavlenkov",
     ("Oleg Pavlenkov", "person", None, Sector.GOVERNMENT, "RUS", "Russian-installed deputy mayor of the town")),
    ("Colonel Anton Bereza, a Ukrainian commander, said little.", "Anton Bereza",
     ("Anton Bereza", "person", "UKR", Sector.MILITARY, "UKR", "Colonel")),
    ("Wagner Group fighters entered the town.", "Wagner Group",
     ("Wagner Group", "group", "RUS", Sector.MILITARY, "RUS", None)),
    ("Houthi rebels fired a missile at a ship.", "Houthi rebels",
     ("Houthis", "group", "YEM", Sector.REBEL, "Houthis", None)),
    ("The Rapid Support Forces took the city.", "Rapid Support Forces",
     ("Rapid Support Forces", "group", "SDN", Sector.REBEL, "Rapid Support Forces", None)),
    # a hyphenated registry name, and its members: the group's side, no state's country (issue 16)
    ("Hayat Tahrir al-Sham seized the city.", "Hayat Tahrir al-Sham",
     ("Hayat Tahrir al-Sham", "group", "SYR", Sector.REBEL, "Hayat Tahrir al-Sham", None)),
    ("Hayat Tahrir al-Sham fighters seized the city.", "Hayat Tahrir al-Sham fighters",
     ("Hayat Tahrir al-Sham fighters", "group", None, Sector.REBEL, "Hayat Tahrir al-Sham", None)),
    ("The report was first published by Reuters.", "Reuters",
     ("Reuters", "outlet", "GBR", Sector.MEDIA, "GBR", None)),
    # a military government, named by its kind alone, with its state from the words around it (actors v3)
    ("The junta in Mali expelled the French ambassador.", "The junta",
     ("junta", "group", "MLI", Sector.GOVERNMENT, "MLI", None)),
    # those named by what they do, with no modifier: rioters, an unidentified armed group (actors v4)
    ("Rioters torched shops and cars on Sunday.", "Rioters", ("Rioters", "group", None, Sector.CIVILIAN, None, None)),
    ("Unknown attackers shot dead a village chief.", "Unknown attackers",
     ("Unknown attackers", "group", None, Sector.REBEL, None, None)),
    ("Militiamen looted the market.", "Militiamen", ("Militiamen", "group", None, Sector.REBEL, None, None)),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CASES, ids=[c[1] for c in CASES])
def test_actor_attributes(run_stages, text, mention, expected) -> None:
    found = _find(run_stages(text)["actors"], mention)
    assert found, f"no actor {mention!r}"
    a = found[0]
    assert (a.name, a.kind, a.country, a.sector, a.side, a.role) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The river is wide and the weather was cold.", None),  # no actor at all
        ("It was a force of nature, the crowd said.", "force"),  # a bare noun that is no actor
        ("The media reported nothing on social media.", "social media"),
        ("Kherson was one of the earliest cities to fall.", "Kherson"),  # a town NER takes for a person
        # a weapon's word the tagger took for a name is no actor (actors v5)
        ("Missiles launched from Belgorod hit Kharkiv overnight.", "Missiles"),
        # a weapon model's name is no actor
        ("The package includes Iskander missiles and Kinzhal missiles.", "Iskander"),
        ("A Bayraktar drone struck a convoy near Kidal on Sunday.", "Bayraktar"),
    ],
)
def test_no_actor_invented(run_stages, text, absent) -> None:
    actors = run_stages(text)["actors"]
    if absent is None:
        assert actors == ()
    else:
        assert not _find(actors, absent)


def test_a_party_named_on_its_weapons_stays_an_actor(run_stages) -> None:
    actors = run_stages("Hamas rockets hit Sderot on Monday.")["actors"]
    assert _find(actors, "Hamas")


def test_coreference_to_first_full_mention(run_stages) -> None:
    text = ("General Sergey Surovikin announced the retreat on Wednesday. Surovikin said the decision was "
            "hard. The general added that it saved lives. He did not take questions.")
    actors = run_stages(text)["actors"]
    first = _find(actors, "Sergey Surovikin")[0]
    assert first.coref is None
    for later in ("Surovikin", "The general", "He"):
        mention = _find(actors, later)
        assert mention, later
        assert mention[0].coref == "Sergey Surovikin" and mention[0].name == "Sergey Surovikin"


def test_unknown_surname_resolves_to_full_name(run_stages) -> None:
    actors = run_stages("Olena Marchenko, a local journalist, filmed the strike. Marchenko said she was afraid.")["actors"]
    later = [a for a in actors if a.text == "Marchenko"]
    assert later and later[0].coref == "Olena Marchenko" and later[0].sector is Sector.MEDIA


@pytest.mark.parametrize(
    ("day", "holder"),
    [(dt.date(2022, 11, 9), "Sergei Shoigu"), (dt.date(2024, 8, 1), "Andrei Belousov")],
)
def test_office_title_resolves_to_holder_on_the_date(run_stages, day, holder) -> None:
    actors = run_stages("Russia's defence minister visited the front.", published=day)["actors"]
    titled = [a for a in actors if "defence minister" in a.text.lower()]
    assert titled and titled[0].name == holder and titled[0].registry_id is not None


def test_bare_group_takes_country_from_context(run_stages) -> None:
    actors = run_stages("About 40,000 Russian soldiers are in the area, including regular units and conscripts.")["actors"]
    conscripts = _find(actors, "conscripts")
    assert conscripts and conscripts[0].country == "RUS" and conscripts[0].sector is Sector.MILITARY


@pytest.mark.parametrize(("text", "mention", "country", "side"), [
    # a bare non-state group near a named one takes its country (where it fights) and its side, never the
    # country as a state's side
    ("M23 fighters entered Goma on Sunday, and the insurgents told residents to stay indoors.", "the insurgents",
     "COD", "M23"),
    # the state's forces keep the country as their side
    ("Russian soldiers crossed the river, and conscripts followed them.", "conscripts", "RUS", "RUS"),
])
def test_a_bare_rebel_group_takes_its_neighbours_side(run_stages, text, mention, country, side) -> None:
    found = _find(run_stages(text)["actors"], mention)
    assert found and (found[0].country, found[0].side) == (country, side), found


def test_metonymic_place_from_geo_stage(nlp, registry) -> None:
    """A Place marked metonymic gives the country even where the lexicon has no entry."""
    from frontlines.actors import STAGE
    from frontlines.pipeline import Resources, StageInput
    from frontlines.records import Article, Evidence, Place

    text = "Chisinau's troops moved north."
    doc = nlp(text)
    place = Place(text="Chisinau", evidence=Evidence(article_id="t", start=0, end=8, text="Chisinau"),
                  country="MDA", metonymic=True)
    out = STAGE.run(StageInput(doc, Article(id="t", text=text), Resources(nlp=nlp, actors=registry),
                               {"places": (place,)}))
    troops = [a for a in out if a.text.endswith("troops")]
    assert troops and troops[0].country == "MDA" and troops[0].sector is Sector.MILITARY


def test_without_registry_the_stage_still_runs(nlp) -> None:
    from frontlines.actors import STAGE
    from frontlines.pipeline import Resources, StageInput
    from frontlines.records import Article

    text = "Olena Marchenko said the soldiers left."
    out = STAGE.run(StageInput(nlp(text), Article(id="t", text=text), Resources(nlp=nlp), {"places": ()}))
    assert any(a.name == "Olena Marchenko" for a in out)


def _body(path: Path) -> tuple[str, dt.date]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    published = next(line.split(":", 1)[1].strip() for line in front.splitlines() if line.startswith("published"))
    return body, dt.date.fromisoformat(published)


EXAMPLE_ACTORS = [
    ("Surovikin", "RUS", Sector.MILITARY, "RUS"),
    ("Shoigu", "RUS", Sector.GOVERNMENT, "RUS"),
    ("Putin", "RUS", Sector.GOVERNMENT, "RUS"),
    ("Stremousov", "UKR", Sector.GOVERNMENT, "RUS"),  # a Russian-installed official
    ("Podolyak", "UKR", Sector.GOVERNMENT, "UKR"),
    ("Zelensky", "UKR", Sector.GOVERNMENT, "UKR"),
]


@pytest.mark.skipif(not EXAMPLE.is_file(), reason=f"model article absent: {EXAMPLE}")
@pytest.mark.parametrize(("surname", "country", "sector", "side"), EXAMPLE_ACTORS)
def test_model_article_actors(run_stages, surname, country, sector, side) -> None:
    body, day = _body(EXAMPLE)
    actors = [a for a in run_stages(body, published=day)["actors"] if a.name.endswith(surname)]
    assert actors
    assert {(a.country, a.sector, a.side) for a in actors} == {(country, sector, side)}


def test_fixture_article_actors(run_stages) -> None:
    """Always-run twin of the model-article test, on a project-written report."""
    body, day = _body(FIXTURE)
    actors = run_stages(body, published=day)["actors"]
    by_name = {a.name: a for a in actors}
    assert by_name["Valery Gerasimov"].sector is Sector.MILITARY and by_name["Valery Gerasimov"].role == "General"
    assert by_name["Andriy Yermak"].country == "UKR"
    assert by_name["Armed Forces of Ukraine"].sector is Sector.MILITARY
    assert any(a.name == "Sergei Shoigu" and "defense minister" in a.text.lower() for a in actors)
    blogger = [a for a in actors if "blogger" in a.text]
    assert blogger and blogger[0].side == "RUS"


def test_no_word_of_a_dateline_is_part_of_an_actor(run_stages) -> None:
    """The parser hangs a dateline on the subject ("NAIROBI, Aug 9 (Reuters) - Ethiopia's military said"):
    the actor is the military, not "Aug 9 (Reuters) - Ethiopia's military" (actors v6)."""
    text = "NAIROBI, Aug 9 (Reuters) - Ethiopia's military said on Wednesday it had retaken several towns."
    actors = run_stages(text)["actors"]
    assert _find(actors, "Ethiopia's military"), [a.text for a in actors]
    assert not any("Aug" in a.text or "NAIROBI" in a.text for a in actors if a.kind != "outlet")
    # without a dateline the same words keep their actor
    assert _find(run_stages("Ethiopia's military said on Wednesday it had retaken several towns.")["actors"],
                 "Ethiopia's military")


@pytest.mark.parametrize(("text", "mention"), [
    ("The government accused the opposition of inciting violence.", "The government"),
    ("The army imposed a curfew at midnight on Friday.", "The army"),
    # not presented as known: no actor
    ("An army of volunteers cleaned the streets.", None),
    ("Government spending rose by a tenth.", None),
])
def test_a_states_body_presented_as_known_is_an_actor(run_stages, text: str, mention: str | None) -> None:
    """A state's bodies named with "the" alone are actors (actors v7): the story's state, whose country
    the events stage reads from the story."""
    actors = run_stages(text)["actors"]
    if mention is None:
        assert not [a for a in actors if a.sector is Sector.GOVERNMENT or a.sector is Sector.MILITARY], actors
    else:
        assert _find(actors, mention), [a.text for a in actors]
