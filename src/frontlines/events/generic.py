"""Mentions of a kind of happening, or of one that may happen, rather than of one that did.

A news sentence may name an event word without telling an event (ACLED codes a happening: a
party, a place, a day). The words the stage drops here are told so by the shape of the sentence,
not by the word:

- **a kind as the subject of what it is**: a bare event noun (no article, possessive or number)
  that a copula or "become" says is something ("*Air strikes* on hospitals are a war crime";
  "*Kidnapping* for ransom has become a lucrative business"; "*Shelling* is a daily reality") or
  that "tends" to do something ("*Looting* tends to follow the fall of a town") names the kind. A
  bare noun whose predicate tells how it went ("*Fighting* was heavy in Bakhmut"; "*Shelling*
  continued") is a happening and stays;
- **what is feared or exposed to, or a habit's content**: an event that is the "of" of a noun of
  fear or risk ("in constant fear *of abduction*", "the risk *of attacks*"), what someone is
  vulnerable or exposed to ("vulnerable to missile *attacks*") is a possibility, what one is used to
  ("a country used to *kidnappings*") a kind that recurs; a counted set that a copula says one happening
  is a member of ("it was the first *of three attacks* in five days", "the raid was one *of several
  strikes*") names the set, told where each is; the "of" of a
  history or a habit ("has a history *of attacking* aid convoys") is what a party does;
- **a trend**: a bare plural event noun whose number rises or falls ("*Attacks* on journalists have
  increased sharply"), or one whose measure does ("the number and scale of missile *strikes* would
  increase"), is counted, not told;
- **awaited, banned, asked**: a happening braced for or expected ("bracing for more air
  *strikes*"), what a ban forbids ("bans the use of *landmines*"; "*Protests* are banned"), an act in
  a clause "whether" opens ("have not said whether they will *join* the talks");
- **a standing condition**: what something is or stays "under" ("ships that are under Western
  *sanctions*"; "a city under *siege*"); coming or falling under it ("came under *attack*") stays;
- **a record's starting point**: what a superlative is measured from ("the fighting is the worst since
  a peace *deal* ended the two-year *war*") is a point of reference, not news;
- **a refusal that is no party's stance**: people who refuse to move, people denied access to lawyers
  (PLOVER's REJECT is a party turning down a demand, a proposal or a claim);
- **a condition to come**: an act in a "when" or "once" clause of a main clause still to come ("When the
  part of the Black Sea *deal* related to Russia is implemented, Russia will immediately return");
- **help, not backing**: "support" given to a thing that is neither a party nor a policy ("supporting the
  transfer of the injured"; "to support such an investigation") is practical help, not PLOVER's SUPPORT;
- **a capacity**: an infinitive that says what a means or a capacity is for ("lacks the manpower
  *to retake* the city", "no mandate *to protect* civilians") tells what could be done;
- **a sum over years**: an act in the present perfect over a span from a named year to now ("bandits
  *have kidnapped* thousands of people since 2020"; "Tripoli has seen repeated bouts of *fighting* since
  the 2011 uprising") sums many happenings with no day of their own; ACLED codes each where it is told.
  One that names a dated instance ("has seized large parts of North Kivu since 2021, starting with
  Bunagana in June 2022") tells that instance and stays; so does a span of months ("since Thursday";
  "Since 27 October 2023, the armed groups have launched attacks" in January 2024, an offensive told as
  one): the span is over a year when its year is two or more before the report's, or one before and
  named by the year alone;
- **a general truth told in a past report**: a deed in the present simple as the content of a verb in the
  past ("Abuja rejected the charge, *saying bandits kill* Muslims and Christians alike"). A deed reported
  in a past narrative shifts to the past ("said gunmen killed ..."); one that keeps the present is told as
  true at any time, what a kind of party does, not a happening. A present report ("says rebels attack")
  and a speech act in the present ("said it rejects the claims": done in the saying) stay;
- **a kind named with "such"**: an event noun that "such" makes a kind ("*Such attacks* are rarely investigated";
  "*Such strikes* violate international law"), or the act a present clause says such a kind undergoes, is a general
  statement. One counted or singled out ("*one such attack* in Kaduna on Monday"; "the latest such attack") and a
  past clause ("such attacks killed 12 people last year") are told as happenings and stay;
- **a possibility in a conditional sentence**: the condition and what would follow from it ("*If* the talks
  fail, the fighting *could* spread"; "the ceasefire, *if* it holds, *would* allow aid in"; "*Should* the
  rebels take the city, they *would* control the trade route"), told with no frame that makes them a plan,
  a threat or a request: no happening. A modal with no condition ("would require", "must be limited") is
  left as told: a sentence may give a type of act its only words that way;
- **an act the narrative tells as not done**: a mention whose status, once its type is settled, is negated,
  with no one saying so ("Russian forces *did not strike* the city"; "Residents *did not flee*"). The codebooks
  code what happened, was claimed, denied, ordered, planned or threatened; none has a negated event, and the
  corpus's annotators code none. A negation someone states stays, negated: a party saying it did not do
  something denies it, one saying it will not is taking a stance ("has said it will not hand over its
  weapons"), and the corpus codes denials and stances. A refusal read from a negated cooperative act ("did not
  sign") is a REJECT that happened and stays;
- **an instruction**: a verb in the imperative, with no subject, auxiliary or marker of its own ("Shelter rules:
  stay in basements, do not post photos of positions, *charge* your phones"; "*Keep* to the rules during an air
  raid alert"), tells the reader what to do: no party's act, no happening. A clause with a subject ("residents
  must leave") or an infinitive ("to leave") is read by the status rules instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import COPULAS, CueSet
from frontlines.events.realis import settle_status
from frontlines.events.tree import doc_tree
from frontlines.events.placing import measured_since
from frontlines.records import EventStatus

# determiners and other words that make a noun phrase refer to particular happenings
_REFERRING_DEPS = frozenset({"det", "poss", "nummod", "predet"})
_HABITUAL_VERBS = frozenset({"tend"})
# verbs telling how the number of a kind of happening moves ("attacks on journalists have increased")
_TREND_VERBS = frozenset({"increase", "decrease", "rise", "grow", "decline", "double", "triple", "multiply", "soar"})
# nouns whose "of" is a happening that may come ("fear of abduction", "the risk of attacks")
_POSSIBILITY_NOUNS = frozenset({"fear", "risk", "danger", "threat", "possibility", "prospect", "likelihood",
                                "spectre", "specter", "chance"})
# nouns whose "of" is what a habit or a record consists of ("a history of attacking aid convoys", "a pattern of
# air strikes"; events.mentions.pattern_or_comparison reads it too)
HABIT_NOUNS = frozenset({"pattern", "history", "practice", "habit", "record", "tradition", "trend"})
# adjectives whose "to" is what may befall ("vulnerable to missile attacks")
_EXPOSED_ADJECTIVES = frozenset({"vulnerable", "exposed", "prone", "susceptible"})
# words whose "to" is what one has grown used to: a kind of happening that recurs ("a country used to kidnappings")
_ACCUSTOMED = frozenset({"used", "accustomed", "inured", "habituated"})
# nouns whose infinitive says what a means or a capacity is for ("the manpower to retake the city")
_CAPACITY_NOUNS = frozenset({"manpower", "capacity", "ability", "means", "power", "strength", "resources", "capability",
                             "mandate", "authority", "right", "equipment", "wherewithal"})


# nouns that measure how much of a kind of happening there is ("the number of strikes", "the scale of attacks")
_MEASURES = frozenset({"number", "scale", "frequency", "intensity", "pace", "rate", "level", "count", "volume"})


def measured_trend(d: Draft) -> bool:
    """A plural event noun whose measure rises or falls ("warned that the number and scale of missile strikes
    on targets in Kyiv would increase"; "the frequency of drone attacks has risen"): counted, not told."""
    head = d.trigger.head
    if head.tag_ != "NNS" or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    measure = head.head.head
    if measure.lemma_.lower() not in _MEASURES:
        return False
    while measure.dep_ == "conj" and measure.head.i != measure.i:
        measure = measure.head
    return measure.dep_ == "nsubj" and measure.head.lemma_.lower() in _TREND_VERBS


def kind_subject(d: Draft) -> bool:
    """A bare event noun that its clause says is something, or tends to do something (see above)."""
    head = d.trigger.head
    noun = head.pos_ == "NOUN" or head.tag_ == "VBG"  # "Shelling is a daily reality": a gerund names a kind too
    if not noun or head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if any(c.dep_ in _REFERRING_DEPS for c in head.children):
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma in _HABITUAL_VERBS or (lemma in _TREND_VERBS and head.tag_ == "NNS"):
        return True
    return lemma in COPULAS and any(c.dep_ == "attr" for c in verb.children)


def feared(d: Draft) -> bool:
    """An event (a noun or a gerund) that is the "of" of a noun of fear or risk, or the "to" of an
    adjective of exposure or of being used to (see above)."""
    tok = d.trigger.head
    if tok.dep_ not in ("pobj", "pcomp"):
        return False
    prep = tok.head
    owner = prep.head.lemma_.lower()
    return (prep.lower_ == "of" and owner in _POSSIBILITY_NOUNS | HABIT_NOUNS) or (
        prep.lower_ == "to" and (owner in _EXPOSED_ADJECTIVES or prep.head.lower_ in _ACCUSTOMED))


# words that pick one member out of a set ("the first of three attacks", "one of several strikes")
_MEMBER_WORDS = frozenset({"one", "first", "second", "third", "last", "latest", "each", "another", "deadliest", "largest",
                           "biggest", "worst"})
_MANY = frozenset({"several", "many", "multiple", "numerous", "dozens", "hundreds"})


def member_of_a_set(d: Draft) -> bool:
    """A plural event noun counted as the set one happening belongs to (see above)."""
    head = d.trigger.head
    if head.tag_ != "NNS" or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    picker = head.head.head
    if picker.lower_ not in _MEMBER_WORDS and picker.ent_type_ != "ORDINAL":
        return False
    if picker.dep_ != "attr" or picker.head.lemma_.lower() != "be":
        return False  # "the first of the three strikes hit a school": the member told with its own verb
    return any((c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or (c.dep_ == "amod" and c.lower_ in _MANY)
               for c in head.children)


def capacity(d: Draft) -> bool:
    """An infinitive saying what a means or a capacity is for (see above)."""
    head = d.trigger.head
    if head.pos_ != "VERB" or head.dep_ not in ("acl", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    owner = head.head  # the noun, or the verb that has it ("lacks the manpower to retake": the parser's advcl)
    nouns = [owner] if owner.pos_ == "NOUN" else [c for c in owner.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in _CAPACITY_NOUNS for n in nouns)


# verbs whose "for" is a happening awaited ("bracing for more air strikes"), and whose object is one
_AWAITING_FOR = frozenset({"brace", "prepare"})
_AWAITING = frozenset({"expect", "await", "anticipate"})
# verbs of prohibition: what they ban ("bans the use of landmines"; "protests are banned") is not done
_BANNING = frozenset({"ban", "prohibit", "outlaw", "forbid"})


def awaited(d: Draft) -> bool:
    """A happening braced or prepared for, expected or awaited ("Residents are bracing for more air strikes")."""
    head = d.trigger.head
    if head.pos_ != "NOUN":
        return False
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in _AWAITING
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in _AWAITING_FOR


def banned(d: Draft) -> bool:
    """What a ban forbids, or its "use of" ("The treaty bans the use of landmines"; "Protests are banned")."""
    tok = d.trigger.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "use":
        tok = tok.head.head
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _BANNING


def open_question(d: Draft) -> bool:
    """An act in a clause that "whether" opens ("have not said whether they will join the talks"): asked, not told."""
    head = d.trigger.head
    clause = head if head.pos_ in ("VERB", "AUX") else head.head
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children)


# verbs of being in a state: what one is "under" is a standing condition ("ships that are under sanctions")
_STATIVE = frozenset({"be", "remain", "stay", "live", "sit", "lie", "operate"})


def standing_under(d: Draft) -> bool:
    """An event noun that something is, or stays, "under" ("the tankers, which are under Western
    sanctions"; "a city under siege for two years"): a standing condition, not a happening. Coming or
    falling under it ("came under attack", "fell under rebel control") is a happening and stays."""
    head = d.trigger.head
    if head.pos_ != "NOUN" or head.dep_ != "pobj" or head.head.lower_ != "under":
        return False
    holder = head.head.head
    return holder.pos_ in ("NOUN", "PROPN", "PRON") or holder.lemma_.lower() in _STATIVE


def since_a_record(d: Draft) -> bool:
    """An act told inside the clause a record is measured from (see :func:`measured_since`): a point of
    reference, told, if at all, where it is the news."""
    doc = d.trigger.head.doc
    tree = doc_tree(doc)
    head, dep = tree.head, tree.dep
    i = d.trigger.head.i
    for _ in range(6):
        if dep[i] == "advcl" and measured_since(doc[i]):  # (measured_since asks for a clause)
            return True
        if head[i] == i:
            return False
        i = head[i]
    return False


def refused_by_no_party(d: Draft, civilians: CueSet) -> bool:
    """A refusal that is no party's stance: people who refuse to move, people denied access to lawyers
    (PLOVER's REJECT is a party turning down a demand, a proposal or a claim)."""
    if d.typing.plover != "REJECT":
        return False
    head = d.trigger.head
    if head.pos_ != "VERB":
        return False
    if any(c.dep_ == "nsubjpass" for c in head.children) and any(c.dep_ == "dobj" for c in head.children):
        return True  # "some have been denied access to lawyers": kept from something, not a statement
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(civilians.in_tokens(frozenset({s.lemma_.lower(), s.lower_}), " " + s.lower_ + " ")
                                  for s in subjects)


# what one can back in PLOVER's sense besides a party: a policy, a stand, a proposal or a deal
_POLICY_NOUNS = frozenset({"plan", "proposal", "deal", "agreement", "accord", "ceasefire", "truce", "resolution", "decision",
                           "initiative", "bid", "candidacy", "government", "independence", "sovereignty", "sanctions",
                           "position", "stance", "policy", "call", "demand", "effort", "efforts", "talks", "process",
                           "cause", "regime", "offensive", "operation", "war", "campaign", "move", "strike", "strikes"})
_PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def help_not_backing(d: Draft) -> bool:
    """"Support" given to a thing that is neither a party nor a policy ("humanitarian partners are supporting
    the transfer of the injured"; "to support such an investigation"): practical help, not PLOVER's SUPPORT
    (backing another party or its policies: "supports Ukraine", "support for the ceasefire")."""
    head = d.trigger.head
    if d.typing.plover != "SUPPORT" or head.lemma_.lower() != "support":
        return False
    if head.pos_ == "VERB":
        backed = [c for c in head.children if c.dep_ == "dobj"]
    else:
        backed = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                  for g in c.children if g.dep_ == "pobj"]
    if not backed:
        return False
    return not any(b.pos_ == "PROPN" or b.ent_type_ in _PARTY_ENTS or b.lemma_.lower() in _POLICY_NOUNS
                   or b.pos_ == "PRON" for b in backed)


_WHEN_MARKS = frozenset({"when", "once", "whenever"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})


def condition_to_come(d: Draft) -> bool:
    """An act in a "when" or "once" clause of a main clause still to come ("When the part of the Black Sea deal
    related to Russia is implemented, Russia will immediately return"): a condition, not a happening."""
    tree = doc_tree(d.trigger.head.doc)
    head, dep, lower = tree.head, tree.dep, tree.lower
    i = d.trigger.head.i
    for _ in range(4):
        if dep[i] == "advcl" and any(dep[m] in ("mark", "advmod") and lower[m] in _WHEN_MARKS and m < i
                                     for m in tree.children(i)):
            return any(dep[c] == "aux" and lower[c] in _FUTURE_AUX for c in tree.children(head[i]))
        if head[i] == i:
            return False
        i = head[i]
    return False


_PERFECT_AUX = frozenset({"has", "have", "'ve"})
_CLIMB = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nsubj", "nsubjpass", "xcomp", "conj", "attr"})


def _since_year(tok: Any, published: dt.date | None) -> bool:
    """``tok`` opens a "since" span that began over a year before the report ("since 2020", "since the 2011
    uprising"; see above). With no report date, only a span named by its year alone."""
    opens = (tok.dep_ == "prep" and tok.lower_ == "since") or (
        tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in tok.children))
    if not opens:
        return False
    years = [int(t.text) for t in tok.subtree if t.like_num and len(t.text) == 4 and t.text.isdigit()
             and 1900 <= int(t.text) <= 2100]
    if not years:
        return False
    year_alone = not any(t.ent_type_ == "DATE" and not (t.like_num and len(t.text) == 4) and t.pos_ != "DET"
                         for t in tok.subtree)
    if published is None:
        return year_alone
    gap = published.year - min(years)
    return gap >= 2 or (gap == 1 and year_alone)


def sum_over_years(d: Draft, published: dt.date | None) -> bool:
    """An act in the present perfect over a span that began over a year before the report, naming no dated
    instance (see above)."""
    tok, path = d.trigger.head, []
    for _ in range(6):
        path.append(tok)
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in tok.children):
                break
            if tok.dep_ not in ("xcomp", "conj"):  # "has used drones to push ... out": the infinitive's span
                return False
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return False
        tok = tok.head
    else:
        return False
    spans = [c for t in path for c in t.children if _since_year(c, published)]
    if not spans:
        return False
    inside = {t.i for s in spans for t in s.subtree}
    return not any(t.ent_type_ == "DATE" and t.i not in inside for t in tok.subtree)


def drop_sums_over_years(drafts: list[Draft], published: dt.date | None) -> None:
    """Mark the drafts that sum happenings over years (:func:`sum_over_years`) as dropped."""
    for d in drafts:
        if sum_over_years(d, published):
            d.dropped = True


_DEEDS = frozenset({"ASSAULT", "COERCE"})


def _past(verb: Any) -> bool:
    """A verb in the past, or a participle adjunct of one ("rejected the charge, saying ...")."""
    for _ in range(3):
        if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
            return True
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def general_truth(d: Draft) -> bool:
    """A deed in the present simple as the content of a verb in the past (see above)."""
    head = d.trigger.head
    if d.typing.plover not in _DEEDS or head.pos_ != "VERB" or head.tag_ not in ("VBZ", "VBP"):
        return False
    lemma = head.lemma_.lower()
    if head.lower_ not in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies"):
        return False  # the tagger's present for a past it does not know ("Ukrainian forces retook ...; Russian forces withdrew")
    if any(c.dep_ in ("aux", "auxpass") for c in head.children) or head.dep_ != "ccomp" or head.i < head.head.i:
        return False  # a clause before the verb is no content of it here ("forces retook X; Russian forces withdrew")
    return _past(head.head)


_CONDITION_MARKS = frozenset({"if", "unless"})


def _condition(clause: Any) -> bool:
    """``clause`` states a condition: "if" or "unless" opens it, or "should" comes before its subject
    ("Should the rebels take the city, ...")."""
    if clause.dep_ != "advcl":
        return False
    kids = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in kids):
        return True
    subjects = [c.i for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and any(c.dep_ == "aux" and c.lower_ == "should" and c.i < min(subjects) for c in kids)


def possibility(d: Draft) -> bool:
    """A mention told as a possibility in a conditional sentence: the condition or what would follow from it
    ("If the talks fail, the fighting could spread to the capital"; "The ceasefire, if it holds, would allow
    aid to reach the city"; "Should the rebels take the city, they would control the trade route")."""
    if d.realis.status is not EventStatus.HYPOTHETICAL:
        return False
    return any(_condition(t) for t in d.sent)


def not_done(d: Draft) -> bool:
    """An act the narrative tells as not done, once its type is settled, with no frame or source saying so (see
    the module docstring)."""
    if d.realis.status is not EventStatus.NEGATED or d.realis.frame is not None or d.realis.attributed_to:
        return False
    return settle_status(d.typing.plover, d.trigger.spec.plover, d.realis, d.trigger.head).status is EventStatus.NEGATED


# what may stand before an imperative verb: "do not", "please", "always" ("do not post photos")
_IMPERATIVE_WORDS = frozenset({"do", "not", "n't", "never", "please", "always", "just", "also", "now"})


def instruction(d: Draft) -> bool:
    """A verb in the imperative (see the module docstring): a bare base form at the top of its sentence or
    joined to one, with nothing before it in its clause but "do not", "please" and the like, and no subject."""
    head = d.trigger.head
    if head.tag_ != "VB" or head.pos_ != "VERB":
        return False
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
        if top.tag_ != "VB":
            return False
    if top.dep_ not in ("ROOT", "parataxis"):
        return False
    for verb in {top.i: top, head.i: head}.values():
        # a heading before a colon is no subject ("Shelter rules: ... do not post photos")
        after = max((t.i for t in verb.doc[verb.sent.start:verb.i] if t.text == ":"), default=-1)
        own = [c for c in verb.children if c.i > after]
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") or (c.dep_ == "aux" and c.lower_ not in _IMPERATIVE_WORDS)
               for c in own):
            return False
        # nothing but punctuation and "do not"-like words between its clause's start and the verb
        first = min((c for c in own if c.i < verb.i and c.dep_ != "punct"), key=lambda c: c.i, default=None)
        if first is not None and any(t.lower_ not in _IMPERATIVE_WORDS for t in verb.doc[first.i:verb.i]):
            return False
    return True


def _present(verb: Any) -> bool:
    """A verb in the present simple or with a modal, active or passive ("violate", "are investigated", "can be")."""
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ in ("VBP", "VBZ", "MD")) for c in verb.children)


def such_kind(d: Draft) -> bool:
    """An event noun that "such" makes a kind, or the act a present clause tells of such a kind (see above)."""
    head = d.trigger.head
    noun = head if head.pos_ == "NOUN" else next(
        (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if noun is None or not any(c.lower_ == "such" and c.dep_ == "amod" for c in noun.children):
        return False
    if any(c.dep_ in _REFERRING_DEPS for c in noun.children):
        return False  # "one such attack", "the latest such attack": an instance
    verb = noun.head if noun is head else head
    return verb.pos_ in ("VERB", "AUX") and _present(verb)


def no_happening(d: Draft, civilians: CueSet) -> bool:
    """Whether the mention tells no happening by any of the shapes above (``civilians``: the lexicon's cue
    set of civilian nouns, for refusals that are no party's)."""
    return (kind_subject(d) or such_kind(d) or measured_trend(d) or feared(d) or member_of_a_set(d) or capacity(d) or awaited(d) or banned(d) or open_question(d)
            or standing_under(d) or since_a_record(d) or condition_to_come(d) or refused_by_no_party(d, civilians)
            or help_not_backing(d) or general_truth(d) or possibility(d) or not_done(d) or instruction(d))