"""Ingest: read files, folders, stdin and URLs in every supported format into the store.

Each article is normalised, identified by the hash of its text, checked for
exact and near duplicates, language-tagged, and stored in its own
transaction. Bad inputs become Rejections with a coded reason; the batch
always goes on.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from frontlines.ingest.dedupe import NearDuplicateIndex, signature, to_bytes
from frontlines.ingest.language import detect_language
from frontlines.ingest.normalise import article_id, normalise_text
from frontlines.ingest.readers import RawDoc, read_bytes, read_path, sniff_kind
from frontlines.records import Article, ArticleStatus, Rejection

if TYPE_CHECKING:  # httpx loads only when a URL is ingested
    from frontlines.fetch import FetchOptions

__all__ = ["IngestReport", "Ingestor", "expand_paths", "to_article"]


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    duplicates: int = 0  # exact: already stored, not stored again
    near_duplicates: int = 0  # stored, linked to the first copy, not processed
    skipped_language: int = 0  # stored, not English, not processed
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.rejected


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files as given, folders recursively (sorted, hidden files left out), '-' for stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def to_article(raw: RawDoc, *, now: dt.datetime | None = None) -> Article:
    """Normalise a RawDoc into an Article (status pending; language detected when not given)."""
    text = normalise_text(raw.text)
    language = (raw.language or "").lower()[:2] or detect_language(text)
    status, reason = ArticleStatus.PENDING, None
    if language and language != "en":
        status, reason = ArticleStatus.SKIPPED, f"language {language}: only English is processed (E203)"
    return Article(
        id=article_id(text),
        text=text,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        published=raw.published,
        language=language or None,
        ingested_at=now or dt.datetime.now(dt.timezone.utc),
        status=status,
        skip_reason=reason,
        origin=raw.origin,
    )


class Ingestor:
    """Stores articles from readers into a Store, with exact and near-duplicate checks."""

    def __init__(self, store, *, max_bytes: int = 5_000_000, near_threshold: float = 0.7) -> None:  # noqa: ANN001
        self.store = store
        self.max_bytes = max_bytes
        self.index = NearDuplicateIndex.of_store(store, threshold=near_threshold)

    def items(self, sources: Iterable[Path | str], stdin: BinaryIO | None = None) -> Iterator[RawDoc | Rejection]:
        for src in sources:
            if src == "-":
                data = (stdin or sys.stdin.buffer).read()
                yield from read_bytes(data, "<stdin>", sniff_kind(data), max_bytes=self.max_bytes)
            else:
                yield from read_path(Path(src), max_bytes=self.max_bytes)

    def add(self, item: RawDoc | Rejection, report: IngestReport) -> str:
        """Store one item; returns what happened: stored, duplicate, near-duplicate, skipped, rejected."""
        return self.store_item(item, report)[0]

    def store_item(self, item: RawDoc | Rejection, report: IngestReport) -> tuple[str, str | None]:
        """Store one item: (what happened, the id of the article it is or duplicates; None when rejected)."""
        if isinstance(item, Rejection):
            report.rejected += 1
            report.rejections.append(item)
            self.store.add_rejection(item)
            return "rejected", None
        article = to_article(item)
        if self.store.has_article(article.id):
            report.duplicates += 1
            return "duplicate", article.id
        sig = signature(article.text)
        outcome = "stored"
        if article.status is ArticleStatus.PENDING:
            first = self.index.first_copy(article.id, sig)
            if first is not None:
                article = _replace(article, duplicate_of=first, status=ArticleStatus.SKIPPED,
                                   skip_reason=f"near-duplicate of {first}")
                outcome = "near-duplicate"
        else:
            outcome = "skipped"
        if not self.store.add_article(article, signature=to_bytes(sig)):
            report.duplicates += 1
            return "duplicate", article.id
        report.stored += 1
        if outcome == "near-duplicate":
            report.near_duplicates += 1
        elif outcome == "skipped":
            report.skipped_language += 1
        return outcome, article.id

    def ingest(
        self,
        paths: Iterable[str],
        *,
        stdin: BinaryIO | None = None,
        on_item: Callable[[str, RawDoc | Rejection], None] | None = None,
        fetch: FetchOptions | None = None,
    ) -> IngestReport:
        """Ingest every file, folder, '-' and http(s) URL in ``paths``; never stops on a bad input.

        URLs (web pages and feeds) are fetched with ``fetch`` options (default: the packaged ones)."""
        from frontlines.ingest.web import is_url

        report = IngestReport()
        paths = list(paths)
        urls = [p for p in paths if is_url(p)]
        for item in self.items(expand_paths(p for p in paths if not is_url(p)), stdin=stdin):
            outcome = self.add(item, report)
            if on_item is not None:
                on_item(outcome, item)
        if urls:
            from frontlines.fetch import FetchOptions

            for item in fetch_urls(urls, fetch or FetchOptions(max_bytes=self.max_bytes), max_bytes=self.max_bytes):
                outcome = self.add(item, report)
                if on_item is not None:
                    on_item(outcome, item)
        return report


def fetch_urls(urls: Sequence[str], options: FetchOptions, *, max_bytes: int) -> list[RawDoc | Rejection]:
    """Every URL's items (pages, feed entries, failures as Rejections), fetched concurrently."""
    import asyncio

    from frontlines.fetch import Fetcher
    from frontlines.ingest.web import read_urls

    async def fetch_all() -> list[RawDoc | Rejection]:
        async with Fetcher(options) as fetcher:
            return await read_urls(fetcher, urls, max_bytes=max_bytes)

    return asyncio.run(fetch_all())


def _replace(article: Article, **changes: object) -> Article:
    import dataclasses

    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]


