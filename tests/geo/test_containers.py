"""geo.containers: the division written next to a name narrows or places it; a region word after a city's name
is the city's division; a name placed at its division once is placed there again."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from frontlines.geo.containers import region_of_city
from frontlines.geo.gazetteer import Candidate
from frontlines.records import PlaceKind, Precision


def _c(gid: str, name: str, kind: PlaceKind, pop: int, admin1_gid: str | None = None) -> Candidate:
    return Candidate(rowid=0, gid=gid, name=name, kind=kind, lat=50.0, lon=36.2, country="UKR", admin1=None,
                     admin1_gid=admin1_gid, admin2_gid=None, population=pop, capital=False, metonym=False,
                     main=True)


_OBLAST = _c("o", "Kharkiv Oblast", PlaceKind.ADMIN1, 2_600_000)
_GAZ = SimpleNamespace(get={"o": _OBLAST}.get)


@pytest.mark.parametrize(
    ("best", "hint", "expected"),
    [
        # "Kharkov oblast": a region word after a large city's name is the city's division
        (_c("c", "Kharkiv", PlaceKind.SETTLEMENT, 1_400_000, "o"), PlaceKind.ADMIN1, "o"),
        # negatives: no region word; a village (too small to name its division); the division already
        (_c("c", "Kharkiv", PlaceKind.SETTLEMENT, 1_400_000, "o"), None, "c"),
        (_c("v", "Kharkiv", PlaceKind.SETTLEMENT, 900, "o"), PlaceKind.ADMIN1, "v"),
        (_OBLAST, PlaceKind.ADMIN1, "o"),
    ],
)
def test_a_region_word_after_a_city(best, hint, expected) -> None:
    it = SimpleNamespace(best=best, hint=hint, reason="r")
    region_of_city(it, _GAZ)  # type: ignore[arg-type]
    assert it.best.gid == expected
    assert ("the region of" in it.reason) == (expected != best.gid)


@pytest.mark.parametrize(
    ("text", "feature", "city", "kind"),
    [
        # a street or building written with a city lies in the city, not in the region named after it
        ("Two teenagers robbed a jeweller's on Bold Street, Liverpool, and fled to Kirkby.", "Bold Street",
         "Liverpool", PlaceKind.SETTLEMENT),
        ("Traders gathered on Queen Street in Brisbane on Monday.", "Queen Street", "Brisbane",
         PlaceKind.SETTLEMENT),
        # negative: a town written with its region's name keeps the region as its container
        ("Russian shelling hit Orikhiv, Zaporizhzhia, on Monday.", "Orikhiv", "Zaporizhzhia", PlaceKind.ADMIN1),
    ],
)
def test_feature_with_its_city_lies_in_the_city(places, text, feature, city, kind) -> None:
    got = {p.text: p for p in places(text)}
    assert got[city].kind == kind, got[city]
    if kind == PlaceKind.SETTLEMENT:
        assert got[feature].anchor == got[city].name and got[feature].precision == Precision.NEAR, got[feature]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a village placed at the division written next to it is placed there again where it stands alone
        ("Troops entered the village of Moura in central Mali. They arrested 51 people in Moura.", "Moura", "MLI"),
        # negative: a name with no container anywhere is resolved on its own
        ("They arrested 51 people in Moura.", "Moura", None),
    ],
)
def test_one_name_one_place(places, text, name, country) -> None:
    got = [p for p in places(text) if p.text == name]
    if country is None:
        assert all("the name placed before" not in p.reason for p in got), got
    else:
        assert len(got) == 2 and {p.country for p in got} == {country}, got
        assert "the name placed before" in got[1].reason, got[1]
