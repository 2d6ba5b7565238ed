"""Tables of (text, expected) for the time tagger, with negative cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.records import Resolution, TimeType
from frontlines.time import tag_times

WED = dt.date(2022, 11, 9)  # a Wednesday
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "time" / "river-crossing-2023-06-14.txt"
MODEL_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"


def _values(text: str, ref: dt.date | None = WED) -> dict[str, str | None]:
    return {t.text: t.value for t in tag_times(text, ref)}


def _one(text: str, ref: dt.date | None = WED):  # noqa: ANN202
    found = tag_times(text, ref)
    assert len(found) == 1, found
    return found[0]


# (sentence, expression as tagged, TIMEX3 value) against Wednesday 2022-11-09
VALUES = [
    ("The order was given on Wednesday evening.", "Wednesday evening", "2022-11-09TEV"),
    ("Putin signed the decree on 30 September.", "30 September", "2022-09-30"),
    ("Troops advanced in March.", "March", "2022-03"),
    ("A mobilisation order followed in September.", "September", "2022-09"),
    ("The city fell on Sept. 30, 2021.", "Sept. 30, 2021", "2021-09-30"),
    ("Shelling resumed yesterday.", "yesterday", "2022-11-08"),
    ("Talks are planned for tomorrow.", "tomorrow", "2022-11-10"),
    ("Prices rose last month.", "last month", "2022-10"),
    ("Fighting eased last week.", "last week", "2022-W44"),
    ("Exports fell this year.", "this year", "2022"),
    ("Losses doubled earlier this year.", "earlier this year", "2022"),
    ("The bridge was hit two days ago.", "two days ago", "2022-11-07"),
    ("The siege lasted three years.", "three years", "P3Y"),
    ("a five-year plan", "five-year", "P5Y"),
    ("He was held for 48 hours.", "48 hours", "PT48H"),
    ("It took 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("Output rose in the third quarter of 1998.", "the third quarter of 1998", "1998-Q3"),
    ("Dividends are paid quarterly.", "quarterly", "P3M"),
    ("The ministry reports daily.", "daily", "P1D"),
    ("He visits each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The town is now quiet.", "now", "PRESENT_REF"),
    ("Officials recently said so.", "recently", "PAST_REF"),
    ("The region may fall in the future.", "the future", "FUTURE_REF"),
    ("Tensions rose in the 1990s.", "the 1990s", "199"),
    ("Born in 1948, he fought in Afghanistan.", "1948", "1948"),
    ("in the 20th century", "the 20th century", "19"),
    ("The strike came at 10:35 a.m. on Friday.", "10:35 a.m. on Friday", "2022-11-04T10:35"),
    ("The attack happened in the summer of 2014.", "the summer of 2014", "2014-SU"),
    ("He will speak on Friday.", "Friday", "2022-11-11"),
    ("The report was published on 2022-10-31.", "2022-10-31", "2022-10-31"),
    ("Christmas Day 2021 was quiet.", "Christmas Day 2021", "2021-12-25"),
    # a holiday of a year named with "in" or "of" is that year's (time v12); without a year, the last one
    ("Over Christmas in 2019, attacks on villages killed 200 people.", "Christmas in 2019", "2019-12-25"),
    ("Easter of 2021 passed quietly.", "Easter of 2021", "2021-04-04"),
    ("Over Christmas, attacks on villages killed 200 people.", "Christmas", "2021-12-25"),
    ("over the past three months", "the past three months", "P3M"),
    # a report's last day, as "the past 24 hours" (time v6)
    ("The army repelled 45 attacks over the past day.", "the past day", "P1D"),
    ("In the last day, 12 drones were shot down.", "the last day", "P1D"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), VALUES)
def test_values_against_publication_date(sentence: str, expression: str, value: str) -> None:
    assert _values(sentence).get(expression) == value


# Words that look like dates but are not.
NEGATIVES = [
    "We will return, and your cities will be your grave.",
    "May Lin, an aid worker, said the road was open.",
    "Theresa May said the talks would go on.",
    "Troops may withdraw if ordered.",
    "Veterans march through the square.",
    "The Sunday Times reported the claim.",
    "Wednesday Addams is a fictional character.",
    "The evacuation of 2000 residents began.",
    "The convoy carried 1500 troops.",
    "A 52-year-old man was detained.",
    "He paid $1990 for the rifle.",
    # "the last day" that is the final one, not a stretch up to now
    "Its final session was the last day of the summit.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_dates(sentence: str) -> None:
    assert tag_times(sentence, WED) == ()


def test_relative_resolves_against_publication() -> None:
    t = _one("Kyiv said on Wednesday that the retreat had begun.")
    assert (t.value, t.resolution, t.anchor) == ("2022-11-09", Resolution.PUBLICATION, "2022-11-09")
    assert t.start == t.end == WED


def test_month_is_month_granularity() -> None:
    t = _one("Troops advanced in March.")
    assert (t.granularity, t.start, t.end) == ("month", dt.date(2022, 3, 1), dt.date(2022, 3, 31))


def test_recent_weeks_is_interval_ending_on_reference() -> None:
    t = _one("Several officials died in recent weeks.")
    assert t.value == "PAST_REF" and t.end == WED and t.start is not None and t.start < WED
    assert t.granularity == "week"


def test_day_evening_keeps_the_day() -> None:
    t = _one("In a televised statement on Wednesday evening, he spoke.")
    assert t.start == t.end == WED and t.value is not None and t.value.startswith("2022-11-09")


def test_hours_prior_is_a_duration() -> None:
    t = _one("Hours prior to the announcement, the governor died.")
    assert (t.type, t.value) == (TimeType.DURATION, "PTXH")


def test_anchoring_on_an_earlier_date() -> None:
    found = tag_times("The dam was breached on 6 June 2023. The next day, villages flooded.", WED)
    assert [t.value for t in found] == ["2023-06-06", "2023-06-07"]
    assert found[1].resolution is Resolution.ANCHORED and found[1].anchor == "2023-06-06"


def test_future_tense_points_forward() -> None:
    assert _one("Talks will resume on Monday.").value == "2022-11-14"
    assert _one("Talks resumed on Monday.").value == "2022-11-07"


def test_weekday_same_as_reference_is_the_reference_day() -> None:
    assert _one("Russia announced the withdrawal on Wednesday.").value == "2022-11-09"


def test_no_reference_date_keeps_explicit_and_marks_relative_unresolved() -> None:
    found = {t.text: t for t in tag_times("On 24 February 2022 the war began; yesterday and in March it went on.", None)}
    assert found["24 February 2022"].value == "2022-02-24"
    assert found["24 February 2022"].resolution is Resolution.EXPLICIT
    for text in ("yesterday", "March"):
        assert found[text].resolution is Resolution.UNRESOLVED
        assert found[text].start is None and found[text].end is None
    today = dt.date.today().isoformat()
    assert all(today not in (t.value or "") for t in found.values())


def test_evidence_spans_point_into_the_text() -> None:
    text = "Fighting eased last week, officials said on Friday."
    for t in tag_times(text, WED, article_id="a1"):
        assert text[t.evidence.start:t.evidence.end] == t.text == t.evidence.text
        assert t.evidence.article_id == "a1"


def test_fixture_article() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    found = {t.text: t.value for t in tag_times(text, dt.date(2023, 6, 14))}
    assert found["Wednesday"] == "2023-06-14"
    assert found["early June"] == "2023-06"
    assert found["24 February 2022"] == "2022-02-24"
    assert found["The next day"] == "2023-06-13"
    assert found["the third quarter of 2023"] == "2023-Q3"
    assert "May" in found and found["May"] == "2023-05"
    assert not any("Lin" in k or "return" in k for k in found)


def test_fixture_article_with_doc(nlp) -> None:  # noqa: ANN001
    text = FIXTURE.read_text(encoding="utf-8")
    found = {t.text: t.value for t in tag_times(text, dt.date(2023, 6, 14), doc=nlp(text))}
    assert found["Wednesday"] == "2023-06-14"
    assert found["The next day"] == "2023-06-13"


@pytest.mark.skipif(not MODEL_ARTICLE.exists(), reason=f"model article absent: {MODEL_ARTICLE}")
def test_model_article() -> None:
    text = MODEL_ARTICLE.read_text(encoding="utf-8")
    found = {t.text: t for t in tag_times(text, WED)}
    assert found["Wednesday evening"].start == WED
    assert found["30 September"].value == "2022-09-30"
    assert found["March"].value == "2022-03"
    assert found["September"].value == "2022-09"
    assert found["recent weeks"].end == WED
    assert not any("return" in k for k in found)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the day of the statement does not become the day the text is talking about
        ("The strike on Tuesday killed 100, Amnesty International said today. A jet dropped bombs at 8 a.m.",
         "8 a.m.", "2022-11-08T08:00"),
        ("Rebels attacked on Monday, officials told reporters on Tuesday. Fighting resumed the next day.",
         "the next day", "2022-11-08"),
        # negative: a day that dates the events themselves is the focus
        ("The strike came today. A jet dropped bombs at 8 a.m.", "8 a.m.", "2022-11-09T08:00"),
        ("Rebels attacked on Monday. Fighting resumed the next day.", "the next day", "2022-11-08"),
    ],
)
def test_a_reporting_date_is_no_focus(text: str, expression: str, value: str) -> None:
    assert _values(text)[expression] == value
