"""The map's default view in headless Chromium: incidents (one marker per happening, its corroboration and
number of reports, its reports one click away), the raw-events toggle, and the control layer's date slider
across a capture, a contested claim and a retaking (tests/api/builders.py sequence_specs)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _markers(page) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """Incident id -> (reports, corroboration) of every incident marker on the map (clusters expanded)."""
    return page.evaluate("""() => {
        const out = {};
        for (const [id, m] of window.frontlines.state.markers) {
            const d = m.options.icon.options.html;
            out[id] = [d.dataset.reports, d.dataset.corroboration];
        }
        return out;
    }""")


def _control(page) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(settlement, side, status) of every control square drawn."""
    return sorted(tuple(x) for x in page.eval_on_selector_all(
        ".ctl", "els => els.map(e => [e.dataset.settlement, e.dataset.side, e.dataset.status])"))


def _wait_control(page, date: str) -> None:  # noqa: ANN001
    page.wait_for_function("d => document.body.dataset.controlDate === d && !document.body.dataset.controlLoading",
                           arg=date, timeout=10000)


def test_incidents_are_the_default_view_with_their_report_counts(incidents_page, artifacts) -> None:  # noqa: ANN001
    page = incidents_page
    assert page.is_checked("#view-incidents") and page.inner_text("#list-title") == "Incidents"
    page.wait_for_function("() => document.body.dataset.incidents === '13'")
    markers = _markers(page)
    assert len(markers) == 13  # 16 reports of 13 happenings
    counts = sorted((r, c) for r, c in markers.values())
    assert counts.count(("2", "independent")) == 2  # Mykolaiv shelling, Snihurivka retaken
    assert ("2", "disputed") in counts  # the September claim and its denial
    assert ("1", "claimed-by-party") in counts and ("1", "single-source") in counts
    # The four corroboration levels look different: distinct ring styles.
    rings = page.evaluate("""() => Object.fromEntries(['independent', 'claimed-by-party', 'single-source', 'disputed']
        .map(c => { const d = document.createElement('div'); d.className = 'inc-dot corr-' + c;
                    document.body.append(d); const s = getComputedStyle(d);
                    const r = [s.borderTopStyle, s.borderTopColor, s.boxShadow].join('|'); d.remove(); return [c, r]; }))""")
    assert len(set(rings.values())) == 4, rings
    item = page.locator("#event-list li.incident:has-text('Mykolaiv')")
    assert "2 reports (2 independent)" in item.inner_text() and "independent sources" in item.inner_text()
    assert "16 reports" in page.inner_text("#summary")
    page.wait_for_selector("path.country", state="attached", timeout=10000)
    page.wait_for_timeout(300)  # let the clusters settle before the picture
    page.screenshot(path=str(artifacts / "incidents.png"))
    assert page.outside == [], "the page must not reach beyond this server"
    assert page.problems == [], page.problems


def test_opening_an_incident_shows_every_report_with_source_evidence_and_link(incidents_page, artifacts) -> None:  # noqa: ANN001
    page = incidents_page
    page.click("#event-list li.incident:has-text('Mykolaiv')")
    page.wait_for_selector(".leaflet-popup .popup.incident li.report blockquote.evidence", timeout=10000)
    popup = page.locator(".leaflet-popup .popup.incident")
    assert popup.locator(".report-count").inner_text() == "2 reports (2 independent)"
    assert "reported killed: 7 to 9 across sources" in popup.inner_text()
    reports = popup.locator("li.report")
    assert reports.count() == 2
    assert page.eval_on_selector_all(".leaflet-popup li.report .report-source", "els => els.map(e => e.textContent)") \
        == ["Global Post", "Test Wire"]
    assert page.eval_on_selector_all(".leaflet-popup li.report blockquote", "els => els.map(e => e.textContent)") == [
        "Russian forces shelled Mykolaiv on November 8, killing 9 people, the mayor said.",
        "Russian forces shelled Mykolaiv on November 8, killing 7 people.",
    ]
    assert page.eval_on_selector_all(".leaflet-popup li.report blockquote mark", "els => els.map(e => e.textContent)") \
        == ["shelled", "shelled"]
    assert page.eval_on_selector_all(".leaflet-popup li.report a", "els => els.map(e => e.href)") == [
        "https://example.com/mykolaiv", "https://example.org/kherson-withdrawal"]
    page.screenshot(path=str(artifacts / "incident-popup.png"))
    # A disputed incident says why, and its reports show the claim and the denial.
    page.click("#event-list li.incident:has-text('2022-09-19')")
    page.wait_for_selector(".leaflet-popup .popup.incident .disputed-why", timeout=10000)
    assert page.inner_text(".leaflet-popup .disputed-why") == "disputed: denial"
    badges = page.eval_on_selector_all(".leaflet-popup li.report .status", "els => els.map(e => e.textContent)")
    assert sorted(badges) == ["claimed by Ukrainian Armed Forces", "denied by Russia"]
    # The report's article is one more click away.
    page.click(".leaflet-popup li.report:has-text('Kyiv Daily') button.open-article")
    page.wait_for_selector("#article-pane:not([hidden]) #article-text .hl.focus")
    assert page.inner_text("#article-title") == "Kyiv says Snihurivka retaken"
    assert page.problems == [], page.problems


def test_filters_apply_to_incidents_and_the_toggle_shows_raw_events(incidents_page) -> None:  # noqa: ANN001
    page = incidents_page
    page.wait_for_function("() => document.body.dataset.incidents === '13'")
    page.select_option("#f-corroboration", "independent")
    page.wait_for_function("() => document.body.dataset.incidents === '2' && !document.body.dataset.loading")
    assert len(_markers(page)) == 2
    page.select_option("#f-corroboration", "")
    page.select_option("#f-status", "denied")  # incidents with a denied report
    page.wait_for_function("() => document.body.dataset.incidents === '2' && !document.body.dataset.loading")
    page.select_option("#f-status", "")
    page.wait_for_function("() => document.body.dataset.incidents === '13' && !document.body.dataset.loading")
    page.check("#view-events")
    page.wait_for_function("() => document.body.dataset.events === '16' && !document.body.dataset.loading")
    assert page.inner_text("#list-title") == "Events" and "view=events" in page.url
    assert page.locator("#f-corroboration-label").is_hidden()
    assert len(page.evaluate("[...window.frontlines.state.markers.keys()]")) == 16
    page.check("#view-incidents")
    page.wait_for_function("() => document.body.dataset.incidents === '13' && !document.body.dataset.loading")
    assert page.problems == [], page.problems


def test_control_layer_follows_the_slider_across_capture_contest_and_retake(incidents_page, artifacts) -> None:  # noqa: ANN001
    page = incidents_page
    page.wait_for_selector("#control-box:not([hidden])")
    slider = page.locator("#control-date")
    # The slider spans the first to the last change of control, and starts at the last.
    assert slider.get_attribute("min") == "0"
    assert int(slider.get_attribute("max")) == (  # 2022-03-02 .. 2022-11-11
        __import__("datetime").date(2022, 11, 11) - __import__("datetime").date(2022, 3, 2)).days
    _wait_control(page, "2022-11-11")
    assert ("Snihurivka", "UKR", "confirmed") in _control(page)
    # Dragged to the start: Snihurivka captured by Russian forces, reported by one outlet.
    box = slider.bounding_box()
    page.mouse.click(box["x"] + 2, box["y"] + box["height"] / 2)
    _wait_control(page, "2022-03-02")
    assert _control(page) == [("Snihurivka", "RUS", "claimed")]
    assert page.inner_text("#control-label") == "2022-03-02"
    page.screenshot(path=str(artifacts / "control-captured.png"))
    # Next change: Kyiv's claim of a retaking, denied by Moscow: disputed (hatched).
    page.click("#control-next")
    _wait_control(page, "2022-09-19")
    assert _control(page) == [("Snihurivka", "UKR", "disputed")]
    assert page.eval_on_selector(".ctl-disputed", "e => getComputedStyle(e).backgroundImage").startswith(
        "repeating-linear-gradient")
    # Its popup gives the evidence and sources of the state shown.
    # The square sits under the incident markers of the same place (a cluster may cover it at this zoom).
    page.locator(".ctl").dispatch_event("click")
    popup = page.wait_for_selector(".leaflet-popup .popup.control", timeout=10000)
    text = popup.text_content()
    assert "Snihurivka" in text and popup.query_selector(".status.ctl-status.disputed") is not None and "held by UKR since 2022-09-19 (from RUS)" in text
    assert "Kyiv Daily" in text or "State Agency" in text
    assert page.locator(".leaflet-popup .popup.control blockquote.evidence").count() >= 1
    page.screenshot(path=str(artifacts / "control-disputed.png"))
    page.keyboard.press("Escape")
    # Retaken, reported by two independent outlets: confirmed; Nova Kakhovka changes hands the same day.
    page.click("#control-next")
    _wait_control(page, "2022-11-10")
    assert _control(page) == [("Nova Kakhovka", "UKR", "claimed"), ("Snihurivka", "UKR", "confirmed")]
    # Switched off, the layer is gone; on again, it is back.
    page.uncheck("#control-on")
    assert page.locator(".ctl").count() == 0
    page.check("#control-on")
    assert page.locator(".ctl").count() == 2
    assert page.outside == [], "the page must not reach beyond this server"
    assert page.problems == [], page.problems


def test_without_control_changes_the_slider_stays_hidden(browser, live_server) -> None:  # noqa: ANN001
    context = browser.new_context()
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.route("**/api/control/dates", lambda route: route.fulfill(
        status=200, content_type="application/json", body='{"ok": true, "first": null, "last": null, "dates": []}'))
    pg.goto(live_server.url + "/")
    pg.wait_for_function("() => document.body.dataset.controlReady === '0' && document.body.dataset.ready === '1'")
    assert pg.locator("#control-box").is_hidden() and pg.locator(".ctl").count() == 0
    assert problems == []
    context.close()


def test_script_payloads_in_incident_popups_never_run(browser, live_server) -> None:  # noqa: ANN001
    from tests.web.conftest import _open

    gen = _open(browser, live_server, "/")
    page = next(gen)
    try:
        page.click("#event-list li.incident:has-text('Evil Outlet')")
        page.wait_for_selector(".leaflet-popup .popup.incident li.report blockquote.evidence", timeout=10000)
        text = page.inner_text(".leaflet-popup .popup.incident")
        assert "<script>window.__pwned=4</script>Evil Outlet" in text and "<script>window.__pwned=1</script>" in text
        assert page.locator(".leaflet-popup .popup.incident a").count() == 0  # a javascript: URL is never a link
        assert page.locator(".leaflet-popup script, .leaflet-popup img").count() == 0
        assert page.evaluate("window.__pwned") is None
        assert page.problems == [], page.problems
    finally:
        gen.close()
