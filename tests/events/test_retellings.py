"""events.retellings: a lead that sums up a deed the body tells again is that body event, and a speech act's
terms told as a mention of its own type are that act, a party's claim or a denial of a deed told before is
that deed (table tests with the cases that stay two)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.events.retellings import _below, merge_lead_retold
from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner, timev


@pytest.fixture(scope="module")
def run_wire(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "retellings", dt.date(2025, 11, 21))


# The lead's day is the report's ("officials said on Friday"); the body tells the strike with its own day.
LEAD_TOLL = ("KYIV, Nov 21 (Wire) - The death toll from a Russian missile strike on an apartment building in Rivne rose "
             "to 20, regional officials said on Friday.\n\nA Russian missile hit the nine-storey block in Rivne before "
             "dawn on Wednesday.")


def test_a_lead_summing_up_the_bodys_strike_is_that_strike(run_wire: RunArticle) -> None:
    strikes = [e for e in run_wire(LEAD_TOLL) if e.plover_type == "ASSAULT"]
    assert len(strikes) == 1, [(e.trigger, e.time) for e in strikes]
    assert strikes[0].time is not None and strikes[0].time.value == "2025-11-19"  # the body's day, not the report's


def test_a_lead_naming_ground_retaken_is_the_bodys_retaking(pipeline_resources: Resources) -> None:
    run = article_runner(pipeline_resources, "retellings-ground", dt.date(2023, 8, 9))
    text = ("ADDIS ABABA, Aug 9 (Reuters) - Ethiopia's military said on Wednesday it had driven fighters of the "
            "militia out of Gondar and several other towns.\n\nTwo residents of Gondar said soldiers had retaken "
            "the town on Tuesday evening without a fight.")
    taken = [e for e in run(text) if e.acled_sub_event_type == "Government regains territory"]
    assert len(taken) == 1, [(e.trigger, e.time) for e in taken]


# Two happenings: another town; a day told in the lead mention's own clause ("hit ... on Friday"); a body day more
# than REPORT_LAG_DAYS before the report's.
APART = [
    LEAD_TOLL.replace("building in Rivne", "building in Lutsk").replace("hit the nine-storey", "hit a nine-storey"),
    "KYIV, Nov 21 (Wire) - A Russian missile hit an apartment building in Rivne on Friday, regional officials "
    "said.\n\nA Russian missile hit a school in Rivne before dawn on Wednesday.",
    LEAD_TOLL.replace("hit the nine-storey block", "hit a school").replace("on Wednesday", "on 10 November"),
]


@pytest.mark.parametrize("text", APART, ids=["other-town", "own-day", "too-long-before"])
def test_a_lead_telling_another_happening_stays_apart(run_wire: RunArticle, text: str) -> None:
    strikes = [e for e in run_wire(text) if e.plover_type == "ASSAULT"]
    assert len(strikes) == 2, [(e.trigger, e.time) for e in strikes]


def test_no_drafts_no_lead() -> None:
    merge_lead_retold([], 0)  # an article with no mention at all: nothing to do, nothing raised


def test_an_agreements_terms_are_that_agreement(run_wire: RunArticle) -> None:
    text = "The council said it had agreed with the prime minister that the commander would be handed over to a neutral party."
    agreements = [e for e in run_wire(text) if e.plover_type == "AGREE"]
    assert len(agreements) == 1, [(e.trigger, e.status) for e in agreements]
    assert agreements[0].status.value != "planned"  # the act keeps its own telling


# (sentence, word below, governor, whether the word is the governor's terms)
BELOW = [
    ("The delegations signed a declaration, committing to protect civilians.", "committing", "signed", True),
    ("The council agreed that the commander would be handed over.", "handed", "agreed", True),
    ("The parties signed a deal that would hand over the port.", "hand", "signed", False),  # a relative clause
    ("Under a ceasefire brokered in September, the rebels agreed to disarm.", "ceasefire", "agreed", False),  # a setting
    ("The rebels agreed to disarm.", "agreed", "disarm", False),  # the governor is not below its own terms
]


@pytest.mark.parametrize(("text", "word", "governor", "expected"), BELOW,
                         ids=["participle", "that-clause", "relative", "setting", "upwards"])
def test_terms_hang_on_the_act_by_a_clause_it_takes(nlp: Any, text: str, word: str, governor: str,
                                                     expected: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    gov = next(t for t in doc if t.text == governor)
    assert _below(tok, gov) is expected, [(t.text, t.dep_, t.head.text) for t in doc]


# A sentence naming itself a toll, paragraphs after the attack it counts: the attack's latest count, not an event.
BEFORE_TOLL = ("On Friday, gunmen attacked the mosque of the village of Kobe during prayers, the ministry said.\n\n"
               "The army sent reinforcements to the area.\n\nSchools in the district were closed.\n\n")
NAMED_TOLLS = [("The toll in Kobe has risen to 11 killed.", 11), ("The death toll has risen to 31 killed.", 31)]


@pytest.mark.parametrize(("toll", "killed"), NAMED_TOLLS, ids=["toll-in-place", "death-toll"])
def test_a_sentence_naming_itself_a_toll_counts_the_attack(run_wire: RunArticle, toll: str, killed: int) -> None:
    attacks = [e for e in run_wire(BEFORE_TOLL + toll) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.quantities) for e in attacks]
    assert [q.value for q in attacks[0].quantities if q.kind == "killed"] == [killed]


@pytest.mark.parametrize("toll", [
    "Police said 11 people had been killed.",  # no toll named: too far for an unnamed count
    "The toll has risen to 11 killed by soldiers in Tera.",  # a doer of its own
], ids=["unnamed", "own-doer"])
def test_a_count_that_names_no_toll_stays_apart(run_wire: RunArticle, toll: str) -> None:
    attacks = [e for e in run_wire(BEFORE_TOLL + toll) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 2, [(e.trigger, e.quantities) for e in attacks]


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


# A party's claim of an attack already told is that attack (events v4); a telling
# with a day, a place or a means of its own, or a plain narrative sentence, stays its own event.
RETELLINGS = [
    ("Israeli warplanes struck Hezbollah targets in southern Lebanon overnight. "
     "Israel said its jets hit weapons depots.", (), 1),
    ("Gunmen stormed the hotel in the evening. Al-Shabaab said its fighters had stormed the hotel.", (), 1),
    # a day the first telling did not give
    ("Gunmen attacked a village in the north. Residents said gunmen shot dead two farmers on Friday.",
     (("Friday", "2022-11-04"),), 2),
    # a plain narrative sentence, or a witness's report, may tell a second happening of the same day
    ("Gunmen attacked a village in the north. Gunmen also shot dead two farmers.", (), 2),
    ("Gunmen attacked a village in the north. Residents said gunmen beat those who refused.", (), 2),
]


@pytest.mark.parametrize(("text", "days", "n"), RETELLINGS, ids=[r[0][:40] for r in RETELLINGS])
def test_a_reported_retelling_is_the_event_already_told(run_events, text, days, n) -> None:  # noqa: ANN001
    times = tuple(timev(text, needle, value) for needle, value in days)
    events = _assaults(run_events(text, times=times))
    assert len(events) == n, [(e.trigger, e.status.value) for e in events]


# A deed a party denies that the article has told before is that deed (events v151), and so is the
# denier's own version in a participle of saying; a day in the denial's clause is the denial's. A denied
# deed with a patient not presented as known, another day or another place of its own stays apart.
DENIED_AGAIN = [
    ("Missiles struck a market. The ministry denied that its forces had struck the market.", 1),
    ("Shortly before midnight on 2 July, an airstrike hit a detention centre in Tajoura. On 3 July, a rebel "
     "spokesman denied that its aircraft had targeted the centre, saying it had struck a nearby militia camp.", 1),
    ("Rebels said on Saturday that they had taken Bakhmut. Kyiv's spokesman denied that the city was taken.", 1),
    # a charge's content, another day or another place of its own
    ("Missiles struck a market in Kharkiv. The ministry denied that its forces had shelled villages.", 2),
    ("Missiles struck a market in Kharkiv on Monday. The ministry denied that its forces had struck the bridge "
     "on Friday.", 2),
    ("Drones struck a fuel depot in Kharkiv. The ministry denied that its forces had struck the port in Odesa.", 2),
]


@pytest.mark.parametrize(("text", "n"), DENIED_AGAIN, ids=[f"{t[0][:30]}-{t[1]}" for t in DENIED_AGAIN])
def test_a_denied_deed_told_before_is_that_deed(pipeline_resources: Any, text: str, n: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2019, 7, 4)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "ASSAULT"]
    assert len(events) == n, [(e.trigger, e.status.value, e.time and e.time.value) for e in events]


# A deed that reports called untrue tell, told before, is that deed (events v253): the denial joins it, which keeps
# its own day; told nowhere before, the reports' deed stays, denied.
def test_reports_called_false_of_a_deed_told_before_are_that_deed(run_events) -> None:
    text = ("Soldiers shot dead at least 21 civilians in Ngarbuh on Friday, witnesses said.\n\n"
            "On Monday, the communication minister described reports of a massacre as false.")
    events = _assaults(run_events(text, times=(timev(text, "Friday", "2020-02-14"), timev(text, "Monday",
                                                                                          "2020-02-17"))))
    assert len(events) == 1, [(e.trigger, e.status) for e in events]
    assert events[0].time is not None and events[0].time.value == "2020-02-14"


def test_reports_called_false_of_a_deed_told_nowhere_else_stay_denied(run_events) -> None:
    text = "The communication minister described reports of a massacre in Ngarbuh as false."
    events = _assaults(run_events(text))
    assert [e.status.value for e in events] == ["denied"], [(e.trigger, e.status) for e in events]


# Reports of a deed of a kind called false answer the nearest telling of that kind someone is named for (v572): the
# rights group's account is denied, still the group's, not a later line told in the article's own voice; with no
# telling anyone is named for, the nearest of the kind takes the denial, told in the article's voice, and stays.
REPORTS_ANSWERED = [
    ("Government troops killed at least 30 villagers in Kimbala on Monday, the rights group Civic Watch said. Gunmen "
     "went from house to house and shot residents, witnesses said. The information minister described reports of a "
     "massacre as false.", [("killed", "denied", "the rights group Civic Watch"), ("shot", "happened", None)]),
    # negative: nobody named for either telling: both stay as the article tells them
    ("Government troops killed at least 30 villagers in Kimbala on Monday. Gunmen went from house to house and shot "
     "residents. The information minister described reports of a massacre as false.",
     [("killed", "happened", None), ("shot", "happened", None)]),
]


@pytest.mark.parametrize(("text", "told"), REPORTS_ANSWERED, ids=["named", "own-voice"])
def test_reports_called_false_answer_the_telling_someone_is_named_for(pipeline_resources: Any, text: str,
                                                                     told: list) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 1, 9), source="Reuters"),
                             pipeline_resources).events
    assert [(e.trigger, e.status.value, e.attributed_to) for e in events if e.plover_type == "ASSAULT"] == told


# A denial that joins a deed told before (v253) makes another party's claim or someone's report of it denied, still
# attributed to its teller (events v420, corpus conventions 4 and 5); told in the article's own voice it stays.
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The rebels said they had captured the town on Saturday.\n\nThe government denied that the town was taken.",
         "denied"),
        ("Rebels captured the town on Saturday.\n\nThe government denied that the town was taken.", "happened"),
    ],
)
def test_a_claim_the_denial_answers_is_denied(run_events, text: str, status: str) -> None:
    events = _assaults(run_events(text))
    assert [e.status.value for e in events] == [status], [(e.trigger, e.status, e.attributed_to) for e in events]


def _area(name: str, kind: str, admin1: str | None, country: str = "SYR") -> Any:
    from frontlines.records import Evidence, Place, PlaceKind

    return Place(text=name, evidence=Evidence(article_id="t", start=0, end=len(name), text=name), name=name,
                 kind=PlaceKind(kind), admin1=admin1, country=country)


# A lead's region or district of the body town's first-order division is that town's wider area (v480); a region of
# another division or country, a town, or a region with no division known is not.
WIDER = [
    (("Golan Heights", "region", "Quneitra"), ("Majdal Shams", "settlement", "Quneitra"), True),
    (("Kupiansk district", "admin2", "Kharkiv"), ("Hroza", "settlement", "Kharkiv"), True),
    (("Golan Heights", "region", "Quneitra"), ("Daraa", "settlement", "Daraa"), False),
    (("Golan Heights", "region", None), ("Majdal Shams", "settlement", None), False),
    (("Kramatorsk", "settlement", "Donetsk"), ("Yarova", "settlement", "Donetsk"), False),
    (("Golan Heights", "region", "Quneitra"), ("Bekaa Valley", "region", "Quneitra"), False),
]


@pytest.mark.parametrize(("lead", "body", "wider"), WIDER, ids=[f"{w[0][0]}-{w[1][0]}" for w in WIDER])
def test_a_leads_region_of_the_towns_division_is_its_wider_area(lead: tuple, body: tuple, wider: bool) -> None:
    from frontlines.events.retellings import _wider_area

    assert _wider_area(_area(*lead), _area(*body)) is wider
    assert _wider_area(None, _area(*body)) is False
