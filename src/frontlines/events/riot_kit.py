"""The kit police use on crowds ("water cannon", "stun grenades", "tear gas", "rubber bullets"): its words name
no means of war, so a weapon is never read from them (ACLED: force used on demonstrators is typed by the protest
tree, not as shelling, a grenade or a chemical attack). events.coder drops them before it reads a weapon."""

from __future__ import annotations

from frontlines.events.lexicon import CueSet
from frontlines.events.means import Words


def kit_at(words: Words, kit: CueSet) -> set[int]:
    """The doc indices of the words that form a phrase of ``kit`` (each of its words: "water" and "cannon")."""
    at, lowers, _lemmas = words
    out: set[int] = set()
    for phrase in kit.phrases:
        parts = phrase.split()
        n = len(parts)
        first = parts[0]
        for k, low in enumerate(lowers):
            if low == first and lowers[k:k + n] == parts:
                out.update(int(i) for i in at[k:k + n])
    return out


__all__ = ["kit_at"]
