"""Contents of plans, threats and calls named by a noun: what a plan is to do is no happening of its own.

A noun of intent takes what it intends as an infinitive ("a plan *to merge* the RSF into the army", "a threat by
President Putin *to sever* Ukraine's access to the sea", "efforts *to negotiate* the release of the hostages") or
as a modal relative clause ("a U.S. plan to end the war, which *would require* Ukraine *to give up* territory").
The content is a happening only as far as the plan is told being made, and then it is the plan's event:

- **told by the noun's own event**: when the noun of intent is itself an event word of the sentence ("a *threat*
  ... to sever"; "*calls* ... to free"), the content is what that event is about; one event, the noun's;
- **a plan named in passing**: a noun of intent that stands in a phrase of another noun ("weeks of tension *over a
  plan* to merge"; "the risks *after a threat* to sever") or that is the subject of what befell it ("*Efforts* to
  negotiate have stalled"; "*The plan* to merge caused anger") tells no one making it: its content is background,
  no event;
- **what the plan would do**: a content told in a relative clause with "would" or "could" is what the plan would
  bring about if adopted, no party's act.

A plan told being made keeps its content as the event, with the status the realis rules give it: the noun as the
object or the passive subject of its verb ("*unveiled a plan* to annex four regions", "*a plan* to send troops *was
approved*"). So does an infinitive that is a verb's complement ("threatened *to attack*", "vowed *to retake*"),
read by events.realis.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft

# nouns whose infinitive or modal relative clause says what someone intends, proposes or asks to be done
INTENT_NOUNS = frozenset({
    "plan", "proposal", "threat", "effort", "call", "offer", "pledge", "promise", "vow", "intention", "ambition",
    "goal", "aim", "scheme", "initiative", "idea", "demand", "appeal", "request", "ultimatum",
})

# the modals of a relative clause that tells what a plan would bring about
_WOULD = frozenset({"would", "could"})

# dependency labels a climb from the trigger to the noun's clause may pass: inside one clause of the content
_INSIDE = frozenset({"dobj", "pobj", "prep", "xcomp", "compound", "amod", "conj", "prt", "attr", "oprd", "advmod"})


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _modal(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _WOULD for c in tok.children)


def intent_noun(d: Draft) -> tuple[Any, bool] | None:
    """The noun of intent whose content the draft's trigger is, and whether the content is a modal relative clause
    ("which would require ..."); None when the trigger is no such content. The climb from the trigger stays inside
    the content's clauses: it stops at a verb with a subject of its own other than the relative clause's."""
    tok = d.trigger.head
    would = False
    for _ in range(8):
        parent = tok.head
        if parent.i == tok.i:
            return None
        intent = parent.pos_ == "NOUN" and parent.lemma_.lower() in INTENT_NOUNS
        if tok.dep_ == "acl" and _infinitive(tok) and intent:
            return parent, would
        if tok.dep_ == "relcl" and _modal(tok):
            if intent:
                return parent, True
            would = True  # "a plan to end the war, which would require ...": what the plan's end would bring
        elif tok.dep_ not in _INSIDE and not (tok.dep_ == "acl" and _infinitive(tok)):
            return None
        tok = parent
    return None


def _named_in_passing(noun: Any) -> bool:
    """The noun of intent stands in a phrase of another noun or is the subject of what befell it."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "nsubj":
        return True
    if noun.dep_ == "pobj":
        prep = noun.head
        return prep.head.pos_ in ("NOUN", "PROPN", "ADJ")
    return False


def plan_content(d: Draft, heads: dict[int, Draft]) -> bool:
    """Whether the draft is the content of a noun of intent that tells no event of its own (see the module
    docstring; ``heads``: the sentence's drafts by their trigger's head)."""
    found = intent_noun(d)
    if found is None:
        return False
    noun, would = found
    other = heads.get(noun.i)
    if other is not None and other is not d:
        return True
    return would or _named_in_passing(noun)


def drop_plan_contents(drafts: list[Draft]) -> None:
    """Mark as dropped the drafts of one sentence that are the content of a plan, a threat or a call named by a
    noun (see the module docstring)."""
    heads = {d.trigger.head.i: d for d in drafts if not d.dropped}
    for d in drafts:
        if not d.dropped and plan_content(d, heads):
            d.dropped = True


__all__ = ["INTENT_NOUNS", "drop_plan_contents", "intent_noun", "plan_content"]
