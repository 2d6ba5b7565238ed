"""A party's own statement (a ministry's release, an army's post, an armed group's channel): which sources are
parties to the war, what their own side did (their claims), the deeds they tell with no one's word for it (their
reports) and the forces they name without a side (their own). Split from :mod:`frontlines.events.attribution`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.roles import agent_tokens
from frontlines.events.speakers import initials
from frontlines.events.undergoers import doer_sides
from frontlines.records import Actor, EventStatus, PlaceKind, Sector
from frontlines.stages import doc_text


_PARTY_WORDS = frozenset("""
ministry forces force army command government military office presidency defence defense staff
""".split())


def source_party(source: str | None, registry: Any, gazetteer: Any = None) -> str | None:
    """The side an article's own source belongs to when the source is a party to the war (a
    defence ministry, an army's command, a government office, an armed group's channel), else None.
    The nation is read from the source's name: a registry body, a country, a seat of power or a nation's
    adjective ("Indonesian National Armed Forces (TNI) Information Centre"), the adjectives the registry
    knows and, from the ``gazetteer``, every nation's (v570); else the region a state's body is named after
    ("head of Zaporizhzhia Regional Military Administration"), whose state it speaks for
    (:func:`_region_of_body`, v573)."""
    if not source or registry is None:
        return None
    words = re.findall(r"[\w'.-]+", source)
    lower = [w.lower() for w in words]
    for k in range(len(words)):
        hit = registry.match_alias(lower, words, k)
        if hit is not None:
            entry = registry.entries.get(hit[1])
            if entry is not None and entry.sector.value in ("military", "rebel", "government", "police"):
                return entry.side or entry.country
    if not _PARTY_WORDS & set(lower):
        return None
    for k in range(len(words)):
        for n in (3, 2, 1):
            name = " ".join(words[k : k + n])
            country = registry.country_of(name) or (gazetteer.demonyms.get(name.lower()) if gazetteer else None)
            if country:
                return country
    return _region_of_body(words, gazetteer)


def _region_of_body(words: list[str], gazetteer: Any) -> str | None:
    """The state a body named after a region speaks for (as :func:`frontlines.events.speaker_sides.seat_of_body`
    reads a speaker): a capitalised word of the source's name that names a first-order division of one country
    only ("Zaporizhzhia Regional Military Administration": Ukraine). A name that is a town or a wider region
    alone ("Kurdistan", "Goma") says nothing of whose body it is."""
    if gazetteer is None:
        return None
    countries = {c.country for w in words if w[:1].isupper() and w.isalpha()
                 for c in gazetteer.lookup(w) if c.kind is PlaceKind.ADMIN1 and c.country}
    return next(iter(countries)) if len(countries) == 1 else None


def own_statement(drafts: list[Draft], source: str | None, party: str | None) -> None:
    """In a party's own statement (a ministry's release, an army's Telegram post) what its own side
    did is that party's claim: status claimed, attributed to the source. What its side did includes,
    told in a clause, a move with no doer ("personnel were relocated", "corridors have been set up"):
    a party tells its own moves so, and names the enemy's; and a deed of forces it names without a
    side ("units of the Tsentr group of forces have liberated"). ``party``: the source's side
    (:func:`source_party`). What the text says "we" or "our aircraft" did is the party's claim whether
    its side is known or not ("our aircraft struck 30 targets": :func:`_first_person_claims`)."""
    if source and (party is not None or _PARTY_WORDS & set(re.findall(r"[a-z]+", source.lower()))):
        _first_person_claims(drafts, source)
    if party is None:
        return  # a party not in the registry: only what it says it did
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or _inserted_note(d):
            continue
        if party in doer_sides(d.sources, d.trigger.head) or done_to_the_enemy(d, party) or (
                d.trigger.head.pos_ == "VERB" and (_move_told_without_doer(d, party) or forces_of_no_side(d))):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


def issuer_deeds(drafts: list[Draft], source: str | None, party: str | None) -> None:
    """In the release of a body that is no party to the war (a UN mission, an aid agency), what the issuer says
    it did itself is its claim, as a party's own deeds are (:func:`own_statement`): a deed whose doer names the
    issuer ("MINUSCA has deployed additional troops from Obo to Zemio", "UNICEF-supported mobile teams provided
    psychosocial support", "IOM teams are distributing water") is claimed, attributed to the source. The issuer
    is named by its name as the source gives it before any bracket or comma ("UNICEF", "Human Rights Watch"), its
    initials ("IOM" from the International Organization for Migration) or an abbreviation the source gives in
    brackets ("OHCHR"); a word shared with a longer name ("Central African Republic" in MINUSCA's full name) is
    not the issuer. Only its help and its moves (:data:`_MOVES`) are read: such a body fights no one, and a
    saying is made in the saying, not claimed (v651)."""
    names = _issuer_names(source or "")
    if party is not None or not names:
        return
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or _inserted_note(d) or (
                d.typing.plover not in _MOVES):
            continue  # its help and its moves: such a body fights no one, and its sayings are made in the saying
        if any(_names_issuer(t, names) for t in agent_tokens(d.trigger.head)):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


def _issuer_names(source: str) -> set[str]:
    """The lower-case names the release's issuer goes by: the source's name before a bracket or comma, its
    initials (three letters at least) when it has several words, and any all-capital abbreviation in brackets."""
    head = re.split(r"[(,]", source, maxsplit=1)[0].strip()
    out = {head.lower()} if head else set()
    words = head.split()
    if len(words) > 1:
        short = initials(words)
        if len(short) >= 3:
            out.add(short)
    out |= {a.lower() for a in re.findall(r"\(([A-Z]{3,})\)", source)}
    return out


def _names_issuer(doer: Any, names: set[str]) -> bool:
    """The doer's own name holds one of the issuer's names whole: the doer and the words of its phrase before it,
    up to a punctuation mark other than a hyphen inside a word ("UNICEF-supported mobile teams", "IOM teams"); not
    a clause or a phrase after it, nor a dateline before it ("KINSHASA, Jan 28 (Reuters) - Protesters")."""
    own = [doer]
    for t in reversed(doer.doc[doer.left_edge.i : doer.i]):
        if t.is_punct and not (t.text == "-" and not t.nbor(-1).whitespace_ and not t.whitespace_):
            break
        own.append(t)
    text = " " + " ".join(t.lower_ for t in reversed(own)) + " "
    return any(f" {n} " in text for n in names)


_DEEDS = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"})
RELEASE_NEWS_DAYS = 7  # a release reports on its last days; a deed dated before them is background


def release_reports(drafts: list[Draft], source: str | None, published: dt.date | None) -> None:
    """A party's own release (a ministry's, an army command's, a force's channel) is its word on the
    war: a deed of the days it reports on that it tells with no one's word for it ("drones launched
    from Rwandan territory attacked Goma airport") is reported by the party, attributed to it (its
    own side's deeds are its claims already: :func:`own_statement`). A UN or aid office's report is not
    a party's: "office" alone makes no party."""
    words = set(re.findall(r"[a-z]+", (source or "").lower()))
    if not (_PARTY_WORDS - {"office"}) & words:
        return
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or _inserted_note(d):
            continue
        if d.typing.plover in _DEEDS and not _background(d, published):
            d.realis = replace(d.realis, attributed_to=source)


def _background(d: Draft, published: dt.date | None) -> bool:
    t = d.time
    if published is None or t is None or t.resolution.value == "default" or t.end is None:
        return False
    return (published - t.end).days > RELEASE_NEWS_DAYS


def _inserted_note(d: Draft) -> bool:
    """The sentence lies in a bracketed note inserted into the party's text ("[Editor's note: ...
    Russian forces had been trying to take the town since October.]"): the desk's words, not the party's."""
    text = doc_text(d.sent.doc)  # not doc.text, which joins every token again on each access
    start = d.sent.start_char
    return text.rfind("[", 0, start + 1) > text.rfind("]", 0, start)


# a side's own moves: where its forces go, what they leave, the help they set up
_MOVES = frozenset({"MOBILIZE", "RETREAT", "AID"})


# nouns of armed forces, which a party's release names its own by (the enemy's it names as such)
_FORCE_NOUNS = frozenset("""
unit force troop soldier serviceman fighter system crew aviation artillery battalion brigade regiment division
""".split())


def forces_of_no_side(d: Draft) -> bool:
    """A deed whose doer is a force the party's text names without a side ("units of the Tsentr group
    of forces have liberated", "duty air defence systems intercepted"): the party's own forces. A
    doer with a side, a nationality or an owner of its own ("Ukrainian units", "the enemy's units"),
    or any actor found with a side, is not."""
    if d.typing.plover in SPEECH_TYPES or any(a.side or a.country for a in d.sources):
        return False
    doers = agent_tokens(d.trigger.head)
    return bool(doers) and all(_force_noun(t) and (t.ent_type_ == "" or _name_of_no_nation(t))
                               and not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in (
                                   "NORP", "GPE", "ORG") and not _same_name(c, t)) for c in t.children) for t in doers)


def _same_name(word: Any, head: Any) -> bool:
    """The modifier is a word of the head's own name ("Defence" in "the Defence Forces"), not another
    party's name before it ("Wagner forces", "Hezbollah fighters")."""
    return head.ent_type_ == "ORG" and word.ent_type_ == "ORG" and word.i < head.i and all(
        word.doc[k].ent_iob_ == "I" for k in range(word.i + 1, head.i + 1))


def _force_noun(tok: Any) -> bool:
    """A noun of armed forces, a name's plural too (the tagger leaves "Forces" in a name unlemmatised)."""
    lemma = tok.lemma_.lower()
    return lemma in _FORCE_NOUNS or (tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in _FORCE_NOUNS)


def _name_of_no_nation(tok: Any) -> bool:
    """A force named by a name of its own ("the Defence Forces liberated Lobkove", in the Ukrainian
    ministry's summary), the head of that name: the parser tags it a name, but no nation or group
    modifies it (the actors found no side for it)."""
    return tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"


_HARM = frozenset({"ASSAULT", "COERCE"})
_ARMED = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})


def done_to_the_enemy(d: Draft, party: str) -> bool:
    """Harm told in a clause with no doer at all, done to armed men of the other side ("eighteen members of the
    KKB were neutralised", "two enemy tanks were destroyed"), in the party's own release: a party names the
    enemy's blows by their doer and tells its own by what they did to the enemy, so the deed is its own. Harm
    to its own forces or to civilians ("two soldiers were wounded", "five civilians were killed") is what it
    suffered, and a doer named in any way ("by drones", "the rebels") decides as it does for any deed. (A fight
    told with no doer, "Heavy fighting is under way near Robotyne", was tried as the party's claim too and
    withdrawn: tune +1, check -1; docs/accuracy.md, seventeenth session, branch status9.)"""
    if d.typing.plover not in _HARM or d.sources or any(_names_a_doer(t) for t in agent_tokens(d.trigger.head)):
        return False
    return bool(d.targets) and d.trigger.head.pos_ == "VERB" and all(
        a.sector in _ARMED and _enemy_of(a, party) for a in d.targets)


def _names_a_doer(tok: Any) -> bool:
    """A doer word is a noun, a pronoun or a people's adjective; "heavy" in "heavy fighting" names no one."""
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or tok.ent_type_ in ("NORP", "GPE", "ORG")


def _enemy_of(actor: Actor, party: str) -> bool:
    """An armed actor not of the party's side: another side, or an armed group of the party's own land whose
    only side is that land ("the KKB" in Indonesia's release; rebels fight the state they are in). Armed men of
    no known side ("four police officers were killed") may be the party's own and are not taken for the enemy."""
    side = actor.side or actor.country
    return side is not None and (side != party or (actor.sector is Sector.REBEL and actor.side in (None, actor.country)))


def _move_told_without_doer(d: Draft, party: str) -> bool:
    """A move told as done with no doer at all ("personnel were relocated", "corridors have been set
    up"), of none but the party's own people: whoever was moved belongs to the party's side."""
    if d.typing.plover not in _MOVES or d.sources or agent_tokens(d.trigger.head):
        return False
    return all((a.side or a.country) == party for a in d.targets)



def _first_person_claims(drafts: list[Draft], source: str) -> None:
    """In a text whose source names itself a party (a command, a ministry, a force) but whose side
    is not known, what the text says "we" or "our forces" did is that party's claim."""
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None or d.typing.plover in SPEECH_TYPES:
            continue  # "we call on ...": a speech act is done in the saying, not claimed
        doers = agent_tokens(d.trigger.head)
        if any(t.lower_ == "we" or _ours(t) or any(_ours(o) and _force_noun(o) for p in t.children
                                                  if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj") for t in doers):
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


def _ours(tok: Any) -> bool:
    """The word is "our" something ("our forces"). A doer "of" our forces is ours too ("the military police of our
    forces", "units of our brigade", v650); "the enemies of our people" are not."""
    return any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children)


# what a party denies when it denies a part in a deed it is accused of ("denied involvement", "denied
# any connection to the strike", "denied responsibility")
