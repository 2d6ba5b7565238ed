"""Toponym recognition over a parsed Doc: spaCy's GPE/LOC entities plus gazetteer n-grams.

Not an EntityRuler with a pattern per name: the gazetteer's key dict answers
"is this n-gram a place name?" in one lookup, so the scan costs a few dict
lookups per capitalised token. Stop-lists and the parser's own tags keep
person names ("Vladimir Putin") and common words ("March", "Mobile") out,
and a single-word PERSON that is in fact a well-known place ("Kherson") is
taken back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


from frontlines.stages import doc_text
from frontlines.geo.columns import DocColumns
from frontlines.geo.lexicon import (
    COMPASS_WORDS,
    CUED_SOURCE,
    CUE_AFTER,
    CUE_OF_NOUNS,
    DISEASE_NOUNS,
    DISEASE_WORDS,
    DOCUMENT_HEADS,
    FEATURE_HEADS,
    FEATURE_SOURCE,
    KIND_WORDS,
    MAX_NGRAM,
    MIN_POP_PERSON,
    MIN_POP_SENT_START,
    MIN_POP_UNTAGGED,
    ORG_SOURCE,
    PLACE_LABELS,
    STORM_WORDS,
    WEAPON_HEADS,
    NEVER_LABELS,
    PlaceLexicon,
    load_place_lexicon,
)
from frontlines.geo.verbs import bombarded as _bombarded
from frontlines.geo.gazetteer import FLAG_CURATED, FLAG_MAIN, FLAG_MAJOR, Gazetteer, normalise_name
from frontlines.geo.owners import owns_a_government
from frontlines.records import PlaceKind


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """A toponym found in the Doc: token span [start, end) and how it was found. Read-only by contract.

    Not ``frozen`` (as ``geo.gazetteer.Candidate``): a frozen dataclass's __init__ costs about 3.5 times
    as much, and the recogniser and the places stage make one per toponym (hashing and equality as before).
    """

    start: int
    end: int
    source: str  # "ner", "gazetteer", "ner+gazetteer", "gold"
    label: str = "GPE"  # what the Doc's entity label becomes


def _is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


_DETERMINERS = frozenset({"the", "a", "an"})  # "The U.S.": the name starts after the article
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$")  # "U.S.", "D.C.", "N.Y."


# a romanised soft sign kept as an apostrophe inside a name: "Olhivs'ke", "Zelenodol's'k"
SOFT_SIGN_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019][^\W\d_]+)+$")


def _wordlike(is_alpha: bool, text: str) -> bool:
    """A word a name may end on: letters, a dotted abbreviation ("U.S.", "St."), or letters with soft signs."""
    return (is_alpha or bool(_DOTTED.match(text)) or (text.endswith(".") and text[:-1].isalpha())
            or bool(SOFT_SIGN_WORD.match(text)))


def find_toponyms(doc: Any, gazetteer: Gazetteer | None, lexicon: PlaceLexicon | None = None) -> list[Mention]:
    """Every toponym span in ``doc``, longest first where they overlap, in text order."""
    lexicon = lexicon or load_place_lexicon()
    found: list[Mention] = []
    # spaCy builds the entity spans on every access of doc.ents: once here for the whole scan (the
    # entity of each gazetteer n-gram was looked up in a new tuple: a fifth of the recogniser's time)
    ents = tuple(doc.ents)
    # last words of full person names ("Barack Obama"): a later lone "Obama" is the person
    surnames = frozenset(
        normalise_name(ent[-1].text) for ent in ents
        if ent.label_ == "PERSON" and len(ent) > 1 and not _CLOCK.fullmatch(ent[0].text)  # not "11:20 Kharkiv"
    )
    # a text written all in lower case gives no capitals to tell names by
    cols = DocColumns(doc, doc_text(doc))  # each word's text, form and offsets read once, and the keys of runs
    lower_case = not any(cols.alpha[k] and _is_cap(cols.texts[k]) for k in range(min(200, cols.n)))
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            start = ent.start
            # "the Dnipro River": the article is not part of the name
            while start < ent.end - 1 and doc[start].lower_ in ("the", "a"):
                start += 1
            if _document(ent):
                continue  # "the Black Sea Grain Initiative" tagged FAC: a named document
            if ent.end - start == 1 and normalise_name(doc[start].text) in (lexicon.common_words | surnames):
                continue  # "Street", "Center" on their own; "Strickland" after "Ted Strickland"
            if not any(_is_cap(doc[k].text) for k in range(start, ent.end)) and not lower_case:
                continue  # "the west bank" of a river: a place name is written with capitals
            if _not_a_place(doc, start, ent.end, lexicon, gazetteer):
                continue
            if gazetteer is not None and _bare_division_code(doc, start, ent.end, gazetteer):
                continue
            if gazetteer is not None and not _gaz_key(cols, start, ent.end, gazetteer) and (
                    any(doc[k].text == "," for k in range(start + 1, ent.end - 1))
                    or _listed_names(cols, start, ent.end, gazetteer) or _located_name(cols, start, ent.end, gazetteer)):
                # "Hlyboke, Kharkiv" run together: a name and its division; "Robotyne and Verbove" as one
                # facility: known names listed (not "the Church of Saints Peter and Paul"). The scan finds them apart
                continue
            if gazetteer is not None and ent.end - start > 1 and KIND_WORDS.get(doc[ent.end - 1].lower_) in (
                    "admin1", "admin2") and (
                    _gaz_key(cols, start, ent.end - 1, gazetteer) and not _gaz_key(cols, start, ent.end, gazetteer)):
                # "Hpakant township" as one entity: the known name before a division's kind word
                found.append(Mention(start, ent.end - 1, "ner", "LOC" if ent.label_ == "LOC" else "GPE"))
                continue
            if ent.label_ == "FAC" and (gazetteer is None or not _gaz_key(cols, start, ent.end, gazetteer)):
                # buildings, roads: a place of their own only when the gazetteer knows them;
                # else a local feature of the town the article is about
                found.append(Mention(start, ent.end, FEATURE_SOURCE, "FAC"))
                continue
            found.append(Mention(start, ent.end, "ner", "LOC" if ent.label_ == "LOC" else "GPE"))
    if gazetteer is not None:
        deferred: list[Mention] = []
        found.extend(_scan(doc, cols, gazetteer, lexicon, surnames, ents, deferred))
        if lower_case:
            found.extend(_scan_lower(doc, gazetteer, lexicon))
        # a cued name may take over an entity the gazetteer does not know ("the area of Golaya
        # Pristan", where the NER took "Golaya" alone), never a known name
        taken = {k for m in found if _gaz_key(cols, m.start, m.end, gazetteer) for k in range(m.start, m.end)}
        found.extend(_cued(doc, cols, gazetteer, taken))
        found.extend(_named_again(cols, gazetteer, found, deferred))
    return [m for m in _longest_first(found) if not _compass(doc, m)]


def _named_again(cols: DocColumns, gazetteer: Gazetteer, found: list[Mention], deferred: list[Mention]) -> list[Mention]:
    """One name, one sense in an article: a known name the entity recogniser took for a person, an
    organisation or a product at one mention ("stormed Mirebalais" tagged PRODUCT, "in Tibu" tagged
    ORG), too small to overrule that label on its own, is the place the article names elsewhere by the
    same words as a place ("the town of Mirebalais"). So is a town of that name inside a first-order
    division the article names ("In Zaporizhzhia Oblast, Russian forces attacked Orikhiv", Orikhiv
    tagged a person): containers decide; and so is a country whose name is also a given name ("Jordan
    vaccinated children", tagged a person) where the article names COUNTRY_NAMED_PLACES places in it. Only mentions that failed for want of population wait here
    (``deferred``); a name neither placed nor contained anywhere stays what the recogniser said."""
    if not deferred:
        return []

    def key(m: Mention) -> str:
        return cols.key(m.start, m.end)

    placed = {key(m) for m in found
              if m.source in ("ner", "gazetteer", CUED_SOURCE) and _gaz_key(cols, m.start, m.end, gazetteer)}
    divisions = {c.admin1_gid for m in found if m.source != ORG_SOURCE
                 for c in gazetteer.lookup(key(m), normalised=True) if c.kind == PlaceKind.ADMIN1 and c.admin1_gid}
    # the countries the article's other names lie in (each name's likeliest place, once per name)
    likeliest = {k: gazetteer.lookup(k, normalised=True) for k in {key(m) for m in found if m.source != ORG_SOURCE}}
    in_country = Counter(cs[0].country for cs in likeliest.values() if cs and cs[0].kind != PlaceKind.COUNTRY)
    return [m for m in deferred if key(m) in placed or any(
        c.admin1_gid in divisions for c in gazetteer.lookup(key(m), normalised=True) if c.kind == PlaceKind.SETTLEMENT)
        or any(c.kind == PlaceKind.COUNTRY and in_country[c.country] >= COUNTRY_NAMED_PLACES
               for c in gazetteer.lookup(key(m), normalised=True))]


COUNTRY_NAMED_PLACES = 2  # a country's name taken for a person is the country when the article names this many places in it


def _located_name(cols: DocColumns, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """The span is a known name and the known place it lies in, run together by the recogniser ("Robotyne in
    Zaporizhzhia Oblast" tagged as one facility): the scan finds the two apart."""
    return any(cols.lowers[k] == "in" and _gaz_key(cols, start, k, gazetteer) and _gaz_key(cols, k + 1, end, gazetteer)
               for k in range(start + 1, end - 1))


def _listed_names(cols: DocColumns, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """The span lists two or more names, each one the gazetteer knows, joined by "and" or "or"."""
    parts: list[tuple[int, int]] = []
    begin = start
    for k in range(start, end + 1):
        if k == end or cols.lowers[k] in ("and", "or"):
            if k == begin:
                return False
            parts.append((begin, k))
            begin = k + 1
    return len(parts) >= 2 and all(_gaz_key(cols, a, b, gazetteer) for a, b in parts)


def _document(ent: Any) -> bool:
    """A multi-word named entity whose last word names a document or an agreement (DOCUMENT_HEADS)."""
    return bool(ent) and len(ent) > 1 and ent[-1].lower_ in DOCUMENT_HEADS


def _compass(doc: Any, m: Mention) -> bool:
    """A lone compass word ("the South", "South:"), not followed by a kind word."""
    if m.end - m.start != 1 or doc[m.start].lower_ not in COMPASS_WORDS:
        return False
    return not (m.end < len(doc) and doc[m.end].lower_ in KIND_WORDS)


def _cued(doc: Any, cols: DocColumns, gazetteer: Gazetteer, taken: set[int]) -> Iterable[Mention]:
    """Capitalised names the words around them make places, though neither the NER nor the
    gazetteer's keys took them: after "the village / town / area ... of", or before a kind word or
    an area word ("Novopol region", "Nikolaevka area"). Often a village written in another
    romanisation than the gazetteer's; the resolver looks for it by sound (Gazetteer.sound_alike)
    and drops it when nothing answers."""
    n = cols.n
    texts, lowers = cols.texts, cols.lowers
    # (read by index: a Token is built only for a name with a cue)
    name = [a and _is_cap(t) and low not in _DETERMINERS for a, t, low in zip(cols.alpha, texts, lowers)]
    for i in range(n):
        if i in taken or not name[i] or (i > 0 and name[i - 1] and i - 1 not in taken):
            continue
        end = i + 1
        while end < n and end - i < 5 and end not in taken and (
                name[end] or (texts[end] == "-" and end + 1 < n and name[end + 1]
                              and cols.ends[end] == cols.starts[end + 1])):  # no space after the hyphen
            end += 1
        if texts[end - 1] == "-":
            end -= 1
        before = lowers[max(0, i - 2) : i]
        after = lowers[end] if end < n else ""
        cue = (len(before) == 2 and before[1] == "of" and before[0] in CUE_OF_NOUNS) or (
            after in KIND_WORDS or after in CUE_AFTER)
        if not cue or doc[i].is_sent_start and not (len(before) == 2 and before[1] == "of"):
            continue
        key = normalise_name(doc[i:end].text)
        if len(key.replace(" ", "")) < 4 or key in gazetteer.demonyms or any(
                doc[k].ent_type_ in NEVER_LABELS or doc[k].ent_type_ == "NORP" for k in range(i, end)):
            continue
        yield Mention(i, end, CUED_SOURCE, "GPE")


def _gaz_key(cols: DocColumns, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int, int] | None:
    return gazetteer.keys.get(cols.key(start, end))


def _scan(doc: Any, cols: DocColumns, gazetteer: Gazetteer, lexicon: PlaceLexicon, surnames: frozenset[str],
          ents: tuple[Any, ...], deferred: list[Mention] | None = None) -> Iterable[Mention]:
    """Known names the entity recogniser did not take as places, where the words around them make them
    one (_accept). A name refused only for want of population goes to ``deferred`` (_named_again)."""
    keys = gazetteer.keys
    n = cols.n
    # n-grams never cross a sentence end; one pass over the sentences is cheaper than tok.sent
    sent_end = [n] * n
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            sent_end[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
    # token indices right after an accepted place (NER places count too)
    place_ends = {ent.end for ent in ents if ent.label_ in PLACE_LABELS}
    # each token's text and shape read by index (a Token object is built at every doc[k]); a shape once per word
    texts = cols.texts
    shapes: dict[tuple[bool, str], tuple[bool, bool]] = {}  # (letters only, text) -> (word-like, may open a name)
    wordlike = []
    opens = []
    for word in zip(cols.alpha, texts):
        if (shape := shapes.get(word)) is None:
            like = _wordlike(*word)
            shape = shapes[word] = (like, like and _is_cap(word[1]) and word[1].lower() not in _DETERMINERS)
        wordlike.append(shape[0])
        if shape[1]:
            opens.append(len(wordlike) - 1)
    i = 0  # where the scan may start next: past the last name found; the words that may open one, in order
    for i_open in opens:
        if i_open < i:
            continue
        i = i_open
        match = None
        stop = min(i + MAX_NGRAM, sent_end[i])
        heads = cols.heads(i, stop)  # the runs' folded words, each word's once
        for end in range(stop, i, -1):
            if not wordlike[end - 1]:
                continue
            key = cols.key_of(heads[end - 1 - i], end - 1)
            info = keys.get(key)
            # a lower-case last word only in curated names ("Zaporizhzhia nuclear power plant")
            if info is not None and (_is_cap(texts[end - 1]) or info[0] & FLAG_CURATED):
                match = (end, key, info)
                break
        if match is None:
            i += 1
            continue
        end, key, (flags, pop, _) = match
        feature_end = _feature_end(doc, end, sent_end[i])
        if feature_end is not None and not (flags & FLAG_MAJOR) and pop < MIN_POP_FEATURE:
            # "Royal Street", "French Quarter": the word is part of a local feature's name, which
            # begins at the capitalised words before it ("Banyan | Court Park")
            yield Mention(_feature_start(doc, i, keys), feature_end, FEATURE_SOURCE, "FAC")
            place_ends.add(feature_end)
            i = feature_end
            continue
        if _not_a_place(doc, i, end, lexicon, None, flags) or _nationality(doc, i, end, key, gazetteer):
            i = end
            continue
        if _bare_division_code(doc, i, end, gazetteer):
            i += 1
            continue
        # "Bakhmut and Soledar", "Kherson, Mykolaiv": a name listed with a place is a place
        listed = i >= 2 and doc[i - 1].lower_ in ("and", ",", "or") and (i - 1) in place_ends
        if _accept(doc, i, end, key, flags, pop, lexicon, surnames, listed, ents=ents):
            yield Mention(i, end, "gazetteer", "LOC" if flags & FLAG_CURATED else "GPE")
            place_ends.add(end)
            i = end
        elif _org_prefix(doc, i, end, flags, pop, ents):
            # "Ohio State University", "Kherson Regional Administration": the place an
            # institution is named after; resolved, but flagged as not a location of events
            yield Mention(i, end, ORG_SOURCE, "ORG")
            i = end
        else:
            if deferred is not None and _accept(doc, i, end, key, flags, pop, lexicon, surnames, listed, ents=ents,
                                                again=True):
                deferred.append(Mention(i, end, "gazetteer", "GPE"))
            i += 1


# prepositions whose object is where something is ("in avdeevka", "near el fasher", "shelling of kherson")
LOCATIVE_PREPS = frozenset({"in", "near", "at", "into", "outside", "around", "across", "over", "on", "of"})
# in lower-case text a bare noun after a preposition may be a common word that is also a small place's
# name ("in convoy", "in town"): a place needs this many inhabitants there, and the words that name
# kinds of places and their parts are never names
MIN_POP_LOWER = 5_000
STRUCTURE_WORDS = frozenset(KIND_WORDS) | CUE_OF_NOUNS | CUE_AFTER | FEATURE_HEADS | WEAPON_HEADS


def _scan_lower(doc: Any, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> Iterable[Mention]:
    """Known names in a text written all in lower case ("shelling of kherson kills two"), which has no
    capitals to tell names by. The words around a name stand in for its capital: a kind word after it
    ("cherkasy region"), or a locative preposition before it ("in avdeevka", "near el fasher"; a
    place of some size there). A common word, a stop word or a people's name never counts."""
    keys = gazetteer.keys
    text = doc_text(doc)
    n = len(doc)
    i = 0
    while i < n:
        if not doc[i].is_alpha or doc[i].is_stop:
            i += 1
            continue
        match = None
        for end in range(min(i + MAX_NGRAM, n), i, -1):
            if doc[end - 1].is_alpha:
                key = normalise_name(text[doc[i].idx : doc[end - 1].idx + len(doc[end - 1].text)])
                if key in keys:
                    match = (end, key, keys[key])
                    break
        if match is None:
            i += 1
            continue
        end, key, (flags, pop, _) = match
        if (len(key) < 4 or key in lexicon.common_words or key in gazetteer.demonyms or key in STRUCTURE_WORDS
                or key in lexicon.not_places  # "wagner fighters": an armed group's name
                or any(doc[k].is_stop for k in range(i, end))):
            i += 1
            continue
        # "on the danube": after "the", only a river, sea or region ("in the market" is a common noun)
        the = i > 0 and doc[i - 1].lower_ == "the"
        k = i - 2 if the else i - 1
        located = k >= 0 and doc[k].lower_ in LOCATIVE_PREPS and (
            flags & FLAG_CURATED if the else pop >= MIN_POP_LOWER or flags & FLAG_CURATED)
        # a town of some size in a noun's role ("retake kidal", "hits uman apartment block"): no common word is one
        in_role = not the and doc[end - 1].dep_ in ("dobj", "nsubjpass", "compound") and pop >= MIN_POP_LOWER
        if located or in_role or (end < n and doc[end].lower_ in KIND_WORDS):
            yield Mention(i, end, "gazetteer", "LOC" if flags & FLAG_CURATED else "GPE")
            i = end
        else:
            i += 1


_CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def _date_tagged_country(doc: Any, start: int, end: int, key: str, flags: int, ent_labels: set[str]) -> bool:
    """One capitalised word the NER took for a date ("a village in Niger" tagged DATE) that is the main name of
    a country or first-order division, and no month or weekday: the name, not a date."""
    tok = doc[start]
    return (ent_labels == {"DATE"} and end - start == 1 and bool(flags & FLAG_MAJOR) and bool(flags & FLAG_MAIN)
            and _is_cap(tok.text) and tok.pos_ == "PROPN" and key not in _CALENDAR_WORDS)


def _accept(
    doc: Any, start: int, end: int, key: str, flags: int, pop: int, lex: PlaceLexicon, surnames: frozenset[str],
    listed: bool = False, *, ents: tuple[Any, ...], again: bool = False,
) -> bool:
    """Whether a gazetteer n-gram is a toponym here (the NER did not say so). ``again``: the article names it
    as a place elsewhere, which stands for the population a lone name needs to overrule a label."""
    first = doc[start]
    ent_labels = {doc[k].ent_type_ for k in range(start, end)} - {""}
    if ent_labels and _after_clock_stamp(doc, start, end, ents):
        ent_labels = set()  # "11:20 Kharkiv" tagged PERSON, "09:15 Zaporizhzhia" PERCENT: the stamp made the label
    if ent_labels & NEVER_LABELS and not _date_tagged_country(doc, start, end, key, flags, ent_labels):
        return False
    entity = _entity_of(ents, start) if ent_labels else None  # found once: a scan over the Doc's entities
    if _document(entity):
        return False  # "Black Sea" inside "the Black Sea Grain Initiative"
    if ent_labels & PLACE_LABELS:
        return True  # the NER agrees (the span may be longer or shorter than its entity)
    if not flags & FLAG_MAJOR and pop < MIN_POP_FEATURE and owns_a_government(doc, start, end):
        return False  # "Abiy's government" (Ābīy Ādī): a government's owner is a state or a person, not a town
    if end - start == 1 and key in surnames:
        return False
    major = bool(flags & FLAG_MAJOR)
    single = end - start == 1
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    kind_word = nxt is not None and nxt.lower_ in KIND_WORDS
    if single and (key in lex.common_words or len(key) <= 2):
        # "US" and "UK" are names only in capitals; "La." after a comma is a state
        if not (first.is_upper and major and len(key) >= 2) and not (prev is not None and prev.text == "," and major):
            return False
    if prev is not None and normalise_name(prev.text) in lex.titles:
        return False
    if "PERSON" in ent_labels and end - start > 1 and _holds_a_person(doc, start, end, ents):
        # "Debre Markos" with "Markos" tagged a person: the known name is longer than the person's
        return major or kind_word or pop >= MIN_POP_PERSON or (listed and pop >= MIN_POP_UNTAGGED) or again
    if "PERSON" in ent_labels:
        ent = first.ent_type_ == "PERSON" and entity
        ent_end = ent.end if ent else end
        while ent and ent_end > end and doc[ent_end - 1].like_num:
            ent_end -= 1  # "Orikhiv 14" tagged a person: no person's name holds a number
        if not ent or ent_end > end or ent.start != start:
            return False  # part of a longer person name: "Vladimir Putin"
        if key in lex.first_names:
            # "Jordan vaccinated children": a country's name is also a given name; it waits for the
            # article's other places (_named_again)
            return again and major
        if nxt is not None and nxt.pos_ == "PROPN" and _is_cap(nxt.text):
            return False
        return (major or kind_word or pop >= MIN_POP_PERSON or (listed and pop >= MIN_POP_UNTAGGED) or again
                or _bombarded(first))
    after_comma = start > 0 and doc[start - 1].text == ","
    if ent_labels and after_comma and (flags & FLAG_MAJOR or kind_word):
        return True  # "Krokhmalne, Kharkiv Oblast" tagged as one ORG: a division after a comma is one
    settlement_word = nxt is not None and KIND_WORDS.get(nxt.lower_) == "settlement"
    if ent_labels and kind_word and not _name_goes_on(doc, end + 1) and (
            major or (settlement_word and "NORP" not in ent_labels)):
        # "the Artibonite department", "Semenivka community" tagged ORG; not "Ohio State University", nor a
        # people's community ("the Jewish community")
        return True
    if ent_labels:  # ORG, NORP, EVENT, WORK_OF_ART, PRODUCT
        whole = entity is not None and entity.start == start and _segment_end(doc, entity) == end
        return whole and (major or pop >= MIN_POP_PERSON or (listed and pop >= MIN_POP_UNTAGGED) or again
                          or (single and _bombarded(first)))

    # no entity: the parser must see a proper noun, and the name must be a known place
    if key in lex.first_names and nxt is not None and _is_cap(nxt.text):
        return False
    if not major and not kind_word and pop < MIN_POP_FEATURE and _part_of_longer_name(doc, start, end):
        return False  # "Boko | Haram", "Lac | Vert": a word of a longer name the gazetteer lacks
    if not all(doc[k].pos_ == "PROPN" for k in range(start, end) if doc[k].is_alpha and _is_cap(doc[k].text)):
        return bool(flags & FLAG_CURATED) or kind_word
    if kind_word or major:
        return True
    if first.is_sent_start:
        return pop >= MIN_POP_SENT_START or again or (single and _bombarded(first))
    return pop >= MIN_POP_UNTAGGED or again or (single and _bombarded(first))


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _holds_a_person(doc: Any, start: int, end: int, ents: tuple[Any, ...]) -> bool:
    """The span of a known name holds a whole person entity and more words ("Debre Markos", where only
    "Markos" was tagged a person), none of them another entity's."""
    inside = [e for e in ents if e.start < end and e.end > start]
    return len(inside) == 1 and inside[0].label_ == "PERSON" and start <= inside[0].start and inside[0].end <= end \
        and inside[0].end - inside[0].start < end - start


def _after_clock_stamp(doc: Any, start: int, end: int, ents: tuple[Any, ...]) -> bool:
    """The name is the rest of an entity that a live blog's time stamp opens ("11:20 Kharkiv mayor Ihor
    Terekhov reports ...", where the recogniser took "11:20 Kharkiv" for a person): the stamp, not the
    name, made that label, so the name is read as if untagged."""
    entity = _entity_of(ents, start)
    return (entity is not None and entity.start == start - 1 and entity.end == end
            and _CLOCK.fullmatch(doc[start - 1].text) is not None)


def _part_of_longer_name(doc: Any, start: int, end: int) -> bool:
    """The span is a word of a longer proper-noun compound: a capitalised proper noun before it
    modifies a word of the span, or the span's last word modifies one after it ("Boko Haram",
    "Lac Vert", neither known as a whole)."""
    if start > 0:
        prev = doc[start - 1]
        if prev.pos_ == "PROPN" and _is_cap(prev.text) and prev.is_alpha and prev.dep_ == "compound" \
                and start <= prev.head.i < end and not prev.is_sent_start:
            return True
    last = doc[end - 1]
    if end < len(doc) and last.dep_ == "compound" and last.head.i >= end:
        nxt = last.head
        return nxt.pos_ == "PROPN" and _is_cap(nxt.text) and nxt.i == end
    return False


def _abbreviation(doc: Any, start: int, end: int) -> bool:
    """An all-capitals word in brackets right after a name is that name's abbreviation ("Boko Haram
    (JAS)", "Rapid Support Forces (RSF)"), not a place that shares its letters."""
    if end - start != 1 or not doc[start].text.isupper() or start < 2 or end >= len(doc):
        return False
    return doc[start - 1].text == "(" and doc[end].text == ")" and _is_cap(doc[start - 2].text) \
        and doc[start - 2].is_alpha


def _nationality(doc: Any, start: int, end: int, key: str, gazetteer: Gazetteer) -> bool:
    """A people's name the NER tags as one ("Somali security forces", "Afar herders") is a
    nationality, not the region of the same name, unless a kind word follows ("the Somali region")."""
    if not all(doc[k].ent_type_ == "NORP" for k in range(start, end)) or key not in gazetteer.demonyms:
        return False
    return not (end < len(doc) and doc[end].lower_ in KIND_WORDS)


def _name_goes_on(doc: Any, k: int) -> bool:
    """A capitalised proper noun at ``k`` continues a longer name ("Ohio State | University")."""
    return k < len(doc) and doc[k].pos_ == "PROPN" and _is_cap(doc[k].text)


def _bare_division_code(doc: Any, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """"MO", "PA" alone: a division's two-letter code names it only after a comma ("Springfield,
    MO"); elsewhere it is an abbreviation ("- MO" for a ministry). Countries' codes ("US") stay."""
    if end - start != 1 or len(doc[start].text) != 2 or not doc[start].text.isupper():
        return False
    if start > 0 and doc[start - 1].text == ",":
        return False
    return not any(c.kind.value == "country" for c in gazetteer.lookup(doc[start].text))


MIN_POP_FEATURE = 100_000  # "Kherson airport", "Kyiv Central Station": a city's name inside a feature's


def _feature_end(doc: Any, end: int, limit: int) -> int | None:
    """The end of a local feature's name that continues past a gazetteer match at ``end``
    ("Royal | Street", "French | Quarter", "Holy | Trinity Cathedral"), or None."""
    k = end
    while k < limit and k - end < 3 and _is_cap(doc[k].text) and doc[k].is_alpha:
        if doc[k].lower_ in FEATURE_HEADS:
            return k + 1
        k += 1
    return None


def _feature_start(doc: Any, i: int, keys: Any) -> int:
    """Where a local feature's name that reaches token ``i`` begins: at the capitalised words
    right before it inside the sentence ("Banyan Court Park", "St Giles' Cathedral"), never at
    a sentence's first word, an article, a word the NER took for a place or a known name
    ("Houston Memorial Park" keeps Houston)."""
    k = i
    while k > 0 and k - i < 3 and not doc[k].is_sent_start:
        prev = doc[k - 1]
        if prev.text in ("'", "'s", "\u2019", "\u2019s") and k - 1 > 0 and _is_cap(doc[k - 2].text):
            k -= 1
            continue
        if (not (prev.is_alpha and _is_cap(prev.text)) or prev.is_sent_start or prev.lower_ in _DETERMINERS
                or prev.ent_type_ in ("GPE", "LOC") or normalise_name(prev.text) in keys):
            break
        k -= 1
    return k


def _not_a_place(doc: Any, start: int, end: int, lex: PlaceLexicon, gazetteer: Gazetteer | None,
                 flags: int | None = None) -> bool:
    """A name that is something else here: a registry group or outlet ("Hamas", "Wagner") unless a
    kind word or a country's or region's name makes it a place, or a product name compounding a
    weapon or vehicle noun ("Iskander missiles", "Bayraktar drones"), a storm's name ("Hurricane Ian"),
    a disease's ("West Nile virus"), or a word that is also a state's dotted short form ("Mass" for "Mass.")
    written without its period and not after a town and a comma ("a Catholic Mass"; "Worcester, Mass." stays),
    or a nickname in quotes inside a person's name (:func:`_nickname`)."""
    span = doc[start:end]
    if _abbreviation(doc, start, end):
        return True
    key = normalise_name(span.text)
    if end - start == 1 and key in lex.dotted and not (start > 0 and doc[start - 1].text == ",") and not (
            doc[start].text.endswith(".") or (end < len(doc) and doc[end].text.startswith(".") and not doc[start].whitespace_)):
        return True  # "a Catholic Mass": a state's short form ("Mass.") is written with its period or after a town's comma
    if end - start == 1 and doc[start].ent_type_ not in ("GPE", "LOC") and doc[start].text.isupper() \
            and 2 <= len(doc[start].text) <= 5:
        # an acronym ("the ELN said") that is only another name of a small place (Elne, France): an organisation
        flags = _key_flags(key, flags, gazetteer)
        if not flags & (FLAG_MAIN | FLAG_MAJOR):
            return True
    name_at = start + 1 if end - start > 1 else end  # the word after the storm word, inside the span or after it
    if (doc[start].lower_ in STORM_WORDS and name_at < len(doc) and doc[name_at].is_alpha
            and _is_cap(doc[name_at].text)) or (
            start > 0 and doc[start - 1].lower_ in STORM_WORDS and _is_cap(doc[start - 1].text)):
        return True  # "Hurricane Ian" as one entity, "Hurricane" tagged alone, or "Ian" after "Hurricane"
    if (end < len(doc) and doc[end].lower_ in DISEASE_WORDS) or (
            start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in DISEASE_NOUNS):
        return True  # "West Nile virus", "Marburg virus disease", "an outbreak of Ebola": a disease named after a place
    if _nickname(doc, start, end):
        return True
    if key in lex.not_places:
        flags = _key_flags(key, flags, gazetteer)
        nxt = doc[end].lower_ if end < len(doc) else ""
        if not flags & FLAG_MAJOR and nxt not in KIND_WORDS:
            return True
    root = span.root
    head = root.head
    return (
        root.dep_ in ("compound", "nmod", "amod") and head.i >= end
        and (head.lemma_.lower() in WEAPON_HEADS or head.lower_ in WEAPON_HEADS)
    )


_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})


def _nickname(doc: Any, start: int, end: int) -> bool:
    """A name in quotation marks between a person's given name and surname is a nickname, no place
    (Ismael "El Mayo" Zambada, Joaquin "El Chapo" Guzman): a quote opens right before it (past at most
    one capitalised word, "El") after a capitalised name, and one closes right after it before another."""
    left = start
    if left > 0 and _is_cap(doc[left - 1].text) and doc[left - 1].is_alpha:
        left -= 1  # "El" in "El Mayo" when the entity is "Mayo" alone
    right = end
    if left < 2 or right + 1 >= len(doc) or doc[left - 1].text not in _QUOTES or doc[right].text not in _QUOTES:
        return False
    before, after = doc[left - 2], doc[right + 1]
    return (before.is_alpha and _is_cap(before.text) and not before.is_sent_start
            and after.is_alpha and _is_cap(after.text))


def _key_flags(key: str, flags: int | None, gazetteer: Gazetteer | None) -> int:
    """The name key's gazetteer flags: those the caller read already, else looked up (0 without a gazetteer)."""
    if flags is not None:
        return flags
    info = gazetteer.keys.get(key) if gazetteer is not None else None
    return info[0] if info else 0


def _org_prefix(doc: Any, start: int, end: int, flags: int, pop: int, ents: tuple[Any, ...]) -> bool:
    """A well-known place name that opens a longer organisation name."""
    tok = doc[start]
    if tok.ent_type_ != "ORG" or tok.ent_iob_ != "B" or doc[end - 1].ent_type_ != "ORG":
        return False
    ent = _entity_of(ents, start)
    return ent is not None and _segment_end(doc, ent) > end and (bool(flags & FLAG_MAJOR) or pop >= MIN_POP_PERSON)


# punctuation that no name spans: a headline's "X - Russian Defense Ministry" is a place and its source
_SEPARATORS = frozenset({"-", "\u2013", "\u2014", ":", "|"})


def _segment_end(doc: Any, ent: Any) -> int:
    """Where an entity's name ends: at the first separator set off by spaces inside it (the NER
    runs "Kupyansk - Russian Defense Ministry" together; "Kamianka-Dniprovska" stays one)."""
    for k in range(ent.start + 1, ent.end):
        if doc[k].text in _SEPARATORS and doc[k - 1].whitespace_:
            return k
    return ent.end


def _entity_of(ents: tuple[Any, ...], i: int) -> Any:
    """The entity (of the Doc's ``ents``) that holds token ``i``, or None."""
    for ent in ents:
        if ent.start <= i < ent.end:
            return ent
    return None


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping a longer one; merge the sources of identical spans."""
    by_span: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        old = by_span.get((m.start, m.end))
        if old is None:
            by_span[(m.start, m.end)] = m
        elif FEATURE_SOURCE in (old.source, m.source):
            by_span[(m.start, m.end)] = Mention(m.start, m.end, FEATURE_SOURCE, "FAC")
        elif old.source != m.source:
            by_span[(m.start, m.end)] = Mention(m.start, m.end, "ner+gazetteer", old.label)
    ordered = sorted(by_span.values(), key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Mention] = []
    used: set[int] = set()
    for m in ordered:
        toks = set(range(m.start, m.end))
        if toks & used:
            continue
        used |= toks
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)
