"""Feeds and pages for the fetch, ingest and watch tests and the feeds bench: distinct English stories.

Each story is its own text (words drawn, with a fixed seed per story, from the
sample articles' vocabulary), so no two are near-duplicates, and each begins
with a sentence the fake pipeline reads as an event.
"""

from __future__ import annotations

import functools
import json
import random
import re
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    words: list[str] = []
    for path in sorted(SAMPLES.glob("*.md")):
        words += re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8"))
    return tuple(words)


def story(i: int, words: int = 90) -> str:
    """Story ``i``: an event sentence and then ``words`` words of its own."""
    rng = random.Random(i)
    vocab = _vocabulary()
    body = " ".join(rng.choice(vocab) for _ in range(words))
    return f"Russian forces shelled Kharkiv on Monday, officials said of story {i}. {body.capitalize()}."


def page(i: int, url: str) -> bytes:
    """An article page for story ``i`` with its canonical URL, title and date."""
    paras = "".join(f"<p>{escape(s)}.</p>" for s in story(i).split(". "))
    return (f"<html><head><title>Story {i}</title><link rel=\"canonical\" href=\"{url}\">"
            f"<meta property=\"article:published_time\" content=\"2026-12-0{1 + i % 5}\"></head>"
            f"<body><article><h1>Story {i}</h1>{paras}</article></body></html>").encode()


def rss(title: str, items: list[tuple[int, str]], *, full: bool = True) -> bytes:
    """An RSS 2.0 feed of (story number, link); ``full`` False: each item carries only a summary."""
    when = datetime(2026, 12, 6, tzinfo=timezone.utc)
    out = [f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
           f"<channel><title>{escape(title)}</title><link>http://example.org/</link>"]
    for n, (i, link) in enumerate(items):
        body = f"<content:encoded>{escape(story(i))}</content:encoded>" if full else ""
        out.append(f"<item><title>Story {i}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
                   f"<pubDate>{format_datetime(when - timedelta(hours=n))}</pubDate>"
                   f"<description>{escape(story(i)[:120])}</description>{body}</item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


def json_feed(title: str, items: list[tuple[int, str]]) -> bytes:
    """A JSON Feed 1.1 of (story number, link), each item with its full text."""
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title,
                       "items": [{"id": link, "url": link, "title": f"Story {i}", "content_text": story(i),
                                  "date_published": "2026-12-06T10:00:00Z"} for i, link in items]}).encode()
