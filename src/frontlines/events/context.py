"""Place and date from the story around an event whose sentence names none; the kind of violence an
attack told as more of the same takes from the one told before it."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import Any

from frontlines.events.draft import Draft, borrowed
from frontlines.events.means import POWER_TAKEN, other_of_a_kind, told_as_more
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.roles import SPEECH_VERBS, STATEMENT_TYPES, venue
from frontlines.events.when import PAST_STATUSES, dateline_date
from frontlines.events.takeover import TERRITORIAL, changes_hands
from frontlines.events.territory import not_taken
from frontlines.stages import PARAGRAPH_BREAK, doc_text, sentence_of, sentence_start
from frontlines.records import Actor, EventStatus, Evidence, Place, PlaceKind, Precision, Resolution, Sector, TimeType, TimeValue

def _after(time: TimeValue, published: dt.date | None) -> bool:
    """``time`` lies wholly after the publication date (a day named for what is yet to come)."""
    return published is not None and time.start is not None and time.start > published


def inherit(drafts: list[Draft], published: dt.date | None = None, index: Any = None,
            breaks: list[int] | None = None) -> None:
    """An event with no place or date of its own takes those of the event just before it in its
    paragraph when it elaborates an event of the same kind; and, whatever its kind, the date of
    the paragraph's story so far: a paragraph tells its events at the time it last named (the
    reference time of narrative: "The truce was signed in Jeddah on Saturday night. ...
    Washington said violations would be met with sanctions" was said then, not on the day of
    publication). A paragraph's time that lies after the publication date ("calls to occupy State
    House on Thursday") is the time of what is to come: an event that has taken place (happened,
    claimed, denied) does not take it. Nor does an event told in the present (:func:`told_now`): it is said of the
    time of the report ("On 26 June, GNA-aligned forces took control of Gharyan. Fighting continues along the
    southern front lines"). Nor does a statement take a time named inside what another speaker reported: that is
    the time of the reported act, not of the story's telling ("The ministry said an airstrike hit the hospital on
    Tuesday evening. ... Islamic Jihad rejected the claim": rejected after the claim, not on Tuesday evening;
    :func:`reported_time`).
    The story's time is also set by a sentence that tells no event ("The gunmen came to Maga before dawn on Monday
    last week. They scaled the fence ..., shot dead the vice principal": :func:`scene_times`, with ``index`` and
    ``breaks``): the later of it and the last event's time is the paragraph's."""
    scenes = scene_times(drafts, index, breaks) if index is not None and breaks is not None else []
    for k, d in enumerate(drafts):
        if k == 0 and not scenes:
            continue
        prev = drafts[k - 1] if k else None
        if d.time is None and not told_now(d.trigger.head) and not (
                prev is not None and prev.paragraph == d.paragraph and d.sent_idx == prev.sent_idx):
            told = [(e.sent.start, e.time) for e in drafts[:k] if e.paragraph == d.paragraph
                    and e.sent_idx < d.sent_idx and e.time is not None]
            told += [(sentence_start(root), tv) for tv, root, paragraph in scenes
                     if paragraph == d.paragraph and root.i < d.sent.start]
            told = [(at, tv) for at, tv in told if not (d.realis.status in PAST_STATUSES and _after(tv, published))
                    and not (d.typing.plover in STATEMENT_TYPES and reported_time(tv, d.sent.doc))]
            if told:
                d.time = sorted(told, key=lambda told_at: told_at[0])[-1][1]  # a stable sort: the last told of equals
                d.inherited.add("time")
        if prev is None or prev.paragraph != d.paragraph or d.sent_idx == prev.sent_idx:
            continue
        if d.sent_idx - prev.sent_idx > 1 or prev.typing.plover != d.typing.plover:
            continue  # only an elaboration of the same kind of event shares its place
        if d.place is None and prev.place is not None:
            d.place = borrowed(prev.place, "no place in its sentence: the nearest place named before it, "
                                            "the place of the event before it")
            d.place_score = 0.5
            d.inherited.add("place")


def scene_times(drafts: list[Draft], index: Any, breaks: list[int]) -> list[tuple[TimeValue, Any, int]]:
    """The days that set a scene: named in a sentence that tells no event of its own (``drafts``: the article's
    events), on the main clause of a sentence told in the past ("The gunmen came to Maga before dawn on Monday last
    week."), each with its root token and paragraph number. Not a dateline, not a time of something else in its
    sentence (:func:`frontlines.events.when.foreign_time`: "The truce, agreed on Saturday, was fragile"), nor one of
    a sentence told of the present or of what is to come ("It is to take effect at 9.45pm on Monday"); a year or a
    month is a background's period, not a scene's day."""
    from frontlines.events.when import foreign_time

    told = {d.sent.start for d in drafts}
    out = []
    for tv, root in index.times:
        sent = sentence_of(root)
        if sent.start in told or tv.type not in (TimeType.DATE, TimeType.TIME) or tv.start is None \
                or tv.granularity not in ("day", "time") or not _told_past(sent.root):
            continue
        if dateline_date(tv, sent) or foreign_time(root, sent.root, index):
            continue
        out.append((tv, root, bisect.bisect_right(breaks, sent.start_char)))
    return out


def _told_past(verb: Any) -> bool:
    """The clause of ``verb`` is told in the past: a past verb ("came", "awoke") or a past auxiliary ("had come",
    "was seen")."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


# sub-types a trigger gives when its sentence names neither means nor doer: what "also" refers back to decides
_UNSPOKEN = frozenset({"Attack", "Armed clash"})
# sub-types set by the hands or the means rather than the target, which more of the same violence shares; an attack
# or a clash is decided by its own target ("soldiers were also attacked" after gunmen killed villagers is a clash)
_CARRIED = frozenset({"Mob violence", "Violent demonstration", "Air/drone strike", "Shelling/artillery/missile attack"})


def more_of_the_same(drafts: list[Draft]) -> None:
    """An attack told in the passive with no doer and no means ("Homes and places of worship were also
    attacked in the days after", "The main government building in central Kyiv was hit for the first time",
    events.means.told_as_more) is more of the violence of the attack told just before it, in its paragraph
    and up to two sentences back: the sentence leaves out the hands and the means because they were just
    told. It takes that attack's ACLED sub-type when the hands or the means set it (a mob's, a riot's, an
    air strike's, shelling), which its own sentence, naming neither, cannot give. An attack or a clash
    before it says nothing of the kind: its own target decides. So are attacks named as "other" attacks of
    the same hands ("Hezbollah, which had claimed several other attacks on Israeli positions that day",
    after its rocket hit the town): more of that kind, by the same side."""
    for k, d in enumerate(drafts):
        if d.typing.plover != "ASSAULT" or d.typing.acled_sub not in _UNSPOKEN:
            continue
        more = other_of_a_kind(d.trigger.head)
        if not (more or (not d.sources and told_as_more(d.trigger.head))):
            continue
        before = [e for e in drafts[:k] if e.typing.plover == "ASSAULT" and e.paragraph == d.paragraph
                  and 0 < d.sent_idx - e.sent_idx <= 2 and e.typing.acled_sub is not None]
        if more and before and not _same_hands(d, before[-1]):
            continue
        if before and before[-1].typing.acled_sub in _CARRIED:
            told = before[-1].typing
            d.typing = replace(d.typing, mode=told.mode, acled_sub=told.acled_sub, acled_type=told.acled_type)


def _same_hands(a: Draft, b: Draft) -> bool:
    """Both name their doers, and the doers share a side."""
    sides = {x.side or x.country for x in a.sources} - {None}
    return bool(sides) and bool(sides & {x.side or x.country for x in b.sources})


# "At the talks, both sides agreed", "killed in the attack", "during the raid": the event happened at,
# in or during a happening told before
_AT_HAPPENING = frozenset({"at", "in", "during"})
_DEFINITE = frozenset({"the", "that", "this", "these", "those"})


# after an adverb "overnight", the words that name the night's own day ("overnight into Sunday", "overnight on
# Monday"): that day is a time of its own
_NIGHT_NAMED = frozenset({"into", "to", "on", "of", "from", "between", "through"})


def report_night(kept: list[Draft], index: Any, breaks: list[int], published: dt.date | None, article_id: str) -> None:
    """An event told as done "overnight", with no time of its own, happened in a night dated on the day it ends:
    the night next to the last day the article named before it, when that lies before the report's day (after an
    evening, a night or a whole day, the night that follows it: "58 killed in US strikes last night. ... fired a
    ballistic missile overnight" is the night into the report's day; before a morning or a clock time before noon,
    the night that ends on it: "attacked the penitentiary on Saturday night ... by Sunday morning ... was also
    overrun overnight" is the night into Sunday), else the night that ends on the day of the report ("Russian
    missiles hit Odesa overnight"; a time of the report's own day, "this morning", is still that night's end). Only the adverb on the trigger's own clause, not a noun's modifier
    ("an overnight curfew") nor the night of a day named with it ("overnight into Sunday", which the day's own
    time dates)."""
    if published is None:
        return
    for d in kept:
        if d.time is not None:
            continue
        sent = d.sent
        if "overnight" not in doc_text(sent.doc)[sent.start_char:sent.end_char].lower():
            continue  # no word of the sentence is "overnight" (most are not): no Token of it need be made
        head = d.trigger.head
        verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), head)
        night = next((t for t in d.sent if t.lower_ == "overnight" and t.dep_ in ("advmod", "npadvmod", "prep")
                      and t.head.i in (head.i, verb.i)
                      and not (t.i + 1 < len(t.doc) and t.nbor().lower_ in _NIGHT_NAMED)), None)
        if night is None:
            continue
        told = [tv for tv, root in index.times if root.i < d.sent.start and tv.start is not None
                and tv.type in (TimeType.DATE, TimeType.TIME) and tv.granularity in ("day", "time")
                and not dateline_date(tv, sentence_of(root))]
        day = published
        if told and told[-1].start is not None and told[-1].start < published:
            day = told[-1].start + dt.timedelta(days=0 if _morning(told[-1]) else 1)
        d.time = TimeValue(
            text=night.text, type=TimeType.DATE, value=day.isoformat(), start=day, end=day,
            evidence=Evidence(article_id=article_id, start=night.idx, end=night.idx + len(night.text), text=night.text),
            granularity="day", resolution=Resolution.PUBLICATION if day == published else Resolution.ANCHORED,
            anchor=published.isoformat() if day == published else told[-1].value)


_MORNING = re.compile(r"T(?:MO|0\d:\d\d|1[01]:\d\d)$")


def _morning(tv: TimeValue) -> bool:
    """``tv`` is a morning or a clock time before noon: the night before it ends on its day."""
    return bool(tv.value and _MORNING.search(tv.value))


def referred_time(drafts: list[Draft], kept: list[Draft]) -> None:
    """An event with no time of its own, said to happen at, in or during a definite event noun ("At the
    talks, both sides agreed to a ceasefire"; "two were killed in the attack"; said of its verb or of
    itself), happened when that
    happening did: the time of the nearest event told before it whose trigger is the same word
    (``drafts``: every draft of the article, merged ones too)."""
    for d in kept:
        if d.time is not None:
            continue
        head = d.trigger.head
        verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), head)  # "agreed to a ceasefire"
        for prep in (*head.children, *(verb.children if verb is not head else ())):
            if prep.dep_ != "prep" or prep.lower_ not in _AT_HAPPENING:
                continue
            nouns = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"
                     and any(t.dep_ == "det" and t.lower_ in _DEFINITE for t in c.children)]
            for noun in nouns:
                earlier = [e for e in drafts if e is not d and e.trigger.head.i < noun.i
                           and e.trigger.head.i not in (head.i, noun.i)
                           and e.trigger.head.lemma_.lower() == noun.lemma_.lower()]
                times = [t for e in earlier if (t := _time_of(e)) is not None]
                if times:
                    d.time = times[-1]
                    d.inherited.add("time")
                    break
            if d.time is not None:
                break


def _time_of(d: Draft) -> TimeValue | None:
    while d.time is None and d.merged_into is not None:
        d = d.merged_into
    return d.time


# a live blog's post opens with its clock time: "12:00\nPutin, at a news conference ...", "11:20 - The Israeli army
# says ...", "BREAKING 00:40 - Series of heavy strikes ..."
_POST_STAMP = re.compile(r"\s*(?:[A-Z]{4,}:?\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|UTC|[A-Z]{3,4}T))?\s*(?:\n|[-–—]\s)")


def post_start(d: Draft, breaks: list[int]) -> int | None:
    """Where ``d``'s paragraph starts when it is a live blog's post, opening with the clock time it was posted
    at ("12:00\nPutin, at a news conference ...", "11:20 - The Israeli army says ..."), else None."""
    start = breaks[d.paragraph - 1] if 0 < d.paragraph <= len(breaks) else 0
    text = doc_text(d.sent.doc)
    return start if _POST_STAMP.match(text, start) else None


def told_after(kept: list[Draft], index: Any, breaks: list[int], published: dt.date | None = None) -> None:
    """An event with no time of its own, its paragraph naming none before it, is told at the first day
    its paragraph names after it ("Zelensky again called on partners to supply two more Patriot
    systems. ... he wrote on Saturday night"), unless that time is still to come for an event that
    has taken place. Not in a live blog's post (:func:`post_start`): a post is told at the time stamped on it, on
    the blog's day; a day named later in it is the time of something else ("12:00\nPutin ...: 'We agree with the
    proposals' ... Ukraine accepted the proposal on Tuesday")."""
    for d in kept:
        if d.time is not None or post_start(d, breaks) is not None:
            continue  # a live post is told at its own time stamp, on the blog's day
        for tv, root in index.times:
            if root.i < d.sent.end or tv.type not in (TimeType.DATE, TimeType.TIME) or tv.value is None \
                    or tv.granularity not in ("day", "time"):
                continue
            if bisect.bisect_right(breaks, root.idx) != d.paragraph:
                break
            if dateline_date(tv, sentence_of(root)) or (d.realis.status in PAST_STATUSES and _after(tv, published)):
                continue
            d.time = tv
            d.inherited.add("time")
            break


# how many days before publication the story's day may lie and still be the day of its undated acts: the day
# before (a report of the next day); two or three days moved the check half's place pairs (see docs/accuracy.md)
STORY_LAG = 1


def story_day(kept: list[Draft], index: Any, published: dt.date | None, breaks: list[int] | None = None) -> None:
    """An act that has taken place (not a statement; happened, claimed or denied) with no time of its
    own or of its paragraph happened on the story's day, not on the day of publication: the last day
    named before it in the article, when that is the day before publication (:data:`STORY_LAG`; "The rocket
    hit Majdal Shams on Saturday evening. ... Israel captured ..." in Sunday's report). Not an
    act told as going on (a progressive, "fighting was going on in Bakhmut"): that is said of the
    time of the report. In a live blog's post (:func:`post_start`; ``breaks``: the paragraph breaks) only a day named
    in the post itself: the post's time stamp sets the story's time back to the blog's day ("07:15 - ... 58 killed in
    US strikes last night. ... 11:20 - The Israeli army says a missile ... was intercepted": on the blog's day)."""
    if published is None:
        return
    days = [(tv, root) for tv, root in index.times if tv.type in (TimeType.DATE, TimeType.TIME)
            and tv.granularity in ("day", "time") and tv.start is not None and tv.start <= published
            and not dateline_date(tv, sentence_of(root))]
    for d in kept:
        if d.time is not None or d.realis.status not in PAST_STATUSES or d.typing.plover in SPEECH_TYPES \
                or _going_on(d.trigger.head):
            continue
        post = post_start(d, breaks) if breaks is not None else None
        before = [tv for tv, root in days if root.i < d.sent.start and (post is None or root.idx >= post)]
        if before and before[-1].start is not None and 1 <= (published - before[-1].start).days <= STORY_LAG:
            d.time = before[-1]
            d.inherited.add("time")


# statements that react to what happened; a rejection answers a claim, and is dated by it (:func:`reported_time`)
_REACTIONS = STATEMENT_TYPES - {"REJECT"}


def lead_day(kept: list[Draft], index: Any, published: dt.date | None, breaks: list[int]) -> None:
    """A statement that reacts to what happened (an accusation, a request, a threat, words of support) told in the past
    with no time of its own, of its paragraph or of its story is a reaction told on the lead's day: the day the article's first
    paragraph names on a main clause, when that is the day before publication ("A Russian glide bomb hit a line of
    elderly people ... on Tuesday" in Wednesday's report: "He called on the United States ... to impose new
    sanctions" was said on Tuesday). Not a rejection: it answers a claim, told after the claim ("The ministry said
    an airstrike hit the hospital on Tuesday evening. ... rejected the claim as a lie"). Not a statement told in the
    present ("urges", "has condemned"), nor one in an
    article whose lead is the day of publication (the reactions are then that day's: "announced a ceasefire on
    Wednesday ... The U.N. mission urged all parties"). A statement made in a medium its sentence dates ("In a video
    released on Sunday") has that day already (:func:`frontlines.events.when.foreign_time`). So has an act threatened
    by a saying told in the past ("Houthi military spokesman Yahya Saree said the group would target all ships"): a
    threat is dated by when it was made."""
    from frontlines.events.when import foreign_time

    if published is None:
        return
    lead_end = breaks[0] if breaks else len(doc_text(index.times[0][1].doc)) if index.times else 0
    lead = next((tv for tv, root in index.times if root.idx < lead_end and tv.type in (TimeType.DATE, TimeType.TIME)
                 and tv.granularity in ("day", "time") and tv.start is not None
                 and not dateline_date(tv, sentence_of(root)) and not foreign_time(root, sentence_of(root).root, index)), None)
    if lead is None or lead.start is None or (published - lead.start).days != 1:
        return
    for d in kept:
        if d.time is not None:
            continue
        head = d.trigger.head
        if d.typing.plover in _REACTIONS and d.realis.status in PAST_STATUSES:
            verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), None)
            if verb is None or told_now(head) or not _told_past(verb):
                continue
        elif d.realis.status is EventStatus.THREATENED:
            # a threat is dated by its saying: the verb of saying it hangs on, told in the past
            saying = next((a for a in head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in SPEECH_VERBS), None)
            if saying is None or not _told_past(saying):
                continue
        else:
            continue
        d.time = lead
        d.inherited.add("time")


def reported_time(time: TimeValue, doc: Any) -> bool:
    """``time`` is named inside the content of a saying ("The Health Ministry said an Israeli airstrike hit the
    hospital on Tuesday evening"): it dates the act reported, not the saying. Not a time on the saying itself
    ("said on Tuesday that ...") nor one of a sentence told directly ("The truce was signed on Saturday night")."""
    span = doc.char_span(time.evidence.start, time.evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS:
            return True
        tok = tok.head
    return False


# the present of the verb's own form or of its auxiliary: "continues", "are advancing", "is reported"
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_PERFECT = frozenset({"have", "has"})


def told_now(head: Any) -> bool:
    """The trigger's clause is told in the present, of the time of the report: a simple present ("Fighting
    continues along the southern front lines"), a present progressive or passive ("troops are advancing", "the
    town is shelled daily"), or a present perfect said of now ("have entered the city ... and are now combing
    it"). Not a past ("fighting continued"), a past progressive ("was going on"), a modal ("will attack"), nor a
    present perfect alone ("dozens have been killed" tells a past act the story dates)."""
    verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    finite = auxes[0] if auxes else verb
    if finite.tag_ not in _PRESENT_TAGS:
        return False
    if finite.lower_ in _PERFECT and finite is not verb:
        clauses = (verb, *(c for c in verb.children if c.dep_ == "conj"))
        return any(c.dep_ == "advmod" and c.lower_ == "now" for v in clauses for c in v.children)
    return True


def _going_on(head: Any) -> bool:
    """The trigger's clause is told in the progressive ("fighting was going on", "troops are advancing")."""
    verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBG" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in verb.children)


_NOT_STORY_PLACES = frozenset({PlaceKind.SEA, PlaceKind.RIVER, PlaceKind.CONTINENT})


# a paragraph opening with a clock time ("09:10", "01:12 Explosions", "07:15 - Houthi-run") opens a post
_STAMP = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.,:])")
_STAMPED_POSTS = 2  # a text with this many stamped paragraphs is a live blog or channel of posts


def post_starts(text: str) -> list[int]:
    """The character offsets where the posts of a live blog or Telegram channel begin: paragraphs that
    open with a clock time ("09:10\nStepanakert was shelled again overnight."), when at least
    _STAMPED_POSTS do; none for any other text. A post runs to the next stamped paragraph."""
    starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    stamped = [k for k in starts if _STAMP.match(text, k)]
    return stamped if len(stamped) >= _STAMPED_POSTS else []


def _there(sent: Any) -> bool:
    """The sentence points back to a place by "there" ("fighting went on there"), not the "there" of
    "there is"."""
    return any(t.lower_ == "there" and t.dep_ != "expl" for t in sent)


def preceding_place(drafts: list[Draft], index: Any, breaks: list[int] | None = None,
                    posts: list[int] | None = None) -> None:
    """An event that happens somewhere (:func:`happens_somewhere`) whose sentence names no place of
    its own happened where the story is: the nearest place named before it (not a dateline, a
    capital named for its government, or a venue), with its precision lowered, saying so. Across a
    paragraph break (``breaks``: the character offsets of the article's paragraph breaks) the story
    returns to the settlement it names most often, when one was named at least twice.

    In a live blog (``posts``: where its time-stamped posts begin, :func:`post_starts`) whose heading
    names its place ("ARTSAKH WAR LIVE"), each post is a report of its own from there: the place of
    one post does not carry to a later post that names none ("08:30 ... the adversary attacked
    towards Hadrut" is not at Ganja, which the 07:40 post named), unless the sentence says "there";
    such a post is at the heading's place. A blog whose heading names no place (a digest of many
    fronts) keeps the nearest place before. "The city" is read by the places stage (geo.anaphora)."""
    from frontlines.geo.context import came_from, in_dateline

    places = [(p, root) for p, root in index.places
              if not p.metonymic and not in_dateline(p) and p.lat is not None and p.kind not in _NOT_STORY_PLACES]
    if not places:
        return
    posts = posts or []
    story: dict[int, bool] = {}  # place number -> named as a place the story can be at (asked for each draft)
    triggers = {d.trigger.head.i for d in drafts}

    def story_place(k: int, p: Any, root: Any) -> bool:
        told = story.get(k)
        if told is None:
            told = story[k] = not venue(root, sentence_of(root).root) and not (p.kind == PlaceKind.COUNTRY and _doer(root)) \
                and not came_from(root, triggers)
        return told

    def before(start: int) -> Iterator[tuple[Any, Any]]:
        """The story's places named before token ``start``, nearest first: each judged only when reached
        (most drafts take the nearest)."""
        for k in range(len(places) - 1, -1, -1):
            p, root = places[k]
            if root.i < start and story_place(k, p, root):
                yield p, root

    for d in drafts:
        if d.place is not None or not happens_somewhere(d):
            continue
        # the subject of a clause the trigger is part of ("Kherson was the only capital captured"),
        # else the nearest place before it
        ancestors = index.above(d.trigger.head) | {d.trigger.head.i}
        start, end = d.sent.start, d.sent.end
        own = [(p, root) for p, root in places if start <= root.i < end
               and root.head.i in ancestors and _undergoing_subject(root)]
        if not own and changes_hands(d.typing):
            # a change of hands is told of a settlement: one its sentence names in another role, not as
            # a doer ("will make Kherson the largest city ..., and was the only capital captured"), before
            # any place of an earlier sentence
            own = [(p, root) for p, root in places if start <= root.i < end
                   and p.kind == PlaceKind.SETTLEMENT and root.dep_ not in ("poss", "agent")
                   and not (root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"))]
        how = "a place named in its sentence in another role"
        if not own and d.typing.plover == "MOBILIZE":
            # a call-up with no place of its own happens in the country of the people it mobilises or of the
            # state mobilising them ("Putin announced that ordinary Russian citizens would be drafted"), not at
            # the town of the sentence before: the article's naming of that country, else no place
            nations = {a.country for a in (*d.sources, *d.targets) if a.country}
            if nations:
                home = [(p, root) for p, root in places if p.kind == PlaceKind.COUNTRY and p.country in nations]
                if not home:
                    continue
                own = home[-1:]
                how = "a call-up: the country of the people it mobilises"
        earlier = before(start)
        post = bisect.bisect_right(posts, d.sent.start_char) if posts else 0
        if post and not _there(d.sent) and any(root.idx < posts[0] for _, root in places):
            opened, heading = posts[post - 1], posts[0]
            earlier = ((p, root) for p, root in earlier if root.idx >= opened or root.idx < heading)
        nearest = None
        if own:
            p, _ = own[0]
        elif (nearest := next(earlier, None)) is not None:
            p, root = nearest
            how = "no place in its sentence: the nearest place named before it"
            rest: Iterable[tuple[Any, Any]] = earlier
            if breaks is not None and bisect.bisect_right(breaks, root.idx) != d.paragraph:
                seen = [nearest, *earlier]  # across a paragraph break every earlier place is asked
                rest = iter(seen[1:])
                focus = _focus(seen[::-1], index.places)
                if focus is not None and focus is not p:
                    p, how = focus, "no place in its paragraph: the place the story is about (named most often before it)"
            town = _story_town(chain((nearest,), rest), p, root)
            if town is not None:
                p = town
                how = "no place in its sentence: the town the story is about, inside the area named before it"
        else:
            continue
        if post and nearest is not None and nearest[1].idx < posts[0] and p is nearest[0]:
            how = "no place in its post: the place the blog's heading names"
        d.place = borrowed(p, how)
        if changes_hands(d.typing):
            d.place = not_taken(d.place)  # a place its sentence does not name changes nobody's control
        d.place_score = 0.3
        d.inherited.add("place")


def _focus(before: list[tuple[Any, Any]], named: list[tuple[Any, Any]]) -> Any | None:
    """The settlement named most often among ``before`` (in text order; at least twice; the first named of equals),
    never one the only place its country has in the article (``named``: every place of it): a story is about a
    place of the country it tells of, not about a lone namesake abroad ("ISA", the security agency, read as a
    Japanese town) nor the seat a foreign party speaks from. A settlement the dateline names counts once more
    when the story names it too ("KATHMANDU - ... killing 17 people in Kathmandu. Two more protesters were shot
    dead in Itahari ..." is a story about Kathmandu): the dateline alone places nothing."""
    from frontlines.geo.context import in_dateline

    countries: dict[str, set[str]] = {}
    for q, _ in named:
        if q.country and q.gazetteer_id:
            countries.setdefault(q.country, set()).add(q.gazetteer_id)
    told = {q.gazetteer_id for q, _ in before}
    counts: dict[str, int] = {}
    first: dict[str, Any] = {}
    for q, _ in named:
        if in_dateline(q) and q.kind == PlaceKind.SETTLEMENT and q.gazetteer_id in told:
            counts[q.gazetteer_id] = 1  # the first named of equals: the dateline comes first
    for q, _ in before:
        if q.kind == PlaceKind.SETTLEMENT and q.gazetteer_id and len(countries.get(q.country or "", ())) > 1:
            counts[q.gazetteer_id] = counts.get(q.gazetteer_id, 0) + 1
            first.setdefault(q.gazetteer_id, q)
    if not counts:
        return None
    gid = max(counts, key=lambda g: counts[g])  # dicts keep order: the first named of equals
    return first[gid] if counts[gid] >= 2 else None


_AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION})
STORY_SENTENCES = 6  # how far back a town still is what the story is about


def _story_town(before: Iterable[tuple[Any, Any]], area: Any, area_root: Any) -> Any | None:
    """When the nearest place before is an area (a country, a province), the town inside it that
    the story named shortly before, or the name the area was written as the division of ("on Zelenivka
    (Kherson region)"): "a helicopter opened fire over Moura ... the UN mission in Mali ... Some armed
    men fired back" happened in Moura, not somewhere in Mali. The most specific place
    the story is about, never a town outside the area (``before``: the story's places named before
    the event, nearest first, the area among them)."""
    if area.kind not in _AREA_KINDS:
        return None
    for q, qroot in before:
        if q is area or q.kind in _AREA_KINDS or q.lat is None:
            continue
        if _sentences_between(qroot, area_root) > STORY_SENTENCES:
            return None
        inside = q.country == area.country and (area.kind == PlaceKind.COUNTRY or (
            area.admin1 is not None and q.admin1 == area.admin1))
        if inside:
            return q
    return None


def _sentences_between(a: Any, b: Any) -> int:
    """How many sentence starts lie between two tokens (0: the same sentence)."""
    lo, hi = sorted((a.i, b.i))
    return sum(1 for t in a.doc[lo + 1 : hi + 1] if t.is_sent_start)


def happens_somewhere(d: Draft) -> bool:
    """Every event ACLED codes (strategic developments too: arrests, a state of emergency, a handover)
    and every act done rather than said happened where the story is. A speech act (an accusation, a
    request, a rejection, a threat, words of support, talks or a deal not coded as a development)
    is placed only where its own words place it: never at the speaker's home."""
    return d.typing.acled_type is not None or d.typing.plover not in SPEECH_TYPES


def _undergoing_subject(root: Any) -> bool:
    """A place that is what its clause is said of: the subject of a copula ("Kherson was the only
    capital captured") or of a passive ("Kherson was taken"); the subject of an active verb is its
    doer ("Russia fired 40 missiles"), no place of the event."""
    if root.dep_ == "nsubjpass":
        return True
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_.lower() in ("be", "become", "remain"):
        return True
    # the parser's slip: a second "subject" after an active verb that has its own before it is
    # the verb's object ("Ukrainian forces recaptured Velyka Oleksandrivka, Kherson oblast, ...")
    return root.i > verb.i and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _doer(root: Any) -> bool:
    """A country named as a doer or an owner, not as a place: "occupied by Rwanda", "Rwanda denied",
    "Rwanda's President", "Rwanda-backed rebels"."""
    if root.dep_ in ("nsubj", "poss", "agent") or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return True
    return root.dep_ in ("compound", "npadvmod", "amod") and root.head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")


# what a state's government says or decides, not what its forces do nor a meeting (held where it is held)
_DECISIONS = STATEMENT_TYPES | {"SANCTION", "CONCEDE"}
SEAT_REASON = "seat of power"  # Place.reason of a capital given to a seizure of power
_DECREE = ("COERCE", "Other")  # a state of emergency, a curfew, a ban
_GOVERNMENT_NOUNS = frozenset({"government", "cabinet", "presidency"})  # a state's government named as such
# words of a government below the state's (a closed class of levels): its decrees are not issued at the capital
_LOCAL_WORDS = frozenset({"regional", "region", "provincial", "province", "state", "local", "city", "municipal",
                          "district", "county", "oblast", "governor"})


def seat_of_power(drafts: list[Draft], index: Any, gazetteer: Any, article_id: str) -> None:
    """Power is seized where it sits: a coup ("the military seized power in a coup in February 2021")
    whose sentence names no settlement of its own happened in the capital of its country (the country
    its sentence names, else the one the article's places lie in most often, else its doer's), not at
    the place the story named last ("Since the military seized power ..." after a village's air strike).
    So is what a state (an actor of kind "state": "Congo", "the Congolese government") says or decides with
    no settlement of its own ("Congo cut diplomatic ties with Rwanda", "the government accused Rwanda"), as
    is what a body of the national government says (:func:`_national_government`) and a decree it issues (a
    state of emergency, a curfew: coercion ACLED codes as another strategic development) with none ("Haiti's
    government declared a state of emergency" after the prisons stormed in the story): at the state's capital,
    not at the town the story is about."""
    from frontlines.geo.context import in_dateline

    for d in drafts:
        t = d.typing
        decides = (t.plover in _DECISIONS and t.acled_type is None) or (t.plover, t.acled_sub) == _DECREE
        governments = [a for a in d.sources if a.kind == "state" or _national_government(a)] if decides else []
        # a government with no nation yet ("the government accused ..."): the country the story is in
        state = next((a.country for a in governments if a.country), None)
        if (t.plover, t.mode, t.acled_sub) != POWER_TAKEN and not governments:
            continue
        own = d.place if d.place is not None and "place" not in d.inherited else None
        if own is not None and own.kind != PlaceKind.COUNTRY:
            continue  # "seized power in Niamey"
        iso3 = state or (own.country if own is not None else None)
        if iso3 is None:
            counts: dict[str, int] = {}
            for p, _ in index.places:
                if p.country and not in_dateline(p):
                    counts[p.country] = counts.get(p.country, 0) + 1
            iso3 = max(counts, key=lambda c: counts[c]) if counts else None  # the first named of equals
        if iso3 is None:
            # a doer's nationality last: power over a country is seized there, whoever backs the men seizing it
            iso3 = next((a.country for a in d.sources if a.country), None)
        capitals = gazetteer.capitals_of(iso3) if iso3 and gazetteer is not None else ()
        if not capitals:
            continue
        city = capitals[0]
        span = d.trigger.head.doc[min(d.trigger.tokens) : max(d.trigger.tokens) + 1]
        d.place = Place(text=city.name, evidence=Evidence(article_id=article_id, start=span.start_char,
                                                          end=span.end_char, text=span.text),
                        name=city.name, gazetteer_id=city.gid, kind=city.kind, lat=city.lat, lon=city.lon,
                        admin1=city.admin1, country=city.country, precision=Precision.NEAR,
                        reason=f"{SEAT_REASON}: the capital of {iso3}")
        d.place_score = 0.5
        d.inherited.discard("place")


# words that make unnamed forces the state's own, wherever the story is: soldiers or troops alone may be a
# foreign army's (occupiers are often told without their nation)
_OWN_STATE_WORDS = frozenset({"government", "security", "police", "policeman", "policemen", "gendarme",
                              "gendarmes", "gendarmerie", "regime", "junta"})


def _national_government(a: Actor) -> bool:
    """The state's government named as such ("Haiti's government", "the federal government"), not one of its
    divisions' ("the Niger state government", "the regional government"), nor officials, a ministry or a
    person, who speak from wherever they are ("officials in Kyiv urged caution")."""
    words = set(re.findall(r"[a-z]+", (a.text or a.name or "").lower()))
    return a.sector == Sector.GOVERNMENT and a.kind != "person" and bool(words & _GOVERNMENT_NOUNS) \
        and not words & _LOCAL_WORDS


def _home_force(a: Actor) -> bool:
    if a.side or a.country or a.registry_id is not None or a.kind == "person":
        return False
    words = set(re.findall(r"[a-z]+", (a.text or a.name or "").lower()))
    return a.sector is Sector.POLICE or (a.sector is Sector.MILITARY and bool(words & _OWN_STATE_WORDS))


def forces_at_home(drafts: list[Draft]) -> None:
    """The state's own forces the words give no nation ("Government forces killed 21 civilians in Ngarbuh,
    a village in Cameroon's North-West region"; "police fired tear gas at protesters in Dhaka") act for the
    state whose land the event is in, as ACLED codes them: their side is the country of the event's own
    place. Soldiers or troops with no nation, forces named in the registry, a change of hands (an occupier
    takes ground in another state's land) and an event with no place in a country keep theirs."""
    for d in drafts:
        place = d.place
        if place is None or not place.country or place.metonymic or d.typing.acled_sub in TERRITORIAL:
            continue
        if any(_home_force(a) for a in d.sources):
            d.sources = tuple(replace(a, country=place.country, side=place.country) if _home_force(a) else a
                              for a in d.sources)


def officials_at_home(drafts: list[Draft]) -> None:
    """An official the words give an office but no nation ("Governor Mai Mala Buni has condemned the
    killings", "President William Ruto announced") holds that office in the country the story is about:
    the country of most of its events' own places. A story with no placed event, or places in several
    countries as often, gives none."""
    counts: dict[str, int] = {}
    for d in drafts:
        if d.place is not None and d.place.country and not d.place.metonymic and "place" not in d.inherited:
            counts[d.place.country] = counts.get(d.place.country, 0) + 1
    if not counts:
        return
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return
    home = ranked[0][0]
    for d in drafts:
        if any(_home_official(a) for a in d.sources):
            d.sources = tuple(replace(a, country=home, side=home) if _home_official(a) else a for a in d.sources)


def _home_official(a: Actor) -> bool:
    """An office holder, a government body ("the government", "the authorities") or the state's armed
    force named as known ("the army", "the military"), with no nation."""
    if a.side or a.country or a.registry_id is not None:
        return False
    if a.sector is Sector.MILITARY:
        return a.kind != "person" and a.name.lower() in _THE_FORCES
    return a.sector is Sector.GOVERNMENT and (bool(a.role) if a.kind == "person" else True)


_THE_FORCES = frozenset({"army", "military", "navy", "armed forces"})
