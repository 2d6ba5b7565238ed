"""A death toll told in a sentence of its own is the count of a happening the article has told, not a second
happening (corpus/events/README.md, conventions for every part, rule 7): "According to the latest data, 14
people have been killed", "At least three were killed in the attack". The toll's figures are the latest the text
gives, so they replace the attack's figures of the same kind (not added to them); the attack keeps its own doer,
attribution, status and day: the toll sentence's source and time tell the count, not the happening."""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.merge import attacks_told_before, nearest_told
from frontlines.events.voice import HARM_VERBS

# the kinds of count a toll tells: the dead and the hurt
_TOLL_KINDS = frozenset({"killed", "injured", "casualties"})
# people a harm participle can describe in a toll ("44 civilians killed"): the verb's own noun or a count
_DESCRIBED = frozenset({"acl", "amod", "relcl"})


def _toll(d: Draft, drafts: list[Draft]) -> bool:
    """``d`` is a toll told on its own: an attack whose trigger is a harm verb's participle, passive with counted
    people as its subject or describing them ("14 people have been killed", "forty-four civilians killed"),
    with no doer (no active subject, no "by" agent), and no other mention in its sentence."""
    h = d.trigger.head
    if d.typing.plover != "ASSAULT" or h.tag_ != "VBN" or h.lemma_.lower() not in HARM_VERBS:
        return False
    if not any(q.kind in _TOLL_KINDS for q in d.quantities):
        return False
    kids = [c.dep_ for c in h.children]
    if any(dep in ("nsubj", "agent", "dobj") for dep in kids):
        return False
    counted = [c for c in h.children if c.dep_ == "nsubjpass"] if "nsubjpass" in kids else (
        [h.head] if h.dep_ in _DESCRIBED else [])
    if not any(_has_count(n) for n in counted) or not _no_happening_of_its_own(h):
        return False
    return not any(e is not d and not e.dropped and e.sent_idx == d.sent_idx for e in drafts)


def _has_count(noun: Any) -> bool:
    """The noun is a number or is counted by one ("three", "14 people", "at least 11")."""
    return noun.pos_ == "NUM" or noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


# determiners that take up something told before ("in the attack", "in this strike")
_BACK = frozenset({"the", "this", "that", "these", "those"})


def _no_happening_of_its_own(h: Any) -> bool:
    """The toll names no happening of its own: no clause under it telling one ("nine of its staff were killed
    *when gunmen attacked* its health post") and no phrase naming one by a noun that takes up nothing told
    before ("were killed *during clashes* in Kabkabiya"; "killed *in the attack*" takes up the attack)."""
    verbs = [h, *(c for c in h.children if c.dep_ == "conj" and c.pos_ == "VERB")]  # "killed and 11 wounded when"
    if any(c.dep_ == "advcl" for v in verbs for c in v.children):
        return False
    for prep in (c for v in verbs for c in v.children if c.dep_ == "prep"):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            if not any(d.dep_ in ("det", "poss") and (d.dep_ == "poss" or d.lower_ in _BACK) for d in obj.children) \
                    and obj.ent_type_ == "":
                return False
    return True


def take_toll(attack: Draft, toll: Draft) -> None:
    """``attack`` takes ``toll``'s figures as its latest: each kind the toll counts replaces the attack's figures of
    that kind when it is no smaller (a toll rises: "11 killed ... 14 people have been killed"); a smaller one counts
    a part of the victims ("Three employees of the agency were killed") and the attack keeps its own. The attack
    keeps its doer, targets, attribution, status and day. The toll gives only its count: its place and
    day stay the attack's (taking the toll's place when the attack had none lost check acc@25 0.738 -> 0.735)."""
    taken = []
    for kind in {q.kind for q in toll.quantities}:
        new = [q for q in toll.quantities if q.kind == kind]
        old = [q for q in attack.quantities if q.kind == kind]
        if not old or _top(new) >= _top(old):
            taken.append(kind)
    attack.quantities = tuple(q for q in attack.quantities if q.kind not in taken) + tuple(
        q for q in toll.quantities if q.kind in taken)
    toll.dropped = True
    toll.merged_into = attack


def _top(qs: list[Any]) -> float:
    return max((q.value if q.value is not None else q.low or 0.0) for q in qs)


def merge_tolls(drafts: list[Draft]) -> None:
    """A toll told on its own (:func:`_toll`) after an attack the text tells as done in its paragraph or the one
    before, at no other place and on no other day, is that attack's latest count (:func:`take_toll`), the nearest
    such attack before it. Left alone when none is told that close: a toll further on may count another happening
    (events v252, tried across any paragraphs, lost check figures; v400 allows the paragraph before, where live
    blogs and wires put their updated tolls, at one check attribution: attributed_to 0.715 -> 0.713)."""
    for k, d in enumerate(drafts):
        if d.dropped or not _toll(d, drafts):
            continue
        if earlier := [e for e in attacks_told_before(drafts, k, d) if d.paragraph - e.paragraph <= 1]:
            take_toll(nearest_told(earlier), d)


__all__ = ["merge_tolls", "take_toll"]
