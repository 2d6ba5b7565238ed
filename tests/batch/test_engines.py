"""Local and Dask engines give identical results; a killed Dask worker loses and duplicates nothing."""

from __future__ import annotations

import dataclasses
import os
import signal
from pathlib import Path

import pytest

from frontlines.config import load_settings
from frontlines.ingest import Ingestor
from frontlines.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
N = 8  # articles: enough for several tasks in flight, small enough for CI


def _store_with_samples(path: Path):  # noqa: ANN202
    store = open_store(str(path))
    Ingestor(store).ingest([str(SAMPLES)])
    for aid in store.pending_ids()[N:]:  # keep the test small: only the first N are processed
        from frontlines.records import ArticleStatus

        store.set_status(aid, ArticleStatus.SKIPPED, "left out of the test")
    return store


def _snapshot(store) -> dict:  # noqa: ANN001
    out = {}
    for aid in store.pending_ids() or [a.id for a in store.iter_articles(status="processed")]:
        ex = store.get_extraction(aid)
        out[aid] = dataclasses.astuple(ex)
    return out


@pytest.fixture(scope="module")
def settings(tmp_path_factory):  # noqa: ANN001, ANN201
    return load_settings({"batch_size": 1}, env={k: v for k, v in os.environ.items() if k != "FRONTLINES_DB"})


@pytest.fixture(scope="module")
def local_result(tmp_path_factory, settings):  # noqa: ANN001, ANN201
    from frontlines.batch.local import run_pending

    store = _store_with_samples(tmp_path_factory.mktemp("local") / "l.db")
    updates: list[int] = []
    report = run_pending(store, settings, workers=1, on_update=updates.append)
    assert report.processed == N and report.failed == 0
    assert report.update_seconds > 0  # incidents and control, timed apart from the pipeline
    assert updates == [N]  # announced once, with the number of articles
    return _snapshot(store)


def test_dask_matches_local(tmp_path, settings, client, local_result) -> None:  # noqa: ANN001
    from frontlines.batch.dask import run_dask

    store = _store_with_samples(tmp_path / "d.db")
    report = run_dask(store, settings, client=client)
    assert (report.processed, report.failed) == (N, 0)
    assert _snapshot(store) == local_result
    again = run_dask(store, settings, client=client)  # rerun: nothing pending, nothing redone
    assert again.processed == 0 and again.update_seconds == 0


def test_killed_worker_loses_and_duplicates_nothing(tmp_path, settings, client, local_result) -> None:  # noqa: ANN001
    from frontlines.batch.dask import run_dask

    store = _store_with_samples(tmp_path / "k.db")
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed = []

    def kill_once(done: int, total: int) -> None:
        if done >= 1 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    report = run_dask(store, settings, client=client, on_progress=kill_once)
    assert killed, "the worker was never killed"
    assert (report.processed, report.failed) == (N, 0)
    assert _snapshot(store) == local_result
    assert store.stats()["events"] == sum(len(v[6]) for v in local_result.values())


def test_workers_get_back_glibc_dynamic_malloc_thresholds(client, settings) -> None:  # noqa: ANN001
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_ (freezing mmap at 128 KiB); the plugin undoes its cost."""
    import sys

    from frontlines.batch.dask import PLUGIN_NAME, ResourcesPlugin, tune_malloc

    client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)
    tuned = client.run(lambda dask_worker: dask_worker.frontlines_malloc_tuned)
    assert len(tuned) == 2
    if sys.platform.startswith("linux"):
        assert all(tuned.values())
        assert tune_malloc() is True


def test_dask_workers_keep_the_configured_size_limit(tmp_path, settings, client) -> None:  # noqa: ANN001
    import dataclasses as dc

    from frontlines.batch.dask import run_dask

    store = _store_with_samples(tmp_path / "limit.db")
    sizes = {a.id: len(a.text.encode()) for a in store.get_articles(store.pending_ids())}
    limit = sorted(sizes.values())[len(sizes) // 2]  # about half the articles are over it
    report = run_dask(store, dc.replace(settings, max_bytes=limit), client=client)
    refused = {f.article_id for f in report.failures}
    assert refused == {aid for aid, n in sizes.items() if n > limit} and refused
    assert {f.code for f in report.failures} == {"E204"}
