"""The Fetcher: polite, bounded HTTP GETs of web pages and feeds (httpx, HTTP/1.1 and HTTP/2).

Every request: only http/https to allowed addresses (:mod:`frontlines.fetch.guard`),
robots.txt checked first (:mod:`frontlines.fetch.robots`), at most
``concurrency`` requests in flight and ``per_host`` per host, ``host_delay``
seconds apart per host, our User-Agent, a total time limit per attempt,
redirects followed by hand (each hop checked, loops caught), the content type
checked from the headers before any body is read, and the body cut off as
soon as it passes ``max_bytes`` (a Content-Length over it is refused unread).
Timeouts, failed connections, 429 and 5xx are retried ``retries`` times with
exponential backoff (or the server's Retry-After, capped). Conditional GETs
send If-None-Match / If-Modified-Since and return a 304 as it is.

Failures raise :class:`~frontlines.errors.FetchError` with a code (E114-E121)
and ``transient`` telling whether a later poll may succeed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from frontlines.errors import FetchError
from frontlines.fetch.guard import GuardedTransport, Network, check_url, parse_networks
from frontlines.fetch.robots import RobotsCache

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json", "application/json"})
DOC_TYPES = PAGE_TYPES | FEED_TYPES | {"text/plain"}  # `frontlines ingest URL`: a page, a feed or text
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After waits for the next poll instead
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: at least 500 KiB are read


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    """How the Fetcher behaves; :meth:`from_settings` reads them from the configuration."""

    user_agent: str = "frontlines"
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    max_bytes: int = 5_000_000
    concurrency: int = 16
    per_host: int = 2
    host_delay: float = 1.0
    allow_networks: tuple[Network, ...] = ()
    http2: bool = True
    robots_ttl: float = 3600.0

    @classmethod
    def from_settings(cls, s: Any, **overrides: Any) -> FetchOptions:
        """Options from :class:`frontlines.config.Settings` (``overrides`` win)."""
        values = dict(user_agent=s.user_agent, timeout=s.fetch_timeout, retries=s.fetch_retries,
                      backoff=s.fetch_backoff, max_redirects=s.fetch_max_redirects, max_bytes=s.max_bytes,
                      concurrency=s.fetch_concurrency, per_host=s.fetch_per_host, host_delay=s.fetch_host_delay,
                      allow_networks=parse_networks(s.fetch_allow_networks))
        return cls(**{**values, **overrides})


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """One answer: 200 with its body, or 304 (``not_modified``) without."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type, lower case, without parameters ("" when not given)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class FetchStats:
    requests: int = 0
    retries: int = 0
    not_modified: int = 0
    bytes: int = 0
    failures: dict[str, int] = field(default_factory=dict)  # code -> count


class HostLimits:
    """At most ``per_host`` requests in flight to one host, started ``delay`` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """A longer delay for one host (robots.txt Crawl-delay); never shorter than the default."""
        self._delays[host] = max(self.delay, seconds)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        sem = self._slots.setdefault(host, asyncio.Semaphore(self.per_host))
        async with sem:
            loop = asyncio.get_running_loop()
            now = loop.time()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self._delays.get(host, self.delay)  # reserved before sleeping
            if start > now:
                await asyncio.sleep(start - now)
            yield


def media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


class Fetcher:
    """Fetches URLs politely; use as ``async with Fetcher(options) as f: await f.fetch(url)``."""

    def __init__(self, options: FetchOptions, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.options = options
        self.stats = FetchStats()
        self.hosts = HostLimits(options.per_host, options.host_delay)
        self.robots = RobotsCache(self._get_robots, options.user_agent, ttl=options.robots_ttl,
                                  on_crawl_delay=self.hosts.set_delay)
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._slots: asyncio.Semaphore | None = None

    async def __aenter__(self) -> Fetcher:
        limits = httpx.Limits(max_connections=max(1, self.options.concurrency),
                              max_keepalive_connections=max(1, self.options.concurrency))
        transport = self._transport or GuardedTransport(self.options.allow_networks, http2=self.options.http2,
                                                        limits=limits)
        self._client = httpx.AsyncClient(transport=transport, follow_redirects=False, trust_env=False,
                                         headers={"User-Agent": self.options.user_agent},
                                         timeout=httpx.Timeout(self.options.timeout))
        self._slots = asyncio.Semaphore(max(1, self.options.concurrency))
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # -- the public call -------------------------------------------------------------------------
    async def fetch(self, url: str, *, accept: frozenset[str] = DOC_TYPES, etag: str | None = None,
                    last_modified: str | None = None) -> Fetched:
        """GET ``url`` (following redirects), retrying transient failures; raises FetchError."""
        attempt = 0
        while True:
            try:
                return await self._fetch_once(url, accept, etag, last_modified)
            except FetchError as exc:
                wait = self.options.backoff * (2 ** attempt)
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                if not exc.transient or attempt >= self.options.retries or wait > MAX_RETRY_AFTER:
                    self.stats.failures[exc.code] = self.stats.failures.get(exc.code, 0) + 1
                    raise
                attempt += 1
                self.stats.retries += 1
                await asyncio.sleep(wait)

    async def _fetch_once(self, url: str, accept: frozenset[str], etag: str | None,
                          last_modified: str | None) -> Fetched:
        current = check_url(url)
        seen = {str(current)}
        headers = {"Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        redirects = 0
        while True:
            await self.robots.check(current)
            status, got, body = await self._get(current, headers, accept, self.options.max_bytes)
            if status in REDIRECTS:
                location = got.get("location")
                if not location:
                    raise FetchError(f"{current}: {status} without a Location", code="E118")
                current = check_url(current.join(location))
                redirects += 1
                if str(current) in seen:
                    raise FetchError(f"{url}: redirect loop back to {current} after {redirects} redirects",
                                     code="E119")
                if redirects > self.options.max_redirects:
                    raise FetchError(f"{url}: more than {self.options.max_redirects} redirects", code="E119")
                seen.add(str(current))
                continue
            if status == 304:
                self.stats.not_modified += 1
            return Fetched(url=url, final_url=str(current), status=status, content_type=media_type(got.get("content-type")),
                           body=body, etag=got.get("etag"), last_modified=got.get("last-modified"),
                           redirects=redirects)

    # -- one request -----------------------------------------------------------------------------
    async def _get(self, url: httpx.URL, headers: dict[str, str], accept: frozenset[str] | None,
                   max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        """One GET: (status, headers, body); a redirect or 304 without its body. Raises FetchError.

        ``accept`` None takes any content type and any status (robots.txt)."""
        if self._client is None or self._slots is None:
            raise RuntimeError("use the Fetcher as `async with Fetcher(...)`")
        async with self._slots, self.hosts.slot(url.host):
            self.stats.requests += 1
            try:
                async with asyncio.timeout(self.options.timeout):
                    async with self._client.stream("GET", url, headers=headers) as resp:
                        return resp.status_code, resp.headers, await self._body(url, resp, accept, max_bytes)
            except TimeoutError as exc:
                raise FetchError(f"{url}: no complete answer within {self.options.timeout:g} s", code="E114",
                                 transient=True) from exc
            except httpx.TimeoutException as exc:
                raise FetchError(f"{url}: {type(exc).__name__}", code="E114", transient=True) from exc
            except httpx.TransportError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}", code="E121", transient=True) from exc

    async def _body(self, url: httpx.URL, resp: httpx.Response, accept: frozenset[str] | None,
                    max_bytes: int) -> bytes:
        status = resp.status_code
        if accept is not None:
            if status in REDIRECTS or status == 304:
                return b""
            if not 200 <= status < 300:
                raise FetchError(f"{url}: {status} {resp.reason_phrase}".rstrip(), code="E118",
                                 transient=status in RETRY_STATUSES,
                                 retry_after=_retry_after(resp.headers.get("retry-after")))
            kind = media_type(resp.headers.get("content-type"))
            if kind and kind not in accept:
                raise FetchError(f"{url}: content type {kind} (expected {', '.join(sorted(accept))})", code="E120")
        elif status >= 300:
            return b""
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"{url}: Content-Length {length} is over the limit of {max_bytes} bytes", code="E115")
        chunks: list[bytes] = []
        total = 0
        async for chunk in resp.aiter_bytes():  # decoded: a compressed bomb is cut off too
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(f"{url}: body over the limit of {max_bytes} bytes (stopped reading)", code="E115")
            chunks.append(chunk)
        self.stats.bytes += total
        return b"".join(chunks)

    async def _get_robots(self, where: str) -> tuple[int, bytes]:
        """robots.txt: (status, body) after up to 5 redirects; any content type."""
        current = check_url(where)
        for _ in range(6):
            status, got, body = await self._get(current, {"Accept": "text/plain, */*;q=0.1"}, None, ROBOTS_MAX_BYTES)
            if status in REDIRECTS and got.get("location"):
                current = check_url(current.join(got["location"]))
                continue
            return status, body
        return 404, b""  # RFC 9309: more redirects than that, as if there were no robots.txt
