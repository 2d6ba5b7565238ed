"""What the words around a toponym say about it: containers, datelines and local features.

- **Containers decide.** "X, Donetsk", "X (Kharkiv oblast)", "near X in the Zaporizhzhia
  region": the division written next to a name contains it. The name takes its candidate
  inside that division; the division is the division, not the city of the same name; and a
  name with no candidate inside it (a village below the gazetteer's threshold, or known only
  as a namesake elsewhere) is placed at the division itself, with the division's precision.
- **Datelines are where the reporter was**, not where anything happened ("KYIV, Sept 11
  (Reuters) - "). Places inside one are marked so that events never take them.
- **Local features inherit their town.** A street, square, church or district the gazetteer
  does not know is placed at the most specific place the article puts it in (precision
  "near"), never at a partial-word match elsewhere ("Royal Street" is not Royal City).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from frontlines.stages import doc_text
from frontlines.geo.coherence import TOWN_KINDS
from frontlines.geo.postal import distance_km
from frontlines.geo.gazetteer import Candidate
from frontlines.geo.lexicon import COMPASS_WORDS, FEATURE_HEADS, KIND_WORDS
from frontlines.geo.recognise import SOFT_SIGN_WORD
from frontlines.geo.relative import NEAR_NOUNS
from frontlines.records import Evidence, Place, PlaceKind, Precision

DATELINE_REASON = "dateline"  # Place.reason of a place named in a dateline starts with this

_CONTAINER_KINDS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY)
# labels an unknown village never gets (the small model tags such names ORG, PERSON or GPE at random)
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW",
                              "LANGUAGE"})
_DIVISION_WORDS = frozenset(w for w, k in KIND_WORDS.items() if k in ("admin1", "admin2"))
# labels the small model gives unknown village names ("retake Robotyne in Zaporizhzhia region" as a
# LANGUAGE): such a name before its division counts only where the gazetteer knows it inside it
_UNSURE_LABELS = frozenset({"LANGUAGE"})
_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "township", "locality"})
_PRECISION_OF = {PlaceKind.ADMIN1: Precision.ADMIN1, PlaceKind.ADMIN2: Precision.ADMIN2,
                 PlaceKind.COUNTRY: Precision.COUNTRY}
# a name with a known candidate this large is a real place even with no candidate in the
# container ("Kyiv, Kharkiv and Odesa" is a list, not "Kyiv in Kharkiv oblast")
KNOWN_POP = 20_000

def in_dateline(place: Place) -> bool:
    """True for a place named in a dateline (where the reporter filed from)."""
    return place.reason.startswith(DATELINE_REASON)


@dataclass(frozen=True, slots=True)
class Contained:
    """A name and the division written next to it."""

    inner: int | None  # index of the inner item, None when the name is not in the gazetteer
    outer: int  # index of the container item
    start_char: int  # the inner name's span (also for an unknown name)
    end_char: int
    listed: bool = False  # "X, R": may also be a list of places rather than a place and its division
    said_in: bool = False  # "X in (the) R": X is inside R, whatever else bears X's name
    possessive: bool = False  # "R's X", "R region's X": the division written before the name, as its owner
    known_only: bool = False  # an unknown X is a place only where the gazetteer knows it inside R


def _between(doc: Any, a_end: int, b_start: int) -> str:
    return doc_text(doc)[a_end:b_start]


def _list_continues(doc: Any, tok_end: int, starts: frozenset[int]) -> bool:
    """The container is followed by more of a list (", Kramatorsk", "and Izium")."""
    k = tok_end
    if k < len(doc) and doc[k].lower_ in _DIVISION_WORDS:
        k += 1
    if k + 1 < len(doc) and doc[k].text in (",", "and", "or") and (k + 1 in starts or (
            doc[k + 1].is_title and doc[k + 1].pos_ == "PROPN")):
        return True
    return False


def _modifies_noun(doc: Any, tok_end: int) -> bool:
    """'Kharkiv governor', 'Donetsk People's Republic': the name modifies a following noun."""
    k = tok_end
    if k < len(doc) and doc[k].lower_ in _DIVISION_WORDS:
        return False
    return k < len(doc) and (doc[k].tag_ == "POS" or (doc[k].pos_ in ("NOUN", "PROPN") and not doc[k].is_punct))


def find_containers(doc: Any, spans: Sequence[tuple[int, int, int, int]], has_division: Sequence[bool],
                    has_subdivision: Sequence[bool], person_tokens: frozenset[int],
                    division_first: Sequence[bool] | None = None) -> list[Contained]:
    """Pairs of (name, division written next to it).

    ``spans``: per item, (start_tok, end_tok, start_char, end_char) in text order;
    ``has_division``: per item, whether some candidate is an admin1, admin2 or country;
    ``has_subdivision``: the same for admin1 or admin2 only (an unknown name needs one);
    ``division_first``: per item, whether its likeliest candidate is a division ("in Mali", "in
    North Darfur" contain without a kind word; "in New Orleans" does not).
    Patterns: "X, R" (R at the end of its list, not modifying a noun), "X (R ...)",
    "X in (the) (central|northern ...) R (region|oblast|province)", "X, in the R department". X may be a name the gazetteer does not know: a run
    of capitalised words right after a preposition, a verb or "village of".
    """
    starts = frozenset(s[0] for s in spans)
    taken = {t for s in spans for t in range(s[0], s[1])}
    out: list[Contained] = []
    for j, (js, je, jcs, jce) in enumerate(spans):
        if not has_division[j]:
            continue
        after_kind = je < len(doc) and doc[je].lower_ in _DIVISION_WORDS
        # the separator before R and which patterns it allows
        listed = said_in = False
        if js >= 1 and doc[js - 1].text == ",":
            if _list_continues(doc, je, starts) or _modifies_noun(doc, je):
                continue
            inner_end = js - 1
            listed = True
        elif js >= 1 and doc[js - 1].text == "(":
            inner_end = js - 1
        else:
            said_in = True
            at = _in_division(doc, js)
            if at is None or _modifies_noun(doc, je) or not (
                    after_kind or doc[je - 1].lower_ in _DIVISION_WORDS or (division_first and division_first[j])):
                continue
            inner_end = at
            if inner_end >= 1 and doc[inner_end - 1].text == ",":
                inner_end -= 1  # "the town of Pont-Sonde, in the Artibonite department"
        # "Storozheve village, Donetsk": a settlement noun may stand between the name and its division
        if inner_end >= 2 and doc[inner_end - 1].lower_ in _SETTLEMENT_NOUNS and doc[inner_end - 2].is_title:
            inner_end -= 1
        # the inner name: a known item ending right there, or an unknown capitalised run
        prev = next((i for i in range(j - 1, -1, -1) if spans[i][1] == inner_end), None)
        if prev is not None:
            out.append(Contained(prev, j, spans[prev][2], spans[prev][3], listed, said_in))
            continue
        if not has_subdivision[j]:
            continue  # "X, Ukraine" with X unknown says too little to place X
        k = inner_end
        while k - 1 >= 0 and inner_end - (k - 1) <= 4 and _name_token(doc[k - 1]) and (k - 1) not in taken:
            k -= 1
        while k < inner_end and doc[k].text in ("-", "'", "\u2019"):
            k += 1
        if k == inner_end or not (doc[k].is_title or _name_token(doc[k])) or any(
                t in person_tokens or doc[t].ent_type_ in _NOT_NAME_LABELS - _UNSURE_LABELS for t in range(k, inner_end)):
            continue
        if not _introduced(doc, k):
            continue
        unsure = any(doc[t].ent_type_ in _UNSURE_LABELS for t in range(k, inner_end))
        out.append(Contained(None, j, doc[k].idx, doc[inner_end - 1].idx + len(doc[inner_end - 1].text), listed,
                           said_in, known_only=unsure))
    out.extend(_possessive_containers(doc, spans, has_division, has_subdivision, person_tokens, taken))
    return out


def _possessive_containers(doc: Any, spans: Sequence[tuple[int, int, int, int]], has_division: Sequence[bool],
                           has_subdivision: Sequence[bool], person_tokens: frozenset[int],
                           taken: set[int]) -> Iterator[Contained]:
    """"Zaporizhzhia's Orikhiv", "Kharkiv region's Kozacha Lopan", "Russia's Shebekino": a division
    (or country) whose possessive stands right before a name owns it as its container. The name is a
    known item starting there, or a run of capitalised words that counts only where the gazetteer
    knows it inside the division ("Kherson region's Governor Prokudin" is no place)."""
    n = len(doc)
    by_start = {s[0]: i for i, s in enumerate(spans)}
    for j, (_js, je, _jcs, _jce) in enumerate(spans):
        if not has_division[j]:
            continue
        k = je
        if k < n and doc[k].lower_ in _DIVISION_WORDS:
            k += 1
        if not (k + 1 < n and doc[k].tag_ == "POS"):
            continue
        k += 1
        inner = by_start.get(k)
        if inner is not None and inner != j:
            yield Contained(inner, j, spans[inner][2], spans[inner][3], possessive=True)
            continue
        if not has_subdivision[j]:
            continue
        end = k
        while end < n and end - k < 4 and end not in taken and (
                _name_token(doc[end]) and doc[end].text not in ("-", "'", "\u2019")
                or (doc[end].text == "-" and end + 1 < n and _name_token(doc[end + 1]) and doc[end].whitespace_ == "")):
            end += 1
        if end == k or not doc[k].text[:1].isupper() or any(
                t in person_tokens or doc[t].ent_type_ in _NOT_NAME_LABELS - _UNSURE_LABELS for t in range(k, end)):
            continue
        yield Contained(None, j, doc[k].idx, doc[end - 1].idx + len(doc[end - 1].text), possessive=True,
                        known_only=True)


def _in_division(doc: Any, js: int) -> int | None:
    """Where the name before "in (the) (central|northern ...) R" ends, R being the division at token
    ``js`` ("Moura in central Mali", "Kabkabiya in North Darfur", "X in the Donetsk region"); None
    when no "in" stands right before R."""
    k = js - 1
    if k >= 0 and doc[k].lower_ in COMPASS_WORDS | {"central"}:
        k -= 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k if k >= 1 and doc[k].lower_ == "in" else None


def _name_token(tok: Any) -> bool:
    return (tok.is_title and tok.is_alpha) or tok.text in ("-", "'", "\u2019") or (
        (tok.is_alpha or bool(SOFT_SIGN_WORD.match(tok.text))) and tok.text[:1].isupper())


_INTRO_VERBS = frozenset("""
shell strike hit attack bomb target capture take seize liberate enter retake recapture storm
clash fight advance repel shoot kill raid occupy control hold reach approach besiege encircle
""".split())


def _introduced(doc: Any, k: int) -> bool:
    """An unknown name counts as a place only where a place is expected: after a preposition,
    a verb of attack or movement, or a settlement noun ("the village of X")."""
    if k == 0:
        return False
    prev = doc[k - 1]
    if prev.lower_ == "of" and k >= 2 and (doc[k - 2].lower_ in _SETTLEMENT_NOUNS or doc[k - 2].lower_ in NEAR_NOUNS):
        return True  # "the village of X", "the outskirts of X"
    if prev.lower_ in _SETTLEMENT_NOUNS:
        return True
    if prev.pos_ == "ADP" and prev.lower_ not in ("of", "by", "with", "for", "than", "as", "like"):
        return True
    # any other verb's object with a division written after it ("retook Yahidne, Chernihiv Oblast":
    # the small model's lemmas miss irregular forms), unless the verb introduces a speaker
    return prev.pos_ == "VERB" and (prev.lemma_.lower() in _INTRO_VERBS or prev.lemma_.lower() not in _SPEAKER_VERBS)


_SPEAKER_VERBS = frozenset("say tell told quote cite call name ask thank accuse blame".split())


def container_candidate(container: Sequence[Candidate], inner: Sequence[Candidate]) -> tuple[Candidate | None, Candidate | None]:
    """The division (and the inner candidate inside it, if any) for a contained pair.

    Among the container's division candidates, the first that holds one of the inner's
    candidates wins, with the most likely such inner candidate; with none inside, the first
    admin1 (the most populous), and no inner candidate.
    """
    divisions = [c for c in container if c.kind in _CONTAINER_KINDS]
    for d in divisions:
        inside = [c for c in inner if inside_division(c, d)]
        if inside:
            return d, inside[0]
    firsts = [d for d in divisions if d.kind == PlaceKind.ADMIN1] or divisions
    return (firsts[0] if firsts else None), None


def inside_division(c: Candidate, d: Candidate) -> bool:
    if c.gid == d.gid:
        return False
    if d.kind == PlaceKind.COUNTRY:
        return c.country == d.country and c.kind != PlaceKind.COUNTRY
    if d.kind == PlaceKind.ADMIN1:
        return c.admin1_gid == d.gid
    return c.admin2_gid == d.gid


def known_elsewhere(inner: Sequence[Candidate]) -> bool:
    """A large place by this name exists: the pair is probably a list, not a container."""
    return any(c.main and (c.population >= KNOWN_POP or c.kind in _CONTAINER_KINDS) for c in inner)


def too_big_to_be_inside(inner: Sequence[Candidate]) -> bool:
    """"X in R" with none of X's candidates in R: X is a country, a first-order division or a
    large town elsewhere, which R cannot hold (a village's namesake abroad can be)."""
    return any(c.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1) or (c.main and c.population >= KNOWN_POP)
               for c in inner)


def placed_in_division(article_id: str, text: str, start: int, end: int, division: Candidate) -> Place:
    """A name with no candidate inside the division written next to it: placed at the division."""
    # a division's own label is its English name ("Yunnan" for "Yunnan Sheng"), as on the places inside it
    admin1 = (division.admin1 or division.name) if division.kind == PlaceKind.ADMIN1 else division.admin1
    return Place(
        text=text,
        evidence=Evidence(article_id=article_id, start=start, end=end, text=text),
        name=text, gazetteer_id=None, kind=PlaceKind.SETTLEMENT, lat=division.lat, lon=division.lon,
        admin1=admin1, country=division.country, precision=_PRECISION_OF.get(division.kind, Precision.ADMIN1),
        reason=f"{text!r} not known in {division.name}: placed at {division.name}, the division written next to it",
        score=0.0,
    )


def feature_place(article_id: str, text: str, start: int, end: int, anchor: Candidate, how: str) -> Place:
    """A local feature placed at the town the article puts it in."""
    return Place(
        text=text,
        evidence=Evidence(article_id=article_id, start=start, end=end, text=text),
        name=f"{text} ({anchor.name})", gazetteer_id=None, kind=PlaceKind.FACILITY, lat=anchor.lat, lon=anchor.lon,
        admin1=anchor.admin1, country=anchor.country, precision=Precision.NEAR, anchor=anchor.name,
        reason=f"local feature not in the gazetteer: placed at {anchor.name}, {how}", score=0.0,
    )


def came_from(root: Any, events: set[int]) -> bool:
    """A place named as where people or things come from ("peacekeepers and soldiers from South
    Africa, Malawi and Uruguay have been killed"): a "from" phrase of a noun that tells no event
    (``events``: the token indices of event words), not of a verb ("fired from Belgorod") nor of an
    event's noun ("the withdrawal from Kherson")."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "from":
        return False
    owner = prep.head
    return owner.pos_ in ("NOUN", "PROPN") and owner.i not in events


def feature_name(text: str) -> bool:
    """A name of two words or more ending in a local feature's head ("Dundas Street", "Guarulhos Airport")."""
    words = text.split()
    return len(words) > 1 and words[-1].lower().strip(".") in FEATURE_HEADS


def _holds_words(name: str, town: str) -> bool:
    """``town`` is a run of whole words inside ``name`` after its first word ("Wadi Derna" holds Derna)."""
    words, part = name.lower().split(), town.lower().split()
    return bool(part) and any(words[k:k + len(part)] == part for k in range(1, len(words) - len(part) + 1))


def place_feature(article_id: str, f: Any, items: Sequence[Any], far: set[int], text: str = "",
                  sent_start: int | None = None, datelines: Sequence[tuple[int, int]] = ()) -> Place | None:
    """A local feature at the town the article puts it in: one its name begins with ("Goma
    international airport") or holds ("Wadi Derna"), the one whose possessive it follows ("Chicago's
    Pilsen", "the capital's Tanghin district"), one named right after it ("Royal Street in New Orleans"), else the
    nearest such place before it in its sentence (``sent_start``: the token where the feature's sentence starts),
    else the place the story is about (:func:`story_town`; ``datelines``: the character spans of the story's
    datelines), else the first after it (never a name itself placed as a feature)."""
    towns = [it for it in items if it.best is not None and it.best.kind in TOWN_KINDS and it.override is None
             and not it.partial and id(it) not in far]
    # "Goma international airport": a town of the article its own name begins with
    own = [it for it in towns if f.text.lower().startswith(it.text.lower() + " ")]
    if own:
        return feature_place(article_id, f.text, f.start_char, f.end_char, own[0].best,
                                     "the place its name begins with")
    # "Chicago's Pilsen", "the capital's Tanghin district": the town that owns it
    owner = _owner(f, towns, text)
    if owner is not None:
        return feature_place(article_id, f.text, f.start_char, f.end_char, owner.best,
                             "the place whose possessive it follows")
    # "Wadi Derna", "University of Louisville Hospital": a town of the article named inside its name
    held = [it for it in towns if _holds_words(f.text, it.text)]
    if held:
        return feature_place(article_id, f.text, f.start_char, f.end_char, held[0].best,
                             "the place its name holds")
    after = [it for it in towns if it.start_char >= f.end_char]
    if after and after[0].start_char - f.end_char <= 12:
        return feature_place(article_id, f.text, f.start_char, f.end_char, after[0].best,
                                     "the place named with it")
    before = [it for it in towns if it.end_char <= f.start_char]
    if before:
        if sent_start is None or before[-1].mention.start >= sent_start:
            return feature_place(article_id, f.text, f.start_char, f.end_char, before[-1].best,
                                 "the nearest place named before it" + (" in its sentence" if sent_start is not None else ""))
        about = story_town(before, datelines)
        if about is not None:
            return feature_place(article_id, f.text, f.start_char, f.end_char, about.best,
                                 "the place the story is about")
        return feature_place(article_id, f.text, f.start_char, f.end_char, before[-1].best,
                             "the nearest place named before it")
    if after:
        return feature_place(article_id, f.text, f.start_char, f.end_char, after[0].best,
                                     "the first place named after it")
    return _feature_in_division(article_id, f, items, far)


def story_town(towns: Sequence[Any], datelines: Sequence[tuple[int, int]] = ()) -> Any | None:
    """The town a story is about, of its ``towns`` (items, in the order the story names them): the first it
    names outside a dateline (where the reporter filed from, not what the story is about: ``datelines``, character
    spans); None when every one is in a dateline. A street, square or building in a sentence that names no town
    is the story's ("Police in Perth charged a man over a shooting in Mirrabooka. Neighbours on Sudbury Road said
    ..."), not the last suburb's or the last town's the story went on to mention."""
    return next((it for it in towns if not any(a <= it.start_char and it.end_char <= b for a, b in datelines)), None)


def _feature_in_division(article_id: str, f: Any, items: Sequence[Any], far: set[int]) -> Place | None:
    """A local feature of a story that names no town, only divisions ("Avenida Paulista" in a story about
    São Paulo state): placed at the division named nearest before it, else the first after it, at the
    division's precision (a street is somewhere in it, not at its centre)."""
    divisions = [it for it in items if it.best is not None and it.best.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
                 and it.override is None and not it.partial and id(it) not in far]
    before = [it for it in divisions if it.end_char <= f.start_char]
    after = [it for it in divisions if it.start_char >= f.end_char]
    chosen = before[-1] if before else after[0] if after else None
    if chosen is None:
        return None
    place = feature_place(article_id, f.text, f.start_char, f.end_char, chosen.best,
                          "the division the story names " + ("before it" if before else "after it"))
    return replace(place, precision=_PRECISION_OF.get(chosen.best.kind, Precision.ADMIN1))


_POSSESSIVE = ("'s ", "\u2019s ")
OWNED_NEAR_KM = 100.0  # a place a town's possessive owns lies this close to it, else it is the town's district
OWNED_POP = 500_000  # ... unless it is a city this large or a capital ("Moscow's Kyiv offensive")


def _owner(f: Any, towns: Sequence[Any], text: str) -> Any | None:
    """The town whose possessive stands right before ``f`` ("Chicago's Pilsen"); for "the capital's",
    the story's first capital; for "the city's" or "the town's", the town named last before it."""
    if not text:
        return None
    before = text[max(0, f.start_char - 14):f.start_char]
    if not before.endswith(_POSSESSIVE):
        return None
    owner = before[:-3].lower()
    if owner.endswith("the capital"):
        return next((it for it in towns if it.best.capital), None)
    if owner.endswith(("the city", "the town")):  # the story's town named last before it
        return next((it for it in reversed(towns) if it.end_char <= f.start_char), None)
    return next((it for it in towns if it.end_char == f.start_char - 3), None)


def owned_far(text: str, items: Sequence[Any]) -> set[int]:
    """Items written right after a town's possessive ("Chicago's Pilsen neighbourhood") whose place lies
    far from that town (Plzeň): what a town owns is its district or feature, which the gazetteer lacks;
    such items are placed as local features at the town (``place_feature``). A capital or a large city
    far away is no district ("Moscow's Kyiv offensive"), and a division or country owner is a container
    (``find_containers``)."""
    out: set[int] = set()
    towns = [it for it in items if it.best is not None and it.best.kind in TOWN_KINDS and it.override is None
             and not it.partial]
    for it in towns:
        c = it.best
        if c.capital or c.population >= OWNED_POP or it.note:
            continue
        owner = _owner(it, towns, text)
        if owner is None or owner is it:
            continue
        o = owner.best
        if distance_km(c.lat, c.lon, o.lat, o.lon) > OWNED_NEAR_KM:
            out.add(id(it))
    return out
