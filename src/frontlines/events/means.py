"""Who acts, against whom and by what means: the role and instrument readings the ACLED codebook
decides a violent event's sub-type by (events.coder asks them of a trigger's parse).

- Fighting that both sides take part in is an Armed clash: a harm told as done "during clashes" or
  "in the fighting" (civilians caught in crossfire are the clash's victims), an attack that was
  repelled or fired back at, an attempt to take ground that did not (yet) take it.
- The means: a heavy weapons platform that fires (a tank, a warship) shells; a drone named beside a
  missile or rocket, with no aircraft, is the second of two ground-launched munitions unless named
  first; a munition that is the object of the act (drones shot down, missiles intercepted) was
  stopped, not used (Disrupted weapons use).
- What is taken: power (a coup: ACLED Other), a ship or aircraft with its crew (abduction by a
  non-state group, a seizure by a state's forces).

Pure functions over spaCy tokens and the event lexicon; no state.
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Sequence
from typing import Any

from frontlines.events.lexicon import CueSet, EventLexicon
from frontlines.events.tree import doc_tree

CLASH = "Armed clash"
DISRUPTED = "Disrupted weapons use"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
ABDUCTION = "Abduction/forced disappearance"
OTHER = "Other"

# Nouns naming fighting between two sides: a harm told as done in it happened in a clash.
MUTUAL_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "crossfire", "firefight", "gunfight", "skirmish",
                           "combat", "exchange", "shootout", "hostility", "hostilities"})
_SETTING_PREPS = frozenset({"during", "in", "amid", "amidst"})
# Verbs whose object is an attack the other side fought off.
_FIGHT_OFF = frozenset({"repel", "repulse", "fend", "resist", "counter", "foil", "thwart"})
# Verbs of harm done to people in an act ("..., killing 100").
_PEOPLE_HARM = frozenset({"kill", "wound", "injure", "massacre", "execute", "behead", "slaughter", "shoot", "murder"})
# Verbs of trying: the act they govern was attempted, its outcome untold.
_ATTEMPT = frozenset({"try", "attempt", "seek", "struggle", "fail"})
# Nouns of an undertaking whose "to" infinitive is its aim ("an offensive to retake", "efforts to capture")
_UNDERTAKINGS = frozenset({"operation", "offensive", "counteroffensive", "counter-offensive", "attempt", "bid",
                           "effort", "push", "battle", "fight", "campaign", "drive", "assault", "mission", "attack",
                           "counterattack", "counter-attack", "raid", "incursion", "advance", "plan", "plot"})
# Verbs whose object is the means they deliver ("fired missiles"), not a target.
_DELIVERY = frozenset({"fire", "launch", "drop", "hurl", "throw", "lob", "detonate", "plant", "use", "deploy", "unleash",
                       "rain", "send", "open fire"})
# Triggers that name firing (a platform doing it is the means).
_FIRING = frozenset({"fire", "open fire", "shoot", "hit", "strike", "target", "shell", "pound", "attack", "bombard"})


# Words already read, in order: their doc indices, lower forms and lower-cased lemmas (lists).
Words = tuple[Sequence[int], list[str], list[str]]


def read_in_order(tokens: Iterable[Any]) -> Words:
    """The doc indices, lower forms and lower-cased lemmas of ``tokens``, in order."""
    toks = list(tokens)
    return [t.i for t in toks], [t.lower_ for t in toks], [t.lemma_.lower() for t in toks]


def named_at(tokens: Iterable[Any], cueset: CueSet) -> int | None:
    """The doc index of the first token where a cue of ``cueset`` is named, or None."""
    return first_named(read_in_order(tokens), cueset)


def first_named(words: Words, cueset: CueSet) -> int | None:
    """:func:`named_at` over words already read."""
    at, lowers, lemmas = words
    phrases = _split_phrases(cueset.phrases)
    cues = cueset.words
    for k, low in enumerate(lowers):
        if low in cues or lemmas[k] in cues:
            return int(at[k])
        for phrase in phrases.get(low, ()):
            if lowers[k:k + len(phrase)] == list(phrase):
                return int(at[k])
    return None


def phrases_at(words: Words, cueset: CueSet) -> set[int]:
    """The doc indices of every word of every phrase of ``cueset`` named in ``words`` ("water cannon": both words)."""
    at, lowers, _lemmas = words
    phrases = _split_phrases(cueset.phrases)
    out: set[int] = set()
    for k, low in enumerate(lowers):
        for phrase in phrases.get(low, ()):
            if lowers[k:k + len(phrase)] == list(phrase):
                out.update(int(i) for i in at[k:k + len(phrase)])
    return out


@functools.lru_cache(maxsize=256)
def _split_phrases(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A cue set's phrases by their first word (split once per cue set, not once per token)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        if words:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def drone_or_missile(tokens: Iterable[Any], lex: EventLexicon) -> str | None:
    """Drones and missiles named together, no aircraft: the munition named first leads ("missiles and
    drones hit the port": a missile attack; "drones and a missile": a drone strike). None when the
    words do not name both, or name an aircraft (then the air strike stands)."""
    return drone_or_missile_in(read_in_order(tokens), lex)


def drone_or_missile_in(words: Words, lex: EventLexicon) -> str | None:
    """:func:`drone_or_missile` over words already read."""
    air = dict(lex.weapons).get(AIR)
    shelling = dict(lex.weapons).get(SHELLING)
    if air is None or shelling is None or first_named(words, lex.cues["aircraft"]) is not None:
        return None
    at_air, at_shelling = first_named(words, air), first_named(words, shelling)
    if at_air is None or at_shelling is None:
        return None
    return SHELLING if at_shelling < at_air else AIR


def mutual_setting(head: Any) -> bool:
    """A harm told as done in fighting ("killed during clashes", "wounded in the crossfire", "died amid
    the fighting", "the fighting killed dozens") or an attack fought off ("repelled an attack", "fired back"): both sides fought."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _SETTING_PREPS:
            if any(g.dep_ == "pobj" and g.lemma_.lower() in MUTUAL_NOUNS for g in prep.children):
                return True
    if head.lemma_.lower() in ("fire", "shoot") and any(c.lower_ == "back" for c in head.children):
        return True  # "fired back": the other side had fired first
    if head.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() in MUTUAL_NOUNS for c in head.children):
        return True  # "fighting in Omdurman killed dozens": the harm is the fighting's
    gov = head.head
    return head.dep_ in ("dobj", "nsubjpass") and gov.lemma_.lower() in _FIGHT_OFF and gov.i != head.i


def harm_told_with(head: Any) -> bool:
    """People harmed in a clause joined to the act ("stormed a village, killing 100", "stormed the hotel and
    shot the guests"): the act is the attack on them."""
    return any(c.dep_ in ("advcl", "conj", "xcomp") and c.pos_ == "VERB" and c.lemma_.lower() in _PEOPLE_HARM
               for c in head.children)


def misread_as(acled: str | None) -> tuple[str, ...]:
    """Name tags a settlement taken may wear: a person's ("retook Yahidne"); for ground retaken an organisation's
    too ("Government forces recaptured Bentiu": no one retakes a body)."""
    return ("PERSON", "ORG") if acled == "Government regains territory" else ("PERSON",)


def attempted(head: Any) -> bool:
    """The trigger is what someone tried or failed to do ("had been trying to take the town"), or what an
    undertaking is for ("operations to retake Mirebalais were under way", "launched an offensive to
    recapture the town": the infinitive tells the aim, the undertaking the fighting for it)."""
    gov = head.head
    if gov.i == head.i:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        # the noun the infinitive tells the aim of: its head, or the "subject" the parser may give it
        nouns = [gov] if head.dep_ in ("acl", "relcl") else [c for c in head.children if c.dep_ == "nsubj"]
        if any(n.pos_ == "NOUN" and n.lemma_.lower() in _UNDERTAKINGS for n in nouns):
            return True
    return head.dep_ == "xcomp" and gov.lemma_.lower() in _ATTEMPT


# words that stand for an amount of the noun in their "of" phrase ("most of the rockets", "all of them")
_PARTITIVES = frozenset({"most", "some", "all", "many", "several", "none", "half", "part", "majority", "bulk",
                         "each", "both", "dozens", "hundreds", "scores"})


def partitive_whole(token: Any) -> Any | None:
    """The noun a quantifier stands for a part of ("*most* of the rockets" -> rockets; "*41* of the
    missiles" -> missiles), or None."""
    if token.lower_ not in _PARTITIVES and token.tag_ != "CD":
        return None
    return next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), None)


def _patients(head: Any) -> list[Any]:
    """The trigger's object heads and their conjuncts (verb: object or passive subject; noun: "of")."""
    found = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.pos_ in ("NOUN", "PROPN"):
        found.extend(g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj")
    if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "nsubjpass" and c.lower_ in ("which", "that") for c in head.children):
        found.append(head.head)  # "missiles ..., most of which were intercepted"
    out = []
    for p in found:
        out.append(p)
        out.extend(p.conjuncts)
    # "destroyed most of the rockets", "shot down 41 of the missiles": the whole the amount is of
    return out + [w for p in out if (w := partitive_whole(p)) is not None]


def munition_stopped(head: Any, key: str, lex: EventLexicon) -> bool:
    """A munition in flight is what the act was done to ("destroyed nine drones", "missiles were shot
    down"): air defence stopped it (ACLED: Disrupted weapons use). A verb that delivers its object
    ("fired missiles", "launched drones") uses it instead."""
    if key in _DELIVERY or head.lemma_.lower() in _DELIVERY:
        return False
    munitions = lex.cues["munitions"]
    for p in _patients(head):
        words = frozenset({p.lemma_.lower(), p.lower_})
        phrase = " " + " ".join(t.lower_ for t in p.subtree if t.i <= p.i) + " "
        if munitions.in_tokens(words, phrase):
            return True
    return False


def platform_fire(head: Any, key: str, doers: list[Any], lex: EventLexicon) -> str | None:
    """A heavy weapons platform that fires shells ("a tank fired at the tower", "a warship shelled the
    coast"): ACLED's shelling/artillery/missile attack, whatever the target."""
    if key not in _FIRING and head.lemma_.lower() not in _FIRING:
        return None
    platforms = lex.cues["gun_platforms"]
    for d in doers:
        words = frozenset(w for t in d.subtree if t.i <= d.i for w in (t.lemma_.lower(), t.lower_))
        if not platforms.words.isdisjoint(words):
            return SHELLING
    return None


POWER_TAKEN = ("COERCE", None, OTHER)  # (PLOVER type, mode, ACLED sub-type) of power seized (seized_object)


def seized_object(objects: Iterable[Any], doers: list[Any], lex: EventLexicon) -> tuple[str, str | None, str] | None:
    """What a verb of taking takes, when it is no ground, weapon or person: power (a coup, ACLED
    Other) or a ship or aircraft with its crew (by a state's forces a seizure, ACLED Other; by anyone
    else an abduction of those aboard). (PLOVER type, mode, ACLED sub-type), or None."""
    c = lex.cues
    for o in objects:
        words = frozenset({o.lemma_.lower(), o.lower_})
        if c["power_objects"].in_tokens(words, " " + o.lower_ + " "):
            return POWER_TAKEN
        if c["vessels"].in_tokens(words, " " + o.lower_ + " "):
            doer_words = frozenset(w for d in doers for t in d.subtree for w in (t.lemma_.lower(), t.lower_))
            doer_text = " " + " ".join(t.lower_ for d in doers for t in d.subtree) + " "
            if doers and c["government_forces"].in_tokens(doer_words, doer_text) and not c["non_state"].in_tokens(
                    doer_words, doer_text):
                return "COERCE", "seize", OTHER
            return "ASSAULT", "abduct", ABDUCTION
    return None


def captured_by_the_state(doers: Sequence[Any], sentence: frozenset[str], lex: EventLexicon) -> bool:
    """Armed people taken by a state's forces with no fighting told ("the army has captured a senior commander
    of the group"): detained, an arrest (ACLED); taken in a battle ("captured ten militants in clashes") the
    fight is the event. ``sentence``: the sentence's lemmas."""
    if not doers or not MUTUAL_NOUNS.isdisjoint(sentence):
        return False
    words = frozenset(w for d in doers for t in d.subtree for w in (t.lemma_.lower(), t.lower_))
    text = " " + " ".join(t.lower_ for d in doers for t in d.subtree) + " "
    c = lex.cues
    return c["government_forces"].in_tokens(words, text) and not c["non_state"].in_tokens(words, text)


def hands_holder(head: Any) -> list[Any]:
    """Whose hands ground fell into ("fell back into Ukrainian hands", "into the hands of the rebels"):
    the words naming the holder, who is the taker (the verb's subject is the place)."""
    if head.lemma_.lower() != "fall":
        return []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "into":
            continue
        for hands in prep.children:
            if hands.dep_ != "pobj" or hands.lemma_.lower() != "hand":
                continue
            owners = [c for c in hands.children if c.dep_ in ("amod", "compound", "poss")]
            owners.extend(g for p in hands.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj")
            return owners
    return []


def home_nation(tokens: Iterable[Any], country: str | None, lex: EventLexicon) -> bool | None:
    """Whether the nation the words name ("Ukrainian", "Russia's") is the place's own country: True at
    home, False abroad, None when they name no nation or the place has no country."""
    if not country:
        return None
    for t in tokens:
        iso = lex.nationality.get(t.lower_) or lex.nationality.get(t.lemma_.lower())
        if iso:
            return iso == country
    return None


def nations_named(tokens: Iterable[Any], lex: EventLexicon) -> set[str]:
    """Every nation the words name ("Rwandan and Mozambican troops": RWA and MOZ), as ISO codes."""
    found = set()
    for t in tokens:
        iso = lex.nationality.get(t.lower_) or lex.nationality.get(t.lemma_.lower())
        if iso:
            found.add(iso)
    return found


# Dependents that describe a doer rather than name it ("the government, backed by clan militias";
# "the army, which ...", "Wagner, a Russian group"): their words are not the doer's own.
_DESCRIBING = frozenset({"acl", "relcl", "appos", "advcl"})


def own_words(doers: Iterable[Any]) -> list[Any]:
    """The words naming the doers, without the clauses and appositions that describe them: "the
    government, backed by local clan militias" is the government, not a militia."""
    out: list[Any] = []
    for d in doers:
        skip: set[int] = set()
        for c in d.children:
            if c.dep_ in _DESCRIBING:
                skip.update(t.i for t in c.subtree)
        out.extend(t for t in d.subtree if t.i not in skip)
    return out


# Event nouns an act may take as its object ("intensified the shelling"): the act's means, not a thing hit.
_ACT_NOUNS = frozenset({"attack", "strike", "raid", "bombardment", "shelling", "fire", "barrage", "salvo", "assault",
                        "operation", "offensive", "bombing"})


def things_hit(head: Any, key: str) -> set[int]:
    """The doc indices of what a verb of force was done to ("destroyed 20 combat vehicles, artillery
    pieces and ammunition depots"): a weapon named there was the target, not the means. Empty for a verb
    that delivers its object ("fired artillery") or an object that is itself an act. A noun trigger's
    target is what it was "on" or "against" ("an attack on a UN helicopter": the aircraft was hit, it struck
    nothing); its "of" may be its means ("a barrage of rockets")."""
    if head.pos_ == "NOUN":
        # the parser may hang the noun's "on" on the verb that takes it ("condemns an attack today on a UN
        # helicopter"): one condemns or launches nothing "on" a thing, the attack was on it
        preps = [*head.children, *(c for c in head.head.children if c.i > head.i)] if head.dep_ == "dobj" else list(
            head.children)
        return {t.i for p in preps if p.dep_ == "prep" and p.lower_ in ("on", "against", "upon") for t in p.subtree}
    if head.pos_ != "VERB":
        return set()
    # what a verb fires "on" or "at" was its target, whatever it delivers ("opened fire on a commercial plane",
    # "fired rockets at a helicopter"): an aircraft there was hit, it dropped nothing
    fire = [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"]  # "opened fire on"
    out = {t.i for w in (head, *fire) for p in w.children if p.dep_ == "prep" and p.lower_ in _AIMED_AT
           for t in p.subtree}
    if key in _DELIVERY or head.lemma_.lower() in _DELIVERY:
        return out
    for p in _patients(head):
        if p.lemma_.lower() in _ACT_NOUNS:
            continue
        if p.lemma_.lower() in _SET_OFF and head.lemma_.lower() in _SET_OFF_VERBS:
            continue  # "a military vehicle struck a landmine": the mine went off, the means of the blast
        out.update(t.i for t in p.subtree if t.i != head.i)
    return out


_AIMED_AT = frozenset({"on", "at", "upon", "against"})
# Explosives that go off when something strikes them: what struck one was its victim, the device the means.
_SET_OFF = frozenset({"mine", "landmine", "ied", "device"})
_SET_OFF_VERBS = frozenset({"strike", "hit"})


def _first_conjunct(head: Any) -> Any:
    """The first of the nouns coordinated with ``head`` ("airstrikes, armoured bulldozers and ground troops")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first


# Small-arms fire: named beside heavy weapons, the two sides fight at close range.
_SMALL_ARMS = frozenset({"gunfire", "gunshot", "shooting", "firefight", "gunbattle", "machine-gun", "rifle"})


def beside_small_arms(head: Any) -> bool:
    """A heavy-weapons or explosion noun named with small-arms fire ("heavy gunfire and artillery had been
    heard", "gunfire and explosions then shook Abu Salim"): fighting at close range with both (ACLED:
    shelling or explosives within a clash are the clash)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    first = _first_conjunct(head)
    return any(t.lemma_.lower() in _SMALL_ARMS or t.lower_ in _SMALL_ARMS
               for t in (first, *first.conjuncts) if t.i != head.i)


# Men fighting on the ground: named as a part of one operation beside air strikes or shelling, the operation is theirs.
_GROUND_FORCES = frozenset({"troop", "troops", "soldier", "soldiers", "infantry", "commando", "commandos", "paratrooper",
                            "paratroopers", "fighter", "fighters", "gunman", "gunmen", "militant", "militants"})


def beside_ground_forces(head: Any) -> bool:
    """An air-strike or shelling noun named as one part of an operation beside men on the ground ("an
    operation involving airstrikes, armoured bulldozers and hundreds of ground troops"): the remote
    violence is within a ground engagement, which ACLED codes as the engagement (an armed clash)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    first = _first_conjunct(head)
    return any(t.lemma_.lower() in _GROUND_FORCES or t.lower_ in _GROUND_FORCES
               for c in (first, *first.conjuncts) if c.i != head.i for t in c.subtree)


# Verbs of armed men going in or opening fire: a ground assault.
_GOING_IN = frozenset({"storm", "rush", "burst", "enter", "raid", "overrun", "attack", "shoot", "fire", "open"})


def ground_assault_after(head: Any, non_state: CueSet) -> list[Any]:
    """The armed men of a ground assault told in a clause joined to an explosion's ("two explosions
    shook the hotel and gunmen rushed inside", "a car bomb went off at the gate before militants
    stormed the base"): the explosives opened an assault by men on the ground (ACLED: remote violence
    within a ground engagement is coded as that engagement). Returns the assailants' tokens, or []."""
    verb = head
    if head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.head.i == head.i:
            return []
        verb = head.head
    joined = [*verb.conjuncts, *(c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB")]
    for other in joined:
        if other.lemma_.lower() not in _GOING_IN:
            continue
        subjects = [c for c in other.children if c.dep_ == "nsubj"]
        before = other.doc[other.i - 1]
        if not subjects and before.dep_ == "conj" and before.pos_ in ("NOUN", "PROPN") and before.head.i < before.i:
            subjects = [before]  # "shook the hotel and gunmen rushed": the parser joined the subject to the object
        if subjects and all(non_state.in_tokens(frozenset({s.lemma_.lower(), s.lower_}), " " + " ".join(
                t.lower_ for t in s.subtree) + " ") for s in subjects):
            return subjects
    return []


def told_as_more(head: Any) -> bool:
    """A passive verb of harm with no doer ("homes of the minority were also attacked", "a school was hit",
    "the main government building was hit for the first time"): more of the violence told just before, by
    the same hands and means, which the sentence leaves out (events.context.more_of_the_same decides
    whether one was told before)."""
    if head.pos_ != "VERB" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return False
    return not any(c.dep_ == "agent" for c in head.children)


def other_of_a_kind(head: Any) -> bool:
    """An attack noun named as "other" or "further" attacks ("several other attacks on Israeli
    positions"): more of a kind told before."""
    return head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("other", "further") for c in head.children)


# What an advance meets when it meets no party: the other side's fighting back ("meeting little resistance")
_RESISTED = frozenset({"resistance", "opposition"})


def met_resistance(head: Any) -> bool:
    """A verb of meeting whose object is resistance ("walked into the city, meeting little resistance",
    "the troops met fierce resistance"): the advance met the other side's fighting, no party to talk with
    (no PLOVER CONSULT). "Met the rebels' leaders" and "the envoys met on Sunday" stay meetings."""
    return head.lemma_.lower() == "meet" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _RESISTED for c in head.children)


# Nouns of talking that one engages others in, beside the lexicon's own talks ("engage the young people in a dialogue").
_TALKING = frozenset({"dialogue", "dialog", "conversation", "discussion", "consultation"})


def engaged_in(head: Any, lex: EventLexicon) -> tuple[str, str | None] | None:
    """What a verb of engaging engages in, when that is no fighting: "would engage the young people in a
    dialogue", "engaged in talks" are talks (PLOVER CONSULT), not the military "engaged the enemy".
    Returns the PLOVER type and mode of the activity, or None."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            lemma = noun.lemma_.lower()
            spec = lex.single.get(lemma) or lex.single.get(noun.lower_)
            if spec is not None and spec.plover == "CONSULT":
                return spec.plover, spec.mode
            if lemma in _TALKING:
                return "CONSULT", "meet"
    return None


def told_as_person(tok: Any) -> bool:
    """A name the article gives elsewhere as the last word of a person's full name ("Philip Mehrtens stepped off
    ... Fighters seized Mehrtens"): the person named again by surname, whatever the recogniser tagged it here."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return False
    tree = doc_tree(tok.doc)
    if (names := tree.memo.get(_FULL_NAMES)) is None:  # the Doc's full names, read once
        names = tree.memo[_FULL_NAMES] = [(e[-1].text, e.start, e.end) for e in tok.doc.ents
                                          if e.label_ == "PERSON" and len(e) > 1]
    text, i = tok.text, tok.i
    return any(last == text and not start <= i < end for last, start, end in names)


_FULL_NAMES = ("told_as_person", -1)  # events.tree's memo: (last word, start, end) of each name of two words or more


def people_led_away(head: Any, civilians: CueSet) -> bool:
    """A verb of taking or of marching whose object is people ("137 pupils were taken from a school", "marched 25
    girls into the bush"): the doers led them away, as captors do (a protest march takes no object, ground taken
    is no person). ``civilians``: the cue set of people who are no combatants."""
    if head.pos_ != "VERB":
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or civilians.in_tokens(
        frozenset({c.lemma_.lower(), c.lower_}), " " + c.lower_ + " ")) for c in head.children)


# Verbs of taking captives back from their captors by force.
_RESCUE = frozenset({"rescue"})


def rescued(head: Any) -> bool:
    """Captives named as rescued ("rescued four hostages", "hostages were rescued"): an operation of
    force against the captors (ACLED: an armed clash), not an abduction."""
    gov = head.head
    return head.dep_ in ("dobj", "nsubjpass") and gov.i != head.i and gov.lemma_.lower() in _RESCUE


def crowd_violence_done(tokens: Sequence[Any], violent: Any, state: Any) -> bool:
    """A violent act the sentence tells done by someone other than a state's forces ("criminal
    elements infiltrated peaceful demonstrations, stormed Parliament"): violence at the protest,
    though the protest is called peaceful (ACLED: any participants' violence makes it a riot).
    ``violent``, ``state``: the cue sets of protest violence and of state forces."""
    for t in tokens:
        if t.pos_ != "VERB" or not (t.lemma_.lower() in violent.words or t.lower_ in violent.words):
            continue
        verb = t
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if any(c.dep_ == "nsubjpass" for c in t.children):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and not any(state.in_tokens(frozenset({w.lemma_.lower(), w.lower_}), " " + w.lower_ + " ")
                                for s in subjects for w in s.subtree):
            return True
    return False

