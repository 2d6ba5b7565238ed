"""Readers: one function per input format, each yielding RawDocs or Rejections.

A reader never raises for bad content: it yields a Rejection with a coded
reason and goes on with the rest of the file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import IngestError
from frontlines.ingest.feeds import FeedEntry, is_json_feed, parse_feed
from frontlines.ingest.normalise import (
    binary_reason,
    decode_bytes,
    decode_json_bytes,
    drop_nuls,
    normalise_field,
    parse_published,
)
from frontlines.records import Rejection


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDoc:
    """An article as read, before normalisation and dedupe."""

    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None


Item = RawDoc | Rejection

TEXT_EXT = {".txt", ".md", ".markdown", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".jsonl", ".ndjson", ".json"}
FEED_EXT = {".rss", ".atom", ".xml"}
WARC_EXT = {".warc", ".warc.gz", ".arc", ".arc.gz"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSON_EXT | FEED_EXT | WARC_EXT


def _reject(origin: str, code: str, message: str) -> Rejection:
    return Rejection(origin=origin, code=code, message=message, at=dt.datetime.now(dt.timezone.utc))


def file_kind(path: Path) -> str | None:
    """The reader for a path, by extension; None when unsupported."""
    name = path.name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if name.endswith(ext):
            return "warc"
    suffix = path.suffix.lower()
    if suffix in TEXT_EXT:
        return "text"
    if suffix in HTML_EXT:
        return "html"
    if suffix in JSON_EXT:
        return "jsonl" if suffix != ".json" else "json"
    if suffix in FEED_EXT:
        return "feed"
    if suffix in WARC_EXT:
        return "warc"
    return None


def sniff_kind(data: bytes) -> str:
    """The reader for bytes of unknown origin (stdin)."""
    head = data[:2048].lstrip().lower()
    if data[:4] == b"WARC" or data[:2] == b"\x1f\x8b":
        return "warc"
    if head.startswith(b"{"):
        return "feed" if is_json_feed(data) else "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


# -- text / markdown -----------------------------------------------------------
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEYS = {"title", "published", "date", "source", "url", "language", "lang", "author"}


def read_text(data: bytes, origin: str) -> Iterator[Item]:
    """Plain text or Markdown, with optional YAML front matter."""
    text = decode_bytes(data)
    meta: dict[str, Any] = {}
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            yield _reject(origin, "E111", str(exc).splitlines()[0])
            return
        if loaded is not None and not isinstance(loaded, dict):
            yield _reject(origin, "E111", "front matter is not a mapping")
            return
        meta = {str(k).lower(): v for k, v in (loaded or {}).items() if str(k).lower() in _FRONT_KEYS}
        text = text[m.end():]
    yield from _doc_from_fields(origin, text, meta)


def _doc_from_fields(origin: str, text: Any, meta: dict[str, Any]) -> Iterator[Item]:
    if not isinstance(text, str) or not text.strip():
        yield _reject(origin, "E105", "no text")
        return
    try:
        published = parse_published(meta.get("published") or meta.get("date"))
    except IngestError as exc:
        yield _reject(origin, exc.code, exc.detail)
        return
    yield RawDoc(
        origin=origin,
        text=text,
        title=_str(meta.get("title")),
        url=_str(meta.get("url") or meta.get("link")),
        source=_str(meta.get("source") or meta.get("outlet") or meta.get("sitename")),
        published=published,
        language=_str(meta.get("language") or meta.get("lang")),
        author=_str(meta.get("author")),
    )


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = normalise_field(str(v))
    return s or None


# -- HTML ------------------------------------------------------------------------
def blocks_apart(text: str) -> str:
    """trafilatura's main text puts each block of the page (a paragraph, a heading, a list item) on a line of its
    own; the pipeline reads a paragraph as text between blank lines (``stages.PARAGRAPH_BREAK``), as in the
    txt/md articles and feed entries, so the blocks are set apart by one: the paragraph-scoped rules (a scene's
    day, the story's place, a live blog's posts) then see a page's paragraphs, not one paragraph of the whole page."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def read_html(data: bytes, origin: str, *, url: str | None = None, fallback_date: dt.date | None = None) -> Iterator[Item]:
    """Main text and metadata of an HTML page, via trafilatura (no boilerplate)."""
    import trafilatura

    html = decode_bytes(data)
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        doc = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        yield _reject(origin, "E110", f"{type(exc).__name__}: {exc}")
        return
    if not doc or not (doc.get("text") or "").strip():
        yield _reject(origin, "E110", "no main text found")
        return
    published = None
    try:
        published = parse_published(doc.get("date")) or fallback_date
    except IngestError:
        published = fallback_date
    yield RawDoc(
        origin=origin,
        text=blocks_apart(doc["text"]),
        title=_str(doc.get("title")),
        url=_str(doc.get("url")) or url,
        source=_str(doc.get("sitename") or doc.get("hostname")),
        published=published,
        language=_str(doc.get("language")),
        author=_str(doc.get("author")),
    )


# -- JSON Lines / JSON ---------------------------------------------------------------
def read_jsonl(data: bytes, origin: str, *, max_bytes: int) -> Iterator[Item]:
    """One record a line: text (required), title, url, published, source, language.

    Lines are UTF-8, as JSON is: a line that is not is rejected (E113) rather than
    guessed at, and the other lines are still read. A file in UTF-16 with a BOM (what
    Windows PowerShell writes) is read as such.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = decode_json_bytes(data).encode("utf-8")
        except IngestError as exc:
            yield _reject(origin, exc.code, exc.detail)
            return
    for lineno, raw in enumerate(io.BytesIO(data), start=1):
        line = raw.strip()
        if not line:
            continue
        where = f"{origin}:{lineno}"
        if len(line) > max_bytes:
            yield _reject(where, "E106", f"record of {len(line)} bytes exceeds the limit of {max_bytes}")
            continue
        try:
            record = json.loads(decode_json_bytes(line))
        except IngestError as exc:
            yield _reject(where, exc.code, exc.detail)
            continue
        except json.JSONDecodeError as exc:
            yield _reject(where, "E104", f"{exc.msg} at column {exc.colno}")
            continue
        yield from _from_record(record, where)


def read_json(data: bytes, origin: str, *, max_bytes: int) -> Iterator[Item]:
    """A JSON array of records, or one record (UTF-8, or UTF-16 with a BOM; else E113)."""
    # Maybe it is JSON Lines with a .json name: then a bad line costs that line only.
    maybe_lines = data.lstrip()[:1] == b"{" and b"\n{" in data
    try:
        loaded = json.loads(decode_json_bytes(data))
    except IngestError as exc:
        if maybe_lines:
            yield from read_jsonl(data, origin, max_bytes=max_bytes)
            return
        yield _reject(origin, exc.code, exc.detail)
        return
    except json.JSONDecodeError as exc:
        if maybe_lines:
            yield from read_jsonl(data, origin, max_bytes=max_bytes)
            return
        yield _reject(origin, "E104", f"{exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    records = loaded if isinstance(loaded, list) else [loaded]
    for i, record in enumerate(records):
        yield from _from_record(record, f"{origin}#{i}" if isinstance(loaded, list) else origin)


def _from_record(record: Any, where: str) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield _reject(where, "E104", "record is not an object")
        return
    yield from _doc_from_fields(where, record.get("text"), record)


# -- feeds ---------------------------------------------------------------------------
def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """RSS/Atom/JSON Feed: one article per entry, with its date and link (the text the feed carries)."""
    try:
        feed = parse_feed(data)
    except IngestError as exc:
        yield _reject(origin, exc.code, exc.detail)
        return
    for i, entry in enumerate(feed.entries):
        yield from entry_doc(entry, f"{origin}#{i}", feed.title)


def entry_doc(entry: FeedEntry, origin: str, feed_title: str | None) -> Iterator[Item]:
    """A feed entry as a RawDoc, from the text the feed itself carries (content, else summary)."""
    yield from _doc_from_fields(
        origin,
        entry.text,
        {"title": entry.title, "url": entry.link, "source": feed_title, "published": entry.published,
         "author": entry.author},
    )


# -- WARC --------------------------------------------------------------------------------
def read_warc(stream: io.BufferedIOBase, origin: str, *, max_bytes: int) -> Iterator[Item]:
    """Every HTML response record becomes an article, with its URL and date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{url or n}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield _reject(where, "E106", f"response body exceeds the limit of {max_bytes} bytes")
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0:  # warcio returns the partial body of a cut record without raising
                yield _reject(where, "E107", f"record cut short: {missing} bytes missing")
                continue
            date = None
            stamp = record.rec_headers.get_header("WARC-Date")
            if stamp:
                try:
                    date = parse_published(stamp)
                except IngestError:
                    date = None
            yield from read_html(body, where, url=url, fallback_date=date)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, gzip.BadGzipFile) as exc:
        yield _reject(origin, "E107", f"after {n} records: {type(exc).__name__}: {exc}")


def read_bytes(data: bytes, origin: str, kind: str, *, max_bytes: int, url: str | None = None) -> Iterator[Item]:
    """Dispatch bytes to the reader for ``kind`` (``url``: where a fetched page came from)."""
    if not data.strip():
        yield _reject(origin, "E102", "empty input")
        return
    if kind == "warc":
        yield from read_warc(io.BytesIO(data), origin, max_bytes=max_bytes)
        return
    why = binary_reason(data)
    if why is not None:
        yield _reject(origin, "E103", why)
        return
    data = drop_nuls(data)  # a few stray ones, which binary_reason lets through
    if kind in ("text", "html", "feed") and len(data) > max_bytes:
        yield _reject(origin, "E106", f"{len(data)} bytes exceeds the limit of {max_bytes}")
        return
    if kind == "text":
        yield from read_text(data, origin)
    elif kind == "html":
        yield from read_html(data, origin, url=url)
    elif kind == "jsonl":
        yield from read_jsonl(data, origin, max_bytes=max_bytes)
    elif kind == "json":
        yield from read_json(data, origin, max_bytes=max_bytes)
    elif kind == "feed":
        yield from read_feed(data, origin)
    else:
        yield _reject(origin, "E108", f"unsupported format {kind!r}")


def read_path(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """Read one file of any supported format."""
    origin = str(path)
    kind = file_kind(path)
    if kind is None:
        yield _reject(origin, "E108", f"unsupported extension {path.suffix or '(none)'}")
        return
    try:
        if path.stat().st_size == 0:
            yield _reject(origin, "E102", "empty file")
            return
        if kind == "warc":
            with path.open("rb") as fh:
                yield from read_warc(fh, origin, max_bytes=max_bytes)  # type: ignore[arg-type]
            return
        size = path.stat().st_size
        if kind in ("text", "html", "feed") and size > max_bytes:
            yield _reject(origin, "E106", f"{size} bytes exceeds the limit of {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _reject(origin, "E101", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    yield from read_bytes(data, origin, kind, max_bytes=max_bytes)
