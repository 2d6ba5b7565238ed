"""robots.txt, fetched once per site and cached (RFC 9309, read with urllib.robotparser).

An answer of 4xx means no rules (everything allowed); 5xx means the site is
unavailable and everything is treated as disallowed until the cache expires;
a site that cannot be reached is not cached (the fetch itself fails with E121
or E114). A Crawl-delay for our agent raises the delay between requests to
that host (capped).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import httpx

from frontlines.errors import FetchError

RobotsGetter = Callable[[str], Awaitable[tuple[int, bytes]]]  # robots URL -> (status, body)
MAX_CRAWL_DELAY = 30.0  # seconds; a larger Crawl-delay is capped rather than followed


@dataclass(slots=True)
class _Rules:
    parser: RobotFileParser | None  # None: nothing may be fetched (the site answered 5xx)
    reason: str
    expires: float


def robots_url(url: httpx.URL) -> str:
    """The robots.txt of the site serving ``url`` (scheme, host and port)."""
    return str(url.copy_with(path="/robots.txt", query=None, fragment=None))


class RobotsCache:
    """Answers "may this URL be fetched?" per site, from a cached robots.txt."""

    def __init__(self, get: RobotsGetter, user_agent: str, *, ttl: float = 3600.0,
                 on_crawl_delay: Callable[[str, float], None] | None = None) -> None:
        self.get = get
        self.agent = user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "*"
        self.ttl = ttl
        self.on_crawl_delay = on_crawl_delay
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: httpx.URL) -> None:
        """Nothing when ``url`` may be fetched; E117 when robots.txt disallows it."""
        rules = await self._rules_for(url)
        if rules.parser is None:
            raise FetchError(f"{url}: {rules.reason}", code="E117")
        if not rules.parser.can_fetch(self.agent, str(url)):
            raise FetchError(f"{url}: {rules.reason} disallows it for {self.agent}", code="E117")

    async def _rules_for(self, url: httpx.URL) -> _Rules:
        where = robots_url(url)
        lock = self._locks.setdefault(where, asyncio.Lock())
        async with lock:  # one fetch of a site's robots.txt, however many requests wait for it
            cached = self._rules.get(where)
            if cached is not None and cached.expires > time.monotonic():
                return cached
            status, body = await self.get(where)
            rules = self._parse(where, url.host, status, body)
            self._rules[where] = rules
            return rules

    def _parse(self, where: str, host: str, status: int, body: bytes) -> _Rules:
        expires = time.monotonic() + self.ttl
        if status >= 500:
            return _Rules(None, f"{where} answered {status}: the site is treated as disallowed (RFC 9309)",
                          time.monotonic() + min(self.ttl, 600.0))
        parser = RobotFileParser(where)
        if 400 <= status < 500:
            parser.parse([])  # no robots.txt: no rules
            return _Rules(parser, f"{where} ({status})", expires)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.agent)
        if delay and self.on_crawl_delay is not None:
            self.on_crawl_delay(host, min(float(delay), MAX_CRAWL_DELAY))
        return _Rules(parser, where, expires)
