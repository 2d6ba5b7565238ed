"""Place and date from the story around an event whose sentence names none."""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft, borrowed
from frontlines.events.roles import venue
from frontlines.events.takeover import TERRITORIAL
from frontlines.events.territory import not_taken
from frontlines.records import PlaceKind

def inherit(drafts: list[Draft]) -> None:
    """An event with no place or date of its own takes those of the event just before it in its
    paragraph when it elaborates an event of the same kind; and, whatever its kind, the date of
    the paragraph's story so far: a paragraph tells its events at the time it last named (the
    reference time of narrative: "The truce was signed in Jeddah on Saturday night. ...
    Washington said violations would be met with sanctions" was said then, not on the day of
    publication)."""
    for k, d in enumerate(drafts):
        if k == 0:
            continue
        prev = drafts[k - 1]
        if prev.paragraph != d.paragraph or d.sent_idx == prev.sent_idx:
            continue
        if d.time is None:
            told = [e for e in drafts[:k] if e.paragraph == d.paragraph and e.sent_idx < d.sent_idx
                    and e.time is not None]
            if told:
                d.time = told[-1].time
                d.inherited.add("time")
        if d.sent_idx - prev.sent_idx > 1 or prev.typing.plover != d.typing.plover:
            continue  # only an elaboration of the same kind of event shares its place
        if d.place is None and prev.place is not None:
            d.place = borrowed(prev.place, "no place in its sentence: the nearest place named before it, "
                                            "the place of the event before it")
            d.place_score = 0.5
            d.inherited.add("place")


_MATERIAL_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})
_NOT_STORY_PLACES = frozenset({PlaceKind.SEA, PlaceKind.RIVER, PlaceKind.CONTINENT})


def preceding_place(drafts: list[Draft], index: Any) -> None:
    """A material event (ACLED-coded) whose sentence names no place of its own happened where the
    story is: the nearest place named before it (not a dateline, a capital named for its
    government, or a venue), with its precision lowered, saying so."""
    from frontlines.geo.context import in_dateline

    places = [(p, root) for p, root in index.places
              if not p.metonymic and not in_dateline(p) and p.lat is not None and p.kind not in _NOT_STORY_PLACES]
    if not places:
        return
    story: dict[int, bool] = {}  # place number -> named as a place the story can be at (asked for each draft)

    def story_place(k: int, p: Any, root: Any) -> bool:
        told = story.get(k)
        if told is None:
            told = story[k] = not venue(root, root.sent.root) and not (p.kind == PlaceKind.COUNTRY and _doer(root))
        return told

    for d in drafts:
        if d.place is not None or d.typing.acled_type not in _MATERIAL_ACLED:
            continue
        # the subject of a clause the trigger is part of ("Kherson was the only capital captured"),
        # else the nearest place before it
        ancestors = {a.i for a in d.trigger.head.ancestors} | {d.trigger.head.i}
        start, end = d.sent.start, d.sent.end
        own = [(p, root) for p, root in places if start <= root.i < end
               and root.dep_ in ("nsubj", "nsubjpass") and root.head.i in ancestors]
        before = [(p, root) for k, (p, root) in enumerate(places) if root.i < start and story_place(k, p, root)]
        if own:
            p, _ = own[0]
            how = "a place named in its sentence in another role"
        elif before:
            p, _ = _innermost(before)
            how = "no place in its sentence: the nearest place named before it"
        else:
            continue
        d.place = borrowed(p, how)
        if d.typing.acled_sub in TERRITORIAL or (d.typing.plover == "ASSAULT" and d.typing.mode == "occupy"):
            d.place = not_taken(d.place)  # a place its sentence does not name changes nobody's control
        d.place_score = 0.3
        d.inherited.add("place")


def _doer(root: Any) -> bool:
    """A country named as a doer or an owner, not as a place: "occupied by Rwanda", "Rwanda denied",
    "Rwanda's President", "Rwanda-backed rebels"."""
    if root.dep_ in ("nsubj", "poss", "agent") or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return True
    return root.dep_ in ("compound", "npadvmod", "amod") and root.head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")


_DIVISION_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.COUNTRY})


def _innermost(before: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    """The nearest place before, or the name it was written as the division of ("on Zelenivka
    (Kherson region)": Zelenivka, not the region)."""
    p, root = before[-1]
    if p.kind in _DIVISION_KINDS and len(before) > 1:
        q, qroot = before[-2]
        near = 0 < root.i - qroot.i <= 4 and qroot.sent.start == root.sent.start
        inside = q.kind not in _DIVISION_KINDS and q.country == p.country and (
            p.kind == PlaceKind.COUNTRY or q.admin1 == p.admin1)
        if near and inside and q.lat is not None:
            return q, qroot
    return p, root
