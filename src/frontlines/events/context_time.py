"""Dates from the story around an event whose sentence names none: the days that set a scene, the night a
report tells, the day a later mention refers to, the time told after a stamped post, the story's day and
the lead's day; what is told now, or of a time another speaker reported. Places from the story:
:mod:`frontlines.events.context`."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.placing import SPEECH_VERBS, STATEMENT_TYPES
from frontlines.events.when import PAST_STATUSES, dateline_date
from frontlines.stages import doc_text, sentence_of
from frontlines.records import EventStatus, Evidence, Resolution, TimeType, TimeValue

def _after(time: TimeValue, published: dt.date | None) -> bool:
    """``time`` lies wholly after the publication date (a day named for what is yet to come)."""
    return published is not None and time.start is not None and time.start > published


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
