"""Control-changing events: captures, retakings, withdrawals and denials with their place and sides.

Stage-level tables over hand-built place/actor records (stage.py: _control_typing,
_speaker_side; roles.py: choose_place's undergoer and antecedent rules; coder.py:
the "territory" refinement). Negative cases: orders, threats, hypotheses, failures
and non-territorial uses of the same verbs change no control.
"""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus, Sector
from tests.events.conftest import actor, place

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}

# (text, place needle, actor (needle, name, ISO3) or None, trigger, sub-type, place expected, source side, status)
CASES = [
    # the place is the subject the relative/infinitival clause's noun is predicated of
    ("Avdiivka was one of the last towns to fall to Russian troops in February.", "Avdiivka",
     ("Russian troops", "Russian Armed Forces", "RUS"), "fall to", "Non-state actor overtakes territory",
     True, "RUS", EventStatus.HAPPENED),
    ("Mariupol was the only port captured by Russian forces in the spring.", "Mariupol",
     ("Russian forces", "Russian Armed Forces", "RUS"), "captured", "Non-state actor overtakes territory",
     True, "RUS", EventStatus.HAPPENED),
    # the passive subject and the subject of "fall" are what is taken
    ("Kupiansk was recaptured by Ukrainian forces on Saturday.", "Kupiansk",
     ("Ukrainian forces", "Armed Forces of Ukraine", "UKR"), "recaptured", "Government regains territory",
     True, "UKR", EventStatus.HAPPENED),
    ("Balakliia was liberated by Ukrainian troops.", "Balakliia",
     ("Ukrainian troops", "Armed Forces of Ukraine", "UKR"), "liberated", "Government regains territory",
     True, "UKR", EventStatus.HAPPENED),
    ("Ukrainian forces regained control of Vovchansk on Sunday.", "Vovchansk",
     ("Ukrainian forces", "Armed Forces of Ukraine", "UKR"), "regained control", "Government regains territory",
     True, "UKR", EventStatus.HAPPENED),
    ("Ukrainian troops entered Snihurivka on Friday.", "Snihurivka",
     ("Ukrainian troops", "Armed Forces of Ukraine", "UKR"), "entered", "Government regains territory",
     True, "UKR", EventStatus.HAPPENED),
    ("Ukrainian soldiers raised the flag over Vysokopillia.", "Vysokopillia",
     ("Ukrainian soldiers", "Armed Forces of Ukraine", "UKR"), "raised the flag", "Government regains territory",
     True, "UKR", EventStatus.HAPPENED),
    # a denial of a loss is a denied control change, with the denier's side
    ("The Russian defence ministry denied that its troops had fled Lyman.", "Lyman",
     ("Russian defence ministry", "Russian Ministry of Defence", "RUS"), "fled", "Non-violent transfer of territory",
     True, "RUS", EventStatus.DENIED),
    ("The Russian defence ministry denied that the village of Dudchany had been lost.", "Dudchany",
     ("Russian defence ministry", "Russian Ministry of Defence", "RUS"), "lost", "Non-violent transfer of territory",
     True, "RUS", EventStatus.DENIED),
]

# (text, place needle, actor or None, trigger or None): no event, or one whose status or type changes no control
NEGATIVE = [
    ("Russian troops in Lyman were ordered to withdraw.", "Lyman",
     ("Russian troops", "Russian Armed Forces", "RUS"), "withdraw"),
    ("Bakhmut could fall to Russian forces within days.", "Bakhmut",
     ("Russian forces", "Russian Armed Forces", "RUS"), "fall to"),
    ("Russian forces threatened to capture Kupiansk.", "Kupiansk",
     ("Russian forces", "Russian Armed Forces", "RUS"), "threatened"),  # the threat; its content is no event
    ("Russian forces failed to take Vuhledar.", "Vuhledar", ("Russian forces", "Russian Armed Forces", "RUS"), None),
    ("Civilians fled Lyman as the shelling intensified.", "Lyman", None, None),  # a displacement, no event
    ("Tourists entered Lviv on Friday.", "Lviv", None, None),
    ("The talks took place in Kyiv on Friday.", "Kyiv", None, None),
    ("Soldiers took part in a parade in Kyiv.", "Kyiv", ("Soldiers", "soldiers", "UKR"), None),
    ("The team lost the match in Kharkiv.", "Kharkiv", None, None),
    ("Russian forces attacked positions near Vuhledar, losing dozens of armoured vehicles.", "Vuhledar",
     ("Russian forces", "Russian Armed Forces", "RUS"), None),
]

_NO_CHANGE = {EventStatus.ORDERED, EventStatus.ANNOUNCED, EventStatus.PLANNED, EventStatus.THREATENED,
              EventStatus.HYPOTHETICAL, EventStatus.NEGATED}


def _records(text: str, where: str, who: tuple[str, str, str] | None) -> dict:
    actors = (actor(text, who[0], who[1], who[2], Sector.MILITARY),) if who else ()
    return {"places": (place(text, where),), "actors": actors}


@pytest.mark.parametrize(("text", "where", "who", "trigger", "sub", "placed", "side", "status"), CASES)
def test_control_events(run_events, text, where, who, trigger, sub, placed, side, status) -> None:  # noqa: ANN001
    events = {e.trigger: e for e in run_events(text, **_records(text, where, who))}
    assert trigger in events, sorted(events)
    event = events[trigger]
    assert event.acled_sub_event_type == sub
    assert (event.place is not None and event.place.name == where) is placed
    assert side in {a.side for a in event.sources}
    assert event.status == status


@pytest.mark.parametrize(("text", "where", "who", "trigger"), NEGATIVE)
def test_no_control_change(run_events, text, where, who, trigger) -> None:  # noqa: ANN001
    events = run_events(text, **_records(text, where, who))
    for event in events:
        if event.acled_sub_event_type in TERRITORY:
            assert event.status in _NO_CHANGE, (event.trigger, event.status)
    if trigger is not None:
        assert trigger in {e.trigger for e in events}, sorted(e.trigger for e in events)


# ---------------------------------------------------------------- which settlement changes hands (events/territory.py)
# (text, place needles, actor (needle, name, ISO3), trigger, the settlement the change is about or None)
# None: the event keeps a place for the map, marked as not what the trigger takes, and changes no control.
TAKEN = [
    # the object, through "of", and conjuncts: the settlement taken
    ("Ukrainian troops retook the city of Izium on Saturday.", ["Izium"],
     ("Ukrainian troops", "Armed Forces of Ukraine", "UKR"), "retook", "Izium"),
    ("M23 rebels took control of Goma on Tuesday.", ["Goma"], ("M23 rebels", "M23", "COD"), "took control", "Goma"),
    ("Russian forces took Vuhledar on Wednesday.", ["Vuhledar"], ("Russian forces", "Russian Armed Forces", "RUS"),
     "took", "Vuhledar"),
    ("Avdiivka was taken by Russian forces.", ["Avdiivka"], ("Russian forces", "Russian Armed Forces", "RUS"),
     "taken", "Avdiivka"),
    ("The group said it had captured Lashio and the army's regional headquarters.", ["Lashio"],
     ("The group", "MNDAA", "MMR"), "captured", "Lashio"),
    ("Rebel fighters seized most of Aleppo on Saturday.", ["Aleppo"], ("Rebel fighters", "rebels", None), "seized",
     "Aleppo"),
    # "X came under the control of Y": the subject is taken, Y takes it
    ("Wad Madani came under the control of the Rapid Support Forces.", ["Wad Madani"],
     ("Rapid Support Forces", "Rapid Support Forces", None), "came under the control", "Wad Madani"),
    # the place the verb's preposition carries: a flag raised over it, a withdrawal from it
    ("Ukrainian soldiers raised the flag over Lyman.", ["Lyman"],
     ("Ukrainian soldiers", "Armed Forces of Ukraine", "UKR"), "raised the flag", "Lyman"),
    # the subject of a passive, the antecedent of "fell to" (a sentence naming another place first)
    ("In the Kharkiv region, Balakliia was liberated by Ukrainian troops.", ["Kharkiv", "Balakliia"],
     ("Ukrainian troops", "Armed Forces of Ukraine", "UKR"), "liberated", "Balakliia"),
    # an entry told with the withdrawal that made it possible
    ("Ukrainian troops entered Kherson after Russian forces completed their withdrawal across the Dnipro.",
     ["Kherson", "Dnipro"], ("Ukrainian troops", "Armed Forces of Ukraine", "UKR"), "entered", "Kherson"),
    # a settlement in an apposition after the one taken is not taken
    ("Ukrainian forces liberated Snihurivka, a town in the Mykolaiv region, on Thursday.", ["Snihurivka", "Mykolaiv"],
     ("Ukrainian forces", "Armed Forces of Ukraine", "UKR"), "liberated", "Snihurivka"),
    # direction and proximity veto: the place is where the fighting is
    ("Russian forces seized positions on the outskirts of Vovchansk.", ["Vovchansk"],
     ("Russian forces", "Russian Armed Forces", "RUS"), "seized", None),
    ("Russian forces captured the approaches to Bakhmut.", ["Bakhmut"],
     ("Russian forces", "Russian Armed Forces", "RUS"), "captured", None),
    ("M23 rebels advanced towards Bukavu after seizing the airport at Kavumu.", ["Bukavu", "Kavumu"],
     ("M23 rebels", "M23", "COD"), "seizing", None),
    ("Russian troops captured two villages near Pokrovsk.", ["Pokrovsk"],
     ("Russian troops", "Russian Armed Forces", "RUS"), "captured", None),
    # a part of a settlement is not the settlement
    ("Wagner fighters raised a flag over the city administration building in Bakhmut.", ["Bakhmut"],
     ("Wagner fighters", "Wagner Group", "RUS"), "raised a flag", None),
    ("Russian forces seized part of Vovchansk.", ["Vovchansk"],
     ("Russian forces", "Russian Armed Forces", "RUS"), "seized", None),
    # two settlements taken in one clause: the first named (token order, not character offsets)
    ("Ukrainian forces recaptured Kupiansk and Izium on Saturday.", ["Kupiansk", "Izium"],
     ("Ukrainian forces", "Armed Forces of Ukraine", "UKR"), "recaptured", "Kupiansk"),
    # an area statement takes ground, and no settlement the sentence names beside it
    ("Russian forces seized ground in the Donetsk region, near Kramatorsk.", ["Donetsk", "Kramatorsk"],
     ("Russian forces", "Russian Armed Forces", "RUS"), "seized", None),
]


def _taken_records(text: str, wheres: list[str], who: tuple[str, str, str | None]) -> dict:
    return {"places": tuple(place(text, w) for w in wheres),
            "actors": (actor(text, who[0], who[1], who[2], Sector.MILITARY),)}


@pytest.mark.parametrize(("text", "wheres", "who", "trigger", "taken"), TAKEN, ids=[c[0][:48] for c in TAKEN])
def test_the_settlement_a_change_is_about(run_events, text, wheres, who, trigger, taken) -> None:  # noqa: ANN001
    from frontlines.events.territory import is_taken

    events = {e.trigger: e for e in run_events(text, **_taken_records(text, wheres, who))}
    if trigger not in events:
        assert taken is None, sorted(events)  # no event at all changes nothing either
        return
    event = events[trigger]
    if taken is None:
        assert event.place is None or not is_taken(event.place), (event.place.name, event.place.reason)
    else:
        assert event.place is not None and event.place.name == taken and is_taken(event.place)
        assert who[1] in {a.name for a in event.sources}


# A party's word about its own withdrawal: told as done it is a claimed transfer; told as intended, no change.
WITHDRAWALS = [
    ("The Russian defence ministry said it had withdrawn its troops from Kherson.", "withdrawn", EventStatus.CLAIMED),
    ("Ukraine's forces withdrew from Vuhledar, the military said.", "withdrew", EventStatus.CLAIMED),
    ("The Russian defence ministry said it would withdraw its troops from Kherson.", "withdraw",
     EventStatus.PLANNED),  # told as to come: planned (events v4)
    ("The Russian defence ministry announced the withdrawal of its troops from Kherson.", "withdrawal",
     EventStatus.ANNOUNCED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), WITHDRAWALS, ids=[w[1] + ":" + w[2].value for w in WITHDRAWALS])
def test_a_withdrawal_told_as_done(run_events, text, trigger, status) -> None:  # noqa: ANN001
    where = "Kherson" if "Kherson" in text else "Vuhledar"
    who = ("Russian defence ministry", "Russian Ministry of Defence", "RUS") if "Russian" in text else (
        "Ukraine's forces", "Armed Forces of Ukraine", "UKR")
    events = {e.trigger: e for e in run_events(text, **_records(text, where, who))}
    assert trigger in events, sorted(events)
    assert events[trigger].acled_sub_event_type == "Non-violent transfer of territory"
    assert events[trigger].status == status


def test_a_capture_told_as_a_noun_without_its_taker_changes_nothing(run_events) -> None:  # noqa: ANN001
    from frontlines.events.territory import is_taken

    text = "Ukraine's commander spoke of Russia's biggest gain since the capture of Bakhmut in May."
    records = {"places": (place(text, "Bakhmut"),),
               "actors": (actor(text, "Ukraine's commander", "Oleksandr Syrskyi", "UKR", Sector.MILITARY),)}
    for event in run_events(text, **records):
        if event.acled_sub_event_type in TERRITORY:
            assert not is_taken(event.place), (event.trigger, event.place)


@pytest.mark.parametrize(("text", "sides"), [
    ("The army and Wagner retook Kidal in November.", {"RUS", "MLI"}),  # the army at home, Wagner alongside
    ("Wagner retook Kidal in November.", {"RUS"}),
])
def test_the_army_named_without_a_nation_is_the_countrys_own(run_events, text, sides) -> None:  # noqa: ANN001
    from dataclasses import replace

    kidal = replace(place(text, "Kidal"), country="MLI")
    records = {"places": (kidal,), "actors": (actor(text, "Wagner", "Wagner Group", "RUS", Sector.MILITARY),)}
    (event,) = [e for e in run_events(text, **records) if e.acled_sub_event_type in TERRITORY]
    assert {a.side for a in event.sources} == sides


@pytest.mark.parametrize(
    ("text", "doer", "sector", "taken"),
    [
        # a doer the actors stage knows as an armed group takes the ground it enters or takes (v85)
        ("HTS took Aleppo on Saturday.", "HTS", Sector.REBEL, True),
        ("The Taliban took Kabul in August.", "Taliban", Sector.REBEL, True),
        ("Wagner entered Soledar on Friday.", "Wagner", Sector.MILITARY, True),
        # negative: a doer known as no armed body does not
        ("Microsoft took Seattle by storm.", "Microsoft", Sector.BUSINESS, False),
    ],
)
def test_an_armed_group_known_by_name_takes_ground(run_events, text: str, doer: str, sector: Sector,
                                                   taken: bool) -> None:  # noqa: ANN001
    town = text.split()[-3] if text.endswith("storm.") else text.split()[2]
    events = run_events(text, places=(place(text, town),), actors=(actor(text, doer, doer, None, sector),))
    captures = [e for e in events if e.acled_sub_event_type in ("Non-state actor overtakes territory",
                                                                  "Government regains territory")]
    assert bool(captures) is taken, [(e.trigger, e.acled_sub_event_type) for e in events]


@pytest.mark.parametrize(
    ("text", "done"),
    [
        # a withdrawal noun a completion verb tells as done is reported as done
        ("The ministry said the withdrawal of the troops had been completed.", True),
        ("The ministry said the withdrawal was completed at dawn.", True),
        # negative cases: announced, to come, a verb of its own that is no completion
        ("The ministry announced the withdrawal of the troops.", False),
        ("The ministry said the withdrawal would be completed by Friday.", False),
        ("The ministry said the withdrawal had been delayed.", False),
    ],
)
def test_a_withdrawal_told_completed_is_done(nlp, text: str, done: bool) -> None:
    from frontlines.events.territory import done_by_its_own_word

    head = next(t for t in nlp(text) if t.lemma_ == "withdrawal")
    assert done_by_its_own_word(head) is done
