"""Typing: PLOVER type and ACLED sub-type of the main event of a sentence (own sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.events.conftest import top

NOTES = Path(__file__).parent.parent / "fixtures" / "events" / "acled_notes.jsonl"

CASES = [
    # (text, PLOVER type, ACLED sub-type or None)
    ("Russian forces shelled the village of Pisky overnight.", "ASSAULT", "Shelling/artillery/missile attack"),
    ("A drone strike destroyed a fuel depot near the airport.", "ASSAULT", "Air/drone strike"),
    ("Warplanes bombed rebel positions in the north.", "ASSAULT", "Air/drone strike"),
    ("A roadside bomb exploded next to an army patrol, killing two soldiers.", "ASSAULT",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint.", "ASSAULT", "Suicide bomb"),
    ("Unknown assailants hurled a grenade at a police station.", "ASSAULT", "Grenade"),
    ("Gunmen killed five villagers in an attack on the market.", "ASSAULT", "Attack"),
    ("Troops clashed with insurgents near the border.", "ASSAULT", "Armed clash"),
    ("Government forces recaptured the town from the rebels.", "ASSAULT", "Government regains territory"),
    ("Militants seized control of the district headquarters.", "ASSAULT", "Non-state actor overtakes territory"),
    ("Police arrested three opposition activists in the capital.", "COERCE", "Arrests"),
    ("Armed men kidnapped a aid worker on the road to the camp.", "ASSAULT", "Abduction/forced disappearance"),
    ("Soldiers raped two women in the village.", "ASSAULT", "Sexual violence"),
    ("Hundreds of teachers rallied outside parliament to demand higher pay.", "PROTEST", "Peaceful protest"),
    # a strike on something is an attack even where a labour word is near; a strike against a law is a walkout
    ("The army delivered a high-precision strike on the command staff of the brigade in Kramatorsk.", "ASSAULT",
     "Air/drone strike"),
    ("Teachers went on strike on Monday in Nairobi over unpaid wages.", "PROTEST", "Peaceful protest"),
    ("Workers staged a strike against the new tax law in Lagos on Wednesday.", "PROTEST", "Peaceful protest"),
    # a verb that strikes something is an attack; striking workers take no object
    ("Russian forces kept striking Chuhuiv and Zolochiv overnight.", "ASSAULT", "Air/drone strike"),
    ("Thousands of teachers were striking on Monday over unpaid wages in Nairobi.", "PROTEST", "Peaceful protest"),
    ("Police fired tear gas to disperse the protesters.", "PROTEST", "Protest with intervention"),
    ("Protesters threw stones at police and set fire to cars during the demonstration.", "PROTEST",
     "Violent demonstration"),
    ("A mob lynched a man accused of theft of cattle.", "ASSAULT", "Mob violence"),
    ("The two sides agreed to a ceasefire on Sunday.", "AGREE", "Agreement"),
    ("Police defused an explosive device found near the school.", "COERCE", "Disrupted weapons use"),
    ("Fighters looted shops in the town centre.", "COERCE", "Looting/property destruction"),
    ("The army set up a new base outside the city.", "MOBILIZE", "Headquarters or base established"),
    ("The president ordered the mobilisation of reservists.", "MOBILIZE", "Change to group/activity"),
    ("Troops withdrew from the town overnight.", "RETREAT", "Non-violent transfer of territory"),
    # PLOVER types that are not political violence
    ("The foreign minister accused Moscow of war crimes.", "ACCUSE", None),
    ("The government rejected the proposal.", "REJECT", None),
    ("The prime minister met his French counterpart in Paris.", "CONSULT", None),
    ("The UN appealed for humanitarian access to the city.", "REQUEST", None),
    ("The EU imposed new sanctions on Russian banks.", "SANCTION", None),
    ("Japan donated medical supplies to the hospital.", "AID", None),
    ("The rebels threatened to attack the capital.", "THREATEN", None),
    ("The minister praised the work of the rescue teams.", "SUPPORT", None),
    ("The government apologised for the error.", "CONCEDE", None),
    # codebook rules: fighting between two sides is a clash; a bomb is remote violence whoever it hurts
    ("Army units fought the separatists for hours outside the town.", "ASSAULT", "Armed clash"),
    ("A bomb hidden in a rubbish bin exploded at a bus stop, wounding six people.", "ASSAULT",
     "Remote explosive/landmine/IED"),
    ("Insurgents killed nine border guards in an overnight raid.", "ASSAULT", "Armed clash"),
    # troop movements and new armed groups: Change to group/activity
    ("The army dispatched hundreds of soldiers and armoured vehicles to the northern border.", "MOBILIZE",
     "Change to group/activity"),
    ("Local commanders formed a new militia in the eastern province.", "MOBILIZE", "Change to group/activity"),
    # protests: lethal force on peaceful protesters; intervention; demonstrators' own violence
    ("Soldiers opened fire on peaceful marchers at a protest in the capital, killing four.", "ASSAULT",
     "Excessive force against protesters"),
    ("Police suppressed a peaceful student demonstration in the city centre.", "PROTEST",
     "Protest with intervention"),
    ("Thousands marched in the capital to protest against gun violence.", "PROTEST", "Peaceful protest"),
    # territory: who takes it decides
    ("Opposition fighters retook the town from government forces.", "ASSAULT",
     "Non-state actor overtakes territory"),
    ("Government forces captured five villages in the northwest.", "ASSAULT", "Government regains territory"),
    # protests: the topic of a protest says nothing about what happened at it (ACLED)
    ("Hundreds of students protested in the capital over the killing of a classmate by the police.", "PROTEST",
     "Peaceful protest"),
    ("Residents rallied outside the town hall demanding the release of activists detained last week.",
     "PROTEST", "Peaceful protest"),
    ("Protesters threw bottles and projectiles at police during a demonstration against the new law.",
     "PROTEST", "Violent demonstration"),
    # ACLED "Other" strategic developments: mass graves found (displacement is a quantity, test_mentions)
    ("Investigators found a mass grave containing dozens of bodies near the front line.", "ASSAULT", "Other"),
    # verbal and cooperative cues (PLOVER codebook)
    ("The foreign ministry complained to the United Nations about the border incidents.", "ACCUSE", None),
    ("The embassy lodged a formal protest with the host government.", "ACCUSE", None),
    ("The regional bloc launched a mediation effort between the two governments.", "CONSULT", None),
    ("The two presidents held a phone call on Tuesday.", "CONSULT", None),
    ("The country extradited a suspected smuggler to its neighbour.", "COOPERATE", None),
    ("The teachers' union called off its strike after talks with the ministry.", "CONCEDE", None),
    ("The government outlawed the nationalist party last year.", "COERCE", None),
    ("Hackers working for a foreign state hacked into the ministry's computers.", "COERCE", None),
    ("Angry farmers blocked the main highway with tractors.", "PROTEST", None),
    ("Troops remained on high alert along the border.", "MOBILIZE", None),
    ("The army strengthened its forces along the eastern front.", "MOBILIZE", "Change to group/activity"),
    # overthrowing a government is power seized, as "seized power" (v96)
    ("A military coup overthrew the government in Niamey.", "COERCE", "Other"),
    # a vehicle striking a mine set it off: the mine is the means, not the target (v95)
    ("A military vehicle struck a landmine near Gao, killing three soldiers.", "ASSAULT",
     "Remote explosive/landmine/IED"),
    ("A convoy hit an improvised explosive device outside Kandahar.", "ASSAULT", "Remote explosive/landmine/IED"),
    # "down" is a trigger when what it brings down is a munition or an aircraft (v89)
    ("The Houthis said they downed a US Reaper drone over Yemen.", "ASSAULT", "Disrupted weapons use"),
    # a claim of responsibility that tells the event first ("an attack on ..."), not one told before (v86)
    ("The Houthis claimed responsibility for an attack on a cargo ship in the Gulf of Aden.", "ASSAULT", "Attack"),
    # (v81) opening a front is starting to fight there; forming a front is founding a group
    ("The rebels crossed the river on Friday, opening a new front near the town of Bor.", "ASSAULT", "Armed clash"),
    ("The armed groups formed a new front against the junta on Friday.", "MOBILIZE", "Change to group/activity"),
]

# Sentences that hold no political-violence event (the ACLED label is None or there is no event).
NEGATIVES = [
    "A strong earthquake killed 12 people in the mountain villages.",
    "Two people were killed when a bus collided with a truck on the highway.",
    "Police seized 20 kilograms of heroin from a smuggler at the port.",
    "The weather was mild and the markets were busy.",
    "The president signed a decree on school holidays.",
    "The senator blocked the bill in committee.",
    # industrial accidents and claims about an earlier attack are no new political violence
    "A gas tank exploded at a chemical plant, injuring four workers.",
    "A furnace exploded at a steel factory on Thursday, killing two people.",
    "The group claimed responsibility for the attack in a statement on Friday.",
    "A strong earthquake struck the island, killing at least two people.",
    # bringing down what is no munition ("downed tools": a strike by workers, told elsewhere)
    "Dock workers downed tools in the port on Monday.",
]


@pytest.mark.parametrize(("text", "plover", "acled"), CASES)
def test_main_event_type(run_events, text: str, plover: str, acled: str | None) -> None:
    event = top(run_events(text))
    assert event is not None, text
    assert event.plover_type == plover
    assert event.acled_sub_event_type == acled


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_political_violence(run_events, text: str) -> None:
    event = top(run_events(text))
    assert event is None or event.acled_sub_event_type is None


def _notes() -> list[dict]:
    return [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("note", _notes(), ids=lambda n: n["sub_event_type"])
def test_acled_notes_typing(run_events, note: dict) -> None:
    """ACLED-notes-style sentences (written for the project from the ACLED codebook)."""
    event = top(run_events(note["text"]))
    assert event is not None
    assert event.acled_event_type == note["event_type"]
    assert event.acled_sub_event_type == note["sub_event_type"]


# Bombs beside an aircraft were dropped from it; bombs set in place stay remote explosives (events v4).
BOMBS = [
    ("A fighter jet dropped bombs on a crowd of villagers on Tuesday.", "Air/drone strike"),
    ("Two guided aerial bombs hit the store while it was full of families.", "Air/drone strike"),
    ("Two bombs exploded in the crowded market on Tuesday.", "Remote explosive/landmine/IED"),
    ("A car bomb exploded near the airport as a military helicopter landed.", "Remote explosive/landmine/IED"),
    # (v81) explosives dropped are a munition delivered: from a drone an air strike, into a well an explosive
    ("On 3 May 2024, troops dropped explosives from a drone on the village of Orikhiv. One civilian injured.",
     "Air/drone strike"),
    ("Soldiers dropped explosives into the well of the farm.", "Remote explosive/landmine/IED"),
]


@pytest.mark.parametrize(("text", "sub"), BOMBS, ids=[b[0][:40] for b in BOMBS])
def test_a_bomb_from_an_aircraft_is_an_air_strike(run_events, text: str, sub: str) -> None:
    e = top(run_events(text))
    assert e is not None and e.acled_sub_event_type == sub, e and (e.trigger, e.acled_sub_event_type)


# An agreement in an article that tells of a conflict is an ACLED Agreement, even when its own sentence
# names no fighting; in an article about anything else it is no ACLED event (events v4).
def test_an_agreement_takes_its_articles_setting(run_events) -> None:
    text = ("Fighting between the army and the rebels killed dozens last week. "
            "On Saturday the same delegations signed the Jeddah Declaration.")
    signed = [e for e in run_events(text) if e.plover_type == "AGREE"]
    assert signed and signed[0].acled_sub_event_type == "Agreement"
    plain = "On Saturday the two companies signed an agreement on shipping rates."
    signed = [e for e in run_events(plain) if e.plover_type == "AGREE"]
    assert signed and signed[0].acled_sub_event_type is None


# A verb of finding is a seizure only of something seizable (events v4).
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The report found that soldiers had executed at least 500 people.", False),
        ("Amnesty International found no evidence to support this claim.", False),
        ("Soldiers found a cache of weapons and explosives in the village.", True),
        # (v81) people found were not taken by the finder: no abduction, no arrest
        ("Police found two men hiding in the forest.", False),
    ],
)
def test_finding_is_a_seizure_only_of_something_seizable(run_events, text: str, event: bool) -> None:
    found = [e for e in run_events(text) if e.trigger.startswith("found")]
    assert bool(found) == event, [(e.trigger, e.plover_type) for e in run_events(text)]


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # an accusation by others beside protesters stays an accusation (events v44; a blame two sides
        # trade upon each other is no event since v80, so one side blames the other here)
        ("Israel blamed Hamas for the blast, as anger over it sent protesters into the streets.",
         "blamed", "ACCUSE"),
        # negative: what protesters say is their protest
        ("Protesters demanded the resignation of the governor in Lagos.", "Protesters", "PROTEST"),
        # negative: force used at a protest is typed by the protest
        ("Police fired tear gas at protesters in Lagos.", "fired", "PROTEST"),
        # (v146) a concession beside a protest is yielded by the one protested against, no protest
        ("Bangladesh Prime Minister Sheikh Hasina resigned on Monday after weeks of deadly protests.", "resigned",
         "CONCEDE"),
        ("The governor resigned as thousands of protesters marched through the capital.", "resigned", "CONCEDE"),
    ],
)
def test_a_protest_setting_retypes_only_what_the_protesters_say(run_events, text: str, trigger: str,
                                                                 plover: str) -> None:
    event = next(e for e in run_events(text) if e.trigger.startswith(trigger))
    assert event.plover_type == plover, (event.plover_type, event.acled_sub_event_type)


# (v81) a participle right after a preposition describes the place after it, however the parser reads it; the verb
# with its own subject or auxiliary is the act
MODIFIERS = [
    ("On 2 March 2024, drones struck military equipment in occupied Golaya Pristan in the Kherson region.",
     "Air/drone strike"),
    ("On 2 March 2024, troops occupied Golaya Pristan in the Kherson region.", "Government regains territory"),
]


@pytest.mark.parametrize(("text", "sub"), MODIFIERS, ids=["modifier", "verb"])
def test_a_participle_after_a_preposition_is_no_event(run_events, text: str, sub: str) -> None:
    events = run_events(text)
    assert [e.acled_sub_event_type for e in events] == [sub], [(e.trigger, e.acled_sub_event_type) for e in events]


# (v81) a man found dead is no captive of the finder: the torture told with him is the event
def test_someone_found_is_not_abducted(run_events) -> None:
    text = "Some of the dead bore signs of torture, the governor said, among them a man found with a rope around his neck."
    assert [e.acled_sub_event_type for e in run_events(text)] == ["Attack"]


@pytest.mark.parametrize(("text", "picked", "keep"), [
    ("Russian troops shelled the village of Kupiansk with artillery.", {0, 1}, False),  # a doer left out
    ("Russian troops shelled the village of Kupiansk with artillery.", {0, 1}, True),  # the doer alone
    ("Gunmen killed five civilians in a market on Sunday.", set(), False),  # nothing left out: the same words
    ("Gunmen killed five civilians in a market on Sunday.", set(), True),  # nothing kept: no words at all
    ("Protesters wearing riot gear blocked the road.", {2, 3}, False),
])
def test_cues_without_or_within_tokens_read_the_same_words(nlp, text: str, picked: set[int], keep: bool) -> None:
    """SentenceCues.without/within read the Doc's words by index, as cues built from the tokens themselves do."""
    from frontlines.events.coder import SentenceCues, sentence_cues
    from frontlines.events.words import read_words

    doc = nlp(text)
    words = read_words(doc)
    sent = next(iter(doc.sents))
    cues = sentence_cues(sent, words)
    got = cues.within(picked) if keep else cues.without(picked)
    want = SentenceCues([t for t in sent if (t.i in picked) == keep], words)
    assert (got.in_order, got.lemmas, got.lowers, got.text) == (want.in_order, want.lemmas, want.lowers, want.text)
    assert [t.i for t in got.tokens] == [t.i for t in want.tokens]  # the Tokens, built when asked for
    clause = SentenceCues(list(sent)[1:4], words)  # a list of Tokens rather than a Span
    assert [t.i for t in clause.without({2}).tokens] == [1, 3]
    bare = SentenceCues(list(sent))  # without the Doc's words: read from the tokens
    assert bare.without(picked).in_order == SentenceCues([t for t in sent if t.i not in picked]).in_order


# (v148) cutting the means of communication is a coercive restriction (PLOVER COERCE censor; ACLED Other, as a
# curfew); "shut down" and "cut" with any other object are no event
COMMS = [
    ("The authorities shut down mobile and broadband internet across the country.", "shut down", "Other"),
    ("Mobile internet was cut across the region on Thursday.", "cut", "Other"),
    ("The company shut down the factory in March.", None, None),
    ("The government cut fuel prices on Monday.", None, None),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), COMMS, ids=[c[0][:35] for c in COMMS])
def test_cutting_communications_is_a_restriction(run_events, text: str, trigger: str | None, sub: str | None) -> None:
    events = run_events(text)
    if trigger is None:
        assert events == () or not events, [(e.trigger, e.plover_type) for e in events]
        return
    event = next((e for e in events if e.trigger == trigger), None)
    assert event is not None, [(e.trigger, e.plover_type) for e in events]
    assert (event.plover_type, event.plover_mode, event.acled_sub_event_type) == ("COERCE", "censor", sub)


# (v192) what a protest came after ("after a crackdown in which hundreds were killed", as "following" already was)
# tells nothing of what happened at it: a peaceful protest; force told during it still types it
AFTER = [
    ("The protests began in July as a student movement against quotas and turned into a nationwide campaign after "
     "a crackdown in which hundreds were killed.", "Peaceful protest"),
    ("The protests began in July as a student movement against quotas and turned into a nationwide campaign "
     "during a crackdown in which hundreds were killed.", "Excessive force against protesters"),
]


@pytest.mark.parametrize(("text", "sub"), AFTER, ids=["after", "during"])
def test_what_a_protest_came_after_does_not_type_it(run_events, text: str, sub: str) -> None:
    protest = next(e for e in run_events(text) if e.trigger == "protests")
    assert protest.acled_sub_event_type == sub


# (v194) a building stormed was forced into, with nothing told taken from it: an attack on those inside (or a clash at a
# site armed guards hold), not looting; a verb of taking ("seized a school") and looting itself stay property taken
STORMED = [
    ("On Tuesday, gunmen stormed the Christ Apostolic Church in Eruku during an evening service.", "ASSAULT", "Attack"),
    ("Gunmen stormed a school in the town on Tuesday.", "ASSAULT", "Attack"),
    ("Gunmen stormed the police station in the town on Tuesday.", "ASSAULT", "Armed clash"),
    ("Gunmen seized a school in the town on Tuesday.", "COERCE", "Looting/property destruction"),
    ("Gunmen looted shops in the town on Tuesday.", "COERCE", "Looting/property destruction"),
]


@pytest.mark.parametrize(("text", "plover", "sub"), STORMED, ids=["church", "school", "police-station", "seized",
                                                                  "looted"])
def test_a_building_stormed_is_an_attack_on_those_inside(run_events, text: str, plover: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None
    assert (event.plover_type, event.acled_sub_event_type) == (plover, sub)


# A harm whose doer is a natural force is no party's violence, whatever else its sentence tells (events
# v182); a party's attack beside a disaster stays.
NATURAL_DOERS = [
    ("The bombing came a day after a magnitude 7.6 earthquake struck off Hinatuan, killing at least two people.",
     "struck", False),
    ("A day after the shelling, a cyclone hit the coast, killing 12 people.", "hit", False),
    # negative: the doer is a party
    ("Rebels attacked the town a day after the earthquake, killing five people.", "attacked", True),
    ("Gunmen shot dead two villagers a day after the earthquake.", "shot", True),
]


@pytest.mark.parametrize(("text", "trigger", "event"), NATURAL_DOERS)
def test_a_natural_force_is_no_doer(run_events, text: str, trigger: str, event: bool) -> None:
    assert any(e.trigger == trigger for e in run_events(text)) is event


def test_clause_tokens_kept_per_clause_gives_each_caller_its_own_list(nlp) -> None:
    # a clause's words are kept per clause (events.tree's memo); the answer is spaCy's subtree, in its order
    from frontlines.events.coder import clause_tokens

    doc = nlp("Drones and a missile hit the port, officials said.")
    hit = next(t for t in doc if t.text == "hit")
    first = clause_tokens(hit)
    assert first == [t.i for t in hit.subtree]
    first.append(99)
    assert clause_tokens(hit) == [t.i for t in hit.subtree]
    drones = doc[0]  # a noun subject: its verb's clause
    assert clause_tokens(drones) == [t.i for t in hit.subtree]
    said = next(t for t in doc if t.text == "said")
    assert clause_tokens(said) == [t.i for t in said.subtree] != clause_tokens(hit)


SEA_DRONES = [
    # an explosive craft on the water ("drone boats", "sea drones") is a remote explosive, not an air strike (v353)
    ("In June, their drone boats struck the bulk carrier Tutor off Hodeidah, killing a Filipino sailor.",
     "Remote explosive/landmine/IED"),
    ("Ukrainian sea drones hit a Russian landing ship near Sevastopol on Monday.", "Remote explosive/landmine/IED"),
    # negative: drones in the air are an air strike
    ("Russian drones hit a port in Odesa on Monday.", "Air/drone strike"),
    # negative: a bomb beside an aircraft was still dropped from it
    ("A fighter jet dropped bombs on the market in Nyala on Monday.", "Air/drone strike"),
]


@pytest.mark.parametrize(("text", "sub"), SEA_DRONES, ids=[s[0][:40] for s in SEA_DRONES])
def test_an_explosive_craft_on_the_water_is_a_remote_explosive(run_events, text: str, sub: str) -> None:
    event = top(run_events(text))
    assert event is not None, text
    assert event.acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # (v581) an armed site whose passive subject the parser hung on the auxiliary was fought for: a clash
        ("The Croix-des-Bouquets prison, on the capital's eastern edge, was also overrun overnight.", "Armed clash"),
        # negative: a town overrun is ground taken
        ("The Croix-des-Bouquets town, on the capital's eastern edge, was also overrun overnight by the gangs.",
         "Non-state actor overtakes territory"),
    ],
)
def test_an_armed_site_overrun_is_fought_for(run_events, text: str, sub: str) -> None:
    found = [e for e in run_events(text) if e.trigger.startswith("overrun")]
    assert found and found[0].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]


# (v623) a building a holder of public authority holds, named as theirs ("the mayor's office", "the offices of the
# ministry"), taken over is the authority's seat changing hands: ACLED Other, not goods looted; another owner's
# building, or the authority's goods, stay looting
SEATS = [
    ("Armed men took over the mayor's office in the town and installed a mayor of their own.", "Other"),
    ("Gunmen seized the offices of the ministry of finance in the capital.", "Other"),
    ("Armed men took over the farmer's house in the town.", "Looting/property destruction"),  # no authority
    ("Armed men seized the mayor's car in the town.", "Looting/property destruction"),  # goods, no seat
]


@pytest.mark.parametrize(("text", "sub"), SEATS, ids=["mayor", "ministry", "farmer", "car"])
def test_a_seat_of_authority_taken_is_no_looting(run_events, text: str, sub: str) -> None:
    assert [e.acled_sub_event_type for e in run_events(text) if e.plover_type == "COERCE"] == [sub]
