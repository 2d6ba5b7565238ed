"""Find event triggers in a parsed sentence and type them (PLOVER type and
mode, ACLED event type and sub-type).

A trigger is a verb or noun from the lexicon (or a phrasal trigger: "take
back", "open fire", "air strike"); its ACLED sub-type is refined by the cues
of its clause and sentence (weapons, who the victims are, protest setting,
what is taken), following the sub-event definitions of the ACLED codebook.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.events.accords import accepts_an_accord
from frontlines.events.arms import named_again, weapon_named, weapons_destroyed
from frontlines.events.blasts import attacker_died
from frontlines.events.captives import HANDOVERS, RELEASED, held_in
from frontlines.events.crowds import violence_at_protest
from frontlines.events.lexicon import SPEECH_TYPES, CueSet, EventLexicon, TriggerSpec
from frontlines.events.officials import LOCAL_OFFICES
from frontlines.events.means import (
    ABDUCTION,
    captured_by_the_state,
    CLASH,
    DISRUPTED,
    attempted,
    beside_ground_forces,
    beside_small_arms,
    harm_told_with,
    met_resistance,
    misread_as,
    Words,
    engaged_in,
    ground_assault_after,
    munition_stopped,
    people_led_away,
    told_as_person,
    mutual_setting,
    platform_fire,
    read_in_order,
    rescued,
    seized_object,
    things_hit,
)
from frontlines.events.protest_tree import (
    PROTEST_WORDS,
    protest_setting,
    protest_subtype,
    purpose_words,
    said_by_others,
)
from frontlines.events.realis import told_to_come
from frontlines.events.retreats import fought_before
from frontlines.events.strikes import labour_strike
from frontlines.events.victims import harmed_in, named_as_combatant
from frontlines.events.voice import acted_on, passive_subjects
from frontlines.events.tree import doc_tree
from frontlines.events.uncontested import uncontested
from frontlines.events.words import DocWords

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PERSON_ENTS = frozenset({"PERSON", "NORP"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Violence triggers that describe harm rather than a means: in a disaster or
# crime setting they are no political violence.
_HARM_KEYS = frozenset(
    {"kill", "killing", "injure", "wound", "explode", "explosion", "blast", "murder", "shoot", "shooting", "stab",
     "beat", "attack", "assault", "fire", "burn", "hit", "destroy", "detonate", "execute", "gun", "raid", "strike",
     "bombing", "bomb"}
)
# Triggers that name fighting between two sides: an Armed clash unless a weapon says otherwise (ACLED:
# "armed, organised groups engage in fighting").
MUTUAL = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "gunfight", "firefight", "gun battle",
                     "exchange fire", "exchange of fire"})
# Explosive triggers: remote violence by definition, whoever the victims are.
_EXPLOSIVE_DEFAULT = frozenset({"Remote explosive/landmine/IED"})
# acts that are said: a protest setting retypes them only when the protesters say them ("protesters
# demanded ..." is the protest; "Israel and the militants traded blame" beside protesters stays an accusation)
_SAID = SPEECH_TYPES
_LOOTED = "Looting/property destruction"
_PROTEST_OVERRIDABLE = frozenset(
    {"Armed clash", "Attack", "Looting/property destruction", "Arrests", "Grenade", None}
)
_SPECIFIC_RANK = {
    "Chemical weapon": 9, "Suicide bomb": 9, "Grenade": 8, "Remote explosive/landmine/IED": 8,
    "Air/drone strike": 8, "Shelling/artillery/missile attack": 8, "Government regains territory": 9,
    "Non-state actor overtakes territory": 9, "Sexual violence": 9, "Abduction/forced disappearance": 8,
    "Excessive force against protesters": 9, "Mob violence": 7, "Violent demonstration": 7,
    "Protest with intervention": 7, "Attack": 5, "Armed clash": 4,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: its head token, the tokens it spans, and its lexicon entry."""

    head: Any  # spacy Token the roles hang on
    tokens: tuple[int, ...]  # doc indices of every word of the trigger
    spec: TriggerSpec


@dataclass(frozen=True, slots=True)
class Typing:
    """The type an event gets after refinement."""

    plover: str
    mode: str | None
    acled_sub: str | None
    acled_type: str | None
    keep: bool = True  # False: the trigger is no event here (disaster, crime, a signed decree)


class SentenceCues:
    """The lower-cased lemmas and padded text of a sentence (or a clause, a phrase), for cue lookups.

    ``words``: the Doc's words read once (events.words), which the cues of the sentence's clauses and
    phrases are then read from too; without them each token's words are looked up."""

    __slots__ = ("_doc", "_text", "_tokens", "in_order", "lemmas", "lowers", "spaced", "words", "weapon")

    def __init__(self, tokens: Any, words: DocWords | None = None, at: Iterable[int] | None = None,
                 *, doc: Any = None) -> None:
        """``at``: the tokens' indices, when the caller knows them (a sentence's range: no Token is built);
        ``tokens`` may then be None, with the ``doc`` they are read from when asked for."""
        self._tokens = tokens
        self._doc = doc
        self.words = words
        self.weapon: tuple[str | None] | None = None  # events.arms.weapon_named's answer, once asked (each trigger of a sentence asks)
        if words is None:
            at, lowers, lemmas = read_in_order(tokens)
        else:
            if at is None:
                at = [t.i for t in tokens]
            lower, lemma = words.lower, words.lemma
            if isinstance(at, range) and at.step == 1:  # a sentence: a slice of the Doc's words
                lowers, lemmas = list(lower[at.start:at.stop]), list(lemma[at.start:at.stop])
            else:
                lowers = [lower[i] for i in at]
                lemmas = [lemma[i] for i in at]
        self.in_order: Words = (at if isinstance(at, Sequence) else list(at), lowers, lemmas)
        self.lowers = frozenset(lowers)
        self.lemmas = self.lowers.union(lemmas)
        self._text: str | None = None  # joined when a phrase is looked for (most lookups end at the words)
        self.spaced = words is None or words.spaced  # without the Doc's words, not worked out

    @property
    def text(self) -> str:
        """The lower forms joined by spaces, with a space at each end (phrases are looked for in it)."""
        if self._text is None:
            self._text = " " + " ".join(self.in_order[1]) + " "
        return self._text

    @property
    def tokens(self) -> Any:
        """The tokens (a Span or a list of Tokens), built from the Doc only when asked for."""
        if self._tokens is None:
            self._tokens = [self._doc[i] for i in self.in_order[0]]
        return self._tokens

    def without(self, drop: Container[int]) -> SentenceCues:
        """These cues without the tokens at the indices ``drop`` holds (read by index: no Token is built)."""
        return self._subset([i for i in self.in_order[0] if i not in drop])

    def within(self, keep: Container[int]) -> SentenceCues:
        """These cues over the tokens at the indices ``keep`` holds only."""
        return self._subset([i for i in self.in_order[0] if i in keep])

    def _subset(self, at: list[int]) -> SentenceCues:
        if self.words is None:
            kept = set(at)
            return SentenceCues([t for t in self.tokens if t.i in kept])
        doc = self._doc
        if doc is None:
            toks = self._tokens
            doc = toks.doc if hasattr(toks, "doc") else (toks[0].doc if toks else None)
        return SentenceCues(None, self.words, at, doc=doc)

    def holds(self, cueset: CueSet) -> bool:
        """Whether any cue of ``cueset`` is named here: ``cueset.in_tokens(self.lemmas, self.text)``,
        without looking for phrases whose first word is not here (when no word holds a space, a phrase
        can begin only at a word)."""
        if not cueset.words.isdisjoint(self.lemmas):
            return True
        if not self.spaced and cueset.openers.isdisjoint(self.lowers):
            return False
        return any(map(self.text.__contains__, cueset.phrases))


def sentence_cues(sent: Any, words: DocWords) -> SentenceCues:
    """The cues of a sentence (a Span), read from the Doc's words."""
    return SentenceCues(sent, words, range(sent.start, sent.end))


def specificity(acled_sub: str | None) -> int:
    """How specific an ACLED sub-type is (used when two triggers name one event)."""
    if acled_sub is None:
        return 0
    return _SPECIFIC_RANK.get(acled_sub, 6)


def clause_tokens(head: Any) -> list[int]:
    """The trigger's clause: its subtree, and for a noun its governing verb's subtree (the tokens' indices,
    in ``Token.subtree``'s order)."""
    tree = doc_tree(head.doc)
    heads, dep, pos = tree.head, tree.dep, tree.pos
    i = head.i
    while pos[i] in _NOUN_POS and dep[i] == "conj" and pos[heads[i]] in _NOUN_POS and heads[i] != i:
        i = heads[i]  # "drones and a missile hit ...": the second noun's clause is the first's
    if pos[i] in _NOUN_POS and heads[i] != i and dep[i] in ("nsubj", "nsubjpass", "dobj", "pobj"):
        anchor = heads[i]
        if pos[anchor] == "ADP" and heads[anchor] != anchor:
            anchor = heads[anchor]
        i = anchor
    # (spaCy's walk, in C, is quicker than one over the tree in Python); once per clause: its triggers share it
    if (found := tree.memo.get(("clause_tokens", i))) is None:
        found = tree.memo["clause_tokens", i] = [t.i for t in head.doc[i].subtree]
    return list(found)


def _announced_response(head: Any) -> bool:
    """A response told as to come for what someone does: a future or conditional verb that acts
    "against" someone ("will take all necessary measures against any group that violates the
    ceasefire") or a passive "met with" ("violations would be met with sanctions")."""
    if not told_to_come(head):
        return False
    if head.lemma_.lower() == "meet":
        return any(c.dep_ == "auxpass" for c in head.children)
    return any(t.dep_ == "prep" and t.lower_ == "against" for t in head.subtree)


def _voices_demand(head: Any, demands: CueSet) -> bool:
    """A gathering voices a demand: a clause of its own says so ("gathered ..., demanding the
    hostages' release", "assembled to protest the verdict") or what it carries does ("holding
    placards")."""
    for c in head.children:
        if c.dep_ in ("advcl", "xcomp", "conj", "ccomp") and c.pos_ == "VERB":
            if c.lemma_.lower() in demands.words or any(g.lemma_.lower() in demands.words for g in c.children):
                return True
    return False


def type_trigger(trig: Trigger, sent_cues: SentenceCues, lex: EventLexicon, *, doers: list[Any],
                 conflict_article: bool = False, named_places: frozenset[int] = frozenset(),
                 armed_at: frozenset[int] = frozenset()) -> Typing:
    """PLOVER and ACLED typing of a trigger, refined by its clause and sentence (``doers``: roles.agent_tokens).

    ``conflict_article``: the article tells of a conflict (its words say so somewhere). An agreement
    signed or agreed in such an article is an ACLED Agreement even when its own sentence names no
    fighting ("the same delegations signed the Jeddah Declaration"): the setting is the article's.
    ``named_places``: tokens of names the stage found to be settlements though the tagger said otherwise
    (events.takeover.object_place); ``armed_at``: tokens of actors known as armed forces or groups
    ("HTS", "Wagner", "the Taliban": the actors stage's sector)."""
    spec = trig.spec
    head = trig.head
    plover, mode, sub = spec.plover, spec.mode, spec.acled
    cues = lex.cues
    refine = spec.refine
    # cheap object checks first: most common-verb triggers ("send", "form") end here
    if refine == "troops" and not _objects_hold(head, cues["troop_objects"]):
        return Typing(plover, mode, None, None, keep=False)  # "sent a letter", "moved house"
    if refine == "people" and not (_objects_hold(head, cues["civilians"]) or _counted_object(head)):
        return Typing(plover, mode, None, None, keep=False)  # "took away the bodies", "took away their weapons"
    if refine == "comms":
        if not _objects_hold(head, cues["comms_objects"]):
            return Typing(plover, mode, None, None, keep=False)  # "shut down the factory", "cut prices"
        return Typing(plover, mode, sub, lex.acled_event_type.get(sub) if sub else None)
    if refine == "group" and not _objects_hold(head, cues["group_objects"]):
        return Typing(plover, mode, None, None, keep=False)  # "formed a committee" is no armed group
    if refine == "own_act" and not regrets_own_act(head):
        return Typing(plover, mode, None, None, keep=False)  # "regretted the move" (another's): an attitude, no act
    if refine == "block":
        if not _objects_hold(head, cues["block_objects"]):
            return Typing(plover, mode, None, None, keep=False)  # "blocked a bill", "blocked a shot"
        sub = protest_subtype(sent_cues, lex) if protest_setting(sent_cues, lex) else None
        return Typing(plover, mode, sub, lex.acled_event_type.get(sub) if sub else None)
    if refine == "munition" and not munition_stopped(head, spec.key, lex):
        return Typing(plover, mode, None, None, keep=False)  # "downed tools": no munition brought down
    if spec.plover == "COERCE" and spec.mode == "arrest" and held_in(head):
        return Typing(plover, mode, None, None, keep=False)  # "released from Israeli detention": captivity ended
    if refine == "conflict" and (talks := engaged_in(head, lex)):
        return Typing(*talks, None, None)  # "engage the young people in a dialogue": talks, no fighting
    if plover == "CONSULT" and met_resistance(head):
        return Typing(plover, mode, None, None, keep=False)  # "meeting little resistance": no meeting
    if refine == "consequence" and not _announced_response(head):
        return Typing(plover, mode, None, None, keep=False)  # "took measures to curb prices", "met with envoys"
    if refine == "halt":
        stopped = _object_event(head, lex)
        if stopped is not None and stopped.plover in _RELATIONS:
            return Typing("SANCTION", "cancel", None, None)  # "suspended the talks", "cancelled the visit"
        if stopped is not None and (stopped.plover in _PRESSURE or stopped.refine == "strike"):
            return Typing("CONCEDE", "ease", None, None)  # "called off the strike", "suspended the curfew"
        if stopped is not None and stopped.plover in _FORCE:
            return Typing("RETREAT", "ceasefire", None, None)  # "halted the offensive": fighting ended
    if plover == "RETREAT" and mode == "withdraw" and _leaves_relations(head, lex):
        return Typing("SANCTION", "withdraw", None, None)  # "pulled out of the treaty", "withdrew its ambassador"
    if refine == "crowd":
        if not _voices_demand(head, cues["demand_words"]):
            return Typing(plover, mode, None, None, keep=False)  # "relatives gathered at the hospital"
        refine = "protest"
    clause = SentenceCues(None, sent_cues.words, clause_tokens(head), doc=head.doc)
    conflict = sent_cues.holds(cues["conflict"]) or sent_cues.holds(cues["armed"])
    # the means: named in the trigger's clause, else a firing platform that does it, else in the sentence
    means_clause, means_sent = clause, sent_cues
    if plover == "ASSAULT" and spec.acled in _MEANS_OPEN and (hit := things_hit(head, spec.key)):
        # a weapon the act was done to ("destroyed ... artillery pieces") is its target, not its means; named
        # again in the sentence it is the same thing ("opened fire on a plane ..., one of the plane's pilots said")
        hit |= named_again(hit, sent_cues)
        means_clause, means_sent = clause.without(hit), sent_cues.without(hit)
    weapon = weapon_named(means_clause, lex) or platform_fire(head, spec.key, doers, lex) or weapon_named(means_sent, lex)
    if head.lemma_.lower() == "sign" and spec.plover == "AGREE":
        objects = acted_on(head)
        if not any(cues["agreement_objects"].in_tokens(frozenset({o.lemma_.lower()}), " " + o.lower_ + " ") for o in objects):
            return Typing(plover, mode, None, None, keep=False)
    if claimed_responsibility(head, cues):
        return Typing(plover, mode, None, None, keep=False)  # "claimed responsibility for the attack"
    if refine == "base":
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(cues["base_objects"].in_tokens(frozenset({o.lemma_.lower()}), " " + o.lower_ + " ") for o in objects):
            if _objects_hold(head, cues["group_objects"]):
                sub = "Change to group/activity"  # "set up a new militia unit"
                return Typing("MOBILIZE", None, sub, lex.acled_event_type[sub])
            return Typing(plover, mode, None, None, keep=False)
    if refine in ("weapon", "violence", "strike", None) and plover in ("ASSAULT", "COERCE") and (
            munition_stopped(head, spec.key, lex)):
        # "destroyed nine drones", "missiles ... were shot down": stopped in flight, never used
        return Typing("ASSAULT", "aerial-defence", DISRUPTED, lex.acled_event_type[DISRUPTED])
    if refine == "weapon" and plover == "COERCE" and weapons_destroyed(head, spec.key, clause, lex):
        # "destroyed 342 mines and 288 improvised explosive devices": weapons put out of use, none used
        return Typing(plover, mode, DISRUPTED, lex.acled_event_type[DISRUPTED])
    if refine == "weapon":
        if spec.key in MUTUAL or sub in _EXPLOSIVE_DEFAULT:
            sub = weapon_named(clause, lex) or sub  # fighting is a clash; a bomb is remote violence
        elif mutual_setting(head):
            sub = weapon or CLASH  # "fired back": the other side fired too
        else:
            sub = weapon or _victims(head, sent_cues, lex, default=sub, doers=doers, armed_at=armed_at)
    elif refine == "violence":
        if sent_cues.holds(cues["mob"]):
            sub = "Mob violence"
        elif protest_setting(sent_cues, lex) and sent_cues.holds(cues["state_forces"]) and (
            clause.holds(cues["protest_lethal"])
        ):
            sub = "Excessive force against protesters"
        elif mutual_setting(head):
            sub = weapon or CLASH  # "killed during clashes", "repelled an attack": both sides fought
        else:
            sub = weapon or _victims(head, sent_cues, lex, default=sub, doers=doers, armed_at=armed_at)
    elif refine == "strike":
        if (sent_cues.holds(cues["labour"]) or labour_strike(head)) and not weapon and not aimed_at(head):
            plover, mode, sub = "PROTEST", "strike", "Peaceful protest"
        else:
            sub = weapon or "Air/drone strike"
    elif refine == "protest" and people_led_away(head, cues["civilians"]):
        plover, mode, sub = _led_away(doers, lex)  # "marched 25 girls into the bush", "pupils were taken from a school"
    elif refine == "protest":
        aim = purpose_words(head)  # "marched to reject the attack": the aim is no deed at the protest
        sub = protest_subtype(sent_cues.without(aim) if aim else sent_cues, lex)
        if sub == "Violent demonstration":
            mode = "riot"
    elif refine == "riot":
        sub = "Mob violence" if sent_cues.holds(cues["mob"]) else "Violent demonstration"
    elif refine == "take":
        plover, mode, sub = _taken(head, spec, sent_cues, lex, conflict, doers, named_places)
        if spec.key == "storm" and (sub is None or sub in _TERRITORY_TAKEN) and harm_told_with(head):
            # taken only when control is told
            sub = _victims(head, sent_cues, lex, default="Attack", doers=doers, armed_at=armed_at)
        elif spec.key == "storm" and sub == _LOOTED:
            # a building stormed was forced into, nothing told taken from it: an attack on those inside
            plover, mode = "ASSAULT", "firearms"
            sub = _victims(head, sent_cues, lex, default="Attack", doers=doers, armed_at=armed_at)
        if sub is None and spec.acled == "Disrupted weapons use" and plover == "COERCE":
            # a verb of finding with nothing seizable found ("the report found that ...", "found no
            # evidence", "we look to find our flag"): a discovery told, no seizure
            return Typing(plover, mode, None, None, keep=False)
    elif refine == "territory":
        if not _territorial_use(head, lex, armed_at):
            return Typing(plover, mode, None, None, keep=False)  # "entered the building", "lost the match"
        sub = spec.acled
    elif refine == "agree":
        sub = sub if conflict or conflict_article else None
    elif plover == "AGREE" and sub is None and refine is None and accepts_an_accord(head, cues["agreement_objects"]):
        sub = "Agreement" if conflict or conflict_article else None  # "accepted the proposal for a ceasefire"
    elif refine == "conflict":
        sub = sub if conflict or weapon else None
        if sub == "Non-violent transfer of territory" and fought_before(head):
            sub = None  # "fought ... before withdrawing": the ground was fought for (events.retreats)
    if sub in (_REMOTE, "Grenade") and (assailants := ground_assault_after(head, cues["non_state"])):
        # explosives opening a raid
        sub = _victims(head, sent_cues, lex, default="Attack", doers=assailants, armed_at=armed_at)
    if (sub in (_SHELLING, _REMOTE) and beside_small_arms(head)) or (sub == ABDUCTION and rescued(head)) or (
            sub in (_AIR, _SHELLING) and beside_ground_forces(head)):
        plover, mode, sub = "ASSAULT", "firearms", CLASH  # fought at close range; captives taken back by force
    if sub == _REMOTE and attacker_died(head):
        plover, mode, sub = "ASSAULT", "suicide-bomb", "Suicide bomb"  # the bomber died in the blast (events.blasts)
    if sub in _TERRITORY_TAKEN and attempted(head):
        plover, mode, sub = "ASSAULT", "firearms", CLASH  # ground fought for, not (yet) taken (ACLED)
    elif sub in _TERRITORY_TAKEN and uncontested(head):
        sub = "Non-violent transfer of territory"  # taken unopposed (events.uncontested); the taker's act: it gains
    if sub in ("Remote explosive/landmine/IED", "Grenade", "Suicide bomb", "Chemical weapon") and sent_cues.holds(
            cues["disrupted"]) and not sent_cues.holds(cues["exploded"]):
        plover, mode, sub = "COERCE", "seize", "Disrupted weapons use"  # found or defused, never set off
    if (
        refine in ("weapon", "violence", "take", "conflict", None) and sub in _PROTEST_OVERRIDABLE
        and plover != "CONCEDE"  # "resigned after weeks of protests": yielded by the one protested against
        and not (plover in _SAID and said_by_others(head, doers, lex)) and protest_setting(sent_cues, lex)
        and not any(head.doc[i].lemma_.lower() in PROTEST_WORDS for i in trig.tokens if i != head.i)
        and not sent_cues.holds(cues["mob"])
    ):
        # violence at a protest is typed by the protest ("police fired tear gas at protesters")
        sub = protest_subtype(sent_cues, lex)
        sub_plover, mode = lex.acled_plover[sub]
        plover = sub_plover or spec.plover
    if refine in ("weapon", "violence") and (crowd := violence_at_protest(head, doers, lex)) is not None:
        plover, mode, sub = crowd  # who harms whom at a protest (events.crowds)
    if spec.acled == _LOOTED and sub in (_LOOTED, None) and (sent_cues.holds(cues["mob"]) or any(
            d.lemma_.lower() in ("rioter", "mob") for d in doers)):  # ACLED: destruction by a riot is the riot
        plover, mode, sub = "ASSAULT", "physical", "Mob violence"  # "a mob set fire to a mosque", "rioters torched"
    if sub in ("Mob violence",) or refine in ("protest", "riot"):
        pass  # mob justice on a thief is still mob violence
    elif plover == "ASSAULT" or sub in ("Arrests", "Disrupted weapons use", "Looting/property destruction"):
        harm = spec.key in _HARM_KEYS
        if harm and not weapon and not conflict and sent_cues.holds(cues["disaster"]):
            return Typing(plover, mode, None, None, keep=False)
        if harm and _natural_force(doers, cues["disaster"]):
            # "a magnitude 7.6 earthquake struck off Hinatuan, killing two": whatever else the sentence
            # tells ("The bombing came a day after ..."), the doer is no party
            return Typing(plover, mode, None, None, keep=False)
        if sent_cues.holds(cues["crime"]) and not (
            weapon or sent_cues.holds(cues["conflict"])
        ):
            sub = None if sub != "Disrupted weapons use" or not clause.holds(cues["weapons_objects"]) else sub
    if sub == "Arrests" and sent_cues.holds(cues["disappeared"]):
        plover, mode, sub = "ASSAULT", "abduct", ABDUCTION  # "detained ...; they have not been heard from since"
    if sub is not None and sub in lex.acled_plover and plover == spec.plover and spec.refine in ("protest", "riot"):
        mapped = lex.acled_plover[sub]
        mode = mapped[1] or mode
    event_type = lex.acled_event_type.get(sub) if sub else None
    return Typing(plover, mode, sub, event_type)


def _natural_force(doers: Sequence[Any], disaster: CueSet) -> bool:
    """The harm's doer is a natural force or an accident ("an *earthquake* struck", "a *cyclone* hit the
    coast"): ACLED codes violence done by parties, and none did this."""
    return any(not disaster.words.isdisjoint({d.lemma_.lower(), d.lower_}) for d in doers)


def conflict_setting(doc: Any, words: DocWords, lex: EventLexicon) -> bool:
    """Whether an article's words tell of a conflict (the lexicon's conflict cues, anywhere in it)."""
    cues = SentenceCues(doc, words, range(len(words.lower)))
    return cues.holds(lex.cues["conflict"])


# What stopping an act concedes or cuts (PLOVER): stopping an exchange between parties (talks, visits, aid,
# cooperation) reduces relations (SANCTION, mode cancel); stopping one's own pressure (a protest, a curfew, a
# ban, sanctions, a threat) is a concession (CONCEDE: "suspending protests", "remove curfews", easing restrictions).
_RELATIONS = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"})
_PRESSURE = frozenset({"PROTEST", "COERCE", "SANCTION", "THREATEN"})
# stopping one's use of force ends the fighting (PLOVER RETREAT: "otherwise ending active conflicts")
_FORCE = frozenset({"ASSAULT", "MOBILIZE"})


# Who is withdrawn when a withdrawal cuts relations rather than yields ground (PLOVER SANCTION: "withdrawal ... of
# diplomats", "terminate the deployment or presence of peacekeeping forces, inspectors or other observers").
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "observer", "monitor", "inspector", "peacekeeper", "delegation",
                     "mission"})


def _leaves_relations(head: Any, lex: EventLexicon) -> bool:
    """A withdrawal from an agreement or from talks ("pulled out of the grain deal", "withdrew from the talks"), or
    of envoys ("withdrew its ambassador"): PLOVER's SANCTION (mode withdraw), not a RETREAT, which is forces
    leaving ground."""
    for c in head.subtree:
        if c.i == head.i:
            continue
        lemma = c.lemma_.lower()
        if c.dep_ in ("dobj", "nsubjpass") and c.head.i == head.i and lemma in _ENVOYS:
            return True
        prep = c.head
        if c.dep_ != "pobj" or not (prep.lower_ == "from" and prep.head.i == head.i or prep.lower_ == "of" and (
                prep.head.lower_ == "out" and prep.head.head.i == head.i)):
            continue  # "withdrew from", "pulled out of" (never "the withdrawal of <the party>")
        if lemma in lex.cues["agreement_objects"].words:
            return True
        spec = lex.single.get(lemma)
        return spec is not None and spec.plover in ("AGREE", "CONSULT", "COOPERATE")
    return False


def _object_event(head: Any, lex: EventLexicon) -> TriggerSpec | None:
    """The lexicon entry of the event noun a verb acts on ("suspended the talks": talks, CONSULT), if its object
    (or passive subject) is a lexicon trigger noun."""
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in _NOUN_POS:
            spec = lex.single.get(c.lemma_.lower()) or lex.single.get(c.lower_)
            if spec is not None and spec.pos != "V":
                return spec
    return None


def regrets_own_act(head: Any) -> bool:
    """True when what a word of regret governs is the regretter's own act, which makes it an apology (PLOVER
    CONCEDE: "expressions of regret or remorse" for one's act): a possessive pronoun on its object ("regretted
    its error", "our mistake"), a clause of its own with a pronoun, a possessed subject or none ("regrets that it had fired",
    "regretted having struck"). Anything else regretted ("regretted the move", "regrets the loss of life", "expressed
    regret over Russia's decision") is an attitude to another's act or to a state of affairs: no act of the
    regretter, so no event (condemnations are no events of their own either: corpus/events/README.md)."""
    for c in head.children:
        if c.dep_ in ("ccomp", "xcomp", "pcomp"):
            subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            if not subj or all(s.tag_ == "PRP" or _own_possessed(s) for s in subj):
                return True
        objects = [c] if c.dep_ in ("dobj", "nsubjpass") else [o for o in c.children if o.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ in ("for", "over", "about", "at") else []
        for o in objects:
            if o.dep_ == "pobj" and o.pos_ == "VERB":
                return True  # "regret for having shelled"
            if _own_possessed(o):
                return True
    return False


def _own_possessed(noun: Any) -> bool:
    """A noun with a possessive pronoun ("its aircraft", "our mistake")."""
    return any(d.dep_ == "poss" and d.tag_ == "PRP$" for d in noun.children)


def _objects_hold(head: Any, cueset: Any) -> bool:
    """True when the trigger's object (or passive subject) phrase holds one of ``cueset``."""
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            sub = SentenceCues(list(c.subtree))
            if sub.holds(cueset):
                return True
    return False


def _counted_object(head: Any) -> bool:
    """The object (or passive subject) is a bare count ("38 were taken away"): people counted, as news counts them."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.like_num and not any(g.pos_ == "NOUN" for g in c.subtree)
               for c in head.children)


def aimed_at(head: Any) -> bool:
    """A strike *on* something (not "on Monday"), or a verb that strikes something ("striking Chuhuiv and
    Zolochiv"): an attack has a target; a labour strike is *against* a policy, not *on* a thing, and its verb
    takes no object ("workers were striking")."""
    if head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME") for c in head.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in head.children)


def claimed_responsibility(head: Any, cues: dict) -> bool:
    """An event noun named as what someone claims responsibility or credit for, as one told elsewhere ("the
    attack", "Sunday's bombing"): the claim names the doer of that event, no event of its own. An event
    the claim tells first ("claimed responsibility for *an attack* on a cargo ship") stays."""
    if head.pos_ not in _NOUN_POS or head.dep_ != "pobj":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    prep = head.head
    if prep.lower_ != "for":
        return False
    gov = prep.head
    return cues["responsibility"].in_tokens(frozenset({gov.lemma_.lower(), gov.lower_}), " " + gov.lower_ + " ")


_SHELLING = "Shelling/artillery/missile attack"
# Sub-types a trigger gives without naming a means of its own: the means, if any, is read from the words around it.
_MEANS_OPEN = frozenset({"Attack", "Armed clash", "Looting/property destruction"})
_REMOTE, _AIR = "Remote explosive/landmine/IED", "Air/drone strike"
_TERRITORY_TAKEN = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


# nouns whose "of" is an attack and whose subject is what it was aimed at ("the post was the target of an attack")
_TARGET_NOUNS = frozenset({"target", "object", "scene"})


def _target_of(head: Any) -> list[Any]:
    """What a copula says an attack noun was aimed at ("the Boulkessi military post was the target of a
    complex attack"): the copula's subject."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in _TARGET_NOUNS:
        return []
    noun = prep.head
    if noun.dep_ != "attr":
        return []
    return [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]


_WHEN_ENTS = frozenset({"DATE", "TIME"})


def _victims(head: Any, sent_cues: SentenceCues, lex: EventLexicon, *, default: str | None,
             doers: list[Any] | None = None, armed_at: frozenset[int] = frozenset()) -> str | None:
    """Attack on civilians or armed clash, by who the trigger's victims are (a site held by armed
    guards, a prison or a police station, is an armed target; a person named as one of an armed side,
    events.victims.named_as_combatant, is a combatant). ``armed_at``: tokens of actors the actors stage
    knows as armed forces or groups."""
    civilians = lex.cues["civilians"]
    armed = lex.cues["armed"]
    sites = lex.cues["armed_sites"]
    patients = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at", "upon"):
            # "on Sunday", "at dawn": when, not whom
            patients.extend(c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in _WHEN_ENTS)
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in _NOUN_POS:
        patients.append(head.head)  # "civilians killed in the attack"
    patients.extend(_target_of(head))
    patients.extend(harmed_in(head))
    if head.pos_ in _NOUN_POS:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "on", "against"):
                patients.extend(c for c in prep.children if c.dep_ == "pobj")
    for p in patients:
        words = frozenset({p.lemma_.lower(), p.lower_})
        text = " " + " ".join(t.lower_ for t in p.subtree) + " "
        if armed.in_tokens(words, text) or p.i in armed_at:
            return "Armed clash"  # armed words, or an actor the actors stage knows as armed ("the SDF")
        if p.ent_type_ == "PERSON" and named_as_combatant(p, armed, armed_at):
            return "Armed clash"  # "al-Kikli, the head of the Stability Support Apparatus, was killed": one of a side
        if civilians.in_tokens(words, text) or p.ent_type_ == "PERSON":
            return "Attack"
        if sites.in_tokens(words, text):
            return "Armed clash"
        # "12 security force members", "two army soldiers": the phrase, not only its head word
        phrase = SentenceCues(list(p.subtree), sent_cues.words)
        if phrase.holds(armed) and not phrase.holds(civilians):
            return "Armed clash"
    # the doers are armed by definition ("gunmen killed ..."): look for armed opponents elsewhere
    doer: set[int] = set()
    for c in head.children:
        if c.dep_ in ("nsubj", "agent", "poss"):
            doer.update(t.i for t in c.subtree)
    for d in doers or ():
        doer.update(t.i for t in d.subtree)  # "fighters ... arrived and opened fire": the first verb's subject
    rest = sent_cues.without(doer) if doer else sent_cues
    has_armed = rest.holds(armed)
    has_civ = rest.holds(civilians)
    if has_armed and not has_civ:
        return "Armed clash"
    if not patients and not has_civ and doer and _armed_hands(doer, sent_cues, lex):
        return "Armed clash"  # "Russian troops attack near Kupiansk": an armed force's offensive is on the other side's
    if has_civ or not has_armed:
        return "Attack"  # no armed opponent in sight: violence against whoever was there
    return default


def _led_away(doers: list[Any], lex: EventLexicon) -> tuple[str, str, str]:
    """People led away by their captors: by a state's forces an arrest, by anyone else an abduction (ACLED)."""
    hands = SentenceCues([t for d in doers for t in d.subtree]) if doers else None
    if hands is not None and hands.holds(lex.cues["state_forces"]) and not hands.holds(lex.cues["non_state"]):
        return "COERCE", "arrest", "Arrests"
    return "ASSAULT", "abduct", ABDUCTION


def _armed_hands(doer: set[int], sent_cues: SentenceCues, lex: EventLexicon) -> bool:
    """The doer's words name an armed force or an armed group ("Russian troops", "Islamic State")."""
    hands = sent_cues.within(doer)
    return hands.holds(lex.cues["armed"]) or hands.holds(lex.cues["non_state"])


def _territorial_use(head: Any, lex: EventLexicon, armed_at: frozenset[int] = frozenset()) -> bool:
    """A verb that changes control only in some uses ("enter", "raise the flag", "lose"): its object
    is a place (a name or a territory word, looked at through "of": "the village of X"), and its doer,
    when named, is armed or a state ("Ukrainian troops entered Kherson", "HTS took Aleppo" with HTS an
    armed group the actors stage knows; not "protesters entered the building", "the team lost the
    match", "losing dozens of armoured vehicles")."""
    c = lex.cues
    objects = [ch for ch in head.children if ch.dep_ in ("dobj", "nsubjpass")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("over", "into"):
            objects.extend(g for g in prep.children if g.dep_ == "pobj")
    expanded = list(objects)
    for o in objects:
        for prep in o.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                expanded.extend(g for g in prep.children if g.dep_ == "pobj")
    place = False
    for o in expanded:
        words = frozenset({o.lemma_.lower(), o.lower_})
        one = " " + o.lower_ + " "
        if c["territory"].in_tokens(words, one):
            place = True  # "nine villages": ground taken, though villages also stand for their people
            continue
        if c["weapons_objects"].in_tokens(words, one) or c["property"].in_tokens(words, one) or (
            c["armed"].in_tokens(words, one) or c["civilians"].in_tokens(words, one)
        ):
            return False
        if o.ent_type_ in _PLACE_ENTS or o.pos_ == "PROPN":
            place = True
    if not place:
        return False
    doers = [ch for ch in head.children if ch.dep_ in ("nsubj", "agent")]
    if doers:
        cues = SentenceCues([t for d in doers for t in d.subtree])
        state = any(t.ent_type_ in ("GPE", "NORP") or t.i in armed_at for d in doers for t in d.subtree)
        if not (state or cues.holds(c["armed"])):
            return False
    return True


def seat_of_power(building: Any, lex: EventLexicon) -> bool:
    """A building that a holder of public authority holds (a place one holds: an office, a building, headquarters,
    by the cues of bases and territory), named as theirs: its possessor ("the mayor's office",
    "the governor's residence") or its "of" ("the offices of the ministry") is a government office-holder or body
    (the doers' sector heads, events.lexicon) or a local office (events.officials). Taken over, it is the
    authority's seat that changed hands, which ACLED codes as Other (power taken), not as goods looted."""
    words = frozenset({building.lemma_.lower(), building.lower_})
    if not (lex.cues["base_objects"].in_tokens(words, " " + building.lower_ + " ")
            or lex.cues["territory"].in_tokens(words, " " + building.lower_ + " ")):
        return False  # a thing the authority owns ("the mayor's car") is goods, not a seat held
    owners = [c for c in building.children if c.dep_ == "poss"]
    owners += [g for p in building.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
               if g.dep_ == "pobj"]
    return any(lex.sector_heads.get(w.lemma_.lower()) == "government" or w.lemma_.lower() in LOCAL_OFFICES
               for w in owners)


def _taken(
    head: Any, spec: TriggerSpec, sent_cues: SentenceCues, lex: EventLexicon, conflict: bool, doers: list[Any],
    named_places: frozenset[int] = frozenset(),
) -> tuple[str, str | None, str | None]:
    """What a capture/seize/recover trigger takes: territory, weapons, property, people, power, a ship
    or aircraft (events.means), or a site held by armed guards (fought for: a clash)."""
    c = lex.cues
    objects = [ch for ch in head.children if ch.dep_ in ("dobj", "attr")] + passive_subjects(head)
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in _NOUN_POS:
        objects.append(head.head)
    if head.pos_ in _NOUN_POS:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects.extend(ch for ch in prep.children if ch.dep_ == "pobj")
    # "dozens of settlements", "control of the town": look through "of"
    expanded = []
    for o in objects:
        expanded.append(o)
        for prep in o.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                expanded.extend(ch for ch in prep.children if ch.dep_ == "pobj")
    territorial = spec.acled in ("Government regains territory", "Non-state actor overtakes territory",
                                 "Non-violent transfer of territory")  # fmt: skip
    if any(o.i in named_places for o in expanded):
        return spec.plover, spec.mode, spec.acled if territorial or conflict else None  # a settlement taken
    if spec.plover in ("ASSAULT", "COERCE"):
        other = seized_object(expanded, doers, lex)
        if other is not None:
            return other
    for o in expanded:
        words = frozenset({o.lemma_.lower(), o.lower_})
        text = " " + " ".join(t.lower_ for t in o.subtree) + " "
        if spec.plover == "COERCE" and c["remains_objects"].in_tokens(words, " " + o.lower_ + " "):
            return spec.plover, spec.mode, "Other"  # mass graves or bodies found (ACLED: Other)
        if c["weapons_objects"].in_tokens(words, text):
            return "COERCE", "seize", "Disrupted weapons use"
        if spec.plover == "ASSAULT" and c["armed_sites"].in_tokens(words, text):
            return "ASSAULT", "firearms", CLASH  # "the prison was overrun": its guards fought
        person = o.ent_type_ == "PERSON" or told_as_person(o)  # "seized Mehrtens", after "Philip Mehrtens"
        if (o.ent_type_ in _PLACE_ENTS and not person) or c["territory"].in_tokens(words, " " + o.lower_ + " ") or (
                territorial and o.pos_ == "PROPN" and o.ent_type_ in misread_as(spec.acled)):  # "retook Yahidne", a person
            if territorial:
                return spec.plover, spec.mode, spec.acled
            return spec.plover, spec.mode, spec.acled if conflict else None
        if c["property"].in_tokens(words, " " + o.lower_ + " "):
            if territorial and spec.plover == "ASSAULT" and seat_of_power(o, lex):
                # "took over the mayor's office": the authority's seat, not goods (ACLED Other); a seizure, not a coup
                # placed at the capital (events.at_home.seat_of_power): the seat may be a town's
                return "COERCE", "seize", "Other"
            if territorial and spec.plover == "ASSAULT":
                return "COERCE", "seize", "Looting/property destruction"
            return spec.plover, spec.mode, spec.acled if conflict else None
        if person or c["civilians"].in_tokens(words, text) or c["armed"].in_tokens(words, text):
            if spec.plover == "RETREAT" and spec.key in HANDOVERS:
                return RELEASED  # people handed over are set free (events.captives)
            if spec.plover == "RETREAT" or spec.acled == "Disrupted weapons use":
                return spec.plover, spec.mode, None  # a man found (dead, or hiding) was not taken by the finder
            state = sent_cues.holds(c["state_forces"])
            if state and not c["armed"].in_tokens(words, text):
                return "COERCE", "arrest", "Arrests"
            if c["armed"].in_tokens(words, text):
                if captured_by_the_state(doers, sent_cues.lemmas, lex):
                    return "COERCE", "arrest", "Arrests"  # "the army captured a senior commander of the group"
                return "ASSAULT", "firearms", "Armed clash"
            return "ASSAULT", "abduct", "Abduction/forced disappearance"
    if territorial:
        place_here = any(t.ent_type_ in _PLACE_ENTS for t in sent_cues.tokens)
        return spec.plover, spec.mode, spec.acled if conflict and place_here else None
    weapons_here = sent_cues.holds(c["weapons_objects"])
    return spec.plover, spec.mode, spec.acled if weapons_here else None
