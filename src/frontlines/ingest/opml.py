"""OPML: the feed lists that feed readers export (an outline with an xmlUrl per feed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from frontlines.errors import IngestError


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None = None


def read_opml(data: bytes) -> list[OpmlFeed]:
    """Every feed in an OPML document (nested outlines included), once each, in document order."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IngestError(f"OPML: {exc}", code="E109") from exc
    if root.tag.lower() != "opml":
        raise IngestError(f"OPML: the root element is <{root.tag}>, not <opml>", code="E109")
    out: dict[str, OpmlFeed] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in out:
            out[url] = OpmlFeed(url, (outline.get("title") or outline.get("text") or "").strip() or None)
    return list(out.values())
