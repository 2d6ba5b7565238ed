"""A line with no verb that names an attack, in a timed entry, is a bulletin of a happening the article
tells in full.

Live blogs, wire flashes and monitors' feeds open with lines that name what is going on before anyone
says what it was: "01:12 Explosions in the capital.", "01:40 Ballistic missiles.", "BREAKING 00:40 -
Series of heavy strikes on Ras Isa fuel port.", "09:15 UPDATE: nine dead and more than 70 injured in
Kyiv", each in an entry that a clock time opens. Such a line has no verb of its own (no finite verb, no
verb with a subject, and a noun or a number at its root): it names the happening, and the sentence that
tells it with a verb ("a missile hit a residential building in Sviatoshynskyi district") is where ACLED
codes it, once per place and day. The bulletin joins the nearest such telling of an attack in the
article, before or after it (the earlier on a tie: an update follows what it updates), when no place or
day of their own tells them apart. A line with a verb ("58 killed, 126 injured in US strikes on Ras Isa
port last night": "killed" is its root) is a telling; a verbless line outside a timed entry (a headline,
a caption) is left to the other merges; a bulletin with no telling of its kind in the article stays the
event, and so does one its own entry tells below it (a later sentence of the entry merged into it:
"21:40 A drone attack on Mayskiy. A car was damaged, the driver was slightly injured").
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb, live
from frontlines.records import EventStatus
from frontlines.stages import doc_text

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BULLETIN_TYPES = frozenset({"ASSAULT"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})
# a timed entry: a clock time opens the paragraph, after a flag word or none ("01:40 Ballistic missiles.",
# "BREAKING 00:40 - Series of heavy strikes")
_TIMED_ENTRY = re.compile(r"\W*(?:[A-Z]{3,}\s+)?\d{1,2}[:.]\d{2}\b")


def verbless(sent: Any) -> bool:
    """A sentence with no verb of its own: no finite verb, and no verb at its root ("Explosions in the
    capital."; "UPDATE: nine dead and more than 70 injured in Kyiv")."""
    if sent.root.pos_ in ("VERB", "AUX") or any(t.tag_ in _FINITE for t in sent):
        return False
    # a verb with a subject is a clause, whatever its tag ("GENEVA (12 May 2023) - Malian troops ... summarily
    # executed at least 500 people": the parser put the dateline at the root and read a past as a participle)
    return not any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                   for t in sent)


def timed_entry(sent: Any) -> bool:
    """The sentence is in a paragraph that a clock time opens: a live blog's or a feed's entry."""
    text = doc_text(sent.doc)  # not doc.text, which joins every token again on each access
    line = text.rfind("\n", 0, sent.start_char) + 1
    if _TIMED_ENTRY.match(text, line) is not None:
        return True
    # the clock time on a line of its own over the entry ("15:20\nA massive strike on Belgorod."): the paragraph opens with it
    paragraph = text.rfind("\n\n", 0, sent.start_char)
    return paragraph >= 0 and paragraph + 2 < line and _TIMED_ENTRY.match(text, paragraph + 2) is not None


def _fits(bulletin: Draft, telling: Draft) -> bool:
    return (telling.typing.plover == bulletin.typing.plover and telling.realis.status in _TOLD
            and places_compatible(telling.place, bulletin.place) and times_compatible(telling.time, bulletin.time))


def _told_in_its_entry(bulletin: Draft, drafts: list[Draft]) -> bool:
    """The bulletin's own entry tells the happening below its line ("21:40 A drone attack on Mayskiy in the
    Belgorod district. A car was damaged, the driver was slightly injured"): a later sentence of its
    paragraph was merged into it, so the entry is where the happening is told, not a line naming one told
    elsewhere."""
    return any(o.dropped and o.sent_idx > bulletin.sent_idx and o.paragraph == bulletin.paragraph
               and live(o) is bulletin for o in drafts)


def told_in_its_own_entry(d: Draft, drafts: list[Draft]) -> bool:
    """``d`` is a bulletin whose own timed entry tells the happening below its line: where the happening is told,
    which no other telling of the article absorbs (merges that join tellings of one happening leave it alone)."""
    return _told_in_its_entry(d, drafts) and verbless(d.sent) and timed_entry(d.sent)


def merge_bulletins(drafts: list[Draft]) -> None:
    """Join each bulletin of an attack to the nearest telling of it (see the module docstring)."""
    verbless_of: dict[int, bool] = {}

    def is_bulletin(d: Draft) -> bool:
        if d.sent_idx not in verbless_of:
            verbless_of[d.sent_idx] = verbless(d.sent) and timed_entry(d.sent)
        return verbless_of[d.sent_idx]

    for d in drafts:
        if d.dropped or d.typing.plover not in _BULLETIN_TYPES or d.realis.status is not EventStatus.HAPPENED:
            continue
        if not is_bulletin(d) or _told_in_its_entry(d, drafts):
            continue
        tellings = {id(e): e for e in (live(o) for o in drafts) if e is not d and not e.dropped
                    and e.sent_idx != d.sent_idx and not is_bulletin(e) and _fits(d, e)}
        if not tellings:
            continue
        keep = min(tellings.values(), key=lambda e: (abs(e.sent_idx - d.sent_idx), e.sent_idx))
        typing = keep.typing
        absorb(keep, d)
        keep.typing = typing
