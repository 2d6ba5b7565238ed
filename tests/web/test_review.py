"""Analyst review on the page (web/static/js/review.js) in headless Chromium: no token, no buttons; a
reader's token, no buttons; a reviewer confirms one event and moves another from their popups, and after a
reload sees both (the ringed marker, the marker at its new place); "unreviewed only" leaves them out."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _markers(url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(url + "/api/map/events?limit=1000") as r:  # noqa: S310 - the test's own loopback server
        return json.load(r)["features"]


def _open_popup(page: Any, key: str) -> str:
    """Open an event's popup as the list does (zoom to its marker, open it), wait for its content and return
    its selector (a popup just closed fades out for a moment: there may be two)."""
    page.click(f"#event-list li[data-key='{key}']")
    box = f".leaflet-popup .popup[data-key='{key}']"
    page.wait_for_selector(box + "[data-loaded='1']", timeout=10000)
    return box


def _sign_in(page: Any, token: str, user: str) -> None:
    page.fill("#token-input", token)
    page.click("#token-save")
    page.wait_for_function("u => document.getElementById('token-user').textContent === u", arg=user, timeout=10000)


def _marker_state(page: Any, key: str) -> dict[str, Any] | None:
    """What the page draws for one event: its marker's position and its dot's review mark (None: no marker)."""
    return page.evaluate("""key => {
        const m = window.frontlines.state.markers.get(key);
        if (!m) return null;
        const dot = m.options.icon.options.html;
        return {lat: m.getLatLng().lat, lon: m.getLatLng().lng, review: dot.dataset.review || null};
    }""", key)


def test_no_token_no_buttons(review_page, review_server) -> None:  # noqa: ANN001
    key = _markers(review_server.url)[0]["id"]
    box = _open_popup(review_page, key)
    assert review_page.locator(box + " .review-actions button").count() == 0
    assert review_page.locator(box + " .review-actions").count() == 1  # mounted, empty
    assert review_page.is_visible("#token-input")
    assert review_page.problems == [], review_page.problems


def test_reader_token_no_buttons(review_page, review_server, review_db) -> None:  # noqa: ANN001
    _sign_in(review_page, review_db[1]["reader"], "reader-1 (reader)")
    assert review_page.evaluate("document.body.dataset.reviewer") == "0"
    key = _markers(review_server.url)[0]["id"]
    assert review_page.locator(_open_popup(review_page, key) + " .review-actions button").count() == 0
    review_page.click("#token-clear")
    review_page.wait_for_function("() => !sessionStorage.getItem('frontlines.token')")


def test_reviewer_confirms_and_moves_events_from_popups(review_page, review_server, review_db, artifacts) -> None:  # noqa: ANN001
    page = review_page
    features = _markers(review_server.url)
    first = features[0]
    second = next(f for f in features if f["properties"]["location"] not in ("Kharkiv", first["properties"]["location"]))
    assert first["properties"]["review"] is None and second["properties"]["review"] is None
    _sign_in(page, review_db[1]["reviewer"], "reviewer-1 (reviewer)")
    assert page.evaluate("document.body.dataset.reviewer") == "1"

    # confirm the first from its popup: its marker is redrawn with the ring, nothing reloaded
    box = _open_popup(page, first["id"])
    page.wait_for_selector(box + " .review-actions .rv-confirm")
    page.evaluate("window.frontlinesUnloaded = 1")  # gone if the page reloads
    page.click(box + " .review-actions .rv-confirm")
    page.wait_for_function("k => (window.frontlines.state.markers.get(k)?.options.icon.options.html.dataset.review)"
                           " === 'confirmed'", arg=first["id"], timeout=10000)
    page.wait_for_selector(f".ev-dot[data-key='{first['id']}'][data-review='confirmed']", timeout=10000)
    page.wait_for_selector(f".leaflet-popup .popup[data-key='{first['id']}'] .review-state", timeout=10000)

    # correct the second's place by name: resolved by the server's gazetteer, the marker moves
    box = _open_popup(page, second["id"])
    page.click(box + " .review-actions .rv-edit")
    page.fill(box + " .rv-form input[name='place']", "Kharkiv")
    page.fill(box + " .rv-form textarea", "the sentence names Kharkiv")
    page.click(box + " .rv-form .rv-save")
    page.wait_for_function("k => Math.abs((window.frontlines.state.markers.get(k)?.getLatLng().lat || 0) - 49.9935)"
                           " < 1e-3", arg=second["id"], timeout=10000)
    assert page.evaluate("window.frontlinesUnloaded") == 1
    moved = _marker_state(page, second["id"])
    assert moved == {"lat": pytest.approx(49.9935), "lon": pytest.approx(36.2304), "review": "corrected"}
    page.screenshot(path=str(artifacts / "map-review.png"))

    # after a reload (the token kept for this tab): both reviews drawn from the store
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    page.wait_for_function("() => document.body.dataset.reviewer === '1'", timeout=10000)
    assert _marker_state(page, first["id"])["review"] == "confirmed"
    assert _marker_state(page, first["id"])["lat"] == pytest.approx(first["geometry"]["coordinates"][1])
    assert _marker_state(page, second["id"]) == {"lat": pytest.approx(49.9935), "lon": pytest.approx(36.2304),
                                                 "review": "corrected"}
    box = _open_popup(page, first["id"])
    assert page.inner_text(box + " .review-state").startswith("reviewed: confirmed by reviewer-1")
    assert page.locator(box + " .review-actions button").count() == 3

    # "unreviewed only" (server-side: review=unreviewed) leaves both out of the map and the list
    total = page.evaluate("window.frontlines.state.markers.size")
    page.check("#f-unreviewed")
    page.wait_for_function("n => window.frontlines.state.markers.size === n - 2 && !document.body.dataset.loading",
                           arg=total, timeout=10000)
    assert _marker_state(page, first["id"]) is None and _marker_state(page, second["id"]) is None
    assert page.problems == [], page.problems


def _open_control(page: Any, settlement: str) -> str:
    """Open a settlement's control popup (as a click on its square does), wait for it and return its selector
    (a popup just closed fades out for a moment: there may be two)."""
    page.evaluate("""name => {  // returns nothing: a Leaflet layer sent back to Python costs seconds
        window.frontlines.controlLayer.eachLayer((m) => { if (m.options.title.startsWith(name + ':')) m.openPopup(); });
    }""", settlement)
    box = f".leaflet-popup .popup.control:has(h3:has-text('{settlement}'))"
    page.wait_for_selector(box, timeout=10000)
    return box


def test_reviewer_rejects_and_corrects_changes_of_control_from_their_popups(review_page, review_db) -> None:  # noqa: ANN001
    page = review_page
    page.wait_for_selector("body[data-control-ready='1']", timeout=10000)
    page.wait_for_selector(".ctl[data-settlement='Kherson']", timeout=10000)
    box = _open_control(page, "Kherson")
    assert page.locator(box + " .review-actions button").count() == 0  # no token yet
    _sign_in(page, review_db[1]["reviewer"], "reviewer-1 (reviewer)")
    # reject Kherson's change: its square leaves the layer
    page.click(_open_control(page, "Kherson") + " .rv-reject")
    page.wait_for_selector(".ctl[data-settlement='Kherson']", state="detached", timeout=10000)
    # correct Nova Kakhovka's side: the square shows the side given, with the review mark
    box = _open_control(page, "Nova Kakhovka")
    page.click(box + " .rv-edit")
    page.fill(box + " .rv-form input[name='to_side']", "RUS")
    page.click(box + " .rv-form .rv-save")
    page.wait_for_selector(".ctl[data-settlement='Nova Kakhovka'][data-side='RUS'][data-review='corrected']",
                           timeout=10000)
    page.reload()
    page.wait_for_selector("body[data-control-ready='1']", timeout=15000)
    page.wait_for_selector(".ctl[data-settlement='Nova Kakhovka'][data-side='RUS'][data-review='corrected']",
                           timeout=10000)
    assert page.locator(".ctl[data-settlement='Kherson']").count() == 0
    assert "reviewed: corrected by reviewer-1" in page.inner_text(_open_control(page, "Nova Kakhovka"))
    assert page.problems == [], page.problems


def test_reviewer_rejects_an_event_from_the_article_view(review_page, review_server, review_db) -> None:  # noqa: ANN001
    page = review_page
    kharkiv = next(f for f in _markers(review_server.url) if f["properties"]["location"] == "Kharkiv"
                   and f["properties"]["review"] is None)
    _sign_in(page, review_db[1]["reviewer"], "reviewer-1 (reviewer)")
    page.click(_open_popup(page, kharkiv["id"]) + " .open-article")
    page.wait_for_selector("#article-pane:not([hidden]) .hl.k-event", timeout=10000)
    page.click("#article-text .hl.k-event")
    page.wait_for_selector(f"#article-review[data-key='{kharkiv['id']}'] .rv-reject", timeout=10000)
    page.click("#article-review .rv-reject")
    page.wait_for_selector("#article-review .review-state[data-verdict='rejected']", timeout=10000)
    assert _marker_state(page, kharkiv["id"]) is None  # gone from the map at once
    assert kharkiv["id"] not in {f["id"] for f in _markers(review_server.url)}
    page.click("#article-close")
    assert page.is_hidden("#article-review")
    assert page.problems == [], page.problems
