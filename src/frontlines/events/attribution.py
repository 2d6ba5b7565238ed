"""Who says an event happened, and what that makes it: a quotation's speaker, a party's claim
about its own side, anyone else's report, a party's own release."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontlines.events.coder import Trigger
from frontlines.events.draft import Draft
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.realis import Realis, source_like
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.records import Actor, EventStatus, Evidence

_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # "Shoigu said his forces had taken": for control only


def speaker_is_source(doc: Any, evidence: Evidence | None) -> bool:
    """A quotation's speaker that no actor was found for must still be someone who can speak
    (a person, organisation or medium): "Images showed that ..." is no source."""
    if evidence is None:
        return True
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    return span is None or len(span) == 0 or source_like(span.root)


def quote_attribution(trig: Trigger, realis: Realis, quotes: list[tuple[int, int, str | None]], plover: str) -> Realis:
    """An event inside a quotation is attributed to its speaker and is claimed, not stated."""
    if realis.attributed_to is not None:
        return realis
    idx = trig.head.idx
    for start, end, speaker in quotes:
        if start <= idx < end and speaker:
            status = realis.status
            if status == EventStatus.HAPPENED:
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



def claim_or_report(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex) -> Realis:
    """Who says so decides between a claim and a report. A party saying its own side did something
    makes a claim ("the ministry said its units had liberated Avdiivka": claimed, attributed to the
    ministry); anyone else saying so with a plain reporting verb ("said", "told", "wrote") reports
    what happened, and the report keeps its attribution ("the governor said two were killed").
    A verb that itself marks a claim ("claimed", "alleged") keeps the event claimed. ``doers``: the
    trigger's (roles.agent_tokens)."""
    if realis.status != EventStatus.CLAIMED:
        return realis
    if realis.attributed_token is None:
        # "clashes reported", "were reported killed": an unattributed report of what happened
        return replace(realis, status=EventStatus.HAPPENED) if realis.frame_word in _REPORTING_VERBS else realis
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for d in doers for c in d.children) or any(
            d.lower_ in ("we", "i") for d in doers):
        return realis  # "said its forces had captured", "our forces destroyed": the speaker's own side
    if _speaker_as_pronoun(doers, realis.attributed_token):
        return realis  # "an armed group said it had captured the headquarters": the speaker did it
    speaker = index.actor_at.get(realis.attributed_token.i)
    speaker_side = (speaker.side or speaker.country) if speaker is not None else None
    doer_sides = {a.side or a.country for a in sources} - {None}
    if speaker_side is not None and speaker_side in doer_sides:
        return realis  # the party's own claim
    if realis.frame_word is not None and realis.frame_word not in _REPORTING_VERBS:
        return realis  # "claimed", "alleged", "accused": the words say it is a claim
    return replace(realis, status=EventStatus.HAPPENED)


_REPORTING_VERBS = frozenset({"say", "tell", "report", "write", "state", "add", "confirm"})


def _speaker_as_pronoun(doers: list[Any], speaker: Any) -> bool:
    """The doer is a third-person pronoun that takes up the speaker of the frame it stands under,
    agreeing in number and kind: "it" a singular body ("the group said it had captured"), "they" a
    plural one or a body ("the rebels said they had taken"), "he"/"she" a person. A pronoun and
    speaker that disagree ("the ministry said they had shelled") point elsewhere."""
    if speaker is None or len(doers) != 1:
        return False
    pronoun, person = doers[0].lower_, speaker.ent_type_ == "PERSON"
    if doers[0].i < speaker.i or doers[0].sent.start != speaker.sent.start:
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
    nothing is attributed. A speech act told as someone else's claim keeps its attribution."""
    for d in drafts:
        if d.typing.plover not in SPEECH_TYPES or d.realis.attributed_to is None:
            continue
        if d.realis.status in (EventStatus.CLAIMED, EventStatus.DENIED):
            continue
        tok = d.realis.attributed_token
        speaker = index.actor_at.get(tok.i) if tok is not None else None
        if d.sources and (speaker is None or speaker not in d.sources):
            continue  # "the ministry said the rebels had rejected the deal": the rebels' act, as reported
        if not d.sources and speaker is not None:
            d.sources = (speaker,)
        d.realis = replace(d.realis, attributed_to=None, attributed_token=None)


def own_statement(drafts: list[Draft], source: str | None, registry: Any) -> None:
    """In a party's own statement (a ministry's release, an army's Telegram post) what its own side
    did is that party's claim: status claimed, attributed to the source."""
    party = source_party(source, registry)
    if party is None:
        if source and _PARTY_WORDS & set(re.findall(r"[a-z]+", source.lower())):
            _first_person_claims(drafts, source)  # a party not in the registry: only what it says it did
        return
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None:
            continue
        if party in {a.side or a.country for a in d.sources}:
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)



def _first_person_claims(drafts: list[Draft], source: str) -> None:
    """In a text whose source names itself a party (a command, a ministry, a force) but whose side
    is not known, what the text says "we" or "our forces" did is that party's claim."""
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or d.typing.plover in SPEECH_TYPES:
            continue  # "we call on ...": a speech act is done in the saying, not claimed
        doers = agent_tokens(d.trigger.head)
        if any(t.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children) for t in doers):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)
