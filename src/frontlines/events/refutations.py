"""A denial of what was told is no event of its own (corpus/events/README.md, "Conventions for every part",
rule 3): denying, dismissing or rejecting an accusation, a claim, a report or a suggestion ("the Kremlin dismissed
the accusations", "rejected the claim as 'a lie'", "Kyiv denies the city has fallen", "reports ... are fabricated
and are rejected") says that something told is untrue. What it answers carries the denial as its status (``denied``,
events.realis and the denials' rules), so a REJECT event beside it would tell one happening twice.

Refusing what is asked or offered stays PLOVER's REJECT: a proposal, a demand, a plan, an agreement or a bill
("rejected the ceasefire proposal", "dismissed the demand", "rejected the bill"): a party turns something down.

The mechanism is the kind of thing refused: a clause of its own (what is denied is a proposition) or a noun of
assertion (what someone said is so). Nouns of assertion are a closed class of English: the words for telling that
something is so, not the things told."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import SPEECH_TYPES
from frontlines.events.realis import Realis
from frontlines.records import EventStatus

DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut"})
# nouns of assertion: telling that something is so
ASSERTION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report", "suggestion", "assertion",
                             "rumour", "rumor", "account", "story", "narrative", "version", "contention", "insinuation"})


def _refused(head: Any) -> list[Any]:
    """What a verb of refusal takes: its object, its passive subject or a content clause; in a clause that
    describes a noun, that noun ("a claim the diocese rejected"); a coordinated passive with no subject of its own
    takes the first verb's ("reports ... are fabricated and are rejected")."""
    refused = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "ccomp")]
    if head.dep_ in ("relcl", "acl") and head.head.pos_ == "NOUN" and all(
            c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in refused if c.dep_ != "ccomp"):
        return [head.head]
    if not refused and head.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children):
        return [c for c in head.head.children if c.dep_ == "nsubjpass"]
    return refused


def denial_of_a_telling(d: Draft) -> bool:
    """A REJECT whose trigger denies something told (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "REJECT" or head.lemma_.lower() not in DENIAL_VERBS or (
            head.pos_ != "VERB" and not any(c.dep_ == "nsubj" for c in head.children)):  # "The TNI rejects" as NOUN
        return False
    refused = _refused(head)
    if not refused:
        return False
    for r in refused:
        if r.dep_ == "ccomp":
            continue  # "denies the city has fallen", "denying that the city was taken": a proposition
        if r.lemma_.lower() not in ASSERTION_NOUNS:
            return False  # "rejected the proposal", "dismissed the demand": something asked or offered
    return True


def drop_judgements_of_deeds_told(sent_drafts: list[Draft], told: list[Draft]) -> None:
    """Mark as dropped a condemnation, a criticism or a blame (ACCUSE of the lexicon's modes "disapprove" and
    "blame": "condemned the attack", "denounces the figures", "blamed the army") once the article has told a deed
    in an earlier sentence (``told``: the drafts kept so far): corpus convention 1, who did the deed and who says so
    are that deed's actor and attribution, no event of their own. Before any deed is told (a report that is only
    the condemnation, a sentence on its own) the judgement is the one happening told, and stays ACCUSE. A formal act
    of accusation addressed to someone (a complaint lodged, a protest note: mode "complain") and an accusation of a
    deed ("accused Rwanda of plundering Congo's minerals": mode "allege") stay ACCUSE."""
    if not any(d.typing.plover not in SPEECH_TYPES for d in told):
        return
    for d in sent_drafts:
        if d.typing.plover == "ACCUSE" and d.typing.mode in ("disapprove", "blame"):
            d.dropped = True


# what a denial can answer: a deed told as done or claimed
_ANSWERABLE = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})


def answered_by_denial(told: Realis, denial: Realis) -> Realis:
    """The status of a deed told before once a party denies it (``told``: the earlier telling's realis,
    ``denial``: the denied retelling's). A party's claim the other side denies ("Prigozhin: 'Bakhmut was
    completely taken'" ... "the president had been denying that the city was taken") and someone's report the
    accused calls false ("explosions reported in Ganja, Azerbaijani media say" ... "the reports that Ganja was
    fired on ... are a lie") are denied and stay attributed to the claimant or the reporter (corpus/events/README.md,
    "Conventions for every part", rules 4 and 5). What the article tells in its own voice (no one it is attributed
    to) keeps its status: the denial is the denier's word on it, and the text's own source is not overruled. Nor
    does a party deny its own telling: a denier who shares a proper name with the teller ("the LNA" / "an LNA
    spokesman") leaves it as told."""
    if told.status not in _ANSWERABLE or not told.attributed_to:
        return told
    if denial.attributed_to and _names(told.attributed_to) & _names(denial.attributed_to):
        return told
    return replace(told, status=EventStatus.DENIED)


def _names(said: str) -> frozenset[str]:
    """The proper-noun words of an attribution ("an LNA spokesman": LNA), by their capital."""
    return frozenset(w for w in re.findall(r"[\w'-]+", said) if w[:1].isupper() and w.lower() not in _NOT_NAMES)


# capitalised words that name no party: articles and determiners that open a sentence
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "its", "their"})


# the parts of a verb of judgement that hold what it judges: its object, a preposition's ("accused X *of* burning"),
# a content clause, a passive's subject ("the attack was condemned"); never its subject, nor a clause of time
# ("*when* the AA overran Buthidaung, residents accused ...": the time of the judgement, not what it judges)
_JUDGED = frozenset({"dobj", "prep", "pobj", "pcomp", "ccomp", "nsubjpass"})
# statuses of a deed told as done (by the text, a party's claim or an accusation that is then denied)
_TOLD_AS_DONE = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})
def _judges(judgement: Any, deed: Any) -> bool:
    """``deed`` stands in what the verb ``judgement`` takes (see ``_JUDGED``), not in its subject."""
    tok = deed
    while tok.head.i != tok.i:
        if tok.head.i == judgement.i:
            return tok.dep_ in _JUDGED
        tok = tok.head
    return False
def judgements_of_deeds_in_sentence(sent_drafts: list[Draft]) -> list[Draft]:
    """The condemnations, blames and accusations whose object is a deed their own sentence tells as done ("UNMISS
    strongly condemns an attack today on a UN helicopter"; "residents accused its fighters of burning large parts
    of the town"): under corpus convention 1 the deed is coded once, with the judge as the one who tells it, once
    the article is more than the judgement (``drop_judgements_told_with_their_deeds``). An accusation of what is
    not told as done ("accused France of seeking to intervene") is not one: the deed it names is no event of the
    article; nor is a formal act of accusation (mode "complain"), an act of its own."""
    found = []
    for d in sent_drafts:
        if d.dropped or d.typing.plover != "ACCUSE" or d.typing.mode not in ("disapprove", "blame", "allege"):
            continue
        head = d.trigger.head
        if head.pos_ != "VERB" or any(e.merged_into is d for e in sent_drafts):
            continue  # a judgement that took in another mention carries it: dropping it would lose the mention
        # the deed may have joined another telling of itself in the sentence (still told, through that one)
        if any(e is not d and (not e.dropped or e.merged_into is not None) and e.typing.plover not in SPEECH_TYPES
               and e.realis.status in _TOLD_AS_DONE and _judges(head, e.trigger.head) for e in sent_drafts):
            found.append(d)
    return found
def drop_judgements_told_with_their_deeds(judgements: list[Draft], drafts: list[Draft]) -> None:
    """Mark as dropped the ``judgements`` (``judgements_of_deeds_in_sentence``) of an article that tells a deed in
    another sentence too (``drafts``: the article's kept so far): the article is a report of deeds, which the
    convention codes without the judgement. A text that is only the judging sentence (a single sentence coded as
    PLOVER codes one: "Albania denounced as an ugly crime Serbia's suppression of unrest") keeps it as the one
    act told, like ``drop_judgements_of_deeds_told`` before any deed."""
    for j in judgements:
        if any(d.sent_idx != j.sent_idx and not d.dropped and d.typing.plover not in SPEECH_TYPES for d in drafts):
            j.dropped = True
__all__ = ["ASSERTION_NOUNS", "DENIAL_VERBS", "answered_by_denial", "denial_of_a_telling",
           "drop_judgements_of_deeds_told", "drop_judgements_told_with_their_deeds",
           "judgements_of_deeds_in_sentence"]
