"""events.merge within a sentence: triggers of one sentence that name one happening are one event, one act
of a kind per sentence (table tests with the cases that must stay apart)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.records import Actor
from tests.events.conftest import _ev, place, timev


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


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


# A noun under a distributive determiner ("any", "each", "either", "neither") is a generic mention of the deeds
# told, not a happening of its own (v480 adds "either" and "neither"); a definite or bare one may be an event.
GENERIC_MENTIONS = [
    ("Drones struck two oil fields this morning. No one was hurt in either attack.", 1),
    ("Drones struck two oil fields this morning. Neither attack caused casualties.", 1),
    ("Drones struck two oil fields this morning. Gunmen killed a guard in an attack on a pipeline.", 2),
]


@pytest.mark.parametrize(("text", "n"), GENERIC_MENTIONS, ids=["either", "neither", "an-attack"])
def test_a_mention_under_a_distributive_determiner_is_no_event(run_events, text: str, n: int) -> None:  # noqa: ANN001
    events = _assaults(run_events(text))
    assert len(events) == n, [e.trigger for e in events]
