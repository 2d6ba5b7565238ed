"""Find every mention of a person, force, government, group or outlet in a parsed article.

Sources of mentions, in order of trust:
1. registry aliases ("Sergei Shoigu", "Wagner Group", "Reuters"), longest match first;
2. spaCy PERSON / ORG entities that the registry does not know;
3. group nouns with their modifiers ("Russian soldiers", "the Kremlin's invasion forces",
   "Kyiv's troops", "collaborationist Ukrainian officials", "conscripts");
4. definite titles without a name ("the general", "the defense minister"), pronouns (he, she)
   and relative "who", resolved to an earlier mention or, for offices, the registry holder on the
   article's date.

Country, sector and side come from the registry first, then from role words (titles,
appositions such as "an adviser to President Zelensky"), demonyms, possessive seats of power
("Moscow's", "Kyiv's"; also Places marked metonymic by the geo stage) and side markers
("Russian-installed", "pro-Russian", "collaborationist").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from frontlines.actors.registry import ActorRegistry, RegistryEntry
from frontlines.records import Actor, Evidence, Sector
from frontlines.stages import doc_datelines

_PRONOUNS = frozenset({"he", "she"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those", "one", "some", "many", "several",
                   "most", "other", "its", "his", "her", "their", "our", "both"})
# Group nouns that mean an actor even with no modifier ("conscripts said", "officials said").
_BARE_OK = frozenset({
    "soldier", "troop", "troops", "conscript", "reservist", "mercenary", "invader", "occupier", "militant",
    "insurgent", "rebel", "separatist", "jihadist", "official", "authorities", "diplomat", "lawmaker",
    "collaborator", "police", "civilian", "villager", "refugee", "protester", "journalist", "blogger",
    "paratrooper", "serviceman", "servicemen", "gunman", "partisan", "prosecutor", "spokesman",
    "spokeswoman", "spokesperson", "defender", "fighter", "resident", "witness", "junta",
    # those named by what they do: the doers ACLED codes as rioters or unidentified armed groups
    "militiaman", "militiamen", "attacker", "assailant", "kidnapper", "abductor", "rioter", "looter", "mob",
})
# A state's bodies, an actor when the words present them as known ("the government said", "the army
# imposed a curfew"): the story's own state, its country read from the actors around them.
_THE_STATES = frozenset({"government", "army", "military", "regime", "navy", "ministry", "presidency", "cabinet"})
_NAME_BREAK = frozenset({",", ".", ";", ":", "(", ")", "“", "”", '"', "—", "–"})
_ORG_SECTOR_WORDS = (
    (("news", "times", "post", "journal", "tv", "television", "radio", "press", "agency", "gazette",
      "herald", "tribune", "daily", "media"), Sector.MEDIA),
    (("ministry", "government", "council", "parliament", "office", "department", "administration",
      "duma", "kremlin", "cabinet", "senate", "congress"), Sector.GOVERNMENT),
    (("army", "forces", "brigade", "regiment", "battalion", "command", "corps", "navy", "guard"), Sector.MILITARY),
    (("police", "service", "fsb", "sbu"), Sector.POLICE),
    (("church", "patriarchate", "diocese", "mosque"), Sector.RELIGIOUS),
)


@dataclass(slots=True)
class _Mention:
    start: int  # token indices, end exclusive
    end: int
    name: str
    kind: str
    country: str | None = None
    sector: Sector = Sector.UNKNOWN
    side: str | None = None
    role: str | None = None
    registry_id: str | None = None
    coref: str | None = None
    head: int = -1


def _from_entry(m: _Mention, entry: RegistryEntry) -> None:
    m.name = entry.name
    m.kind = "person" if entry.kind == "person" else entry.kind
    m.country = entry.country
    m.sector = entry.sector
    m.side = entry.side
    m.registry_id = entry.id
    if m.role is None:
        m.role = entry.role


class _Context:
    """Per-article working state: the doc, token texts and the registry."""

    def __init__(self, doc: Any, reg: ActorRegistry, places: tuple[Any, ...]) -> None:
        self.doc = doc
        self.reg = reg
        self.texts = [t.text.replace("’", "'") for t in doc]
        self.words = [t.lower() for t in self.texts]
        self.taken = [False] * len(doc)
        self.role_heads: set[int] = set()  # head nouns of a person's role phrase: not separate actors
        self.place_tok: set[int] = set()  # tokens of non-metonymic places: never people
        self.metonym_tok: dict[int, str] = {}  # token -> ISO3 of the government it stands for
        for place in places:
            span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
            if span is None:
                continue
            if getattr(place, "metonymic", False) and place.country:
                for t in span:
                    self.metonym_tok[t.i] = place.country
            else:
                self.place_tok.update(range(span.start, span.end))

    def country_word(self, i: int) -> str | None:
        """ISO3 for token i as a demonym, country or seat of power (metonymic place first)."""
        if i in self.metonym_tok:
            return self.metonym_tok[i]
        return self.reg.country_of(self.words[i])


def extract_mentions(doc: Any, reg: ActorRegistry, places: tuple[Any, ...], day: Any) -> list[_Mention]:
    """All actor mentions of ``doc`` as working records, in text order, with coreference filled in."""
    ctx = _Context(doc, reg, places)
    mentions: list[_Mention] = []
    _registry_mentions(ctx, mentions)
    _entity_mentions(ctx, mentions)
    _group_mentions(ctx, mentions)
    mentions.sort(key=lambda m: m.start)
    _title_mentions(ctx, mentions, day)
    _resolve(ctx, mentions)
    _pronoun_mentions(ctx, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def to_actors(doc: Any, article_id: str, mentions: list[_Mention]) -> tuple[Actor, ...]:
    """Turn working mentions into records with evidence spans."""
    out = []
    for m in mentions:
        span = doc[m.start : m.end]
        out.append(
            Actor(
                text=span.text,
                evidence=Evidence(article_id=article_id, start=span.start_char, end=span.end_char, text=span.text),
                name=m.name,
                kind=m.kind,
                country=m.country,
                sector=m.sector,
                side=m.side,
                role=m.role,
                registry_id=m.registry_id,
                coref=m.coref,
            )
        )
    return tuple(out)


# ---------------------------------------------------------------------------- sources of mentions

def _registry_mentions(ctx: _Context, out: list[_Mention]) -> None:
    reg, words, texts = ctx.reg, ctx.words, ctx.texts
    index = reg.alias_index
    i, n = 0, len(words)
    while i < n:
        if words[i] in index and not texts[i].islower():
            hit = reg.match_alias(words, texts, i)
            if hit is not None:
                length, entry_id = hit
                entry = reg.entries[entry_id]
                if entry.kind == "person" and any(t in ctx.place_tok for t in range(i, i + length)):
                    i += 1
                    continue
                m = _Mention(i, i + length, entry.name, entry.kind, head=i + length - 1)
                _from_entry(m, entry)
                if entry.kind == "person":
                    _person_roles(ctx, m)
                for t in range(i, i + length):
                    ctx.taken[t] = True
                out.append(m)
                i += length
                continue
        i += 1


def _entity_mentions(ctx: _Context, out: list[_Mention]) -> None:
    reg = ctx.reg
    for ent in ctx.doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG"):
            continue
        start, end = ent.start, ent.end
        # "General Sergey Surovikin": the title is a role, not part of the name
        while start < end - 1 and ctx.words[start] in reg.titles and ctx.texts[start][:1].isupper():
            start += 1
        while end > start and ctx.texts[end - 1] in ("'s", "'"):
            end -= 1
        if start >= end or any(ctx.taken[t] for t in range(start, end)):
            continue
        if any(t in ctx.place_tok or t in ctx.metonym_tok for t in range(start, end)):
            continue
        text = " ".join(ctx.texts[start:end])
        low = text.lower()
        if reg.country_of(low) or low in reg.platforms:
            continue  # "Kyiv" tagged PERSON, "Telegram" tagged ORG
        if _weapon_model(ctx, end) or low in reg.weapon_heads:
            continue  # "Iskander missiles", "a Bayraktar drone": a model, not a party; "Missiles" tagged PERSON
        if label == "PERSON":
            if end - start == 1 and low in reg.place_names and not _has_full_name(ctx, out, low, start):
                continue  # a town that NER took for a person ("Kherson was one of ...")
            m = _Mention(start, end, text, "person", head=end - 1)
            _person_roles(ctx, m)
        else:
            m = _Mention(start, end, text, "organisation", head=end - 1)
            for words, sector in _ORG_SECTOR_WORDS:
                if any(w in words for w in ctx.words[start:end]):
                    m.sector = sector
                    if sector is Sector.MEDIA:
                        m.kind = "outlet"
                    break
            m.country = _country_in(ctx, start, end)
            m.side = m.country
        for t in range(start, end):
            ctx.taken[t] = True
        out.append(m)


def _weapon_model(ctx: _Context, end: int) -> bool:
    """The name (not a registry party: those were taken before) modifies a weapon noun right after it."""
    last = ctx.doc[end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end and \
        last.head.lower_ in ctx.reg.weapon_heads


def _has_full_name(ctx: _Context, out: list[_Mention], surname: str, before: int) -> bool:
    return any(m.kind == "person" and m.start < before and ctx.words[m.end - 1] == surname for m in out)


def _group_mentions(ctx: _Context, out: list[_Mention]) -> None:
    reg, doc, words = ctx.reg, ctx.doc, ctx.words
    nouns = reg.group_nouns
    for tok in doc:
        i = tok.i
        if ctx.taken[i] or i in ctx.role_heads:
            continue
        word = words[i]
        if word == "media" and i > 0 and words[i - 1] == "social":
            continue
        sector = nouns.get(word)
        if sector is None:
            lemma = tok.lemma_.lower()
            sector = nouns.get(lemma)
            if sector is None:
                continue
        else:
            lemma = word
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start = tok.left_edge.i
        if start > i:
            start = i
        # no space, and no word of a dateline the parser hung on the noun ("NAIROBI, Aug 9 (Reuters) -
        # Ethiopia's military": where the report was filed is no part of who did or said anything)
        while start < i and (doc[start].is_space or _in_dateline(doc, start)):
            start += 1
        # modifiers to the left only: "the Kremlin's invasion forces"
        while start < i and (ctx.taken[start] and not _is_modifier_actor(ctx, start, i)):
            start += 1
        left = list(range(start, i))
        has_mod = any(doc[t].dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") for t in left)
        country, side, collab = _modifiers(ctx, left)
        # "Hayat Tahrir al-Sham fighters", "M23 rebels": a named group's members stand for its side
        inner = next((o for o in out if o.registry_id and start <= o.start and o.end <= i and (o.side or o.country)),
                     None)
        if inner is not None and country is None and side is None:
            # a non-state group's side is the group, and its country (where it fights) no state's side;
            # a group on a state's side ("DPR forces": RUS) keeps its country as the registry gives it
            side = inner.side
            state_side = inner.side is None or (len(inner.side) == 3 and inner.side.isupper())
            country = inner.country if state_side else None
            if inner.sector is Sector.REBEL:
                sector = Sector.REBEL
        # "officials in Kyiv", "troops from Russia"
        if country is None:
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            country = ctx.country_word(pobj.i)
        if not has_mod and country is None and lemma not in _BARE_OK and word not in _BARE_OK and not (
                lemma in _THE_STATES and start < i and words[start] == "the"):
            continue
        # a head noun inside a larger name ("Rapid Support Forces") was taken by the registry
        while left and words[left[0]] in _DETS:
            left.pop(0)
        while left and doc[left[0]].like_num:
            left.pop(0)
        while left and words[left[0]] in ("estimated", "about", "some", "around"):
            left.pop(0)
        m = _Mention(start, i + 1, "", "group", country=country, sector=sector, head=i)
        m.side = side or country
        if inner is not None and side == inner.side:
            m.registry_id = inner.registry_id  # the named group's members: no country borrowed from context
        if collab:
            m.side = "__occupier__"
        if country and side is None and not collab:
            entry_id = None
            if sector is Sector.MILITARY:
                entry_id = reg.state_forces.get(country)
            elif sector is Sector.GOVERNMENT and word in ("government", "authorities", "leadership", "regime"):
                entry_id = reg.state_governments.get(country)
            if entry_id is not None:
                entry = reg.entries[entry_id]
                m.name, m.registry_id = entry.name, entry.id
        if not m.name:
            m.name = " ".join(ctx.texts[t] for t in left + [i]).replace(" 's", "'s").replace(" - ", "-")
            if sector is Sector.MEDIA and word in ("channel", "account", "blogger"):
                m.kind = "unnamed"
        for t in range(start, i + 1):
            ctx.taken[t] = True
        out.append(m)


def _is_modifier_actor(ctx: _Context, t: int, head: int) -> bool:
    # a taken token left of a group noun that modifies it ("Wagner fighters") stays in the span
    return ctx.doc[t].head.i == head or ctx.doc[t].head.i in range(t, head + 1)


def _title_mentions(ctx: _Context, mentions: list[_Mention], day: Any) -> None:
    """"the general", "the defense minister": an earlier person with that role, or the holder."""
    reg, doc, words = ctx.reg, ctx.doc, ctx.words
    for tok in doc:
        i = tok.i
        if ctx.taken[i] or tok.pos_ not in ("NOUN", "PROPN") or words[i] not in reg.titles:
            continue
        if i in ctx.role_heads or any(c.dep_ == "appos" for c in tok.children):
            continue  # "Moscow's Defense Minister, Sergei Shoigu": the name carries it
        if i + 1 < len(doc) and (doc[i + 1].ent_type_ == "PERSON" or doc[i + 1].pos_ == "PROPN"):
            continue  # a title before a name: handled with the name
        start = tok.left_edge.i
        if start > i or words[start] not in ("the", "his", "her", "its", "their") and doc[start].dep_ != "poss":
            if not (start < i and ctx.country_word(start)):
                continue
        title = " ".join(w for w in words[start + 1 : i + 1] if w not in ("'s",))
        left = list(range(start, i))
        country, side, _ = _modifiers(ctx, left)
        title_words = [words[t] for t in range(start, i + 1) if words[t] not in _DETS and not ctx.country_word(t)]
        title = " ".join(w for w in title_words if w != "'s")
        m = _Mention(start, i + 1, title, "person", country=country, sector=reg.titles[words[i]], head=i)
        m.side = side or country
        m.role = " ".join(ctx.texts[t] for t in range(start, i + 1) if words[t] not in _DETS).replace(" 's", "'s")
        # an earlier person whose role holds this title
        antecedent = None
        for prev in reversed(mentions):
            if prev.start >= start:
                continue
            if prev.kind == "person" and prev.role and words[i] in prev.role.lower() and (
                country is None or prev.country in (None, country)
            ):
                antecedent = prev
                break
        if antecedent is not None:
            m.name, m.country, m.sector, m.side = antecedent.name, antecedent.country, antecedent.sector, antecedent.side
            m.registry_id = antecedent.registry_id
            m.coref = antecedent.coref or antecedent.name
        else:
            holder = reg.holder(title, country, day) if country else None
            if holder is None:
                continue  # "the general" with nobody to refer to: not an actor we can name
            _from_entry(m, holder)
        for t in range(start, i + 1):
            ctx.taken[t] = True
        mentions.append(m)
    mentions.sort(key=lambda m: m.start)


def _resolve(ctx: _Context, mentions: list[_Mention]) -> None:
    """Later mentions of a person point at the first full mention (by registry id or surname)."""
    first_by_id: dict[str, _Mention] = {}
    full_by_surname: dict[str, _Mention] = {}
    occupier = ctx.reg.opponent
    # unknown bare groups take the country of the nearest same-sector actor nearby; a non-state armed group
    # ("the rebels" near "M23") its side too: the country where such a group fights is no state's side it is on
    for m in mentions:
        if m.country is None and m.kind in ("group", "unnamed") and m.sector is not Sector.UNKNOWN and not m.registry_id:
            near = _context_actor(mentions, m, m.sector)
            m.country = near.country if near is not None else None
            if m.side is None:
                m.side = (near.side if near is not None else None) if m.sector is Sector.REBEL else m.country
    for m in mentions:
        if m.side == "__occupier__":
            m.side = occupier(m.country or _context_country(mentions, m, None))
        if m.kind != "person" or m.coref is not None:
            continue
        n_tokens = m.end - m.start
        surname = ctx.words[m.end - 1]
        if m.registry_id:
            first = first_by_id.get(m.registry_id)
            if first is not None:
                m.coref = first.name
                m.role = m.role or first.role
                continue
            first_by_id[m.registry_id] = m
        elif n_tokens == 1 and surname in full_by_surname:
            first = full_by_surname[surname]
            m.name, m.country, m.sector, m.side = first.name, first.country, first.sector, first.side
            m.role = m.role or first.role
            m.coref = first.name
            continue
        if n_tokens > 1:
            full_by_surname.setdefault(surname, m)


def _context_actor(mentions: list[_Mention], m: _Mention, sector: Sector | None) -> _Mention | None:
    """The nearest other mention with a country (of ``sector`` when given), within 40 tokens."""
    best: tuple[int, _Mention] | None = None
    for other in mentions:
        if other is m or other.country is None:
            continue
        if sector is not None and other.sector is not sector:
            continue
        distance = abs(other.start - m.start)
        if distance <= 40 and (best is None or distance < best[0]):
            best = (distance, other)
    return best[1] if best else None


def _context_country(mentions: list[_Mention], m: _Mention, sector: Sector | None) -> str | None:
    near = _context_actor(mentions, m, sector)
    return near.country if near is not None else None


def _pronoun_mentions(ctx: _Context, mentions: list[_Mention]) -> None:
    """he/she as subjects and relative "who": the nearest fitting earlier mention."""
    doc, words = ctx.doc, ctx.words
    people = [m for m in mentions if m.kind == "person"]
    by_token = {t: m for m in mentions for t in range(m.start, m.end)}
    for tok in doc:
        i = tok.i
        word = words[i]
        if word in _PRONOUNS:
            antecedent = None
            for p in reversed(people):
                if p.start < i:
                    antecedent = p
                    break
            if antecedent is None or i - antecedent.start > 400:
                continue
        elif word == "who" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            antecedent = by_token.get(tok.head.head.i)
            if antecedent is None:
                continue
        else:
            continue
        m = replace(antecedent, start=i, end=i + 1, head=i, coref=antecedent.coref or antecedent.name)
        mentions.append(m)


# ---------------------------------------------------------------------------- roles and modifiers

def _modifiers(ctx: _Context, toks: list[int]) -> tuple[str | None, str | None, bool]:
    """Country, side marker and collaboration flag found among modifier tokens."""
    reg, words = ctx.reg, ctx.words
    country = side = None
    collab = False
    n = len(ctx.words)
    for t in toks:
        w = words[t]
        if w in reg.collaboration_words:
            collab = True
            continue
        iso = ctx.country_word(t)
        if iso is None:
            # "pro-Russian" may come as one token
            if "-" in w:
                pre, _, rest = w.partition("-")
                if pre in reg.side_prefixes and reg.country_of(rest):
                    side = reg.country_of(rest)
                elif rest in reg.side_suffixes and reg.country_of(pre):
                    side = reg.country_of(pre)
                elif w in reg.collaboration_words:
                    collab = True
            continue
        # "pro - Russian", "Russian - installed"
        if t >= 2 and words[t - 1] == "-" and words[t - 2] in reg.side_prefixes:
            side = iso
            continue
        if t + 2 < n and words[t + 1] == "-" and words[t + 2] in reg.side_suffixes:
            side = iso
            continue
        if country is None:
            country = iso
    return country, side, collab


def _country_in(ctx: _Context, start: int, end: int) -> str | None:
    for t in range(start, end):
        iso = ctx.country_word(t)
        if iso:
            return iso
    return None


def _person_roles(ctx: _Context, m: _Mention) -> None:
    """Role words before the name, in an apposition after it, or in a title phrase before it."""
    reg, doc, words, texts = ctx.reg, ctx.doc, ctx.words, ctx.texts
    role_toks: list[int] = []
    all_toks: list[int] = []  # every role phrase: country and side may sit in any of them
    # 1. "Russian President Vladimir Putin", "General Sergey Surovikin", "Moscow's Defense Minister Shoigu"
    j = m.start - 1
    while j >= 0 and texts[j] not in _NAME_BREAK and (
        words[j] in reg.titles or ctx.country_word(j) or words[j] in ("'s", "-", "deputy", "acting", "former")
        or (texts[j][:1].isupper() and doc[j].dep_ in ("compound", "amod") and doc[j].head.i >= m.start)
        or words[j] in reg.side_suffixes
    ):
        j -= 1
    pre = list(range(j + 1, m.start))
    if pre and any(words[t] in reg.titles for t in pre):
        role_toks = pre
        all_toks += pre
    # 2. "the Russian-installed deputy governor of Kherson, Kirill Stremousov"
    if m.start >= 2 and texts[m.start - 1] == ",":
        top = doc[m.start - 2]
        for _ in range(6):
            if words[top.i] in reg.titles and top.pos_ in ("NOUN", "PROPN"):
                break
            if top.head.i == top.i or top.head.i >= m.start:
                top = None
                break
            top = top.head
        else:
            top = None
        if top is not None and m.start - 1 - top.left_edge.i <= 12:
            role_toks = role_toks or list(range(top.left_edge.i, m.start - 1))
            all_toks += list(range(top.left_edge.i, m.start - 1))
            ctx.role_heads.add(top.i)
    # 3. "Mykhailo Podolyak, an adviser to President Zelensky, said"
    if m.end + 1 < len(doc) and texts[m.end] == ",":
        k = m.end + 1
        stop = min(len(doc), k + 14)
        toks = []
        while k < stop and texts[k] not in _NAME_BREAK:
            toks.append(k)
            k += 1
        if toks and k < len(doc) and texts[k] in (",", ".", ";", "—", "–", ")") and any(
            words[t] in reg.titles for t in toks[:6]
        ) and doc[toks[0]].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            role_toks = role_toks or toks
            all_toks += toks
            ctx.role_heads.update(t for t in toks[:6] if words[t] in reg.titles)
    if not role_toks:
        return
    country, side, collab = _modifiers(ctx, all_toks)
    # "adviser to President Zelensky": a registry person in the role gives the country
    if country is None:
        for t in all_toks:
            hit = reg.match_alias(words, texts, t) if words[t] in reg.alias_index else None
            if hit is not None:
                entry = reg.entries[hit[1]]
                if entry.country and entry.sector is not Sector.MEDIA:
                    country = entry.country
                    break
    kept = [t for t in role_toks if not (words[t] in _DETS and t == role_toks[0])]
    while kept and (ctx.country_word(kept[0]) and doc[kept[0]].dep_ == "poss" or words[kept[0]] == "'s"):
        kept.pop(0)  # "Moscow's Defense Minister" -> "Defense Minister"
    if pre and role_toks is pre:
        while kept and ctx.country_word(kept[0]) and not (
            kept[0] + 1 < len(doc) and words[kept[0] + 1] == "-"
        ):
            kept.pop(0)  # "Russian President" -> "President"
    role = " ".join(texts[t] for t in kept).replace(" 's", "'s").replace(" - ", "-").replace("'s", "’s")
    m.role = role or m.role
    if m.registry_id is None:
        sector = Sector.UNKNOWN
        for t in all_toks:
            if words[t] in reg.titles:
                sector = reg.titles[words[t]]
                break
        m.sector = sector
        m.country = country
        m.side = side or country
        if collab:
            m.side = "__occupier__"
    elif side and m.side is None:
        m.side = side


def _in_dateline(doc: Any, i: int) -> bool:
    spans = doc_datelines(doc)
    return bool(spans) and any(a <= doc[i].idx < b for a, b in spans)
