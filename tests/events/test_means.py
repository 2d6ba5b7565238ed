"""Roles and means decide the ACLED sub-type (events.means, events v9): who fights whom, with what,
and what is taken. Own sentences, written from the ACLED codebook's sub-event definitions."""

from __future__ import annotations

import pytest

from frontlines.events import load_event_lexicon
from frontlines.events.means import (
    crowd_violence_done,
    drone_or_missile,
    ground_assault_after,
    hands_holder,
    home_nation,
    met_resistance,
    mutual_setting,
    named_at,
    other_of_a_kind,
    own_words,
    people_led_away,
    things_hit,
    told_as_person,
    told_as_more,
)
from tests.events.conftest import place, top

CASES = [
    # (text, ACLED sub-type of the main event)
    # harm done in fighting between two sides is the clash's (civilians caught in crossfire too)
    ("Four aid workers were killed during clashes in the market town on Monday.", "Armed clash"),
    ("Two farmers were wounded in the crossfire near the river.", "Armed clash"),
    ("Four aid workers were killed by gunmen in the market town on Monday.", "Attack"),
    # an attack fought off, or fired back at, was fought by both sides
    ("The army repelled an attack by the rebels on the garrison town.", "Armed clash"),
    ("The guards fired back at the attackers.", "Armed clash"),
    ("The gunmen fired at the crowd of worshippers.", "Attack"),
    # the doer of a conjoined verb is no opponent of its own
    ("Fighters of the armed group arrived on motorbikes and opened fire on the farmers.", "Attack"),
    # a heavy weapons platform that fires shells; the same platform destroying a gate does not
    ("A tank fired at an observation tower near the border, injuring two people.",
     "Shelling/artillery/missile attack"),
    # drones named beside missiles, no aircraft: the munition named first leads
    ("Missiles and drones hit the port overnight, destroying grain stores.", "Shelling/artillery/missile attack"),
    ("Drones and a missile hit the port overnight, destroying grain stores.", "Air/drone strike"),
    ("Warplanes fired missiles at the port overnight.", "Air/drone strike"),
    # a munition downed was stopped, not used
    ("Air defence systems destroyed nine drones over the region overnight.", "Disrupted weapons use"),
    ("Drones destroyed nine tanks near the front overnight.", "Air/drone strike"),
    # an attempt to take ground is a clash; ground taken is territory
    ("Rebel fighters tried to capture the town on Sunday.", "Armed clash"),
    ("Rebel fighters captured the town on Sunday.", "Non-state actor overtakes territory"),
    # what is taken: power (a coup), a ship and its crew, people
    ("The army seized power in a coup on Sunday.", "Other"),
    ("Armed rebels seized a cargo ship and its crew in the strait.", "Abduction/forced disappearance"),
    ("Militants seized 40 schoolgirls from their dormitory in the town.", "Abduction/forced disappearance"),
    # a site held by armed guards is an armed target
    ("Gang members attacked the main prison in the capital on Saturday night.", "Armed clash"),
    ("Gang members attacked a market in the capital on Saturday night.", "Attack"),
    # bombs named as aerial munitions were dropped
    ("A salvo of heavy bombs brought down three buildings in the suburb.", "Air/drone strike"),
    ("A bomb planted under a car brought down part of a building in the suburb.", "Remote explosive/landmine/IED"),
    # protesters pushed back by police met an intervention
    ("Police pushed back thousands of protesters marching toward the embassy.", "Protest with intervention"),
    # "riot police" names the police, not a riot; rioting protesters still riot
    ("Riot police arrested dozens of demonstrators outside parliament.", "Protest with intervention"),
    ("Demonstrators rioted outside parliament and riot police arrested dozens.", "Violent demonstration"),
    # whose hands ground fell into: a nation at home regains it, a rebel group overtakes it
    ("The town fell into rebel hands on Sunday.", "Non-state actor overtakes territory"),
    # a ground operation is fighting on the ground
    ("The army began ground operations in the east of the city on Monday.", "Armed clash"),
    # (v68) heavy weapons heard beside small-arms fire: fighting at close range, a clash
    ("Heavy gunfire and artillery were heard in the town overnight, residents said.", "Armed clash"),
    ("Artillery was heard in the town overnight, residents said.", "Shelling/artillery/missile attack"),
    # (v147) so are explosions named with gunfire; explosions alone, or a bomb, stay remote explosives
    ("Gunfire and explosions then shook Abu Salim, the densely populated district.", "Armed clash"),
    ("Explosions and gunfire were heard in the town overnight, residents said.", "Armed clash"),
    ("Two explosions were heard in the town overnight, residents said.", "Remote explosive/landmine/IED"),
    ("A roadside bomb exploded near a market in the town on Thursday.", "Remote explosive/landmine/IED"),
    # (v149) air strikes or shelling named as one part of an operation beside ground troops are that ground
    # engagement: a clash; air strikes on fighters, or with shelling alone, stay remote violence
    ("Israeli forces launched a large-scale operation in Jenin refugee camp, involving airstrikes, armoured "
     "bulldozers and hundreds of ground troops.", "Armed clash"),
    ("Israeli jets carried out airstrikes on Hezbollah fighters in the south.", "Air/drone strike"),
    ("Airstrikes and shelling hit the town overnight.", "Air/drone strike"),
    # (v68) captives rescued were taken back by force: an armed clash with the captors, no abduction
    ("Special forces rescued four hostages from a house in the town.", "Armed clash"),
    ("Gunmen took four hostages from a house in the town.", "Abduction/forced disappearance"),
    # (v68) a weapon the attack was aimed at is its target, not its means; a weapon used stays the means
    ("Rebels attacked the army's artillery positions near the town on Sunday.", "Armed clash"),
    ("Rebels attacked the town with artillery on Sunday.", "Shelling/artillery/missile attack"),
    # (v68) a protest called peaceful is a riot when others did violence at it; the police's force is no riot
    ("Rioters infiltrated the peaceful demonstrations, stormed the parliament and set parts of it on fire.",
     "Violent demonstration"),
    ("Police dispersed the peaceful demonstrations outside parliament with tear gas.", "Protest with intervention"),
    ("Thousands joined a peaceful protest outside parliament.", "Peaceful protest"),
    # (v81) explosions that open a ground assault by armed men are that assault: an attack on a hotel, a clash at a
    # base; explosions alone, or police arriving after them, stay remote violence
    ("Two explosions shook the Kilimanjaro Hotel, a popular meeting place for officials, and gunmen rushed inside.",
     "Attack"),
    ("A car bomb exploded at the gate of the base before militants stormed it.", "Armed clash"),
    ("Two explosions shook the market and police rushed to the scene.", "Remote explosive/landmine/IED"),
    ("A roadside bomb hit a convoy near Gao.", "Remote explosive/landmine/IED"),
    # (v81) an armed force attacking with no target named fights the other side's forces; a target named, or
    # civilians in the sentence, decide as before
    ("Government troops attacked near the town of Kidal on Sunday, the army said.", "Armed clash"),
    ("Government troops attacked the village of Kidal on Sunday.", "Attack"),
    ("Gunmen attacked near Kidal on Sunday, killing five villagers.", "Attack"),
    # (v81) people detained and not seen again were forcibly disappeared; a detention alone is an arrest
    ("On 2 June 2023, soldiers detained a farmer in Chaplynka; his whereabouts remain unknown.",
     "Abduction/forced disappearance"),
    ("On 2 June 2023, soldiers detained a farmer in Chaplynka and took him to the police station.", "Arrests"),
    # (v81) a verb of retaking ground takes no person: a name the NER read as one is the place retaken
    ("On 31 March 2022, Ukrainian forces retook Yahidne, Chernihiv Oblast; Russian forces withdrew.",
     "Government regains territory"),
    ("On 31 March 2022, Ukrainian forces detained Ivan Petrenko in Chernihiv.", "Arrests"),
    # (v195) a marching verb with people as its object led them away: captors abduct them, a state's forces arrest
    # them; people marching take no object and protest
    ("The gunmen shot dead the vice principal and marched 25 girls into the bush.", "Abduction/forced disappearance"),
    ("The soldiers marched the two farmers to the police station.", "Arrests"),
    ("Thousands of people marched through the capital on Friday.", "Peaceful protest"),
    # (v196) a name the article gave before as a person's surname is that person taken, not ground: an abduction
    ("When Philip Mehrtens stepped off a police aircraft in Timika on Saturday, he was free. Fighters led by Egianus "
     "Kogoya seized Mehrtens on Feb. 7 last year, minutes after he landed a plane at Paro.",
     "Abduction/forced disappearance"),
    ("Fighters seized Mehrtens on Feb. 7 last year after a battle.", "Non-state actor overtakes territory"),
    # (v500) an attack or raid "to capture" ground tells its aim: the ground was fought for, not (yet) taken
    ("The militants' attack to capture the army's positions near the airbase was fended off.", "Armed clash"),
    ("Rebels launched a raid to seize the town of Kidal but were pushed back.", "Armed clash"),
    ("Rebels seized the town of Kidal after a raid.", "Non-state actor overtakes territory"),  # negative: taken
    # (v500) an aircraft fired on is the target, also when the sentence names it again: no air strike
    ("Gunmen opened fire on a small plane as it landed in Papua, one of the plane's pilots said.", "Attack"),
    ("A plane opened fire on villagers in Papua.", "Air/drone strike"),  # negative: the aircraft fired
    # (v500) the victims of an attack noun are those harmed in it: armed victims make it a clash
    ("Twenty members of the security forces were killed in Taliban attacks in Samangan.", "Armed clash"),
    ("Twenty villagers were killed in Taliban attacks in Samangan.", "Attack"),
    # (v503) armed people a state's forces took with no fighting told were arrested; taken in a fight, or by an
    # armed group, the fight decides
    ("The national army has captured a senior commander of the group in Dhusamareb.", "Arrests"),
    ("Soldiers captured ten militants during fierce clashes near Dhusamareb.", "Armed clash"),
    ("Al-Shabaab fighters captured two soldiers near Dhusamareb.", "Armed clash"),
]


@pytest.mark.parametrize(("text", "sub"), CASES, ids=[c[0][:50] for c in CASES])
def test_roles_and_means_decide_the_sub_type(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None, text
    assert event.acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Missiles and drones hit the port.", "Shelling/artillery/missile attack"),
        ("Drones and missiles hit the port.", "Air/drone strike"),
        ("Helicopters fired missiles and drones at the port.", None),  # an aircraft: the air strike stands
        ("Missiles hit the port.", None),  # one munition only
    ],
)
def test_drone_or_missile_by_the_first_named(nlp, text: str, expected: str | None) -> None:
    assert drone_or_missile(nlp(text), load_event_lexicon()) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Two farmers were killed during clashes near the river.", "killed", True),
        ("Two farmers were killed in the village.", "killed", False),
        ("The army repelled an attack on the town.", "attack", True),
        ("The army launched an attack on the town.", "attack", False),
        ("The guards fired back.", "fired", True),
        ("The guards fired.", "fired", False),
    ],
)
def test_mutual_setting(nlp, text: str, trigger: str, expected: bool) -> None:
    head = next(t for t in nlp(text) if t.text == trigger)
    assert mutual_setting(head) is expected


def test_named_at_finds_words_and_phrases(nlp) -> None:
    lex = load_event_lexicon()
    doc = nlp("A fighter jet dropped bombs near the unmanned aerial vehicles.")
    assert named_at(doc, lex.cues["aircraft"]) == 1  # "fighter jet" (the phrase) and "jet" (the word)
    assert named_at(doc, lex.cues["munitions"]) == 7  # "unmanned aerial vehicles"
    assert named_at(nlp("Troops marched."), lex.cues["munitions"]) is None


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("The town fell into rebel hands.", ["rebel"]),
        ("The town fell into the hands of the militia.", ["militia"]),
        ("The town fell to the rebels.", []),  # no hands: the taker is the verb's object, read elsewhere
        ("Prices fell in March.", []),
    ],
)
def test_hands_holder(nlp, text: str, holder: list[str]) -> None:
    head = next(t for t in nlp(text) if t.lemma_ == "fall")
    assert [t.text for t in hands_holder(head)] == holder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government, backed by clan militias, retook the villages.", ["The", "government"]),
        ("The army, which Wagner supports, retook the villages.", ["The", "army"]),
        ("Clan militias backed by the government retook the villages.", ["Clan", "militias"]),
        ("Clan militias of the government retook the villages.", ["Clan", "militias", "of", "the", "government"]),
    ],
)
def test_own_words_leave_out_what_describes_the_doer(nlp, text: str, expected: list[str]) -> None:
    head = next(t for t in nlp(text) if t.text == "retook")
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    assert [t.text for t in own_words(doers) if not t.is_punct] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "hit"),
    [
        ("Troops attacked two artillery pieces near the town.", "attacked", ["two", "artillery", "pieces"]),
        # a verb that delivers its object uses it (the artillery); what it fires at was hit (v500)
        ("Troops fired artillery at the town.", "fired", ["at", "the", "town"]),
        ("Troops intensified the shelling of the town.", "intensified", []),  # an act is no thing hit
        # a noun's "on" is its target, also when the parser hangs it on the verb taking the noun
        ("The mission condemns an attack today on a UN helicopter.", "attack", ["on", "a", "UN", "helicopter"]),
        ("They reported a strike on a helicopter at the airfield.", "strike", ["on", "a", "helicopter"]),
        ("They reported a barrage of rockets.", "barrage", []),  # a noun's "of" may be its means
        # (v500) what a verb fires "on" or "at" was its target, also for a verb that delivers its object
        ("Gunmen opened fire on a plane.", "opened", ["on", "a", "plane"]),
        ("Militants fired rockets at a helicopter.", "fired", ["at", "a", "helicopter"]),
        ("Militants fired rockets from a helicopter.", "fired", []),  # negative: "from" names the means
    ],
)
def test_things_hit(nlp, text: str, trigger: str, hit: list[str]) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == trigger)
    assert [doc[i].text for i in sorted(things_hit(head, head.lemma_))] == hit


def test_crowd_violence_done(nlp) -> None:
    lex = load_event_lexicon()
    violent, state = lex.cues["protest_violent"], lex.cues["state_forces"]
    assert crowd_violence_done(list(nlp("Rioters infiltrated the peaceful march and stormed the parliament.")),
                               violent, state)
    assert not crowd_violence_done(list(nlp("Police stormed the peaceful march.")), violent, state)
    assert not crowd_violence_done(list(nlp("The parliament was stormed during the peaceful march.")), violent, state)


def test_home_nation(nlp) -> None:
    lex = load_event_lexicon()
    assert home_nation(nlp("Ukrainian troops"), "UKR", lex) is True
    assert home_nation(nlp("Russian troops"), "UKR", lex) is False
    assert home_nation(nlp("the troops"), "UKR", lex) is None
    assert home_nation(nlp("Ukrainian troops"), None, lex) is None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Izium fell back into Ukrainian hands on Saturday.", "Government regains territory"),  # at home
        ("Izium fell into Russian hands on Saturday.", "Non-state actor overtakes territory"),  # abroad
    ],
)
def test_a_nations_hands_at_home_regain_ground(run_events, text: str, sub: str) -> None:
    event = top(run_events(text, places=(place(text, "Izium"),)))  # the helper's places are in UKR
    assert event is not None and event.acled_sub_event_type == sub


def test_ground_assault_after(nlp) -> None:
    non_state = load_event_lexicon().cues["non_state"]
    doc = nlp("Two explosions shook the hotel and gunmen rushed inside.")
    assert [t.text for t in ground_assault_after(doc[1], non_state)] == ["gunmen"]
    doc = nlp("Two explosions shook the hotel and guests rushed outside.")
    assert ground_assault_after(doc[1], non_state) == []  # those who rush are no assailants
    doc = nlp("Two explosions shook the hotel and gunmen were seen nearby.")
    assert ground_assault_after(doc[1], non_state) == []  # armed men seen, no assault told


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Homes of the minority were also attacked.", "attacked", True),
        # (v143) no adverb needed: the passive leaves out hands and means told before ("was hit for the first time")
        ("Homes of the minority were attacked.", "attacked", True),
        ("The main government building was hit for the first time.", "hit", True),
        ("Homes were also attacked by the rebels.", "attacked", False),  # the doer is named
        ("Rebels also attacked the homes.", "attacked", False),  # active: its own doer
    ],
)
def test_told_as_more(nlp, text: str, trigger: str, expected: bool) -> None:
    head = next(t for t in nlp(text) if t.text == trigger)
    assert told_as_more(head) is expected


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The two sides engaged in talks in Doha on Monday.", "CONSULT"),
        ("The governor engaged the elders in a dialogue on Monday.", "CONSULT"),
        ("Troops engaged the rebels near the town on Monday.", "ASSAULT"),  # the military sense: a clash
        ("Troops engaged in heavy fighting near the town on Monday.", "ASSAULT"),
    ],
)
def test_engaged_in_talks_is_no_fighting(run_events, text: str, plover: str) -> None:
    event = top(run_events(text))
    assert event is not None and event.trigger.startswith("engage"), [(e.trigger, e.plover_type) for e in run_events(text)]
    assert event.plover_type == plover
    assert (event.acled_sub_event_type is None) == (plover == "CONSULT")


def test_other_of_a_kind(nlp) -> None:
    doc = nlp("The group had claimed several other attacks on army positions.")
    assert other_of_a_kind(next(t for t in doc if t.text == "attacks"))
    doc = nlp("The group had claimed several attacks on army positions.")
    assert not other_of_a_kind(next(t for t in doc if t.text == "attacks"))


# (v144) meeting resistance is the other side fighting back, no meeting (PLOVER CONSULT)
MEETINGS = [
    ("M23 fighters walked into the centre of the city, meeting little resistance.", False),
    ("The troops met fierce resistance in the town.", False),
    # negatives: meetings with a party, or with none named
    ("The envoys met on Sunday in Doha.", True),
    ("The minister met rebel leaders in Doha on Sunday.", True),
]


@pytest.mark.parametrize(("text", "meeting"), MEETINGS, ids=[m[0][:35] for m in MEETINGS])
def test_meeting_resistance_is_no_meeting(nlp, run_events, text: str, meeting: bool) -> None:
    head = next(t for t in nlp(text) if t.lemma_ == "meet")
    assert met_resistance(head) is not meeting
    consults = [e for e in run_events(text) if e.plover_type == "CONSULT"]
    assert bool(consults) is meeting, [(e.trigger, e.plover_type) for e in run_events(text)]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The gunmen marched 25 girls into the bush.", "marched", True),
        ("The kidnappers marched Hassan Makuku into the forest.", "marched", True),
        ("Thousands of people marched through the capital.", "marched", False),
        ("The students marched their banners through the capital.", "marched", False),
    ],
)
def test_people_led_away(nlp, text: str, verb: str, expected: bool) -> None:
    head = next(t for t in nlp(text) if t.text == verb)
    assert people_led_away(head, load_event_lexicon().cues["civilians"]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When Philip Mehrtens stepped off a police aircraft in Timika on Saturday, he was free. Fighters led by "
         "Egianus Kogoya seized Mehrtens on Feb. 7 last year, minutes after he landed a plane at Paro.", True),
        ("Fighters led by Egianus Kogoya seized Mehrtens on Feb. 7 last year, minutes after he landed a plane at Paro.",
         False),  # no full name told before: the tag stands
    ],
)
def test_told_as_person(nlp, text: str, expected: bool) -> None:
    doc = nlp(text)
    last = [t for t in doc if t.text == "Mehrtens"][-1]
    assert last.ent_type_ != "PERSON", "the recogniser must tag the surname as no person for this case"
    assert told_as_person(last) is expected
