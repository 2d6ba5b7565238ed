"""Runner: gold docs -> Articles -> stage chain -> predictions -> scores, with hand-made stages.

A blank spaCy pipeline and stub stages keep this fast and independent of the
real stages; test_floors.py runs the real pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from frontlines.errors import EvalError
from frontlines.eval.reader import GoldDoc
from frontlines.eval.runner import article_for, chain_for, evaluate_docs, event_label, event_predictions
from frontlines.pipeline import Resources, Stage
from frontlines.records import Actor, Event, Evidence, Extraction, Place, Quantity, Quote, TimeType, TimeValue

TEXT = '"We will hold Kherson," Volodymyr Zelensky said on Wednesday after Russian shelling killed two.'


def ev(inp, sub):
    start = inp.article.text.index(sub)
    return Evidence(article_id=inp.article.id, start=start, end=start + len(sub), text=sub)


def places(inp):
    if "Kherson" not in inp.article.text:
        return ()
    return (Place(text="Kherson", evidence=ev(inp, "Kherson"), name="Kherson", lat=46.6354, lon=32.6169,
                  admin1="Kherson Oblast"),)


def times(inp):
    # Proves the reference date reaches the stage: the value is the article's published date.
    return (TimeValue(text="Wednesday", evidence=ev(inp, "Wednesday"), type=TimeType.DATE,
                      value=inp.reference_date.isoformat(), start=inp.reference_date, end=inp.reference_date),)


def quotes(inp):
    speaker = Actor(text="Volodymyr Zelensky", evidence=ev(inp, "Volodymyr Zelensky"), name="Volodymyr Zelensky",
                    kind="person", country="UKR")
    return (Quote(content="We will hold Kherson", evidence=ev(inp, "We will hold Kherson"), direct=True,
                  speaker=speaker, speaker_text="Volodymyr Zelensky"),)


def events(inp):
    russia = Actor(text="Russian", evidence=ev(inp, "Russian"), name="Russian Armed Forces", country="RUS", side="RUS")
    killed = Quantity(text="killed two", evidence=ev(inp, "killed two"), kind="killed", value=2)
    return (Event(evidence=ev(inp, "Russian shelling killed two"), trigger="shelling", plover_type="ASSAULT",
                  acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Shelling/artillery/missile attack", sources=(russia,),
                  place=inp.outputs["places"][0], time=inp.outputs["times"][0], quantities=(killed,),
                  confidence=0.8),)


STAGES = [
    Stage(name="t.places", code_version="1", writes="places", reads=(), run=places),
    Stage(name="t.times", code_version="1", writes="times", reads=(), run=times),
    Stage(name="t.quotes", code_version="1", writes="quotes", reads=(), run=quotes),
    Stage(name="t.events", code_version="1", writes="events", reads=("places", "times"), run=events),
]


@pytest.fixture(scope="module")
def blank():
    return Resources(nlp=spacy.blank("en"))


def gold(task, gold_data, published="2022-11-09"):
    return GoldDoc(id="d1", task=task, text=TEXT, gold=gold_data,
                   published=dt.date.fromisoformat(published) if published else None)


def span(sub):
    start = TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub}


def test_article_carries_published_as_reference_date():
    article = article_for(gold("geo", {"toponyms": []}))
    assert article.published == dt.date(2022, 11, 9) and article.id == "d1" and article.text == TEXT


def test_chain_is_cut_after_the_scored_stage():
    assert [s.writes for s in chain_for("geo", STAGES)] == ["places"]
    assert [s.writes for s in chain_for("quotes", STAGES)] == ["places", "times", "quotes"]
    assert len(chain_for("event_type", STAGES)) == 4
    with pytest.raises(EvalError):
        chain_for("events", STAGES[:2])


def test_geo(blank):
    doc = gold("geo", {"toponyms": [dict(span("Kherson"), lat=46.64, lon=32.62, geonameid=None)]})
    result = evaluate_docs([doc], blank, stages=STAGES, file="g.jsonl")
    assert result.metrics["recognition_f1"] == 1.0 and result.metrics["acc_at_161"] == 1.0
    assert result.to_json()["file"] == "g.jsonl" and result.to_json()["task"] == "geo"


def test_time_uses_the_reference_date(blank):
    doc = gold("time", {"timexes": [dict(span("Wednesday"), type="DATE", value="2022-11-09")]})
    assert evaluate_docs([doc], blank, stages=STAGES).metrics["value_f1"] == 1.0
    off_by_one = gold("time", {"timexes": [dict(span("Wednesday"), type="DATE", value="2022-11-09")]},
                      published="2022-11-10")
    m = evaluate_docs([off_by_one], blank, stages=STAGES).metrics
    assert m["relaxed_f1"] == 1.0 and m["value_f1"] == 0.0


def test_quotes(blank):
    q = dict(span("We will hold Kherson"), speaker="Zelensky", speaker_start=None, speaker_end=None, cue="said",
             direct=True)
    m = evaluate_docs([gold("quotes", {"quotes": [q]})], blank, stages=STAGES).metrics
    assert m["content_f1"] == 1.0 and m["speaker_accuracy"] == 1.0


def test_events(blank):
    g = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
         "date": "2022-11-09", "location": "Kherson", "lat": 46.6354, "lon": 32.6169, "admin1": "Kherson oblast",
         "actor1": "Russia", "actor1_country": "RUS", "actor2": None, "actor2_country": None, "fatalities": 2}
    m = evaluate_docs([gold("events", {"events": [g]})], blank, stages=STAGES).metrics
    for key in ("event_type_accuracy", "sub_event_type_accuracy", "date_exact_accuracy", "location_acc_at_10km",
                "admin1_accuracy", "actor1_country_accuracy", "fatalities_exact_accuracy", "event_recall"):
        assert m[key] == 1.0, key


def test_event_type_schemes(blank):
    acled = gold("event_type", {"label": "Shelling/artillery/missile attack", "scheme": "acled"})
    plover = gold("event_type", {"label": "ASSAULT", "scheme": "plover"})
    assert evaluate_docs([acled], blank, stages=STAGES).metrics["accuracy"] == 1.0
    assert evaluate_docs([plover], blank, stages=STAGES).metrics["accuracy"] == 1.0


def test_event_label_takes_the_most_confident_event_or_other():
    evd = Evidence(article_id="a", start=0, end=1, text="x")
    low = Event(evidence=evd, trigger="x", plover_type="PROTEST", acled_sub_event_type="Peaceful protest",
                confidence=0.3)
    high = Event(evidence=evd, trigger="x", plover_type="ASSAULT", acled_sub_event_type=None, confidence=0.9)
    x = Extraction(article_id="a", events=(low, high))
    assert event_label(x, "plover") == "ASSAULT"
    assert event_label(x, "acled") == "OTHER"  # the best event has no ACLED type
    assert event_label(Extraction(article_id="a"), "acled") == "OTHER"


def test_a_failing_stage_counts_as_no_prediction(blank):
    def boom(inp):
        raise ValueError("broken stage")

    broken = [Stage(name="t.places", code_version="1", writes="places", reads=(), run=boom)]
    doc = gold("geo", {"toponyms": [dict(span("Kherson"), lat=46.64, lon=32.62, geonameid=None)]})
    result = evaluate_docs([doc], blank, stages=broken)
    assert result.failures == 1 and result.metrics["recognition_recall"] == 0.0


def test_worst_cases_are_ordered_and_skip_perfect_ones(blank):
    good = gold("geo", {"toponyms": [dict(span("Kherson"), lat=46.64, lon=32.62, geonameid=None)]})
    bad = GoldDoc(id="d2", task="geo", text="Shelling hit Odesa.", gold={"toponyms": [
        {"start": 13, "end": 18, "text": "Odesa", "lat": 46.48, "lon": 30.72}]})
    exact = GoldDoc(id="d3", task="geo", text=TEXT, gold={"toponyms": [
        dict(span("Kherson"), lat=46.6354, lon=32.6169)]})
    result = evaluate_docs([good, bad, exact], blank, stages=STAGES)
    assert [c.doc_id for c in result.worst(5)] == ["d2", "d1"]  # d1 is 0.5 km off; d3 is exact
    assert [c.doc_id for c in result.worst(1)] == ["d2"]


def test_progress_is_reported_per_document(blank):
    seen = []
    docs = [gold("geo", {"toponyms": []}) for _ in range(3)]
    evaluate_docs(docs, blank, stages=STAGES, progress=seen.append)
    assert sum(seen) == 3


@pytest.mark.parametrize(
    ("country", "side", "expected"),
    [
        ("RUS", "RUS", "RUS"),  # a state's forces
        ("UKR", "RUS", "RUS"),  # a force on another state's side (FORMAT.md: "belongs to a state's side")
        ("SDN", "Rapid Support Forces", None),  # a non-state group on its own side: no state's
        ("TUR", "PKK", None),  # a group whose short name looks like a code is no state either
        ("MLI", "CSP", None),
        (None, None, None),
    ],
)
def test_an_events_actor1_country_is_the_state_whose_side_it_is_on(country, side, expected) -> None:  # noqa: ANN001
    evd = Evidence(article_id="a", start=0, end=1, text="x")
    doer = Actor(text="x", evidence=evd, name="x", country=country, side=side)
    x = Extraction(article_id="a", events=(Event(evidence=evd, trigger="x", plover_type="ASSAULT", sources=(doer,)),))
    assert [p.actor1_country for p in event_predictions(x)] == [expected]


# an event's day: a single day's value; a weekend's or a week's value names no day, so its interval's start does
# (a value of ten characters or more that is no ISO date, "2023-W31-WE", once gave no day at all)
EVENT_DAYS = [
    ("2023-08-05", dt.date(2023, 8, 5), dt.date(2023, 8, 5), dt.date(2023, 8, 5)),
    ("2023-W31-WE", dt.date(2023, 8, 5), dt.date(2023, 8, 6), dt.date(2023, 8, 5)),
    ("2023-W31", dt.date(2023, 7, 31), dt.date(2023, 8, 6), dt.date(2023, 7, 31)),
    ("2023-08-05TEV", dt.date(2023, 8, 5), dt.date(2023, 8, 5), dt.date(2023, 8, 5)),
]


@pytest.mark.parametrize(("value", "start", "end", "day"), EVENT_DAYS, ids=[c[0] for c in EVENT_DAYS])
def test_an_events_day(value: str, start: dt.date, end: dt.date, day: dt.date) -> None:
    from frontlines.eval.runner import event_date

    time = TimeValue(text="x", evidence=Evidence(article_id="a", start=0, end=1, text="x"), type=TimeType.DATE,
                     value=value, start=start, end=end, granularity="week")
    event = Event(evidence=Evidence(article_id="a", start=0, end=1, text="x"), trigger="x", plover_type="ASSAULT",
                  time=time)
    assert event_date(event) == day
