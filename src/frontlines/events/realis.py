"""Realis: whether an event happened, was ordered, announced, planned,
threatened, claimed, denied, negated or is hypothetical, and who the text
attributes it to.

The status comes from the trigger's own dependents (negation, modals, "if")
and from the nearest governing word on its path to the root ("ordered to
withdraw", "threatened to attack", "reports have detailed arrests").
"""

from __future__ import annotations


from dataclasses import dataclass, replace
from typing import Any

from frontlines.events.lexicon import EventLexicon
from frontlines.events.purposes import frame_in_purpose, purpose_of_ordered_deed
from frontlines.events.voice import HARM_VERBS
from frontlines.events.speakers import attribution
from frontlines.events.tree import doc_tree
from frontlines.stages import sentence_of
from frontlines.events.words import DocWords
from frontlines.quotes.attribution import said_by_no_one
from frontlines.records import EventStatus

_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
# modals that with a perfect guess at the past ("may have been killed") rather than tell what may come
_EPISTEMIC = frozenset({"may", "might"})
_MODAL = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_NEG_DETS = frozenset({"no", "neither", "nor"})
_CLIMB = frozenset(
    {"xcomp", "ccomp", "acl", "relcl", "advcl", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "pcomp",
     "compound", "attr", "appos", "oprd", "csubj"}
)  # fmt: skip
_FRAME_ORDER = ("denied", "threatened", "ordered", "announced", "planned", "claimed")
# Types that the speaker usually announces about their own side, rather than claims about another.
_OWN_ACTION = frozenset({"RETREAT", "MOBILIZE", "AGREE", "CONSULT", "AID", "COOPERATE", "SUPPORT", "CONCEDE", "SANCTION"})
# Types of harm done to another party, which said to come threaten it (PLOVER THREATEN).
_HARM = frozenset({"ASSAULT", "COERCE", "SANCTION"})


@dataclass(frozen=True, slots=True)
class Realis:
    """An event's status, the word that set it, and who it is attributed to."""

    status: EventStatus
    frame: Any | None  # the governing token, when one set the status
    attributed_to: str | None
    attributed_token: Any | None  # head of the attributed noun phrase, to match an Actor
    modal: str | None = None  # "future", "would", "must", "modal" or "if": the trigger's (or its governor's) auxiliary
    frame_word: str | None = None  # lemma of the governing frame word ("offer", "willing", "plan")
    # not an event of its own: a purpose ("called up to fight", "drafted to fill the gaps left by
    # troops who were killed") or what a predicative noun is said to be ("will make Kherson the
    # largest city claimed to have been liberated")
    descriptive: bool = False
    # the auxiliary a bare verb shares with the verb it is joined to ("would pull out and *hand* it
    # over"): it tells the status (to come), not the type (``modal`` alone is read for that)
    shared_modal: str | None = None


_ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "stop", "cease", "manage", "go", "come", "try"})
# "used tear gas to disperse protesters": the infinitive says what was done with the instrument
_INSTRUMENTAL = frozenset({"use", "employ"})


def _has_aux(tok: Any) -> bool:
    tree = doc_tree(tok.doc)
    dep = tree.dep
    return any(dep[c] in ("aux", "auxpass") for c in tree.children(tok.i))


def _infinitive(tok: Any) -> bool:
    tree = doc_tree(tok.doc)
    dep, lower = tree.dep, tree.lower
    return any(dep[c] == "aux" and lower[c] == "to" for c in tree.children(tok.i))


def _in_order_to(tok: Any) -> bool:
    """``tok`` is the infinitive of "in order to" ("In order to suppress provocations ..., measures were started";
    "deployed in order to prevent attacks"): a purpose, the idiom's bare "order" no command (a determined "the
    order to attack", "an order to mobilise" is one)."""
    if tok.dep_ != "acl":
        return False  # (asked at every step of the climb: no Token of the head for most)
    gov = tok.head
    return (_infinitive(tok) and gov.lower_ == "order" and gov.dep_ == "pobj"
            and gov.head.lower_ == "in" and not any(c.dep_ in ("det", "poss", "amod") for c in gov.children))


def _predicative(tok: Any) -> bool:
    """An infinitive that completes a copula's noun ("X was one of the last towns to fall"): it says
    what happened to the subject, not what someone means to do."""
    gov = tok.head
    return gov.lemma_.lower() in ("be", "become", "remain") and any(c.dep_ == "attr" for c in gov.children)


# subjects that deny the act of anyone ("*Nobody* attacked the convoy"; "a description *few* accepted"), said alone:
# "few residents fled" counts people who did (events v532)
_NEG_SUBJECTS = frozenset({"nobody", "none", "few", "nothing", "neither"})


def _negated(tok: Any) -> bool:
    """The verb or noun ``tok`` is negated: by "not" or "never", a determiner "no" ("no attack"), a subject that
    denies it of anyone ("nobody", "no one", "few" alone)."""
    tree = doc_tree(tok.doc)
    dep = tree.dep
    for c in tree.children(tok.i):
        if dep[c] == "neg":
            return True
        if dep[c] == "det" and tree.lower[c] in _NEG_DETS:
            return True
        if dep[c] in ("nsubj", "nsubjpass") and (
                (tree.lower[c] in _NEG_SUBJECTS and not any(dep[g] in ("amod", "det") for g in tree.children(c)))
                or (tree.lower[c] in ("one", "body") and any(tree.lower[g] == "no" for g in tree.children(c)))):
            return True
    return False


# prepositions by which a frame noun takes what it frames ("plans *for* an offensive", "the threat *of*
# strikes", "orders *to* the troops"); a place or a time ("the command *in* Lashio") is none of them
_FRAME_PREPS = frozenset({"of", "for", "to", "against", "about", "on"})
# subordinators of a time or reason clause ("*when* the AA overran Buthidaung, residents accused ...")
_CIRCUMSTANCE = frozenset({"when", "while", "as", "after", "before", "since", "until", "once", "because", "whenever"})


def _circumstance(tok: Any) -> bool:
    """A clause of time or reason ("*when* the AA overran Buthidaung", "*as* it battles ...")."""
    return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _CIRCUMSTANCE for c in tok.children)


# prepositions of a time beside a frame verb: the events they hold are when it happened, not its content
_TIME_PREPS = frozenset({"after", "before", "following", "since", "during", "amid", "amidst", "until"})
# prepositions of a concession: what they hold is granted, whatever the clause they stand in says
_CONCESSIVE_PREPS = frozenset({"despite", "notwithstanding"})


def _presupposed(tok: Any) -> bool:
    """``tok`` is a preposition of time or concession whose object a negation of its verb leaves standing ("have
    not given access *despite repeated requests*"; "did not return *after the shelling*"): the requests were made,
    the shelling happened; only the verb's own act is denied."""
    return tok.dep_ == "prep" and tok.lower_ in (_TIME_PREPS | _CONCESSIVE_PREPS) and tok.head.pos_ in ("VERB", "AUX")


def _frames_content(tok: Any, frame: Any, speech: frozenset[str]) -> bool:
    """Whether ``tok``, the word the climb reached the frame word ``frame`` from, is what the frame
    governs as its content. Not the active subject of a frame verb of intent or order ("the
    offensive *aims* to push ...", "a truce *agreed* in January": the subject is who aims, not what
    is aimed at), nor a noun frame's place or time ("the
    headquarters of the northeastern *command* in Lashio"), nor a clause of time or reason ("*when*
    the AA overran Buthidaung, residents *accused* its fighters")."""
    if _across_semicolon(tok, frame):
        return False  # "X was shot dead in an ambush; the authorities blamed an armed group": two clauses
    if tok.dep_ == "nsubj" and frame.pos_ in ("VERB", "AUX") and frame.lemma_.lower() not in speech:
        return False  # a speech verb's subject holding the event is a misparse ("X must be investigated, Y said")
    if tok.pos_ == "ADP" and frame.pos_ in ("NOUN", "PROPN") and tok.lower_ not in _FRAME_PREPS:
        return False
    if _circumstance(tok):
        return False
    if tok.pos_ == "ADP" and tok.lower_ in _TIME_PREPS and frame.pos_ in ("VERB", "AUX"):
        return False  # "sought shelter in schools *after the attack*": when it was sought, not what
    if tok.dep_ == "advcl" and not _infinitive(tok) and frame.lemma_.lower() not in speech:
        return False  # a clause beside a decision ("a truce agreed in January held until June, when ..."), not its object
    return True


def _across_semicolon(tok: Any, frame: Any) -> bool:
    """The clause of ``tok`` ends before the frame word with a semicolon between them: a semicolon joins two
    clauses that each stand alone, and the parser's reading of the first as the second's content is a
    misparse ("Girma Yeshitila was shot dead in an ambush; the authorities blamed an extremist armed group")."""
    end = tok.right_edge.i
    return end < frame.i and any(t.text == ";" for t in tok.doc[end + 1 : frame.i])


# nouns of what is said about a deed, and the words that call it untrue
_REPORT_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "accusation", "news", "story"})
_FALSITY = frozenset({"false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "fake", "lie",
                      "incorrect", "fabrication", "nonsense"})


# verbs that call what they take untrue by a complement ("described reports of a massacre *as false*", "called
# the reports of killings *staged*", "dismissed the claims as baseless"), and the participle of making one up
_CALLING = frozenset({"describe", "call", "dismiss", "brand", "label", "term", "reject"})
_STAGED = "staged"  # only as a calling's complement: "staged a protest" is a verb of doing


def called_false(noun: Any) -> bool:
    """The report noun is said to be untrue ("the reports about the withdrawal are completely false"; "reports
    ... that the command surrendered are fabricated"; "described reports of a massacre as false")."""
    verb = noun.head
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() in ("fabricate", "falsify", "invent"):
        return True
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _CALLING and any(
            (t.lemma_.lower() in _FALSITY or t.lower_ == _STAGED) and not any(c.dep_ == "dobj" for c in t.children)
            for t in verb.subtree if t.i != verb.i):
        return True
    for cop in (noun.head, *noun.children):
        if cop.lemma_.lower() != "be" or cop.i == noun.i:
            continue
        governs = cop.i == noun.head.i
        if (governs and noun.dep_ not in ("nsubj", "nsubjpass")) or (not governs and cop.dep_ not in ("acl", "relcl")):
            continue
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _FALSITY for c in cop.children):
            return True
    return False


_ATTEMPT = frozenset({"try", "attempt", "seek"})


def _attempts_going_on(frame: Any, tok: Any) -> bool:
    """An attempt told as going on for a while ("Russian forces had been trying to take the town
    since October"): the fighting for it is under way, a happening, not an aim."""
    return (frame.lemma_.lower() in _ATTEMPT and frame.tag_ == "VBG" and tok.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "been" for c in frame.children) and _perfect(frame))


def told_to_come(tok: Any) -> bool:
    """The verb is told as to come: "will", "shall", "would" ("will take all necessary measures")."""
    return _modal(tok) in ("future", "would")


def _modal(tok: Any) -> str | None:
    tree = doc_tree(tok.doc)
    dep = tree.dep
    kids = tree.children(tok.i)
    for c in kids:
        if dep[c] == "aux":
            low = tree.lower[c]
            if low in _EPISTEMIC and any(dep[k] == "aux" and tree.lower[k] == "have" for k in kids):
                continue  # "as many as 1,400 people may have been killed": a guess at what happened
            if low in _FUTURE:
                return "future"
            if low == "must":
                return "must"  # an obligation laid on someone: a demand when someone states it
            if low == "would":
                return "would"  # conditional, or the future of a reported statement ("said it would")
            if low in _MODAL:
                return "modal"
        if dep[c] == "mark" and tree.lower[c] in ("if", "unless", "whether"):
            return "if"
    return None


def assess(trigger: Any, plover: str, lex: EventLexicon, sent: Any, words: DocWords) -> Realis:
    """Status and attribution of the event whose trigger head is ``trigger`` (``words``: the Doc's, read once)."""
    frames = lex.frames
    status: EventStatus | None = None
    frame_tok = None
    # the trigger's own clause
    if _negated(trigger):
        status = EventStatus.NEGATED
    modal = _modal(trigger)
    tok = trigger
    hops = 0
    speech_tok = None
    purpose_tok = None
    descriptive = False
    said_modal = None  # the modal of what the frame word governs
    shared = None  # the auxiliary a bare verb shares with the verb it is joined to
    conj_hops = 0
    granted = False  # the climb passed through a time or concession its verb's negation leaves standing
    while tok.head.i != tok.i and hops < 6 and tok.dep_ in _CLIMB:
        parent = tok.head
        hops += 1
        lemma = parent.lemma_.lower()
        if _in_order_to(tok):
            descriptive = True  # "In order to ... secure the withdrawal of formations": the aim, no order given
            break
        if purpose_tok is None and tok.dep_ in ("advcl", "xcomp") and _infinitive(tok) and tok.pos_ in ("VERB", "AUX") \
                and lemma not in _ASPECTUAL and lemma not in _INSTRUMENTAL and not _predicative(tok) \
                and not _frame_word(lemma, frames):
            purpose_tok = tok  # "called up to fight": a purpose; if no frame above makes it planned
        if (tok.dep_ in ("acl", "relcl") and parent.dep_ in ("attr", "oprd") and _future_predication(parent.head)) or (
                lemma == "make" and tok.dep_ in ("ccomp", "oprd", "xcomp") and _future_predication(parent)):
            descriptive = True  # "will make Kherson the largest city claimed to have been liberated"
        granted = granted or _presupposed(tok)
        if tok.dep_ == "conj" or parent.pos_ == "ADP":
            if tok.dep_ == "conj" and shared is None and hops == conj_hops + 1 and not _has_aux(tok):
                shared = _modal(parent)  # "would pull out of the city and hand it over": the partner's "would"
                conj_hops = hops
            tok = parent
            continue
        if status is None and _negated(parent) and hops <= 3 and not granted and not _across_semicolon(tok, parent):
            status = EventStatus.NEGATED  # not a clause's beyond a semicolon ("detained two ...; they have not been heard from since")
        below = modal  # the trigger's clause's, not the frame word's own ("will say")
        if modal is None and parent.pos_ in ("VERB", "AUX"):
            modal = _modal(parent)
        if status is None and lemma in _REPORT_NOUNS and called_false(parent):
            status = EventStatus.DENIED  # "the reports about the withdrawal of army units are completely false"
        if frame_tok is None and lemma in lex.frame_words and _frames_content(tok, parent, lex.speech) \
                and not _attempts_going_on(parent, tok):
            for name in _FRAME_ORDER:
                cues = frames[name]
                if name == "ordered" and tok.dep_ != "xcomp" and lemma in frames["claimed"].words and (
                    not _infinitive(tok)
                ):
                    continue  # "residents told our correspondent (that) X": speech; "told them to leave": an order
                if lemma in cues.words:
                    frame_tok = parent
                    said_modal = below or shared
                    if status is None:
                        status = EventStatus(name)
                    break
        if speech_tok is None and lemma in lex.speech and not _circumstance(tok) and not _across_semicolon(tok, parent):
            speech_tok = parent
        tok = parent
    if frame_tok is None and speech_tok is None:
        aside = _parenthetical_speech(trigger, tok, frames["claimed"].words)
        if aside is not None:  # "Some of the dead bore signs of torture, Syniehubov said, among them ..."
            frame_tok = speech_tok = aside
            if status is None:
                status = EventStatus.CLAIMED
    if _ongoing_state(trigger):
        descriptive = True  # "Wagner has fought alongside Mali's army since 2021": a state, not an event
    if _running_toll(trigger, lex) or _granted_power(trigger, lex) or _habitual(trigger) or _the_war_told(trigger, lex) \
            or _uncounted_repetition(trigger):
        descriptive = True  # "the war has killed 10,000"; "the emergency allows the police to arrest"
    if purpose_tok is None and frame_tok is None:
        purpose_tok = _purpose_above(trigger, frames)
    if purpose_tok is not None and frame_tok is not None and frame_in_purpose(frame_tok, purpose_tok, lex.speech):
        descriptive = True  # "marched to reject the attack": the frame is the purpose's own word, nothing was rejected
    if frame_tok is not None and status == EventStatus.ORDERED:
        step = _child_towards(trigger, frame_tok)
        if step is not None and _infinitive(step) and purpose_of_ordered_deed(step, frame_tok, lex):
            descriptive = True  # "ordered the call-up of reservists to reinforce troops": the call-up was ordered
    if purpose_tok is not None and (frame_tok is None or (
            frame_tok.i != purpose_tok.head.i and frame_tok.lemma_.lower() in lex.speech
            and (purpose_tok.head.lemma_.lower() in lex.single
                 or (purpose_tok.head.pos_ == "VERB" and frame_tok in purpose_tok.ancestors)))):
        # a purpose clause, or inside one: not an event of its own. Only a frame that governs the
        # infinitive ("planned to attack") makes it an event; a report of the whole sentence does
        # not when the infinitive is the purpose of another event ("said forces had been deployed
        # to find the children") or of any other deed the report tells ("said troops were being
        # regrouped to reinforce positions"); a speech frame inside the purpose still speaks ("held a
        # briefing to deny that ...": events.purposes).
        descriptive = True
    if status is None:
        if modal == "if":
            status = EventStatus.HYPOTHETICAL
        elif modal == "future":
            status = EventStatus.PLANNED
        elif modal in ("modal", "must", "would"):
            status = EventStatus.HYPOTHETICAL
    elif status in (EventStatus.CLAIMED, EventStatus.ANNOUNCED) and modal == "if":
        status = EventStatus.HYPOTHETICAL
    elif status == EventStatus.CLAIMED and said_modal in ("future", "would") and plover not in _OWN_ACTION:
        # "said he would engage the young people": what a speaker says is to come is planned, not a
        # claim of a deed done; a harm said to come is a threat ("said the group would target all ships")
        status = EventStatus.THREATENED if plover in _HARM else EventStatus.PLANNED
    attributed, attributed_tok = attribution(trigger, speech_tok or frame_tok, sent, words)
    if frame_tok is not None and status == EventStatus.CLAIMED and said_by_no_one(frame_tok):
        # "no group has claimed responsibility for the blast": the blast is told as fact, unclaimed
        status, attributed, attributed_tok = EventStatus.HAPPENED, None, None
    if status == EventStatus.CLAIMED and plover in _OWN_ACTION:
        status = EventStatus.ANNOUNCED
    if status is None:
        status = EventStatus.CLAIMED if attributed and plover not in _OWN_ACTION else EventStatus.HAPPENED
        if attributed and plover in _OWN_ACTION:
            status = EventStatus.ANNOUNCED
    return Realis(status=status, frame=frame_tok, attributed_to=attributed, attributed_token=attributed_tok,
                  modal=modal, frame_word=frame_tok.lemma_.lower() if frame_tok is not None else None,
                  descriptive=descriptive, shared_modal=shared)


def _parenthetical_speech(trigger: Any, top: Any, speech: frozenset[str]) -> Any | None:
    """A speech verb set in the sentence as an aside ("Some of the dead bore signs of torture, Syniehubov
    said, among them ..."; "Last week, the army said, a patrol came under fire ...; two insurgents were
    killed"): the parser hangs it on a clause as a parataxis, off the path from the trigger to the root,
    so the climb never meets it. It frames what it follows in the clause it hangs on (a word of the
    trigger's path, from the trigger up to ``top``, where the climb stopped), and, set inside the
    clause that opens the sentence, what comes after it, as "X said" at the root would. Not words told
    after it beyond its clause ("Air defences shot down most of the drones, the military said, but
    debris ... injuring two people"), nor a clause joined to the one it is in. An aside is a verb of
    saying with a subject and no content of its own (no clause or object it says): "..., the army said
    it had repelled the attack" says something else."""
    doc = trigger.doc
    tree = doc_tree(doc)
    heads, labels = tree.head, tree.dep
    on_path = set()
    i = trigger.i
    for _ in range(8):
        on_path.add(i)
        if i == top.i or heads[i] == i or labels[i] == "conj":
            break
        i = heads[i]
    sent = sentence_of(trigger)
    for k in range(sent.start, sent.end):
        if labels[k] != "parataxis":
            continue
        child = doc[k]
        if child.lemma_.lower() not in speech or _negated(child):
            continue
        deps = {c.dep_ for c in child.children}
        if "nsubj" not in deps or deps & {"ccomp", "dobj", "xcomp"}:
            continue
        head = child.head
        if head.i in on_path and trigger.i < child.i:
            return child  # after what it frames
        if child.i < head.i and child.i < trigger.i:
            return child  # inside the clause it opens, before what it frames
    return None


_TOLD_AS_DONE = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.ANNOUNCED, EventStatus.PLANNED})


def settle_status(plover: str, word_plover: str, realis: Realis, trigger: Any) -> Realis:
    """The status a type's own meaning gives the event once its type is settled.

    - a threat tells a harm still to come: a THREATEN event is ``threatened`` (its threat was made;
      the harm was not done), whatever frame told it;
    - a refusal read from a negated cooperative act ("will not sign", "did not agree") is the
      refusal, and the refusal happened: REJECT, not a negated REJECT;
    - "announced" is the doer telling its own act: told as done ("troops were deployed, the army
      said"; "declared a state of emergency") the act happened; told as to come ("will pull out",
      "would withdraw") it is planned. A noun keeps "announced" ("announced the withdrawal"): the
      announcement names the act without telling whether it is done; but a declaration makes what
      it names ("declared a state of emergency", "proclaimed the annexation"): that happened. A party's claim about its own deeds stays ``claimed``
      (decided before, in :func:`frontlines.events.attribution.claim_or_report`)."""
    status = realis.status
    if plover == "THREATEN" and status in _TOLD_AS_DONE:
        return replace(realis, status=EventStatus.THREATENED)
    if plover == "REJECT" and word_plover != "REJECT" and status == EventStatus.NEGATED:
        return replace(realis, status=EventStatus.HAPPENED)
    if status == EventStatus.ANNOUNCED and (trigger.pos_ in ("VERB", "AUX") or _told_by_own_verb(trigger, realis)):
        to_come = realis.modal in ("future", "would") or (realis.modal is None and realis.shared_modal in ("future", "would"))
        return replace(realis, status=EventStatus.PLANNED if to_come else EventStatus.HAPPENED)
    if status == EventStatus.ANNOUNCED and _enacted(trigger, realis):
        return replace(realis, status=EventStatus.HAPPENED)
    return realis


def _told_by_own_verb(trigger: Any, realis: Realis) -> bool:
    """An event noun told by a verb of its own clause below the frame, which tells whether it is done
    or to come ("some 200 trucks of aid *entered* the enclave, the United Nations said"; "said he
    *would convene* an emergency summit"), unlike a noun the frame word names itself ("announced the
    withdrawal")."""
    frame = realis.frame
    if frame is None:
        return False
    tok = trigger
    for _ in range(4):
        if tok.head.i == tok.i or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "conj"):
            return False
        tok = tok.head
        if tok.i == frame.i:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return tok.dep_ in ("ccomp", "conj") and tok.head.i == frame.i
    return False


# verbs whose saying makes what they name ("declared a state of emergency", "proclaimed the
# annexation"), unlike those that report it ("announced the withdrawal")
_ENACTING = frozenset({"declare", "proclaim"})


def _enacted(trigger: Any, realis: Realis) -> bool:
    """A noun a declaration brings into being: the direct object of "declare" or "proclaim", told
    as done (not "will declare")."""
    frame = realis.frame
    return (frame is not None and realis.frame_word in _ENACTING and trigger.dep_ == "dobj"
            and trigger.head.i == frame.i and realis.modal not in ("future", "would", "modal", "if"))


def _perfect(tok: Any, present: bool = False) -> bool:
    """A perfect ("has killed", "had killed"; with ``present``, "has"/"have" only)."""
    return any(c.dep_ == "aux" and (c.lower_ in ("has", "have") if present else c.lemma_.lower() == "have")
               for c in tok.children)


def _names_period(noun: Any, periods: frozenset[str]) -> bool:
    """The noun is a period of conflict, or counts one ("decades of conflict", "years of war")."""
    if noun.lemma_.lower() in periods:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in periods
                                                          for o in p.children) for p in noun.children)


def _running_toll(trigger: Any, lex: EventLexicon) -> bool:
    """A casualty verb whose subject is a whole period of conflict tells the period's running toll,
    not a happening: in the perfect ("the war has killed more than 10,000 civilians", "the
    insurgency has displaced two million") or in a relative clause of the period's noun ("decades of
    conflict that has killed millions", "the war, which killed 800,000"). "The fighting killed 12
    people in Khartoum on Monday" is told as one happening and stays one."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in HARM_VERBS:
        return False
    if not _perfect(trigger):
        return False
    periods = lex.cues["conflict_period"].words
    if trigger.dep_ == "relcl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        return _names_period(trigger.head, periods)
    return any(c.dep_ == "nsubj" and _names_period(c, periods) for c in trigger.children)


_FIGHTING = frozenset({"fight", "battle"})  # the general verbs of war: what a war consists of
_THROUGH = frozenset({"in", "during", "throughout"})


def _the_war_told(trigger: Any, lex: EventLexicon) -> bool:
    """Fighting told as what a whole war consisted of ("fought Israel to a standstill *in the 34-day war of
    2006*", "fought alongside the army *during the two-year war*"): the war summed up, no happening of a day.
    A deed done in a war stays one ("captured the Heights in the 1967 war")."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _FIGHTING:
        return False
    periods = lex.cues["conflict_period"].words
    preps = [c for c in trigger.children if c.dep_ == "prep"]
    # one step further down a phrase of the verb's ("to a standstill in the war")
    preps += [g for c in preps for o in c.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "prep"]
    war = [p for p in preps if p.lower_ in _THROUGH
           and any(o.dep_ == "pobj" and _names_period(o, periods) for o in p.children)]
    if not war:
        return False
    # a day of its own makes it one happening of the war ("fought in the town on Monday during the war")
    inside = {t.i for p in war for t in p.subtree}
    return not any(t.ent_type_ in ("DATE", "TIME") and t.i not in inside
                   for c in trigger.children if c.dep_ != "conj" for t in c.subtree)


_FREQUENCY = frozenset({"repeatedly", "often", "regularly", "frequently", "routinely", "constantly", "usually",
                        "sometimes", "occasionally", "persistently", "continually"})


# units of time a recurring act is counted in ("every evening", "most nights")
_TIME_UNITS = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# determiners and quantifiers that make a unit of time recur ("every", "each", "most", "many")
_RECURRING = frozenset({"every", "each", "most", "many"})


def _recurring_time(noun: Any) -> bool:
    """A unit of time told as recurring: quantified by "every", "each", "most" or "many" ("every evening",
    "most nights"), or a weekday in the plural ("on Fridays")."""
    low = noun.lower_
    if low.endswith("s") and low[:-1] in _WEEKDAYS:
        return True
    return noun.lemma_.lower() in _TIME_UNITS | _WEEKDAYS and any(
        c.dep_ in ("det", "amod", "predet") and c.lower_ in _RECURRING for c in noun.children)


def _habitual(trigger: Any) -> bool:
    """An act told as done again and again ("has repeatedly urged both sides to stop", "regularly
    shells the town", "most nights the soldiers fire into the mangroves", "an assembly meets every
    evening"): a summary of many happenings, none of them told; in the perfect or the present. A past
    act done every day of a period ("shelled the village every day last week") is told as it went and stays."""
    if trigger.pos_ != "VERB":
        return False
    often = any(c.dep_ == "advmod" and c.lower_ in _FREQUENCY for c in trigger.children)
    recurring = any(
        (c.dep_ in ("npadvmod", "dobj") and _recurring_time(c))
        or (c.dep_ == "prep" and any(g.dep_ == "pobj" and _recurring_time(g) for g in c.children))
        for c in trigger.children)
    if not (often or recurring):
        return False
    return _perfect(trigger) or trigger.tag_ in ("VBZ", "VBP")


# quantifiers that leave a number of times or a stretch of time uncounted ("several times", "for months")
_UNCOUNTED = frozenset({"several", "many", "multiple", "numerous", "countless", "repeated", "various"})
_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "decades"})


def _uncounted_repetition(trigger: Any) -> bool:
    """A present perfect told as done an uncounted number of times ("it has been shelled *several times*") or
    for an uncounted stretch ("lines have been cut *for months*", "for most of the past year"): a summary of a
    state of affairs up to now, none of its happenings told. A count ("shelled twice", "three times this
    week"), a counted stretch ("for three days") or a past tense ("was shelled several times on Monday")
    tells happenings and stays (events v320). "Long" is a stretch with no bound ("has long been accused of abuses",
    events v530). An event noun that is the doer of such a passive ("has been cut
    off *by fighting* for most of the past year") is the state's cause, told as summed up too."""
    verb = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "by" and trigger.head.dep_ in ("agent", "prep"):
        verb = trigger.head.head  # the parser may hang the stretch on the noun ("by fighting ... for most of")
        if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
            return False
    if verb.pos_ != "VERB" or not _perfect(verb, present=True):
        return False
    for c in (*verb.children, *(trigger.children if verb is not trigger else ())):
        if c.dep_ == "advmod" and c.lower_ == "long" and not any(c.children):
            return True  # "has long been accused of abuses": a stretch with no bound (not "as long as", v530)
        if c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() == "time" and any(
                g.dep_ == "amod" and g.lower_ in _UNCOUNTED for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                if o.lower_ in _PLURAL_UNITS and not any(g.dep_ in ("nummod", "det", "amod") for g in o.children):
                    return True  # "for months"; "for three months", "for the past months" count or bound it
                if o.lower_ == "most" and any(g.dep_ == "prep" and g.lower_ == "of" for g in o.children):
                    return True
    return False


def _granted_power(trigger: Any, lex: EventLexicon) -> bool:
    """An act that a present-tense grant of power makes possible ("the state of emergency allows the
    authorities to impose curfews, ban gatherings and arrest suspects"): what may be done, not a
    happening. A grant told in the past ("the army allowed residents to leave") tells what was done."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("ccomp", "xcomp"):
        return False
    gov = tok.head
    return gov.lemma_.lower() in lex.cues["permission"].words and gov.tag_ in ("VBZ", "VBP")


def _ongoing_state(trigger: Any) -> bool:
    """A present perfect with "since": what has been going on for a while, not a happening."""
    if trigger.pos_ != "VERB":
        return False
    since = any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in trigger.children)
    return since and _perfect(trigger, present=True) and not _counted_object(trigger)


# nouns that count their "of" object ("dozens of villages", "a string of missiles")
_COUNTING = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                       "number", "string", "series", "wave", "barrage", "salvo", "volley"})


def _counted_object(trigger: Any) -> bool:
    """The perfect counts what it has done ("has retaken *dozens of* villages since August", "has
    fired *thousands of* rockets since October"): happenings added up, not a state."""
    for c in trigger.children:
        if c.dep_ != "dobj":
            continue
        if c.like_num or c.lower_ in _COUNTING or any(g.dep_ == "nummod" or g.lower_ in _COUNTING for g in c.children):
            return True
    return False


def _child_towards(tok: Any, ancestor: Any) -> Any | None:
    """The child of ``ancestor`` on the way up from ``tok`` (``tok`` itself when it hangs on it), or None; None too
    when the way passes a finite verb joined by "and", which the parser hung on an infinitive although it shares none
    of it ("ordered the call-up to reinforce troops *and repeated* his threat")."""
    for _ in range(12):
        if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return None
        if tok.head.i == ancestor.i and tok.i != ancestor.i:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _purpose_above(trigger: Any, frames: Any) -> Any | None:
    """A purpose infinitive the trigger is buried in ("drafted to fill the gaps left by troops who
    have been captured"), looked for further up than the status climb goes."""
    tok = trigger
    for _ in range(12):
        parent = tok.head
        if parent.i == tok.i:
            return None
        lemma = parent.lemma_.lower()
        if _frame_word(lemma, frames):
            return None
        if tok is not trigger and tok.dep_ == "advcl" and _infinitive(tok) and lemma not in _ASPECTUAL \
                and lemma not in _INSTRUMENTAL:
            return tok
        tok = parent
    return None


def _frame_word(lemma: str, frames: Any) -> bool:
    return any(lemma in frames[name].words for name in _FRAME_ORDER)


def _future_predication(gov: Any) -> bool:
    """A predication about the future: "will make X the largest city", "would be the first town"."""
    if gov.lemma_.lower() not in ("make", "be", "become", "remain"):
        return False
    return _modal(gov) in ("future", "would", "modal")


def status_factor(status: EventStatus) -> float:
    """How much an event's status lowers its weight as the main event of a text."""
    return {
        EventStatus.HAPPENED: 1.0,
        EventStatus.CLAIMED: 0.97,
        EventStatus.ANNOUNCED: 0.97,
        EventStatus.ORDERED: 0.95,
        EventStatus.PLANNED: 0.85,
        EventStatus.THREATENED: 0.8,
        EventStatus.DENIED: 0.75,
        EventStatus.HYPOTHETICAL: 0.7,
        EventStatus.NEGATED: 0.6,
    }[status]
