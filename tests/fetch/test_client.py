"""The Fetcher against a real server on 127.0.0.1: what it sends, what it refuses, and why (with codes)."""

from __future__ import annotations

import asyncio
import ipaddress
import time

import pytest

from frontlines.errors import FetchError
from frontlines.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchOptions
from frontlines.fetch.guard import address_allowed, check_url, parse_networks
from tests.fetch.site import Response, local_site

LOOPBACK = parse_networks("127.0.0.0/8")
PAGE = b"<html><head><title>T</title></head><body><p>Shelling in Kharkiv.</p></body></html>"


def options(**kw) -> FetchOptions:  # noqa: ANN003
    base = dict(user_agent="frontlines-test/1.0 (+tests)", timeout=3.0, retries=1, backoff=0.05,
                host_delay=0.0, allow_networks=LOOPBACK, max_bytes=1_000_000)
    return FetchOptions(**{**base, **kw})


def fetch(url: str, opts: FetchOptions | None = None, **kw):  # noqa: ANN003, ANN201
    async def go():  # noqa: ANN202
        async with Fetcher(opts or options()) as f:
            return await f.fetch(url, **kw)

    return asyncio.run(go())


def failure(url: str, opts: FetchOptions | None = None, **kw) -> FetchError:  # noqa: ANN003
    with pytest.raises(FetchError) as err:
        fetch(url, opts, **kw)
    return err.value


def test_a_page_is_fetched_with_our_user_agent() -> None:
    with local_site({"/a": Response(PAGE)}) as site:
        got = fetch(site.url("/a"), accept=PAGE_TYPES)
        assert (got.status, got.content_type, got.body) == (200, "text/html", PAGE)
        assert site.requests[-1].headers["user-agent"] == "frontlines-test/1.0 (+tests)"
        assert site.hits("/robots.txt") == 1


def test_conditional_get_gives_304() -> None:
    with local_site({"/f": Response(b"<rss/>", content_type="application/rss+xml", etag='"v1"')}) as site:
        first = fetch(site.url("/f"), accept=FEED_TYPES)
        again = fetch(site.url("/f"), accept=FEED_TYPES, etag=first.etag)
        assert first.etag == '"v1"' and again.not_modified and again.body == b""
        assert site.requests[-1].headers["if-none-match"] == '"v1"'


@pytest.mark.parametrize(
    ("route", "code", "transient"),
    [
        (Response(b"oops", 500, "text/plain"), "E118", True),
        (Response(b"gone", 404, "text/plain"), "E118", False),
        (Response(b"\x89PNG....", 200, "image/png"), "E120", False),
        (Response(b"x" * 2_000_000, 200, "text/html"), "E115", False),  # refused on its Content-Length
        (Response(b"x" * 2_000_000, 200, "text/html", chunks=40), "E115", False),  # cut off while streaming
        (Response(PAGE, delay=4.0), "E114", True),
    ],
    ids=["500", "404", "not-html", "too-large", "too-large-streamed", "slow"],
)
def test_failures_have_a_code(route: Response, code: str, transient: bool) -> None:
    with local_site({"/x": route}) as site:
        err = failure(site.url("/x"), accept=PAGE_TYPES)
        assert err.code == code and err.transient is transient, err
        if transient:  # retried once (retries=1), then given up
            assert site.hits("/x") == 2


def test_a_redirect_is_followed_and_a_loop_is_caught() -> None:
    routes = {"/old": Response(status=301, headers={"Location": "/a"}), "/a": Response(PAGE),
              "/l1": Response(status=302, headers={"Location": "/l2"}),
              "/l2": Response(status=302, headers={"Location": "/l1"})}
    with local_site(routes) as site:
        got = fetch(site.url("/old"))
        assert got.final_url == site.url("/a") and got.redirects == 1
        err = failure(site.url("/l1"))
        assert err.code == "E119" and "loop" in str(err)
        assert site.hits("/l1") == 1  # not retried: a loop stays a loop


def test_too_many_redirects() -> None:
    routes = {f"/r{i}": Response(status=302, headers={"Location": f"/r{i + 1}"}) for i in range(10)}
    with local_site(routes) as site:
        assert failure(site.url("/r0"), options(max_redirects=3)).code == "E119"


def test_robots_txt_is_respected_and_fetched_once() -> None:
    robots = Response(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    with local_site({"/robots.txt": robots, "/private/a": Response(PAGE), "/a": Response(PAGE)}) as site:
        async def go():  # noqa: ANN202
            async with Fetcher(options()) as f:
                with pytest.raises(FetchError) as err:
                    await f.fetch(site.url("/private/a"))
                await f.fetch(site.url("/a"))
                return err.value

        err = asyncio.run(go())
        assert err.code == "E117" and site.hits("/private/a") == 0
        assert site.hits("/robots.txt") == 1


def test_robots_txt_answering_5xx_means_disallowed() -> None:
    with local_site({"/robots.txt": Response(b"", 503, "text/plain"), "/a": Response(PAGE)}) as site:
        assert failure(site.url("/a"), options(retries=0)).code == "E117"
        assert site.hits("/a") == 0


def test_private_addresses_are_refused_unless_allowed() -> None:
    with local_site({"/a": Response(PAGE)}) as site:
        err = failure(site.url("/a"), options(allow_networks=()))
        assert err.code == "E116" and "127.0.0.1" in str(err) and site.requests == []
        # a redirect to a refused address is refused at its connection too
        err = failure(site.url("/a").replace("127.0.0.1", "localhost"), options(allow_networks=()))
        assert err.code == "E116"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "/just/a/path"])
def test_only_http_and_https(url: str) -> None:
    assert failure(url).code == "E116"


@pytest.mark.parametrize(
    ("ip", "allowed"),
    [("8.8.8.8", True), ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.1.1", False), ("169.254.169.254", False),
     ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False), ("2606:4700::1111", True)],
)
def test_address_policy(ip: str, allowed: bool) -> None:
    assert address_allowed(ipaddress.ip_address(ip), ()) is allowed
    assert address_allowed(ipaddress.ip_address("127.0.0.5"), LOOPBACK)


def test_check_url() -> None:
    assert check_url("https://example.org/a?b=1").host == "example.org"


def test_per_host_delay_spaces_requests() -> None:
    with local_site({f"/p{i}": Response(PAGE) for i in range(4)}) as site:
        async def go() -> float:
            async with Fetcher(options(host_delay=0.2, per_host=4)) as f:
                await f.fetch(site.url("/p0"))  # robots.txt and /p0
                start = time.monotonic()
                await asyncio.gather(*(f.fetch(site.url(f"/p{i}")) for i in range(1, 4)))
                return time.monotonic() - start

        assert asyncio.run(go()) >= 0.5  # three requests, each 0.2 s after the one before
