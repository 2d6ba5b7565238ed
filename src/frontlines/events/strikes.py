"""A strike that is a work stoppage, told by its grammar rather than by the words around it.

"Strike" names an attack ("a strike on the port", "drone strikes") or a labour strike, which ACLED codes
as a protest. Beyond the labour words of its sentence (workers, unions, "went on strike": the lexicon's
``labour`` cues), the noun's own grammar tells the stoppage:

- its scope: a nation's or everyone's stoppage ("a *national* strike", "a *nationwide* strike", "an
  *indefinite* strike"): an attack has a target, not a scope;
- who starts it: a strike someone *calls* or *declares* ("during a national strike he had called", "the
  unions called a strike"): an attack is launched or carried out, never called;
- the discourse: "the strike" (definite, one, aimed at nothing) told after the article has named a stoppage
  ("Six weeks after the national strike began ... The strike started on April 28 ... a month after the
  strike began") is that stoppage.

The caller (events.coder) still asks that no weapon is named and nothing is aimed at.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.tree import doc_tree

# adjectives giving a strike a scope (a nation, all trades) or a length instead of a target
_SCOPE = frozenset({"national", "nationwide", "general", "countrywide", "indefinite", "statewide", "citywide"})
# verbs by which people start or stop a stoppage (an attack is launched, not called)
_CALLING = frozenset({"call", "declare"})


def _strike_noun(tok: Any) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "strike"


def _told_as_stoppage(tok: Any) -> bool:
    """The strike noun's own words make it a stoppage: a scope adjective, or a verb of calling it."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _SCOPE for c in tok.children):
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _CALLING:
        return True  # "called a strike", "a strike was called"
    # "a national strike he had called": a relative clause of calling with the strike as its missing object
    return any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _CALLING
               and not any(g.dep_ == "dobj" for g in c.children) for c in tok.children)


def _definite_one(tok: Any) -> bool:
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def labour_strike(head: Any) -> bool:
    """The strike noun ``head`` is a work stoppage by its own grammar, or is "the strike" after the article
    has told a stoppage (see the module docstring)."""
    if not _strike_noun(head):
        return False
    if _told_as_stoppage(head):
        return True
    if not _definite_one(head):
        return False
    doc = head.doc
    pos = doc_tree(doc).pos  # a Token only for a noun before it (the words of the article before the strike)
    return any(pos[i] == "NOUN" and _strike_noun(t := doc[i]) and _told_as_stoppage(t) for i in range(head.i))
