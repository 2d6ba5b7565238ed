"""events.denials: a denial of something told is no event, refusing what is asked or offered is REJECT; a
denial answers another's claim or report; a party denying a part in a deed denies the attack others tell of it,
a claim of responsibility names the attack's doer, a blame names the doer of a deed told without one (table
tests with the cases that must stay as told)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.events.denials import answered_by_denial
from frontlines.events.realis import Realis
from frontlines.records import Actor, EventStatus, Sector
from tests.events.conftest import _ev, actor


# A party denying any part in a deed denies the attack that others tell of it (events v67); a denial of
# a claim as such names no deed, and an attack told as a fact, attributed to no one, stays as told.
DENIALS = [
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army denied involvement.",
     EventStatus.DENIED),
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army denied any "
     "connection to the strike.", EventStatus.DENIED),
    # the accused calling the report a lie denies what it told (corpus convention 4, fourteenth session; events
    # v421: dismissed_tellings), where before v421 a denial of a claim as such named no deed
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army rejected the "
     "claim as a lie.", EventStatus.DENIED),
    ("An Israeli airstrike hit the hospital on Tuesday. The Israeli army denied involvement.", EventStatus.HAPPENED),
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army did not deny "
     "involvement.", EventStatus.HAPPENED),
    # a denial answers an accusation told near it, not an attack told pages before
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. " + "Aid trucks waited at the "
     "crossing. " * 7 + "The Israeli army denied involvement.", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "status"), DENIALS, ids=[d[0][-40:] for d in DENIALS])
def test_a_denied_part_makes_the_accused_deed_denied(run_events, text: str, status: EventStatus) -> None:
    army = Actor(text="The Israeli army", evidence=_ev(text, "The Israeli army"), name="Israel Defense Forces",
                 country="ISR", sector=Sector.MILITARY, side="ISR")
    actors = (actor(text, "Israeli", "Israel Defense Forces", "ISR"), army,
              actor(text, "health ministry", "Gaza Health Ministry", "PSE", Sector.GOVERNMENT)) if "ministry" in text \
        else (actor(text, "Israeli", "Israel Defense Forces", "ISR"), army)
    events = {e.trigger: e for e in run_events(text, actors=actors)}
    assert "airstrike" in events, sorted(events)
    assert events["airstrike"].status == status


@pytest.mark.parametrize(
    ("text", "claimant", "doers"),
    [
        # a claim of responsibility for an attack told before names that attack's doer (v86)
        ("A car bomb killed 12 people in Mogadishu on Sunday. Al-Shabaab claimed responsibility for the attack.",
         "Al-Shabaab", ["Al-Shabaab"]),
        # negative: no one claiming it names no one
        ("A car bomb killed 12 people in Mogadishu on Sunday. No group claimed responsibility for the attack.",
         None, []),
    ],
)
def test_a_claim_of_responsibility_names_the_attack_s_doer(run_events, text: str, claimant, doers) -> None:  # noqa: ANN001
    actors = (actor(text, claimant, claimant, None, Sector.REBEL),) if claimant else ()
    [attack] = [e for e in run_events(text, actors=actors) if e.plover_type == "ASSAULT"]
    assert [a.name for a in attack.sources] == doers


# A blame naming the doer of a deed told just before with no doer is that deed's attribution, no
# accusation of its own (events v180); since v381 no blame of a deed told is an event; a blame with no deed told
# before it and a charge of its own stay.
BLAMES = [
    ("An airstrike hit the detention centre near Tripoli on Tuesday, killing 44 people. The government "
     "blamed the rebel army for the strike.", []),
    ("A car bomb exploded in Manbij on Monday, killing 20 farm workers. The defence ministry blamed the "
     "Kurdish-led forces.", []),
    ("A pilot was shot dead on Monday after landing in Alama. Police blamed the rebels, who denied "
     "involvement.", []),
    # blames of two parties naming different doers, and a blame of a deed told with its doer, are no events of
    # their own either (corpus convention 1, fourteenth session: events v381); the deed keeps its telling
    ("Four shells landed in the camp on Friday, killing 35 people. The rebels blamed the army. The government "
     "blamed the rebels.", []),
    ("Russian missiles hit the port on Tuesday, killing two people. Kyiv blamed Moscow.", []),
    # negative: no deed told before
    ("The opposition blamed the government for the economic crisis.", ["blamed"]),
    # negative: "accuse" names a charge of its own
    ("A car bomb exploded in Manbij on Monday, killing 20 farm workers. The ministry accused the Kurdish-led "
     "forces of terrorism.", ["accused"]),
]


@pytest.mark.parametrize(("text", "accusations"), BLAMES, ids=[b[0][-40:] for b in BLAMES])
def test_a_blame_names_the_doer_of_a_deed_told_without_one(run_events, text: str, accusations: list[str]) -> None:
    actors = (actor(text, "Russian", "Military Forces of Russia", "RUS"),) if "Russian" in text else ()
    events = run_events(text, actors=actors)
    assert any(e.plover_type == "ASSAULT" for e in events) or "crisis" in text
    assert [e.trigger for e in events if e.plover_type == "ACCUSE"] == accusations


# A party dismissing a telling named by a bare noun of assertion denies what that telling told before it (events
# v421, corpus conventions 4 and 5): another side's claim, or a report of a deed of the dismisser's own side. A noun
# with its content told ("the charge that ..."), the dismisser's own claim and a dismisser with no side leave it.
DISMISSALS = [
    ("Hamas said its fighters had seized the outpost on Saturday. The Israeli army called the claims false.",
     "seized", EventStatus.DENIED),
    ("Hamas said its fighters had seized the outpost on Saturday. The Israeli army dismissed the claim as a lie.",
     "seized", EventStatus.DENIED),
    ("The health ministry said Israeli jets bombed the market on Tuesday. The Israeli army rejected the accusation.",
     "bombed", EventStatus.DENIED),
    # negative: the noun tells its own content, no telling before
    ("The health ministry said Israeli jets bombed the market on Tuesday. The Israeli army rejected the charge "
     "that civilians were being singled out.", "bombed", EventStatus.HAPPENED),
    # negative: a report of another side's deed is not the dismisser's to deny
    ("The health ministry said Hamas fighters bombed the market on Tuesday. The Israeli army rejected the "
     "accusation.", "bombed", EventStatus.HAPPENED),
    # negative: its own side's claim
    ("The Israeli army said its troops had seized the outpost on Saturday. The Israeli military dismissed the "
     "claims as lies.", "seized", EventStatus.CLAIMED),
    # negative: not dismissed
    ("Hamas said its fighters had seized the outpost on Saturday. The Israeli army did not reject the claim.",
     "seized", EventStatus.CLAIMED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), DISMISSALS, ids=[d[0][-45:] for d in DISMISSALS])
def test_a_dismissed_telling_denies_what_it_told(run_events, text: str, trigger: str, status: EventStatus) -> None:
    actors = [actor(text, needle, name, country, sector) for needle, name, country, sector in (
        ("Hamas", "Hamas", "PSE", Sector.REBEL), ("health ministry", "Gaza Health Ministry", "PSE", Sector.GOVERNMENT),
        ("Israeli army", "Israel Defense Forces", "ISR", Sector.MILITARY),
        ("Israeli military", "Israel Defense Forces", "ISR", Sector.MILITARY)) if needle in text]
    if text.count("Israeli army") > 1:
        actors.append(Actor(text="Israeli army", evidence=_ev(text, "Israeli army", nth=1), name="Israel Defense Forces",
                            country="ISR", sector=Sector.MILITARY, side="ISR"))
    events = {e.trigger: e for e in run_events(text, actors=tuple(actors))}
    hits = [e for t, e in events.items() if t.startswith(trigger)]
    assert hits, sorted(events)
    assert hits[0].status == status, [(e.trigger, e.status, e.attributed_to) for e in events.values()]


DENIALS = [
    # (text, a REJECT event expected)
    ("The Kremlin dismissed the accusations.", False),
    ("Islamic Jihad rejected the claim as a lie.", False),
    ("Kyiv denies the city has fallen.", False),
    ("The spokesman rejected any suggestion that the region's status had changed.", False),
    ("The ministry rejected the report as biased.", False),
    ("The army said the school had reopened, a claim the diocese rejected.", False),
    ("Reports that the command surrendered are fabricated and are rejected.", False),
    # refusing what is asked or offered stays REJECT
    ("The rebels rejected the ceasefire proposal on Monday.", True),
    ("The government dismissed the demand for new elections.", True),
    ("Parliament rejected the bill on Tuesday.", True),
]


@pytest.mark.parametrize(("text", "reject"), DENIALS)
def test_a_denial_of_a_telling_is_no_event(run_events, text: str, reject: bool) -> None:
    events = run_events(text)
    assert ("REJECT" in {e.plover_type for e in events}) is reject, [(e.plover_type, e.trigger) for e in events]


def _realis(status: str, said: str | None) -> Realis:
    return Realis(status=EventStatus(status), frame=None, attributed_to=said, attributed_token=None)


# A deed told before that a denial answers (events v420, corpus conventions 4 and 5): another party's claim or
# someone's report is denied and keeps its teller; what the article tells in its own voice, a plan, and the
# denier's own telling keep their status.
ANSWERED = [
    # (the earlier telling's status, its teller, the denier, the status it ends with)
    ("claimed", "Yevgeny Prigozhin", "His spokesman", "denied"),
    ("happened", "Azerbaijan's Prosecutor General's Office", None, "denied"),
    ("happened", "Relief International", "The RSF", "denied"),
    # negative: the article's own voice
    ("happened", None, "Azerbaijan's defence ministry", "happened"),
    # negative: an announcement to come is no deed told
    ("announced", "the LNA", "an LNA spokesman", "announced"),
    # negative: the denier's own telling
    ("claimed", "the LNA", "an LNA spokesman", "claimed"),
]


@pytest.mark.parametrize(("status", "teller", "denier", "expected"), ANSWERED)
def test_a_denial_answers_another_s_claim_or_report(status: str, teller: str | None, denier: str | None,
                                                     expected: str) -> None:
    told = answered_by_denial(_realis(status, teller), _realis("denied", denier))
    assert told.status.value == expected
    assert told.attributed_to == teller


# A party saying its own side did not do a deed of the kind another teller charged it with denies the charge across
# the sentences between them, and the negation is no event of its own (v571: denied_by_negation).
NEGATIONS = [
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army said its forces "
     "did not strike the hospital.", EventStatus.DENIED, False),
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. Aid trucks waited at the crossing. "
     "The Israeli army said its forces did not strike the hospital.", EventStatus.DENIED, False),
    # negatives: a third party's negation, a deed the article tells in its own voice, a negation of another kind
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The UN said Israeli forces did not "
     "strike the hospital.", EventStatus.HAPPENED, True),
    ("An Israeli airstrike hit the hospital on Tuesday. The Israeli army said its forces did not strike the hospital.",
     EventStatus.HAPPENED, True),
    ("The health ministry said an Israeli airstrike hit the hospital on Tuesday. The Israeli army said its forces did "
     "not arrest anyone.", EventStatus.HAPPENED, True),
]


@pytest.mark.parametrize(("text", "status", "negation_kept"), NEGATIONS, ids=[n[0][-45:] for n in NEGATIONS])
def test_a_partys_negation_of_its_own_deed_denies_the_charge(pipeline_resources, text: str, status: EventStatus,  # noqa: ANN001
                                                             negation_kept: bool) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 1, 9), source="Reuters"),
                             pipeline_resources).events
    strike = next(e for e in events if e.trigger == "airstrike")
    assert strike.status is status, [(e.trigger, e.status, e.attributed_to) for e in events]
    if status is EventStatus.DENIED:
        assert strike.attributed_to == "The health ministry"  # the accuser's, never the denier's
    assert any(e.status is EventStatus.NEGATED for e in events) is negation_kept
