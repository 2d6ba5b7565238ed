"""events.mentions: trigger words that name no event of their own (table tests, with the
cases each rule must leave alone)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus


def _types(events) -> set[str]:  # noqa: ANN001
    return {e.plover_type for e in events}


def _triggers(events) -> set[str]:  # noqa: ANN001
    return {e.trigger.split()[0].lower() for e in events}


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # the content of an accusation, a call or an agreement is that speech act's content
        ("The rebels accused the army of shelling the market.", "shelling", "accused"),
        ("The agency renewed its call for a ceasefire in the north.", "ceasefire", "call"),
        ("The two presidents signed an agreement on the deployment of foreign troops.", "deployment", "signed"),
        # a speech noun a refusal takes as object is the earlier speech act told again
        ("The ministry rejected the demand as baseless.", "demand", "rejected"),
        # the object of the act a demand asks for (events v155)
        ("The U.N. mission urged all parties to agree an immediate and unconditional ceasefire.", "ceasefire",
         "urged"),
        ("The envoy called on both sides to sign a truce before the holiday.", "truce", "called"),
    ],
)
def test_speech_content_is_no_event(run_events, text: str, gone: str, kept: str) -> None:
    triggers = _triggers(run_events(text))
    assert gone not in triggers and kept in triggers, triggers


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The governor warned that anyone who attacks a police station will be punished.", "attacks"),
        ("Those who refused were beaten, a witness said.", "refused"),
        ("Dozens of residents of Vovchansk who refused to leave were sheltering in basements.", "refused"),
        ("The paper found no evidence of a military meeting at the restaurant.", "meeting"),
        ("A farmer, who asked not to be named, said the village was empty.", "asked"),
        ('"There was a flash," said Oleh, a waiter who asked that his surname not be used.', "asked"),
        ("The list adds firms in third countries accused of helping Russia.", "accused"),
        ("Footage released by the group showed fighters on the roof.", "released"),
        ("The opposition says the neighbouring state backs the rebels.", "backs"),
        ("Asked whether the town had fallen, the spokesman declined to comment.", "asked"),
        ("It is not the first truce of its kind.", "truce"),
        # a place is no party: what a river or a town "supplied" is what it is for
        ("They reached Kupiansk, a railway junction on the Oskil river that supplied Russian units.", "supplied"),
        ("Its fighters captured the village in a push to cut the last roads supplying the besieged city.", "supplying"),
        # people fleeing, displaced or evacuated: a displacement figure, not a retreat
        ("Thousands of villagers have fled their homes because of repeated militant attacks, aid agencies said.",
         "fled"),
        ("More than a million people have since been displaced, according to the UN.", "displaced"),
        ("The offensive has forced thousands of civilians to flee.", "flee"),
        ("The ministry said its crew of about 500 had been evacuated.", "evacuated"),
        ("The crew abandoned ship after the second missile hit.", "abandoned"),
        ("Thousands of villagers abandoned their homes as the fighting spread.", "abandoned"),
        # naming, pressing on, complaining
        ("The ministry called the strikes \"retaliation\" for Monday's attack on the bridge.", "called"),
        ("Moscow pressed a cross-border offensive in the Kharkiv region.", "pressed"),
        ("The mission protested through its liaison office that the soldiers were endangering peacekeepers.",
         "protested"),
        # the second "of" of an accusation is its content too; released "what it said were" communications
        ("The president accused Rwanda of expansionist ambitions and of plundering Congo's minerals.", "plundering"),
        ("The military denied involvement and said the explosion was caused by a rocket misfired by the group, "
         "releasing what it said were intercepted communications.", "releasing"),
        # the object misread as the subject of the gerund after it ("released video showing ..."): still published
        ("Houthi-run media on Thursday released video showing what it said were explosive charges on the deck.",
         "released"),
        # a stated policy told in the present simple: what a party does not do, or does only
        ("The ministry stresses that the armed forces do not strike civilian objects.", "strike"),
        ("It has previously said it strikes only military targets.", "strikes"),
    ],
)
def test_no_event_of_its_own(run_events, text: str, gone: str) -> None:
    assert gone not in _triggers(run_events(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # negative cases: a specific doer, a release of people, a past act of support, a request
        ("The gunman who attacked the police station was arrested.", "arrested"),
        ("The rebels released 40 prisoners on Sunday.", "released"),
        ("The militia attacked the market on Sunday.", "attacked"),
        ("The minister asked the donors to send more aid.", "asked"),
        ("The government will not sign the agreement.", "sign"),
        # armed movers retreat; a call on someone, a press for something, a street protest
        ("Russian troops fled Izium, leaving tanks behind.", "fled"),
        ("The navy evacuated its soldiers from the island on Friday.", "evacuated"),
        ("Russian troops abandoned their positions near the river on Friday.", "abandoned"),
        ("We call on officers and soldiers of the regime army to lay down their arms.", "call"),
        ("Western leaders pressed Israel to halt the offensive.", "pressed"),
        ("The UN pressed for a ceasefire in the north.", "pressed"),
        ("Thousands protested in the capital on Sunday against the election result.", "protested"),
        # a town that fell undergoes the change; a party in a relative clause still acts
        ("Kherson was the city that fell to Russian troops in March.", "fell"),
        ("The militia, which supplied the rebels with rifles, denied it.", "supplied"),
        # a request about something else than the asker's name; an accuser named
        ("The mayor asked that the convoy be allowed through the checkpoint.", "asked"),
        ("Several firms accused by Kyiv of helping Russia were added to the list.", "accused"),
        # armed men who refuse are a party refusing
        ("The rebels, who refused to leave the town, were shelled on Monday.", "refused"),
        ("The report found evidence of a secret meeting between the two commanders in Goma.", "meeting"),
        # a headline's present tells a past act; a past act someone says was not done stays, negated (events v242:
        # the narrative's own negation is no event, tests/events/test_generic.py)
        ("Russia strikes Kyiv with drones overnight.", "strikes"),
        ("Russian forces did not strike the city on Monday, the governor said.", "strike"),
        # the object of an act no demand asks for; a demand's asker told by a verb of its own
        ("The army used drones to launch an attack on the port on Monday.", "attack"),
        ("The two sides agreed to sign a truce on Monday.", "agreed"),
    ],
)
def test_events_the_rules_leave_alone(run_events, text: str, kept: str) -> None:
    assert kept in _triggers(run_events(text))


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("The militia denied setting fire to the houses.", "setting"),
        ("The ministry denied that its forces had shelled the hospital.", "shelled"),
    ],
)
def test_a_denial_of_ones_own_act_is_its_status(run_events, text: str, denied: str) -> None:
    events = run_events(text)
    assert "REJECT" not in _types(events)
    assert any(e.trigger.lower().startswith(denied) and e.status == EventStatus.DENIED for e in events), events


def test_a_denial_of_anothers_claim_is_no_event(run_events) -> None:
    # corpus convention 3 (fourteenth session): a denial is the status of what it answers, no REJECT (v380)
    assert "REJECT" not in _types(run_events("The government denied that the town had fallen."))


def test_a_denial_of_responsibility_is_no_rejection(run_events) -> None:
    assert "REJECT" not in _types(run_events("The group denied responsibility for the bombing."))


def test_a_purpose_of_another_event_under_a_report_is_no_event(run_events) -> None:
    events = run_events("The governor said troops had been deployed to find the kidnapped pupils.")
    assert "find" not in _triggers(events) and "deployed" in _triggers(events)


# What a demand or a threat asks is its content (what a charge names was done); what a party agrees or commits to do is
# the agreement's terms (events v4).
@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("The navy demanded the surrender of the small garrison on the island.", "surrender", "demanded"),
        ("Prigozhin threatened to withdraw his fighters from the city.", "withdraw", "threatened"),
        # the second of coordinated infinitives, and a demand's subjunctive clause, are what is asked too
        ("Hemedti vowed to capture or kill him.", "kill", "vowed"),
        ("The army demanded that the rebels withdraw from the town.", "withdraw", "demanded"),
        ("At the talks, both sides agreed to an immediate ceasefire, to disengage their troops, and to resolve "
         "remaining issues through further negotiations.", "negotiations", "agreed"),
        # the terms an agreement's signing commits to, in a participle of the signing
        ("On 11 May, the delegations signed the Jeddah Declaration, committing to protect civilians and let aid "
         "through.", "aid", "signed"),
    ],
)
def test_what_a_party_asks_or_agrees_to_is_content(run_events, text: str, gone: str, kept: str) -> None:
    triggers = _triggers(run_events(text))
    assert gone not in triggers and kept in triggers, sorted(triggers)


def test_a_vow_beside_a_deed_that_is_no_agreement_is_not_its_terms(run_events) -> None:
    # a participle of commitment beside a deed that is no agreement: what it commits to is no agreement's terms
    triggers = _triggers(run_events("Troops entered the city on Friday, vowing to protect civilians and deliver aid."))
    assert {"entered", "aid"} <= triggers, sorted(triggers)


def test_what_a_demand_is_said_beside_was_done(run_events) -> None:
    triggers = _triggers(run_events("The army demanded a ceasefire, and the rebels withdrew from the town on Monday."))
    assert {"demanded", "withdrew"} <= triggers, sorted(triggers)


def test_what_is_condemned_was_done(run_events) -> None:
    triggers = _triggers(run_events("The agency condemned the attack on the village."))
    assert "attack" in triggers, sorted(triggers)


def test_a_demand_made_of_others_leaves_their_deed_alone(run_events) -> None:
    # the surrender told as done is an event; only the demanded one is content
    triggers = _triggers(run_events("The garrison surrendered after the navy demanded it."))
    assert "surrendered" in triggers, sorted(triggers)


# A speech act told as a participle adjunct is what the doer said while doing the main act; a meeting
# told so is an act of its own (events v4).
@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Blinken arrived in Kyiv on Tuesday, promising that weapons were on their way.", "promising", None),
        ("Hezbollah confirmed his death that afternoon, pledging to continue its war.", "pledging", None),
        ("Biden, meeting Netanyahu in Tel Aviv, said the blast was done by the other team.", None, "meeting"),
        ("The minister promised that the weapons would arrive soon.", None, "promised"),
    ],
)
def test_a_speech_participle_is_no_act_of_its_own(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert gone is None or gone not in triggers, sorted(triggers)
    assert kept is None or kept in triggers, sorted(triggers)


# A noun a copula says its subject is names a kind (events v4).
def test_a_predicative_noun_is_no_event(run_events) -> None:
    assert "retreat" not in _triggers(run_events("This is a retreat, not a redeployment."))
    assert "retreat" in _triggers(run_events("The retreat of the army began on Monday."))


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a definite event noun beside another act of its sentence refers to a happening
        ("Families of the hostages protested outside the parliament in Jerusalem on Friday.", "hostages", "protested"),
        ("Residents who fled the shelling returned to Kupiansk on Monday after troops recaptured the town.",
         "shelling", "recaptured"),
        ("Following the rejection of the ceasefire by the rebels, the army shelled Kidal on Sunday.",
         "rejection", "shelled"),
    ],
)
def test_a_happening_referred_to_is_no_event(run_events, text: str, gone: str, kept: str) -> None:
    triggers = _triggers(run_events(text))
    assert gone not in triggers and kept in triggers, triggers


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the subject, a noun alone in its sentence, a noun a claim frames: the telling itself
        ("The fighting erupted on Saturday when rebels attacked the base.", "fighting"),
        ("The attack on the market in Gao killed 12 people on Tuesday.", "attack"),
        ("The militants claimed the attack on the checkpoint in Gao on Monday.", "attack"),
        ("The UN said it was appalled by the attack carried out by the gang on Thursday, in which 70 people were killed.",
         "attack"),
    ],
)
def test_a_definite_noun_that_tells_the_happening_stays(run_events, text: str, kept: str) -> None:
    assert kept in _triggers(run_events(text))


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # an act in a time clause of a state told as a background is the background's background
        ("Wagner has fought alongside Mali's army since 2021, after the ruling junta broke with France and "
         "expelled French troops.", "expelled", None),
        # with a time of its own, or under an event, it is told
        ("The army has held the town since March, after rebels withdrew on 3 March.", None, "withdrew"),
        ("Rebels shelled the base after troops withdrew from the town.", None, "withdrew"),
    ],
)
def test_the_background_of_a_state_is_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # what a pattern or a history consists of is a kind of happening
        ("The shelling of the market follows a pattern of air strikes on crowded places.", "air", "shelling"),
        ("Rebels shelled the camp, the latest in a history of attacks on aid convoys.", "attacks", "shelled"),
        # what the happening is compared with
        ("It began, as so many attacks in the capital do, with a car bomb.", "attacks", None),
        # negative cases: a plural noun of its own act, a series that was carried out, a comparison clause with its own act
        ("The attacks on the market killed twelve people.", None, "attacks"),
        ("Rebels launched a series of attacks on army posts on Monday.", None, "attacks"),
        ("The army shelled the town on Monday, as rebel attacks continued in the north.", None, "shelled"),
    ],
)
def test_a_pattern_or_a_comparison_is_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # an official visiting a town, a site or a hospital meets no party
        ("The state governor visited the town on Thursday and met the families.", "visited", None),
        ("The minister visited the hospital where the wounded were treated.", "visited", None),
        # negative cases: a visit to a named country or capital, a meeting with a party
        ("The president visited Washington on Tuesday.", None, "visited"),
        ("The envoy met rebel leaders in the town on Thursday.", None, "met"),
    ],
)
def test_a_visit_to_a_place_is_no_meeting(run_events, text: str, gone: str | None, kept: str | None) -> None:
    events = run_events(text)
    consults = {e.trigger.split()[0].lower() for e in events if e.plover_type == "CONSULT"}
    assert (gone is None or gone not in consults) and (kept is None or kept in consults), sorted(consults)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a meeting called off or postponed did not take place
        ("Jordan called off a summit that was to be held in Amman on Wednesday.", "summit", None),
        ("The mediators postponed the talks in Doha until next week.", "talks", None),
        # negative cases: a meeting held, a call for talks, a noun that is no object of the cancelling
        ("The two delegations held talks in Doha on Wednesday.", None, "held"),
        ("Talks between the army and the rebels opened in Doha on Wednesday.", None, "talks"),
        ("The summit in Amman ended on Wednesday, and the king cancelled his visit to Cairo.", None, "summit"),
    ],
)
def test_a_happening_called_off_is_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a witness telling, in a quotation, of a call they made is no request of a party
        ('"We called for help for hours," said one man whose brother died in the hotel.', "called for", None),
        ('"I asked the soldiers to let us go," a woman told reporters.', "asked", None),
        # negative cases: a call made in the quotation now, one told outside a quotation, one by a third person
        ('"We call on the army to withdraw from the town," the rebels said.', None, "call"),
        ("We called on the army to withdraw from the town, the rebels said on Monday.", None, "called"),
        ('"The governor called for calm," said one man.', None, "called"),
    ],
)
def test_a_witness_telling_of_a_call_is_no_request(run_events, text: str, gone: str | None, kept: str | None) -> None:
    events = run_events(text)
    triggers = _triggers(events)
    assert (gone is None or "REQUEST" not in _types(events)) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a notice asking its readers, in the present passive with no asker, is no request of a party
        ("The population of the city is invited to remain calm and to go about its business.", "invited", None),
        ("Residents are asked to stay indoors until further notice.", "asked", None),
        # negative cases: a modal, an asker named, a past passive, an active request
        ("The air strike on the village must be investigated.", None, "investigated"),
        ("The army is urged by the United Nations to withdraw from the town.", None, "urged"),
        ("The rebels were asked to withdraw from the town on Monday.", None, "asked"),
        ("The governor invited the population to remain calm.", None, "invited"),
    ],
)
def test_a_notice_to_its_readers_is_no_request(run_events, text: str, gone: str | None, kept: str | None) -> None:
    events = run_events(text)
    triggers = _triggers(events)
    assert (gone is None or "REQUEST" not in _types(events)) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # people counted among those an act befell: the act is told where it is told as done
        ("A brigadier general was among those captured there, the group said.", "captured", None),
        ("Among those killed in the town were three children.", "killed", None),
        # negative cases: the act told as done, a participle describing a noun, "among" with a clause of its own
        ("Rebels captured a brigadier general and 40 soldiers at the base.", None, "captured"),
        ("Three soldiers captured at the base were paraded on television.", None, "captured"),
        ("Among the dead were three children who were killed when a shell hit their house.", None, "killed"),
    ],
)
def test_those_an_act_befell_are_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # an agreement or talks tying another act of the sentence to a stretch or a point of time date that act
        ("The rebels freed ten prisoners on Friday, on the first day of a truce.", "truce", "freed"),
        ("Hours before a ceasefire was due to begin, warplanes struck the airport.", "ceasefire", "struck"),
        ("The deal was signed in Doha on Saturday after two weeks of talks.", "talks", "deal"),
        # negative cases: fighting lasting days is coded; the noun alone in its sentence; the noun told as made
        ("The government declared a curfew on Friday after a week of shelling in the north.", None, "shelling"),
        ("The first day of the truce passed quietly in the capital.", None, "truce"),
        ("The two sides agreed a truce on Friday and freed ten prisoners.", None, "truce"),
    ],
)
def test_a_happening_that_dates_another_act_is_no_event(run_events, text: str, gone: str | None,
                                                       kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a speech act two sides make upon each other sums up the sides' own acts
        ("Within days, both sides were accusing each other of breaking the truce.", "accusing", None),
        ("The army and the rebels accused one another of shelling the market.", "accused", None),
        ("Israel and the militants traded blame on Wednesday for the explosion.", "blame", None),
        # negative cases: one side accusing the other; two sides accusing a third
        ("The rebels accused the army of shelling the market.", None, "accused"),
        ("The army and the rebels accused the United Nations of bias.", None, "accused"),
    ],
)
def test_a_speech_act_upon_each_other_is_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # an inquiry no party opens or carries out names a thing (events v184)
        ("The report, based on a fact-finding investigation by the UN mission, found that soldiers killed 500 people.",
         "investigation", "killed"),
        ("The authorities should allow the UN to support such an investigation, Human Rights Watch said.",
         "investigation", None),
        # negative cases: an inquiry opened or launched is the act
        ("The ICC opened an investigation into war crimes in Darfur.", None, "investigation"),
        ("An investigation was launched into the killings.", None, "investigation"),
        ("Police are investigating the attack.", None, "investigating"),
    ],
)
def test_an_inquiry_no_party_opens_is_no_event(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # a visit to a force's installation meets no party (events v187)
        ("The Kremlin released video of Putin, in military uniform, visiting a command post of the Kursk group "
         "yesterday.", "visiting", None),
        ("The minister visited a checkpoint near the border on Monday.", "visited", None),
        # negative cases: a visit to a capital, to a leader
        ("Zelensky visited Washington on Thursday.", None, "visited"),
        ("The envoy visited the rebel commander on Monday.", None, "visited"),
    ],
)
def test_a_visit_to_an_installation_is_no_meeting(run_events, text: str, gone: str | None, kept: str | None) -> None:
    triggers = _triggers(run_events(text))
    assert (gone is None or gone not in triggers) and (kept is None or kept in triggers), sorted(triggers)


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # people marched off by force are no demonstration: the captors' act (events v188, typed by v195's
        # events.means.people_led_away)
        ("They scaled the fence of the school, shot dead the vice principal, and marched 25 girls into the bush, "
         "according to the police.", "marched", "ASSAULT"),
        # negative cases: demonstrators marching, and the ground they march
        ("Thousands marched through the capital on Sunday to demand the president's resignation.", "marched",
         "PROTEST"),
        ("Protesters marched the streets of Nairobi on Tuesday.", "protesters", "PROTEST"),
    ],
)
def test_people_marched_off_are_no_protest(run_events, text: str, trigger: str, plover: str) -> None:
    events = [e for e in run_events(text) if e.trigger.split()[0].lower() == trigger]
    assert [e.plover_type for e in events] == [plover]
