"""Stage versions: the code version plus a hash of the data files the stage reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from frontlines.pipeline import build_pipeline, default_stages
from frontlines.records import Article
from frontlines.stages import Resources, Stage, StageInput, current_versions, data_file, dateline_spans


def _run(inp: StageInput) -> tuple[object, ...]:
    return ()


def test_version_is_the_code_version_alone_without_data_files() -> None:
    assert Stage("t.x", "3", "places", (), _run).version == "3"


def test_changing_a_data_file_changes_the_version_and_nothing_else_does(tmp_path: Path) -> None:
    lexicon = tmp_path / "quantities.yaml"
    shutil.copyfile(data_file("events", "quantities.yaml"), lexicon)
    stage = Stage("t.quantities", "2", "quantities", (), _run, data_files=(lexicon,))
    first = stage.version
    assert re.fullmatch(r"2\+[0-9a-f]{8}", first)
    assert stage.version == first and stage.info.version == first  # stable across calls
    assert Stage("t.quantities", "2", "quantities", (), _run, data_files=(lexicon,)).version == first
    lexicon.write_text(lexicon.read_text("utf-8") + "\n# one more comment\n", "utf-8")
    changed = stage.version
    assert changed != first and changed.startswith("2+")
    assert Stage("t.quantities", "3", "quantities", (), _run, data_files=(lexicon,)).version == "3" + changed[1:]


def test_a_folder_counts_every_file_under_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: 1\n", "utf-8")
    stage = Stage("t.geo", "1", "places", (), _run, data_files=(tmp_path,))
    before = stage.version
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text("b: 2\n", "utf-8")
    assert stage.version != before


def test_current_versions_of_the_standard_chain() -> None:
    chain = build_pipeline(default_stages())
    versions = current_versions(chain)
    assert list(versions) == [s.name for s in chain]
    assert versions == current_versions(chain)
    # every stage but time reads packaged data files, and they all exist
    for stage in chain:
        assert all(p.exists() for p in stage.data_files), stage.name
        assert ("+" in versions[stage.name]) == bool(stage.data_files)
    from frontlines.time import STAGE as TIME_STAGE

    assert versions["time.timex"] == TIME_STAGE.code_version  # no data files: the code version alone


def test_extractions_record_the_versions() -> None:
    from frontlines.pipeline import extract

    stage = Stage("t.places", "5", "places", (), _run, data_files=(data_file("places", "rivers.yaml"),))
    ex = extract(None, Article(id="a", text=""), Resources(nlp=None), (stage,))
    assert [(s.name, s.version) for s in ex.stages] == [("t.places", stage.version)]
    assert ex.stages[0].version.startswith("5+")



def test_token_indices_reads_the_lower_column_as_tokens_would() -> None:
    import spacy

    from frontlines.stages import token_indices

    doc = spacy.blank("en")("The City fell; the town's CAPITAL, a city-state, and Zcity held. town")
    words = {"city", "town", "capital", "unseen"}
    assert token_indices(doc, words) == [i for i, tok in enumerate(doc) if tok.lower_ in words]
    assert [doc[i].text for i in token_indices(doc, words)] == ["City", "town", "CAPITAL", "city", "town"]
    assert token_indices(spacy.blank("en")(""), words) == []


def test_token_indices_over_a_stand_in() -> None:
    from types import SimpleNamespace

    from frontlines.stages import token_indices

    toks = [SimpleNamespace(lower_=w) for w in ("in", "the", "city")]
    assert token_indices(toks, ["city"]) == [2]


# Datelines: where and by whom a report was filed (read by the places, the events and the quotes).
@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KYIV, Sept 11 (Reuters) - Ukrainian forces entered Izium.", "KYIV"),
        ("KHARTOUM (AP) \u2014 Fighting spread to Omdurman.", "KHARTOUM"),
        ("Goma, Jan 27 (Reuters) - M23 rebels entered the city.", "Goma"),
        ("GENEVA (12 May 2023) - Troops executed at least 500 people in Moura.", "GENEVA"),  # date in brackets
        ("BAMAKO, 4 October 2024 - Soldiers entered the town.", "BAMAKO"),  # day before month
        ("(Nairobi, February 25, 2020) - Government forces killed 21 civilians.", "Nairobi"),  # all in brackets
        # a release's own line of place and full date under its heading, with no dash
        ("PRESS RELEASE\nJuba, 7 March 2025\n\nThe Mission condemns the attack.", "Juba"),
        ("Ministry of Interior - Statement\nErbil, 16 July 2025\n\nA drone struck the oil field.", "Erbil"),
        ("Port-au-Prince, Haiti, April 4, 2025\n\nThousands have fled Mirebalais.", "Port-au-Prince"),
    ],
)
def test_datelines_are_found(text: str, dateline: str) -> None:
    spans = dateline_spans(text)
    assert spans and text[spans[0][0]: spans[0][0] + len(dateline)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine - the war in numbers",  # a title, not a dateline
        "Russian forces shelled Kupiansk - a town east of Kharkiv - overnight.",
        "The strike hit Kramatorsk - the governor said.",
        "(see below) - the figures",  # a bracket that holds no place and date
        "(Nairobi, February 25, 2020 - the day of the attack",  # a bracket never closed
        # a line of place and date that is a sentence or a title, not a release's heading; a date with no year
        "Shelling hit Kyiv, 5 May 2024\n\nThe strike killed two.",
        "The attack on Kyiv, Ukraine, 5 May 2024\n\nThe strike killed two.",
        "Kyiv, May 5\n\nShelling hit the city.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_spans(text) == []


# -- sentence_of / sentence_start: tok.sent from the Doc's sentence starts, read once -----------------
_SENTENCES = ("KYIV, Sept 11 - Ukrainian forces entered Izium. Russia denied it.\n\n"
              "Shelling hit Kharkiv overnight, killing two. \"We will rebuild,\" the mayor said. Fighting went on.")


@pytest.mark.parametrize("where", ["every token", "a span", "the first and last token"])
def test_sentence_of_is_the_tokens_own_sentence(nlp: Any, where: str) -> None:
    from frontlines.stages import sentence_of, sentence_start

    doc = nlp(_SENTENCES)
    assert len(list(doc.sents)) >= 4
    if where == "every token":
        items: list[Any] = list(doc)
    elif where == "a span":
        items = [doc[i : i + 3] for i in range(len(doc) - 3)]
    else:
        items = [doc[0], doc[len(doc) - 1]]
    for item in items:
        mine, spacys = sentence_of(item), item.sent
        assert (mine.start, mine.end) == (spacys.start, spacys.end) and mine == spacys
        assert sentence_start(item) == spacys.start
    # negative: a token of another sentence does not share its start
    first, last = doc[0], doc[len(doc) - 1]
    assert sentence_start(first) != sentence_start(last)


def test_sentence_of_a_stand_in_without_user_data_asks_it() -> None:
    from frontlines.stages import sentence_of, sentence_start

    class Sent:
        start = 4

    class StandIn:
        doc = object()
        sent = Sent()

    assert sentence_of(StandIn()) is StandIn.sent
    assert sentence_start(StandIn()) == 4


@pytest.mark.parametrize(("start", "end"), [(0, 3), (2, 2), (4, 9), (0, -1), (-3, -1), (5, 200), (7, 3)])
def test_span_of_is_the_docs_own_slice(nlp: Any, start: int, end: int) -> None:
    from frontlines.stages import span_of

    doc = nlp(_SENTENCES)
    mine, spacys = span_of(doc, start, end), doc[start:end]
    assert (mine.start, mine.end, mine.text) == (spacys.start, spacys.end, spacys.text)
    if len(spacys):
        assert mine.root.i == spacys.root.i


def test_span_of_a_stand_in_slices_it() -> None:
    from frontlines.stages import span_of

    assert span_of(["a", "b", "c"], 1, 3) == ["b", "c"]
