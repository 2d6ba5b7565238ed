"""Judgements of deeds told: a condemnation, a criticism, a blame or an accusation of a deed the article tells
is no event of its own once the article is more than the judgement (corpus convention 1: who did the deed and who
says so are that deed's actor and attribution). Denials of what was told: :mod:`frontlines.events.denials`."""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import SPEECH_TYPES
from frontlines.records import EventStatus

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


__all__ = ["drop_judgements_of_deeds_told", "drop_judgements_told_with_their_deeds", "judgements_of_deeds_in_sentence"]
