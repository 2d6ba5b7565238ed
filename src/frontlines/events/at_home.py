"""A state's acts placed at home: a seizure of power or a state's decision at the seat of power, its forces
and its officials at home when the story names no place of theirs. Places from the story:
:mod:`frontlines.events.context`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.means import POWER_TAKEN
from frontlines.events.placing import STATEMENT_TYPES
from frontlines.events.takeover import TERRITORIAL
from frontlines.records import Actor, Evidence, Place, PlaceKind, Precision, Sector

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
        governments = [a for a in d.sources if a.kind == "state" or _national_government(a) or national_office(a)] \
            if decides else []
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


# decisions that are acts, not words (a statement is placed by its own rules: its venue, where it was filed)
_ACTS_DECIDED = _DECISIONS - STATEMENT_TYPES


def bodies_without_ground(drafts: list[Draft]) -> None:
    """What an international organisation decides (a sanction, a concession: an act ACLED does not code, of the
    class :func:`seat_of_power` places at a state's capital) is taken where the body sits, never where the story
    is: with no place of its own ("The European Union sanctioned three generals on Tuesday" after a strike on
    Kharkiv) it has none, rather than the town an earlier sentence named. So has what such a body agrees ("EU
    foreign ministers agreed to prepare new sanctions against Moscow": no agreement in Moscow). A body that also has a
    state among its doers is the state's (:func:`seat_of_power`); a decision whose sentence names its place keeps it."""
    for d in drafts:
        t = d.typing
        if not ((t.plover in _ACTS_DECIDED and t.acled_type is None) or t.plover == "AGREE") or d.place is None \
                or "place" not in d.inherited:
            continue
        if d.sources and all(a.sector == Sector.INTERNATIONAL for a in d.sources):
            d.place = None
            d.place_score = 0.0
            d.inherited.discard("place")


CALL_UP_REASON = "a call-up: the country of the people it mobilises"


def call_up_home(d: Draft, places: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """A call-up with no place of its own happens at home: in the country of the people it mobilises or of the
    state mobilising them ("Putin announced that ordinary Russian citizens would be drafted"), never at the town of
    the sentence before. Returns the article's last naming of such a country (``places``: the story's places with
    their root tokens), an empty list when the nation is known but the article never names it (no place), and
    None when the draft is no call-up or names no nation (the other rules decide). The state that mobilises is
    where it is done: its doers' nation goes before the one the mobilised were given, which may be the land they are
    sent to ("Putin ordered the call-up of reservists to reinforce troops in Ukraine")."""
    if d.typing.plover != "MOBILIZE":
        return None
    nations = {a.country for a in d.sources if a.country} or {a.country for a in d.targets if a.country}
    if not nations:
        return None
    return [(p, root) for p, root in places if p.kind == PlaceKind.COUNTRY and p.country in nations][-1:]


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


# the offices and bodies of a state's national government, read from an actor's role or name (a closed class)
_NATIONAL_OFFICES = frozenset({"president", "minister", "ministry", "ministries", "chancellor", "premier", "kremlin",
                               "presidential"})


def national_office(a: Actor) -> bool:
    """A head of state or government, a minister or a ministry of a known nation ("Russia's Defence Ministry",
    "President William Ruto", "Defence Minister Sergei Shoigu"): what it says or decides with no settlement of
    its own comes from the state's capital, as the government's does. Not officials, a spokesman or a person
    with no office, nor an office of a division ("the regional governor", "the state ministry of health"), nor an
    armed body's ("the commander-in-chief"), nor one whose nation the words do not give."""
    if a.sector != Sector.GOVERNMENT or not a.country:
        return False
    words = set(re.findall(r"[a-z]+", " ".join(filter(None, (a.role, a.text, a.name))).lower()))
    return bool(words & _NATIONAL_OFFICES) and not words & _LOCAL_WORDS


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
