"""Fetching web pages and feeds over HTTP, politely and within bounds (issue 18).

:class:`Fetcher` is the one HTTP client: httpx with HTTP/2, timeouts, bounded
retries with backoff, conditional GETs, per-host concurrency and delay,
robots.txt, a size limit enforced while reading, content types checked, and
only public http/https addresses unless configured otherwise. Parsing what it
fetches is the ingest package's job.
"""

from frontlines.fetch.client import (
    DOC_TYPES,
    FEED_TYPES,
    PAGE_TYPES,
    Fetched,
    Fetcher,
    FetchOptions,
    FetchStats,
)
from frontlines.fetch.guard import check_url, parse_networks

__all__ = ["DOC_TYPES", "FEED_TYPES", "PAGE_TYPES", "FetchOptions", "FetchStats", "Fetched", "Fetcher",
           "check_url", "parse_networks"]
