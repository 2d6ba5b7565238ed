"""One event per happening within a sentence: triggers of one sentence that name one event, nouns that
are another event's participants, one act of a kind per sentence; and the tests of sameness every merge
shares (one place, one day, one family, told as done). Mentions in other sentences that refer back:
:mod:`frontlines.events.merge_across`; a claim or a denial telling a deed again:
:mod:`frontlines.events.retellings`; what an attack did and who did it, told again:
:mod:`frontlines.events.parts`."""

from __future__ import annotations

from typing import Any

from frontlines.events.coder import specificity
from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb, live, more_cautious
from frontlines.events.interception import stopped_outranks
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.events.takeover import TERRITORIAL
from frontlines.records import Actor, EventStatus, Resolution

_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "these", "those"})


_CASUALTY_KEYS = frozenset({"kill", "injure", "wound", "killing", "die"})


def attach_sentence_quantities(drafts: list[Draft], index: DocIndex, sent: Any, taken: set[int]) -> None:
    """Casualty counts of a sentence that hang on no trigger go to its violent event."""
    violent = [d for d in drafts if d.typing.plover == "ASSAULT"]
    if not violent:
        return
    for k, q, _root in index.in_sentence("quantities", sent):
        if k in taken:
            continue
        if q.kind in ("killed", "injured", "casualties", "captured", "civilians", "people"):
            violent[0].quantities = violent[0].quantities + (q,)


def _salience(d: Draft) -> float:
    head = d.trigger.head
    penalty = 0.2 if head.dep_ in ("advcl", "relcl", "pcomp") else 0.0
    return d.trigger.spec.weight - penalty


def _connected(a: Any, b: Any, limit: int = 4) -> bool:
    for x, y in ((a, b), (b, a)):
        cur = x
        for _ in range(limit):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i == y.i:
                return True
    return False


_GENERIC_DETS = frozenset({"any", "every", "each", "no", "either", "neither"})


_ENDING_VERBS = frozenset({"quit", "suspend", "abandon", "exit", "scrap", "break", "violate", "end", "leave",
                           "breach", "terminate", "cancel", "renounce", "collapse"})


_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "appos"})


def _argument_of_other(d: Draft, heads: dict[int, Draft]) -> bool:
    """A plural noun trigger that is another event's argument ("freed 24 hostages", "starving his
    units of shells"): the participants or means of that event, not an event of their own; or a
    generic mention ("any deliberate attack on peacekeepers")."""
    head = d.trigger.head
    if head.tag_ in ("VBN", "JJ") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return True  # "help the wounded", "bury the dead": people, not an event
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in head.children):
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _ENDING_VERBS and not any(
            c.dep_ == "prt" and c.lower_ == "up" for c in head.head.children):
        return True  # "Russia quits the grain deal", "suspended the truce": not the deal's making
    # (a gathering broken up took place: "police broke up a protest" is dispersing it)
    if head.tag_ != "NNS":
        return False  # "freed 24 hostages", "starving units of shells": plural participants or means
    gov = head.head
    if head.dep_ == "pobj" and gov.pos_ == "ADP":
        gov_prep = gov
        gov = gov.head
        # "opened fire on demonstrators", "fired tear gas at protesters": the force's targets
        aimed = gov_prep.lower_ in ("on", "at", "against", "upon") and d.typing.plover == "PROTEST"
        if gov_prep.lower_ not in ("of", "for", "with") and not aimed:
            return False
    elif head.dep_ not in _ARGUMENT_DEPS:
        return False
    other = heads.get(gov.i)
    # "would be met with sanctions": what a threat holds out is its content, whatever its own type
    return other is not None and other is not d and (other.typing.plover != d.typing.plover
                                                     or other.typing.plover == "THREATEN")


_VIOLENT = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})


def _noun_of_its_verb(b: Draft, heads: dict[int, Draft]) -> Draft | None:
    """The event noun of b's type that a verb trigger ``b`` tells the making of: the verb's subject
    ("a truce *agreed* in January") or the noun the verb describes as a participle ("a ceasefire
    *signed* in Jeddah"); the two name one happening. Violent types are left to the rules below, which
    keep the more specific ACLED sub-type."""
    h = b.trigger.head
    if h.pos_ != "VERB" or b.typing.plover in _VIOLENT:
        return None  # violent acts are merged above, keeping the more specific ACLED sub-type
    nouns = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
    if h.dep_ == "acl" and h.tag_ == "VBN":
        nouns.append(h.head)
    for n in nouns:
        a = heads.get(n.i)
        if a is not None and a is not b and n.pos_ == "NOUN" and a.typing.plover == b.typing.plover:
            return a
    return None


def merge_in_sentence(drafts: list[Draft]) -> None:
    """Two violent triggers on one dependency path, or of one ACLED sub-type at one place, name one
    event ("shelling killed five"; "attacked positions near X; clashes reported"); a
    participle telling what an attack did ("..., destroying warehouses", "..., injuring 12") is
    that attack; a noun that is another event's argument is no event of its own; a verb telling the
    making of an event noun of its type ("a truce *agreed* in January") is that event."""
    heads = {d.trigger.head.i: d for d in drafts}
    for d in drafts:
        if _argument_of_other(d, heads):
            d.dropped = True
    for b in drafts:
        a = _noun_of_its_verb(b, heads)
        if a is not None and not a.dropped and not b.dropped:
            absorb(a, b)
    for a in drafts:
        if a.dropped or not (a.typing.plover == "ASSAULT" or a.typing.mode == "riot"):
            continue
        for b in drafts:
            if b is a or b.dropped:
                continue
            h = b.trigger.head
            if b.trigger.spec.key in _CASUALTY_KEYS and h.dep_ == "relcl" and h.head.i == a.trigger.head.i:
                absorb(a, b)  # "an explosion that killed hundreds": the attack's toll, whatever else the sentence tells
                continue
            if b.typing.plover not in ("ASSAULT", "COERCE"):
                continue
            if h.tag_ == "VBG" and _participle_of(h, a.trigger.head) and (
                    b.trigger.spec.key in _CASUALTY_KEYS or b.typing.acled_sub in (None, "Looting/property destruction")
                    or b.typing.plover == "COERCE"):
                doers = a.sources
                absorb(a, b)
                if a.trigger.head.dep_ in ("nsubj", "nsubjpass"):
                    a.sources = doers  # the attack noun is the participle's subject: it has no other doer
            elif b.typing.acled_sub == "Looting/property destruction" and _done_in_the_attack(h, a.trigger.head):
                absorb(a, b)

    for a in drafts:
        if a.dropped or a.typing.acled_sub not in TERRITORIAL or a.typing.plover != "ASSAULT" or not _done(a):
            continue
        for b in drafts:
            if b is not a and not b.dropped and _other_side_gives_way(a, b):
                told = a.realis
                absorb(a, b)
                a.realis = told  # the capture keeps its own telling: "hours after Moscow said it had pulled back"
    for i, a in enumerate(drafts):
        for b in drafts[i + 1 :]:
            if a.dropped or b.dropped:
                continue
            if a.typing.plover != b.typing.plover or a.typing.plover not in ("ASSAULT", "RETREAT", "PROTEST"):
                continue
            # one sentence's dates are often another clause's ("killed ... when bombs exploded on Saturday,
            # the president said on Sunday"): only the places are compared here
            same_kind = _same_kind(a, b) and places_compatible(a.place, b.place)
            if not (same_kind or _connected(a.trigger.head, b.trigger.head) or _siblings(a.trigger.head, b.trigger.head)
                    or _shared_subject(a.trigger.head, b.trigger.head)):
                continue
            if _coordinated(_verb_of(a.trigger.head), _verb_of(b.trigger.head)) and _places_differ(a, b):
                continue  # "struck the southern suburbs and hit targets in the Bekaa valley": one event per place
            if _own_days_differ(a, b) and (_joined_clauses(a.trigger.head, b.trigger.head) or _counted_apart(a, b)):
                continue  # "began storming Bakhmut last summer and took Soledar in January": one event per day
            participle = any(t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") for t in (a.trigger.head, b.trigger.head))
            if not participle and _done(a) != _done(b):
                continue  # "aims to push them out of range ..., where Russian forces took Avdiivka": an aim and a deed
            cautious = more_cautious(a.realis, b.realis)
            if stopped_outranks(b, a) or (specificity(b.typing.acled_sub) > specificity(a.typing.acled_sub)
                                          and not stopped_outranks(a, b)):
                a, b = b, a  # the more specific sub-type; a munition stopped in flight over its launch
            absorb(a, b)
            if participle:
                # "given the order to withdraw, effectively handing back control": one event, as
                # far as it has gone (the order), not an order and a completion
                a.realis = cautious


def _participle_of(h: Any, attack: Any) -> bool:
    """``h`` is a participle telling what ``attack`` did: it hangs on the attack's verb, or on the verb the
    attack noun is the subject of ("A bomb exploded ..., killing four people and *wounding* about fifty"),
    itself or as the conjunct of such a participle."""
    while h.dep_ == "conj" and h.head.tag_ == "VBG" and h.head.dep_ in ("advcl", "xcomp"):
        h = h.head
    if h.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    return h.head.i == attack.i or (attack.dep_ in ("nsubj", "nsubjpass") and attack.head.i == h.head.i)


def merge_one_act_per_sentence(drafts: list[Draft]) -> None:
    """A sentence tells one act of a kind unless it tells them apart: two mentions of one PLOVER
    type in one sentence ("we urge the authorities ... and we call on the international community";
    "declared a state of emergency and a night-time curfew"; "signs of torture ... a man found with a
    rope around his neck") are one event, as ACLED and PLOVER code one event per actor, place, day
    and kind. They stay two when the sentence gives them different own places, own days, doers or
    parties acted on,
    when one is told as done and the other not, or when both have ACLED sub-types and they differ
    ("shelled the town and launched drones at the bridge"; "imposed a curfew and arrested 30 people")."""
    for i, first in enumerate(drafts):
        for second in drafts[i + 1 :]:
            a, b = live(first), live(second)
            if a is b or a.dropped or b.dropped or a.typing.plover != b.typing.plover:
                continue
            made = _deed_of_its_order(a, b) or _deed_of_its_order(b, a)
            if made is None and (_done(a) != _done(b) or (not _done(a) and a.realis.status is not b.realis.status)):
                continue
            if _places_differ(a, b) or _own_days_differ(a, b) or not _one_party(a.sources, b.sources) \
                    or not _one_party(a.targets, b.targets):
                continue
            sub_a, sub_b = a.typing.acled_sub, b.typing.acled_sub
            if sub_a != sub_b and sub_a not in _UNSPECIFIC and sub_b not in _UNSPECIFIC:
                continue
            if made is not None:
                a, b = made, (b if made is a else a)  # the deed keeps its telling as done
            elif specificity(sub_b) > specificity(sub_a):
                a, b = b, a
            absorb(a, b)


def _deed_of_its_order(deed: Draft, order: Draft) -> Draft | None:
    """``deed`` told as done in the clause that names the order that made it (“conscripts called up following
    a mobilisation order”, “troops withdrew under an order to pull back”): the order's noun hangs, through a
    preposition, on the deed's verb; one happening, the deed. None otherwise (“the army mobilised reservists
    and ordered a second call-up”: an order of its own clause is another act)."""
    if not _done(deed) or order.realis.status is not EventStatus.ORDERED:
        return None
    verb, noun = deed.trigger.head, order.trigger.head
    if verb.pos_ not in ("VERB", "AUX") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    tok = noun
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a mobilisation order": the order the type's noun names
    if tok.dep_ not in ("pobj", "dobj") or tok.head.dep_ != "prep":
        return None  # "following an order" parses the order as the participle's object
    host = tok.head.head
    while host.i != verb.i and host.dep_ == "xcomp":
        host = host.head  # "called up to fight following an order": the deed's own open clause
    return deed if host.i == verb.i else None


def _one_party(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> bool:
    """No parties told against each other (two doers, or two parties acted on): either names none,
    or they share a name or a side."""
    if not a or not b:
        return True
    return bool({x.name for x in a} & {x.name for x in b} or {x.side for x in a if x.side} & {x.side for x in b if x.side})


def _other_side_gives_way(capture: Draft, retreat: Draft) -> bool:
    """The withdrawal a capture's sentence also tells ("Russian forces took control of Ocheretyne;
    Ukrainian forces withdrew"; "retook Levadne ... Russian forces withdrew") is the other side of the
    one change of hands (ACLED codes one event): a withdrawal told as done, by another party than the
    taker, from no other place."""
    if retreat.typing.plover != "RETREAT" or not _done(retreat):
        return False
    takers = {a.name for a in capture.sources}
    if takers & {a.name for a in retreat.sources} or (
            {t.i for t in agent_tokens(capture.trigger.head)} & {t.i for t in agent_tokens(retreat.trigger.head)}):
        return False  # the taker itself pulling out is another happening (an actor, or the very words of its doer)
    if _own_days_differ(capture, retreat):
        return False  # "captured Goma in November 2012 and pulled out ten days later": two happenings
    return places_compatible(capture.place, retreat.place)


def _done(d: Draft) -> bool:
    """Told as done (happened, claimed, announced), not as aimed at, ordered, threatened or supposed."""
    return d.realis.status in _TOLD


def _same_kind(a: Draft, b: Draft) -> bool:
    """One ACLED sub-type, or a definite noun that names no means of its own describing the other
    ("a truck bombing ..., the worst attack in Somalia's history")."""
    sub_a, sub_b = a.typing.acled_sub, b.typing.acled_sub
    if sub_a is not None and sub_a == sub_b:
        return True
    for x, y in ((a, b), (b, a)):
        if x.typing.acled_sub == "Attack" and y.typing.acled_sub not in _UNSPECIFIC and _description(x.trigger.head):
            return True
    return False


def _description(head: Any) -> bool:
    """A definite noun with no doer of its own ("the worst attack", "the assault"): a description
    of a happening the sentence tells, not a telling of another ("signs of torture" is bare; "the
    army's attack", "the Russian attack" name a doer)."""
    if head.pos_ != "NOUN" or not _definite(head):
        return False
    return not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")
                   for t in agent_tokens(head))


def _done_in_the_attack(h: Any, attack: Any) -> bool:
    """Burning or looting told as part of an attack: a participle of it, a verb coordinated with it
    ("shot people at the market and set shops ablaze"), or an object coordinated inside such a
    participle ("..., setting fires and looting")."""
    cur = h
    for _ in range(3):
        if cur.head.i == attack.i:
            return cur.dep_ in ("advcl", "xcomp", "conj") and cur.pos_ in ("VERB", "NOUN")
        if cur.dep_ not in ("conj", "dobj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _siblings(a: Any, b: Any) -> bool:
    """Two clauses of one governor ("given the order to withdraw, effectively handing back")."""
    ups_a = {a.head.i, a.head.head.i}
    return a.head.i != a.i and (b.head.i in ups_a or b.head.head.i == a.head.i) and b.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj") \
        and a.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj", "acl")


def _coordinated(a: Any, b: Any) -> bool:
    """Two verbs joined by "and" (one the other's conjunct)."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _verb_of(tok: Any) -> Any:
    """The verb an act's noun is the object of ("dropped *bombs* on Yunakivka"), which tells the act; else the token."""
    return tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok


def _joined_clauses(a: Any, b: Any) -> bool:
    """Two verbs joined by "and", each or its governing verb ("*began* storming ... and *took*")."""
    return any(_coordinated(x, y) for x in (a, a.head) for y in (b, b.head)
               if x.pos_ in ("VERB", "AUX") and y.pos_ in ("VERB", "AUX") and x.i != y.i)


def _shared_subject(a: Any, b: Any) -> bool:
    """One trigger is the subject of a verb coordinated with the other ("a rocket slammed into a
    field and *killed* 12 children": the rocket killed them)."""
    for x, y in ((a, b), (b, a)):
        if x.dep_ in ("nsubj", "nsubjpass") and y.dep_ == "conj" and y.head.i == x.head.i:
            return True
    return False


def _bare_blast(d: Draft) -> bool:
    """An explosion or a blast whose means no word names: its sub-type is the word's default."""
    spec = d.trigger.spec
    return spec.key in _BLAST_WORDS and d.typing.acled_sub == spec.acled


def _one_blast(a: Draft, b: Draft) -> bool:
    """Two mentions of explosive violence at one place and day of which one is a bare explosion ("Explosions in
    the capital ... Ballistic missiles hit a residential building"; "An explosion tore through the market ... A
    suicide bomber detonated explosives"): the explosion is what the other names the means of."""
    return (a.typing.acled_type == b.typing.acled_type == _EXPLOSIONS) and (_bare_blast(a) or _bare_blast(b))


_BLAST_WORDS = frozenset({"explosion", "blast"})


_EXPLOSIONS = "Explosions/Remote violence"  # the ACLED event type


# sub-types a telling may give one happening: a casualty or a bare "attack" names no means of its own
_UNSPECIFIC = frozenset({None, "Attack"})


def _own_place(d: Draft) -> bool:
    return d.place is not None and "place" not in d.inherited


def _own_day(d: Draft) -> bool:
    return d.time is not None and d.time.resolution.value != "default"


_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.ANNOUNCED})


def _definite(head: Any) -> bool:
    """A noun the text presents as known: "the retreat", "its offensive", "yesterday's strike",
    "Sunday evening's attack" (a day or time as possessor)."""
    if head.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")))
               for c in head.children)


def _own_days_differ(a: Draft, b: Draft) -> bool:
    """Both mentions carry a date of their own, and the dates differ ("Monday's attack" is not Wednesday's)."""
    return not times_compatible(a.time, b.time)


def _counted_apart(a: Draft, b: Draft) -> bool:
    """One mention's day is counted from the other's ("The attack came two days after Russia launched its largest
    aerial attack ... overnight into Sunday": :func:`frontlines.events.shift.counted_from`): two happenings."""
    return a.time is not None and b.time is not None and any(
        x.resolution is Resolution.ANCHORED and x.anchor is not None and x.anchor == y.value
        and x.granularity == "day" and y.granularity in ("day", "time") for x, y in ((a.time, b.time), (b.time, a.time)))


def _places_differ(a: Draft, b: Draft) -> bool:
    if a.place is None or b.place is None or "place" in a.inherited or "place" in b.inherited:
        return False
    return not places_compatible(a.place, b.place)


def _one_family(a: Draft, b: Draft) -> bool:
    """Fighting and a change of hands are two happenings: a mention of one never refers to the other
    ("The fighting erupted on Saturday ... The RSF said it had seized the palace")."""
    return (a.typing.acled_sub in TERRITORIAL) == (b.typing.acled_sub in TERRITORIAL)


def _counted(e: Draft) -> bool:
    """An attack told with a count of its dead or wounded, which a later toll updates."""
    return any(q.kind in ("killed", "injured", "casualties") for q in e.quantities)


def nearest_told(earlier: list[Draft]) -> Draft:
    """Of drafts told before a mention, the one it takes up: the nearest by sentence, the most salient there."""
    nearest = max(e.sent_idx for e in earlier)
    return max((e for e in earlier if e.sent_idx == nearest), key=_salience)


def attacks_told_before(drafts: list[Draft], k: int, d: Draft) -> list[Draft]:
    """The attacks told as done in sentences before ``d`` (``drafts[k]``) at no other place and on no other day
    of their own: what a mention of victims or of a toll may take up."""
    return [e for e in (live(e) for e in drafts[:k]) if e is not d and not e.dropped
            and e.sent_idx < d.sent_idx and e.typing.plover == "ASSAULT" and _done(e)
            and not _places_differ(d, e) and not _own_days_differ(d, e)]
