"""The event's own time: the date attached to its trigger, else its sentence's nearest; never a date that
belongs to something else the sentence mentions (a clause on another noun, a thing's validity, a dateline);
the publication's week when none is found. Split from ``events.roles``, which links the other roles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from frontlines.events.roles import DocIndex
from frontlines.events.placing import measured_since, path_to
from frontlines.events.shift import counted_from
from frontlines.events.tree import doc_tree
from frontlines.records import Evidence, EventStatus, Resolution, TimeType, TimeValue
from frontlines.stages import doc_text


def choose_time(trigger: Any, index: DocIndex, sent: Any, *, statement: bool = False) -> TimeValue | None:
    """The date of the event: one attached to the trigger, else the nearest of its sentence; a
    dateline's date ("DUBAI, Nov 20 (Reuters) -") is the publication's and comes after any other.
    A date that belongs to something else the sentence mentions is none of the event's
    (:func:`foreign_time`): the sentence's own time, or none, wins over it; so is a date inside what a
    statement told in the present is about (``statement``, :func:`_said_now_of`). A day counted from the named one
("a day after talks collapsed on Sunday") is moved by the count (:func:`frontlines.events.shift.counted_from`)."""
    best: tuple[float, TimeValue, Any] | None = None
    for _, tv, root in index.in_sentence("times", sent):
        if tv.type not in (TimeType.DATE, TimeType.TIME) or tv.value is None:
            continue
        if tv.value in ("PRESENT_REF", "FUTURE_REF"):
            continue
        path = path_to(root, trigger)
        if foreign_time(root, trigger, index) or (statement and _said_now_of(root, trigger)):
            continue
        score = (10.0 - len(path)) if path is not None else 5.0 - 0.1 * abs(root.i - trigger.i)
        if tv.resolution in (Resolution.UNRESOLVED,):
            score -= 3
        if dateline_date(tv, sent):
            score -= 20.0
        if best is None or score > best[0]:
            best = (score, tv, root)
    return counted_from(best[1], best[2], trigger, sent) if best else None


# Clauses that modify a noun: "the initiative, brokered ... in July last year", "a command to fall this year".
_NOUN_CLAUSES = frozenset({"relcl", "acl"})


def foreign_time(root: Any, trigger: Any, index: DocIndex) -> bool:
    """The date at ``root`` belongs to something else in the trigger's sentence, not to the event: on
    its way up to the trigger's clause it crosses a clause that modifies a noun other than the
    trigger ("suspending the initiative, brokered in July last year"; "captured the headquarters,
    the second command to fall this year"; "Hezbollah, which had claimed attacks that day,
    denied ..."; "had insisted until Saturday"): that clause tells the noun's own story. A clause
    on the trigger itself ("the strike, which hit on Monday") or on the event noun that is its
    subject ("a strike carried out on Monday killed five") dates the event, and so does one on an occasion the event
    happened at (:func:`_attended`, "at a rally held on Thursday"), unless it says when the
    thing comes into or goes out of force ("sanctions that take effect on 1 January", "a truce due
    to expire on Friday"): a thing's validity is not the day it was decided. An "until" date ends
    the stretch of what it is attached to: the event's own date only in the event's own clause
    (:func:`_bounds_own_clause`).
    """
    if root.dep_ == "pobj" and root.head.lower_ in _UNTIL_WORDS and not _bounds_own_clause(root.head.head, trigger, root):
        return True
    above = index.above(trigger)
    doc = root.doc
    tree = doc_tree(doc)
    head, dep, pos = tree.head, tree.dep, tree.pos
    i = root.i
    for _ in range(10):
        if i == trigger.i or i in above or head[i] == i:
            return False
        if dep[i] == "advcl" and measured_since(doc[i]):  # (measured_since asks for a clause)
            return True  # "the worst since a peace deal ended the war in November": when the record is measured from
        if _own_clause(doc[i]) and head[i] == trigger.i:
            return True  # "Russia occupied Kupiansk in February 2022, and Ukraine recaptured it in September"
        if dep[i] in _NOUN_CLAUSES and pos[i] in ("VERB", "AUX"):
            tok = doc[i]
            noun = tok.head
            if _in_force(tok):
                return True
            own = noun.i == trigger.i or (
                noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == trigger.i and noun.pos_ == "NOUN"
                and noun.i not in index.actor_at) or _attended(noun) or _medium(noun, trigger)
            if not own:
                return True
        i = head[i]
    return False


def _own_clause(verb: Any) -> bool:
    """``verb`` heads a clause coordinated with another and has a subject of its own ("..., and Ukraine recaptured it
    in September that year"): its dates are its own, not the first clause's. A verb that shares the first clause's
    subject ("seized the airport on Feb. 14 and walked into the city two days later") is not one, nor a participle
that leaves its tense to the first ("55 people were killed and 146 wounded this week"), nor a time the parser took
for a subject ("accused Pakistan ..., and the next day suspended the treaty")."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ not in ("DATE", "TIME") for c in verb.children)


def _said_now_of(root: Any, trigger: Any) -> bool:
    """The date at ``root`` lies inside the object of ``trigger``, a statement told in the simple present ("The World
    Health Organization condemns ... the attack on Friday on the hospital"; "We ... condemn the killing ... during
    yesterday's protests"): it dates what the statement is about, and the statement is made now. Not a statement in
    the past ("condemned the attack on Friday" may have been said that day) nor a date on the verb itself ("says on
    Friday")."""
    finite = trigger.tag_ in ("VBZ", "VBP") or (  # "We ... condemn", which the tagger may read as a bare VB
        trigger.tag_ == "VB" and any(c.dep_ == "nsubj" for c in trigger.children))
    if not finite or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    tok = root
    for _ in range(10):
        if tok.head.i == tok.i or tok.i == trigger.i:
            return False
        if tok.head.i == trigger.i:
            return tok.dep_ == "dobj"
        tok = tok.head
    return False


# occasions people attend: what happens at one happens when it is held
_OCCASIONS = frozenset("""
rally funeral wedding ceremony meeting protest demonstration march gathering celebration concert festival service
prayer prayers vigil parade match summit conference talks election vote
""".split())


def _attended(noun: Any) -> bool:
    """``noun`` is an occasion the event happened at or during ("tore through a crowd at a rally held in Bukavu on
    Thursday"; "killed during a funeral held on Sunday"): the clause that dates it dates the event."""
    return noun.lemma_.lower() in _OCCASIONS and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "during")


# what a statement is made in: the day it came out is the day it was said
_MEDIA = frozenset("""
statement video letter message post posting interview broadcast address speech communique communiqué release
recording audio tweet
""".split())


def _medium(noun: Any, trigger: Any) -> bool:
    """``noun`` is what the trigger, a saying, was made in ("In a video released on Sunday, Kogoya said ... and again
    demanded ...", "in a statement issued on Monday, the ministry accused ..."): the clause that dates the medium
    dates the saying. Not what the saying tells ("... said he had freed the pilot": the freeing has its own day),
    nor a medium the trigger's clause does not hang on ("a video released on Sunday shows the strike")."""
    if noun.lemma_.lower() not in _MEDIA or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "via", "through"):
        return False
    verb, tok = noun.head.head, trigger
    for _ in range(4):  # the saying's verb itself, or one coordinated with it ("said ... and again demanded")
        if tok.i == verb.i:
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# "until Saturday": the end of a stretch of what the phrase is attached to
_UNTIL_WORDS = frozenset({"until", "till", "pending"})


def _bounds_own_clause(verb: Any, trigger: Any, root: Any) -> bool:
    """An "until" date attached to ``verb`` bounds the event: ``verb`` is the trigger or governs it
    through anything but a coordination ("went from house to house, rounding up and executing
    people, until 31 March"), or the trigger stands in a clause on the date itself ("held until late
    June, when the alliance resumed its attacks"). Not a coordinated clause ("talks went on until
    Friday and rebels attacked")."""
    if verb.i == trigger.i or any(a.i == root.i for a in trigger.ancestors):
        return True
    tok = trigger
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        if tok.head.i == verb.i:
            return tok.dep_ != "conj"
        tok = tok.head
    return False


# "take effect", "enter into force", "come into force", "expire": when a thing is valid, not when it was made
_FORCE_WORDS = frozenset({"effect", "force"})
_FORCE_VERBS = frozenset({"expire", "lapse"})


def _in_force(verb: Any) -> bool:
    return verb.lemma_ in _FORCE_VERBS or any(
        t.lower_ in _FORCE_WORDS and t.head.i in (verb.i, *(c.i for c in verb.children)) for t in verb.subtree)


# "DUBAI, Nov 20 (Reuters) -", "GENEVA (12 May 2023) -": a place in capitals, the date, a dash; or a place and
# the date in brackets, "(Nairobi, February 25, 2020) -", as rights groups date their releases
_DATELINE_BEFORE = re.compile(r"^\s*(?:[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*(?:,\s*[A-Z][\w.'’\- ]{0,30}?)?\s*[,(]"
                              r"|\(\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3},)\s*$")
_DATELINE_AFTER = re.compile(r"^\s*\)?\s*(?:\([^()]{1,40}\)\s*)?[-–—]")


def dateline_date(tv: TimeValue, sent: Any) -> bool:
    """``tv`` is the date of the sentence's dateline: when the report was filed, not when anything in
    it happened ("KYIV, March 5 (Reuters) -", "GENEVA (5 March 2024) -", "(Nairobi, February 25, 2020) -")."""
    start, stop, end = sent.start_char, sent.end_char, tv.evidence.end
    if not 0 <= tv.evidence.start - start <= 60:
        return False
    text = doc_text(sent.doc)  # not sent.text, which joins the sentence's tokens again on every access
    return bool(_DATELINE_BEFORE.match(text[start:tv.evidence.start])
                and _DATELINE_AFTER.match(text[min(end, stop):min(end + 50, stop)]))


# Statuses of something that has taken place by the time of the report.
PAST_STATUSES = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})


# Statuses of an act still to come at the time of the report.
TO_COME = frozenset({EventStatus.PLANNED, EventStatus.THREATENED, EventStatus.ORDERED})


def rest_of_period(time: TimeValue | None, status: EventStatus, published: dt.date | None) -> TimeValue | None:
    """An act still to come (planned, threatened, ordered) dated by a period the report stands in ("the government
    would send 590 more soldiers to Sinaloa this week", told on Tuesday 22 October) falls in the rest of that period:
    from the day of the report, not from the period's first day, which is past. A period wholly before or after the
    report, or an act that has taken place, keeps its time ("the troops arrived this week" began on Monday)."""
    if time is None or published is None or status not in TO_COME or time.start is None or time.end is None:
        return time
    if not time.start < published <= time.end:
        return time
    return replace(time, start=published)


def publication_time(published: dt.date, article_id: str) -> TimeValue:
    """The fallback date: the publication date, as a week-long interval ending on it."""
    return TimeValue(
        text="",
        evidence=Evidence(article_id=article_id, start=0, end=0, text=""),
        type=TimeType.DATE,
        value=published.isoformat(),
        start=published - dt.timedelta(days=7),
        end=published,
        granularity="week",
        resolution=Resolution.DEFAULT,
        anchor="publication date",
    )
