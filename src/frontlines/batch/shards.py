"""Sharded inputs: read one shard file, process its articles, write results as Parquet.

A shard is one input file (JSONL, Parquet, WARC, or any other format the
ingest readers know). These functions are engine-agnostic: they take the
loaded :class:`~frontlines.pipeline.Resources` and return plain records, so
the Dask engine (or a test) can run them anywhere.

Parquet input files carry the columns ``text`` (required), ``title``, ``url``,
``published``, ``source`` and optionally ``language``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontlines.errors import IngestError
from frontlines.pieces import Limits
from frontlines.pipeline import Failure, Resources, Stage, process_batch
from frontlines.records import Article, ArticleStatus, Extraction, Rejection

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

PARQUET_EXT = (".parquet", ".pq")
PARQUET_KINDS = ("articles", "places", "times", "quantities", "actors", "quotes", "events", "extractions",
                 "rejections")


@dataclass(slots=True)
class ShardItems:
    """The articles of one shard after reading and normalising (unique ids within the shard)."""

    shard: str
    articles: list[Article] = field(default_factory=list)
    signatures: dict[str, bytes] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)

    def summary(self) -> "ShardSummary":
        """What the client needs to plan the shard: ids, statuses and signatures, no text."""
        return ShardSummary(
            shard=self.shard,
            entries=[(a.id, a.status.value, self.signatures.get(a.id)) for a in self.articles],
            rejections=list(self.rejections),
            words={a.id: len(a.text.split()) for a in self.articles},
        )


@dataclass(slots=True)
class ShardSummary:
    shard: str
    entries: list[tuple[str, str, bytes | None]]  # (article id, status, MinHash signature)
    rejections: list[Rejection]
    words: dict[str, int]


@dataclass(slots=True)
class ShardResult:
    """What processing a shard returns to the client: articles to store and their results."""

    shard: str
    articles: list[Article]
    results: list[tuple[Article, Extraction | Failure]]


def _reject(origin: str, code: str, message: str) -> Rejection:
    return Rejection(origin=origin, code=code, message=message, at=dt.datetime.now(dt.timezone.utc))


def read_parquet(path: Path, *, max_bytes: int = 5_000_000) -> Iterator[Any]:
    """RawDocs (or Rejections) from a Parquet file with columns text, title, url, published, source."""
    import pyarrow.parquet as pq

    from frontlines.ingest.normalise import parse_published
    from frontlines.ingest.readers import RawDoc

    origin = str(path)
    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a bad file
        yield _reject(origin, "E107", f"not a readable Parquet file: {type(exc).__name__}: {exc}")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield _reject(origin, "E105", f"no 'text' column (columns: {sorted(names)})")
        return
    wanted = [c for c in ("text", "title", "url", "published", "source", "language") if c in names]
    row = 0
    for batch in pf.iter_batches(columns=wanted, batch_size=1000):
        for rec in batch.to_pylist():
            row += 1
            where = f"{origin}#{row}"
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                yield _reject(where, "E105", "no text")
                continue
            if len(text.encode("utf-8", "replace")) > max_bytes:
                yield _reject(where, "E106", f"text exceeds the limit of {max_bytes} bytes")
                continue
            try:
                published = parse_published(rec.get("published"))
            except IngestError as exc:
                yield _reject(where, exc.code, str(exc))
                continue
            yield RawDoc(
                origin=where, text=text, title=_opt(rec.get("title")), url=_opt(rec.get("url")),
                source=_opt(rec.get("source")), published=published, language=_opt(rec.get("language")),
            )


def _opt(value: Any) -> str | None:
    return str(value) if value is not None and str(value).strip() else None


def read_items(path: Path, *, max_bytes: int) -> Iterator[Any]:
    """RawDocs and Rejections of one shard file, whatever its format."""
    if path.name.lower().endswith(PARQUET_EXT):
        yield from read_parquet(path, max_bytes=max_bytes)
        return
    from frontlines.ingest.readers import read_path

    yield from read_path(path, max_bytes=max_bytes)


def read_shard(path: str | Path, *, max_bytes: int = 5_000_000) -> ShardItems:
    """Read and normalise one shard: Articles (first copy of each id), signatures, rejections."""
    from frontlines.ingest import to_article
    from frontlines.ingest.dedupe import signature, to_bytes
    from frontlines.ingest.readers import RawDoc

    path = Path(path)
    items = ShardItems(shard=str(path))
    seen: set[str] = set()
    for item in read_items(path, max_bytes=max_bytes):
        if not isinstance(item, RawDoc):
            items.rejections.append(item)
            continue
        article = to_article(item)
        if article.id in seen:
            continue
        seen.add(article.id)
        items.articles.append(article)
        if article.status is ArticleStatus.PENDING:
            items.signatures[article.id] = to_bytes(signature(article.text))
    return items


def process_shard(
    items: ShardItems,
    resources: Resources,
    chain: tuple[Stage, ...],
    *,
    store_ids: Iterable[str] | None = None,
    process_ids: Iterable[str] | None = None,
    batch_size: int = 64,
    limits: Limits | None = None,
) -> ShardResult:
    """Run the pipeline over a shard's articles (``limits``: the configured size limits, see pieces.py).

    ``store_ids`` are the articles the client will store (default: all);
    ``process_ids`` the ones to run the pipeline on (default: all pending ones).
    """
    keep = None if store_ids is None else set(store_ids)
    run = None if process_ids is None else set(process_ids)
    articles = [a for a in items.articles if keep is None or a.id in keep]
    todo = [a for a in items.articles
            if (a.id in run if run is not None else a.status is ArticleStatus.PENDING)]
    results = list(process_batch(todo, resources, chain, batch_size=batch_size, limits=limits))
    return ShardResult(shard=items.shard, articles=articles, results=results)


# -- Parquet output --------------------------------------------------------------------------
def shard_key(path: str | Path) -> str:
    """A file-name-safe, stable name for a shard's outputs: its stem and a hash of its path."""
    p = Path(path)
    digest = hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:10]
    stem = p.name.split(".")[0][:40] or "shard"
    return f"{stem}-{digest}"


def done_marker(out: Path, shard: str | Path) -> Path:
    return out / "_done" / f"{shard_key(shard)}.json"


def _jsonable(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        if k in ("data", "stages"):
            out[k] = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, (dt.date, dt.datetime)):
            out[k] = v.isoformat()
        elif isinstance(v, bytes):
            continue
        else:
            out[k] = v
    return out


def write_parquet(out: Path, result: ShardResult, rejections: Iterable[Rejection] = ()) -> dict[str, int]:
    """Write a processed shard as one Parquet file per kind under ``out/<kind>/``; returns row counts.

    The ``_done`` marker is written last, so a shard whose marker exists is complete
    (a rerun skips it), and a shard cut short is simply written again.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from frontlines.records import to_dict
    from frontlines.store.mapping import article_row, extraction_rows

    key = shard_key(result.shard)
    tables: dict[str, list[dict[str, Any]]] = {k: [] for k in PARQUET_KINDS}
    failed = {r.article_id: r for _, r in result.results if isinstance(r, Failure)}
    for a in result.articles:
        if a.id in failed:
            f = failed[a.id]
            a = dataclasses.replace(a, status=ArticleStatus.FAILED, skip_reason=f"[{f.code}] {f.message}")
        tables["articles"].append(_jsonable(article_row(a)))
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    for article, res in result.results:
        if isinstance(res, Failure):
            tables["rejections"].append({"origin": f"article {article.id}", "code": res.code,
                                         "message": res.message, "at": now})
            continue
        for kind, rows in extraction_rows(res).items():
            tables[kind].extend(_jsonable(r) for r in rows)
        tables["extractions"].append({"article_id": res.article_id, "processed_at": now,
                                      "stages": json.dumps([to_dict(s) for s in res.stages])})
    for rej in rejections:
        tables["rejections"].append({"origin": rej.origin, "code": rej.code, "message": rej.message,
                                     "at": (rej.at or dt.datetime.now(dt.timezone.utc)).isoformat()})
    counts = {}
    for kind, rows in tables.items():
        counts[kind] = len(rows)
        if not rows:
            continue
        (out / kind).mkdir(parents=True, exist_ok=True)
        tmp = out / kind / f".{key}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(rows), tmp)
        tmp.replace(out / kind / f"{key}.parquet")  # atomic: readers never see half a file
    marker = done_marker(out, result.shard)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"shard": result.shard, "counts": counts}), encoding="utf-8")
    return counts


def load_parquet(store: Store, out: Path) -> dict[str, int]:
    """Load a Parquet output folder (from ``--output-parquet``) into a store; idempotent."""
    import pyarrow.parquet as pq

    from frontlines.records import Actor, Event, Place, Quantity, Quote, StageInfo, TimeValue, from_dict

    classes = {"places": Place, "times": TimeValue, "quantities": Quantity, "actors": Actor,
               "quotes": Quote, "events": Event}
    counts = {"articles": 0, "extractions": 0, "rejections": 0}
    for f in sorted((out / "articles").glob("*.parquet")):
        key = f.name
        per_kind: dict[str, dict[str, list[tuple[int, Any]]]] = {}
        for kind, cls in classes.items():
            path = out / kind / key
            if not path.exists():
                continue
            for row in pq.read_table(path, columns=["article_id", "seq", "data"]).to_pylist():
                per_kind.setdefault(row["article_id"], {}).setdefault(kind, []).append(
                    (row["seq"], from_dict(cls, json.loads(row["data"]))))
        for row in pq.read_table(f).to_pylist():
            if store.add_article(_article_from_row(row)):
                counts["articles"] += 1
        extractions = []
        ex_path = out / "extractions" / key
        if ex_path.exists():
            for row in pq.read_table(ex_path).to_pylist():
                aid = row["article_id"]
                recs = per_kind.get(aid, {})
                extractions.append(Extraction(
                    article_id=aid,
                    stages=tuple(from_dict(StageInfo, s) for s in json.loads(row["stages"])),
                    **{k: tuple(r for _, r in sorted(recs.get(k, []), key=lambda x: x[0])) for k in classes},
                ))
        counts["extractions"] += store.save_extractions_bulk(extractions)
        rej_path = out / "rejections" / key
        if rej_path.exists():
            for row in pq.read_table(rej_path).to_pylist():
                counts["rejections"] += store.add_rejection(Rejection(
                    origin=row["origin"], code=row["code"], message=row["message"],
                    at=dt.datetime.fromisoformat(row["at"]) if row.get("at") else None))
    return counts


def _article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"], text=row["text"], title=row.get("title"), url=row.get("url"), source=row.get("source"),
        published=dt.date.fromisoformat(row["published"]) if row.get("published") else None,
        language=row.get("language"),
        ingested_at=dt.datetime.fromisoformat(row["ingested_at"]) if row.get("ingested_at") else None,
        duplicate_of=row.get("duplicate_of"), status=ArticleStatus(row["status"]),
        skip_reason=row.get("skip_reason"), origin=row.get("origin"),
    )
