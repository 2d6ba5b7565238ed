"""events.attribution: who says an event happened decides a claim or a report (table tests with the
cases that must stay reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from frontlines.events.attribution import SAID_ACTS
from frontlines.records import Actor, Article, Event, EventStatus, Sector
from tests.events.conftest import _ev, actor, place, triggered

# A pronoun doer that takes up the speaker makes the speaker's own act a claim (events v4).
PRONOUNS = [
    ("An ethnic armed group said on Saturday it had captured the headquarters.", "captured", EventStatus.CLAIMED),
    ("The rebels said they had shot down a helicopter.", "shot down", EventStatus.CLAIMED),
    # a pronoun that does not agree with the speaker points elsewhere: a report
    ("The ministry said they had shelled the market.", "shelled", EventStatus.HAPPENED),
    ("Residents said it had shelled the market.", "shelled", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), PRONOUNS, ids=[p[0][:40] for p in PRONOUNS])
def test_a_speaker_taken_up_by_a_pronoun_claims_its_act(run_events, text: str, trigger: str,
                                                         status: EventStatus) -> None:
    events = {e.trigger: e for e in run_events(text)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status


# In a text whose source names a party (a command, a ministry) of no known side, what "we" or "our
# forces" did is the party's claim; its calls and its reports about others are not.
FIRST_PERSON = [
    ("Yesterday evening our fighters took the hill overlooking the city.", "took", EventStatus.CLAIMED),
    ("We call on the international community to protect civilians.", "call on", EventStatus.HAPPENED),
    ("Enemy drones struck a school yesterday evening.", "drones struck", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), FIRST_PERSON, ids=[p[1].split()[-1] for p in FIRST_PERSON])
def test_first_person_deeds_in_a_partys_text_are_claims(run_events, text: str, trigger: str,
                                                        status: EventStatus) -> None:
    source = "Military Operations Command (Telegram)"
    events = {e.trigger: e for e in run_events(text, source=source)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    # every deed the party's text tells is on its word (claimed or reported, events v116); its call is its own act
    assert (events[trigger].attributed_to == source) == (events[trigger].plover_type not in SAID_ACTS)
    wire = {e.trigger: e for e in run_events(text, source="Reuters")}
    assert wire[trigger].status == EventStatus.HAPPENED  # the same words in a wire report


# A party telling as done what its own side did claims it, whatever the reporting verb ("announced",
# "said"); a deed told to come, a decision done in the announcing, a deed of no side of the speaker's
# or of another party stays as the text frames it (events v64).
OWN_DEEDS = [
    ("The defence ministry announced that its forces had destroyed three tanks near the village.",
     "destroyed", EventStatus.CLAIMED),
    ("The army announced on Friday that it had arrested 51 people in the town.", "arrested", EventStatus.CLAIMED),
    ("The army said it had sent reinforcements to the area on Thursday.", "sent", EventStatus.CLAIMED),
    # told to come: planned
    ("The army said it would send reinforcements to the area on Thursday.", "send", EventStatus.PLANNED),
    # another's deed, reported: as the text frames it
    ("The defence ministry announced that rebels had destroyed three tanks near the village.",
     "destroyed", EventStatus.HAPPENED),
    # no doer named: the speaker reports, it does not claim
    ("Troops were deployed to the town on Monday, the army said.", "deployed", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), OWN_DEEDS, ids=[p[0][:40] for p in OWN_DEEDS])
def test_a_partys_word_on_its_own_deed_is_a_claim(run_events, text: str, trigger: str, status: EventStatus) -> None:
    events = {e.trigger: e for e in run_events(text)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    if status == EventStatus.CLAIMED:
        assert events[trigger].attributed_to is not None


def test_a_decision_announced_is_done_not_claimed(run_events) -> None:
    """Suspending a deal is done in the announcing: no claim of a deed in the field."""
    events = run_events("The government announced on Monday that it was suspending the grain deal.")
    assert events and all(e.status != EventStatus.CLAIMED for e in events)


def _office_text(office: str, doer: str) -> str:
    return f"Ivan Petrenko, {office} of the Odesa region, said on Wednesday that {doer} had hit the warship."


# A speaker of no side of its own speaks for the land its office is named with ("the governor of the
# Odesa region"): its report of its own side's strike is a claim; a resident of the place speaks for
# no one, and the other side's strike stays a report.
OFFICES = [
    ("the governor", "Ukrainian forces", "UKR", EventStatus.CLAIMED),
    ("a resident", "Ukrainian forces", "UKR", EventStatus.HAPPENED),
    ("the governor", "Russian forces", "RUS", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("office", "doer", "country", "status"), OFFICES, ids=[f"{o[0]}-{o[2]}" for o in OFFICES])
def test_a_speakers_office_names_its_side(run_events, office: str, doer: str, country: str,
                                          status: EventStatus) -> None:
    text = _office_text(office, doer)
    actors = (
        Actor(text="Ivan Petrenko", evidence=_ev(text, "Ivan Petrenko"), name="Ivan Petrenko", kind="person",
              sector=Sector.GOVERNMENT),
        actor(text, doer, doer, country),
    )
    places = (place(text, "Odesa region"),)  # country UKR
    events = {e.trigger: e for e in run_events(text, actors=actors, places=places)}
    assert "hit" in events, sorted(events)
    assert events["hit"].status == status


# A speaker the actors took for the doer of a strike that names none did it only away from its own
# land: the ministry's strike on the enemy's city is its claim; the shells that fell on its own town
# are the enemy's, reported.
HOME = [
    ("The Russian defence ministry said on Friday that missiles had struck a plant on the outskirts of Kyiv.",
     "The Russian defence ministry", "RUS", "Kyiv", "UKR", EventStatus.CLAIMED),
    ("The Rwandan government said on Monday that shells fired from Congo killed five civilians in Gisenyi.",
     "The Rwandan government", "RWA", "Gisenyi", "RWA", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "speaker", "side", "town", "country", "status"), HOME,
                         ids=[h[2] for h in HOME])
def test_a_speakers_strike_away_from_home(run_events, text: str, speaker: str, side: str, town: str,
                                          country: str, status: EventStatus) -> None:
    actors = (actor(text, speaker, speaker, side, Sector.GOVERNMENT),)
    places = (replace(place(text, town), country=country),)
    events = run_events(text, actors=actors, places=places)
    harms = [e for e in events if e.plover_type == "ASSAULT"]
    assert harms, [(e.trigger, e.plover_type) for e in events]
    assert harms[0].status == status


# In a party's own release (a defence ministry's), forces it names without a side are its own, and a
# move told with no doer is its own move: claims. The enemy's forces, named as such, and a weapon
# launched from elsewhere stay reports, told on the party's word (events v116); the same words in a wire
# report are told as fact, on no one's word.
RELEASE = [
    ("Units of the Tsentr group of forces have completely liberated the village of Krasne.",
     "liberated", EventStatus.CLAIMED),
    ("Overnight, duty air defence systems intercepted and destroyed nine drones over the region.",
     "intercepted", EventStatus.CLAIMED),
    ("Military personnel and their families were relocated from the town on 5 January.",
     "relocated", EventStatus.CLAIMED),
    ("Ukrainian units are abandoning their positions in a disorderly manner.", "abandoning", EventStatus.HAPPENED),
    ("Drones launched from across the border attacked the airport on Saturday.", "attacked", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), RELEASE, ids=[r[1] for r in RELEASE])
def test_a_partys_release_claims_its_own_forces_deeds(pipeline_resources: Any, text: str, trigger: str,
                                                      status: EventStatus) -> None:
    from frontlines.pipeline import process_article

    def events(source: str) -> list[Event]:
        art = Article(id="release", text=text, published=dt.date(2024, 2, 17), source=source)
        return list(process_article(art, pipeline_resources).events)

    source = "Ministry of Defence of the Russian Federation"
    hit = next((e for e in events(source) if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in events(source)]
    assert hit.status == status
    assert hit.attributed_to == source
    wire = events("Reuters")  # the same words on the wire
    assert all(e.status != EventStatus.CLAIMED and e.attributed_to is None for e in wire)


# What a party's release tells on no one's word is the party's report (events v116), unless it is
# background dated before the days the release reports on; a UN or aid office is no party.
RELEASE_WORD = [
    ("Ministry of Defence of Azerbaijan", "Armenian sabotage groups shelled the village of Sarijali on Tuesday.",
     "shelled", "Ministry of Defence of Azerbaijan"),
    ("General Command of the Army", "Terrorist groups attacked army posts near the town on Tuesday.",
     "attacked", "General Command of the Army"),
    # background: a deed dated long before the release
    ("Israel Defense Forces", "The four were abducted by Hamas from the Nova music festival on October 7, 2023.",
     "abducted", None),
    # a UN office reports, it is no party's word
    ("UN Office for the Coordination of Humanitarian Affairs", "Armed groups attacked the camp on Tuesday.",
     "attacked", None),
]


@pytest.mark.parametrize(("source", "text", "trigger", "attributed"), RELEASE_WORD, ids=[r[2] + "-" + r[0][:12] for r in RELEASE_WORD])
def test_a_partys_release_is_its_word_on_the_deeds_it_tells(pipeline_resources: Any, source: str, text: str,
                                                           trigger: str, attributed: str | None) -> None:

    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 6, 13), source=source,
                    article_id="release")
    assert hit.status == EventStatus.HAPPENED
    assert hit.attributed_to == attributed


def test_a_note_inserted_in_a_release_is_not_the_partys_word(pipeline_resources: Any) -> None:
    """A bracketed note the desk inserted into a ministry's release tells what it tells, unclaimed."""
    from frontlines.pipeline import process_article

    text = ("Units of the group of forces have completely liberated the village of Krasne.\n\n"
            "[Editor's note: Russian forces had stormed the village of Krasne for months.]")
    art = Article(id="note", text=text, published=dt.date(2024, 2, 17),
                  source="Ministry of Defence of the Russian Federation")
    events = {e.trigger: e for e in process_article(art, pipeline_resources).events}
    note = next((e for t, e in events.items() if t.startswith("stormed")), None)
    assert note is not None, sorted(events)
    assert note.status == EventStatus.HAPPENED and note.attributed_to is None


# An armed group's speaker naming the doer by its kind alone ("the rebels") speaks of its own group: a
# claim (events v81). A state's speaker on "the rebels", and a group's speaker on the army, report.
def _group_text(office: str, doer: str) -> str:
    return f"{office} Amadou Sidibe said on Sunday that {doer} had taken control of Menaka."


GROUP_KINDS = [
    ("FLA spokesman", "the rebels", "grp", Sector.REBEL, EventStatus.CLAIMED),
    ("FLA spokesman", "the army", "grp", Sector.MILITARY, EventStatus.HAPPENED),
    ("Army spokesman", "the rebels", "army", Sector.REBEL, EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("office", "doer", "speaks_for", "doer_sector", "status"), GROUP_KINDS,
                         ids=[f"{g[2]}-{g[1]}" for g in GROUP_KINDS])
def test_a_groups_speaker_on_doers_of_its_kind_claims(run_events, office: str, doer: str, speaks_for: str,
                                                      doer_sector: Sector, status: EventStatus) -> None:
    text = _group_text(office, doer)
    body = office.split()[0]
    if speaks_for == "grp":
        body_actor = Actor(text=body, evidence=_ev(text, body), name=body, kind="group", country="MLI",
                           sector=Sector.REBEL, side="FLA", registry_id="grp.fla")
    else:
        body_actor = actor(text, body, "Armed Forces of Mali", "MLI")
    doer_actor = Actor(text=doer, evidence=_ev(text, doer), name=doer.split()[-1], kind="group", country="MLI",
                       sector=doer_sector, side="MLI")
    events = {e.trigger: e for e in run_events(text, actors=(body_actor, doer_actor))}
    assert "taken control" in events, sorted(events)
    assert events["taken control"].status == status


# A hedge that no one is said to hold reports what happened; a claim needs a claimant (events v101).
HEDGES = [
    ("More than 1,000 people are believed to have been arrested in Amhara.", "arrested", EventStatus.HAPPENED),
    ("Dozens of civilians are thought to have been killed in the air strike.", "killed", EventStatus.HAPPENED),
    # negative: words that make it a claim keep it one, and so does a party telling its own deed
    ("The rebels claimed to have shot down a helicopter.", "shot down", EventStatus.CLAIMED),
    ("The group said it had captured the town.", "captured", EventStatus.CLAIMED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), HEDGES, ids=[p[0][:40] for p in HEDGES])
def test_a_hedge_no_one_holds_is_a_report(run_events, text: str, trigger: str, status: EventStatus) -> None:
    events = [e for e in run_events(text) if e.trigger.startswith(trigger)]
    assert events and events[0].status is status, [(e.trigger, e.status) for e in run_events(text)]


# A charge, a refusal, a request, words of support or talks are done by saying them: a party's own
# account of them ("said it had urged", "'We urge ...,' she said") is what happened, not its claim, and
# the speaker is their doer (events v115). A party's account of its own deeds stays a claim.
SAID = [
    ('"We urge the authorities to release anyone who has been arbitrarily detained," Hurtado said.',
     "urge", EventStatus.HAPPENED),
    ("The U.N. mission said it was alarmed by the violence and urged all parties to agree a ceasefire.",
     "urged", EventStatus.HAPPENED),
    ("The ministry said it had rejected the proposal for a buffer zone.", "rejected", EventStatus.HAPPENED),
    # deeds stay claims
    ('"We destroyed two tanks near the village," the spokesman said.', "destroyed", EventStatus.CLAIMED),
    ("The group said it had captured the headquarters.", "captured", EventStatus.CLAIMED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), SAID, ids=[p[1] for p in SAID])
def test_acts_done_by_saying_them_are_no_claims(run_events, text: str, trigger: str, status: EventStatus) -> None:
    events = {e.trigger: e for e in run_events(text)}
    assert trigger in events, sorted(events)
    assert events[trigger].status == status
    if status is EventStatus.HAPPENED:
        assert events[trigger].attributed_to is None


# A label before a colon that names someone who can speak is the speaker of what follows, the way live
# blogs, Telegram channels and headlines quote (events v117); a section label, a place or a clause is not,
# and the speaker is never what the event was done to.
COLON = [
    ("11:05 - Houthi spokesman Yahya Saree: our forces fired a ballistic missile at the airport overnight.",
     "fired", "Yahya Saree", EventStatus.CLAIMED),
    ("06:30 Tkachenko, head of the city military administration: a missile hit a residential building.",
     "missile", "Tkachenko", EventStatus.HAPPENED),
    ("Zelensky: Russian troops shelled Kherson overnight, killing two.", "shelled", "Zelensky", EventStatus.HAPPENED),
    ("Houthi-run Health Ministry: 58 killed, 126 injured in US strikes on the port last night.",
     "strikes", "Health Ministry", EventStatus.HAPPENED),
    # no one speaks
    ("Update: two people were killed in a Russian strike on Kupiansk.", "strike", None, EventStatus.HAPPENED),
    ("It sank.\n\nReminder: the ship, hit by a missile on February 18, sank on Saturday.", "hit", None,
     EventStatus.HAPPENED),
    ("Kharkiv: two people were killed in a Russian strike on the city.", "strike", None, EventStatus.HAPPENED),
    # a colon after the trigger labels nothing before it
    ("Russian troops shelled Kherson overnight: two people were killed.", "shelled", None, EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "speaker", "status"), COLON, ids=[c[0][:24] for c in COLON])
def test_a_label_before_a_colon_names_the_speaker(run_events, text: str, trigger: str, speaker: str | None,
                                                 status: EventStatus) -> None:
    events = [e for e in run_events(text) if e.trigger.startswith(trigger)]
    assert events, [e.trigger for e in run_events(text)]
    hit = events[0]
    assert hit.status == status
    if speaker is None:
        assert hit.attributed_to is None
    else:
        assert hit.attributed_to is not None and speaker in hit.attributed_to
        assert all(speaker not in a.name for a in hit.targets)


# A monitor's words of record ("has verified that", "documented abuses by ... who kidnapped") report what
# happened, on the monitor's word (events v118); a deed told as fact stays on no one's word.
RECORDED = [
    ("The Office has verified that Congolese soldiers raped at least 52 women and girls in Kalehe territory.",
     "raped", "The Office"),
    ("Human Rights Watch documented abuses by armed separatists, who kidnapped more than 100 people in the region.",
     "kidnapped", "Human Rights Watch"),
    ("Congolese soldiers raped at least 52 women and girls in Kalehe territory.", "raped", None),
]


@pytest.mark.parametrize(("text", "trigger", "reporter"), RECORDED, ids=[r[1] + str(r[2]) for r in RECORDED])
def test_words_of_record_report_what_happened(run_events, text: str, trigger: str, reporter: str | None) -> None:
    hit = next((e for e in run_events(text) if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in run_events(text)]
    assert hit.status == EventStatus.HAPPENED
    assert hit.attributed_to == reporter


# A dateline's town that the parser made the subject of "said" or "announced" is no speaker: the noun
# past the dateline is (events v120, quotes v3), and its own claim stays a claim.
DATELINED = [
    ("NAIROBI, Aug 9 (Reuters) - Ethiopia's military said on Wednesday it had retaken several towns in the Amhara "
     "region from Fano militiamen.", "retaken", "Ethiopia's military", EventStatus.CLAIMED),
    ("TUNIS, May 14 (Reuters) - Libya's Tripoli-based government announced a ceasefire on Wednesday.",
     "ceasefire", None, EventStatus.ANNOUNCED),
]


@pytest.mark.parametrize(("text", "trigger", "speaker", "status"), DATELINED, ids=[d[1] for d in DATELINED])
def test_a_datelines_town_is_no_speaker(pipeline_resources: Any, text: str, trigger: str, speaker: str | None,
                                        status: EventStatus) -> None:

    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2023, 8, 9), source="Reuters",
                    article_id="wire")
    assert hit.attributed_to == speaker
    assert hit.status == status


# An act its speaker does by telling it (a decision announced, a state declared, an order given) or tells
# as its own intent is the speaker's act, on no one's word (events v121); a deed told as done by its doer
# stays its claim, and another party's act stays on the speaker's word.
TOLD_BY_ITS_DOER = [
    ("The Kremlin announced on Monday that it was suspending the Black Sea Grain Initiative.", "suspending", None),
    ("Haiti's government declared a 72-hour state of emergency on Sunday.", "state of emergency", None),
    ("The army said it would send reinforcements to the area on Thursday.", "send", None),
    # a deed told as done by its doer: its claim
    ("The army said it had sent reinforcements to the area on Thursday.", "sent", "The army"),
    # another party's act: on the speaker's word
    ("The ministry announced that rebels had destroyed three tanks near the village.", "destroyed", "The ministry"),
]


@pytest.mark.parametrize(("text", "trigger", "attributed"), TOLD_BY_ITS_DOER, ids=[t[1] for t in TOLD_BY_ITS_DOER])
def test_an_act_done_in_the_telling_is_the_speakers_own(pipeline_resources: Any, text: str, trigger: str,
                                                        attributed: str | None) -> None:
    from frontlines.pipeline import process_article

    events = list(process_article(Article(id="t", text=text, published=dt.date(2024, 3, 4)), pipeline_resources).events)
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in events]
    assert hit.attributed_to == attributed


# A quotation's speaker left unidentified ("said a relative of one of the dead") is no source of what the quotation
# tells (events v200); a speaker with a name or an office stays its source.
QUOTED_BY = [
    ("a relative of one of the dead", None),
    ("a witness", None),
    ("the village chief", "the village chief"),
    ("Amina Yusuf", "Amina Yusuf"),
]


@pytest.mark.parametrize(("speaker", "attributed"), QUOTED_BY, ids=[q[0] for q in QUOTED_BY])
def test_an_unidentified_quotation_speaker_is_no_source(run_events, speaker: str, attributed: str | None) -> None:
    from frontlines.records import Quote

    text = f'"Those who refused were beaten by the soldiers," said {speaker}.'
    content = "Those who refused were beaten by the soldiers,"
    quote = Quote(content=content, evidence=_ev(text, content), direct=True, speaker_text=speaker,
                  speaker_evidence=_ev(text, speaker))
    (event,) = [e for e in run_events(text, quotes=(quote,)) if e.trigger == "beaten"]
    assert event.attributed_to == attributed


# A force named by a name of its own with no nation in it ("the Defence Forces") is, in a party's release, the
# party's own force: its deeds are the party's claims (events v202). A name with a nation or another party's name
# before the force noun stays as told, on the party's word.
FORCE_NAMES = [
    ("On 12 June, the Defence Forces liberated Lobkove in the Zaporizhzhia region.", "liberated", EventStatus.CLAIMED),
    ("On 12 June, the Armed Forces liberated Lobkove in the Zaporizhzhia region.", "liberated", EventStatus.CLAIMED),
    ("On 12 June, the Russian Armed Forces shelled Lobkove in the Zaporizhzhia region.", "shelled",
     EventStatus.HAPPENED),
    ("On 12 June, Wagner forces shelled Lobkove in the Zaporizhzhia region.", "shelled", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), FORCE_NAMES, ids=[f[0][12:40] for f in FORCE_NAMES])
def test_a_force_named_with_no_nation_is_the_releasing_partys(pipeline_resources: Any, text: str, trigger: str,
                                                               status: EventStatus) -> None:

    source = "Ministry of Defence of Ukraine"
    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2023, 6, 18), source=source,
                    article_id="release")
    assert hit.status == status
    assert hit.attributed_to == source


# A downing or an interception told with no doer is done by the side defending the land it happened over: told by
# that side it is its claim (events v204); told by another side, or a strike rather than a downing, it stays a report.
DEFENCES = [
    ("Russia says 337 drones were shot down over the Moscow region on Tuesday.", "shot down", EventStatus.CLAIMED,
     "Russia"),
    ("Ukraine says 337 drones were shot down over the Moscow region on Tuesday.", "shot down", EventStatus.HAPPENED,
     "Ukraine"),
    ("Russia says drones struck an oil depot in the Moscow region on Tuesday.", "drones struck", EventStatus.HAPPENED,
     "Russia"),
]


@pytest.mark.parametrize(("text", "trigger", "status", "attributed"), DEFENCES, ids=[d[0][:30] for d in DEFENCES])
def test_a_downing_told_by_the_defending_side_is_its_claim(pipeline_resources: Any, text: str, trigger: str,
                                                           status: EventStatus, attributed: str) -> None:

    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2025, 3, 13), source="Wire service",
                    article_id="defence")
    assert (hit.status, hit.attributed_to) == (status, attributed)


# A state's armed body told with no nation is named with the nation of the state forces the event's doers are, else of
# the land the deed is in (events v205); a body whose nation is named, and a speaker who is no armed body, stay as told.
ARMED_BODIES = [
    ("Israeli warplanes struck Hezbollah targets in southern Lebanon overnight, the military said.", "struck",
     "the military (Israel)"),
    ("Troops were deployed to Maiduguri on Monday, the army said.", "deployed", "the army (Nigeria)"),
    ("Israeli warplanes struck Hezbollah targets in southern Lebanon overnight, the Israeli military said.", "struck",
     "the Israeli military"),
    ("Troops were deployed to Maiduguri on Monday, the governor said.", "deployed", "the governor"),
]


@pytest.mark.parametrize(("text", "trigger", "attributed"), ARMED_BODIES, ids=[a[2] for a in ARMED_BODIES])
def test_an_armed_body_told_with_no_nation_is_named_with_it(pipeline_resources: Any, text: str, trigger: str,
                                                            attributed: str) -> None:

    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 7, 28), source="Wire service",
                    article_id="body")
    assert hit.attributed_to == attributed


# A source named by an abbreviation the actor registry knows is attributed by the name it stands for (events v208);
# an abbreviation the registry does not know, and a name written out, stay as written.
ABBREVIATIONS = [
    ("The RSF said on Saturday that gunmen had stormed the palace in Khartoum.", "Rapid Support Forces"),
    ("The IDF said on Saturday that gunmen had stormed the post near Jenin.", "Israel Defense Forces"),
    ("The QRZ said on Saturday that gunmen had stormed the palace in Khartoum.", "The QRZ"),
    ("The Rapid Support Forces said on Saturday that gunmen had stormed the palace in Khartoum.",
     "The Rapid Support Forces"),
]


@pytest.mark.parametrize(("text", "attributed"), ABBREVIATIONS, ids=[a[0][:12] for a in ABBREVIATIONS])
def test_an_abbreviation_the_registry_knows_is_written_out(pipeline_resources: Any, text: str,
                                                           attributed: str) -> None:

    hit = triggered(pipeline_resources, text, "stormed", published=dt.date(2023, 4, 16), source="Wire service",
                    article_id="abbr")
    assert hit.attributed_to == attributed


# Only a verb that marks the words as one side's contested word ("alleged", "claimed", "insisted") keeps a report of
# another party's deed a claim (events v330): a verb of testimony or description reports what happened; a party's
# word on its own side's deed stays its claim whatever verb tells it.
FRAMED_BY = [
    ("Human Rights Watch testified that soldiers had burned 40 homes in Ngarbuh.", "burned", EventStatus.HAPPENED,
     "Human Rights Watch"),
    # negative: a verb of a contested word
    ("Human Rights Watch alleged that soldiers had burned 40 homes in Ngarbuh.", "burned", EventStatus.CLAIMED,
     "Human Rights Watch"),
    # negative: the speaker's own side
    ("The army described how its soldiers had burned the rebel camp near Ngarbuh.", "burned", EventStatus.CLAIMED,
     "The army"),
]

# Reported speech the quotations stage finds with a verb the events stage does not read as a frame ("reminds the
# public that", "informs the public that") is framed by its speaker and that verb (events v331): another party's
# deed is the speaker's report, its own side's deed its claim.
REPORTED_SPEECH = [
    ("The TNI reminds the public that the KKB shot dead a helicopter pilot in Alama last year.", "shot",
     EventStatus.HAPPENED, "The TNI"),
    ("The General Staff of the Armed Forces informs the public that on Sunday the Boulkessi military post was the "
     "target of a complex attack by armed terrorist groups.", "attack", EventStatus.HAPPENED, "The General Staff"),
    # negative: the speaker's own side's deed stays its claim
    ("The TNI informed the public that its soldiers had killed three KKB fighters in Intan Jaya.", "killed",
     EventStatus.CLAIMED, "The TNI"),
]


@pytest.mark.parametrize(("text", "trigger", "status", "attributed"), FRAMED_BY + REPORTED_SPEECH,
                         ids=[t[0][:40] for t in FRAMED_BY + REPORTED_SPEECH])
def test_a_report_is_told_from_a_claim_by_its_frame_and_its_speakers_side(
        pipeline_resources: Any, text: str, trigger: str, status: EventStatus, attributed: str) -> None:
    from frontlines.pipeline import process_article

    events = list(process_article(Article(id="t", text=text, published=dt.date(2024, 3, 4)), pipeline_resources).events)
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in events]
    assert (hit.status, hit.attributed_to) == (status, attributed)
