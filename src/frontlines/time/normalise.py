"""Calendar arithmetic for TIMEX3 values: intervals, shifts, year inference.

Pure functions over :class:`datetime.date`; no text handling here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised value with the interval it covers."""

    value: str
    granularity: str | None
    start: dt.date | None = None
    end: dt.date | None = None


def day(d: dt.date, part: str | None = None) -> Norm:
    """A calendar day, optionally with a TIMEX3 part of day (MO, AF, EV, NI)."""
    value = d.isoformat() + (f"T{part}" if part else "")
    return Norm(value, "day", d, d)


def clock(d: dt.date, hour: int, minute: int | None) -> Norm:
    """A time of day on a date; minutes only when the text gives them or a full hour is meant."""
    value = f"{d.isoformat()}T{hour:02d}:{(minute or 0):02d}"
    return Norm(value, "time", d, d)


def month(year: int, month_: int) -> Norm:
    last = calendar.monthrange(year, month_)[1]
    return Norm(f"{year:04d}-{month_:02d}", "month", dt.date(year, month_, 1), dt.date(year, month_, last))


# The thirds of a month the annotators' convention gives "early", "mid" and "late" (ACLED codes
# "late June" as the 21st to the 30th): days first..last, the last clipped to the month's length.
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_EDGE_THIRD = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
               "late": "late", "end": "late"}


def month_part(norm: Norm, edge: str | None) -> Norm:
    """``norm`` (a month) narrowed to the third of it that ``edge`` names ("late September": 21..30).

    The value stays the month's (TIMEX3 has no value for a third of a month); only the interval
    narrows. Any other edge word, or a norm that is not a month, comes back unchanged.
    """
    words = (edge or "").lower().replace("-", " ").split()
    third = next((_EDGE_THIRD[w] for w in words if w in _EDGE_THIRD), None)
    if third is None or norm.granularity != "month" or norm.start is None:
        return norm
    first, last = _MONTH_THIRDS[third]
    month_end = calendar.monthrange(norm.start.year, norm.start.month)[1]
    return Norm(norm.value, norm.granularity, norm.start.replace(day=first),
                norm.start.replace(day=min(last, month_end)))


def year(year_: int) -> Norm:
    return Norm(f"{year_:04d}", "year", dt.date(year_, 1, 1), dt.date(year_, 12, 31))


def quarter(year_: int, q: int) -> Norm:
    first = 3 * (q - 1) + 1
    last = first + 2
    end = dt.date(year_, last, calendar.monthrange(year_, last)[1])
    return Norm(f"{year_:04d}-Q{q}", "quarter", dt.date(year_, first, 1), end)


def half(year_: int, h: int) -> Norm:
    start = dt.date(year_, 1 if h == 1 else 7, 1)
    end = dt.date(year_, 6, 30) if h == 1 else dt.date(year_, 12, 31)
    return Norm(f"{year_:04d}-H{h}", "half", start, end)


def season(year_: int, code: str) -> Norm:
    first, last = _SEASON_MONTHS[code]
    if code == "WI":  # winter straddles the new year: YYYY-WI starts in December of YYYY
        start, end = dt.date(year_, 12, 1), dt.date(year_ + 1, 2, calendar.monthrange(year_ + 1, 2)[1])
    else:
        start = dt.date(year_, first, 1)
        end = dt.date(year_, last, calendar.monthrange(year_, last)[1])
    return Norm(f"{year_:04d}-{code}", "season", start, end)


def week(d: dt.date, weekend: bool = False) -> Norm:
    """The ISO week containing ``d`` (or its weekend)."""
    iso_year, iso_week, iso_day = d.isocalendar()
    monday = d - dt.timedelta(days=iso_day - 1)
    if weekend:
        sat = monday + dt.timedelta(days=5)
        return Norm(f"{iso_year:04d}-W{iso_week:02d}-WE", "week", sat, sat + dt.timedelta(days=1))
    return Norm(f"{iso_year:04d}-W{iso_week:02d}", "week", monday, monday + dt.timedelta(days=6))


def decade(year_: int) -> Norm:
    start = year_ - year_ % 10
    return Norm(f"{start // 10:03d}", "decade", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def century(number: int) -> Norm:
    """The ``number``-th century ("20th century" -> value "19", 1901..2000 as an interval)."""
    first = max(1, (number - 1) * 100)
    return Norm(f"{number - 1:02d}", "century", dt.date(first, 1, 1), dt.date(min(9999, first + 99), 12, 31))


def shift_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months (day clipped to the month's length)."""
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def at_granularity(d: dt.date, granularity: str, part: str | None = None) -> Norm:
    """The unit of ``granularity`` that contains ``d``."""
    if granularity == "day":
        return day(d, part)
    if granularity == "week":
        return week(d)
    if granularity == "month":
        return month(d.year, d.month)
    if granularity == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if granularity == "decade":
        return decade(d.year)
    if granularity == "century":
        return century(d.year // 100 + 1)
    return year(d.year)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """Move ``d`` by ``n`` units (day, week, month, quarter, half, year, decade, century)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return shift_months(d, n * months)


def relative(ref: dt.date, unit: str, n: int, part: str | None = None) -> Norm:
    """The ``unit`` that lies ``n`` units from ``ref`` ("last month": unit=month, n=-1)."""
    return at_granularity(shift(ref, unit, n), unit, part)


def weekday_near(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ``weekday`` nearest ``ref``: direction -1 on/before, +1 on/after.

    A weekday equal to the reference's own is the reference day itself: news
    says "on Wednesday" for the day it reports on.
    """
    delta = weekday - ref.weekday()
    if direction >= 0:
        return ref + dt.timedelta(days=delta % 7)
    return ref - dt.timedelta(days=(-delta) % 7)


def infer_year(ref: dt.date, month_: int, day_: int | None, direction: int) -> int:
    """The year of a month (and day) given without one.

    direction +1: the next occurrence on/after ``ref``; -1: the last on/before;
    0: the closest one, past-leaning on ties (news reports what happened).
    """
    target_day = day_ or 1
    candidates = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month_, min(target_day, calendar.monthrange(y, month_)[1]))
        except ValueError:
            continue
        if day_ is None:  # compare months, not days: "in November" in November is this one
            gap = (y * 12 + month_) - (ref.year * 12 + ref.month)
        else:
            gap = (d - ref).days
        candidates.append((y, gap))
    if direction > 0:
        return min((c for c in candidates if c[1] >= 0), key=lambda c: c[1])[0]
    if direction < 0:
        return max((c for c in candidates if c[1] <= 0), key=lambda c: c[1])[0]
    # Unknown tense: news mostly reports what happened, so the past occurrence wins
    # unless a future one is much nearer (within about two months).
    past = max((c for c in candidates if c[1] <= 0), key=lambda c: c[1])
    future = min((c for c in candidates if c[1] > 0), key=lambda c: c[1])
    near = 2 if day_ is None else 62
    return future[0] if future[1] <= near and future[1] < -past[1] else past[0]


def duration(amount: float | None, unit_code: str, time_unit: bool) -> str:
    """A TIMEX3 duration value: P3Y, PT5H, P1E (decade), PXD for a vague amount."""
    if unit_code == "Q":  # quarters are written in months
        unit_code = "M"
        amount = None if amount is None else amount * 3
    if unit_code == "W2":
        unit_code = "W"
        amount = None if amount is None else amount * 2
    if unit_code == "E":  # decades as years (P20Y), as TimeBank mostly writes them
        unit_code = "Y"
        amount = None if amount is None else amount * 10
    key = ("T" if time_unit else "") + unit_code
    if amount is not None and not float(amount).is_integer() and key in _SMALLER:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        smaller, factor = _SMALLER[key]
        whole = int(amount)
        rest = round((amount - whole) * factor)
        head = f"{whole}{unit_code}" if whole else ""
        return ("PT" if time_unit else "P") + head + f"{rest}{smaller}"
    if amount is None:
        text = "X"
    elif float(amount).is_integer():
        text = str(int(amount))
    else:
        text = f"{amount:g}"
    return f"PT{text}{unit_code}" if time_unit else f"P{text}{unit_code}"


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def duration_interval(ref: dt.date, amount: float | None, unit: str, direction: int) -> tuple[dt.date, dt.date] | None:
    """The span of "the past three months" (direction -1) or "the next two weeks" (+1) around ``ref``."""
    if amount is None or unit not in {"day", "week", "month", "quarter", "year", "decade", "century"}:
        return None
    start = shift(ref, unit, int(round(-amount if direction < 0 else amount)))
    return (start, ref) if direction < 0 else (ref, start)
