"""Lists of places (geo.lists): the names of one list are places of one kind."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from frontlines.geo import resolve_spans
from frontlines.geo.lists import listed_runs
from frontlines.pipeline import StageInput
from frontlines.records import Article, PlaceKind


def _resolve_all(nlp, resources, text: str, names: tuple[str, ...]):
    """Every name of ``names`` (each occurrence) handed over as a gold span; the places by their text."""
    doc = nlp(text)
    spans = sorted({(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)})
    inp = StageInput(doc, Article(id="l", text=text), resources, {})
    return {p.text: p for p in resolve_spans(inp, spans)}


STATES = ("The states with reported cases are Arizona, California, Colorado, Georgia, Illinois, Missouri, "
          "New Jersey, New Mexico, New York, Ohio, Oklahoma, Oregon, Tennessee, Utah, Washington and Wisconsin.")
PROVINCES = "Illnesses in Canada occurred in British Columbia, Alberta, Manitoba, Ontario and New Brunswick."


@pytest.mark.parametrize(
    ("text", "names", "toponym", "kind", "country"),
    [
        # a state listed among states: the state, not the capital or a town in the next state named
        (STATES, ("Arizona", "California", "Colorado", "Georgia", "Illinois", "Missouri", "New Jersey",
                  "New Mexico", "New York", "Ohio", "Oklahoma", "Oregon", "Tennessee", "Utah", "Washington",
                  "Wisconsin"), "Washington", PlaceKind.ADMIN1, "USA"),
        (STATES, ("Arizona", "California", "Colorado", "Georgia", "Illinois", "Missouri", "New Jersey",
                  "New Mexico", "New York", "Ohio", "Oklahoma", "Oregon", "Tennessee", "Utah", "Washington",
                  "Wisconsin"), "Oklahoma", PlaceKind.ADMIN1, "USA"),
        # provinces listed together: Ontario and New Brunswick are Canada's, not towns of the USA
        (PROVINCES, ("Canada", "British Columbia", "Alberta", "Manitoba", "Ontario", "New Brunswick"), "Ontario",
         PlaceKind.ADMIN1, "CAN"),
        (PROVINCES, ("Canada", "British Columbia", "Alberta", "Manitoba", "Ontario", "New Brunswick"),
         "New Brunswick", PlaceKind.ADMIN1, "CAN"),
        # negative: towns written with their states are no list of states
        ("Flights left Springfield, Illinois, and Columbus, Ohio, on Monday.",
         ("Springfield", "Illinois", "Columbus", "Ohio"), "Springfield", PlaceKind.SETTLEMENT, "USA"),
        # negative: a list of two is too short to say what its names are
        ("Cases were found in Ontario and Alberta.", ("Ontario", "Alberta"), "Ontario", PlaceKind.ADMIN1, "CAN"),
        # negative: a city listed among cities stays a city
        ("Protests spread to Boston, Chicago, Atlanta and Washington.", ("Boston", "Chicago", "Atlanta",
                                                                         "Washington"), "Washington",
         PlaceKind.SETTLEMENT, "USA"),
    ],
)
def test_list_says_what_its_names_are(nlp, resources, text, names, toponym, kind, country) -> None:
    place = _resolve_all(nlp, resources, text, names)[toponym]
    assert place.kind == kind and place.country == country, place


def _it(start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(start_char=start, end_char=end)


@pytest.mark.parametrize(
    ("text", "spans", "runs"),
    [
        ("Ohio, Utah and Iowa", [(0, 4), (6, 10), (15, 19)], [[0, 6, 15]]),
        ("Ohio, Utah, and Iowa", [(0, 4), (6, 10), (16, 20)], [[0, 6, 16]]),
        ("Ohio or Utah", [(0, 4), (8, 12)], [[0, 8]]),
        # negative: other words between the names end the list
        ("Ohio sent aid to Utah and Iowa", [(0, 4), (17, 21), (26, 30)], [[17, 26]]),
        ("Ohio. Utah", [(0, 4), (6, 10)], []),
    ],
)
def test_listed_runs(text, spans, runs) -> None:
    got = listed_runs(text, [_it(a, b) for a, b in spans])
    assert [[it.start_char for it in run] for run in got] == runs
