"""events.sieve: the structural row of each drafted event, the weights file's loader (coded errors), the keep/drop
step with injected weights, and the build script's output read back by the loader."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import math
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from frontlines.errors import SieveError
from frontlines.events import extract_events
from frontlines.events.sieve import (
    CONTEXT,
    FEATURES,
    FORMAT,
    GROUPS,
    TENSOR,
    TENSOR_WIDTH,
    Sieve,
    REBUILD,
    Verdict,
    checksum,
    load_sieve,
    sieve_from_json,
    sift,
)
from frontlines.events.stage import SIFTED
from frontlines.pipeline import Resources, StageInput
from frontlines.quantities import extract_quantities
from frontlines.records import Article
from tests.events.conftest import place, timev

ROOT = Path(__file__).resolve().parents[2]


class _Recorder:
    """Keeps every draft and notes the rows the stage hands it."""

    def __init__(self) -> None:
        self.rows: list[list[float]] = []

    def decide(self, rows: Any, *, article_id: str = "") -> list[Verdict]:
        self.rows.extend(list(r) for r in rows)
        return [Verdict(True, 1.0) for _ in rows]


def _run(nlp: Any, resources: Resources, text: str, sieve: Any, *, places: tuple = (),
         times: tuple = ()) -> tuple[tuple, Any]:
    res = dataclasses.replace(resources, event_sieve=sieve)
    doc = nlp(text)
    article = Article(id="t", text=text, published=dt.date(2022, 11, 9))
    outputs: dict[str, tuple] = {"places": places, "times": times, "actors": (), "quotes": ()}
    outputs["quantities"] = extract_quantities(StageInput(doc, article, res, outputs))
    return extract_events(StageInput(doc, article, res, outputs)), doc


def _rows(nlp: Any, resources: Resources, text: str, **records: tuple) -> list[tuple[str, dict[str, float]]]:
    rec = _Recorder()
    events, _doc = _run(nlp, resources, text, rec, **records)
    assert len(rec.rows) == len(events)
    return [(e.trigger, dict(zip(FEATURES, row))) for e, row in zip(events, rec.rows)]


# two paragraphs: with no places or times handed in, two tellings of one kind in one paragraph would be one happening
# (events.happenings)
TWO_SHELLINGS = "Russian forces shelled Kherson on Monday.\n\nShelling of the town continued on Tuesday."

ROWS = [
    # (text, index of the event, feature, value)
    (TWO_SHELLINGS, 0, "plover=ASSAULT", 1.0),
    (TWO_SHELLINGS, 0, "plover=PROTEST", 0.0),
    (TWO_SHELLINGS, 0, "status=happened", 1.0),
    (TWO_SHELLINGS, 0, "clause=ROOT", 1.0),
    (TWO_SHELLINGS, 1, "clause=ROOT", 0.0),  # the second is the subject of "continued"
    (TWO_SHELLINGS, 1, "clause=nsubj", 1.0),
    (TWO_SHELLINGS, 0, "lead_sentence", 1.0),
    (TWO_SHELLINGS, 1, "lead_sentence", 0.0),
    (TWO_SHELLINGS, 0, "sentence_rel", 0.0),
    (TWO_SHELLINGS, 1, "sentence_rel", 1.0),
    (TWO_SHELLINGS, 0, "has_doer", 1.0),
    (TWO_SHELLINGS, 0, "log_earlier_same_type", 0.0),  # none of its type before it
    (TWO_SHELLINGS, 1, "log_earlier_same_type", math.log(2)),  # one before it
    (TWO_SHELLINGS, 0, "log_in_article", math.log(2)),
    (TWO_SHELLINGS, 0, "log_in_sentence", 0.0),  # alone in its sentence
    (TWO_SHELLINGS, 0, "date_undated", 1.0),  # no date handed in
    (TWO_SHELLINGS, 0, "not_happened", 0.0),
    # a threat told by a governor: its status, its modal and frame, a retyped trigger
    ("The army will attack the town next week, the governor said.", 0, "status=threatened", 1.0),
    ("The army will attack the town next week, the governor said.", 0, "status=happened", 0.0),
    ("The army will attack the town next week, the governor said.", 0, "modal=future", 1.0),
    ("The army will attack the town next week, the governor said.", 0, "retyped", 1.0),
    ("The army will attack the town next week, the governor said.", 0, "not_happened", 1.0),
    ("The army will attack the town next week, the governor said.", 0, "clause=ccomp", 1.0),
    # the lexicon's class of the trigger, not the word
    ("Protesters demanded the release of the detainees.", 0, "class=protest", 1.0),
    ("Protesters demanded the release of the detainees.", 0, "class=weapon", 0.0),
]


@pytest.mark.parametrize(("text", "nth", "feature", "value"), ROWS)
def test_features_of_a_real_doc(nlp: Any, resources: Resources, text: str, nth: int, feature: str,
                                value: float) -> None:
    rows = _rows(nlp, resources, text)
    assert len(rows) > nth, [t for t, _ in rows]
    assert rows[nth][1][feature] == pytest.approx(value), (rows[nth][0], feature)


def test_every_row_has_every_feature_and_one_type(nlp: Any, resources: Resources) -> None:
    for _trigger, row in _rows(nlp, resources, TWO_SHELLINGS):
        assert set(row) == set(FEATURES)
        assert sum(v for k, v in row.items() if k.startswith("plover=")) == 1.0
        assert sum(v for k, v in row.items() if k.startswith("status=")) == 1.0


# the article around a draft (CONTEXT): tense and aspect of its verb, a clause of saying above it, its sentence's own
# marks. Each row has a negative twin (the feature must be 0).
CONTEXT_ROWS = [
    ("Russian forces shelled Kherson.", "verb_past", 1.0),
    ("Russian forces shelled Kherson.", "verb_present", 0.0),
    ("Russian forces are shelling Kherson.", "verb_progressive", 1.0),
    ("Russian forces are shelling Kherson.", "verb_present", 1.0),
    ("Russian forces are shelling Kherson.", "verb_past", 0.0),
    ("Russian forces have shelled Kherson.", "verb_perfect", 1.0),
    ("Russian forces shelled Kherson.", "verb_perfect", 0.0),
    ("Kherson was shelled by Russian forces.", "verb_passive", 1.0),
    ("Russian forces shelled Kherson.", "verb_passive", 0.0),
    ("Russian forces could shell Kherson.", "verb_after_modal", 1.0),
    ("Russian forces shelled Kherson.", "verb_after_modal", 0.0),
    ("The governor said that Russian forces shelled Kherson.", "under_speech", 1.0),
    ("The governor said that Russian forces shelled Kherson.", "under_ccomp", 1.0),
    ("Russian forces shelled Kherson.", "under_speech", 0.0),
    ("Russian forces shelled Kherson.", "under_ccomp", 0.0),
    ("The shelling of Kherson killed civilians.", "verb_is_noun_clause", 1.0),  # a noun read by its verb's tense
    ("The shelling of Kherson killed civilians.", "verb_past", 1.0),
    ("Russian forces shelled Kherson.", "verb_is_noun_clause", 0.0),
    ('"We shelled Kherson," a soldier told us.', "sentence_quote_mark", 1.0),
    ('"We shelled Kherson," a soldier told us.', "sentence_first_person", 1.0),
    ("Russian forces shelled Kherson.", "sentence_quote_mark", 0.0),
    ("Russian forces shelled Kherson.", "sentence_first_person", 0.0),
    ("Did Russian forces shell Kherson?", "sentence_question", 1.0),
    ("Russian forces shelled Kherson.", "sentence_question", 0.0),
    ("Russian forces fired 40 rockets at Kherson.", "sentence_number", 1.0),
    ("Russian forces shelled Kherson.", "sentence_number", 0.0),
    ("Russian forces shelled Kherson.", "char_rel", 15 / 31),  # "shelled" starts at character 15 of 31
    ("Russian forces shelled Kherson.", "log_paragraph", 0.0),
]


@pytest.mark.parametrize(("text", "feature", "value"), CONTEXT_ROWS)
def test_context_of_a_real_doc(nlp: Any, resources: Resources, text: str, feature: str, value: float) -> None:
    assert feature in CONTEXT
    rows = _rows(nlp, resources, text)
    assert rows, "no event drafted"
    assert rows[0][1][feature] == pytest.approx(value), (rows[0][0], feature)


def test_a_sentence_with_its_own_date_and_place(nlp: Any, resources: Resources) -> None:
    text = "Russian forces shelled Kherson on Monday.\n\nShelling of the town continued."
    rows = _rows(nlp, resources, text, places=(place(text, "Kherson"),),
                 times=(timev(text, "Monday", "2022-11-07"),))
    first, second = (r for _t, r in rows)
    assert first["sentence_own_date"] == 1.0 and first["sentence_own_place"] == 1.0
    assert second["sentence_own_date"] == 0.0 and second["sentence_own_place"] == 0.0
    assert second["log_paragraph"] == pytest.approx(math.log(2))  # the second paragraph
    assert first["date_over_month"] == 0.0  # two days before publication


def test_a_date_far_from_publication(nlp: Any, resources: Resources) -> None:
    text = "Russian forces shelled Kherson on 3 March."
    ((_t, row),) = _rows(nlp, resources, text, times=(timev(text, "3 March", "2022-03-03"),))
    assert row["date_over_month"] == 1.0


def test_the_tensor_columns_are_the_parse_s_token_vectors(nlp: Any, resources: Resources) -> None:
    np = pytest.importorskip("numpy")
    text = "Russian forces shelled Kherson.\n\nThe town was quiet on Tuesday, and shelling resumed."
    rec = _Recorder()
    events, doc = _run(nlp, resources, text, rec)
    assert doc.tensor.shape == (len(doc), TENSOR_WIDTH)  # the tagger's vectors survive to the events stage
    assert [e.trigger for e in events] == ["shelled", "shelling"]
    at = {n: i for i, n in enumerate(FEATURES)}
    w = TENSOR_WIDTH
    start = at[TENSOR[0]]
    for row, word in zip(rec.rows, ["shelled", "shelling"]):
        head = next(t for t in doc if t.text == word)
        got = np.asarray(row[start:start + 3 * w])
        assert np.allclose(got[:w], doc.tensor[head.i], atol=1e-5)
        assert np.allclose(got[w:2 * w], doc.tensor[head.sent.start:head.sent.end].mean(axis=0), atol=1e-5)
        assert np.allclose(got[2 * w:], doc.tensor.mean(axis=0), atol=1e-5)
    # the two triggers' own vectors and sentences differ; the article's mean is one
    assert not np.allclose(rec.rows[0][start:start + w], rec.rows[1][start:start + w])
    assert rec.rows[0][start + 2 * w:] == rec.rows[1][start + 2 * w:]


def test_no_token_vectors_gives_zero_tensor_columns(nlp: Any, resources: Resources) -> None:
    from frontlines.events.sieve import tensor

    np = pytest.importorskip("numpy")
    doc = nlp("Russian forces shelled Kherson.")
    draft = SimpleNamespace(trigger=SimpleNamespace(head=doc[2]), sent=doc[0:5])
    assert np.abs(tensor([draft], doc)).sum() > 0  # type: ignore[list-item]
    doc.tensor = np.zeros((0, 0), dtype="float32")  # a parse that kept no vectors (a model without tok2vec)
    assert np.abs(tensor([draft], doc)).sum() == 0  # type: ignore[list-item]


def test_the_groups_partition_the_features() -> None:
    names = [n for group in GROUPS.values() for n in group]
    assert sorted(names) == sorted(FEATURES) and len(names) == len(set(names))
    assert len(GROUPS["tensor_trigger"]) == TENSOR_WIDTH


def test_a_sieve_over_some_groups_reads_only_their_columns(nlp: Any, resources: Resources) -> None:
    names = GROUPS["context"]
    sieve = Sieve(version="test", names=names, mean=(0.0,) * len(names), scale=(1.0,) * len(names),
                  weights=tuple(-9.0 if n == "under_speech" else 0.0 for n in names), bias=4.0, threshold=0.5)
    text = "Russian forces shelled Kherson.\n\nThe governor said that Russian forces shelled Kherson again."
    events, doc = _run(nlp, resources, text, sieve)
    assert [e.trigger for e in events] == ["shelled"]  # the one under a clause of saying goes
    (gone,) = doc.user_data[SIFTED]
    assert "under_speech -9.00" in gone["reason"]


def _sieve(weights: dict[str, float], *, bias: float = 0.0, threshold: float = 0.5) -> Sieve:
    return Sieve(version="test", names=FEATURES, mean=(0.0,) * len(FEATURES), scale=(1.0,) * len(FEATURES),
                 weights=tuple(weights.get(n, 0.0) for n in FEATURES), bias=bias, threshold=threshold)


def test_the_stage_drops_a_low_scoring_draft_and_keeps_a_high_scoring_one(nlp: Any, resources: Resources) -> None:
    # the later in the article, the lower: the second telling goes, with its reason on the Doc
    sieve = _sieve({"sentence_rel": -8.0}, bias=4.0)
    events, doc = _run(nlp, resources, TWO_SHELLINGS, sieve)
    assert [e.trigger for e in events] == ["shelled"]
    (gone,) = doc.user_data[SIFTED]
    assert gone["trigger"] == "Shelling"
    assert "sentence_rel -8.00" in gone["reason"] and gone["probability"] < 0.5


def test_the_stage_keeps_all_when_every_draft_scores_high(nlp: Any, resources: Resources) -> None:
    events, doc = _run(nlp, resources, TWO_SHELLINGS, _sieve({}, bias=4.0))
    assert [e.trigger for e in events] == ["shelled", "Shelling"]
    assert SIFTED not in doc.user_data


def test_no_sieve_injected_is_no_sieve(nlp: Any, resources: Resources) -> None:
    assert resources.event_sieve is None
    with_none, _ = _run(nlp, resources, TWO_SHELLINGS, None)
    with_keep_all, _ = _run(nlp, resources, TWO_SHELLINGS, _Recorder())
    assert with_none == with_keep_all


def test_sift_marks_the_drops_and_names_the_features_that_pulled_them_down() -> None:
    sieve = _sieve({"has_place": 3.0, "in_quote": -2.0}, bias=-1.0)
    row_of = {n: i for i, n in enumerate(FEATURES)}
    low, high = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    low[row_of["in_quote"]] = 1.0
    high[row_of["has_place"]] = 1.0
    drafts = [SimpleNamespace(dropped=False), SimpleNamespace(dropped=False)]
    gone = sift(drafts, [low, high], sieve)  # type: ignore[arg-type]
    assert [d.dropped for d in drafts] == [True, False]
    (_, verdict), = gone
    assert not verdict.keep and verdict.reason.split("; ", 1)[1] == "in_quote -2.00"


def _valid() -> dict[str, Any]:
    return _sieve({"has_place": 1.5}, bias=0.25, threshold=0.2).to_json()


def test_a_written_sieve_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "sieve.json"
    path.write_text(json.dumps(_valid()), encoding="utf-8")
    sieve = load_sieve(path)
    assert sieve.threshold == 0.2 and sieve.bias == 0.25 and sieve.names == FEATURES
    assert sieve.weights[FEATURES.index("has_place")] == 1.5


def _broken(change: str) -> Any:
    data = _valid()
    if change == "format":
        data["format"] = "something/else"
    elif change == "features":
        data["features"] = data["features"][:-1]
    elif change == "renamed":
        data["features"][0]["name"] = "word=attack"
    elif change == "scale":
        data["features"][3]["scale"] = 0.0
    elif change == "threshold":
        data["threshold"] = 1.5
    elif change == "no bias":
        del data["bias"]
    elif change == "not a number":
        data["features"][2]["weight"] = "heavy"
    elif change == "a list":
        data = [data]
    elif change == "edited":
        data["features"][0]["weight"] = 9.0  # the checksum no longer matches
        return data
    elif change == "unknown feature":
        data["features"][0]["name"] = "word=attack"
    elif change == "repeated":
        data["features"][1]["name"] = data["features"][0]["name"]
    if isinstance(data, dict) and change != "no checksum":
        data["sha256"] = checksum(data)  # a well-formed file whose contents are wrong, not just a stale checksum
    elif change == "no checksum":
        del data["sha256"]
    return data


@pytest.mark.parametrize("change", ["format", "renamed", "scale", "threshold", "no bias", "not a number", "a list",
                                    "edited", "unknown feature", "repeated", "no checksum"])
def test_a_corrupt_sieve_is_a_coded_error(tmp_path: Path, change: str) -> None:
    path = tmp_path / "sieve.json"
    path.write_text(json.dumps(_broken(change)), encoding="utf-8")
    with pytest.raises(SieveError) as err:
        load_sieve(path)
    assert err.value.code == "E602"
    assert REBUILD in str(err.value)  # the message names the command that rebuilds the file


def test_a_sieve_over_fewer_features_reads_back(tmp_path: Path) -> None:
    data = _valid()
    data["features"] = data["features"][:-1]  # a sieve of every feature but the last
    data["sha256"] = checksum(data)
    path = tmp_path / "sieve.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_sieve(path).names == FEATURES[:-1]


@pytest.mark.parametrize("content", [None, "", "{not json", b"\xff\xfe\x00"])
def test_a_missing_or_unreadable_file_is_a_coded_error(tmp_path: Path, content: Any) -> None:
    path = tmp_path / "sieve.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SieveError) as err:
        load_sieve(path)
    assert err.value.code == "E602" and "[E602]" in str(err.value)


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("train_sieve", ROOT / "corpus" / "events" / "train_sieve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_writes_what_the_loader_reads(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    script = _script()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(120, len(FEATURES)))
    at = FEATURES.index("has_place")
    y = (x[:, at] + 0.3 * rng.normal(size=120) > 0).astype(float)
    groups = np.arange(120) % 12
    cv = script.cross_validate(x, y, groups, gold=int(y.sum()))
    data = script.build(x, y, cv["best"]["lambda"], cv["best"]["threshold"], cv)
    assert data["format"] == FORMAT and data["meta"]["trained_on"] == "corpus/events/events-tune.jsonl"
    path = tmp_path / "sieve.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    sieve = load_sieve(path)
    assert sieve.weights[at] == max(sieve.weights)  # the feature that tells the label weighs most
    assert sieve_from_json(json.loads(path.read_text())) == sieve


def test_fit_is_regularised_and_cv_never_loses_more_recall_than_allowed() -> None:
    np = pytest.importorskip("numpy")
    script = _script()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] > 0).astype(float)
    w_loose, _ = script.fit(x, y, 0.1)
    w_tight, _ = script.fit(x, y, 100.0)
    assert abs(w_tight[0]) < abs(w_loose[0]) and w_tight[0] > 0
    cv = script.cross_validate(x, y, np.arange(200) % 10, gold=int(y.sum()))
    assert cv["best"]["recall"] >= cv["baseline"]["recall"] - script.RECALL_SLACK


@pytest.mark.parametrize("kind", ["stumps", "mlp"])
def test_the_non_linear_models_learn_a_signal_and_not_noise(kind: str) -> None:
    np = pytest.importorskip("numpy")
    script = _script()
    rng = np.random.default_rng(2)
    x = rng.normal(size=(300, 4))
    y = ((x[:, 0] > 0.5) | (x[:, 1] < -1.0)).astype(float)  # not linear in one feature
    groups = np.arange(300) % 15
    told = script.nonlinear(x, y, groups, int(y.sum()), kind)
    assert told["auc"] > 0.85
    noise = script.nonlinear(x, rng.permutation(y), groups, int(y.sum()), kind)
    assert noise["auc"] < 0.65  # labels with no link to the rows: no better than chance out of fold
