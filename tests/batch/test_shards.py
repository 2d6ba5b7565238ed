"""Sharded inputs: the Parquet reader, reading a shard, and `run_shards` on Dask (store and Parquet output)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from frontlines.config import load_settings
from frontlines.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
SHARDS = [SAMPLES / "wire-digest.jsonl", SAMPLES / "archive.warc.gz"]  # 6 articles in two formats

SHELLING = ("Russian forces shelled the town of Orikhiv in Zaporizhzhia oblast on Tuesday, killing two civilians "
            "and wounding five, the regional governor said on Telegram. Ukrainian troops repelled an assault "
            "near Robotyne, the general staff said.")


def _parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


@pytest.fixture(scope="module")
def settings():  # noqa: ANN201
    return load_settings({"batch_size": 4}, env={k: v for k, v in os.environ.items() if k != "FRONTLINES_DB"})


_FIELDS = ("article_id", "places", "times", "quantities", "actors", "quotes", "events", "stages")


def _snapshot(store) -> dict:  # noqa: ANN001
    """Every processed article's stored extraction, and every article's status and duplicate link."""
    arts = {a.id: (a.status.value, a.duplicate_of, a.text) for a in store.iter_articles()}
    exs = {a: dataclasses.astuple(store.get_extraction(a)) for a, v in arts.items() if v[0] == "processed"}
    return {"articles": arts, "extractions": exs}


# -- Parquet reader ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"text": "Troops shelled Izium.", "title": "T", "published": "2023-05-01", "source": "W"}, "doc"),
        ({"text": "Troops shelled Izium.", "published": None}, "doc"),
        ({"text": "   ", "title": "empty"}, "E105"),
        ({"text": None, "title": "no text"}, "E105"),
        ({"text": "Troops shelled Izium.", "published": "not a date"}, "E112"),
    ],
)
def test_read_parquet_rows(tmp_path, row, expected) -> None:  # noqa: ANN001
    from frontlines.batch.shards import read_parquet
    from frontlines.ingest.readers import RawDoc

    full = {"text": None, "title": None, "url": None, "published": None, "source": None} | row
    items = list(read_parquet(_parquet(tmp_path / "s.parquet", [full])))
    assert len(items) == 1
    item = items[0]
    if expected == "doc":
        assert isinstance(item, RawDoc) and item.text == row["text"]
        assert item.origin.endswith("s.parquet#1")
    else:
        assert item.code == expected


def test_read_parquet_without_text_column_or_not_parquet(tmp_path) -> None:  # noqa: ANN001
    from frontlines.batch.shards import read_parquet

    (no_text,) = read_parquet(_parquet(tmp_path / "a.parquet", [{"title": "x"}]))
    assert no_text.code == "E105"
    bad = tmp_path / "b.parquet"
    bad.write_bytes(b"this is not parquet at all")
    (rej,) = read_parquet(bad)
    assert rej.code == "E107"


def test_read_shard_dedupes_signs_and_keeps_rejections(tmp_path) -> None:  # noqa: ANN001
    from frontlines.batch.shards import read_shard

    shard = tmp_path / "s.jsonl"
    fr = "Les forces russes ont bombardé la ville de Kharkiv mardi, tuant deux civils, selon le gouverneur."
    shard.write_text("\n".join([
        json.dumps({"text": SHELLING, "published": "2023-05-02"}),
        json.dumps({"text": SHELLING, "published": "2023-05-02"}),  # the same article twice
        "{not json",
        json.dumps({"text": fr, "language": "fr"}),
    ]) + "\n")
    items = read_shard(shard)
    assert [a.status.value for a in items.articles] == ["pending", "skipped"]
    assert list(items.signatures) == [items.articles[0].id]  # only pending articles are signed
    assert [r.code for r in items.rejections] == ["E104"]
    summary = items.summary()
    assert [e[0] for e in summary.entries] == [a.id for a in items.articles]
    assert summary.words[items.articles[0].id] == len(SHELLING.split())


def test_read_shard_reads_every_format_the_readers_know() -> None:
    from frontlines.batch.shards import read_shard

    assert len(read_shard(SAMPLES / "archive.warc.gz").articles) == 2
    assert len(read_shard(SAMPLES / "wire-digest.jsonl").articles) == 4


def test_shard_key_is_stable_and_distinct(tmp_path) -> None:  # noqa: ANN001
    from frontlines.batch.shards import shard_key

    a, b = tmp_path / "x" / "part-1.jsonl", tmp_path / "y" / "part-1.jsonl"
    assert shard_key(a) == shard_key(a) and shard_key(a) != shard_key(b)
    assert shard_key(a).startswith("part-1-")


# -- run_shards on Dask ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ingested(tmp_path_factory, settings):  # noqa: ANN001, ANN201
    """What `frontlines ingest SHARDS` then `frontlines run` store (the local, one-process engine)."""
    from frontlines.batch.local import run_pending
    from frontlines.ingest import Ingestor

    store = open_store(str(tmp_path_factory.mktemp("ingest") / "i.db"))
    Ingestor(store).ingest([str(p) for p in SHARDS])
    report = run_pending(store, settings, workers=1)
    assert report.processed == 6 and report.failed == 0
    return _snapshot(store)


@pytest.fixture(scope="module")
def sharded(tmp_path_factory, settings, client):  # noqa: ANN001, ANN201
    from frontlines.batch.dask import run_shards

    store = open_store(str(tmp_path_factory.mktemp("shards") / "s.db"))
    seen = []
    report = run_shards(store, settings, SHARDS, client=client, on_progress=lambda d, t: seen.append((d, t)))
    return store, report, seen


def test_run_shards_equals_ingest_then_run(sharded, ingested) -> None:  # noqa: ANN001
    store, report, seen = sharded
    assert (report.processed, report.failed, report.rejected) == (6, 0, 0)
    assert report.words > 0 and report.events == sum(len(v[6]) for v in ingested["extractions"].values())
    got = _snapshot(store)
    diff = {aid: [k for k, a, b in zip(_FIELDS, got["extractions"].get(aid, ()), v) if a != b]
            for aid, v in ingested["extractions"].items() if got["extractions"].get(aid) != v}
    assert not diff, f"fields that differ, by article: {diff}"
    assert got == ingested
    assert seen[-1] == (6, 6)  # progress ends at done == total


def test_run_shards_rerun_is_a_no_op(sharded, settings, client) -> None:  # noqa: ANN001
    from frontlines.batch.dask import run_shards

    store, _, _ = sharded
    before = _snapshot(store)
    again = run_shards(store, settings, SHARDS, client=client)
    assert (again.processed, again.failed, again.skipped) == (0, 0, 0)
    assert _snapshot(store) == before


def test_run_shards_duplicates_languages_and_bad_records(tmp_path, settings, client) -> None:  # noqa: ANN001
    from frontlines.batch.dask import run_shards

    near = SHELLING.replace("Tuesday", "Wednesday")
    fr = "Les forces russes ont bombardé la ville de Kharkiv mardi, tuant deux civils, selon le gouverneur."
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"text": SHELLING, "published": "2023-05-02"}) + "\n")
    b = _parquet(tmp_path / "b.parquet", [
        {"text": SHELLING, "published": "2023-05-02", "language": None},  # exact duplicate of a's article
        {"text": near, "published": "2023-05-03", "language": None},  # near-duplicate
        {"text": fr, "published": None, "language": "fr"},  # stored, not processed
        {"text": "", "published": None, "language": None},  # rejected
    ])
    store = open_store(str(tmp_path / "d.db"))
    report = run_shards(store, settings, [a], client=client)  # a first, so that its copy is the original
    report2 = run_shards(store, settings, [b], client=client)
    assert (report.processed, report2.processed, report2.skipped, report2.rejected) == (1, 0, 2, 1)
    arts = {x.text: x for x in store.iter_articles()}
    assert len(arts) == 3
    assert arts[near].duplicate_of == arts[SHELLING].id and arts[near].status.value == "skipped"
    assert arts[fr].status.value == "skipped"
    assert [r.code for r in store.list_rejections()] == ["E105"]


def test_parquet_output_loads_into_the_same_store(tmp_path, settings, client, sharded) -> None:  # noqa: ANN001
    from frontlines.batch.dask import run_shards
    from frontlines.batch.shards import load_parquet

    out = tmp_path / "out"
    unused = open_store(str(tmp_path / "unused.db"))
    report = run_shards(unused, settings, SHARDS, client=client, output_parquet=out)
    assert (report.processed, report.failed) == (6, 0)
    assert unused.stats()["articles"] == 0  # nothing went to the store
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["_done", "articles", "extractions", "events", "places", "times", "quantities", "actors", "quotes"])
    again = run_shards(unused, settings, SHARDS, client=client, output_parquet=out)
    assert (again.processed, again.skipped) == (0, 2)  # both shards have their completion marker
    loaded = open_store(str(tmp_path / "loaded.db"))
    counts = load_parquet(loaded, out)
    assert counts["articles"] == 6 and counts["extractions"] == 6
    store, _, _ = sharded
    got, want = _snapshot(loaded), _snapshot(store)
    assert got["extractions"] == want["extractions"]
    assert {k: v[:2] for k, v in got["articles"].items()} == {k: v[:2] for k, v in want["articles"].items()}


def test_bulk_save_equals_per_article_saves(tmp_path, sharded) -> None:  # noqa: ANN001
    store, _, _ = sharded
    arts = list(store.iter_articles())
    exs = [store.get_extraction(a.id) for a in arts]
    single, bulk = open_store(str(tmp_path / "one.db")), open_store(str(tmp_path / "bulk.db"))
    for s in (single, bulk):
        for a in arts:
            s.add_article(dataclasses.replace(a, status=a.status.__class__.PENDING))
    single.save_extractions(exs)
    assert bulk.save_extractions_bulk(exs) == len(exs)
    assert bulk.save_extractions_bulk(exs) == len(exs)  # again: replaced, not duplicated
    assert bulk.save_extractions_bulk([]) == 0
    assert _snapshot(bulk)["extractions"] == _snapshot(single)["extractions"]
    assert bulk.stats()["events"] == single.stats()["events"]
