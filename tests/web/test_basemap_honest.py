"""The map an analyst can check, in headless Chromium: control squares that can be clicked at zoom 7,
place labels that appear and thin out with zoom, a legend that folds and never meets the attribution,
a year-only event drawn as a span, markers sized by casualties only, and a first view fitted to the bulk
of the data rather than its outliers."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _wait_labels(page: Any, zoom: int) -> list[dict[str, Any]]:
    page.wait_for_function("z => document.body.dataset.labelsZoom === String(z) && !document.body.dataset.labelsLoading",
                           arg=zoom, timeout=15000)
    return page.eval_on_selector_all(".leaflet-labels-pane .place-label-text", """els => els.map(e => {
        const r = e.getBoundingClientRect();
        return {name: e.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
    })""")


def _in_view(page: Any, labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    box = page.locator("#map").bounding_box()
    return [x for x in labels if x["x1"] > box["x"] and x["x0"] < box["x"] + box["width"]
            and x["y1"] > box["y"] and x["y0"] < box["y"] + box["height"]]


def _overlaps(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]:
                out.append((a["name"], b["name"]))
    return out


def test_place_labels_appear_and_thin_out_with_zoom(page, artifacts) -> None:  # noqa: ANN001
    page.evaluate("() => { window.frontlines.map.setView([48.65, 37.9], 9); }")  # around Bakhmut
    close = _in_view(page, _wait_labels(page, 9))
    names = {x["name"] for x in close}
    assert {"Bakhmut", "Soledar", "Kramatorsk"} <= names, names
    assert "Klishchiivka" not in names  # a village waits for a closer zoom
    assert _overlaps(close) == []
    page.screenshot(path=str(artifacts / "labels-z9.png"))
    page.evaluate("() => { window.frontlines.map.setZoom(11); }")
    names = {x["name"] for x in _in_view(page, _wait_labels(page, 11))}
    assert "Klishchiivka" in names or "Andriivka" in names, names
    page.evaluate("() => { window.frontlines.map.setView([48.8, 33.5], 5); }")  # all of Ukraine
    far = _in_view(page, _wait_labels(page, 5))
    names = {x["name"] for x in far}
    assert {"Kyiv", "Kharkiv"} <= names and not names & {"Bakhmut", "Soledar", "Kramatorsk", "Klishchiivka"}, names
    assert _overlaps(far) == []
    page.screenshot(path=str(artifacts / "labels-z5.png"))
    assert "GeoNames" in page.inner_text(".leaflet-control-attribution")
    assert page.outside == [] and page.problems == [], page.problems


def test_a_control_square_at_zoom_7_can_be_clicked_for_its_evidence(incidents_page, artifacts) -> None:  # noqa: ANN001
    page = incidents_page
    page.wait_for_function("() => document.body.dataset.controlReady === '1' && !document.body.dataset.controlLoading")
    page.evaluate("() => { window.frontlines.map.setView([46.9, 32.9], 7); }")  # Snihurivka and Nova Kakhovka, and their markers
    page.wait_for_timeout(400)  # clusters settle
    squares = page.eval_on_selector_all(".ctl", "els => els.map(e => e.dataset.settlement)")
    assert {"Nova Kakhovka", "Snihurivka"} <= set(squares), squares
    # Nothing covers a square: the point at its centre belongs to the square itself.
    on_top = page.eval_on_selector_all(".ctl", """els => els.map(e => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return [e.dataset.settlement, !!hit && hit.closest('.ctl') === e];
    })""")
    assert all(ok for _, ok in on_top), on_top
    square = page.locator(".ctl[data-settlement='Snihurivka']").bounding_box()
    page.mouse.click(square["x"] + square["width"] / 2, square["y"] + square["height"] / 2)  # a real click
    popup = page.wait_for_selector(".leaflet-popup .popup.control", timeout=10000)
    text = popup.text_content()
    assert "Snihurivka" in text and "held by UKR" in text
    evidence = page.eval_on_selector_all(".leaflet-popup .popup.control blockquote.evidence", "els => els.map(e => e.textContent)")
    assert evidence and all("Snihurivka" in e for e in evidence), evidence
    page.screenshot(path=str(artifacts / "control-click-z7.png"))
    assert page.problems == [], page.problems


def test_the_legend_folds_and_never_meets_the_attribution(incidents_page) -> None:  # noqa: ANN001
    page = incidents_page
    page.wait_for_selector("#map-legend .legend-body div")
    legend = page.locator("#map-legend").bounding_box()
    attribution = page.locator(".leaflet-control-attribution").bounding_box()
    map_box = page.locator("#map").bounding_box()
    assert legend["y"] + legend["height"] <= attribution["y"] or legend["x"] + legend["width"] <= attribution["x"]
    assert legend["y"] + legend["height"] <= map_box["y"] + map_box["height"]  # not cut at the bottom
    assert legend["height"] * legend["width"] < map_box["height"] * map_box["width"] / 6
    assert page.get_attribute("#legend-toggle", "aria-expanded") == "true"
    page.click("#legend-toggle")
    assert page.get_attribute("#legend-toggle", "aria-expanded") == "false"
    assert page.locator("#legend-body").is_hidden()
    assert page.locator("#map-legend").bounding_box()["height"] < 40
    page.click("#legend-toggle")
    assert page.locator("#legend-body").is_visible()
    assert page.problems == [], page.problems


def test_a_year_only_event_is_drawn_as_a_span(honest_page, artifacts) -> None:  # noqa: ANN001
    page = honest_page
    page.wait_for_selector("#timeline rect.span[data-period='2022']", state="attached")
    year = page.locator("#timeline rect.span[data-period='2022']")
    month = page.locator("#timeline rect.span[data-period='2022-04']")
    assert year.get_attribute("data-label") == "2022" and month.get_attribute("data-label") == "Apr 2022"
    day_width = float(page.get_attribute("#timeline rect.bar[data-date='2022-11-08']", "width"))
    year_width = float(year.get_attribute("width"))
    assert year_width > 300 * day_width and year_width > 10 * float(month.get_attribute("width")) / 2
    assert page.locator("#timeline rect.bar[data-date='2022-01-01']").count() == 0  # never a day bar
    page.screenshot(path=str(artifacts / "timeline-spans.png"))
    dates = page.eval_on_selector_all("#event-list li .ev-date", "els => els.map(e => e.textContent)")
    assert "2022" in dates and "Apr 2022" in dates and "2022-01-01" not in dates and "2022-04-01" not in dates
    page.click("#event-list li:has-text('Izium')")
    page.wait_for_selector(".leaflet-popup .popup blockquote.evidence", timeout=10000)
    assert page.inner_text(".leaflet-popup .popup .ev-date") == "2022"
    assert "2022-01-01" not in page.text_content(".leaflet-popup .popup")
    assert page.problems == [], page.problems


def _event_markers(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("""() => [...window.frontlines.state.markers.values()].map(m => {
        const d = m.options.icon.options.html;
        return {key: d.dataset.key, text: d.textContent, size: +d.dataset.size, title: m.options.title};
    })""")


def test_a_population_figure_does_not_size_a_marker(honest_page, artifacts) -> None:  # noqa: ANN001
    page = honest_page
    markers = {m["title"].split(" · ")[1] + "|" + m["title"].split(" · ")[2]: m for m in _event_markers(page)
               if m["title"].count(" · ") >= 2}
    kramatorsk = markers["Kramatorsk|2023-05-02"]  # "a city of 150,000 people"
    assert kramatorsk["text"] == "" and kramatorsk["size"] == 14  # the smallest dot, no number
    bakhmut = markers["Bakhmut|2023-05-02"]  # "24 troops"
    assert bakhmut["text"] == "" and bakhmut["size"] == 14
    kharkiv = markers["Kharkiv|2023-05-02"]  # "dozens of civilians" killed: words, no 99
    assert kharkiv["text"] == "" and kharkiv["size"] > 14
    numbers = [m for m in _event_markers(page) if m["text"]]
    # tolls only: every number drawn is a count of the killed or injured, named in the marker's title
    assert numbers and all(m["text"] + " killed" in m["title"] or m["text"] + " injured" in m["title"]
                           for m in numbers), numbers
    # The number on a marker is the number in its popup.
    page.click("#event-list li:has-text('killing 7 people')")
    page.wait_for_selector(".leaflet-popup .popup .casualties", timeout=10000)
    assert page.inner_text(".leaflet-popup .popup .casualties") == "toll on the marker: 7 killed"
    page.keyboard.press("Escape")
    page.click("#event-list li:has-text('dozens of civilians')")
    page.wait_for_selector(".leaflet-popup .popup:has-text('dozens of civilians') .casualties", timeout=10000)
    text = page.text_content(".leaflet-popup .popup:has-text('dozens of civilians')")
    assert "dozens of civilians killed (24 to 99)" in text and "99,999" not in text
    page.keyboard.press("Escape")
    page.click("#event-list li:has-text('a city of 150,000')")
    page.wait_for_selector(".leaflet-popup .popup:has-text('a city of 150,000') blockquote.evidence", timeout=10000)
    text = page.text_content(".leaflet-popup .popup:has-text('a city of 150,000')")
    assert "150,000 people" in text and "toll on the marker" not in text
    page.screenshot(path=str(artifacts / "honest-markers.png"))
    assert page.problems == [], page.problems


def test_the_first_view_fits_the_bulk_of_the_data_not_its_outliers(honest_page) -> None:  # noqa: ANN001
    page = honest_page
    bounds = page.evaluate("(() => { const b = window.frontlines.map.getBounds(); "
                           "return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()")
    south, west, north, east = bounds
    assert west > -30 and south > 30, bounds  # Odessa, Texas (a mis-placed report) is left out
    for lat, lon in [(46.975, 31.995), (49.99, 36.23), (48.6, 38.0)]:  # Mykolaiv, Kharkiv, Bakhmut are in
        assert south < lat < north and west < lon < east, (lat, lon, bounds)
    box = page.evaluate("""() => { const b = window.frontlines.bulkBounds(
        [...Array(30).keys()].map(i => [46 + i / 10, 32 + i / 10]).concat([[31.8, -102.4]]));
        return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }""")
    assert box[1] > 30, box
