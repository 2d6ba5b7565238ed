"""Whose side a speaker speaks for (its own actor, the body or land its office is named with) and whether a
deed it tells is its own side's: the test :func:`frontlines.events.attribution.claim_or_report` asks to tell a
party's claim from anyone else's report. Split from :mod:`frontlines.events.attribution`."""

from __future__ import annotations

import re
from typing import Any

from frontlines.events.realis import Realis
from frontlines.events.roles import DocIndex
from frontlines.events.speakers import speaker_name
from frontlines.events.undergoers import undergoer
from frontlines.records import Actor, Place, PlaceKind, Sector
from frontlines.stages import sentence_start

POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})


def place_speaker_side(tok: Any, index: DocIndex) -> str | None:
    """A land named for its government ("Russia says"): the speaker is that land's side."""
    return next((p.country for p, root in index.places if root.i == tok.i and p.country), None)


def speakers_own_side(realis: Realis, doers: list[Any], sources: tuple[Actor, ...], index: DocIndex,
                       place: Place | None, targets: tuple[Actor, ...] = (), head: Any = None) -> bool:
    """The doer is the speaker or the speaker's own side: a possessive ("said its forces had captured"),
    the first person ("our forces destroyed"), a pronoun taking up the speaker ("the group said it
    had captured") or an actor of the speaker's side. A speaker the actors took for the doer of a
    deed that names none is its doer only away from its own land: "the Russian Defense Ministry said
    missiles had struck a plant outside Kyiv" is its own strike, "Rwanda's government said shells
    fired from Congo killed five civilians in the Rwandan border town" an enemy's on it. Nor is it the
    doer of a deed done to civilians alone (:func:`_harm_to_civilians`), nor of one sent from another
    land (:func:`_sent_from_elsewhere`)."""
    if any(d.lower_ in ("we", "i") for d in doers) or any(
            c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS and possessive_takes_up_speaker(d, c, realis.attributed_token, index)
            for d in doers for c in d.children):
        return True
    if speaker_as_pronoun(doers, realis.attributed_token, index):
        return True
    tok = realis.attributed_token
    if tok is None:
        return False
    speaker_side = side_of_speaker(tok, index)
    speaker = index.actor_at.get(tok.i)
    at_home = place is not None and place.country is not None and place.country == speaker_side
    not_doer = at_home or _harm_to_civilians(targets) or _sent_from_elsewhere(place, speaker_side, index)
    doer_sides = {a.side or a.country for a in sources if not (not_doer and a == speaker) and not _rebels_by_kind(a)
                  and not (head is not None and undergoer(a, head))}
    if speaker_side is not None and speaker_side in doer_sides - {None}:
        return True
    if speaker_side is None and armed_body(speaker) and forces_of_the_land(sources, place):
        return True
    return _group_named_by_kind(_speaking_actor(tok, index), sources)


def possessive_takes_up_speaker(doer: Any, possessive: Any, speaker: Any, index: DocIndex) -> bool:
    """The possessive on a doer ("its forces", "their fighters") takes up the speaker of the frame it stands
    under: "our" always (the speaker's own words); "its" a speaker that is no person, "their" a body or a
    plural; and no other actor stands between the speaker and the doer for it to take up ("Amnesty said the
    army and its allies killed": the army's allies, on Amnesty's word). With no speaker in the text (a
    quotation's speaker named elsewhere) the possessive is read as the speaker's."""
    if possessive.lower_ == "our" or speaker is None:
        return True
    person = speaker.ent_type_ == "PERSON" or (index.actor_at.get(speaker.i) is not None
                                              and index.actor_at[speaker.i].kind == "person")
    if person:
        return False  # a person's own side is "his" or "her"; "its", "their" name another
    if possessive.lower_ == "their" and speaker.tag_ not in ("NNS", "NNPS") and speaker.ent_type_ != "ORG" \
            and speaker.lemma_.lower() not in _BODIES_BY_KIND:
        return False
    own = index.actor_at.get(speaker.i)
    lo, hi = sorted((speaker.i, doer.left_edge.i))
    for i in range(lo + 1, hi):
        other = index.actor_at.get(i)
        if other is not None and other is not own:
            return False
    return True


# nouns of a body that speaks as one and may be taken up by "their" ("the police said their officers")
_BODIES_BY_KIND = frozenset({"police", "military", "army", "government", "authority", "group", "movement"})


# words naming a state's armed body: its army, its defence ministry, its police
_ARMED_BODY_WORDS = frozenset({"army", "military", "defence", "defense", "police", "navy", "gendarmerie"})


def _harm_to_civilians(targets: tuple[Actor, ...]) -> bool:
    """A deed done to civilians alone, told with no doer ("Pakistan's military spokesman said 26
    civilians had been killed and 46 wounded"), is no party's claim of its own deed: a party claims
    what it did to its enemy, and tells what civilians suffered as the harm done to them, on its
    word. A speaker is then not taken for its doer; a doer the words name still counts ("said its
    forces had killed five civilians")."""
    return bool(targets) and all(a.sector is Sector.CIVILIAN for a in targets)


def _sent_from_elsewhere(place: Place | None, speaker_side: str | None, index: DocIndex) -> bool:
    """The deed's place is where it came from ("The Israeli army says a missile launched from Yemen was
    intercepted"), in a land not the speaker's: whoever sent it from there is its doer, not the speaker
    telling it. "Missiles launched from the Black Sea fleet", from the speaker's own land, stay its own."""
    if place is None or place.country is None or speaker_side is None or place.country == speaker_side:
        return False
    return any(p is place and root.dep_ == "pobj" and root.head.lower_ == "from" for p, root in index.places)


def armed_body(actor: Actor | None) -> bool:
    """The speaker is a state's armed body (an army, a defence ministry, the police) whose nation the
    text does not name ("the army spokesman", "the defence ministry", "The police")."""
    if actor is None or actor.side or actor.country:
        return False
    words = set(re.findall(r"[a-z]+", actor.name.lower()))
    return actor.sector in (Sector.MILITARY, Sector.POLICE) or bool(words & _ARMED_BODY_WORDS)


def forces_of_the_land(sources: tuple[Actor, ...], place: Place | None) -> bool:
    """A state's armed body with no nation named tells of the armed forces of the land the deed is in
    ("Mexican soldiers killed 19 suspected members of the Sinaloa cartel near Culiacan, the defence
    ministry said"): the state's own, whose body speaks. Forces of another land ("the defence ministry
    said Russian troops shelled Kharkiv") are the enemy's, reported."""
    if place is None or place.country is None:
        return False
    armed = [a for a in sources if a.sector in (Sector.MILITARY, Sector.POLICE) and (a.side or a.country)]
    return bool(armed) and all((a.side or a.country) in (None, place.country) for a in sources)


def _rebels_by_kind(actor: Actor) -> bool:
    """A doer named by its kind alone ("the rebels", "the insurgents"): no registry group, and no side
    but its country, which is the state's it fights, not its own."""
    return actor.registry_id is None and actor.sector is Sector.REBEL and actor.side in (None, actor.country)


def _group_named_by_kind(group: Actor | None, sources: tuple[Actor, ...]) -> bool:
    """An armed group's speaker naming a doer by its kind alone ("M23 spokesperson Lawrence Kanyuka
    said the rebels had taken control of Goma"): the doer is the speaker's group. A state's speaker
    naming "the rebels" speaks of its enemy, not itself."""
    if group is None or group.sector is not Sector.REBEL or not group.side or group.side == group.country:
        return False
    return any(_rebels_by_kind(a) and a.country == group.country for a in sources)


def _speaking_actor(tok: Any, index: DocIndex) -> Actor | None:
    """The actor a speaker speaks as: its own, else the body named with its office in an apposition
    or a compound ("M23 spokesperson Lawrence Kanyuka")."""
    speaker = index.actor_at.get(tok.i)
    if speaker is not None and (speaker.side or speaker.country):
        return speaker
    for office in tok.children:
        if office.dep_ not in ("appos", "compound") or office.lemma_.lower() not in _OFFICES:
            continue
        for i in range(office.left_edge.i, office.right_edge.i + 1):
            actor = index.actor_at.get(i)
            if actor is not None and i != tok.i and (actor.side or actor.country):
                return actor
    return None


# offices whose holder speaks for the body or the land named with them ("the governor of the Odesa
# region", "a spokesman for the defence ministry"); a resident or a witness of a place does not
_OFFICES = frozenset("""
governor mayor head chief minister commander spokesman spokeswoman spokesperson official envoy ambassador
president premier secretary leader representative general officer deputy
""".split())


def side_of_speaker(tok: Any, index: DocIndex) -> str | None:
    """The side a speaker speaks for: its own actor's, else the body or land its office is named
    with, in an apposition or a compound ("Igor Konashenkov, spokesman for the Russian defence
    ministry"; "Maksym Marchenko, the governor of the Odesa region"; "M23 spokesperson Lawrence
    Kanyuka"), else the side of the holder a role's apposition names (:func:`speakers.speaker_name`)."""
    speaker = index.actor_at.get(tok.i)
    seat = seat_of_body(tok, speaker, index)
    if seat is not None:
        return seat
    if speaker is not None and (speaker.side or speaker.country):
        return speaker.side or speaker.country
    for office in tok.children:
        if office.dep_ not in ("appos", "compound") or office.lemma_.lower() not in _OFFICES:
            continue
        span = range(office.left_edge.i, office.right_edge.i + 1)
        for i in span:
            actor = index.actor_at.get(i)
            if actor is not None and i != tok.i and (actor.side or actor.country):
                return actor.side or actor.country
        for place, root in index.places:
            if root.i in span and place.country and not place.metonymic:
                return place.country
    name = speaker_name(tok)  # a role's holder named in apposition: "Russia's chief of the general staff, Valery Gerasimov"
    holder = index.actor_at.get(name.i) if name is not None else None
    return (holder.side or holder.country) if holder is not None else None


# the kinds of place a body of the state is named after: a town's council, a region's administration
_SEATS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION})


def seat_of_body(tok: Any, speaker: Actor | None, index: DocIndex) -> str | None:
    """The land of the place a speaking body of the state is named after: "Sumy regional military
    administration", "the Kharkiv regional governor", "Odesa city council" speak for the state that
    governs Sumy, Kharkiv or Odesa. A side the actors gave such a body is read from the actors near it
    (the story's other state, as often as not); the place in its own name says whose body it is. A body
    its name gives a nation of its own ("the Russian-installed Kherson administration", "Ukraine's
    Kharkiv police") or the actor registry knows keeps that side; so does a person."""
    if speaker is not None and (speaker.registry_id is not None or speaker.kind == "person"
                                or speaker.sector not in (Sector.GOVERNMENT, Sector.POLICE, Sector.MILITARY)):
        return None
    if speaker is None and tok.ent_type_ == "PERSON":
        return None
    if speaker is not None:
        lo, hi = speaker.evidence.start, speaker.evidence.end
    else:  # no actor: the speaker's own words, its modifiers before it ("the Kherson governor")
        lo, hi = tok.left_edge.idx, tok.idx + len(tok.text)
    words = [t for t in tok.doc[tok.left_edge.i: tok.i + 1] if lo <= t.idx < hi] or [tok]
    if any(t.ent_type_ == "NORP" or (t.dep_ == "poss" and t.ent_type_ == "GPE") for t in words):
        return None  # a nation named in the body's name decides
    countries = {p.country for p, root in index.places if lo <= root.idx < hi and p.kind in _SEATS and p.country}
    return next(iter(countries)) if len(countries) == 1 else None


# deeds done in the field, which a party's word about its own side claims rather than enacts
def speaker_as_pronoun(doers: list[Any], speaker: Any, index: DocIndex | None = None) -> bool:
    """The doer is a third-person pronoun that takes up the speaker of the frame it stands under,
    agreeing in number and kind: "it" a singular body ("the group said it had captured"), "they" a
    plural one or a body ("the rebels said they had taken"), "he"/"she" a person. A pronoun and
    speaker that disagree ("the ministry said they had shelled") point elsewhere, and so does a pronoun with
    another actor of its kind nearer to it (:func:`_nearer_antecedent`, given the ``index``)."""
    if speaker is None or len(doers) != 1:
        return False
    pronoun, person = doers[0].lower_, speaker.ent_type_ == "PERSON"
    if doers[0].i < speaker.i or sentence_start(doers[0]) != sentence_start(speaker):
        return False
    if pronoun == "it":
        agrees = not person and speaker.tag_ in ("NN", "NNP")
    elif pronoun == "they":
        agrees = not person and (speaker.tag_ in ("NNS", "NNPS") or speaker.ent_type_ == "ORG")
    else:
        agrees = pronoun in ("he", "she") and person
    return agrees and (index is None or not _nearer_antecedent(speaker, doers[0], index, people=pronoun in ("he", "she")))


def _nearer_antecedent(speaker: Any, pronoun: Any, index: DocIndex, people: bool) -> bool:
    """Another actor of the pronoun's kind (a person for "he"/"she", else a body or group) stands between the
    speaker and the pronoun: "the ministry said the rebels attacked the town and they killed ten" takes up the
    rebels, whom the pronoun is nearer."""
    own = index.actor_at.get(speaker.i)
    for i in range(speaker.i + 1, pronoun.i):
        other = index.actor_at.get(i)
        if other is not None and other is not own and (other.kind == "person") == people:
            return True
    return False


# an outlet that is itself a party: a ministry, an armed force, a government office, a party's channel
