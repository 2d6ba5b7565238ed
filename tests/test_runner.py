"""The Runner: what it processes, the update queue written with the extractions, the after-run step
(idempotent, finished first by the next run), stale stage versions, failures kept with their reason."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import pytest

from frontlines.pipeline import Failure
from frontlines.records import Article, ArticleStatus, Extraction, StageInfo
from frontlines.runner import Runner
from frontlines.store import IncidentFilter
from tests.api.builders import build, demo_specs, sequence_specs

VERSIONS = {"test.places": "1", "test.events": "1"}


class Prebuilt:
    """An engine that returns extractions built beforehand (what a real engine would compute)."""

    def __init__(self, built: dict[str, Extraction], fail: Iterable[str] = ()) -> None:
        self.built = built
        self.fail = set(fail)
        self.seen: list[str] = []

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[tuple[Article, Extraction | Failure]]]:
        for batch in batches:
            out: list[tuple[Article, Extraction | Failure]] = []
            for a in batch:
                self.seen.append(a.id)
                if a.id in self.fail:
                    out.append((a, Failure(a.id, "E202", "the parser fell over")))
                else:
                    out.append((a, self.built[a.id]))
            yield out


def _prepared(store, specs=None):  # noqa: ANN001, ANN202
    built = {}
    for spec in specs if specs is not None else demo_specs() + sequence_specs():
        article, extraction = build(spec)
        stages = tuple(StageInfo(name=n, version=v) for n, v in VERSIONS.items())
        built[article.id] = dataclasses.replace(extraction, stages=stages)
        store.add_article(article)
    return built


def _cross_article(store) -> tuple[set, set]:  # noqa: ANN001
    incidents = {(i.plover_type, i.start, i.end, frozenset(r.event_key for r in i.reports))
                 for i in store.list_incidents(IncidentFilter(limit=10**9))}
    control = {(c.settlement.name, c.date, c.to_side, c.basis) for c in store.list_control_changes()}
    return incidents, control


def test_a_run_processes_the_pending_articles_and_updates_incidents_and_control(store) -> None:  # noqa: ANN001
    built = _prepared(store)
    engine = Prebuilt(built)
    report = Runner(store, engine, batch_size=2).run()
    assert sorted(engine.seen) == sorted(built) and report.processed == len(built) and report.failed == 0
    assert report.updated == len(built) and store.count_pending_updates() == 0
    incidents, control = _cross_article(store)
    assert incidents and control
    again = Runner(store, Prebuilt(built)).run()  # nothing pending: nothing processed, nothing to update
    assert (again.processed, again.updated) == (0, 0)


def test_the_queue_is_written_with_the_extractions_and_drained_by_the_next_run(store) -> None:  # noqa: ANN001
    built = _prepared(store)
    clean = _prepared_clean_state(built)
    runner = Runner(store, Prebuilt(built), batch_size=3)
    from frontlines.runner import RunReport

    runner.process(list(built)[:4], RunReport())  # stored, then "killed" before the after-run step
    assert sorted(store.pending_update_ids()) == sorted(list(built)[:4])
    assert store.stats()["cross_article_pending"] == 4 and store.list_incidents() == []
    report = Runner(store, Prebuilt(built)).run()  # the next run finishes the queue first
    assert report.recovered == 4 and report.processed == len(built) - 4
    assert store.count_pending_updates() == 0
    assert _cross_article(store) == clean


def _prepared_clean_state(built: dict[str, Extraction]) -> tuple[set, set]:
    import tempfile
    from pathlib import Path

    from frontlines.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        ref = open_store(str(Path(tmp) / "clean.db"))
        for spec in demo_specs() + sequence_specs():
            ref.add_article(build(spec)[0])
        Runner(ref, Prebuilt(built)).run()
        state = _cross_article(ref)
        ref.close()
    return state


def test_the_after_run_step_is_idempotent(store) -> None:  # noqa: ANN001
    built = _prepared(store)
    Runner(store, Prebuilt(built)).run()
    first = _cross_article(store)
    # a crash after incidents were stored but before the queue was cleared: the articles come back
    store.save_extractions_bulk(list(built.values()))
    assert store.count_pending_updates() == len(built)
    Runner(store).recover()
    assert _cross_article(store) == first and store.count_pending_updates() == 0


def test_a_failure_is_kept_with_its_reason_and_the_batch_goes_on(store) -> None:  # noqa: ANN001
    built = _prepared(store)
    bad = sorted(built)[0]
    report = Runner(store, Prebuilt(built, fail=[bad]), batch_size=len(built)).run()
    assert report.failed == 1 and report.processed == len(built) - 1
    assert store.get_article(bad).status is ArticleStatus.FAILED
    assert [r.code for r in store.list_rejections()] == ["E202"]
    assert bad not in store.pending_update_ids()


def test_stale_stage_versions_send_exactly_those_articles_back(store) -> None:  # noqa: ANN001
    built = _prepared(store)
    Runner(store, Prebuilt(built)).run()
    old = sorted(built)[:2]
    for aid in old:  # processed by an earlier version of the events stage
        ex = built[aid]
        store.save_extractions_bulk([dataclasses.replace(ex, stages=(ex.stages[0], StageInfo(name="test.events", version="0")))])
    Runner(store).recover()
    marked = Runner(store).mark_stale(VERSIONS)
    assert sorted(marked) == old
    engine = Prebuilt(built)
    report = Runner(store, engine).run()
    assert sorted(engine.seen) == old and report.processed == 2
    assert Runner(store).mark_stale(VERSIONS) == []


def test_a_runner_without_an_engine_refuses_to_process(store) -> None:  # noqa: ANN001
    _prepared(store)
    with pytest.raises(RuntimeError):
        Runner(store).run()
    assert all(a.status is ArticleStatus.PENDING for a in store.list_articles())
