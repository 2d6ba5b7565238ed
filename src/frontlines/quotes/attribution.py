"""Direct and indirect quotes, their speakers, cues and media, over one parsed article.

Direct quotes are found from the quotation marks themselves (curly and straight), paired within a
paragraph; an opening mark with no closing one counts only when the next paragraph opens with a
mark (a quote running over paragraphs); otherwise nothing is invented from it. The speaker is
found by word form next to the quote ("...," X said / said X / X said: "..."), else inherited from
the quote just before it in the same run (a quote continued after its attribution).

Indirect quotes come from the parse: a cue verb with a clausal complement ("X said that ..."),
"according to X", raising verbs ("are believed to be"), and verbs whose object is the claim
("reports have detailed widespread arrests").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from frontlines.stages import doc_text
from frontlines.quotes.cues import (
    IMPLIED_MEDIUM,
    INDIRECT_LEMMAS,
    OBJECT_CONTENT_LEMMAS,
    PRONOUNS,
    RAISING_LEMMAS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
    XCOMP_CONTENT_LEMMAS,
)
from frontlines.stages import doc_datelines
from frontlines.records import Actor, Evidence, Quote, Sector

_OPEN = {"“": "”", "«": "»", "„": "“"}
_STOP = frozenset({".", "!", "?", ";", "\n"})
_SPEAKER_STOP = frozenset({",", ".", ";", ":", "!", "?", "“", "”", '"', "(", ")", "—", "–"})
_SUBJ = ("nsubj", "nsubjpass", "csubj")


@dataclass(slots=True)
class _Direct:
    start: int  # char span of the content, marks included
    end: int
    continues: bool = False  # the first part of a quote running into the next paragraph
    continued: bool = False  # opens a paragraph that continues the previous quote


def find_quote_marks(text: str) -> list[tuple[int, int, bool, bool]]:
    """Balanced quotation spans in ``text``: (start, end, continues, continued), marks included.

    Curly marks pair “ with the next ”; straight marks pair in order within a paragraph. A mark left
    unpaired is dropped unless the next paragraph opens with a mark (the convention for a quote
    that runs over paragraphs). Single quotes are left alone: they nest inside double ones.
    """
    spans: list[tuple[int, int, bool, bool]] = []
    paragraphs = []
    pos = 0
    for part in text.split("\n"):
        paragraphs.append((pos, pos + len(part)))
        pos += len(part) + 1
    paragraphs = [(a, b) for a, b in paragraphs if text[a:b].strip()]
    carried = False
    for n, (a, b) in enumerate(paragraphs):
        para = text[a:b]
        next_opens = n + 1 < len(paragraphs) and text[paragraphs[n + 1][0] : paragraphs[n + 1][1]].lstrip()[:1] in (
            "“", '"', "«"
        )
        found: list[tuple[int, int, bool, bool]] = []
        open_at = None
        open_mark = ""
        i = 0
        unclosed_tail = None
        while i < len(para):
            ch = para[i]
            if open_at is None:
                if ch in _OPEN or ch == '"':
                    open_at, open_mark = i, ch
            else:
                closer = _OPEN.get(open_mark, '"')
                if ch == closer:
                    found.append((a + open_at, a + i + 1, False, False))
                    open_at = None
                elif ch == open_mark and open_mark != '"':
                    open_at = i  # a second opening mark: the first was unbalanced, drop it
            i += 1
        if open_at is not None:
            unclosed_tail = open_at
        lead = len(para) - len(para.lstrip())
        if carried and found and found[0][0] == a + lead:
            s, e, _, _ = found[0]
            found[0] = (s, e, False, True)
        if unclosed_tail is not None and next_opens:
            end = b
            while end > a and text[end - 1].isspace():
                end -= 1
            found.append((a + unclosed_tail, end, True, carried and unclosed_tail == lead))
            carried = True
        else:
            carried = False
        spans.extend(found)
    return spans


class _Attributor:
    def __init__(self, doc: Any, article_id: str, actors: tuple[Actor, ...], registry: Any) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.article_id = article_id
        self.registry = registry
        self.words = [t.lower_ for t in doc]
        self.actor_at: dict[int, Actor] = {}
        self.actor_span: dict[int, tuple[int, int]] = {}
        for actor in actors:
            span = doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
            if span is None:
                continue
            for t in range(span.start, span.end):
                if t not in self.actor_at or actor.kind == "person":
                    self.actor_at[t] = actor
                    self.actor_span[t] = (span.start, span.end)
        self.platforms: dict[str, str] = getattr(registry, "platforms", {}) or {}
        self.statement_nouns: frozenset[str] = getattr(registry, "statement_nouns", frozenset()) or frozenset()

    # ------------------------------------------------------------------ helpers
    def ev(self, start_char: int, end_char: int) -> Evidence:
        return Evidence(article_id=self.article_id, start=start_char, end=end_char,
                        text=self.text[start_char:end_char])

    def speaker_from_tokens(self, toks: list[int]) -> tuple[Actor | None, str | None, Evidence | None]:
        """The actor for a speaker phrase: an actor mention inside it, else an unnamed source."""
        toks = [t for t in toks if self.doc[t].text not in _SPEAKER_STOP]
        if not toks:
            return None, None, None
        # the actor mention closest to the phrase's syntactic head wins; persons first
        best = None
        for t in toks:
            actor = self.actor_at.get(t)
            if actor is not None and (best is None or (actor.kind == "person" and best[1].kind != "person")):
                best = (t, actor)
        if best is not None:
            s, e = self.actor_span[best[0]]
            span = self.doc[s:e]
            return best[1], span.text, self.ev(span.start_char, span.end_char)
        span = self.doc[toks[0] : toks[-1] + 1]
        if len(span) > 12:
            return None, None, None
        name = span.text
        actor = Actor(text=name, evidence=self.ev(span.start_char, span.end_char), name=name, kind="unnamed",
                      sector=Sector.UNKNOWN)
        return actor, name, actor.evidence

    def subject_of(self, verb: Any) -> list[int]:
        """Tokens of the subject of ``verb`` (shared through conj/xcomp chains); [] when none."""
        node = verb
        for _ in range(4):
            for child in node.children:
                if child.dep_ in ("nsubj", "csubj"):
                    return self.past_dateline(range(child.left_edge.i, child.right_edge.i + 1)) if child.lower_ not in (
                        "it", "there") else []
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.past_dateline(range(pobj.left_edge.i, pobj.right_edge.i + 1))
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head
            else:
                break
        return []

    def past_dateline(self, toks: range) -> list[int]:
        """The subject's words that lie past a dateline: the parser often makes the dateline's town the
        subject ("NAIROBI, Aug 9 (Reuters) - Ethiopia's military said"), but a town where a report was
        filed never says what it tells."""
        datelines = doc_datelines(self.doc)
        if not datelines:
            return list(toks)
        doc = self.doc
        return [t for t in toks if not any(a <= doc[t].idx < b for a, b in datelines)]

    def head_span(self, toks: list[int]) -> list[int]:
        """Trim a subject phrase to its head and left modifiers ("Podolyak, an adviser ..." -> "Podolyak")."""
        if not toks:
            return toks
        root = self.doc[toks[0]]
        while root.head.i in toks and root.head.i != root.i:
            root = root.head
        return list(range(root.left_edge.i if root.left_edge.i in toks else toks[0], root.i + 1))

    def medium(self, cue: Any, speaker: Actor | None, para_start: int) -> str | None:
        """Where it was said: "in a televised statement", "in a statement to Reuters", "on Telegram"."""
        implied = IMPLIED_MEDIUM.get(cue.lower_)
        if implied:
            return implied
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "via", "through"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    words = [t for t in self.doc[pobj.left_edge.i : pobj.right_edge.i + 1]]
                    for t in words:
                        if t.lower_ in self.platforms:
                            return self.platforms[t.lower_]
                    if pobj.lower_ in self.statement_nouns or pobj.lemma_.lower() in self.statement_nouns:
                        while words and words[0].pos_ in ("DET", "PRON"):
                            words.pop(0)
                        # "statement on Wednesday evening": keep "to Reuters", drop the time
                        kept = []
                        for t in words:
                            if t.dep_ == "prep" and t.head.i == pobj.i and t.lower_ not in ("to", "with", "on"):
                                break
                            if t.ent_type_ in ("DATE", "TIME") and t.i > pobj.i:
                                break
                            kept.append(t)
                        while kept and kept[-1].dep_ in ("prep", "cc", "punct"):
                            kept.pop()
                        text = self.doc[kept[0].i : kept[-1].i + 1].text if kept else pobj.text
                        return text.rstrip(" ,")
            if child.dep_ in ("dobj", "dative") and cue.lemma_ == "tell":
                actor = self.actor_at.get(child.i)
                if actor is not None and actor.sector is Sector.MEDIA:
                    return actor.name
        # a channel or account speaks on the platform named nearby ("accounts on ... Telegram")
        if speaker is not None and speaker.kind in ("unnamed", "group", "outlet") and speaker.sector in (
            Sector.MEDIA, Sector.UNKNOWN
        ):
            window = self.text[para_start : max(speaker.evidence.end, cue.idx)]
            best = None
            for low, name in self.platforms.items():
                if len(low) < 3:
                    continue  # "X" is too ambiguous to find by substring
                at = window.rfind(name)
                if at >= 0 and (best is None or at > best[0]):
                    best = (at, name)
            if best is not None:
                return best[1]
        return None

    def paragraph_start(self, char: int) -> int:
        at = self.text.rfind("\n", 0, char)
        return at + 1

    # ------------------------------------------------------------------ direct quotes
    def direct_quotes(self) -> list[Quote]:
        doc = self.doc
        out: list[Quote] = []
        prev: Quote | None = None
        prev_end_para = -1
        for start, end, continues, continued in find_quote_marks(self.text):
            inner = self.text[start + 1 : end - (0 if continues else 1)].strip()
            n_words = len(inner.split())
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not inner:
                continue
            # a quote closed on a full stop ends its sentence: its speaker is not the one after it
            closed = inner.rstrip("”\"'’ ").endswith(".") and not continues
            found = self.attribute_direct(span.start, span.end, start, end, after=not closed)
            para = self.paragraph_start(start)
            if found is None and (continued or (prev is not None and prev_end_para == para and n_words >= 3)):
                # a quote continued after its attribution, or over a paragraph break
                if prev is not None and prev.speaker is not None:
                    found = (prev.speaker, prev.speaker_text, prev.speaker_evidence, prev.cue, prev.cue_evidence,
                             prev.medium)
            if found is None:
                if n_words < 5 or not inner.rstrip("”\"'’").endswith((".", "!", "?", ",")):
                    continue  # a scare quote or a title, not a quotation
                quote = Quote(content=inner, evidence=self.ev(start, end), direct=True)
            else:
                if n_words < 2:
                    continue
                speaker, speaker_text, speaker_ev, cue, cue_ev, medium = found
                quote = Quote(content=inner, evidence=self.ev(start, end), direct=True, speaker=speaker,
                              speaker_text=speaker_text, speaker_evidence=speaker_ev, cue=cue, cue_evidence=cue_ev,
                              medium=medium)
            out.append(quote)
            prev = quote
            prev_end_para = para
        return out

    def attribute_direct(self, ts: int, te: int, cs: int, ce: int, *, after: bool = True) -> tuple[Any, ...] | None:
        """Speaker, speaker text/evidence, cue, cue evidence and medium next to a quote span."""
        if after:
            found = self._after(ts, te)
            if found is not None:
                return found
        return self._before(ts)

    def _after(self, ts: int, te: int) -> tuple[Any, ...] | None:
        doc, words = self.doc, self.words
        n = len(doc)
        # after: “...,” X said / “...,” said X / “...” one channel claims
        k = te
        while k < n and doc[k].text in (",", "”", '"'):
            k += 1
        window: list[int] = []
        while k < n and len(window) < 14 and doc[k].text not in _STOP and doc[k].text not in ("“", '"') and (
            "\n" not in doc[k].text
        ):
            window.append(k)
            k += 1
        cue_at = next((t for t in window if words[t] in SPEECH_FORMS), None)
        if cue_at is not None:
            before = [t for t in window if t < cue_at]
            if before and len(before) <= 12:
                speaker_toks = before
            else:
                speaker_toks = []
                for t in window:
                    if t <= cue_at:
                        continue
                    if doc[t].text in _SPEAKER_STOP or (doc[t].dep_ == "prep" and speaker_toks):
                        break
                    speaker_toks.append(t)
            if speaker_toks:
                return self._found(cue_at, speaker_toks)
        return None

    def _before(self, ts: int) -> tuple[Any, ...] | None:
        # X said: “...” / X told Reuters “...”
        doc, words = self.doc, self.words
        sent = doc[ts].sent
        j = ts - 1
        while j >= 0 and doc[j].text in ("“", '"', ":", ",", "\n", " "):
            j -= 1
        back: list[int] = []
        while j >= sent.start and len(back) < 25 and doc[j].text not in ("”", '"', ".", "!", "?"):
            back.append(j)
            j -= 1
        if not back and ts > 0 and doc[ts - 1].text == ":" or (back == [] and ts > 1 and doc[ts - 1].text in ("“", '"')
                                                                and doc[ts - 2].text == ":"):
            # the cue ends the previous sentence: 'He said:\n“...”'
            prev_sent = doc[max(ts - 2, 0)].sent
            back = list(range(prev_sent.end - 1, prev_sent.start - 1, -1))
        first = doc[ts]
        ancestors = {a.i for a in first.ancestors}
        for t in back:  # nearest first
            # the cue governs the quote, or stands right before it ('X said: “', 'X told Reuters “')
            if ts - t > 5 and t not in ancestors:
                continue
            if words[t] in SPEECH_FORMS and doc[t].pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
                speaker_toks = self.head_span(self.subject_of(doc[t]))
                if not speaker_toks and doc[t].dep_ == "ROOT":
                    speaker_toks = [u for u in range(sent.start, t) if doc[u].dep_ in _SUBJ][:1]
                if speaker_toks:
                    return self._found(t, speaker_toks)
        return None

    def _found(self, cue_at: int, speaker_toks: list[int]) -> tuple[Any, ...] | None:
        speaker, speaker_text, speaker_ev = self.speaker_from_tokens(speaker_toks)
        if speaker is None:
            return None
        cue = self.doc[cue_at]
        medium = self.medium(cue, speaker, self.paragraph_start(cue.idx))
        return (speaker, speaker_text, speaker_ev, cue.text, self.ev(cue.idx, cue.idx + len(cue.text)), medium)

    # ------------------------------------------------------------------ indirect quotes
    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        doc = self.doc
        direct_spans = [(q.evidence.start, q.evidence.end) for q in direct]
        out: list[Quote] = []
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                quote = self.according_to(tok)
                if quote is not None:
                    out.append(quote)
                continue
            if lemma not in INDIRECT_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
                continue
            content = None
            speaker_toks: list[int] = []
            for child in tok.children:
                if child.dep_ == "ccomp" and (child.i > tok.i or lemma in SPEECH_LEMMAS):
                    content = (child.left_edge.i, child.right_edge.i + 1)
                    break
            if content is None and lemma in RAISING_LEMMAS and any(c.dep_ == "nsubjpass" for c in tok.children):
                subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
                xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
                if xcomp is not None and subj.lower_ not in ("it", "there"):
                    content = (subj.left_edge.i, xcomp.right_edge.i + 1)
            if content is None and lemma in XCOMP_CONTENT_LEMMAS:
                xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
                if xcomp is not None and xcomp.right_edge.i - xcomp.left_edge.i >= 2:
                    content = (xcomp.left_edge.i, xcomp.right_edge.i + 1)
            if content is None and lemma in OBJECT_CONTENT_LEMMAS:
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.right_edge.i - obj.left_edge.i >= 1:
                    content = (obj.left_edge.i, obj.right_edge.i + 1)
            if content is None:
                continue
            s, e = content
            while s < e and (doc[s].is_space or doc[s].text in (",", "—", "–")):
                s += 1
            while e > s and (doc[e - 1].is_space or doc[e - 1].text == ","):
                e -= 1
            while e > s and doc[e - 1].is_punct and doc[e - 1].text not in ("”", '"', "’"):
                e -= 1
            if e <= s:
                continue
            cs, ce = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
            # a cue inside a direct quote ("If anyone thinks that ...") stays inside it
            inside = next(((a, b) for a, b in direct_spans if a <= tok.idx < b), None)
            if inside is not None:
                ce = min(ce, inside[1] - 1)
                while ce > cs and not self.text[ce - 1].isalnum():
                    ce -= 1
                if ce <= cs:
                    continue
            # the clause is a direct quote already attributed: keep the direct one
            if sum(_overlap(cs, ce, a, b) for a, b in direct_spans) >= 0.8 * (ce - cs):
                continue
            if said_by_no_one(tok):
                continue  # "no group has claimed responsibility for the blast": nobody said it
            if not any(c.dep_ == "nsubjpass" for c in tok.children) or lemma not in RAISING_LEMMAS:
                speaker_toks = self.head_span(self.subject_of(tok))
            speaker = speaker_text = speaker_ev = None
            if speaker_toks:
                speaker, speaker_text, speaker_ev = self.speaker_from_tokens(speaker_toks)
            cue = tok.text
            for child in tok.children:  # "pointed out"
                if child.dep_ == "prt" and child.i == tok.i + 1:
                    cue = f"{tok.text} {child.text}"
            out.append(Quote(content=self.text[cs:ce], evidence=self.ev(cs, ce), direct=False, speaker=speaker,
                             speaker_text=speaker_text, speaker_evidence=speaker_ev, cue=cue,
                             cue_evidence=self.ev(tok.idx, tok.idx + len(tok.text)),
                             medium=None if inside else self.medium(tok, speaker, self.paragraph_start(tok.idx))))
        return out

    def according_to(self, tok: Any) -> Quote | None:
        doc = self.doc
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        phrase = (tok.i, pobj.right_edge.i + 1)
        sent = tok.sent
        left = (sent.start, phrase[0])
        right = (phrase[1], sent.end)
        s, e = right if (right[1] - right[0]) >= (left[1] - left[0]) else left
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in ("”", '"'):
            e -= 1
        if e - s < 2:
            return None
        speaker, speaker_text, speaker_ev = self.speaker_from_tokens(self.head_span(
            list(range(pobj.left_edge.i, pobj.right_edge.i + 1))))
        cs, ce = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        return Quote(content=self.text[cs:ce], evidence=self.ev(cs, ce), direct=False, speaker=speaker,
                     speaker_text=speaker_text, speaker_evidence=speaker_ev, cue="according to",
                     cue_evidence=self.ev(tok.idx, to.idx + len(to.text)))


_NO_ONE = frozenset({"nobody", "none", "noone"})


def said_by_no_one(verb: Any) -> bool:
    """The verb's subject is no one ("no group claimed", "nobody said", "no one has claimed"): nothing
    is said or claimed by anyone (the quotes here, an event's status in events.realis)."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c.lower_ in _NO_ONE or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
    return False


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def attribute_quotes(doc: Any, article_id: str, actors: tuple[Actor, ...], registry: Any) -> tuple[Quote, ...]:
    """All quotes of ``doc`` in text order: direct ones first claim their spans, then indirect ones."""
    att = _Attributor(doc, article_id, actors, registry)
    direct = att.direct_quotes()
    indirect = att.indirect_quotes(direct)
    # a short direct fragment inside an indirect clause ("said that the retreat is needed “to ...”")
    # belongs to that clause: keep one quote, not two
    kept_direct = []
    for q in direct:
        host = next((i for i in indirect if i.evidence.start <= q.evidence.start and q.evidence.end <= i.evidence.end
                     and i.speaker is not None), None)
        if host is None:
            kept_direct.append(q)
    quotes = kept_direct + indirect
    quotes.sort(key=lambda q: (q.evidence.start, -q.evidence.end))
    return tuple(_pronoun_speakers(quotes))


def _pronoun_speakers(quotes: list[Quote]) -> list[Quote]:
    """'he said' with no person found by the actors stage: the previous quote's named speaker."""
    out: list[Quote] = []
    last_named: Actor | None = None
    for q in quotes:
        sp = q.speaker
        if sp is not None and sp.kind == "unnamed" and sp.text.lower() in ("he", "she") and last_named is not None:
            q = replace(q, speaker=replace(last_named, text=sp.text, evidence=sp.evidence,
                                           coref=last_named.coref or last_named.name))
        elif sp is not None and (sp.kind == "person" or (sp.kind == "unnamed" and sp.text[:1].isupper()
                                                          and sp.text.lower() not in PRONOUNS)):
            last_named = sp
        out.append(q)
    return out
