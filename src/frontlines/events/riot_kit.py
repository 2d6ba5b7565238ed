"""The kit police use on crowds ("water cannon", "stun grenades", "tear gas", "rubber bullets"): its words name
no means of war, so a weapon is never read from them (ACLED: force used on demonstrators is typed by the protest
tree, not as shelling, a grenade or a chemical attack). events.coder drops them before it reads a weapon."""

from __future__ import annotations

from frontlines.events.lexicon import CueSet
from frontlines.events.means import Words, phrases_at


def kit_at(words: Words, kit: CueSet) -> set[int]:
    """The doc indices of the words that form a phrase of ``kit`` (each of its words: "water" and "cannon")."""
    return phrases_at(words, kit)


__all__ = ["kit_at"]
