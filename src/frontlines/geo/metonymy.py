"""Capitals and countries named for their governments ("Moscow denied", "Kyiv's forces", "US
Secretary of State"): toponyms, but no place where anything happened."""

from __future__ import annotations

from typing import Any

from frontlines.geo.gazetteer import Candidate
from frontlines.geo.owners import GOVT_NOUNS
from frontlines.geo.recognise import Mention
from frontlines.records import PlaceKind
from frontlines.stages import span_of

_GOVT_NOUNS = GOVT_NOUNS
# offices of a state held by a person: a country or capital written before one names whose office it is (lemmas)
_GOVT_OFFICES = frozenset("secretary minister president envoy ambassador spokesman spokeswoman spokesperson".split())
# verbs whose object is a party spoken to or of: a country or capital there is its government
_ADDRESSED = frozenset("accuse blame urge condemn criticise criticize warn praise thank pressure lobby".split())
# measures aimed at a party: a country or capital "against" which one is taken is its government
# ("sanctions against Moscow"); an attack "against Kyiv" lands there
_MEASURES = frozenset("""
sanction measure case charge accusation resolution complaint lawsuit claim embargo restriction penalty ban
tariff campaign propaganda
""".split())
_SAY_VERBS = frozenset("""
say claim insist announce deny warn accuse demand threaten urge reject respond state confirm agree
order decide refuse recognise recognize annex retaliate condemn want plan hope believe propose call
vow pledge seek argue allege protest blame declare sign approve send impose expel summon push
""".split())


def metonymic_use(doc: Any, m: Mention, c: Candidate) -> bool:
    """Whether the mention names a government, not a place: a gazetteer metonym ("the Kremlin"), or
    a country or capital that owns a government noun ("Moscow's troops"), stands before a person's
    office ("US Secretary of State"), says something ("Kyiv said", "was denied by Moscow"), is the
    party accused, urged or warned ("accusing the United States"), or the party a measure is taken
    against ("sanctions against Moscow")."""
    if c.metonym:
        return True
    if not (c.kind == PlaceKind.COUNTRY or c.capital):
        return False
    root = span_of(doc, m.start, m.end).root
    if root.dep_ == "poss" or (m.end < len(doc) and doc[m.end].tag_ == "POS"):
        head = root.head
        if head.lemma_.lower() in _GOVT_NOUNS or head.lower_ in _GOVT_NOUNS:
            return True
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in _GOVT_OFFICES:
        return True  # "US Secretary of State", "the Russian envoy": a title, not where anything is
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SAY_VERBS:
        return True
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "dobj" and first.head.lemma_.lower() in _ADDRESSED:
        return True  # "accusing the United States and France of not doing enough": a party addressed
    if _with_a_party(root):
        return True  # "a truce between Israel and Hamas": a party beside another party
    if root.dep_ == "pobj" and root.head.lower_ == "against" and root.head.head.lemma_.lower() in _MEASURES:
        return True  # "new sanctions against Moscow": the party a measure aims at
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return root.head.head.lemma_.lower() in _SAY_VERBS
    return False


# sites that stand in the town they are named after ("Kabul University", "Mosul General Hospital", "Sanaa airport")
SITE_HEADS = frozenset("""
university college school academy hospital clinic airport airfield prison jail stadium arena market bazaar
station hotel mosque church cathedral
""".split())


def site_named_after(doc: Any, m: Mention, c: Candidate | None) -> bool:
    """The organisation a town's name opens is a site that stands in that town ("protesters were attacked at Dhaka
    University", "gunmen stormed Kabul University"): what happens at it happens in the town, so the name is a place,
    not only part of a name. Not a division's or a country's name ("Ohio State University", "Lebanese American
    University": where it stands, the name does not say), nor an organisation of another kind ("Kherson Regional
    Administration")."""
    if c is None or c.kind != PlaceKind.SETTLEMENT:
        return False
    end = m.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end > m.end and doc[end - 1].lemma_.lower() in SITE_HEADS


def _with_a_party(root: Any) -> bool:
    """The name is coordinated with an organisation or armed group ("between Israel and Hamas", "Kigali
    and the M23"): one party listed with another, not a place."""
    others = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj" and root.head.i != root.i:
        others.append(root.head)
    return any(o.ent_type_ == "ORG" and o.pos_ == "PROPN" for o in others)
