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

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import SPEECH_TYPES

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


__all__ = ["ASSERTION_NOUNS", "DENIAL_VERBS", "denial_of_a_telling", "drop_judgements_of_deeds_told"]
