"""The page follows new reporting in headless Chromium: an article stored while the page is open brings a
small "N new" notice (the map does not move); a click on it reloads the layers and the new marker is there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from tests.api.builders import ArticleSpec, EventSpec, build
from tests.web.conftest import LiveServer, _build_db, _open

pytestmark = pytest.mark.browser

IZIUM = ArticleSpec(
    title="Shelling in Izium", source="Test Wire", published=dt.date(2022, 11, 13),
    sentences=["Russian forces shelled Izium on November 13, killing 3 people."],
    events=[EventSpec(0, "shelled", "ASSAULT", "Izium", dt.date(2022, 11, 13), sources=("Russian forces",),
                      quantities=(("3 people", "killed", 3),))],
)


@pytest.fixture
def follow_server(tmp_path: Any, label_gazetteer: str) -> Iterator[tuple[LiveServer, Any]]:
    """A server of its own over the demo articles (the test adds to its store), and that store."""
    from frontlines.api import create_app
    from frontlines.api.app import VENDOR_DIR
    from tests.api.builders import demo_specs

    if not (VENDOR_DIR / "leaflet" / "leaflet.js").is_file():
        pytest.skip("the map's libraries are not built: run `make web`")
    db = _build_db(tmp_path / "follow.db", demo_specs())
    app = create_app(Settings(db=db, gazetteer=label_gazetteer))
    with LiveServer(app) as server:
        yield server, app.state.store
    app.state.store.close()


def test_a_new_incident_brings_a_notice_and_a_click_shows_it(browser, follow_server, artifacts) -> None:  # noqa: ANN001
    from frontlines.runner import Runner

    server, store = follow_server
    for page in _open(browser, server, "/?follow=1"):
        page.wait_for_function("() => document.body.dataset.followNew === '0'", timeout=15000)  # polled once
        before = page.evaluate("window.frontlines.state.markers.size")
        center = page.evaluate("window.frontlines.map.getCenter().toString()")
        assert page.locator("#follow-notice").is_hidden()
        article, extraction = build(IZIUM)
        store.add_article(article)
        store.save_extraction(extraction)
        Runner(store).after_run()
        [incident] = store.incident_ids_for_events([e.key for e in store.read_events(article_ids=[article.id])])
        notice = page.wait_for_selector("#follow-notice:not([hidden])", timeout=15000)
        assert notice.inner_text() == "1 new"
        assert page.evaluate("window.frontlines.state.markers.size") == before  # nothing moved in yet
        assert not page.evaluate("k => window.frontlines.state.markers.has(k)", incident)
        assert page.evaluate("window.frontlines.map.getCenter().toString()") == center
        page.screenshot(path=str(artifacts / "follow-notice.png"))
        notice.click()
        page.wait_for_function("k => window.frontlines.state.markers.has(k)", arg=incident, timeout=15000)
        assert page.evaluate("window.frontlines.state.markers.size") == before + 1
        assert page.evaluate("window.frontlines.map.getCenter().toString()") == center  # the view stayed
        assert page.locator("#follow-notice").is_hidden()
        assert page.locator(f"#event-list li[data-key='{incident}']").count() == 1
        page.wait_for_function("() => document.body.dataset.followNew === '0'", timeout=15000)  # nothing newer
        assert page.problems == [], page.problems


def test_a_poll_sent_before_the_click_does_not_bring_the_notice_back(browser, follow_server) -> None:  # noqa: ANN001
    """A poll still out when the notice is clicked counts from the old cursor: its answer ("1 new") is
    about what the click has just shown, so the page drops it."""
    from frontlines.runner import Runner

    server, store = follow_server
    for page in _open(browser, server, "/?follow=1"):
        page.wait_for_function("() => document.body.dataset.followNew === '0'", timeout=15000)
        article, extraction = build(IZIUM)
        store.add_article(article)
        store.save_extraction(extraction)
        Runner(store).after_run()
        notice = page.wait_for_selector("#follow-notice:not([hidden])", timeout=15000)
        held: list[Any] = []
        holding = [True]
        page.route("**/api/changes?since=*",  # the next poll waits here until the click is done
                   lambda route: held.append(route) if holding[0] else route.continue_())
        for _ in range(40):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "no poll was sent within four seconds"
        # the notice counts every time it is shown from here on
        page.evaluate("""() => { const n = document.getElementById('follow-notice'); window.shownAgain = 0;
            new MutationObserver(() => { if (!n.hidden) window.shownAgain += 1; })
              .observe(n, { attributes: true, attributeFilter: ['hidden'] }); }""")
        notice.click()
        page.wait_for_function("() => window.frontlines.state.markers.size > 0 && "
                               "document.body.dataset.followNew === '0'", timeout=15000)
        holding[0] = False
        with page.expect_response(lambda r: "/api/changes?since=" in r.url, timeout=15000):
            for route in held:
                route.continue_()
        with page.expect_request(lambda r: "/api/changes" in r.url, timeout=15000):
            pass  # the next poll: the held answer has been read by now
        assert page.evaluate("window.shownAgain") == 0
        assert page.locator("#follow-notice").is_hidden()
        assert page.problems == [], page.problems
