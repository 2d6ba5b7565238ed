"""Who says an event happened, and what that makes it: a quotation's speaker, a party's claim
about its own side, anyone else's report, acts done by saying or announcing them, and how the
attribution is written (an armed body's nation, an abbreviation written out, who holds the information).
Whose side a speaker is on is :mod:`frontlines.events.speaker_sides`'s; a party's own release,
:mod:`frontlines.events.own_statements`'s; denials and blame, :mod:`frontlines.events.denials`'s."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from frontlines.actors.registry import country_name
from frontlines.events.coder import Trigger
from frontlines.events.draft import Draft
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.realis import Realis
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.events.speaker_sides import (
    POSSESSIVE_PRONOUNS,
    armed_body,
    place_speaker_side,
    side_of_speaker,
    speakers_own_side,
)
from frontlines.events.speakers import acronym, anonymous, noun_phrase, source_like
from frontlines.records import Actor, EventStatus, Evidence, Place, Quote, Sector

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


class Quoted(NamedTuple):
    """A quotation's span, its speaker's name, and for an indirect one (reported speech) the speaker's head word
    and the lemma of its verb of saying (:func:`reported_frame`)."""

    start: int
    end: int
    speaker: str | None
    frame: tuple[Any, str] | None = None


def reported_frame(doc: Any, quote: Quote) -> tuple[Any, str] | None:
    """The speaker's head word and the lemma of the verb that reports an indirect quotation ("The TNI reminds
    the public that the KKB shot dead a pilot": TNI, "remind"), when both lie in the text."""
    if quote.speaker_evidence is None or quote.cue_evidence is None:
        return None
    speaker = doc.char_span(quote.speaker_evidence.start, quote.speaker_evidence.end, alignment_mode="expand")
    cue = doc.char_span(quote.cue_evidence.start, quote.cue_evidence.end, alignment_mode="expand")
    if speaker is None or cue is None or len(speaker) == 0 or len(cue) == 0:
        return None
    return speaker.root, cue.root.lemma_.lower()


def quote_attribution(trig: Trigger, realis: Realis, quotes: Sequence[Quoted], plover: str) -> Realis:
    """An event inside a quotation is attributed to its speaker and is claimed, not stated. Inside reported
    speech (an indirect quotation) the speaker's word and its verb of saying are the event's frame, as a frame
    the events stage reads itself is: :func:`claim_or_report` then tells a party's claim about its own side from
    its report of another's deed ("The TNI reminds the public that the KKB shot dead a pilot": a report)."""
    if realis.attributed_to is not None:
        return realis
    idx = trig.head.idx
    for start, end, speaker, frame in quotes:
        if start <= idx < end and speaker:
            status = realis.status
            if status == EventStatus.HAPPENED and plover not in SAID_ACTS:
                status = EventStatus.CLAIMED if plover not in ("RETREAT", "MOBILIZE", "AGREE") else EventStatus.ANNOUNCED
            if frame is not None and realis.frame_word is None:
                return replace(realis, status=status, attributed_to=speaker, attributed_token=frame[0],
                               frame_word=frame[1])
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
    pronouns = POSSESSIVE_PRONOUNS | _PERSONAL_POSSESSIVES if territorial else POSSESSIVE_PRONOUNS
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
                    targets: tuple[Actor, ...] = (), head: Any = None) -> Realis:
    """Who says so decides between a claim and a report. A party saying its own side did something
    makes a claim ("the ministry said its units had liberated Avdiivka": claimed, attributed to the
    ministry); anyone else saying so with a plain reporting verb ("said", "told", "wrote") reports
    what happened, and the report keeps its attribution ("the governor said two were killed").
    A verb that itself marks a claim ("claimed", "alleged") keeps the event claimed. ``doers``: the
    trigger's (roles.agent_tokens); ``plover``: the event's type; ``verb``: whether its trigger is a verb;
    ``place``: the event's own place; ``targets``: who it was done to.
    A party telling its own deed as done claims it (:func:`_own_deed_told`)."""
    if realis.status == EventStatus.ANNOUNCED:
        return _own_deed_told(realis, doers, sources, index, plover, verb, place, targets, head)
    if realis.status != EventStatus.CLAIMED:
        return realis
    if realis.attributed_token is None:
        # "clashes reported", "were reported killed": an unattributed report of what happened; "are believed
        # to have been arrested": a hedge with no one claiming it, a report too (a claim needs a claimant)
        reported = realis.frame_word in _REPORTING_VERBS or realis.frame_word in _HEDGES
        return replace(realis, status=EventStatus.HAPPENED) if reported else realis
    if speakers_own_side(realis, doers, sources, index, place, targets, head):
        if plover in SAID_ACTS:
            return replace(realis, status=EventStatus.HAPPENED)  # "said it had urged": the saying is the act
        return realis  # "said its forces had captured", "said it had captured": the party's own claim
    if realis.frame_word in _CLAIM_MARKING or realis.frame_word in _HEDGES:
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
        side = side_of_speaker(tok, index) or place_speaker_side(tok, index)
        if place is not None and place.country is not None and side == place.country:
            d.realis = replace(realis, status=EventStatus.CLAIMED)


def nation_of_armed_bodies(drafts: list[Draft], index: DocIndex) -> None:
    """A state's armed body told with no nation ("the army said", "the military said", "the army spokesman
    said") names no organisation a reader can find: the attribution says whose it is, the nation of the
    state forces the event's doers are ("Israeli warplanes struck ..., the military said": Israel's), else
    the land the deed is in ("Troops were deployed to Mafa, the army said": Nigeria's), as
    :func:`forces_of_the_land` reads it for a claim. A body with its nation named, or a deed with no land,
    is left as told."""
    for d in drafts:
        tok = d.realis.attributed_token
        said = d.realis.attributed_to
        if tok is None or not said or not armed_body(index.actor_at.get(tok.i)):
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


_REPORTING_VERBS = frozenset({"say", "tell", "report", "write", "state", "add", "confirm", "document", "verify"})
# verbs that mark what they frame as one side's contested word, not a report of what was seen or found
_CLAIM_MARKING = frozenset({"claim", "allege", "accuse", "blame", "charge", "insist", "assert", "contend", "maintain",
                            "argue", "suggest"})
# verbs of a hedge told with no one holding it ("more than 1,000 people are believed to have been arrested")
_HEDGES = frozenset({"believe", "think", "suspect", "understand", "presume"})


_FIELD_DEEDS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID"})


def _own_deed_told(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex, plover: str,
                   verb: bool, place: Place | None, targets: tuple[Actor, ...] = (), head: Any = None) -> Realis:
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
    if not speakers_own_side(realis, doers, sources, index, place, targets, head):
        return realis
    return replace(realis, status=EventStatus.CLAIMED)


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
    """An event told "according to information" is attributed to who gathered or holds it, never to the
    information (attributed_to is a person, an organisation or a medium): "according to information gathered
    by the UN Human Rights Office" (the office), "according to preliminary information from the health
    authorities" (the authorities). Information whose holder is a pronoun ("according to information it has
    gathered") is the speaker's the pronoun takes up, the subject of the verb of saying it stands under;
    information with no holder named ("According to preliminary data, 8 people were killed") and "the
    information we have gathered" are the text's own source's, whose words they are, or no one's when the
    text names no source. A phrase that names no one at all ("dealt with according to the law": no person,
    body or medium, :func:`frontlines.events.speakers.source_like`) attributes nothing."""
    tok = realis.attributed_token
    if tok is None:
        return realis
    if tok.lemma_.lower() not in _INFORMATION_NOUNS:
        if tok.pos_ == "NOUN" and tok.text.islower() and not source_like(tok):  # "MoD", "Police": names
            return replace(realis, attributed_to=None, attributed_token=None)
        return realis
    holder = _gatherer(tok)
    if holder is not None and holder.lower_ in ("it", "they", "he", "she"):
        holder = _speaker_above(holder)
    if holder is None or holder.lower_ in ("we", "i"):
        return replace(realis, attributed_to=source or None, attributed_token=None)
    return replace(realis, attributed_to=noun_phrase(holder), attributed_token=holder)


def _speaker_above(pronoun: Any) -> Any | None:
    """The subject, a noun that can speak, of the nearest verb of saying above ``pronoun`` ("The UN Human
    Rights Office said ... according to information it has gathered": the office)."""
    verb = pronoun.head
    while verb.head is not verb:
        verb = verb.head
        if verb.lemma_.lower() not in _REPORTING_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        return subject if subject is not None and source_like(subject) else None
    return None


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
