"""Feeds: RSS, Atom (feedparser) and JSON Feed, parsed into entries that say what they carry.

An entry carries its full text (``content``: RSS content:encoded, Atom content,
JSON Feed content_html/content_text) or only a summary (RSS description, Atom
summary, JSON Feed summary); the watcher fetches the page of an entry that has
only a summary. Each entry has a stable ``key`` (its id/guid, else its link,
else a hash of title and summary) so a feed's entries are ingested once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from frontlines.errors import IngestError
from frontlines.ingest.normalise import html_to_text, parse_published

JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One entry of a feed, as text (HTML fragments turned into text)."""

    key: str
    link: str | None = None
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    content: str = ""  # the full text when the feed carries it
    summary: str = ""

    @property
    def only_summary(self) -> bool:
        return not self.content.strip()

    @property
    def text(self) -> str:
        """What the feed itself gives: the content, else the summary."""
        return self.content if self.content.strip() else self.summary


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: tuple[FeedEntry, ...]


def is_json_feed(data: bytes) -> bool:
    """A JSON Feed (version 1 or 1.1), by its version URL near the start."""
    head = data[:4096].lstrip()
    return head.startswith(b"{") and JSON_FEED_VERSION.encode() in head.replace(b"\\/", b"/")


def parse_feed(data: bytes) -> ParsedFeed:
    """The feed's title, link and entries; IngestError E109 when it is no feed."""
    if is_json_feed(data):
        return _json_feed(data)
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise IngestError(str(parsed.get("bozo_exception", "not a feed")), code="E109")
    if not parsed.version and not parsed.entries:
        raise IngestError("not RSS, Atom or JSON Feed", code="E109")
    entries = []
    for entry in parsed.entries:
        content = " ".join(c.get("value", "") for c in entry.get("content") or [])
        summary = entry.get("summary", "") or entry.get("description", "")
        if content and _text(content).strip() == _text(summary).strip():
            content = ""  # feedparser gives an RSS description as both
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(_entry(
            ident=entry.get("id") or entry.get("guid"), link=entry.get("link"), title=entry.get("title"),
            published=dt.date(*stamp[:3]) if stamp else None, author=entry.get("author"),
            content=content, summary=summary,
        ))
    return ParsedFeed(title=parsed.feed.get("title"), link=parsed.feed.get("link"), entries=tuple(entries))


def _json_feed(data: bytes) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"JSON Feed: {exc}", code="E109") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items", []), list):
        raise IngestError("JSON Feed: no items list", code="E109")
    entries = []
    for item in doc.get("items", []):
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        author = next((a.get("name") for a in authors if isinstance(a, dict) and a.get("name")), None)
        try:
            published = parse_published(item.get("date_published") or item.get("date_modified"))
        except IngestError:
            published = None
        entries.append(_entry(
            ident=item.get("id"), link=item.get("url") or item.get("external_url"), title=item.get("title"),
            published=published, author=author,
            content=item.get("content_html") or item.get("content_text") or "", summary=item.get("summary") or "",
        ))
    return ParsedFeed(title=_opt(doc.get("title")), link=_opt(doc.get("home_page_url")), entries=tuple(entries))


def _entry(*, ident: Any, link: Any, title: Any, published: dt.date | None, author: Any, content: str,
           summary: str) -> FeedEntry:
    link, title = _opt(link), _opt(title)
    content_text, summary_text = _text(content), _text(summary)
    key = _opt(ident) or link or "sha1:" + hashlib.sha1(f"{title}\n{summary_text}".encode()).hexdigest()
    return FeedEntry(key=key[:2000], link=link, title=title, published=published, author=_opt(author),
                     content=content_text, summary=summary_text)


def _text(fragment: Any) -> str:
    s = str(fragment or "")
    return html_to_text(s) if "<" in s else s


def _opt(v: Any) -> str | None:
    s = str(v).strip() if v is not None else ""
    return s or None
