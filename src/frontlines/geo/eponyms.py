"""A division and the town it is named after: the story's closeness speaks for the division no more than for its town
(read by geo.scoring's third pass)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontlines.geo.gazetteer import Candidate, normalise_name
from frontlines.geo.lexicon import KIND_WORDS
from frontlines.geo.variants import spelling_of
from frontlines.records import PlaceKind

_DIVISIONS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2)


def no_nearer_than_its_town(it: Any, near: Sequence[float], text: str = "") -> list[float]:
    """Each candidate's closeness to the story's other places (``near``, one per candidate of ``it``), a division's
    capped at that of the town of the same name inside it ("The enemy struck Zaporizhzhia" in a story of the
    oblast's villages: the villages lie inside the oblast, which says nothing about whether the bare name is the
    city or the oblast; the division is named after the city, so the bare name is the city). A name written with
    a division's kind word ("Zaporizhzhia region", "a Kharkiv-region town") or after a comma ("near Chervonopopivka
    village, Luhansk": :func:`written_as_division`) keeps its closeness, as does a division with no town of its
    name among the candidates."""
    out = list(near)
    cands = it.candidates
    if it.hint in _DIVISIONS or not any(c.kind in _DIVISIONS for c in cands) \
            or written_as_division(text, it.start_char, it.end_char):
        return out  # most names have no division among their candidates: the text is read only for the others
    for k, c in enumerate(cands):
        if c.kind not in _DIVISIONS or out[k] <= 0:
            continue
        towns = [near[j] for j, o in enumerate(cands) if o.kind == PlaceKind.SETTLEMENT
                 and c.gid in (o.admin1_gid, o.admin2_gid) and o.gid not in it.sounded and named_after(c, o)]
        if towns:
            out[k] = min(out[k], max(towns))
    return out


# a town this large gives its name to its division, a smaller one bears the division's (read by geo.containers too:
# "Kharkov oblast" is the division of the city of Kharkov, "X, Zaporizhia" may be written with the city's name)
EPONYM_TOWN_POP = 50_000


def named_after(division: Candidate, town: Candidate) -> bool:
    """The division's name, its kind word aside, is the town's name or a spelling of it ("Zaporizhzhia Oblast" and
    Zaporizhzhya, "Dallas County" and Dallas): as many words, a spelling of it (geo.variants.spelling_of), and the town a city
    (EPONYM_TOWN_POP) that gives the division its name, not a village bearing it or a look-alike ("Minneota" in
    Minnesota, Tipperary town in County Tipperary)."""
    if town.population < EPONYM_TOWN_POP:
        return False
    words = normalise_name(division.name).split()
    while len(words) > 1 and words[-1] in KIND_WORDS:
        words = words[:-1]
    own = normalise_name(town.name).split()
    if len(own) != len(words):
        return False
    return spelling_of(" ".join(words), " ".join(own))


_NEXT_WORD = re.compile(r"[ \t]*-?[ \t]*([A-Za-z]+)")


def written_as_division(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is written as a division: after a comma, where a container stands ("X
    village, Luhansk"), or before a division's kind word, joined by a hyphen or not ("kharkiv-region town")."""
    if not text:
        return False
    k = start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k >= 0 and text[k] == ",":
        return True
    m = _NEXT_WORD.match(text, end)
    return m is not None and KIND_WORDS.get(m.group(1).lower()) in ("admin1", "admin2")
