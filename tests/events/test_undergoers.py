"""events.undergoers and speaker_sides.seat_of_body (events v490): a side's claim is read from the deed's
doers, never from what it was done to; a body of the state named after a place speaks for that place's state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.records import Article, Event, EventStatus


def _events(resources: Any, text: str, source: str | None) -> list[Event]:
    from frontlines.pipeline import process_article

    art = Article(id="undergoers", text=text, published=dt.date(2024, 6, 13), source=source)
    return list(process_article(art, resources).events)


def _hit(events: list[Event], trigger: str) -> Event:
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in events]
    return hit


# In a party's own release, harm done to its own side (its men the subject of a passive) is its report of what
# happened; what its own forces did (the subject of an active verb) stays its claim.
OWN_RELEASE = [
    ("A Ukrainian soldier was wounded by shelling near Kupiansk on Monday.", "wounded", EventStatus.HAPPENED),
    ("Ukrainian units destroyed a Russian tank near Kupiansk on Monday.", "destroyed", EventStatus.CLAIMED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), OWN_RELEASE, ids=[o[1] for o in OWN_RELEASE])
def test_harm_to_the_releasing_side_is_reported(pipeline_resources: Any, text: str, trigger: str,
                                                status: EventStatus) -> None:
    hit = _hit(_events(pipeline_resources, text, "Ministry of Defence of Ukraine"), trigger)
    assert hit.status == status
    assert hit.attributed_to == "Ministry of Defence of Ukraine"


# A regional administration named after a Ukrainian region speaks for Ukraine, though the sentence before names
# Russia's government: Russia's deed on its land, or a strike with no doer at home, is its report. A body whose
# name gives a nation of its own ("Russian-installed") keeps that side, and its own forces' deed is its claim.
SEATS = [
    ("The Kremlin said on Tuesday it was ready for talks. The Kharkiv regional military administration said Russian "
     "forces shelled Kupiansk overnight.", "shelled", EventStatus.HAPPENED),
    ("The Kremlin said on Tuesday it was ready for talks. The Kharkiv regional military administration said missiles "
     "struck a warehouse in Kupiansk overnight.", "missiles", EventStatus.HAPPENED),
    ("The Kremlin said on Tuesday it was ready for talks. The Russian-installed Zaporizhzhia administration said its "
     "forces repelled an attack near Vasylivka.", "attack", EventStatus.CLAIMED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), SEATS, ids=[s[1] for s in SEATS])
def test_a_body_named_after_a_place_speaks_for_its_state(pipeline_resources: Any, text: str, trigger: str,
                                                         status: EventStatus) -> None:
    assert _hit(_events(pipeline_resources, text, "Reuters"), trigger).status == status


def test_undergoer_reads_the_passive_subject_and_the_object(nlp: Any) -> None:
    from frontlines.events.undergoers import doer_sides, undergoer
    from frontlines.records import Actor, Evidence

    def _ev(start: int, end: int) -> Evidence:
        return Evidence(article_id="t", start=start, end=end, text="")

    doc = nlp("Russian troops shelled Ukrainian positions.")
    head = doc[2]
    russians = Actor(text="Russian troops", evidence=_ev(0, 14), name="Russian troops", side="RUS")
    ukrainians = Actor(text="Ukrainian positions", evidence=_ev(23, 42), name="Ukrainian positions", side="UKR")
    assert not undergoer(russians, head)
    assert undergoer(ukrainians, head)
    assert doer_sides((russians, ukrainians), head) == {"RUS"}
    passive = nlp("Ukrainian soldiers were wounded.")
    soldiers = Actor(text="Ukrainian soldiers", evidence=_ev(0, 18), name="soldiers", side="UKR")
    assert undergoer(soldiers, passive[3])
    assert doer_sides((soldiers,), passive[3]) == set()


# A possessive or pronoun doer is the speaker's own side only when it takes the speaker up (events v492): "its"
# agrees with a body, never a person, whose own side is "his" or "her".
TAKEN_UP = [
    ("The defence ministry said its forces had captured the village of Robotyne on Monday.", "captured",
     EventStatus.CLAIMED),
    ("The rebels said they had captured the village of Robotyne on Monday.", "captured", EventStatus.CLAIMED),
    ("Farhan Haq said its forces had killed 20 villagers near Robotyne on Monday.", "killed", EventStatus.HAPPENED),
]


@pytest.mark.parametrize(("text", "trigger", "status"), TAKEN_UP, ids=[t[0][:30] for t in TAKEN_UP])
def test_a_possessive_or_pronoun_doer_takes_up_the_speaker(pipeline_resources: Any, text: str, trigger: str,
                                                           status: EventStatus) -> None:
    assert _hit(_events(pipeline_resources, text, "Reuters"), trigger).status == status


class _Index:
    def __init__(self, actor_at: dict[int, Any]) -> None:
        self.actor_at = actor_at


def test_a_pronoun_takes_up_the_nearer_actor_of_its_kind(nlp: Any) -> None:
    from frontlines.events.speaker_sides import speaker_as_pronoun
    from frontlines.records import Actor, Evidence

    doc = nlp("The officials said the rebels attacked the town and they killed ten.")
    officials, rebels = doc[1], doc[4]
    they = next(t for t in doc if t.lower_ == "they")

    def actor(tok: Any, kind: str = "group") -> Actor:
        return Actor(text=tok.text, evidence=Evidence(article_id="t", start=tok.idx, end=tok.idx + len(tok), text=""),
                     name=tok.text, kind=kind)

    assert speaker_as_pronoun([they], officials)  # no index: the speaker, as before
    assert not speaker_as_pronoun([they], officials, _Index({officials.i: actor(officials), rebels.i: actor(rebels)}))
    assert speaker_as_pronoun([they], officials, _Index({officials.i: actor(officials)}))
    # a person between does not stand for "they"
    assert speaker_as_pronoun([they], officials, _Index({officials.i: actor(officials), rebels.i: actor(rebels, "person")}))
