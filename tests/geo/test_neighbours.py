"""geo.neighbours: a name written with the place it lies near is its namesake within reach of that place, at every
mention; with no such phrase, or no namesake within reach, the other rules decide."""

from __future__ import annotations

import pytest

from frontlines.geo.postal import distance_km

BAKHMUT = (48.5942, 37.9999)


_ZAPORIZHZHIA = "Fighting went on near Robotyne and Verbove in Zaporizhzhia region. "


@pytest.mark.parametrize(("text", "nth", "near_bakhmut"), [
    # the phrase after the name: the namesake near Bakhmut, though the story also names Zaporizhzhia's villages
    (_ZAPORIZHZHIA + "Ukrainian troops recaptured the village of Andriivka south of Bakhmut.", 0, True),
    (_ZAPORIZHZHIA + "Ukrainian troops recaptured Andriivka, a village 10 km south of Bakhmut.", 0, True),
    (_ZAPORIZHZHIA + "Ukrainian troops recaptured Andriivka near Bakhmut.", 0, True),
    # a later bare mention is the same village
    (_ZAPORIZHZHIA + "Troops recaptured Andriivka south of Bakhmut. Russian guns shelled Andriivka overnight.", 1, True),
    # negative: no phrase: the story's region pulls the name to its own namesake
    (_ZAPORIZHZHIA + "Russian guns shelled Andriivka overnight.", 0, False),
])
def test_a_name_near_another_is_its_namesake_within_reach(places, text: str, nth: int, near_bakhmut: bool) -> None:
    named = [p for p in places(text) if p.text == "Andriivka"]
    assert len(named) > nth, [(p.text, p.name) for p in places(text)]
    p = named[nth]
    assert (distance_km(p.lat, p.lon, *BAKHMUT) <= 40) is near_bakhmut, (p.name, p.admin1, p.lat, p.lon, p.reason)


def test_a_known_town_with_no_namesake_within_reach_is_left_alone(places) -> None:
    """"Kupiansk near Kharkiv": the phrase is loose (100 km); the town is not moved to a namesake."""
    got = [p for p in places("Russian forces attacked Kupiansk near Kharkiv on Monday.") if p.text == "Kupiansk"]
    assert got and distance_km(got[0].lat, got[0].lon, 49.7106, 37.6153) <= 10, got
    assert "namesakes within" not in got[0].reason
