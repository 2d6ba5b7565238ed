"""PLOVER's reading of what a sentence says a party will, would, must or will not do, and the
triggers that have no event word of their own (a quoted menace, a stated obligation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from frontlines.events.coder import SentenceCues, Trigger, Typing, sentence_cues
from frontlines.events.protest_tree import doer_lemmas, protesters
from frontlines.events.lexicon import EventLexicon, TriggerSpec
from frontlines.events.realis import Realis
from frontlines.events.words import DocWords
from frontlines.records import EventStatus

_QUOTE_CHARS = ("\u201c", "\u201d", '"')
THREAT_SPEC = TriggerSpec(key="threat-statement", plover="THREATEN", mode="statement", acled=None, refine=None,
                           weight=0.7, pos="VN")  # fmt: skip
DEMAND_SPEC = TriggerSpec(key="obligation", plover="REQUEST", mode="demand", acled=None, refine=None,
                           weight=0.65, pos="V")  # fmt: skip
# PLOVER: a stated intention to do something cooperative is AGREE ("offer, promise, or otherwise
# indicate willingness or commitment"); the intention to do something hostile is THREATEN; refusing
# to cooperate is REJECT; a stated obligation of another party ("X must ...") is REQUEST.
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "AGREE"})
_HOSTILE = frozenset({"PROTEST", "COERCE", "SANCTION", "ASSAULT"})
# cooperation given to or shared with another party (a retreat or a concession told to come is no offer)
_EXCHANGE = frozenset({"CONSULT", "SUPPORT", "AID", "COOPERATE"})
_INTENT_FRAMES = frozenset({"offer", "willing", "ready", "prepared", "committed", "commit", "pledge", "promise",
                            "agree", "decide", "plan", "intend", "eager", "determined", "swear", "vow", "threaten"})
_HOSTILE_INTENT = frozenset({"plan", "intend", "decide", "swear", "vow", "threaten", "willing", "ready", "determined"})


def stance(typing: Typing, realis: Realis) -> Typing:
    """PLOVER's reading of intentions, refusals and demands (the ACLED sub-type is left as it is)."""
    plover = typing.plover
    if realis.modal == "must" and plover != "REQUEST":
        return replace(typing, plover="REQUEST", mode="demand")
    if realis.status == EventStatus.NEGATED and plover in _COOPERATIVE and plover != "RETREAT" and (
            typing.mode != "release"):  # forces not withdrawn, captives not released: nothing done, no refusal
        return replace(typing, plover="REJECT", mode=None)
    if realis.status in (EventStatus.NEGATED, EventStatus.DENIED, EventStatus.ORDERED):
        return typing
    future = realis.modal in ("future", "would")
    frame = realis.frame_word
    # a plain "will" the news tells keeps the type (status planned): only a stated willingness or commitment is
    # AGREE, and a party telling its own cooperation to come ("said it will send aid", "will visit Kyiv, his
    # office said") commits to it (PLOVER: "cooperative actions reported in future tense ... imply intentions")
    if plover in _COOPERATIVE and plover != "AGREE" and (realis.modal == "would" or frame in _INTENT_FRAMES):
        return replace(typing, plover="AGREE", mode="intent")
    if plover in _EXCHANGE and realis.modal == "future" and realis.status == EventStatus.ANNOUNCED:
        return replace(typing, plover="AGREE", mode="intent")
    if plover in _HOSTILE and realis.status == EventStatus.THREATENED:
        # a harm someone says is to come ("said the group would target all ships") is their stated threat
        return replace(typing, plover="THREATEN", mode="statement")
    if plover in _HOSTILE and (future or frame in _HOSTILE_INTENT):
        return replace(typing, plover="THREATEN", mode="intent")
    return typing


def obligations(sent: Any, musts: list[int], triggers: list[Trigger]) -> list[Trigger]:
    """A stated obligation of another party ("Russia said Sudan must return ...") is a demand."""
    doc = sent.doc
    used = {i for t in triggers for i in t.tokens}
    out = []
    for i in musts:
        if i >= sent.end:
            break
        verb = doc[i].head
        if doc[i].dep_ != "aux" or verb.i in used:
            continue
        if verb.dep_ == "ccomp" or verb.dep_ == "ROOT":
            out.append(Trigger(head=verb, tokens=(verb.i,), spec=DEMAND_SPEC))
            used.add(verb.i)
    return out


def threat_statement(sent: Any, words: DocWords, lex: EventLexicon,
                     quotes: Sequence[tuple[Any, ...]]) -> Trigger | None:
    """A quoted first-person or future menace addressed to "you": a threat without a threat verb."""
    lowers = set(words.lower[sent.start : sent.end])  # the cheapest test first: most sentences end here
    if not ({"you", "your", "yours"} & lowers) or not ({"will", "'ll", "shall"} & lowers):
        return None
    start, end = sent.start_char, sent.end_char  # each access walks the Doc again
    if not any(q[0] <= start < q[1] or start <= q[0] < end for q in quotes):
        text = sent.text  # built anew at each access
        if not any(c in text for c in _QUOTE_CHARS):
            return None
    cues = sentence_cues(sent, words)
    if not cues.holds(lex.cues["menace"]):
        return None
    return Trigger(head=sent.root, tokens=(sent.root.i,), spec=THREAT_SPEC)



_VIOLENT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def violent_family(typing: Typing, lex: EventLexicon) -> Typing:
    """An ACLED battle, explosion or attack on civilians is a PLOVER ASSAULT whatever word named it
    ("destroyed 40 soldiers" is no COERCE): the codebooks line up (data/events/acled_plover.yaml)."""
    if typing.acled_type not in _VIOLENT_FAMILIES or typing.acled_sub is None:
        return typing
    if typing.plover == "THREATEN" and typing.mode == "statement":
        return typing  # violence a party says is to come is its stated threat (stance), not violence done
    plover, mode = lex.acled_plover.get(typing.acled_sub, (None, None))
    if plover is None or plover == typing.plover:
        return typing
    return replace(typing, plover=plover, mode=mode or typing.mode)



_VIOLENT_DEMONSTRATION = "Violent demonstration"
_MOB_VIOLENCE = "Mob violence"


def crowd_violence(typing: Typing, doers: list[Any], lex: EventLexicon) -> Typing:
    """Violence done by demonstrators or a crowd is rioting (the ACLED codebook decides by who acts):
    demonstrators who attack, burn or loot make a violent demonstration ("Protesters attacked the
    embassies, setting fires"); a mob or an angry crowd attacking people is mob violence. The
    demonstrators are the nouns the lexicon itself reads as protest triggers ("protester",
    "demonstrator"); ``doers``: the trigger's (roles.agent_tokens)."""
    if typing.plover != "ASSAULT" or typing.acled_type not in _VIOLENT_FAMILIES:
        return typing
    if not doers:
        return typing
    lemmas = doer_lemmas(doers)
    if protesters(doers, lex, lemmas):
        return Typing("PROTEST", "riot", _VIOLENT_DEMONSTRATION, lex.acled_event_type.get(_VIOLENT_DEMONSTRATION))
    cues = SentenceCues([t for d in doers for t in d.subtree])
    if cues.holds(lex.cues["mob"]) or "crowd" in lemmas:
        return Typing("ASSAULT", "physical", _MOB_VIOLENCE, lex.acled_event_type.get(_MOB_VIOLENCE))
    return typing


_ARMED_SECTORS = frozenset({"military", "police", "rebel"})


def armed_targets(typing: Typing, targets: tuple[Any, ...], lex: EventLexicon) -> Typing:
    """Violence aimed at an armed, organised party is a battle, not an attack on civilians (ACLED: an
    Attack is violence against unarmed people; "armed, organised groups engage" is an Armed clash).
    The targets are the actors the roles found for the trigger ("resumed its attacks on the junta",
    "shot the military governor"), their sector from the actors stage."""
    if typing.acled_sub != "Attack" or not targets:
        return typing
    sectors = {getattr(a.sector, "value", a.sector) for a in targets}
    if not sectors & _ARMED_SECTORS or "civilian" in sectors:
        return typing
    sub = "Armed clash"
    return replace(typing, acled_sub=sub, acled_type=lex.acled_event_type.get(sub))


_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP"})


def order_to_another_party(typing: Typing, realis: Realis) -> tuple[Typing, Realis]:
    """An order addressed to another party by name ("the court ordered Israel to halt its offensive")
    is a demand made of that party (PLOVER: DEMAND, here REQUEST), not the party's act told as
    ordered; an order to the orderer's own people ("ordered his troops to withdraw", "ordered the men
    of the town to dig") stays the act ordered. The orderer is the demand's maker, not a source who
    tells it: the demand is attributed to no one."""
    frame = realis.frame
    if realis.status != EventStatus.ORDERED or frame is None or typing.plover == "REQUEST":
        return typing, realis
    addressees = [c for c in frame.children if c.dep_ in ("dobj", "dative")]
    if not addressees or not all(a.ent_type_ in _PARTY_ENTS and a.pos_ == "PROPN" for a in addressees):
        return typing, realis
    # the orderer makes the demand: its doer, no source telling it ("the court ordered Israel to halt")
    return Typing("REQUEST", "demand", None, None), replace(realis, status=EventStatus.HAPPENED, attributed_to=None,
                                                           attributed_token=None)
