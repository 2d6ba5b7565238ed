"""The watcher against real feeds on 127.0.0.1: nothing lost, nothing twice, each failure kept with its code."""

from __future__ import annotations

import asyncio

import pytest

from frontlines.batch.local import InProcess
from frontlines.fetch import Fetcher, FetchOptions
from frontlines.fetch.guard import parse_networks
from frontlines.records import ArticleStatus
from frontlines.runner import Runner
from frontlines.watch import Watcher, add_feeds
from tests.api.test_articles import blank_resources, fake_stages
from tests.fetch.site import Response, local_site
from tests.fetch.stories import json_feed, page, rss

RSS = "application/rss+xml"


def options(**kw) -> FetchOptions:  # noqa: ANN003
    base = dict(user_agent="frontlines-test/1.0", timeout=3.0, retries=0, backoff=0.01, host_delay=0.0,
                allow_networks=parse_networks("127.0.0.0/8"), max_bytes=1_000_000)
    return FetchOptions(**{**base, **kw})


def poll(store, polls: int = 1, *, process: bool = False, between=None, **kw):  # noqa: ANN001, ANN003, ANN201
    """``polls`` polls of the store's feeds with one Watcher; ``between(n)`` runs before poll n > 0."""
    async def go():  # noqa: ANN202
        async with Fetcher(options(**kw)) as fetcher:
            runner = Runner(store, InProcess(resources=blank_resources(None), stages=fake_stages)) if process else None
            watcher = Watcher(store, fetcher, runner=runner, max_entry_tries=2)
            reports = []
            for n in range(polls):
                if n and between:
                    between(n)
                reports.append(await watcher.poll())
            return reports

    return asyncio.run(go())


def test_a_growing_feed_gives_each_entry_once_then_304(sqlite_store) -> None:  # noqa: ANN001
    with local_site() as site:
        items = [(1, site.url("/a/1")), (2, site.url("/a/2"))]
        site.routes["/feed"] = Response(rss("A", items), content_type=RSS, etag='"v1"')
        add_feeds(sqlite_store, [site.url("/feed")])

        def grow(n: int) -> None:
            if n == 1:
                items.insert(0, (3, site.url("/a/3")))
                site.routes["/feed"] = Response(rss("A", items), content_type=RSS, etag='"v2"')

        first, second, third = poll(sqlite_store, 3, process=True, between=grow)
        assert (first.articles, second.articles, third.articles) == (2, 1, 0)
        assert third.not_modified == 1 and site.requests[-1].headers["if-none-match"] == '"v2"'
        assert first.events == 2 and second.events == 1 and third.events == 0  # processed through the Runner
        articles = list(sqlite_store.iter_articles())
        assert len(articles) == 3 and {a.status for a in articles} == {ArticleStatus.PROCESSED}
        assert sqlite_store.count_pending_updates() == 0 and sqlite_store.list_incidents()
        feed = sqlite_store.get_feed(site.url("/feed"))
        assert (feed.status, feed.etag, feed.entries_seen, feed.articles, feed.title) == (304, '"v2"', 3, 3, "A")
        assert first.line().startswith("1 feeds polled (0 not modified, 0 failed), 2 new articles, 2 new events")


def test_summary_only_entries_fetch_their_pages(sqlite_store) -> None:  # noqa: ANN001
    with local_site() as site:
        links = [site.url(f"/story/{i}") for i in range(3)] + [site.url("/private/3")]
        for i in range(3):
            site.routes[f"/story/{i}"] = Response(page(i + 10, links[i]))
        site.routes["/private/3"] = Response(page(13, links[3]))
        site.routes["/robots.txt"] = Response(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        site.routes["/feed"] = Response(rss("S", [(i + 10, link) for i, link in enumerate(links)], full=False),
                                        content_type=RSS)
        add_feeds(sqlite_store, [site.url("/feed")])
        (report,) = poll(sqlite_store)
        assert report.articles == 4 and report.page_failures == 1
        by_url = {a.url: a for a in sqlite_store.iter_articles()}
        assert "Story 10" in (by_url[links[0]].title or "") and len(by_url[links[0]].text) > 300  # the page's text
        assert len(by_url[links[3]].text) < 200  # robots.txt: the summary stands in for the page
        assert site.hits("/private/3") == 0
        rejected = {r.origin: r.code for r in sqlite_store.list_rejections()}
        assert rejected == {links[3]: "E117"}


def test_a_page_failing_for_now_is_tried_again_and_nothing_is_lost(sqlite_store) -> None:  # noqa: ANN001
    with local_site() as site:
        link = site.url("/story/1")
        site.routes["/story/1"] = Response(b"busy", 503, "text/plain")
        site.routes["/feed"] = Response(rss("R", [(21, link)], full=False), content_type=RSS, etag='"r1"')
        add_feeds(sqlite_store, [site.url("/feed")])

        def recover(n: int) -> None:
            site.routes["/story/1"] = Response(page(21, link))

        first, second, third = poll(sqlite_store, 3, between=recover)
        assert (first.articles, first.retry_later) == (0, 1)
        asked = [r.headers.get("if-none-match") for r in site.requests if r.path == "/feed"]
        assert asked == [None, None, '"r1"']  # the validators dropped after a retry: the next answer is complete
        assert (second.articles, second.retry_later, second.not_modified) == (1, 0, 0)
        assert third.not_modified == 1 and third.articles == 0  # nothing twice
        (article,) = sqlite_store.iter_articles()
        assert article.url == link and len(article.text) > 300


def test_failing_feeds_are_recorded_and_the_others_still_ingested(sqlite_store) -> None:  # noqa: ANN001
    routes = {
        "/500": Response(b"oops", 500, "text/plain"),
        "/slow": Response(b"<rss/>", content_type=RSS, delay=4.0),
        "/loop1": Response(status=302, headers={"Location": "/loop2"}),
        "/loop2": Response(status=302, headers={"Location": "/loop1"}),
        "/huge": Response(b"<rss>" + b" " * 20_000_000 + b"</rss>", content_type=RSS, chunks=200),
        "/image": Response(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png"),
        "/html": Response(b"<html><body>not a feed</body></html>"),
        "/garbage": Response(b"this is not a feed at all", content_type=RSS),
        "/private/feed": Response(b"<rss/>", content_type=RSS),
        "/robots.txt": Response(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
    }
    expected = {"/500": "E118", "/slow": "E114", "/loop1": "E119", "/huge": "E115", "/image": "E120",
                "/html": "E120", "/garbage": "E109", "/private/feed": "E117"}
    with local_site(routes) as site:
        site.routes["/good"] = Response(json_feed("G", [(31, site.url("/g/1")), (32, site.url("/g/2"))]),
                                        content_type="application/feed+json")
        add_feeds(sqlite_store, [site.url(p) for p in [*expected, "/good"]])
        (report,) = poll(sqlite_store, max_bytes=5_000_000)
        assert report.articles == 2 and report.failed == len(expected)
        for path, code in expected.items():
            feed = sqlite_store.get_feed(site.url(path))
            assert (feed.error_code, feed.failures) == (code, 1), (path, feed)
            assert feed.error
        assert {f.code for f in report.failures} == set(expected.values())
        codes = {r.origin: r.code for r in sqlite_store.list_rejections()}
        assert {site.url(p): c for p, c in expected.items()}.items() <= codes.items()
        good = sqlite_store.get_feed(site.url("/good"))
        assert (good.error_code, good.articles, good.status) == (None, 2, 200)


def test_an_entry_already_stored_from_another_feed_is_not_fetched_again(sqlite_store) -> None:  # noqa: ANN001
    with local_site() as site:
        link = site.url("/story/5")
        site.routes["/story/5"] = Response(page(41, link))
        site.routes["/f1"] = Response(rss("F1", [(41, link)], full=False), content_type=RSS)
        site.routes["/f2"] = Response(rss("F2", [(41, link)], full=False), content_type=RSS)
        add_feeds(sqlite_store, [site.url("/f1")])
        poll(sqlite_store)
        add_feeds(sqlite_store, [site.url("/f2")])
        (report,) = poll(sqlite_store)
        assert report.articles == 0 and site.hits("/story/5") == 1
        assert len(list(sqlite_store.iter_articles())) == 1
        assert sqlite_store.get_feed(site.url("/f2")).entries_seen == 1


@pytest.mark.parametrize("allow", ["", "10.0.0.0/8"])
def test_loopback_feeds_are_refused_unless_allowed(sqlite_store, allow: str) -> None:  # noqa: ANN001
    with local_site({"/feed": Response(rss("A", [(1, "http://example.org/1")]), content_type=RSS)}) as site:
        add_feeds(sqlite_store, [site.url("/feed")])
        (report,) = poll(sqlite_store, allow_networks=parse_networks(allow))
        assert report.failed == 1 and report.failures[0].code == "E116" and site.requests == []
