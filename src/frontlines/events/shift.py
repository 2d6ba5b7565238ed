"""A day counted from another happening: "a day after", "two days before", "a week after".

"The army shelled the camp, a day after talks in Jeddah collapsed on Sunday": the date the sentence names is the
talks', and the shelling came a day after it (Monday). "The bodies were found on Monday, a day after militants
attacked the village": the date named is the finding's, and the attack came a day before it (Sunday). The phrase
measures the distance between two happenings of one sentence; the event on the other side of "after" (or
"before") from the named day is that many days away from it (TimeML's anchored times: a duration and a direction
from an anchor). Only a counted day or week ("a day", "two days", "one week"): "days after" or "hours after" says
no number of days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from frontlines.events.tree import doc_tree
from frontlines.records import Resolution, TimeValue

_UNIT_DAYS = {"day": 1, "week": 7}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
_DIRECTION = {"after": 1, "before": -1}


def _count(measure: Any) -> int | None:
    """How many units ``measure`` ("day", "days", "week") counts: "a day" 1, "two days" 2, "3 days" 3."""
    for c in measure.children:
        if c.dep_ in ("det", "nummod") and (c.lower_ in _COUNTS or c.text.isdigit()):
            return _COUNTS.get(c.lower_) or int(c.text)
    return None


def _shift_phrase(sent: Any) -> tuple[int, Any] | None:
    """(signed days, the anchor: the clause or noun "after"/"before" governs) of the sentence's one counted
    distance ("a day after talks ... collapsed", "three days after the bombing"), else None."""
    doc = sent.doc
    tree = doc_tree(doc)
    lower, dep = tree.lower, tree.dep
    found = None
    for i in range(sent.start, sent.end):  # by index: a Token is built only for an "after" or "before"
        if lower[i] not in _DIRECTION or dep[i] not in ("mark", "prep"):
            continue
        tok = doc[i]
        measures = [m for m in (*tok.children, *(tok.head.children if tok.dep_ == "mark" else ()), tok.head)
                    if m.dep_ == "npadvmod" and m.lemma_.lower() in _UNIT_DAYS and (m.i < tok.i)]
        counts = [(n * _UNIT_DAYS[m.lemma_.lower()], m) for m in measures if (n := _count(m)) is not None]
        if not counts:
            continue
        if found is not None:
            return None  # two distances in one sentence: which is whose is not told by this rule
        days = counts[0][0] * _DIRECTION[tok.lower_]
        anchor = tok.head if tok.dep_ == "mark" else next((c for c in tok.children if c.dep_ == "pobj"), None)
        if anchor is None:
            return None
        found = (days, anchor)
    return found


def counted_from(time: TimeValue | None, root: Any, trigger: Any, sent: Any) -> TimeValue | None:
    """The event's day when its sentence counts it from another happening's: ``time`` (with its ``root`` token)
    named on one side of "a day after" and the trigger on the other. A date in the anchor ("a day after talks
    collapsed on Sunday") gives the trigger outside it the day that many days later; a date outside it ("found on
    Monday, a day after militants attacked") gives the trigger inside it the day that many days earlier. Only a
    day's date (a month or a week is not moved by a day); else ``time`` unchanged."""
    if time is None or root is None or time.granularity not in ("day", "time") or time.start is None:
        return time
    phrase = _shift_phrase(sent)
    if phrase is None:
        return time
    days, anchor = phrase
    inside = {t.i for t in anchor.subtree}
    date_in, trigger_in = root.i in inside, trigger.i in inside
    if date_in == trigger_in:
        return time
    delta = dt.timedelta(days=days if date_in else -days)
    day = time.start + delta
    return replace(time, value=day.isoformat(), start=day, end=day, granularity="day",
                   resolution=Resolution.ANCHORED, anchor=time.value)
