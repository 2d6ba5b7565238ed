"""The closed vocabularies users filter by, and the check that a filter value is in one.

A filter value outside its vocabulary ('type=NOPE', a misspelt ACLED sub-event type)
matches nothing, which reads as "no such events" when it is a typo. The CLI and the
API both check values here and answer with the values that exist (E902).

A value that is not in the packaged vocabulary but is in the store (events written by
an older lexicon) is accepted: it names real rows.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

from frontlines.errors import FrontlinesError
from frontlines.records import ArticleStatus, EventStatus

if TYPE_CHECKING:
    from frontlines.store.protocol import Store
    from frontlines.store import EventFilter

CORROBORATIONS = ("single-source", "claimed-by-party", "independent", "disputed")


def plover_types() -> tuple[str, ...]:
    """The 16 PLOVER event types."""
    from frontlines.events.lexicon import PLOVER_TYPES

    return PLOVER_TYPES


@functools.cache
def acled_event_types() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(ACLED's 6 event types, its 25 sub-event types), as data/events/acled_plover.yaml lists them."""
    import yaml

    path = importlib_resources.files("frontlines") / "data" / "events" / "acled_plover.yaml"
    try:
        mapping = yaml.safe_load(path.read_text(encoding="utf-8"))["acled"]
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"acled_plover.yaml: {exc}", code="E601") from exc
    return tuple(dict.fromkeys(str(spec[0]) for spec in mapping.values())), tuple(str(sub) for sub in mapping)


def acled_types() -> tuple[str, ...]:
    """ACLED's 6 event types, then its 25 sub-event types, as data/events/acled_plover.yaml lists them."""
    event_types, sub_types = acled_event_types()
    return (*event_types, *sub_types)


def choose(name: str, value: str, allowed: Iterable[str]) -> str:
    """``value`` as spelt in ``allowed`` (compared ignoring case); else E902 naming every allowed value."""
    options = list(dict.fromkeys(allowed))
    for option in options:
        if option.casefold() == value.strip().casefold():
            return option
    plain = not any(" " in o or "," in o for o in options)  # quoted only where a space or comma would blur them
    listed = ", ".join(options if plain else [repr(o) for o in options])
    raise FrontlinesError(f"{name} {value!r} is not one of: {listed}", code="E902")


def check_event_filter(f: EventFilter, store: Store) -> EventFilter:
    """``f`` with its type, ACLED type and status checked and in their canonical spelling.

    ``store`` is asked which values its events carry only when a value is not in the
    packaged vocabulary. Raises FrontlinesError(E902) naming the allowed values.
    """
    return dataclasses.replace(
        f,
        plover_type=check_plover_type(f.plover_type, store),
        acled_type=_check("acled", f.acled_type, acled_types(), store, "acled_sub_event_type") if f.acled_type else None,
        status=choose("status", f.status, [s.value for s in EventStatus]) if f.status else None,
    )


def check_plover_type(value: str | None, store: Store) -> str | None:
    """A PLOVER type (or one the store's events carry), checked; None stays None."""
    return _check("type", value, plover_types(), store, "plover_type") if value else None


def check_article_status(value: str | None) -> str | None:
    """An article status (pending, processed, skipped, failed), checked; None stays None."""
    return choose("status", value, [s.value for s in ArticleStatus]) if value else None


def check_corroboration(value: str | None) -> str | None:
    """An incident's corroboration (single-source, claimed-by-party, independent, disputed), checked."""
    return choose("corroboration", value, CORROBORATIONS) if value else None


def _check(name: str, value: str, known: tuple[str, ...], store: Store, column: str) -> str:
    try:
        return choose(name, value, known)
    except FrontlinesError:
        # Not in the vocabulary: events written by an older lexicon may still carry it.
        from frontlines.store import EventFilter

        stored = sorted(str(key) for key, _ in store.event_counts(column, EventFilter()) if key)
        return choose(name, value, [*known, *stored])
