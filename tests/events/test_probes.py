"""Probes: short sentences and headlines written from the ACLED codebook's sub-event definitions and the
PLOVER codebook's types, across many wars, none taken from a corpus file (issue 15: typing that holds on
text nobody tuned to). Only the probes a rule fixed and the negative cases guarding them are kept here."""

from __future__ import annotations

import pytest

from tests.events.conftest import top

CASES = [
    # (text, PLOVER type, ACLED sub-type): the main event of the sentence
    # a harm whose subject is the fighting is the fighting's (ACLED: an armed clash, whoever died in it)
    ("Fighting in Omdurman killed dozens of civilians.", "ASSAULT", "Armed clash"),
    ("Heavy fighting killed at least 20 people in El Fasher on Friday.", "ASSAULT", "Armed clash"),
    ("The clashes killed 12 soldiers and four militants in North Waziristan.", "ASSAULT", "Armed clash"),
    # negative: an attack's harm stays the attack's; gunmen killing villagers stay an attack
    ("The attack killed 20 civilians in Beni territory.", "ASSAULT", "Attack"),
    ("Gunmen killed 30 villagers in an attack on Yirgou.", "ASSAULT", "Attack"),
    # destruction by a mob or rioters is the riot (ACLED: mob violence), not looting by an armed party
    ("A mob set fire to a mosque in Lahore after rumours of blasphemy.", "ASSAULT", "Mob violence"),
    ("Rioters set fire to government buildings in Bamako.", "ASSAULT", "Mob violence"),
    ("An angry crowd burned alive a man accused of witchcraft in Kasai.", "ASSAULT", "Mob violence"),
    # negative: soldiers and fighters burning and looting stay property destruction; demonstrators, a riot
    ("Soldiers burned down houses in a village in Sagaing Region.", "COERCE", "Looting/property destruction"),
    ("Fighters looted the market in Nyala and burned shops.", "COERCE", "Looting/property destruction"),
    ("Demonstrators ransacked the offices of the electoral commission in Kinshasa.", "PROTEST",
     "Violent demonstration"),
    # a storming that harms people is an attack (ACLED: ground is taken only when control is told); a storm
    # of an armed post is a clash; protesters storming a building riot
    ("RSF fighters stormed a village, killing 100.", "ASSAULT", "Attack"),
    ("Al-Shabaab fighters stormed a hotel in Mogadishu, killing 12.", "ASSAULT", "Attack"),
    ("Islamist fighters stormed an army base in Boulkessi, killing 17 soldiers.", "ASSAULT", "Armed clash"),
    ("Protesters storm parliament in Nairobi", "PROTEST", "Violent demonstration"),
    # negative: a storming with no harm told, and control told, stay the taking of ground
    ("Rebels stormed the town of Masisi and took control of it.", "ASSAULT", "Non-state actor overtakes territory"),
    # a gathering broken up took place: the protest, with intervention
    ("Police broke up a protest in Kampala.", "PROTEST", "Protest with intervention"),
    ("Police used batons to break up a protest by opposition supporters in Kampala.", "PROTEST",
     "Protest with intervention"),
    # a hyphenated cue the tagger splits ("tear-gas", "baton-charged") is still named
    ("Police fired tear-gas at protesters in Nairobi.", "PROTEST", "Protest with intervention"),
    # ground retaken that the tagger read as an organisation's name ("Bentiu", ORG): no one retakes a body
    ("Government forces recaptured Bentiu from rebels.", "ASSAULT", "Government regains territory"),
    ("The army recaptured the town of Bentiu from rebels.", "ASSAULT", "Government regains territory"),
    # what a copula says an attack was aimed at is its target: an armed post makes it a clash (events v103)
    ("The General Staff of the Armed Forces informs the public that on Sunday 1 June, at around 5 a.m., the "
     "Tessit military post, in the Gao sector, was the target of a complex attack by armed terrorist groups.",
     "ASSAULT", "Armed clash"),
    # negative: a market aimed at stays an attack on civilians
    ("The market was the target of an attack by gunmen on Sunday.", "ASSAULT", "Attack"),
    # people taken away are abducted (ACLED: abduction/forced disappearance), a raid that takes them too (events v104)
    ("M23 members raided the hospital at dawn, taking away patients they suspected of being soldiers.", "ASSAULT",
     "Abduction/forced disappearance"),
    ("Three worshippers were killed and 38 were taken away, the state government said.", "ASSAULT",
     "Abduction/forced disappearance"),
    # negative: a protest with no force named stays peaceful
    ("Hundreds of farmers marched peacefully through Bamako to demand lower fuel prices.", "PROTEST",
     "Peaceful protest"),
]

NO_EVENT = [
    # (text, trigger): negative, things taken away are no people taken
    ("Rescuers took away the bodies of the victims.", "took away"),
    # (text, trigger): negative, an agreement broken is no agreement made
    ("The rebels broke the ceasefire in Bunia.", "ceasefire"),
    ("The two sides broke the truce on Monday.", "truce"),
]


@pytest.mark.parametrize(("text", "plover", "acled"), CASES)
def test_probe_type(run_events, text: str, plover: str, acled: str | None) -> None:
    event = top(run_events(text))
    assert event is not None, text
    assert (event.plover_type, event.acled_sub_event_type) == (plover, acled)


@pytest.mark.parametrize(("text", "trigger"), NO_EVENT)
def test_probe_no_event(run_events, text: str, trigger: str) -> None:
    assert all(not e.trigger.startswith(trigger) for e in run_events(text)), [e.trigger for e in run_events(text)]
