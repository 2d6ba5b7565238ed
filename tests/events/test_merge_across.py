"""events.merge_across: one happening told in two sentences is one event: a definite mention told again, a
casualty clause or a toll of the attack before it, a later mention of one place and day, captives after
their raid, a headline over the body (table tests with the cases that must stay apart)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontlines.events.merge_across import headline_end
from tests.events.conftest import place, timev


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


def test_a_lead_that_sums_up_the_body_is_the_body_event(run_events) -> None:
    text = ("The death toll from yesterday's strike on the market has risen to nine. "
            "Two missiles hit the market at noon on Saturday.")
    events = _assaults(run_events(text, times=(timev(text, "yesterday", "2022-11-08"),
                                                timev(text, "noon on Saturday", "2022-11-08"))))
    assert len(events) == 1 and events[0].evidence.text.startswith("Two missiles"), [e.trigger for e in events]


def test_a_lead_told_in_full_keeps_the_event(run_events) -> None:
    text = ("The agency condemned the attack carried out by a gang on Thursday in the town. "
            "Gang members attacked residents at dawn.")
    events = _assaults(run_events(text, times=(timev(text, "Thursday", "2022-11-03"),)))
    assert len(events) == 1 and events[0].trigger.startswith("attack carried") or events[0].trigger == "attack", \
        [e.trigger for e in events]


def test_a_definite_mention_of_another_day_stays_apart(run_events) -> None:
    text = ("Missiles struck the port on Wednesday. "
            "Officials called it retaliation for Monday's attack on the bridge.")
    events = _assaults(run_events(text, times=(timev(text, "Wednesday", "2022-11-09"),
                                                timev(text, "Monday", "2022-11-07"))))
    assert len(events) == 2, [e.trigger for e in events]


def test_a_casualty_clause_is_the_toll_of_the_attack_before_it(run_events) -> None:
    text = ("Shells landed in the camp on Friday morning, where thousands who fled the fighting live. "
            "According to local officials, at least 20 people were killed.")
    events = _assaults(run_events(text))
    shells = next(e for e in events if e.trigger == "Shells")
    assert any(q.kind == "killed" for q in shells.quantities), [(e.trigger, e.quantities) for e in events]
    assert not any(e.trigger == "killed" for e in events)


def test_a_casualty_clause_with_its_own_attack_stays_its_own(run_events) -> None:
    text = "Shells landed in the camp on Friday. On Sunday, gunmen killed three farmers near the river."
    assert len(_assaults(run_events(text))) == 2


def test_a_headline_is_the_body_event_it_tells(run_events) -> None:
    title = "Air strike on village gathering must be investigated"
    text = title + "\n\nThe military's air strike on the village on Tuesday killed at least 100 people."
    events = _assaults(run_events(text, title=title))
    assert len(events) == 1 and not events[0].evidence.text.startswith("Air strike"), [e.trigger for e in events]


def test_a_headline_event_the_body_does_not_tell_stays(run_events) -> None:
    # negative cases: a body without an attack keeps the headline's; a text not opening with its title merges nothing
    title = "Air strike on village gathering must be investigated"
    text = title + "\n\nThe rights group called for an independent inquiry on Tuesday."
    assert len(_assaults(run_events(text, title=title))) == 1
    text = "Residents buried the dead on Wednesday.\n\nThe military's air strike on the village killed 100 people."
    assert len(_assaults(run_events(text, title=title))) == 1


def test_headline_end() -> None:
    assert headline_end("Kyiv says   fighting goes on\n\nBody.", "Kyiv says fighting goes on") == 28
    assert headline_end("Body first. Kyiv says fighting goes on", "Kyiv says fighting goes on") == 0
    assert headline_end("Anything", None) == 0
    # with no title, a first line standing alone over the body, with no sentence-ending stop, is the headline
    assert headline_end("Russian attack on Mykolaiv kills one\n\nA missile hit the city.", None) == 36
    # negative cases: a first paragraph that is a sentence, of several lines, or with no body under it
    assert headline_end("A missile hit Mykolaiv overnight.\n\nThe mayor said one person died.", None) == 0
    assert headline_end('Russia says "we will respond"\n\nThe ministry spoke on Monday.', None) == 0
    assert headline_end("Kyiv under fire\nUpdated at noon\n\nA missile hit the city.", None) == 0
    assert headline_end("Russian attack on Mykolaiv kills one", None) == 0


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # an untitled text whose first line is its headline: the headline's attack is the body's
        ("Russian attack on Mykolaiv kills one\n\nA Russian missile hit a residential area of Mykolaiv overnight, "
         "killing one person, the mayor said.", 1),
        # negative case: a first paragraph that is a sentence of its own tells its own attack
        ("Russian forces shelled Kherson on Monday.\n\nA Russian missile hit a residential area of Mykolaiv "
         "overnight, killing one person.", 2),
    ],
)
def test_an_untitled_first_line_is_the_headline(run_events, text: str, count: int) -> None:
    points = {"Kherson": (46.64, 32.61), "Mykolaiv": (46.97, 32.0)}
    places = tuple(place(text, k, lat=lat, lon=lon) for k, (lat, lon) in points.items() if k in text)
    events = _assaults(run_events(text, places=places))
    assert len(events) == count, [e.trigger for e in events]


def test_a_note_toll_without_a_doer_is_the_attack_before_it(run_events) -> None:
    """Events v32: "Three civilians injured." is a passive as notes write it; the victims are no doers."""
    text = "On 30 August 2024, Russian aircraft dropped guided aerial bombs on Myrnohrad. Three civilians injured."
    events = _assaults(run_events(text))
    assert len(events) == 1 and not any(a.name == "civilians" for e in events for a in e.sources), \
        [(e.trigger, e.sources) for e in events]


def test_a_toll_far_below_updates_the_counted_attack(run_events) -> None:
    # a live blog: the update is a paragraph of its own, and an interception told between has no count
    text = ("09:00 - US strikes on the port killed 58 people.\n\n"
            "11:00 - A missile fired at Tel Aviv was intercepted.\n\n"
            "14:00 - Update: the death toll from the port rises to 74, with 171 injured.")
    events = _assaults(run_events(text))
    counted = [e for e in events if any(q.kind == "killed" for q in e.quantities)]
    assert len(counted) == 1 and counted[0].trigger.startswith("strikes"), [(e.trigger, e.quantities) for e in events]
    assert not any(e.evidence.text.startswith("Update") for e in events), [e.evidence.text for e in events]


def test_a_casualty_clause_far_below_without_a_toll_stays_apart(run_events) -> None:
    # negative: without "toll" a count told paragraphs later is not tied to a far attack
    text = ("09:00 - US strikes on the port killed 58 people.\n\n"
            "11:00 - Sirens sounded in the north.\n\n"
            "14:00 - In another town, three people were killed.")
    events = _assaults(run_events(text))
    assert len(events) == 2, [e.trigger for e in events]


def test_a_threat_is_no_later_telling_of_a_strike(run_events) -> None:
    text = ("The deadliest single strike of the campaign hit the port on Thursday. "
            "The group said attacks on shipping will continue.")
    events = [e for e in run_events(text, times=(timev(text, "Thursday", "2025-04-17"),))
              if e.plover_type in ("ASSAULT", "THREATEN")]
    # the attacks said to come are the group's stated threat (PLOVER THREATEN, events v263), the strike an ASSAULT
    assert sorted(e.plover_type for e in events) == ["ASSAULT", "THREATEN"], [(e.trigger, e.status) for e in events]


def test_a_bare_explosion_is_the_blast_whose_means_the_paragraph_names(run_events) -> None:
    text = ("An explosion tore through a market in the town on Sunday. At least 18 people died in the blast, "
            "police said. A suicide bomber detonated explosives strapped to her body, a witness said.")
    events = _assaults(run_events(text, places=(place(text, "town", lat=11.8, lon=13.15),),
                                  times=(timev(text, "Sunday", "2024-03-03"),)))
    assert len(events) == 1 and events[0].acled_sub_event_type == "Suicide bomb", \
        [(e.trigger, e.acled_sub_event_type) for e in events]


def test_an_explosion_in_another_town_stays_apart(run_events) -> None:
    # negative: two named places are two happenings, whatever the means
    text = "An explosion hit a market in Maiduguri on Sunday. Militants shelled Monguno on Sunday."
    events = _assaults(run_events(text, places=(place(text, "Maiduguri", lat=11.85, lon=13.16),
                                                place(text, "Monguno", lat=12.67, lon=13.61)),
                                  times=(timev(text, "Sunday", "2024-03-03"),)))
    assert len(events) == 2, [(e.trigger, e.place) for e in events]


def _two_places(text: str, first: str, second: str) -> tuple:
    """Places for the first occurrence of ``first`` and the last occurrence of ``second`` (one town told twice)."""
    a = place(text, first, lat=40.68, lon=46.36)
    start = text.rindex(second)
    b = replace(a, text=second, name=second, evidence=replace(a.evidence, start=start, end=start + len(second),
                                                              text=second))
    if second != first:
        b = replace(b, lat=41.2, lon=47.1)
    return a, b


# events v190: a mention that the setting leaves with no ACLED sub-type (here a drug market makes the blasts
# a crime setting's) and one typed by its means, at one named place and day, are one happening
UNTYPED = [
    ("Strong explosions were heard near the drug market in Lysa overnight. "
     "A missile hit a residential building in Lysa, officials said.", "Lysa", "Lysa", 1),
    # another named place: two happenings
    ("Strong explosions were heard near the drug market in Lysa overnight. "
     "A missile hit a residential building in Dobra, officials said.", "Lysa", "Dobra", 2),
]


@pytest.mark.parametrize(("text", "first", "second", "n"), UNTYPED)
def test_an_untyped_mention_joins_the_typed_one_of_its_place(run_events, text: str, first: str, second: str,
                                                               n: int) -> None:
    events = _assaults(run_events(text, places=_two_places(text, first, second)))
    assert len(events) == n, [(e.trigger, e.acled_sub_event_type, e.place and e.place.name) for e in events]
    if n == 1:
        assert events[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_an_untyped_mention_of_another_day_stays_apart(run_events) -> None:
    text = ("Strong explosions were heard near the drug market in Lysa on Monday. "
            "A missile hit a residential building in Lysa on Wednesday, officials said.")
    events = _assaults(run_events(text, places=_two_places(text, "Lysa", "Lysa"),
                                  times=(timev(text, "Monday", "2022-11-07"), timev(text, "Wednesday", "2022-11-09"))))
    assert len(events) == 2, [(e.trigger, e.acled_sub_event_type) for e in events]

# (v199) captives told in the passive with no doer, within two sentences after a raid in its paragraph, are what the
# raid took: one event, an abduction (ACLED codes the raid by what it did to the people it took); captives taken on
# another day, by doers of their own, stay an event of their own
CAPTIVES = [
    ("On Tuesday, gunmen stormed a church in Eruku during an evening service. Three worshippers were killed and 38 "
     "were taken away, the state government said.", ["Abduction/forced disappearance"]),
    ("On Friday, armed men raided a boarding school in Papiri. The Christian Association said 303 pupils and 12 "
     "teachers were abducted.", ["Abduction/forced disappearance"]),
    ("On Friday, armed men raided a boarding school in Papiri. On Sunday, bandits abducted 12 farmers in Kontagora.",
     ["Attack", "Abduction/forced disappearance"]),
]


@pytest.mark.parametrize(("text", "subs"), CAPTIVES, ids=["taken-away", "abducted", "own-day-and-doers"])
def test_captives_told_after_a_raid_are_what_it_took(run_events, text: str, subs: list[str]) -> None:
    assert [e.acled_sub_event_type for e in run_events(text)] == subs




# A definite mention placed only in a country takes up the attack told before in a town of that country (v480); one
# placed in another country, or in another town, stays apart.
COUNTRY_MENTIONS = [
    ("A glide bomb hit a market in Kramatorsk. The attack was the deadliest in Ukraine this year.",
     (("Kramatorsk", "UKR", "settlement"), ("Ukraine", "UKR", "country")), 1),
    ("A glide bomb hit a market in Kramatorsk. The attack was the deadliest in Russia this year.",
     (("Kramatorsk", "UKR", "settlement"), ("Russia", "RUS", "country")), 2),
    ("A glide bomb hit a market in Kramatorsk. The attack on Sloviansk killed four people.",
     (("Kramatorsk", "UKR", "settlement"), ("Sloviansk", "UKR", "settlement")), 2),
    # a plural mention that sums up the deeds told names the area they lie in, not a place of its own
    ("A drone struck an oil field in Zakho district. These attacks on the Kurdistan Region must stop.",
     (("Zakho district", "IRQ", "admin2"), ("Kurdistan Region", "IRQ", "region")), 1),
    ("A drone struck an oil field in Zakho district. The attack on the Kurdistan Region killed two guards.",
     (("Zakho district", "IRQ", "admin2"), ("Kurdistan Region", "IRQ", "region")), 2),
]


@pytest.mark.parametrize(("text", "places", "n"), COUNTRY_MENTIONS, ids=["its-country", "other-country", "other-town", "plural-in-area", "singular-in-area"])
def test_a_definite_mention_in_the_attacks_country_is_that_attack(run_events, text, places, n) -> None:  # noqa: ANN001
    from tests.events.conftest import _at

    events = _assaults(run_events(text, places=tuple(_at(text, *p) for p in places)))
    assert len(events) == n, [(e.trigger, e.place and e.place.name) for e in events]


# (v620) a definite mention that names no means and absorbs, as the lead told in full, the later telling that names
# the means the happening was done from afar with is typed by that means (ACLED: remote violence by its means, whoever
# was hit); a lead with means of its own, a bare strike's default, or no telling of the means leave the lead's type
_LEAD = "The agency condemns the attack on Friday on the hospital in El Fasher. "
DETAIL_MEANS = [
    (_LEAD + "According to the ministry, a drone struck the emergency building of the hospital on Friday morning, "
     "killing 70 patients.", "Air/drone strike"),
    (_LEAD + "According to the ministry, a suicide bomber blew himself up at the gate of the hospital on Friday "
     "morning, killing 70 patients.", "Suicide bomb"),
    # negative: the detail is a bare strike, typed an air strike only for want of a weapon
    (_LEAD + "According to the ministry, a strike hit the emergency building of the hospital on Friday morning, "
     "killing 70 patients.", "Attack"),
    # negative: the detail names no means of violence from afar (gunmen): the lead's reading stands
    (_LEAD + "According to the ministry, gunmen stormed the emergency building of the hospital on Friday morning, "
     "killing 70 patients.", "Attack"),
]


@pytest.mark.parametrize(("text", "sub"), DETAIL_MEANS, ids=["drone", "suicide-bomber", "bare-strike", "gunmen"])
def test_a_lead_takes_the_means_its_detail_tells(pipeline_resources, text: str, sub: str) -> None:
    import datetime as dt

    from tests.events.conftest import article_runner

    events = _assaults(article_runner(pipeline_resources, "t", dt.date(2025, 1, 26))(text, source=None))
    assert [e.acled_sub_event_type for e in events] == [sub], [e.trigger for e in events]
