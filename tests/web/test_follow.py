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
