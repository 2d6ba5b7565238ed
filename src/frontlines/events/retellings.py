"""One event per happening per article: the lead that sums up a happening the body tells in full, the
terms of a speech act told as an act of its own kind (:func:`merge_terms_of_own_kind`), and a sentence that
names itself a toll, however far from the attack it counts (:func:`merge_named_tolls`); a party's claim of an
attack already told (:func:`merge_reported_retellings`) and a denied deed already told
(:func:`merge_denied_retellings`), each that deed told again.

A news lead (the first sentence under the headline, after any dateline) tells the story in brief; its
subordinate clauses name what the body then tells with its own place, day and detail ("... declared a
state of emergency on Friday after days of fighting ..., who residents said had taken control of
Lalibela" over "Fano fighters entered Lalibela on Thursday"; "The death toll from a Russian missile
strike on ... Ternopil rose to 31, the service said on Friday" over "Cruise missiles hit two blocks in
Ternopil before dawn on Wednesday"). As in event coreference, the two mentions are one event when their
type and arguments agree: same PLOVER type, family (ground changing hands or not) and ACLED sub-type
(or a bare explosion and the means another names), no place told against the other, and a day that
agrees. The lead's day is often the report's ("said on Friday"), not the happening's: a day the
lead gives outside the mention's own clause may fall up to :data:`REPORT_LAG_DAYS` after the body's.
A day inside the mention's own clause ("a missile hit Kyiv on Monday") must agree, so two strikes of
two days, or two towns, stay two events. The body's telling keeps its fields; the lead enriches it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from frontlines.events.coreference import own_time, places_compatible, times_compatible, within
from frontlines.events.bulletins import timed_entry
from frontlines.events.draft import Draft, absorb, live
from frontlines.events.lexicon import SPEECH_TYPES
from frontlines.events.merge import (
    _DEFINITE,
    _TOLD,
    _bare_blast,
    _one_blast,
    _one_family,
    _own_day,
    _own_days_differ,
    _own_place,
    _places_differ,
    _salience,
    _UNSPECIFIC,
    attacks_told_before,
    nearest_told,
)
from frontlines.events.denials import DENIAL_REACH, answered_by_denial
from frontlines.events.tolls import take_toll
from frontlines.events.voice import HARM_VERBS
from frontlines.quotes.cues import SPEECH_LEMMAS
from frontlines.records import EventStatus, Place, PlaceKind, TimeValue

# what a lead sums up: deeds, not words (one party's several calls may be several events)
_SUMMED_UP = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT"})
# the body tells the happening as done, as a party's claim, or as a deed a party denies (not as announced ahead)
_BODY_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})
# how many days a report ("said on Friday") may come after the happening it sums up
REPORT_LAG_DAYS = 3


def merge_lead_retold(drafts: list[Draft], headline_end: int) -> None:
    """A mention in the lead sentence (the first sentence at or after ``headline_end``) of a deed the
    body tells again is that body event (see the module docstring); a lead mention the body does not
    tell stays an event of its own."""
    lead_start = min((d.sent.start_char for d in drafts if d.sent.start_char >= headline_end), default=None)
    if lead_start is None:
        return
    lead = [d for d in drafts if d.sent.start_char == lead_start]
    body = [d for d in drafts if d.sent.start_char > lead_start]
    if not lead or timed_entry(lead[0].sent):
        return  # a live blog's first entry is no lead: each entry tells its own happening
    for d in lead:
        if d.dropped or d.typing.plover not in _SUMMED_UP or d.realis.status not in _TOLD:
            continue
        if not _own_place(d) and not own_time(d.time):
            continue  # "It started with an app ban": nothing to tell which happening of the body it is
        told = [e for e in _distinct(live(o) for o in body)
                if not e.dropped and e is not d and e.sent.start_char > lead_start and _retells(d, e)]
        if not told:
            continue
        # the body's telling of the lead's own kind, else (an explosion) its first telling of the means
        same = [e for e in told if e.typing.acled_sub == d.typing.acled_sub]
        _enrich(min(same or told, key=lambda e: e.sent.start_char), d)


def _enrich(keep: Draft, lead: Draft) -> None:
    """The body's telling absorbs the lead's: it keeps its own place, day and kind (the lead's day is often
    the report's, its place the wider area, its explosion the bare word for what the body names the
    means of) and takes what it lacks (a doer, a count)."""
    place, score, time, typing = keep.place, keep.place_score, keep.time, keep.typing
    absorb(keep, lead)
    if _own_place(keep) and place is not None:
        keep.place, keep.place_score = place, score
    keep.time = time
    keep.typing = lead.typing if _bare_blast(keep) and not _bare_blast(lead) else typing


def _distinct(drafts: Iterable[Draft]) -> list[Draft]:
    """Each draft once, in order (drafts are mutable, so unhashable: compared by identity)."""
    seen: set[int] = set()
    return [d for d in drafts if id(d) not in seen and not seen.add(id(d))]  # type: ignore[func-returns-value]


def _retells(lead: Draft, e: Draft) -> bool:
    """``e`` (a body mention with a day of its own) tells the happening the lead mention sums up."""
    if e.typing.plover != lead.typing.plover or not _one_family(lead, e) or e.realis.status not in _BODY_TOLD:
        return False
    if not own_time(e.time) or timed_entry(e.sent):
        return False  # a body telling with no day of its own is left to the merges of tellings told on
    if lead.typing.acled_sub != e.typing.acled_sub and not _one_blast(lead, e):
        return False  # ACLED codes one event per sub-type: "stormed the school" is not "abducted 287 pupils"
    both_placed = _own_place(lead) and _own_place(e)
    if both_placed and not (places_compatible(lead.place, e.place) or _wider_area(lead.place, e.place)):
        return False
    if not both_placed and not own_time(lead.time):
        return False  # nothing the two share beyond their kind ("745 civilians were killed in massacres in Latakia")
    return _days_agree(lead, e)


# areas a lead names for the happening the body places in a town: a region, a district
_WIDER = frozenset({PlaceKind.REGION, PlaceKind.ADMIN2})


def _wider_area(lead: Place | None, body: Place | None) -> bool:
    """The lead names an area (a region, a district) of the first-order division the body's town lies in ("a rocket
    slammed into a soccer field in the Golan Heights" over "The rocket hit the town of Majdal Shams"): the wider
    area of the same happening, as a lead sums up (v480). The gazetteer gives a region no extent, so the shared
    first-order division of the same country is what places the town in it."""
    return (lead is not None and body is not None and lead.kind in _WIDER and body.kind is not None
            and body.kind not in _WIDER and lead.admin1 is not None and lead.admin1 == body.admin1
            and lead.country == body.country)


def _days_agree(lead: Draft, e: Draft) -> bool:
    """The lead's day is the body's, or a span of at most a week holding it ("over the weekend", "last
    week's attack"), or the day of a report that frames the mention ("..., the service *said on
    Friday*"), up to :data:`REPORT_LAG_DAYS` after the body's day."""
    if times_compatible(lead.time, e.time) or within(lead.time, e.time):
        return True
    if within(e.time, lead.time) and _span_days(lead.time) <= _WEEK:
        return True  # a month or a year holds many happenings of a kind: no sign it is this one
    if lead.time is None or not _reported_on(lead):
        return False
    lag = _days_after(lead.time, e.time)
    return lag is not None and 0 <= lag <= REPORT_LAG_DAYS


_WEEK = 7


def _span_days(t: TimeValue | None) -> int:
    if t is None or t.start is None or t.end is None:
        return 1 << 30
    return (t.end - t.start).days


def _reported_on(d: Draft) -> bool:
    """The mention's day is that of a saying outside the mention's own clause ("Ethiopia's military said on
    Wednesday it had driven fighters out of Lalibela"; "The death toll from a missile strike on Ternopil rose
    to 31, the service said on Friday"): the report's day, not the happening's."""
    assert d.time is not None
    doc = d.trigger.head.doc
    tok = next((t for t in doc if t.idx <= d.time.evidence.start < t.idx + len(t) + 1), None)
    if tok is None or _in_own_clause(d.trigger.head, tok.idx):
        return False
    verb = _clause_verb(tok)
    return verb.lemma_.lower() in SPEECH_LEMMAS


def _clause_verb(tok: Any) -> Any:
    """The verb a token hangs on (the token itself when it hangs on none)."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else tok


def _in_own_clause(head: Any, char: int) -> bool:
    """The character lies in the clause of the mention: the subtree of its verb, or of the verb its noun
    hangs on ("an airstrike hit the centre on 2 July"; not "..., the service said on Friday")."""
    verb = _clause_verb(head)
    return verb.left_edge.idx <= char < verb.right_edge.idx + len(verb.right_edge)


def _days_after(later: TimeValue | None, earlier: TimeValue | None) -> int | None:
    """Days from the start of ``earlier`` to the start of ``later``, both own dates with known spans."""
    if not own_time(later) or not own_time(earlier):
        return None
    assert later is not None and earlier is not None
    if not isinstance(later.start, dt.date) or not isinstance(earlier.start, dt.date):
        return None
    return (later.start - earlier.start).days


def merge_terms_of_own_kind(drafts: list[Draft]) -> None:
    """In one sentence, a speech act told as made ("signed the Jeddah Declaration", "said it had agreed with the
    prime minister", "OCHA calls for ...") and, below it in the parse, a mention of its own PLOVER type told as
    not yet done ("..., *committing* to protect civilians and let aid through"; "... that Hamza *would be handed
    over*"; "... and reiterates that force *must be* limited") are one event: the second is the terms or content
    of the first, not a second agreement or call. The act keeps its own telling. A relative clause is
    another happening's description ("the deal that was meant to end the war"), and a mention with a day
    of its own other than the act's is another happening, not the act's terms."""
    for act in drafts:
        if act.dropped or act.typing.plover not in SPEECH_TYPES or act.realis.status not in _TOLD:
            continue
        for terms in drafts:
            if terms is act or terms.dropped or terms.typing.plover != act.typing.plover \
                    or terms.realis.status in _TOLD or not _below(terms.trigger.head, act.trigger.head) \
                    or not times_compatible(act.time, terms.time):
                continue
            told = act.realis
            absorb(act, terms)
            act.realis = told


# how an act's terms hang on it: a clause it takes ("agreed that ...", "agreed to ..."), a participle ("...,
# committing to ..."), a verb joined to it ("calls for ... and reiterates that ..."); not a phrase that sets
# it in another happening ("*Under a ceasefire* brokered on Sept. 20, they agreed to disarm")
_TERMS_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def _below(tok: Any, governor: Any) -> bool:
    """``governor`` is an ancestor of ``tok`` by a path that enters no relative clause and leaves the
    governor by a clause it takes (:data:`_TERMS_DEPS`)."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return False
        if cur.head.i == governor.i:
            return cur.dep_ in _TERMS_DEPS
        cur = cur.head
    return False


def merge_named_tolls(drafts: list[Draft]) -> None:
    """A sentence whose subject is the toll itself ("The provisional toll is forty-four civilians killed and
    thirteen wounded"; "The toll in the town has risen to 11 killed") says it counts a happening told before. Its
    count (:func:`_named_toll`) goes to the nearest attack the article told as done before it, at no other place
    and on no other day, in whatever paragraph it stands (a toll that does not name itself joins only an attack in
    its own paragraph or the one before: :func:`frontlines.events.tolls.merge_tolls`)."""
    for k, d in enumerate(drafts):
        if d.dropped or not _named_toll(d, drafts):
            continue
        if earlier := attacks_told_before(drafts, k, d):
            take_toll(nearest_told(earlier), d)


# the kinds of count a toll tells: the dead and the hurt
_TOLL_KINDS = frozenset({"killed", "injured", "casualties"})


def _named_toll(d: Draft, drafts: list[Draft]) -> bool:
    """``d`` is the count of a sentence whose subject is the noun "toll": a harm verb with counted dead or hurt,
    no doer of its own (no subject, agent or object) and no other mention in its sentence."""
    h = d.trigger.head
    if d.typing.plover != "ASSAULT" or h.lemma_.lower() not in HARM_VERBS or d.sources:
        return False
    if not d.quantities or any(q.kind not in _TOLL_KINDS for q in d.quantities):
        return False
    if any(c.dep_ in ("nsubj", "agent", "dobj") for c in h.children):
        return False
    if not any(t.lemma_.lower() == "toll" and t.dep_ in ("nsubj", "nsubjpass") and t.head.i == d.sent.root.i
               for t in d.sent):
        return False
    return not any(e is not d and not e.dropped and e.sent_idx == d.sent_idx for e in drafts)


def _retold(d: Draft, e: Draft) -> bool:
    """``d`` tells again the happening ``e`` told before: same PLOVER type, a sub-type that is the
    same or names no means of its own, no other place and no other day of its own."""
    if e.typing.plover != d.typing.plover:
        return False
    sub_d, sub_e = d.typing.acled_sub, e.typing.acled_sub
    if sub_d != sub_e and sub_d not in _UNSPECIFIC:
        return False
    if _own_place(d) and (not _own_place(e) or not places_compatible(e.place, d.place)):
        return False
    if _own_day(d) and not _own_day(e):
        return False  # a day the earlier telling did not give: a happening of its own ("on Friday, ...")
    return not _own_days_differ(d, e)


def merge_reported_retellings(drafts: list[Draft]) -> None:
    """A party's claim of an attack the article has already told is that attack, not another one
    ("Israeli warplanes struck Hezbollah targets overnight ... Israel said its jets hit weapons
    depots"; "gunmen stormed the hotel ... Al-Shabaab said its fighters had stormed the hotel").
    ACLED codes one event per sub-type, place and day: a later mention that is a party's claim
    (status claimed: its own side's act, or words that make it a claim), names no other place and
    no other day, and gives no means other than the earlier event's is not a new event. A plain
    narrative sentence or a witness's report is left alone: it may tell a second happening of the
    same day ("those who refused were beaten", "other hostages had been killed in the raid")."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _RETOLD_TYPES or not _reported(d):
            continue
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        earlier = [e for e in earlier if e is not d and not e.dropped and _retold(d, e)
                   and e.realis.status in _TOLD]
        if earlier:
            absorb(nearest_told(earlier), d)


_RETOLD_TYPES = frozenset({"ASSAULT"})


def _day_in_own_clause(d: Draft) -> bool:
    """The mention's day is told inside its own clause ("denied that its aircraft had struck the centre on
    Tuesday"), not in the clause that frames it ("On 3 July, a spokesman denied that ...": the denial's day)."""
    if not _own_day(d) or d.time is None:
        return False
    head = d.trigger.head
    return head.left_edge.idx <= d.time.evidence.start < head.right_edge.idx + len(head.right_edge)


_REPORTS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "account"})


def _what_reports_tell(head: Any) -> bool:
    """An event noun that is what reports tell ("described *reports of a massacre* as false", "called the
    reports of killings staged"): the deed the reports are about, told as such."""
    prep = head.head
    return (head.pos_ == "NOUN" and head.dep_ == "pobj" and prep.lower_ in ("of", "about")
            and prep.head.lemma_.lower() in _REPORTS)


def _known(tok: Any) -> bool:
    """A noun phrase the text presents as known: "the centre", "the city", "its base", a name or a pronoun."""
    return tok.pos_ in ("PROPN", "PRON") or any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)


def merge_denied_retellings(drafts: list[Draft]) -> None:
    """A deed a party denies that the article has already told is that deed, not another one ("Shortly
    before midnight on 2 July, an airstrike hit the Tajoura Detention Centre ... On 3 July, an LNA spokesman
    denied that its aircraft had targeted the centre, saying it had struck a nearby militia camp"): a
    denial answers what was told or charged. The earlier telling of the deed's type and family (ground
    changing hands or not), told as done or claimed, with no other place and no other day in the deed's own
    clause, absorbs it; a day in the denial's clause is the denial's. The denied deed takes up its patient
    as known ("the centre", "the city"); one that names a new one ("denied shelling villages") is the
    content of a charge, and stays. The denier's own version of the happening, told in a participle of
    saying on the denial or on the denied deed ("saying it had struck a militia camp"), is absorbed too.
    The earlier telling keeps its status when the article tells it in its own voice (the denial is the denier's
    word on it); a party's claim or someone's report the denier answers is denied
    (:func:`frontlines.events.denials.answered_by_denial`). Reports of a deed of a kind denied ("described
    reports of a massacre as false") answer the nearest telling of that kind someone is named for, within the
    denial's reach, when there is one (v572): the reports are someone's."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _RETOLD_TYPES or d.realis.status is not EventStatus.DENIED:
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") and _known(c) for c in d.trigger.head.children) \
                and not _what_reports_tell(d.trigger.head):
            continue  # "denied shelling villages": the content of a charge, not a deed told before
        earlier = [live(e) for e in drafts[:k] if e.sent_idx < d.sent_idx]
        earlier = [e for e in earlier if e is not d and not e.dropped and e.typing.plover == d.typing.plover
                   and _one_family(d, e) and e.realis.status in _TOLD and not _places_differ(d, e)
                   and not (_day_in_own_clause(d) and _own_days_differ(d, e))]
        if not earlier:
            continue
        if _what_reports_tell(d.trigger.head):  # a bare noun tells no patient: the deed of its own kind
            earlier = [e for e in earlier if e.typing.acled_sub == d.typing.acled_sub] or earlier
            # the reports denied are tellings someone is named for, near the denial (v572): "Human Rights Watch
            # said government forces killed 21 civilians ... The minister described reports of a massacre as
            # false" answers the rights group's account, not a later line the article tells in its own voice
            earlier = [e for e in earlier if e.realis.attributed_to and d.sent_idx - e.sent_idx <= DENIAL_REACH] or earlier
        nearest = max(e.sent_idx for e in earlier)
        keep = max((e for e in earlier if e.sent_idx == nearest), key=_salience)
        frame = d.realis.frame
        versions = [o for o in drafts if o is not d and not o.dropped and o.sent_idx == d.sent_idx
                    and o.typing.plover == d.typing.plover and o.realis.frame is not None and frame is not None
                    and o.realis.frame.tag_ == "VBG" and o.realis.frame.head.i in (frame.i, d.trigger.head.i)]
        told = keep.realis  # the deed stays as the article told it: the denial is the denier's word on it
        when = keep.time
        for o in (d, *versions):
            absorb(keep, o)
        keep.realis = answered_by_denial(told, d.realis)  # another's claim or report denied (v420)
        if _what_reports_tell(d.trigger.head):
            keep.time = when  # the reports' day is the denial's ("In a statement on Sunday it called ...")


def _reported(d: Draft) -> bool:
    """Told as a party's claim (its own side's act, or words that make it a claim)."""
    return d.realis.status is EventStatus.CLAIMED
