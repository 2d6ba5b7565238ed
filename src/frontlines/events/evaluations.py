"""Evaluations of a happening told before: a sentence that says what a told happening is tells nothing new.

After an article has told an attack, a later sentence may take it up by a definite noun and say what it is or how
it stands ("*These attacks* by outlaw groups are a terrorist act against the economic infrastructure"; "*The
strikes* are part of a campaign to cripple the grid"; "*The offensive* is unlikely to succeed before winter"): the
noun refers back, the copula's complement judges or classifies it, and no happening is added. The stage drops such
a mention when

- its trigger is an event noun with a definite determiner or a possessive ("the", "this", "these", "that",
  "those", "its", "Russia's") that is the subject of "be", "remain" or "seem" with a predicative noun or adjective,
  or of "come" placed against another happening ("*The attack came* two days after Russia launched its largest
  aerial attack"; "*The bombing came* a day after an earthquake struck");
- neither the noun nor its verb names a day or a time of its own (a day would make it a telling: "the attack on
  Monday was the deadliest"; one in the complement or the time clause is another's: "could have been retaliation
  for an operation on Friday"); and
- an earlier sentence of the article has told a happening of the same PLOVER type (what it refers back to).

A sentence on its own ("The attack on the market was the deadliest this year"; "The strike was a war crime, the UN
said") has nothing before it to refer to: its noun is the one telling of its happening and stays, as do the
snippets of CASE and PLOVER. A bare noun (events.generic.kind_subject reads those) and a predicate telling how the
happening went ("the fighting was heavy") are other shapes.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft

# determiners that make an event noun refer to a happening the reader knows
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# verbs of being whose complement says what the subject is
_BEING = frozenset({"be", "remain", "seem", "appear"})
# prepositions that give a verb a day of its own ("came on Monday")
_ON = frozenset({"on", "in", "at"})
# words that place a happening against another ("came after", "came as", "came amid")
_RELATIVE_TIME = frozenset({"after", "before", "as", "amid", "amidst", "while", "following", "during", "days"})
# predicative adjectives that tell how a happening went, not what it is: such a clause tells the happening
_HOW_IT_WENT = frozenset({"heavy", "intense", "fierce", "ongoing", "underway", "continuing", "widespread", "over",
                          "deadly", "fatal"})


def _definite(noun: Any) -> bool:
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children)


def _dated(noun: Any, verb: Any) -> bool:
    """The noun or its verb names a day or a time of its own ("the attack *on Tuesday* was", "came *on Monday*");
    one inside the complement or a time clause belongs to what they name ("retaliation for an operation on Friday")."""
    own = [noun, *(c for c in verb.children if c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ in _ON))]
    return any(t.ent_type_ in ("DATE", "TIME") for o in own for t in o.subtree)


def _placed_in_time(verb: Any) -> bool:
    """"Come" with a clause or a phrase placing it against another happening ("came two days after Russia
    launched ..."; "came as talks resumed"; "came amid protests")."""
    if verb.lemma_.lower() != "come":
        return False
    return any((c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _RELATIVE_TIME for m in c.children))
               or (c.dep_ == "prep" and c.lower_ in _RELATIVE_TIME) for c in verb.children)


def evaluated_reference(d: Draft) -> bool:
    """Whether the draft's trigger is a definite event noun that a copula says is something, with no day of its
    own (the shape of the module docstring; whether anything came before is for the caller)."""
    noun = d.trigger.head
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or not _definite(noun):
        return False
    verb = noun.head
    if _placed_in_time(verb):
        return not _dated(noun, verb)
    if verb.lemma_.lower() not in _BEING:
        return False
    complements = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    if not complements or any(c.lemma_.lower() in _HOW_IT_WENT for c in complements):
        return False
    return not _dated(noun, verb)


def drop_evaluations_of_deeds_told(sent_drafts: list[Draft], told: list[Draft]) -> None:
    """Mark as dropped the drafts of one sentence that evaluate a happening an earlier sentence told (``told``: the
    article's drafts kept so far; see the module docstring)."""
    kinds = {d.typing.plover for d in told if not d.dropped}
    if not kinds:
        return
    for d in sent_drafts:
        if not d.dropped and d.typing.plover in kinds and evaluated_reference(d):
            d.dropped = True


__all__ = ["drop_evaluations_of_deeds_told", "evaluated_reference"]
