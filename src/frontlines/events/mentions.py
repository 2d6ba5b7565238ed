"""Trigger words that name no event of their own: the content of another party's speech act, a
generic mention, a request about the report itself, the publication of a document.

Each rule reads the dependency tree around one trigger and the other triggers of its sentence:

- **content of a speech act**: what an accusation, a call, a demand, an agreement, talks or a
  refusal are about is that act's content, not a second event ("accused the army *of bombing*
  residential areas", "its call *for an immediate ceasefire*", "an agreement *on the deployment*
  of police officers"); a speech noun a refusal takes as its object is the earlier speech act
  referred back to ("rejected *the accusation*", "dismissed *the accusations*"); the object of the act
  a demand asks for is asked too ("urged all parties to agree *an immediate ceasefire*");
- **generic mention**: a clause that restricts an indefinite or universal antecedent names a kind
  of doer, not a doer ("*anyone who attacks* public institutions", "*those who refused* were
  beaten", "*any group that violates* the ceasefire");
- **a request about the report**: asking for oneself to be treated a way by the reporter ("a
  relative, who *asked not to be named*"): the request's content is a passive with its asker as
  the patient, which no party to the conflict is asked to carry out;
- **a standing relation**: backing or supporting told in the present simple or in a clause
  that describes a party ("Rwanda, which experts say *backs* the rebels", "the army, *supported*
  by volunteers") is what the party is, not something it did;
- **a question**: asking *whether* or *what* is a question put, not a request made;
- **a denial of one's own part**: denying one's own action or involvement ("*denied* setting fire
  to homes", "*denied* that its forces had targeted civilians", "*denied* responsibility") makes
  the accused action denied (its own status); no refusal is made of anyone's demand or claim;
- **negation that is not the event's**: a noun or a describing participle under a negated
  copula or passive ("it is *not* the first promise", "a move *not* recognized") asserts no act;
  only a negated verb of a party ("will not sign") is a refusal;
- **publication**: "release" and "free" name a handover of people; released footage, statements
  or communications are published, not freed (the patient is information);
- **naming, pressing on, complaining**: "call" with an object or an object predicate names
  something ("called the strikes *retaliation for* Monday's attack"), it asks for nothing; "press"
  with nothing asked for ("Moscow *pressed* a cross-border offensive") goes on with its own act; "protest"
  with a content clause ("UNIFIL *protested* ... that their presence was endangering peacekeepers")
  is a complaint, not a demonstration;
- **a place as a doer**: a relative clause whose subject stands for a river, a town or a building
  ("the Oskil river *that supplied* Russian units") says what the place is for; a place is never a
  party that gives, asks or backs (a town that *fell* is the undergoer, and stays an event);
- **a happening referred to**: a definite event noun that is not its clause's subject, in a
  sentence that tells another act outside the noun's own phrase ("relatives of *the hostages* gathered", "people who fled *the
  fighting* live in shelters", "*following the rejection* of its provisions, the bill is
  withdrawn"): the article presupposes it and tells it, if at all, where it is asserted. As the
  subject ("*the fighting* erupted on Saturday", "*the truce* was signed") or alone in its
  sentence it is the telling, and so it is when a claim, a plan or a denial frames it ("claimed
  *the attack*", "foiled *the planned assault*") or another act takes it as its object ("condemned
  *the attack*"): it is what that act is about;
- **displacement**: PLOVER's RETREAT is a party withdrawing its forces. People fleeing, displaced
  or evacuated ("forced thousands of civilians *to flee*", "the crew *abandoned* ship", "more than a million people have been
  *displaced*", "its crew had been *evacuated*") are a displacement figure (a quantity), not an
  event of their own; only armed movers make a flight or an evacuation a retreat ("Russian troops
  *fled* Izium", "*evacuated* its soldiers from the island");
- **a pattern or a comparison**: plural event nouns that are what a habit consists of ("follows *a
  pattern of air strikes*", "a history of attacks") or what the happening is compared with ("it
  began, *as so many attacks* in Mogadishu *do*, with a car bomb") name a kind of happening, not one;
- **a witness's account, a notice to readers, those an act befell**: a quoted speaker telling, in the
  past and the first person, of a call they made ("'We *called for* help for hours,' said one man"); a
  request in the present passive with no asker ("the population *is invited* to remain calm"); people
  counted "*among those captured*": no act of one party upon another, or an act told where it is done;
- **a happening that dates another act**: an agreement or talks tied to the stretch or point of time
  another act of the sentence happened in ("freed 24 hostages *on the first day of a truce*", "*hours
  before a ceasefire* was due to begin", "signed *after two weeks of talks*") are told as its time;
- **an inquiry as a thing**: an investigation no party opens or carries out in its sentence is the source a
  report is based on or what someone should support, not an act ("based on a fact-finding *investigation*");
- **a speech act upon each other**: two sides accusing each other or trading blame sum up the sides'
  own acts, which the story tells apart where each speaks.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.generic import HABIT_NOUNS, no_happening
from frontlines.events.lexicon import SPEECH_TYPES, CueSet
from frontlines.events.denials import denial_of_a_telling
from frontlines.geo.lexicon import FEATURE_HEADS, KIND_WORDS
from frontlines.events.tree import doc_tree
from frontlines.records import EventStatus
from frontlines.stages import sentence_of

# PLOVER's verbal types: acts done by saying something, whose content is another happening
# speech acts whose object or infinitive is what they ask or threaten, not a second event
# (a charge's object is told as done, "condemned the attack"; a denial keeps its content, own_part_denied)
_DEMANDING = frozenset({"REQUEST", "THREATEN"})
# prepositions that introduce what a speech act is about ("accused of", "call for", "talks on")
_CONTENT_PREPS = frozenset({"of", "for", "on", "about", "over"})
# indefinite and universal pronouns: a relative clause on them restricts a kind, not a referent
_GENERIC_PRONOUNS = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody", "those", "whomever"})
_GENERIC_DETS = frozenset({"any", "every", "each", "no", "all"})
# determiners that refer to something known: a noun with one presupposes its happening
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "ROOT"})
# what is published rather than handed over when it is "released"
_INFORMATION = frozenset("""footage video statement report image photo photograph picture recording communication
document data figure list detail transcript audio text finding result letter map evidence information""".split())


def speech_content(d: Draft, heads: dict[int, Draft]) -> bool:
    """Whether the trigger is what another trigger's speech act is about (see the module docstring)."""
    head = d.trigger.head
    if head.dep_ == "dobj" and head.pos_ == "NOUN" and d.typing.plover in SPEECH_TYPES:
        other = heads.get(head.head.i)
        if other is not None and other is not d and other.typing.plover == "REJECT":
            return True  # "rejected the accusation": the accusation was made before, and is told there
    first = head  # "vowed to capture or *kill* him": the first of coordinated infinitives is the one governed
    while first.dep_ == "conj" and first.pos_ == "VERB" and first.head.i != first.i:
        first = first.head
    if (head.dep_ == "dobj" and head.pos_ == "NOUN" and head.head.pos_ == "VERB" and _asks_of_others(head)) or (
            first.dep_ == "xcomp" and first.pos_ == "VERB") or (
            first.dep_ == "ccomp" and first.tag_ in ("VB", "VBP")):  # "demanded that the rebels *withdraw*": a subjunctive
        other = heads.get(first.head.i)
        if other is not None and other is not d and other.typing.plover in _DEMANDING:
            return True  # "demanded the surrender of the garrison", "threatened to withdraw": what is asked
    if head.dep_ == "dobj" and head.pos_ == "NOUN" and head.head.dep_ == "xcomp" and head.head.pos_ == "VERB":
        other = heads.get(head.head.head.i)  # "urged all parties to agree *an immediate ceasefire*": what is asked
        if other is not None and other is not d and other.typing.plover in _DEMANDING:
            return True
    if _inside_commitment(head, d, heads):
        return True
    cur, through = head, False
    for _ in range(4):
        if cur.dep_ in ("pobj", "pcomp") and cur.head.pos_ == "ADP":
            if cur.head.lower_ not in _CONTENT_PREPS:
                return False
            through = True
            cur = cur.head.head
        elif cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head  # "a call for a ceasefire and the release of hostages"
            continue
        elif cur.dep_ == "dobj" and through:
            cur = cur.head  # "accused [the army] of bombing": the "of" hangs on the accused
        elif cur.dep_ == "prep" and through and cur.lower_ in _CONTENT_PREPS:
            cur = cur.head  # "accused Rwanda of ambitions and [of] plundering": the first "of" of two
        else:
            return False
        other = heads.get(cur.i)
        if through and other is not None and other is not d and other.typing.plover in SPEECH_TYPES:
            return True
    return False


def _inside_commitment(head: Any, d: Draft, heads: dict[int, Draft]) -> bool:
    """Inside the infinitive a party agrees or commits to ("agreed to an immediate ceasefire and to
    resolve remaining issues *through further negotiations*", "committing to protect civilians and
    *let aid through*"): the agreement's terms, not events of their own."""
    tree = doc_tree(head.doc)
    up, dep, pos, lower = tree.head, tree.dep, tree.pos, tree.lower
    i = head.i
    for _ in range(6):
        if up[i] == i:
            return False
        if dep[i] in ("xcomp", "advcl") and pos[i] in ("VERB", "AUX") and any(
                dep[c] == "aux" and lower[c] == "to" for c in tree.children(i)):
            gov = up[i]
            other = heads.get(gov)
            if other is None and dep[gov] == "advcl" and head.doc[gov].tag_ == "VBG":
                other = heads.get(up[gov])  # "signed the Declaration, *committing* to protect": the signing's terms
            if other is not None and other is not d and other.typing.plover == "AGREE":
                return True
        i = up[i]
    return False


def predicative_noun(d: Draft) -> bool:
    """A noun trigger that is what a copula says its subject is ("This is *a retreat*, not a
    redeployment"; "it was *the worst attack* in the country's history"): it names a kind, the
    happening is told where its subject is."""
    head = d.trigger.head
    return head.pos_ == "NOUN" and head.dep_ == "attr" and head.head.lemma_.lower() == "be"


def _asks_of_others(noun: Any) -> bool:
    """A demanded act names who is to do it ("the surrender *of the garrison*"): asked of another
    party. A noun without one ("pressed an offensive") is the asker's own act, not a demand's content."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def generic_mention(d: Draft, civilians: CueSet) -> bool:
    """A verb trigger in a clause restricting an indefinite antecedent ("anyone who attacks"), or a
    said act in one that tells which civilians are meant ("dozens of residents *who refused* to
    leave"): no party's act."""
    head = d.trigger.head
    if head.dep_ != "relcl":
        return False
    antecedent = head.head
    if d.typing.plover in SPEECH_TYPES:
        # "dozens of residents ... who": a count's "of" names whom it counts
        counted = [g for c in antecedent.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        if any(t.lemma_.lower() in civilians.words for t in (antecedent, *counted)):
            return True
    if antecedent.lower_ in _GENERIC_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in antecedent.children)


def policy(d: Draft) -> bool:
    """An act told in the present simple as what a party does not do or does only ("the armed forces do
    not strike civilian objects", "it strikes only military targets"): a stated policy, no event."""
    head = d.trigger.head
    if d.typing.plover in SPEECH_TYPES or head.pos_ != "VERB":
        return False
    kids = list(head.children)
    aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    present = (head.tag_ in ("VBZ", "VBP") and not aux) or (
        head.tag_ == "VB" and bool(aux) and all(a.lower_ in ("do", "does") for a in aux))
    if not present:
        return False
    return any(c.dep_ == "neg" for c in kids) or any(
        t.lower_ == "only" and t.dep_ == "advmod" for c in kids if c.dep_ in ("dobj", "prep", "advmod") for t in c.subtree)


_SAID = SPEECH_TYPES - {"CONSULT"}  # a meeting is done, not said ("Biden, meeting Netanyahu, said")


def speech_participle(d: Draft) -> bool:
    """A speech act told as a participle adjunct with no subject of its own ("arrived in Kyiv on
    Tuesday, *promising* that weapons were on their way"; "confirmed his death, *pledging* to
    continue"): what the main clause's doer said while doing it, not an act of its own; nor is an
    accusation told as a participle describing a noun with no accuser named ("firms *accused* of
    helping Russia")."""
    head = d.trigger.head
    if d.typing.plover == "ACCUSE" and head.tag_ == "VBN" and head.dep_ == "acl":
        # "firms *accused* of helping Russia": what the firms are said to be, by no one the text names
        return not any(c.dep_ == "agent" for c in head.children)
    if d.typing.plover not in _SAID or head.tag_ != "VBG" or head.dep_ not in ("advcl", "xcomp"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children)


def request_about_report(d: Draft) -> bool:
    """A request whose content is a passive with the asker as patient ("asked not to be named"), or
    a passive about the asker's own name ("asked that *his* surname not be used")."""
    if d.typing.plover != "REQUEST":
        return False
    for c in d.trigger.head.children:
        if c.tag_ != "VBN" or not any(a.dep_ == "auxpass" for a in c.children):
            continue
        subjects = [a for a in c.children if a.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "xcomp" and not subjects:
            return True
        if c.dep_ == "ccomp" and any(g.dep_ == "poss" and g.tag_ == "PRP$" for a in subjects for g in a.children):
            return True
    return False


def _patient(head: Any) -> Any | None:
    """What the trigger acts on: its object, its passive subject, or the noun it modifies as a participle."""
    for c in head.children:
        first = c.left_edge
        if c.dep_ in ("dobj", "ccomp") and first.tag_ == "WP" and first.lower_ == "what":
            # a free relative ("releasing what it said were intercepted communications"): the noun it is
            return next((t for t in c.subtree if t.i > first.i and t.pos_ == "NOUN"), c)
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return head.head  # "footage released by the Houthis"
    for c in head.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp") and c.tag_ == "VBG" and c.i == head.i + 2:
            # "released video showing ...", the object misread as the gerund's subject: the object it is
            return next((s for s in c.children if s.dep_ == "nsubj" and s.i == head.i + 1), None)
    return None


def publication(d: Draft) -> bool:
    """A release whose patient is information (footage, a statement, a report): published, not freed."""
    if d.typing.mode != "release" or d.trigger.head.pos_ != "VERB":
        return False
    patient = _patient(d.trigger.head)
    return patient is not None and patient.lemma_.lower() in _INFORMATION


def standing_relation(d: Draft) -> bool:
    """SUPPORT told as a state: present simple ("backs") or a clause describing a party."""
    head = d.trigger.head
    if d.typing.plover != "SUPPORT" or head.pos_ != "VERB":
        return False
    return head.tag_ in ("VBZ", "VBP") or head.dep_ in ("relcl", "acl")


def question(d: Draft) -> bool:
    """"Asked whether ...": the complement is an indirect question."""
    if d.typing.plover != "REQUEST" or d.trigger.head.lemma_.lower() not in ("ask", "question"):
        return False
    for c in d.trigger.head.children:
        if c.dep_ in ("ccomp", "advcl") and any(
                m.dep_ == "mark" and m.lower_ in ("whether", "if") or m.tag_ in ("WP", "WRB", "WDT") for m in c.children):
            return True
    return False


_OWN_PART = frozenset({"responsibility", "involvement", "connection", "role", "part", "link", "complicity"})
_SELF = frozenset({"it", "its", "they", "their", "we", "our", "he", "his", "she", "her", "i", "my"})


def own_part_denied(d: Draft, heads: dict[int, Draft]) -> bool:
    """A denial whose content is the denier's own act or part in one (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "REJECT" or head.lemma_.lower() not in ("deny", "dismiss", "reject"):
        return False
    for c in head.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _OWN_PART:
            return True  # "denied responsibility", "denied any connection to the strike"
        if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and not any(a.dep_ == "nsubj" for a in c.children):
            return c.i in heads or any(t.i in heads for t in c.subtree)  # "denied setting fire to homes"
        if c.dep_ == "ccomp":
            subj = [a for a in c.children if a.dep_ in ("nsubj", "nsubjpass")]
            own = bool(subj) and (subj[0].lower_ in _SELF or any(
                p.dep_ == "poss" and p.lower_ in _SELF for p in subj[0].children))
            if own and any(t.i in heads and heads[t.i] is not d for t in c.subtree):
                return True  # "denied that its forces had targeted civilians"
    return False


def negation_elsewhere(d: Draft) -> bool:
    """Negated, but the negation belongs to a copula or passive the trigger only describes, or to the
    noun whose "of" it fills ("found no evidence of a military meeting"): no act, and no refusal."""
    if d.realis.status != EventStatus.NEGATED:
        return False
    head = d.trigger.head
    if any(c.dep_ == "neg" for c in head.children):
        return head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children) and any(
            c.dep_ == "agent" for c in head.children)  # "has not been welcomed by everyone"
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of":
        holder = head.head.head  # "found no evidence *of a meeting*", "no sign of a withdrawal": none was found
        return any(c.dep_ == "det" and c.lower_ == "no" for c in holder.children)
    return head.pos_ == "NOUN" and head.dep_ in ("attr", "nsubj", "nsubjpass") or head.dep_ in ("acl", "relcl")


_MOVING = frozenset({"flee", "escape", "abandon"})  # the mover is the subject ("the crew abandoned ship")
_MOVED = frozenset({"displace", "evacuate", "relocate", "uproot"})  # the mover is the object
_MOVE_NOUNS = frozenset({"displacement", "evacuation", "flight", "exodus"})
_DISPLACEMENT = _MOVING | _MOVED | _MOVE_NOUNS
_ARMED_SECTORS = frozenset({"military", "police", "rebel"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})


def _mover(head: Any) -> Any | None:
    """Who flees or is moved: the subject of "flee", the object of "displace"/"evacuate" (or its
    passive subject), the "of" of a noun ("the evacuation of civilians"), the one a causative makes
    flee ("forced thousands *to flee*"); a relative pronoun stands for the noun it modifies."""
    lemma = head.lemma_.lower()
    found = None
    if head.pos_ in ("NOUN", "PROPN"):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                found = next((p for p in c.children if p.dep_ == "pobj"), None)
            elif c.dep_ in ("poss", "compound") and found is None:
                found = c
    else:
        deps = ("nsubj",) if lemma in _MOVING else ("dobj", "nsubjpass")
        found = next((c for c in head.children if c.dep_ in deps), None)
        if found is None and head.dep_ == "xcomp":
            found = next((c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if found is None and head.dep_ in ("acl", "relcl", "amod"):
            found = head.head  # "people displaced by the fighting"
    if found is not None and found.lower_ in _RELATIVE and found.head.dep_ == "relcl":
        found = found.head.head  # "people who fled the fighting"
    return found


def civilian_flight(d: Draft, armed: CueSet) -> bool:
    """A flight, displacement or evacuation whose mover is not an armed party (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "RETREAT" or head.lemma_.lower() not in _DISPLACEMENT:
        return False
    mover = _mover(head)
    if mover is None:
        return not (d.sources and any(a.sector.value in _ARMED_SECTORS for a in d.sources))
    words = {t.lemma_.lower() for t in mover.subtree} | {t.lower_ for t in mover.subtree}
    text = " " + " ".join(t.lower_ for t in mover.subtree) + " "
    return not armed.in_tokens(frozenset(words), text)



def naming(d: Draft) -> bool:
    """"call" with an object or object predicate: naming, not a call for something."""
    head = d.trigger.head
    if d.typing.plover != "REQUEST" or d.trigger.spec.key != "call for":
        return False  # "call on officers to lay down their arms": whom the call is to, then what
    return any(c.dep_ in ("dobj", "oprd") for c in head.children) and not any(c.dep_ == "xcomp" for c in head.children)


def pressing_on(d: Draft) -> bool:
    """"press" asking nothing of anyone: no "for"/"on", no infinitive or clause of what is asked."""
    head = d.trigger.head
    if d.typing.plover != "REQUEST" or head.lemma_.lower() != "press" or head.pos_ != "VERB":
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "on"))
                   for c in head.children)


def complaint(d: Draft) -> bool:
    """"protested that ...": what was protested is said, not demonstrated."""
    head = d.trigger.head
    return d.typing.plover == "PROTEST" and head.pos_ == "VERB" and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in head.children)


_PLACE_NOUNS = frozenset(KIND_WORDS) | FEATURE_HEADS
_UNDERGONE = frozenset({"ASSAULT", "RETREAT"})  # "the town that fell", "the base that was abandoned"


def place_as_doer(d: Draft) -> bool:
    """A place noun as the doer: the subject of a relative clause ("the river that supplied Russian
    units") or the noun a participle describes ("the last roads *supplying* the besieged city"): what
    the place is, not a party's act."""
    head = d.trigger.head
    if d.typing.plover in _UNDERGONE:
        return False
    if head.dep_ == "relcl":
        if not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in head.children):
            return False
        return head.head.lemma_.lower() in _PLACE_NOUNS
    return head.dep_ == "acl" and head.tag_ == "VBG" and head.head.lemma_.lower() in _PLACE_NOUNS


# what a force is backed with: "air support", "artillery support", "logistical support"
_HELP_KINDS = frozenset({"air", "fire", "artillery", "military", "logistical", "logistic", "naval", "close", "ground",
                         "intelligence", "drone", "aerial", "armoured", "armored", "tactical", "medical"})


def military_backing(d: Draft, armed: CueSet, weapons: CueSet, ground: CueSet) -> bool:
    """Backing given in arms, not words: "backed by air support and artillery", "supported by Rwandan
    troops", "with the support of the army", "close air support"; ground defended ("to defend Russian
    territory"). PLOVER SUPPORT is a party's stated
    support; help in the fighting is the fighting's means or ally."""
    head = d.trigger.head
    if d.typing.plover != "SUPPORT":
        return False
    if head.lemma_.lower() == "defend":
        # "to defend Russian territory", "defended the city": holding ground, not words for someone
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ground.words for c in head.children)
    if head.lemma_.lower() not in ("support", "back"):
        return False
    if head.pos_ == "NOUN":
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _HELP_KINDS for c in head.children):
            return True
        return head.dep_ == "pobj" and head.head.lower_ in ("with", "under")
    for agent in (c for c in head.children if c.dep_ == "agent"):
        for g in agent.children:
            if g.dep_ != "pobj":
                continue
            names = {t.lemma_.lower() for t in g.subtree} | {t.lower_ for t in g.subtree}
            if armed.in_tokens(frozenset(names), " " + " ".join(t.lower_ for t in g.subtree) + " ") or \
                    not weapons.words.isdisjoint(names) or not _HELP_KINDS.isdisjoint(names) or "support" in names:
                return True
    return False


def press_request(d: Draft) -> bool:
    """A request for comment ("did not respond to a request for comment"): the reporter's own request to
    a party for a statement, a formula of the news trade, not a request between parties."""
    head = d.trigger.head
    if d.typing.plover != "REQUEST":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() == "comment" for g in c.children)
               for c in head.children)


_BURST_VERBS = frozenset({"explode", "erupt", "blow", "spill", "boil", "flare", "escalate", "descend", "spiral"})


def turned_into(d: Draft) -> bool:
    """A verb of bursting told as becoming something else ("a power struggle *exploded into* open
    fighting"; "protests erupted into violence"): a change of state, not an explosion; what it turned
    into is the event, named by its own word."""
    head = d.trigger.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in _BURST_VERBS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children)
               for c in head.children)


def evaluative_apposition(d: Draft) -> bool:
    """A clause on a noun phrase that renames the act told before it, set off by a comma at the
    sentence's end ("annexed it in 1981, *a move not recognized by most states*"; "withdrew, *a
    decision condemned by residents*"): how the act was received, not an event of its own."""
    head = d.trigger.head
    if head.dep_ not in ("acl", "relcl") or head.pos_ != "VERB":
        return False
    noun = head.head
    if noun.head.pos_ not in ("VERB", "AUX"):
        return False
    # the parser also makes it a second object of the verb before it ("annexed the Heights ..., a move")
    second_object = noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)
    if noun.dep_ not in ("npadvmod", "appos") and not second_object:
        return False
    first = noun.left_edge
    return first.i > 0 and first.nbor(-1).text == "," and first.lower_ in ("a", "an")


# prepositions that aim what a verb does with a weapon at someone ("used drones against the base")
_AIMED = frozenset({"against", "on", "at", "into", "onto", "upon", "towards", "toward"})


def weapon_as_thing(d: Draft, heads: dict[int, Draft], weapons: CueSet) -> bool:
    """A weapon noun that is the object of a verb telling no event ("the package includes Iskander
    missiles", "Kyiv received Patriot missiles", "will send rockets") names a thing supplied or held,
    not an attack, and so does one that fills a noun's "of" ("complained of shortages *of artillery
    shells*"). Fired, launched or intercepted, its verb is an event of its own; used against someone,
    it is an attack."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in weapons.words:
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        # "shortages *of artillery shells*", "deliveries of missiles": counted or measured, unless the
        # noun they fill does something itself ("a barrage of rockets hit the town")
        holder = tok.head.head
        if holder.i in heads or holder.dep_ in ("nsubj", "nsubjpass"):
            return False
        if holder.dep_ != "dobj":
            return True
        tok = holder  # "launched a barrage of rockets towards Tel Aviv": as if the verb's own object
    if tok.dep_ != "dobj":
        return False
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in heads:
        return False
    aimers = (*verb.children, *tok.children, *head.children)  # "towards Tel Aviv" hangs on any of them
    return not any(c.dep_ == "prep" and c.lower_ in _AIMED for c in aimers)


def drop_references(drafts: list[Draft]) -> None:
    """Mark as dropped the definite event nouns that only refer to a happening (see the module
    docstring). Run on an article's drafts last, after the merges, so that a noun naming an event told
    earlier has already joined it and only acts still standing count as the sentence's others; its
    place and date have by then served the events after it that inherit them."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        if not d.dropped:
            by_sentence.setdefault(d.sent_idx, []).append(d)
    for group in by_sentence.values():
        for d in group:
            if len(group) > 1 and (referred_to(d, group) or time_frame(d, group)):
                d.dropped = True


def referred_to(d: Draft, drafts: list[Draft]) -> bool:
    """A definite event noun, not its clause's subject, beside another act of its sentence."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
        return False
    if d.realis.status is not EventStatus.HAPPENED:
        return False  # framed by a claim, a plan or a denial ("claimed the attack on ..."): what that act is about
    tok = head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in _SUBJECTS:
        return False
    others = [o.trigger.head.i for o in drafts if o is not d and not o.dropped]
    if tok.head.i in others:
        return False  # the object of another act ("condemned the attack"): what that act is about
    inside = range(head.left_edge.i, head.right_edge.i + 1)  # its own clause ("the attack *in which* 70 were killed")
    return any(i not in inside for i in others)


_TIME_MARKS = frozenset({"after", "before", "since", "when", "as", "until"})
# nouns of a stretch or a point of time, and the words that tie a happening to one ("the first day *of* a
# truce", "hours *before* a ceasefire", "two weeks *of* talks")
_TIME_NOUNS = frozenset({"minute", "hour", "day", "night", "week", "month", "year", "eve", "start", "outset",
                         "beginning", "end", "anniversary"})
_TIME_LINKS = frozenset({"of", "before", "after", "into"})
# acts that take a stretch of time of their own: fighting told as lasting days is the fighting
_LASTING = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})


def time_frame(d: Draft, drafts: list[Draft]) -> bool:
    """An event noun that tells when another act of its sentence happened, as the stretch or point of
    time it is tied to ("freed 24 hostages *on the first day of a truce*", "*hours before a ceasefire*
    was due to begin, warplanes struck", "was signed *after two weeks of talks*"): the agreement or the
    talks are told, if at all, where they are the news; here they date the act. Violent and coercive
    acts stay ("after a month of fighting": the fighting lasted that month, and is coded)."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or d.typing.plover in _LASTING or head.dep_ != "pobj":
        return False
    link = head.head
    if link.lower_ not in _TIME_LINKS or link.head.lemma_.lower() not in _TIME_NOUNS:
        return False
    inside = range(link.head.left_edge.i, link.head.right_edge.i + 1)
    return any(o is not d and not o.dropped and o.trigger.head.i not in inside for o in drafts)


# verbs standing in for a predicate already said ("as so many attacks do")
_PRO_VERBS = frozenset({"do", "be", "have"})


def pattern_or_comparison(d: Draft) -> bool:
    """A plural event noun naming a kind of happening: what a pattern or history consists of, or what
    the sentence compares its happening with (see the module docstring)."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or head.tag_ != "NNS":
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in HABIT_NOUNS:
        return True
    clause = head.head
    return (head.dep_ == "nsubj" and clause.lemma_.lower() in _PRO_VERBS and clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
            and not any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for c in clause.children))


_VISITED = frozenset({"site", "scene", "area", "front", "frontline", "camp", "hospital"}) | _PLACE_NOUNS


def visit_to_a_place(d: Draft) -> bool:
    """A visit whose object is a common place noun, not a party (see the module docstring)."""
    head = d.trigger.head
    if d.typing.plover != "CONSULT" or head.lemma_.lower() not in ("visit", "tour"):
        return False
    if head.pos_ == "VERB":
        places = [c for c in head.children if c.dep_ == "dobj"]
    else:
        places = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return bool(places) and all(p.pos_ == "NOUN" and p.lemma_.lower() in _VISITED for p in places)


# verbs that open or carry out an inquiry ("opened an investigation", "an investigation was launched")
_OPENING = frozenset({"open", "launch", "begin", "start", "conduct", "order", "announce", "initiate", "carry", "establish",
                      "set"})


def inquiry_as_thing(d: Draft) -> bool:
    """An inquiry noun (PLOVER's ACCUSE, mode investigate) that no party opens or carries out in its sentence
    names a thing: the source a report is based on ("The report, based on a fact-finding *investigation* by
    the human rights division ..."), what someone should support ("to support such an *investigation*").
    Opened, launched or conducted ("The ICC opened an *investigation* into war crimes"; "an *investigation*
    was launched") it is the act."""
    head = d.trigger.head
    if d.typing.plover != "ACCUSE" or d.trigger.spec.mode != "investigate" or head.pos_ != "NOUN":
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _OPENING)


# the installations of a force: a visit there meets no party ("visiting a command post of the Kursk group")
_INSTALLATIONS = frozenset({"base", "outpost", "post", "checkpoint", "garrison", "barracks", "headquarters"})


def visit_to_an_installation(d: Draft) -> bool:
    """A visit whose object is a force's installation ("Putin, in military uniform, *visiting* a command post of
    the Kursk group yesterday") goes to a place, as a visit to a site or a hospital does: no meeting of parties."""
    head = d.trigger.head
    if d.typing.plover != "CONSULT" or head.lemma_.lower() not in ("visit", "tour") or head.pos_ != "VERB":
        return False
    places = [c for c in head.children if c.dep_ == "dobj"]
    return bool(places) and all(p.pos_ == "NOUN" and p.lemma_.lower() in _INSTALLATIONS for p in places)


def drop_late_non_events(drafts: list[Draft]) -> None:
    """Mark as dropped the inquiries that name a thing (:func:`inquiry_as_thing`) and the visits to a force's
    installations (:func:`visit_to_an_installation`). Run on an article's drafts after the merges and the dates
    and places borrowed from other mentions, as :func:`drop_references` is: the mention's day and place have by
    then served the events told after it ("Putin ... visiting a command post yesterday. Putin ordered the
    military to drive the Ukrainian forces out": the order was given there, that day)."""
    for d in drafts:
        if not d.dropped and (inquiry_as_thing(d) or visit_to_an_installation(d)):
            d.dropped = True


_CANCELLING = frozenset({"cancel", "postpone", "scrap", "suspend", "delay"})


def called_off(d: Draft) -> bool:
    """An event noun that is the object of a verb cancelling or postponing it (see the module docstring)."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    return lemma in _CANCELLING or (lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


_QUOTES = frozenset({'"', "``", "''", "\u201c", "\u201d"})
_FIRST_PERSON = frozenset({"i", "we"})


def _quoted(tok: Any) -> bool:
    """Whether the token stands between quotation marks of its sentence (an odd number before it)."""
    return sum(1 for t in sentence_of(tok) if t.i < tok.i and t.text in _QUOTES) % 2 == 1


def witness_speech(d: Draft) -> bool:
    """A speech act a quoted speaker tells of having made, in the past, in the first person ("'We
    *called for* help for hours,' said one man"): the witness's account of what happened to them, not
    an act of a party; a party's own call made in the quotation stays ("'We *call on* the army to ...'")."""
    head = d.trigger.head
    if d.typing.plover not in _SAID or head.pos_ != "VERB" or head.tag_ != "VBD":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in head.children):
        return False
    return _quoted(head)


def unaddressed_request(d: Draft) -> bool:
    """A request in the present passive with no asker ("the population *is invited* to remain calm",
    "residents *are asked* to stay indoors"): the notice's own words to its readers, not an act of one
    party upon another; with a modal ("*must be* investigated") or an asker ("is urged *by* the UN") it
    stays."""
    head = d.trigger.head
    if d.typing.plover != "REQUEST" or head.pos_ != "VERB" or head.tag_ != "VBN":
        return False
    kids = list(head.children)
    if any(c.dep_ == "agent" or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids):
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in kids)


def among_those(d: Draft) -> bool:
    """A participle naming the people an act befell, as a group someone is counted among ("a general was
    *among those captured* there", "*among those killed* were three children"): the act is told where it
    is told as done; this only says who was in it."""
    head = d.trigger.head
    if head.tag_ != "VBN" or head.dep_ != "acl":
        return False
    group = head.head
    return (group.pos_ == "PRON" and group.dep_ == "pobj" and group.head.lower_ == "among"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children))


# verbs of giving and taking back the same thing ("traded blame", "exchanged accusations")
_TRADING = frozenset({"trade", "exchange", "swap"})
_RECIPROCAL = frozenset({"other", "another"})  # "each other", "one another"


def reciprocal_speech(d: Draft) -> bool:
    """A speech act two sides are told to make upon each other ("both *were accusing* each other",
    "Israel and the militants *traded blame*", "exchanged accusations"): a sum of the sides' own acts,
    which the story tells apart where each side speaks; no act of one party upon another."""
    head = d.trigger.head
    if d.typing.plover not in _SAID:
        return False
    if head.pos_ == "NOUN":
        return head.dep_ == "dobj" and head.head.lemma_.lower() in _TRADING
    return head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and (c.lower_ in _RECIPROCAL and any(g.lower_ in ("each", "one") for g in c.children)
                              or c.lower_ == "one" and any(g.lower_ == "another" for g in c.children))
        for c in head.children)


def drop_background_of_states(drafts: list[Draft], states: list[Any]) -> None:
    """Mark as dropped the acts told in a time clause of a state or description ("Wagner has fought
    alongside Mali's army since 2021, *after the junta broke with France and expelled French
    troops*"): the background of a background, with no time of its own in its clause."""
    if not states:
        return
    for d in drafts:
        tok = d.trigger.head
        for _ in range(4):
            if tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children):
            continue
        if tok.head not in states:
            continue
        clause = range(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))
        if d.time is None or d.time.evidence.start not in clause:
            d.dropped = True


def drop_non_events(drafts: list[Draft], cues: dict[str, CueSet]) -> None:
    """Mark the drafts of one sentence whose trigger names no event of its own as dropped (``cues``: the
    event lexicon's context cues)."""
    armed, weapons = cues["armed"], cues["weapons_objects"]
    heads = {d.trigger.head.i: d for d in drafts}
    for d in drafts:
        if (speech_content(d, heads) or generic_mention(d, cues["civilians"]) or speech_participle(d) or predicative_noun(d) or request_about_report(d) or publication(d)
                or standing_relation(d) or question(d) or own_part_denied(d, heads) or denial_of_a_telling(d) or negation_elsewhere(d)
                or civilian_flight(d, armed) or naming(d) or pressing_on(d) or complaint(d)
                or place_as_doer(d) or weapon_as_thing(d, heads, weapons) or evaluative_apposition(d) or turned_into(d) or press_request(d)
                or military_backing(d, armed, weapons, cues["territory"]) or policy(d) or pattern_or_comparison(d)
                or visit_to_a_place(d) or called_off(d) or witness_speech(d) or unaddressed_request(d)
                or among_those(d) or reciprocal_speech(d) or no_happening(d, cues["civilians"])):
            d.dropped = True

