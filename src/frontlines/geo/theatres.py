"""A war's land: the occupier's armed forces named in a text point to the land they fight in.

The resolver counts the peoples an article names as half a vote for their country ("Israeli
officials" speak for Israel). A people named as an armed force or its fire ("Russian troops",
"Russian shelling", "Israeli strikes", "the Russians shelled ...") is no evidence for its home
country, though, when the actor registry knows that country as the occupier in a war of
occupation: its forces are at war on the land it occupies, and a one-line report of their deed
names a place of that land. "Russian troops shelled Volchansk" is Vovchansk in Kharkiv oblast, not
Volchansk in the Urals; "Seversk hit by Russian glide bombs" is Siversk, not the city in Tomsk
oblast. The vote goes to the occupied land instead (the registry's ``occupiers``: occupied state ->
occupier; an occupier of several lands points to none of them). The occupied state's own forces
("Ukrainian missiles hit Tokmak") already vote for their land; a people named otherwise ("Russian
officials", "the Russian president") keeps its vote.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from frontlines.geo.gazetteer import Gazetteer, normalise_name

# Heads that make a people's name an armed force or its fire: forces, their men and arms, and the
# nouns of their deeds ("Russian shelling", "the Israeli offensive").
MILITARY_HEADS = frozenset({
    "force", "forces", "troop", "troops", "army", "military", "soldier", "soldiers", "serviceman", "servicemen",
    "unit", "units", "aviation", "aircraft", "jet", "jets", "warplane", "warplanes", "bomber", "bombers",
    "artillery", "artilleryman", "artillerymen", "navy", "fleet", "paratrooper", "paratroopers", "marine",
    "marines", "tank", "tanks", "missile", "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells",
    "shelling", "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "fire", "bombardment",
    "bomb", "bombs", "bombing", "offensive", "assault", "invader", "invaders", "occupier", "occupiers", "invasion", "occupation",
    "aggression", "raid", "raids", "gunfire", "sniper", "snipers",
})
# a people's name as the subject of a clause ("the Russians shelled Kherson region"): a collective doer
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# how a people's name hangs on the noun it qualifies ("Russian troops", "Russian Aerospace Forces")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def _armed(tok: Any) -> bool:
    """``tok`` (a people's name) names an armed force or its fire: the noun it qualifies (through a
    chain of modifiers: "Russian Aerospace Forces") is a military head, or it is the plural subject of
    a clause ("the Russians shelled")."""
    if tok.dep_ in _SUBJECTS and tok.text.lower().endswith("s"):
        return True
    head = tok
    for _ in range(4):
        if head.dep_ not in _MODIFIER_DEPS or head.head is head:
            break
        head = head.head
        if head.lower_ in MILITARY_HEADS:
            return True
    return False


def war_lands(doc: Any, nations: set[str], gazetteer: Gazetteer, occupiers: Mapping[str, str] | None) -> set[str]:
    """``nations`` (the countries of the peoples the article names), with each occupier whose forces
    the article names replaced by the one land it occupies in a registered war."""
    if not occupiers:
        return nations
    occupied: dict[str, list[str]] = {}
    for land, occupier in occupiers.items():
        occupied.setdefault(occupier, []).append(land)
    at_war = {o: lands[0] for o, lands in occupied.items() if len(lands) == 1}
    out = set(nations)
    if not len(doc):
        return out
    from spacy.attrs import IS_ALPHA, ORTH, SHAPE

    # read by hash, with no Token built and few strings decoded: an alphabetic word whose shape begins with "x"
    # begins with a small letter (spaCy's shapes write a capital "X", a small letter "x"); each distinct other
    # word is looked up once as a people's name when capitalised; a Token only for a word naming the people
    # of an occupier at war, in the Doc's order
    strings = doc.vocab.strings
    demonyms = gazetteer.demonyms
    small: dict[int, bool] = {}  # shape -> begins with a small letter
    occupier_of: dict[int, str | None] = {}
    hits: list[tuple[int, str]] = []
    for i, (orth, alpha, shape) in enumerate(doc.to_array([ORTH, IS_ALPHA, SHAPE]).tolist()):
        if not alpha:
            continue
        lower = small.get(shape)
        if lower is None:
            lower = small[shape] = strings[shape].startswith("x")
        if lower:
            continue
        if orth in occupier_of:
            iso3 = occupier_of[orth]
        else:
            iso3 = None
            text = strings[orth]
            if text[:1].isupper():
                key = normalise_name(text)
                iso3 = demonyms.get(key) or demonyms.get(key[:-1] if key.endswith("ns") else key)
                iso3 = iso3 if iso3 in at_war else None
            occupier_of[orth] = iso3
        if iso3 is not None:
            hits.append((i, iso3))
    for i, iso3 in hits:
        if _armed(doc[i]):
            out.discard(iso3)
            out.add(at_war[iso3])
    return out
