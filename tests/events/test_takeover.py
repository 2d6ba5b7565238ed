"""Who took the ground decides the ACLED sub-type (events.takeover, events v68): the doer's own
words, not the clauses describing its backers; in a party's own release, ground its unnamed forces
took is the party's, regained at home and overtaken abroad. Own sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.records import Article
from tests.events.conftest import top

REGAIN, OVERTAKE = "Government regains territory", "Non-state actor overtakes territory"

DOERS = [
    # a participle describing the doer ("backed by clan militias") names its backers, not the doer
    ("The government, backed by local clan militias, has retaken three villages from the insurgents.", REGAIN),
    ("The army, which is backed by militia fighters, has retaken three villages from the insurgents.", REGAIN),
    # negative: militias that the government backs are the doer
    ("Clan militias backed by the government have taken three villages from the insurgents.", OVERTAKE),
    ("Militia fighters retook three villages from the insurgents on Sunday.", OVERTAKE),
    # (v500) the lead taker decides: allies coordinated after it are its affiliates, and a prepositional phrase
    # on it tells what it did or where it was, no other taker
    ("The army and allied fighters captured three villages from the insurgents on Sunday.", REGAIN),
    ("Government troops in a crackdown on rebel militants recaptured three villages on Sunday.", REGAIN),
    # negatives: a non-state group leading, or a non-state group named in the taker's own words
    ("The rebels and defected soldiers captured three villages on Sunday.", OVERTAKE),
    ("Rebel fighters of the northern front captured three villages on Sunday.", OVERTAKE),
]


@pytest.mark.parametrize(("text", "sub"), DOERS, ids=[d[0][:45] for d in DOERS])
def test_the_doers_own_words_decide_who_took_the_ground(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None, text
    assert event.acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]


_RELEASE = "Units of the Southern group of forces have liberated the village of Robotyne in the Zaporizhzhia region."

RELEASES = [
    # a state's forces abroad overtake the ground, whatever word their release uses
    (_RELEASE, "Ministry of Defence of the Russian Federation", OVERTAKE),
    # at home they regain it
    (_RELEASE, "Ministry of Defence of Ukraine", REGAIN),
    # negative: on the wire the forces have no side and the verb decides
    (_RELEASE, "Reuters", REGAIN),
    # negative: forces with a nation of their own are not the release's unnamed forces
    ("Ukrainian units have liberated the village of Robotyne in the Zaporizhzhia region.",
     "Ministry of Defence of the Russian Federation", REGAIN),
]


@pytest.mark.parametrize(("text", "source", "sub"), RELEASES, ids=[f"{r[1][:25]}-{r[0][:10]}" for r in RELEASES])
def test_a_release_takes_ground_for_its_party(pipeline_resources: Any, text: str, source: str, sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="release", text=text, published=dt.date(2023, 8, 28), source=source)
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger.startswith("liberated")]
    assert events, text
    assert events[0].acled_sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a participle on the name it was done to (a headline's reduced relative), the name the places stage
        # passed over at the sentence's start: the gazetteer's settlement
        ("Balakliia hit by Russian missiles, 10 wounded", "hit", "Balakliya"),
        # a name the NER took for an organisation no registry knows is the town the gazetteer knows
        ("Antonivka hit by drone, killing man on bicycle", "hit", "Antonivka"),
        # negative: an armed group the registry knows stays a party, though hit
        ("Hezbollah hit by Israeli strikes overnight", "strikes", None),
        # negatives: a common noun or people the participle tells of are no place
        ("Civilians hit by shelling were taken to hospital in the city.", "hit", None),
        ("Homes hit by drones, 10 wounded", "hit", None),
        ("Soldiers wounded by shrapnel were evacuated.", "wounded", None),
    ],
)
def test_an_attack_participle_places_the_name_it_was_done_to(pipeline_resources: Any, text: str, trigger: str,
                                                             place: str | None) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="participle", text=text, published=dt.date(2024, 5, 1), source="test")
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger.startswith(trigger)]
    assert events
    got = events[0].place
    if place is None:
        assert got is None or not got.reason.startswith("undergoer:hit"), got
    else:
        assert got is not None and got.name == place, got


SPEAKERS_FORCES = [
    # a state body's "its forces" are the state's: at home they regain the ground (events v105)
    ("The Interior Ministry said its forces had taken control of the town of Gharyan.", "taken control", REGAIN),
    ("The Defence Ministry said on Tuesday its forces had taken over the headquarters of the militia in Tripoli.",
     "taken over", REGAIN),
    # negative: a rebel spokesman's "their fighters" overtake it
    ("The rebels said their fighters had taken control of the town of Gharyan.", "taken control", OVERTAKE),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), SPEAKERS_FORCES, ids=[s[0][:30] for s in SPEAKERS_FORCES])
def test_a_state_bodys_own_forces_regain_ground(pipeline_resources: Any, text: str, trigger: str, sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="speaker", text=text, published=dt.date(2025, 5, 14))
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger.startswith(trigger)]
    assert events, [e.trigger for e in process_article(art, pipeline_resources).events]
    assert events[0].acled_sub_event_type == sub


ABROAD = [
    # ground with no place of its own sentence lies where the story is: a state's forces abroad overtake it
    ("Russian forces pressed their offensive near Vovchansk in the Kharkiv region on Tuesday. Russia's Defense "
     "Ministry said its troops had taken nine villages since then.", OVERTAKE),
    # negative: the forces at home regain it
    ("Ukrainian forces pressed their counteroffensive near Vovchansk in the Kharkiv region on Tuesday. Ukraine's "
     "Defence Ministry said its troops had taken nine villages since then.", REGAIN),
]


@pytest.mark.parametrize(("text", "sub"), ABROAD, ids=["abroad", "at-home"])
def test_a_state_takes_ground_abroad_where_the_story_is(pipeline_resources: Any, text: str, sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="abroad", text=text, published=dt.date(2024, 5, 14), source="AP")
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger == "taken"]
    assert events, [(e.trigger, e.acled_sub_event_type) for e in process_article(art, pipeline_resources).events]
    assert events[0].acled_sub_event_type == sub, (events[0].place, events[0].sources)


AIMS = [
    # (v145) ground an undertaking is for ("operations to retake", "an offensive to recapture") is fought for, not taken
    ("The police said that operations to retake Mirebalais in the Centre department were under way.", "retake",
     "Armed clash"),
    ("The police said on Tuesday that operations to retake Mirebalais were under way.", "retake", "Armed clash"),
    ("Iraqi forces began the battle to recapture Mosul on Monday.", "recapture", "Armed clash"),
    # negatives: ground taken; an aim that is no undertaking's
    ("Iraqi forces recaptured Mosul on Monday.", "recaptured", REGAIN),
    ("Iraqi forces recaptured Mosul on Monday after a long campaign.", "recaptured", REGAIN),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), AIMS, ids=[a[0][:40] for a in AIMS])
def test_ground_an_undertaking_is_for_is_fought_for(pipeline_resources: Any, text: str, trigger: str, sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="aim", text=text, published=dt.date(2025, 4, 1), source="AP")
    events = process_article(art, pipeline_resources).events
    assert [e.acled_sub_event_type for e in events] == [sub], [(e.trigger, e.acled_sub_event_type) for e in events]


ALLIES = [
    # (v193) foreign forces beside the home state's own retake its ground with it: the government regains it
    ("Rwandan and Mozambican troops retook the port town of Mocimboa da Praia on Sunday.", REGAIN),
    ("Mozambican and Rwandan troops retook the port town of Mocimboa da Praia on Sunday.", REGAIN),
    # negative: foreign forces alone overtake it
    ("Rwandan troops retook the port town of Mocimboa da Praia on Sunday.", OVERTAKE),
]


@pytest.mark.parametrize(("text", "sub"), ALLIES, ids=["foreign-first", "home-first", "foreign-alone"])
def test_foreign_forces_beside_the_home_state_regain_its_ground(pipeline_resources: Any, text: str, sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="allies", text=text, published=dt.date(2022, 8, 9))
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger == "retook"]
    assert events, [(e.trigger, e.acled_sub_event_type) for e in process_article(art, pipeline_resources).events]
    assert events[0].acled_sub_event_type == sub, (events[0].place, events[0].sources)


NO_NATION = [
    # a state's forces named with no nation and no owner are the land's own: they regain the ground (events v350)
    ("That night the army took control of the streets and imposed a nationwide curfew.", "took control", REGAIN),
    ("Police officers stormed the town and took control of it on Sunday.", "stormed", REGAIN),
    # negative: a sayer's "its forces" may be abroad ("Russia says its forces took the village"): the verb decides
    ("Russia says its forces took the village of Krasnohorivka in Donetsk.", "took", OVERTAKE),
    # negative: a nation named with the forces may be abroad
    ("Russian troops took control of the streets of the town on Sunday.", "took control", OVERTAKE),
    # negative: armed men who are no state's forces overtake it
    ("Gunmen took control of the streets of the town on Sunday.", "took control", OVERTAKE),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), NO_NATION, ids=[s[0][:30] for s in NO_NATION])
def test_a_states_forces_named_without_a_nation_regain_ground(pipeline_resources: Any, text: str, trigger: str,
                                                               sub: str) -> None:
    from frontlines.pipeline import process_article

    art = Article(id="no-nation", text=text, published=dt.date(2025, 9, 10))
    events = [e for e in process_article(art, pipeline_resources).events if e.trigger.startswith(trigger)]
    assert events, [(e.trigger, e.acled_sub_event_type) for e in process_article(art, pipeline_resources).events]
    assert events[0].acled_sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army and allied fighters captured the town.", ["The", "army"]),
        ("Afghan security forces in a crackdown on Taliban militants recaptured the district.",
         ["Afghan", "security", "forces"]),
        ("Units of the Sever group of forces liberated the town.", ["Units", "of", "the", "Sever", "group", "of", "forces"]),
        ("The rebels captured the town.", ["The", "rebels"]),
    ],
)
def test_lead_words_name_the_first_taker_only(nlp: Any, text: str, expected: list[str]) -> None:
    from frontlines.events.roles import agent_tokens
    from frontlines.events.takeover import lead_words

    doc = nlp(text)
    verb = next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    assert [t.text for t in lead_words(agent_tokens(verb))] == expected
