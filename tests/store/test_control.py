"""store/control.py against SQLite and PostgreSQL: control changes kept one per report."""

from __future__ import annotations

import datetime as dt

from tests.store.samples import article, control_change, extraction, place


def test_control_changes_replaced_per_article(store) -> None:  # noqa: ANN001
    a, b = article("Ukrainian forces took Kherson."), article("Ukrainian forces took Izium.")
    for x in (a, b):
        store.add_article(x)
        store.save_extraction(extraction(x))
    kherson = place(a.id, "Kherson", lat=46.64, lon=32.61, admin1="Kherson Oblast", gazetteer_id="geonames:706448")
    izium = place(b.id, "Izium", lat=49.21, lon=37.26, admin1="Kharkiv Oblast", gazetteer_id="geonames:707688")
    store.replace_control_changes([a.id], [(a.id, "k1", control_change(kherson, day=dt.date(2022, 11, 11)))])
    store.replace_control_changes([b.id], [(b.id, "k2", control_change(izium, day=dt.date(2022, 9, 10))),
                                           (b.id, "k3", control_change(izium, day=None, area=True))])
    assert [c.settlement.name for c in store.list_control_changes()][:2] == ["Izium", "Kherson"] or \
        [c.settlement.name for c in store.list_control_changes()][-2:] == ["Izium", "Kherson"]  # NULL date order
    assert {c.settlement.name for c in store.list_control_changes(until=dt.date(2022, 10, 1))} == {"Izium"}
    kherson_only = store.list_control_changes(region="Kherson")
    assert sorted((c.settlement.name, c.area) for c in kherson_only) == [("Izium", True), ("Kherson", False)]
    assert {c.settlement.name for c in store.list_control_changes(region="kherson oblast")} == {"Kherson", "Izium"}
    store.replace_control_changes([a.id], [])  # a re-processed with no change: only a's rows go
    assert [c.settlement.name for c in store.list_control_changes()] == ["Izium", "Izium"]
    assert store.stats()["control_changes"] == 2


def test_known_settlements_one_per_gazetteer_id(store) -> None:  # noqa: ANN001
    a, b = article("Shelling in Kharkiv."), article("More shelling in Kharkiv.")
    for x in (a, b):
        store.add_article(x)
        store.save_extraction(extraction(x))
    (known,) = store.known_settlements()
    assert known.gazetteer_id == "geonames:706483" and known.evidence.article_id in {a.id, b.id}
    assert store.known_settlements(region="UKR") == [known]
    assert store.known_settlements(region="Kherson") == []
