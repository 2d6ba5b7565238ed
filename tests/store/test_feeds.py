"""The store's feeds part: feed state round-trips, entries are remembered per feed, articles found by URL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.errors import NotFound
from frontlines.records import Feed
from tests.store.samples import article

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.timezone.utc)


def test_add_list_remove(store) -> None:  # noqa: ANN001
    assert store.add_feed(Feed(url="https://a.example/rss", title="A"))
    assert not store.add_feed(Feed(url="https://a.example/rss"))  # once
    assert store.add_feed(Feed(url="https://b.example/atom"))
    assert [f.url for f in store.list_feeds()] == ["https://a.example/rss", "https://b.example/atom"]
    assert store.get_feed("https://a.example/rss").title == "A" and store.stats()["feeds"] == 2
    assert store.remove_feed("https://a.example/rss") and not store.remove_feed("https://a.example/rss")
    with pytest.raises(NotFound):
        store.get_feed("https://a.example/rss")


def test_poll_state_round_trips(store) -> None:  # noqa: ANN001
    store.add_feed(Feed(url="https://a.example/rss"))
    polled = dataclasses.replace(store.get_feed("https://a.example/rss"), polled_at=NOW, status=200, etag='"x"',
                                 last_modified="Sat, 05 Dec 2026 10:00:00 GMT", error_code="E118",
                                 error="500 Internal Server Error", failures=2, entries_seen=20, articles=18,
                                 new_at=NOW, title="Feed A")
    store.save_feed_state(polled)
    got = store.get_feed("https://a.example/rss")
    assert dataclasses.replace(got, polled_at=None, new_at=None, added_at=None) == dataclasses.replace(
        polled, polled_at=None, new_at=None, added_at=None)
    assert got.polled_at.replace(tzinfo=dt.timezone.utc) == NOW


def test_entries_are_remembered_per_feed(store) -> None:  # noqa: ANN001
    for url in ("https://a.example/rss", "https://b.example/rss"):
        store.add_feed(Feed(url=url))
    key = "https://a.example/story-1" + "x" * 3000  # long keys are hashed
    store.record_feed_entries("https://a.example/rss", {key: ("https://a.example/story-1", "abc")},
                              retry={"k2": ("https://a.example/2", 1)})
    assert store.feed_entry_tries("https://a.example/rss", [key, "k2", "k3"]) == {key: None, "k2": 1}
    assert store.feed_entry_tries("https://b.example/rss", [key, "k2"]) == {}
    store.record_feed_entries("https://a.example/rss", {"k2": ("https://a.example/2", None)})  # given up, done
    assert store.feed_entry_tries("https://a.example/rss", ["k2"]) == {"k2": None}
    store.remove_feed("https://a.example/rss")
    store.add_feed(Feed(url="https://a.example/rss"))
    assert store.feed_entry_tries("https://a.example/rss", [key]) == {}


def test_articles_by_url(store) -> None:  # noqa: ANN001
    a = dataclasses.replace(article("Shelling in Kharkiv on Monday."), url="https://a.example/story-1")
    store.add_article(a)
    assert store.article_ids_by_url(["https://a.example/story-1", "https://a.example/other"]) == {
        "https://a.example/story-1": a.id}
