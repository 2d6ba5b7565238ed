"""Long articles in pieces: cutting, moving records back to article offsets, the lead as context,
refusal of articles over the limit, and -- with the real model -- the same output as whole-text
processing (exactly, under the threshold; for every event away from a cut, over it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import ArticleTooLarge, ConfigError
from frontlines.pieces import (
    LEAD_CHARS,
    Limits,
    check_size,
    cut_pieces,
    extract_in_pieces,
    lead_of,
    piece_articles,
    shift_spans,
    split_text,
)
from frontlines.records import (
    Actor,
    Article,
    Event,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Quote,
    StageInfo,
    TimeValue,
)
from tests.conftest import make_article

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"


# ------------------------------------------------------------------ cutting


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Para one.\n\nPara two is here.\n\nPara three.", 20),
        ("Line one\nline two\nline three\nline four", 12),
        ("First sentence. Second sentence. Third sentence.", 18),
        ("a" * 50, 16),  # no place to cut: cut at the limit
        ("short", 100),
        ("", 10),
    ],
)
def test_split_text_covers_the_text_exactly(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_pieces_know_their_offsets_and_end_at_paragraph_breaks() -> None:
    text = "\n\n".join(f"Paragraph {i} says something about the fighting." for i in range(30))
    pieces = cut_pieces(text, 300)
    assert len(pieces) > 1 and "".join(p.text for p in pieces) == text
    for p in pieces:
        assert text[p.start : p.start + len(p.text)] == p.text
    assert all(p.text.endswith("\n\n") for p in pieces[:-1])


@pytest.mark.parametrize(
    ("text", "limit", "lead"),
    [
        ("KYIV - Short article.", 100, "KYIV - Short article."),
        ("KYIV - The lead.\n\nSecond paragraph here.\n\nThird.", 45, "KYIV - The lead.\n\nSecond paragraph here.\n\n"),
        ("KYIV - The lead.\n\nA second paragraph that runs on and on.", 30, "KYIV - The lead.\n\n"),
        ("One long lead sentence. Another one that goes past the limit", 30, "One long lead sentence. "),
    ],
)
def test_lead_is_the_opening_cut_at_a_break(text: str, limit: int, lead: str) -> None:
    assert lead_of(text, limit) == lead


# ------------------------------------------------------------------ offsets


def _ev(start: int, end: int, text: str = "x") -> Evidence:
    return Evidence(article_id="a", start=start, end=end, text=text)


def _actor(start: int) -> Actor:
    return Actor(text="army", evidence=_ev(start, start + 4), name="Army")


def _place(start: int) -> Place:
    return Place(text="Izium", evidence=_ev(start, start + 5), name="Izium")


def _time(start: int) -> TimeValue:
    return TimeValue(text="Monday", evidence=_ev(start, start + 6), value="2022-11-07")


def _quantity(start: int) -> Quantity:
    return Quantity(text="3 killed", evidence=_ev(start, start + 8), kind="killed", value=3)


def _event(start: int) -> Event:
    return Event(evidence=_ev(start, start + 50), trigger="shelled", plover_type="ASSAULT",
                 trigger_evidence=_ev(start + 10, start + 17), sources=(_actor(start),), targets=(_actor(start + 20),),
                 place=_place(start + 30), time=_time(start + 40), quantities=(_quantity(start + 2),),
                 stages=("events.coder:1",))


def _quote(start: int) -> Quote:
    return Quote(content="We hold", evidence=_ev(start, start + 7), direct=True, speaker=_actor(start + 10),
                 speaker_evidence=_ev(start + 10, start + 14), cue="said", cue_evidence=_ev(start + 15, start + 19))


def _spans(record: Any) -> list[tuple[int, int]]:
    """Every evidence span in a record, however nested, in field order."""
    if isinstance(record, Evidence):
        return [(record.start, record.end)]
    if isinstance(record, tuple):
        return [s for r in record for s in _spans(r)]
    if dataclasses.is_dataclass(record):
        return [s for f in dataclasses.fields(record) for s in _spans(getattr(record, f.name))]
    return []


@pytest.mark.parametrize("make", [_place, _time, _quantity, _actor, _quote, _event])
def test_shift_moves_every_nested_span(make: Any) -> None:
    record = make(100)
    moved = shift_spans(record, 1000)
    assert type(moved) is type(record)
    spans = _spans(record)
    assert spans and _spans(moved) == [(s + 1000, e + 1000) for s, e in spans]
    assert shift_spans(record, 0) == record


def test_shift_moves_a_whole_extraction() -> None:
    ex = Extraction(article_id="a", places=(_place(5),), times=(_time(9),), quantities=(_quantity(1),),
                    actors=(_actor(3),), quotes=(_quote(7),), events=(_event(11),),
                    stages=(StageInfo(name="geo.places", version="1"),))
    moved = shift_spans(ex, 7)
    assert _spans(moved) == [(s + 7, e + 7) for s, e in _spans(ex)]
    assert moved.stages is ex.stages and moved.events[0].stages == ("events.coder:1",)


def test_shift_leaves_the_lead_and_spanless_evidence_alone() -> None:
    # an event in a piece (local offset 500) whose place was borrowed from the lead (offset 20)
    # and whose time is the publication-date fallback (no span)
    pub = TimeValue(text="", evidence=_ev(0, 0, ""), value="2022-11-09")
    event = dataclasses.replace(_event(500), place=_place(20), time=pub)
    moved = shift_spans(event, 10_000, keep_below=300)
    assert moved.evidence.start == 10_500 and moved.trigger_evidence.start == 10_510
    assert moved.place is event.place and moved.time is pub
    assert [a.evidence.start for a in moved.sources + moved.targets] == [10_500, 10_520]


def test_shift_returns_records_without_spans_as_they_are() -> None:
    info = StageInfo(name="x", version="1")
    assert shift_spans(info, 5) is info
    assert shift_spans((), 5) == ()


# ------------------------------------------------------------------ pieces with a stand-in extractor


def _find_words(article: Article) -> Extraction:
    """Stands in for parse + stages: each capitalised word is a place, each sentence an event."""
    text = article.text
    places = tuple(Place(text=m.group(), evidence=Evidence(article_id=article.id, start=m.start(), end=m.end(),
                                                           text=m.group()))
                   for m in re.finditer(r"\b[A-Z][a-z]+\b", text))
    events = tuple(Event(evidence=Evidence(article_id=article.id, start=m.start(), end=m.end(), text=m.group()),
                         trigger="hit", plover_type="ASSAULT",
                         place=next((p for p in places if p.evidence.start < m.start()), None))
                   for m in re.finditer(r"[^.\n]+\.", text))
    return Extraction(article_id=article.id, places=places, events=events,
                      stages=(StageInfo(name="t", version="1"),))


def _text(paragraphs: int = 60) -> str:
    return "KYIV - Shelling hit Kharkiv.\n\n" + "\n\n".join(
        f"In paragraph {i} the strike hit Izium. Officials counted damage." for i in range(paragraphs))


def test_records_come_back_at_article_offsets_once_each() -> None:
    article = make_article(_text())
    whole = _find_words(article)
    pieced = extract_in_pieces(article, Limits(piece_chars=500), _find_words)
    assert [p.evidence for p in pieced.places] == [p.evidence for p in whole.places]
    assert [e.evidence for e in pieced.events] == [e.evidence for e in whole.events]
    for record in pieced.places + pieced.events:
        assert article.text[record.evidence.start : record.evidence.end] == record.evidence.text
    assert pieced.article_id == article.id and pieced.stages == whole.stages


def test_every_piece_sees_the_article_metadata_and_its_lead() -> None:
    article = make_article(_text(), title="Strikes", published=dt.date(2023, 6, 6))
    seen = list(piece_articles(article, 500))
    lead = lead_of(article.text, 500)
    assert len(seen) > 2 and seen[0][1:] == (0, 0)
    for piece, offset, lead_len in seen[1:]:
        assert piece.text.startswith(lead) and lead_len == len(lead)
        assert (piece.id, piece.title, piece.published) == (article.id, "Strikes", dt.date(2023, 6, 6))
        assert article.text[offset + len(piece.text) - 20 : offset + len(piece.text)] == piece.text[-20:]
    # a piece's event with no place of its own borrows the lead's, at its article offset
    pieced = extract_in_pieces(article, Limits(piece_chars=500), _find_words)
    last = pieced.events[-1]
    assert last.place is not None and last.place.text == "Shelling" and last.place.evidence.start == 7


def test_lead_is_bounded() -> None:
    text = "word " * 5_000
    assert len(lead_of(text)) <= LEAD_CHARS


# ------------------------------------------------------------------ limits


def test_limits_come_from_settings(tmp_path: Path) -> None:
    from frontlines.config import load_settings

    toml = tmp_path / "f.toml"
    toml.write_text("[frontlines]\nmax_bytes = 2000000\n")
    s = load_settings(env={"FRONTLINES_PIECE_CHARS": "50000"}, config_file=toml)
    assert Limits.from_settings(s) == Limits(max_bytes=2_000_000, piece_chars=50_000)
    assert Limits.from_settings(load_settings(env={}, config_file=tmp_path / "none.toml")) == Limits()


@pytest.mark.parametrize("kw", [{"piece_chars": 0}, {"piece_chars": 2_000_000}, {"max_bytes": 0}])
def test_bad_limits_are_a_configuration_error(kw: dict[str, int]) -> None:
    with pytest.raises(ConfigError) as err:
        Limits(**kw)
    assert err.value.code == "E901"


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a" * 100, False),
        ("a" * 101, True),
        ("é" * 50, False),  # 100 bytes
        ("é" * 51, True),  # 51 characters, 102 bytes
        ("a" * 25, False),
    ],
)
def test_size_is_checked_in_utf8_bytes(text: str, refused: bool) -> None:
    article = make_article(text)
    if refused:
        with pytest.raises(ArticleTooLarge) as err:
            check_size(article, Limits(max_bytes=100))
        assert err.value.code == "E204" and "100" in str(err.value)
    else:
        check_size(article, Limits(max_bytes=100))


# ------------------------------------------------------------------ with the real model


@pytest.fixture(scope="module")
def resources() -> Any:
    from frontlines.config import load_settings
    from frontlines.errors import FrontlinesError
    from frontlines.pipeline import load_resources

    try:
        return load_resources(load_settings(env={}, config_file=Path(os.devnull)))
    except FrontlinesError as exc:  # a missing model or gazetteer is the environment; the stand-in tests above always run
        pytest.skip(f"pipeline resources unavailable: {exc}")


def _sample_articles() -> list[Article]:
    from frontlines.ingest import to_article
    from frontlines.ingest.readers import RawDoc, read_path

    items = [item for path in sorted(SAMPLES.iterdir()) for item in read_path(path, max_bytes=5_000_000)]
    return [a for a in (to_article(i) for i in items if isinstance(i, RawDoc)) if a.language == "en"]


def test_under_the_threshold_nothing_changes(resources: Any) -> None:
    from frontlines.pipeline import build_pipeline, default_stages, extract, process_batch

    chain = build_pipeline(default_stages())
    articles = _sample_articles()
    assert len(articles) >= 20
    batch = dict((a.id, r) for a, r in process_batch(articles, resources, chain))
    for article in articles:
        assert batch[article.id] == extract(resources.nlp(article.text), article, resources, chain), article.origin


def test_over_the_threshold_events_away_from_cuts_are_unchanged(resources: Any) -> None:
    from frontlines.pipeline import build_pipeline, default_stages, process_article

    chain = build_pipeline(default_stages())
    texts = {a.origin: a.text for a in _sample_articles()}
    text = "\n\n".join(texts[k] for k in sorted(texts)[:5])
    article = make_article(text, published=dt.date(2023, 6, 7))
    limits = Limits(piece_chars=len(text) // 3)
    whole = process_article(article, resources, chain)
    pieced = process_article(article, resources, chain, limits=limits)
    cuts = [p.start for p in cut_pieces(text, limits.piece_chars)[1:]]
    assert len(cuts) >= 2

    def away(e: Event) -> bool:  # more than a paragraph from any cut
        return all(abs(e.evidence.start - c) > 600 and abs(e.evidence.end - c) > 600 for c in cuts)

    def key(e: Event) -> tuple[Any, ...]:
        return (e.evidence.start, e.evidence.end, e.trigger, e.plover_type, e.status)

    expected = {key(e) for e in whole.events if away(e)}
    got = {key(e) for e in pieced.events if away(e)}
    assert len(expected) > 20 and got == expected
    for record in pieced.places + pieced.times + pieced.quantities + pieced.actors + pieced.quotes + pieced.events:
        assert text[record.evidence.start : record.evidence.end] == record.evidence.text
