"""Statements in a release: what its issuer says with no place of its own was said where the release was
issued, its dateline's town; a release issued in the country it tells of places there what it places nowhere.
Split from ``events.context`` (asked by ``events.stage`` after ``context.preceding_place``)."""

from __future__ import annotations

import re
from typing import Any

from frontlines.events.context import happens_somewhere
from frontlines.events.draft import Draft, borrowed
from frontlines.events.placing import SPEECH_VERBS, STATEMENT_TYPES
from frontlines.events.speakers import initials
from frontlines.records import Place, PlaceKind


# a release's dateline gives the year and names no agency: "GENEVA (12 May 2023) -", "Johannesburg, 6 May
# 2024 -", "STATE HOUSE, NAIROBI - 26 June 2024"; a wire's names its agency ("KYIV, Nov 11 (Reuters) -")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AGENCY = re.compile(r"\((?![^)]*\d)[^)]{2,40}\)")
def names_agency(dateline: str) -> bool:
    """The dateline names a news agency ("KYIV, Nov 11 (Reuters) -"): a wire's, only where its reporter filed from."""
    return _AGENCY.search(dateline) is not None


RELEASE_REASON = "a statement in a release with no place of its own: the release's dateline, where its issuer spoke"


def release_place(drafts: list[Draft], index: Any, doc: Any, source: str | None) -> None:
    """A statement its issuer makes (an accusation, a request, a rejection, a threat, words of support)
    naming no place of its own, in a release whose dateline gives the full date and no news agency
    ("GENEVA (12 May 2023) - ... We urge the authorities to ..."), was made where the release was issued:
    at the dateline's town (a wire's dateline is only where its reporter filed from). The issuer speaks as
    "we" or "I", or by the name the article's ``source`` gives it (:func:`_by_issuer`).

    A release issued in the country it tells of (its town lies in the country most of the article's places
    lie in: a mission's or a government's release from where things happen, "NAQOURA, 6 October 2024 -",
    "STATE HOUSE, NAIROBI - 26 June 2024") is issued where its events are: an event that happens somewhere
    and that it places nowhere, or only in that whole country, is at the release's town, saying so."""
    from frontlines.geo.context import in_dateline
    from frontlines.stages import doc_datelines, doc_text

    text = doc_text(doc)
    place = None
    for start, end in doc_datelines(doc)[:1]:
        line_end = text.find("\n", end)
        rest = text[end : line_end if line_end >= 0 else len(text)]
        if names_agency(text[start:end]) or not (_YEAR.search(text[start:end]) or (
                _YEAR.search(rest) and len(rest) <= 20)):
            continue
        place = next((p for p, _ in index.places if in_dateline(p) and start <= p.evidence.start < end
                      and p.kind == PlaceKind.SETTLEMENT and p.lat is not None), None)
    if place is None:
        return
    home = _home_release(place, index)
    for d in drafts:
        if home and happens_somewhere(d) and (d.place is None or (
                d.place.kind == PlaceKind.COUNTRY and d.place.country == place.country and not d.place.metonymic)):
            # issued where it tells of: what it places nowhere, or only in the whole country, is at its town
            d.place = borrowed(place, HOME_RELEASE_REASON)
            d.place_score = 0.3
            d.inherited.add("place")
            continue
        if d.place is None and d.typing.plover in STATEMENT_TYPES and d.typing.acled_type is None and (
                _first_person(d.trigger.head) or _by_issuer(d, source or "")):
            d.place = borrowed(place, RELEASE_REASON)
            d.place_score = 0.3
            d.inherited.add("place")


HOME_RELEASE_REASON = ("an event with no place of its own, or only its country, in a release issued in the country it tells "
                       "of: the release's dateline town")


def _home_release(town: Place, index: Any) -> bool:
    """The release's town lies in the country the article's other places lie in most often (a government's or a
    mission's release from where things happen, not a UN office's in Geneva about Mali)."""
    from frontlines.geo.context import in_dateline

    counts: dict[str, int] = {}
    for p, _ in index.places:
        if p.country and not in_dateline(p):
            counts[p.country] = counts.get(p.country, 0) + 1
    return bool(counts) and town.country is not None and max(counts, key=lambda c: counts[c]) == town.country


_NAME_WORDS = frozenset({"office", "ministry", "news", "information", "statement", "united", "nations", "human",
                         "rights", "international", "forces", "army", "armed", "telegram"})  # words many bodies' names share


def _first_person(head: Any) -> bool:
    """The trigger's clause is said in the first person ("We urge", "I call on", "we have asked")."""
    verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), head)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in verb.children)


def _speakers(head: Any) -> list[Any]:
    """The subjects that may be the statement's speaker: the trigger's own ("The High Commissioner called
    on Rwanda ...", the statement being the verb) and that of the speech verb its clause hangs on ("... must
    be investigated, Amnesty International said today")."""
    out = [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ == "VERB" else []
    for verb in head.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH_VERBS:
            out += [c for c in verb.children if c.dep_ == "nsubj"]
            break
    return out




def _by_issuer(d: Draft, source: str) -> bool:
    """The statement's speaker is the release's issuer, as the article's ``source`` names it: a party, an
    attribution or a speaker sharing a significant word of its name ("..., Amnesty International said today",
    "The UN High Commissioner for Human Rights, Volker Turk, called on"); its initials ("IOM calls on donors"
    from the International Organization for Migration); or a definite noun alone that its name has for its kind
    ("The office also called on all parties", from the Office of the UN High Commissioner)."""
    words = re.findall(r"[A-Za-z]+", source)
    lower = {w.lower() for w in words}
    issuer = {w for w in lower if len(w) >= 4} - _NAME_WORDS
    short = initials([w for w in words if w[0].isupper()])
    speakers = _speakers(d.trigger.head)
    names = [*(a.name or a.text for a in d.sources), d.realis.attributed_to or "",
             *(" ".join(t.lower_ for t in s.subtree) for s in speakers)]
    if any(issuer & set(re.findall(r"[a-z]{4,}", n.lower())) for n in names):
        return True
    for s in speakers:
        toks = list(s.subtree)
        if len(short) >= 3 and len(toks) == 1 and s.lower_ == short:
            return True
        if len(toks) == 2 and toks[0].lower_ == "the" and s.pos_ == "NOUN" and s.lemma_.lower() in lower:
            return True
    return False
