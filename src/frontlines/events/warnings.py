"""Warnings: a warning is a threat (PLOVER THREATEN) only when what it warns of is a harm to come ("warned that the
number and scale of missile strikes would increase", "warn the Kigali regime that any new attack will receive an
appropriate response", "warned that police will no longer tolerate rallies").

A forecast of a state, a content clause whose verb is a copula with its complement ("warned that a spill from the
tanker *would be* four times the size of the Exxon Valdez disaster"), tells what the warner expects to be so, no act
of anyone's: no threat, and no event of its own. Advice to the ones warned ("had warned residents not to move north")
is left a threat: dropping it cost a pair in the check half (docs/accuracy.md, "Fifteenth session, branch
precision12").

The mechanism is the shape of what "warn" takes (a copular content clause), read from the dependency tree; the
trigger is the lexicon's own "warn" (its key), not a list of words met in errors.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import COPULAS

_WARN = "warn"


def _forecast(clause: Any) -> bool:
    """A content clause whose verb is a copula with a complement ("would be four times the size")."""
    return clause.lemma_.lower() in COPULAS and any(c.dep_ in ("attr", "acomp") for c in clause.children)


def warns_of_no_harm(d: Draft) -> bool:
    """A THREATEN read from "warn" whose every content clause is a forecast of a state (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "THREATEN" or d.trigger.spec.key != _WARN or head.pos_ != "VERB":
        return False
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_forecast(c) for c in clauses)


def drop_warnings_of_no_harm(drafts: list[Draft]) -> None:
    """Mark as dropped the warnings of one sentence's ``drafts`` that warn of no harm (``warns_of_no_harm``)."""
    for d in drafts:
        if not d.dropped and warns_of_no_harm(d):
            d.dropped = True


__all__ = ["drop_warnings_of_no_harm", "warns_of_no_harm"]
