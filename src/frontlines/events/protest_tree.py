"""The ACLED protest tree (codebook: peaceful protest, protest with intervention, excessive force against
protesters, violent demonstration, mob violence) read from what a sentence says happened at a protest, and who
the protesters are. Split from ``events.coder``, which calls it when a trigger is typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.events.lexicon import EventLexicon
from frontlines.events.means import crowd_violence_done

# ``cues``: the sentence's events.coder.SentenceCues (typed Any here: coder imports this module)
SentenceCues = Any

_NOUN_POS = frozenset({"NOUN", "PROPN"})

PROTEST_WORDS = frozenset({"protest", "protester", "protestor", "demonstrator", "demonstration", "rally", "marcher"})


def protest_setting(cues: SentenceCues, lex: EventLexicon) -> bool:
    return not PROTEST_WORDS.isdisjoint(cues.lemmas)


# Words whose complement is what a protest is about ("demanding justice for students killed", "to decry
# the arrests", "over the death of"), or what it came after ("following", "after a crackdown in which hundreds
# were killed"): the complement says nothing about what happened at the protest.
_TOPIC_HEADS = frozenset({"demand", "decry", "condemn", "denounce", "against", "over", "honour", "honor", "mourn",
                          "commemorate", "allege", "following", "after", "justice", "release", "oppose", "about", "protest"})
_TOPIC_DEPS = frozenset({"dobj", "ccomp", "xcomp", "pobj", "prep", "attr"})


def _without_topic(cues: SentenceCues) -> SentenceCues:
    """The sentence's cues without the complements that name the protest's topic or what it followed."""
    drop: set[int] = set()
    for t in cues.tokens:
        if t.lemma_.lower() in _TOPIC_HEADS or t.lower_ in _TOPIC_HEADS:
            for child in t.children:
                if child.dep_ in _TOPIC_DEPS and child.i not in drop:
                    drop.update(x.i for x in child.subtree)
    if not drop:
        return cues
    return cues.without(drop)


def purpose_words(head: Any) -> set[int]:
    """The words of what a protest was held for, told as the purpose infinitive of its own verb ("marched in
    Bogota to reject the attack", "gathered to condemn the killings"): an aim, whatever its verb, says what the
    protest is about, not what happened at it (the violence it names was done before, by others)."""
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            drop.update(t.i for t in c.subtree)
    return drop


def _without_kit(cues: SentenceCues) -> SentenceCues:
    """The sentence's cues without "riot" naming the kit of those who quell riots ("riot police", "riot
    gear", "anti-riot units"): a word for the police, not the protesters' violence."""
    kit = {t.i for t in cues.tokens if t.lower_ in ("riot", "anti-riot") and t.dep_ in ("compound", "amod")
           and t.head.pos_ in _NOUN_POS}
    return cues.without(kit) if kit else cues


def said_by_others(head: Any, doers: Sequence[Any], lex: EventLexicon) -> bool:
    """Someone other than protesters says it: its doers, or for a noun the subject of the verb it
    is the object of ("Israel and Hamas traded blame"), are no protest words."""
    sayers = list(doers)
    if not sayers and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj"):
        verb = head.head if head.dep_ == "dobj" else head.head.head
        sayers = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(sayers) and not protesters(sayers, lex)


def doer_lemmas(doers: Sequence[Any]) -> set[str]:
    """The lemmas of the doers and their conjuncts; a capitalised plural after a dateline is tagged a
    proper noun whose lemma keeps the plural ("Protesters"), so the singular is taken too."""
    return {w for d in doers for t in (d, *d.conjuncts)
            for w in (t.lemma_.lower(), t.lower_[:-1] if t.lower_.endswith("s") else t.lower_)}


def protesters(doers: Sequence[Any], lex: EventLexicon, lemmas: set[str] | None = None) -> bool:
    """A doer is a word the lexicon itself reads as a protest ("protesters", "demonstrators");
    ``lemmas``: :func:`doer_lemmas` of the doers, when the caller has them."""
    return any((spec := lex.single.get(lemma)) is not None and spec.plover == "PROTEST" and spec.pos == "N"
               for lemma in (lemmas if lemmas is not None else doer_lemmas(doers)))


def protest_subtype(cues: SentenceCues, lex: EventLexicon) -> str:
    """The ACLED protest/riot sub-type from what the sentence says happened at the protest (ACLED: a demonstration
    whose participants engage in violence is a riot, whoever else used force; excessive force is lethal or
    seriously injuring force against peaceful protesters). A protest called peaceful is still a riot when the
    sentence tells violence done by others than a state's forces ("criminal elements ... stormed Parliament")."""
    c = lex.cues
    if cues.holds(c["mob"]):
        return "Mob violence"
    cues = _without_kit(cues)
    # the protesters' own violence is rarely the topic: it is looked for in the whole sentence
    peaceful = "peaceful" in cues.lemmas or "peacefully" in cues.lemmas
    if cues.holds(c["protest_violent"]) and (not peaceful or crowd_violence_done(cues.tokens, c["protest_violent"],
                                                                                 c["state_forces"])):
        return "Violent demonstration"
    cues = _without_topic(cues)
    state = cues.holds(c["state_forces"])
    lethal = cues.holds(c["protest_lethal"])
    if state and lethal:
        return "Excessive force against protesters"
    if lethal:
        return "Excessive force against protesters"  # protesters shot or killed, no violence of theirs named
    if cues.holds(c["protest_intervention"]):
        return "Protest with intervention"  # dispersing, arresting, tear gas: done by some force
    return "Peaceful protest"
