"""store/extractions.py against SQLite and PostgreSQL: per-article extractions saved whole and read back."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from frontlines.errors import StoreError
from frontlines.records import ArticleStatus
from tests.store.samples import article, extraction


def test_save_extraction_replaces_and_roundtrips(store) -> None:  # noqa: ANN001
    a = article()
    store.add_article(a)
    ex = extraction(a)
    store.save_extraction(ex)
    store.save_extraction(ex)  # a rerun replaces, never duplicates
    stats = store.stats()
    assert (stats["events"], stats["places"], stats["quotes"]) == (1, 1, 1)
    assert stats["articles_by_status"] == {"processed": 1}
    assert (stats["incidents"], stats["control_changes"]) == (0, 0)  # nothing merged across articles yet
    assert store.get_extraction(a.id) == ex


def test_save_extractions_bulk_is_one_transaction(store) -> None:  # noqa: ANN001
    a, b = article("One article about shelling."), article("Another article about drones.")
    store.add_article(a)
    store.add_article(b)
    assert store.save_extractions_bulk([extraction(a), extraction(b)]) == 2
    assert store.save_extractions_bulk([extraction(a)]) == 1  # replaces a's rows
    assert store.stats()["events"] == 2 and store.pending_ids() == []
    ghost = article("Never stored, so its rows break the foreign key.")
    with pytest.raises(IntegrityError):
        store.save_extractions_bulk([extraction(b, plover_type="FIGHT"), extraction(ghost)])
    assert store.get_extraction(b.id).events[0].plover_type == "ASSAULT"  # b untouched: all or nothing
    assert store.save_extractions_bulk([]) == 0


def test_unknown_article_extraction_is_empty(store) -> None:  # noqa: ANN001
    ex = store.get_extraction("0" * 32)
    assert ex.events == () and ex.stages == ()


def test_iter_extraction_rows(store) -> None:  # noqa: ANN001
    a = article()
    store.add_article(a)
    store.save_extraction(extraction(a))
    (row,) = list(store.iter_extraction_rows("places", batch=1))
    assert row["name"] == "Kharkiv" and row["article_id"] == a.id and row["data"]["gazetteer_id"] == "geonames:706483"


def test_query_extraction_rows_mentions_and_groups(store) -> None:  # noqa: ANN001
    a, b = article("One article about shelling."), article("Another article about drones.", title="Drones")
    for x in (a, b):
        store.add_article(x)
        store.save_extraction(extraction(x))
    rows, total = store.query_extraction_rows("actors", contains={"name": "armed", "side": None})
    assert total == 2 and {r["article_id"] for r in rows} == {a.id, b.id}
    assert rows[0]["published"] == "2022-11-09" and rows[0]["data"]["sector"] == "military"
    groups, n = store.query_extraction_rows("actors", by=["name", "country"], equals={"country": "RUS"})
    assert n == 1 and groups == [{"name": "Russian Armed Forces", "country": "RUS", "mentions": 2, "articles": 2}]
    assert store.query_extraction_rows("quotes", equals={"speaker": "officials"}, limit=1)[1] == 2
    with pytest.raises(StoreError, match="E902"):
        store.query_extraction_rows("actors", contains={"data": "x"})
    with pytest.raises(StoreError, match="E902"):
        store.query_extraction_rows("bananas")


def test_failed_article_keeps_its_reason_until_processed(store) -> None:  # noqa: ANN001
    a = article()
    store.add_article(a)
    store.set_status(a.id, ArticleStatus.FAILED, "E201 boom")
    store.save_extraction(extraction(a))
    got = store.get_article(a.id)
    assert got.status is ArticleStatus.PROCESSED and got.skip_reason is None
