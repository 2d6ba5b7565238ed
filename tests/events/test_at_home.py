"""events.at_home: power is seized in the capital, a state's decision is taken at its capital, a state's own
forces and officials act at home."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from frontlines.records import Evidence, Sector
from tests.events.conftest import _at, triggered

def _real_gazetteer():  # noqa: ANN202
    """The project's gazetteer: the capitals the seat-of-power rule asks for, and every name the stage may look up."""
    from tests.geo.conftest import session_gazetteer

    return session_gazetteer()


_LASHIO = "Rebels captured the city of Lashio on Saturday.\n\n"
# (text, places as (words, country, kind), the event's first words, the place it takes (None: not the capital))
SEAT_CASES = [
    # a coup with no settlement of its own: the capital of the country the article's places lie in
    (_LASHIO + "The military seized power in a coup in February 2021.", (("Lashio", "MMR", "settlement"),),
     "The military", "Nay Pyi Taw"),
    # its sentence names the country: that country's capital
    ("Lashio fell on Saturday. Soldiers seized power in Mali in 2020.",
     (("Lashio", "MMR", "settlement"), ("Mali", "MLI", "country")), "Soldiers", "Bamako"),
    # a settlement of its own stays; ground or weapons seized are no seizure of power
    ("The Malian army seized power in Kati in 2020.", (("Kati", "MLI", "settlement"),), "The Malian", "Kati"),
    (_LASHIO + "The military seized the town of Hsenwi in February.",
     (("Lashio", "MMR", "settlement"), ("Hsenwi", "MMR", "settlement")), "The military", "Hsenwi"),
    (_LASHIO + "The army seized weapons and ammunition.", (("Lashio", "MMR", "settlement"),), "The army", "Lashio"),
]


@pytest.mark.parametrize(("text", "named", "starts", "expected"), SEAT_CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in SEAT_CASES])
def test_power_is_seized_in_the_capital(nlp, resources, text: str, named: tuple, starts: str,
                                        expected: str) -> None:

    from frontlines.events import extract_events
    from frontlines.pipeline import StageInput
    from frontlines.records import Article

    places = tuple(_at(text, words, country, kind) for words, country, kind in named)
    article = Article(id="t", text=text, published=dt.date(2024, 8, 4))
    inp = StageInput(nlp(text), article, replace(resources, gazetteer=_real_gazetteer()),
                     {"places": places, "times": (), "actors": (), "quotes": (), "quantities": ()})
    events = [e for e in extract_events(inp) if e.evidence.text.startswith(starts)]
    assert events
    assert events[0].place is not None and events[0].place.name == expected


_GOMA = "Rebels seized Goma on Monday.\n\n"
# (text, places as (words, country, kind), the doer's words and kind, the event's first words, the place it takes)
STATE_CASES = [
    # what a state decides or says with no settlement of its own is done at its capital
    (_GOMA + "Congo cut diplomatic ties with Rwanda on Saturday.", (("Goma", "COD", "settlement"),),
     ("Congo", "state", "government"), "Congo cut", "Kinshasa"),
    (_GOMA + "Congo accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),), ("Congo", "state", "government"),
     "Congo accused", "Kinshasa"),
    # not an armed group's words, nor what a state's forces do
    (_GOMA + "The M23 accused Rwanda of backing the army.", (("Goma", "COD", "settlement"),), ("The M23", "group", "rebel"),
     "The M23", None),
    (_GOMA + "Congo shelled the rebels' positions on Saturday.", (("Goma", "COD", "settlement"),), ("Congo", "state", "government"),
     "Congo shelled", "Goma"),
    # what a national government's body says, or a decree it issues, with no settlement of its own: at the capital
    (_GOMA + "The government accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The government", "group", "government"), "The government", "Kinshasa"),
    (_GOMA + "The government declared a state of emergency on Saturday.", (("Goma", "COD", "settlement"),),
     ("The government", "group", "government"), "The government", "Kinshasa"),
    # negatives: officials, not the government named as such; a provincial government's words or decree; a decree
    # for a town its sentence names
    (_GOMA + "Officials accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("Officials", "group", "government"), "Officials", None),
    (_GOMA + "The provincial government accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The provincial government", "group", "government"), "The provincial", None),
    (_GOMA + "The provincial government declared a state of emergency on Saturday.", (("Goma", "COD", "settlement"),),
     ("The provincial government", "group", "government"), "The provincial", "Goma"),
    # a ministry, a minister or a head of state of the nation says it at the capital too (v510)
    (_GOMA + "The Defence Ministry accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The Defence Ministry", "organisation", "government"), "The Defence", "Kinshasa"),
    (_GOMA + "President Tshisekedi accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("President Tshisekedi", "person", "government"), "President Tshisekedi", "Kinshasa"),
    # negatives: a division's ministry or governor, an armed body's spokesman
    (_GOMA + "The provincial ministry accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The provincial ministry", "organisation", "government"), "The provincial ministry", None),
    (_GOMA + "Governor Peter Cirimwami accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("Governor Peter Cirimwami", "person", "government"), "Governor Peter", None),
    (_GOMA + "The army spokesman accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The army spokesman", "person", "military"), "The army", None),
    (_GOMA + "The government declared a state of emergency in Uvira on Saturday.",
     (("Goma", "COD", "settlement"), ("Uvira", "COD", "settlement")), ("The government", "group", "government"), "The government",
     "Uvira"),
]


@pytest.mark.parametrize(("text", "named", "doer", "starts", "expected"), STATE_CASES,
                         ids=[f"{c[3]}-{c[4]}" for c in STATE_CASES])
def test_a_states_decision_is_taken_at_its_capital(nlp, resources, text: str, named: tuple, doer: tuple,
                                                   starts: str, expected: str | None) -> None:

    from frontlines.events import extract_events
    from frontlines.pipeline import StageInput
    from frontlines.records import Article
    from tests.events.conftest import actor

    places = tuple(_at(text, words, country, kind) for words, country, kind in named)
    words, kind, sector = doer
    start = text.index(words, len(_GOMA))
    who = replace(actor(text[start:], words, words, "COD", sector=Sector(sector)), kind=kind,
                  evidence=Evidence(article_id="t", start=start, end=start + len(words), text=words))
    article = Article(id="t", text=text, published=dt.date(2025, 1, 28))
    inp = StageInput(nlp(text), article, replace(resources, gazetteer=_real_gazetteer()),
                     {"places": places, "times": (), "actors": (who,), "quotes": (), "quantities": ()})
    events = [e for e in extract_events(inp) if e.evidence.text.startswith(starts)]
    assert events
    assert (events[0].place.name if events[0].place else None) == expected


# The state's own forces told with no nation act for the state whose land the event is in (events v135);
# soldiers alone, a change of hands and a force with a nation keep theirs.
HOME_FORCES = [
    ("Government forces killed at least 21 civilians in Ngarbuh, a village in Cameroon's North-West region.",
     "killed", "CMR"),
    # (a protest the police dispersed is the crowd's since v373, the police its actor 2: their arrest here)
    ("Police arrested twelve people in Dhaka on Friday.", "arrested", "BGD"),
    # no nation in the words and no state's word: may be a foreign army's
    ("Soldiers shelled a village near Kherson on Friday.", "shelled", None),
    # a force with its nation keeps it
    ("Russian forces shelled a village near Kherson on Friday.", "shelled", "RUS"),
]


@pytest.mark.parametrize(("text", "trigger", "side"), HOME_FORCES, ids=[h[0][:24] for h in HOME_FORCES])
def test_the_states_own_forces_act_at_home(pipeline_resources: Any, text: str, trigger: str, side: str | None) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 3, 4)), pipeline_resources).events
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None and hit.sources, [(e.trigger, e.sources) for e in events]
    assert hit.sources[0].side == side


# An official the words give an office but no nation holds it in the country the story is about (events
# v136); a story whose events lie in two countries as often gives none.
OFFICIALS = [
    ("Gunmen killed 37 people in Mafa, a village in Yobe state, on Sunday.\n\nGovernor Mai Mala Buni has called on "
     "residents to stay calm.", "NGA"),
    ("Gunmen killed 37 people in Mafa, a village in Yobe state, on Sunday. Shells hit Kramatorsk on Monday.\n\n"
     "Governor Mai Mala Buni has called on residents to stay calm.", None),
]


@pytest.mark.parametrize(("text", "side"), OFFICIALS, ids=["one-country", "two-countries"])
def test_an_official_holds_office_where_the_story_is(pipeline_resources: Any, text: str, side: str | None) -> None:
    _acts_for(pipeline_resources, text, "called", side)


def _acts_for(resources: Any, text: str, trigger: str, side: str | None) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 9, 3)), resources).events
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None and hit.sources, [(e.trigger, e.sources) for e in events]
    assert hit.sources[0].side == side


def test_a_government_body_with_no_nation_is_the_storys(pipeline_resources: Any) -> None:
    """"The government" and "the authorities" of a story about one country are that country's (events v137)."""
    text = ("Police shot dead six protesters in Dhaka on Thursday, witnesses said.\n\n"
            "The authorities arrested 30 opposition activists on Friday.")
    _acts_for(pipeline_resources, text, "arrested", "BGD")


def test_the_army_named_as_known_is_the_storys(pipeline_resources: Any) -> None:
    """"The army" of a story about one country is that country's (events v138); soldiers alone are not."""
    text = ("Fighting erupted in Khartoum on Saturday between rival forces, residents said.\n\n"
            "The army imposed a curfew at midnight on Sunday.")
    _acts_for(pipeline_resources, text, "imposed", "SDN")


def _who(text: str, sector: Sector, country: str | None = "RUS", role: str | None = None, kind: str = "person"):  # noqa: ANN202
    from frontlines.records import Actor

    return Actor(text=text, evidence=Evidence(article_id="t", start=0, end=len(text), text=text), name=text,
                 kind=kind, country=country, sector=sector, role=role)


# (actor, a national office whose words are said at the capital)
NATIONAL_OFFICES = [
    (_who("Russia's Defence Ministry", Sector.GOVERNMENT, kind="organisation"), True),
    (_who("Sergei Shoigu", Sector.GOVERNMENT, role="Defence Minister"), True),
    (_who("William Ruto", Sector.GOVERNMENT, "KEN", role="President"), True),
    (_who("the Kremlin", Sector.GOVERNMENT, kind="organisation"), True),
    # negatives: no nation; a division's office; officials and spokesmen; an armed body; a person with no office
    (_who("the Defence Ministry", Sector.GOVERNMENT, None, kind="organisation"), False),
    (_who("Vyacheslav Gladkov", Sector.GOVERNMENT, role="regional governor"), False),
    (_who("the state ministry of health", Sector.GOVERNMENT, "NGA", kind="organisation"), False),
    (_who("officials", Sector.GOVERNMENT, kind="group"), False),
    (_who("a spokesman", Sector.GOVERNMENT, role="spokesman"), False),
    (_who("the commander-in-chief", Sector.MILITARY, "UKR", role="commander-in-chief"), False),
    (_who("Ivan Petrov", Sector.GOVERNMENT), False),
]


@pytest.mark.parametrize(("who", "expected"), NATIONAL_OFFICES, ids=[c[0].text for c in NATIONAL_OFFICES])
def test_a_national_office_speaks_from_the_capital(who: Any, expected: bool) -> None:
    from frontlines.events.at_home import national_office

    assert national_office(who) is expected



# (text, places as (words, country, kind), actors as (words, country), the call-up's place (None: no place))
CALL_UP_CASES = [
    # the mobilising state's country, not the sentence before's town
    ("Police in Russia detained 1,300 people at protests. Fighting went on in Bakhmut. "
     "The mobilisation announced by Vladimir Putin drew protests.",
     (("Russia", "RUS", "country"), ("Bakhmut", "UKR", "settlement")), (("Vladimir Putin", "RUS"),), "Russia"),
    # no state named: the country of the people it mobilises
    ("Russia has lost ground near Bakhmut. Ordinary Russian citizens would begin to be drafted.",
     (("Russia", "RUS", "country"), ("Bakhmut", "UKR", "settlement")), (("Russian citizens", "RUS"),), "Russia"),
    # the mobilising state's nation before the one the mobilised were given from the land they are sent to
    ("Police in Russia detained 1,300 people. Putin ordered the call-up of reservists to reinforce troops in Ukraine.",
     (("Russia", "RUS", "country"), ("Ukraine", "UKR", "country")), (("Putin", "RUS"), ("reservists", "UKR")),
     "Russia"),
    # negative: no doer's nation: the mobilised people's
    ("Police in Russia detained 1,300 people. Reservists from Ukraine were called up to reinforce troops.",
     (("Russia", "RUS", "country"), ("Ukraine", "UKR", "country")), (("Reservists", "UKR"),), "Ukraine"),
    # negative: its nation is known but never named as a place: no place, not the town before
    ("Fighting went on in Bakhmut. The Kremlin announced that Russian men would be drafted.",
     (("Bakhmut", "UKR", "settlement"),), (("Russian men", "RUS"),), None),
    # negative: no nation known: the story's place, as for any deed with no place of its own
    ("Fighting went on in Bakhmut. The army announced that more men would be drafted.",
     (("Bakhmut", "UKR", "settlement"),), (), "Bakhmut"),
]


@pytest.mark.parametrize(("text", "named", "actors", "expected"), CALL_UP_CASES,
                         ids=[str(c[3]) + "-" + c[0][:20] for c in CALL_UP_CASES])
def test_a_call_up_happens_in_its_nation(run_events, text: str, named: tuple, actors: tuple,
                                         expected: str | None) -> None:
    """events.at_home.call_up_home, through the stage (context.preceding_place asks it)."""
    from tests.events.conftest import actor

    places = tuple(_at(text, words, country, kind) for words, country, kind in named)
    people = tuple(actor(text, words, words, country, Sector.CIVILIAN) for words, country in actors)
    calls = [e for e in run_events(text, places=places, actors=people) if e.plover_type == "MOBILIZE"]
    assert calls, text
    got = calls[-1].place.name if calls[-1].place is not None else None
    assert got == expected, [(e.trigger, e.place) for e in calls]


# An international body's decision with no place of its own has none, not the town the story named before (v590);
# a state's is at its capital, a body's with its own place keeps it, and an act done on the ground keeps the story's.
_KHARKIV = "Russian forces launched an attack on Kharkiv on Monday.\n\n"
BODIES = [
    (_KHARKIV + "The European Union sanctioned three Iranian generals on Tuesday.", "sanctioned", None),
    (_KHARKIV + "The United States imposed sanctions on Iran on Tuesday.", "sanctions", "Washington"),
    (_KHARKIV + "The European Union sanctioned two Russian banks in Brussels on Friday.", "sanctioned", "Brussels"),
    (_KHARKIV + "Russian troops shelled the outskirts on Tuesday.", "shelled", "Kharkiv"),
    # what a body agrees has no ground either; parties with no body among them keep the story's place
    (_KHARKIV + "EU foreign ministers agreed on Tuesday to prepare new sanctions against Moscow.", "agreed", None),
    (_KHARKIV + "The warring parties agreed to a local truce on Tuesday.", "agreed", "Kharkiv"),
]


@pytest.mark.parametrize(("text", "trigger", "where"), BODIES, ids=[b[0][len(_KHARKIV):][:28] for b in BODIES])
def test_an_international_bodys_decision_is_not_where_the_story_is(pipeline_resources: Any, text: str, trigger: str,
                                                                   where: str | None) -> None:
    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2023, 7, 17), source=None)
    assert (hit.place.name if hit.place else None) == where, hit.place


@pytest.mark.parametrize(("text", "expected"), [
    # a capital the country record spells without its accents ("Yaounde", "Bogota") is flagged all the same (geo v109),
    # so a state's decision with no place of its own is at its capital, not at the town of the sentence before
    ("Separatists attacked a school in Kumba on Saturday. Cameroon's government accused the separatists of the attack.",
     "Yaoundé"),
    ("ELN rebels bombed a police academy in Cali on Thursday. Colombia's government accused the ELN of the attack.",
     "Bogotá"),
    # negative: a decision whose sentence names its own place keeps it
    ("Separatists attacked a school in Kumba on Saturday. Cameroon's government imposed a curfew in Buea on Sunday.",
     "Buea"),
])
def test_a_capital_spelled_with_accents_is_the_seat_of_power(pipeline_resources: Any, text: str, expected: str) -> None:
    trigger = "accused" if "accused" in text else "imposed"
    hit = triggered(pipeline_resources, text, trigger, published=dt.date(2024, 9, 3), source=None)
    assert hit.place is not None and hit.place.name == expected, hit.place
