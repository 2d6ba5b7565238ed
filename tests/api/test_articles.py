"""/api/articles: list, one article with extractions and spans, and POST (token guard, ingest + process)."""

from __future__ import annotations

import re

import pytest

from frontlines.config import Settings
from frontlines.pipeline import Resources, Stage
from frontlines.records import Event, Evidence, Place, PlaceKind
from tests.api.conftest import TOKEN, _client


def test_list_articles_without_text(client) -> None:  # noqa: ANN001
    r = client.get("/api/articles")
    assert r.status_code == 200
    arts = r.json()["articles"]
    assert len(arts) == 4
    assert [a["published"] for a in arts] == sorted((a["published"] for a in arts), reverse=True)
    assert all("text" not in a and a["snippet"] and a["chars"] > 0 for a in arts)


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"source": "Kyiv Daily"}, ["Ukrainian troops enter Kherson"]),
        ({"text": "Dnipro"}, ["Ukrainian troops enter Kherson"]),
        ({"since": "2022-11-11"}, ["Russia denies strikes on civilians", "Ukrainian troops enter Kherson"]),
        ({"status": "pending"}, []),
        ({"text": "' OR 1=1 --"}, []),
    ],
)
def test_article_filters(client, params, titles) -> None:  # noqa: ANN001
    r = client.get("/api/articles", params=params)
    assert r.status_code == 200
    assert [a["title"] for a in r.json()["articles"]] == titles


@pytest.mark.parametrize("params", [{"status": "bogus"}, {"since": "11/09/2022"}, {"limit": 5000},
                                    {"since": "2022-11-12", "until": "2022-11-01"}])
def test_article_bad_parameters(client, params) -> None:  # noqa: ANN001
    r = client.get("/api/articles", params=params)
    assert r.status_code == 422 and r.json()["ok"] is False


def test_one_article_with_every_extraction_and_span(client) -> None:  # noqa: ANN001
    aid = client.get("/api/articles", params={"source": "Test Wire", "text": "Shoigu"}).json()["articles"][0]["id"]
    r = client.get(f"/api/articles/{aid[:10]}")  # a prefix is enough
    assert r.status_code == 200
    body = r.json()
    text = body["article"]["text"]
    assert body["article"]["id"] == aid
    ex = body["extraction"]
    assert len(ex["events"]) == 3 and len(ex["quotes"]) == 1 and len(ex["places"]) == 3
    kinds = {s["kind"] for s in body["spans"]}
    assert kinds == {"place", "time", "quantity", "actor", "quote", "speaker", "cue", "event"}
    for s in body["spans"]:  # every span points at real text and says what it became
        assert 0 <= s["start"] < s["end"] <= len(text) and s["label"]
    shelled = next(s for s in body["spans"] if s["kind"] == "event" and text[s["start"]:s["end"]] == "shelled")
    assert shelled["label"] == "event → ASSAULT (happened)"
    assert any("Mykolaiv" in d for d in shelled["details"])
    assert shelled["event_key"] in {e["key"] for e in body["events"]}
    quote = next(s for s in body["spans"] if s["kind"] == "quote")
    assert text[quote["start"]:quote["end"]] == "the move would save the lives of servicemen"
    assert quote["label"] == "direct quote by Sergei Shoigu"
    place = next(s for s in body["spans"] if s["kind"] == "place" and "Kherson" in s["label"])
    assert any(d.startswith("coordinates: 46.6354") for d in place["details"])


@pytest.mark.parametrize("aid", ["0000000000", "zzzz"])
def test_unknown_article_is_404(client, aid) -> None:  # noqa: ANN001
    r = client.get(f"/api/articles/{aid}")
    assert r.status_code == 404 and r.json()["status"] == 404


@pytest.mark.parametrize("aid", ["a", "x' OR '1'='1", "%25%25%25%25"])
def test_malformed_article_id_is_4xx(client, aid) -> None:  # noqa: ANN001
    r = client.get(f"/api/articles/{aid}")
    assert r.status_code in (404, 422) and r.json()["ok"] is False


# -- writes -------------------------------------------------------------------

POST = {"text": "Russian forces shelled Kharkiv on Monday, officials said.", "title": "Shelling",
        "url": "https://example.org/a", "published": "2022-11-09", "source": "Test Wire"}


def test_writes_refused_without_configured_token(client) -> None:  # noqa: ANN001
    r = client.post("/api/articles", json=POST, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403
    assert r.json() == {"ok": False, "error": r.json()["error"], "status": 403, "code": "E902"}
    assert "FRONTLINES_API_TOKEN" in r.json()["error"]


def _places_stage() -> Stage:
    def run(inp):  # noqa: ANN001, ANN202
        out = []
        for m in re.finditer(r"Kharkiv", inp.article.text):
            ev = Evidence(article_id=inp.article.id, start=m.start(), end=m.end(), text=m.group())
            out.append(Place(text=m.group(), evidence=ev, name="Kharkiv", kind=PlaceKind.SETTLEMENT,
                             lat=49.99, lon=36.23, country="UKR"))
        return tuple(out)

    return Stage("test.places", "1", "places", (), run)


def _events_stage() -> Stage:
    def run(inp):  # noqa: ANN001, ANN202
        out = []
        for m in re.finditer(r"shelled", inp.article.text):
            ev = Evidence(article_id=inp.article.id, start=0, end=len(inp.article.text), text=inp.article.text)
            place = inp.outputs["places"][0] if inp.outputs["places"] else None
            out.append(Event(evidence=ev, trigger=m.group(), plover_type="ASSAULT", place=place))
        return tuple(out)

    return Stage("test.events", "1", "events", ("places",), run)


def blank_resources(_settings):  # noqa: ANN001, ANN201 - picklable: the worker process calls it
    import spacy

    return Resources(nlp=spacy.blank("en"))


def fake_stages() -> list[Stage]:
    return [_places_stage(), _events_stage()]


@pytest.fixture
def writer(fresh_db):  # noqa: ANN001, ANN201
    gen = _client(Settings(db=fresh_db, api_token=TOKEN), resources_loader=blank_resources, stages=fake_stages)
    client = next(gen)
    yield client
    next(gen, None)


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": TOKEN}, 401),
     ({"Authorization": f"Basic {TOKEN}"}, 401)],
)
def test_writes_need_the_right_token(writer, headers, status) -> None:  # noqa: ANN001
    r = writer.post("/api/articles", json=POST, headers=headers)
    assert r.status_code == status and r.json()["ok"] is False
    assert r.headers.get("www-authenticate") == "Bearer"
    assert writer.get("/api/articles").json()["articles"] == []  # nothing stored
    assert writer.app.state.processor.loads == 0  # and the model was never loaded


def test_post_ingests_and_processes(writer) -> None:  # noqa: ANN001
    auth = {"Authorization": f"Bearer {TOKEN}"}
    other = {**POST, "text": "Nothing happened in Lviv today, the mayor said.", "title": "Quiet"}
    r = writer.post("/api/articles", json=[POST, other], headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == 2 and body["processed"] == 2
    first = body["articles"][0]
    assert first["outcome"] == "stored" and first["status"] == "processed" and first["events"] == 1
    events = writer.get("/api/events").json()["events"]
    assert len(events) == 1 and events[0]["location"] == "Kharkiv" and events[0]["date"] is None
    # The same article again is a duplicate, not processed twice; the model loaded once.
    again = writer.post("/api/articles", json=POST, headers=auth).json()
    assert again["articles"][0]["outcome"] == "duplicate" and again["stored"] == 0
    assert writer.app.state.processor.loads == 1
    assert writer.get("/api/events").json()["total"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"title": "no text"},
        {**POST, "published": "not a date"},
        [],
        [POST] * 101,
        "just a string",
        {"text": 42},
    ],
)
def test_post_bad_bodies_are_422(writer, body) -> None:  # noqa: ANN001
    r = writer.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422, r.text
    assert r.json()["ok"] is False and r.json()["status"] == 422


def test_post_invalid_json_is_422(writer) -> None:  # noqa: ANN001
    r = writer.post("/api/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}",
                                                                     "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["ok"] is False
