"""Who reports an event: an independent outlet, or one of the parties claiming it.

A report is a party's own claim when the article attributes the event to a
ministry, an army, a spokesman, a governor, a Telegram channel and the like
(``Event.attributed_to``), or to one of the event's own actors that is a
military, government, police or rebel body, or when the outlet itself is such a
body. Otherwise the outlet reports the event as fact, or on the word of a
non-party (witnesses, the UN, a monitoring group), and the report counts as
independent.
"""

from __future__ import annotations

import re

from frontlines.records import Actor, Event, Sector

# Words that mark a speaker as a party to the fighting (or its official channel).
# Lower case; matched as whole words in the attribution or the outlet name.
_PARTY_WORDS = (
    "ministry", "minister", "ministers", "mod", "military", "army", "armed forces", "forces", "general staff",
    "command", "commander", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
    "president", "presidential", "kremlin", "government", "administration", "officials", "official",
    "authorities", "telegram", "channel", "militia", "brigade", "battalion", "regiment", "separatist",
    "separatists", "rebels", "rebel", "insurgents", "militants", "defence", "defense", "navy", "air force",
    "national guard", "border guard", "security service", "sbu", "fsb", "wagner", "prime minister",
    "adviser", "advisor", "head of", "chief of staff", "headquarters", "press service",
)
_PARTY_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_PARTY_WORDS, key=len, reverse=True)) + r")\b")

# Non-party attributions that look like officials but are not a side's claim.
_NEUTRAL_RE = re.compile(
    r"\b(?:united nations|un|unhcr|ohchr|osce|icrc|red cross|amnesty|human rights watch|hrw|iaea|"
    r"witness(?:es)?|residents?|monitor(?:s|ing)?|institute for the study of war|isw|analysts?|journalists?|"
    r"correspondents?|reporters?|satellite)\b"
)

_PARTY_SECTORS = frozenset({Sector.MILITARY, Sector.GOVERNMENT, Sector.POLICE, Sector.REBEL})


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def actor_side(actor: Actor) -> str | None:
    """The conflict side an actor stands for: its side, else its country."""
    return actor.side or actor.country


def _attributed_actor(event: Event) -> Actor | None:
    """The event's own actor the attribution names, if any (e.g. the army that claims its capture)."""
    who = _norm(event.attributed_to)
    if not who:
        return None
    for actor in (*event.sources, *event.targets):
        names = {_norm(actor.name), _norm(actor.text)}
        if who in names or any(n and (n in who or who in n) for n in names):
            return actor
    return None


def is_party_claim(event: Event, outlet: str | None = None) -> bool:
    """True when the report is a party's own claim rather than an outlet's independent report."""
    if outlet and _PARTY_RE.search(_norm(outlet)) and not _NEUTRAL_RE.search(_norm(outlet)):
        return True
    who = _norm(event.attributed_to)
    if not who:
        return False
    actor = _attributed_actor(event)
    if actor is not None and actor.sector in _PARTY_SECTORS:
        return True
    if _NEUTRAL_RE.search(who):
        return False
    return bool(_PARTY_RE.search(who))


def claiming_side(event: Event, outlet: str | None = None) -> str | None:
    """The side (ISO3 or group) whose claim this report relays, when it can be told; else the attribution."""
    if not is_party_claim(event, outlet):
        return None
    actor = _attributed_actor(event)
    if actor is not None and actor_side(actor):
        return actor_side(actor)
    return event.attributed_to or outlet
