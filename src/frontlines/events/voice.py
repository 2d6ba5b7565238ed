"""Voice: passives told without their auxiliary, as headlines and notes write them ("Three civilians
injured.", "Djibo besieged"), whose subject is what the act was done to, not its doer."""

from __future__ import annotations

from typing import Any


# Verbs of harm that always take an object: with a subject and none, notes and headlines write a passive
# ("Three civilians injured."); with a period of conflict as subject, they tell its running toll.
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim", "displace", "uproot"})


def reduced_passive(trigger: Any, kids: list[tuple[Any, str]] | None = None) -> bool:
    """A verb of harm with a subject but no auxiliary and no object ("Three civilians injured.", "Two
    soldiers killed near Bakhmut"): a passive as notes and headlines write it; the subject is the victim."""
    if trigger.lemma_.lower() not in HARM_VERBS or trigger.tag_ not in ("VBN", "VBD"):
        return False
    deps = [dep for _, dep in kids] if kids is not None else [c.dep_ for c in trigger.children]
    return "nsubj" in deps and not any(d in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for d in deps)


def headline_passive(trigger: Any, place_subject: bool = False) -> bool:
    """A verb told as a passive without its auxiliary, as headlines and notes write it ("Djibo besieged",
    "Trostianets shelled", "Antonivka hit by drone"): a subject, no auxiliary and no object, and the
    verb a past participle, or with a "by" phrase, or in the past with a place as its subject
    (``place_subject``: a settlement does not shell; "Russian forces shelled overnight" stays active).
    Its subject is what the act was done to."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBN", "VBD"):
        return False
    kids = [(c, c.dep_) for c in trigger.children]
    deps = [dep for _, dep in kids]
    if "nsubj" not in deps or any(d in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for d in deps):
        return False
    by = any(dep == "agent" or (dep == "prep" and c.lower_ == "by") for c, dep in kids)
    return trigger.tag_ == "VBN" or by or place_subject



def acted_on(verb: Any) -> list[Any]:
    """What a verb acts on: its object or passive subject, or, in a clause that describes a noun without
    one ("the declaration *the two governments signed* in April", "the accord *signed* in Doha"), that
    noun (its relative pronoun, "the truce *that* both sides signed", stands for it)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the truce *that* both sides signed": the relative pronoun stands for the noun
        if not objects or all(o.tag_ in ("WDT", "WP") or o.lower_ == "that" for o in objects):
            return [verb.head]
    return objects


def passive_subjects(verb: Any) -> list[Any]:
    """The subjects of a passive verb, with those the parser labelled as active ones: a subject it hung on the
    verb or on the verb's passive auxiliary ("The Croix-des-Bouquets prison, on the capital's eastern edge, was
    also overrun": "prison" the subject of "was"), or the subject of a "be" the participle was read as the
    complement of ("The prison was also overrun", "overrun" an ``acomp``), is what the act was done to, never its
    doer. Empty for an active verb, except its own ``nsubjpass``."""
    out = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acomp" and not verb.tag_.startswith("JJ") and verb.head.lemma_.lower() == "be" and (
            verb.head.i != verb.i):
        # the participle read as the complement of "be" ("the prison was also overrun": "was" the root, "overrun"
        # tagged a noun); an adjective there ("were tired") tells a state, no act
        out.extend(c for c in verb.head.children if c.dep_ == "nsubj")
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if not aux:
        return out
    out.extend(c for c in verb.children if c.dep_ == "nsubj")
    out.extend(g for a in aux for g in a.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


__all__ = ["HARM_VERBS", "acted_on", "headline_passive", "passive_subjects", "reduced_passive"]
