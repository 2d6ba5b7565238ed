"""Send one alert object to its sink: a JSON line on stdout, a line appended to a file, or a webhook POST.

A webhook gets one POST per object (JSON body), over httpx through the fetch
module's guarded transport: only http/https to public addresses unless the
configuration allows a network (``fetch_allow_networks``, e.g. 127.0.0.0/8),
a time limit per attempt, and bounded retries with exponential backoff after
a timeout, a failed connection, 429 or 5xx. A failure is returned as an
:class:`Outcome` with its code (E114 timeout, E116 address refused, E118 bad
status, E121 connection failed, E123 a file that cannot be written), never
raised: a failing sink never stops the watcher or the run.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import httpx

from frontlines.errors import FetchError, FrontlinesError
from frontlines.fetch import check_url, parse_networks
from frontlines.fetch.guard import GuardedTransport, Network

STDOUT = "stdout"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryOptions:
    """How webhooks are called; :meth:`from_settings` reads them from the configuration."""

    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    allow_networks: tuple[Network, ...] = ()
    user_agent: str = "frontlines"

    @classmethod
    def from_settings(cls, settings: Any) -> DeliveryOptions:
        return cls(timeout=settings.alert_timeout, retries=max(0, settings.alert_retries),
                   backoff=max(0.0, settings.alert_backoff),
                   allow_networks=parse_networks(settings.fetch_allow_networks), user_agent=settings.user_agent)


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What one delivery came to: sent, or failed with a code and a reason."""

    ok: bool
    tries: int = 1
    code: str | None = None
    message: str | None = None


def sink_kind(sink: str) -> str:
    """stdout, webhook (an http or https URL) or file."""
    if sink == STDOUT or sink == "-":
        return STDOUT
    if sink.lower().startswith(("http://", "https://")):
        return "webhook"
    return "file"


def check_sink(sink: str) -> str:
    """The sink, if it is stdout, a usable http(s) URL or a file path in an existing folder; else E907."""
    sink = sink.strip()
    kind = sink_kind(sink)
    if not sink:
        raise FrontlinesError("an alert needs a sink: stdout, a file path or an http(s) URL", code="E907")
    if kind == "webhook":
        try:
            check_url(sink)
        except FetchError as exc:
            raise FrontlinesError(f"webhook {exc.detail}", code="E907") from exc
    elif kind == "file":
        if "://" in sink:
            raise FrontlinesError(f"{sink}: a webhook is an http or https URL", code="E907")
        folder = Path(sink).expanduser().resolve().parent
        if not folder.is_dir():
            raise FrontlinesError(f"{sink}: the folder {folder} does not exist", code="E907")
    return "stdout" if kind == STDOUT else sink


def deliver(sink: str, obj: dict[str, Any], options: DeliveryOptions, *, stream: TextIO | None = None) -> Outcome:
    """Send ``obj`` to ``sink``; never raises for a failing sink (see :class:`Outcome`)."""
    line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    kind = sink_kind(sink)
    if kind == STDOUT:
        out = stream if stream is not None else sys.stdout
        out.write(line + "\n")
        out.flush()
        return Outcome(ok=True)
    if kind == "file":
        try:
            with Path(sink).expanduser().open("a", encoding="utf-8") as f:
                f.write(line + "\n")
        except OSError as exc:
            return Outcome(ok=False, code="E123", message=f"{sink}: {exc.strerror or exc}")
        return Outcome(ok=True)
    return _in_own_loop(post_webhook(sink, line.encode(), options))


def _in_own_loop(coro: Any) -> Outcome:
    """Run a coroutine to its end from synchronous code, in a thread of its own if this one runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def post_webhook(url: str, body: bytes, options: DeliveryOptions) -> Outcome:
    """POST ``body`` (JSON) to ``url``, retrying transient failures ``options.retries`` times."""
    transport = GuardedTransport(options.allow_networks, http2=False,
                                 limits=httpx.Limits(max_connections=2, max_keepalive_connections=1))
    headers = {"Content-Type": "application/json", "User-Agent": options.user_agent}
    tries = 0
    last = Outcome(ok=False, code="E121", message=f"{url}: not tried")
    async with httpx.AsyncClient(transport=transport, timeout=options.timeout, follow_redirects=False,
                                 trust_env=False) as client:
        for attempt in range(options.retries + 1):
            if attempt:
                await asyncio.sleep(options.backoff * 2 ** (attempt - 1))
            tries += 1
            start = time.monotonic()
            try:
                resp = await asyncio.wait_for(client.post(url, content=body, headers=headers),
                                              timeout=options.timeout + 1)
            except (TimeoutError, httpx.TimeoutException):
                last = Outcome(ok=False, tries=tries, code="E114",
                               message=f"{url}: no answer within {options.timeout:g} s "
                                       f"({time.monotonic() - start:.1f} s)")
                continue
            except FetchError as exc:  # the address policy (E116) or an unknown host (E121)
                last = Outcome(ok=False, tries=tries, code=exc.code, message=exc.detail)
                if not exc.transient:
                    return last
                continue
            except httpx.HTTPError as exc:
                last = Outcome(ok=False, tries=tries, code="E121", message=f"{url}: {type(exc).__name__}: {exc}")
                continue
            if 200 <= resp.status_code < 300:
                return Outcome(ok=True, tries=tries)
            last = Outcome(ok=False, tries=tries, code="E118",
                           message=f"{url}: {resp.status_code} {resp.reason_phrase}".rstrip())
            if resp.status_code not in RETRY_STATUSES:
                return last
    return last
