"""What the time rules share: the regex pieces, a rule and a handler's result, the
normalisation context (reference date, temporal focus, tense), and small word helpers."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontlines.records import Resolution, TimeType
from frontlines.time import normalise as nz
from frontlines.time.lexicon import (
    MONTH_RE,
    MONTHS,
    SMALL_NUMBERS,
    TENS,
    UNITS,
    WEEKDAY_RE,
)

# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_WD = rf"(?P<wd>{WEEKDAY_RE})"
_MON = rf"(?P<mon>{MONTH_RE})"
_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
_EDGE = r"(?P<edge>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|start))"
_SEASON = r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
_APPROX = (
    r"(?:(?i:about|almost|nearly|some|more\s+than|less\s+than|fewer\s+than|roughly|around|over|under|at\s+least"
    r"|up\s+to|only|just|approximately|barely|well\s+over)\s+)"
)

_PAST_CUES = re.compile(
    r"\b(?:said|was|were|had|did|ago|last|earlier|told|announced|reported|killed|took|began|came|went|saw)\b"
    r"|\b\w{3,}ed\b",
    re.I,
)
_FUTURE_CUES = re.compile(
    r"(?:\b(?:will|shall|going\s+to|plans?\s+to|scheduled\s+(?:to|for)|upcoming|tomorrow|is\s+to|are\s+to"
    r"|intends?\s+to|until)\b|'ll\b|\bwo\s*n't\b)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n")


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], "_Context"], "_Out | None"]
    accept: Callable[[re.Match[str], str], bool] | None = None
    priority: int = 0


@dataclass(frozen=True, slots=True)
class _Out:
    """What a handler makes of one match."""

    type: TimeType
    value: str | None
    granularity: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    resolution: Resolution = Resolution.EXPLICIT
    anchor: str | None = None
    span: tuple[int, int] | None = None  # a narrower span than the match, when the match carried context


def _out(norm: nz.Norm, resolution: Resolution, anchor: str | None = None, type_: TimeType = TimeType.DATE) -> _Out:
    return _Out(type_, norm.value, norm.granularity, norm.start, norm.end, resolution, anchor)


@dataclass(slots=True)
class _Context:
    """State while normalising one text: reference date, temporal focus, tense lookup."""

    text: str
    ref: dt.date | None
    doc: Any = None
    focus: nz.Norm | None = None  # last resolved calendar date of any granularity
    focus_day: nz.Norm | None = None  # last resolved day
    focus_day_at: int = -1  # where in the text that day was named
    said_day: nz.Norm | None = None  # last day a statement was made on ("said on Monday"), which sets no focus
    said_day_at: int = -1
    focus_quarter: nz.Norm | None = None  # last resolved quarter (financial reporting)
    focus_explicit: bool = False  # the focus carries its own year ("March 2022"), not the publication's
    token_starts: list[int] = field(default_factory=list)

    # ---- tense ---------------------------------------------------------
    def tense(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 unknown, for the clause around [start, end)."""
        if self.doc is not None:
            found = self._doc_tense(start)
            if found is not None:
                return found
        lo, hi = _sentence_bounds(self.text, start, end)
        before, after = self.text[lo:start], self.text[end:hi]
        clause = before[-60:] + " " + after[:40]
        if _FUTURE_CUES.search(clause):
            return 1
        if _PAST_CUES.search(clause):
            return -1
        return 0

    def _doc_tense(self, start: int) -> int | None:
        if not self.token_starts:
            self.token_starts = [t.idx for t in self.doc]
        i = bisect.bisect_right(self.token_starts, start) - 1
        if i < 0:
            return None
        token = self.doc[i]
        for _ in range(5):  # climb to the governing verb
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return None
        words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if token.pos_ == "AUX":
            words.add(token.lower_)
        if words & {"will", "shall", "'ll", "wo", "going", "would"}:
            return 1
        if token.lemma_ in _SCHEDULE_VERBS and (words & {"is", "are", "be", "'s", "'re"} or token.tag_ in ("VBZ", "VBP")):
            return 1  # "is scheduled for Monday", "is expected on Friday", "plans to meet Friday"
        if token.tag_ == "VBD" or words & {"had", "did", "was", "were"}:
            return -1
        if token.tag_ == "VBN" and words & {"has", "have", "'s", "'ve"}:
            return -1
        if token.tag_ == "VBN" and not words:
            return -1  # a reduced relative or headline past ("talks held Monday")
        return 0

    # ---- focus -----------------------------------------------------------
    def remember(self, out: _Out) -> None:
        if out.type not in (TimeType.DATE, TimeType.TIME) or out.start is None or out.end is None:
            return
        if not out.value or not out.value[:1].isdigit():
            return
        norm = nz.Norm(out.value, out.granularity, out.start, out.end)
        if out.resolution is Resolution.ANCHORED and out.granularity not in ("day", "time"):
            return  # "a year earlier" compares with the focus; it does not move it
        self.focus = norm
        self.focus_explicit = out.resolution is Resolution.EXPLICIT
        if out.granularity in ("day", "time"):
            self.focus_day = norm
        if out.granularity == "quarter":
            self.focus_quarter = norm


_SCHEDULE_VERBS = frozenset({"schedule", "expect", "plan", "set", "due", "intend", "slate", "hope", "aim"})


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    last = None
    for m in _SENTENCE_END.finditer(text, lo, start):
        last = m
    lo = last.end() if last else lo
    m2 = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    hi = m2.start() + 1 if m2 else min(len(text), end + 300)
    return lo, hi


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _number(text: str) -> float | None:
    """The amount in a quantity phrase; None for vague quantifiers ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.lower().strip()).replace("-", " ")
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("a dozen",):
        return 12.0
    if t in ("a couple of", "couple of"):
        return 2.0
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if t.endswith(" 1/2"):
        half, t = 0.5, t[:-4]
    try:
        return float(t) + half
    except ValueError:
        pass
    total, current, seen = 0, 0, False
    for word in t.split():
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "a":
            current += 1
        else:
            return None
        seen = True
    return float(total + current) + half if seen else None


def _unit_key(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


_UNIT_GRANULARITY = {
    "day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
    "year": "year", "decade": "decade", "century": "century",
}


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z']+)\W*$", text[max(0, start - 25):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z']+)", text[end:end + 25])
    return m.group(1) if m else ""
