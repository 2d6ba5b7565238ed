"""The events stage over whole texts with the real earlier stages (integration).

The model article is read from ../shared/examples when present (skipped with a reason
otherwise); its always-run twin is a project-written article in tests/fixtures/events.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

from frontlines.records import Article, EventStatus

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
MODEL_ARTICLE = HERE.parent.parent.parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"
TWIN = HERE.parent / "fixtures" / "events" / "izium-withdrawal-2022-09-11.md"
NOTES = HERE.parent / "fixtures" / "events" / "acled_notes.jsonl"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The default chain with real resources (a private gazetteer built from packaged data)."""
    from frontlines.config import load_settings
    from frontlines.pipeline import build_pipeline, default_stages, load_resources

    try:
        resources = load_resources(load_settings())
    except Exception:  # noqa: BLE001 - an outdated shared gazetteer: build a private one below
        data_dir = tmp_path_factory.mktemp("fl-data")
        try:
            resources = load_resources(load_settings({"data_dir": str(data_dir)}))
        except Exception as exc:  # noqa: BLE001 - any failure to build resources means: skip with this reason
            pytest.skip(f"pipeline resources unavailable: {type(exc).__name__}: {exc}")
    return resources, build_pipeline(default_stages())


def _article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    return Article(id=path.stem, text=body.strip(), title=meta.get("title"),
                   published=dt.date.fromisoformat(meta["published"]))


def _events(pipeline: Any, article: Article) -> Any:
    from frontlines.pipeline import extract

    resources, chain = pipeline
    return extract(resources.nlp(article.text), article, resources, chain).events


def _check_withdrawal_article(events: Any, *, order_place_words: tuple[str, ...],
                              arrests_told: EventStatus = EventStatus.HAPPENED) -> None:
    types = {e.plover_type for e in events}
    assert {"RETREAT", "ASSAULT", "MOBILIZE", "THREATEN", "COERCE"} <= types
    retreats = [e for e in events if e.plover_type == "RETREAT" and e.status in (EventStatus.ORDERED,
                                                                                  EventStatus.ANNOUNCED)]
    assert retreats, "the withdrawal order"
    regained = [e for e in events if e.acled_sub_event_type == "Government regains territory"]
    assert regained and any(q.kind == "settlements" for e in regained for q in e.quantities)
    arrests = [e for e in events if e.acled_sub_event_type == "Arrests"]
    # "reports from the occupied city have detailed widespread arrests": no party's word on its own deed, so a report
    # of what happened, attributed to the reports (events v330; it was a claim while only "say"-like verbs reported)
    assert arrests and all(e.status == arrests_told for e in arrests)
    for e in events:  # never a capital used for its government
        assert e.place is None or not e.place.metonymic
    # main-event ranking: the withdrawal order the headline and lead report comes first, above the
    # later "urged caution" and the background events
    best = max(events, key=lambda e: e.confidence)
    assert best.plover_type == "RETREAT" and best.status == EventStatus.ORDERED, best


def test_model_article(pipeline: Any) -> None:
    if not MODEL_ARTICLE.is_file():
        pytest.skip(f"model article absent: {MODEL_ARTICLE}")
    events = _events(pipeline, _article(MODEL_ARTICLE))
    _check_withdrawal_article(events, order_place_words=("Dnipro",))
    for e in events:
        assert e.place is None or (e.place.name or "") not in ("Kyiv", "Moscow")
    annex = [e for e in events if e.trigger.startswith("annex")]
    assert annex and annex[0].time is not None and annex[0].time.value == "2022-09-30"
    # the issue's false events stay gone: the draftees' "clash", a capture placed at another city
    assert not [e for e in events if e.plover_type == "ASSAULT" and any("citizens" in a.name for a in e.sources)]
    captured = [e for e in events if e.trigger.startswith("captured")]
    assert all(e.place is not None and e.place.name == "Kherson" for e in captured), [e.place for e in captured]
    assert not [e for e in events if e.plover_type == "THREATEN" and "make Kherson" in e.evidence.text]


def test_project_article(pipeline: Any) -> None:
    """Always-run twin: an article written for the project in the same style."""
    # "residents who stayed have described widespread arrests": the residents are unnamed, so no one is the source,
    # and a frame with no source keeps a claim unless its verb is one of reporting ("said", "reported"): left as it
    # was (docs/accuracy.md, fourteenth session, branch status6)
    _check_withdrawal_article(_events(pipeline, _article(TWIN)), order_place_words=("Oskil",),
                              arrests_told=EventStatus.CLAIMED)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    a1, o1, a2, o2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((a2 - a1) / 2) ** 2 + math.cos(a1) * math.cos(a2) * math.sin((o2 - o1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def notes_figures(pipeline: Any) -> dict[str, float]:
    """event_type / sub_event_type / date / location acc@25km / actor1_country accuracy of the most
    confident event of each notes-style sentence (written for the project from ACLED's public codebook:
    all 25 sub-event types, several conflicts)."""
    notes = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = {"event_type": 0, "sub_event_type": 0, "date": 0, "location": 0, "actor1_country": 0}
    n_loc = n_country = 0
    for n in notes:
        article = Article(id="n", text=n["text"], published=dt.date.fromisoformat(n["published"]))
        events = _events(pipeline, article)
        best = max(events, key=lambda e: e.confidence) if events else None
        if best is None:
            n_loc += n["lat"] is not None
            n_country += n["actor1_country"] is not None
            continue
        hits["event_type"] += best.acled_event_type == n["event_type"]
        hits["sub_event_type"] += best.acled_sub_event_type == n["sub_event_type"]
        hits["date"] += best.time is not None and best.time.value == n["date"]
        if n["lat"] is not None:
            n_loc += 1
            p = best.place
            hits["location"] += p is not None and p.lat is not None and _km(p.lat, p.lon, n["lat"], n["lon"]) <= 25
        if n["actor1_country"]:
            n_country += 1
            hits["actor1_country"] += bool(best.sources) and best.sources[0].country == n["actor1_country"]
    total = len(notes)
    return {
        "event_type": hits["event_type"] / total,
        "sub_event_type": hits["sub_event_type"] / total,
        "date": hits["date"] / total,
        "location": hits["location"] / n_loc,
        "actor1_country": hits["actor1_country"] / n_country,
    }


# The floors for ACLED-style notes.
NOTES_FLOORS = {"event_type": 0.90, "sub_event_type": 0.80, "date": 0.95, "location": 0.70, "actor1_country": 0.90}


def test_acled_notes_end_to_end(pipeline: Any) -> None:
    """Notes-style sentences through every stage: the issue's floors on our own fixtures."""
    figures = notes_figures(pipeline)
    print("ACLED-notes figures:", {k: round(v, 3) for k, v in figures.items()})
    low = {k: round(v, 3) for k, v in figures.items() if v < NOTES_FLOORS[k]}
    assert not low, f"below the issue's floors {NOTES_FLOORS}: {low}"


def test_notes_cover_every_sub_type() -> None:
    """The notes fixture holds at least one sentence of each of ACLED's 25 sub-event types."""
    from frontlines.events import load_event_lexicon

    notes = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {n["sub_event_type"] for n in notes} == set(load_event_lexicon().acled_event_type)
