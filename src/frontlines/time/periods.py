"""Periods: a stored date interval said at its own precision ("2023", "2022-04", "2023-W50").

An event found in "last year" is stored with the day ACLED's event_date needs
(the 1st of January) and the interval the expression covers. Readers must not
take that day for the date: :func:`iso_period` gives the interval back in ISO
8601 reduced precision, which the API, the exports and the map show instead.
"""

from __future__ import annotations

import calendar
import datetime as dt

# ACLED's time_precision: 1 the day is known, 2 a few days or a week, 3 a month or coarser.
TIME_PRECISION = {"day": 1, "time": 1, "week": 2}
COARSE_TIME_PRECISION = 3


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def iso_period(start: dt.date | str | None, end: dt.date | str | None = None) -> str | None:
    """The interval [start, end] in ISO 8601 reduced precision.

    A single day -> "2022-11-09"; a calendar year -> "2023"; a calendar month -> "2022-04";
    an ISO week (Monday to Sunday) -> "2023-W50"; any other span -> "2024-04-06/2024-04-07".
    None without a start.
    """
    lo = _as_date(start)
    hi = _as_date(end)
    if lo is None:
        return None
    if hi is None or hi <= lo:
        return lo.isoformat()
    if lo.month == 1 and lo.day == 1 and hi == dt.date(lo.year, 12, 31):
        return f"{lo.year:04d}"
    if lo.day == 1 and hi == dt.date(lo.year, lo.month, calendar.monthrange(lo.year, lo.month)[1]):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.isoweekday() == 1 and hi - lo == dt.timedelta(days=6):
        year, week, _ = lo.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def period_precision(period: str | None) -> str | None:
    """What an :func:`iso_period` string names: day, week, month, year or span (None for None)."""
    if not period:
        return None
    if "/" in period:
        return "span"
    if "W" in period:
        return "week"
    return {4: "year", 7: "month"}.get(len(period), "day")


def time_precision(granularity: str | None, period: str | None = None) -> int:
    """ACLED's time_precision for a time value's granularity (1 day, 2 week, 3 month or coarser).

    With no granularity recorded, the stored interval decides (a whole month or year is 3).
    """
    if granularity:
        return TIME_PRECISION.get(granularity, COARSE_TIME_PRECISION)
    kind = period_precision(period)
    return {"day": 1, "week": 2, "span": 2}.get(kind or "day", COARSE_TIME_PRECISION)
