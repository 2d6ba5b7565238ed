"""The settlement a territorial event is about: what its trigger takes, gives up or hands over.

A change of control is about a settlement only when the sentence makes that
settlement an argument of the transfer predicate:

- its object or complement: "captured Kherson", "took (full) control of Goma",
  "seized most of Aleppo", "entered (into) Bakhmut", "retook the city of Izium",
  "raised the flag over Lyman", "handed Lashio back", "withdrew from Hama",
  "pulled out of Avdiivka", "the capture of Bakhmut", "the liberation of Robotyne";
- its subject where the predicate says what befell the place: "Izium was
  recaptured", "Avdiivka fell to", "Kherson is under the control of";
- the noun the predicate modifies, said of the place: "Mariupol was the only port
  captured by", "Avdiivka was one of the last towns to fall to".

The path from the trigger to the settlement runs only through the object
itself, conjuncts and appositions ("Lashio and the headquarters"), "of"
("the city of X", "control of X", "most of X"), "including", and the
preposition the predicate takes ("over", "into", "from", "out of"). A word of
direction or proximity on that path vetoes it ("towards", "near", "outside",
"around", "the outskirts of", "the approaches to"): the place is where the
fighting is, not what changed hands. A place that is not such an argument is
kept on the event for the map, with :data:`NOT_TAKEN` as its reason, and
changes nobody's control (:mod:`frontlines.control.changes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from frontlines.records import Place, PlaceKind

# Typed reasons put on the event's place (Place.reason), read by frontlines.control.changes.
TAKEN = "territory:taken"  # the settlement is what the trigger takes, gives up or hands over
NOT_TAKEN = "territory:not-taken"  # the trigger takes something else (or nothing the sentence names)
# "since the capture of Bakhmut": the settlement is taken, but the noun names no taker (the sentence's
# other actors are not it), so no side can be given the ground
TAKER_UNSTATED = "territory:taker-unstated"

# Words of direction or proximity: a settlement reached through one is where the fighting is.
DIRECTION_WORDS = frozenset({
    "towards", "toward", "near", "nearby", "outside", "around", "beyond", "close", "outskirts", "approaches",
    "approach", "edge", "edges", "vicinity", "direction", "environs", "suburbs", "suburb", "road", "gates",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "km", "kilometres", "kilometers", "miles",
})
# Words for a part of a settlement: taking one is not taking the settlement ("part of Vovchansk").
PART_WORDS = frozenset({
    "part", "parts", "district", "districts", "neighbourhood", "neighborhood", "quarter", "building",
    "headquarters", "plant", "factory", "airport", "airfield", "base", "bridge", "positions", "position",
})
_STOPS = DIRECTION_WORDS | PART_WORDS
# Prepositions that carry the taken place: "flag over X", "entered into X", "withdrew from X", "out of X".
# Not "in": "seized ground in the Donetsk region" takes ground, and names no settlement it took.
_CARRIERS = frozenset({"of", "over", "into", "from", "including", "above"})
_SUBJECT_LEMMAS = frozenset({"fall", "surrender", "be"})  # "X fell to", "X surrendered", "X is under control"
_CONTROL_NOUNS = frozenset({"control", "hands", "grip"})  # "under the control of", "in Russian hands"
_COARSE = frozenset({PlaceKind.COUNTRY, PlaceKind.SEA, PlaceKind.CONTINENT})


_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "township"})


def _down(tok: Any) -> Iterable[Any]:
    """Tokens that still name what ``tok`` names: conjuncts, appositions, "of"/"including" objects, and
    the name written before a settlement noun ("Storozheve village")."""
    settlement = tok.lemma_.lower() in _SETTLEMENT_NOUNS
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):
            yield c
        elif settlement and c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i:
            yield c
        elif c.dep_ == "prep" and c.lower_ in ("of", "including"):
            yield from (g for g in c.children if g.dep_ == "pobj")


def controllers(head: Any, tokens: Iterable[int]) -> list[Any]:
    """In "X came under the control of Y", Y: the taker, named after "of" (not the place taken)."""
    words = [head.doc[i] for i in sorted(tokens)]
    if not any(w.lower_ == "under" for w in words):
        return []
    return [g for w in words if w.lower_ in _CONTROL_NOUNS for c in w.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _argument_roots(head: Any, tokens: frozenset[int]) -> list[Any]:
    """The trigger's arguments that may be the place taken (before walking down through "of")."""
    out: list[Any] = []
    words = [head.doc[i] for i in sorted(tokens)] if tokens else [head]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
    taker = {t.i for t in controllers(head, tokens)}
    if taker:  # "X came under the control of Y": the subject is the place, Y the taker
        return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for w in words:
        for c in w.children:
            if c.i in tokens:
                continue
            if c.dep_ in ("dobj", "attr", "oprd"):
                out.append(c)
            elif c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (passive or head.lemma_.lower() in _SUBJECT_LEMMAS)):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in _CARRIERS:
                out.extend(g for g in c.children if g.dep_ == "pobj")
                # "pulled out of X": "out" is the particle, "of" its preposition
            elif c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "from"):
                        out.extend(g for g in p.children if g.dep_ == "pobj")
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        # "the only port captured by": the noun the clause says something of, and what that noun is said of
        noun = head.head
        out.append(noun)
        out.extend(_said_of(noun))
    return out


def _said_of(noun: Any) -> list[Any]:
    """"Mariupol was the only port ...", "Avdiivka was one of the last towns ...": the copula's subject."""
    cur = noun
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ == "of":
            cur = cur.head.head
            continue
        break
    if cur.dep_ == "attr" and cur.head.lemma_ == "be":
        return [c for c in cur.head.children if c.dep_ == "nsubj"]
    return []


def _reached(roots: list[Any], head: Any) -> dict[int, bool]:
    """Every token naming a taken thing, with whether a direction word lies on its path (vetoed)."""
    seen: dict[int, bool] = {}
    stack = [(r, _vetoes(r, head)) for r in roots]
    while stack:
        tok, vetoed = stack.pop()
        if tok.i in seen and (seen[tok.i] or not vetoed):
            continue
        seen[tok.i] = vetoed
        # "the city of Kherson": the compound and modifiers are part of the name; walk on through "of"
        for nxt in _down(tok):
            stack.append((nxt, vetoed or tok.lower_ in _STOPS))
    return seen


def _vetoes(root: Any, head: Any) -> bool:
    """A direction or proximity word between the trigger and this argument ("advanced towards X")."""
    if root.lower_ in DIRECTION_WORDS:
        return True
    prep = root.head if root.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ in DIRECTION_WORDS)


def _covers(place: Place, tok: Any) -> bool:
    return place.evidence.start <= tok.idx < place.evidence.end


def control_place(
    head: Any,
    tokens: Iterable[int],
    places: Iterable[tuple[Place, Any]],
    resolve: Callable[[Any], Place | None] | None = None,
) -> tuple[Place | None, bool]:
    """The place a territorial trigger takes, gives up or hands over, and whether one was looked for
    and vetoed. ``places``: (place, root token) of the places stage; ``resolve``: the gazetteer for
    a proper name the places stage passed over (it was taken for an actor, or not tagged)."""
    token_set = frozenset(tokens)
    reached = _reached(_argument_roots(head, token_set), head)
    best: tuple[int, int, Place] | None = None  # (rank, first token reached, place)
    vetoed_any = False
    for place, root in places:
        hits = [i for i in reached if _covers(place, head.doc[i]) or i == root.i]
        if not hits or place.metonymic or place.kind in _COARSE:
            continue
        if all(reached[i] for i in hits):
            vetoed_any = True
            continue
        rank = 0 if place.kind in (PlaceKind.SETTLEMENT, PlaceKind.FACILITY, None) else 1
        key = (rank, min(hits))
        if best is None or key < (best[0], best[1]):  # the first place named, in token order
            best = (rank, min(hits), place)
    if best is not None:
        return replace(best[2], reason=_with_reason(best[2].reason, TAKEN)), vetoed_any
    if resolve is not None:
        for i in sorted(reached):
            tok = head.doc[i]
            if reached[i] or tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            found = resolve(tok)
            if found is not None and found.kind is PlaceKind.SETTLEMENT and not found.metonymic:
                return replace(found, reason=_with_reason(found.reason, TAKEN)), vetoed_any
    return None, vetoed_any


def _with_reason(reason: str, code: str) -> str:
    return f"{code}; {reason}" if reason else code


def not_taken(place: Place) -> Place:
    """The event's place, marked as not what its trigger takes (kept for the map, no change of control)."""
    if place.reason.startswith(NOT_TAKEN):
        return place
    return replace(place, reason=_with_reason(place.reason.removeprefix(TAKEN + "; ").removeprefix(TAKEN), NOT_TAKEN))


def taker_unstated(place: Place) -> Place:
    """The settlement a noun trigger with no doer of its own takes ("since the capture of Bakhmut")."""
    return replace(place, reason=_with_reason(place.reason.removeprefix(TAKEN + "; ").removeprefix(TAKEN),
                                              TAKER_UNSTATED))


def is_taken(place: Place | None) -> bool:
    """Whether a stored event's place may change control, on the side of the event's actors: not
    marked :data:`NOT_TAKEN` or :data:`TAKER_UNSTATED`."""
    return place is not None and not place.reason.startswith((NOT_TAKEN, TAKER_UNSTATED))


_COMPLETED = frozenset({"complete", "finish", "conclude"})  # verbs telling an act noun done


def done_by_its_own_word(head: Any) -> bool:
    """A withdrawal a party reports as done ("said it had withdrawn", "withdrew from Vuhledar, the
    military said"): the trigger is a verb in the simple past or the perfect, with no modal, future or
    progressive auxiliary. "Announced the withdrawal", "said it would withdraw", "were withdrawing"
    report an intention or a process, not a transfer; a withdrawal noun a completion verb tells as done ("said
    the withdrawal ... *had been completed*") is reported as done as the verb is."""
    completed = head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _COMPLETED
    if completed:
        head = head.head
    if head.pos_ != "VERB" or head.tag_ not in ("VBD", "VBN"):
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "would", "to") for a in auxes):
        return False
    if head.tag_ == "VBN" and not any(a.lemma_ == "have" or (completed and a.tag_ == "VBD") for a in auxes):
        return False  # a participle on its own ("troops withdrawn from the city") is no report of the act
    return head.dep_ not in ("xcomp", "amod", "acl")


# Bare nouns for a state's own forces: "the army and Wagner retook Kidal".
_STATE_FORCE_NOUNS = frozenset({"army", "military", "troops", "soldiers", "forces", "government"})
_NATIONAL = frozenset({"NORP", "GPE"})
_STATE_WORDS = frozenset({"government", "state", "national", "regular", "federal"})  # "government troops"


def noun_names_its_taker(head: Any) -> bool:
    """A nominal trigger says who took the place: "Russia's capture of", "the Russian capture of",
    "the capture of X by Wagner". "Since the capture of Bakhmut" does not."""
    for c in head.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < head.i and (
                c.pos_ == "PROPN" or c.ent_type_ in _NATIONAL)):
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" for g in c.children):
            return True
    # "Wagner units had completed the capture of Bakhmut": the governing verb's subject took it
    verb = head.head
    return head.dep_ == "dobj" and verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children)


def home_forces(head: Any, covered: Callable[[int], bool]) -> list[Any]:
    """The trigger's doers that are a bare noun for state forces no actor covers ("the army", with
    no nationality): tokens for the caller to make actors of, the state's own forces at home."""
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [c for d in list(doers) for c in d.conjuncts]
    out = []
    for d in doers:
        if d.lower_ not in _STATE_FORCE_NOUNS or covered(d.i):
            continue
        mods = [c for c in d.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        if any(c.lower_ not in _STATE_WORDS for c in mods):
            continue  # "Russian troops", "its troops", "separatist forces": someone's, the actors stage's to judge
        out.append(d)
    return out
