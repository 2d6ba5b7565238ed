"""The casualty figure a marker may show: killed and injured only; vague amounts keep their words."""

from __future__ import annotations

import pytest

from frontlines.quantities.tolls import casualty_figure, casualty_range_figure, short_number


def q(kind: str, value: float | None = None, text: str = "", low: float | None = None,
      high: float | None = None) -> dict:
    return {"kind": kind, "value": value, "text": text or str(value), "low": low, "high": high}


@pytest.mark.parametrize(("quantities", "marker", "size", "label"), [
    ([q("killed", 9)], "9", 9, "9 killed"),
    ([q("killed", 9), q("injured", 50)], "9", 9, "9 killed, 50 injured"),
    ([q("injured", 1200)], "1.2k", 1200, "1,200 (1.2k) injured"),  # the marker's text is in the label
    ([q("killed", 3), q("killed", 24)], "24", 24, "24 killed"),  # the largest exact figure of a kind
    # a vague amount keeps its words and range, and puts no number on the marker
    ([q("killed", text="dozens", low=24, high=99)], "", 24, "dozens killed (24 to 99)"),
    ([q("casualties", text="tens of thousands", low=20_000, high=99_999)], "", 20_000,
     "tens of thousands killed or injured (20,000 to 99,999)"),
    ([q("killed", text="dozens of people killed", low=24, high=99)], "", 24, "dozens of people killed (24 to 99)"),
])
def test_casualties_size_and_number_the_marker(quantities, marker, size, label) -> None:  # noqa: ANN001
    figure = casualty_figure(quantities)
    assert figure is not None
    assert (figure["marker"], figure["size"], figure["label"]) == (marker, size, label)
    assert figure["marker"] in figure["label"]


@pytest.mark.parametrize("quantities", [
    [],
    None,
    [q("people", 1_800_000, "1,800,000")],  # El Fasher's population
    [q("people", 17_000)],  # a town's population
    [q("distance", 900, "900 km")],
    [q("troops", 24, "24 troops")],
    [q("troops", text="tens of thousands of troops", low=20_000, high=99_999)],
    [q("money", 500_000_000)],
    [q("equipment", text="hundreds of armoured vehicles", low=200, high=999)],
    [q("displaced", 40_000)],
    [q("captured", 12)],
])
def test_other_quantities_never_size_a_marker(quantities) -> None:  # noqa: ANN001
    assert casualty_figure(quantities) is None


def test_a_population_beside_a_toll_does_not_win() -> None:
    figure = casualty_figure([q("people", 1_800_000), q("killed", 5)])
    assert figure is not None and (figure["marker"], figure["size"]) == ("5", 5)


@pytest.mark.parametrize(("ranges", "label"), [
    ({"killed": [7, 9]}, "7 to 9 killed"),
    ({"killed": [9, 9], "people": [100, 1_800_000]}, "9 killed"),
    ({"troops": [24, 99]}, None),
])
def test_incident_ranges(ranges, label) -> None:  # noqa: ANN001
    figure = casualty_range_figure(ranges)
    assert (figure["label"] if figure else None) == label


@pytest.mark.parametrize(("n", "text"), [(9, "9"), (240, "240"), (1200, "1.2k"), (12_000, "12k"), (1_500_000, "1.5M")])
def test_short_number(n, text) -> None:  # noqa: ANN001
    assert short_number(n) == text
