"""Which addresses frontlines may connect to, checked where the connection is made.

A feed or a redirect must not make frontlines (or the API server running the
watcher) fetch internal pages: only http and https URLs are fetched, and a host
is connected to only on an address outside the private, loopback, link-local,
reserved, multicast and unspecified ranges, unless the configuration allows
that network (``fetch_allow_networks``, e.g. "127.0.0.0/8" for tests).

The check runs in the connection itself (:class:`GuardedBackend`): the name is
resolved once, each address is checked, and the socket is opened to a checked
address, so a DNS answer that changes between a check and the connect (DNS
rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from typing import Any

import anyio
import httpcore
import httpx

from frontlines.errors import FetchError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

SCHEMES = ("http", "https")


def parse_networks(spec: str | Iterable[str]) -> tuple[Network, ...]:
    """Networks from a comma-separated string or a list ("127.0.0.0/8, ::1/128")."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    try:
        return tuple(ipaddress.ip_network(i.strip(), strict=False) for i in items if i.strip())
    except ValueError as exc:
        raise FetchError(f"fetch_allow_networks: {exc}", code="E116") from exc


def is_public(addr: Address) -> bool:
    """True for an address on the public internet."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved
                or addr.is_multicast or addr.is_unspecified)


def address_allowed(addr: Address, allow: Sequence[Network]) -> bool:
    """A public address, or one in a network the configuration allows."""
    plain = addr.ipv4_mapped if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped else addr
    return is_public(plain) or any(plain.version == n.version and plain in n for n in allow)


def check_url(url: str | httpx.URL) -> httpx.URL:
    """The URL parsed, if its scheme is http or https and it names a host; else E116."""
    try:
        parsed = httpx.URL(str(url))
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: {exc}", code="E116") from exc
    if parsed.scheme not in SCHEMES:
        raise FetchError(f"{url}: only http and https are fetched, not {parsed.scheme or 'a bare path'}",
                         code="E116")
    if not parsed.host:
        raise FetchError(f"{url}: no host", code="E116")
    return parsed


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to allowed addresses (resolved here, once)."""

    def __init__(self, allow: Sequence[Network]) -> None:
        self.allow = tuple(allow)
        self.inner = httpcore.AnyIOBackend()

    async def resolve(self, host: str, port: int) -> list[str]:
        """The allowed addresses of ``host``, in resolver order; E116 when it has none, E121 when unknown."""
        try:
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise FetchError(f"{host}: cannot resolve: {exc}", code="E121", transient=True) from exc
        seen: list[str] = []
        refused: list[str] = []
        for *_, sockaddr in infos:
            ip = str(sockaddr[0]).split("%", 1)[0]
            if ip in seen or ip in refused:
                continue
            (seen if address_allowed(ipaddress.ip_address(ip), self.allow) else refused).append(ip)
        if not seen:
            raise FetchError(f"{host} is at {', '.join(refused)}: a private, loopback or link-local address "
                             "(allow it with fetch_allow_networks)", code="E116")
        return seen

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        failed: list[Exception] = []
        for ip in await self.resolve(host, port):  # at least one address, or resolve raised
            try:
                return await self.inner.connect_tcp(ip, port, timeout=timeout, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failed.append(exc)
        raise failed[-1]

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        raise FetchError(f"{path}: unix sockets are not fetched", code="E116")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport (HTTP/1.1 and HTTP/2, pooled) over a :class:`GuardedBackend`; never a proxy."""

    def __init__(self, allow: Sequence[Network], *, http2: bool, limits: httpx.Limits) -> None:
        super().__init__(http2=http2, limits=limits, trust_env=False)
        # httpx (pinned 0.28) takes no network backend; its pool is rebuilt with the same settings
        # and ours, so that every connection, redirects included, goes through the address check.
        ssl_context = self._pool._ssl_context  # noqa: SLF001
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=GuardedBackend(allow),
        )
