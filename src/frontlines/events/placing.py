"""The event's own place: the place that hangs on its trigger, the clause that governs it, or the
place its words refer back to; never a statement's venue unless the act happens there (read by events.roles
and the stage)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.areas import contained
from frontlines.events.docindex import DocIndex
from frontlines.events.lexicon import COPULAS
from frontlines.events.purposes import place_in_purpose
from frontlines.events.tree import doc_tree
from frontlines.events.victims import victims_place
from frontlines.events.voice import headline_passive
from frontlines.geo.lexicon import FEATURE_HEADS, KIND_WORDS
from frontlines.geo.relative import NEAR_NOUNS
from frontlines.records import Place, PlaceKind, Precision

_PRECISION_RANK = {
    Precision.EXACT: 0, Precision.NEAR: 1, Precision.ADMIN2: 2, Precision.ADMIN1: 3,
    Precision.REGION: 4, Precision.COUNTRY: 5, None: 6,
}  # fmt: skip
_LOCATIVE = frozenset({"in", "near", "over", "at", "outside", "around", "inside", "across"})
# prepositions naming where a withdrawal goes ("pulled back across the river", "towards Uvira")
_WHITHER = frozenset({"across", "to", "towards", "toward", "into", "behind", "beyond"})
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "settlement", "district", "region", "province", "oblast"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})


def path_to(tok: Any, target: Any, limit: int = 6) -> list[Any] | None:
    """Tokens from ``tok`` up to ``target`` (exclusive), or None when ``target`` is not an ancestor."""
    head = doc_tree(tok.doc).head
    goal = target.i
    path: list[int] = []
    cur = tok.i
    for _ in range(limit):
        if cur == goal:
            break
        if head[cur] == cur:
            return None
        path.append(cur)
        cur = head[cur]
    if cur != goal:
        return None
    doc = tok.doc
    return [doc[i] for i in path]


# Nouns whose "of" names a place they are a part of ("the outskirts of Goma", "the town of Moura"),
# where an "of" after any other noun names an owner ("the embassies of Rwanda", "the people of Kenya").
_PART_NOUNS = _SETTLEMENT_WORDS | NEAR_NOUNS | frozenset("""
outskirt suburb approach approaches centre center heart part area side bank shore coast territory countryside
north south east west downtown streets
""".split()) | frozenset(KIND_WORDS)  # "the outskirts of Goma", "the province of Kivu"
# a town's buildings stand in it ("the airport of Goma"); a country's may stand abroad ("the embassy of Rwanda")
_TOWN_PART_NOUNS = _PART_NOUNS | FEATURE_HEADS


def _owned_by(path: list[Any], trigger: Any, country: bool = False) -> bool:
    """The path from a place to the trigger passes an "of" that names an owner, not a whole: the
    noun before "of" is neither the trigger ("the shelling of Kharkiv") nor a part of a place."""
    parts = _PART_NOUNS if country else _TOWN_PART_NOUNS
    for t in path:
        if t.dep_ == "pobj" and t.head.lower_ == "of":
            noun = t.head.head
            if noun.i != trigger.i and noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in parts:
                return True
    return False


def _located_in(tok: Any, place: Place) -> bool:
    """A possessive that names where its noun is ("Khartoum's international airport", "the city's
    outskirts"), not who owns or does it ("Russia's army"; a country's buildings may stand abroad)."""
    parts = _PART_NOUNS if place.kind == PlaceKind.COUNTRY else _TOWN_PART_NOUNS
    # a town owns nothing that stands elsewhere ("Zaporizhzhia's homes"); a capital may be its government
    return tok.dep_ == "poss" and (tok.head.lemma_.lower() in parts or (
        place.kind == PlaceKind.SETTLEMENT and not place.metonymic))


def _under_subject(tok: Any, trigger: Any) -> bool:
    """True when ``tok`` sits inside the subject of a verb ("officials in Kyiv urged")."""
    tree = doc_tree(tok.doc)
    head, dep = tree.head, tree.dep
    i, goal = tok.i, trigger.i
    for _ in range(8):
        if dep[i] in ("nsubj", "nsubjpass", "csubj", "poss") and head[i] != i:
            return True
        if head[i] == i or i == goal:
            return False
        i = head[i]
    return False


def _locative(root: Any) -> bool:
    """True when a place word is the object of a locative preposition ("in X", "the town of X")."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _LOCATIVE:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _SETTLEMENT_WORDS


# verbs whose subject undergoes what the object of their "under" names ("came under fire", "was under attack")
_UNDERGOING = COPULAS | {"come"}
# Triggers whose grammatical subject is what is taken, not who takes it ("Izium fell to ...").
_UNDERGOER_SUBJECT = frozenset({"fall"})
_QUANTIFIER_HEADS = frozenset({"one", "some", "first", "last", "among", "several", "many", "few"})


def _undergoer(tok: Any, trigger: Any, place_subject: bool = False) -> bool:
    """``tok`` is the trigger's own undergoer subject: a passive subject ("Izium was recaptured",
    "Djibo besieged"), or the subject of an unaccusative trigger ("Izium fell")."""
    if tok.head.i != trigger.i:
        return False
    return tok.dep_ == "nsubjpass" or (tok.dep_ == "nsubj" and (
        trigger.lemma_.lower() in _UNDERGOER_SUBJECT or headline_passive(trigger, place_subject)))


def _antecedents(trigger: Any) -> list[Any]:
    """Nouns a trigger in a relative or infinitival clause is predicated of: the noun the clause
    hangs on ("the town that fell", "cities to fall"), and the subject that noun is predicated of
    by a copula ("X was one of the cities to fall", "X was the only capital captured")."""
    gov = trigger.head
    if trigger.dep_ == "pobj" and gov.lower_ == "under" and gov.dep_ == "prep" and gov.head.lemma_.lower() in _UNDERGOING:
        # "Mala Tokmachka, in the Polohy district, came under 6 air strikes", "the town remained under
        # shelling": the subject of "come/be under" undergoes the act, as a passive's subject does
        return [c for c in gov.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ == "acomp" and gov.lemma_.lower() == "be":
        # a participle parsed as the copula's complement ("the prison was also overrun"): a passive whose
        # subject is what underwent it
        return [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ in ("advcl", "xcomp") and gov.lemma_.lower() in COPULAS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ) and any(c.dep_ == "attr" for c in gov.children):
        # the parser may hang "to fall" on the copula itself: "X was one of the last towns to fall"
        return [c for c in gov.children if c.dep_ == "nsubj"]
    if trigger.dep_ not in ("acl", "relcl") or trigger.head.pos_ not in _NOUN_POS:
        return []
    noun = trigger.head
    out = [noun]
    cur = noun
    # "one of the earliest cities": climb through "of" to the quantifier it is partitive of
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ in _QUANTIFIER_HEADS:
        cur = cur.head.head
    if cur.dep_ == "attr" and cur.head.lemma_.lower() in COPULAS:
        out.extend(c for c in cur.head.children if c.dep_ == "nsubj")
    return out


# Where something was said or met about, not where the event happened: a place under one of
# these (before the trigger is reached) is a venue ("said at a news conference in Brussels",
# "told the Security Council in New York", "speaking in Kyiv").
VENUE_NOUNS = frozenset("""
conference briefing summit session meeting talks forum interview speech address statement visit
hearing assembly gathering ceremony press news council
""".split())
SPEECH_VERBS = frozenset("""
say tell announce state speak declare claim report write post add note stress insist deny accuse
warn urge brief address testify comment explain confirm
""".split())
MEETING_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # events that happen at the venue
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})  # made where said
_SEAT_ACTS = STATEMENT_TYPES | {"SANCTION"}  # a seat of government as their subject is where they are made


def venue(root: Any, trigger: Any, above_trigger: set[int] | None = None) -> bool:
    """The place hangs on a speech verb or a venue noun that is not the trigger itself
    (``above_trigger``: the indices of the trigger's ancestors, when the caller has them)."""
    if above_trigger is None:
        above_trigger = {a.i for a in trigger.ancestors}
    doc = root.doc
    tree = doc_tree(doc)
    head, dep, pos, lower = tree.head, tree.dep, tree.pos, tree.lower
    goal = trigger.i
    cur = root.i
    for _ in range(8):
        if cur == goal:
            return False
        if (parent := head[cur]) == cur:
            return False
        joined = dep[cur] == "conj" and pos[cur] in ("VERB", "AUX")  # a clause of its own joined to its head
        cur = parent
        if cur == goal:
            return False
        tag = pos[cur]
        lemma = doc[cur].lemma_.lower() if tag in ("NOUN", "PROPN", "VERB") else ""  # read below for these only
        if lower[cur] == "according" and any(lower[c] == "to" for c in tree.children(cur)):
            return True  # "according to the Ministry of Health in Gaza": where the source is
        if (tag in ("NOUN", "PROPN") and lemma in VENUE_NOUNS) or (
                tag == "VERB" and lemma in SPEECH_VERBS and _has_speaker(doc[cur], trigger)):
            # "the ministry reports that ..., but fragments fell on the city": a clause joined to the saying
            # tells what happened there, it is not where the saying was
            return not (joined and tag == "VERB")
        if cur in above_trigger:
            return False  # "gunfire had been heard in Gondar, a resident said": the place is in the event's clause
    return False


def _has_speaker(verb: Any, trigger: Any) -> bool:
    """A speech verb with someone speaking: "officials said in Kyiv" has a venue; "clashes near
    Robotyne reported", "shelling was reported in Kharkiv" tell the event as reported (the subject,
    if any, is the event itself), where it happened."""
    tree = doc_tree(verb.doc)
    dep = tree.dep
    return any(dep[c] in ("nsubj", "agent") and c != trigger.i for c in tree.children(verb.i))


# acts between parties, whose object names the other party rather than where the act took place
_PARTY_ACTS = frozenset({"SANCTION", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "AID", "COOPERATE", "SUPPORT",
                         "CONCEDE", "CONSULT", "AGREE"})


# verbs that say a happening named by their subject happened ("talks took place", "fighting broke out")
_HAPPENING_VERBS = frozenset({"happen", "occur", "erupt", "unfold", "rage", "resume", "continue", "intensify", "spread"})


def _happening_host(trigger: Any) -> Any | None:
    """The verb an event noun is the subject of when that verb only says it happened ("*Talks* ... are
    taking place in Doha", "*fighting* broke out in Tripoli", "the *meeting* was held in Jeddah"): the
    verb's own place is the event's. None for a verb that tells an act of its own ("the attack killed")."""
    if trigger.pos_ not in _NOUN_POS or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = trigger.head
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma in _HAPPENING_VERBS or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in kids)) \
            or (lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in kids)) \
            or (lemma == "hold" and trigger.dep_ == "nsubjpass"):
        return verb
    return None


def _between_parties(root: Any, trigger: Any) -> bool:
    """A place named as one of the two sides of an act between parties ("talks between *Kinshasa* and the
    M23", "an agreement between Kyiv and Moscow"): a party, not where it happened."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "between" and tok.head.head.i == trigger.i


def _party_object(root: Any) -> bool:
    """A country named as what an act between parties is directed at or done with: the verb's object,
    or the object of "with", "against", "on", "to" ("broke with France", "imposed sanctions on Russia")."""
    if root.dep_ in ("dobj", "dative"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "on", "to", "from")


def measured_since(clause: Any) -> bool:
    """``clause`` is the "since" clause of a record ("the fighting is the worst *since a peace deal ended
    the war* in November"; "the deadliest attack since the army retook the town"): the point a superlative is
    measured from."""
    if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children):
        return False
    head = clause.head
    return any(c.dep_ in ("attr", "acomp") and (c.tag_ == "JJS" or c.lower_ in ("first", "last")) for c in head.children) \
        or head.tag_ == "JJS"


# words that say where a thing or a party was going ("tankers bound for Novorossiysk", "a convoy heading to Kherson")
_GOING = frozenset({"bound", "heading", "headed", "destined", "sailing", "travelling", "traveling", "route"})
_GOING_PREPS = frozenset({"for", "to", "towards", "toward"})


def _destination(root: Any) -> bool:
    """The place is where something in the sentence was going: the object of "for" or "to" after "bound",
    "heading", "destined" or "en route" (a conjunct of such an object too: "bound for Odesa and Izmail")."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _GOING_PREPS and tok.head.head.lower_ in _GOING


def _in_record_clause(root: Any, trigger: Any, above: set[int]) -> bool:
    tree = doc_tree(root.doc)
    head, dep = tree.head, tree.dep
    i, goal = root.i, trigger.i
    for _ in range(10):
        if i == goal or i in above or head[i] == i:
            return False
        if dep[i] == "advcl" and measured_since(root.doc[i]):  # (measured_since asks for a clause)
            return True
        i = head[i]
    return False


def choose_place(trigger: Any, index: DocIndex, sent: Any, plover: str | None = None) -> tuple[Place | None, float]:
    """The event's own place and how it was found (2: attached to the trigger, 1: in its sentence).

    Never a dateline's place; never a venue of a statement or meeting unless the event is the
    meeting itself; never a capital named for its government (metonymic)."""
    from frontlines.geo.context import came_from, in_dateline

    best: tuple[float, int, Place] | None = None
    eligible: list[tuple[float, int, Place]] = []
    joined: set[int] = set()  # places on a verb coordinated with the trigger (joined_act)
    own_locative = False  # a place hangs on the trigger by a locative preposition of its own phrase
    antecedents = _antecedents(trigger)
    host = _happening_host(trigger)
    means_of = _means_verb(trigger)
    above_trigger = index.above(trigger)  # for venue(), once for all the sentence's places
    where = _where_antecedent(trigger, index, sent) if index.last_where > sent.start else None
    if where is not None:
        # "Henry was in Nairobi on Friday, where he ... signed": the relative adverb's antecedent
        best = (2.8, -_PRECISION_RANK.get(where.precision, 6), where)
    for _, place, root in index.in_sentence("places", sent):
        if in_dateline(place) or place.kind == PlaceKind.CONTINENT:
            continue  # a continent is where nothing is coded ("the Heal Africa hospital"): the story's place is asked
        if plover in _SEAT_ACTS and place.kind in (PlaceKind.SETTLEMENT, PlaceKind.FACILITY) and (
                root.dep_ == "nsubj" and (root.head.i == trigger.i or root.head.i in above_trigger)):
            # the town or seat of government saying or deciding it ("Kyiv denies", "Beirut had asked", "the
            # Kremlin said", "Washington imposed sanctions on ...")
            if best is None or best[0] < 1.2:
                best = (1.2, 0, replace(place, metonymic=False, reason=f"the speaker's seat; {place.reason}"))
            continue
        if plover not in MEETING_TYPES and venue(root, trigger, above_trigger) and not (  # a statement's own
                plover in STATEMENT_TYPES and path_to(root, trigger) is not None):  # venue is its place
            continue
        if came_from(root, {trigger.i}):
            continue  # where the people it happened to come from
        if place_in_purpose(root, trigger):
            continue  # "mobilised reservists to fight in Ukraine": where the purpose lies, not where the act was done
        if _in_record_clause(root, trigger, above_trigger):
            continue  # "the worst since a peace deal ended the war in Tigray": where the record is measured from
        if _destination(root):
            continue  # "two tankers bound for Novorossiysk caught fire": where the thing was going, not where it was hit
        path = path_to(root, trigger)
        if path is None and host is not None and not place.metonymic and (
                (via := path_to(root, host)) is not None and not any(t.dep_ in ("nsubj", "poss", "agent") for t in via)):
            # "Talks ... are taking place in Doha", "fighting broke out in Tripoli": where the verb says it happens
            if best is None or (3.0, -_PRECISION_RANK.get(place.precision, 6)) > (best[0], best[1]):
                best = (3.0, -_PRECISION_RANK.get(place.precision, 6), place)
            eligible.append((3.0, -_PRECISION_RANK.get(place.precision, 6), place))
            continue
        if path is None and means_of is not None and not place.metonymic and (
                (via := path_to(root, means_of)) is not None and not any(t.dep_ in _DOER_DEPS for t in via)):
            # "in Bilozerske, two people were injured by a guided aerial bomb": the means is where its verb's act is
            score = 2.9 - 0.2 * len(via)
            rank = _PRECISION_RANK.get(place.precision, 6)
            eligible.append((score, -rank, place))
            if best is None or (score, -rank) > (best[0], best[1]):
                best = (score, -rank, place)
            continue
        if path is None and antecedents and not place.metonymic:
            # "Kherson was one of the cities to fall": the place the clause's noun is said of
            sub = next((q for q in (path_to(root, a) for a in antecedents) if q is not None), None)
            if sub is not None and not any(t.dep_ in ("poss", "agent") for t in sub):
                score = 2.8 - 0.2 * len(sub)
                rank = _PRECISION_RANK.get(place.precision, 6)
                if best is None or (score, -rank) > (best[0], best[1]):
                    best = (score, -rank, place)
                continue
        if place.metonymic and not (path is not None and _locative(root)):
            continue  # a capital for its government; but "over Mykolaiv" on the event's path is a place
        if plover in _PARTY_ACTS and (_party_object(root) and (
                place.kind == PlaceKind.COUNTRY or (plover in STATEMENT_TYPES and root.dep_ in ("dobj", "dative")))
                or _between_parties(root, trigger)):
            continue  # "broke with France", "sanctioned Russia", "accused Rwanda", "talks between Kinshasa and the M23"
        if path is not None:
            if any(t.dep_ in ("nsubj", "nsubjpass", "poss", "agent") and not _located_in(t, place) for t in path) and not (
                # "personnel and their families in Laukkai were relocated": a conjunct is as near as its head
                sum(t.dep_ != "conj" for t in path) <= 4 and not any(t.dep_ in ("poss", "agent") for t in path)
                and _undergoer(path[-1], trigger, sum(t.dep_ != "conj" for t in path) == 1
                                                 and place.kind in (PlaceKind.SETTLEMENT, None))
            ):
                continue  # the doer's home ("officials in Kyiv"), not where it happened
            # "attacked the embassies of Rwanda ... in Kinshasa": a place a thing belongs to is no
            # place of the event; it stays a place of its sentence
            # "shells fired from Congo killed five in Gisenyi": an attack happens where it lands,
            # not where it came from (a withdrawal "from Kherson" does happen there)
            origin = plover == "ASSAULT" and any(t.dep_ == "pobj" and t.head.lower_ == "from" for t in path)
            if plover == "RETREAT" and any(t.dep_ == "pobj" and t.head.lower_ in _WHITHER for t in path):
                continue  # "pulled its forces back across the Dnipro": where the movers went, not where they left
            # "a US drone strike in Somalia", "accepted the U.S. proposal ... in Jeddah": a country modifying a
            # noun says whose it is, a place only when the sentence names no other for it ("Yemen strikes")
            # so does a country as the label before a colon ("Israel: fighter jets struck the ports of Hodeidah")
            whose = bool(path) and place.kind == PlaceKind.COUNTRY and (path[0].dep_ in ("compound", "amod") or (
                path[0].dep_ == "dep" and path[0].i + 1 < len(path[0].doc) and path[0].nbor().text == ":"))
            score = 1.0 if origin or whose or _owned_by(path, trigger, place.kind == PlaceKind.COUNTRY) \
                else 3.0 - 0.2 * len(path)
            if joined_act(path):
                joined.add(id(place))  # "arrested at his home in Homa Bay ... and driven to Nairobi": the other verb's
            elif any(t.dep_ == "prep" and t.lower_ in _LOCATIVE for t in path):
                own_locative = True
        elif (_under_subject(above := root.head if _located_in(root, place) else root, trigger)
              and not victims_place(root, trigger)) or above.dep_ == "poss":
            # the doer's home (not the victims' place: "a man in Stepne died due to the shelling"); but
            # "Khartoum's airport", deep in a list of objects, is where it is
            continue
        elif any(t.i == trigger.i for t in root.ancestors):
            score = 1.5
        elif _in_other_act(root, trigger):
            continue  # "kept up strikes on the southern suburbs ... and hit targets in the Bekaa valley"
        else:
            score = 1.0
        if _heading(root, trigger, sent):
            score = min(score, HEADING_SCORE)  # below any other place of the sentence, kept when alone
        rank = _PRECISION_RANK.get(place.precision, 6)
        key = (score, -rank)
        eligible.append((score, -rank, place))
        if best is None or key > (best[0], best[1]):
            best = (score, -rank, place)
    if best is None:
        return None, 0.0
    if id(best[2]) in joined and own_locative:
        # the trigger's own "in", "at", "near" phrase names a place: a place of the verb joined to it is that act's
        best = max((e for e in eligible if id(e[2]) not in joined), key=lambda e: (e[0], e[1]), default=best)
    best = contained(best, eligible)
    return best[2], (2.0 if best[0] >= 2.0 else 1.0)


_DOER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


def joined_act(path: list[Any]) -> bool:
    """The path from a place up to the trigger passes a verb coordinated with it ("He was *arrested* at his home in
    Homa Bay ... and *driven* to Nairobi, where he died"): the place is where that other act was done, as near to
    the trigger's words as any place of its own, but not the trigger's while its own phrases name one."""
    return any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in path)


def _means_verb(trigger: Any) -> Any | None:
    """The verb an event noun is the means of ("were injured *by a guided aerial bomb*", "was hit *with a
    drone*"): its places are the act's. None for any other trigger."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in ("by", "with") or prep.dep_ not in ("agent", "prep"):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and verb.i != prep.i else None


HEADING_WORDS = 4  # at most this many words before the colon of a heading ("Kramatorsk district:")
HEADING_SCORE = 0.8


def _heading(root: Any, trigger: Any, sent: Any) -> bool:
    """The place is in a short heading that opens the sentence before a colon, naming the area the items after
    it lie in ("Kramatorsk district: in Kostiantynivka, a man was killed by a drone"): a place of the trigger's own
    clause beats it; alone, it stays the event's place ("Kharkiv: a drone hit a house")."""
    doc = root.doc
    lower = doc_tree(doc).lower  # (a token's lower form is ":" when its text is: no Token built per word)
    colon = next((k for k in range(sent.start, min(sent.end, trigger.i)) if lower[k] == ":"), None)
    return colon is not None and root.i < colon and sum(doc[k].is_alpha for k in range(sent.start, colon)) <= HEADING_WORDS


def _in_other_act(root: Any, trigger: Any) -> bool:
    """The place hangs on a verb coordinated with the trigger's (or with the verb the trigger noun is the
    object of), while the trigger's own words name what it was done to ("kept up *strikes on the southern
    suburbs*, and hit targets in the Bekaa valley"): the other verb's act is there, not the trigger's."""
    verb = trigger.head if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" else trigger
    if not any(c.dep_ in ("dobj", "prep") for c in trigger.children):
        return False
    return any(t.pos_ == "VERB" and t.dep_ == "conj" and t.head.i == verb.i for t in root.ancestors)


def _where_antecedent(trigger: Any, index: DocIndex, sent: Any) -> Place | None:
    """The place a relative "where" introducing the trigger's clause stands for: the nearest place
    named before it in the sentence, when "where" follows that place's phrase after a comma or
    directly ("in Nairobi on Friday, where ..."), as a relative adverb does; not a "where" that asks
    ("asked where the troops were")."""
    from frontlines.geo.context import in_dateline

    clause = trigger
    for _ in range(3):  # a noun trigger is told by its clause's verb ("where they signed an agreement")
        if clause.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or clause.head.i == clause.i:
            break
        clause = clause.head
    where = next((c for c in clause.children if c.lower_ == "where" and c.dep_ == "advmod" and c.i < clause.i), None)
    if where is None or where.i == sent.start or clause.dep_ not in ("relcl", "advcl", "acl"):
        return None
    before = [(p, root) for p, root in index.places
              if sent.start <= root.i < where.i and not in_dateline(p) and not p.metonymic and p.lat is not None]
    if not before:
        return None
    place, root = max(before, key=lambda e: e[1].i)
    between = root.doc[root.i + 1 : where.i]
    if not (len(between) == 0 or between[-1].text == ",") or where.i - root.i > 6:
        return None
    return place
