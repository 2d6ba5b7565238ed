"""events.victims: a place on the harmed subject of a harm verb is where the event happened."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.events.victims import harmed_in, victims_place


@pytest.mark.parametrize(
    ("text", "place", "trigger", "expected"),
    [
        ("A man in Stepne died due to the shelling of the village.", "Stepne", "shelling", True),
        ("Two residents of Kurakhove were killed in the shelling.", "Kurakhove", "shelling", True),
        # negatives: the subject does the deed ("officials in Kyiv condemned"), "killed" in the active voice
        # (its subject is the killer), a place that is not on the subject
        ("Officials in Kyiv condemned the shelling of the city.", "Kyiv", "shelling", False),
        ("Troops in Belgorod killed two people in the shelling.", "Belgorod", "shelling", False),
        ("A man died due to the shelling of Stepne.", "Stepne", "shelling", False),
        # a toll counts the harmed, whatever its verb; a subject that is no toll keeps the doer's-home reading
        ("Death toll in Gorlovka rises to 3, injured to 11.", "Gorlovka", "injured", True),
        ("The death toll in Kramatorsk rose to five after the shelling.", "Kramatorsk", "shelling", True),
        ("Troops in Gorlovka rose to fight, two were injured.", "Gorlovka", "injured", False),
        ("Death toll rises to 3 as officials in Gorlovka report more injured.", "Gorlovka", "injured", False),
    ],
)
def test_victims_place(nlp: Any, text: str, place: str, trigger: str, expected: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == place)
    trig = next(t for t in doc if t.text == trigger)
    assert victims_place(tok, trig) is expected, [(t.text, t.dep_, t.head.text) for t in doc]


def test_the_victims_place_is_the_events_place(pipeline_resources: Any) -> None:
    import datetime as dt

    from tests.events.conftest import article_runner

    run = article_runner(pipeline_resources, "victims", dt.date(2022, 9, 3))
    events = run("A man in Stepne in the Volnovakha district died due to the shelling of the Armed Forces of Ukraine.")
    assert [e.place.name for e in events if e.place is not None][:1] == ["Stepne"]


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Twenty soldiers were killed in Taliban attacks.", "attacks", ["soldiers"]),
        ("Two soldiers died in the raid.", "raid", ["soldiers"]),
        ("Three guards were wounded during the attack.", "attack", ["guards"]),
        # negatives: "killed" in the active voice (its subject is the killer), no harm verb, no setting preposition
        ("Soldiers killed two men in the raid.", "raid", []),
        ("Soldiers were seen in the raid.", "raid", []),
        ("Two soldiers were killed after the raid.", "raid", []),
    ],
)
def test_harmed_in(nlp: Any, text: str, noun: str, expected: list[str]) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    assert [t.text for t in harmed_in(tok)] == expected


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # (v580) a person named in apposition as one of an armed side is a combatant: the attack is a clash
        ("Gunmen killed Musa Ibrahim, a militia commander, in Gao on Monday.", "Armed clash"),
        ("Gunmen killed Musa Ibrahim, a senior member of Hamas, in Gao on Monday.", "Armed clash"),
        # negatives: an apposition naming no armed side, or one that only describes the person's past with soldiers
        ("Gunmen killed Musa Ibrahim, a teacher, in Gao on Monday.", "Attack"),
        ("Gunmen killed Musa Ibrahim, a farmer who had fled the soldiers, in Gao on Monday.", "Attack"),
        ("Gunmen killed Musa Ibrahim, a spokesman for the Red Cross, in Gao on Monday.", "Attack"),
        ("Gunmen killed Musa Ibrahim in Gao on Monday.", "Attack"),
    ],
)
def test_a_person_named_as_a_combatant(pipeline_resources: Any, text: str, sub: str) -> None:
    import datetime as dt

    from tests.events.conftest import article_runner

    events = article_runner(pipeline_resources, "t", dt.date(2024, 5, 1))(text)  # the actors stage knows Hamas
    killed = [e for e in events if e.trigger.startswith("killed")]
    assert killed, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert killed[0].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in events]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # (v582) a date "on" the verb is no victim: an armed force attacking with no target named fights the other side
        ("Russian troops attacked near Kupiansk on Sunday.", "Armed clash"),
        ("Russian troops attacked the village of Kupiansk on Sunday.", "Attack"),  # negative: a target named
        # (v582) an object the actors stage knows as an armed group is an armed opponent
        ("Al-Shabaab attacked the SDF near Raqqa on Monday.", "Armed clash"),
        ("Al-Shabaab attacked the Fulani near Mopti on Monday.", "Attack"),  # negative: a people, no armed group
    ],
)
def test_an_attacks_victims_by_roles(pipeline_resources: Any, text: str, sub: str) -> None:
    import datetime as dt

    from tests.events.conftest import article_runner

    events = article_runner(pipeline_resources, "t", dt.date(2024, 5, 1))(text)
    attacked = [e for e in events if e.trigger.startswith("attacked")]
    assert attacked, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert attacked[0].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in events]

