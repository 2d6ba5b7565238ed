"""Filter values are checked against their vocabularies (and the store's own values), case-insensitively."""

from __future__ import annotations

import pytest

from frontlines.errors import FrontlinesError
from frontlines.store import EventFilter
from frontlines.vocabulary import (
    acled_types,
    check_article_status,
    check_corroboration,
    check_event_filter,
    choose,
    plover_types,
)


class _Store:
    """What check_event_filter asks a store: the values its events carry."""

    def __init__(self, **columns: list[str]) -> None:
        self.columns = columns
        self.asked: list[str] = []

    def event_counts(self, by: str, _f: EventFilter) -> list[tuple[str | None, int]]:
        self.asked.append(by)
        return [(v, 1) for v in self.columns.get(by, [])] + [(None, 3)]


def test_vocabularies() -> None:
    assert len(plover_types()) == 16 and "ASSAULT" in plover_types()
    assert len(acled_types()) == 6 + 25
    assert acled_types()[:2] == ("Battles", "Explosions/Remote violence") and "Air/drone strike" in acled_types()


@pytest.mark.parametrize(
    ("value", "allowed", "expected"),
    [("assault", ("ASSAULT", "RETREAT"), "ASSAULT"), (" Retreat ", ("ASSAULT", "RETREAT"), "RETREAT"),
     ("armed CLASH", ("Armed clash",), "Armed clash")],
)
def test_choose_gives_the_canonical_spelling(value: str, allowed: tuple[str, ...], expected: str) -> None:
    assert choose("type", value, allowed) == expected


@pytest.mark.parametrize(
    ("value", "allowed", "message"),
    [("NOPE", ("ASSAULT", "RETREAT"), "[E902] bad request parameter: type 'NOPE' is not one of: ASSAULT, RETREAT"),
     ("ASSAULTS", ("ASSAULT",), "type 'ASSAULTS' is not one of: ASSAULT"),
     ("clash", ("Armed clash", "Grenade"), "type 'clash' is not one of: 'Armed clash', 'Grenade'"),
     ("", ("ASSAULT",), "type '' is not one of: ASSAULT")],
)
def test_choose_names_the_allowed_values(value: str, allowed: tuple[str, ...], message: str) -> None:
    with pytest.raises(FrontlinesError) as err:
        choose("type", value, allowed)
    assert err.value.code == "E902" and str(err.value).endswith(message)


def test_event_filter_is_canonicalised_without_asking_the_store() -> None:
    store = _Store()
    f = check_event_filter(EventFilter(plover_type="assault", acled_type="air/drone strike", status="CLAIMED",
                                       actor="x", limit=7), store)
    assert (f.plover_type, f.acled_type, f.status, f.actor, f.limit) == (
        "ASSAULT", "Air/drone strike", "claimed", "x", 7)
    assert store.asked == [] and check_event_filter(EventFilter(), store) == EventFilter()


def test_a_value_only_the_store_carries_is_accepted() -> None:
    # Events written by an older lexicon (PLOVER's former FIGHT) still name real rows.
    store = _Store(plover_type=["ASSAULT", "FIGHT"], acled_sub_event_type=["Armed clash"])
    assert check_event_filter(EventFilter(plover_type="fight"), store).plover_type == "FIGHT"
    with pytest.raises(FrontlinesError) as err:
        check_event_filter(EventFilter(plover_type="NOPE"), store)
    assert err.value.detail.startswith("type 'NOPE' is not one of: AGREE, ") and err.value.detail.endswith(
        "ASSAULT, FIGHT")


@pytest.mark.parametrize(
    ("f", "name"),
    [(EventFilter(acled_type="Battle"), "acled 'Battle'"), (EventFilter(status="exploded"), "status 'exploded'")],
)
def test_unknown_acled_type_or_status_is_refused(f: EventFilter, name: str) -> None:
    with pytest.raises(FrontlinesError) as err:
        check_event_filter(f, _Store())
    assert err.value.detail.startswith(f"{name} is not one of: ")


def test_article_status_and_corroboration() -> None:
    assert check_article_status("Processed") == "processed" and check_article_status(None) is None
    assert check_corroboration("INDEPENDENT") == "independent" and check_corroboration("") is None
    with pytest.raises(FrontlinesError, match="pending, processed, skipped, failed"):
        check_article_status("done")
    with pytest.raises(FrontlinesError, match="single-source, claimed-by-party, independent, disputed"):
        check_corroboration("rumour")
