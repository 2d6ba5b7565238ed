"""Territorial events: a control-changing reading made sure by the event's place, who took the
ground (the ACLED sub-type), and the settlement taken (events.territory)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.own_statements import forces_of_no_side
from frontlines.events.coder import SentenceCues, Trigger, Typing
from frontlines.events.draft import Draft
from frontlines.events.lexicon import EventLexicon
from frontlines.events.means import hands_holder, home_nation, nations_named, own_words
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.events.voice import headline_passive
from frontlines.events.territory import (
    control_place as taken_place,
    controllers,
    done_by_its_own_word,
    home_forces,
    not_taken,
    noun_names_its_taker,
    taker_unstated,
)
from frontlines.stages import StageInput
from frontlines.records import Actor, EventStatus, Evidence, Place, PlaceKind, Sector

TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
TERRITORIAL = frozenset((*TERRITORY, "Non-violent transfer of territory"))
TRANSFER = "Non-violent transfer of territory"
HIT = "undergoer:hit"  # a place's reason: the name an attack verb takes as its object or passive subject


def changes_hands(typing: Typing) -> bool:
    """The event tells ground changing hands: a territorial ACLED sub-type, or an occupation."""
    return typing.acled_sub in TERRITORIAL or (typing.plover == "ASSAULT" and typing.mode == "occupy")
_COARSE_PLACES = frozenset({PlaceKind.COUNTRY, PlaceKind.SEA, PlaceKind.CONTINENT})


def control_typing(typing: Typing, trig: Trigger, place: Place | None, place_score: float,
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
    if typing.acled_sub is None and spec.refine == "take" and spec.acled in TERRITORIAL and (
        typing.plover == spec.plover
    ):
        return replace(typing, acled_sub=spec.acled, acled_type=lex.acled_event_type.get(spec.acled))
    if typing.plover == "RETREAT" and typing.mode == "flee":
        doers = agent_tokens(trig.head)
        cues = SentenceCues([t for d in doers for t in d.subtree]) if doers else None
        if cues is not None and cues.holds(lex.cues["armed"]):
            return Typing("RETREAT", "withdraw", TRANSFER, lex.acled_event_type.get(TRANSFER))
    return typing


def undergoer_place(inp: StageInput, head: Any, index: DocIndex, *, attack: bool = False) -> tuple[Place | None, float]:
    """The name a territorial trigger takes or gives up, or an attack hits (``attack``: a settlement
    only), when the places stage passed it over (a sentence-initial name the tagger did not mark:
    "Izium was recaptured by ...", "Russian forces shelled Siversk" with the name taken for a product,
    "Balakliia hit by Russian missiles" with the participle on the name, tagged a common noun).
    The verb says it is a place: the name is resolved against the gazetteer like any toponym."""
    # a participle on the noun it was done to: "Balakliia hit by Russian missiles, 10 wounded" (a reduced relative)
    modified = [head.head] if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i < head.i else []
    for c in (*head.children, *modified):
        if (c.i in index.actor_at and not _guessed_organisation(index.actor_at[c.i])) or c.ent_type_ in (
                "PERSON", "NORP") or not (
                c.pos_ == "PROPN" or (c in modified and c.pos_ == "NOUN" and c.text[:1].isupper())):
            continue
        if c not in modified and not (c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and (
                head.lemma_.lower() == "fall" or headline_passive(head, place_subject=True)))):
            continue
        first = c
        while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head.i == c.i:
            first = first.doc[first.i - 1]
        from frontlines.geo import resolve_spans  # the places stage's own resolution, for one span

        found = [p for p in resolve_spans(inp, [(first.idx, c.idx + len(c.text))])
                 if not p.metonymic and p.kind not in _COARSE_PLACES
                 and (not attack or p.kind is PlaceKind.SETTLEMENT)]
        if c.ent_type_ in _NAME_ENTS and not attack:
            # ground taken whose name the tagger read as a person's or an organisation's ("Rebels captured Smith"):
            # a place only in a country the article's other places lie in (many names are also a place's somewhere;
            # an attack's undergoer is a settlement only, as a headline names it alone: "Antonivka hit by drone")
            countries = _story_countries(inp)
            found = [p for p in found if p.country in countries]
        if found:
            place = found[0]
            if attack:  # the reason says why a name the places stage passed over is the event's place
                place = replace(place, reason=f"{HIT}; {place.reason}" if place.reason else HIT)
            return place, 2.0
    return None, 0.0


_NAME_ENTS = frozenset({"PERSON", "ORG"})


def _story_countries(inp: StageInput) -> set[str]:
    """The countries the article's places (not those named for a government) lie in."""
    return {p.country for p in inp.outputs.get("places", ()) if p.country and not p.metonymic}


def object_place(inp: StageInput, head: Any, index: DocIndex) -> tuple[int, Place] | None:
    """A name that a verb of taking has as its object ("Wagner took Soledar", "the army recaptured Kuriga")
    which the tagger read as a person's or an organisation's, no known actor's: a settlement of a
    country the article's other places lie in, when the gazetteer has one. Many surnames are also village
    names, so the settlement must sit in the story's country, and a text with no other place gives none.
    Returns the name's head token and its place."""
    countries = _story_countries(inp)
    if not countries:
        return None
    for c in head.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "PROPN" or c.ent_type_ not in _NAME_ENTS:
            continue
        known = index.actor_at.get(c.i)
        if known is not None and (known.registry_id is not None or known.role is not None):
            continue  # a known person or group, or one the text gives a role
        span = c.doc[c.left_edge.i : c.i + 1] if c.left_edge.ent_type_ == c.ent_type_ else c.doc[c.i : c.i + 1]
        if any(t.pos_ != "PROPN" for t in span):
            continue
        from frontlines.geo import resolve_spans  # the places stage's own resolution, for one span

        found = [p for p in resolve_spans(inp, [(span.start_char, span.end_char)])
                 if not p.metonymic and p.kind is PlaceKind.SETTLEMENT and p.country in countries]
        if found:
            return c.i, found[0]
    return None


def _guessed_organisation(actor: Actor) -> bool:
    """An organisation known by nothing but the NER's label (no country, no sector): a name the gazetteer may
    know as a town ("Antonivka hit by drone" tagged ORG), unlike an armed group or a body the registry knows."""
    return actor.kind == "organisation" and actor.country is None and actor.sector == Sector.UNKNOWN


def control_place(d: Draft, inp: StageInput, index: DocIndex) -> None:
    """A territorial event's place is the settlement its trigger takes (events.territory); any other
    place it was given stays for the map, marked as changing nobody's control."""
    typing = d.typing
    if not changes_hands(typing):
        return
    head = d.trigger.head
    sent_places = [(p, r) for _, p, r in index.in_sentence("places", d.sent)]

    def resolve(tok: Any) -> Place | None:
        first = tok
        while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head.i == tok.i:
            first = first.doc[first.i - 1]
        from frontlines.geo import resolve_spans  # the places stage's own resolution, for one span

        found = list(resolve_spans(inp, [(first.idx, tok.idx + len(tok.text))]))
        return found[0] if found else None

    if typing.acled_sub == TRANSFER and d.realis.status == EventStatus.ANNOUNCED and done_by_its_own_word(head):
        # realis reads a party's word about its own act as an announcement; of a withdrawal told as done,
        # it is a claim that the ground changed hands
        d.realis = replace(d.realis, status=EventStatus.CLAIMED)
    takers = [index.actor_at[t.i] for t in controllers(head, d.trigger.tokens) if t.i in index.actor_at]
    if takers:
        d.sources = tuple(dict.fromkeys(takers))  # "came under the control of the RSF"
    place, _vetoed = taken_place(head, d.trigger.tokens, sent_places, resolve)
    if place is not None:
        nominal = head.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if nominal and typing.acled_sub != TRANSFER and not noun_names_its_taker(head):
            place = taker_unstated(place)  # "since the capture of Bakhmut": by whom, the noun does not say
        d.place, d.place_score = place, max(d.place_score, 2.0)
        if place.country and typing.acled_sub != TRANSFER:
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



def territory_side(typing: Typing, head: Any, sources: tuple[Actor, ...], place: Place | None,
                    lex: EventLexicon, speaker: Actor | None = None) -> Typing:
    """Who took the ground decides the ACLED sub-type: a state's forces on their own soil regain it;
    a non-state group, or a state's forces abroad, overtake it. ``speaker``: the actor the event is
    attributed to, whose forces a possessive names ("the Defence Ministry said its forces had taken over")."""
    if typing.acled_sub not in TERRITORY:
        return typing
    sub = typing.acled_sub
    taker = sources[0] if sources else None
    doers = hands_holder(head) or agent_tokens(head)  # "fell into Ukrainian hands": the holder took it
    named = lead_words(doers)
    doer_cues = SentenceCues(named) if doers else None
    if doer_cues is not None and doer_cues.holds(lex.cues["non_state"]):
        sub = TERRITORY[1]  # "opposition fighters", "ISIS fighters": whoever the actors stage took them for
    elif _speakers_state_forces(doers, speaker, place):
        sub = TERRITORY[0]  # "the Defence Ministry said its forces had taken over the headquarters"
    elif doer_cues is not None and "government" in doer_cues.lemmas and (
        taker is None or place is None or not place.country or taker.country in (None, place.country)
    ):
        sub = TERRITORY[0]  # "government forces" at home
    elif taker is not None and taker.sector.value in _STATE_BODIES and not taker.country and doers and (
        _home_state_forces(doers, lex) and not any(c.dep_ == "poss" for d in doers for c in d.children)
    ):
        # "the army took control of the streets": a state's forces named with no nation and no owner ("its forces":
        # a sayer's, who may be abroad) are the land's own
        sub = TERRITORY[0]
    elif taker is not None and taker.sector.value != "unknown":
        if taker.sector.value == "rebel":
            sub = TERRITORY[1]
        elif taker.sector.value in ("military", "government", "police") and taker.country and place is not None and (
            place.country
        ):
            # a state's forces at home regain ground; abroad they overtake it, unless beside the home state's own
            # forces; unknown: the verb decides
            abroad = taker.country != place.country and not beside_home_forces(head, place.country, lex)
            sub = TERRITORY[1] if abroad else TERRITORY[0]
    else:
        if doers:
            cues = SentenceCues(named)
            if cues.holds(lex.cues["non_state"]):
                sub = TERRITORY[1]
            elif _home_state_forces(doers, lex):
                sub = TERRITORY[0]  # "the army", "government troops" (a named nation may be abroad)
            elif (home := home_nation(named, place.country if place else None, lex)) is not None:
                sub = TERRITORY[0] if home else TERRITORY[1]  # a nation's hands: at home it regains ground
    return replace(typing, acled_sub=sub) if sub != typing.acled_sub else typing


_STATE_BODIES = frozenset({"government", "military", "police"})
# Dependents of a taker's noun that name others than the taker: who fought beside it ("the army and allied
# fighters": ACLED codes ground taken by a government and its affiliates as the government's) and what it did
# or where it was ("security forces in a crackdown on Taliban militants").
_NOT_THE_TAKER = frozenset({"conj", "cc", "preconj", "prep"})


def lead_words(doers: list[Any]) -> list[Any]:
    """The words naming the lead taker (the first of coordinated takers, its modifiers and its "of": "units
    of the Sever group"), without the clauses that describe it (events.means.own_words), its allies or its
    prepositional phrases: "Syrian army and allied fighters" are the army's, "Afghan security forces in a
    crackdown on Taliban militants" are no militants."""
    words = own_words(doers)
    drop: set[int] = set()
    for d in doers:
        for c in d.children:
            if c.dep_ in _NOT_THE_TAKER and not (c.dep_ == "prep" and c.lower_ == "of"):
                drop.update(t.i for t in c.subtree)
    return [t for t in words if t.i not in drop]


def _home_state_forces(doers: list[Any], lex: EventLexicon) -> bool:
    """The doers' own words name a state's forces ("the army", "police officers", "government troops") and no
    nation or country ("Russian troops" may be abroad): the forces of the land the story is in, at home."""
    return SentenceCues(own_words(doers)).holds(lex.cues["government_forces"]) and not any(
        t.ent_type_ in ("NORP", "GPE") for d in doers for t in d.subtree)


def beside_home_forces(head: Any, country: str, lex: EventLexicon) -> bool:
    """The takers' words name the forces of the land the ground lies in beside foreign ones ("Rwandan and
    Mozambican troops retook Mocimboa da Praia"): the state regains its ground with its allies (ACLED: government
    forces or their affiliates regain territory), though the first nation named is abroad."""
    doers = hands_holder(head) or agent_tokens(head)
    return bool(doers) and country in nations_named(own_words(doers), lex)


def _speakers_state_forces(doers: list[Any], speaker: Actor | None, place: Place | None) -> bool:
    """The doers are a state body's own ("its forces", "their troops", told by a ministry, an army, a
    government) and the ground lies in that state, or no country is known for either."""
    if speaker is None or speaker.sector.value not in _STATE_BODIES or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for d in doers for c in d.children):
        return False
    own = speaker.side or speaker.country
    return own is None or place is None or not place.country or place.country == own


def release_takes_ground(drafts: list[Draft], party: str | None) -> None:
    """In a party's own release, ground its forces named without a side took ("units of the Tsentr
    group of forces have liberated the city of Avdeyevka") was taken by the party: at home it regains
    the ground, abroad (or a non-state party anywhere) it overtakes it (ACLED: a state's forces on
    foreign soil are coded as overtaking territory, whatever word the release uses)."""
    if party is None:
        return
    for d in drafts:
        if d.typing.acled_sub not in TERRITORY or d.place is None or not d.place.country:
            continue
        if not forces_of_no_side(d):
            continue
        sub = TERRITORY[0] if d.place.country == party else TERRITORY[1]
        if sub != d.typing.acled_sub:
            d.typing = replace(d.typing, acled_sub=sub)


def forces_abroad(drafts: list[Draft], lex: EventLexicon) -> None:
    """Ground a state's forces regained, by the words, lies abroad when the event's place is in another
    country than the forces' own and the story bears that country out: they overtook it (ACLED: a state's
    forces on foreign soil overtake territory; at home they regain it). The place may have been found only
    after the typing ("Russia's Defense Ministry said its troops had taken nine villages since then" in a
    story of Vovchansk: the paragraph's place), or the forces' side only after it (a ministry's "its
    troops"). A place of the event's own sentence counts only when another event of the article is placed
    in the same country: a lone sentence's name may be a namesake abroad."""
    for d in drafts:
        place = d.place
        if d.typing.acled_sub != TERRITORY[0] or place is None or not place.country or place.metonymic:
            continue
        taker = d.sources[0] if d.sources else None
        if taker is None or taker.sector.value not in _STATE_BODIES:
            continue
        own = taker.side or taker.country
        if own is None or own == place.country or beside_home_forces(d.trigger.head, place.country, lex):
            continue
        if d.sent.start_char <= place.evidence.start < d.sent.end_char and not any(
                o.place is not None and o.place.country == place.country and o.place.evidence.start != place.evidence.start
                for o in drafts):
            continue  # the sentence's own name, which nothing else in the story places in that country
        d.typing = replace(d.typing, acled_sub=TERRITORY[1])
