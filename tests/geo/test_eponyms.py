"""geo.eponyms: a division is no nearer the story than the town of its name inside it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from frontlines.geo.eponyms import named_after, no_nearer_than_its_town
from frontlines.geo.gazetteer import Candidate
from frontlines.records import PlaceKind


def _c(gid: str, name: str, kind: PlaceKind, admin1_gid: str | None = None, pop: int = 700_000) -> Candidate:
    return Candidate(rowid=0, gid=gid, name=name, kind=kind, lat=47.8, lon=35.2, country="UKR", admin1=None,
                     admin1_gid=admin1_gid, admin2_gid=None, population=pop, capital=False, metonym=False,
                     main=True)


_OBLAST = _c("o", "Zaporizhzhia Oblast", PlaceKind.ADMIN1)
_CITY = _c("c", "Zaporizhzhia", PlaceKind.SETTLEMENT, admin1_gid="o")
_ELSEWHERE = _c("x", "Zaporizhzhia", PlaceKind.SETTLEMENT, admin1_gid="other")
_STATE = _c("s", "Minnesota", PlaceKind.ADMIN1)
_LOOKALIKE = _c("m", "Minneota", PlaceKind.SETTLEMENT, admin1_gid="s", pop=1_400)
_COUNTY = _c("t", "Tipperary", PlaceKind.ADMIN1)
_SMALL = _c("v", "Tipperary", PlaceKind.SETTLEMENT, admin1_gid="t", pop=5_000)
_LONGER = _c("l", "Minnesota City", PlaceKind.SETTLEMENT, admin1_gid="s")


@pytest.mark.parametrize(("cands", "hint", "near", "expected"), [
    # the oblast holds the story's villages (1.0) while the city lies 60 km off them (0.4): the oblast counts 0.4
    ((_OBLAST, _CITY), None, [1.0, 0.4], [0.4, 0.4]),
    # negatives: a region word next to the name; no town of its name inside it; a division already no nearer
    ((_OBLAST, _CITY), PlaceKind.ADMIN1, [1.0, 0.4], [1.0, 0.4]),
    ((_OBLAST, _ELSEWHERE), None, [1.0, 0.4], [1.0, 0.4]),
    ((_OBLAST, _CITY), None, [0.2, 0.4], [0.2, 0.4]),
    ((_OBLAST, _CITY), None, [0.0, 0.4], [0.0, 0.4]),
    # negatives: a town of another name inside the division (a look-alike, a longer name) is not its eponym
    ((_STATE, _LOOKALIKE), None, [0.9, 0.2], [0.9, 0.2]),
    ((_STATE, _LONGER), None, [0.9, 0.2], [0.9, 0.2]),
    # negative: a small town bearing the division's name (County Tipperary's Tipperary)
    ((_COUNTY, _SMALL), None, [0.9, 0.2], [0.9, 0.2]),
])
def test_a_division_is_no_nearer_than_its_town(cands, hint, near, expected) -> None:  # noqa: ANN001
    it = SimpleNamespace(candidates=cands, hint=hint, sounded=frozenset(), start_char=0, end_char=0)
    assert no_nearer_than_its_town(it, near) == expected


@pytest.mark.parametrize(("text", "others", "kind"), [
    # a story of the oblast's villages: the bare name is the city the oblast is named after
    ("The enemy struck Zaporizhzhia with guided aerial bombs. Mala Tokmachka, in the Polohy district, came under "
     "air strikes. Drones attacked Stepnohirsk. Huliaipole was shelled.",
     ("Mala Tokmachka", "Polohy", "Stepnohirsk", "Huliaipole"), PlaceKind.SETTLEMENT),
    # negative: written with its region word, the name is the oblast
    ("The enemy struck Zaporizhzhia region with guided aerial bombs. Mala Tokmachka, in the Polohy district, came "
     "under air strikes. Drones attacked Stepnohirsk. Huliaipole was shelled.",
     ("Mala Tokmachka", "Polohy", "Stepnohirsk", "Huliaipole"), PlaceKind.ADMIN1),
])
def test_a_bare_eponym_among_the_divisions_villages_is_the_town(nlp, resources, text, others, kind) -> None:  # noqa: ANN001
    from tests.geo.test_coherence import _gold

    place = _gold(nlp, resources, text, "Zaporizhzhia", others=others)
    assert place is not None and place.kind == kind, place


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Ukrainian forces counterattacked near Chervonopopivka village, Luhansk, clashing with Russian forces.",
     "Luhansk", True),  # after a comma: the container
    ("drone strike hits kharkiv-region town of kupiansk", "kharkiv", True),  # a hyphened kind word
    ("Shelling in the Kherson region killed two.", "Kherson", True),
    # negatives: a bare name in its sentence; a settlement word after it
    ("The enemy struck Zaporizhzhia with guided aerial bombs.", "Zaporizhzhia", False),
    ("Shelling hit Kherson city on Monday.", "Kherson", False),
    ("Luhansk", "Luhansk", False),
])
def test_a_name_written_as_a_division(text: str, name: str, expected: bool) -> None:
    from frontlines.geo.eponyms import written_as_division

    start = text.index(name)
    assert written_as_division(text, start, start + len(name)) is expected


def test_no_text_reads_as_no_division() -> None:
    from frontlines.geo.eponyms import written_as_division

    assert written_as_division("", 0, 0) is False


def test_a_container_after_a_comma_keeps_its_closeness() -> None:
    text = "Shelling near Chervonopopivka village, Zaporizhzhia."
    start = text.index("Zaporizhzhia")
    it = SimpleNamespace(candidates=(_OBLAST, _CITY), hint=None, sounded=frozenset(), start_char=start,
                         end_char=start + len("Zaporizhzhia"))
    assert no_nearer_than_its_town(it, [1.0, 0.4], text) == [1.0, 0.4]


@pytest.mark.parametrize(("division", "town", "expected"), [
    (_OBLAST, _CITY, True),
    # a spelling of the town's name, its kind word aside
    (_OBLAST, _c("z", "Zaporizhzhya", PlaceKind.SETTLEMENT, admin1_gid="o"), True),
    # negatives: a look-alike village, a village bearing the division's name, a longer name
    (_STATE, _LOOKALIKE, False),
    (_COUNTY, _SMALL, False),
    (_STATE, _LONGER, False),
])
def test_named_after(division, town, expected) -> None:  # noqa: ANN001
    assert named_after(division, town) is expected
