"""Denials and blame, one module: what a denial answers and what it does to it.

A denial of what was told is no event of its own (corpus/events/README.md, "Conventions for every part",
rule 3): denying, dismissing or rejecting an accusation, a claim, a report or a suggestion ("the Kremlin dismissed
the accusations", "rejected the claim as 'a lie'", "Kyiv denies the city has fallen", "reports ... are fabricated
and are rejected") says that something told is untrue (:func:`denial_of_a_telling`). What it answers carries the
denial as its status (``denied``: :func:`answered_by_denial`, :func:`denied_accusations`,
:func:`dismissed_tellings`), so a REJECT event beside it would tell one happening twice.

Refusing what is asked or offered stays PLOVER's REJECT: a proposal, a demand, a plan, an agreement or a bill
("rejected the ceasefire proposal", "dismissed the demand", "rejected the bill"): a party turns something down.
The mechanism is the kind of thing refused: a clause of its own (what is denied is a proposition) or a noun of
assertion (what someone said is so). Nouns of assertion are a closed class of English: the words for telling that
something is so, not the things told.

Blame: a party denying a part in a deed it is accused of, an accusation naming the doer of a deed told before
(:func:`blame_names_a_doer`), a claim of responsibility naming the doer of the last attack (:func:`claimed_doers`).
Judgements of deeds (condemning, blaming): :mod:`frontlines.events.judgements`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.realis import Realis, called_false
from frontlines.events.roles import DocIndex, agent_tokens, claimants
from frontlines.events.speaker_sides import POSSESSIVE_PRONOUNS, side_of_speaker, speakers_own_side
from frontlines.events.undergoers import doer_sides
from frontlines.records import Actor, EventStatus
from frontlines.stages import sentence_start

DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebut"})


# nouns of assertion: telling that something is so
ASSERTION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report", "suggestion", "assertion",
                             "rumour", "rumor", "account", "story", "narrative", "version", "contention", "insinuation"})


def _refused(head: Any) -> list[Any]:
    """What a verb of refusal takes: its object, its passive subject or a content clause; in a clause that
    describes a noun, that noun ("a claim the diocese rejected"); a coordinated passive with no subject of its own
    takes the first verb's ("reports ... are fabricated and are rejected")."""
    refused = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "ccomp")]
    if head.dep_ in ("relcl", "acl") and head.head.pos_ == "NOUN" and all(
            c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in refused if c.dep_ != "ccomp"):
        return [head.head]
    if not refused and head.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children):
        return [c for c in head.head.children if c.dep_ == "nsubjpass"]
    return refused


def denial_of_a_telling(d: Draft) -> bool:
    """A REJECT whose trigger denies something told (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "REJECT" or head.lemma_.lower() not in DENIAL_VERBS or (
            head.pos_ != "VERB" and not any(c.dep_ == "nsubj" for c in head.children)):  # "The TNI rejects" as NOUN
        return False
    refused = _refused(head)
    if not refused:
        return False
    for r in refused:
        if r.dep_ == "ccomp":
            continue  # "denies the city has fallen", "denying that the city was taken": a proposition
        if r.lemma_.lower() not in ASSERTION_NOUNS:
            return False  # "rejected the proposal", "dismissed the demand": something asked or offered
    return True


# what a denial can answer: a deed told as done or claimed
_ANSWERABLE = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})


def answered_by_denial(told: Realis, denial: Realis) -> Realis:
    """The status of a deed told before once a party denies it (``told``: the earlier telling's realis,
    ``denial``: the denied retelling's). A party's claim the other side denies ("Prigozhin: 'Bakhmut was
    completely taken'" ... "the president had been denying that the city was taken") and someone's report the
    accused calls false ("explosions reported in Ganja, Azerbaijani media say" ... "the reports that Ganja was
    fired on ... are a lie") are denied and stay attributed to the claimant or the reporter (corpus/events/README.md,
    "Conventions for every part", rules 4 and 5). What the article tells in its own voice (no one it is attributed
    to) keeps its status: the denial is the denier's word on it, and the text's own source is not overruled. Nor
    does a party deny its own telling: a denier who shares a proper name with the teller ("the LNA" / "an LNA
    spokesman") leaves it as told."""
    if told.status not in _ANSWERABLE or not told.attributed_to:
        return told
    if denial.attributed_to and _names(told.attributed_to) & _names(denial.attributed_to):
        return told
    return replace(told, status=EventStatus.DENIED)


def _names(said: str) -> frozenset[str]:
    """The proper-noun words of an attribution ("an LNA spokesman": LNA), by their capital."""
    return frozenset(w for w in re.findall(r"[\w'-]+", said) if w[:1].isupper() and w.lower() not in _NOT_NAMES)


# capitalised words that name no party: articles and determiners that open a sentence
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "its", "their"})


_PART_NOUNS = frozenset({"involvement", "responsibility", "connection", "role", "link", "part", "participation",
                         "hand", "complicity"})


_HOSTILE_DEEDS = frozenset({"ASSAULT", "COERCE"})


DENIAL_REACH = 6  # sentences back from a denial to the deeds it answers


def denied_accusations(drafts: list[Draft], index: DocIndex, doc: Any, deny_words: frozenset[str],
                       lemmas: Sequence[str] | None = None) -> None:
    """A party denying any part in a deed ("The Israeli military denied involvement"; "Hezbollah denied
    any connection to the strike"; "denied that its aircraft had targeted the centre": :func:`_denies_own_deed`) denies the deeds that others tell of it: an attack of that party's
    side that the text attributes to someone else (the accuser, or a reporter) is denied. A denial of a
    claim or an accusation as such ("rejected the claim as a lie") names no deed. A reported attack
    whose doer has no side, answered at once by a party's denial in the same or the next sentence,
    is denied too. An attack told as a fact, with no one it is attributed to, stays as told, unless an accusation named its doer
    (:func:`_denied_after_blame`)."""
    deniers: list[tuple[str, int]] = []  # (side, the denial's sentence number)
    named: list[tuple[frozenset[str], int]] = []  # (the denier's names, the denial's sentence number)
    # ``lemmas``: the Doc's lower-cased lemmas (events.words), read to find the verbs of denial without
    # building every Token
    candidates = (doc[i] for i, lemma in enumerate(lemmas) if lemma in deny_words) if lemmas is not None else doc
    sent_of: dict[int, int] = {}
    for tok in candidates:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in deny_words or _negated_verb(tok):
            continue
        if not sent_of:
            sent_of = {sent.start: k for k, sent in enumerate(doc.sents)}
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if not any(o.lemma_.lower() in _PART_NOUNS for o in objects) and not _denies_own_deed(tok):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            who = _antecedent(subj, tok)
            named.append((_party_names(who, index), sent_of.get(sentence_start(tok), 0)))
            actor = index.actor_at.get(who.i)
            if actor is not None and (actor.side or actor.country):
                deniers.append((actor.side or actor.country or "", sent_of.get(sentence_start(tok), 0)))
    if named:
        _denied_after_blame(drafts, index, doc, named, sent_of, lemmas)
    if not deniers:
        return
    for d in drafts:
        if d.typing.plover not in _HOSTILE_DEEDS or d.realis.status not in (EventStatus.HAPPENED, EventStatus.CLAIMED):
            continue
        if d.realis.attributed_to is None:
            continue
        tok = d.realis.attributed_token  # none for a quotation's speaker
        sides = {a.side or a.country for a in d.sources} - {None}
        teller = side_of_speaker(tok, index) if tok is not None else None
        here = sent_of.get(d.sent.start, 0)
        # the accusation a denial answers is told before it and near it, not anywhere in the article
        near = {side for side, k in deniers if 0 <= k - here <= DENIAL_REACH}
        if sides & near and teller not in sides:
            d.realis = replace(d.realis, status=EventStatus.DENIED)
        elif not sides and any(0 <= k - here <= 1 and side != teller for side, k in deniers):
            # "the Midvolga-2 reported being attacked by drones. Ukraine's foreign ministry denied any
            # involvement": a report of an attack by no one named, answered at once by a party's denial
            d.realis = replace(d.realis, status=EventStatus.DENIED)


# verbs that dismiss a telling by calling it untrue ("called the claims 'lies'", "described the report as false")
_CALLING = frozenset({"call", "describe", "brand", "label", "term"})
_DISMISSING = DENIAL_VERBS | _CALLING


def dismissed_tellings(drafts: list[Draft], index: DocIndex, doc: Any, lemmas: Sequence[str] | None = None) -> None:
    """A party dismissing a telling named by a bare noun of assertion ("The army called the claims 'lies'";
    "Ukraine's military dismissed the claim as a lie"; "The minister rejected the accusations") denies what that
    telling told a little before it (corpus/events/README.md, "Conventions for every part", rules 4 and 5): another
    party's claim (status claimed, attributed to a teller of another side) and someone's report of a deed done by the
    dismisser's own side (the accused calling the accusation false) become denied, still attributed to their teller.
    A noun with content of its own ("rejected the charge that Christians were being singled out", "the claims that
    the dead were civilians", "reports of a massacre") tells what is dismissed itself and answers nothing told
    before (events.realis reads a report called false). The dismisser's own tellings, what the article tells in its
    own voice and a dismisser with no side are left as told. ``lemmas``: the Doc's lower-cased lemmas
    (events.words), read to find the verbs without building every Token."""
    sent_of: dict[int, int] = {}
    candidates = (doc[i] for i, lemma in enumerate(lemmas) if lemma in _DISMISSING) if lemmas is not None else doc
    for tok in candidates:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _DISMISSING or _negated_verb(tok):
            continue
        nouns = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ASSERTION_NOUNS and _bare(c)]
        if lemma in _CALLING:
            nouns = [n for n in nouns if called_false(n)]
        if not nouns:
            continue
        side = next((s for c in tok.children if c.dep_ == "nsubj"
                     for s in [_side_of(index.actor_at.get(_antecedent(c, tok).i))] if s), None)
        if side is None:
            continue
        if not sent_of:
            sent_of = {sent.start: k for k, sent in enumerate(doc.sents)}
        k = sent_of.get(sentence_start(tok), 0)
        for d in drafts:
            if d.typing.plover not in _HOSTILE_DEEDS or d.realis.attributed_token is None or d.trigger.head.i > tok.i:
                continue
            if not 0 <= k - sent_of.get(d.sent.start, 0) <= DENIAL_REACH:
                continue
            teller = side_of_speaker(d.realis.attributed_token, index)
            if teller is None or teller == side:
                continue  # its own telling, or a teller whose side is unknown
            doers = {a.side or a.country for a in d.sources}
            if d.realis.status is EventStatus.CLAIMED or (d.realis.status is EventStatus.HAPPENED and side in doers):
                d.realis = replace(d.realis, status=EventStatus.DENIED)


def _bare(noun: Any) -> bool:
    """A noun of assertion with no content of its own: no clause and no "of"/"about" phrase telling what was said."""
    return not any(t.pos_ in ("VERB", "AUX") for t in noun.subtree if t.i != noun.i) and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "about", "on") for c in noun.children)


def _side_of(actor: Actor | None) -> str | None:
    return (actor.side or actor.country) if actor is not None else None


def _denies_own_deed(verb: Any) -> bool:
    """A denial whose content is the denier's own deed, told in a clause with the denier's pronoun or
    possessive as its doer ("an LNA spokesman denied that its aircraft had targeted the centre", "denied
    that they had shelled the camp") or as a gerund with no doer of its own ("denied targeting the
    church"): the denier denies a part in it. A clause of another's deed ("denied that the rebels had
    entered the town") is a denial of a report, no part of the denier's."""
    for clause in verb.children:
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ == "ccomp" and any(s.lower_ in ("it", "they") or any(
                p.dep_ == "poss" and p.lower_ in POSSESSIVE_PRONOUNS for p in s.children) for s in subjects):
            return True
        if clause.dep_ in ("xcomp", "ccomp") and clause.tag_ == "VBG" and not subjects:
            return True
    return False


def _antecedent(subj: Any, verb: Any) -> Any:
    """A relative pronoun's antecedent ("Police blamed the TPNPB, which denied involvement": the TPNPB)."""
    if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head
    return subj


# verbs that name the doer of a deed told before: the accuser blames or accuses the accused
_BLAME_VERBS = frozenset({"blame", "accuse"})


BLAME_REACH = 2  # sentences from an accusation to the denial that answers it


def _party_names(tok: Any, index: DocIndex) -> frozenset[str]:
    """The names a party goes by in its mention: its side, and the proper nouns of its phrase outside a
    clause on it ("the Libyan National Army (LNA)": Libyan, National, Army, LNA)."""
    names = {t.text for t in tok.subtree if t.pos_ == "PROPN" and not any(
        a.dep_ == "relcl" and a.i > tok.i for a in t.ancestors if a.i in range(tok.left_edge.i, tok.right_edge.i + 1))}
    actor = index.actor_at.get(tok.i)
    if actor is not None and (actor.side or actor.country):
        names.add("side:" + (actor.side or actor.country or ""))
    return frozenset(names)


def _denied_after_blame(drafts: list[Draft], index: DocIndex, doc: Any, deniers: list[tuple[frozenset[str], int]],
                        sent_of: dict[int, int], lemmas: Sequence[str] | None) -> None:
    """An attack told as a fact with no doer, then an accusation that names one, which the accused
    denies ("A car bomb exploded ... in Manbij. Syria's new defence ministry blamed the SDF. The SDF
    denied any role"; "Glen Conning was shot dead ... Police blamed the TPNPB, which denied
    involvement"): the accused denies the deed the accuser holds it did, so the attacks told with no doer
    shortly before the accusation (the bombing and its wounded) are denied and attributed to the accuser. The denier is the accused when it shares
    its side or all its proper names with it ("The SDF" and "the Kurdish-led Syrian Democratic Forces
    (SDF)"). With no accusation, or a denial by another party, the attack stays as told."""
    verbs = (doc[i] for i, lemma in enumerate(lemmas) if lemma in _BLAME_VERBS) if lemmas is not None else doc
    blames: list[tuple[Actor, frozenset[str], int]] = []  # (accuser, the accused's names, its sentence number)
    for tok in verbs:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _BLAME_VERBS or _negated_verb(tok):
            continue
        accusers = [index.actor_at.get(_antecedent(c, tok).i) for c in tok.children if c.dep_ == "nsubj"]
        accused = [_party_names(c, index) for c in tok.children if c.dep_ == "dobj"]
        k = sent_of.get(sentence_start(tok), 0)
        blames.extend((who, names, k) for who in accusers if who is not None for names in accused if names)
    for accuser, names, k_blame in blames:
        if not any(_same_party(names, denier) and 0 <= k - k_blame <= BLAME_REACH for denier, k in deniers):
            continue
        sides = {n[5:] for n in names if n.startswith("side:")}
        told = [d for d in drafts if d.typing.plover in _HOSTILE_DEEDS and d.realis.status is EventStatus.HAPPENED
                and d.realis.attributed_to is None and all((a.side or a.country) in sides for a in d.sources)
                and 0 <= k_blame - sent_of.get(d.sent.start, 0) <= DENIAL_REACH]
        for d in told:
            d.realis = replace(d.realis, status=EventStatus.DENIED, attributed_to=accuser.evidence.text)


def blame_names_a_doer(drafts: list[Draft]) -> None:
    """A party blaming another for a deed the article told shortly before with no doer of another side
    ("an airstrike hit the Tajoura Detention Centre ... The GNA blamed the LNA for the strike"; "Monday's
    attack on the Kerch bridge ... Moscow blamed Ukrainian naval drones"; "the killing of a couple ..., which
    it blamed on the 33rd Front") says who did that deed: the corpus's convention codes anyone's report of
    what a party did as the deed's attribution, not as an act of its own, so the blame is no event. Blames
    that name different doers near each other ("The M23 denied responsibility and blamed the Congolese army.
    The Congolese government accused Rwanda of a war crime") are a dispute: each side's accusation stays an
    event. "Accuse" names a charge of its own ("accused Rwanda of a war crime") and stays."""
    charges = [d for d in drafts if not d.dropped and d.typing.plover == "ACCUSE"
               and d.trigger.head.lemma_.lower() in _BLAME_VERBS and d.trigger.head.pos_ == "VERB"
               and not _negated_verb(d.trigger.head)]
    for d in charges:
        head = d.trigger.head
        if head.lemma_.lower() != "blame":
            continue
        accusers = {_accuser_words(head)}
        if any(o is not d and abs(o.sent_idx - d.sent_idx) <= DENIAL_REACH and _accuser_words(o.trigger.head) not in accusers
               for o in charges):
            continue  # a dispute: accusations of more than one party
        if any(e is not d and not e.dropped and e.typing.plover in _HOSTILE_DEEDS
               and 0 <= d.sent_idx - e.sent_idx <= DENIAL_REACH and e.trigger.head.i < head.i and not e.sources
               for e in drafts):
            d.dropped = True


def _accuser_words(verb: Any) -> str:
    """The words naming who accuses (its subject, a relative pronoun's antecedent)."""
    subjects = [_antecedent(c, verb) for c in verb.children if c.dep_ == "nsubj"]
    return " ".join(t.lower_ for s in subjects for t in s.subtree)


def _same_party(accused: frozenset[str], denier: frozenset[str]) -> bool:
    """The same side, or every proper name of the denier's among the accused's."""
    sides = {n for n in accused if n.startswith("side:")}
    if sides & denier:
        return True
    words = {n for n in denier if not n.startswith("side:")}
    return bool(words) and words <= accused


def _negated_verb(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


CLAIM_REACH = 6  # sentences back a claim of responsibility for "the attack" looks for the attack


def claimed_doers(kept: list[Any], claims: list[tuple[int, Any]], index: DocIndex, words: frozenset[str]) -> None:
    """A claim of responsibility for an attack told before ("A car bomb killed 12 people in Mogadishu.
    Al-Shabaab claimed responsibility for the attack."): the claimant is the doer of the last attack told
    up to that sentence, when nothing named one. ``claims``: (sentence number, the claimed event noun)."""
    for s_idx, noun in claims:
        who = claimants(noun, index, words)
        if not who:
            continue
        referent = next((d for d in reversed(kept) if s_idx - CLAIM_REACH <= d.sent_idx <= s_idx
                         and d.typing.plover == "ASSAULT"), None)
        if referent is not None and not referent.sources:
            referent.sources = tuple(dict.fromkeys(who))


def denied_by_negation(drafts: list[Draft], index: DocIndex) -> None:
    """A party saying its own side did not do a deed of the kind another teller has charged it with ("The health
    ministry said an Israeli airstrike hit the hospital. The Israeli army said its forces did not strike the
    hospital") denies that deed across the sentences between them: the accused deed, told before it by a
    teller of another side (a claim or a report attributed to someone), becomes denied and stays attributed to
    its teller; the negation is the denial, no event of its own (corpus/events/README.md, "Conventions for
    every part", rule 3). A negation by anyone else ("the UN said the army did not strike the hospital"), of
    another side's deed or of a deed of another kind, a deed the article tells in its own voice (attributed to
    no one), and a negation with no such deed before it are left as they are."""
    for n in drafts:
        tok = n.realis.attributed_token
        if n.dropped or n.realis.status is not EventStatus.NEGATED or n.typing.plover not in _HOSTILE_DEEDS or tok is None:
            continue
        side = side_of_speaker(tok, index)
        head = n.trigger.head
        if side is None or not speakers_own_side(n.realis, agent_tokens(head), n.sources, index, n.place, n.targets, head):
            continue
        answered = [d for d in drafts if d is not n and not d.dropped and d.typing.plover == n.typing.plover
                    and d.realis.status in _ANSWERABLE and d.realis.attributed_to
                    and 0 <= n.sent_idx - d.sent_idx <= DENIAL_REACH and d.trigger.head.i < head.i
                    and side in doer_sides(d.sources, d.trigger.head) and _teller_side(d, index) != side]
        for d in answered:
            d.realis = answered_by_denial(d.realis, n.realis)
        if answered:
            n.dropped = True


def _teller_side(d: Draft, index: DocIndex) -> str | None:
    tok = d.realis.attributed_token
    return side_of_speaker(tok, index) if tok is not None else None
