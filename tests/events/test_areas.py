"""events.areas: which places lie inside a country, a division or a part of a division named by its direction."""

from __future__ import annotations

import pytest

from frontlines.events.areas import inside_area, part_of_division
from frontlines.records import Evidence, Place, PlaceKind, Precision


def _p(name: str, kind: PlaceKind, country: str, admin1: str | None, precision: Precision = Precision.EXACT) -> Place:
    return Place(text=name, evidence=Evidence(article_id="t", start=0, end=len(name), text=name), name=name,
                 kind=kind, country=country, admin1=admin1, lat=1.0, lon=1.0, precision=precision)


UKRAINE = _p("Ukraine", PlaceKind.COUNTRY, "UKR", None, Precision.COUNTRY)
DONETSK = _p("Donetsk Oblast", PlaceKind.ADMIN1, "UKR", "Donetsk Oblast", Precision.ADMIN1)
EAST = _p("eastern Ukraine", PlaceKind.RELATIVE, "UKR", None, Precision.REGION)
YAROVA = _p("Yarova", PlaceKind.SETTLEMENT, "UKR", "Donetsk Oblast")
KUPIANSK = _p("Kupiansk", PlaceKind.SETTLEMENT, "UKR", "Kharkiv Oblast")
SUDZHA = _p("Sudzha", PlaceKind.SETTLEMENT, "RUS", "Kursk Oblast")


@pytest.mark.parametrize(("inner", "outer", "expected"), [
    (YAROVA, UKRAINE, True), (YAROVA, DONETSK, True), (YAROVA, EAST, True), (KUPIANSK, EAST, True),
    # negatives: another division, another country, a division is not inside itself, a country in nothing
    (KUPIANSK, DONETSK, False), (SUDZHA, UKRAINE, False), (DONETSK, DONETSK, False), (UKRAINE, UKRAINE, False),
])
def test_inside_area(inner: Place, outer: Place, expected: bool) -> None:
    assert inside_area(inner, outer) is expected


def test_part_of_division() -> None:
    assert part_of_division(EAST)
    assert not part_of_division(DONETSK) and not part_of_division(YAROVA)
