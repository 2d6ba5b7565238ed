"""Lists of places: the names of one list are places of one kind.

"Cases were reported in Arizona, California, Colorado, ..., Washington and Wisconsin": a name
listed among a country's first-order divisions is one of them (the state of Washington, not the
capital), and "British Columbia, Alberta, Manitoba, Ontario and New Brunswick" are provinces, not
Ontario, California and New Brunswick, New Jersey. Alone, a name's population and the article's
other places may rightly prefer the city; in a list, the list says what the name is. Split from
``geo.resolve``, which calls :func:`agree_with_list` once every name has its likeliest place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontlines.records import PlaceKind

LIST_MIN_OTHERS = 3  # a list says what its names are when at least this many others agree ...
LIST_SHARE = 0.75  # ... and this share of its other names
_LIST_KINDS = (PlaceKind.ADMIN1, PlaceKind.COUNTRY)  # the kinds a list of names makes its names
# what stands between two names of one list: a comma, "and" or "or" (", and", "; ")
_JOIN = re.compile(r"\s*(?:[,;]\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", re.IGNORECASE)


def listed_runs(text: str, items: Sequence[Any]) -> list[list[Any]]:
    """The runs of items written as one list (only commas, "and" or "or" between them), in text
    order, each of two items or more."""
    ordered = sorted(items, key=lambda it: it.start_char)
    runs: list[list[Any]] = []
    run: list[Any] = []
    for it in ordered:
        if run and _JOIN.fullmatch(text[run[-1].end_char:it.start_char]) is not None:
            run.append(it)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [it]
    if len(run) > 1:
        runs.append(run)
    return runs


def agree_with_list(text: str, items: Sequence[Any]) -> list[tuple[Any, Any]]:
    """(item, candidate) for each listed name whose place is not of the kind its list's other names
    are, where it has a candidate of that kind in their country: a list of at least LIST_MIN_OTHERS
    other names of which LIST_SHARE are first-order divisions (or countries) of one country.

    In such a list "Illinois, Missouri" is two states, not a town called Illinois in Missouri; towns
    written with their states ("Springfield, Illinois, and Columbus, Ohio") make no such list, half
    of its names being towns. A name narrowed by a container or written with a kind word, a demonym
    and a name placed without a candidate keep their place."""
    out: list[tuple[Any, Any]] = []
    for run in listed_runs(text, items):
        if len(run) <= LIST_MIN_OTHERS:
            continue
        for k, it in enumerate(run):
            c = it.best
            if c is None or it.override is not None or it.note or it.hint is not None or it.demonym:
                continue
            others = [o.best for j, o in enumerate(run) if j != k and o.best is not None]
            agreed = _agreed(others)
            if agreed is None:
                continue
            kind, country = agreed
            if c.kind == kind and (kind == PlaceKind.COUNTRY or c.country == country):
                continue
            fitting = [x for x in it.candidates if x.kind == kind and (kind == PlaceKind.COUNTRY or x.country == country)]
            if fitting:
                out.append((it, max(fitting, key=lambda x: (x.main, x.population))))
    return out


def _agreed(others: Sequence[Any]) -> tuple[PlaceKind, str | None] | None:
    """The kind (and, for divisions, the country) that LIST_SHARE of ``others`` share, if any."""
    counts: dict[tuple[PlaceKind, str | None], int] = {}
    for o in others:
        if o.kind in _LIST_KINDS:
            key = (o.kind, None if o.kind == PlaceKind.COUNTRY else o.country)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    key, n = max(counts.items(), key=lambda kv: kv[1])
    if n < LIST_MIN_OTHERS or n < LIST_SHARE * len(others):
        return None
    return key
