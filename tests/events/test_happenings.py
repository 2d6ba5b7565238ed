"""events.happenings: a later mention that nothing sets apart (no own place or day other than the earlier
telling's, no other party, no other count, no other kind) is the happening its paragraph told before; table tests
with the cases that must stay apart (two villages, another day, another paragraph, another kind, a call)."""

from __future__ import annotations

import pytest

from frontlines.events.happenings import counts_differ
from frontlines.records import Evidence, Quantity
from tests.events.conftest import _at, actor, timev


def _q(kind: str, value: float | None) -> Quantity:
    return Quantity(text=str(value), evidence=Evidence(article_id="t", start=0, end=1, text="1"), kind=kind, value=value)


@pytest.mark.parametrize(("a", "b", "differ"), [
    ((_q("killed", 5),), (_q("killed", 5),), False),  # one toll told twice
    ((_q("killed", 5),), (), False),  # a count the other does not give
    ((_q("killed", 5),), (_q("injured", 12),), False),  # the dead and the wounded of one attack
    ((_q("killed", 5), _q("killed", 7)), (_q("killed", 7),), False),  # one of the figures is the other's
    ((_q("killed", None),), (_q("killed", 7),), False),  # "dozens" says no figure
    ((_q("killed", 5),), (_q("killed", 12),), True),  # negative: five dead are not twelve
    ((_q("injured", 3),), (_q("injured", 40),), True),
])
def test_counts_differ(a: tuple, b: tuple, differ: bool) -> None:
    assert counts_differ(a, b) is differ


def _kind(events, plover: str) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == plover]


_FIRED_ON = ("Troops were fired upon by armed men near Sumisip on Wednesday morning. "
             "The troops returned fire, and an intense firefight followed for three hours.")


def test_a_firefight_told_on_in_its_paragraph_is_the_one_happening(run_events) -> None:
    text = _FIRED_ON
    troops = (actor(text, "Troops", "Armed Forces of the Philippines", "PHL"),
              actor(text, "troops", "Armed Forces of the Philippines", "PHL"))
    events = _kind(run_events(text, places=(_at(text, "Sumisip", "PHL", "settlement"),), actors=troops,
                              times=(timev(text, "Wednesday morning", "2025-01-22"),)), "ASSAULT")
    assert len(events) == 1, [e.trigger for e in events]


def test_the_same_words_in_the_next_paragraph_stay_apart(run_events) -> None:
    # negative: a bare mention takes up only what its own paragraph tells
    text = _FIRED_ON.replace(" The troops", "\n\nThe troops")
    events = _kind(run_events(text, places=(_at(text, "Sumisip", "PHL", "settlement"),),
                              times=(timev(text, "Wednesday morning", "2025-01-22"),)), "ASSAULT")
    assert len(events) == 2, [e.trigger for e in events]


def test_two_strikes_on_two_villages_the_same_day_stay_two(run_events) -> None:
    text = ("Drones struck the village of Alpha on Monday. "
            "Drones also struck the village of Beta, the regional governor said.")
    events = _kind(run_events(text, places=(_at(text, "Alpha", "UKR", "settlement"),
                                            _at(text, "Beta", "UKR", "settlement")),
                              times=(timev(text, "Monday", "2022-11-07"),)), "ASSAULT")
    assert len(events) == 2, [e.trigger for e in events]


def test_an_earlier_years_attack_of_the_same_kind_stays_apart(run_events) -> None:
    text = ("Gunmen attacked a police post near Alpha on Monday. "
            "In 2019, gunmen attacked a police post there too.")
    events = _kind(run_events(text, places=(_at(text, "Alpha", "NGA", "settlement"),),
                              times=(timev(text, "Monday", "2022-11-07"), timev(text, "2019", "2019"))), "ASSAULT")
    assert len(events) == 2, [e.trigger for e in events]


def test_two_calls_stay_two(run_events) -> None:
    # negative: each saying is an act of its own, however little it names
    text = ("The agency called on the parties to protect civilians. "
            "It also called on donors to fund its response plan.")
    assert len(_kind(run_events(text), "REQUEST")) == 2


def test_a_toll_retold_in_the_next_paragraph_is_the_attacks(run_events) -> None:
    text = ("A missile hit a market in Alpha on Monday, killing five people.\n\n"
            "The death toll from the strike rose to five, officials said.")
    events = _kind(run_events(text, places=(_at(text, "Alpha", "UKR", "settlement"),),
                              times=(timev(text, "Monday", "2022-11-07"),)), "ASSAULT")
    assert len(events) == 1, [e.trigger for e in events]


def test_a_strike_brought_in_with_an_indefinite_article_stays_its_own(run_events) -> None:
    # negative: "a massive strike" introduces a happening; "the troops returned fire" takes one up
    text = "Warplanes bombed a village on Saturday. Later a massive strike hit the port of the city."
    events = _kind(run_events(text, times=(timev(text, "Saturday", "2022-11-05"),)), "ASSAULT")
    assert len(events) == 2, [e.trigger for e in events]


def test_an_undergoer_the_parser_hung_on_be_brought_in_with_an_article_stays_its_own(run_events) -> None:
    # "A second prison was also overrun": the parser reads "overrun" as the complement of "was" and "prison" as its
    # subject; the indefinite undergoer brings in a happening of its own (v595), as "A school was hit" does
    text = ("Gangs attacked the penitentiary on Saturday night. By Sunday morning most inmates had fled. "
            "A second prison was also overrun overnight.")
    events = _kind(run_events(text, times=(timev(text, "Saturday", "2024-03-02"),)), "ASSAULT")
    assert len(events) == 2, [e.trigger for e in events]
