"""Where the local official telling an event serves (events.officials)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "needle", "expected"), [
    # what a local official reports happened where they serve, when the sentence names no other place
    ("Kharkiv Mayor Ihor Terekhov said a series of strikes hit an industrial facility overnight.", "Kharkiv", "Kharkiv"),
    ("The governor of Belgorod, Vyacheslav Gladkov, said drones hit a fuel depot overnight.", "Belgorod", "Belgorod"),
    # negatives: officials who are only somewhere; the sentence's own place wins; a statement has no place
    ("Officials in Kyiv said a strike killed two people on Friday.", "Kyiv", None),
    ("Kharkiv Mayor Ihor Terekhov said a Russian strike killed two people in Kupiansk.", "Kharkiv", "Kupiansk"),
    ("Kharkiv Mayor Ihor Terekhov accused Russia of terror on Friday.", "Kharkiv", None),
])
def test_a_local_officials_town_places_what_they_report(run_events, text: str, needle: str,  # noqa: ANN001
                                                        expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind
    from tests.events.conftest import place

    places = [replace(place(text, needle, lat=50.0, lon=36.2), kind=PlaceKind.SETTLEMENT)]
    if "Kupiansk" in text:
        places.append(replace(place(text, "Kupiansk", lat=49.7, lon=37.6), kind=PlaceKind.SETTLEMENT))
    events = [e for e in run_events(text, places=tuple(places)) if e.plover_type in ("ASSAULT", "ACCUSE")]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)
