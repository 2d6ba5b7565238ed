"""A settlement the sentence does not name ("in a village in eastern Ukraine") is the one the story names next
inside that area (events.unnamed.named_later)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontlines.records import PlaceKind, Precision
from tests.events.conftest import place

LEDE = ("A Russian glide bomb hit a line of people waiting for their pensions in a village in eastern Ukraine on "
        "Tuesday, killing 24 people. The bomb struck Yarova, a village in the Donetsk region.")


def _places(text: str, specs: tuple) -> tuple:
    coarse = {"country": Precision.COUNTRY, "admin1": Precision.ADMIN1, "relative": Precision.REGION}
    return tuple(replace(place(text, name, lat=10.0 + k, lon=20.0 + k, admin1=admin1,
                               precision=coarse.get(kind, Precision.EXACT)), kind=PlaceKind(kind), country=country)
                 for k, (name, kind, admin1, country) in enumerate(specs))


@pytest.mark.parametrize(("text", "specs", "expected"), [
    # the area after "a village in" is where the village lies; the village is the one named next inside it
    (LEDE, (("eastern Ukraine", "relative", None, "UKR"), ("Yarova", "settlement", "Donetsk", "UKR")), "Yarova"),
    ("Gunmen killed 12 people in a town in Burkina Faso's Centre-Nord region on Saturday. The attack on Barsalogho "
     "lasted hours.", (("Centre-Nord", "admin1", "Centre-Nord", "BFA"), ("Barsalogho", "settlement", "Centre-Nord",
                                                                         "BFA")), "Barsalogho"),
    # negatives: a named area with no unnamed settlement; a settlement outside the area; one named too late
    ("Russian forces shelled villages in eastern Ukraine on Tuesday. The bomb struck Yarova.",
     (("eastern Ukraine", "relative", None, "UKR"), ("Yarova", "settlement", "Donetsk", "UKR")), "eastern Ukraine"),
    ("Gunmen killed 12 people in a town in Burkina Faso's Centre-Nord region on Saturday. Officials met in Niamey.",
     (("Centre-Nord", "admin1", "Centre-Nord", "BFA"), ("Niamey", "settlement", "Niamey", "NER")), "Centre-Nord"),
    ("Gunmen killed 12 people in a town in Burkina Faso's Centre-Nord region on Saturday. The army said so. "
     "Aid was sent. Kaya hospital is full.", (("Centre-Nord", "admin1", "Centre-Nord", "BFA"),
                                              ("Kaya", "settlement", "Centre-Nord", "BFA")), "Centre-Nord"),
])
def test_an_unnamed_settlement_is_the_one_named_next(run_events, text: str, specs: tuple,  # noqa: ANN001
                                                     expected: str) -> None:
    events = [e for e in run_events(text, places=_places(text, specs)) if e.plover_type == "ASSAULT"]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)
