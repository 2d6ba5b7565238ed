"""events.merge across sentences: one happening told twice is one event (table tests with the
cases that must stay apart)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from frontlines.records import Actor
from tests.events.conftest import _ev, place, timev


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


def test_a_lead_that_sums_up_the_body_is_the_body_event(run_events) -> None:
    text = ("The death toll from yesterday's strike on the market has risen to nine. "
            "Two missiles hit the market at noon on Saturday.")
    events = _assaults(run_events(text, times=(timev(text, "yesterday", "2022-11-08"),
                                                timev(text, "noon on Saturday", "2022-11-08"))))
    assert len(events) == 1 and events[0].evidence.text.startswith("Two missiles"), [e.trigger for e in events]


def test_a_lead_told_in_full_keeps_the_event(run_events) -> None:
    text = ("The agency condemned the attack carried out by a gang on Thursday in the town. "
            "Gang members attacked residents at dawn.")
    events = _assaults(run_events(text, times=(timev(text, "Thursday", "2022-11-03"),)))
    assert len(events) == 1 and events[0].trigger.startswith("attack carried") or events[0].trigger == "attack", \
        [e.trigger for e in events]


def test_a_definite_mention_of_another_day_stays_apart(run_events) -> None:
    text = ("Missiles struck the port on Wednesday. "
            "Officials called it retaliation for Monday's attack on the bridge.")
    events = _assaults(run_events(text, times=(timev(text, "Wednesday", "2022-11-09"),
                                                timev(text, "Monday", "2022-11-07"))))
    assert len(events) == 2, [e.trigger for e in events]


def test_a_casualty_clause_is_the_toll_of_the_attack_before_it(run_events) -> None:
    text = ("Shells landed in the camp on Friday morning, where thousands who fled the fighting live. "
            "According to local officials, at least 20 people were killed.")
    events = _assaults(run_events(text))
    shells = next(e for e in events if e.trigger == "Shells")
    assert any(q.kind == "killed" for q in shells.quantities), [(e.trigger, e.quantities) for e in events]
    assert not any(e.trigger == "killed" for e in events)


def test_a_casualty_clause_with_its_own_attack_stays_its_own(run_events) -> None:
    text = "Shells landed in the camp on Friday. On Sunday, gunmen killed three farmers near the river."
    assert len(_assaults(run_events(text))) == 2


# A party's claim of an attack already told is that attack (events v4); a telling
# with a day, a place or a means of its own, or a plain narrative sentence, stays its own event.
RETELLINGS = [
    ("Israeli warplanes struck Hezbollah targets in southern Lebanon overnight. "
     "Israel said its jets hit weapons depots.", (), 1),
    ("Gunmen stormed the hotel in the evening. Al-Shabaab said its fighters had stormed the hotel.", (), 1),
    # a day the first telling did not give
    ("Gunmen attacked a village in the north. Residents said gunmen shot dead two farmers on Friday.",
     (("Friday", "2022-11-04"),), 2),
    # a plain narrative sentence, or a witness's report, may tell a second happening of the same day
    ("Gunmen attacked a village in the north. Gunmen also shot dead two farmers.", (), 2),
    ("Gunmen attacked a village in the north. Residents said gunmen beat those who refused.", (), 2),
]


@pytest.mark.parametrize(("text", "days", "n"), RETELLINGS, ids=[r[0][:40] for r in RETELLINGS])
def test_a_reported_retelling_is_the_event_already_told(run_events, text, days, n) -> None:  # noqa: ANN001
    times = tuple(timev(text, needle, value) for needle, value in days)
    events = _assaults(run_events(text, times=times))
    assert len(events) == n, [(e.trigger, e.status.value) for e in events]


def test_a_verb_whose_subject_is_an_attack_is_that_attack(run_events) -> None:
    text = "A rocket slammed into a soccer field in the town and killed 12 children."
    events = _assaults(run_events(text))
    assert len(events) == 1, [e.trigger for e in events]


def test_coordinated_attacks_on_two_places_stay_two(run_events) -> None:
    text = "Israeli jets struck targets in Tyre on Saturday and hit depots in Baalbek."
    events = _assaults(run_events(text, places=(place(text, "Tyre", lat=33.27, lon=35.2),
                                                place(text, "Baalbek", lat=34.0, lon=36.2))))
    assert len(events) == 2, [(e.trigger, e.place and e.place.name) for e in events]


def test_coordinated_attacks_on_one_place_are_one(run_events) -> None:
    # negative case: the same place, one happening
    text = "Israeli jets struck targets in Tyre on Saturday and hit depots there."
    events = _assaults(run_events(text, places=(place(text, "Tyre", lat=33.27, lon=35.2),)))
    assert len(events) == 1, [(e.trigger, e.place and e.place.name) for e in events]


@pytest.mark.parametrize(("text", "places", "expected"), [
    # an act told by its noun is joined to another by the noun's verb: two places, two events (v223)
    ("Overnight the Russians dropped guided bombs on Yunakivka and struck the outskirts of Sumy with drones.",
     (("Yunakivka", 51.1, 35.0), ("the outskirts of Sumy", 50.9, 34.8)),
     {("bombs", "Yunakivka"), ("struck", "the outskirts of Sumy")}),
    ("Israeli jets carried out strikes on Tyre on Saturday and hit depots in Baalbek.",
     (("Tyre", 33.27, 35.2), ("Baalbek", 34.0, 36.2)), {("strikes", "Tyre"), ("hit", "Baalbek")}),
    # negatives: one place named once, one happening
    ("Overnight the Russians dropped guided bombs on Yunakivka and struck it with drones.",
     (("Yunakivka", 51.1, 35.0),), {("bombs", "Yunakivka")}),
])
def test_an_act_named_by_its_noun_and_another_verb_at_two_places_stay_two(run_events, text: str, places: tuple,  # noqa: ANN001
                                                                          expected: set) -> None:
    events = _assaults(run_events(text, places=tuple(place(text, n, lat=lat, lon=lon) for n, lat, lon in places)))
    assert {(e.trigger, e.place.text if e.place else None) for e in events} == expected, \
        [(e.trigger, e.place and e.place.text) for e in events]


def test_an_order_and_a_deed_in_one_sentence_stay_two(run_events) -> None:
    text = "Commanders ordered troops to storm the village, and the rebels seized the nearby bridge."
    events = _assaults(run_events(text))
    assert {e.status.value for e in events} == {"ordered", "happened"}, [(e.trigger, e.status) for e in events]


def test_an_order_told_as_carried_out_by_a_participle_is_one(run_events) -> None:
    # negative case: "given the order to withdraw, effectively handing back control" is one event
    text = "Russian soldiers have been given the order to withdraw from the bank, effectively handing back control."
    retreats = [e for e in run_events(text) if e.plover_type == "RETREAT"]
    assert len(retreats) == 1, [(e.trigger, e.status) for e in retreats]


def test_a_headline_is_the_body_event_it_tells(run_events) -> None:
    title = "Air strike on village gathering must be investigated"
    text = title + "\n\nThe military's air strike on the village on Tuesday killed at least 100 people."
    events = _assaults(run_events(text, title=title))
    assert len(events) == 1 and not events[0].evidence.text.startswith("Air strike"), [e.trigger for e in events]


def test_a_headline_event_the_body_does_not_tell_stays(run_events) -> None:
    # negative cases: a body without an attack keeps the headline's; a text not opening with its title merges nothing
    title = "Air strike on village gathering must be investigated"
    text = title + "\n\nThe rights group called for an independent inquiry on Tuesday."
    assert len(_assaults(run_events(text, title=title))) == 1
    text = "Residents buried the dead on Wednesday.\n\nThe military's air strike on the village killed 100 people."
    assert len(_assaults(run_events(text, title=title))) == 1


def test_headline_end() -> None:
    from frontlines.events.merge import headline_end

    assert headline_end("Kyiv says   fighting goes on\n\nBody.", "Kyiv says fighting goes on") == 28
    assert headline_end("Body first. Kyiv says fighting goes on", "Kyiv says fighting goes on") == 0
    assert headline_end("Anything", None) == 0
    # with no title, a first line standing alone over the body, with no sentence-ending stop, is the headline
    assert headline_end("Russian attack on Mykolaiv kills one\n\nA missile hit the city.", None) == 36
    # negative cases: a first paragraph that is a sentence, of several lines, or with no body under it
    assert headline_end("A missile hit Mykolaiv overnight.\n\nThe mayor said one person died.", None) == 0
    assert headline_end('Russia says "we will respond"\n\nThe ministry spoke on Monday.', None) == 0
    assert headline_end("Kyiv under fire\nUpdated at noon\n\nA missile hit the city.", None) == 0
    assert headline_end("Russian attack on Mykolaiv kills one", None) == 0


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # an untitled text whose first line is its headline: the headline's attack is the body's
        ("Russian attack on Mykolaiv kills one\n\nA Russian missile hit a residential area of Mykolaiv overnight, "
         "killing one person, the mayor said.", 1),
        # negative case: a first paragraph that is a sentence of its own tells its own attack
        ("Russian forces shelled Kherson on Monday.\n\nA Russian missile hit a residential area of Mykolaiv "
         "overnight, killing one person.", 2),
    ],
)
def test_an_untitled_first_line_is_the_headline(run_events, text: str, count: int) -> None:
    points = {"Kherson": (46.64, 32.61), "Mykolaiv": (46.97, 32.0)}
    places = tuple(place(text, k, lat=lat, lon=lon) for k, (lat, lon) in points.items() if k in text)
    events = _assaults(run_events(text, places=places))
    assert len(events) == count, [e.trigger for e in events]


def test_a_note_toll_without_a_doer_is_the_attack_before_it(run_events) -> None:
    """Events v32: "Three civilians injured." is a passive as notes write it; the victims are no doers."""
    text = "On 30 August 2024, Russian aircraft dropped guided aerial bombs on Myrnohrad. Three civilians injured."
    events = _assaults(run_events(text))
    assert len(events) == 1 and not any(a.name == "civilians" for e in events for a in e.sources), \
        [(e.trigger, e.sources) for e in events]


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        ("Three civilians injured.", []),
        ("Two soldiers killed near Bakhmut.", []),
        # negative cases: an object, or an auxiliary, and the subject is the doer or the passive's patient
        ("Gunmen killed three farmers in the village.", ["Gunmen"]),
        ("Gunmen have killed three farmers.", ["Gunmen"]),
    ],
)
def test_a_reduced_passive_has_no_doer(nlp, text: str, doers: list) -> None:
    from frontlines.events.roles import agent_tokens

    head = next(t for t in nlp(text) if t.lemma_ in ("injure", "kill"))
    assert [t.text for t in agent_tokens(head)] == doers


def test_the_other_side_giving_way_is_the_same_change_of_hands(run_events) -> None:
    text = "On 28 April 2024, Russian forces took control of Ocheretyne; Ukrainian forces withdrew."
    events = run_events(text)
    assert [e.plover_type for e in events] == ["ASSAULT"], [(e.trigger, e.plover_type) for e in events]


@pytest.mark.parametrize(
    ("text", "said_by"),
    [
        # the capture told as fact keeps its own telling: the other side's word on its withdrawal is no claim of it
        ("Ukrainian troops entered Kherson on Friday, hours after Moscow said it had pulled its forces out of "
         "Kherson.", None),
        # negative case: a capture told as a party's word stays that party's
        ("Ukrainian troops entered Kherson on Friday after Russian forces pulled out of Kherson, the army said.",
         "army"),
    ],
)
def test_a_capture_keeps_its_own_telling_when_the_other_side_gives_way(run_events, text: str,
                                                                        said_by: str | None) -> None:
    events = run_events(text, places=(place(text, "Kherson", lat=46.64, lon=32.61),))
    assert [e.plover_type for e in events] == ["ASSAULT"], [(e.trigger, e.plover_type) for e in events]
    told_by = events[0].attributed_to
    assert (told_by is None) if said_by is None else (told_by is not None and said_by in told_by), told_by


@pytest.mark.parametrize(
    "text",
    [
        # the taker pulling out later is a second happening
        "Rebels captured Goma on Monday and pulled out ten days later.",
        # a withdrawal from somewhere else is another event
        "Russian forces took control of Ocheretyne, while Ukrainian forces withdrew from Kupiansk.",
    ],
)
def test_a_withdrawal_that_is_another_happening_stays(run_events, text: str) -> None:
    places = tuple(place(text, name, lat=lat, lon=lon) for name, lat, lon in
                   (("Goma", -1.68, 29.22), ("Ocheretyne", 48.22, 37.61), ("Kupiansk", 49.71, 37.61)) if name in text)
    kinds = [e.plover_type for e in run_events(text, places=places)]
    assert "RETREAT" in kinds and "ASSAULT" in kinds, kinds


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # the force used on protesters is one event; the protesters it is aimed at are its targets (v34)
        ("Security forces opened fire on demonstrators in Khartoum, killing five.", 1),
        ("Police fired tear gas at protesters in Nairobi on Tuesday.", 1),
        # negative: protesters who act are the protest
        ("Protesters clashed with police in Nairobi.", 1),
    ],
)
def test_force_on_protesters_is_one_event(run_events, text: str, n: int) -> None:
    events = run_events(text)
    assert len(events) == n, [(e.trigger, e.plover_type) for e in events]


# One act of a kind per sentence unless the sentence tells them apart (events v42).
ONE_ACT = [
    # one speech act told with two verbs
    ("We urge the authorities to ensure accountability, and we call on donors to fund the mission.",
     "REQUEST", 1),
    # one measure told with two objects
    ("The government declared a state of emergency and imposed a night-time curfew on Sunday.", "COERCE", 1),
    # negative: two ACLED sub-types (a curfew and arrests)
    ("Police imposed a curfew and arrested 30 people.", "COERCE", 2),
    # negative: one told as done, the other as aimed at
    ("The army shelled the town and plans to storm the bridge.", "ASSAULT", 2),
]


@pytest.mark.parametrize(("text", "plover", "n"), ONE_ACT, ids=[r[0][:40] for r in ONE_ACT])
def test_one_act_of_a_kind_per_sentence(run_events, text, plover, n) -> None:  # noqa: ANN001
    events = [e for e in run_events(text) if e.plover_type == plover]
    assert len(events) == n, [(e.trigger, e.acled_sub_event_type, e.status.value) for e in events]


def _party(text: str, needle: str, nth: int) -> Actor:
    return Actor(text=needle, evidence=_ev(text, needle, nth=nth), name=needle, kind="state", side=needle)


def test_acts_of_two_doers_in_one_sentence_stay_two(run_events) -> None:
    # negative: each side's accusation is its own event
    text = "Russia accused Ukraine of shelling the plant, and Ukraine accused Russia of mining it."
    actors = tuple(_party(text, n, k) for n in ("Russia", "Ukraine") for k in (0, 1))
    events = [e for e in run_events(text, actors=actors) if e.plover_type == "ACCUSE"]
    assert len(events) == 2, [(e.trigger, [a.name for a in e.sources]) for e in events]


def test_acts_aimed_at_two_parties_in_one_sentence_stay_two(run_events) -> None:
    # negative: a request to each party
    text = "The envoy urged Russia to withdraw its troops, and she called on Ukraine to hold talks."
    actors = (_party(text, "Russia", 0), _party(text, "Ukraine", 0))
    events = [e for e in run_events(text, actors=actors) if e.plover_type == "REQUEST"]
    assert len(events) == 2, [(e.trigger, [a.name for a in e.targets]) for e in events]


@pytest.mark.parametrize(
    ("text", "part", "kept"),
    [
        # what an attack did, told as its doings, is that attack
        ("Gangs stormed the main prison on Saturday and freed some 3,700 inmates.", "freed", None),
        ("A drone struck a camp for displaced people on Sunday. At least 40 people were killed; many were burned.",
         "burned", None),
        ("Gunmen raided the village of Kata on Thursday. The attackers also set fire to dozens of houses.",
         "set", None),
        # events v194: further violence of "the attackers", also in a verb coordinated with theirs
        ("Gunmen killed 21 villagers in Kata on Thursday. The attackers also burned five homes, looted property "
         "and beat residents.", "beat", None),
        ("Gunmen killed 21 villagers in Kata on Thursday. The attackers shot two guards.", "shot", None),
        # events v196: a passive coordinated with the attack's verb: its subject was acted on, no doer
        ("A patrol came under fire near Kata on Thursday; two insurgents were killed and an AK-47 was recovered.",
         "recovered", None),
        # events v195: a seizure told "at the scene" of the attack told just before
        ("Troops came under fire from gunmen near Kata on Thursday. One soldier was wounded. Soldiers seized "
         "16 rifles at the scene, the ministry said.", "seized", None),
        # negative cases: an act of its own day, an act of a named doer, a release with no attack before it
        ("Israel captured the heights on 10 June 1967 and annexed them on 14 December 1981.", None, "annexed"),
        ("Gunmen raided the village on Thursday. Police arrested 20 people on Friday.", None, "arrested"),
        ("Gunmen raided the village on Thursday. Soldiers set fire to houses in the next town.", None, "set"),
        ("Gunmen killed 21 villagers in Kata on Thursday. Soldiers later shot two of the attackers.", None, "shot"),
        ("A patrol came under fire near Kata on Thursday; two insurgents were killed and 16 men were arrested by "
         "the police.", None, "arrested"),
        # events v197: not an attack declared over by another party, nor a change of hands
        ("Gunmen stormed a hotel in Mogadishu on Friday. By midnight security forces had declared the siege over. "
         "The gunmen killed 21 people.", None, "killed"),
        ("Troops came under fire from gunmen near Kata on Thursday. One soldier was wounded. Soldiers seized "
         "16 rifles in a raid on a warehouse, the ministry said.", None, "seized"),
        ("Gunmen killed 21 villagers in Kata on Thursday. The attackers shot two guards on Sunday.", None, "shot"),
        ("The two sides signed a truce on Friday. Hundreds of detainees were freed.", None, "freed"),
    ],
)
def test_what_an_attack_did_is_that_attack(run_events, text: str, part: str | None, kept: str | None) -> None:
    days = {"10 June 1967": "1967-06-10", "14 December 1981": "1981-12-14", "Thursday": "2022-11-03",
            "Sunday": "2022-11-06"}
    times = tuple(timev(text, k, v) for k, v in days.items() if k in text)
    triggers = {e.trigger.split()[0] for e in run_events(text, times=times)}
    assert (part is None or part not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a verb telling the making of an event noun of its type is that event, whatever place the rest of
        # the sentence gives the verb
        ("A China-brokered truce agreed in January largely held until June, when the rebels attacked Mandalay.", 1),
        ("A ceasefire signed in China in January broke down in June, when the rebels attacked Mandalay.", 1),
        # negative cases: the noun is another verb's subject; two acts, each with its own noun and place
        ("The truce in China held until the rebels agreed to a new deal in Mandalay in January.", 2),
        ("The truce was agreed in China in January, and a second truce was signed in Mandalay in June.", 2),
    ],
)
def test_a_verb_telling_the_making_of_its_noun_is_one_event(run_events, text: str, count: int) -> None:
    places = (place(text, "China", lat=35.0, lon=103.0), place(text, "Mandalay", lat=21.97, lon=96.08))
    days = {"January": "2024-01", "June": "2024-06"}
    times = tuple(timev(text, k, v) for k, v in days.items() if k in text)
    events = [e for e in run_events(text, places=places, times=times) if e.plover_type == "AGREE"]
    assert len(events) == count, [(e.trigger, e.place.name if e.place else None) for e in events]


@pytest.mark.parametrize(
    ("text", "days", "n"),
    [
        # two verbs joined by "and", each with its own day: two happenings (v83)
        ("Rebels began storming the town on Monday and took the airport on Thursday.",
         (("on Monday", "2022-11-07"), ("on Thursday", "2022-11-03")), 2),
        # negative: one day, or a day for one verb only, is one happening told with two verbs
        ("Rebels began storming the town on Monday and took the airport.", (("on Monday", "2022-11-07"),), 1),
        # negative: a day of a clause that is not joined by "and" ("when ... on Saturday, ... said on Sunday")
        ("Gunmen attacked the market when militants stormed the town on Saturday, officials said on Sunday.",
         (("on Saturday", "2022-11-05"), ("on Sunday", "2022-11-06")), 1),
    ],
)
def test_joined_acts_on_two_days_stay_two(run_events, text: str, days: tuple, n: int) -> None:  # noqa: ANN001
    events = _assaults(run_events(text, times=tuple(timev(text, w, v) for w, v in days)))
    assert len(events) == n, [(e.trigger, e.time.value if e.time else None) for e in events]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # people named by a harm done to them were harmed in the attack told before: who they were or how
        # they died is that attack told again
        ("Two car bombs exploded at a junction in the capital on Saturday. The president said: \"Our people "
         "who were massacred included mothers with their children.\"", 1),
        ("Soldiers attacked the village in July. Most of those killed were shot by the soldiers.", 1),
        # negative cases: no attack told before; the killers, not the killed; an attack of another day
        ("Most of those killed in the town were shot by the police, the report said.", 1),
        ("Soldiers attacked the village in July. The men who killed them were shot by the police.", 2),
        ("Soldiers attacked the village on 3 July. On 9 July, most of those killed were shot by the police.", 2),
    ],
)
def test_what_is_said_of_the_victims_is_the_attack_told_before(run_events, text: str, count: int) -> None:
    days = {"3 July": "2022-07-03", "9 July": "2022-07-09", "July": "2022-07", "Saturday": "2022-11-05"}
    times = tuple(timev(text, k, v) for k, v in days.items() if k in text and not (k == "July" and "3 July" in text))
    events = _assaults(run_events(text, times=times))
    assert len(events) == count, [e.trigger for e in events]


def test_a_toll_far_below_updates_the_counted_attack(run_events) -> None:
    # a live blog: the update is a paragraph of its own, and an interception told between has no count
    text = ("09:00 - US strikes on the port killed 58 people.\n\n"
            "11:00 - A missile fired at Tel Aviv was intercepted.\n\n"
            "14:00 - Update: the death toll from the port rises to 74, with 171 injured.")
    events = _assaults(run_events(text))
    counted = [e for e in events if any(q.kind == "killed" for q in e.quantities)]
    assert len(counted) == 1 and counted[0].trigger.startswith("strikes"), [(e.trigger, e.quantities) for e in events]
    assert not any(e.evidence.text.startswith("Update") for e in events), [e.evidence.text for e in events]


def test_a_casualty_clause_far_below_without_a_toll_stays_apart(run_events) -> None:
    # negative: without "toll" a count told paragraphs later is not tied to a far attack
    text = ("09:00 - US strikes on the port killed 58 people.\n\n"
            "11:00 - Sirens sounded in the north.\n\n"
            "14:00 - In another town, three people were killed.")
    events = _assaults(run_events(text))
    assert len(events) == 2, [e.trigger for e in events]


def test_a_threat_is_no_later_telling_of_a_strike(run_events) -> None:
    text = ("The deadliest single strike of the campaign hit the port on Thursday. "
            "The group said attacks on shipping will continue.")
    events = [e for e in run_events(text, times=(timev(text, "Thursday", "2025-04-17"),))
              if e.plover_type in ("ASSAULT", "THREATEN")]
    # the attacks said to come are the group's stated threat (PLOVER THREATEN, events v263), the strike an ASSAULT
    assert sorted(e.plover_type for e in events) == ["ASSAULT", "THREATEN"], [(e.trigger, e.status) for e in events]


def test_a_bare_explosion_is_the_blast_whose_means_the_paragraph_names(run_events) -> None:
    text = ("An explosion tore through a market in the town on Sunday. At least 18 people died in the blast, "
            "police said. A suicide bomber detonated explosives strapped to her body, a witness said.")
    events = _assaults(run_events(text, places=(place(text, "town", lat=11.8, lon=13.15),),
                                  times=(timev(text, "Sunday", "2024-03-03"),)))
    assert len(events) == 1 and events[0].acled_sub_event_type == "Suicide bomb", \
        [(e.trigger, e.acled_sub_event_type) for e in events]


def test_an_explosion_in_another_town_stays_apart(run_events) -> None:
    # negative: two named places are two happenings, whatever the means
    text = "An explosion hit a market in Maiduguri on Sunday. Militants shelled Monguno on Sunday."
    events = _assaults(run_events(text, places=(place(text, "Maiduguri", lat=11.85, lon=13.16),
                                                place(text, "Monguno", lat=12.67, lon=13.61)),
                                  times=(timev(text, "Sunday", "2024-03-03"),)))
    assert len(events) == 2, [(e.trigger, e.place) for e in events]


def test_a_killing_told_of_an_attack_noun_is_its_toll(run_events) -> None:
    # the sentence's protesters do not make the killing force used on them: it is the explosion's
    text = ("Anger spread on Wednesday over an explosion that killed hundreds of people at a hospital, "
            "as protesters took to the streets.")
    events = run_events(text)
    killings = [e for e in events if e.trigger.startswith("killed")]
    assert not killings, [(e.trigger, e.plover_type, e.acled_sub_event_type) for e in events]


def test_a_killing_told_of_a_people_noun_stays_its_own(run_events) -> None:
    # negative: a relative clause on the doers is their act, not another event's toll
    text = "Soldiers who killed 12 protesters in the capital were arrested on Monday."
    events = run_events(text)
    assert any(e.trigger.startswith("killed") for e in events), [e.trigger for e in events]


# A deed told after another by a definite noun taking up the first one's doer, with no day or place of its
# own that differs, is how that happening went (events v134); a plain attack takes the later mention's
# more specific kind. Another day or another place makes two; a named group is no noun taken up.
DOERS_AGAIN = [
    ("Armed men raided a market in Zurmi on Friday. The armed men abducted dozens of traders and set stalls ablaze.",
     [("raided", "Abduction/forced disappearance")]),
    ("Gunmen killed five farmers near Gusau on Monday. The gunmen also kidnapped two women.", [("killed", "Attack")]),
    # another day, another place: two
    ("Gunmen killed five farmers near Gusau on Monday. On Wednesday the gunmen attacked a village in Sokoto state.",
     [("killed", "Attack"), ("attacked", "Attack")]),
]


@pytest.mark.parametrize(("text", "expected"), DOERS_AGAIN, ids=[t[1][-1][0] + str(len(t[1])) for t in DOERS_AGAIN])
def test_a_doer_taken_up_again_tells_the_same_happening(pipeline_resources: Any, text: str, expected: list) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2024, 3, 8)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "ASSAULT"]
    assert [(e.trigger, e.acled_sub_event_type) for e in events] == expected


# A deed a party denies that the article has told before is that deed (events v151), and so is the
# denier's own version in a participle of saying; a day in the denial's clause is the denial's. A denied
# deed with a patient not presented as known, another day or another place of its own stays apart.
DENIED_AGAIN = [
    ("Missiles struck a market. The ministry denied that its forces had struck the market.", 1),
    ("Shortly before midnight on 2 July, an airstrike hit a detention centre in Tajoura. On 3 July, a rebel "
     "spokesman denied that its aircraft had targeted the centre, saying it had struck a nearby militia camp.", 1),
    ("Rebels said on Saturday that they had taken Bakhmut. Kyiv's spokesman denied that the city was taken.", 1),
    # a charge's content, another day or another place of its own
    ("Missiles struck a market in Kharkiv. The ministry denied that its forces had shelled villages.", 2),
    ("Missiles struck a market in Kharkiv on Monday. The ministry denied that its forces had struck the bridge "
     "on Friday.", 2),
    ("Drones struck a fuel depot in Kharkiv. The ministry denied that its forces had struck the port in Odesa.", 2),
]


@pytest.mark.parametrize(("text", "n"), DENIED_AGAIN, ids=[f"{t[0][:30]}-{t[1]}" for t in DENIED_AGAIN])
def test_a_denied_deed_told_before_is_that_deed(pipeline_resources: Any, text: str, n: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2019, 7, 4)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "ASSAULT"]
    assert len(events) == n, [(e.trigger, e.status.value, e.time and e.time.value) for e in events]


def _two_places(text: str, first: str, second: str) -> tuple:
    """Places for the first occurrence of ``first`` and the last occurrence of ``second`` (one town told twice)."""
    a = place(text, first, lat=40.68, lon=46.36)
    start = text.rindex(second)
    b = replace(a, text=second, name=second, evidence=replace(a.evidence, start=start, end=start + len(second),
                                                              text=second))
    if second != first:
        b = replace(b, lat=41.2, lon=47.1)
    return a, b


# events v190: a mention that the setting leaves with no ACLED sub-type (here a drug market makes the blasts
# a crime setting's) and one typed by its means, at one named place and day, are one happening
UNTYPED = [
    ("Strong explosions were heard near the drug market in Lysa overnight. "
     "A missile hit a residential building in Lysa, officials said.", "Lysa", "Lysa", 1),
    # another named place: two happenings
    ("Strong explosions were heard near the drug market in Lysa overnight. "
     "A missile hit a residential building in Dobra, officials said.", "Lysa", "Dobra", 2),
]


@pytest.mark.parametrize(("text", "first", "second", "n"), UNTYPED)
def test_an_untyped_mention_joins_the_typed_one_of_its_place(run_events, text: str, first: str, second: str,
                                                               n: int) -> None:
    events = _assaults(run_events(text, places=_two_places(text, first, second)))
    assert len(events) == n, [(e.trigger, e.acled_sub_event_type, e.place and e.place.name) for e in events]
    if n == 1:
        assert events[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_an_untyped_mention_of_another_day_stays_apart(run_events) -> None:
    text = ("Strong explosions were heard near the drug market in Lysa on Monday. "
            "A missile hit a residential building in Lysa on Wednesday, officials said.")
    events = _assaults(run_events(text, places=_two_places(text, "Lysa", "Lysa"),
                                  times=(timev(text, "Monday", "2022-11-07"), timev(text, "Wednesday", "2022-11-09"))))
    assert len(events) == 2, [(e.trigger, e.acled_sub_event_type) for e in events]

# events v193: a participle telling what an attack did hangs on the verb the attack noun is the subject of,
# or is the conjunct of such a participle: one event, whatever place each clause got
PARTICIPLES = [
    ("A car bomb exploded near a market in Dobra, killing three soldiers and wounding nine civilians in Lysa, "
     "officials said.", 1),
    # the participles tell what another clause's act did: two events
    ("A car bomb exploded near a market in Dobra while troops stormed a base in Lysa, killing three soldiers and "
     "wounding nine civilians.", 2),
]


@pytest.mark.parametrize(("text", "n"), PARTICIPLES)
def test_a_participle_of_the_attack_nouns_verb_is_the_attack(run_events, text: str, n: int) -> None:
    events = _assaults(run_events(text, places=(place(text, "Dobra", lat=8.0, lon=124.3),
                                                place(text, "Lysa", lat=9.5, lon=125.9))))
    assert len(events) == n, [(e.trigger, e.place and e.place.name) for e in events]


# (v199) captives told in the passive with no doer, within two sentences after a raid in its paragraph, are what the
# raid took: one event, an abduction (ACLED codes the raid by what it did to the people it took); captives taken on
# another day, by doers of their own, stay an event of their own
CAPTIVES = [
    ("On Tuesday, gunmen stormed a church in Eruku during an evening service. Three worshippers were killed and 38 "
     "were taken away, the state government said.", ["Abduction/forced disappearance"]),
    ("On Friday, armed men raided a boarding school in Papiri. The Christian Association said 303 pupils and 12 "
     "teachers were abducted.", ["Abduction/forced disappearance"]),
    ("On Friday, armed men raided a boarding school in Papiri. On Sunday, bandits abducted 12 farmers in Kontagora.",
     ["Attack", "Abduction/forced disappearance"]),
]


@pytest.mark.parametrize(("text", "subs"), CAPTIVES, ids=["taken-away", "abducted", "own-day-and-doers"])
def test_captives_told_after_a_raid_are_what_it_took(run_events, text: str, subs: list[str]) -> None:
    assert [e.acled_sub_event_type for e in run_events(text)] == subs


# A deed that reports called untrue tell, told before, is that deed (events v253): the denial joins it, which keeps
# its own day; told nowhere before, the reports' deed stays, denied.
def test_reports_called_false_of_a_deed_told_before_are_that_deed(run_events) -> None:
    text = ("Soldiers shot dead at least 21 civilians in Ngarbuh on Friday, witnesses said.\n\n"
            "On Monday, the communication minister described reports of a massacre as false.")
    events = _assaults(run_events(text, times=(timev(text, "Friday", "2020-02-14"), timev(text, "Monday",
                                                                                          "2020-02-17"))))
    assert len(events) == 1, [(e.trigger, e.status) for e in events]
    assert events[0].time is not None and events[0].time.value == "2020-02-14"


def test_reports_called_false_of_a_deed_told_nowhere_else_stay_denied(run_events) -> None:
    text = "The communication minister described reports of a massacre in Ngarbuh as false."
    events = _assaults(run_events(text))
    assert [e.status.value for e in events] == ["denied"], [(e.trigger, e.status) for e in events]


# A denial that joins a deed told before (v253) makes another party's claim or someone's report of it denied, still
# attributed to its teller (events v420, corpus conventions 4 and 5); told in the article's own voice it stays.
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The rebels said they had captured the town on Saturday.\n\nThe government denied that the town was taken.",
         "denied"),
        ("Rebels captured the town on Saturday.\n\nThe government denied that the town was taken.", "happened"),
    ],
)
def test_a_claim_the_denial_answers_is_denied(run_events, text: str, status: str) -> None:
    events = _assaults(run_events(text))
    assert [e.status.value for e in events] == [status], [(e.trigger, e.status, e.attributed_to) for e in events]


@pytest.mark.parametrize(("text", "n"), [
    ("About 30,000 troops are in the province, including volunteers and conscripts called up to fight following a "
     "mobilisation order in May.", 1),
    ("Reservists called up under a mobilisation order last month have reached the front.", 1),
    # negative cases: an order told in a clause of its own, and an order not yet carried out, are acts of their own
    ("The army mobilised reservists last week, and the president ordered a second mobilisation.", 2),
])
def test_a_deed_told_with_the_order_that_made_it_is_one(run_events, text: str, n: int) -> None:  # noqa: ANN001
    calls = [e for e in run_events(text) if e.plover_type == "MOBILIZE"]
    assert len(calls) == n, [(e.trigger, e.status) for e in calls]
