"""One event per happening: triggers of one sentence that name one event, a later mention that
refers back to an earlier one, nouns that are another event's participants, a headline told again
below it (what an attack did and who did it, told again: :mod:`frontlines.events.parts`)."""

from __future__ import annotations

import re
from typing import Any

from frontlines.events.bulletins import told_in_its_own_entry
from frontlines.events.coder import specificity
from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb, live, more_cautious
from frontlines.events.interception import stopped_outranks
from frontlines.events.means import ABDUCTION
from frontlines.events.refutations import answered_by_denial
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.events.takeover import TERRITORIAL
from frontlines.records import Actor, EventStatus, Resolution, TimeValue

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



_GENERIC_DETS = frozenset({"any", "every", "each", "no"})
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


_SAME_HAPPENING = frozenset({"ASSAULT", "RETREAT", "PROTEST", "COERCE", "AGREE"})


def merge_same_happening(drafts: list[Draft]) -> None:
    """One event per happening per article: a later mention of an event of the same type and
    sub-type, at the same place (named in both sentences) on the same day, is the same event
    ("Missiles hit Kramatorsk on Tuesday ... The strike on Kramatorsk killed 12"). A bare explosion
    and other explosive violence are one too, at one named place, or told beside each other in a
    paragraph with no other place or day (:func:`_one_blast`). A mention with no sub-type at all and
one with a sub-type at one named place and day are one too (:func:`_untyped`)."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _SAME_HAPPENING:
            continue
        named = d.place is not None and "place" not in d.inherited
        for e in drafts[:k]:
            if e.dropped or e.typing.plover != d.typing.plover:
                continue
            both_named = named and e.place is not None and "place" not in e.inherited
            blast = _one_blast(e, d) and (both_named or (e.paragraph == d.paragraph and d.sent_idx - e.sent_idx <= 2))
            if not blast and not both_named:
                continue
            untyped = _untyped(e, d)
            if (e.typing.acled_sub or d.typing.acled_sub) and e.typing.acled_sub != d.typing.acled_sub \
                    and not blast and not untyped:
                continue
            if not places_compatible(e.place, d.place) or not _same_day(e.time, d.time):
                continue
            if {e.realis.status, d.realis.status} & {EventStatus.DENIED, EventStatus.NEGATED, EventStatus.HYPOTHETICAL}:
                continue
            if told_in_its_own_entry(d, drafts):
                break  # "09:40 A missile attack on Bucha. A car was damaged ...": the entry tells its own happening
            typing = d.typing if (blast and _bare_blast(e)) or (untyped and e.typing.acled_sub is None) else e.typing
            absorb(e, d)
            e.typing = typing
            break


def _untyped(a: Draft, b: Draft) -> bool:
    """Of two mentions, one has no ACLED sub-type at all, the other has one ("Strong explosions reported in
    Ganja" typed by no means, then "a missile hit a residential building in Ganja"): the untyped one names
    no means that could tell them apart; the typed one gives the happening its kind."""
    return (a.typing.acled_sub is None) != (b.typing.acled_sub is None)


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


def _retold(d: Draft, e: Draft) -> bool:
    """``d`` tells again the happening ``e`` told before: same PLOVER type, a sub-type that is the
    same or names no means of its own, no other place and no other day of its own."""
    if e.typing.plover != d.typing.plover:
        return False
    sub_d, sub_e = d.typing.acled_sub, e.typing.acled_sub
    if sub_d != sub_e and sub_d not in _UNSPECIFIC:
        return False
    if _own_place(d) and (not _own_place(e) or not places_compatible(e.place, d.place)):
        return False
    if _own_day(d) and not _own_day(e):
        return False  # a day the earlier telling did not give: a happening of its own ("on Friday, ...")
    return not _own_days_differ(d, e)


def _own_day(d: Draft) -> bool:
    return d.time is not None and d.time.resolution.value != "default"


def merge_reported_retellings(drafts: list[Draft]) -> None:
    """A party's claim of an attack the article has already told is that attack, not another one
    ("Israeli warplanes struck Hezbollah targets overnight ... Israel said its jets hit weapons
    depots"; "gunmen stormed the hotel ... Al-Shabaab said its fighters had stormed the hotel").
    ACLED codes one event per sub-type, place and day: a later mention that is a party's claim
    (status claimed: its own side's act, or words that make it a claim), names no other place and
    no other day, and gives no means other than the earlier event's is not a new event. A plain
    narrative sentence or a witness's report is left alone: it may tell a second happening of the
    same day ("those who refused were beaten", "other hostages had been killed in the raid")."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _RETOLD_TYPES or not _reported(d):
            continue
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        earlier = [e for e in earlier if e is not d and not e.dropped and _retold(d, e)
                   and e.realis.status in _TOLD]
        if earlier:
            absorb(nearest_told(earlier), d)


_RETOLD_TYPES = frozenset({"ASSAULT"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.ANNOUNCED})


def _day_in_own_clause(d: Draft) -> bool:
    """The mention's day is told inside its own clause ("denied that its aircraft had struck the centre on
    Tuesday"), not in the clause that frames it ("On 3 July, a spokesman denied that ...": the denial's day)."""
    if not _own_day(d) or d.time is None:
        return False
    head = d.trigger.head
    return head.left_edge.idx <= d.time.evidence.start < head.right_edge.idx + len(head.right_edge)


_REPORTS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "account"})


def _what_reports_tell(head: Any) -> bool:
    """An event noun that is what reports tell ("described *reports of a massacre* as false", "called the
    reports of killings staged"): the deed the reports are about, told as such."""
    prep = head.head
    return (head.pos_ == "NOUN" and head.dep_ == "pobj" and prep.lower_ in ("of", "about")
            and prep.head.lemma_.lower() in _REPORTS)


def _known(tok: Any) -> bool:
    """A noun phrase the text presents as known: "the centre", "the city", "its base", a name or a pronoun."""
    return tok.pos_ in ("PROPN", "PRON") or any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)


def merge_denied_retellings(drafts: list[Draft]) -> None:
    """A deed a party denies that the article has already told is that deed, not another one ("Shortly
    before midnight on 2 July, an airstrike hit the Tajoura Detention Centre ... On 3 July, an LNA spokesman
    denied that its aircraft had targeted the centre, saying it had struck a nearby militia camp"): a
    denial answers what was told or charged. The earlier telling of the deed's type and family (ground
    changing hands or not), told as done or claimed, with no other place and no other day in the deed's own
    clause, absorbs it; a day in the denial's clause is the denial's. The denied deed takes up its patient
    as known ("the centre", "the city"); one that names a new one ("denied shelling villages") is the
    content of a charge, and stays. The denier's own version of the happening, told in a participle of
    saying on the denial or on the denied deed ("saying it had struck a militia camp"), is absorbed too.
    The earlier telling keeps its status when the article tells it in its own voice (the denial is the denier's
    word on it); a party's claim or someone's report the denier answers is denied
    (:func:`frontlines.events.refutations.answered_by_denial`)."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _RETOLD_TYPES or d.realis.status is not EventStatus.DENIED:
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") and _known(c) for c in d.trigger.head.children) \
                and not _what_reports_tell(d.trigger.head):
            continue  # "denied shelling villages": the content of a charge, not a deed told before
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        earlier = [e for e in earlier if e is not d and not e.dropped and e.typing.plover == d.typing.plover
                   and _one_family(d, e) and e.realis.status in _TOLD and not _places_differ(d, e)
                   and not (_day_in_own_clause(d) and _own_days_differ(d, e))]
        if not earlier:
            continue
        if _what_reports_tell(d.trigger.head):  # a bare noun tells no patient: the deed of its own kind
            earlier = [e for e in earlier if e.typing.acled_sub == d.typing.acled_sub] or earlier
        nearest = max(e.sent_idx for e in earlier)
        keep = max((e for e in earlier if e.sent_idx == nearest), key=_salience)
        frame = d.realis.frame
        versions = [o for o in drafts if o is not d and not o.dropped and o.sent_idx == d.sent_idx
                    and o.typing.plover == d.typing.plover and o.realis.frame is not None and frame is not None
                    and o.realis.frame.tag_ == "VBG" and o.realis.frame.head.i in (frame.i, d.trigger.head.i)]
        told = keep.realis  # the deed stays as the article told it: the denial is the denier's word on it
        when = keep.time
        for o in (d, *versions):
            absorb(keep, o)
        keep.realis = answered_by_denial(told, d.realis)  # another's claim or report denied (v420)
        if _what_reports_tell(d.trigger.head):
            keep.time = when  # the reports' day is the denial's ("In a statement on Sunday it called ...")


def _reported(d: Draft) -> bool:
    """Told as a party's claim (its own side's act, or words that make it a claim)."""
    return d.realis.status is EventStatus.CLAIMED


def _same_day(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return True  # an undated mention (the publication week) of a dated event
    return a.value == b.value or times_compatible(a, b) and a.resolution.value != "default" \
        and b.resolution.value != "default"


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


def _referent(d: Draft, candidates: list[Draft]) -> Draft | None:
    """The event a definite mention refers to: of its type, not told as another day or place; in the
    nearest sentence holding one, the most event-like trigger."""
    same = [e for e in candidates if e.typing.plover == d.typing.plover and abs(d.sent_idx - e.sent_idx) <= 8
            and _one_family(d, e) and _one_speaker(d, e)
            and not _own_days_differ(d, e) and not _places_differ(d, e)]
    if not same:
        return None
    nearest = min(abs(d.sent_idx - e.sent_idx) for e in same)
    return max((e for e in same if abs(d.sent_idx - e.sent_idx) == nearest), key=_salience)


# speech acts one party makes (an agreement or a meeting has several parties, named in any order)
_ONE_PARTY_SPEECH = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _speakers(d: Draft) -> set[str]:
    names = {a.name.lower() for a in d.sources}
    if d.realis.attributed_to:
        names.add(d.realis.attributed_to.lower())
    return names


def _one_speaker(d: Draft, e: Draft) -> bool:
    """A speech act refers back only to one made by the same party ("UNRWA reiterates its call for
    a ceasefire" is not the court's order told before): said by no one known, or by a party both name."""
    if d.typing.plover not in _ONE_PARTY_SPEECH:
        return True
    a, b = _speakers(d), _speakers(e)
    return not a or not b or bool(a & b)


def _toll_place_fits(toll: Draft, attack: Draft) -> bool:
    """A toll with no place of its own fits any attack; one with a place, only an attack whose own
    place is that place, inside it or near it."""
    if toll.place is None:
        return True
    return attack.place is not None and places_compatible(attack.place, toll.place)


def _one_family(a: Draft, b: Draft) -> bool:
    """Fighting and a change of hands are two happenings: a mention of one never refers to the other
    ("The fighting erupted on Saturday ... The RSF said it had seized the palace")."""
    return (a.typing.acled_sub in TERRITORIAL) == (b.typing.acled_sub in TERRITORIAL)


def _told_roles(d: Draft) -> int:
    """How many of doer, place and date the mention's own sentence gives it."""
    own_time = d.time is not None and d.time.resolution.value != "default"
    return bool(d.sources) + (d.place is not None and "place" not in d.inherited) + own_time


def merge_across_sentences(drafts: list[Draft]) -> None:
    """One happening told twice is one event.

    A definite noun ("the retreat", "yesterday's strike") refers to an event of its type told in
    another sentence: the one before it, else (a lead that sums up what the body tells: "the death
    toll from yesterday's strike has risen ... two bombs hit the store") the one after it. A
    casualty clause with no doer of its own ("At least 35 people were killed, according to local
    authorities") is the toll of the attack told just before it in its paragraph, also when it
    names a place, if that place is the attack's, inside it or near it ("21 people were killed in
    Mogadishu" after "gunmen stormed the Hayat Hotel in Mogadishu").
    """
    for k, d in enumerate(drafts):
        if d.dropped:
            continue
        head = d.trigger.head
        if _definite(head):
            earlier = [e for e in drafts[:k] if not e.dropped and e.sent_idx < d.sent_idx]
            later = [e for e in drafts[k + 1 :] if not e.dropped and e.sent_idx > d.sent_idx
                     and not _definite(e.trigger.head) and e.trigger.spec.key not in _CASUALTY_KEYS
                     and (e.realis.status in _TOLD) == (d.realis.status in _TOLD)]  # a threat is no strike told
            match = _referent(d, earlier)
            if match is None:
                match = _referent(d, later)
                if match is not None and _told_roles(d) > _told_roles(match):
                    # the lead tells the happening in full ("the attack carried out by the gang on
                    # Thursday in Pont-Sonde"); the later sentence is its detail
                    absorb(d, match)
                    continue
            if match is not None:
                absorb(match, d)
                if match.time is not None and d.time is not None and match.time.resolution.value == "default":
                    match.time = d.time
                continue
        if _captives_told(d):
            _join_raid(d, drafts[:k])  # "gunmen stormed the church ... 38 were taken away": the raid's captives
            continue
        if d.trigger.spec.key not in _CASUALTY_KEYS or d.sources:
            continue
        if d.trigger.spec.key != "die" and agent_tokens(head):
            continue  # "gunmen killed three farmers": a doer of its own, an attack of its own
        if any(e is not d and not e.dropped and e.sent_idx == d.sent_idx and e.typing.plover == "ASSAULT"
               and e.trigger.spec.key not in _CASUALTY_KEYS for e in drafts):
            continue  # an attack of its own sentence did the killing
        toll = _tells_a_toll(d)  # asked once, not once per earlier mention
        before = [live(e) for e in drafts[:k] if e.sent_idx != d.sent_idx and (
            (e.paragraph == d.paragraph and d.sent_idx - e.sent_idx <= 2) or (toll and _counted(live(e))))]
        attacks = [e for e in before if e.typing.plover == "ASSAULT" and e is not d and not _own_days_differ(d, e)
                   and _toll_place_fits(d, e)]
        if attacks:
            # the nearest sentence's attack nearest its sentence's root ("Shells landed in the camp,
            # where people who fled the fighting live": the shelling, not the fighting)
            nearest = max(e.sent_idx for e in attacks)
            absorb(min((e for e in attacks if e.sent_idx == nearest),
                       key=lambda e: sum(1 for _ in e.trigger.head.ancestors)), d)


# what a raid that took captives was typed by its own words: a violent act that names no captives
_RAIDS = frozenset({"Attack", "Armed clash", None})


def _captives_told(d: Draft) -> bool:
    """An abduction told in the passive with no doer ("38 were taken away", "303 pupils and 12 teachers were
    abducted"): the captives a raid told just before took, as a casualty clause tells its toll."""
    head = d.trigger.head
    return (d.typing.acled_sub == ABDUCTION and not d.sources and head.pos_ == "VERB"
            and any(c.dep_ == "auxpass" for c in head.children) and not agent_tokens(head))


def _join_raid(d: Draft, earlier: list[Draft]) -> None:
    """Join captives told with no doer to the raid told within two sentences before them in their paragraph, on no
    other day and at no other place: one happening, which ACLED codes by what the raid did to the people it took
    (an abduction, not an attack on the church or the school it stormed)."""
    raids = [e for e in (live(o) for o in earlier) if e is not d and not e.dropped and e.typing.plover == "ASSAULT"
             and e.typing.acled_sub in _RAIDS and e.paragraph == d.paragraph and 0 < d.sent_idx - e.sent_idx <= 2
             and e.realis.status in _TOLD and not _own_days_differ(d, e) and not _places_differ(d, e)]
    if not raids:
        return
    raid = max(raids, key=lambda e: e.sent_idx)
    absorb(raid, d)
    raid.typing = d.typing


def _tells_a_toll(d: Draft) -> bool:
    """The casualty clause's sentence speaks of a toll ("The toll in Kyiv has risen to 12 dead"; "UPDATE:
    death toll from Ras Isa rises to 74"): a new count of an attack the article has told with its
    casualties, however far before (a live blog's update is a paragraph of its own)."""
    return any(t.lemma_.lower() == "toll" for t in d.sent)


def _counted(e: Draft) -> bool:
    """An attack told with a count of its dead or wounded, which a later toll updates."""
    return any(q.kind in ("killed", "injured", "casualties") for q in e.quantities)


# a line that ends a sentence: a headline never does ("Russian attack on Mykolaiv kills one")
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d'\u2019)]\s*$")


def headline_end(text: str, title: str | None) -> int:
    """Where the headline ends when the text opens with the article's title (0 when it does not). With no
    title given, a first line standing alone as a paragraph over the body, with no sentence-ending stop
    ("Russian attack on Mykolaiv kills one\n\nMYKOLAIV (AP) - A Russian missile hit ..."), is the headline."""
    if not title:
        first, brk, body = text.partition("\n\n")
        if not brk or not body.strip() or "\n" in first.strip() or not first.strip() \
                or _SENTENCE_END.search(first):
            return 0
        return len(first.rstrip())
    words = title.split()
    pos = 0
    for w in words:
        found = text.find(w, pos)
        if found < 0 or text[pos:found].strip():
            return 0  # the text does not open with the title, word for word
        pos = found + len(w)
    return pos


def merge_headline(drafts: list[Draft], end_char: int) -> None:
    """A headline tells again what the article tells below it ("Myanmar: Air strike on village
    gathering must be investigated" over "The Myanmar military's air strike on Pazigyi village on
    Tuesday ... must be investigated"): a headline mention of a type the body tells is that body
    event; one the body does not tell stays an event of its own."""
    if end_char <= 0:
        return
    for d in drafts:
        if d.dropped or d.sent.start_char >= end_char:
            continue
        body = [e for e in drafts if not e.dropped and e.sent.start_char >= end_char
                and e.typing.plover == d.typing.plover and _one_family(d, e)]
        if body:
            absorb(body[0], d)


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
