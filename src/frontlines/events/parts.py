"""One event per happening: what an attack did and who did it, told again after it. Harm done and
people freed in an attack told as its doings ("stormed the prisons and freed 3,700 inmates"), what is
said of the people it harmed ("Most of those killed were shot by the security forces"), and a deed told
by a definite noun taking up its doer ("The gunmen stormed the school") are that attack, not events of
their own. Split from :mod:`frontlines.events.merge` (one module per concern, 800 lines at most)."""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft, absorb, live
from frontlines.events.merge import (
    attacks_told_before,
    nearest_told,
    _TOLD,
    _UNSPECIFIC,
    _counted,
    _definite,
    _done,
    _one_family,
    _own_day,
    _own_days_differ,
    _places_differ,
    _salience,
)
from frontlines.events.roles import agent_tokens
from frontlines.records import EventStatus

# harm done and people moved in an attack: parts of it when told as its doings
_PART_TYPES = frozenset({"COERCE", "RETREAT"})
# nouns that name their referents by the attack they made ("the attackers set fire to houses")
_ATTACKERS = frozenset({"attacker", "assailant", "gunman", "raider"})
# an attack told as made: done or claimed, or told by someone and denied by another, whose parts stay its (v572)
_MADE = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})


def _part_of_attack(d: Draft, attack: Draft) -> bool:
    """``d`` tells what ``attack`` did: a verb coordinated with the attack's verb under its subject
    ("stormed the prisons and *freed* 3,700 inmates"; not "captured the Heights in 1967 and *annexed*
    them in 1981"); or, in a later sentence with no day of its own,
    harm told in the passive with no doer ("many *were burned*"), an act of "the attackers", or a seizure
    or an arrest told "at the scene" (:func:`_at_the_scene`)."""
    h, a = d.trigger.head, attack.trigger.head
    own_subject = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    if d.typing.plover == "RETREAT" and not any(c.dep_ == "dobj" for c in h.children):
        return False  # the doers moving themselves ("captured Goma and *pulled out* ten days later"): an act of its own
    if d.sent_idx == attack.sent_idx:
        # a passive's subject is what was acted on, not a doer ("two insurgents were killed and an AK-47 *was
        # recovered*")
        doers = [c for c in own_subject if c.dep_ != "nsubjpass"]
        return h.dep_ == "conj" and h.head.i == a.i and not doers and not _own_days_differ(d, attack)
    if _own_day(d) or not 0 < d.sent_idx - attack.sent_idx <= 2:
        return False
    if d.typing.plover == "COERCE" and any(c.dep_ == "auxpass" for c in h.children):
        return not any(c.dep_ == "agent" for c in h.children)
    if d.typing.plover == "COERCE" and _at_the_scene(h):
        return True
    if d.typing.plover == "ASSAULT":  # an attack told as made, not one declared over; fighting and a change of hands stay two
        return attack.realis.status in _MADE and _one_family(d, attack) and _by_the_attackers(h)
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _ATTACKERS and _definite(c) for c in own_subject)


def _at_the_scene(h: Any) -> bool:
    """The act is told at "the scene", a definite noun whose referent is the place of the happening told
    before ("Soldiers seized 16 rifles ... at the scene", after "troops came under fire ... One soldier was
    wounded"); the parser may hang the phrase on the verb's object, so the verb's whole phrase is read."""
    return any(t.lemma_.lower() == "scene" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               for t in h.subtree)


def _by_the_attackers(h: Any) -> bool:
    """The subject of the verb ``h``, or of the verb ``h`` is coordinated with, is a definite noun naming its
    referents by the attack they made ("The attackers also burned five homes, looted property and *beat*
    residents")."""
    while not any(c.dep_ == "nsubj" for c in h.children) and h.dep_ == "conj" and h.head.pos_ == "VERB":
        h = h.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _ATTACKERS and _definite(c) for c in h.children)


def merge_parts_of_attack(drafts: list[Draft]) -> None:
    """One event per happening: harm done and people freed in an attack, told as its doings (see
    ``_part_of_attack``), are that attack, not events of their own; so is further violence "the attackers"
    did, told in a later sentence with no day of its own (:func:`_by_the_attackers`). An attack someone told and
    another denied (a report called false) keeps its parts: what the attackers did is told on the same word (v572)."""
    for k, d in enumerate(drafts):
        if d.dropped or d.realis.status is not EventStatus.HAPPENED or d.trigger.head.pos_ != "VERB":
            continue
        if d.typing.plover not in _PART_TYPES and d.typing.mode != "release" and not (
                d.typing.plover == "ASSAULT" and _by_the_attackers(d.trigger.head)):  # release: people freed (CONCEDE)
            continue
        attacks = [e for e in (live(e) for e in drafts[:k]) if e is not d and not e.dropped
                   and e.typing.plover == "ASSAULT" and (_done(e) or e.realis.status is EventStatus.DENIED)
                   and not _places_differ(d, e)]
        attacks = [e for e in attacks if _part_of_attack(d, e)]
        if attacks:
            absorb(max(attacks, key=lambda e: (e.sent_idx, _salience(e))), d)


# harm that names the people it was done to ("those killed", "the people who were wounded")
_HARMED = frozenset({"kill", "wound", "injure", "massacre", "murder", "execute", "slaughter", "shoot", "maim"})


def _victims_clause(noun: Any) -> Any | None:
    """The harm participle or relative clause that names ``noun`` by what was done to it ("*those killed*",
    "our people *who were massacred*", "most *of those killed*")."""
    for n in (noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")):
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.lemma_.lower() in _HARMED \
                    and not any(s.dep_ in ("nsubj", "agent") for s in c.children):
                return c
    return None


def _names_victims(d: Draft) -> bool:
    """``d`` is said of people the text names by a harm done to them: the harm itself, as the clause
    naming the subject of its sentence ("Our people *who were massacred* included mothers"), or an act
    told of them ("Most of those killed *were shot* by the security forces")."""
    h = d.trigger.head
    if h.dep_ in ("acl", "relcl"):
        noun = h.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        clause = _victims_clause(noun)
        return noun.dep_ in ("nsubj", "nsubjpass") and clause is not None and clause.i == h.i
    return h.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and _victims_clause(c) is not None
                                    for c in h.children)


def merge_victims_told_again(drafts: list[Draft]) -> None:
    """People the text names by a harm done to them ("those killed", "our people who were massacred")
    were harmed in an attack it has told: what their sentence says of them, who they were or how they
    died ("Most of those killed were shot by the security forces"), is that attack told again, not
    another one. Left alone when no attack is told before it."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover != "ASSAULT" or not _names_victims(d):
            continue
        if earlier := attacks_told_before(drafts, k, d):
            absorb(nearest_told(earlier), d)


_VIOLENT = frozenset({"ASSAULT", "COERCE"})
_BACK_DETS = frozenset({"the", "these", "those"})


def _doer_nouns(d: Draft) -> list[Any]:
    return [t for t in agent_tokens(d.trigger.head) if t.pos_ in ("NOUN", "PROPN")]


def _doers_named_again(d: Draft, e: Draft) -> bool:
    """``d``'s doer is a definite noun taking up ``e``'s doer ("Gunmen abducted 287 pupils ... The gunmen
    stormed the school"): the same noun, or the same actor."""
    later = [t for t in _doer_nouns(d) if t.pos_ == "NOUN" and t.ent_type_ == "" and any(
        c.dep_ == "det" and c.lower_ in _BACK_DETS for c in t.children)]
    lemmas = {t.lemma_.lower() for t in _doer_nouns(e)}
    return any(t.lemma_.lower() in lemmas for t in later)


# words whose act is killing people: an attack they name killed, with or without a count ("carried out a massacre")
_KILLING = frozenset({"kill", "killing", "massacre", "execute", "execution", "murder", "slaughter", "behead"})


def _killing(e: Draft) -> bool:
    """The attack's own word tells that it killed ("carried out a *massacre* of the faithful")."""
    head = e.trigger.head
    return head.lemma_.lower() in _KILLING or head.lower_ in _KILLING


def merge_doers_told_again(drafts: list[Draft]) -> None:
    """A deed told after another by a definite noun taking up the first one's doer, with no day or place of
    its own that differs ("Gunmen abducted 287 pupils from a school in Kaduna state on Thursday ... The
    gunmen on motorcycles stormed the government school in Kuriga and herded the children into the
    bush"): how the same happening went, not a second one. A plain attack told with no toll takes the
    later mention's more specific kind ("raided a market ... the armed men abducted dozens of traders");
    one that killed (a count, or its own word: "carried out a massacre") stays an attack."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _VIOLENT or d.realis.status not in _TOLD:
            continue
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        same = [e for e in earlier if e is not d and not e.dropped and e.typing.plover in _VIOLENT
                and e.realis.status in _TOLD and _one_family(d, e) and not _own_days_differ(d, e)
                and not _places_differ(d, e) and _doers_named_again(d, e)]
        if same:
            e = max(same, key=lambda e: e.sent_idx)
            specific = (e.typing.acled_sub in _UNSPECIFIC and d.typing.acled_sub not in _UNSPECIFIC
                        and not _counted(e) and not _killing(e))
            typing = d.typing if specific else e.typing
            absorb(e, d)
            e.typing = typing  # "raided a market ... the armed men abducted dozens of traders": an abduction


# pieces of a munition brought down: what they hit is the downed munition's doing, not an attack of its own
_DEBRIS = frozenset({"fragment", "fragments", "debris", "wreckage", "shrapnel", "piece", "pieces"})
_DISRUPTED = "Disrupted weapons use"


def _debris_phrase(head: Any) -> Any | None:
    """The phrase that did the hitting (the subject, or a passive's agent) when it names pieces of something
    ("the building was hit by *fragments of a missile*", "*debris* from a drone damaged houses")."""
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return next((d for d in doers if d.lemma_.lower() in _DEBRIS or d.lower_ in _DEBRIS), None)


def merge_debris(drafts: list[Draft]) -> None:
    """In one sentence, a hit done by the pieces of a munition told as brought down ("the building was hit by
    fragments of a Ukrainian Tochka-U missile that had been shot down") is the interception told with what its
    debris did, one happening (the corpus codes "air defences destroyed most of the rockets over the region, but
    fragments ... fell" as the interception alone). A hit by a munition itself, or by pieces of one no clause
    tells brought down, stays an attack."""
    for hit in drafts:
        if hit.dropped or hit.typing.plover != "ASSAULT" or hit.typing.acled_sub == _DISRUPTED:
            continue
        phrase = _debris_phrase(hit.trigger.head)
        if phrase is None:
            continue
        inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
        downed = [d for d in drafts if d is not hit and not d.dropped and d.typing.acled_sub == _DISRUPTED
                  and d.sent_idx == hit.sent_idx and d.trigger.head.i in inside]
        if downed:
            absorb(downed[0], hit)


# verbs of going on that a participle tells the manner of ("went from house to house, shooting people")
_GOING_ON = frozenset({"go", "move", "continue"})


def _told_on_the_way(head: Any) -> bool:
    """A participle telling how a party already told went on ("They *went* from house to house, *shooting*
    people and setting homes on fire"; "the attackers went on for hours, shooting"), or one joined to such a
    participle: the going verb's subject is a pronoun or a definite noun taking up doers told before."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.tag_ == "VBG":
        tok = tok.head
    if not (head.tag_ == "VBG" and tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.head.lemma_.lower() in _GOING_ON):
        return False
    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return any(c.tag_ == "PRP" or any(g.dep_ == "det" and g.lower_ in _BACK_DETS for g in c.children)
               for c in subjects)


def merge_raid_told_on(drafts: list[Draft]) -> None:
    """A violent act told as the manner in which its doers went on (:func:`_told_on_the_way`), after a
    violent act of the same family told before it with no other day or place, is how that happening went:
    the detail of a raid already told ("The attackers arrived late on Friday night, firing into the air ...
    They went on for hours, shooting people"), one event (events v322). Told first, it is the event and
    stays; the verb of going is no event of its own."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _VIOLENT or d.realis.status not in _TOLD:
            continue
        head = d.trigger.head
        if not _told_on_the_way(head) or any(e.trigger.head.i == head.head.i for e in drafts if e is not d):
            continue
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        same = [e for e in earlier if e is not d and not e.dropped and e.typing.plover in _VIOLENT
                and e.realis.status in _TOLD and _one_family(d, e) and not _own_days_differ(d, e)
                and not _places_differ(d, e)]
        if same:
            absorb(max(same, key=lambda e: e.sent_idx), d)
