"""The events stage: triggers -> typed events with roles, place, time,
quantities, status and attribution, over the shared Doc and the records of
the earlier stages.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from frontlines.events.attribution import (
    blame_names_a_doer,
    claim_or_report,
    claimed_doers,
    denied_accusations,
    information_holder,
    own_statement,
    speakers_own_acts,
    quote_attribution,
    release_reports,
    speaker_is_source,
    speaker_side,
    source_party,
)
from frontlines.events.bulletins import merge_bulletins
from frontlines.events.coder import (
    Typing,
    claimed_responsibility,
    conflict_setting,
    sentence_cues,
    type_trigger,
)
from frontlines.events.context import (
    forces_at_home,
    inherit,
    officials_at_home,
    more_of_the_same,
    post_starts,
    preceding_place,
    referred_time,
    report_night,
    release_place,
    seat_of_power,
    story_day,
    told_after,
)
from frontlines.events.draft import Draft
from frontlines.events.generic import drop_sums_over_years
from frontlines.events.lexicon import EventLexicon, lexicon_from
from frontlines.events.mentions import (
    drop_background_of_states,
    drop_late_non_events,
    drop_non_events,
    drop_references,
)
from frontlines.events.merge import (
    attach_sentence_quantities,
    headline_end,
    merge_across_sentences,
    merge_denied_retellings,
    merge_headline,
    merge_in_sentence,
    merge_one_act_per_sentence,
    merge_reported_retellings,
    merge_same_happening,
)
from frontlines.events.parts import (
    merge_debris,
    merge_doers_told_again,
    merge_parts_of_attack,
    merge_victims_told_again,
)
from frontlines.events.protests import merge_force_in_sentence, merge_interventions
from frontlines.events.doers import the_one_side
from frontlines.events.officials import official_place
from frontlines.events.ranking import confidence, title_cues
from frontlines.events.realis import Realis, assess, noun_phrase, settle_status
from frontlines.events.roles import (
    agent_tokens,
    choose_place,
    choose_quantities,
    find_actors,
    index_doc,
)
from frontlines.events.stance import (
    DEMAND_SPEC,
    armed_targets,
    order_to_another_party,
    THREAT_SPEC,
    crowd_violence,
    obligations,
    stance,
    threat_statement,
    violent_family,
)
from frontlines.events.takeover import (
    TERRITORIAL,
    control_place,
    control_typing,
    object_place,
    forces_abroad,
    release_takes_ground,
    territory_side,
    undergoer_place,
)
from frontlines.events.triggers import find_triggers
from frontlines.events.when import choose_time, publication_time, rest_of_period
from frontlines.events.words import read_words
from frontlines.stages import PARAGRAPH_BREAK, Stage, StageInput, data_file, version_of
from frontlines.records import Event, EventStatus, Evidence, Place, Sector

NAME = "events.coder"
# the event lexicon; the actor registry (own statements); the places resolved for one span
DATA_FILES = (data_file("events"), data_file("actors"), data_file("places"))
VERSION = "188"  # 3: speech content, generic and negated mentions, own-part denials, second mentions, tolls;
# 4: places inside a division named with it, passive reports are no venues (issue 14 follow-up);
# 5: a party's claimed retelling merges, speech and commitment contents, speech participles, predicative
# nouns, finding nothing seizable, statuses a type gives, pronoun and first-person claims, orders to
# another party, agreements take the article's setting, bombs beside aircraft, armed targets;
# 6: an "of" naming an owner is no place of the event; a story place is never a country named as a doer
# 7: coreference: places the same, inside or near, times that overlap; a noun naming no means is the
# sentence's specific attack; a toll naming the attack's place; merged events keep the finest place and date;
# an attack's origin ("fired from X") is not its place, a possessive naming where its noun is ("X's airport") is
# 8: a place in the event's own clause is no venue of a report around it ("gunfire was heard in X, a resident said")
# 9: ACLED sub-type from roles and means (events.means): harm in fighting, fired back or fought off is a clash;
# a firing tank or warship shells; drones beside missiles by the one named first; munitions downed are disrupted;
# an attempt to take ground is a clash; power seized is Other, a ship seized an abduction; guarded sites are armed;
# ground fallen into a nation's hands is regained at home; ground operations are clashes; "riot police" is no riot
# 10: people fleeing or evacuated are a displacement figure, not a retreat; naming ("called X Y"), pressing on, "protested
# that"; an accusation's second "of"; released "what it said were" communications; a verb whose subject is an attack
# is that attack; coordinated attacks on two places stay two; a perfect that counts its objects is no state; "take to
# the streets", "ground operation(s)", "congratulate"; paragraph breaks end sentences (nlp.paragraphs)
# 11: dates: a dateline's date comes after any other date of its sentence (with time.timex v3)
# 12: the event's own place: a relative "where" stands for the place before it; "X's airport" deep in a list; a copula's
# participle complement; a direction of a division ("northeastern Borno") holds the towns of that division; a place of
# a conjunct of the passive subject ("X and their families in Laukkai were relocated")
# 13: a headline the text opens with tells again the body event of its type (events.merge.merge_headline)
# 14: of two settlements one clause takes, the first named (control_place compared a token index with a char offset)
# 15: a relative clause whose subject stands for a place noun ("the river that supplied ...") is no party's act
# 16: a period of conflict's running toll ("the war has killed 10,000") and an act a present-tense grant of power
# makes possible ("the emergency allows the police to arrest suspects") are no happenings
# 17: a participle list is one coordination (nlp.coordination): "troops who were captured, injured or killed"
# 18: with no place of its own and an area (country, province) the nearest place before, the town inside it the story
# named in the last few sentences (events.context._story_town)
# 19: a weapon noun that is the object of a verb telling no event is a thing ("includes Iskander missiles"); a place
# the clause is said of is a copula's or passive's subject (or the parser's second subject after the verb), never an
# active verb's doer ("Russia fired ...")
# 20 (the dates branch's 16): dates: a date in a clause on another noun ("the deal, brokered in July last year"),
# of a thing's coming into force ("that take effect on 1 January") or ending another clause's stretch ("until Saturday") is not the event's;
# an event that has taken place does not take its paragraph's time when that lies after publication
# 21: an apposition renaming the act told before it ("annexed it in 1981, a move not recognized by ...") tells how the
# act was received: no event of its own
# 22: every ACLED-coded event (strategic developments too) and every act done rather than said takes the story place
# when its sentence names none; speech acts still never do
# 23: in one sentence, a mention told as done and one told as aimed at, ordered or supposed are two events, unless
# a participle tells the order carried out
# 24: a gathering (gather, assemble, converge) that voices a demand ("..., demanding", "to protest", placards) is a
# demonstration
# 25: a coercive response announced for what another party does ("will take all necessary measures against", "would
# be met with sanctions") is a threat; what a threat holds out ("sanctions") is its content
# 26: a verb of bursting told as becoming something ("exploded into open fighting") is no explosion
# 27: a policy taken back ("scaled back", "repealed", "rescinded", "revoked") is a concession
# 28: a change of hands whose clause names no settlement takes one its sentence names in another role (not a doer)
# before a place of an earlier sentence
# 29: a request for comment is the reporter's, no event
# 30: a dateline ("NAIROBI, Aug 5 (Reuters) -") names no source and no doer
# 31: backing given in arms ("backed by air support", "with the support of troops") is no stated support
# 32: a verb of harm with a subject and no auxiliary or object is a passive as notes write it ("Three civilians
# injured."); the other side giving way in a capture's sentence is the same change of hands; "Storozheve village"
# names the settlement taken
# 33: who claims responsibility or credit for an event is its doer as claimed; a claim by no one ("no group has
# claimed") leaves the event told as fact
# 34: protesters a force is aimed at ("opened fire on demonstrators") are its targets, not a protest of their own
# 35: a speech act told by its own speaker is its act (the speaker its doer), not a claim attributed to it
# 36: a country an act between parties is aimed at ("broke with France", "accused Rwanda") is the other party, no place
# 38: an act told as done again and again ("has repeatedly urged", "regularly shell") is a summary, no happening
# 39: ground defended ("to defend Russian territory") is no stated support
# 40: review: the other side giving way is told apart by its own date only (no "later" word list)
# 41: review: one story-town rule (the town inside the area named just before) replaces the older "X (R region)" one
# 42: ranking: an act inside what another trigger of its sentence says, asks, agrees or accuses ("promised aid to
# families whose homes were destroyed by shelling") is that event's content, ranked below it
# 43: PLOVER codebook keywords (pardon, amnesty, regret, repatriate, ratify, disapprove, defame, lawsuit, cancel,
# convict); a stopped act typed by what is stopped (talks suspended: SANCTION; a curfew or a protest called off:
# CONCEDE); a trigger word in an organisation's name ("Amnesty International") is no event
# 44: a party telling its own cooperation to come ("said it will send aid") commits to it: AGREE (PLOVER)
# 45: a withdrawal from an agreement or talks, or of envoys, cuts relations: SANCTION (PLOVER), no retreat
# 46: ranking: an event noun another trigger governs ("denounced the drone attack") is that event's content too;
# an act of force above ("found a mass grave") acts on what it names: no content
# 47: stopping one's own force ("halted its offensive") ends the fighting: RETREAT (PLOVER), no sanction
# (48-51 were the lead's 42-45 on main before the plover branch merged)
# 48: one act of a kind per sentence unless the sentence tells them apart (events.merge.merge_one_act_per_sentence)
# 49: where people or things come from ("peacekeepers from Uruguay") is no place of the event nor of the story (geo.context.came_from)
# 50: a protest setting retypes a said act (an accusation, a demand) only when the protesters say it
# 51: a declaration makes what it names ("declared a state of emergency" happened; "announced the withdrawal" stays announced)
# 52: a definite event noun that is not its clause's subject, beside another act of its sentence, refers to a happening (events.mentions.drop_references)
# 53: a personal pronoun doer ("repeated *his* threat") is the person named before it, never the nearest force (events.antecedents)
# 54: a strike *on* something is an attack though a labour word is near ("a strike on the command staff")
# 55: the second of coordinated infinitives ("vowed to capture or *kill*") and a demand's subjunctive clause ("demanded that the rebels *withdraw*") are what is asked, not events
# 56: an accusation told as a participle describing a noun with no accuser ("firms *accused* of helping Russia") and a request about the asker's own name ("asked that his surname not be used") are no events
# 57: (branch heads' 53) a Title Case Headline is parsed with its ordinary words in lower case
# (nlp.casing.parse_input): its verb is found ("Russian Drone Attack Kills Man In Nikopol"); no events code changed
# 58: a line of several sentences is prose, not a Title Case Headline (nlp.casing.title_lines)
# 59: a weapon counted in another noun's "of" ("shortages *of artillery shells*") is a thing, unless that noun acts or is aimed
# 60: a participle describing a place noun ("the last roads *supplying* the besieged city") tells what the place is, not a party's act
# 61: a said act in a relative clause telling which civilians are meant ("residents *who refused* to leave") is no party's act
# 62: an event noun filling the "of" of a noun determined by "no" ("found no evidence of a meeting") is no act and no refusal
# 63: an act in a time clause ("after ...") of a state or description, with no time of its own there, is the background's background
# 64: an attack's settlement undergoer the places stage passed over ("shell Siversk"); headline passives ("Djibo besieged")
# 65: a place up to four steps inside the passive subject ("the village of X in R was shelled")
# 66: (branch status' 64) a party's word on its own side's deed in the field told as done is its claim ("announced that it had arrested",
# "said it had sent reinforcements"); a speaker's side from its office ("the governor of the Odesa region"); a speaking
# "it"/"they" is the body before it; a speaker taken for the doer did it only away from its own land; in a party's
# release, its forces named without a side and its moves told with no doer are its claims (not in a bracketed note
# the desk inserted)
# 69: an event with no place in its paragraph is at the settlement the story named most often (twice or more), not the last one
# 70: an act told in the present simple as what a party does not do or does only ("do not strike civilian objects") is a policy
# 71: (branch status2's 67) what a speaker says is to come is planned, a harm to come threatened ("said the group would target all ships");
# a bare verb shares its partner's "would" for the status; an event noun told by a verb of its own clause takes that
# verb's tense ("trucks of aid entered, the UN said"); "may have been killed" is a guess at what happened; a frame
# word governs neither its active subject, a noun frame's place, nor a clause of time beside it; "the reports about
# X are false" denies X; a party denying any part in a deed denies the attack others tell of it; an attempt going
# on for a while ("had been trying to take") is the fighting itself
# 72: (branch subtype's 68; issue 15 item 3) the ACLED sub-type from roles and means: a doer's own words decide who took ground, not the clauses
# describing its backers ("the government, backed by clan militias, has retaken"); in a party's release, ground its forces
# named without a side took is the party's, overtaken abroad ("units of the Tsentr group have liberated Avdeyevka"); heavy
# weapons heard beside small-arms fire are a clash; hostages rescued are a clash with the captors; a weapon an attack is
# aimed at is its target, not its means; a protest called peaceful is a riot when others did violence at it ("stormed")
# 74: a denial of any part in a deed reaches the accused attacks told up to six sentences before it, not the whole article
# 75: (branch precision's 73) plural event nouns naming a kind of happening, what a pattern or history consists of or what
# the happening is compared with ("follows a pattern of air strikes", "as so many attacks in Mogadishu do"), are no events
# people abandoning their ship or homes are a flight like "fled": a retreat only when the movers are armed
# harm done and people freed in an attack, told as its doings ("stormed the prisons and freed 3,700 inmates", "many were
# burned", "the attackers also set fire to houses"), are that attack (events.parts.merge_parts_of_attack)
# an official visiting a town, a site or a hospital meets no party (no CONSULT; "visited Washington" stays)
# a happening called off or postponed ("called off a summit that was to be held in Amman") did not take place
# 77: (branch precision2) a speech act a quoted speaker tells of having made, in the past and the first person ("'We
# called for help for hours,' said one man"), is a witness's account, no act of a party (events.mentions.witness_speech)
# a request in the present passive with no asker ("the population is invited to remain calm") is the notice's own
# words to its readers, no act of one party upon another (events.mentions.unaddressed_request)
# a verb telling the making of an event noun of its (non-violent) type, as the noun's verb or its participle ("a truce
# agreed in January"), is that event whatever place the rest of the sentence gives it (events.merge.merge_in_sentence)
# people counted "among those captured" or "among those killed" are who an act befell, told where it is told as done
# (events.mentions.among_those)
# 78: (branch dates' 76) an event with no time of its own said to happen at, in or during a definite event noun told before ("At the talks,
# both sides agreed"; "killed in the attack") takes that happening's time (events.context.referred_time)
# an event with no time of its own, its paragraph naming none before it, takes the first day its paragraph names after
# it ("called on partners to supply ... he wrote on Saturday night"; events.context.told_after)
# an act that has taken place (not a statement, not told as going on) with no time of its own or of its paragraph
# happened on the story's day when the last day named before it is the day before publication (events.context.story_day)
# 79: "sign" in a clause that describes a noun signs that noun ("the truce that both sides signed", "the accord
# signed in Doha"): an agreement when the noun is one (events.voice.acted_on)
# 83: two verbs joined by "and" (each or its governing verb), each with a day of its own that differs, are two
# happenings ("began storming Bakhmut last summer and took Soledar in January"; events.merge._joined_clauses)
# 84: the object of a verb of taking that the tagger read as a person's or an organisation's name, no known actor's, is
# the settlement taken when the gazetteer has one in a country the article's other places lie in ("Wagner fighters
# captured Soledar", Soledar tagged PERSON: was an abduction with no place; events.takeover.object_place)
# 85: a doer the actors stage knows as an armed force or group takes the ground it takes or enters ("HTS took Aleppo",
# "The Taliban took Kabul": no event, the names being no armed words; events.coder._territorial_use's armed_at)
# 86: an event a claim of responsibility tells first ("claimed responsibility for an attack on a cargo ship") is that
# event, the claimant its doer as claimed; one named as told before ("for the attack") stays no event of its own
# 87: a claim of responsibility for an attack told before: its claimant is the doer of the last attack told up to six
# sentences before when none was named (attribution.claimed_doers)

# 80: (branch precision3) an agreement or talks that date another act of their sentence, tied to a stretch or point of time
# ("on the first day of a truce", "hours before a ceasefire", "after two weeks of talks"), are no events (events.mentions.time_frame)
# people the text names by a harm done to them ("those killed", "our people who were massacred") were harmed in an attack
# told before: what their sentence says of them ("Most of those killed were shot by ...") is that attack (events.parts.merge_victims_told_again)
# a speech act two sides make upon each other ("both were accusing each other", "traded blame") sums up the sides' own acts,
# no act of one party upon another (events.mentions.reciprocal_speech)
# an untitled text's first line standing alone over the body, with no sentence-ending stop, is its headline: the headline's
# events are the body's of their type (events.merge.headline_end, merge_headline)
# the other side giving way in a capture's sentence joins the capture without its telling: "entered Kherson, hours after
# Moscow said it had pulled back" stays told as fact, not Moscow's claim (events.merge.merge_in_sentence)
# where a withdrawal goes ("pulled its forces back across the Dnipro", "towards Uvira") is not its place (events.roles.choose_place);
# a withdrawal noun a completion verb tells as done ("said the withdrawal had been completed") is reported done (events.territory)
# fighting told as what a whole war consisted of ("fought ... during the two-year war", "in the 34-day war of 2006") sums the
# war up, no happening of a day; a deed done in a war or fighting on a day of it stays (events.realis._the_war_told)
# 88: v79-v87 (lead) and branch precision3's v80 together
# 89: "down" brings down a munition or an aircraft ("Ukraine says it downed 30 Russian drones": Disrupted weapons use; it
# gave no event); with no munition as its object ("downed tools") it is no event (triggers refine: munition)
# 90: an event noun inside a passive clause ("civilians were killed in an air strike") has the passive's agent or no doer,
# never the subject of the verb of saying above it ("The UN human rights office said ..." was the strike's doer; roles.agent_tokens)

# 81: (branch subtype3) an armed group's speaker naming the doer by its kind alone ("the rebels") claims its group's deed; a state's does not
# explosions opening a ground assault by armed men told in a joined clause ("and gunmen rushed inside") are that assault, an attack or a clash
# an attack told as "also" done, passive with no doer, takes the mob's, riot's, air strike's or shelling's sub-type of the attack just before it
# so do "other" attacks of the same hands ("which had claimed several other attacks on Israeli positions" after its rocket)
# a doer claiming, in a clause joined to its deed, a part of the same happening ("overran a base and claimed to have killed") claims the event
# engaging someone in talks or a dialogue ("would engage the young people in a dialogue") is talks, not the military "engage"
# an armed force or group attacking with no target named, and no civilians in its sentence, fights the other side: an armed clash
# "drop explosives" is a trigger (a munition delivered; from a drone an air strike: "dropped explosives from a drone on X")
# a detention whose sentence tells the detained were not seen again ("whereabouts remain unknown") is a forced disappearance
# a verb of retaking ground takes no person: a name the NER tagged a person ("retook Yahidne") is the ground retaken
# a withdrawal whose doer is the very words of the taker's doer ("captured Goma and pulled out ten days later") is no other side giving way
# a participle right after a preposition ("in occupied Golaya Pristan", parsed as a verb with an object) is a modifier, no event
# someone found was not taken by the finder ("a man found with a rope around his neck"): no abduction or arrest
# "open a front" is a trigger: starting to fight there (an armed clash), unlike forming a front (a group)
# 91: v79-v90 (lead, with precision3's v80) and branch subtype3's v81 together
# 82: (branch place3) power seized with no settlement of its own is seized in the capital of its country (events.context.seat_of_power)
# 82: a statement is made at its own venue ("rejected it at his news conference in Tehran") or at the town that says it ("Kyiv denies"); a town it asks is the other party
# 82: a statement its issuer makes with no place of its own is made at the dateline town of a release (full date, no agency) (events.context.release_place)
# 82: what a state says or decides (a statement, a sanction, a concession) with no settlement of its own is done at its capital (events.context.seat_of_power)
# 82: an attack participle on the name it was done to ("Balakliia hit by Russian missiles") places it there when the places stage passed the name over
# 82: an attack's undergoer the NER took for an organisation no registry knows ("Antonivka hit by drone") may be the town the gazetteer knows
# 82: a place listed with a headline passive's subject ("Marganets and Nikopol shelled overnight") underwent the act as the subject did
# 82: a town's possessive says where its noun is, whatever the noun ("attack on Zaporizhzhia's homes"); a capital named for its government still owns
# 92: v79-v91 (lead, precision3, subtype3) and branch place3's v82 together
# 93: (branch probes) a harm whose subject is the fighting ("Fighting in Omdurman killed dozens of civilians") is the fighting: an armed clash (events.means.mutual_setting)
# 93: destruction ("set fire", "burned", "looted") by a mob, an angry crowd or rioters is the riot: ACLED Mob violence (events.coder.type_trigger)
# 93: a storming told with harm to people ("stormed a village, killing 100") is an attack, ground taken only when control is told (events.means.harm_told_with); protesters storming riot
# 93: a gathering broken up ("police broke up a protest") took place: "break up" is no ending verb of a deal (events.merge._argument_of_other)
# 93: a hyphenated cue ("tear-gas", "stone-throwing", "rocket-propelled") is also the phrase of the parts the tagger splits it into (events.lexicon._cueset)
# 93: the object of a verb of retaking that the tagger read as an organisation's name ("recaptured Bentiu") is the ground retaken, as a person's was (events.means.misread_as)
# 94: a country modifying the event's noun ("a US drone strike in Somalia") says whose act it is: a place only when its
# sentence names no other for the event (it placed the strike in the United States; events.roles.choose_place)
# 95: a mine or explosive device that something struck or hit went off: the means, not the target ("a military vehicle
# struck a landmine" was an air strike; events.means.things_hit)
# 96: "overthrow" is a trigger: power seized, as "seized power" ("A military coup overthrew the government in Niamey"
# gave no event; data/events/triggers.yaml)
# 97: a kind of happening, a feared one, a habit's content, a trend, a capacity is no event ("Air strikes on
# hospitals are a war crime", "in fear of abduction", "lacks the manpower to retake the city"; events.generic)
# 98: a happening braced for or awaited, what a ban forbids, an act in a "whether" clause is no event (events.generic)
# 99: a toll told far below (a live blog's update) is the count of the attack told with casualties before it; a
# definite mention told as done never takes a later threat as its detail (events.merge)
# 100: a bare explosion and other explosive violence at one named place, or beside it in its paragraph, are one
# happening with the other's means ("An explosion tore through a market ... A suicide bomber detonated explosives")
# 101: a hedge no one is said to hold reports what happened ("are believed to have been arrested"; events.attribution)
# 102: a killing told in a relative clause on an attack noun is that attack's toll, whatever else the sentence tells
# ("traded blame for an explosion that killed hundreds ..., as anger sent protesters into the streets")
# 103: what a copula says an attack was aimed at is its target ("the military post was the target of a complex
# attack": an armed clash; events.coder._target_of)
# 104: people taken away are abducted ("taking away patients", "38 were taken away"; "take away" with a people
# object or a bare count, data/events/triggers.yaml refine people); things taken away are no event
# 105: a state body's "its forces" are the state's: ground they take at home is regained ("the Defence Ministry said
# its forces had taken over the headquarters"; events.takeover._speakers_state_forces)
# 106: what something is or stays "under" is a standing condition, no event ("tankers, which are under Western
# sanctions"; "under siege for two years"); "came under attack" stays (events.generic.standing_under)
# 107: what a record is measured from gives no event, day or place ("the fighting is the worst since a peace deal
# ended the two-year war in Tigray in November"; events.roles.measured_since)
# 108: a refusal that is no party's stance is no REJECT ("many older people refuse to move"; "some have been denied
# access to lawyers"; events.generic.refused_by_no_party)
# 109: "support" given to a thing that is neither a party nor a policy is help, not SUPPORT ("supporting the transfer
# of the injured"; events.generic.help_not_backing)
# 110: who announced, declared or launched an event noun in a participle is its doer ("the partial mobilisation
# announced by President Putin" had the police who broke up its protests for doer; events.roles.agent_tokens)
# 111: an act in a "when" or "once" clause of a main clause still to come is a condition, no event ("When the part of
# the Black Sea deal related to Russia is implemented, Russia will immediately return"; events.generic)
# 112: where a thing was going is no place of the event ("two tankers bound for Novorossiysk caught fire"; "a convoy
# heading to Kherson"; events.roles._destination)
# 113: a live blog's time stamp is no part of who said it ("11:20 Kharkiv mayor Ihor Terekhov"; events.realis.noun_phrase)
# 114: one list of habit nouns (events.generic.HABIT_NOUNS): "a record of", "a trend of" join the habits whose content
# is no event for nouns and gerunds too; the generic checks are one call (events.generic.no_happening)
# 115: a charge, refusal, request, words of support or talks are done by saying them: a party's own account of them is
# what happened, not its claim ("'We urge ...,' Hurtado said"; events.attribution.SAID_ACTS)
# 116: a party's own release is its word on the deeds it tells of its last days: told on no one's word, they are
# attributed to it (events.attribution.release_reports); a UN or aid office is no party
# 117: a label before a colon that names someone who can speak is the speaker of what follows ("Houthi spokesman Yahya
# Saree: the group fired ..."; events.realis.colon_speaker); the speaker is never the event's target
# 118: a verb the recogniser swept into a number ("kidnapped more than 100" as one CARDINAL) is still an event's word
# (events.triggers._usable)
# 119: a monitor's words of record ("has verified that", "documented abuses by ... who kidnapped") report what happened
# on the monitor's word, like "said" (frames.claimed, speech; events.attribution._REPORTING_VERBS)
# 120: a dateline's town the parser made a speaker's subject is no speaker: the noun past the dateline is ("NAIROBI, Aug 9
# (Reuters) - Ethiopia's military said"; events.realis._past_dateline), and no dateline word joins a speaker's name
# 121: an act its speaker does by telling it (a decision announced, a state declared, an order given) or tells as its
# own intent is the speaker's own act, on no one's word (events.attribution._done_in_the_telling, speakers_own_acts)
# 130 (branch dates2): a place and date in brackets before a dash, "(Nairobi, February 25, 2020) -", is a dateline
# 131: an event told as done "overnight", with no time of its own, is dated on the day its night ends: the day after
# the last day its paragraph named before it, when that is before the report's day, else the report's day
# (events.context.report_night)
# 132: a clause on an occasion the event happened at or during dates the event ("tore through a crowd at a rally held
# on Thursday"; events.when._attended)
# 133: main's v115-v121 and the dates2 branch's v130-v132 together
# 134: a deed told after another by a definite noun taking up the first one's doer ("Gunmen abducted ... The gunmen
# stormed the school"), with no day or place of its own that differs, is that happening (events.parts.merge_doers_told_again)
# 135: the state's own forces told with no nation ("government forces", "security forces", police) act for the state whose
# land the event is in (events.context.forces_at_home); soldiers alone and a change of hands keep theirs
# 136: an official the words give an office but no nation holds it in the country of most of the story's placed events
# (events.context.officials_at_home)
# 137: so does a government body with no nation and no registry entry ("the government", "the authorities")
# 138: and the state's armed force named as known ("the army", "the military"; actors v7 makes them actors)
# 140: an event in a phrase of time beside a frame verb ("sought shelter after the attack", "agreed to a truce after weeks
# of fighting") is when the frame's act happened, not its content (events.realis._frames_content)
# 141: the shared dateline finder knows "(Nairobi, February 25, 2020) -" too (geo v37): its town is no place or speaker
# 142: (branch subtype4) ground a state's forces regained lies abroad when the event's place, found after the typing or
# borne out by another event's, is in another country than theirs: overtaken (events.takeover.forces_abroad)
# 143: a passive attack with no doer and no means, after an air strike or shelling in its paragraph, is more of it
# without an "also" too ("The Virat was hit again", "the government building was hit"; events.context.more_of_the_same)
# 144: meeting resistance ("walked into the city, meeting little resistance") is no meeting (events.means.met_resistance)
# 145: ground an undertaking is for ("operations to retake Mirebalais were under way", "the battle to recapture Mosul")
# is fought for, not taken: an armed clash (events.means.attempted)
# 146: a concession beside a protest ("Hasina resigned ... after weeks of deadly protests") is yielded by the one protested
# against: no protest nor riot (events.coder.type_trigger)
# 147: explosions named with gunfire ("Gunfire and explosions then shook Abu Salim") are fighting at close range, as heavy
# weapons beside small arms are: an armed clash, no remote explosive (events.means.beside_small_arms)
# 148: cutting the means of communication ("shut down mobile internet", "phone lines were cut") is a coercive restriction:
# PLOVER COERCE censor, ACLED Other as a curfew (triggers "shut down", "cut" with refine comms)
# 149: air strikes or shelling named as one part of an operation beside ground troops ("an operation involving airstrikes,
# armoured bulldozers and hundreds of ground troops") are that ground engagement: an armed clash (events.means.beside_ground_forces)
# 150: an act in the present perfect over a span begun over a year before the report ("have kidnapped thousands since 2020") sums
# many happenings, no event, unless it names a dated instance (events.generic.sum_over_years)
# 151: a deed a party denies that the article has told before is that deed, and so is the denier's own version
# ("denied that its aircraft had targeted the centre, saying it had struck a militia camp"; events.merge.merge_denied_retellings)
# 152: a deed in the present simple as the content of a verb in the past ("saying bandits kill Muslims and Christians
# alike") is told as true at any time, no happening (events.generic.general_truth)
# 153: a line with no verb that names an attack ("01:12 Explosions in the capital."; "BREAKING 00:40 - Series of heavy
# strikes on Ras Isa fuel port") is a bulletin of the nearest telling of it in the article (events.bulletins)
# 154: a possibility in a conditional sentence, the condition or what would follow ("If the talks fail, the fighting
# could spread"), is no happening (events.generic.possibility)
# 155: the object of the act a demand asks for is what is asked ("urged all parties to agree an immediate ceasefire";
# events.mentions.speech_content)
# 156: what one is used or accustomed to ("a country used to kidnappings") is a kind that recurs, no happening
# (events.generic.feared)
# 157: a counted set that a copula says one happening is a member of ("It was the first of three attacks in five days")
# names the set, no event (events.generic.member_of_a_set)
# 158: a plural event noun whose measure rises or falls ("the number and scale of missile strikes would increase") is
# counted, not told (events.generic.measured_trend)
# 159: force used on protesters, told within two sentences after a protest of the same place and day, is that
# protest's intervention, one event with the intervention's sub-type (ACLED; events.protests)
# 160: an event its sentence places nowhere else happened where the local official telling it serves ("Kharkiv mayor Ihor
# Terekhov reports a series of strikes", "the governor of Belgorod said drones hit a depot"; events.roles._jurisdiction)
# 161: a verb that strikes something ("striking Chuhuiv and Zolochiv") is an attack though "striking" is a labour word;
# striking workers take no object (events.coder.aimed_at)
# 162: a verb that only says the happening its subject names happened gives its place ("Talks ... are taking place in
# Doha", "fighting broke out in Tripoli"); a place named as one side of an act between parties ("talks between Kinshasa
# and the rebels") is a party, not where it happened (events.roles._happening_host, _between_parties)
# 163: branch subtype4's v142-v149 merged with the lead's v160-v162 (no rule of its own)
# 164: a subject the parser found in the dateline stands for its apposition after the dateline ("MEXICO CITY (AP) —
# Gunmen killed", "KYIV, Ukraine (AP) — Russian forces shelled"): the town where the report was filed did nothing
# (events.roles._out_of_dateline)
# 165: branch precision4's v150-v159 merged with the lead's v160-v164 (no rule of its own)
# 166: an attack told without hands, in an article whose every attack with a named doer is one armed side's, is that
# side's (ACLED reads the actor from the whole report; two sides, or a doer of no known side, leave it unsaid;
# events.doers.the_one_side)
# 200: an act still to come (planned, threatened, ordered) dated by the period the report stands in falls in the rest
# of it ("would send 590 more soldiers to Sinaloa this week", told on a Tuesday: from Tuesday, not Monday)
# 201: a live blog's post (a paragraph opening with its clock time, "12:00\n", "11:20 - ") is told on the blog's day:
# no day named later in the post, nor one of an earlier post, dates its undated acts (events.context.post_start)
# 202: an event told in the present (a simple present, a present progressive or passive, a present perfect said of
# "now") is said of the time of the report: it takes no past time of its paragraph (events.context.told_now)
# 203: a statement takes no time its paragraph named inside what another speaker reported ("The ministry said an
# airstrike hit the hospital on Tuesday evening. ... rejected the claim"): that dates the act (events.context.reported_time)
# 167: branch dates3's v200-v203 merged with the lead's v166 (no rule of its own)
# 180: in the release of a party whose side is known, what it says "we" or "our aircraft" did is its claim, as it was
# when the side is not known ("our aircraft struck 30 targets"; events.attribution.own_statement)
# 181: a state's armed body whose nation is not named (an army spokesman, a defence ministry) claims the deeds of the
# forces of the land the deed is in ("Mexican soldiers killed ... near Culiacan, the defence ministry said";
# events.attribution._armed_body, _forces_of_the_land)
# 182: a deed done to civilians alone and told with no doer is no claim of the speaker the actors took for its doer
# ("Pakistan's military spokesman said 26 civilians had been killed": the harm done, on its word;
# events.attribution._harm_to_civilians)
# 183: nor is a deed whose place is where it was sent from, in a land not the speaker's ("The Israeli army says a missile
# launched from Yemen was intercepted"; events.attribution._sent_from_elsewhere)
# 184: an attack told as a fact with no doer, then an accusation naming its doer that the accused denies ("Syria's defence
# ministry blamed the SDF. The SDF denied any role"), is denied, attributed to the accuser (events.attribution._denied_after_blame)
# 185: every attack told with no doer in the reach of such an accusation is denied, not the last alone (the bombing and
# its wounded told in a second sentence)
# 186: a denial of one's own deed told in a clause ("denied that its aircraft had targeted the centre", "denied targeting
# the church") denies a part in it, as "denied involvement" does (events.attribution._denies_own_deed)
# 187: a reported attack whose doer has no side, answered at once by a party's denial ("the Midvolga-2 reported being
# attacked by drones. Ukraine's foreign ministry denied any involvement"), is denied (events.attribution.denied_accusations)
# 188: "according to information" names what is known, not who knows it: the gatherer the phrase names is the source
# ("information gathered by the UN Human Rights Office", "information from the health authorities", "the information
# we have gathered" in a release: its source; events.attribution.information_holder)
# 168: branch status3's v180-v188 merged with the lead's v167 (no rule of its own)
# 190: a mention with no ACLED sub-type and one with a sub-type at one named place and day are one happening
# ("Strong explosions reported in Ganja ... a missile hit a residential building in Ganja"; events.merge._untyped)
# 191: a bulletin whose own timed entry tells the happening below its line (a later sentence of the entry merged
# into it: "21:40 A drone attack on Mayskiy. A car was damaged, the driver was slightly injured") stays its own
# event instead of joining a telling elsewhere (events.bulletins._told_in_its_entry)
# 192: a live blog's entry whose clock time stands on a line of its own ("15:20\nA massive strike on Belgorod.") is a
# timed entry: its paragraph opens with the time (events.bulletins.timed_entry)
# 193: a participle telling what an attack did may hang on the verb the attack noun is the subject of, or be the
# conjunct of such a participle ("A bomb exploded ..., killing four people and wounding about fifty": one event
# whatever place each clause got; events.merge._participle_of)
# 194: further violence "the attackers" did (the subject of its verb or of the verb it is coordinated with), told
# within two sentences after an attack with no day of its own, is that attack ("The attackers also burned five
# homes, looted property and beat residents"; events.parts._by_the_attackers)
# 195: a seizure or an arrest told "at the scene" within two sentences after an attack, with no day of its own, is
# part of that attack ("Soldiers seized 16 rifles ... at the scene"; events.parts._at_the_scene)
# 196: a passive coordinated with an attack's verb has what was acted on as its subject, no doer of its own: a part of
# the attack ("two insurgents were killed and an AK-47 was recovered"; events.parts._part_of_attack)
# 197: v194 joins the violence of "the attackers" only to an attack told as made (not one "declared over") and of its
# family: a change of hands stays apart, as in the other merges ("Gunmen stormed a hotel in Mogadishu ... By midnight
# security forces had declared the siege over. The gunmen killed 21 people"; events.parts._part_of_attack)
# 169: branch merge5's v190-v197 merged with the lead's v168 (no rule of its own)
# 170: (branch places6) each time-stamped post of a live blog is a report of its own: a post that names no place
# takes none from the post before it, only the blog heading's place when the heading names one, unless it says "there"
# (events.context.post_starts, preceding_place)
# 171: (branch places6) a country modifying any noun of the event's clause ("accepted the U.S. proposal ... in Jeddah")
# says whose it is, a place only when the sentence names no other (events.roles.choose_place; before: the trigger's noun only)
# 172: (branch places6) v171 guarded: a place standing on the trigger itself has no path to a modifier (was an IndexError)
# 173: branch places6's v170-v172 merged with the lead's v169 (no rule of its own)
# 180: (branch precision5) a blame naming the doer of a deed told shortly before with no doer ("an airstrike hit the
# centre ... The GNA blamed the LNA for the strike") is that deed's attribution, no accusation of its own; blames naming
# different doers are a dispute and stay (events.attribution.blame_names_a_doer)
# 181: an act told in the present or the perfect on a recurring unit of time ("Most nights, the soldiers still fire into
# the mangroves"; "an assembly meets every evening"; "on Fridays") is a habit, as "regularly" makes it (events.realis._habitual)
# 182: a harm whose doer is a natural force ("a magnitude 7.6 earthquake struck off Hinatuan, killing two") is no party's
# violence, whatever else its sentence tells ("The bombing came a day after ..."; events.coder._natural_force)
# 183: what an "in order to" clause aims at is a purpose, no order given ("In order to ... secure the withdrawal of
# formations, measures were started": the idiom's bare "order" was read as a command; events.realis._in_order_to)
# 184: an inquiry no party opens or carries out in its sentence names a thing: the source a report is based on ("based on
# a fact-finding investigation by ..."), what someone should support; opened or launched it is the act (events.mentions.inquiry_as_thing)
# 185: in one sentence, the protest and the force aimed at it, both typed as the intervention ("used lethal force against
# largely peaceful protesters"), are one event, its actor ACLED's (the force for excessive force; events.protests.merge_force_in_sentence)
# 186: a hit by the pieces of a munition its sentence tells brought down ("the building was hit by fragments of a missile
# that had been shot down") is the interception with what its debris did: one event (events.parts.merge_debris)
# 187: a visit to a force's installation ("visiting a command post of the Kursk group") meets no party, as one to a site
# does; dropped after the dates it lends (events.mentions.visit_to_an_installation, drop_late_non_events)
# 188: a demonstration verb with people as its object ("marched 25 girls into the bush") moves them by force: no
# protest (events.mentions.people_marched_off)

_ARMED_SECTORS = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})  # doers that can take ground
_TAKING = frozenset({"take", "territory"})  # triggers whose object may be the ground taken (events.takeover.object_place)


def extract_events(inp: StageInput) -> tuple[Event, ...]:
    """Events of one article (stage ``events.coder``)."""
    lex = lexicon_from(inp.resources)
    doc = inp.doc
    words = read_words(doc)
    index = index_doc(doc, inp.outputs, words)
    armed_at = frozenset(i for i, a in index.actor_at.items() if a.sector in _ARMED_SECTORS)
    quotes = [
        (q.evidence.start, q.evidence.end, (q.speaker.name if q.speaker else q.speaker_text))
        for q in inp.outputs.get("quotes", ())
        if (q.speaker is not None and q.speaker.kind != "unnamed") or speaker_is_source(doc, q.speaker_evidence)
    ]
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(inp.article.text or doc.text)]
    drafts: list[Draft] = []
    claims: list[tuple[int, Any]] = []  # attacks told before that someone claims responsibility for
    # "must" is rare: find it once per document rather than once per sentence
    musts = [i for i, low in enumerate(words.lower) if low == "must"] if "must" in words.lower else []
    conflict_article: bool | None = None  # worked out at the first agreement word only
    for s_idx, sent in enumerate(doc.sents):
        while musts and musts[0] < sent.start:
            musts.pop(0)
        triggers = find_triggers(sent, words, lex)
        threat = threat_statement(sent, words, lex, quotes)
        if threat is not None:
            triggers.append(threat)
        if musts and sent.start <= musts[0] < sent.end:
            triggers.extend(obligations(sent, musts, triggers))
        if not triggers:
            continue
        cues = sentence_cues(sent, words)
        paragraph = bisect.bisect_right(breaks, sent.start_char)
        sent_drafts = []
        states: list[Any] = []  # heads of triggers told as a state or a description ("has fought ... since 2021")
        taken: set[int] = set()
        for trig in triggers:
            seized: tuple[int, Place] | None = None  # a taken settlement the tagger read as a name of another kind
            doers = agent_tokens(trig.head)  # asked by the typing, the actors, the crowd and the claim
            if trig.spec is THREAT_SPEC:
                typing = Typing("THREATEN", "statement", None, None)
                realis = Realis(status=EventStatus.HAPPENED, frame=None, attributed_to=None, attributed_token=None)
            else:
                if trig.spec.refine == "agree" and conflict_article is None:
                    conflict_article = conflict_setting(doc, words, lex)
                seized = object_place(inp, trig.head, index) if trig.spec.refine in _TAKING else None
                typing = type_trigger(trig, cues, lex, doers=doers, conflict_article=bool(conflict_article),
                                      named_places=frozenset() if seized is None else frozenset({seized[0]}),
                                      armed_at=armed_at)
                if not typing.keep:
                    if trig.spec.plover == "ASSAULT" and claimed_responsibility(trig.head, lex.cues):
                        claims.append((s_idx, trig.head))  # "claimed responsibility for the attack"
                    continue
                realis = assess(trig.head, typing.plover, lex, sent, words)
                if realis.descriptive:
                    states.append(trig.head)
                    continue  # a purpose or a description, not an event
                if trig.spec is not DEMAND_SPEC:
                    typing = stance(typing, realis)
                typing, realis = order_to_another_party(typing, realis)
            realis = quote_attribution(trig, realis, quotes, typing.plover)
            sources, targets = find_actors(trig.head, index, doers=doers, lex=lex, plover=typing.plover,
                                           article_id=inp.article.id)
            if realis.attributed_token is not None and (speaker := index.actor_at.get(realis.attributed_token.i)):
                targets = tuple(a for a in targets if a is not speaker)  # who tells it is not what it was done to
            place, place_score = choose_place(trig.head, index, sent, typing.plover)
            if place is None and seized is not None:
                place, place_score = seized[1], 2.0
            if place is None and (trig.spec.acled in TERRITORIAL or typing.plover == "ASSAULT"):
                place, place_score = undergoer_place(inp, trig.head, index,
                                                     attack=trig.spec.acled not in TERRITORIAL)
            # the official's town is inferred, not told: merges weigh it as a place given, not the event's own
            official = place is None and (place := official_place(trig.head, index, sent, typing.plover)) is not None
            time = choose_time(trig.head, index, sent)
            quantities = choose_quantities(trig.head, index, sent, taken)
            typing = control_typing(typing, trig, place, place_score, lex)
            typing = territory_side(typing, trig.head, sources, place, lex, speaker=(
                index.actor_at.get(realis.attributed_token.i) if realis.attributed_token is not None else None))
            typing = violent_family(typing, lex)
            typing = crowd_violence(typing, doers, lex)
            typing = armed_targets(typing, targets, lex)
            sources = speaker_side(sources, trig.head, realis, index,
                                   territorial=typing.acled_sub in TERRITORIAL)
            realis = claim_or_report(realis, doers, sources, index, typing.plover, trig.head.pos_ in ("VERB", "AUX"),
                                     place, targets)
            realis = information_holder(realis, inp.article.source)
            draft = Draft(
                sent_idx=s_idx, paragraph=paragraph, trigger=trig, typing=typing, realis=realis,
                sources=sources, targets=targets, place=place, place_score=place_score, time=time,
                quantities=quantities, confidence=0.0, sent=sent, inherited={"place"} if official else set(),
            )  # fmt: skip
            sent_drafts.append(draft)
        drop_non_events(sent_drafts, lex.cues)
        drop_sums_over_years(sent_drafts, inp.article.published)
        drop_background_of_states(sent_drafts, states)
        sent_drafts = [d for d in sent_drafts if not d.dropped]
        attach_sentence_quantities(sent_drafts, index, sent, taken)
        merge_in_sentence(sent_drafts)
        merge_one_act_per_sentence(sent_drafts)
        merge_force_in_sentence(sent_drafts)
        merge_debris(sent_drafts)
        drafts.extend(d for d in sent_drafts if not d.dropped)
    merge_headline(drafts, headline_end(inp.article.text or doc.text, inp.article.title))
    merge_across_sentences(drafts)
    merge_same_happening(drafts)
    merge_reported_retellings(drafts)
    merge_denied_retellings(drafts)
    merge_parts_of_attack(drafts)
    merge_victims_told_again(drafts)
    merge_doers_told_again(drafts)
    merge_bulletins(drafts)
    merge_interventions(drafts)
    kept = [d for d in drafts if not d.dropped]
    more_of_the_same(kept)
    report_night(kept, index, breaks, inp.article.published, inp.article.id)
    referred_time(drafts, kept)
    inherit(kept, inp.article.published)
    told_after(kept, index, breaks, inp.article.published)
    story_day(kept, index, inp.article.published, breaks)
    for d in kept:
        control_place(d, inp, index)
    seat_of_power(kept, index, inp.resources.gazetteer, inp.article.id)
    preceding_place(kept, index, breaks, post_starts(inp.article.text or doc.text))
    release_place(kept, index, doc, inp.article.source)
    speakers_own_acts(kept, index)
    claimed_doers(kept, claims, index, lex.cues["responsibility"].words)
    denied_accusations(kept, index, doc, lex.frames["denied"].words, words.lemma)
    party = source_party(inp.article.source, inp.resources.actors)  # the side whose own release this is, if any
    own_statement(kept, inp.article.source, party)
    release_reports(kept, inp.article.source, inp.article.published)
    release_takes_ground(kept, party)
    forces_abroad(kept)
    blame_names_a_doer(kept)
    drop_late_non_events(kept)
    drop_references(kept)
    kept = [d for d in kept if not d.dropped]
    forces_at_home(kept)
    officials_at_home(kept)
    the_one_side(kept)
    if not kept:
        return ()  # nor any stage's version to work out
    heads = {d.trigger.head.i: d.typing.plover for d in drafts}  # every trigger's head and its type
    title = title_cues(inp.article.title, lex)
    stages = _StageNames.of(inp.versions)
    return tuple(_finish(d, inp, lex, heads, title, stages) for d in kept)


@dataclass(frozen=True, slots=True)
class _StageNames:
    """Each stage an event may stand on, named with its version (the chain's, as worked out for the article)."""

    events: str
    actors: str
    places: str
    times: str
    quantities: str

    @classmethod
    def of(cls, versions: Mapping[str, str]) -> _StageNames:
        from frontlines.actors import STAGE as actors_stage
        from frontlines.geo import STAGE as places_stage
        from frontlines.quantities import STAGE as quantities_stage
        from frontlines.time import STAGE as times_stage

        def named(stage: Stage) -> str:
            return f"{stage.name}:{versions.get(stage.name) or stage.version}"

        return cls(events=f"{NAME}:{versions.get(NAME) or version_of(VERSION, DATA_FILES)}",  # `or`: hashed only when absent
                   actors=named(actors_stage), places=named(places_stage), times=named(times_stage),
                   quantities=named(quantities_stage))

    def behind(self, d: Draft) -> tuple[str, ...]:
        """The stages behind an event."""
        names = [self.events]
        for used, name in ((d.sources or d.targets, self.actors), (d.place is not None, self.places),
                           (d.time is not None and d.time.resolution.value != "default", self.times),
                           (d.quantities, self.quantities)):
            if used:
                names.append(name)
        return tuple(names)


def _finish(d: Draft, inp: StageInput, lex: EventLexicon, trigger_heads: Mapping[int, str],
            title: tuple[frozenset[str], frozenset[str]], stages: _StageNames) -> Event:
    sent = d.sent
    article_id = inp.article.id
    doc = inp.doc
    full = inp.article.text or doc.text  # doc.text rebuilds the string on every access
    start, end = sent.start_char, sent.end_char
    text = full[start:end]
    stripped = text.rstrip()
    end -= len(text) - len(stripped)
    lead = len(stripped) - len(stripped.lstrip())
    start += lead
    evidence = Evidence(article_id=article_id, start=start, end=end, text=stripped.lstrip())
    toks = sorted(d.trigger.tokens)
    t_start = doc[toks[0]].idx
    t_end = doc[toks[-1]].idx + len(doc[toks[-1]].text)
    trigger_text = full[t_start:t_end]
    time = d.time
    if time is None and inp.article.published is not None:
        time = publication_time(inp.article.published, article_id)
    attributed = d.realis.attributed_to
    status = settle_status(d.typing.plover, d.trigger.spec.plover, d.realis, d.trigger.head).status
    time = rest_of_period(time, status, inp.article.published)
    return Event(
        evidence=evidence,
        trigger=trigger_text,
        plover_type=d.typing.plover,
        plover_mode=d.typing.mode,
        acled_event_type=d.typing.acled_type,
        acled_sub_event_type=d.typing.acled_sub,
        sources=d.sources,
        targets=d.targets,
        place=d.place,
        time=time,
        quantities=d.quantities,
        # the type's own status; the ranking above read the sentence's framing (realis) as it was
        status=status,
        attributed_to=attributed,
        confidence=confidence(d, trigger_heads, title),
        trigger_evidence=Evidence(article_id=article_id, start=t_start, end=t_end, text=trigger_text),
        stages=stages.behind(d),
    )


__all__ = ["extract_events", "NAME", "VERSION", "noun_phrase"]
