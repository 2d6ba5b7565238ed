"""Place from the story around an event whose sentence names none (:func:`preceding_place`, the place and date
an elaboration takes from the event before it: :func:`inherit`); the kind of violence an attack told as more of
the same takes from the one told before it. Dates from the story (the night, the day a report refers to, the
lead's day): :mod:`frontlines.events.context_time`; a state's acts placed at home:
:mod:`frontlines.events.at_home`."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import Any

from frontlines.events.at_home import CALL_UP_REASON, call_up_home
from frontlines.events.draft import Draft, borrowed
from frontlines.events.context_time import _after, reported_time, scene_times, told_now
from frontlines.events.means import other_of_a_kind, told_as_more
from frontlines.events.mentions import SPEECH_TYPES
from frontlines.events.placing import STATEMENT_TYPES, venue
from frontlines.events.when import PAST_STATUSES
from frontlines.events.takeover import changes_hands
from frontlines.events.territory import not_taken
from frontlines.stages import PARAGRAPH_BREAK, sentence_of, sentence_start
from frontlines.records import PlaceKind

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
        if not own and (home := call_up_home(d, places)) is not None:
            if not home:
                continue  # its nation is known but the article never names it: no place
            own, how = home, CALL_UP_REASON
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
