"""store/reviews.py and the reviewed reads of store/events.py (SQLite and PostgreSQL): reviews are their own
records, applied on every read, re-attached when an article is processed again, orphaned when their event is
gone; incidents and control follow them through the Runner."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.errors import NotFound
from frontlines.records import EventChanges, EventStatus, Review, Verdict
from frontlines.runner import Runner
from frontlines.store import EventFilter
from tests.api.builders import build, demo_specs, sequence_specs
from tests.test_runner import Prebuilt

AT = dt.datetime(2026, 12, 6, 12, tzinfo=dt.timezone.utc)


def _review(key: str, verdict: Verdict = Verdict.REJECTED, **changes) -> Review:  # noqa: ANN003
    return Review(event_key=key, article_id="", verdict=verdict, user="ann", at=AT,
                  changes=EventChanges(**changes), note="checked against the source")


def _processed(store):  # noqa: ANN001, ANN202
    """The demo and sequence articles stored and processed through the Runner; their extractions by id."""
    built = {}
    for spec in demo_specs() + sequence_specs():
        article, extraction = build(spec)
        store.add_article(article)
        built[article.id] = extraction
    Runner(store, Prebuilt(built)).run()
    return built


def _key(store, place: str, killed: int | None = None) -> str:  # noqa: ANN001
    events = [e for e in store.list_events(EventFilter(place=place, limit=100))
              if killed is None or e.fatalities == killed]
    assert len(events) >= 1
    return events[0].key


def _again(store, built) -> None:  # noqa: ANN001
    store.reset_status()
    Runner(store, Prebuilt(built)).run()


def test_a_rejected_event_leaves_every_read_but_its_own(store) -> None:  # noqa: ANN001
    _processed(store)
    total = store.count_events()
    key = _key(store, "Kharkiv")
    Runner(store).review(_review(key))
    assert store.count_events() == total - 1
    assert key not in {e.key for e in store.list_events(EventFilter(limit=1000))}
    assert key not in {e.key for e in store.iter_events()}
    assert key in {e.key for e in store.iter_events(include_rejected=True)}
    assert store.count_events(EventFilter(include_rejected=True)) == total
    assert [e.key for e in store.list_events(EventFilter(review="rejected"))] == [key]
    assert store.count_events(EventFilter(review="unreviewed")) == total - 1
    one = store.get_event(key)  # asked for by key: shown, with its verdict and the machine's event
    assert one.verdict is Verdict.REJECTED and one.reviewer == "ann" and one.machine is not None
    assert sum(n for _, n in store.event_counts("plover_type")) == total - 1


def test_a_correction_is_read_and_filtered_by_its_new_values(store) -> None:  # noqa: ANN001
    _processed(store)
    key = _key(store, "Mykolaiv", killed=7)
    machine = store.get_event(key)
    Runner(store).review(_review(key, Verdict.CORRECTED, fatalities=3, plover_type="FIGHT",
                                 status=EventStatus.CLAIMED))
    fixed = store.get_event(key)
    assert (fixed.fatalities, fixed.event.plover_type, fixed.event.status) == (3, "FIGHT", EventStatus.CLAIMED)
    assert fixed.machine == machine.event and fixed.machine.plover_type == "ASSAULT"  # never overwritten
    assert key in {e.key for e in store.list_events(EventFilter(plover_type="FIGHT", limit=1000))}
    assert key not in {e.key for e in store.list_events(EventFilter(plover_type="ASSAULT", limit=1000))}
    assert key in {e.key for e in store.list_events(EventFilter(status="claimed", place="Mykolaiv"))}
    # bbox and date filters read the reviewed half too
    hit = EventFilter(bbox=(31.9, 46.9, 32.1, 47.1), since=dt.date(2022, 11, 8), until=dt.date(2022, 11, 8))
    assert key in {e.key for e in store.list_events(hit)}


def test_pages_merge_both_halves_in_order(store) -> None:  # noqa: ANN001
    _processed(store)
    before = [e.key for e in store.list_events(EventFilter(limit=1000, sort="-date"))]
    for key in before[1::3]:
        Runner(store).review(_review(key, Verdict.CONFIRMED))
    paged = [e.key for off in range(0, len(before), 4)
             for e in store.list_events(EventFilter(limit=4, offset=off, sort="-date"))]
    assert paged == before  # confirmations change nothing, and pages neither skip nor repeat
    assert store.count_events(EventFilter(review="confirmed")) == len(before[1::3])


def test_reviews_survive_run_again(store) -> None:  # noqa: ANN001
    built = _processed(store)
    rejected, corrected = _key(store, "Kharkiv"), _key(store, "Mykolaiv", killed=7)
    Runner(store).review(_review(rejected))
    Runner(store).review(_review(corrected, Verdict.CORRECTED, fatalities=3))
    _again(store, built)
    assert rejected not in {e.key for e in store.iter_events()}
    assert store.get_event(corrected).fatalities == 3
    assert store.count_reviews(orphaned=True) == 0 and store.count_reviews() == 2


def test_a_changed_key_reattaches_by_evidence_span(store) -> None:  # noqa: ANN001
    built = _processed(store)
    key = _key(store, "Mykolaiv", killed=7)
    se = store.get_event(key)
    Runner(store).review(_review(key, Verdict.CORRECTED, fatalities=3))
    # a pipeline upgrade codes the same sentence with another trigger: another key, the same span
    ex = built[se.article_id]
    events = list(ex.events)
    events[se.seq] = dataclasses.replace(events[se.seq], trigger="shelled Mykolaiv")
    built[se.article_id] = dataclasses.replace(ex, events=tuple(events))
    _again(store, built)
    with pytest.raises(NotFound):
        store.get_event(key)
    [review] = store.list_reviews()
    assert review.attached_key not in (None, key) and review.event_key == key
    assert store.get_event(review.attached_key).fatalities == 3


def test_a_review_whose_event_is_gone_is_kept_as_orphaned(store) -> None:  # noqa: ANN001
    built = _processed(store)
    key = _key(store, "Kharkiv")
    se = store.get_event(key)
    Runner(store).review(_review(key, Verdict.CONFIRMED))
    ex = built[se.article_id]
    built[se.article_id] = dataclasses.replace(ex, events=tuple(e for i, e in enumerate(ex.events) if i != se.seq))
    _again(store, built)
    [review] = store.list_reviews(orphaned=True)
    assert review.orphaned and review.event_key == key and review.note == "checked against the source"
    assert store.list_reviews(orphaned=False) == [] and store.stats()["reviews_orphaned"] == 1


def test_a_rejected_event_leaves_its_incident(store) -> None:  # noqa: ANN001
    _processed(store)
    # the Mykolaiv shelling is reported by two outlets (7 and 9 killed): one incident of two reports
    keys = {e.key for e in store.list_events(EventFilter(place="Mykolaiv"))}
    [incident] = [i for i in store.list_incidents() if {r.event_key for r in i.reports} & keys]
    assert len(incident.reports) == 2
    seven = _key(store, "Mykolaiv", killed=7)
    Runner(store).review(_review(seven))
    assert store.count_pending_updates() == 0
    holding = [i for i in store.list_incidents() if seven in {r.event_key for r in i.reports}]
    assert holding == []
    [left] = [i for i in store.list_incidents() if {r.event_key for r in i.reports} & keys]
    assert len(left.reports) == 1 and left.quantity_ranges.get("killed") == (9.0, 9.0)


def test_a_review_of_an_unknown_event_is_refused(store) -> None:  # noqa: ANN001
    with pytest.raises(NotFound):
        store.add_review(_review("f" * 40))
