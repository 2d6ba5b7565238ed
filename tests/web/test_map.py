"""The web map in headless Chromium: markers, timeline brushing, filters, popups with evidence, the article view,
and untrusted text that must never run."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _list_dates(page) -> list[str]:  # noqa: ANN001
    return page.eval_on_selector_all("#event-list li .ev-date", "els => els.map(e => e.textContent)")


def _wait_count(page, n: int) -> None:  # noqa: ANN001
    page.wait_for_function("n => document.querySelectorAll('#event-list li').length === n && "
                           "!document.body.dataset.loading", arg=n, timeout=10000)


def test_map_shows_markers_timeline_and_list(page, artifacts) -> None:  # noqa: ANN001
    page.wait_for_selector(".ev-dot, .marker-cluster", timeout=10000)
    page.wait_for_selector("path.country", state="attached", timeout=10000)  # the offline base layer
    assert page.locator(".ev-dot, .marker-cluster").count() >= 1
    assert page.evaluate("window.frontlines.state.markers.size") == 11
    bars = page.eval_on_selector_all("#timeline rect.bar", "els => els.map(e => [e.dataset.date, +e.dataset.count])")
    assert bars == [["2022-11-06", 1], ["2022-11-07", 1], ["2022-11-08", 1], ["2022-11-09", 2],
                    ["2022-11-10", 2], ["2022-11-11", 2], ["2022-11-12", 2]]
    _wait_count(page, 11)
    assert "11 events (11 on the map)" in page.inner_text("#summary")
    page.wait_for_function("document.querySelectorAll('#f-type option').length > 1")  # loaded after the first view
    options = page.eval_on_selector_all("#f-type option", "els => els.map(e => e.value)")
    assert options == ["", "ASSAULT", "COERCE", "FIGHT", "RETREAT"]
    page.screenshot(path=str(artifacts / "map.png"))
    assert page.outside == [], "the page must not reach beyond this server"
    assert page.problems == [], page.problems  # no script errors, no CSP violations


# The calls below return nothing: a returned Leaflet map would be serialised back to Python (seconds of work).
def test_admin1_borders_appear_when_zoomed_in(page, artifacts) -> None:  # noqa: ANN001
    from frontlines.api.basemap import ADMIN1_DIR

    if not ADMIN1_DIR.is_dir():
        pytest.skip("admin-1 borders not installed: run `make web`")
    page.wait_for_selector("path.country", state="attached", timeout=10000)
    page.evaluate("() => { window.frontlines.map.setView([49.5, 36.0], 7); }")  # eastern Ukraine
    page.wait_for_selector(".leaflet-admin1-pane path.admin1", state="attached", timeout=10000)
    assert page.locator(".leaflet-admin1-pane path.admin1").count() >= 20
    assert "Natural Earth" in page.inner_text(".leaflet-control-attribution")
    page.screenshot(path=str(artifacts / "map-admin1.png"))
    page.evaluate("() => { window.frontlines.map.setZoom(3); }")  # zoomed out: the layer is taken off the map
    page.wait_for_selector(".leaflet-admin1-pane path.admin1", state="detached", timeout=10000)
    assert page.problems == [], page.problems


def test_brushing_the_timeline_filters_map_and_list(page, artifacts) -> None:  # noqa: ANN001
    first = page.locator("#timeline rect.bar[data-date='2022-11-11']").bounding_box()
    last = page.locator("#timeline rect.bar[data-date='2022-11-12']").bounding_box()
    y = first["y"] + first["height"] / 2
    page.mouse.move(first["x"] + 2, y)
    page.mouse.down()
    page.mouse.move((first["x"] + last["x"]) / 2, y, steps=4)
    page.mouse.move(last["x"] + last["width"] - 2, y, steps=4)
    page.mouse.up()
    _wait_count(page, 4)
    assert sorted(_list_dates(page)) == ["2022-11-11", "2022-11-11", "2022-11-12", "2022-11-12"]
    assert page.evaluate("window.frontlines.state.markers.size") == 4
    assert page.inner_text("#range-label") == "2022-11-11 – 2022-11-12"
    assert page.locator("#timeline rect.bar.out").count() == 5  # days outside the brush are dimmed
    page.screenshot(path=str(artifacts / "map-brushed.png"))
    page.click("#range-clear")
    _wait_count(page, 11)
    assert page.problems == [], page.problems


def test_filters_narrow_map_list_and_timeline(page) -> None:  # noqa: ANN001
    page.select_option("#f-type", "RETREAT")
    _wait_count(page, 3)
    assert page.evaluate("window.frontlines.state.markers.size") == 3
    page.wait_for_function("document.querySelectorAll('#timeline rect.bar').length === 3")
    page.select_option("#f-status", "ordered")
    _wait_count(page, 1)
    page.select_option("#f-type", "")
    page.select_option("#f-status", "claimed")
    _wait_count(page, 2)
    page.select_option("#f-status", "")
    page.select_option("#f-side", "UKR")
    _wait_count(page, 5)  # Ukrainian forces acting, or civilians (UKR) targeted
    page.select_option("#f-side", "")
    page.fill("#f-actor", "Shoigu")
    _wait_count(page, 0)
    page.fill("#f-actor", "Ukrainian Armed")
    _wait_count(page, 3)
    assert page.problems == [], page.problems


def test_popup_shows_event_status_source_and_evidence(page, artifacts) -> None:  # noqa: ANN001
    page.click("#event-list li:has-text('Mykolaiv')")
    popup = page.wait_for_selector(".leaflet-popup .popup blockquote.evidence", timeout=10000)
    assert popup.inner_text() == "Russian forces shelled Mykolaiv on November 8, killing 7 people."
    assert page.inner_text(".leaflet-popup .popup blockquote mark") == "shelled"
    text = page.text_content(".leaflet-popup .popup")
    assert "ASSAULT · Shelling/artillery/missile attack" in text
    assert "happened" in text and "Test Wire" in text and "quantities: 7 killed" in text
    assert page.get_attribute(".leaflet-popup .popup a", "href") == "https://example.org/kherson-withdrawal"
    page.screenshot(path=str(artifacts / "map-popup.png"))
    # A claim is shown as a claim, with who claims it.
    page.click("#event-list li:has-text('Snihurivka')")
    badge = page.wait_for_selector(".leaflet-popup .popup .status.claimed", timeout=10000)
    assert badge.text_content() == "claimed by Ukrainian officials"
    assert page.problems == [], page.problems


def test_article_view_highlights_every_extraction_with_hover(page, artifacts) -> None:  # noqa: ANN001
    page.click("#event-list li:has-text('Mykolaiv')")
    page.wait_for_selector(".leaflet-popup .popup button.open-article", timeout=10000).click()
    page.wait_for_selector("#article-pane:not([hidden]) #article-text .hl")
    assert page.inner_text("#article-title") == "Russia orders withdrawal from Kherson"
    kinds = set(" ".join(page.eval_on_selector_all("#article-text .hl", "els => els.map(e => e.dataset.kinds)")).split())
    assert kinds == {"place", "time", "actor", "quantity", "quote", "speaker", "cue", "event"}
    assert page.inner_text("#article-text .hl.focus") == "shelled"  # the event we came from
    page.hover("#article-text .hl.k-place:has-text('Snihurivka')")
    page.wait_for_selector("#tip:not([hidden])")
    tip = page.inner_text("#tip")
    assert "place → Snihurivka" in tip and "coordinates: 47.0756, 32.8053" in tip
    page.hover("#article-text .hl.k-quantity")
    page.wait_for_function("document.getElementById('tip').textContent.includes('quantity → 7 killed')")
    page.screenshot(path=str(artifacts / "article.png"))
    page.click("#article-close")
    page.wait_for_selector("#list-pane:not([hidden])")
    assert page.problems == [], page.problems


def test_script_payloads_in_articles_never_run(page, live_server, artifacts) -> None:  # noqa: ANN001
    import json
    import urllib.request

    with urllib.request.urlopen(live_server.url + "/api/articles?source=" +  # noqa: S310 - our own loopback server
                                urllib.parse.quote("<script>window.__pwned=4</script>Evil Outlet")) as r:
        aid = json.load(r)["articles"][0]["id"]
        csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    # Through the list, the popup and the article view, with hovering over the payloads.
    page.click("#event-list li:has-text('near the market')")
    page.wait_for_selector(".leaflet-popup .popup blockquote.evidence", timeout=10000)
    popup = page.inner_text(".leaflet-popup .popup")
    assert "<script>window.__pwned=4</script>Evil Outlet" in popup  # shown as text
    assert page.locator(".leaflet-popup .popup a").count() == 0  # a javascript: URL is never a link
    page.click(".leaflet-popup .popup button.open-article")
    page.wait_for_selector("#article-pane:not([hidden]) #article-text")
    assert page.inner_text("#article-title") == '<img src=x onerror="window.__pwned=1">Headline'
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned=1</script>" in text and '<img src=x onerror="window.__pwned=2">' in text
    page.hover("#article-text .hl.k-event")
    page.mouse.move(5, 5)
    page.evaluate("id => window.frontlines.showArticle(id)", aid)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x'], #article-text script, #article-text b, #article-pane img").count() == 0
    page.screenshot(path=str(artifacts / "xss.png"))
    assert [p for p in page.problems if "pwned" in p] == []
