"""Gold reader: valid lines parse; each kind of bad line is an EvalError naming file:line."""

import json

import pytest

from frontlines.errors import EvalError
from frontlines.eval.reader import parse_line, read_gold

GOOD = {"id": "g1", "task": "geo", "text": "Shelling in Kherson.", "title": None, "published": "2022-11-09",
        "source": None, "gold": {"toponyms": [{"start": 12, "end": 19, "text": "Kherson", "lat": 46.6, "lon": 32.6,
                                               "geonameid": 706448}]}}


def write(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_valid_file_with_limit(tmp_path):
    second = dict(GOOD, id="g2")
    path = write(tmp_path, [json.dumps(GOOD), "", json.dumps(second)])
    docs = read_gold(path)
    assert [d.id for d in docs] == ["g1", "g2"]
    assert docs[0].published.isoformat() == "2022-11-09"
    assert len(read_gold(path, limit=1)) == 1


def test_dct_with_time_of_day_keeps_the_date():
    doc = parse_line(json.dumps(dict(GOOD, published="1998-02-06T22:19:00")))
    assert doc.published.isoformat() == "1998-02-06"


def _bad(**changes):
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key == "toponym":
            data["gold"]["toponyms"][0].update(value)
        elif value is None and key in data:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("line", "fragment", "code"),
    [
        ("{not json", "malformed JSON", "E801"),
        ("[1, 2]", "JSON object", "E801"),
        (_bad(text=None), "missing key 'text'", "E801"),
        (_bad(task="sentiment"), "unknown task", "E802"),
        (_bad(published="09/11/2022"), "bad published date", "E801"),
        (_bad(toponym={"end": 99}), "outside the text", "E801"),
        (_bad(toponym={"text": "Kyiv"}), "gold says 'Kyiv'", "E801"),
        (_bad(toponym={"lat": None}), "both", "E801"),
        (_bad(gold={"toponyms": "Kherson"}), "must be a list", "E801"),
        (json.dumps({"id": "e", "task": "event_type", "text": "x", "gold": {"label": "AGREE", "scheme": "cameo"}}),
         "scheme", "E801"),
    ],
)
def test_bad_line_names_file_and_line(tmp_path, line, fragment, code):
    path = write(tmp_path, [json.dumps(GOOD), line])
    with pytest.raises(EvalError) as info:
        read_gold(path)
    assert f"{path}:2" in str(info.value)
    assert fragment in str(info.value)
    assert info.value.code == code


def test_missing_empty_and_mixed_files(tmp_path):
    with pytest.raises(EvalError, match="E801"):
        read_gold(tmp_path / "absent.jsonl")
    with pytest.raises(EvalError, match="no documents"):
        read_gold(write(tmp_path, [""]))
    other = {"id": "t", "task": "event_type", "text": "x", "gold": {"label": "AGREE", "scheme": "plover"}}
    with pytest.raises(EvalError, match="differs"):
        read_gold(write(tmp_path, [json.dumps(GOOD), json.dumps(other)]))


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(GOOD).replace("Kherson", "Kh\u00e9rson").encode("latin-1"))
    with pytest.raises(EvalError, match="UTF-8"):
        read_gold(path)
