"""store/mapping.py: records to rows and back, without a database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest

from frontlines.records import Evidence, Rejection, TimeValue
from frontlines.store.mapping import (
    article_row,
    event_date,
    event_key,
    extraction_row,
    extraction_rows,
    incident_row,
    rejection_row,
    row_article,
    row_incident,
    row_record,
    row_stages,
    row_stored_event,
)
from tests.store.samples import article, extraction, incident, place


def test_article_row_roundtrips() -> None:
    a = article()
    row = article_row(a, signature=b"\x00")
    assert row["words"] == len(a.text.split()) and row["status"] == "pending" and row["signature"] == b"\x00"
    assert row_article(SimpleNamespace(**row)) == a


def test_every_extraction_kind_roundtrips_through_its_rows() -> None:
    ex = extraction(article())
    rows = extraction_rows(ex)
    for kind, kind_rows in rows.items():
        assert tuple(row_record(kind, r["data"]) for r in kind_rows) == getattr(ex, kind), kind
        assert [r["seq"] for r in kind_rows] == list(range(len(kind_rows)))
    (ev,) = rows["events"]
    assert (ev["location"], ev["lat"], ev["actor1"], ev["fatalities"], ev["date"]) == (
        "Kharkiv", 49.98, "Russian Armed Forces", 3, dt.date(2022, 11, 7))
    assert rows["places"][0]["kind"] == "settlement" and rows["quotes"][0]["speaker"] == "officials"
    stages = extraction_row(ex, dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))["stages"]
    assert row_stages(stages) == ex.stages and row_stages('[{"name": "x", "version": "2"}]')[0].version == "2"


def test_row_stored_event_from_a_joined_row() -> None:
    a = article()
    ex = extraction(a)
    (row,) = extraction_rows(ex)["events"]
    joined = SimpleNamespace(**row, id=7, source=a.source, title=a.title, url=a.url, published=a.published)
    se = row_stored_event(joined)
    assert se.event == ex.events[0] and se.row_id == 7 and se.key == row["key"]
    assert (se.published, se.period, se.country) == (dt.date(2022, 11, 9), "2022-11-07", "UKR")
    month = SimpleNamespace(**{**vars(joined), "date": dt.date(2022, 3, 1), "date_end": dt.date(2022, 3, 31)})
    assert row_stored_event(month).period == "2022-03"


def test_event_key_is_stable_and_positional() -> None:
    ev = extraction(article()).events[0]
    assert event_key("a", 0, ev) == event_key("a", 0, ev) != event_key("a", 1, ev)
    assert event_key("a", 0, ev) != event_key("a", 0, dataclasses.replace(ev, plover_type="FIGHT"))


def test_rejection_fingerprint_names_origin_code_and_message() -> None:
    r = Rejection(origin="x.jsonl:3", code="E104", message="bad")
    assert rejection_row(r)["fingerprint"] == rejection_row(r)["fingerprint"]
    assert rejection_row(r)["fingerprint"] != rejection_row(dataclasses.replace(r, origin="x.jsonl:4"))["fingerprint"]
    assert rejection_row(r)["at"] is not None


def test_incident_row_roundtrips() -> None:
    i = incident("inc1", [("a", "k1"), ("b", "k2")], where=place("a"))
    row = incident_row(i)
    assert (row["lat"], row["start"], row["corroboration"]) == (49.98, dt.date(2022, 11, 7), "single-source")
    assert row_incident(row["data"]) == i
    assert incident_row(dataclasses.replace(i, place=None))["lat"] is None


@pytest.mark.parametrize(
    ("value", "start", "expected"),
    [
        ("2022-11-09", dt.date(2022, 11, 2), dt.date(2022, 11, 9)),  # publication fallback: a week ending on the day
        ("2022-11-09TEV", dt.date(2022, 11, 9), dt.date(2022, 11, 9)),
        ("2022-03", dt.date(2022, 3, 1), dt.date(2022, 3, 1)),
        ("PAST_REF", dt.date(2022, 10, 12), dt.date(2022, 10, 12)),
        ("2022-13-45", dt.date(2022, 12, 1), dt.date(2022, 12, 1)),  # not a day: the interval's start
        (None, None, None),
    ],
)
def test_event_date(value, start, expected) -> None:  # noqa: ANN001
    ev = Evidence(article_id="a", start=0, end=1, text="x")
    tv = TimeValue(text="x", evidence=ev, value=value, start=start, end=start)
    assert event_date(tv) == expected
    assert event_date(None) is None


# Granularity travels (issue 15 item 4): an event dated by a coarse expression is stored, listed and exported at that
# expression's precision: ``period`` (the API, the JSON exports, the CLI list and the map) and ACLED's time_precision
# (the CSV) say the same thing as the time value. Times from the tagger, published Wednesday 11 June 2025.
PRECISIONS = [
    ("Rebels captured the airport in April last year.", "in April last year", "2024-04", 3),
    ("Security forces killed 12 insurgents last week.", "last week", "2025-W23", 2),
    ("Clashes broke out in Tripoli at the weekend.", "at the weekend", "2025-06-07/2025-06-08", 2),
    ("The town fell to the rebels late last month.", "late last month", "2025-05-21/2025-05-31", 3),
    # (time v10) the part of the report's year gone by, not the whole year ("2025" reached past the report's day)
    ("Fighters took the oil field earlier this year.", "earlier this year", "2025-01-01/2025-06-10", 3),
    ("Gunmen killed 12 people on Monday.", "Monday", "2025-06-09", 1),
]


@pytest.mark.parametrize(("text", "words", "period", "precision"), PRECISIONS, ids=[c[1] for c in PRECISIONS])
def test_a_coarse_date_keeps_its_precision_from_time_to_export(text: str, words: str, period: str,
                                                               precision: int) -> None:
    from frontlines.export import acled_row, event_json
    from frontlines.time import tag_times

    a = dataclasses.replace(article(), text=text, published=dt.date(2025, 6, 11))
    (tv,) = [t for t in tag_times(text, a.published, article_id=a.id) if words.endswith(t.text)]
    ex = extraction(a)
    ex = dataclasses.replace(ex, events=(dataclasses.replace(ex.events[0], time=tv),))
    (row,) = extraction_rows(ex)["events"]
    se = row_stored_event(SimpleNamespace(**row, id=1, source=a.source, title=a.title, url=a.url,
                                          published=a.published))
    assert event_json(se)["period"] == period
    assert acled_row(se)["time_precision"] == event_json(se)["time_precision"] == precision
