"""Control in the store: per-report changes after each article, the state on a date, GeoJSON, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import random

from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.control import state_geojson, state_on
from frontlines.control import update_after_run
from frontlines.records import Article, ArticleStatus, Evidence, Extraction, Place, PlaceKind, Precision, to_dict
from tests.incidents.helpers import FIXTURES, load_reports, save_reports

SEQUENCE = FIXTURES / "control" / "sequence.yaml"


def _known_places(store, reports) -> None:  # noqa: ANN001
    """An extra article whose places are every settlement of the fixture (as the geo stage would store them)."""
    import yaml

    specs = yaml.safe_load(SEQUENCE.read_text(encoding="utf-8"))["places"]
    text = ", ".join(s["name"] for s in specs.values())
    store.add_article(Article(id="places", text=text, source="Gazette", published=dt.date(2022, 1, 1),
                              status=ArticleStatus.PENDING))
    places = tuple(
        Place(text=s["name"], evidence=Evidence(article_id="places", start=0, end=1, text=s["name"]), name=s["name"],
              gazetteer_id=s["gid"], kind=PlaceKind.SETTLEMENT, lat=s["lat"], lon=s["lon"], admin1=s["admin1"],
              country="UKR", precision=Precision.EXACT)
        for s in specs.values() if s.get("kind", "settlement") == "settlement"
    )
    store.save_extraction(Extraction(article_id="places", places=places))


def _ingest(store, seed: int) -> None:  # noqa: ANN001
    reports, _ = load_reports(SEQUENCE)
    _known_places(store, reports)
    ids = sorted({r.article_id for r in reports})
    random.Random(seed).shuffle(ids)
    for aid in ids:
        save_reports(store, [r for r in reports if r.article_id == aid])
        update_after_run(store, [aid])


def test_state_in_the_store_is_order_independent(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store

    states = []
    for seed in (1, 2):
        store = open_store(str(tmp_path / f"c{seed}.db"))
        _ingest(store, seed)
        states.append(to_dict(state_on(store, dt.date(2022, 11, 12))))
        store.close()
    assert states[0] == states[1]
    by_name = {c["settlement"]["name"]: c for c in states[0]}
    assert by_name["Kherson"]["to_side"] == "UKR" and by_name["Kherson"]["status"] == "confirmed"
    # the right-bank withdrawal does not name Beryslav: it stays as named reports left it (issue 16; was UKR, area)
    assert by_name["Beryslav"]["to_side"] == "RUS" and by_name["Beryslav"]["area"] is False
    assert by_name["Oleshky"]["to_side"] == "RUS"


def test_reprocessing_an_article_replaces_its_changes(store) -> None:  # noqa: ANN001
    _ingest(store, 3)
    before = len(store.list_control_changes())
    update_after_run(store, ["k7", "k8"])  # nothing changed: same rows
    assert len(store.list_control_changes()) == before
    store.save_extraction(Extraction(article_id="k7"))  # k7's event is gone
    update_after_run(store, ["k7"])
    assert len(store.list_control_changes()) == before - 1
    kherson = {c.settlement.name: c for c in state_on(store, dt.date(2022, 11, 12))}["Kherson"]
    assert kherson.to_side == "UKR" and kherson.status.value == "claimed"  # only the BBC left, plus the ministry
    assert {c.settlement.name for c in state_on(store, dt.date(2022, 11, 12), region="Kharkiv")} == {
        "Tsyrkuny", "Mala Rohan", "Balakliia"}


def test_geojson_one_feature_per_settlement(sqlite_store) -> None:  # noqa: ANN001
    _ingest(sqlite_store, 1)
    state = state_on(sqlite_store, dt.date(2023, 1, 20))
    gj = state_geojson(state, dt.date(2023, 1, 20))
    assert gj["type"] == "FeatureCollection"
    names = [f["properties"]["settlement"] for f in gj["features"]]
    assert len(names) == len(set(names)) == len(state)
    soledar = next(f for f in gj["features"] if f["properties"]["settlement"] == "Soledar")
    assert soledar["geometry"]["coordinates"] == [38.09, 48.683]
    assert soledar["properties"]["side"] == "RUS"
    assert soledar["properties"]["status"] == "confirmed"
    assert soledar["properties"]["evidence"][0]["text"]


def test_cli_control_and_incidents(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store

    db = str(tmp_path / "cli.db")
    store = open_store(db)
    _ingest(store, 1)
    store.close()
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "control", "--date", "2022-11-12", "--format", "geojson"])
    assert res.exit_code == 0, res.output
    features = json.loads(res.stdout)["features"]
    assert {f["properties"]["settlement"]: f["properties"]["side"] for f in features}["Kherson"] == "UKR"
    res = runner.invoke(app, ["--db", db, "control", "--date", "2022-11-12", "--region", "Kherson Oblast"])
    assert res.exit_code == 0 and "Beryslav" in res.stdout and "Tsyrkuny" not in res.stdout
    res = runner.invoke(app, ["--db", db, "control", "--date", "2022-11-12", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)
    res = runner.invoke(app, ["--db", db, "control", "--date", "2022-11-12", "--format", "svg"])
    assert res.exit_code == 1
    res = runner.invoke(app, ["--db", db, "incidents", "--json", "--min-reports", "2"])
    assert res.exit_code == 0, res.output
    incidents = json.loads(res.stdout)
    assert incidents and all(len(i["reports"]) >= 2 for i in incidents)
    res = runner.invoke(app, ["--db", db, "incidents", "--rebuild"])
    assert res.exit_code == 0 and "Kherson" in res.stdout
