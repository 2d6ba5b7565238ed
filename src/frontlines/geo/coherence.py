"""Closeness between namesakes: which of a name's places lie near the article's other places.

The Mordecai 3 / CLAVIN idea: a local story names the towns around one place, so of the namesakes of
"Alexandria" the one near "St. Cloud" and "Douglas County" is meant. Every other name lends its likely
places, weighted by how likely each is; :func:`coherence` gives each contested candidate its mean
closeness to them, which ``geo.scoring`` adds to its score (``PROXIMITY`` times). Split from
``geo.resolve``, which chooses among candidates by all its evidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from frontlines.geo.gazetteer import Candidate
from frontlines.geo.postal import distance_km
from frontlines.records import PlaceKind

PROXIMITY = 5.0  # a candidate next to the article's other places: the mean closeness over the other names (1 when all are within ~10 km, none past PROX_FAR_KM)
PROX_FAR_KM = 400.0
_POINT_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2, PlaceKind.FACILITY})
_LOG_FAR = math.log1p(PROX_FAR_KM / 10.0)
_CELL_DEG = PROX_FAR_KM / 111.2  # grid cells as wide as the farthest closeness that counts
MIN_WEIGHT = 0.02  # a namesake less likely than this lends no support
COHERENCE_ROUNDS = 3
SETTLED_SUPPORT = 0.02
_NEVER_LENDS = PROXIMITY + math.log(1.0 / MIN_WEIGHT)  # this far behind, no weight reaches MIN_WEIGHT


def closeness_at(km: float) -> float:
    """1 next to another place, falling with log distance to 0 at PROX_FAR_KM."""
    return max(0.0, 1.0 - math.log1p(km / 10.0) / _LOG_FAR)


def coherence(items: Sequence[Any], keys: list[str],
               scored: list[list[tuple[float, list[str]]]]) -> dict[str, list[float]] | None:
    """Per distinct name whose choice closeness can still change, each candidate's closeness to
    the other names' places, 0..1 (0 for candidates too far behind to win).

    Every other name lends its candidates weighted by how likely each is (a softmax of its
    scores); a name whose choice closeness cannot change lends its choice fully, and names whose
    likeliest place is the same ("Washington", "D.C.") lend once. A point candidate's support
    from one lender is the weighted closeness of the lender's candidates (1 next to it, falling
    with log distance to 0 at PROX_FAR_KM), capped at 1; a first-order division's is the weight
    of the lender's candidates inside it. The result is the mean over the lenders, so that a
    namesake near one place of a national story does not beat the namesake that the whole local
    story is around. COHERENCE_ROUNDS rounds: the namesakes that gained by meeting the others'
    lend more weight in the next (a cluster of small namesakes, none sure alone, finds itself).
    """
    # the names whose choice closeness can still change (a runner-up within PROXIMITY of the
    # best), each from its first mention with several candidates
    first: dict[str, int] = {}  # name key -> index of the item whose row stands for it
    contested: dict[str, int] = {}
    tops: dict[int, tuple[list[float], float]] = {}  # item index -> its scores and their best
    seen: set[tuple[str, int]] = set()
    for idx, (key, row) in enumerate(zip(keys, scored)):
        if key not in first and row:
            first[key] = idx
        if key in contested or len(row) < 2 or (key, len(row)) in seen:
            continue
        seen.add((key, len(row)))
        scs = [sc for sc, _ in row]
        top = max(scs)
        tops[idx] = (scs, top)
        floor = top - PROXIMITY
        if sum(1 for sc in scs if sc >= floor) > 1:
            contested[key] = idx
    if not contested:
        return None
    import numpy as np

    # lenders: each name's likeliest place; names sharing it lend once (the first of them)
    lender_of: dict[str, int] = {}
    lender_gid: dict[str, int] = {}
    lender_rows: list[int] = []  # item index lending for each lender
    for key, idx in first.items():
        if idx not in tops:
            scs = [sc for sc, _ in scored[idx]]
            tops[idx] = (scs, max(scs))
        scs, top = tops[idx]
        gid = items[idx].candidates[scs.index(top)].gid
        if gid not in lender_gid:
            lender_gid[gid] = len(lender_rows)
            lender_rows.append(idx)
        lender_of[key] = lender_gid[gid]
    nl = len(lender_rows)
    if nl < 2:
        return None
    # the lenders' point candidates, flat. A settled name lends its choice alone; a contested one
    # the candidates that may reach MIN_WEIGHT (closeness lifts a score by PROXIMITY at most), the
    # others only adding to its softmax's denominator
    contested_lender = {lender_of[key] for key in contested}
    pts: list[tuple[float, float]] = []
    pt_lender: list[int] = []
    pt_gid: list[str] = []
    pt_admin1: list[str | None] = []
    fixed: list[float] = []  # a settled lender's weight (1), or -1 for a contested one's point
    dynamic: list[tuple[int, float, list[int], list[int], float]] = []  # (item, top, ks, pt positions, rest)
    for li, idx in enumerate(lender_rows):
        cs = items[idx].candidates
        scs, top = tops[idx]
        if li not in contested_lender:
            c = cs[scs.index(top)]
            if c.kind in _POINT_KINDS:
                pts.append((c.lat, c.lon))
                pt_lender.append(li)
                pt_gid.append(c.gid)
                pt_admin1.append(c.admin1_gid)
                fixed.append(1.0)
            continue
        cut = top - _NEVER_LENDS
        rest = sum([math.exp(sc - top) for sc in scs if sc < cut])
        ks = [k for k, sc in enumerate(scs) if sc >= cut]
        pos: list[int] = []
        for k in ks:
            c = cs[k]
            if c.kind in _POINT_KINDS:
                pos.append(len(pts))
                pts.append((c.lat, c.lon))
                pt_lender.append(li)
                pt_gid.append(c.gid)
                pt_admin1.append(c.admin1_gid)
                fixed.append(-1.0)
            else:
                pos.append(-1)
        dynamic.append((idx, top, ks, pos, rest))
    if not pts:
        return None
    # the contested names' candidates that can still win
    cands: list[tuple[str, int, Candidate]] = []  # (name key, candidate index, candidate)
    for key, idx in contested.items():
        scs, top = tops[idx]
        floor = top - PROXIMITY
        cs = items[idx].candidates
        cands.extend((key, k, cs[k]) for k, sc in enumerate(scs)
                     if sc >= floor and (cs[k].kind in _POINT_KINDS or cs[k].kind == PlaceKind.ADMIN1))
    if not cands:
        return None
    nc, npt = len(cands), len(pts)
    P = np.array(pts)  # noqa: N806 (a matrix)
    # ids as small integers, so that the comparisons below are numpy's, not Python's
    ids: dict[str | None, int] = {None: -1}
    gids = np.array([ids.setdefault(g, len(ids)) for g in pt_gid])
    cand_gids = np.array([ids.setdefault(c.gid, len(ids)) for _, _, c in cands])
    lenders = np.array(pt_lender)
    own = np.array([lender_of[key] for key, _, _ in cands])
    is_point = [c.kind in _POINT_KINDS for _, _, c in cands]
    point_rows = [(c.lat, c.lon) for (_, _, c), pt in zip(cands, is_point) if pt]
    divisions = [not pt for pt in is_point] if len(point_rows) < nc else None
    if point_rows:
        C = np.array(point_rows)  # noqa: N806 (a matrix)
        coslat = np.cos(np.radians(C[:, 0]))[:, None]
    if divisions is not None:
        pt_admin1_ids = np.array([ids.setdefault(a, len(ids)) for a in pt_admin1])
        division_gids = cand_gids[divisions, None]
    # K[i, j]: what lent point j says for candidate i. Worked out only for the points that lend
    # some weight (most of a contested name's namesakes never reach MIN_WEIGHT); the others' 0
    # makes the same product with their weight 0, so every sum below is the one over all of K
    K = np.zeros((nc, npt))  # noqa: N806 (a matrix)
    known = np.zeros(npt, dtype=bool)

    def work_out(cols: Any) -> None:
        """K's columns ``cols``: a point candidate's closeness to each point (1 next to it, falling
        with log distance to 0 at PROX_FAR_KM; equirectangular: exact enough under a few hundred km),
        a division's 1 where the point lies inside it; 0 for the candidate itself and for its own
        name's places."""
        Pc = P[cols]  # noqa: N806
        if point_rows:
            d = 111.2 * np.hypot(Pc[None, :, 0] - C[:, 0:1], (Pc[None, :, 1] - C[:, 1:2]) * coslat)
            near = np.maximum(1.0 - np.log1p(d / 10.0) / _LOG_FAR, 0.0)
        if divisions is None:
            block = near
        else:
            block = np.empty((nc, len(cols)))
            block[divisions] = pt_admin1_ids[cols][None, :] == division_gids
            if point_rows:
                block[is_point] = near
        block[(cand_gids[:, None] == gids[cols][None, :]) | (own[:, None] == lenders[cols][None, :])] = 0.0
        K[:, cols] = block
        known[cols] = True

    onehot = np.zeros((npt, nl))
    onehot[np.arange(npt), lenders] = 1.0
    # the contested lenders' weights: a lender whose name's candidates get no closeness (a name not
    # contested, or narrowed by a container: candidates of its own) weighs the same every round
    slot_of = {(key, k): j for j, (key, k, _) in enumerate(cands)}
    boosted: list[tuple[list[float], list[int], list[int], float, float]] = []  # (scores, slots, pt positions, top, rest)
    for idx, top, ks, pos, rest in dynamic:
        key = keys[idx]
        mine = contested.get(key)
        row = scored[idx]
        if mine is not None and len(scored[mine]) == len(row):
            boosted.append(([row[k][0] for k in ks], [slot_of.get((key, k), -1) for k in ks], pos, top, rest))
            continue
        ex = [math.exp(row[k][0] + PROXIMITY * 0.0 - top) for k in ks]
        total = sum(ex) + rest
        for e, j in zip(ex, pos):
            if j >= 0:
                fixed[j] = e / total if e / total >= MIN_WEIGHT else 0.0
    w = np.array(fixed)
    support = np.zeros(nc)
    by_slot: list[float] | None = None  # the last round's closeness by slot of cands
    for _ in range(COHERENCE_ROUNDS):
        for scs, slots, pos, top, rest in boosted:
            if by_slot is None:
                ex = [math.exp(sc + PROXIMITY * 0.0 - top) for sc in scs]
            else:
                ex = [math.exp(sc + PROXIMITY * (by_slot[j] if j >= 0 else 0.0) - top) for sc, j in zip(scs, slots)]
            total = sum(ex) + rest
            for e, j in zip(ex, pos):
                if j >= 0:
                    w[j] = e / total if e / total >= MIN_WEIGHT else 0.0
        missing = np.flatnonzero((w != 0) & ~known)
        if len(missing):
            work_out(missing)
        lends = (w @ onehot) > 0  # lenders with any point left
        per = np.minimum((K * w[None, :]) @ onehot, 1.0)
        n = lends.sum() - lends[own]
        last, support = support, np.where(n > 0, per.sum(axis=1) / np.maximum(n, 1), 0.0)
        if np.abs(support - last).max() < SETTLED_SUPPORT:
            break  # another round would move no score by more than PROXIMITY * SETTLED_SUPPORT
        by_slot = support.tolist()
    out: dict[str, list[float]] = {}
    for (key, k, _), v in zip(cands, support):
        row_out = out.get(key)
        if row_out is None:
            row_out = out[key] = [0.0] * len(scored[contested[key]])
        row_out[k] = float(v)
    return out


TOWN_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2})  # places a story is at, and a name is near
PARTIAL_NEAR_KM = 100.0  # a place bearing a part of the name counts only this close to the story


def far_partials(items: Sequence[Any]) -> set[int]:
    """Items known only by a part of their name ("Cherry Hinton" -> Cherry County, "Freeborn Lake"
    -> Freeborn County) whose place lies far from every other place of the article: the longer
    name is a local feature the gazetteer lacks, and a place sharing one word of it far away says
    nothing about where it is; such items are placed as local features (the story's place). So is a
    name written with "the" that only a small town bears ("along the Ganges": ``_article_town``)."""
    # a region, river or division bearing a part of the name ("Danube Delta", "Aust-Agder") is
    # a coarser place that holds it, not a namesake
    parts = [it for it in items if (it.partial or _article_town(it)) and it.best is not None
             and it.override is None and it.best.kind in TOWN_KINDS]
    settled = [(it.text.lower(), it.best) for it in items if not it.partial and it.best is not None
               and it.override is None]
    out = _foreign_partial_divisions(items, settled)
    if not parts:
        return out
    others = [(key, o) for key, o in settled if o.kind in TOWN_KINDS]
    for it in parts:
        c = it.best
        assert c is not None  # narrowed above; mypy does not follow the comprehension
        coslat = math.cos(math.radians(c.lat))
        near = [o for key, o in others if key != it.text.lower()]  # (not the name itself, said again)
        if not it.partial and any(o.country == c.country for o in near):
            continue  # "the X" with a town of its own country in the story: a place of that country
        if near and all(111.2 * math.hypot(o.lat - c.lat, (o.lon - c.lon) * coslat) > PARTIAL_NEAR_KM
                        for o in near):
            out.add(id(it))
        elif not near and it.partial and _outside_all(c, [o for key, o in settled if key != it.text.lower()]):
            out.add(id(it))
    return out


_AREA_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY})


_PLACING_KINDS = TOWN_KINDS | {PlaceKind.ADMIN1}  # the places a local feature is placed at (geo.context.place_feature)


def _foreign_partial_divisions(items: Sequence[Any], settled: Sequence[tuple[str, Candidate]]) -> set[int]:
    """Items known only by a part of their name whose place is a first-order division of a country where no
    other place of the story lies ("West Midlands" -> Midlands, Zimbabwe, "Central Plateau" -> Plateau, Nigeria
    in a story about Haiti): the longer name is a region of the story the gazetteer lacks, not a division
    abroad that holds it. A division of the story's own country bearing a part of the name ("Aust-Agder")
    still holds it; a story with no town or division to place it at says nothing."""
    out: set[int] = set()
    for it in items:
        c = it.best
        if not it.partial or c is None or it.override is not None or c.kind != PlaceKind.ADMIN1 or " of " in it.text:
            continue  # ("the Gulf of Alaska": what a name is "of" is where it lies)
        others = [o for key, o in settled if key != it.text.lower()]
        if any(o.kind in _PLACING_KINDS for o in others) and not any(o.country == c.country for o in others):
            out.add(id(it))
    return out


def _outside_all(c: Candidate, areas: Sequence[Candidate]) -> bool:
    """A story that names no town but names divisions or countries ("Avenida Paulista" and "the Vila
    Sônia district" in a story about São Paulo state): a place bearing a part of a name that lies in
    none of them ("Vila", Andorra; "Paulista", Pernambuco) says nothing about where the name is."""
    areas = [a for a in areas if a.kind in _AREA_KINDS]
    return bool(areas) and not any(a.gid in (c.admin1_gid, c.admin2_gid) or (a.kind == PlaceKind.COUNTRY and a.country == c.country)
                                   for a in areas)


ARTICLE_TOWN_POP = 50_000  # a town this small is not what "the X" names far from the story's other towns


def _article_town(it: Any) -> bool:
    """"Along the Ganges" -> Ganges, France: a name written with "the" that only a small town bears is a
    river, region or feature the gazetteer lacks (towns take no article in English), when that town lies
    far from the story's other towns in other countries; a kind word or a container next to the name says
    what it is, and "the" before a name that modifies a noun ("the Bentiu camp") is the noun's."""
    c = it.best
    return (it.article and not it.modifier and c is not None and c.kind == PlaceKind.SETTLEMENT and c.population < ARTICLE_TOWN_POP
            and it.hint is None and not it.note and not it.demonym)


FAR_NAMESAKE_POP = 50_000  # a foreign town this small is not what a one-country local story names without its country
FAR_NAMESAKE_KM = 2_000.0  # ... when it lies this far from every other place of the story
CITY_WITH_DISTRICTS = 100_000  # ... and the story names a city this large (districts are a city's)


def far_namesakes(items: Sequence[Any]) -> set[int]:
    """Items whose place is a small town abroad in a story whose other places all lie in one
    country, with a city among them and nothing of the town's country named ("Handsworth" in a
    Birmingham story is a district, not Handsworth, Canada; "Chicago's Pilsen" is no Plzeň): the
    name is a district or feature of the story's town the gazetteer lacks, placed as a local
    feature (geo.context.place_feature). Only a namesake both small (FAR_NAMESAKE_POP) and far from every
    other place (FAR_NAMESAKE_KM: another continent, not the next country an outbreak spreads to),
    in a story that names a city large enough to have districts (CITY_WITH_DISTRICTS: a small
    town's paper may well name a village abroad, a soldier's posting or a sister town);
    a name with a namesake in the story's country, one narrowed by a container and a demonym are
    left alone."""
    settled = [it for it in items if it.best is not None and it.override is None and not it.partial]
    out: set[int] = set()
    for it, c, others in _small_towns(settled, out):
        countries = {o.country for o in others}
        if len(countries) != 1 or c.country in countries or None in countries:
            continue
        (home,) = countries
        if not any(o.kind in TOWN_KINDS and o.population >= CITY_WITH_DISTRICTS for o in others) or any(
                x.country == home for x in it.candidates):
            continue
        if all(distance_km(o.lat, o.lon, c.lat, c.lon) > FAR_NAMESAKE_KM for o in others):
            out.add(id(it))
    return out



def _small_towns(settled: Sequence[Any], out: set[int], kind_word_denies: bool = False
                 ) -> Iterator[tuple[Any, Any, list[Any]]]:
    """Each settled item placed at a small town (below FAR_NAMESAKE_POP) with nothing narrowing it (no container,
    kind word or demonym), with its place and the places of the story's other names (not those already in ``out``,
    read as the loop goes). With ``kind_word_denies``, a kind word that says the name is not a town (``other_kind``)
    narrows nothing."""
    for it in settled:
        c = it.best
        if (c.kind not in TOWN_KINDS or c.population >= FAR_NAMESAKE_POP or it.note or it.demonym
                or (it.hint is not None and not (kind_word_denies and other_kind(it.hint, c.kind)))):
            continue
        key = it.text.lower()
        yield it, c, [o.best for o in settled if o.text.lower() != key and id(o) not in out]

FOCUS_SHARE = 0.8  # a story is about one country when this share of its other named places lie in it ...
FOCUS_MIN = 3  # ... and at least this many
STRAY_KM = 500.0  # a small foreign namesake this far from every place of such a story is no place of it


def stray_namesakes(items: Sequence[Any]) -> set[int]:
    """Items whose place is a small town (below FAR_NAMESAKE_POP) of a country the story names nowhere
    else, in a story about one country (FOCUS_SHARE of its other places, at least FOCUS_MIN, lie in it),
    far (STRAY_KM) from every other place of the story, with no candidate in that country: a village or
    river of the story the gazetteer lacks that only a namesake abroad bears ("the villages of Nodin and
    Soro" in Burkina Faso -> Soro, Odisha; the Barak river in Manipur -> Bahārak, Afghanistan). Unlike
    :func:`far_namesakes`, the story needs no city and may name one place elsewhere (an NGO's dateline);
    placed as local features (geo.context.place_feature: no place at all lost more of the places corpus,
    where the story's town is often right). A name narrowed by a container, a kind word or a demonym is
    left alone, but not by a kind word that says it is no town ("the Jiri and Barak rivers" -> Bahārak; "Mugi
    district" in a Papua story -> Mugi, Dagestan): that word speaks against the namesake, not for it. Two such
    namesakes of one country do not vouch for each other (a third small town there does)."""
    settled = [it for it in items if it.best is not None and it.override is None]
    small = {id(c) for _, c, _ in _small_towns(settled, set(), kind_word_denies=True)}
    out: set[int] = set()
    for it, c, others in _small_towns(settled, out, kind_word_denies=True):
        # namesakes abroad do not vouch for each other: another small town of that country, named bare, is no
        # sign the story goes there ("Souq al-Juma" and "Hamza", a man's name, both Uzbek villages in a Tripoli
        # story); a pair at most, more such towns of one country are where the story goes
        fellows = [o for o in others if o.country == c.country and id(o) in small]
        if 0 < len(fellows) < FOCUS_MIN - 1:
            others = [o for o in others if not (o.country == c.country and id(o) in small)]
        if len(others) < FOCUS_MIN or any(o.country == c.country for o in others):
            continue
        counts: dict[str | None, int] = {}
        for o in others:
            counts[o.country] = counts.get(o.country, 0) + 1
        home, n = max(counts.items(), key=lambda kv: kv[1])
        if home is None or n < FOCUS_MIN or n < FOCUS_SHARE * len(others):
            continue
        if any(x.country == home for x in it.candidates):
            continue
        if all(distance_km(o.lat, o.lon, c.lat, c.lon) > STRAY_KM for o in others):
            out.add(id(it))
    return out


# the kinds a kind word written next to a name allows ("the X river" a river; "X province" a division or region)
_KIND_WORD_ALLOWS = {PlaceKind.ADMIN1: {PlaceKind.ADMIN1, PlaceKind.REGION}, PlaceKind.ADMIN2: {PlaceKind.ADMIN2, PlaceKind.REGION}}


def other_kind(hint: PlaceKind, kind: PlaceKind | None) -> bool:
    """The kind word next to a name (``hint``: "river", "district", "province") says it is not a place of the
    candidate's ``kind`` (a river's or a district's name borne by a village abroad); a settlement word or a
    kind the candidate is says nothing against it."""
    if hint == PlaceKind.SETTLEMENT or kind is None:
        return False
    return kind not in _KIND_WORD_ALLOWS.get(hint, {hint})
