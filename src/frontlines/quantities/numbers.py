"""Numbers tied to what they count: "an estimated 40,000 Russian soldiers",
"dozens of settlements", "at least 12 civilians were killed".

Works over the shared spaCy Doc (no re-parse): a number (digits, number words,
or a vague amount such as "tens of thousands") is found by token tests, the
counted noun by the dependency arcs around it, the kind by that noun or by the
verb that says what happened to it (killed, injured, captured ...), the
qualifier by the words in front, and the claimant by the sentence's reporting
verb or "according to".
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.quantities.lexicon import QuantityLexicon, load_quantity_lexicon
from frontlines.records import Evidence, Quantity
from frontlines.stages import StageInput

# Entity labels whose numbers are not counts of anything we track.
_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
# Units of time: "two days", "three weeks" are durations, not counts.
_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "night", "time", "percent", "%"}
)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_RANGE = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
_SPEECH = frozenset(
    {"say", "claim", "report", "tell", "state", "announce", "allege", "estimate", "add", "confirm", "write", "post"}
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "this", "that"})


def lexicon_from(inp: StageInput) -> QuantityLexicon:
    """The lexicon injected as ``inp.resources.quantity_lexicon``; loaded into it on first use."""
    lex = inp.resources.quantity_lexicon
    if lex is None:
        # Kept on the injected Resources (not a module global) so that a run loads it once.
        lex = inp.resources.quantity_lexicon = load_quantity_lexicon()
    return lex


def _number_value(words: list[str], lex: QuantityLexicon) -> float | None:
    """Value of a run of number tokens ("40,000", "2.5 million", "forty thousand")."""
    total = 0.0
    current: float | None = None
    for word in words:
        w = word.lower()
        if _DIGITS.match(w):
            current = (current or 0.0) + float(w.replace(",", ""))
        elif w in lex.numbers:
            current = (current or 0.0) + lex.numbers[w]
        elif w in lex.multipliers:
            current = (current if current is not None else 1.0) * lex.multipliers[w]
            if lex.multipliers[w] >= 1000:
                total += current
                current = None
        elif w in ("and", "-", "a"):
            continue
        else:
            return None
    if current is not None:
        total += current
    return total if (total or current is not None) else None


def _is_number_token(tok: Any, lex: QuantityLexicon) -> bool:
    low = tok.lower_
    return bool(_DIGITS.match(low)) or low in lex.numbers or low in lex.multipliers


def _counted_noun(doc: Any, first: int, last: int) -> Any | None:
    """The noun a number span counts: its head, "of" + noun after it, or a noun right after it."""
    tok = doc[last]
    j = last + 1
    # "dozens of settlements", "tens of thousands of troops"
    if j < len(doc) and doc[j].lower_ == "of":
        k = j + 1
        while k < len(doc) and k <= j + 4 and doc[k].pos_ in ("DET", "ADJ", "NUM", "ADV", "PUNCT", "PROPN"):
            if doc[k].pos_ == "PROPN" and doc[k].dep_ != "compound" and doc[k].dep_ != "amod":
                break
            k += 1
        if k < len(doc) and doc[k].pos_ == "NOUN":
            return _compound_head(doc[k])
        return None
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i > last:
        return _compound_head(head)
    k = j
    while k < len(doc) and k <= last + 4 and doc[k].pos_ in ("ADJ", "PROPN", "PUNCT", "ADV", "NUM") and doc[k].lower_ not in (",", "and"):
        k += 1
    if k < len(doc) and doc[k].pos_ == "NOUN" and k > last:
        return _compound_head(doc[k])
    return None


def _counts_known_noun(tok: Any, lex: QuantityLexicon) -> bool:
    """A number the tagger called a date but that counts a known noun ("between 10 and 15 soldiers")."""
    head = tok.head
    return tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lemma_.lower() in lex.nouns


def _compound_head(tok: Any) -> Any:
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _outcomes(anchor: Any, lex: QuantityLexicon) -> list[str]:
    """Kinds named by what happened to the counted thing (killed, injured, captured ...)."""
    kinds: list[str] = []
    first = anchor
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("NOUN", "PROPN", "PRON"):
        first = first.head  # "five soldiers and two civilians died": the civilians died as the soldiers did
    head = first.head
    if first.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "pobj", "appos") and head.i != first.i:
        kind = lex.outcomes.get(head.lemma_.lower())
        if kind:
            kinds.append(kind)
            kinds.extend(_conjunct_outcomes(head, lex))
    for child in anchor.children:
        if child.dep_ in ("amod", "acl", "relcl", "acomp", "advmod", "appos"):
            kind = lex.outcomes.get(child.lemma_.lower()) or lex.outcomes.get(child.lower_)
            if kind:
                kinds.append(kind)
                kinds.extend(_conjunct_outcomes(child, lex))
    # "12 civilians dead", "12 people injured": an adjective right after the noun
    nxt = anchor.i + 1
    if nxt < len(anchor.doc) and anchor.doc[nxt].lower_ in ("dead", "injured", "wounded", "missing"):
        kinds.append(lex.outcomes[anchor.doc[nxt].lower_])
    return list(dict.fromkeys(kinds))


def _conjunct_outcomes(verb: Any, lex: QuantityLexicon) -> list[str]:
    """Outcomes of verbs coordinated with ``verb`` that share its subject ("captured, injured or killed")."""
    kinds = []
    for conj in verb.conjuncts:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue  # "12 were killed and 30 injured": the conjunct counts something else
        kind = lex.outcomes.get(conj.lemma_.lower())
        if kind:
            kinds.append(kind)
    return kinds


def _qualifier(doc: Any, first: int, sent_start: int, lex: QuantityLexicon) -> tuple[str | None, int]:
    """The qualifier in front of a number ("at least", "an estimated") and where it starts."""
    if first <= sent_start:
        return None, first
    prev = doc[first - 1].lower_
    for words, qual in lex.qualifiers.get(prev, ()):
        n = len(words)
        start = first - n
        if start < sent_start:
            continue
        if tuple(t.lower_ for t in doc[start:first]) == words:
            return qual, start
    return None, first


def _claimant(sent: Any) -> str | None:
    """Who the sentence attributes its content to: "according to X", or "X said"."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return _np_text(child)
    root = sent.root
    candidates = [root] + [t for t in root.children if t.dep_ in ("parataxis", "ccomp")]
    for verb in candidates:
        if verb.lemma_.lower() in _SPEECH:
            for child in verb.children:
                if child.dep_ == "nsubj" and child.lower_ not in _PRONOUNS:
                    return _np_text(child)
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return _np_text(pobj)
    return None


def _np_text(tok: Any) -> str:
    """The noun phrase headed by ``tok``, without relative clauses or trailing appositions."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    span = tok.doc[left : right + 1]
    return span.text.strip(" ,")


def extract_quantities(inp: StageInput) -> tuple[Quantity, ...]:
    """Find the counted quantities of an article (stage ``quantities.numbers``)."""
    lex = lexicon_from(inp)
    doc = inp.doc
    article_id = inp.article.id
    found: list[Quantity] = []
    for sent in doc.sents:
        claimant: str | None | bool = False  # computed lazily: most sentences hold no number
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            span = _match_vague(doc, i, sent.end, lex)
            value: float | None = None
            low = high = None
            vague = False
            if span is not None:
                last, (low, high) = span
                vague = True
                if low == high:
                    value, low, high = low, None, None
                # "dozens of X": the span already ends before "of" when the phrase ends in "of"
            elif _is_number_token(tok, lex) and tok.lower_ != "one" and (
                tok.ent_type_ not in _SKIP_ENTS or _counts_known_noun(tok, lex)
            ):
                last = i
                while last + 1 < sent.end and _is_number_token(doc[last + 1], lex):
                    last += 1
                words = [t.text for t in doc[i : last + 1]]
                value = _number_value(words, lex)
                rng = _RANGE.match(tok.text)
                if value is None and rng:
                    low, high = float(rng.group(1).replace(",", "")), float(rng.group(2).replace(",", ""))
                elif value is not None and last + 2 < sent.end and (
                    doc[last + 1].lower_ in ("to", "-", "–")
                    or (doc[last + 1].lower_ == "and" and i > sent.start and doc[i - 1].lower_ == "between")
                ) and (
                    _is_number_token(doc[last + 2], lex)
                ):
                    # "10 to 15", "10 - 15"
                    high_end = last + 2
                    while high_end + 1 < sent.end and _is_number_token(doc[high_end + 1], lex):
                        high_end += 1
                    high_val = _number_value([t.text for t in doc[last + 2 : high_end + 1]], lex)
                    if high_val is not None and high_val > value:
                        low, high, value = value, high_val, None
                        last = high_end
                if value is None and low is None:
                    i = last + 1
                    continue
            else:
                i += 1
                continue
            quantity_end = last
            noun = _counted_noun(doc, i, last)
            if noun is not None and noun.lemma_.lower() in _TIME_UNITS:
                i = last + 1
                continue
            if last + 1 < sent.end and doc[last + 1].lower_ in ("%", "percent", "per"):
                i = last + 1
                continue
            anchor = noun if noun is not None else doc[last]
            kinds = _outcomes(anchor, lex)
            if noun is None and not kinds and anchor.head.i != anchor.i:
                # "12 were killed": the number itself is the subject or object
                kinds = _outcomes(anchor, lex)
            noun_kind = lex.nouns.get(noun.lemma_.lower()) if noun is not None else None
            if noun is not None and noun_kind is None:
                noun_kind = lex.nouns.get(noun.lower_)
            if noun is None and not kinds and _toll_figure(doc[last]):
                kinds = ["killed"]  # "the death toll rose to 47", "bringing the toll to 47", "a toll of 47"
            if len(kinds) > 1:
                kind = "casualties"
            elif kinds:
                kind = kinds[0]
            elif noun_kind:
                kind = noun_kind
            else:
                i = last + 1
                continue
            if noun is not None and noun.i > quantity_end and noun.i - quantity_end <= 6:
                quantity_end = noun.i
            qualifier, start = _qualifier(doc, i, sent.start, lex)
            if qualifier is None and vague:
                qualifier = "vague"
            if claimant is False:
                claimant = _claimant(sent)
            start_char = doc[start].idx
            end_tok = doc[quantity_end]
            end_char = end_tok.idx + len(end_tok.text)
            text = inp.article.text[start_char:end_char] if inp.article.text else doc.text[start_char:end_char]
            found.append(
                Quantity(
                    text=text,
                    evidence=Evidence(article_id=article_id, start=start_char, end=end_char, text=text),
                    kind=kind,
                    value=value,
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    claimed_by=claimant if isinstance(claimant, str) else None,
                )
            )
            i = last + 1
    return tuple(found)


# "bringing the death toll to 47" after "the attack killed 20" is the running total, not that attack's: not read
_TOLL_VERBS = frozenset({"rise", "climb", "reach", "stand", "jump", "increase", "hit", "top", "surpass"})


def _toll_figure(num: Any) -> bool:
    """A number that is a death toll's figure: "the death toll rose to 47", "the toll stood at 12", "the toll
    reached 47", "a death toll of 47" (not a casualty toll, which counts the wounded too)."""
    def toll(tok: Any) -> bool:
        return tok.lemma_.lower() == "toll" and not any(c.lower_ in ("casualty", "injury") for c in tok.children)

    head = num.head
    if num.dep_ == "pobj" and head.lower_ in ("to", "at", "of"):
        gov = head.head
        if head.lower_ == "of":
            return toll(gov)
        return gov.lemma_.lower() in _TOLL_VERBS and any(
            c.dep_ in ("nsubj", "dobj") and toll(c) for c in gov.children)
    if num.dep_ == "dobj" and head.lemma_.lower() in _TOLL_VERBS:
        return any(c.dep_ == "nsubj" and toll(c) for c in head.children)
    return False


def _match_vague(doc: Any, i: int, end: int, lex: QuantityLexicon) -> tuple[int, tuple[float, float]] | None:
    """A vague amount starting at token ``i``: (index of its last word before "of", range)."""
    entries = lex.vague.get(doc[i].lower_)
    if not entries:
        return None
    for words, rng in entries:
        n = len(words)
        if i + n > end:
            continue
        if all(doc[i + k].lower_ == words[k] for k in range(n)):
            last = i + n - 1
            if words[-1] == "of":
                last -= 1  # leave "of" for _counted_noun
            return last, rng
    return None
