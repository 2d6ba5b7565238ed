"""A stored interval said at its own precision: "2023", "2022-04", "2023-W50"; ACLED time_precision."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.time.periods import iso_period, period_precision, time_precision

D = dt.date


@pytest.mark.parametrize(("start", "end", "period", "precision"), [
    (D(2022, 11, 9), D(2022, 11, 9), "2022-11-09", "day"),
    (D(2022, 11, 9), None, "2022-11-09", "day"),
    ("2022-11-09", "2022-11-09", "2022-11-09", "day"),
    (D(2023, 1, 1), D(2023, 12, 31), "2023", "year"),
    ("2023-01-01", "2023-12-31", "2023", "year"),
    (D(2022, 4, 1), D(2022, 4, 30), "2022-04", "month"),
    (D(2024, 2, 1), D(2024, 2, 29), "2024-02", "month"),  # a leap year's February
    (D(2023, 12, 11), D(2023, 12, 17), "2023-W50", "week"),
    (D(2024, 4, 6), D(2024, 4, 7), "2024-04-06/2024-04-07", "span"),  # a weekend
    (D(2023, 5, 30), D(2023, 6, 6), "2023-05-30/2023-06-06", "span"),  # the week before publication
    (D(2023, 1, 1), D(2023, 1, 30), "2023-01-01/2023-01-30", "span"),  # not a whole month
    (None, None, None, None),
])
def test_iso_period(start, end, period, precision) -> None:  # noqa: ANN001
    assert iso_period(start, end) == period
    assert period_precision(period) == precision


@pytest.mark.parametrize(("granularity", "period", "code"), [
    ("day", "2022-11-09", 1), ("time", "2022-11-09", 1), ("week", "2023-W50", 2), ("month", "2022-04", 3),
    ("year", "2023", 3), ("season", "2023-06-01/2023-08-31", 3),
    (None, "2022-11-09", 1), (None, "2023-W50", 2), (None, "2022-04", 3), (None, "2023", 3),
])
def test_acled_time_precision(granularity, period, code) -> None:  # noqa: ANN001
    assert time_precision(granularity, period) == code
