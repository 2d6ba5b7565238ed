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


__all__ = ["HARM_VERBS", "headline_passive", "reduced_passive"]
