"""One event per happening across sentences: a definite mention that refers back to (or a lead that sums
up) an event told in another sentence, a casualty clause that is the toll of the attack told before it,
captives told after the raid that took them, a later mention of one type, place and day, and a headline
told again below it. The tests of sameness these share: :mod:`frontlines.events.merge`."""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.events.bulletins import told_in_its_own_entry
from frontlines.events.coder import Typing
from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb, live
from frontlines.events.means import ABDUCTION
from frontlines.events.merge import (
    _CASUALTY_KEYS,
    _TOLD,
    _bare_blast,
    _counted,
    _definite,
    _one_blast,
    _one_family,
    _own_days_differ,
    _places_differ,
    _salience,
)
from frontlines.events.roles import agent_tokens
from frontlines.records import EventStatus, PlaceKind, TimeValue

_SAME_HAPPENING = frozenset({"ASSAULT", "RETREAT", "PROTEST", "COERCE", "AGREE"})


def merge_same_happening(drafts: list[Draft]) -> None:
    """One event per happening per article: a later mention of an event of the same type and
    sub-type, at the same place (named in both sentences) on the same day, is the same event
    ("Missiles hit Kramatorsk on Tuesday ... The strike on Kramatorsk killed 12"). A bare explosion
    and other explosive violence are one too, at one named place, or told beside each other in a
    paragraph with no other place or day (:func:`_one_blast`). A mention with no sub-type at all and
one with a sub-type at one named place and day are one too (:func:`_untyped`)."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _SAME_HAPPENING:
            continue
        named = d.place is not None and "place" not in d.inherited
        for e in drafts[:k]:
            if e.dropped or e.typing.plover != d.typing.plover:
                continue
            both_named = named and e.place is not None and "place" not in e.inherited
            blast = _one_blast(e, d) and (both_named or (e.paragraph == d.paragraph and d.sent_idx - e.sent_idx <= 2))
            if not blast and not both_named:
                continue
            untyped = _untyped(e, d)
            if (e.typing.acled_sub or d.typing.acled_sub) and e.typing.acled_sub != d.typing.acled_sub \
                    and not blast and not untyped:
                continue
            if not places_compatible(e.place, d.place) or not _same_day(e.time, d.time):
                continue
            if {e.realis.status, d.realis.status} & {EventStatus.DENIED, EventStatus.NEGATED, EventStatus.HYPOTHETICAL}:
                continue
            if told_in_its_own_entry(d, drafts):
                break  # "09:40 A missile attack on Bucha. A car was damaged ...": the entry tells its own happening
            typing = d.typing if (blast and _bare_blast(e)) or (untyped and e.typing.acled_sub is None) else e.typing
            absorb(e, d)
            e.typing = typing
            break


def _untyped(a: Draft, b: Draft) -> bool:
    """Of two mentions, one has no ACLED sub-type at all, the other has one ("Strong explosions reported in
    Ganja" typed by no means, then "a missile hit a residential building in Ganja"): the untyped one names
    no means that could tell them apart; the typed one gives the happening its kind."""
    return (a.typing.acled_sub is None) != (b.typing.acled_sub is None)


def _same_day(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return True  # an undated mention (the publication week) of a dated event
    return a.value == b.value or times_compatible(a, b) and a.resolution.value != "default" \
        and b.resolution.value != "default"


def _referent(d: Draft, candidates: list[Draft], *, before: bool = False) -> Draft | None:
    """The event a definite mention refers to: of its type, not told as another day or place; in the
    nearest sentence holding one, the most event-like trigger."""
    same = [e for e in candidates if e.typing.plover == d.typing.plover and abs(d.sent_idx - e.sent_idx) <= 8
            and _one_family(d, e) and _one_speaker(d, e)
            and not _own_days_differ(d, e)
            and (not _places_differ(d, e) or before and (_in_its_country(d, e) or _summed_up_in_an_area(d)))]
    if not same:
        return None
    nearest = min(abs(d.sent_idx - e.sent_idx) for e in same)
    return max((e for e in same if abs(d.sent_idx - e.sent_idx) == nearest), key=_salience)


def _in_its_country(d: Draft, e: Draft) -> bool:
    """The definite mention is placed only in a country, the country of the earlier telling's own place ("*The
    attack* came two days after Russia launched ... drones at Ukraine" after "A glide bomb hit ... in Yarova"): a
    country names no place of its own that could tell the two apart, and the definite noun takes up what was told
    (v480). A mention placed in a town, a region or another country stays apart."""
    return (d.place is not None and e.place is not None and d.place.kind is PlaceKind.COUNTRY
            and e.place.kind is not PlaceKind.COUNTRY and d.place.country is not None
            and d.place.country == e.place.country)


# places that hold several places of a happening: what a plural mention summing up several tellings names
_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION})


def _summed_up_in_an_area(d: Draft) -> bool:
    """A plural definite mention placed in an area ("*These attacks* ... against the economic infrastructure of the
    Kurdistan Region" after drones struck two oil fields in two districts): it sums up the deeds told before, at
    their several places, and names the area they lie in, not a place of its own (v480)."""
    head = d.trigger.head
    return head.tag_ == "NNS" and d.place is not None and d.place.kind in _AREA_KINDS


# speech acts one party makes (an agreement or a meeting has several parties, named in any order)
_ONE_PARTY_SPEECH = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _speakers(d: Draft) -> set[str]:
    names = {a.name.lower() for a in d.sources}
    if d.realis.attributed_to:
        names.add(d.realis.attributed_to.lower())
    return names


def _one_speaker(d: Draft, e: Draft) -> bool:
    """A speech act refers back only to one made by the same party ("UNRWA reiterates its call for
    a ceasefire" is not the court's order told before): said by no one known, or by a party both name."""
    if d.typing.plover not in _ONE_PARTY_SPEECH:
        return True
    a, b = _speakers(d), _speakers(e)
    return not a or not b or bool(a & b)


def _toll_place_fits(toll: Draft, attack: Draft) -> bool:
    """A toll with no place of its own fits any attack; one with a place, only an attack whose own
    place is that place, inside it or near it."""
    if toll.place is None:
        return True
    return attack.place is not None and places_compatible(attack.place, toll.place)


def _told_roles(d: Draft) -> int:
    """How many of doer, place and date the mention's own sentence gives it."""
    own_time = d.time is not None and d.time.resolution.value != "default"
    return bool(d.sources) + (d.place is not None and "place" not in d.inherited) + own_time


# sub-types that name no means: the happening's kind is left to a telling that names them
_NO_MEANS = frozenset({None, "Attack", "Armed clash"})
_EXPLOSIONS = "Explosions/Remote violence"  # the ACLED event type of violence done from afar


def means_told_in_detail(lead: Draft, detail: Draft) -> Typing | None:
    """The typing a definite mention that names no means ("the attack on Friday on the hospital") takes from the later
    telling it absorbs as its detail, when that telling names the means it was done from afar with ("a drone struck
    the emergency building"): ACLED decides remote violence by its means whoever was hit, so the one happening is
    an air or drone strike, a shelling, a bomb. None when the lead names a means of its own or the detail's
    means is a bare strike's default (a strike told with no weapon is typed an air strike only for want of
    another reading, events.barrages)."""
    if lead.typing.plover != "ASSAULT" or lead.typing.acled_sub not in _NO_MEANS:
        return None
    if detail.typing.acled_type != _EXPLOSIONS or detail.trigger.spec.refine == "strike":
        return None
    return replace(lead.typing, mode=detail.typing.mode, acled_sub=detail.typing.acled_sub,
                   acled_type=detail.typing.acled_type)


def merge_across_sentences(drafts: list[Draft]) -> None:
    """One happening told twice is one event.

    A definite noun ("the retreat", "yesterday's strike") refers to an event of its type told in
    another sentence: the one before it, else (a lead that sums up what the body tells: "the death
    toll from yesterday's strike has risen ... two bombs hit the store") the one after it. A
    casualty clause with no doer of its own ("At least 35 people were killed, according to local
    authorities") is the toll of the attack told just before it in its paragraph, also when it
    names a place, if that place is the attack's, inside it or near it ("21 people were killed in
    Mogadishu" after "gunmen stormed the Hayat Hotel in Mogadishu").
    """
    for k, d in enumerate(drafts):
        if d.dropped:
            continue
        head = d.trigger.head
        if _definite(head):
            earlier = [e for e in drafts[:k] if not e.dropped and e.sent_idx < d.sent_idx]
            later = [e for e in drafts[k + 1 :] if not e.dropped and e.sent_idx > d.sent_idx
                     and not _definite(e.trigger.head) and e.trigger.spec.key not in _CASUALTY_KEYS
                     and (e.realis.status in _TOLD) == (d.realis.status in _TOLD)]  # a threat is no strike told
            match = _referent(d, earlier, before=True)
            if match is None:
                match = _referent(d, later)
                if match is not None and _told_roles(d) > _told_roles(match):
                    # the lead tells the happening in full ("the attack carried out by the gang on
                    # Thursday in Pont-Sonde"); the later sentence is its detail
                    absorb(d, match)
                    d.typing = means_told_in_detail(d, match) or d.typing
                    continue
            if match is not None:
                place, score, apart = match.place, match.place_score, _places_differ(d, match)
                absorb(match, d)
                if apart:  # a country or an area the mention names (v480, v481) is not the deed's place
                    match.place, match.place_score = place, score
                if match.time is not None and d.time is not None and match.time.resolution.value == "default":
                    match.time = d.time
                continue
        if _captives_told(d):
            _join_raid(d, drafts[:k])  # "gunmen stormed the church ... 38 were taken away": the raid's captives
            continue
        if d.trigger.spec.key not in _CASUALTY_KEYS or d.sources:
            continue
        if d.trigger.spec.key != "die" and agent_tokens(head):
            continue  # "gunmen killed three farmers": a doer of its own, an attack of its own
        if any(e is not d and not e.dropped and e.sent_idx == d.sent_idx and e.typing.plover == "ASSAULT"
               and e.trigger.spec.key not in _CASUALTY_KEYS for e in drafts):
            continue  # an attack of its own sentence did the killing
        toll = _tells_a_toll(d)  # asked once, not once per earlier mention
        before = [live(e) for e in drafts[:k] if e.sent_idx != d.sent_idx and (
            (e.paragraph == d.paragraph and d.sent_idx - e.sent_idx <= 2) or (toll and _counted(live(e))))]
        attacks = [e for e in before if e.typing.plover == "ASSAULT" and e is not d and not _own_days_differ(d, e)
                   and _toll_place_fits(d, e)]
        if attacks:
            # the nearest sentence's attack nearest its sentence's root ("Shells landed in the camp,
            # where people who fled the fighting live": the shelling, not the fighting)
            nearest = max(e.sent_idx for e in attacks)
            absorb(min((e for e in attacks if e.sent_idx == nearest),
                       key=lambda e: sum(1 for _ in e.trigger.head.ancestors)), d)


# what a raid that took captives was typed by its own words: a violent act that names no captives
_RAIDS = frozenset({"Attack", "Armed clash", None})


def _captives_told(d: Draft) -> bool:
    """An abduction told in the passive with no doer ("38 were taken away", "303 pupils and 12 teachers were
    abducted"): the captives a raid told just before took, as a casualty clause tells its toll."""
    head = d.trigger.head
    return (d.typing.acled_sub == ABDUCTION and not d.sources and head.pos_ == "VERB"
            and any(c.dep_ == "auxpass" for c in head.children) and not agent_tokens(head))


def _join_raid(d: Draft, earlier: list[Draft]) -> None:
    """Join captives told with no doer to the raid told within two sentences before them in their paragraph, on no
    other day and at no other place: one happening, which ACLED codes by what the raid did to the people it took
    (an abduction, not an attack on the church or the school it stormed)."""
    raids = [e for e in (live(o) for o in earlier) if e is not d and not e.dropped and e.typing.plover == "ASSAULT"
             and e.typing.acled_sub in _RAIDS and e.paragraph == d.paragraph and 0 < d.sent_idx - e.sent_idx <= 2
             and e.realis.status in _TOLD and not _own_days_differ(d, e) and not _places_differ(d, e)]
    if not raids:
        return
    raid = max(raids, key=lambda e: e.sent_idx)
    absorb(raid, d)
    raid.typing = d.typing


def _tells_a_toll(d: Draft) -> bool:
    """The casualty clause's sentence speaks of a toll ("The toll in Kyiv has risen to 12 dead"; "UPDATE:
    death toll from Ras Isa rises to 74"): a new count of an attack the article has told with its
    casualties, however far before (a live blog's update is a paragraph of its own)."""
    return any(t.lemma_.lower() == "toll" for t in d.sent)


# a line that ends a sentence: a headline never does ("Russian attack on Mykolaiv kills one")
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d'\u2019)]\s*$")


def headline_end(text: str, title: str | None) -> int:
    """Where the headline ends when the text opens with the article's title (0 when it does not). With no
    title given, a first line standing alone as a paragraph over the body, with no sentence-ending stop
    ("Russian attack on Mykolaiv kills one\n\nMYKOLAIV (AP) - A Russian missile hit ..."), is the headline."""
    if not title:
        first, brk, body = text.partition("\n\n")
        if not brk or not body.strip() or "\n" in first.strip() or not first.strip() \
                or _SENTENCE_END.search(first):
            return 0
        return len(first.rstrip())
    words = title.split()
    pos = 0
    for w in words:
        found = text.find(w, pos)
        if found < 0 or text[pos:found].strip():
            return 0  # the text does not open with the title, word for word
        pos = found + len(w)
    return pos


def merge_headline(drafts: list[Draft], end_char: int) -> None:
    """A headline tells again what the article tells below it ("Myanmar: Air strike on village
    gathering must be investigated" over "The Myanmar military's air strike on Pazigyi village on
    Tuesday ... must be investigated"): a headline mention of a type the body tells is that body
    event; one the body does not tell stays an event of its own."""
    if end_char <= 0:
        return
    for d in drafts:
        if d.dropped or d.sent.start_char >= end_char:
            continue
        body = [e for e in drafts if not e.dropped and e.sent.start_char >= end_char
                and e.typing.plover == d.typing.plover and _one_family(d, e)]
        if body:
            absorb(body[0], d)
