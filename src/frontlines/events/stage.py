"""The events stage: triggers -> typed events with roles, place, time,
quantities, status and attribution, over the shared Doc and the records of
the earlier stages.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from frontlines.events.attribution import (
    abbreviations_written_out,
    claim_or_report,
    information_holder,
    nation_of_armed_bodies,
    own_defences,
    Quoted,
    quote_attribution,
    reported_frame,
    speaker_is_source,
    speaker_named,
    speaker_side,
    speakers_own_acts,
)
from frontlines.events.denials import (
    blame_names_a_doer,
    claimed_doers,
    denied_accusations,
    denied_by_negation,
    dismissed_tellings,
)
from frontlines.events.own_statements import issuer_deeds, own_statement, release_reports, source_party
from frontlines.events.bulletins import merge_bulletins
from frontlines.events.coder import (
    Typing,
    claimed_responsibility,
    conflict_setting,
    sentence_cues,
    type_trigger,
)
from frontlines.events.at_home import bodies_without_ground, forces_at_home, officials_at_home, seat_of_power
from frontlines.events.context import inherit, more_of_the_same, post_starts, preceding_place
from frontlines.events.context_time import lead_day, referred_time, report_night, story_day, told_after
from frontlines.events.draft import Draft
from frontlines.events.barrages import also_means, barrage_means
from frontlines.events.datelines import said_where_filed
from frontlines.events.releases import release_place
from frontlines.events.generic import drop_sums_over_years
from frontlines.events.free_relatives import sayers_word
from frontlines.events.lexicon import lexicon_from
from frontlines.events.mentions import (
    drop_background_of_states,
    drop_late_non_events,
    drop_non_events,
    drop_references,
)
from frontlines.events.merge import attach_sentence_quantities, merge_in_sentence, merge_one_act_per_sentence
from frontlines.events.merge_across import headline_end, merge_across_sentences, merge_headline, merge_same_happening
from frontlines.events.parts import (
    merge_debris,
    merge_doers_told_again,
    merge_raid_told_on,
    merge_parts_of_attack,
    merge_victims_told_again,
)
from frontlines.events.described import merge_described_deeds
from frontlines.events.happenings import merge_retold_happenings
from frontlines.events.retellings import (
    merge_denied_retellings,
    merge_lead_retold,
    merge_named_tolls,
    merge_reported_retellings,
    merge_terms_of_own_kind,
)
from frontlines.events.tolls import merge_tolls
from frontlines.events.modifiers import drop_participant_descriptions
from frontlines.events.protests import (
    merge_crowd_control,
    merge_force_in_sentence,
    merge_interventions,
    merge_mob_in_sentence,
    police_force_at_protests,
    the_crowd_demonstrates,
)
from frontlines.events.doers import the_one_side, the_wars_other_side
from frontlines.events.occupiers import occupiers_of_the_land, the_enemy_in_the_land
from frontlines.events.officials import official_place
from frontlines.events.pronoun_doers import pronoun_from_sentence_before
from frontlines.events.own_forces import own_forces_nation, party_forces_side
from frontlines.events.sayers_deeds import sayers_own_deeds
from frontlines.events.sieve import Article as SieveArticle, features, sieve_from, sift
from frontlines.events.ranking import confidence, title_cues
from frontlines.events.realis import Realis, assess, settle_status
from frontlines.events.speakers import noun_phrase
from frontlines.events.roles import (
    agent_tokens,
    choose_quantities,
    find_actors,
)
from frontlines.events.placing import STATEMENT_TYPES, choose_place
from frontlines.events.evaluations import drop_evaluations_of_deeds_told
from frontlines.events.plans import drop_plan_contents
from frontlines.events.venues import drop_statement_venues
from frontlines.events.stance import (
    DEMAND_SPEC,
    armed_targets,
    order_to_another_party,
    THREAT_SPEC,
    crowd_violence,
    obligations,
    stance,
    threat_statement,
    violent_family,
)
from frontlines.events.takeover import (
    TERRITORIAL,
    control_place,
    control_typing,
    object_place,
    forces_abroad,
    release_takes_ground,
    territory_side,
    undergoer_place,
)
from frontlines.events.docindex import index_doc
from frontlines.events.judgements import (
    drop_judgements_of_deeds_told,
    drop_judgements_told_with_their_deeds,
    judgements_of_deeds_in_sentence,
)
from frontlines.events.tree import doc_tree
from frontlines.events.triggers import find_triggers
from frontlines.events.unnamed import named_later
from frontlines.events.warnings import drop_warnings_of_no_harm
from frontlines.events.when import choose_time, publication_time, rest_of_period
from frontlines.events.words import read_words
from frontlines.stages import PARAGRAPH_BREAK, Stage, StageInput, data_file, version_of
from frontlines.records import Event, EventStatus, Evidence, Place, Sector

NAME = "events.coder"
# the event lexicon; the actor registry (own statements); the places resolved for one span
DATA_FILES = (data_file("events"), data_file("actors"), data_file("places"))
VERSION = "644"  # v644: (lead) status10 v650-651 merged; v643: (lead) subtype11 v620-623 merged; v642: (lead) a finite verb after the clause it reports takes the noun phrase right before it as its subject (nlp.subjects): the trailing speaker is no target; v641: (lead) what an international body agrees has no ground: no place inherited from the story; v640: (lead) an order whose object is itself an act ("ordered the call-up of reservists to reinforce troops") orders that act, the infinitive is its purpose; a purpose under a report is none of its own whatever verb it hangs on; a call-up is in its mobiliser's nation first; v596: (lead) a hyphenated trigger key matches as the tokenizer splits it, and a two-word key its hyphenated compound; v595: (lead) an undergoer the parser hung on "be" brought in with an indefinite article sets a mention apart (events.happenings); v594: (lead) happen v600 merged; v593: (lead) geo12 v560 merged; v592: (lead) subtype10 v580-583 merged; v591: (lead) status9 v570-573 merged; v590: (lead) a two-word country name doing an act is the state itself; an international body's decision with no place of its own has none; v544: (lead) ucdp2 v520-523 merged; v523: (ucdp2) an unresolved pronoun doer keeps the occupied land's fire from the occupier rule; v522: (ucdp2) a nominal trigger heading a passive harm clause takes no doer from its victims; v521: (ucdp2) "the enemy" in an occupied land is the occupier when the story names none of its side; v520: (ucdp2) fire from afar on an occupied land with no hand named is the occupier's forces; a toll's place is the victims' place; geo v104; v471: (article2) a deed describing a copula's subject is its earlier telling; v470: a call-up told by the order that made it is one event; a call-up with no place is in its nation (docs/events-versions.md)

_ARMED_SECTORS = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})  # doers that can take ground
_TAKING = frozenset({"take", "territory"})  # triggers whose object may be the ground taken (events.takeover.object_place)


def extract_events(inp: StageInput) -> tuple[Event, ...]:
    """Events of one article (stage ``events.coder``)."""
    lex = lexicon_from(inp.resources)
    doc = inp.doc
    words = read_words(doc, lex.cue_words)
    doc_tree(doc, words.lower)  # the tree the rules walk, with the words just read
    index = index_doc(doc, inp.outputs, words)
    armed_at = frozenset(i for i, a in index.actor_at.items() if a.sector in _ARMED_SECTORS)
    quotes = [
        Quoted(q.evidence.start, q.evidence.end, (q.speaker.name if q.speaker else q.speaker_text),
               None if q.direct else reported_frame(doc, q))
        for q in inp.outputs.get("quotes", ())
        if ((q.speaker is not None and q.speaker.kind != "unnamed") or speaker_is_source(doc, q.speaker_evidence))
        and speaker_named(doc, q.speaker_evidence)
    ]
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(inp.article.text or doc.text)]
    drafts: list[Draft] = []
    claims: list[tuple[int, Any]] = []  # attacks told before that someone claims responsibility for
    # "must" is rare: find it once per document rather than once per sentence
    musts = [i for i, low in enumerate(words.lower) if low == "must"] if "must" in words.lower else []
    conflict_article: bool | None = None  # worked out at the first agreement word only
    judgements: list[Draft] = []  # condemnations of a deed their own sentence tells (convention 1)
    n_sents = 0
    for s_idx, sent in enumerate(doc.sents):
        n_sents += 1
        while musts and musts[0] < sent.start:
            musts.pop(0)
        triggers = find_triggers(sent, words, lex)
        threat = threat_statement(sent, words, lex, quotes)
        if threat is not None:
            triggers.append(threat)
        if musts and sent.start <= musts[0] < sent.end:
            triggers.extend(obligations(sent, musts, triggers))
        if not triggers:
            continue
        cues = sentence_cues(sent, words)
        paragraph = bisect.bisect_right(breaks, sent.start_char)
        sent_drafts = []
        states: list[Any] = []  # heads of triggers told as a state or a description ("has fought ... since 2021")
        taken: set[int] = set()
        for trig in triggers:
            seized: tuple[int, Place] | None = None  # a taken settlement the tagger read as a name of another kind
            doers = agent_tokens(trig.head)  # asked by the typing, the actors, the crowd and the claim
            if trig.spec is THREAT_SPEC:
                typing = Typing("THREATEN", "statement", None, None)
                realis = Realis(status=EventStatus.HAPPENED, frame=None, attributed_to=None, attributed_token=None)
            else:
                if trig.spec.refine == "agree" and conflict_article is None:
                    conflict_article = conflict_setting(doc, words, lex)
                seized = object_place(inp, trig.head, index) if trig.spec.refine in _TAKING else None
                typing = type_trigger(trig, cues, lex, doers=doers, conflict_article=bool(conflict_article),
                                      named_places=frozenset() if seized is None else frozenset({seized[0]}),
                                      armed_at=armed_at)
                if not typing.keep:
                    if trig.spec.plover == "ASSAULT" and claimed_responsibility(trig.head, lex.cues):
                        claims.append((s_idx, trig.head))  # "claimed responsibility for the attack"
                    continue
                realis = assess(trig.head, typing.plover, lex, sent, words)
                if realis.descriptive:
                    states.append(trig.head)
                    continue  # a purpose or a description, not an event
                if trig.spec is not DEMAND_SPEC:
                    typing = stance(typing, realis)
                typing, realis = order_to_another_party(typing, realis)
            realis = quote_attribution(trig, realis, quotes, typing.plover)
            realis = sayers_word(realis, doers)  # "hit by what Russian officials said were Ukrainian drones"
            sources, targets = find_actors(trig.head, index, doers=doers, lex=lex, plover=typing.plover,
                                           article_id=inp.article.id)
            if realis.attributed_token is not None and (speaker := index.actor_at.get(realis.attributed_token.i)):
                targets = tuple(a for a in targets if a is not speaker)  # who tells it is not what it was done to
            place, place_score = choose_place(trig.head, index, sent, typing.plover)
            place = named_later(place, index, sent) or place  # "in a village in eastern Ukraine": the one named next
            if place is None and seized is not None:
                place, place_score = seized[1], 2.0
            if place is None and (trig.spec.acled in TERRITORIAL or typing.plover == "ASSAULT"):
                place, place_score = undergoer_place(inp, trig.head, index,
                                                     attack=trig.spec.acled not in TERRITORIAL)
            # the official's town is inferred, not told: merges weigh it as a place given, not the event's own
            official = place is None and (place := official_place(trig.head, index, sent, typing.plover)) is not None
            time = choose_time(trig.head, index, sent, statement=typing.plover in STATEMENT_TYPES)
            quantities = choose_quantities(trig.head, index, sent, taken)
            typing = control_typing(typing, trig, place, place_score, lex)
            typing = territory_side(typing, trig.head, sources, place, lex, speaker=(
                index.actor_at.get(realis.attributed_token.i) if realis.attributed_token is not None else None))
            typing = violent_family(typing, lex)
            typing = crowd_violence(typing, doers, lex)
            typing = armed_targets(typing, targets, lex)
            sources = speaker_side(sources, trig.head, realis, index,
                                   territorial=typing.acled_sub in TERRITORIAL)
            realis = claim_or_report(realis, doers, sources, index, typing.plover, trig.head.pos_ in ("VERB", "AUX"),
                                     place, targets, trig.head)
            realis = information_holder(realis, inp.article.source)
            draft = Draft(
                sent_idx=s_idx, paragraph=paragraph, trigger=trig, typing=typing, realis=realis,
                sources=sources, targets=targets, place=place, place_score=place_score, time=time,
                quantities=quantities, confidence=0.0, sent=sent, inherited={"place"} if official else set(),
            )  # fmt: skip
            sent_drafts.append(draft)
        drop_non_events(sent_drafts, lex.cues)
        drop_plan_contents(sent_drafts)  # what a plan named by a noun is to do (v530)
        drop_statement_venues(sent_drafts, lex.speech)  # "told a cabinet meeting" (v534)
        drop_warnings_of_no_harm(sent_drafts)
        drop_judgements_of_deeds_told(sent_drafts, drafts)
        drop_evaluations_of_deeds_told(sent_drafts, drafts)  # "these attacks are a terrorist act" (v533)
        drop_sums_over_years(sent_drafts, inp.article.published)
        drop_background_of_states(sent_drafts, states)
        drop_participant_descriptions(sent_drafts)
        sent_drafts = [d for d in sent_drafts if not d.dropped]
        attach_sentence_quantities(sent_drafts, index, sent, taken)
        merge_in_sentence(sent_drafts)
        merge_one_act_per_sentence(sent_drafts)
        merge_terms_of_own_kind(sent_drafts)  # "signed the declaration, committing to ...": its terms (v411)
        merge_force_in_sentence(sent_drafts)
        merge_mob_in_sentence(sent_drafts)
        merge_debris(sent_drafts)
        judgements.extend(judgements_of_deeds_in_sentence(sent_drafts))
        drafts.extend(d for d in sent_drafts if not d.dropped)
    drop_judgements_told_with_their_deeds(judgements, drafts)
    drafts = [d for d in drafts if not d.dropped]
    head_end = headline_end(inp.article.text or doc.text, inp.article.title)
    merge_headline(drafts, head_end)
    merge_crowd_control(drafts)  # before the attacks told again can join the force as an attack
    merge_across_sentences(drafts)
    merge_same_happening(drafts)
    merge_lead_retold(drafts, head_end)  # the lead sums up what the body tells (v410)
    merge_reported_retellings(drafts)
    merge_denied_retellings(drafts)
    merge_parts_of_attack(drafts)
    merge_victims_told_again(drafts)
    merge_tolls(drafts)  # a toll told on its own is the attack's latest count (v400)
    merge_named_tolls(drafts)  # a sentence naming itself a toll counts an attack told before, however far (v412)
    merge_doers_told_again(drafts)
    merge_raid_told_on(drafts)
    merge_bulletins(drafts)
    merge_interventions(drafts)
    merge_retold_happenings(drafts)  # a later mention nothing sets apart is the happening told before (v600)
    kept = [d for d in drafts if not d.dropped]
    barrage_means(kept, lex)  # once the tellings of one attack are one draft
    also_means(kept, lex)
    more_of_the_same(kept)
    report_night(kept, index, breaks, inp.article.published, inp.article.id)
    referred_time(drafts, kept)
    inherit(kept, inp.article.published, index, breaks)
    told_after(kept, index, breaks, inp.article.published)
    story_day(kept, index, inp.article.published, breaks)
    lead_day(kept, index, inp.article.published, breaks)
    for d in kept:
        control_place(d, inp, index)
    seat_of_power(kept, index, inp.resources.gazetteer, inp.article.id)
    preceding_place(kept, index, breaks, post_starts(inp.article.text or doc.text))
    merge_described_deeds(kept)  # a deed describing a copula's subject, once places are known (v471)
    kept = [d for d in kept if not d.dropped]
    release_place(kept, index, doc, inp.article.source)
    own_defences(kept, index)
    nation_of_armed_bodies(kept, index)
    own_forces_nation(kept, index)
    sayers_own_deeds(kept, index)
    abbreviations_written_out(kept, index)
    speakers_own_acts(kept, index)
    claimed_doers(kept, claims, index, lex.cues["responsibility"].words)
    denied_accusations(kept, index, doc, lex.frames["denied"].words, words.lemma)
    dismissed_tellings(kept, index, doc, words.lemma)  # another's claim or report dismissed as untrue (v421)
    denied_by_negation(kept, index)  # "said its forces did not strike the hospital" answers the charge (v571)
    kept = [d for d in kept if not d.dropped]
    # the side whose own release this is, if any
    party = source_party(inp.article.source, inp.resources.actors, inp.resources.gazetteer)
    own_statement(kept, inp.article.source, party)
    issuer_deeds(kept, inp.article.source, party)  # a UN mission's or an aid agency's own deeds (v651)
    party_forces_side(kept, party)
    release_reports(kept, inp.article.source, inp.article.published)
    release_takes_ground(kept, party)
    forces_abroad(kept, lex)
    blame_names_a_doer(kept)
    said_where_filed(kept, index, doc)  # after every other rule that places an event (v440, v441)
    drop_late_non_events(kept)
    drop_references(kept)
    kept = [d for d in kept if not d.dropped]
    forces_at_home(kept)
    officials_at_home(kept)
    pronoun_from_sentence_before(kept, index)
    seat_of_power(kept, index, inp.resources.gazetteer, inp.article.id)  # again, for doers known only now (v510)
    bodies_without_ground(kept)  # an international body's decision is not where the story is (v590)
    if inp.resources.actors is not None:
        occupiers_of_the_land(kept, inp.resources.actors.opponent)
        the_enemy_in_the_land(kept, index.actor_at.values(), inp.resources.actors.opponent, inp.article.id)
    the_one_side(kept)
    if inp.resources.actors is not None:
        the_wars_other_side(kept, index.actor_at.values(), inp.resources.actors.other_side,
                            inp.resources.actors.opponent)
    police_force_at_protests(kept)  # once the doers are known
    the_crowd_demonstrates(kept)
    if not kept:
        return ()  # nor any stage's version to work out
    heads = {d.trigger.head.i: d.typing.plover for d in drafts}  # every trigger's head and its type
    title = title_cues(inp.article.title, lex)
    confidences = [confidence(d, heads, title) for d in kept]
    sieve = sieve_from(inp.resources)
    if sieve is not None:  # a structural keep/drop model injected (events.sieve); none by default
        sieve_article = SieveArticle(
            inp.article.published, n_sents, len(breaks) + 1, [(q.start, q.end) for q in quotes], heads, drafts,
            text_length=len(doc.text), dates=sorted(t.evidence.start for t in inp.outputs.get("times", ())),
            places=sorted(p.evidence.start for p in inp.outputs.get("places", ())), speech=lex.speech)
        rows = features(kept, sieve_article, confidences, doc)
        gone = sift(kept, rows, sieve, article_id=inp.article.id)
        if gone:
            _trace_sifted(doc, gone)
            confidences = [c for d, c in zip(kept, confidences) if not d.dropped]
            kept = [d for d in kept if not d.dropped]
    stages = _StageNames.of(inp.versions)
    return tuple(_finish(d, inp, c, stages) for d, c in zip(kept, confidences))


SIFTED = "frontlines.events.sifted"  # Doc.user_data key: the drafts the sieve dropped, with why


def _trace_sifted(doc: Any, gone: list[tuple[Draft, Any]]) -> None:
    """Keep the sieve's drops, each with its reason (the features that pulled it down most), on the parsed Doc."""
    store = getattr(doc, "user_data", None)
    if store is None:
        return
    store[SIFTED] = [{"trigger": d.trigger.head.text, "type": d.typing.plover, "status": d.realis.status.value,
                      "sentence": d.sent_idx, "probability": round(v.probability, 3), "reason": v.reason}
                     for d, v in gone]


@dataclass(frozen=True, slots=True)
class _StageNames:
    """Each stage an event may stand on, named with its version (the chain's, as worked out for the article)."""

    events: str
    actors: str
    places: str
    times: str
    quantities: str

    @classmethod
    def of(cls, versions: Mapping[str, str]) -> _StageNames:
        from frontlines.actors import STAGE as actors_stage
        from frontlines.geo import STAGE as places_stage
        from frontlines.quantities import STAGE as quantities_stage
        from frontlines.time import STAGE as times_stage

        def named(stage: Stage) -> str:
            return f"{stage.name}:{versions.get(stage.name) or stage.version}"

        return cls(events=f"{NAME}:{versions.get(NAME) or version_of(VERSION, DATA_FILES)}",  # `or`: hashed only when absent
                   actors=named(actors_stage), places=named(places_stage), times=named(times_stage),
                   quantities=named(quantities_stage))

    def behind(self, d: Draft) -> tuple[str, ...]:
        """The stages behind an event."""
        names = [self.events]
        for used, name in ((d.sources or d.targets, self.actors), (d.place is not None, self.places),
                           (d.time is not None and d.time.resolution.value != "default", self.times),
                           (d.quantities, self.quantities)):
            if used:
                names.append(name)
        return tuple(names)


def _finish(d: Draft, inp: StageInput, conf: float, stages: _StageNames) -> Event:
    sent = d.sent
    article_id = inp.article.id
    doc = inp.doc
    full = inp.article.text or doc.text  # doc.text rebuilds the string on every access
    start, end = sent.start_char, sent.end_char
    text = full[start:end]
    stripped = text.rstrip()
    end -= len(text) - len(stripped)
    lead = len(stripped) - len(stripped.lstrip())
    start += lead
    evidence = Evidence(article_id=article_id, start=start, end=end, text=stripped.lstrip())
    toks = sorted(d.trigger.tokens)
    t_start = doc[toks[0]].idx
    t_end = doc[toks[-1]].idx + len(doc[toks[-1]].text)
    trigger_text = full[t_start:t_end]
    time = d.time
    if time is None and inp.article.published is not None:
        time = publication_time(inp.article.published, article_id)
    attributed = d.realis.attributed_to
    status = settle_status(d.typing.plover, d.trigger.spec.plover, d.realis, d.trigger.head).status
    time = rest_of_period(time, status, inp.article.published)
    return Event(
        evidence=evidence,
        trigger=trigger_text,
        plover_type=d.typing.plover,
        plover_mode=d.typing.mode,
        acled_event_type=d.typing.acled_type,
        acled_sub_event_type=d.typing.acled_sub,
        sources=d.sources,
        targets=d.targets,
        place=d.place,
        time=time,
        quantities=d.quantities,
        # the type's own status; the ranking above read the sentence's framing (realis) as it was
        status=status,
        attributed_to=attributed,
        confidence=conf,
        trigger_evidence=Evidence(article_id=article_id, start=t_start, end=t_end, text=trigger_text),
        stages=stages.behind(d),
    )


__all__ = ["extract_events", "NAME", "VERSION", "noun_phrase"]
