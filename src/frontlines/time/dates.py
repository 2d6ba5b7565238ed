"""Handlers for calendar expressions: full and numeric dates, months, years, decades,
weekdays, today/yesterday, parts of the day, clock times, holidays, centuries."""

from __future__ import annotations

import datetime as dt
import re

from frontlines.records import Resolution, TimeType
from frontlines.time import normalise as nz
from frontlines.time.context import (
    _Context,
    _month_num,
    _next_word,
    _number,
    _Out,
    _out,
    _prev_word,
    _sentence_bounds,
)
from frontlines.time.lexicon import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    FIXED_HOLIDAYS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
)

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
    yrel = m.group("yrel")
    if yrel and yrel.lower() == "that" and ctx.focus is not None and ctx.focus.start is not None:
        # "on 3 May that year": the year the text is talking about
        try:
            d = dt.date(ctx.focus.start.year, mon, day_)
        except ValueError:
            return None
        return _day_out(m, d, Resolution.ANCHORED, ctx.focus.value)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-{mon:02d}-{day_:02d}", "day", resolution=Resolution.UNRESOLVED)
    if yrel:
        # "on 30 August last year": that day, not the month ("August last year")
        year_ = _relative_year(ctx.ref, yrel)
    else:
        year_ = nz.infer_year(ctx.ref, mon, day_, ctx.tense(m.start(), m.end()))
        year_ = _focus_year(ctx, mon, day_, year_)
    try:
        d = dt.date(year_, mon, day_)
    except ValueError:
        return None
    return _day_out(m, d, Resolution.PUBLICATION, ctx.ref.isoformat())


_YEAR_OFFSETS = {"last": -1, "the previous": -1, "next": 1, "the following": 1}
# How far from the date the text is talking about a day without a year may lie and still be read
# in that date's year ("in March 2022 ... until 31 March"): about a month.
_FOCUS_REACH = dt.timedelta(days=31)


def _relative_year(ref: dt.date, rel: str) -> int:
    """The year "last year", "this year" or "next year" names, said on ``ref``."""
    return ref.year + _YEAR_OFFSETS.get(" ".join(rel.lower().split()), 0)


def _focus_year(ctx: _Context, mon: int, day_: int, inferred: int) -> int:
    """The year of a day given without one: the publication's reading (``inferred``), unless the
    text is talking about another year and the day lies within weeks of the date it named last
    ("the operation began in late March 2022 ... until 31 March" is 2022, said in 2023)."""
    focus = ctx.focus
    if focus is None or focus.start is None or focus.end is None or focus.start.year == inferred:
        return inferred
    if not ctx.focus_explicit:
        return inferred  # a date read against the publication: its year is the publication's reading too
    if focus.granularity not in ("day", "time", "month"):
        return inferred
    for year_ in (focus.start.year, focus.end.year):
        try:
            d = dt.date(year_, mon, day_)
        except ValueError:
            continue
        if focus.start - _FOCUS_REACH <= d <= focus.end + _FOCUS_REACH:
            return year_
    return inferred


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
    edge = m.group("edge")
    if rel == "that" and ctx.focus is not None and ctx.focus.start is not None:
        # "in February of that year": the year the text is talking about
        return _out(nz.month_part(nz.month(ctx.focus.start.year, mon), edge), Resolution.ANCHORED, ctx.focus.value)
    return _out(nz.month_part(nz.month(_relative_year(ctx.ref, rel), mon), edge), Resolution.PUBLICATION,
                ctx.ref.isoformat())


def _h_month_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    norm = nz.month(int(m.group("year")), _month_num(m.group("mon")))
    return _out(nz.month_part(norm, m.group("edge")), Resolution.EXPLICIT)


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
    return _out(nz.month_part(nz.month(year_, mon), m.group("edge")), Resolution.PUBLICATION, ref.isoformat())


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
    if _TITLE_BEFORE_YEAR.search(text, max(0, m.start() - 12), m.start()):
        return False  # "the Finance Bill 2024", "Vision 2030": part of a name
    return prev not in ("no", "number", "nos", "page", "flight", "route", "model", "room", "about", "some")


# Capitalised nouns that take a year as part of their name (a law, a programme), not as a date.
_TITLE_BEFORE_YEAR = re.compile(r"\b(?:Bill|Act|Law|Code|Budget|Vision|Agenda|Strategy|Programme|Program)\s+$")


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


_SINCE = re.compile(r"(?i)\bsince\s+$")


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Out | None:
    wd = WEEKDAYS[m.group("wd").lower()]
    part = _part_code(m)
    rel = " ".join((m.group("rel") or "").lower().split())
    if m.group("plural"):
        return _Out(TimeType.SET, f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None)
    if ctx.ref is None:
        return _Out(TimeType.DATE, f"XXXX-WXX-{wd + 1}", "day", resolution=Resolution.UNRESOLVED)
    ref = ctx.ref
    week = " ".join((m.group("week") or "").lower().split())
    if week and not rel:
        # "on Monday last week", "Tuesday of next week": that weekday of the week named, weeks running Monday-Sunday
        shift = {"last": -7, "the previous": -7, "next": 7, "the following": 7}.get(week, 0)
        d = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=shift + wd)
    elif rel in ("last", "this past", "the previous", "past"):
        d = nz.weekday_near(ref - dt.timedelta(days=1), wd, -1)
    elif rel in ("next", "the following", "this coming", "coming"):
        d = nz.weekday_near(ref + dt.timedelta(days=1), wd, 1)
    else:
        # "since Monday": a stretch measured from a day gone by, whatever the tense the parse finds
        tense = -1 if _SINCE.search(ctx.text, max(0, m.start() - 10), m.start()) else ctx.tense(m.start(), m.end())
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
    kind = TimeType.TIME if part and word != "tonight" else TimeType.DATE
    said = _utterance_day(m, ctx)
    if said is not None and said.start is not None:
        d = said.start + dt.timedelta(days=_DEICTIC_DAYS[word])
        return _out(nz.day(d, part), Resolution.ANCHORED, said.value, kind)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "day", resolution=Resolution.UNRESOLVED)
    d = ctx.ref + dt.timedelta(days=_DEICTIC_DAYS[word])
    return _out(nz.day(d, part), Resolution.PUBLICATION, ctx.ref.isoformat(), kind)


_QUOTE_MARKS = re.compile(r'["“”]')


def _utterance_day(m: re.Match[str], ctx: _Context) -> nz.Norm | None:
    """The day a quotation was spoken, when "today" or "yesterday" stands inside it: its speaker's
    "today" is the day they spoke, which their sentence names before the quote opens ("posted a video
    on Saturday evening: "Today, at 12 noon, Bakhmut was taken""). None outside a quotation, or when
    the sentence names no day before the quote (the publication's day is then the reader's best
    guess). The day of the saying itself counts too, though a reporting date sets no focus ("The governor said on
    Monday: "Yesterday bandits killed 11 farmers"": Sunday)."""
    lo, _hi = _sentence_bounds(ctx.text, m.start(), m.end())
    marks = [q.start() for q in _QUOTE_MARKS.finditer(ctx.text, lo, m.start())]
    if len(marks) % 2 == 0:
        return None  # not inside a quotation
    opened = marks[-1]
    named = [(at, day) for at, day in ((ctx.focus_day_at, ctx.focus_day), (ctx.said_day_at, ctx.said_day))
             if day is not None and lo <= at < opened]
    return max(named, key=lambda n: n[0])[1] if named else None


def _h_part_of_day(m: re.Match[str], ctx: _Context) -> _Out | None:
    rel = " ".join(m.group("rel").lower().split())
    part = PARTS_OF_DAY[m.group("part").lower()]
    if rel in ("mid", "early", "late"):
        # "in the early afternoon": a part of the day the narrative is on (the last day it named), as
        # "that afternoon" is; only "this" points at the day of writing
        return _anchored_day(ctx, 0, part)
    if rel == "this":
        if ctx.ref is None:
            return _Out(TimeType.TIME, None, "day", resolution=Resolution.UNRESOLVED)
        return _out(nz.day(ctx.ref, part), Resolution.PUBLICATION, ctx.ref.isoformat(), TimeType.TIME)
    if rel == "last":
        if ctx.ref is None:
            return _Out(TimeType.TIME, None, "day", resolution=Resolution.UNRESOLVED)
        return _out(nz.day(ctx.ref - dt.timedelta(days=1), part), Resolution.PUBLICATION, ctx.ref.isoformat(),
                    TimeType.TIME)
    offset = 1 if rel in ("the next", "the following") else -1 if rel in ("the previous", "the preceding") else 0
    return _anchored_day(ctx, offset, part, m.start())


def _anchored_day(ctx: _Context, offset: int, part: str | None = None, at: int | None = None) -> _Out:
    """A day counted from the last day the text named, else from the publication date. A saying's day named earlier
    in the sentence at ``at`` and after that day counts too ("The mayor said on Tuesday that drones had hit the plant
    the previous night": Monday night), though it sets no focus for the sentences after it."""
    base = ctx.focus_day
    if at is not None and ctx.said_day is not None and ctx.said_day_at > (ctx.focus_day_at if base else -1):
        lo, _hi = _sentence_bounds(ctx.text, at, at)
        if lo <= ctx.said_day_at < at:
            base = ctx.said_day
    if base is not None and base.start is not None:
        d = base.start + dt.timedelta(days=offset)
        return _out(nz.day(d, part), Resolution.ANCHORED, base.value, TimeType.TIME if part else TimeType.DATE)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, "day", resolution=Resolution.UNRESOLVED)
    d = ctx.ref + dt.timedelta(days=offset)
    return _out(nz.day(d, part), Resolution.PUBLICATION, ctx.ref.isoformat(), TimeType.TIME if part else TimeType.DATE)


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
    dated = _clock_date(m, ctx) if m.group("wd2") or m.group("dw") or m.group("mon2") else None
    if dated is not None:  # "midnight on Friday": that day's
        d, res, anchor = dated
    elif ctx.focus_day is not None and ctx.focus_day.start is not None:
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
    return _anchored_day(ctx, offset, at=m.start())


def _h_anchored_unit(m: re.Match[str], ctx: _Context) -> _Out | None:
    """ "the week before", "the month after": the week (month) next to the one the text last named
    (its temporal focus), else next to the publication date's. Not "the year before": TimeML
    corpora read it as a comparison ("sales rose from the year before") more often than a date."""
    unit = m.group("unit").lower()
    offset = -1 if m.group("dir").lower() in ("before", "earlier", "prior") else 1
    base = ctx.focus
    if base is not None and base.start is not None:
        return _out(nz.relative(base.start, unit, offset), Resolution.ANCHORED, base.value)
    if ctx.ref is None:
        return _Out(TimeType.DATE, None, unit, resolution=Resolution.UNRESOLVED)
    return _out(nz.relative(ctx.ref, unit, offset), Resolution.PUBLICATION, ctx.ref.isoformat())


# "the week before, ...", "the month after." but not "the week before the vote" (anchored on a
# named event the text does not date) nor "the week before they left" (a clause).
_UNIT_ANCHOR_END = re.compile(r"\s*(?:[,.;:)\]—–-]|$|(?:and|but|had|when)\b)")


def _accept_anchored_unit(m: re.Match[str], text: str) -> bool:
    return bool(_UNIT_ANCHOR_END.match(text, m.end()))


def _h_edge_year(m: re.Match[str], ctx: _Context) -> _Out | None:
    return _out(nz.year(int(m.group("year"))), Resolution.EXPLICIT)


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
