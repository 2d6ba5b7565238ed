"""Who says an event happened, and what that makes it: a quotation's speaker, a party's claim
about its own side, anyone else's report, a party's own release (its claims and its reports), acts
done by saying or announcing them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from frontlines.actors.registry import country_name
from frontlines.events.coder import Trigger
from frontlines.events.draft import Draft
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.realis import Realis
from frontlines.events.speakers import acronym, anonymous, noun_phrase, source_like
from frontlines.events.roles import DocIndex, agent_tokens, claimants
from frontlines.records import Actor, EventStatus, Evidence, Place, Sector
from frontlines.stages import sentence_start

_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # "Shoigu said his forces had taken": for control only


def speaker_is_source(doc: Any, evidence: Evidence | None) -> bool:
    """A quotation's speaker that no actor was found for must still be someone who can speak
    (a person, organisation or medium): "Images showed that ..." is no source."""
    if evidence is None:
        return True
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    return span is None or len(span) == 0 or source_like(span.root)


def speaker_named(doc: Any, evidence: Evidence | None) -> bool:
    """A quotation's speaker is someone a reader can name, not a person left unidentified ("said a
    relative of one of the dead", "a witness said": :func:`frontlines.events.speakers.anonymous`)."""
    if evidence is None:
        return True
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    return span is None or len(span) == 0 or not anonymous(span.root)


# acts done by saying them (a charge, a refusal, a request, words of support, talks): a party's own
# account of them is no claim, the words were said in public ("'We urge the authorities to ...,' Hurtado said")
SAID_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "CONSULT"})


def quote_attribution(trig: Trigger, realis: Realis, quotes: list[tuple[int, int, str | None]], plover: str) -> Realis:
    """An event inside a quotation is attributed to its speaker and is claimed, not stated."""
    if realis.attributed_to is not None:
        return realis
    idx = trig.head.idx
    for start, end, speaker in quotes:
        if start <= idx < end and speaker:
            status = realis.status
            if status == EventStatus.HAPPENED and plover not in SAID_ACTS:
                status = EventStatus.CLAIMED if plover not in ("RETREAT", "MOBILIZE", "AGREE") else EventStatus.ANNOUNCED
            return replace(realis, status=status, attributed_to=speaker)
    return realis



def speaker_side(sources: tuple[Actor, ...], head: Any, realis: Realis, index: DocIndex,
                  territorial: bool = False) -> tuple[Actor, ...]:
    """A doer named by a possessive pronoun ("denied that its troops had fled") belongs to the side of
    the speaker the event is attributed to. For a change of control the speaker in the sentence wins
    over any earlier antecedent ("Shoigu said his forces had taken Avdiivka", after a sentence about
    Ukraine's commander): who took the ground decides whose it is."""
    if realis.attributed_token is None or not sources:
        return sources
    if all(a.side or a.country for a in sources) and not territorial:
        return sources
    pronouns = _POSSESSIVE_PRONOUNS | _PERSONAL_POSSESSIVES if territorial else _POSSESSIVE_PRONOUNS
    doers = [d for d in agent_tokens(head) if any(
        c.dep_ == "poss" and c.lower_ in pronouns for c in d.children)]
    if not doers:
        return sources
    speaker = index.actor_at.get(realis.attributed_token.i)
    if speaker is None or not (speaker.side or speaker.country):
        return sources
    spans = {(d.idx, d.idx + len(d.text)) for d in doers}
    out = []
    for a in sources:
        if (territorial or not (a.side or a.country)) and any(a.evidence.start <= s < a.evidence.end or s <= a.evidence.start < e
                                             for s, e in spans):
            a = replace(a, country=speaker.country, side=speaker.side or speaker.country)
        out.append(a)
    return tuple(out)



def claim_or_report(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex,
                    plover: str = "", verb: bool = True, place: Place | None = None,
                    targets: tuple[Actor, ...] = ()) -> Realis:
    """Who says so decides between a claim and a report. A party saying its own side did something
    makes a claim ("the ministry said its units had liberated Avdiivka": claimed, attributed to the
    ministry); anyone else saying so with a plain reporting verb ("said", "told", "wrote") reports
    what happened, and the report keeps its attribution ("the governor said two were killed").
    A verb that itself marks a claim ("claimed", "alleged") keeps the event claimed. ``doers``: the
    trigger's (roles.agent_tokens); ``plover``: the event's type; ``verb``: whether its trigger is a verb;
    ``place``: the event's own place; ``targets``: who it was done to.
    A party telling its own deed as done claims it (:func:`_own_deed_told`)."""
    if realis.status == EventStatus.ANNOUNCED:
        return _own_deed_told(realis, doers, sources, index, plover, verb, place, targets)
    if realis.status != EventStatus.CLAIMED:
        return realis
    if realis.attributed_token is None:
        # "clashes reported", "were reported killed": an unattributed report of what happened; "are believed
        # to have been arrested": a hedge with no one claiming it, a report too (a claim needs a claimant)
        reported = realis.frame_word in _REPORTING_VERBS or realis.frame_word in _HEDGES
        return replace(realis, status=EventStatus.HAPPENED) if reported else realis
    if _speakers_own_side(realis, doers, sources, index, place, targets):
        if plover in SAID_ACTS:
            return replace(realis, status=EventStatus.HAPPENED)  # "said it had urged": the saying is the act
        return realis  # "said its forces had captured", "said it had captured": the party's own claim
    if realis.frame_word is not None and realis.frame_word not in _REPORTING_VERBS:
        return realis  # "claimed", "alleged", "accused": the words say it is a claim
    return replace(realis, status=EventStatus.HAPPENED)


# ACLED: the interception or downing of weapons in flight; its doer is the side that defends the target
DISRUPTED = "Disrupted weapons use"


def own_defences(drafts: list[Draft], index: DocIndex) -> None:
    """A downing or an interception told with no doer ("Russia says 337 drones were shot down") is done by
    the side that defends the land it happened over (ACLED's disrupted weapons use is coded to the
    defender): told by a speaker of that land's side, it is the speaker's own deed, its claim. Told by
    anyone else it stays a report; a doer the words name (a third party's jets) decides as it does for any
    deed. Read once the events have their places, the ones their sentences name or the story's."""
    for d in drafts:
        realis, place = d.realis, d.place
        if d.typing.acled_sub != DISRUPTED or realis.status is not EventStatus.HAPPENED or realis.attributed_token is None:
            continue
        if d.sources or any(t.pos_ in ("NOUN", "PROPN") for t in agent_tokens(d.trigger.head)):
            continue
        tok = realis.attributed_token
        side = _side_of_speaker(tok, index) or _place_speaker_side(tok, index)
        if place is not None and place.country is not None and side == place.country:
            d.realis = replace(realis, status=EventStatus.CLAIMED)


def nation_of_armed_bodies(drafts: list[Draft], index: DocIndex) -> None:
    """A state's armed body told with no nation ("the army said", "the military said", "the army spokesman
    said") names no organisation a reader can find: the attribution says whose it is, the nation of the
    state forces the event's doers are ("Israeli warplanes struck ..., the military said": Israel's), else
    the land the deed is in ("Troops were deployed to Mafa, the army said": Nigeria's), as
    :func:`_forces_of_the_land` reads it for a claim. A body with its nation named, or a deed with no land,
    is left as told."""
    for d in drafts:
        tok = d.realis.attributed_token
        said = d.realis.attributed_to
        if tok is None or not said or not _armed_body(index.actor_at.get(tok.i)):
            continue
        states = {a.side for a in d.sources if a.sector in (Sector.MILITARY, Sector.POLICE) and a.side
                  and a.side == a.country}
        nation = next(iter(states)) if len(states) == 1 else None
        if nation is None and not states and d.place is not None and not d.place.metonymic:
            nation = d.place.country
        name = country_name(nation)
        if name is not None and name != nation and name.lower() not in said.lower():
            d.realis = replace(d.realis, attributed_to=f"{said} ({name})")


def abbreviations_written_out(drafts: list[Draft], index: DocIndex) -> None:
    """A source named by an abbreviation the actor registry knows ("The RSF said it had seized the palace")
    is attributed by the name the abbreviation stands for ("Rapid Support Forces"): a reader finds the
    body by its name, not by letters that stand for several. An abbreviation the registry does not know
    stays as written."""
    for d in drafts:
        tok = d.realis.attributed_token
        if tok is None or not d.realis.attributed_to or not acronym(tok.text):
            continue
        actor = index.actor_at.get(tok.i)
        if actor is not None and actor.registry_id is not None and actor.name and actor.name != tok.text:
            d.realis = replace(d.realis, attributed_to=actor.name)


def _place_speaker_side(tok: Any, index: DocIndex) -> str | None:
    """A land named for its government ("Russia says"): the speaker is that land's side."""
    return next((p.country for p, root in index.places if root.i == tok.i and p.country), None)


_REPORTING_VERBS = frozenset({"say", "tell", "report", "write", "state", "add", "confirm", "document", "verify"})
# verbs of a hedge told with no one holding it ("more than 1,000 people are believed to have been arrested")
_HEDGES = frozenset({"believe", "think", "suspect", "understand", "presume"})


def _speakers_own_side(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex,
                       place: Place | None, targets: tuple[Actor, ...] = ()) -> bool:
    """The doer is the speaker or the speaker's own side: a possessive ("said its forces had captured"),
    the first person ("our forces destroyed"), a pronoun taking up the speaker ("the group said it
    had captured") or an actor of the speaker's side. A speaker the actors took for the doer of a
    deed that names none is its doer only away from its own land: "the Russian Defense Ministry said
    missiles had struck a plant outside Kyiv" is its own strike, "Rwanda's government said shells
    fired from Congo killed five civilians in the Rwandan border town" an enemy's on it. Nor is it the
    doer of a deed done to civilians alone (:func:`_harm_to_civilians`), nor of one sent from another
    land (:func:`_sent_from_elsewhere`)."""
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for d in doers for c in d.children) or any(
            d.lower_ in ("we", "i") for d in doers):
        return True
    if _speaker_as_pronoun(doers, realis.attributed_token):
        return True
    tok = realis.attributed_token
    if tok is None:
        return False
    speaker_side = _side_of_speaker(tok, index)
    speaker = index.actor_at.get(tok.i)
    at_home = place is not None and place.country is not None and place.country == speaker_side
    not_doer = at_home or _harm_to_civilians(targets) or _sent_from_elsewhere(place, speaker_side, index)
    doer_sides = {a.side or a.country for a in sources if not (not_doer and a == speaker) and not _rebels_by_kind(a)}
    if speaker_side is not None and speaker_side in doer_sides - {None}:
        return True
    if speaker_side is None and _armed_body(speaker) and _forces_of_the_land(sources, place):
        return True
    return _group_named_by_kind(_speaking_actor(tok, index), sources)


# words naming a state's armed body: its army, its defence ministry, its police
_ARMED_BODY_WORDS = frozenset({"army", "military", "defence", "defense", "police", "navy", "gendarmerie"})


def _harm_to_civilians(targets: tuple[Actor, ...]) -> bool:
    """A deed done to civilians alone, told with no doer ("Pakistan's military spokesman said 26
    civilians had been killed and 46 wounded"), is no party's claim of its own deed: a party claims
    what it did to its enemy, and tells what civilians suffered as the harm done to them, on its
    word. A speaker is then not taken for its doer; a doer the words name still counts ("said its
    forces had killed five civilians")."""
    return bool(targets) and all(a.sector is Sector.CIVILIAN for a in targets)


def _sent_from_elsewhere(place: Place | None, speaker_side: str | None, index: DocIndex) -> bool:
    """The deed's place is where it came from ("The Israeli army says a missile launched from Yemen was
    intercepted"), in a land not the speaker's: whoever sent it from there is its doer, not the speaker
    telling it. "Missiles launched from the Black Sea fleet", from the speaker's own land, stay its own."""
    if place is None or place.country is None or speaker_side is None or place.country == speaker_side:
        return False
    return any(p is place and root.dep_ == "pobj" and root.head.lower_ == "from" for p, root in index.places)


def _armed_body(actor: Actor | None) -> bool:
    """The speaker is a state's armed body (an army, a defence ministry, the police) whose nation the
    text does not name ("the army spokesman", "the defence ministry", "The police")."""
    if actor is None or actor.side or actor.country:
        return False
    words = set(re.findall(r"[a-z]+", actor.name.lower()))
    return actor.sector in (Sector.MILITARY, Sector.POLICE) or bool(words & _ARMED_BODY_WORDS)


def _forces_of_the_land(sources: tuple[Actor, ...], place: Place | None) -> bool:
    """A state's armed body with no nation named tells of the armed forces of the land the deed is in
    ("Mexican soldiers killed 19 suspected members of the Sinaloa cartel near Culiacan, the defence
    ministry said"): the state's own, whose body speaks. Forces of another land ("the defence ministry
    said Russian troops shelled Kharkiv") are the enemy's, reported."""
    if place is None or place.country is None:
        return False
    armed = [a for a in sources if a.sector in (Sector.MILITARY, Sector.POLICE) and (a.side or a.country)]
    return bool(armed) and all((a.side or a.country) in (None, place.country) for a in sources)


def _rebels_by_kind(actor: Actor) -> bool:
    """A doer named by its kind alone ("the rebels", "the insurgents"): no registry group, and no side
    but its country, which is the state's it fights, not its own."""
    return actor.registry_id is None and actor.sector is Sector.REBEL and actor.side in (None, actor.country)


def _group_named_by_kind(group: Actor | None, sources: tuple[Actor, ...]) -> bool:
    """An armed group's speaker naming a doer by its kind alone ("M23 spokesperson Lawrence Kanyuka
    said the rebels had taken control of Goma"): the doer is the speaker's group. A state's speaker
    naming "the rebels" speaks of its enemy, not itself."""
    if group is None or group.sector is not Sector.REBEL or not group.side or group.side == group.country:
        return False
    return any(_rebels_by_kind(a) and a.country == group.country for a in sources)


def _speaking_actor(tok: Any, index: DocIndex) -> Actor | None:
    """The actor a speaker speaks as: its own, else the body named with its office in an apposition
    or a compound ("M23 spokesperson Lawrence Kanyuka")."""
    speaker = index.actor_at.get(tok.i)
    if speaker is not None and (speaker.side or speaker.country):
        return speaker
    for office in tok.children:
        if office.dep_ not in ("appos", "compound") or office.lemma_.lower() not in _OFFICES:
            continue
        for i in range(office.left_edge.i, office.right_edge.i + 1):
            actor = index.actor_at.get(i)
            if actor is not None and i != tok.i and (actor.side or actor.country):
                return actor
    return None


# offices whose holder speaks for the body or the land named with them ("the governor of the Odesa
# region", "a spokesman for the defence ministry"); a resident or a witness of a place does not
_OFFICES = frozenset("""
governor mayor head chief minister commander spokesman spokeswoman spokesperson official envoy ambassador
president premier secretary leader representative general officer deputy
""".split())


def _side_of_speaker(tok: Any, index: DocIndex) -> str | None:
    """The side a speaker speaks for: its own actor's, else the body or land its office is named
    with, in an apposition or a compound ("Igor Konashenkov, spokesman for the Russian defence
    ministry"; "Maksym Marchenko, the governor of the Odesa region"; "M23 spokesperson Lawrence
    Kanyuka")."""
    speaker = index.actor_at.get(tok.i)
    if speaker is not None and (speaker.side or speaker.country):
        return speaker.side or speaker.country
    for office in tok.children:
        if office.dep_ not in ("appos", "compound") or office.lemma_.lower() not in _OFFICES:
            continue
        span = range(office.left_edge.i, office.right_edge.i + 1)
        for i in span:
            actor = index.actor_at.get(i)
            if actor is not None and i != tok.i and (actor.side or actor.country):
                return actor.side or actor.country
        for place, root in index.places:
            if root.i in span and place.country and not place.metonymic:
                return place.country
    return None


# deeds done in the field, which a party's word about its own side claims rather than enacts
_FIELD_DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID"})


def _own_deed_told(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex, plover: str,
                   verb: bool, place: Place | None, targets: tuple[Actor, ...] = ()) -> Realis:
    """A party telling as done what its own side did ("the ministry announced that its forces were
    regrouping", "the army announced that it had arrested 51 people", "the police said it had sent
    reinforcements") claims it: the deed is claimed, not announced (which a verb told as done would
    make happened). Only deeds done in the field are claimed so: a decision is done in the announcing
    ("announced that it was suspending the deal"), as a speech act in the saying; a deed told to
    come ("said it would send") is planned; a deed of no named side of the speaker's ("troops were
    deployed, the army said") is told as a fact."""
    if realis.attributed_token is None or not verb or plover not in _FIELD_DEEDS or (
            realis.modal or realis.shared_modal) is not None:
        return realis
    if not _speakers_own_side(realis, doers, sources, index, place, targets):
        return realis
    return replace(realis, status=EventStatus.CLAIMED)


def _speaker_as_pronoun(doers: list[Any], speaker: Any) -> bool:
    """The doer is a third-person pronoun that takes up the speaker of the frame it stands under,
    agreeing in number and kind: "it" a singular body ("the group said it had captured"), "they" a
    plural one or a body ("the rebels said they had taken"), "he"/"she" a person. A pronoun and
    speaker that disagree ("the ministry said they had shelled") point elsewhere."""
    if speaker is None or len(doers) != 1:
        return False
    pronoun, person = doers[0].lower_, speaker.ent_type_ == "PERSON"
    if doers[0].i < speaker.i or sentence_start(doers[0]) != sentence_start(speaker):
        return False
    if pronoun == "it":
        return not person and speaker.tag_ in ("NN", "NNP")
    if pronoun == "they":
        return not person and (speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ == "ORG")
    if pronoun in ("he", "she"):
        return person
    return False


# an outlet that is itself a party: a ministry, an armed force, a government office, a party's channel
_PARTY_WORDS = frozenset("""
ministry forces force army command government military office presidency defence defense staff
""".split())


def source_party(source: str | None, registry: Any) -> str | None:
    """The side an article's own source belongs to when the source is a party to the war (a
    defence ministry, an army's command, a government office, an armed group's channel), else None."""
    if not source or registry is None:
        return None
    words = re.findall(r"[\w'.-]+", source)
    lower = [w.lower() for w in words]
    for k in range(len(words)):
        hit = registry.match_alias(lower, words, k)
        if hit is not None:
            entry = registry.entries.get(hit[1])
            if entry is not None and entry.sector.value in ("military", "rebel", "government", "police"):
                return entry.side or entry.country
    if not _PARTY_WORDS & set(lower):
        return None
    for k in range(len(words)):
        for n in (3, 2, 1):
            country = registry.country_of(" ".join(words[k : k + n]))
            if country:
                return country
    return None


def speakers_own_acts(drafts: list[Draft], index: DocIndex) -> None:
    """A speech act (a threat, a request, an accusation, a rejection, words of support, a deal or talks)
    told by its own speaker ("Washington said violations would be met with sanctions") is that
    speaker's act, not a claim attributed to it: the speaker is its doer when no other is named, and
    nothing is attributed. A speech act told as someone else's claim keeps its attribution. So is any
    act done in the telling or told as the speaker's own intent (:func:`_done_in_the_telling`) whose
    doer is the speaker or no one named."""
    for d in drafts:
        if d.realis.attributed_to is None or not (d.typing.plover in SPEECH_TYPES or _done_in_the_telling(d)):
            continue
        if d.realis.status in (EventStatus.CLAIMED, EventStatus.DENIED):
            continue
        tok = d.realis.attributed_token
        speaker = index.actor_at.get(tok.i) if tok is not None else None
        if d.sources and (speaker is None or speaker not in d.sources):
            continue  # "the ministry said the rebels had rejected the deal": the rebels' act, as reported
        if d.typing.plover not in SPEECH_TYPES and not _speaker_or_no_one(d, speaker):
            continue  # "announced that rebels had destroyed three tanks": the rebels' deed, on its word
        if not d.sources and speaker is not None:
            d.sources = (speaker,)
        d.realis = replace(d.realis, attributed_to=None, attributed_token=None)


# words whose saying does the act: a decision announced, a state declared, an order given
_PERFORMATIVE = frozenset({"announce", "declare", "proclaim", "order", "decree"})
# what a speaker tells of its own acts to come: its intent, not a claim of a deed done
_INTENT = frozenset({EventStatus.PLANNED, EventStatus.THREATENED, EventStatus.ORDERED})


def _done_in_the_telling(d: Draft) -> bool:
    """An act its speaker does by telling it ("The Kremlin announced it was suspending the deal", "declared a
    state of emergency", "ordered the release of") or tells as its own intent ("said he would engage the young
    people in a dialogue"): no claim of a deed, the speaker's own act (:func:`speakers_own_acts` checks the
    speaker is its doer)."""
    told_to_come = d.realis.status is EventStatus.ANNOUNCED and d.realis.modal in ("future", "would")
    return d.realis.frame_word in _PERFORMATIVE or d.realis.status in _INTENT or told_to_come


_TAKING_UP = frozenset({"it", "they", "he", "she", "we", "i"})


def _speaker_or_no_one(d: Draft, speaker: Actor | None) -> bool:
    """The act's doer is the speaker (an actor found as both), a pronoun taking it up ("it was suspending"),
    or no one the words name ("the Bill is withdrawn", "declared a state of emergency")."""
    if speaker is not None and speaker in d.sources:
        return True
    head = d.trigger.head
    # a doer is a noun, a pronoun or a people's adjective ("heavy" in "heavy airstrikes" is none); an event
    # noun's possessive is as often what it was done to ("the region's annexation")
    doers = [t for t in agent_tokens(head) if (t.pos_ in ("NOUN", "PROPN", "PRON") or t.ent_type_ in (
        "NORP", "GPE", "ORG")) and not (t.dep_ == "poss" and head.pos_ != "VERB")]
    return all(t.lower_ in _TAKING_UP for t in doers)


# nouns that name what is known or told, not who knows or tells it
_INFORMATION_NOUNS = frozenset({"information", "data", "figure", "finding", "evidence"})


def information_holder(realis: Realis, source: str | None) -> Realis:
    """An event told "according to information" whose gatherer the phrase names is attributed to the
    gatherer, not to the information: "according to information gathered by the UN Human Rights Office"
    (the office), "according to preliminary information from the health authorities" (the
    authorities), "According to the information we have gathered" in a release (its source).
    Information with no gatherer named keeps its attribution."""
    tok = realis.attributed_token
    if tok is None or tok.lemma_.lower() not in _INFORMATION_NOUNS:
        return realis
    holder = _gatherer(tok)
    if holder is None or holder.lower_ in ("it", "they", "he", "she"):
        return realis
    if holder.lower_ in ("we", "i"):
        return replace(realis, attributed_to=source, attributed_token=None) if source else realis
    return replace(realis, attributed_to=noun_phrase(holder), attributed_token=holder)


def _gatherer(noun: Any) -> Any | None:
    """Who gathered or holds the information a noun names: the doer of a verb on it ("gathered by X",
    "it has gathered") or the object of "from" or "by" ("information from the health authorities")."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            for c in child.children:
                if c.dep_ == "agent":
                    return next((p for p in c.children if p.dep_ == "pobj"), None)
                if c.dep_ == "nsubj":
                    return c
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def own_statement(drafts: list[Draft], source: str | None, party: str | None) -> None:
    """In a party's own statement (a ministry's release, an army's Telegram post) what its own side
    did is that party's claim: status claimed, attributed to the source. What its side did includes,
    told in a clause, a move with no doer ("personnel were relocated", "corridors have been set up"):
    a party tells its own moves so, and names the enemy's; and a deed of forces it names without a
    side ("units of the Tsentr group of forces have liberated"). ``party``: the source's side
    (:func:`source_party`). What the text says "we" or "our aircraft" did is the party's claim whether
    its side is known or not ("our aircraft struck 30 targets": :func:`_first_person_claims`)."""
    if source and (party is not None or _PARTY_WORDS & set(re.findall(r"[a-z]+", source.lower()))):
        _first_person_claims(drafts, source)
    if party is None:
        return  # a party not in the registry: only what it says it did
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or _inserted_note(d):
            continue
        if party in {a.side or a.country for a in d.sources} or (d.trigger.head.pos_ == "VERB" and (
                _move_told_without_doer(d, party) or forces_of_no_side(d))):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


_DEEDS = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"})
RELEASE_NEWS_DAYS = 7  # a release reports on its last days; a deed dated before them is background


def release_reports(drafts: list[Draft], source: str | None, published: dt.date | None) -> None:
    """A party's own release (a ministry's, an army command's, a force's channel) is its word on the
    war: a deed of the days it reports on that it tells with no one's word for it ("drones launched
    from Rwandan territory attacked Goma airport") is reported by the party, attributed to it (its
    own side's deeds are its claims already: :func:`own_statement`). A UN or aid office's report is not
    a party's: "office" alone makes no party."""
    words = set(re.findall(r"[a-z]+", (source or "").lower()))
    if not (_PARTY_WORDS - {"office"}) & words:
        return
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or _inserted_note(d):
            continue
        if d.typing.plover in _DEEDS and not _background(d, published):
            d.realis = replace(d.realis, attributed_to=source)


def _background(d: Draft, published: dt.date | None) -> bool:
    t = d.time
    if published is None or t is None or t.resolution.value == "default" or t.end is None:
        return False
    return (published - t.end).days > RELEASE_NEWS_DAYS


def _inserted_note(d: Draft) -> bool:
    """The sentence lies in a bracketed note inserted into the party's text ("[Editor's note: ...
    Russian forces had been trying to take the town since October.]"): the desk's words, not the party's."""
    text = d.sent.doc.text
    start = d.sent.start_char
    return text.rfind("[", 0, start + 1) > text.rfind("]", 0, start)


# a side's own moves: where its forces go, what they leave, the help they set up
_MOVES = frozenset({"MOBILIZE", "RETREAT", "AID"})


# nouns of armed forces, which a party's release names its own by (the enemy's it names as such)
_FORCE_NOUNS = frozenset("""
unit force troop soldier serviceman fighter system crew aviation artillery battalion brigade regiment division
""".split())


def forces_of_no_side(d: Draft) -> bool:
    """A deed whose doer is a force the party's text names without a side ("units of the Tsentr group
    of forces have liberated", "duty air defence systems intercepted"): the party's own forces. A
    doer with a side, a nationality or an owner of its own ("Ukrainian units", "the enemy's units"),
    or any actor found with a side, is not."""
    if d.typing.plover in SPEECH_TYPES or any(a.side or a.country for a in d.sources):
        return False
    doers = agent_tokens(d.trigger.head)
    return bool(doers) and all(_force_noun(t) and (t.ent_type_ == "" or _name_of_no_nation(t))
                               and not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in (
                                   "NORP", "GPE", "ORG") and not _same_name(c, t)) for c in t.children) for t in doers)


def _same_name(word: Any, head: Any) -> bool:
    """The modifier is a word of the head's own name ("Defence" in "the Defence Forces"), not another
    party's name before it ("Wagner forces", "Hezbollah fighters")."""
    return head.ent_type_ == "ORG" and word.ent_type_ == "ORG" and word.i < head.i and all(
        word.doc[k].ent_iob_ == "I" for k in range(word.i + 1, head.i + 1))


def _force_noun(tok: Any) -> bool:
    """A noun of armed forces, a name's plural too (the tagger leaves "Forces" in a name unlemmatised)."""
    lemma = tok.lemma_.lower()
    return lemma in _FORCE_NOUNS or (tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in _FORCE_NOUNS)


def _name_of_no_nation(tok: Any) -> bool:
    """A force named by a name of its own ("the Defence Forces liberated Lobkove", in the Ukrainian
    ministry's summary), the head of that name: the parser tags it a name, but no nation or group
    modifies it (the actors found no side for it)."""
    return tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"


def _move_told_without_doer(d: Draft, party: str) -> bool:
    """A move told as done with no doer at all ("personnel were relocated", "corridors have been set
    up"), of none but the party's own people: whoever was moved belongs to the party's side."""
    if d.typing.plover not in _MOVES or d.sources or agent_tokens(d.trigger.head):
        return False
    return all((a.side or a.country) == party for a in d.targets)



def _first_person_claims(drafts: list[Draft], source: str) -> None:
    """In a text whose source names itself a party (a command, a ministry, a force) but whose side
    is not known, what the text says "we" or "our forces" did is that party's claim."""
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or d.typing.plover in SPEECH_TYPES:
            continue  # "we call on ...": a speech act is done in the saying, not claimed
        doers = agent_tokens(d.trigger.head)
        if any(t.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children) for t in doers):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


# what a party denies when it denies a part in a deed it is accused of ("denied involvement", "denied
# any connection to the strike", "denied responsibility")
_PART_NOUNS = frozenset({"involvement", "responsibility", "connection", "role", "link", "part", "participation",
                         "hand", "complicity"})
_HOSTILE_DEEDS = frozenset({"ASSAULT", "COERCE"})
DENIAL_REACH = 6  # sentences back from a denial to the deeds it answers


def denied_accusations(drafts: list[Draft], index: DocIndex, doc: Any, deny_words: frozenset[str],
                       lemmas: Sequence[str] | None = None) -> None:
    """A party denying any part in a deed ("The Israeli military denied involvement"; "Hezbollah denied
    any connection to the strike"; "denied that its aircraft had targeted the centre": :func:`_denies_own_deed`) denies the deeds that others tell of it: an attack of that party's
    side that the text attributes to someone else (the accuser, or a reporter) is denied. A denial of a
    claim or an accusation as such ("rejected the claim as a lie") names no deed. A reported attack
    whose doer has no side, answered at once by a party's denial in the same or the next sentence,
    is denied too. An attack told as a fact, with no one it is attributed to, stays as told, unless an accusation named its doer
    (:func:`_denied_after_blame`)."""
    deniers: list[tuple[str, int]] = []  # (side, the denial's sentence number)
    named: list[tuple[frozenset[str], int]] = []  # (the denier's names, the denial's sentence number)
    # ``lemmas``: the Doc's lower-cased lemmas (events.words), read to find the verbs of denial without
    # building every Token
    candidates = (doc[i] for i, lemma in enumerate(lemmas) if lemma in deny_words) if lemmas is not None else doc
    sent_of: dict[int, int] = {}
    for tok in candidates:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in deny_words or _negated_verb(tok):
            continue
        if not sent_of:
            sent_of = {sent.start: k for k, sent in enumerate(doc.sents)}
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if not any(o.lemma_.lower() in _PART_NOUNS for o in objects) and not _denies_own_deed(tok):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            who = _antecedent(subj, tok)
            named.append((_party_names(who, index), sent_of.get(sentence_start(tok), 0)))
            actor = index.actor_at.get(who.i)
            if actor is not None and (actor.side or actor.country):
                deniers.append((actor.side or actor.country or "", sent_of.get(sentence_start(tok), 0)))
    if named:
        _denied_after_blame(drafts, index, doc, named, sent_of, lemmas)
    if not deniers:
        return
    for d in drafts:
        if d.typing.plover not in _HOSTILE_DEEDS or d.realis.status not in (EventStatus.HAPPENED, EventStatus.CLAIMED):
            continue
        if d.realis.attributed_to is None:
            continue
        tok = d.realis.attributed_token  # none for a quotation's speaker
        sides = {a.side or a.country for a in d.sources} - {None}
        teller = _side_of_speaker(tok, index) if tok is not None else None
        here = sent_of.get(d.sent.start, 0)
        # the accusation a denial answers is told before it and near it, not anywhere in the article
        near = {side for side, k in deniers if 0 <= k - here <= DENIAL_REACH}
        if sides & near and teller not in sides:
            d.realis = replace(d.realis, status=EventStatus.DENIED)
        elif not sides and any(0 <= k - here <= 1 and side != teller for side, k in deniers):
            # "the Midvolga-2 reported being attacked by drones. Ukraine's foreign ministry denied any
            # involvement": a report of an attack by no one named, answered at once by a party's denial
            d.realis = replace(d.realis, status=EventStatus.DENIED)


def _denies_own_deed(verb: Any) -> bool:
    """A denial whose content is the denier's own deed, told in a clause with the denier's pronoun or
    possessive as its doer ("an LNA spokesman denied that its aircraft had targeted the centre", "denied
    that they had shelled the camp") or as a gerund with no doer of its own ("denied targeting the
    church"): the denier denies a part in it. A clause of another's deed ("denied that the rebels had
    entered the town") is a denial of a report, no part of the denier's."""
    for clause in verb.children:
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ == "ccomp" and any(s.lower_ in ("it", "they") or any(
                p.dep_ == "poss" and p.lower_ in _POSSESSIVE_PRONOUNS for p in s.children) for s in subjects):
            return True
        if clause.dep_ in ("xcomp", "ccomp") and clause.tag_ == "VBG" and not subjects:
            return True
    return False


def _antecedent(subj: Any, verb: Any) -> Any:
    """A relative pronoun's antecedent ("Police blamed the TPNPB, which denied involvement": the TPNPB)."""
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head
    return subj


# verbs that name the doer of a deed told before: the accuser blames or accuses the accused
_BLAME_VERBS = frozenset({"blame", "accuse"})
BLAME_REACH = 2  # sentences from an accusation to the denial that answers it


def _party_names(tok: Any, index: DocIndex) -> frozenset[str]:
    """The names a party goes by in its mention: its side, and the proper nouns of its phrase outside a
    clause on it ("the Libyan National Army (LNA)": Libyan, National, Army, LNA)."""
    names = {t.text for t in tok.subtree if t.pos_ == "PROPN" and not any(
        a.dep_ == "relcl" and a.i > tok.i for a in t.ancestors if a.i in range(tok.left_edge.i, tok.right_edge.i + 1))}
    actor = index.actor_at.get(tok.i)
    if actor is not None and (actor.side or actor.country):
        names.add("side:" + (actor.side or actor.country or ""))
    return frozenset(names)


def _denied_after_blame(drafts: list[Draft], index: DocIndex, doc: Any, deniers: list[tuple[frozenset[str], int]],
                        sent_of: dict[int, int], lemmas: Sequence[str] | None) -> None:
    """An attack told as a fact with no doer, then an accusation that names one, which the accused
    denies ("A car bomb exploded ... in Manbij. Syria's new defence ministry blamed the SDF. The SDF
    denied any role"; "Glen Conning was shot dead ... Police blamed the TPNPB, which denied
    involvement"): the accused denies the deed the accuser holds it did, so the attacks told with no doer
    shortly before the accusation (the bombing and its wounded) are denied and attributed to the accuser. The denier is the accused when it shares
    its side or all its proper names with it ("The SDF" and "the Kurdish-led Syrian Democratic Forces
    (SDF)"). With no accusation, or a denial by another party, the attack stays as told."""
    verbs = (doc[i] for i, lemma in enumerate(lemmas) if lemma in _BLAME_VERBS) if lemmas is not None else doc
    blames: list[tuple[Actor, frozenset[str], int]] = []  # (accuser, the accused's names, its sentence number)
    for tok in verbs:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _BLAME_VERBS or _negated_verb(tok):
            continue
        accusers = [index.actor_at.get(_antecedent(c, tok).i) for c in tok.children if c.dep_ == "nsubj"]
        accused = [_party_names(c, index) for c in tok.children if c.dep_ == "dobj"]
        k = sent_of.get(sentence_start(tok), 0)
        blames.extend((who, names, k) for who in accusers if who is not None for names in accused if names)
    for accuser, names, k_blame in blames:
        if not any(_same_party(names, denier) and 0 <= k - k_blame <= BLAME_REACH for denier, k in deniers):
            continue
        sides = {n[5:] for n in names if n.startswith("side:")}
        told = [d for d in drafts if d.typing.plover in _HOSTILE_DEEDS and d.realis.status is EventStatus.HAPPENED
                and d.realis.attributed_to is None and all((a.side or a.country) in sides for a in d.sources)
                and 0 <= k_blame - sent_of.get(d.sent.start, 0) <= DENIAL_REACH]
        for d in told:
            d.realis = replace(d.realis, status=EventStatus.DENIED, attributed_to=accuser.evidence.text)


def blame_names_a_doer(drafts: list[Draft]) -> None:
    """A party blaming another for a deed the article told shortly before with no doer of another side
    ("an airstrike hit the Tajoura Detention Centre ... The GNA blamed the LNA for the strike"; "Monday's
    attack on the Kerch bridge ... Moscow blamed Ukrainian naval drones"; "the killing of a couple ..., which
    it blamed on the 33rd Front") says who did that deed: the corpus's convention codes anyone's report of
    what a party did as the deed's attribution, not as an act of its own, so the blame is no event. Blames
    that name different doers near each other ("The M23 denied responsibility and blamed the Congolese army.
    The Congolese government accused Rwanda of a war crime") are a dispute: each side's accusation stays an
    event. "Accuse" names a charge of its own ("accused Rwanda of a war crime") and stays."""
    charges = [d for d in drafts if not d.dropped and d.typing.plover == "ACCUSE"
               and d.trigger.head.lemma_.lower() in _BLAME_VERBS and d.trigger.head.pos_ == "VERB"
               and not _negated_verb(d.trigger.head)]
    for d in charges:
        head = d.trigger.head
        if head.lemma_.lower() != "blame":
            continue
        accusers = {_accuser_words(head)}
        if any(o is not d and abs(o.sent_idx - d.sent_idx) <= DENIAL_REACH and _accuser_words(o.trigger.head) not in accusers
               for o in charges):
            continue  # a dispute: accusations of more than one party
        if any(e is not d and not e.dropped and e.typing.plover in _HOSTILE_DEEDS
               and 0 <= d.sent_idx - e.sent_idx <= DENIAL_REACH and e.trigger.head.i < head.i and not e.sources
               for e in drafts):
            d.dropped = True


def _accuser_words(verb: Any) -> str:
    """The words naming who accuses (its subject, a relative pronoun's antecedent)."""
    subjects = [_antecedent(c, verb) for c in verb.children if c.dep_ == "nsubj"]
    return " ".join(t.lower_ for s in subjects for t in s.subtree)


def _same_party(accused: frozenset[str], denier: frozenset[str]) -> bool:
    """The same side, or every proper name of the denier's among the accused's."""
    sides = {n for n in accused if n.startswith("side:")}
    if sides & denier:
        return True
    words = {n for n in denier if not n.startswith("side:")}
    return bool(words) and words <= accused


def _negated_verb(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


CLAIM_REACH = 6  # sentences back a claim of responsibility for "the attack" looks for the attack


def claimed_doers(kept: list[Any], claims: list[tuple[int, Any]], index: DocIndex, words: frozenset[str]) -> None:
    """A claim of responsibility for an attack told before ("A car bomb killed 12 people in Mogadishu.
    Al-Shabaab claimed responsibility for the attack."): the claimant is the doer of the last attack told
    up to that sentence, when nothing named one. ``claims``: (sentence number, the claimed event noun)."""
    for s_idx, noun in claims:
        who = claimants(noun, index, words)
        if not who:
            continue
        referent = next((d for d in reversed(kept) if s_idx - CLAIM_REACH <= d.sent_idx <= s_idx
                         and d.typing.plover == "ASSAULT"), None)
        if referent is not None and not referent.sources:
            referent.sources = tuple(dict.fromkeys(who))
