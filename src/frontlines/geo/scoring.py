"""Scoring: each mention's candidates by prior (population, kind, a kind word beside the name, "the"), then by what
the article's other names say (their countries and divisions, a container after a comma, the outlet's country,
the peoples named), counted again from the settled names, then by closeness to the other names' likely places
(geo.coherence); each mention settles on its best candidate, with the reasons. Split from geo.resolve."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from frontlines.stages import doc_text
from frontlines.geo.coherence import PROXIMITY, coherence
from frontlines.geo.eponyms import no_nearer_than_its_town
from frontlines.geo.gazetteer import Candidate, Gazetteer, normalise_name
from frontlines.geo.items import Item
from frontlines.geo.lexicon import KIND_WORDS
from frontlines.geo.theatres import war_lands
from frontlines.geo.variants import spelling_of
from frontlines.records import PlaceKind

# --- scoring weights (general, not fitted to any one corpus) -----------------
KIND_PRIOR = {
    PlaceKind.COUNTRY: 4.0, PlaceKind.CONTINENT: 4.0, PlaceKind.SEA: 5.0, PlaceKind.REGION: 5.0,
    PlaceKind.FACILITY: 5.0, PlaceKind.ADMIN1: 1.5, PlaceKind.ADMIN2: 0.5, PlaceKind.SETTLEMENT: 0.0,
    PlaceKind.RIVER: 2.0,  # a river shares its name with a city ("Dnipro"): it needs a cue
}
ALT_NAME_PENALTY = 1.5  # matched only by an alternate name
# found only by sound while the article's country has a place bearing the name as written ("Robotyne" beside
# Rybotyn): two orders of population do not make the look-alike the place meant, the article's context may
SOUND_ALIKE_PENALTY = 3.0
CAPITAL_BONUS = 2.5  # "Washington" alone is the capital more often than the state
EPONYM_PENALTY = 3.0  # "Kherson" is the city, "Kherson region" the oblast
HINT_BONUS = 6.0
HINT_MISMATCH = 3.0
ARTICLE_BONUS = 4.0  # "the Dnipro", "the Crimea": rivers and regions take an article, towns do not
COUNTRY_CONTEXT = 5.0  # times the share of the article's other places in this country
ADMIN1_CONTEXT = 3.0
ADMIN2_CONTEXT = 2.0
CONTAINER_BONUS = 5.0  # "Alexandria, Louisiana": the next name contains this candidate
OUTLET_COUNTRY = 1.5  # the outlet's country-code domain (".co.uk", ".ca"): its home country
_HINT_COMPATIBLE = {    PlaceKind.ADMIN1: {PlaceKind.ADMIN1, PlaceKind.REGION},
    PlaceKind.ADMIN2: {PlaceKind.ADMIN2},
    PlaceKind.RIVER: {PlaceKind.RIVER},
    PlaceKind.SEA: {PlaceKind.SEA},
    PlaceKind.SETTLEMENT: {PlaceKind.SETTLEMENT},
}
# read by the per-candidate loops below: each ``PlaceKind.X`` costs an EnumType __getattr__ (~0.1 µs)
_COUNTRY, _ADMIN1, _ADMIN2 = PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2


def _prior(c: Candidate, it: Item, seats: frozenset[str]) -> tuple[float, list[str]]:
    why: list[str] = []
    s = math.log10(c.population + 10) + KIND_PRIOR.get(c.kind, 0.0)
    if not c.main and not spelling_of(it.text, c.name):
        s -= ALT_NAME_PENALTY
    if c.gid in it.sounded:
        s -= SOUND_ALIKE_PENALTY
    if c.capital:
        s += CAPITAL_BONUS
    if it.hint is not None:
        if c.kind in _HINT_COMPATIBLE.get(it.hint, {it.hint}):
            s += HINT_BONUS
            why.append(f"{it.hint.value} word next to the name")
        else:
            s -= HINT_MISMATCH
    if c.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and it.hint not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
        if c.gid in seats:
            s -= EPONYM_PENALTY  # the division is named after its capital: the bare name is the city
    if it.article and c.kind in (PlaceKind.RIVER, PlaceKind.SEA, PlaceKind.REGION):
        s += ARTICLE_BONUS
        why.append("'the' before the name")
    return s, why


# (name, id of its candidates, kind word, "the") -> (the candidates, their priors): the same name
# with the same candidates (the gazetteer hands out one tuple per name) has the same priors in every
# article. The entry holds the tuple, so that its id names no other tuple while it is kept.
_PRIORS: dict[tuple[Any, ...], tuple[tuple[Candidate, ...], list[tuple[float, list[str]]]]] = {}
PRIORS_MAX = 200_000  # candidates' priors remembered, over all names (a long-running watcher meets ever new ones)
_priors_held = [0]  # how many are held now


def _priors_of(it: Item) -> list[tuple[float, list[str]]]:
    """Every candidate's prior (shared: never to be changed in place)."""
    memo = (it.text, id(it.candidates), it.hint, it.article)
    hit = _PRIORS.get(memo)
    if hit is not None and hit[0] is it.candidates:
        return hit[1]
    # divisions that hold a settlement of the same name (the division is named after it)
    seats = frozenset(
        gid for o in it.candidates if o.kind == PlaceKind.SETTLEMENT for gid in (o.admin1_gid, o.admin2_gid) if gid
    ) | _named_after_a_town(it.candidates)
    found = [_prior(c, it, seats) for c in it.candidates]
    if _priors_held[0] + len(found) > PRIORS_MAX:
        _PRIORS.clear()
        _priors_held[0] = 0
    _PRIORS[memo] = (it.candidates, found)
    _priors_held[0] += len(found)
    return found


def _named_after_a_town(cands: Sequence[Candidate]) -> frozenset[str]:
    """Divisions whose name is a settlement candidate's name and a kind word ("Kyiv Oblast" beside the
    city of Kyiv, which is a division of its own and so not inside it): named after the town, so that
    the bare name is the town, as for a division that holds its eponym."""
    towns = {(normalise_name(o.name), o.country) for o in cands if o.kind == PlaceKind.SETTLEMENT and o.population}
    out = set()
    for c in cands:
        if c.kind == PlaceKind.ADMIN1:  # (a county is often meant by its bare name: "Douglas" for Douglas County)
            words = normalise_name(c.name).split()
            if len(words) > 1 and words[-1] in KIND_WORDS and (" ".join(words[:-1]), c.country) in towns:
                out.add(c.gid)
    return frozenset(out)


def choose(doc: Any, items: list[Item], gazetteer: Gazetteer, outlet: str | None, ents: Sequence[Any],
            occupiers: Mapping[str, str] | None = None) -> None:
    priors = [_priors_of(it) for it in items]
    # pass 1: the best candidate by prior alone, to learn what the article is about.
    # One vote per distinct name: "Dublin" said ten times is no evidence for Ireland.
    votes: dict[str, tuple[Candidate, float]] = {}
    keys: list[str] = []
    for it, ps in zip(items, priors):
        key = normalise_name(it.text)
        keys.append(key)
        if key in votes:
            continue
        # the first best prior and its margin over the next best (what a stable sort by prior would give)
        scores = [p for p, _ in ps]
        top = max(scores)
        first = scores.index(top)
        margin = top - max(scores[:first] + scores[first + 1:]) if len(scores) > 1 else 9.0
        votes[key] = (it.candidates[first], 1.0 if margin >= 1.0 else 0.5)
    nations = war_lands(doc, _nations(doc, ents, gazetteer), gazetteer, occupiers)
    scored = _context_pass(doc, items, keys, priors, votes, nations, outlet)
    # pass 2 again, with what the first round of context settled as the votes: a name that
    # looks like one place alone ("Georgia", the country) but is another among the article's
    # places (the state) then lends its own divisions to the others ("Atlanta")
    revote = dict(votes)
    changed: set[str] = set()
    for key, it in zip(keys, items):
        if key in changed or it.best is None or it.best is votes[key][0]:
            continue
        revote[key] = (it.best, votes[key][1])  # the same weight: only what the name stands for changed
        changed.add(key)
    if changed:
        # only the names whose scores the changed votes touch are scored again
        touched = _touched_by(votes, revote, changed)
        asked: dict[tuple[str, int], bool] = {}  # a name said again with the same candidates: asked once
        def rescore(it: Item, key: str) -> bool:
            if key in changed:
                return True
            memo = (key, id(it.candidates))  # (the items hold their candidates: no id is reused meanwhile)
            hit = asked.get(memo)
            if hit is None:
                hit = asked[memo] = any(c.country in touched or c.admin1_gid in touched or c.admin2_gid in touched
                                        or c.gid in touched for c in it.candidates)
            return hit

        scored = _context_pass(doc, items, keys, priors, revote, nations, outlet, scored, rescore)
    # pass 3: closeness to the article's other places. Local news names the towns around one
    # place, so the namesake near the other names' likely places wins over a larger one far away.
    # Each other name lends its candidates weighted by how likely each is after pass 2 (a name
    # with one candidate, or one clear winner, weighs fully; "Springfield" spreads its weight over
    # its namesakes), so that a cluster of small namesakes ("Alexandria", "Nelson", "Douglas
    # County", "St. Cloud", all in one corner of Minnesota) is found although no name is sure.
    support = coherence(items, keys, scored)
    if support is None:
        return
    for idx, it in enumerate(items):
        if len(it.candidates) == 1:
            continue
        near_row = support.get(keys[idx])
        if near_row is None or len(near_row) != len(it.candidates):
            continue  # (a mention narrowed by a container has candidates of its own)
        best, best_score, best_why = None, -1e9, []
        for c, (score, reasons), near in zip(it.candidates, scored[idx], no_nearer_than_its_town(it, near_row, doc_text(doc))):
            if near > 0:
                score += PROXIMITY * near
                reasons = [*reasons, "near the article's other places"]
            if score > best_score:
                best, best_score, best_why = c, score, reasons
        _settle(it, best, best_score, best_why)


def _touched_by(old: dict[str, tuple[Candidate, float]], new: dict[str, tuple[Candidate, float]],
                changed: set[str]) -> set[str]:
    """The countries and divisions whose vote counts differ between two sets of votes that differ
    only at ``changed`` names."""
    out: set[str] = set()
    for key in changed:
        for votes in (old, new):
            out.update(gid for _, (gid, _w) in _votes(*votes[key]))
    return out


def _context_pass(doc: Any, items: list[Item], keys: list[str], priors: list[list[tuple[float, list[str]]]],
                  votes: dict[str, tuple[Candidate, float]], nations: set[str], outlet: str | None,
                  previous: list[list[tuple[float, list[str]]]] | None = None,
                  rescore: Callable[[Item, str], bool] | None = None) -> list[list[tuple[float, list[str]]]]:
    """Pass 2: each candidate's prior plus what the article's other names say (their votes for
    countries and divisions, a container after a comma, the outlet's country); settles each item
    on its best candidate and returns every candidate's score with its reasons. With ``previous``
    (the scores of a pass with other votes), an item for which ``rescore`` is false keeps its
    previous scores and choice."""
    # weighted votes (floats), so plain dicts rather than Counters (which type their counts as int)
    countries: defaultdict[str, float] = defaultdict(float)
    admin1s: defaultdict[str, float] = defaultdict(float)  # divisions named, or holding a named place
    admin2s: defaultdict[str, float] = defaultdict(float)
    within: defaultdict[str, float] = defaultdict(float)  # places of the article inside each division
    for c, w in votes.values():
        for key_counter, value in _votes(c, w):
            (countries if key_counter == "country" else admin1s if key_counter == "admin1" else
             admin2s if key_counter == "admin2" else within)[value[0]] += value[1]
    # peoples named in the article ("Israeli troops", "Palestinian officials") say which
    # countries it is about, as a place there would: one half-vote per distinct nation
    for iso3 in nations:
        countries[iso3] += 0.5
    total = sum(countries.values()) or 1.0
    scored: list[list[tuple[float, list[str]]]] = [[] for _ in items]
    # pass 2: add the article's other places (without the name's own vote)
    own_by_key: dict[str, _OwnVotes] = {}  # one name's own votes, once per name
    # a name said again with the same candidates, kind word, article and container scores the same
    done: dict[tuple[Any, ...], list[tuple[float, list[str]]]] = {}
    for idx, (it, ps) in enumerate(zip(items, priors)):
        if previous is not None and rescore is not None and not rescore(it, keys[idx]):
            scored[idx] = previous[idx]
            continue
        nxt = items[idx + 1] if idx + 1 < len(items) else None
        container = _container(doc, it, nxt)
        memo = (keys[idx], id(it.candidates), it.hint, it.article, container.gid if container else None, it.note)
        again = done.get(memo)
        if again is not None:
            scored[idx] = again
            k = max(range(len(again)), key=lambda j: again[j][0])  # the first best, as below
            _settle(it, it.candidates[k], again[k][0], again[k][1])
            continue
        own = own_by_key.get(keys[idx])
        if own is None:
            own = own_by_key[keys[idx]] = _own_votes(_votes(*votes[keys[idx]]))
        # the votes of the article's other names: a table's count less this name's own (read inline:
        # this loop runs once per candidate of every name)
        own_countries, own_admin1s, own_admin2s, own_within, own_country = own
        rest = total - own_country
        best, best_score, best_why = None, -1e9, []
        for c, (p, why) in zip(it.candidates, ps):
            score = p
            reasons = list(why)
            kind = c.kind
            if c.country:
                n = countries.get(c.country, 0.0) - own_countries.get(c.country, 0)
                if n > 0 and rest > 0:
                    score += COUNTRY_CONTEXT * n / rest
                    reasons.append(f"article names other places in {c.country}")
            if kind != _ADMIN1 and c.admin1_gid:
                n = admin1s.get(c.admin1_gid, 0.0) - own_admin1s.get(c.admin1_gid, 0)
                if n > 0:
                    score += ADMIN1_CONTEXT * min(1.0, n)
                    reasons.append(f"article names {c.admin1}")
            if kind in (_ADMIN1, _ADMIN2):
                inside = within.get(c.gid, 0.0) - own_within.get(c.gid, 0)
                if inside > 0:
                    score += ADMIN1_CONTEXT * min(1.0, inside)
                    reasons.append(f"article names places in {c.name}")
            if kind != _ADMIN2 and c.admin2_gid and (
                    admin2s.get(c.admin2_gid, 0.0) - own_admin2s.get(c.admin2_gid, 0) > 0):
                score += ADMIN2_CONTEXT
                reasons.append("article names its district")
            if container is not None and _inside(c, container):
                score += CONTAINER_BONUS
                reasons.append(f"followed by {container.name}")
            if outlet is not None and c.country == outlet and c.kind != _COUNTRY:
                score += OUTLET_COUNTRY
                reasons.append(f"outlet in {outlet}")
            scored[idx].append((score, reasons))
            if score > best_score:
                best, best_score, best_why = c, score, reasons
        done[memo] = scored[idx]
        _settle(it, best, best_score, best_why)
    return scored


# one name's own votes per gid in each table (country, admin1, admin2, within), and its country votes
_OwnVotes = tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float], float]


def _own_votes(own: list[tuple[str, tuple[str, float]]]) -> _OwnVotes:
    """One name's votes summed per gid in each table, in order (as ``sum`` would), and its country votes."""
    tables: dict[str, dict[str, float]] = {"country": {}, "admin1": {}, "admin2": {}, "within": {}}
    for counter, (gid, w) in own:
        table = tables[counter]
        table[gid] = table.get(gid, 0) + w
    return (tables["country"], tables["admin1"], tables["admin2"], tables["within"],
            sum(v[1] for k, v in own if k == "country"))


def _nations(doc: Any, ents: Sequence[Any], gazetteer: Gazetteer) -> set[str]:
    """The countries of the peoples the article names ("Israeli troops"); a people's name the tagger took
    for a place ("Ukrainian" as GPE) is one too: a demonym is no settlement (the recogniser drops it)."""
    out: set[str] = set()
    text_of = doc_text(doc)
    for ent in ents:
        if ent.label_ not in ("NORP", "GPE"):
            continue
        text = text_of[ent.start_char:ent.end_char]  # Span.text joins the span's tokens again
        iso3 = gazetteer.demonyms.get(normalise_name(text[:-1] if text.endswith("ns") else text))
        if iso3:
            out.add(iso3)  # the code is enough: no query per people named
    return out


def _settle(it: Item, best: Candidate | None, score: float, why: list[str]) -> None:
    it.best = best
    it.score = score
    it.reason = "; ".join(["largest population" if not why else why[0], *why[1:]])
    if len(it.candidates) == 1:
        it.reason = "only candidate"
    if it.note:
        it.reason = f"{it.note}; {it.reason}"


# country-code domains that outlets of any country use
_GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "fm", "ly", "ai", "to", "cc", "ws", "nu", "am", "gg", "la", "im"})


def outlet_country(source: str | None) -> str | None:
    """ISO3 of the outlet's country-code domain ("lfpress.ca" -> CAN, "x.co.uk" -> GBR), else None."""
    if not source:
        return None
    host = source.strip().lower().split("/")[2] if "://" in source else source.strip().lower().split("/")[0]
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return country.alpha_3 if country else None


def _votes(c: Candidate, w: float) -> list[tuple[str, tuple[str, float]]]:
    """What one resolved name says about the article: its country and divisions."""
    out: list[tuple[str, tuple[str, float]]] = []
    if c.country:
        out.append(("country", (c.country, w)))
    if c.kind == _ADMIN1:
        out.append(("admin1", (c.gid, w)))
    elif c.admin1_gid and c.kind != _COUNTRY:
        out.append(("admin1", (c.admin1_gid, w * 0.5)))
    if c.kind == _ADMIN2:
        out.append(("admin2", (c.gid, w)))
    for gid in {c.admin1_gid, c.admin2_gid} - {None, c.gid}:
        out.append(("within", (gid, w)))  # type: ignore[arg-type]
    return out


def _container(doc: Any, it: Item, nxt: Item | None) -> Candidate | None:
    """The place named right after ", " ("Alexandria, La."), if any."""
    if nxt is None or nxt.start_char - it.end_char > 3 or "," not in doc_text(doc)[it.end_char : nxt.start_char]:
        return None
    big = [c for c in nxt.candidates if c.kind in (_COUNTRY, _ADMIN1, _ADMIN2)]
    return big[0] if big else None


def _inside(c: Candidate, container: Candidate) -> bool:
    if container.kind == _COUNTRY:
        return c.country == container.country and c.kind != _COUNTRY
    if container.kind == _ADMIN1:
        return c.admin1_gid == container.gid and c.gid != container.gid
    return c.admin2_gid == container.gid and c.gid != container.gid
