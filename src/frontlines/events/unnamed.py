"""A settlement the sentence does not name: "a village in eastern Ukraine" is the village the story names next.

A wire report's first sentence often tells where by a common noun and its area ("A Russian glide bomb hit ...
in a village in eastern Ukraine") and names the settlement in the next ("The bomb struck Yarova, a village in the
Donetsk region"). The area is only where the settlement lies; the event happened at the settlement, which is the
first one named after it, shortly after, inside that area. Asked after ``roles.choose_place``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.areas import inside_area
from frontlines.events.roles import DocIndex
from frontlines.records import Place, PlaceKind

# common nouns for a settlement (a closed class): "a village", "a town", "a small border town"
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet"})
_AREAS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.RELATIVE})
NEXT_SENTENCES = 2  # how far after the unnamed settlement its name may come


def named_later(place: Place | None, index: DocIndex, sent: Any) -> Place | None:
    """The settlement an unnamed one in ``place`` stands for ("in a village in eastern Ukraine" -> the
    first settlement inside eastern Ukraine named in the next sentences), or None: ``place`` is no area
    written after "a village in", or no such settlement is named."""
    from frontlines.geo.context import in_dateline

    if place is None or place.kind not in _AREAS or place.metonymic:
        return None
    root = next((r for _, p, r in index.in_sentence("places", sent) if p is place), None)
    if root is None or not _of_unnamed_settlement(root):
        return None
    for later, later_root in index.places:
        if later_root.i <= root.i:
            continue
        if sum(1 for t in root.doc[root.i + 1 : later_root.i + 1] if t.is_sent_start) > NEXT_SENTENCES:
            return None
        if later.kind == PlaceKind.SETTLEMENT and not later.metonymic and not in_dateline(later) \
                and inside_area(later, place):
            noun = root.head.head.lemma_.lower()
            return replace(later, reason=f"the {noun} in {place.name or place.text} the story names next; {later.reason}")
    return None


def _of_unnamed_settlement(root: Any) -> bool:
    """The area is where an indefinite settlement noun lies: "a village in eastern Ukraine", "a town of Kharkiv"."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "of"):
        return False
    noun = root.head.head
    return noun.lemma_.lower() in SETTLEMENT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
