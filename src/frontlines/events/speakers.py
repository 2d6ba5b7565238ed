"""Who says so: the speaker of a reported event, from the verb of saying that frames it, a label before a colon,
a dateline's or a pronoun's antecedent, and the noun phrase that names the speaker (a role with the name its
apposition gives it). Split from :mod:`frontlines.events.realis`, which asks it for an event's attribution."""

from __future__ import annotations

import re

from typing import Any

from frontlines.events.words import DocWords
from frontlines.stages import doc_datelines, doc_text, sentence_start, span_of

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this"})


def _dateline_word(tok: Any) -> bool:
    """A word of a dateline ("NAIROBI, Aug 5 (Reuters) - Ethiopia's government declared ..."): where
    and by whom a report was filed, never who said what it tells (frontlines.stages.dateline_spans)."""
    if tok.idx >= 2000:
        return False  # a dateline opens the text or one of its first paragraphs
    datelines = doc_datelines(tok.doc)
    if not datelines or tok.i - sentence_start(tok) > 12:  # the sentence is looked up only when there is a dateline
        return False
    return any(a <= tok.idx < b for a, b in datelines)


def attribution(trigger: Any, frame: Any | None, sent: Any, words: DocWords) -> tuple[str | None, Any | None]:
    """Who a reporting frame or "according to" attributes the event to."""
    lower = words.lower
    i, end = sent.start, sent.end
    while True:
        try:
            i = lower.index("according", i, end - 1)  # a word follows it in the sentence
        except ValueError:
            break
        if lower[i + 1] == "to":
            for child in sent.doc[i + 1].children:
                if child.dep_ == "pobj":
                    return (None, None) if anonymous(child) else (speaker_phrase(child), child)
        i += 1
    if frame is not None and frame.i != trigger.i:
        # a passive frame names its speaker in "by ...": "claimed by Moscow"
        subj = None
        agent = next((c for c in frame.children if c.dep_ == "agent"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is None:
            # of two subjects, one holding the trigger is what is said, not who says it ("Some of the dead bore
            # signs of torture, Syniehubov said": the parser made "Some" a second subject of "said")
            subjects = [c for c in frame.children if c.dep_ == "nsubj"]
            if len(subjects) > 1:
                subjects = [c for c in subjects if not c.left_edge.i <= trigger.i <= c.right_edge.i]
            subj = subjects[0] if subjects else None
        if subj is not None and subj.lower_ in ("it", "they") and subj.i != trigger.i:
            subj = _speaker_before(subj)  # "the Arakan Army now controls ..., and on Friday it said"
        if subj is not None and _dateline_word(subj):
            subj = _past_dateline(subj)  # "NAIROBI, Aug 9 (Reuters) - Ethiopia's military said": the military
        if subj is not None and subj.lower_ not in _PRONOUNS and subj.i != trigger.i and source_like(subj) \
                and not _dateline_word(subj) and not anonymous(subj):
            return speaker_phrase(subj), subj
    if frame is None:
        speaker = colon_speaker(trigger, sent)
        if speaker is not None:
            return noun_phrase(speaker), speaker
    return None, None


SPEAKER_LABEL_MAX = 12  # tokens of a speaker's label before a colon ("Tkachenko, head of the city military administration:")


def colon_speaker(trigger: Any, sent: Any) -> Any | None:
    """The speaker a label before a colon names, in the way live blogs, Telegram channels and headlines
    quote ("Houthi spokesman Yahya Saree: the group fired a ballistic missile"; "Zelensky: Russian troops
    shelled Kherson"): the words from the sentence's start (past a time stamp) to a colon before the
    trigger are a noun phrase, with no verb, that names someone who can speak; its head is the speaker.
    "Update:", "Breaking:" or a place ("Kharkiv:") name no one."""
    doc = sent.doc
    if ":" not in doc_text(doc)[sent.start_char : trigger.idx]:
        return None  # no colon before the trigger (most sentences): no Token of the sentence need be made
    colon = next((t.i for t in doc[sent.start : trigger.i] if t.text == ":"), None)
    if colon is None:
        return None
    start = sent.start
    while start < colon and (doc[start].is_punct or doc[start].is_space or _CLOCK.match(doc[start].text) or (
            doc[start].ent_type_ in ("TIME", "DATE") and doc[start].pos_ != "PROPN")):
        start += 1
    label = doc[start:colon]
    if not 0 < len(label) <= SPEAKER_LABEL_MAX or any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in label):
        return None  # a clause ("The army said the following:"), not a label; "Houthi-run" is one
    # a person's name; else a name before a comma that gives the role ("Tkachenko, head of the city
    # military administration"); else the label's head, if it names a body or a role ("Houthi-run Health Ministry")
    people = [t for t in label if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
    comma = next((t.i for t in label if t.text == ","), None)
    named = doc[comma - 1] if comma is not None and comma > start else None
    if people:
        return people[-1]
    if named is not None and named.pos_ == "PROPN" and named.ent_type_ not in ("GPE", "LOC", "FAC"):
        return named
    head = next((t for t in label if not start <= t.head.i < colon or t.head.i == t.i), None)
    if head is None or head.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    return head if (head.ent_type_ in ("ORG", "NORP") and head.pos_ == "PROPN") or _names_a_speaker(head) else None


def colon_label(subj: Any) -> bool:
    """A subject the parser read in a speaker's label before a colon ("Sumy regional military administration:
    overnight the Russians dropped guided bombs": "administration" and "Russians" both subjects of "dropped"): the
    label names who tells it, the subject after the colon who did it."""
    doc = subj.doc
    end = subj.right_edge.i  # the colon closes the label: its last word, or the word after it
    if doc[end].text != ":" and end + 1 < len(doc) and doc[end + 1].text == ":":
        end += 1
    if subj.dep_ != "nsubj" or doc[end].text != ":":
        return False
    return any(c.dep_ == "nsubj" and c.i > end for c in subj.head.children)


_PERSON_SUFFIXES = ("man", "woman", "person", "ist")


def _names_a_speaker(tok: Any) -> bool:
    """A noun of a role or body ("spokesman", "ministry", "activist"), not a label's word ("Update",
    "Background", "Reminder")."""
    lemma = tok.lemma_.lower()
    return lemma in _SOURCE_NOUNS or (tok.pos_ == "NOUN" and lemma.endswith(_PERSON_SUFFIXES) and len(lemma) > 4) or (
        acronym(tok.text))


def acronym(text: str) -> bool:
    """An abbreviation of a body's name: letters with two capitals or more, in mixed case ("MoD", "FAMa") or
    all capitals of two or three ("IDF", "SBU"). A word set in capitals ("UPDATE", "BREAKING") is none."""
    capitals = sum(c.isupper() for c in text)
    return text.isalpha() and capitals >= 2 and (capitals < len(text) or len(text) <= 3)


_LINKS = frozenset({"of", "for", "the", "and", "on", "in"})  # words an initialism skips


def initials(words: list[str]) -> str:
    """The lower-case initialism of a body's name ("International Organization for Migration" -> "iom")."""
    return "".join(w[0] for w in words if w.lower() not in _LINKS).lower()


def _past_dateline(subj: Any) -> Any | None:
    """The noun the parser hung on a dateline's town that was the sentence's subject: the first noun of
    the subject's words past the dateline whose head lies in the dateline."""
    for tok in subj.subtree:
        if tok.pos_ in ("NOUN", "PROPN") and not _dateline_word(tok) and _dateline_word(tok.head):
            return tok
    return None


def _speaker_before(pronoun: Any) -> Any | None:
    """The body a speaking "it" or "they" takes up: the nearest subject before it, in its sentence or
    the one before, that can speak and agrees with it ("it" a singular body that is no person, "they"
    a plural one or an organisation); None when there is none."""
    start = sentence_start(pronoun)
    start = start if start == 0 else sentence_start(pronoun.doc[start - 1])
    for i in range(pronoun.i - 1, start - 1, -1):
        tok = pronoun.doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ == "PERSON" or tok.lower_ in _PRONOUNS:
            continue
        if pronoun.lower_ == "it" and tok.tag_ not in ("NN", "NNP"):
            continue
        if pronoun.lower_ == "they" and not (tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "ORG"):
            continue
        return tok if source_like(tok) else None
    return None


# Who can say something: people, organisations and media. A noun heads a source when it names
# one: a proper name or entity, a noun of a role or body, or an agent noun by its suffix
# ("reporter", "monitor", "activist", "spokesman"). "Images", "the package", "the law" do not.
_SOURCE_NOUNS = frozenset("""
official minister ministry government authority administration army military police force troop soldier
command commander general officer chief head leader president premier governor mayor council committee
agency office service staff department embassy mission group party movement faction rebel militant fighter
witness resident villager survivor local people doctor medic nurse source analyst expert observer monitor
media outlet newspaper channel broadcaster television radio report statement communique bulletin agency
diplomat envoy ambassador delegation spokesperson official side alliance coalition organisation organization
union court tribunal prosecutor investigator inspector ngo charity hospital family relative
""".split())
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ary", "ant", "ent")


def source_like(tok: Any) -> bool:
    """Whether the noun ``tok`` can head a source: a person, an organisation or a medium."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
        return True
    if tok.pos_ == "PROPN" and not (tok.is_sent_start and tok.ent_type_ == ""):
        return True  # a sentence's first word is capitalised whatever it is ("Images showed")
    lemma = tok.lemma_.lower()
    return lemma in _SOURCE_NOUNS or (tok.pos_ == "NOUN" and lemma.endswith(_AGENT_SUFFIXES) and len(lemma) > 4)


# nouns of a body that speaks as one (a ministry, an army, a court, a channel): named by its kind alone
# ("police said", "a human rights group said") it is still an organisation someone can find
_BODY_NOUNS = frozenset("""
ministry government authority administration army military police force command agency office service staff
department embassy mission group party movement faction council committee alliance coalition organisation
organization union court tribunal media outlet newspaper channel broadcaster television radio hospital charity ngo
""".split())
# holders of an office, who speak for the body they serve ("local officials said", "a spokesman said")
_OFFICE_HOLDERS = frozenset("""
official spokesman spokeswoman spokesperson officer commander minister governor mayor chief head leader
representative envoy diplomat ambassador secretary president premier general prosecutor
""".split())
# nouns of people by what they are or saw, and the endings of nouns of a doer ("teacher", "analyst")
_PERSON_NOUNS = frozenset("""
witness resident villager survivor local people person doctor medic nurse relative family source analyst expert
observer monitor student teacher worker farmer journalist peacekeeper
""".split())
_PERSON_SUFFIXES_ALL = ("er", "or", "ist", "ian", "man", "woman", "person")
# determiners and numbers that leave a person unidentified ("a teacher", "another resident", "two residents")
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "other", "few", "most"})


def anonymous(tok: Any) -> bool:
    """The noun ``tok`` names a person left unidentified: a common noun of a person, not a body, with no
    name in its phrase, told with an indefinite determiner, a number or none in the plural ("a teacher
    told Reuters", "two residents said", "another resident said", "witnesses said", "said a relative of
    one of the dead"). Such a source is no one a reader can name: attributed_to is a person, an
    organisation or a medium, never a common noun. A role told definitely ("the governor"), the holder
    of an office, who speaks for a body ("local officials said"), a body by its kind ("police said", "a
    rights group said") or a phrase with a name ("residents of Lalibela", "Indian officials") is someone."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.ent_type_ not in ("", "CARDINAL") or lemma in _BODY_NOUNS | _OFFICE_HOLDERS:
        return False
    if lemma not in _PERSON_NOUNS and not lemma.endswith(_PERSON_SUFFIXES_ALL):
        return False  # a document or a thing ("reports from the city"), not a person
    left = [t for t in tok.subtree if t.i <= tok.i]
    if any(t.pos_ == "PROPN" or t.ent_type_ not in ("", "CARDINAL") for t in tok.subtree):
        return False
    dets = [t for t in left if t.dep_ in ("det", "nummod", "poss", "amod") and t.head.i == tok.i]
    if any(t.dep_ == "poss" or t.lower_ in ("the", "this", "that", "these", "those") for t in dets):
        return False
    return any(t.lower_ in _INDEFINITE or t.dep_ == "nummod" for t in dets) or tok.tag_ == "NNS"


def _phrase_bounds(tok: Any) -> tuple[int, int]:
    """The first and last token of the noun phrase headed by ``tok`` (:func:`noun_phrase`)."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.right_edge.i - tok.i <= 6:
            right = max(right, child.right_edge.i)
    doc = tok.doc
    while left < tok.i and (doc[left].ent_type_ in ("TIME", "DATE") or _CLOCK.match(doc[left].text)
                            or doc[left].is_punct or doc[left].is_space or _dateline_word(doc[left])):
        left += 1  # "11:20 Kharkiv mayor Ihor Terekhov": a live blog's time stamp (or a dateline) is no part of who said it
    return left, right


def noun_phrase(tok: Any) -> str:
    """The noun phrase headed by ``tok``: its left modifiers, compounds and an "of"/"from" complement."""
    left, right = _phrase_bounds(tok)
    return span_of(tok.doc, left, right + 1).text.strip(" ,")


def speaker_phrase(tok: Any) -> str:
    """The noun phrase of a speaker, with the name an apposition gives it ("Lebanon's foreign minister,
    Abdallah Bou Habib, said": the minister is Abdallah Bou Habib; "Its political leader, Corneille Nangaa,
    told a rally"): a role alone names no one a reader can find. An apposition that is no name ("the
    governor, a former general") adds nothing."""
    left, right = _phrase_bounds(tok)
    name = speaker_name(tok)
    if name is not None:
        right = max(right, name.right_edge.i)
    return span_of(tok.doc, left, right + 1).text.strip(" ,")


def speaker_name(tok: Any) -> Any | None:
    """The name an apposition gives a speaker's role: after the role itself ("Lebanon's foreign minister, Abdallah
    Bou Habib"), or after the "of" phrase that completes it, where the parser hangs it on the phrase's last noun
    ("Russia's chief of the general staff, Valery Gerasimov": on "staff")."""
    heads = [tok] + [o for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                     if o.dep_ == "pobj"]
    return next((c for h in heads for c in h.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG")), None)


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
