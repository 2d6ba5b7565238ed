"""Handlers for relative and periodic expressions: "last week", "three days ago",
"the third quarter", durations, "every Monday", "recently", "now"."""

from __future__ import annotations

import datetime as dt
import re

from frontlines.records import Resolution, TimeType
from frontlines.time import normalise as nz
from frontlines.time.context import (
    _UNIT_GRANULARITY,
    _Context,
    _month_num,
    _next_word,
    _number,
    _Out,
    _out,
    _prev_word,
    _unit_key,
)
from frontlines.time.lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
)

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
            return _out(_edge(nz.relative(base.start, unit, offset), m.group("edge"), base), Resolution.ANCHORED,
                        base.value)
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
    norm = nz.relative(ctx.ref, unit, offset)
    if offset == 0 and (m.group("edge") or "").lower() in ("earlier", "later"):
        # "earlier this year": the part of the report's own period gone by, not the whole of it
        return _out(_side_of(norm, m.group("edge").lower(), ctx.ref), Resolution.PUBLICATION, ctx.ref.isoformat())
    # "late last month": the last third of that month (a month's edge; other units keep their span)
    return _out(nz.month_part(norm, m.group("edge")), Resolution.PUBLICATION, ctx.ref.isoformat())


def _side_of(norm: nz.Norm, word: str, day: dt.date) -> nz.Norm:
    """The report's own period (this week, month, year) on one side of the report's day: "earlier this year" from
    its first day to the day before the report, "later this month" from the day after to its end. The value still
    names the whole period (TimeML's value for "earlier this year" is the year); only the interval narrows."""
    if norm.start is None or norm.end is None or not norm.start <= day <= norm.end:
        return norm
    if word == "earlier" and day > norm.start:
        return nz.Norm(norm.value, norm.granularity, norm.start, day - dt.timedelta(days=1))
    if word == "later" and day < norm.end:
        return nz.Norm(norm.value, norm.granularity, day + dt.timedelta(days=1), norm.end)
    return norm


def _edge(norm: nz.Norm, edge: str | None, base: nz.Norm) -> nz.Norm:
    """A month named from the text's focus, narrowed by its edge word: "later that month" after a day of it runs from
    the day after to the month's end, "earlier that month" from its first day to the day before; after a month (or
    with "early", "mid", "late") the third of the month the word names ("Later that month" after "in April":
    21..30, as "late April")."""
    word = (edge or "").lower()
    if norm.granularity != "month" or norm.start is None or not word:
        return norm
    day = base.start if base.granularity in ("day", "time") and base.start == base.end else None
    if day is not None and (day.year, day.month) == (norm.start.year, norm.start.month) and norm.end is not None:
        if word == "later" and day < norm.end:
            return nz.Norm(norm.value, norm.granularity, day + dt.timedelta(days=1), norm.end)
        if word == "earlier" and day > norm.start:
            return nz.Norm(norm.value, norm.granularity, norm.start, day - dt.timedelta(days=1))
    return nz.month_part(norm, {"later": "late", "earlier": "early"}.get(word, word))


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


def _h_past_day(m: re.Match[str], ctx: _Context) -> _Out | None:
    """"over the past day", "in the last day": a report's last day (as "the past 24 hours"), one day up to
    the reference date."""
    start = end = None
    resolution, anchor = Resolution.EXPLICIT, None
    if ctx.ref is not None:
        span = nz.duration_interval(ctx.ref, 1, "day", -1)
        if span:
            start, end = span
            resolution, anchor = Resolution.PUBLICATION, ctx.ref.isoformat()
    return _Out(TimeType.DURATION, nz.duration(1, UNITS["day"], False), _UNIT_GRANULARITY.get("day"), start, end,
                resolution, anchor)


def _accept_past_day(m: re.Match[str], text: str) -> bool:
    """"over the past day", "in the last day": a stretch a report covers; "the last day" alone is the final one
    ("Friday was the last day")."""
    return re.search(r"(?i)\b(?:over|in|during|within|for)\s+$", text[max(0, m.start() - 8):m.start()]) is not None


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
