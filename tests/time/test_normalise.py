"""Calendar arithmetic behind TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.time import normalise as nz

REF = dt.date(2022, 11, 9)  # Wednesday


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [(2, -1, REF), (2, 1, REF), (4, -1, dt.date(2022, 11, 4)), (4, 1, dt.date(2022, 11, 11)),
     (0, -1, dt.date(2022, 11, 7)), (0, 1, dt.date(2022, 11, 14))],
)
def test_weekday_near(weekday: int, direction: int, expected: dt.date) -> None:
    assert nz.weekday_near(REF, weekday, direction) == expected


@pytest.mark.parametrize(
    ("month", "day", "direction", "year"),
    [(9, 30, -1, 2022), (9, 30, 0, 2022), (12, 25, 1, 2022), (12, 25, -1, 2021), (3, None, 0, 2023 - 1),
     (1, 5, 1, 2023), (11, None, -1, 2022)],
)
def test_infer_year(month: int, day: int | None, direction: int, year: int) -> None:
    assert nz.infer_year(REF, month, day, direction) == year


@pytest.mark.parametrize(
    ("amount", "unit", "time_unit", "value"),
    [(3, "D", False, "P3D"), (None, "Y", False, "PXY"), (5, "H", True, "PT5H"), (2.5, "Y", False, "P2Y6M"),
     (5.5, "H", True, "PT5H30M"), (2, "E", False, "P20Y"), (1, "Q", False, "P3M")],
)
def test_duration(amount: float | None, unit: str, time_unit: bool, value: str) -> None:
    assert nz.duration(amount, unit, time_unit) == value


def test_intervals() -> None:
    assert nz.week(REF).value == "2022-W45"
    assert (nz.week(REF).start, nz.week(REF).end) == (dt.date(2022, 11, 7), dt.date(2022, 11, 13))
    assert nz.month(2022, 2).end == dt.date(2022, 2, 28)
    assert nz.quarter(1998, 3).value == "1998-Q3"
    assert nz.season(2022, "WI").end == dt.date(2023, 2, 28)
    assert nz.decade(1994).value == "199"
    assert nz.century(20).value == "19"
    assert nz.relative(REF, "month", -1).value == "2022-10"
    assert nz.shift_months(dt.date(2022, 3, 31), -1) == dt.date(2022, 2, 28)


@pytest.mark.parametrize(
    ("edge", "start", "end"),
    [("late", dt.date(2022, 9, 21), dt.date(2022, 9, 30)), ("early", dt.date(2022, 9, 1), dt.date(2022, 9, 10)),
     ("mid", dt.date(2022, 9, 11), dt.date(2022, 9, 20)), ("the end of", dt.date(2022, 9, 21), dt.date(2022, 9, 30)),
     ("the beginning of", dt.date(2022, 9, 1), dt.date(2022, 9, 10)),
     # negative: no edge, or a word that names no third, keeps the whole month
     (None, dt.date(2022, 9, 1), dt.date(2022, 9, 30)), ("earlier", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
     ("the rest of", dt.date(2022, 9, 1), dt.date(2022, 9, 30))],
)
def test_month_part_narrows_a_month_to_its_third(edge: str | None, start: dt.date, end: dt.date) -> None:
    part = nz.month_part(nz.month(2022, 9), edge)
    assert (part.value, part.start, part.end) == ("2022-09", start, end)


def test_month_part_clips_to_the_month_and_leaves_other_units() -> None:
    assert nz.month_part(nz.month(2023, 2), "late").end == dt.date(2023, 2, 28)
    assert nz.month_part(nz.year(2023), "late") == nz.year(2023)  # negative: only months narrow
