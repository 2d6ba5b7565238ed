"""Find temporal expressions in text and normalise them to TIMEX3 values.

Recognition is a set of precompiled regular expressions (one per kind of
expression) run over the raw text; overlapping candidates are settled longest
first. Normalisation then walks the kept expressions in text order, so that an
expression such as "the next day" can anchor on the last date the text named
(the temporal focus, as in TimeML), while "yesterday" or "in March" resolve
against the reference date (the publication date).

Tense decides which way an underspecified date points ("on Friday" in a past
tense sentence is the last Friday, in a future one the next). With a spaCy Doc
the governing verb's tag and auxiliaries say it; without one, a few cue words in
the sentence do.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontlines.records import Evidence, Resolution, TimeType, TimeValue
from frontlines.time import normalise as nz
from frontlines.time.lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    FIXED_HOLIDAYS,
    MONTH_RE,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    QUANTITY_RE,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    TIME_UNITS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
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
    focus_quarter: nz.Norm | None = None  # last resolved quarter (financial reporting)
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


# --------------------------------------------------------------------------
# Handlers: one per rule; each returns an _Out or None to drop the match
# --------------------------------------------------------------------------

def _h_full_date(m: re.Match[str], ctx: _Context) -> _Out | None:
    mon = _month_num(m.group("mon"))
    day_ = int(m.group("day"))
    if not 1 <= day_ <= 31:
        return None
    year_txt = m.group("year")
    if year_txt:
        try:
            d = dt.date(int(year_txt), mon, day_)
        except ValueError:
            return None
        return _day_out(m, d, Resolution.EXPLICIT, None)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-{mon:02d}-{day_:02d}", "day", resolution=Resolution.UNRESOLVED)
    year_ = nz.infer_year(ctx.ref, mon, day_, ctx.tense(m.start(), m.end()))
    try:
        d = dt.date(year_, mon, day_)
    except ValueError:
        return None
    return _day_out(m, d, Resolution.PUBLICATION, ctx.ref.isoformat())


def _day_out(m: re.Match[str], d: dt.date, resolution: Resolution, anchor: str | None) -> _Out:
    part = _part_code(m)
    norm = nz.day(d, part)
    return _out(norm, resolution, anchor, TimeType.TIME if part else TimeType.DATE)


def _part_code(m: re.Match[str]) -> str | None:
    groups = m.re.groupindex
    if "part" in groups and m.group("part"):
        return PARTS_OF_DAY[m.group("part").lower()]
    return None


def _h_iso(m: re.Match[str], ctx: _Context) -> _Out | None:
    try:
        d = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    if m.group("hh"):
        return _out(nz.clock(d, int(m.group("hh")), int(m.group("mm"))), Resolution.EXPLICIT, type_=TimeType.TIME)
    return _out(nz.day(d), Resolution.EXPLICIT)


def _h_numeric_date(m: re.Match[str], ctx: _Context) -> _Out | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    # US order (month/day) unless the first number cannot be a month
    month_, day_ = (a, b) if a <= 12 else (b, a)
    try:
        d = dt.date(y, month_, day_)
    except ValueError:
        return None
    return _out(nz.day(d), Resolution.EXPLICIT)


def _h_month_rel_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    """"April last year", "in November of next year": the month of the year the words name."""
    mon = _month_num(m.group("mon"))
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-{mon:02d}", "month", resolution=Resolution.UNRESOLVED)
    rel = " ".join(m.group("yrel").lower().split())
    year_ = ctx.ref.year + {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(rel, 0)
    return _out(nz.month(year_, mon), Resolution.PUBLICATION, ctx.ref.isoformat())


def _h_month_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _out(nz.month(int(m.group("year")), _month_num(m.group("mon"))), Resolution.EXPLICIT)


def _accept_month_alone(m: re.Match[str], text: str) -> bool:
    word = m.group("mon").rstrip(".").lower()
    if m.group("rel") or m.group("edge"):
        return True
    prev = _prev_word(text, m.start())
    nxt = _next_word(text, m.end())
    if nxt[:1].isupper() and nxt.lower() not in ("and", "or"):
        return False  # "May Day", "August Strindberg", "March Madness"
    if word in AMBIGUOUS_MONTHS:
        # "May" the name and the modal, "March" the verb: a month only after a
        # preposition or determiner that takes a time ("in March", "since May")
        return prev in _MONTH_PREPOSITIONS
    if m.group("mon").endswith(".") and prev not in _MONTH_PREPOSITIONS:
        return False
    return True


_MONTH_PREPOSITIONS = frozenset(
    "in since by until till through from during of last next this early late mid before after between "
    "to and or until throughout around for on".split()
)


def _h_month_alone(m: re.Match[str], ctx: _Context) -> _Out | None:
    mon = _month_num(m.group("mon"))
    rel = (m.group("rel") or "").lower().split()
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-{mon:02d}", "month", resolution=Resolution.UNRESOLVED)
    ref = ctx.ref
    if rel and rel[-1] == "last" or rel == ["this", "past"]:
        # "last February" said in March is a year back: February of this year would be "last month"
        year_ = ref.year if mon < ref.month - 1 else ref.year - 1
    elif rel and rel[-1] == "next":
        year_ = ref.year if mon > ref.month else ref.year + 1
    elif rel and rel[-1] == "this":
        year_ = ref.year
    else:
        year_ = nz.infer_year(ref, mon, None, ctx.tense(m.start(), m.end()))
    return _out(nz.month(year_, mon), Resolution.PUBLICATION, ref.isoformat())


def _h_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    year_ = int(m.group("year"))
    if ctx.ref is not None and year_ > ctx.ref.year + 60:
        return None
    return _out(nz.year(year_), Resolution.EXPLICIT)


def _accept_year(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 2):m.start()]
    if before[-1:] in "$£€#" or re.search(r"\d[,.]$", before):
        return False
    after = text[m.end():m.end() + 12]
    if re.match(r"(?:\s*%|\s*per\s*cent|\s*percent|,\d|\.\d|\s*(?:km|kg|m|mm)\b|-\d{3})", after, re.I):
        return False
    nxt = _next_word(text, m.end()).lower()
    if nxt in COUNT_NOUNS:
        return False
    prev = _prev_word(text, m.start())
    return prev not in ("no", "number", "nos", "page", "flight", "route", "model", "room", "about", "some")


def _h_decade(m: re.Match[str], ctx: _Context) -> _Out | None:
    if m.group("cent"):
        year_ = int(m.group("cent") + m.group("dec") + "0")
    else:
        year_ = 1900 + int(m.group("short")) * 10
    return _out(nz.decade(year_), Resolution.EXPLICIT)


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}


def _accept_weekday(m: re.Match[str], text: str) -> bool:
    if m.group("rel") or m.group("part"):
        return True
    nxt = _next_word(text, m.end())
    # "Sunday Times", "Wednesday Addams": a name, not a day
    return not (nxt[:1].isupper() and nxt.lower() not in WEEKDAYS and nxt.rstrip(".").lower() not in MONTHS)


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Out | None:
    wd = WEEKDAYS[m.group("wd").lower()]
    part = _part_code(m)
    rel = " ".join((m.group("rel") or "").lower().split())
    if m.group("plural"):
        return _Out(TimeType.SET, f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-WXX-{wd + 1}", "day", resolution=Resolution.UNRESOLVED)
    ref = ctx.ref
    if rel in ("last", "this past", "the previous", "past"):
        d = nz.weekday_near(ref - dt.timedelta(days=1), wd, -1)
    elif rel in ("next", "the following", "this coming", "coming"):
        d = nz.weekday_near(ref + dt.timedelta(days=1), wd, 1)
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == 0:
            back, ahead = nz.weekday_near(ref, wd, -1), nz.weekday_near(ref, wd, 1)
            d = ahead if (ahead - ref).days < (ref - back).days else back
        else:
            d = nz.weekday_near(ref, wd, 1 if tense > 0 else -1)
    norm = nz.day(d, part)
    return _out(norm, Resolution.PUBLICATION, ref.isoformat(), TimeType.TIME if part else TimeType.DATE)


_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_deictic_day(m: re.Match[str], ctx: _Context) -> _Out | None:
    word = m.group("w").lower()
    part = _part_code(m) or ("NI" if word == "tonight" else None)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "day", resolution=Resolution.UNRESOLVED)
    d = ctx.ref + dt.timedelta(days=_DEICTIC_DAYS[word])
    return _out(nz.day(d, part), Resolution.PUBLICATION, ctx.ref.isoformat(),
                TimeType.TIME if part and word != "tonight" else TimeType.DATE)


def _h_part_of_day(m: re.Match[str], ctx: _Context) -> _Out | None:
    rel = " ".join(m.group("rel").lower().split())
    part = PARTS_OF_DAY[m.group("part").lower()]
    if rel in ("this", "mid", "early", "late"):
        if ctx.ref is None:
            return _Out(TimeType.TIME, None, "day", resolution=Resolution.UNRESOLVED)
        return _out(nz.day(ctx.ref, part), Resolution.PUBLICATION, ctx.ref.isoformat(), TimeType.TIME)
    if rel == "last":
        if ctx.ref is None:
            return _Out(TimeType.TIME, None, "day", resolution=Resolution.UNRESOLVED)
        return _out(nz.day(ctx.ref - dt.timedelta(days=1), part), Resolution.PUBLICATION, ctx.ref.isoformat(),
                    TimeType.TIME)
    offset = 1 if rel in ("the next", "the following") else 0
    return _anchored_day(ctx, offset, part)


def _anchored_day(ctx: _Context, offset: int, part: str | None = None) -> _Out:
    """A day counted from the last day the text named, else from the publication date."""
    base = ctx.focus_day
    if base is not None and base.start is not None:
        d = base.start + dt.timedelta(days=offset)
        return _out(nz.day(d, part), Resolution.ANCHORED, base.value, TimeType.TIME if part else TimeType.DATE)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "day", resolution=Resolution.UNRESOLVED)
    d = ctx.ref + dt.timedelta(days=offset)
    return _out(nz.day(d, part), Resolution.PUBLICATION, ctx.ref.isoformat(), TimeType.TIME if part else TimeType.DATE)


_REL_OFFSETS = {
    "last": -1, "past": -1, "previous": -1, "this past": -1, "the previous": -1, "the last": -1,
    "this": 0, "current": 0, "the current": 0, "this coming": 1, "the latest": 0,
    "next": 1, "coming": 1, "the coming": 1,
}
_ANCHOR_OFFSETS = {"the following": 1, "the next": 1, "that": 0, "the same": 0, "the preceding": -1,
                   "the previous": -1, "the prior": -1}


def _h_relative_unit(m: re.Match[str], ctx: _Context) -> _Out | None:
    rel = " ".join(m.group("rel").lower().split())
    unit_word = " ".join(m.group("unit").lower().split())
    prev = _prev_word(ctx.text, m.start())
    if unit_word in SEASONS:
        return _season(ctx, rel, SEASONS[unit_word], m)
    unit = {"fiscal year": "year", "weekend": "weekend"}.get(unit_word, unit_word)
    if rel in ("the next", "the following", "the coming", "the past", "the last") and prev in (
        "over", "in", "within", "during", "for", "throughout", "through", "of"
    ) and unit != "weekend":
        # "over the next year": a stretch of time, not a calendar unit
        amount = 1.0
        code = UNITS[unit]
        out = _Out(TimeType.DURATION, nz.duration(amount, code, False), _UNIT_GRANULARITY.get(unit))
        if ctx.ref is not None:
            span = nz.duration_interval(ctx.ref, amount, unit, 1 if "next" in rel or "coming" in rel or "following" in rel else -1)
            if span:
                out = _Out(out.type, out.value, out.granularity, span[0], span[1], Resolution.PUBLICATION,
                           ctx.ref.isoformat())
        return out
    if rel in _ANCHOR_OFFSETS and not (rel == "the previous" and ctx.focus is None):
        offset = _ANCHOR_OFFSETS[rel]
        base = ctx.focus
        if base is not None and base.start is not None:
            if unit == "weekend":
                return _out(nz.week(base.start + dt.timedelta(weeks=offset), weekend=True), Resolution.ANCHORED, base.value)
            return _out(nz.relative(base.start, unit, offset), Resolution.ANCHORED, base.value)
        if rel in ("that", "the same"):
            return None if ctx.ref is None else _out(nz.relative(ctx.ref, unit, 0) if unit != "weekend" else nz.week(ctx.ref, True), Resolution.PUBLICATION, ctx.ref.isoformat())
    offset = _REL_OFFSETS.get(rel, _ANCHOR_OFFSETS.get(rel, 0))
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, _UNIT_GRANULARITY.get(unit, "week"), resolution=Resolution.UNRESOLVED)
    if unit == "weekend":
        d = ctx.ref
        if offset == 0:
            tense = ctx.tense(m.start(), m.end())
            # past-tense "this weekend" on a weekday is the one just gone
            if tense < 0 and d.weekday() < 5:
                offset = -1
        return _out(nz.week(d + dt.timedelta(weeks=offset), weekend=True), Resolution.PUBLICATION, ctx.ref.isoformat())
    if rel == "the latest" and unit == "quarter":
        return _latest_quarter(ctx)
    return _out(nz.relative(ctx.ref, unit, offset), Resolution.PUBLICATION, ctx.ref.isoformat())


def _season(ctx: _Context, rel: str, code: str, m: re.Match[str]) -> _Out | None:
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-{code}", "season", resolution=Resolution.UNRESOLVED)
    ref = ctx.ref
    cur_year = ref.year if not (code == "WI" and ref.month <= 2) else ref.year - 1
    order = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    begun = (ref.month >= order) or (code == "WI" and ref.month <= 2)
    offset = _REL_OFFSETS.get(rel, 0)
    if offset < 0:
        year_ = cur_year - 1 if not begun or code == "WI" and ref.month <= 2 else cur_year
        # the season only counts as "last" once it is over
        if begun and ref.month <= order + 2 and not (code == "WI" and ref.month <= 2):
            year_ = cur_year - 1
    elif offset > 0:
        year_ = cur_year + 1 if begun else cur_year
    else:
        year_ = cur_year
    return _out(nz.season(year_, code), Resolution.PUBLICATION, ref.isoformat())


def _h_season_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _out(nz.season(int(m.group("year")), SEASONS[m.group("season").lower()]), Resolution.EXPLICIT)


def _h_ago(m: re.Match[str], ctx: _Context) -> _Out | None:
    amount = _number(m.group("q"))
    unit = _unit_key(m.group("unit"))
    direction = m.group("dir").lower()
    sign = 1 if direction in ("later", "from now", "hence") else -1
    granularity = _UNIT_GRANULARITY.get(unit)
    if unit in TIME_UNITS or granularity is None:
        return _Out(TimeType.DURATION, nz.duration(amount, UNITS[unit], unit in TIME_UNITS), None,
                    span=(m.start("q"), m.end("unit")))
    if amount is None or not float(amount).is_integer():
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _Out(TimeType.DATE, value, None, None, ctx.ref, Resolution.DEFAULT)
    n = int(amount) * sign
    if direction == "ago" and unit == "year" and ctx.focus is not None and ctx.focus.granularity == "quarter":
        # financial reporting: "a year ago" compares with the quarter under discussion
        focus_start = ctx.focus.start
        if focus_start is not None:
            moved_q = nz.shift(focus_start, "year", n)
            return _out(nz.at_granularity(moved_q, "quarter"), Resolution.ANCHORED, ctx.focus.value)
    if unit in ("decade", "century") and ctx.ref is not None and direction in ("ago", "from now", "hence"):
        # "a decade ago" names a year, not a decade
        return _out(nz.relative(ctx.ref, "year", n * (10 if unit == "decade" else 100)), Resolution.PUBLICATION,
                    ctx.ref.isoformat())
    if direction in ("ago", "from now", "hence"):
        if ctx.ref is None:
            return _Out(TimeType.DATE, None, granularity, resolution=Resolution.UNRESOLVED)
        return _out(nz.relative(ctx.ref, "week" if unit == "fortnight" else unit, n * (2 if unit == "fortnight" else 1)),
                    Resolution.PUBLICATION, ctx.ref.isoformat())
    # "a year earlier", "two days later": counted from the text's focus, kept at its granularity
    base = ctx.focus or (nz.day(ctx.ref) if ctx.ref else None)
    if base is None or base.start is None:
        return _Out(TimeType.DATE, None, granularity, resolution=Resolution.UNRESOLVED)
    moved = nz.shift(base.start, "week" if unit == "fortnight" else unit, n * (2 if unit == "fortnight" else 1))
    gran = base.granularity if _finer(base.granularity, granularity) else granularity
    resolution = Resolution.ANCHORED if ctx.focus else Resolution.PUBLICATION
    return _out(nz.at_granularity(moved, gran or "day"), resolution, base.value)


_GRAN_ORDER = ["time", "day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]


def _finer(a: str | None, b: str | None) -> bool:
    if a not in _GRAN_ORDER or b not in _GRAN_ORDER:
        return False
    return _GRAN_ORDER.index(a) < _GRAN_ORDER.index(b) and a not in ("time", "season")


def _h_year_ago_adj(m: re.Match[str], ctx: _Context) -> _Out | None:
    """ "year-earlier", "year-ago": the focus quarter (or the reference year) a year back."""
    if ctx.focus_quarter is not None and ctx.focus_quarter.start is not None and m.group("unit"):
        d = nz.shift(ctx.focus_quarter.start, "year", -1)
        return _out(nz.at_granularity(d, "quarter"), Resolution.ANCHORED, ctx.focus_quarter.value)
    if ctx.focus_quarter is not None and ctx.focus_quarter.start is not None:
        d = nz.shift(ctx.focus_quarter.start, "year", -1)
        return _out(nz.at_granularity(d, "quarter"), Resolution.ANCHORED, ctx.focus_quarter.value)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "year", resolution=Resolution.UNRESOLVED)
    return _out(nz.relative(ctx.ref, "year", -1), Resolution.PUBLICATION, ctx.ref.isoformat())


def _latest_quarter(ctx: _Context) -> _Out | None:
    if ctx.focus_quarter is not None:
        q = ctx.focus_quarter
        return _Out(TimeType.DATE, q.value, q.granularity, q.start, q.end, Resolution.ANCHORED, q.value)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "quarter", resolution=Resolution.UNRESOLVED)
    # the last quarter that is over by the reference date: what a quarterly report covers
    d = nz.shift(ctx.ref, "quarter", -1)
    return _out(nz.at_granularity(d, "quarter"), Resolution.PUBLICATION, ctx.ref.isoformat())


def _h_the_quarter(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _latest_quarter(ctx)


def _h_quarter(m: re.Match[str], ctx: _Context) -> _Out | None:
    q = ORDINALS[m.group("ord").lower()]
    year_txt = m.group("yr") or m.group("yr2")
    rel = " ".join((m.group("rel") or m.group("rel2") or "").lower().split())
    if year_txt:
        return _out(nz.quarter(int(year_txt), q), Resolution.EXPLICIT)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-Q{q}", "quarter", resolution=Resolution.UNRESOLVED)
    year_ = ctx.ref.year
    if "last" in rel or "ago" in rel or "earlier" in rel or "prior" in rel:
        year_ -= 1
    elif "next" in rel:
        year_ += 1
    elif not rel and q > (ctx.ref.month - 1) // 3 + 1 and ctx.tense(m.start(), m.end()) < 0:
        year_ -= 1  # "fourth-quarter results" reported in January: last year's
    return _out(nz.quarter(year_, q), Resolution.PUBLICATION, ctx.ref.isoformat())


def _h_half(m: re.Match[str], ctx: _Context) -> _Out | None:
    h = 1 if m.group("ord").lower() == "first" else 2
    if m.group("yr"):
        return _out(nz.half(int(m.group("yr")), h), Resolution.EXPLICIT)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-H{h}", "half", resolution=Resolution.UNRESOLVED)
    rel = (m.group("rel") or "").lower()
    year_ = ctx.ref.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    return _out(nz.half(year_, h), Resolution.PUBLICATION, ctx.ref.isoformat())


def _h_this_year_words(m: re.Match[str], ctx: _Context) -> _Out | None:
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "year", resolution=Resolution.UNRESOLVED)
    return _out(nz.year(ctx.ref.year), Resolution.PUBLICATION, ctx.ref.isoformat())


def _h_duration(m: re.Match[str], ctx: _Context) -> _Out | None:
    unit = _unit_key(m.group("unit"))
    q = m.group("q")
    amount = _number(q)
    if q.lower() in ("a", "an") and unit in ("second", "quarter") :
        return None
    code = UNITS[unit]
    value = nz.duration(amount, code, unit in TIME_UNITS)
    before = ctx.text[max(0, m.start() - 14):m.start()].lower()
    if q.lower() in ("a", "an") and re.search(r"(?:\d|%|percent|times|twice|once|cents?|dollars?)\W*$", before):
        return _Out(TimeType.SET, value, None)  # "5% a year", "twice a day"
    direction = (m.group("dir") or "").lower()
    start = end = None
    resolution = Resolution.EXPLICIT
    anchor = None
    if ctx.ref is not None and direction:
        sign = 1 if direction in ("next", "coming") else -1 if direction in ("past", "last", "previous") else 0
        if sign:
            span = nz.duration_interval(ctx.ref, amount, "week" if unit == "fortnight" else unit, sign)
            if span:
                start, end = span
                resolution, anchor = Resolution.PUBLICATION, ctx.ref.isoformat()
    return _Out(TimeType.DURATION, value, _UNIT_GRANULARITY.get(unit), start, end, resolution, anchor)


def _accept_duration(m: re.Match[str], text: str) -> bool:
    q = m.group("q").lower()
    unit = m.group("unit").lower()
    nxt = text[m.end():m.end() + 12].lower()
    if unit.startswith("quarter") and re.match(r"\s+of\b", nxt):
        return False  # "a quarter of a million"
    if q in ("a", "an", "one") and unit in ("second",):
        return False
    if q == "one" and re.match(r"\s+of\b", nxt):
        return False  # "one day of ..."? still a duration, but "one of" never matches here
    if unit in ("seconds", "minutes") and q in ("a", "an"):
        return False
    if re.search(r"(?i)[-\s]old$", m.group(0)) or re.match(r"\s+old\b", nxt):
        return False  # an age ("a 52-year-old"), not a stretch of time
    return True


_BARE_PLURAL_BEFORE = frozenset(
    "for over within in after take took takes taking last lasted lasting spent spend wait waited than "
    "recent past next few".split()
)


def _accept_bare_plural(m: re.Match[str], text: str) -> bool:
    if m.group("recent"):
        return True
    if m.group("unit").lower() == "quarters":
        return False
    prev = _prev_word(text, m.start())
    nxt = _next_word(text, m.end()).lower()
    if prev in _BARE_PLURAL_BEFORE:
        return True
    return nxt in ("ago", "earlier", "later", "before", "after", "prior", "long")


def _h_bare_plural(m: re.Match[str], ctx: _Context) -> _Out | None:
    unit = _unit_key(m.group("unit"))
    if m.group("recent") and m.group("recent").lower() != "recent":
        # "in (the) coming weeks": FUTURE_REF, a stretch that starts on the reference date
        return _Out(TimeType.DATE, "FUTURE_REF", _UNIT_GRANULARITY.get(unit, unit), ctx.ref, None,
                    Resolution.PUBLICATION if ctx.ref else Resolution.DEFAULT,
                    ctx.ref.isoformat() if ctx.ref else None)
    if m.group("recent"):
        # "in recent weeks": PAST_REF, covering a stretch that ends on the reference date
        start = None
        if ctx.ref is not None and unit in _UNIT_GRANULARITY:
            start = nz.shift(ctx.ref, "week" if unit == "fortnight" else unit, -3)
        return _Out(TimeType.DATE, "PAST_REF", _UNIT_GRANULARITY.get(unit, unit), start, ctx.ref,
                    Resolution.PUBLICATION if ctx.ref else Resolution.DEFAULT,
                    ctx.ref.isoformat() if ctx.ref else None)
    return _Out(TimeType.DURATION, nz.duration(None, UNITS[unit], unit in TIME_UNITS), _UNIT_GRANULARITY.get(unit))


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "in the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the near future": "FUTURE_REF", "the coming": "FUTURE_REF",
}


def _h_ref(m: re.Match[str], ctx: _Context) -> _Out | None:
    word = " ".join(m.group("w").lower().split())
    value = _REFS.get(word) or _REFS.get(word.removeprefix("more ").removeprefix("most ")) or "PAST_REF"
    start = end = None
    if ctx.ref is not None:
        if value == "PRESENT_REF":
            start = end = ctx.ref
        elif value == "PAST_REF":
            end = ctx.ref
        else:
            start = ctx.ref
    return _Out(TimeType.DATE, value, None, start, end, Resolution.DEFAULT)


def _accept_ref(m: re.Match[str], text: str) -> bool:
    word = m.group("w").lower()
    nxt = _next_word(text, m.end()).lower()
    if word in ("once", "previously", "formerly", "soon", "shortly", "future", "lately"):
        return False  # adverbs TimeML corpora rarely mark; "the future" stays
    if word == "now" and nxt in ("that",):
        return True
    if word == "current" and nxt in ("account", "accounts", "affairs", "events", "flows", "flow", "river"):
        return False
    if word == "future" and text[max(0, m.start() - 4):m.start()].lower().strip() == "the":
        return True
    return True


_SETS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "quarterly": "P3M", "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M",
    "fortnightly": "P2W",
}


def _h_set_adverb(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _Out(TimeType.SET, _SETS[m.group("w").lower()], None)


_FUNCTION_WORDS = frozenset(
    "in on at and or to for by from with since until through over during the a an as than but since basis "
    "until after before while when if is are was were be been has have had will would".split()
)


def _accept_set_adverb(m: re.Match[str], text: str) -> bool:
    # "paid quarterly", "twice daily": a frequency. Before a noun, "daily shelling" still
    # recurs, but "quarterly dividend" or "monthly report" names a kind of report.
    if m.group("w").lower() not in ("quarterly", "monthly", "yearly", "annually", "biweekly", "fortnightly"):
        return True
    nxt = _next_word(text, m.end())
    if not nxt or not nxt[:1].islower():
        return True
    between = text[m.end():m.end() + 3]
    if between[:1] in ",.;:)":
        return True
    return nxt in _FUNCTION_WORDS


def _h_every(m: re.Match[str], ctx: _Context) -> _Out | None:
    what = m.group("what")
    low = what.lower()
    amount = _number(m.group("q")) if m.group("q") else 1.0
    if m.group("q") and m.group("q").lower() == "other":
        amount = 2.0
    if low in WEEKDAYS:
        return _Out(TimeType.SET, f"XXXX-WXX-{WEEKDAYS[low] + 1}", None)
    if low.rstrip(".") in MONTHS:
        return _Out(TimeType.SET, f"XXXX-{_month_num(low):02d}", None)
    if low in PARTS_OF_DAY:
        return _Out(TimeType.SET, "P1D", None)  # "every morning": daily
    unit = _unit_key(low)
    if unit not in UNITS:
        return None
    return _Out(TimeType.SET, nz.duration(amount, UNITS[unit], unit in TIME_UNITS), None)


def _h_clock(m: re.Match[str], ctx: _Context) -> _Out | None:
    hour = int(m.group("h"))
    minute = int(m.group("min")) if m.group("min") else None
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if m.group("morning"):
        w = m.group("morning").lower()
        if w in ("evening", "night", "afternoon") and hour < 12:
            hour += 12
    if hour > 23 or (minute is not None and minute > 59):
        return None
    d = _clock_date(m, ctx)
    if d is None:
        return _Out(TimeType.TIME, None, "time", resolution=Resolution.UNRESOLVED)
    day_, resolution, anchor = d
    return _out(nz.clock(day_, hour, minute), resolution, anchor, TimeType.TIME)


def _clock_date(m: re.Match[str], ctx: _Context) -> tuple[dt.date, Resolution, str | None] | None:
    if m.group("wd2"):
        if ctx.ref is None:
            return None
        wd = WEEKDAYS[m.group("wd2").lower()]
        d = nz.weekday_near(ctx.ref, wd, 1 if ctx.tense(m.start(), m.end()) > 0 else -1)
        return d, Resolution.PUBLICATION, ctx.ref.isoformat()
    if m.group("dw"):
        if ctx.ref is None:
            return None
        return ctx.ref + dt.timedelta(days=_DEICTIC_DAYS[m.group("dw").lower()]), Resolution.PUBLICATION, ctx.ref.isoformat()
    if m.group("mon2"):
        mon = _month_num(m.group("mon2"))
        day_ = int(m.group("day2"))
        if ctx.ref is None:
            return None
        year_ = nz.infer_year(ctx.ref, mon, day_, ctx.tense(m.start(), m.end()))
        try:
            return dt.date(year_, mon, day_), Resolution.PUBLICATION, ctx.ref.isoformat()
        except ValueError:
            return None
    if ctx.focus_day is not None and ctx.focus_day.start is not None:
        return ctx.focus_day.start, Resolution.ANCHORED, ctx.focus_day.value
    if ctx.ref is None:
        return None
    return ctx.ref, Resolution.PUBLICATION, ctx.ref.isoformat()


def _h_noon(m: re.Match[str], ctx: _Context) -> _Out | None:
    word = m.group("w").lower()
    hour = {"noon": 12, "midday": 12, "midnight": 24}[word]
    if ctx.focus_day is not None and ctx.focus_day.start is not None:
        d, res, anchor = ctx.focus_day.start, Resolution.ANCHORED, ctx.focus_day.value
    elif ctx.ref is not None:
        d, res, anchor = ctx.ref, Resolution.PUBLICATION, ctx.ref.isoformat()
    else:
        return _Out(TimeType.TIME, None, "time", resolution=Resolution.UNRESOLVED)
    if hour == 24:
        return _Out(TimeType.TIME, f"{d.isoformat()}T24:00", "time", d, d, res, anchor)
    return _out(nz.clock(d, hour, 0), res, anchor, TimeType.TIME)


def _h_holiday(m: re.Match[str], ctx: _Context) -> _Out | None:
    name = " ".join(m.group("name").lower().split())
    year_txt = m.group("year")
    if ctx.ref is None and not year_txt:
        return _Out(TimeType.DATE, None, "day", resolution=Resolution.UNRESOLVED)
    rel = (m.group("rel") or "").lower()

    def on(y: int) -> dt.date | None:
        if name in FIXED_HOLIDAYS:
            mo, da = FIXED_HOLIDAYS[name]
            return dt.date(y, mo, da)
        if name.startswith("thanksgiving"):
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name.startswith("easter"):
            return _easter(y) + dt.timedelta(days=1 if name.endswith("monday") else 0)
        if name.startswith("election day"):
            first = dt.date(y, 11, 2)
            return first + dt.timedelta(days=(1 - first.weekday()) % 7)
        return None

    if year_txt:
        d = on(int(year_txt))
        res, anchor = Resolution.EXPLICIT, None
    else:
        ref = ctx.ref
        if ref is None:
            return None
        direction = -1 if rel == "last" else 1 if rel == "next" else ctx.tense(m.start(), m.end())
        options = [on(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        dates = [d for d in options if d is not None]
        if not dates:
            return None
        if direction > 0:
            d = min((x for x in dates if x >= ref), default=dates[-1])
        elif direction < 0:
            d = max((x for x in dates if x <= ref), default=dates[0])
        else:
            d = min(dates, key=lambda x: abs((x - ref).days))
        res, anchor = Resolution.PUBLICATION, ref.isoformat()
    if d is None:
        return None
    if m.group("week"):
        return _out(nz.week(d), res, anchor)
    return _out(nz.day(d), res, anchor)


def _easter(y: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_, day_ = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month_, day_ + 1)


def _h_anchored_day(m: re.Match[str], ctx: _Context) -> _Out | None:
    phrase = " ".join(m.group(0).lower().split())
    if "before" in phrase or "previous" in phrase or "preceding" in phrase or "prior" in phrase:
        offset = -1
    elif "after" in phrase or "next" in phrase or "following" in phrase:
        offset = 1
    else:
        offset = 0
    return _anchored_day(ctx, offset)


def _h_edge_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _out(nz.year(int(m.group("year"))), Resolution.EXPLICIT)


# --------------------------------------------------------------------------
# Rule table
# --------------------------------------------------------------------------

_I = re.IGNORECASE


def _rules() -> tuple[_Rule, ...]:
    q = QUANTITY_RE
    unit = rf"(?P<unit>{UNIT_RE})"
    rules = [
        _Rule("full_date_mdy", re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"
            rf"(?:\s+{_PART})?"), _h_full_date, priority=5),
        _Rule("full_date_dmy", re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR}\b)?"
            rf"(?:\s+{_PART})?"), _h_full_date, priority=5),
        _Rule("iso_date", re.compile(
            r"\b(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"),
            _h_iso, priority=6),
        _Rule("numeric_date", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)\b"),
              _h_numeric_date, priority=4),
        _Rule("month_year", re.compile(
            rf"\b(?:{_EDGE}[-\s]+)?{_MON},?\s+(?:of\s+)?{_YEAR}\b"), _h_month_year, priority=4),
        _Rule("month_rel_year", re.compile(
            rf"\b(?:{_EDGE}[-\s]+)?{_MON},?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next|the\s+previous|the\s+following))\s+year\b"),
            _h_month_rel_year, priority=5),
        _Rule("month_alone", re.compile(
            rf"(?:\b(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?"
            rf"(?:\b{_EDGE}[-\s]+)?\b{_MON}(?![\w-])"), _h_month_alone, _accept_month_alone, priority=3),
        _Rule("season_year", re.compile(rf"\b(?i:(?:the\s+)?){_SEASON}\s+(?:of\s+)?{_YEAR}\b"),
              _h_season_year, priority=4),
        _Rule("year", re.compile(
            rf"(?<![\w$£€#.,/-])(?:(?i:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?|"
            rf"(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|winter)\s+of|early|mid|late)[-\s]+)?"
            rf"{_YEAR}(?![\w-]|\.\d|,\d)"), _h_year, _accept_year, priority=2),
        _Rule("decade", re.compile(
            r"(?i:\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?)(?:\b(?P<cent>1[5-9]|20)(?P<dec>\d)0'?s\b"
            r"|(?<!\w)['’](?P<short>\d)0s\b)"), _h_decade, priority=3),
        _Rule("century", re.compile(
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
            r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
            r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[-\s]+century\b"),
            _h_century, priority=3),
        _Rule("weekday", re.compile(
            rf"(?:\b(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|"
            rf"coming|past|early|late|earlier|later))\s+)?\b{_WD}(?P<plural>s\b)?(?:'s)?"
            rf"(?:\s+{_PART}s?)?\b"), _h_weekday, _accept_weekday, priority=3),
        _Rule("deictic_day", re.compile(
            r"(?i)\b(?:(?:early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"), _h_deictic_day, priority=3),
        _Rule("part_of_day", re.compile(
            r"(?i)\b(?P<rel>this|last|the\s+next|the\s+following|that|the\s+same|mid|early|late)[-\s]+"
            r"(?P<part>morning|afternoon|evening|night)\b"), _h_part_of_day, priority=2),
        _Rule("relative_unit", re.compile(
            r"(?i)\b(?:(?:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of|the\s+rest\s+of|end|mid)[-\s]+)?"
            r"(?P<rel>last|this\s+past|this\s+coming|this|next|past|previous|coming|current|the\s+current|the\s+past|"
            r"the\s+previous|the\s+coming|the\s+next|the\s+following|the\s+same|that|the\s+latest|the\s+last|"
            r"the\s+preceding|the\s+prior)"
            r"\s+(?P<unit>week|month|year|quarter|weekend|fiscal\s+year|decade|century|spring|summer|fall|"
            r"autumn|winter)\b(?![-\s]+(?:old|long)\b)"), _h_relative_unit, priority=3),
        _Rule("the_weekend_season", re.compile(
            r"(?i)\b(?P<rel>the|over\s+the|during\s+the|in\s+the|this|(?:the\s+)?(?:early|late|mid))[-\s]+"
            r"(?P<unit>weekend|spring|summer|autumn|winter)\b(?!\s+of\b)"), _h_weekend_season, priority=2),
        _Rule("spelled_year", re.compile(
            r"(?i)\b(?:the\s+year\s+)?(?P<w>nineteen[-\s]+(?:hundred[-\s]+(?:and[-\s]+)?)?"
            r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three|four|five|six|"
            r"seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"|two\s+thousand(?:[-\s]+(?:and[-\s]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b"
            r"(?!\s+(?:" + UNIT_RE + r"|people|troops|dollars))"), _h_spelled_year, priority=3),
        _Rule("named_decade", re.compile(
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<w>twenties|thirties|forties|fifties|sixties|"
            r"seventies|eighties|nineties)\b"), _h_named_decade, _accept_named_decade, priority=2),
        _Rule("ago", re.compile(
            rf"(?i)\b{_APPROX}?(?P<q>{q})[-\s]+{unit}\s+(?:or\s+so\s+)?(?:and\s+a\s+half\s+)?"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b"), _h_ago, priority=4),
        _Rule("year_ago_adj", re.compile(
            r"(?i)\b(?:the\s+)?(?:year|year's)[-\s](?:ago|earlier)(?:\s+(?P<unit>quarter|period|level|"
            r"results?|figures?|months?))?\b"), _h_year_ago_adj, priority=3),
        _Rule("the_quarter", re.compile(
            r"(?i)\b(?:the|this|its)\s+(?:(?:latest|current|recent|most\s+recent|just-?ended|fiscal|same|comparable)"
            r"[-\s]+)?(?:quarter|period)\b(?!\s+of\s+(?:a|an|the)?\s*(?:million|billion|century|mile))"),
            _h_the_quarter, _accept_the_quarter, priority=1),
        _Rule("quarter", re.compile(
            r"(?i)\b(?:(?P<yr>(?:19|20)\d\d)(?:'s)?\s+|(?P<rel>last|this|next|the\s+current|the\s+previous|"
            r"the\s+year-?ago|the\s+year-?earlier|year-?ago|year-?earlier|the\s+prior-?year|last\s+year's|"
            r"this\s+year's|next\s+year's)\s+)?(?:the\s+)?(?:a\s+\w+\s+)?(?:fiscal\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?quarter"
            r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<yr2>(?:19|20)\d\d)|(?P<rel2>this|last|next)\s+year))?\b"),
            _h_quarter, priority=4),
        _Rule("half", re.compile(
            r"(?i)\b(?:the\s+)?(?P<ord>first|second|last|latter)\s+half"
            r"(?:\s+of\s+(?:(?P<yr>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year|the\s+year))?\b"
            r"(?!\s+of\s+(?!(?:19|20)\d\d|this|last|next|the\s+year))"),
            _h_half, priority=3),
        _Rule("this_year_words", re.compile(
            r"(?i)\b(?:the\s+(?:full|current|fiscal|current\s+fiscal|calendar)\s+year|year[-\s]end|year's\s+end|"
            r"the\s+end\s+of\s+the\s+year|the\s+year\s+to\s+date|year\s+to\s+date)\b"), _h_this_year_words,
            priority=2),
        _Rule("duration", re.compile(
            rf"(?i)\b(?:(?:the|a|an)\s+)?(?:(?P<dir>past|last|next|previous|coming|first|final|latest|initial|"
            rf"remaining|following|prior)\s+)?{_APPROX}?(?P<q>{q})(?:[-\s]+and[-\s]+a[-\s]+half)?[-\s]+"
            rf"(?:more\s+|additional\s+|straight\s+|consecutive\s+|full\s+)?{unit}"
            rf"(?:[-\s]+(?:long|old))?\b"), _h_duration, _accept_duration, priority=2),
        _Rule("bare_plural", re.compile(
            r"(?i)\b(?:(?P<recent>recent|coming|future)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|quarters|"
            r"centuries)\b"), _h_bare_plural, _accept_bare_plural, priority=1),
        _Rule("ref", re.compile(
            r"(?i)\b(?P<w>now|currently|current|nowadays|presently|at\s+present|these\s+days|at\s+the\s+moment|"
            r"right\s+now|(?:more\s+|most\s+)?recently|lately|recent|previously|formerly|in\s+the\s+past|the\s+past|"
            r"the\s+near\s+future|in\s+the\s+future|the\s+future|future|soon|shortly|once)\b"),
            _h_ref, _accept_ref, priority=1),
        _Rule("set_adverb", re.compile(
            r"(?i)\b(?P<w>daily|nightly|weekly|monthly|annually|yearly|hourly|quarterly|biweekly|fortnightly|"
            r"semi-?annually)\b"), _h_set_adverb, _accept_set_adverb, priority=1),
        _Rule("every", re.compile(
            rf"(?i)\b(?:every|each|per)\s+(?:(?P<q>other|{q})\s+)?(?P<what>{UNIT_RE}|{WEEKDAY_RE}|"
            r"January|February|March|April|May|June|July|August|September|October|November|December|"
            r"morning|evening|night)\b"), _h_every, priority=3),
        _Rule("clock", re.compile(
            r"(?i)\b(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*"
            r"(?:(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|(?=[:.][0-5]\d)|o'clock\b|(?=\s+in\s+the\s+(?:morning|"
            r"afternoon|evening)))"
            r"(?:\s+in\s+the\s+(?P<morning>morning|afternoon|evening|night))?"
            r"(?:\s*\(?(?:[A-Z]{1,3}[SD]?T|GMT|UTC|local\s+time|Moscow\s+time|Kyiv\s+time)\)?)?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd2>{WEEKDAY_RE})|(?P<dw>today|yesterday|tomorrow)|"
            rf"(?P<mon2>{MONTH_RE})\s+(?P<day2>[0-3]?\d)\b))?"), _h_clock, _accept_clock, priority=5),
        _Rule("noon", re.compile(r"(?i)\b(?P<w>noon|midday|midnight)\b"), _h_noon, priority=2),
        _Rule("holiday", re.compile(
            r"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?"
            r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Election\s+Day|Independence\s+Day"
            r"|Halloween|Victory\s+Day|Boxing\s+Day|Veterans\s+Day|Armistice\s+Day|Remembrance\s+Day"
            r"|Valentine's\s+Day)(?P<week>\s+week)?(?:,?\s+{year})?\b".replace("{year}", _YEAR)),
            _h_holiday, priority=4),
        _Rule("anchored_day", re.compile(
            r"(?i)\b(?:the\s+(?:next|following|previous|preceding|prior)\s+day|the\s+day\s+(?:before|after)"
            r"|(?:earlier|later)\s+(?:that|the\s+same)\s+day|that\s+(?:same\s+)?day|the\s+same\s+day)\b"),
            _h_anchored_day, priority=4),
    ]
    return tuple(rules)


def _h_weekend_season(m: re.Match[str], ctx: _Context) -> _Out | None:
    unit = m.group("unit").lower()
    if ctx.ref is None:
        value = None if unit == "weekend" else f"XXXX-{SEASONS[unit]}"
        return _Out(TimeType.DATE, value, "week" if unit == "weekend" else "season", resolution=Resolution.UNRESOLVED)
    tense = ctx.tense(m.start(), m.end())
    ref = ctx.ref
    if unit == "weekend":
        offset = 0
        if ref.weekday() < 5:  # on a weekday, "the weekend" is the one gone by, unless the verb looks ahead
            offset = 1 if tense > 0 else -1
        return _out(nz.week(ref + dt.timedelta(weeks=offset), weekend=True), Resolution.PUBLICATION, ref.isoformat())
    code = SEASONS[unit]
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year_ = ref.year
    if code == "WI":
        year_ = ref.year if ref.month >= 12 else ref.year - 1
        if tense > 0 and ref.month < 12 and ref.month > 2:
            year_ = ref.year
    elif ref.month < first and tense <= 0:
        year_ = ref.year - 1  # not begun yet: the last one, unless the verb looks ahead
    return _out(nz.season(year_, code), Resolution.PUBLICATION, ref.isoformat())


def _spelled_number(words: str) -> int | None:
    return None if (n := _number(words)) is None else int(n)


def _h_spelled_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    w = " ".join(m.group("w").lower().replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].strip().removeprefix("and").strip()
        year_ = 2000 + (_spelled_number(rest) or 0 if rest else 0)
    else:
        rest = w[len("nineteen"):].strip().removeprefix("hundred").strip().removeprefix("and").strip()
        n = _spelled_number(rest)
        if n is None or n >= 100:
            return None
        year_ = 1900 + n
    return _out(nz.year(year_), Resolution.EXPLICIT)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _accept_named_decade(m: re.Match[str], text: str) -> bool:
    # "the nineties" is a decade; "in his forties" is an age
    return _prev_word(text, m.start()) not in ("his", "her", "their", "my", "your", "its", "our", "late", "mid", "early")


def _h_named_decade(m: re.Match[str], ctx: _Context) -> _Out | None:
    century_ = 1900
    if ctx.ref is not None and ctx.ref.year >= 2030 and _DECADE_WORDS[m.group("w").lower()] <= (ctx.ref.year - 2000) // 10:
        century_ = 2000
    return _out(nz.decade(century_ + 10 * _DECADE_WORDS[m.group("w").lower()]), Resolution.PUBLICATION if ctx.ref else Resolution.EXPLICIT)


def _h_century(m: re.Match[str], ctx: _Context) -> _Out | None:
    n_txt = m.group("n").lower()
    digits = re.match(r"\d+", n_txt)
    n = int(digits.group(0)) if digits else _ORDINAL_WORDS.get(n_txt)
    if not n or n > 21:
        return None
    return _out(nz.century(n), Resolution.EXPLICIT)


def _accept_clock(m: re.Match[str], text: str) -> bool:
    if m.group("ampm") or m.group("morning"):
        return True
    if m.group("min") is None:
        return "o'clock" in m.group(0).lower()
    # "18:00" or "9.30" alone: a time only if not a score, ratio or decimal number
    before = text[max(0, m.start() - 2):m.start()]
    after = text[m.end():m.end() + 2]
    if re.search(r"[\d.,:]", before[-1:]) or re.match(r"[\d.,:]\d", after):
        return False
    return ":" in m.group(0)


def _accept_the_quarter(m: re.Match[str], text: str) -> bool:
    if "period" in m.group(0).lower():
        # only the reporting periods of financial news: "the latest period", "the same period"
        return bool(re.search(r"(?i)latest|same|comparable|year", m.group(0)))
    return True


# --------------------------------------------------------------------------
# The tagger
# --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+|\d+")
# No expression reaches further than this from its trigger word ("the year-earlier
# fiscal third quarter", "Oct. 26, 1998 evening").
_REACH_LEFT = 50
_REACH_RIGHT = 40

_MONTH_WORDS = tuple(MONTHS)
_UNIT_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
               "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years", "decade",
               "decades", "century", "centuries", "millennium", "millennia")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "full_date_mdy": _MONTH_WORDS,
    "full_date_dmy": _MONTH_WORDS,
    "iso_date": ("#4",),
    "numeric_date": ("#", "#2"),
    "month_year": _MONTH_WORDS,
    "month_rel_year": _MONTH_WORDS,
    "month_alone": _MONTH_WORDS,
    "season_year": _SEASON_WORDS,
    "year": ("#4",),
    "decade": ("#4", "#2"),
    "century": ("century",),
    "weekday": tuple(w for w in WEEKDAYS if len(w) > 4),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "relative_unit": ("week", "month", "year", "quarter", "weekend", "decade", "century") + _SEASON_WORDS,
    "ago": _UNIT_WORDS,
    "year_ago_adj": ("year",),
    "the_quarter": ("quarter", "period"),
    "quarter": ("quarter",),
    "half": ("half",),
    "this_year_words": ("year",),
    "duration": _UNIT_WORDS,
    "bare_plural": ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
                    "quarters"),
    "ref": ("now", "currently", "current", "nowadays", "presently", "present", "days", "moment", "recently",
            "lately", "recent", "previously", "formerly", "past", "future", "soon", "shortly", "once"),
    "set_adverb": ("daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
                   "biweekly", "fortnightly", "semiannually", "semi"),
    "every": ("every", "each", "per"),
    "clock": ("#", "#2"),
    "noon": ("noon", "midday", "midnight"),
    "holiday": ("christmas", "new", "thanksgiving", "easter", "election", "independence", "halloween",
                "victory", "boxing", "veterans", "armistice", "remembrance", "valentine"),
    "anchored_day": ("day",),
    "the_weekend_season": ("weekend",) + _SEASON_WORDS,
    "spelled_year": ("nineteen", "thousand"),
    "named_decade": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
}


class TimeTagger:
    """Compiled rules; build once (via :func:`build_tagger`) and reuse across articles."""

    def __init__(self) -> None:
        self.rules = _rules()
        # Each rule runs only in windows around its trigger words: a rule with no
        # trigger in a text costs nothing, and regexes never scan whole articles.
        self.triggers: dict[str, tuple[int, ...]] = {}
        index = {rule.name: i for i, rule in enumerate(self.rules)}
        table: dict[str, list[int]] = {}
        for name, words in _TRIGGERS.items():
            for word in words:
                table.setdefault(word, []).append(index[name])
        self.triggers = {w: tuple(sorted(set(ix))) for w, ix in table.items()}

    def _windows(self, text: str) -> list[list[tuple[int, int]]]:
        """Per rule, merged character windows around its trigger words."""
        windows: list[list[tuple[int, int]]] = [[] for _ in self.rules]
        triggers = self.triggers
        limit = len(text)
        for m in _WORD.finditer(text):
            word = m.group()
            key = ("#4" if len(word) == 4 else "#2" if len(word) == 2 else "#") if word[0].isdigit() else word.lower()
            rules = triggers.get(key)
            if rules is None:
                continue
            lo, hi = max(0, m.start() - _REACH_LEFT), min(limit, m.end() + _REACH_RIGHT)
            for i in rules:
                spans = windows[i]
                if spans and spans[-1][1] >= lo:
                    spans[-1] = (spans[-1][0], hi)
                else:
                    spans.append((lo, hi))
        return windows

    def tag(self, text: str, reference: dt.date | None, *, article_id: str = "", doc: Any = None) -> tuple[TimeValue, ...]:
        """Every temporal expression in ``text``, normalised against ``reference``."""
        candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
        for rule, spans in zip(self.rules, self._windows(text)):
            for lo, hi in spans:
                for m in rule.pattern.finditer(text, lo, hi):
                    if m.end() == m.start():
                        continue
                    if rule.accept is not None and not rule.accept(m, text):
                        continue
                    candidates.append((m.start(), m.end(), rule.priority, rule, m))
        kept = _longest_first(candidates)
        ctx = _Context(text=text, ref=reference, doc=doc)
        results: list[TimeValue] = []
        for start, end, _prio, rule, m in kept:
            out = rule.handler(m, ctx)
            if out is None:
                continue
            s, e = out.span or (start, end)
            s, e = _trim(text, s, e)
            results.append(TimeValue(
                text=text[s:e],
                evidence=Evidence(article_id=article_id, start=s, end=e, text=text[s:e]),
                type=out.type, value=out.value, start=out.start, end=out.end,
                granularity=out.granularity, resolution=out.resolution, anchor=out.anchor,
            ))
            ctx.remember(out)
        return tuple(results)


_LEADING = re.compile(r"(?i)(?:at|in|on|a|an)\s+(?=\d|(?:%s)\b|the\b|(?:19|20)\d\d)" % "|".join(
    sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True)))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding blanks and a leading preposition or article ("at 4 a.m.", "a five-year")."""
    while s < e and text[s].isspace():
        s += 1
    m = _LEADING.match(text, s, e)
    if m and m.end() < e:
        s = m.end()
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e


def _longest_first(cands: list[tuple[int, int, int, _Rule, re.Match[str]]]) -> list[tuple[int, int, int, _Rule, re.Match[str]]]:
    """Keep non-overlapping candidates, longer (then higher-priority) first; return in text order."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in cands:
        i = bisect.bisect_left(taken, (c[0], c[1]))
        if i > 0 and taken[i - 1][1] > c[0]:
            continue
        if i < len(taken) and taken[i][0] < c[1]:
            continue
        taken.insert(i, (c[0], c[1]))
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    return kept


def build_tagger() -> TimeTagger:
    """Compile the time rules (a few milliseconds); pass the result around rather than rebuild it."""
    return TimeTagger()
