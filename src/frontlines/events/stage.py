"""The events stage: triggers -> typed events with roles, place, time,
quantities, status and attribution, over the shared Doc and the records of
the earlier stages.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

from frontlines.events.coder import SentenceCues, Trigger, Typing, find_triggers, specificity, type_trigger
from frontlines.events.lexicon import EventLexicon, TriggerSpec, lexicon_from
from frontlines.events.realis import Realis, assess, noun_phrase, source_like, status_factor
from frontlines.events.roles import (
    DocIndex,
    _agent_tokens,
    _venue,
    choose_place,
    choose_quantities,
    choose_time,
    find_actors,
    index_doc,
    publication_time,
)
from frontlines.events.territory import (
    control_place,
    controllers,
    done_by_its_own_word,
    home_forces,
    not_taken,
    noun_names_its_taker,
    taker_unstated,
)
from frontlines.stages import StageInput
from frontlines.records import (
    Actor,
    Event,
    EventStatus,
    Evidence,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Sector,
    TimeValue,
)

NAME = "events.coder"
VERSION = "2"  # 2: one event per happening, claims vs reports, purpose clauses, own place

_PARAGRAPH = re.compile(r"\n\s*\n")
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj"})
_BACKGROUND_PREPS = frozenset({"amid", "after", "following", "since", "despite", "before", "prior", "under", "during"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "these", "those"})
_QUOTE_CHARS = ("\u201c", "\u201d", '"')
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "unleash", "make", "hold", "begin", "start",
                          "continue", "resume", "step", "announce", "order", "sign", "reach", "declare", "impose"})
_CASUALTY_KEYS = frozenset({"kill", "injure", "wound", "killing", "die"})
_THREAT_SPEC = TriggerSpec(key="threat-statement", plover="THREATEN", mode="statement", acled=None, refine=None,
                           weight=0.7, pos="VN")  # fmt: skip
_DEMAND_SPEC = TriggerSpec(key="obligation", plover="REQUEST", mode="demand", acled=None, refine=None,
                           weight=0.65, pos="V")  # fmt: skip
# PLOVER: a stated intention to do something cooperative is AGREE ("offer, promise, or otherwise
# indicate willingness or commitment"); the intention to do something hostile is THREATEN; refusing
# to cooperate is REJECT; a stated obligation of another party ("X must ...") is REQUEST.
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT", "AGREE"})
_HOSTILE = frozenset({"PROTEST", "COERCE", "SANCTION", "ASSAULT"})
_INTENT_FRAMES = frozenset({"offer", "willing", "ready", "prepared", "committed", "commit", "pledge", "promise",
                            "agree", "decide", "plan", "intend", "eager", "determined", "swear", "vow", "threaten"})
_HOSTILE_INTENT = frozenset({"plan", "intend", "decide", "swear", "vow", "threaten", "willing", "ready", "determined"})
# Main-event ranking: violent and strategic events outrank verbal ones unless the verbal one is the
# lead's main verb (PLOVER's verbal types, when they carry no ACLED sub-type).
_VERBAL = frozenset({"CONSULT", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE",
                     "COOPERATE", "AID"})
_MATERIAL = frozenset({"ASSAULT", "RETREAT", "MOBILIZE", "COERCE"})
_WORD = re.compile(r"[a-z][a-z'-]*")


@dataclass(slots=True)
class Draft:
    """An event being assembled (mutable until it becomes a frozen Event)."""

    sent_idx: int
    paragraph: int
    trigger: Trigger
    typing: Typing
    realis: Realis
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    place: Place | None
    place_score: float
    time: TimeValue | None
    quantities: tuple[Quantity, ...]
    confidence: float
    sent: Any
    inherited: set[str] = field(default_factory=set)
    dropped: bool = False


def extract_events(inp: StageInput) -> tuple[Event, ...]:
    """Events of one article (stage ``events.coder``)."""
    lex = lexicon_from(inp.resources)
    doc = inp.doc
    index = index_doc(doc, inp.outputs)
    quotes = [
        (q.evidence.start, q.evidence.end, (q.speaker.name if q.speaker else q.speaker_text))
        for q in inp.outputs.get("quotes", ())
        if (q.speaker is not None and q.speaker.kind != "unnamed") or _speaker_is_source(doc, q.speaker_evidence)
    ]
    breaks = [m.start() for m in _PARAGRAPH.finditer(inp.article.text or doc.text)]
    drafts: list[Draft] = []
    # "must" is rare: find it once per document rather than once per sentence
    musts = [t.i for t in doc if t.lower_ == "must"]
    for s_idx, sent in enumerate(doc.sents):
        while musts and musts[0] < sent.start:
            musts.pop(0)
        triggers = find_triggers(sent, lex)
        threat = _threat_statement(sent, lex, quotes)
        if threat is not None:
            triggers.append(threat)
        if musts and sent.start <= musts[0] < sent.end:
            triggers.extend(_obligations(sent, musts, triggers))
        if not triggers:
            continue
        cues = SentenceCues(sent)
        paragraph = bisect.bisect_right(breaks, sent.start_char)
        sent_drafts = []
        taken: set[int] = set()
        for trig in triggers:
            if trig.spec is _THREAT_SPEC:
                typing = Typing("THREATEN", "statement", None, None)
                realis = Realis(status=EventStatus.HAPPENED, frame=None, attributed_to=None, attributed_token=None)
            else:
                typing = type_trigger(trig, cues, lex)
                if not typing.keep:
                    continue
                realis = assess(trig.head, typing.plover, lex, sent)
                if realis.descriptive:
                    continue  # a purpose or a description, not an event
                if trig.spec is not _DEMAND_SPEC:
                    typing = _stance(typing, realis)
            realis = _quote_attribution(trig, realis, quotes, typing.plover)
            sources, targets = find_actors(trig.head, index, lex=lex, plover=typing.plover,
                                           article_id=inp.article.id)
            place, place_score = choose_place(trig.head, index, sent, typing.plover)
            if place is None and trig.spec.acled in _TERRITORIAL:
                place, place_score = _undergoer_place(inp, trig.head, index)
            time = choose_time(trig.head, index, sent)
            quantities = choose_quantities(trig.head, index, sent, taken)
            typing = _control_typing(typing, trig, place, place_score, lex)
            typing = _territory_side(typing, trig.head, sources, place, lex)
            typing = _violent_family(typing, lex)
            sources = _speaker_side(sources, trig.head, realis, index,
                                    territorial=typing.acled_sub in _TERRITORIAL)
            realis = _claim_or_report(realis, trig.head, sources, index)
            draft = Draft(
                sent_idx=s_idx, paragraph=paragraph, trigger=trig, typing=typing, realis=realis,
                sources=sources, targets=targets, place=place, place_score=place_score, time=time,
                quantities=quantities, confidence=0.0, sent=sent,
            )  # fmt: skip
            sent_drafts.append(draft)
        _attach_sentence_quantities(sent_drafts, index, sent, taken)
        _merge_in_sentence(sent_drafts)
        drafts.extend(d for d in sent_drafts if not d.dropped)
    _merge_across_sentences(drafts)
    _merge_same_happening(drafts)
    kept = [d for d in drafts if not d.dropped]
    _inherit(kept)
    for d in kept:
        _control_place(d, inp, index)
    _preceding_place(kept, index)
    _own_statement(kept, inp.article.source, inp.resources.actors)
    heads = {d.trigger.head.i for d in drafts}
    title = _title_cues(inp.article.title, lex)
    return tuple(_finish(d, inp, lex, heads, title) for d in kept)


def _title_cues(title: str | None, lex: EventLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Trigger words of the headline and their PLOVER types (word lookups: the title is not parsed)."""
    if not title:
        return frozenset(), frozenset()
    words = _WORD.findall(title.lower())
    keys: set[str] = set()
    types: set[str] = set()
    for k, w in enumerate(words):
        for words_, phrase_spec in lex.phrasal.get(w, ()):
            if tuple(words[k : k + len(words_)]) == words_:
                keys.add(phrase_spec.key)
                types.add(phrase_spec.plover)
        spec = lex.single.get(w) or lex.surface.get(w)
        if spec is not None:
            keys.add(spec.key)
            types.add(spec.plover)
    return frozenset(keys), frozenset(types)


def _stance(typing: Typing, realis: Realis) -> Typing:
    """PLOVER's reading of intentions, refusals and demands (the ACLED sub-type is left as it is)."""
    plover = typing.plover
    if realis.modal == "must" and plover != "REQUEST":
        return replace(typing, plover="REQUEST", mode="demand")
    if realis.status == EventStatus.NEGATED and plover in _COOPERATIVE and plover != "RETREAT":
        return replace(typing, plover="REJECT", mode=None)
    if realis.status in (EventStatus.NEGATED, EventStatus.DENIED, EventStatus.ORDERED):
        return typing
    future = realis.modal in ("future", "would")
    frame = realis.frame_word
    # a plain "will" keeps the type (status planned): only a stated willingness or commitment is AGREE
    if plover in _COOPERATIVE and plover != "AGREE" and (realis.modal == "would" or frame in _INTENT_FRAMES):
        return replace(typing, plover="AGREE", mode="intent")
    if plover in _HOSTILE and (future or frame in _HOSTILE_INTENT):
        return replace(typing, plover="THREATEN", mode="intent")
    return typing


def _obligations(sent: Any, musts: list[int], triggers: list[Trigger]) -> list[Trigger]:
    """A stated obligation of another party ("Russia said Sudan must return ...") is a demand."""
    doc = sent.doc
    used = {i for t in triggers for i in t.tokens}
    out = []
    for i in musts:
        if i >= sent.end:
            break
        verb = doc[i].head
        if doc[i].dep_ != "aux" or verb.i in used:
            continue
        if verb.dep_ == "ccomp" or verb.dep_ == "ROOT":
            out.append(Trigger(head=verb, tokens=(verb.i,), spec=_DEMAND_SPEC))
            used.add(verb.i)
    return out


# ---------------------------------------------------------------- special triggers


def _threat_statement(sent: Any, lex: EventLexicon, quotes: list[tuple[int, int, str | None]]) -> Trigger | None:
    """A quoted first-person or future menace addressed to "you": a threat without a threat verb."""
    quoted = any(q[0] <= sent.start_char < q[1] or sent.start_char <= q[0] < sent.end_char for q in quotes) or any(
        c in sent.text for c in _QUOTE_CHARS
    )
    if not quoted:
        return None
    lowers = {t.lower_ for t in sent}
    if not ({"you", "your", "yours"} & lowers) or not ({"will", "'ll", "shall"} & lowers):
        return None
    cues = SentenceCues(sent)
    if not lex.cues["menace"].in_tokens(cues.lemmas, cues.text):
        return None
    return Trigger(head=sent.root, tokens=(sent.root.i,), spec=_THREAT_SPEC)


def _speaker_is_source(doc: Any, evidence: Evidence | None) -> bool:
    """A quotation's speaker that no actor was found for must still be someone who can speak
    (a person, organisation or medium): "Images showed that ..." is no source."""
    if evidence is None:
        return True
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    return span is None or len(span) == 0 or source_like(span.root)


def _quote_attribution(trig: Trigger, realis: Realis, quotes: list[tuple[int, int, str | None]], plover: str) -> Realis:
    """An event inside a quotation is attributed to its speaker and is claimed, not stated."""
    if realis.attributed_to is not None:
        return realis
    idx = trig.head.idx
    for start, end, speaker in quotes:
        if start <= idx < end and speaker:
            status = realis.status
            if status == EventStatus.HAPPENED:
                status = EventStatus.CLAIMED if plover not in ("RETREAT", "MOBILIZE", "AGREE") else EventStatus.ANNOUNCED
            return replace(realis, status=status, attributed_to=speaker)
    return realis


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_TERRITORIAL = frozenset((*_TERRITORY, "Non-violent transfer of territory"))
_TRANSFER = "Non-violent transfer of territory"
_COARSE_PLACES = frozenset({PlaceKind.COUNTRY, PlaceKind.SEA, PlaceKind.CONTINENT})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # "Shoigu said his forces had taken": for control only


def _control_typing(typing: Typing, trig: Trigger, place: Place | None, place_score: float,
                    lex: EventLexicon) -> Typing:
    """A control-changing reading the words alone could not give, made sure by the event's own place.

    A territorial trigger ("recapture", "take back") whose taken object the parser could not tell for
    a place ("Izium was recaptured", the name not tagged) takes territory when the places stage found a
    settlement or area attached to it. Armed forces fleeing a place ("its troops had fled Izium") left
    it: a withdrawal, not the flight of civilians.
    """
    if place is None or place_score < 2.0 or place.metonymic or place.kind in _COARSE_PLACES:
        return typing
    spec = trig.spec
    if typing.acled_sub is None and spec.refine == "take" and spec.acled in _TERRITORIAL and (
        typing.plover == spec.plover
    ):
        return replace(typing, acled_sub=spec.acled, acled_type=lex.acled_event_type.get(spec.acled))
    if typing.plover == "RETREAT" and typing.mode == "flee":
        doers = _agent_tokens(trig.head)
        cues = SentenceCues([t for d in doers for t in d.subtree]) if doers else None
        if cues is not None and lex.cues["armed"].in_tokens(cues.lemmas, cues.text):
            return Typing("RETREAT", "withdraw", _TRANSFER, lex.acled_event_type.get(_TRANSFER))
    return typing


def _undergoer_place(inp: StageInput, head: Any, index: DocIndex) -> tuple[Place | None, float]:
    """The name a territorial trigger takes or gives up, when the places stage passed it over (a
    sentence-initial name the tagger did not mark: "Izium was recaptured by ..."). The verb says it is
    a place: the name is resolved against the gazetteer like any toponym."""
    for c in head.children:
        if c.pos_ != "PROPN" or c.i in index.actor_at:
            continue
        if not (c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and head.lemma_.lower() == "fall")):
            continue
        first = c
        while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head.i == c.i:
            first = first.doc[first.i - 1]
        from frontlines.geo import resolve_spans  # the places stage's own resolution, for one span

        found = [p for p in resolve_spans(inp, [(first.idx, c.idx + len(c.text))])
                 if not p.metonymic and p.kind not in _COARSE_PLACES]
        if found:
            return found[0], 2.0
    return None, 0.0


def _control_place(d: Draft, inp: StageInput, index: DocIndex) -> None:
    """A territorial event's place is the settlement its trigger takes (events.territory); any other
    place it was given stays for the map, marked as changing nobody's control."""
    typing = d.typing
    if typing.acled_sub not in _TERRITORIAL and not (typing.plover == "ASSAULT" and typing.mode == "occupy"):
        return
    head = d.trigger.head
    sent_places = [(p, r) for p, r in index.places if d.sent.start <= r.i < d.sent.end]

    def resolve(tok: Any) -> Place | None:
        first = tok
        while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head.i == tok.i:
            first = first.doc[first.i - 1]
        from frontlines.geo import resolve_spans  # the places stage's own resolution, for one span

        found = list(resolve_spans(inp, [(first.idx, tok.idx + len(tok.text))]))
        return found[0] if found else None

    if typing.acled_sub == _TRANSFER and d.realis.status == EventStatus.ANNOUNCED and done_by_its_own_word(head):
        # realis reads a party's word about its own act as an announcement; of a withdrawal told as done,
        # it is a claim that the ground changed hands
        d.realis = replace(d.realis, status=EventStatus.CLAIMED)
    takers = [index.actor_at[t.i] for t in controllers(head, d.trigger.tokens) if t.i in index.actor_at]
    if takers:
        d.sources = tuple(dict.fromkeys(takers))  # "came under the control of the RSF"
    place, _vetoed = control_place(head, d.trigger.tokens, sent_places, resolve)
    if place is not None:
        nominal = head.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if nominal and typing.acled_sub != _TRANSFER and not noun_names_its_taker(head):
            place = taker_unstated(place)  # "since the capture of Bakhmut": by whom, the noun does not say
        d.place, d.place_score = place, max(d.place_score, 2.0)
        if place.country and typing.acled_sub != _TRANSFER:
            # "The army and Wagner retook Kidal": the army, named without a nation, is the country's own
            for tok in home_forces(head, lambda i: i in index.actor_at):
                start = tok.left_edge.i if tok.left_edge.i <= tok.i else tok.i
                span = tok.doc[start : tok.i + 1]
                evidence = Evidence(article_id=inp.article.id, start=span.start_char, end=span.end_char,
                                    text=span.text)
                d.sources = (*d.sources, Actor(text=span.text, evidence=evidence, name=span.text, kind="group",
                                               country=place.country, sector=Sector.MILITARY,
                                               side=place.country))
    elif d.place is not None:
        d.place = not_taken(d.place)


def _speaker_side(sources: tuple[Actor, ...], head: Any, realis: Realis, index: DocIndex,
                  territorial: bool = False) -> tuple[Actor, ...]:
    """A doer named by a possessive pronoun ("denied that its troops had fled") belongs to the side of
    the speaker the event is attributed to. For a change of control the speaker in the sentence wins
    over any earlier antecedent ("Shoigu said his forces had taken Avdiivka", after a sentence about
    Ukraine's commander): who took the ground decides whose it is."""
    if realis.attributed_token is None or not sources:
        return sources
    if all(a.side or a.country for a in sources) and not territorial:
        return sources
    pronouns = _POSSESSIVE_PRONOUNS | _PERSONAL_POSSESSIVES if territorial else _POSSESSIVE_PRONOUNS
    doers = [d for d in _agent_tokens(head) if any(
        c.dep_ == "poss" and c.lower_ in pronouns for c in d.children)]
    if not doers:
        return sources
    speaker = index.actor_at.get(realis.attributed_token.i)
    if speaker is None or not (speaker.side or speaker.country):
        return sources
    spans = {(d.idx, d.idx + len(d.text)) for d in doers}
    out = []
    for a in sources:
        if (territorial or not (a.side or a.country)) and any(a.evidence.start <= s < a.evidence.end or s <= a.evidence.start < e
                                             for s, e in spans):
            a = replace(a, country=speaker.country, side=speaker.side or speaker.country)
        out.append(a)
    return tuple(out)


_VIOLENT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _violent_family(typing: Typing, lex: EventLexicon) -> Typing:
    """An ACLED battle, explosion or attack on civilians is a PLOVER ASSAULT whatever word named it
    ("destroyed 40 soldiers" is no COERCE): the codebooks line up (data/events/acled_plover.yaml)."""
    if typing.acled_type not in _VIOLENT_FAMILIES or typing.acled_sub is None:
        return typing
    plover, mode = lex.acled_plover.get(typing.acled_sub, (None, None))
    if plover is None or plover == typing.plover:
        return typing
    return replace(typing, plover=plover, mode=mode or typing.mode)


def _claim_or_report(realis: Realis, head: Any, sources: tuple[Actor, ...], index: DocIndex) -> Realis:
    """Who says so decides between a claim and a report. A party saying its own side did something
    makes a claim ("the ministry said its units had liberated Avdiivka": claimed, attributed to the
    ministry); anyone else saying so with a plain reporting verb ("said", "told", "wrote") reports
    what happened, and the report keeps its attribution ("the governor said two were killed").
    A verb that itself marks a claim ("claimed", "alleged") keeps the event claimed."""
    if realis.status != EventStatus.CLAIMED:
        return realis
    if realis.attributed_token is None:
        # "clashes reported", "were reported killed": an unattributed report of what happened
        return replace(realis, status=EventStatus.HAPPENED) if realis.frame_word in _REPORTING_VERBS else realis
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for d in _agent_tokens(head) for c in d.children) or any(
            d.lower_ in ("we", "i") for d in _agent_tokens(head)):
        return realis  # "said its forces had captured", "our forces destroyed": the speaker's own side
    speaker = index.actor_at.get(realis.attributed_token.i)
    speaker_side = (speaker.side or speaker.country) if speaker is not None else None
    doer_sides = {a.side or a.country for a in sources} - {None}
    if speaker_side is not None and speaker_side in doer_sides:
        return realis  # the party's own claim
    if realis.frame_word is not None and realis.frame_word not in _REPORTING_VERBS:
        return realis  # "claimed", "alleged", "accused": the words say it is a claim
    return replace(realis, status=EventStatus.HAPPENED)


_REPORTING_VERBS = frozenset({"say", "tell", "report", "write", "state", "add", "confirm"})


def _territory_side(typing: Typing, head: Any, sources: tuple[Actor, ...], place: Place | None,
                    lex: EventLexicon) -> Typing:
    """Who took the ground decides the ACLED sub-type: a state's forces on their own soil regain it;
    a non-state group, or a state's forces abroad, overtake it."""
    if typing.acled_sub not in _TERRITORY:
        return typing
    sub = typing.acled_sub
    taker = sources[0] if sources else None
    doers = _agent_tokens(head)
    doer_cues = SentenceCues([t for d in doers for t in d.subtree]) if doers else None
    if doer_cues is not None and lex.cues["non_state"].in_tokens(doer_cues.lemmas, doer_cues.text):
        sub = _TERRITORY[1]  # "opposition fighters", "ISIS fighters": whoever the actors stage took them for
    elif doer_cues is not None and "government" in doer_cues.lemmas and (
        taker is None or place is None or not place.country or taker.country in (None, place.country)
    ):
        sub = _TERRITORY[0]  # "government forces" at home
    elif taker is not None and taker.sector.value != "unknown":
        if taker.sector.value == "rebel":
            sub = _TERRITORY[1]
        elif taker.sector.value in ("military", "government", "police") and taker.country and place is not None and (
            place.country
        ):
            # a state's forces at home regain ground; abroad they overtake it; unknown: the verb decides
            sub = _TERRITORY[1] if taker.country != place.country else _TERRITORY[0]
    else:
        if doers:
            cues = SentenceCues([t for d in doers for t in d.subtree])
            if lex.cues["non_state"].in_tokens(cues.lemmas, cues.text):
                sub = _TERRITORY[1]
            elif lex.cues["government_forces"].in_tokens(cues.lemmas, cues.text) and not any(
                t.ent_type_ in ("NORP", "GPE") for d in doers for t in d.subtree
            ):
                sub = _TERRITORY[0]  # "the army", "government troops" (a named nation may be abroad)
    return replace(typing, acled_sub=sub) if sub != typing.acled_sub else typing


# ---------------------------------------------------------------- merging


def _attach_sentence_quantities(drafts: list[Draft], index: DocIndex, sent: Any, taken: set[int]) -> None:
    """Casualty counts of a sentence that hang on no trigger go to its violent event."""
    violent = [d for d in drafts if d.typing.plover == "ASSAULT"]
    if not violent:
        return
    for k, (q, root) in enumerate(index.quantities):
        if k in taken or not (sent.start <= root.i < sent.end):
            continue
        if q.kind in ("killed", "injured", "casualties", "captured", "civilians", "people"):
            violent[0].quantities = violent[0].quantities + (q,)


def _salience(d: Draft) -> float:
    head = d.trigger.head
    penalty = 0.2 if head.dep_ in ("advcl", "relcl", "pcomp") else 0.0
    return d.trigger.spec.weight - penalty


def _connected(a: Any, b: Any, limit: int = 4) -> bool:
    for x, y in ((a, b), (b, a)):
        cur = x
        for _ in range(limit):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i == y.i:
                return True
    return False


def _absorb(keep: Draft, gone: Draft) -> None:
    keep.sources = keep.sources or gone.sources
    keep.targets = keep.targets or gone.targets
    if keep.place is None or gone.place_score > keep.place_score:
        if gone.place is not None:
            keep.place, keep.place_score = gone.place, gone.place_score
    if keep.time is None:
        keep.time = gone.time
    seen = {id(q) for q in keep.quantities}
    keep.quantities = keep.quantities + tuple(q for q in gone.quantities if id(q) not in seen)
    if keep.realis.attributed_to is None and gone.realis.attributed_to is not None:
        keep.realis = replace(keep.realis, attributed_to=gone.realis.attributed_to)
    gone.dropped = True


_GENERIC_DETS = frozenset({"any", "every", "each", "no"})
_ENDING_VERBS = frozenset({"quit", "suspend", "abandon", "exit", "scrap", "break", "violate", "end", "leave",
                           "breach", "terminate", "cancel", "renounce", "collapse"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "appos"})


def _argument_of_other(d: Draft, heads: dict[int, Draft]) -> bool:
    """A plural noun trigger that is another event's argument ("freed 24 hostages", "starving his
    units of shells"): the participants or means of that event, not an event of their own; or a
    generic mention ("any deliberate attack on peacekeepers")."""
    head = d.trigger.head
    if head.tag_ in ("VBN", "JJ") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return True  # "help the wounded", "bury the dead": people, not an event
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in head.children):
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _ENDING_VERBS:
        return True  # "Russia quits the grain deal", "suspended the truce": not the deal's making
    if head.tag_ != "NNS":
        return False  # "freed 24 hostages", "starving units of shells": plural participants or means
    gov = head.head
    if head.dep_ == "pobj" and gov.pos_ == "ADP":
        gov_prep = gov
        gov = gov.head
        if gov_prep.lower_ not in ("of", "for", "with"):
            return False
    elif head.dep_ not in _ARGUMENT_DEPS:
        return False
    other = heads.get(gov.i)
    return other is not None and other is not d and other.typing.plover != d.typing.plover


def _merge_in_sentence(drafts: list[Draft]) -> None:
    """Two violent triggers on one dependency path, or of one ACLED sub-type at one place, name one
    event ("shelling killed five"; "attacked positions near X; clashes reported"); a
    participle telling what an attack did ("..., destroying warehouses", "..., injuring 12") is
    that attack; a noun that is another event's argument is no event of its own."""
    heads = {d.trigger.head.i: d for d in drafts}
    for d in drafts:
        if _argument_of_other(d, heads):
            d.dropped = True
    for a in drafts:
        if a.dropped or a.typing.plover != "ASSAULT":
            continue
        for b in drafts:
            if b is a or b.dropped or b.typing.plover not in ("ASSAULT", "COERCE"):
                continue
            h = b.trigger.head
            if h.tag_ == "VBG" and h.dep_ in ("advcl", "xcomp", "conj") and h.head.i == a.trigger.head.i and (
                    b.trigger.spec.key in _CASUALTY_KEYS or b.typing.acled_sub in (None, "Looting/property destruction")
                    or b.typing.plover == "COERCE"):
                _absorb(a, b)
    for i, a in enumerate(drafts):
        for b in drafts[i + 1 :]:
            if a.dropped or b.dropped:
                continue
            if a.typing.plover != b.typing.plover or a.typing.plover not in ("ASSAULT", "RETREAT", "PROTEST"):
                continue
            same_kind = a.typing.acled_sub is not None and a.typing.acled_sub == b.typing.acled_sub and (
                a.place is None or b.place is None or _place_key(a.place) == _place_key(b.place))
            if not (same_kind or _connected(a.trigger.head, b.trigger.head) or _siblings(a.trigger.head, b.trigger.head)):
                continue
            participle = any(t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") for t in (a.trigger.head, b.trigger.head))
            cautious = _more_cautious(a.realis, b.realis)
            if specificity(b.typing.acled_sub) > specificity(a.typing.acled_sub):
                a, b = b, a
            _absorb(a, b)
            if participle:
                # "given the order to withdraw, effectively handing back control": one event, as
                # far as it has gone (the order), not an order and a completion
                a.realis = cautious


_CAUTION = {EventStatus.HAPPENED: 0, EventStatus.CLAIMED: 1, EventStatus.ANNOUNCED: 2, EventStatus.ORDERED: 3,
            EventStatus.PLANNED: 3, EventStatus.THREATENED: 4, EventStatus.HYPOTHETICAL: 5, EventStatus.DENIED: 5,
            EventStatus.NEGATED: 6}


def _more_cautious(a: Realis, b: Realis) -> Realis:
    return a if _CAUTION[a.status] >= _CAUTION[b.status] else b


def _siblings(a: Any, b: Any) -> bool:
    """Two clauses of one governor ("given the order to withdraw, effectively handing back")."""
    ups_a = {a.head.i, a.head.head.i}
    return a.head.i != a.i and (b.head.i in ups_a or b.head.head.i == a.head.i) and b.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj") \
        and a.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj", "acl")


_SAME_HAPPENING = frozenset({"ASSAULT", "RETREAT", "PROTEST", "COERCE", "AGREE"})


def _merge_same_happening(drafts: list[Draft]) -> None:
    """One event per happening per article: a later mention of an event of the same type and
    sub-type, at the same place (named in both sentences) on the same day, is the same event
    ("Missiles hit Kramatorsk on Tuesday ... The strike on Kramatorsk killed 12")."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _SAME_HAPPENING or d.place is None or "place" in d.inherited:
            continue
        for e in drafts[:k]:
            if e.dropped or e.typing.plover != d.typing.plover or e.place is None or "place" in e.inherited:
                continue
            if (e.typing.acled_sub or d.typing.acled_sub) and e.typing.acled_sub != d.typing.acled_sub:
                continue
            if _place_key(e.place) != _place_key(d.place) or not _same_day(e.time, d.time):
                continue
            if {e.realis.status, d.realis.status} & {EventStatus.DENIED, EventStatus.NEGATED, EventStatus.HYPOTHETICAL}:
                continue
            _absorb(e, d)
            break


def _place_key(p: Place) -> str:
    return p.gazetteer_id or (p.name or p.text).lower()


def _same_day(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return True  # an undated mention (the publication week) of a dated event
    return a.value == b.value


def _merge_across_sentences(drafts: list[Draft]) -> None:
    """A definite noun ("the retreat") refers back to an earlier event of its type; a bare casualty
    sentence ("Two civilians were killed.") completes the attack before it."""
    for k, d in enumerate(drafts):
        head = d.trigger.head
        earlier = [e for e in drafts[:k] if not e.dropped and e.sent_idx < d.sent_idx]
        if not earlier:
            continue
        if head.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children):
            same = [e for e in earlier if e.typing.plover == d.typing.plover and d.sent_idx - e.sent_idx <= 8]
            match = None
            if same:
                # the nearest sentence holding one; in it, the most event-like trigger
                nearest = max(e.sent_idx for e in same)
                match = max((e for e in same if e.sent_idx == nearest), key=_salience)
            if match is not None:
                _absorb(match, d)
                if match.time is not None and d.time is not None and match.time.resolution.value == "default":
                    match.time = d.time
                continue
        alone = all(e.trigger.spec.key in _CASUALTY_KEYS for e in drafts if e.sent_idx == d.sent_idx)
        if alone and d.trigger.spec.key in _CASUALTY_KEYS and not d.sources and d.place is None:
            prev = earlier[-1]
            if prev.typing.plover == "ASSAULT" and prev.paragraph == d.paragraph and d.sent_idx - prev.sent_idx <= 2:
                _absorb(prev, d)


def _inherit(drafts: list[Draft]) -> None:
    """An event with no place or date of its own takes those of the event just before it in its paragraph."""
    for k, d in enumerate(drafts):
        if k == 0:
            continue
        prev = drafts[k - 1]
        if prev.paragraph != d.paragraph or d.sent_idx - prev.sent_idx > 1:
            continue
        if prev.typing.plover != d.typing.plover:
            continue  # only an elaboration of the same kind of event shares its place and date
        if d.place is None and prev.place is not None and d.sent_idx != prev.sent_idx:
            d.place = _borrowed(prev.place, "no place in its sentence: the nearest place named before it, "
                                            "the place of the event before it")
            d.place_score = 0.5
            d.inherited.add("place")
        if d.time is None and prev.time is not None and d.sent_idx != prev.sent_idx:
            d.time = prev.time
            d.inherited.add("time")


# an outlet that is itself a party: a ministry, an armed force, a government office, a party's channel
_PARTY_WORDS = frozenset("""
ministry forces force army command government military office presidency defence defense staff
""".split())


def source_party(source: str | None, registry: Any) -> str | None:
    """The side an article's own source belongs to when the source is a party to the war (a
    defence ministry, an army's command, a government office, an armed group's channel), else None."""
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
            country = registry.country_of(" ".join(words[k : k + n]))
            if country:
                return country
    return None


def _own_statement(drafts: list[Draft], source: str | None, registry: Any) -> None:
    """In a party's own statement (a ministry's release, an army's Telegram post) what its own side
    did is that party's claim: status claimed, attributed to the source."""
    party = source_party(source, registry)
    if party is None:
        return
    for d in drafts:
        if d.realis.status != EventStatus.HAPPENED or d.realis.attributed_to is not None:
            continue
        if party in {a.side or a.country for a in d.sources}:
            d.realis = replace(d.realis, status=EventStatus.CLAIMED, attributed_to=source)


_LOWER_PRECISION = {Precision.EXACT: Precision.NEAR}


def _borrowed(place: Place, how: str) -> Place:
    """Another mention's place given to an event without one: precision lowered, saying how."""
    precision = _LOWER_PRECISION.get(place.precision, place.precision) if place.precision else None
    return replace(place, precision=precision, reason=f"{how}; {place.reason}")
_MATERIAL_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})
_NOT_STORY_PLACES = frozenset({PlaceKind.SEA, PlaceKind.RIVER, PlaceKind.CONTINENT})


def _preceding_place(drafts: list[Draft], index: Any) -> None:
    """A material event (ACLED-coded) whose sentence names no place of its own happened where the
    story is: the nearest place named before it (not a dateline, a capital named for its
    government, or a venue), with its precision lowered, saying so."""
    from frontlines.geo.context import in_dateline

    places = [(p, root) for p, root in index.places
              if not p.metonymic and not in_dateline(p) and p.lat is not None and p.kind not in _NOT_STORY_PLACES]
    if not places:
        return
    for d in drafts:
        if d.place is not None or d.typing.acled_type not in _MATERIAL_ACLED:
            continue
        # the subject of a clause the trigger is part of ("Kherson was the only capital captured"),
        # else the nearest place before it
        ancestors = {a.i for a in d.trigger.head.ancestors} | {d.trigger.head.i}
        own = [(p, root) for p, root in places if d.sent.start <= root.i < d.sent.end
               and root.dep_ in ("nsubj", "nsubjpass") and root.head.i in ancestors]
        before = [(p, root) for p, root in places if root.i < d.sent.start and not _venue(root, root.sent.root)]
        if own:
            p, _ = own[0]
            how = "a place named in its sentence in another role"
        elif before:
            p, _ = before[-1]
            how = "no place in its sentence: the nearest place named before it"
        else:
            continue
        d.place = _borrowed(p, how)
        if d.typing.acled_sub in _TERRITORIAL or (d.typing.plover == "ASSAULT" and d.typing.mode == "occupy"):
            d.place = not_taken(d.place)  # a place its sentence does not name changes nobody's control
        d.place_score = 0.3
        d.inherited.add("place")


# ---------------------------------------------------------------- records


_CAUSAL_HEADS = frozenset({"because", "wake", "aftermath", "result", "due", "owing", "response", "fear", "fears"})


def _causal(prep: Any) -> bool:
    """A preposition that names a cause: "because of", "in the wake of", "due to", "in response to"."""
    return prep.lower_ in ("of", "to") and prep.head.lower_ in _CAUSAL_HEADS


def _main_verb(head: Any) -> bool:
    """The sentence's own predicate: its root, or a clause the root reports or coordinates."""
    return head.dep_ == "ROOT" or (head.dep_ in ("conj", "ccomp") and head.head.dep_ == "ROOT")


def _confidence(d: Draft, trigger_heads: set[int], title: tuple[frozenset[str], frozenset[str]]) -> float:
    """How likely this is the article's main event: trigger reliability, syntax, position, headline,
    kind of event and status."""
    head = d.trigger.head
    conf = d.trigger.spec.weight
    governor = head.head.head if head.head.pos_ == "ADP" else head.head
    main = _main_verb(head)
    if main:
        conf += 0.1
    elif head.dep_ == "dobj" and governor.lemma_.lower() in _LIGHT_VERBS and (
        governor.dep_ == "ROOT" or governor.head.dep_ == "ROOT"
    ):
        conf += 0.1  # "launched a missile strike", "carried out an air raid"
    elif head.pos_ in ("NOUN", "PROPN") and governor.i in trigger_heads and governor.i != head.i:
        conf -= 0.25  # the topic of another event ("protesting mobilisation", "accused of torture")
    elif head.dep_ in _SUBORDINATE:
        conf -= 0.1
    if head.dep_ == "pobj" and (head.head.lower_ in _BACKGROUND_PREPS or _causal(head.head)):
        conf -= 0.15  # "amid shelling", "because of attacks", "in the wake of the murder": a cause, told as background
    if d.sources:
        conf += 0.05
    if d.targets:
        conf += 0.03
    if d.place is not None and "place" not in d.inherited:
        conf += 0.03
    if d.typing.acled_sub is not None:
        conf += 0.03
    # news puts the main event in the lead sentence, and elaborates it in the next ones
    conf += 0.15 if d.sent_idx == 0 else 0.06 if d.sent_idx == 1 else 0.03 if d.paragraph == 0 else 0.0
    title_keys, title_types = title
    if d.trigger.spec.key in title_keys:
        conf += 0.2  # the headline names this very trigger
    elif d.typing.plover in title_types:
        conf += 0.12  # the headline names an event of this type
    plover = d.typing.plover
    if plover in _MATERIAL or d.typing.acled_sub is not None:
        conf += 0.05
    elif plover in _VERBAL and not (main and d.sent_idx == 0):
        conf -= 0.1  # said, urged, met: background to what was done, unless it is the lead's news
    conf *= status_factor(d.realis.status)
    # a monotone squash into (0, 1): no cap, so two strong events keep their order
    return round(max(0.01, 1.0 - math.exp(-1.8 * max(conf, 0.0))), 4)


def _stage_names(d: Draft) -> tuple[str, ...]:
    names = [f"{NAME}:{VERSION}"]
    from frontlines.actors import STAGE as actors_stage
    from frontlines.geo import STAGE as places_stage
    from frontlines.quantities import STAGE as quantities_stage
    from frontlines.time import STAGE as times_stage

    if d.sources or d.targets:
        names.append(f"{actors_stage.name}:{actors_stage.version}")
    if d.place is not None:
        names.append(f"{places_stage.name}:{places_stage.version}")
    if d.time is not None and d.time.resolution.value != "default":
        names.append(f"{times_stage.name}:{times_stage.version}")
    if d.quantities:
        names.append(f"{quantities_stage.name}:{quantities_stage.version}")
    return tuple(names)


def _finish(d: Draft, inp: StageInput, lex: EventLexicon, trigger_heads: set[int],
            title: tuple[frozenset[str], frozenset[str]]) -> Event:
    sent = d.sent
    article_id = inp.article.id
    doc = inp.doc
    full = inp.article.text or doc.text  # doc.text rebuilds the string on every access
    start, end = sent.start_char, sent.end_char
    text = full[start:end]
    stripped = text.rstrip()
    end -= len(text) - len(stripped)
    lead = len(stripped) - len(stripped.lstrip())
    start += lead
    evidence = Evidence(article_id=article_id, start=start, end=end, text=stripped.lstrip())
    toks = sorted(d.trigger.tokens)
    t_start = doc[toks[0]].idx
    t_end = doc[toks[-1]].idx + len(doc[toks[-1]].text)
    trigger_text = full[t_start:t_end]
    time = d.time
    if time is None and inp.article.published is not None:
        time = publication_time(inp.article.published, article_id)
    attributed = d.realis.attributed_to
    return Event(
        evidence=evidence,
        trigger=trigger_text,
        plover_type=d.typing.plover,
        plover_mode=d.typing.mode,
        acled_event_type=d.typing.acled_type,
        acled_sub_event_type=d.typing.acled_sub,
        sources=d.sources,
        targets=d.targets,
        place=d.place,
        time=time,
        quantities=d.quantities,
        status=d.realis.status,
        attributed_to=attributed,
        confidence=_confidence(d, trigger_heads, title),
        trigger_evidence=Evidence(article_id=article_id, start=t_start, end=t_end, text=trigger_text),
        stages=_stage_names(d),
    )


__all__ = ["extract_events", "NAME", "VERSION", "noun_phrase"]
