"""The map's lean markers in headless Chromium: the page draws its markers from /api/map (never the full
GeoJSON), builds each marker's element and popup only when needed, and a click or Enter on a marker itself
(not on the list) loads the full record into its popup: the evidence sentence, the source, every report."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _requested(page: Any) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")


def _show_alone(page: Any, dot: str) -> str:
    """Zoom to a marker that shares its point with no other, until its own ``dot`` element is drawn; its key."""
    key = page.evaluate("""() => {
        const seen = new Map();
        for (const [key, m] of window.frontlines.state.markers) {
            const at = m.getLatLng().toString();
            seen.set(at, seen.has(at) ? null : key);
        }
        const key = [...seen.values()].find(Boolean);
        window.frontlines.map.setView(window.frontlines.state.markers.get(key).getLatLng(), 16, { animate: false });
        return key;
    }""")
    attr = "key" if dot == "ev-dot" else "id"
    page.wait_for_selector(f".{dot}[data-{attr}='{key}']", timeout=10000)
    return str(key)


def test_event_markers_come_from_the_lean_route_and_a_marker_click_loads_the_event(page, artifacts) -> None:  # noqa: ANN001
    paths = _requested(page)
    assert "/api/map/events" in paths and "/api/events.geojson" not in paths
    assert page.evaluate("window.frontlines.state.markers.size") == 11
    # Elements are built when drawn: a marker inside a cluster has none until something asks for it.
    assert page.locator(".ev-dot").count() < 11
    key = _show_alone(page, "ev-dot")
    assert not [p for p in _requested(page) if p.startswith("/api/events/")]  # no popup fetched before a click
    page.click(f".ev-dot[data-key='{key}']")
    popup = page.wait_for_selector(f".leaflet-popup .popup[data-key='{key}'] blockquote.evidence", timeout=10000)
    body = page.evaluate("k => fetch('/api/events/' + k).then(r => r.json())", key)
    assert popup.inner_text() == body["evidence"]["text"]  # the full event, fetched on the click
    assert body["article"]["source"] in page.text_content(".leaflet-popup .popup")
    assert f"/api/events/{key}" in _requested(page)
    assert page.locator(f"#event-list li.active[data-key='{key}']").count() == 1
    page.screenshot(path=str(artifacts / "marker-click.png"))
    # Closed and clicked again: the same popup opens, its content already loaded.
    page.click(".leaflet-popup-close-button")
    page.wait_for_selector(".leaflet-popup", state="detached")
    page.click(f".ev-dot[data-key='{key}']")
    page.wait_for_selector(f".leaflet-popup .popup[data-key='{key}'][data-loaded='1']", timeout=10000)
    assert page.problems == [], page.problems


def test_enter_on_a_focused_marker_opens_its_popup(page) -> None:  # noqa: ANN001
    key = _show_alone(page, "ev-dot")
    page.focus(f".ev-marker:has(.ev-dot[data-key='{key}'])")
    page.keyboard.press("Enter")
    page.wait_for_selector(f".leaflet-popup .popup[data-key='{key}'] blockquote.evidence", timeout=10000)
    assert page.problems == [], page.problems


def test_an_incident_marker_click_loads_every_report(incidents_page, artifacts) -> None:  # noqa: ANN001
    page = incidents_page
    paths = _requested(page)
    assert "/api/map/incidents" in paths and "/api/incidents.geojson" not in paths
    page.wait_for_function("() => document.body.dataset.incidents === '13'")
    incident = _show_alone(page, "inc-dot")
    reports = page.get_attribute(f".inc-dot[data-id='{incident}']", "data-reports")
    page.click(f".inc-dot[data-id='{incident}']")
    page.wait_for_selector(f".leaflet-popup .popup.incident[data-id='{incident}'] li.report blockquote.evidence",
                           timeout=10000)
    assert page.locator(".leaflet-popup li.report").count() == int(reports or 0)
    assert f"/api/incidents/{incident}" in _requested(page)
    page.screenshot(path=str(artifacts / "incident-marker-click.png"))
    assert page.problems == [], page.problems
