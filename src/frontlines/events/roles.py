"""Roles and links: who did it (sources), to whom (targets) and how many (its quantities); where (the
event's own place) is events.placing's.

Every earlier stage's records are mapped onto Doc tokens once per article by
their evidence offsets; an event then takes the records that hang on its
trigger in the dependency tree, in preference to any others of its sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.antecedents import party_before, person_before, personal_pronoun
from frontlines.events.docindex import DocIndex
from frontlines.events.free_relatives import objects_of_by
from frontlines.events.speakers import colon_label
from frontlines.events.tree import DocTree, doc_tree
from frontlines.events.voice import reduced_passive
from frontlines.records import (
    Actor,
    Evidence,
    Quantity,
    Sector,
)

_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "unleash", "make", "hold", "sign", "reach",
                          "impose", "order", "announce", "declare", "begin", "start", "continue", "resume"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_AGENT_FROM_OBJECT = frozenset({"order", "command", "instruct", "direct", "tell", "force", "urge", "ask", "call"})
_PATIENT_PREPS = frozenset({"on", "against", "at", "upon", "into"})
# Noun triggers whose nationality modifier names the victims, not the doers ("Israeli hostages").
_VICTIM_NOUNS = frozenset({"hostage", "protester", "demonstrator", "detention", "casualty", "evacuation"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nsubj"})
_VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"})


# ---------------------------------------------------------------- actors


def _actor_for(tok: Any, index: DocIndex) -> Actor | None:
    """The actor whose span covers ``tok`` or the words of its noun phrase before it."""
    actor = index.actor_at.get(tok.i)
    if actor is not None:
        return actor
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < tok.i:
            actor = index.actor_at.get(child.i)
            if actor is not None:
                return actor
    for child in tok.children:
        if child.dep_ == "appos":
            actor = index.actor_at.get(child.i)
            if actor is not None:
                return actor
    return None


def _with_conjuncts(tokens: list[Any]) -> list[Any]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(t.conjuncts)
    return out


# verbs whose doer, told in a participle on an event noun, is the event's ("the offensive launched by Russia")
_DECLARING = frozenset({"announce", "declare", "launch", "order", "decree", "impose", "begin", "start", "initiate"})


def _out_of_dateline(subjects: list[Any]) -> list[Any]:
    """A subject the parser found in the dateline ("MEXICO CITY (AP) — Gunmen killed 12 people", "CITY" the
    subject and "Gunmen" its apposition) stands for the apposition after the dateline: where the report was
    filed did nothing."""
    from frontlines.stages import doc_datelines

    spans = doc_datelines(subjects[0].doc)
    if not spans:
        return subjects

    def inside(t: Any) -> bool:
        return any(a <= t.idx < b for a, b in spans)

    out: list[Any] = []
    for t in subjects:
        if inside(t):
            out.extend(c for c in t.children if c.dep_ == "appos" and not inside(c))
        else:
            out.append(t)
    return out


def agent_tokens(trigger: Any) -> list[Any]:
    """The trigger's doers, by its dependents or those of the words governing it (worked out once per word: a
    trigger's doers are asked by a dozen rules; each caller gets its own list)."""
    tree = doc_tree(trigger.doc)
    key = ("agent_tokens", trigger.i)
    found = tree.memo.get(key)
    if found is None:
        found = tree.memo[key] = _agent_tokens(trigger, tree)
    return list(found)


def _agent_tokens(trigger: Any, tree: DocTree) -> list[Any]:
    doc = trigger.doc
    head, dep, lower = tree.head, tree.dep, tree.lower

    def kids_of(i: int, *labels: str) -> list[Any]:
        return [doc[c] for c in tree.children(i) if dep[c] in labels]

    t = trigger.i
    kids = [(c, dep[c]) for c in tree.children(t)]  # by index: a Token is built only for a doer
    if reduced_passive(trigger, kids):
        return []  # "Three civilians injured.": the victims; the doer is unsaid
    found = [c for c, label in kids if label in ("nsubj", "csubj") and not colon_label(doc[c])]  # "X: the Russians dropped"
    for c, label in kids:
        if label == "agent":
            found.extend(g.i for g in objects_of_by(doc[c]))  # "hit by what officials said were drones": the drones
    if tree.pos[t] in ("NOUN", "PROPN"):
        found.extend(c for c, label in kids if label == "poss")
        for c, label in kids:
            if label == "prep" and lower[c] == "by":
                found.extend(g.i for g in objects_of_by(doc[c]))
            elif label == "acl" and doc[c].tag_ == "VBN" and doc[c].lemma_.lower() in _DECLARING:
                # "the partial mobilisation announced by President Putin": who announced or launched it did it
                found.extend(g for a in tree.children(c) if dep[a] == "agent" for g in tree.children(a) if dep[g] == "pobj")
        # "Russian shelling", "Houthi missile attack"; not "air strike", "drone attack" (the weapon)
        found.extend(c for c, label in kids if label in ("amod", "compound") and c < t and (
            tree.pos[c] in ("PROPN", "ADJ") or doc[c].ent_type_ in ("NORP", "GPE", "ORG")))
    own = [doc[i] for i in found]
    if own:
        own = _out_of_dateline(own)
    if not own and dep[t] == "dobj" and trigger.head.lemma_.lower() in _LIGHT_VERBS:
        # "Russian forces launched a missile strike": the doer of the light verb
        own = [c for c in kids_of(head[t], "nsubj") if not colon_label(c)]
    relative = [o for o in own if o.lower_ in _RELATIVE_PRONOUNS]
    if relative and dep[t] == "relcl":
        return [trigger.head]  # "defenders, who have taken back ...": the antecedent
    if own:
        return own
    if any(label == "nsubjpass" for _, label in kids):
        return []  # a passive without "by ...": the doer is unsaid, not the subject of a coordinated clause
    # climb: xcomp/conj/acl/advcl inherit the doer of the word they hang on
    pos = tree.pos
    i = t
    for _ in range(4):
        parent = head[i]
        if parent == i:
            break
        if dep[i] in ("xcomp", "conj", "advcl", "ccomp") and pos[parent] in ("VERB", "AUX"):
            if dep[i] == "xcomp" and doc[parent].lemma_.lower() in _AGENT_FROM_OBJECT:
                obj = kids_of(parent, "dobj")
                if obj:
                    return obj
            subj = [c for c in kids_of(parent, "nsubj", "nsubjpass") if not colon_label(c)]
            if subj and _nominal(trigger) and any(dep[c.i] == "nsubjpass" for c in subj):
                return []  # "Shelling of Mykolaiv region: five civilians were wounded": a noun's victims, no doer
            if subj:
                # passive governor: "soldiers have been given the order to withdraw"
                return subj
        elif dep[i] == "acl" and pos[parent] in ("NOUN", "PROPN"):
            if dep[parent] in ("dobj", "nsubjpass", "attr") and pos[head[parent]] in ("VERB", "AUX"):
                subj = kids_of(head[parent], "nsubjpass", "nsubj")
                if subj:
                    return subj
            agent = [g for c in tree.children(i) if dep[c] == "agent" for g in objects_of_by(doc[c])]
            if agent:
                return agent
        elif dep[i] in ("pobj", "prep", "dobj"):
            if pos[parent] in ("VERB", "AUX") and any(dep[c] == "nsubjpass" for c in tree.children(parent)):
                # "civilians were killed in an air strike": the passive's doer ("by soldiers") or none, never the
                # subject of the verb of saying above it
                return [g for c in tree.children(parent) if dep[c] == "agent" for g in objects_of_by(doc[c])]
        else:
            break
        i = parent
    return []


def _nominal(tok: Any) -> bool:
    """``tok`` is used as a noun: tagged one, or a gerund with an "of" object ("Shelling of Kherson region")."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))


def _patient_tokens(trigger: Any) -> list[Any]:
    """The trigger's victims or objects."""
    kids = [(c, c.dep_) for c in trigger.children]  # read once: asked below three times
    out = [c for c, dep in kids if dep in ("dobj", "nsubjpass", "dative")]
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    for c, dep in kids:
        if dep == "prep" and c.lower_ in _PATIENT_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        if nominal and dep == "prep" and c.lower_ == "of":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        if not any(dep in ("nsubj",) for _, dep in kids):
            out.append(trigger.head)
    return out


def _nationality_of(tok: Any, lex: Any) -> tuple[str, str | None, int] | None:
    """(ISO3, sector from the lexicon or None, index of the first word) when ``tok`` names a state or
    group by itself ("Russia", "Israelis", "RSF", "North Korean")."""
    low = tok.lower_
    group = lex.groups.get(low)
    if group is not None:
        return group[0], group[1], tok.i
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        pair = f"{prev.lower_} {low}"
        group = lex.groups.get(pair)
        if group is not None:
            return group[0], group[1], prev.i
        iso3 = lex.nationality.get(pair)
        if iso3 is not None:
            return iso3, None, prev.i
    iso3 = lex.nationality.get(low)
    if iso3 is None and tok.pos_ in ("ADJ", "PROPN", "NOUN") and low.endswith("'s"):
        iso3 = lex.nationality.get(low[:-2])
    if iso3 is None:
        return None
    return iso3, None, tok.i


def nationality_actor(tok: Any, lex: Any, trigger: Any, plover: str | None, article_id: str) -> Actor | None:
    """A doer named only by its nationality or group name: the word itself ("Russia signed",
    "Houthis fired") or a modifier of it ("Russian artillery shelled", "a Russian drone strike",
    "RSF fighters"). Its sector comes from the phrase's head noun (forces -> military)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in _VICTIM_NOUNS:
        return None
    found = _nationality_of(tok, lex)
    head = tok
    itself = found is not None  # the word (with the one before it: "United States") names the state or group
    if found is None:
        for child in tok.children:
            if child.dep_ in _MODIFIER_DEPS and child.i < tok.i:
                found = _nationality_of(child, lex)
                if found is not None:
                    break
    if found is None:
        return None
    iso3, group_sector, first = found
    if itself and head.head.i != head.i and head.dep_ in ("amod", "compound", "poss", "nmod"):
        head = head.head  # the demonym itself is the agent token: its phrase's head names the sector
        itself = False
    sector_word = lex.sector_heads.get(head.lower_) or lex.sector_heads.get(head.lemma_.lower())
    if sector_word is None and itself:
        # the state itself ("Russia signed"), or a plural people noun ("Russians shelled")
        sector_word = "government" if tok.pos_ == "PROPN" or tok.ent_type_ == "GPE" else (
            "military" if plover in _VIOLENT_TYPES else None
        )
    sector = Sector(group_sector or sector_word or "unknown")
    if group_sector is None and sector_word is None and head.i == trigger.i:
        sector = Sector.MILITARY if plover in _VIOLENT_TYPES else Sector.UNKNOWN
    doc = tok.doc
    last = max(head.i, tok.i) if head.i != trigger.i else max(first, tok.i)
    span = doc[first : last + 1]
    text = span.text
    name = text if head.i != trigger.i else f"{doc[first:max(first, tok.i) + 1].text} {sector.value}"
    return Actor(
        text=text,
        evidence=Evidence(article_id=article_id, start=span.start_char, end=span.end_char, text=text),
        name=name,
        kind="state" if sector == Sector.GOVERNMENT and itself else "group",
        country=iso3,
        sector=sector,
        side=iso3,
    )


def claimants(trigger: Any, index: DocIndex, words: frozenset[str]) -> list[Actor]:
    """Who claims responsibility or credit for the event the trigger tells ("X claimed responsibility
    for a bombing that killed 12"; "X took credit for the attack"): the subject of the claim, its doer
    as claimed (the status says so)."""
    doc = trigger.doc
    tree = doc_tree(doc)
    head, dep, lower = tree.head, tree.dep, tree.lower  # the climb by index: a Token only for the claim's noun
    i = trigger.i
    for _ in range(6):
        if (up := head[i]) == i:
            return []
        if dep[i] == "pobj" and lower[up] == "for":
            noun = doc[head[up]]
            if noun.lemma_.lower() in words:
                verb = noun.head if noun.dep_ == "dobj" else noun
                found = [index.actor_at[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in index.actor_at]
                return found
        i = up
    return []


def find_actors(
    trigger: Any, index: DocIndex, *, doers: list[Any], lex: Any = None, plover: str | None = None,
    article_id: str = "",
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Sources and targets of an event, as Actors of the actors stage (``doers``: the trigger's,
    :func:`agent_tokens`); with ``lex``, a doer the actors stage did not name but whose nationality is
    written ("a Russian drone strike") is built here."""
    sources: list[Actor] = []
    targets: list[Actor] = []
    agents = _with_conjuncts(doers)
    for tok in agents:
        actor = _actor_for(tok, index)
        if lex is not None and (actor is None or actor.country is None):
            named = nationality_actor(tok, lex, trigger, plover, article_id)
            if actor is None:
                actor = named
            elif named is not None:
                # the actors stage named the doer ("Houthi forces") but gave it no country
                sector = actor.sector if actor.sector != Sector.UNKNOWN else named.sector
                actor = replace(actor, country=named.country, side=actor.side or named.side, sector=sector)
        if actor is not None and actor not in sources:
            sources.append(actor)
    # "fall to Moscow's troops": the pobj of "to" is the doer
    if trigger.lemma_.lower() == "fall":
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    actor = _actor_for(g, index)
                    if actor is not None and actor not in sources:
                        sources.append(actor)
    for tok in _with_conjuncts(_patient_tokens(trigger)):
        actor = _actor_for(tok, index)
        if actor is not None and actor not in sources and actor not in targets:
            targets.append(actor)
    if not sources and lex is not None:
        # "Al-Shabaab claimed responsibility for a suicide bombing ... that killed 12": the claimant
        sources.extend(a for a in claimants(trigger, index, lex.cues["responsibility"].words) if a not in targets)
    pronoun = personal_pronoun(agents) if not sources else None
    if pronoun is not None:  # "repeated *his* threat": a person, never the nearest force
        person = person_before(pronoun, index)
        sources.extend([person] if person is not None and person not in targets else [])
    elif not sources and trigger.pos_ in ("NOUN", "PROPN", "VERB"):
        party = party_before(trigger, index, targets)  # headline style, when syntax named no doer
        sources.extend([party] if party is not None else [])
    return tuple(sources), tuple(targets)


def choose_quantities(trigger: Any, index: DocIndex, sent: Any, taken: set[int]) -> tuple[Quantity, ...]:
    """Quantities attached to the trigger (in its subtree or on its path to the root)."""
    out = []
    sub_start, sub_end = trigger.left_edge.i, trigger.right_edge.i
    for k, q, root in index.in_sentence("quantities", sent):
        if sub_start <= root.i <= sub_end or root.head.i == trigger.i or root.i in index.above(trigger):
            out.append(q)
            taken.add(k)
    return tuple(out)
