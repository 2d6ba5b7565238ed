"""Incidents in the store: incremental updates after each article, in any order, equal a full merge."""

from __future__ import annotations

import random

import pytest

from frontlines.incidents import merge_incidents, pairwise_scores, rebuild_incidents, update_incidents
from frontlines.incidents.update import reported_events
from frontlines.records import Extraction, to_dict
from frontlines.store import EventFilter, IncidentFilter
from tests.incidents.helpers import FIXTURES, load_reports, save_reports

TEST_SET = FIXTURES / "incidents" / "reports.yaml"


def _article_order(items: list, seed: int) -> list[str]:
    ids = sorted({i.article_id for i in items})
    random.Random(seed).shuffle(ids)
    return ids


def _snapshot(store) -> list[dict]:  # noqa: ANN001
    return sorted(to_dict(store.list_incidents(IncidentFilter(limit=10_000))), key=lambda d: d["id"])


def _ingest_incrementally(store, items: list, order: list[str]) -> dict[str, str]:  # noqa: ANN001
    mapping: dict[str, str] = {}
    for aid in order:
        mapping.update(save_reports(store, [i for i in items if i.article_id == aid]))
        update_incidents(store, [aid])
    return mapping


def test_incremental_in_three_orders_equals_full_merge(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store

    items, gold = load_reports(TEST_SET)
    snapshots = []
    for seed in (1, 2, 3):
        store = open_store(str(tmp_path / f"s{seed}.db"))
        mapping = _ingest_incrementally(store, items, _article_order(items, seed))
        snapshots.append(_snapshot(store))
        # the stored incidents are what merging everything at once gives
        full = merge_incidents(reported_events(store.read_events()))
        assert sorted(to_dict(list(full)), key=lambda d: d["id"]) == snapshots[-1]
        rebuild_incidents(store)
        assert _snapshot(store) == snapshots[-1]
        # and they score like the in-memory merge
        stored_gold = {k: gold[v] for k, v in mapping.items()}
        scores = pairwise_scores(store.list_incidents(IncidentFilter(limit=10_000)), stored_gold)
        assert scores.precision >= 0.9 and scores.recall >= 0.9
        store.close()
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_long_id_lists_are_read_and_written_in_chunks(store, monkeypatch) -> None:  # noqa: ANN001
    """IN lists are cut in chunks (SQLite and PostgreSQL bound a statement's parameters); results are whole."""
    import frontlines.store.sql as store_sql
    from frontlines.control import update_after_run

    monkeypatch.setattr(store_sql, "IN_CHUNK", 2)
    items, _ = load_reports(TEST_SET)
    mapping: dict[str, str] = {}
    for aid in sorted({i.article_id for i in items}):
        mapping.update(save_reports(store, [i for i in items if i.article_id == aid]))
    ids = sorted({i.article_id for i in items})
    stored = store.read_events(article_ids=ids)
    assert len(stored) == len(items) and [s.key for s in stored] == sorted(s.key for s in stored)
    assert len(store.read_events(keys=[s.key for s in stored[:5]])) == 5
    assert [a.id for a in store.get_articles(ids[::-1])] == ids[::-1]
    update_after_run(store, ids)
    once = _snapshot(store)
    assert len(store.incident_ids_for_events([s.key for s in stored])) == len(once)
    update_after_run(store, ids)  # again: drops and rewrites every incident, chunk by chunk
    assert _snapshot(store) == once
    full = merge_incidents(reported_events(store.read_events()))
    assert sorted(to_dict(list(full)), key=lambda d: d["id"]) == once


def test_update_on_both_databases(store) -> None:  # noqa: ANN001
    items, _ = load_reports(TEST_SET)
    kramatorsk = [i for i in items if i.key in {"k1", "k2", "k3", "k7"}]
    _ingest_incrementally(store, kramatorsk, ["a07", "a02", "a01", "a03"])
    incidents = store.list_incidents()
    assert sorted(len(i.reports) for i in incidents) == [1, 3]
    big = next(i for i in incidents if len(i.reports) == 3)
    assert store.get_incident(big.id[:10]).id == big.id
    assert store.list_incidents(IncidentFilter(min_reports=2)) == [big]
    assert [i.id for i in store.list_incidents(IncidentFilter(corroboration="independent"))] == [big.id]
    assert store.count_incidents() == 2 and store.count_incidents(IncidentFilter(min_reports=2)) == 1
    lon, lat = big.place.lon, big.place.lat
    near = (lon - 0.05, lat - 0.05, lon + 0.05, lat + 0.05)
    assert big.id in [i.id for i in store.list_incidents(IncidentFilter(bbox=near))]
    assert store.list_incidents(IncidentFilter(bbox=(lon + 1, lat + 1, lon + 2, lat + 2))) == []
    for report in big.reports:  # a member-event filter keeps the incidents holding a matching event
        found = store.list_incidents(IncidentFilter(members=EventFilter(article_id=report.article_id)))
        assert [i.id for i in found] == [big.id]
    assert store.count_incidents(IncidentFilter(members=EventFilter(article_id="no-such-article"))) == 0
    assert len(store.list_incidents(IncidentFilter(limit=1))) == 1
    assert store.list_incidents(IncidentFilter(limit=1, offset=2)) == []


def test_reprocessed_article_that_lost_its_event_leaves_its_incident(sqlite_store) -> None:  # noqa: ANN001
    items, _ = load_reports(TEST_SET)
    hroza = [i for i in items if i.key in {"g1", "g2", "g3"}]
    _ingest_incrementally(sqlite_store, hroza, ["c01", "c02", "c03"])
    (inc,) = sqlite_store.list_incidents()
    assert len(inc.reports) == 3
    # c02 processed again (say, a better events stage) and its event is gone
    sqlite_store.save_extraction(Extraction(article_id="c02"))
    update_incidents(sqlite_store, ["c02"])
    (inc,) = sqlite_store.list_incidents()
    assert sorted(r.article_id for r in inc.reports) == ["c01", "c03"]


def test_get_missing_incident_raises_not_found(sqlite_store) -> None:  # noqa: ANN001
    from frontlines.errors import NotFound

    with pytest.raises(NotFound):
        sqlite_store.get_incident("nope")
