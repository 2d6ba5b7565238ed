"""store/articles.py against SQLite and PostgreSQL: articles, their status, and rejected inputs."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.errors import NotFound
from frontlines.records import ArticleStatus, Rejection
from frontlines.store import ArticleFilter
from tests.store.samples import article, extraction


def test_add_article_is_idempotent(store) -> None:  # noqa: ANN001
    a = article()
    assert store.add_article(a) is True
    assert store.add_article(a) is False
    assert store.has_article(a.id) and not store.has_article("0" * 32)
    got = store.get_article(a.id)
    assert got == a and got.status is ArticleStatus.PENDING
    assert store.get_article(a.id[:8]).id == a.id  # unambiguous prefix
    with pytest.raises(NotFound):
        store.get_article("0000nothere")


def test_get_articles_keeps_the_order_asked_and_skips_unknown_ids(store) -> None:  # noqa: ANN001
    one, two = article("One article about shelling."), article("Another article about drones.")
    store.add_article(one)
    store.add_article(two)
    assert [a.id for a in store.get_articles([two.id, "f" * 32, one.id])] == [two.id, one.id]
    assert store.get_articles([]) == []


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (ArticleFilter(), ["late", "early"]),  # newest first
        (ArticleFilter(since=dt.date(2022, 11, 1)), ["late"]),
        (ArticleFilter(until=dt.date(2022, 11, 1)), ["early"]),
        (ArticleFilter(source="Kyiv Daily"), ["early"]),
        (ArticleFilter(text="DRONES"), ["late"]),  # title or text, case-insensitive
        (ArticleFilter(text="100%"), []),  # LIKE wildcards are literal
        (ArticleFilter(status="processed"), []),
        (ArticleFilter(limit=1, offset=1), ["early"]),
    ],
)
def test_list_articles_filters(store, where: ArticleFilter, expected: list[str]) -> None:  # noqa: ANN001
    store.add_article(article("Drones hit the port.", title="late", published=dt.date(2022, 11, 9)))
    store.add_article(article("Shelling of the town.", title="early", source="Kyiv Daily",
                              published=dt.date(2022, 10, 1)))
    assert [a.title for a in store.list_articles(where)] == expected


def test_status_reset_and_pending(store) -> None:  # noqa: ANN001
    a, b = article("One article about shelling."), article("Another article about drones.")
    store.add_article(a)
    store.add_article(b)
    store.save_extraction(extraction(a))
    assert store.pending_ids() == [b.id]
    store.set_status(b.id, ArticleStatus.SKIPPED, "language de")
    assert store.get_article(b.id).skip_reason == "language de"
    assert store.reset_status() == 1  # skipped articles stay skipped
    assert store.pending_ids() == [a.id]
    assert [x.id for x in store.iter_articles(status="skipped")] == [b.id]


def test_iter_articles_streams_all_in_id_order(store) -> None:  # noqa: ANN001
    ids = sorted(article(f"Article number {i} about the front.").id for i in range(7))
    for i in range(7):
        store.add_article(article(f"Article number {i} about the front."))
    assert [a.id for a in store.iter_articles(batch=3)] == ids


def test_signatures_of_originals_only(store) -> None:  # noqa: ANN001
    a, b = article("An original report."), article("A near copy of the original report.")
    store.add_article(a, signature=b"\x01\x02")
    store.add_article(dataclasses.replace(b, duplicate_of=a.id), signature=b"\x03")
    store.add_article(article("No signature at all."))
    assert list(store.signatures()) == [(a.id, b"\x01\x02")]


def test_rejections_are_kept_once(store) -> None:  # noqa: ANN001
    r = Rejection(origin="x.jsonl:3", code="E104", message="Expecting value at column 1")
    assert store.add_rejection(r) is True
    assert store.add_rejection(r) is False
    assert store.add_rejection(Rejection(origin="x.jsonl:4", code="E104", message="Expecting value")) is True
    assert store.stats()["rejections_by_code"] == {"E104": 2}
    kept = store.list_rejections()
    assert [(k.origin, k.code) for k in kept] == [("x.jsonl:3", "E104"), ("x.jsonl:4", "E104")]
    assert kept[0].at is not None  # stamped when stored
