"""A strike told with no means of its own takes the means the article's other attacks from afar agree on
(events.barrages, events v351). Own sentences."""

from __future__ import annotations

import pytest

from tests.events.conftest import place

SHELLING, AIR = "Shelling/artillery/missile attack", "Air/drone strike"

ARTICLES = [
    # the article's barrage is missiles: the bare strike is a missile attack
    ("Overnight Russia launched 40 missiles at Ukraine. The mayor of Kharkiv reported a series of strikes on an "
     "industrial facility.", SHELLING),
    ("Rockets hit the centre of Belgorod on Saturday. Later a massive strike hit the port of the city.", SHELLING),
    # negative: the article names no other means: the bare strike keeps its default
    ("The mayor of Kharkiv reported a series of strikes on an industrial facility overnight.", AIR),
    # negative: the article's attacks disagree (rockets and an air strike): the strike keeps its reading
    ("Rockets hit the centre of Belgorod on Saturday. Warplanes bombed a village nearby. Later a massive strike hit "
     "the port of the city.", AIR),
    # negative: the strike's own sentence names its means
    ("Overnight Russia launched 40 missiles at Ukraine. A drone strike hit an industrial facility in Kharkiv.", AIR),
]


@pytest.mark.parametrize(("text", "sub"), ARTICLES, ids=[a[0][-50:] for a in ARTICLES])
def test_a_bare_strike_takes_the_articles_means(run_events, text: str, sub: str) -> None:
    strikes = [e for e in run_events(text) if e.trigger.lower().endswith(("strike", "strikes"))]
    assert strikes, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert strikes[-1].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]


HITS = [
    # a thing told as hit with no hands and no means, in a paragraph of its own (nothing just told that it is
    # more of): the means the article's remote attacks agree on
    ("Drones hit two tankers off the coast on Friday.\n\nThe Virat was hit again on Saturday morning, the ministry "
     "said.", AIR),
    ("Russian forces fired rockets at Kharkiv overnight.\n\nThe main government building was hit on Saturday "
     "morning.", SHELLING),
    # negative: people hit keep the reading their victims give
    ("Drones hit two tankers off the coast on Friday.\n\nTwo fishermen were hit on Saturday morning.", "Attack"),
    # negative: the article's remote attacks disagree
    ("Drones hit two tankers off the coast on Friday. Rockets hit the port on Friday night.\n\nThe Virat was hit "
     "again on Saturday morning, the ministry said.", "Attack"),
]


@pytest.mark.parametrize(("text", "sub"), HITS, ids=[h[0][-50:] for h in HITS])
def test_a_thing_hit_by_no_one_takes_the_articles_means(run_events, text: str, sub: str) -> None:
    events = run_events(text)
    last = [e for e in events if "Saturday morning" in text[e.evidence.start:e.evidence.end]]
    assert last, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert last[-1].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in events]


ALSO = [
    # (v580) the article's attacks disagree (warplanes and missiles), but "also" tells the strike as more of the
    # missile attack just told: it takes that attack's means
    ("Warplanes bombed a village near Kotli. Missiles struck a mosque complex in Bahawalpur. Strikes also hit sites "
     "in Muzaffarabad, the military said.", SHELLING),
    ("Missiles struck a mosque complex in Bahawalpur. Warplanes bombed a village near Kotli. Strikes also hit sites "
     "in Muzaffarabad, the military said.", AIR),
    # negatives: no "also" (the disagreeing article leaves the default), the attack told before in another
    # paragraph, an attack before it that tells no means
    ("Warplanes bombed a village near Kotli. Missiles struck a mosque complex in Bahawalpur. Strikes hit sites "
     "in Muzaffarabad, the military said.", AIR),
    ("Warplanes bombed a village near Kotli. Missiles struck a mosque complex in Bahawalpur.\n\nStrikes also hit "
     "sites in Muzaffarabad, the military said.", AIR),
]


# the places the places stage gives these texts: three towns far apart, so the strikes are three happenings (one event
# per happening, events.happenings, keeps mentions with their own distinct places apart)
_TOWNS = {"Kotli": (33.52, 73.90), "Bahawalpur": (29.40, 71.68), "Muzaffarabad": (34.37, 73.47)}


@pytest.mark.parametrize(("text", "sub"), ALSO, ids=[a[0][-60:] for a in ALSO])
def test_a_strike_told_as_more_takes_the_means_just_told(run_events, text: str, sub: str) -> None:
    towns = tuple(place(text, name, lat=lat, lon=lon) for name, (lat, lon) in _TOWNS.items())
    events = run_events(text, places=towns)
    strikes = [e for e in events if e.trigger.lower().endswith(("strike", "strikes"))]
    assert strikes, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert strikes[-1].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Strikes also hit sites in Muzaffarabad.", "Strikes", True),
        ("The drones struck the port again on Sunday.", "struck", True),
        ("Strikes hit sites in Muzaffarabad.", "Strikes", False),
        ("The drones struck the port, which was also hit in May.", "struck", False),  # "also" of another verb
    ],
)
def test_told_again(nlp, text: str, trigger: str, expected: bool) -> None:
    from frontlines.events.barrages import told_again

    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert told_again(tok) is expected, [(t.text, t.dep_, t.head.text) for t in doc]
